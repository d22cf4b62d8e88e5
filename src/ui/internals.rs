//! The loop internals view: the loop as asyncio models it, at the replay cursor or, while a run
//! goes, at its latest event. Everything shown comes from [`LoopModel`], which is rebuilt from
//! the Trace alone (and checked against the executor's real state in the tests).

use leptos::prelude::*;

use super::i18n::{label, t, use_lang, Lang};
use super::session::use_session;
use super::words::{done_owner, lines_label, more, queued_label, state_label, timer_label, Lines};
use crate::analysis::model::{LoopModel, Queued, TaskState};
use crate::analysis::replay::first_interesting;
use crate::trace::{DoneOf, LoopKind};

/// The most entries a list shows; the rest are counted.
const MAX_ITEMS: usize = 60;

/// A ready-queue entry as a stable key: `task:<index>` or `callback:<id>` (for tests).
pub fn entry_key(entry: Queued) -> String {
    match entry {
        Queued::Task(task) => format!("task:{}", task.index()),
        Queued::Callback(id) => format!("callback:{id}"),
    }
}

/// What ends a list of `len` entries drawn up to [`MAX_ITEMS`]: "(empty)", "and N more", or
/// nothing.
fn list_tail(len: usize, lang: Lang) -> Option<impl IntoView> {
    let text = if len == 0 {
        Some(lang.pick(t("(empty)", "（空）")).to_string())
    } else {
        more(len.saturating_sub(MAX_ITEMS), lang)
    };
    text.map(|text| view! { <li class="empty">{text}</li> })
}

fn render(model: &LoopModel, lines: &Lines, lang: Lang) -> impl IntoView {
    // The model names its own tasks: no copy of every name per render.
    let names = model;
    let running = match model.running {
        Some(entry) => queued_label(entry, model, names, lines, lang),
        None if model.closed => lang
            .pick(t("nothing (the loop is closed)", "无（事件循环已关闭）"))
            .into(),
        None => lang.pick(t("nothing", "无")).into(),
    };
    let ready = model
        .ready
        .iter()
        .take(MAX_ITEMS)
        .map(|entry| {
            let text = queued_label(*entry, model, names, lines, lang);
            view! { <li data-testid="ready-entry" data-entry=entry_key(*entry)>{text}</li> }
        })
        .collect_view();
    let ready_tail = list_tail(model.ready.len(), lang);
    let timers = model
        .timers
        .values()
        .take(MAX_ITEMS)
        .map(|timer| {
            let text = timer_label(timer, model, names, lines, lang);
            view! {
                <li data-testid="timer-entry" data-timer=timer.id.get() data-deadline-us=timer.deadline_us>
                    {text}
                </li>
            }
        })
        .collect_view();
    let timers_tail = list_tail(model.timers.len(), lang);
    let tasks = model
        .tasks
        .iter()
        .take(MAX_ITEMS)
        .map(|task| {
            let state = state_label(&task.state, names, lang);
            let class = match task.state {
                TaskState::Pending | TaskState::Ready => "ready",
                TaskState::Running => "running",
                TaskState::Waiting(_) => "waiting",
                TaskState::Done => "done",
                TaskState::Cancelled | TaskState::Failed(_) => "ended-badly",
            };
            let callbacks = (!task.done_callbacks.is_empty())
                .then(|| lines_label(&task.done_callbacks, lines, lang));
            view! {
                <tr data-testid="task-state" class=class>
                    <td>{task.name.to_string()}</td>
                    <td data-testid="task-state-text">{state}</td>
                    <td>{callbacks}</td>
                </tr>
            }
        })
        .collect_view();
    let tasks_more = more(model.tasks.len().saturating_sub(MAX_ITEMS), lang);
    let futures = model
        .futures
        .iter()
        .filter(|(_, f)| !f.done_callbacks.is_empty() || !f.done)
        .take(MAX_ITEMS)
        .map(|(id, future)| {
            let owner = done_owner(DoneOf::Future(*id), names);
            let state = if future.done {
                lang.pick(t("done", "已有结果"))
            } else {
                lang.pick(t("pending", "未完成"))
            };
            let callbacks = (!future.done_callbacks.is_empty())
                .then(|| format!(" · {}", lines_label(&future.done_callbacks, lines, lang)));
            view! { <li data-testid="future-entry">{owner}": "{state}{callbacks}</li> }
        })
        .collect_view();
    view! {
        <div class="internals-body">
            <p data-testid="internals-running">
                <strong>{lang.pick(t("Running now: ", "正在运行："))}</strong>
                {running}
            </p>
            <p data-testid="internals-loop">
                <strong>{lang.pick(t("Loop: ", "事件循环："))}</strong>
                {loop_words(model.loop_kind, lang)}
            </p>
            <div class="internals-grid">
                <div>
                    <h4>{lang.pick(t("Ready queue (runs first → last)", "就绪队列（从左到右依次运行）"))}</h4>
                    <ol class="queue" data-testid="internals-ready">{ready}{ready_tail}</ol>
                </div>
                <div>
                    <h4>{lang.pick(t("Timer heap (soonest first)", "定时器堆（最早到期在前）"))}</h4>
                    <ol data-testid="internals-timers">{timers}{timers_tail}</ol>
                </div>
            </div>
            <h4>{lang.pick(t("Tasks", "任务"))}</h4>
            <table class="tasks" data-testid="internals-tasks">
                <tbody>{tasks}</tbody>
            </table>
            {tasks_more.map(|m| view! { <p class="more">{m}</p> })}
            <ul class="futures" data-testid="internals-futures">{futures}</ul>
        </div>
    }
}

/// Which loop runs the ready queue, and how.
fn loop_words(kind: LoopKind, lang: Lang) -> &'static str {
    match kind {
        LoopKind::Asyncio => lang.pick(t(
            "asyncio (every ready callback in this turn, as microtasks)",
            "asyncio（就绪的回调都在这一轮里运行，用微任务）",
        )),
        LoopKind::SetTimeout => lang.pick(t(
            "setTimeout (each ready callback waits for a setTimeout(0) of its own, as Pyodide's WebLoop)",
            "setTimeout（每个就绪的回调各等一次 setTimeout(0)，和 Pyodide 的 WebLoop 一样）",
        )),
    }
}

/// The panel: closed by default; while closed it costs nothing per frame.
#[component]
pub fn Internals() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let open = RwSignal::new(false);
    let body = move || {
        if !open.get() {
            return None;
        }
        let lang = lang.get();
        let lines = Lines::of(session.lesson());
        Some(match session.cursor.get() {
            Some(seq) => session
                .replay_at(seq, |at| render(&at.model, &lines, lang).into_any())
                .unwrap_or_else(|| ().into_any()),
            None => session
                .model
                .with(|model| render(model, &lines, lang).into_any()),
        })
    };
    view! {
        <details
            class="internals"
            data-testid="internals"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let element: web_sys::Element = event_target(&ev);
                let now = element.has_attribute("open");
                open.set(now);
                // Opened after a run with replay at the end: start where the loop first has
                // something to show, not at its empty finish.
                if now && session.cursor.get_untracked().is_none() {
                    if let Some(seq) = session.with_trace(first_interesting).flatten() {
                        session.seek(seq);
                    }
                }
            }
        >
            <summary data-testid="internals-toggle">
                {label(t("Loop internals: ready queue, timers, task states", "事件循环内部：就绪队列、定时器、任务状态"))}
            </summary>
            {body}
        </details>
    }
}
