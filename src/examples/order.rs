//! Does a run's output match a lesson's expected output? Shared by the tests and the page's
//! verdict, so both judge a run by the same rule.

use super::{Expected, Order};

/// One printed line as the comparison sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    /// Milliseconds since the run began.
    pub at_ms: u64,
    /// The task (or thread) that printed it.
    pub task: String,
    /// What it printed.
    pub text: String,
}

/// The first place where a run differs from the expected output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The index of the first differing line.
    pub line: usize,
    /// The line expected there, if any.
    pub expected: Option<Expected>,
    /// The line printed there, if any.
    pub actual: Option<Seen>,
}

/// Worker threads take jobs in whatever order they free up, so `worker-3` is just "a worker".
fn same_task(expected: &str, actual: &str) -> bool {
    let worker = |name: &str| name.starts_with("worker");
    expected == actual || (worker(expected) && worker(actual))
}

/// `"<what>: about <N> ms<rest>"`, split into `<what>`, `N` and `<rest>`: a line that prints
/// a time the lesson measured itself (`sequential: about 1600 ms`, `tick 1: about 9500 ms
/// late`).
fn measured(text: &str) -> Option<(&str, u64, &str)> {
    let (what, rest) = text.split_once(": about ")?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, rest) = rest.split_at(digits);
    Some((what, number.parse().ok()?, rest.strip_prefix(" ms")?))
}

/// Whether a printed line says what the expected line says. The same text; on the real clock
/// (a non-zero tolerance) a measured time in it may differ by the tolerance too, since it was
/// measured on the same clock. Shared with the test that runs the Python listings.
pub fn same_text(expected: &str, actual: &str, tolerance_ms: Option<u64>) -> bool {
    if expected == actual {
        return true;
    }
    match (tolerance_ms, measured(expected), measured(actual)) {
        (Some(tolerance), Some((what, want, tail)), Some((said, took, rest))) if tolerance > 0 => {
            what == said && tail == rest && want.abs_diff(took) <= tolerance
        }
        _ => false,
    }
}

fn time_ok(expected: u64, actual: u64, tolerance_ms: Option<u64>) -> bool {
    match tolerance_ms {
        None => true,
        Some(tolerance) => expected.abs_diff(actual) <= tolerance,
    }
}

