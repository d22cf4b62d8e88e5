//! Expected against actual: does this run's output match the lesson's, line by line?

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::{use_session, ClockMode, Phase, Row};
use super::words::verdict_words;
use crate::analysis::matching::{self, Timing};
use crate::course::{Expected, Order};

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
pub fn compare(expected: &[Expected], rows: &[Row], order: Order, timing: Timing) -> Verdict {
    match matching::compare(expected, rows, order, timing) {
        Ok(()) => Verdict::Matches,
        Err(mismatch) => {
            let time = |ms: u64| (timing != Timing::Ignore).then_some(ms);
            Verdict::Differs {
                line: mismatch.line,
                expected: mismatch
                    .expected
                    .map(|w| show(time(w.at_ms), w.task, w.text)),
                actual: mismatch
                    .actual
                    .map(|g| show(time(g.at_ms), &g.task, &g.text)),
            }
        }
    }
}

/// The expected output of the lesson and, once a run has ended, whether it matched.
#[component]
pub fn ExpectedPanel() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let exact = move || session.run_clock.get() == Some(ClockMode::Instant);
    let verdict = move || {
        let phase = session.phase.get();
        if phase != Phase::Finished {
            return None;
        }
        let lesson = session.lesson();
        if !session.settings_are_defaults() {
            return Some((None, exact()));
        }
        let timing = Timing::for_page(exact());
        let verdict = session
            .rows
            .with(|rows| compare(lesson.expected, rows, lesson.order, timing));
        Some((Some(verdict), exact()))
    };
    let expected_rows = move || {
        session
            .lesson()
            .expected
            .iter()
            .map(|e| {
                view! {
                    <li class="row">
                        <span class="at">{format!("+{} ms", e.at_ms)}</span>
                        <span class="task">{e.task}</span>
                        <span class="text">{e.text}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="verdict-bar">
            {move || {
                verdict()
                    .map(|(v, exact)| {
                        let Some(v) = v else {
                            return view! {
                                <span class="verdict" data-testid="verdict" data-matches="n/a">
                                    {move || lang.get().pick(t(
                                        "Your values differ from the lesson's, so its expected output does not apply.",
                                        "参数已修改，课程的预期输出不再适用。",
                                    ))}
                                </span>
                            }
                            .into_any();
                        };
                        let ok = v == Verdict::Matches;
                        view! {
                            <span
                                class="verdict"
                                class:ok=ok
                                class:bad=!ok
                                data-testid="verdict"
                                data-matches=ok.to_string()
                            >
                                {verdict_words(&v, exact, lang.get())}
                            </span>
                        }
                        .into_any()
                    })
            }}
            <details class="expected" data-testid="expected">
                <summary>{label(t("Expected output (virtual clock)", "预期输出（虚拟时钟）"))}</summary>
                <ol class="rows">{expected_rows}</ol>
            </details>
        </div>
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
            compare(EXPECTED, &rows, Order::Exact, Timing::Exact),
            Verdict::Matches
        );
        let late = [row(0, "Task-2", "1"), row(2004, "Task-2", "2")];
        assert_eq!(
            compare(EXPECTED, &late, Order::Exact, Timing::Ignore),
            Verdict::Matches
        );
        assert_eq!(
            compare(EXPECTED, &late, Order::Exact, Timing::Exact),
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
            compare(LATE, &rows, Order::Exact, Timing::for_page(false)),
            Verdict::Matches
        );
        // Its words still count.
        let early = [row(10061, "Task-2", "tick 1: about 9600 ms early")];
        assert!(matches!(
            compare(LATE, &early, Order::Exact, Timing::for_page(false)),
            Verdict::Differs { line: 0, .. }
        ));
    }

    #[test]
    fn the_first_wrong_missing_or_extra_line_is_reported() {
        let swapped = [row(0, "Task-2", "2"), row(2000, "Task-2", "1")];
        assert!(matches!(
            compare(EXPECTED, &swapped, Order::Exact, Timing::Exact),
            Verdict::Differs { line: 0, .. }
        ));
        let short = [row(0, "Task-2", "1")];
        assert_eq!(
            compare(EXPECTED, &short, Order::Exact, Timing::Ignore),
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
            compare(EXPECTED, &long, Order::Exact, Timing::Exact),
            Verdict::Differs {
                line: 2,
                expected: None,
                ..
            }
        ));
    }
}
