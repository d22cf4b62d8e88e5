//! Replay: after a run, walk its Trace event by event (a scrubber and step buttons), with the
//! output, the timeline and both listings following the cursor.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang, Lang};
use super::session::{use_session, Phase};
use super::words::wait_words as describe_wait;
use crate::trace::{DoneOf, Event, EventKind, Trace, LOOP_NAME};

/// One line saying what happened at an event, for the replay bar.
pub fn describe_event(trace: &Trace, event: &Event, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let who = event.task.map_or_else(
        || LOOP_NAME.to_string(),
        |task| trace.task_name(task).to_string(),
    );
    let names: Vec<String> = trace.task_names().map(str::to_string).collect();
    let what = match &event.kind {
        EventKind::ThreadPrint { thread, text, .. } => {
            if zh {
                format!("{thread} 线程打印 “{text}”")
            } else {
                format!("{thread} thread prints \"{text}\"")
            }
        }
        EventKind::IoStarted { io, kind, label } => {
            let kind = kind.name();
            if zh {
                format!("开始 {kind} #{io}：{label}")
            } else {
                format!("starts {kind} #{io}: {label}")
            }
        }
        EventKind::IoProgress { io, done, total } => match total {
            Some(total) => format!("#{io}: {done} / {total} B"),
            None => format!("#{io}: {done} B"),
        },
        EventKind::IoEnded { io, error: None } => {
            if zh {
                format!("#{io} 完成")
            } else {
                format!("#{io} done")
            }
        }
        EventKind::IoEnded {
            io,
            error: Some(error),
        } => {
            if zh {
                format!("#{io} 失败：{error}")
            } else {
                format!("#{io} failed: {error}")
            }
        }
        EventKind::RunStarted { .. } => {
            if zh {
                "运行开始".into()
            } else {
                "run started".into()
            }
        }
        EventKind::TaskSpawned { .. } => {
            if zh {
                "创建".into()
            } else {
                "created".into()
            }
        }
        EventKind::TaskPolled => {
            if zh {
                "开始运行一步".into()
            } else {
                "runs a step".into()
            }
        }
        EventKind::TaskSuspended { on } => {
            let on = describe_wait(on, &names, lang);
            if zh {
                format!("挂起，等待 {on}")
            } else {
                format!("suspends, waiting on {on}")
            }
        }
        EventKind::TaskWoken => {
            if zh {
                "被唤醒，进入就绪队列".into()
            } else {
                "is woken, queued to run".into()
            }
        }
        EventKind::TaskFinished => {
            if zh {
                "返回".into()
            } else {
                "returns".into()
            }
        }
        EventKind::TaskCancelled => {
            if zh {
                "被取消".into()
            } else {
                "is cancelled".into()
            }
        }
        EventKind::TaskFailed { error } => {
            format!("{} {error}", if zh { "出错：" } else { "raises" })
        }
        EventKind::TimerSet {
            timer, deadline_us, ..
        } => {
            let due = deadline_us / 1000;
            if zh {
                format!("设置定时器 {timer}，{due} ms 到期")
            } else {
                format!("sets timer {timer}, due at {due} ms")
            }
        }
        EventKind::TimerFired { timer, .. } => {
            if zh {
                format!("定时器 {timer} 到期")
            } else {
                format!("timer {timer} fires")
            }
        }
        EventKind::TimerCancelled { timer } => {
            if zh {
                format!("取消定时器 {timer}")
            } else {
                format!("cancels timer {timer}")
            }
        }
        EventKind::CallbackScheduled {
            callback, done_of, ..
        } => {
            let of = done_of.map(|of| done_owner(of, &names));
            match (of, zh) {
                (Some(of), true) => format!("{of} 已结束，安排它的完成回调 {callback}"),
                (Some(of), false) => {
                    format!("{of} is done: schedules its done callback {callback}")
                }
                (None, true) => format!("安排回调 {callback}"),
                (None, false) => format!("schedules callback {callback}"),
            }
        }
        EventKind::DoneCallbackAdded { to, line } => {
            let to = done_owner(*to, &names);
            if zh {
                format!("给 {to} 添加完成回调（Rust 第 {line} 行）")
            } else {
                format!("adds a done callback to {to} (Rust line {line})")
            }
        }
        EventKind::CallbackRan { callback } => {
            if zh {
                format!("运行回调 {callback}")
            } else {
                format!("runs callback {callback}")
            }
        }
        EventKind::CallbackCancelled { callback } => {
            if zh {
                format!("撤销回调 {callback}")
            } else {
                format!("cancels callback {callback}")
            }
        }
        EventKind::FutureSet { future } => {
            if zh {
                format!("设置 future #{future} 的结果")
            } else {
                format!("resolves future #{future}")
            }
        }
        EventKind::Print { text, .. } => format!("print({text:?})"),
        EventKind::RunFinished { outcome: Ok(()) } => {
            if zh {
                "运行结束".into()
            } else {
                "run finished".into()
            }
        }
        EventKind::RunFinished {
            outcome: Err(error),
        } => format!(
            "{} {error}",
            if zh {
                "运行出错结束："
            } else {
                "run ended with"
            }
        ),
        EventKind::RunStopped => {
            if zh {
                "已停止".into()
            } else {
                "stopped".into()
            }
        }
        EventKind::CoroutineNeverAwaited { name, line } => {
            if zh {
                format!("协程 {name}（Rust 第 {line} 行）从未被 await 就被丢弃")
            } else {
                format!("coroutine {name} (Rust line {line}) dropped, never awaited")
            }
        }
        EventKind::Blocked { us, line } => {
            let ms = (us + 500) / 1000;
            if zh {
                format!("阻塞调用（Rust 第 {line} 行）占住事件循环 {ms} ms")
            } else {
                format!("blocking call (Rust line {line}) holds the loop for {ms} ms")
            }
        }
        EventKind::ErrorNeverRetrieved { error } => {
            if zh {
                format!("任务的异常没人取走：{error}")
            } else {
                format!("task exception was never retrieved: {error}")
            }
        }
    };
    format!("+{} ms · {who} · {what}", event.at_ms())
}

