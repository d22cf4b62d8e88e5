//! The loop internals, in words: what is queued, each task's state, each timer.

use super::{wait_words, Lines, TaskNames};
use crate::analysis::model::{LoopModel, Queued, TaskState, TimerFor, TimerInfo};
use crate::ui::i18n::Lang;

/// A task's name by its index (`task #N` if there is none).
pub fn task_name(names: &dyn TaskNames, index: usize) -> String {
    names
        .name_of(index)
        .map_or_else(|| format!("task #{}", index + 1), str::to_string)
}

/// A ready-queue entry (or what is running) in words.
pub fn queued_label(
    entry: Queued,
    model: &LoopModel,
    names: &dyn TaskNames,
    lines: &Lines,
    lang: Lang,
) -> String {
    match entry {
        Queued::Task(task) => task_name(names, task.index()),
        Queued::Callback(id) => match (model.callback_line(id), lang) {
            (Some(line), Lang::Zh) => format!("回调 #{id}（{}）", lines.cite(line, lang)),
            (Some(line), Lang::En) => format!("callback #{id} ({})", lines.cite(line, lang)),
            (None, Lang::Zh) => format!("回调 #{id}"),
            (None, Lang::En) => format!("callback #{id}"),
        },
    }
}

/// A task's state in words.
pub fn state_label(state: &TaskState, names: &dyn TaskNames, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match state {
        TaskState::Pending => if zh {
            "待运行（尚未开始）"
        } else {
            "pending (not started)"
        }
        .into(),
        TaskState::Ready => if zh { "就绪" } else { "ready" }.into(),
        TaskState::Running => if zh { "运行中" } else { "running" }.into(),
        TaskState::Waiting(on) => {
            let on = wait_words(on, names, lang);
            if zh {
                format!("等待：{on}")
            } else {
                format!("waiting: {on}")
            }
        }
        TaskState::Done => if zh { "已完成" } else { "done" }.into(),
        TaskState::Cancelled => if zh { "已取消" } else { "cancelled" }.into(),
        TaskState::Failed(error) => {
            if zh {
                format!("出错：{error}")
            } else {
                format!("failed: {error}")
            }
        }
    }
}

/// A timer in words: when it is due and what it will do.
pub fn timer_label(
    timer: &TimerInfo,
    model: &LoopModel,
    names: &dyn TaskNames,
    lines: &Lines,
    lang: Lang,
) -> String {
    let zh = lang == Lang::Zh;
    let due = if timer.deadline_us == u64::MAX {
        if zh { "永不到期" } else { "never due" }.to_string()
    } else if zh {
        format!("{} ms 到期", timer.deadline_us / 1000)
    } else {
        format!("due at {} ms", timer.deadline_us / 1000)
    };
    let what = match timer.what {
        TimerFor::Task(Some(task)) => {
            let name = task_name(names, task.index());
            if zh {
                format!("唤醒 {name}")
            } else {
                format!("wakes {name}")
            }
        }
        TimerFor::Task(None) => if zh {
            "唤醒事件循环"
        } else {
            "wakes the loop"
        }
        .into(),
        TimerFor::Callback(id) => {
            let callback = queued_label(Queued::Callback(id), model, names, lines, lang);
            if zh {
                format!("调用 {callback}")
            } else {
                format!("calls {callback}")
            }
        }
    };
    let id = timer.id;
    if zh {
        format!("定时器 {id}：{due}，{what}")
    } else {
        format!("timer {id}: {due}, {what}")
    }
}

/// "and N more" for `hidden` entries not shown (nothing for none).
pub fn more(hidden: usize, lang: Lang) -> Option<String> {
    (hidden > 0).then(|| match lang {
        Lang::Zh => format!("另有 {hidden} 项"),
        Lang::En => format!("and {hidden} more"),
    })
}

/// The done callbacks waiting on a task or future.
pub fn lines_label(callbacks: &[u32], lines: &Lines, lang: Lang) -> String {
    let cited = lines.cite_all(callbacks, lang);
    match lang {
        Lang::Zh => format!("{} 个完成回调（{cited}）", callbacks.len()),
        Lang::En => format!("{} done callback(s) ({cited})", callbacks.len()),
    }
}
