//! The page's words: every message built from a run's facts, in both languages, in one
//! place. Analysis returns facts (a wait, a verdict, a divergence, a lint); these functions
//! say them. Fixed labels stay beside their component as `t("…", "…")` pairs.

use super::i18n::Lang;
use super::verdict::Verdict;
use crate::analysis::lints::{Finding, Lint};
use crate::analysis::predict::{Cause, Divergence, Elsewhere, Why};
use crate::trace::WaitOn;

/// What a task waits on; `names` are the tasks' names, by task index.
pub fn wait_words(on: &WaitOn, names: &[String], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match on {
        WaitOn::Sleep { until_us, .. } if *until_us == u64::MAX => {
            if zh {
                "sleep（永远）".into()
            } else {
                "sleep (forever)".into()
            }
        }
        WaitOn::Sleep { until_us, .. } => {
            if zh {
                format!("sleep 至 {} ms", until_us / 1000)
            } else {
                format!("sleep until {} ms", until_us / 1000)
            }
        }
        WaitOn::Task(id) => {
            let name = names.get(id.index()).map_or("?", String::as_str);
            if zh {
                format!("等待 {name}")
            } else {
                format!("awaiting {name}")
            }
        }
        WaitOn::Future(id) => format!("future #{id}"),
        WaitOn::Gather(n) => format!("gather ({n})"),
        WaitOn::Wait(n) => format!("wait ({n})"),
        WaitOn::Queue => "queue".into(),
        WaitOn::Lock => "lock".into(),
        WaitOn::Semaphore => "semaphore".into(),
        WaitOn::Event => "event".into(),
        WaitOn::Io { io, kind } => format!("{} #{io}", kind.name()),
        WaitOn::Yield => {
            if zh {
                "让出一轮".into()
            } else {
                "yield".into()
            }
        }
        WaitOn::Other => {
            if zh {
                "其他".into()
            } else {
                "other".into()
            }
        }
    }
}

/// A run's verdict; `exact_times` on the virtual clock, where times were judged too.
pub fn verdict_words(verdict: &Verdict, exact_times: bool, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match verdict {
        Verdict::Matches if exact_times => {
            if zh {
                "✓ 与预期完全一致（顺序与时间）".into()
            } else {
                "✓ matches the expected output (order and times)".into()
            }
        }
        Verdict::Matches => {
            if zh {
                "✓ 顺序与预期一致（真实时钟下时间略有出入）".into()
            } else {
                "✓ same order as expected (real-clock times vary slightly)".into()
            }
        }
        Verdict::Differs {
            line,
            expected,
            actual,
        } => {
            let none = if zh { "（无）" } else { "(nothing)" };
            let expected = expected.as_deref().unwrap_or(none);
            let actual = actual.as_deref().unwrap_or(none);
            if zh {
                format!("✗ 第 {} 行不同：预期 {expected}，实际 {actual}", line + 1)
            } else {
                format!(
                    "✗ differs at line {}: expected {expected}, got {actual}",
                    line + 1
                )
            }
        }
    }
}

/// What a lint found.
pub fn lint_words(lint: &Lint, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match &lint.finding {
        Finding::NeverAwaited { name, line } if zh => format!(
            "协程 {name}()（Rust 第 {line} 行创建）从未被 await：它的代码一行也没有运行（Python 会警告 “coroutine '{name}' was never awaited”）。"
        ),
        Finding::NeverAwaited { name, line } => format!(
            "Coroutine {name}() (made at Rust line {line}) was never awaited: none of its code ran (Python warns “coroutine '{name}' was never awaited”)."
        ),
        Finding::ErrorLost { task, error } if zh => format!(
            "{task} 出错结束（{error}），但没有人 await 它或读取它的结果：这个错误悄悄丢失了（Python 会记录 “Task exception was never retrieved”）。"
        ),
        Finding::ErrorLost { task, error } => format!(
            "{task} failed ({error}), but nobody awaited it or asked for its result: the error was lost (Python logs “Task exception was never retrieved”)."
        ),
        Finding::Blocked { task, step, ms, line } => {
            let at = match (line, zh) {
                (Some(line), true) => format!("，在 Rust 第 {line} 行"),
                (Some(line), false) => format!(", at Rust line {line}"),
                (None, _) => String::new(),
            };
            if zh {
                format!("{task} 的第 {step} 步占住事件循环 {ms} ms{at}：这段时间里别的任务和定时器都只能等着。")
            } else {
                format!("Step {step} of {task} held the loop for {ms} ms{at}: no other task or timer could run meanwhile.")
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
                    "{task} 先等了 {} ms（{}，Rust 第 {} 行），再等 {} ms（{}，Rust 第 {} 行），期间没有别的任务在运行：共 {total} ms。两个时长由不同的旋钮设定，互不依赖，同时进行只需 {together} ms。",
                    first.0, first.1.zh, first.2, second.0, second.1.zh, second.2
                )
            } else {
                format!(
                    "{task} waited {} ms ({}, Rust line {}) and then {} ms ({}, Rust line {}) with nothing else running: {total} ms in all. Two separate knobs set them, so they could overlap: together they take {together} ms.",
                    first.0, first.1.en, first.2, second.0, second.1.en, second.2
                )
            }
        }
    }
}

