//! What the page is for, said once: a short intro the reader dismisses (remembered), and the
//! one-line legend of the names a run prints under.

use leptos::prelude::*;

use super::i18n::{label, t};
use super::prefs;

/// How to use a lesson, in three sentences,, until the reader says they have read them.
#[component]
pub fn Intro() -> impl IntoView {
    let shown = RwSignal::new(!prefs::intro_dismissed());
    view! {
        <Show when=move || shown.get()>
            <aside class="intro" data-testid="intro" aria-label=label(t("How to use a lesson", "如何使用课程"))>
                <p>
                    {label(t(
                        "Press Run: each printed line shows up beside the code with when it printed and which task printed it (point at it or tap it to see its line). Real time waits for real; Instant jumps to the next timer — same order, exact times. Better still: press “Predict the order” first.",
                        "点“运行”：每行输出都出现在代码旁边，带着打印时间和打印它的任务（指向或轻触它即可看到对应代码行）。“真实时间”真的等待；“瞬时”直接跳到下一个定时器——顺序相同，时间精确。更好的做法：先点“预测输出顺序”。",
                    ))}
                </p>
                <button data-testid="intro-dismiss" on:click=move |_| {
                    prefs::dismiss_intro();
                    shown.set(false);
                }>
                    {label(t("Got it", "知道了"))}
                </button>
            </aside>
        </Show>
    }
}

/// Who prints: the names in the output, the timeline and the hints, in one line.
#[component]
pub fn NamesLegend() -> impl IntoView {
    view! {
        <p class="names-legend" data-testid="names-legend">
            {label(t(
                "Task-1 is main(), made by asyncio.run; Task-2, Task-3… are the tasks it creates, in order; loop is the event loop's own callbacks; worker-N is a thread of the pool.",
                "Task-1 是 asyncio.run 创建的 main()；Task-2、Task-3…… 依次是它创建的任务；loop 是事件循环自己的回调；worker-N 是线程池里的线程。",
            ))}
        </p>
    }
}
