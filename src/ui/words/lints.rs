//! What a lint found, in words.

use super::Lines;
use crate::analysis::lints::{Finding, Lint};
use crate::ui::i18n::Lang;

/// What a lint found, citing the lines of the lesson by `lines`.
pub fn lint_words(lint: &Lint, lines: &Lines, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let cite = |line: u32| lines.cite(line, lang);
    match &lint.finding {
        Finding::NeverAwaited { name, line } if zh => format!(
            "协程 {name}()（{}创建）从未被 await：它的代码一行也没有运行（Python 会警告 “coroutine '{name}' was never awaited”）。",
            cite(*line)
        ),
        Finding::NeverAwaited { name, line } => format!(
            "Coroutine {name}() (made at {}) was never awaited: none of its code ran (Python warns “coroutine '{name}' was never awaited”).",
            cite(*line)
        ),
        Finding::ErrorLost { task, error } if zh => format!(
            "{task} 出错结束（{error}），但没有人 await 它或读取它的结果：这个错误悄悄丢失了（Python 会记录 “Task exception was never retrieved”）。"
        ),
        Finding::ErrorLost { task, error } => format!(
            "{task} failed ({error}), but nobody awaited it or asked for its result: the error was lost (Python logs “Task exception was never retrieved”)."
        ),
        Finding::Blocked { task, step, ms, line } => {
            let at = match (line, zh) {
                (Some(line), true) => format!("，在 {}", cite(*line)),
                (Some(line), false) => format!(", at {}", cite(*line)),
                (None, _) => String::new(),
            };
            if zh {
                format!("{task} 的第 {step} 步占住事件循环 {ms} ms{at}：这段时间里别的任务和定时器都只能等着。")
            } else {
                format!("Step {step} of {task} held the loop for {ms} ms{at}: no other task or timer could run meanwhile.")
            }
        }
        Finding::BlockedThread { ms, line } => {
            if zh {
                format!("{} 的阻塞调用占住了程序唯一的线程 {ms} ms：这段时间里任务、定时器和回调都只能等着。", cite(*line))
            } else {
                format!("The blocking call at {} held the program's only thread for {ms} ms: no task, timer or callback could run meanwhile.", cite(*line))
            }
        }
        Finding::Sequential {
            task,
            first,
            second,
        } => {
            let total = first.0 + second.0;
            let together = first.0.max(second.0);
            if zh {
                format!(
                    "{task} 先等了 {} ms（{}，{}），再等 {} ms（{}，{}），期间没有别的任务在运行：共 {total} ms。两个时长由不同的旋钮设定，互不依赖，同时进行只需 {together} ms。",
                    first.0, first.1.zh, cite(first.2), second.0, second.1.zh, cite(second.2)
                )
            } else {
                format!(
                    "{task} waited {} ms ({}, {}) and then {} ms ({}, {}) with nothing else running: {total} ms in all. Two separate knobs set them, so they could overlap: together they take {together} ms.",
                    first.0, first.1.en, cite(first.2), second.0, second.1.en, cite(second.2)
                )
            }
        }
    }
}
