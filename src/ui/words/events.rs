//! One line per Trace event, for the replay bar.

use super::wait_words as describe_wait;
use super::{Lines, TaskNames};
use crate::trace::{DoneOf, Event, EventKind, IoKind, Trace, LOOP_NAME};
use crate::ui::i18n::Lang;

/// One line saying what happened at an event, for the replay bar.
pub fn event_words(trace: &Trace, event: &Event, lines: &Lines, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let cite = |line: u32| lines.cite(line, lang);
    let who = event.task.map_or_else(
        || LOOP_NAME.to_string(),
        |task| trace.task_name(task).to_string(),
    );
    let names = trace;
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
        EventKind::IoStatus { io, status } => {
            // A mail's status is its SMTP reply code; everything else is HTTP.
            let mail = trace.events().iter().any(|e| {
                matches!(e.kind, EventKind::IoStarted { io: started, kind: IoKind::Mail, .. } if started == *io)
            });
            if mail {
                format!("#{io}: SMTP {status}")
            } else {
                format!(
                    "#{io}: HTTP {}",
                    crate::runtime::web::http::status_line(*status)
                )
            }
        }
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
        EventKind::LoopChosen { kind } => {
            let kind = kind.name();
            if zh {
                format!("换用事件循环：{kind}")
            } else {
                format!("switches to the {kind} loop")
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
        EventKind::TaskRenamed { name } => {
            if zh {
                format!("改名为 {name}")
            } else {
                format!("renamed {name}")
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
            let on = describe_wait(on, names, lang);
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
            let of = done_of.map(|of| done_owner(of, names));
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
            let to = done_owner(*to, names);
            if zh {
                format!("给 {to} 添加完成回调（{}）", cite(*line))
            } else {
                format!("adds a done callback to {to} ({})", cite(*line))
            }
        }
        EventKind::DoneCallbackRemoved { from, line } => {
            let from = done_owner(*from, names);
            if zh {
                format!("移除 {from} 的完成回调（{}）", cite(*line))
            } else {
                format!("removes a done callback of {from} ({})", cite(*line))
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
        EventKind::PageHidden => {
            if zh {
                "页面被隐藏：浏览器从此放慢它的定时器，下面的时间是浏览器的延迟".into()
            } else {
                "the page was hidden: the browser slows its timers from here, so times are its delay"
                    .into()
            }
        }
        EventKind::PageShown => {
            if zh {
                "页面重新可见：定时器恢复准时".into()
            } else {
                "the page is visible again: timers keep time".into()
            }
        }
        EventKind::RunStopped => {
            if zh {
                "已停止".into()
            } else {
                "stopped".into()
            }
        }
        EventKind::CoroutineNeverAwaited { name, line } => {
            if zh {
                format!("协程 {name}（{}）从未被 await 就被丢弃", cite(*line))
            } else {
                format!("coroutine {name} ({}) dropped, never awaited", cite(*line))
            }
        }
        EventKind::Blocked { us, line } => {
            let ms = (us + 500) / 1000;
            if zh {
                format!("阻塞调用（{}）占住事件循环 {ms} ms", cite(*line))
            } else {
                format!("blocking call ({}) holds the loop for {ms} ms", cite(*line))
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

/// A task's name or `future #N`.
pub fn done_owner(of: DoneOf, names: &dyn TaskNames) -> String {
    match of {
        DoneOf::Task(task) => super::task_name(names, task.index()),
        DoneOf::Future(id) => format!("future #{id}"),
    }
}

/// What the output panel says while replay's cursor hides the later lines.
pub fn replay_note_words(shown: usize, all: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Replaying: the {shown} of {all} lines printed up to the cursor. “Whole run »” shows them all."
        ),
        Lang::Zh => {
            format!("回放中：显示到光标处为止打印的 {shown} 行（共 {all} 行）。点“整个运行 »”显示全部。")
        }
    }
}
