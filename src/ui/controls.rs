//! Run, Stop, the clock (real or instant) and the speed of the real clock.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::{use_session, ClockMode, Phase};
use crate::course::Needs;

/// The run controls and the run's status line.
#[component]
pub fn Controls() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let running = move || matches!(session.phase.get(), Phase::Loading(_) | Phase::Running);
    let workers = move || session.lesson().needs == Needs::Workers;
    let database = move || session.lesson().needs == Needs::Database;
    Effect::new(move |_| session.warm_workers());
    let status = move || {
        let l = lang.get();
        let ms = session.elapsed_ms.get();
        match session.phase.get() {
            Phase::Idle => l.pick(t("Ready", "就绪")).to_string(),
            Phase::Loading(part) => part.loading(l).to_string(),
            Phase::Running => format!("{} +{ms} ms", l.pick(t("Running…", "运行中…"))),
            Phase::Finished => format!("{} {ms} ms", l.pick(t("Finished in", "完成，用时"))),
            Phase::Stopped => format!("{} +{ms} ms", l.pick(t("Stopped at", "已停止于"))),
            Phase::Failed(error) => {
                format!("{}: {error}", l.pick(t("Ended with an error", "出错结束")))
            }
        }
    };
    view! {
        <div class="controls" role="toolbar" aria-label=label(t("Run controls", "运行控制"))>
            <button
                class="run"
                data-testid="run"
                disabled=move || session.refused.with(|r| !r.is_empty())
                title=move || session.refused.with(|r| !r.is_empty()).then(|| label(t("A value is refused: fix it or restore the lesson's values", "有参数值不被接受：请修改，或恢复课程原值"))())
                on:click=move |_| session.run()
            >
                {move || if running() { label(t("Restart", "重新运行"))() } else { label(t("Run", "运行"))() }}
            </button>
            <button
                class="stop"
                data-testid="stop"
                disabled=move || !running()
                on:click=move |_| session.stop()
            >
                {label(t("Stop", "停止"))}
            </button>
            <fieldset class="clock">
                <legend>{label(t("Clock", "时钟"))}</legend>
                {[
                    (ClockMode::Real, "clock-real", t("Real time", "真实时间")),
                    (ClockMode::Instant, "clock-instant", t("Instant (virtual clock)", "瞬时（虚拟时钟）")),
                ]
                    .into_iter()
                    .map(|(mode, testid, text)| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name="clock"
                                    data-testid=testid
                                    disabled=move || mode == ClockMode::Instant && workers()
                                    prop:checked=move || session.effective_clock() == mode
                                    on:change=move |_| session.clock.set(mode)
                                />
                                {label(text)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=workers>
                <span class="clock-note" data-testid="clock-note">
                    {label(t(
                        "Workers block for real time: this lesson runs on the real clock.",
                        "线程里的阻塞要花真实的时间：这一课只用真实时钟运行。",
                    ))}
                </span>
            </Show>
            <Show when=database>
                <ResetDatabases running=Signal::derive(running) />
            </Show>
            <label class="speed">
                {label(t("Speed", "速度"))}
                <select
                    data-testid="speed"
                    disabled=move || session.effective_clock() == ClockMode::Instant
                    on:change=move |ev| {
                        if let Ok(speed) = event_target_value(&ev).parse::<u32>() {
                            session.speed.set(speed.clamp(1, 10));
                        }
                    }
                >
                    {[1u32, 2, 5, 10]
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.to_string() selected=move || session.speed.get() == s>
                                    {format!("{s}×")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <span class="status" data-testid="status" role="status">{status}</span>
        </div>
    }
}

/// The database lessons' "reset the sample databases" action: the page's SQL server forgets
/// every change (its databases live in the browser and outlive runs and reloads) and finds
/// the sample databases again. Not while a run has connections open.
#[component]
fn ResetDatabases(running: Signal<bool>) -> impl IntoView {
    let lang = use_lang();
    // None before the first reset; then whether the last one worked, and why not.
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let busy = RwSignal::new(false);
    let reset = move |_| {
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let result = crate::runtime::sql::reset().await;
            busy.set(false);
            outcome.set(Some(result));
        });
    };
    let said = move || {
        let l = lang.get();
        outcome.get().map(|result| match result {
            Ok(()) => l
                .pick(t(
                    "The sample databases are as they were.",
                    "示例数据库已恢复原样。",
                ))
                .to_string(),
            Err(why) => format!("{}: {why}", l.pick(t("The reset failed", "恢复失败"))),
        })
    };
    view! {
        <button
            class="reset-db"
            data-testid="reset-databases"
            disabled=move || running.get() || busy.get()
            title=label(t(
                "The page's MySQL servers keep their data in this browser, across runs and reloads: this deletes every change",
                "网页里的 MySQL 服务器把数据保存在这个浏览器里，跨运行、跨刷新都在：这会删除所有改动",
            ))
            on:click=reset
        >
            {label(t("Reset the sample databases", "恢复示例数据库"))}
        </button>
        <span class="clock-note" data-testid="reset-databases-status" role="status">{said}</span>
    }
}