/// Compares `actual` with `expected`. With `tolerance_ms` = `Some(0)` times must be exact (the
/// virtual clock), `Some(n)` within n ms (the real clock), `None` not checked. Under
/// [`Order::SameTimeAnyOrder`], lines expected at the same time may come in any order among
/// themselves.
pub fn compare(
    expected: &[Expected],
    actual: &[Seen],
    order: Order,
    tolerance_ms: Option<u64>,
) -> Result<(), Mismatch> {
    let mismatch = |line: usize| Mismatch {
        line,
        expected: expected.get(line).copied(),
        actual: actual.get(line).cloned(),
    };
    let mut start = 0;
    while start < expected.len() {
        // The group of expected lines this one belongs to: itself, or all lines at its time.
        let end = match order {
            Order::Exact => start + 1,
            Order::SameTimeAnyOrder => {
                let at = expected[start].at_ms;
                start
                    + expected[start..]
                        .iter()
                        .take_while(|e| e.at_ms == at)
                        .count()
            }
        };
        let mut unmatched: Vec<&Expected> = expected[start..end].iter().collect();
        for line in start..end {
            let Some(seen) = actual.get(line) else {
                return Err(mismatch(line));
            };
            let found = unmatched.iter().position(|e| {
                same_text(e.text, &seen.text, tolerance_ms)
                    && same_task(e.task, &seen.task)
                    && time_ok(e.at_ms, seen.at_ms, tolerance_ms)
            });
            match found {
                Some(index) => {
                    unmatched.remove(index);
                }
                None => {
                    return Err(Mismatch {
                        line,
                        expected: unmatched.first().map(|e| **e),
                        actual: Some(seen.clone()),
                    })
                }
            }
        }
        start = end;
    }
    if actual.len() > expected.len() {
        return Err(mismatch(expected.len()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{compare, same_text, Seen};
    use crate::examples::{line, Order};

    fn seen(at_ms: u64, task: &str, text: &str) -> Seen {
        Seen {
            at_ms,
            task: task.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_measured_time_in_a_line_may_vary_by_the_real_clocks_tolerance_only() {
        let expected = [line(1579, "Task-1", "sequential: about 1600 ms")];
        let later = [seen(1710, "Task-1", "sequential: about 1700 ms")];
        assert_eq!(compare(&expected, &later, Order::Exact, Some(250)), Ok(()));
        // Exact on the virtual clock, and never beyond the tolerance or for another line.
        assert!(compare(&expected, &later, Order::Exact, Some(0)).is_err());
        let far = [seen(1600, "Task-1", "sequential: about 2000 ms")];
        assert!(compare(&expected, &far, Order::Exact, Some(250)).is_err());
        let other = [seen(1600, "Task-1", "concurrent: about 1600 ms")];
        assert!(compare(&expected, &other, Order::Exact, Some(250)).is_err());
    }

    #[test]
    fn a_measured_time_may_be_followed_by_more_words_which_must_match() {
        let late = "tick 1: about 9500 ms late";
        assert!(same_text(late, "tick 1: about 9600 ms late", Some(300)));
        assert!(!same_text(late, "tick 1: about 9600 ms late", Some(0)));
        assert!(!same_text(late, "tick 1: about 9600 ms early", Some(300)));
        assert!(!same_text(late, "tick 2: about 9500 ms late", Some(300)));
        assert!(!same_text(late, "tick 1: about 9900 ms late", Some(300)));
        assert!(!same_text(late, "tick 1: about ms late", Some(300)));
    }

    #[test]
    fn exact_order_needs_every_line_in_place() {
        let expected = [line(0, "Task-1", "a"), line(0, "Task-1", "b")];
        let right = [seen(0, "Task-1", "a"), seen(0, "Task-1", "b")];
        assert_eq!(compare(&expected, &right, Order::Exact, Some(0)), Ok(()));
        let swapped = [seen(0, "Task-1", "b"), seen(0, "Task-1", "a")];
        assert_eq!(
            compare(&expected, &swapped, Order::Exact, Some(0))
                .unwrap_err()
                .line,
            0
        );
        let late = [seen(0, "Task-1", "a"), seen(5, "Task-1", "b")];
        assert_eq!(
            compare(&expected, &late, Order::Exact, Some(0))
                .unwrap_err()
                .line,
            1
        );
        assert_eq!(compare(&expected, &late, Order::Exact, Some(10)), Ok(()));
        let short = [seen(0, "Task-1", "a")];
        assert_eq!(
            compare(&expected, &short, Order::Exact, None)
                .unwrap_err()
                .line,
            1
        );
        let long = [
            seen(0, "Task-1", "a"),
            seen(0, "Task-1", "b"),
            seen(0, "x", "c"),
        ];
        assert_eq!(
            compare(&expected, &long, Order::Exact, None)
                .unwrap_err()
                .line,
            2
        );
    }

    #[test]
    fn same_time_lines_may_swap_but_not_cross_times() {
        let expected = [
            line(0, "worker-1", "downloading 0"),
            line(0, "worker-2", "downloading 1"),
            line(1000, "worker-1", "done 0"),
            line(1000, "worker-2", "done 1"),
        ];
        let swapped = [
            seen(3, "worker-2", "downloading 1"),
            seen(4, "worker-1", "downloading 0"),
            seen(1010, "worker-1", "done 1"),
            seen(1012, "worker-2", "done 0"),
        ];
        assert_eq!(
            compare(&expected, &swapped, Order::SameTimeAnyOrder, Some(50)),
            Ok(())
        );
        assert!(compare(&expected, &swapped, Order::Exact, Some(50)).is_err());
        let crossed = [
            seen(0, "worker-1", "downloading 0"),
            seen(0, "worker-1", "done 0"),
            seen(1000, "worker-2", "downloading 1"),
            seen(1000, "worker-2", "done 1"),
        ];
        let error = compare(&expected, &crossed, Order::SameTimeAnyOrder, None).unwrap_err();
        assert_eq!(error.line, 1);
        assert_eq!(error.actual.map(|a| a.text), Some("done 0".to_string()));
    }
}