/// A `blob:` URL holding the current run as Chrome trace JSON (the previous one is revoked).
fn trace_file_url(session: super::session::Session) -> Option<String> {
    let json = session.with_trace(|trace| {
        crate::analysis::export::chrome_trace(
            trace,
            session.lesson_id.get_untracked(),
            &|on, names| super::words::wait_words(on, names, super::i18n::Lang::En),
        )
    })?;
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    LAST_URL.with(|last| {
        if let Some(old) = last.replace(Some(url.clone())) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    Some(url)
}

thread_local! {
    static LAST_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A task's name or `future #N`.
pub fn done_owner(of: DoneOf, names: &[String]) -> String {
    match of {
        DoneOf::Task(task) => names
            .get(task.index())
            .cloned()
            .unwrap_or_else(|| format!("task #{}", task.index() + 1)),
        DoneOf::Future(id) => format!("future #{id}"),
    }
}

/// The replay bar, shown once a run has ended.
#[component]
pub fn Replay() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let ended = move || {
        !matches!(session.phase.get(), Phase::Idle | Phase::Running)
            && session.event_count.get() > 0
    };
    let last = move || session.event_count.get().saturating_sub(1) as u64;
    let at = move || session.cursor.get().unwrap_or_else(last);
    let go = move |seq: u64| session.cursor.set(Some(seq.min(last())));
    // The next (or previous) Print event from the cursor, if any.
    let print_from = move |forward: bool| {
        let from = at();
        session
            .with_trace(|trace| {
                let is_print = |e: &&Event| matches!(e.kind, EventKind::Print { .. });
                let events = trace.events();
                if forward {
                    events
                        .iter()
                        .skip(from as usize + 1)
                        .find(is_print)
                        .map(|e| e.seq)
                } else {
                    events
                        .iter()
                        .take(from as usize)
                        .rev()
                        .find(is_print)
                        .map(|e| e.seq)
                }
            })
            .flatten()
    };
    let description = move || {
        let seq = at();
        let lang = lang.get();
        session
            .with_trace(|trace| {
                trace
                    .events()
                    .get(seq as usize)
                    .map(|e| describe_event(trace, e, lang))
            })
            .flatten()
            .unwrap_or_default()
    };
    view! {
        <Show when=ended>
            <div class="replay" data-testid="replay" role="group" aria-label=label(t("Replay", "回放"))>
                <span class="replay-label">{label(t("Replay", "回放"))}</span>
                <button data-testid="step-first" title=label(t("First event", "第一个事件")) on:click=move |_| go(0)>"«"</button>
                <button
                    data-testid="step-prev-print"
                    title=label(t("Previous print", "上一个输出"))
                    on:click=move |_| go(print_from(false).unwrap_or(0))
                >
                    "⇤"
                </button>
                <button data-testid="step-prev" title=label(t("Previous event", "上一个事件")) on:click=move |_| go(at().saturating_sub(1))>"◀"</button>
                <input
                    type="range"
                    data-testid="scrubber"
                    min="0"
                    max=move || last().to_string()
                    prop:value=move || at().to_string()
                    aria-label=label(t("Event", "事件"))
                    on:input=move |ev| {
                        if let Ok(seq) = event_target_value(&ev).parse::<u64>() {
                            go(seq);
                        }
                    }
                />
                <button data-testid="step-next" title=label(t("Next event", "下一个事件")) on:click=move |_| go(at() + 1)>"▶"</button>
                <button
                    data-testid="step-next-print"
                    title=label(t("Next print", "下一个输出"))
                    on:click=move |_| go(print_from(true).unwrap_or_else(last))
                >
                    "⇥"
                </button>
                <button data-testid="step-last" title=label(t("Whole run", "整个运行")) on:click=move |_| session.cursor.set(None)>"»"</button>
                <a
                    class="button"
                    data-testid="download-trace"
                    href="#"
                    download=move || format!("loopscope-{}.json", session.lesson_id.get())
                    title=label(t(
                        "The run as a Chrome trace: open it in ui.perfetto.dev or the DevTools Performance panel",
                        "把这次运行导出为 Chrome trace：可在 ui.perfetto.dev 或 DevTools 的 Performance 面板中打开",
                    ))
                    on:click=move |ev| {
                        // The file is made when asked for: the href is set before the browser
                        // follows the link.
                        let link: web_sys::Element = event_target(&ev);
                        match trace_file_url(session) {
                            Some(url) => {
                                let _ = link.set_attribute("href", &url);
                            }
                            None => ev.prevent_default(),
                        }
                    }
                >
                    {label(t("Download trace (Perfetto)", "下载 trace（Perfetto）"))}
                </a>
                <span class="replay-event" data-testid="replay-event" aria-live="polite">
                    {move || format!("{}/{} · {}", at() + 1, last() + 1, description())}
                </span>
            </div>
        </Show>
    }
}