fn quote(text: &str) -> String {
    format!("“{text}”")
}

/// Why a prediction and a run first differ, in words; `names` are the tasks' names.
pub fn divergence_words(divergence: &Divergence, names: &[String], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (said, at_ms, cause, wanted, other, elsewhere) = match &divergence.why {
        Why::MoreLines { placed } => {
            return if zh {
                format!("你预测了 {placed} 行，但程序多打印了几行。")
            } else {
                format!("You placed {placed} lines, but the run printed more.")
            }
        }
        Why::NeverCame { printed, predicted } => {
            let predicted = quote(predicted);
            return if zh {
                format!("程序只打印了 {printed} 行，{predicted} 没有出现。")
            } else {
                format!("The run printed only {printed} lines; {predicted} never came.")
            };
        }
        Why::OtherLine {
            said,
            at_ms,
            cause,
            wanted,
            wanted_task,
            elsewhere,
        } => (
            quote(said),
            *at_ms,
            cause,
            quote(wanted),
            wanted_task,
            elsewhere,
        ),
    };
    let ms = at_ms;
    let why = match cause {
        Cause::Callback if zh => format!("{said} 由事件循环直接运行的回调在 +{ms} ms 打印。"),
        Cause::Callback => format!("{said} was printed at +{ms} ms by a callback the loop ran itself."),
        Cause::FirstStep {
            task,
            created_at_line: line,
        } if zh => format!("{task} 在 +{ms} ms 运行它的第一步（由 Rust 第 {line} 行创建），打印了 {said}。"),
        Cause::FirstStep {
            task,
            created_at_line: line,
        } => format!(
            "{task} ran its first step at +{ms} ms (it was created at Rust line {line}) and printed {said}."
        ),
        Cause::Woken { task, on, woke_ms } => {
            let on = wait_words(on, names, lang);
            if zh {
                format!("{task} 一直在等待：{on}；它在 +{woke_ms} ms 等到了，于是接着运行，在 +{ms} ms 打印了 {said}。")
            } else {
                format!("{task} had been waiting ({on}); that ended at +{woke_ms} ms, so it ran next and printed {said} at +{ms} ms.")
            }
        }
    };
    let where_ = match (elsewhere, zh) {
        (Elsewhere::SameTask, true) => {
            format!("两行都由 {other} 打印：它的代码先打印 {said}，后打印 {wanted}。")
        }
        (Elsewhere::SameTask, false) => {
            format!("Both lines come from {other}: its code prints {said} before {wanted}.")
        }
        (Elsewhere::NotCreated, false) => {
            format!("{other}, which prints {wanted}, did not exist yet.")
        }
        (Elsewhere::NotCreated, true) => format!("打印 {wanted} 的 {other} 那时还不存在。"),
        (Elsewhere::Queued, false) => {
            format!("{other}, which prints {wanted}, was still queued behind it.")
        }
        (Elsewhere::Queued, true) => format!("打印 {wanted} 的 {other} 还在就绪队列里排在后面。"),
        (Elsewhere::Waiting(on), false) => format!(
            "{other}, which prints {wanted}, was still waiting ({}).",
            wait_words(on, names, lang)
        ),
        (Elsewhere::Waiting(on), true) => format!(
            "打印 {wanted} 的 {other} 那时还在等待：{}。",
            wait_words(on, names, lang)
        ),
        (Elsewhere::Ended, false) => format!("{other} had already ended."),
        (Elsewhere::Ended, true) => format!("{other} 那时已经结束了。"),
    };
    format!("{why} {where_}")
}
