//! Predict's score and the first divergence, in words.

use super::wait_words;
use super::{Lines, TaskNames};
use crate::analysis::predict::{Cause, Divergence, Elsewhere, Score, Why};
use crate::ui::i18n::Lang;
use crate::ui::progress::Progress;

fn quote(text: &str) -> String {
    format!("“{text}”")
}

/// Why a prediction and a run first differ, in words; `names` are the tasks' names.
pub fn divergence_words(
    divergence: &Divergence,
    names: &dyn TaskNames,
    lines: &Lines,
    lang: Lang,
) -> String {
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
        Cause::Callback => {
            format!("{said} was printed at +{ms} ms by a callback the loop ran itself.")
        }
        Cause::FirstStep {
            task,
            created_at_line: line,
        } if zh => format!(
            "{task} 在 +{ms} ms 运行它的第一步（由 {} 创建），打印了 {said}。",
            lines.cite(*line, lang)
        ),
        Cause::FirstStep {
            task,
            created_at_line: line,
        } => format!(
            "{task} ran its first step at +{ms} ms (it was created at {}) and printed {said}.",
            lines.cite(*line, lang)
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

/// A one-line score for the status and the host: "5 / 7 lines right".
pub fn score_words(score: &Score, lang: Lang) -> String {
    match (lang, score.all_right()) {
        (Lang::En, true) => format!("✓ All {} lines in the right order!", score.total),
        (Lang::Zh, true) => format!("✓ 全部 {} 行顺序正确！", score.total),
        (Lang::En, false) => format!(
            "{} / {} lines right; first wrong at line {}",
            score.correct,
            score.total,
            score.first_wrong.unwrap_or(0) + 1
        ),
        (Lang::Zh, false) => format!(
            "{} / {} 行正确；第 {} 行起出错",
            score.correct,
            score.total,
            score.first_wrong.unwrap_or(0) + 1
        ),
    }
}

/// Said to screen readers when a line moves: "“fast end” is now line 3 of 7".
pub fn line_moved_words(text: &str, position: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("“{text}” is now line {position} of {of}"),
        Lang::Zh => format!("“{text}”现在是第 {position} 行（共 {of} 行）"),
    }
}

/// What predict mode kept for the lesson: tries, best score (of `lines`), solved.
pub fn progress_words(progress: &Progress, lines: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "Your runs so far: {} · best {} / {lines}{}",
            progress.tries,
            progress.best,
            if progress.solved {
                " · solved ✓"
            } else {
                ""
            }
        ),
        Lang::Zh => format!(
            "已运行 {} 次 · 最好 {} / {lines}{}",
            progress.tries,
            progress.best,
            if progress.solved {
                " · 已答对 ✓"
            } else {
                ""
            }
        ),
    }
}

// Native only: they drive the run with the native host.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::analysis::matching::Timing;
    use crate::analysis::output::Row;
    use crate::analysis::predict::{explain, score, Prediction};
    use crate::course;
    use crate::runtime::{host, Clock};

    fn explained(id: &str, order: Vec<usize>, lang: Lang) -> String {
        let lesson = course::find(id).unwrap();
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        let rows: Vec<Row> = run.trace().printed().into_iter().map(Row::from).collect();
        let n = order.len();
        let prediction = Prediction {
            lesson: lesson.id,
            order,
            times: vec![None; n],
        };
        let scored = score(lesson, Lang::En, &prediction, &rows, Timing::Exact);
        let trace = run.trace();
        divergence_words(
            &explain(&scored, &trace).unwrap(),
            &*trace,
            &Lines::of(lesson),
            lang,
        )
    }

    #[test]
    fn a_divergence_reads_as_the_wake_that_caused_it_and_where_the_other_task_was() {
        // Predicting "slow end" (Task-2, 3 s) where "fast end" (Task-3, 1 s) came.
        let text = explained("gather-order", vec![0, 1, 2, 5, 3, 4, 6], Lang::En);
        assert_eq!(
            text,
            "Task-3 had been waiting (sleep until 1000 ms); that ended at +1000 ms, so it ran \
             next and printed “fast end” at +1000 ms. Task-2, which prints “slow end”, was \
             still waiting (sleep until 3000 ms)."
        );
        let zh = explained("gather-order", vec![0, 1, 2, 5, 3, 4, 6], Lang::Zh);
        assert!(zh.starts_with("Task-3 一直在等待"), "{zh}");
        // A task's first step cites the Python line that created it.
        let first = explained("create-task", vec![0, 2, 1, 3, 4, 5], Lang::En);
        assert!(
            first.starts_with(
                "Task-2 ran its first step at +0 ms (it was created at Python line 18 / Rust \
                 line 23) and printed “1”."
            ),
            "{first}"
        );
        let same = explained("coroutine-object", vec![1, 0, 2], Lang::En);
        assert!(same.contains("Both lines come from Task-1"), "{same}");
    }
}
