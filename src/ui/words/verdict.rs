//! The verdict on a run, in words: the one matching rule's answer, with the first line that
//! differs as the page shows it.

use crate::analysis::matching::{self, Timing};
use crate::analysis::output::Row;
use crate::course::{Expected, Order};
use crate::ui::i18n::Lang;

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

/// The outcome of comparing a run with the lesson's expected output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Same lines, same tasks, same order (and on the virtual clock, the same times).
    Matches,
    /// The first line that differs (0-based), with what was expected and what came.
    Differs {
        /// Index of the first differing line.
        line: usize,
        /// The expected line there, if any.
        expected: Option<String>,
        /// The printed line there, if any.
        actual: Option<String>,
    },
}

fn show(at_ms: Option<u64>, task: &str, text: &str) -> String {
    match at_ms {
        Some(ms) => format!("+{ms} ms {task} {text}"),
        None => format!("{task} {text}"),
    }
}

/// Judges the run by the one matching rule ([`matching::compare`]) under the lesson's
/// [`Order`] and `timing`; times are shown in the message only where they were judged.
pub fn verdict(
    expected: &[Expected],
    lang: Lang,
    rows: &[Row],
    order: Order,
    timing: Timing,
) -> Verdict {
    match matching::compare(expected, lang, rows, order, timing) {
        Ok(()) => Verdict::Matches,
        Err(mismatch) => {
            let time = |ms: u64| (timing != Timing::Ignore).then_some(ms);
            Verdict::Differs {
                line: mismatch.line,
                expected: mismatch
                    .expected
                    .map(|w| show(time(w.at_ms), w.task, w.text(lang))),
                actual: mismatch
                    .actual
                    .map(|g| show(time(g.at_ms), &g.task, &g.text)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::line;

    fn row(at_ms: u64, task: &str, text: &str) -> Row {
        Row {
            seq: 0,
            at_ms,
            task: task.into(),
            text: text.into(),
            rust_line: 1,
            py_line: 1,
        }
    }

    const EXPECTED: &[Expected] = &[line(0, "Task-2", "1"), line(2000, "Task-2", "2")];

    #[test]
    fn same_lines_match_and_times_count_only_on_the_virtual_clock() {
        let rows = [row(0, "Task-2", "1"), row(2000, "Task-2", "2")];
        assert_eq!(
            verdict(EXPECTED, Lang::En, &rows, Order::Exact, Timing::Exact),
            Verdict::Matches
        );
        let late = [row(0, "Task-2", "1"), row(2004, "Task-2", "2")];
        assert_eq!(
            verdict(EXPECTED, Lang::En, &late, Order::Exact, Timing::Ignore),
            Verdict::Matches
        );
        assert_eq!(
            verdict(EXPECTED, Lang::En, &late, Order::Exact, Timing::Exact),
            Verdict::Differs {
                line: 1,
                expected: Some("+2000 ms Task-2 2".into()),
                actual: Some("+2004 ms Task-2 2".into()),
            }
        );
    }

    #[test]
    fn on_the_real_clock_a_line_that_measured_another_time_still_matches() {
        // The page's default clock: times are not judged, so neither is the time a line
        // reports. This used to need the exact text and said "differs" on a correct run.
        const LATE: &[Expected] = &[line(10000, "Task-2", "tick 1: about 9500 ms late")];
        let rows = [row(10061, "Task-2", "tick 1: about 9600 ms late")];
        assert_eq!(
            verdict(LATE, Lang::En, &rows, Order::Exact, Timing::for_page(false)),
            Verdict::Matches
        );
        // Its words still count.
        let early = [row(10061, "Task-2", "tick 1: about 9600 ms early")];
        assert!(matches!(
            verdict(
                LATE,
                Lang::En,
                &early,
                Order::Exact,
                Timing::for_page(false)
            ),
            Verdict::Differs { line: 0, .. }
        ));
    }

    #[test]
    fn the_first_wrong_missing_or_extra_line_is_reported() {
        let swapped = [row(0, "Task-2", "2"), row(2000, "Task-2", "1")];
        assert!(matches!(
            verdict(EXPECTED, Lang::En, &swapped, Order::Exact, Timing::Exact),
            Verdict::Differs { line: 0, .. }
        ));
        let short = [row(0, "Task-2", "1")];
        assert_eq!(
            verdict(EXPECTED, Lang::En, &short, Order::Exact, Timing::Ignore),
            Verdict::Differs {
                line: 1,
                expected: Some("Task-2 2".into()),
                actual: None,
            }
        );
        let long = [
            row(0, "Task-2", "1"),
            row(2000, "Task-2", "2"),
            row(2000, "Task-1", "x"),
        ];
        assert!(matches!(
            verdict(EXPECTED, Lang::En, &long, Order::Exact, Timing::Exact),
            Verdict::Differs {
                line: 2,
                expected: None,
                ..
            }
        ));
    }
}
