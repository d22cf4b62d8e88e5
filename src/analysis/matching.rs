//! The one rule for "does this output match?": a printed line against an expected line, and
//! a run's output against a lesson's. The page's verdict, predict's scoring and every test
//! that checks a lesson's output are built on it, so none of them can judge a run differently.
//!
//! A line matches when it says the same words, from the same task (any worker thread counts
//! as any other: they take jobs as they free up), at a time [`Timing`] accepts. A line that
//! reports a time the lesson measured itself (`sequential: about 1600 ms`) is judged by the
//! same [`Timing`]: the number may vary as a print time may, the words around it may not.
//! What the machine decides rather than the program (an object's address, a set's order) is
//! read in one [`canonical`] form.

use super::canonical::canonical;
use crate::course::{Expected, Order};
use crate::lang::Lang;
use crate::trace::PrintedLine;

/// How the times of a run are judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// Exactly the expected milliseconds: the virtual clock, which is repeatable.
    Exact,
    /// Within this many milliseconds: the real clock, in a test that states its tolerance.
    Within(u64),
    /// Not at all: the real clock in the page, where a hidden tab or a busy machine may delay
    /// anything. Only the order and the words count.
    Ignore,
}

impl Timing {
    /// How the page judges a run on this clock: exactly on the virtual clock, order and words
    /// only on the real one.
    pub fn for_page(virtual_clock: bool) -> Timing {
        if virtual_clock {
            Timing::Exact
        } else {
            Timing::Ignore
        }
    }

    /// Whether `actual` ms is close enough to `expected` ms.
    pub fn accepts(self, expected: u64, actual: u64) -> bool {
        match self {
            Timing::Exact => expected == actual,
            Timing::Within(tolerance) => expected.abs_diff(actual) <= tolerance,
            Timing::Ignore => true,
        }
    }
}

/// A printed line as the rule reads it; implemented by every shape a printed line takes (the
/// Trace's, the page's rows, the comparison's own [`Seen`], an expected line).
pub trait Line {
    /// Milliseconds since the run began.
    fn at_ms(&self) -> u64;
    /// The task (or thread) that printed it.
    fn task(&self) -> &str;
    /// What it printed.
    fn text(&self) -> &str;
}

/// One printed line, owned: what a [`Mismatch`] reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seen {
    /// Milliseconds since the run began.
    pub at_ms: u64,
    /// The task (or thread) that printed it.
    pub task: String,
    /// What it printed.
    pub text: String,
}

impl Seen {
    /// A copy of any printed line.
    pub fn of(line: &impl Line) -> Seen {
        Seen {
            at_ms: line.at_ms(),
            task: line.task().to_string(),
            text: line.text().to_string(),
        }
    }
}

impl Line for Seen {
    fn at_ms(&self) -> u64 {
        self.at_ms
    }
    fn task(&self) -> &str {
        &self.task
    }
    fn text(&self) -> &str {
        &self.text
    }
}

/// An expected line in the language of the run it is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Said {
    /// The line, in both languages.
    pub line: Expected,
    /// The run's language.
    pub lang: Lang,
}

impl Said {
    /// Every line of `expected`, in `lang`.
    pub fn all(expected: &[Expected], lang: Lang) -> Vec<Said> {
        expected.iter().map(|&line| Said { line, lang }).collect()
    }
}

impl Line for Said {
    fn at_ms(&self) -> u64 {
        self.line.at_ms
    }
    fn task(&self) -> &str {
        self.line.task
    }
    fn text(&self) -> &str {
        self.line.text(self.lang)
    }
}

impl Line for PrintedLine {
    fn at_ms(&self) -> u64 {
        PrintedLine::at_ms(self)
    }
    fn task(&self) -> &str {
        &self.task_name
    }
    fn text(&self) -> &str {
        &self.text
    }
}

/// Worker threads take jobs in whatever order they free up, so `worker-3` is just "a worker".
pub fn same_task(expected: &str, actual: &str) -> bool {
    let worker = |name: &str| name.starts_with("worker");
    expected == actual || (worker(expected) && worker(actual))
}

/// `"<what>: about <N> ms<rest>"` (or `<N> s`; in Chinese `约 <N> 毫秒` or `约 <N> 秒`), split
/// into `<what>`, the time in ms and `<rest>`: a line that prints a time the lesson measured
/// itself (`sequential: about 1600 ms`, `tick 1: about 9500 ms late`, `10 jobs took about 2 s`,
/// `第 1 次：晚了约 9500 毫秒`).
fn measured(text: &str) -> Option<(&str, u64, &str)> {
    let (what, rest) = text
        .split_once("about ")
        .or_else(|| text.split_once("约 "))?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, rest) = rest.split_at(digits);
    let number: u64 = number.parse().ok()?;
    let unit = |units: [&str; 2]| units.iter().find_map(|u| rest.strip_prefix(u));
    match (unit([" ms", " 毫秒"]), unit([" s", " 秒"])) {
        (Some(rest), _) => Some((what, number, rest)),
        (None, Some(rest)) => Some((what, number.saturating_mul(1000), rest)),
        (None, None) => None,
    }
}

/// Whether a printed text says what the expected text says: the same words, up to what the
/// machine decides ([`canonical`]: addresses, a timer's due time, the listing's path, a set's
/// order), and a measured time in it as close as `timing` accepts (it was measured on the
/// same clock).
pub fn same_words(expected: &str, actual: &str, timing: Timing) -> bool {
    if expected == actual || canonical(expected) == canonical(actual) {
        return true;
    }
    match (measured(expected), measured(actual)) {
        (Some((what, want, tail)), Some((said, took, rest))) => {
            what == said && tail == rest && timing.accepts(want, took)
        }
        _ => false,
    }
}

/// Whether `actual` is the line `expected` describes, wherever it was printed: the same words
/// from the same task. Predict's scoring asks this (a learner's rough time is judged apart).
pub fn says_same(expected: &impl Line, actual: &impl Line, timing: Timing) -> bool {
    same_task(expected.task(), actual.task()) && same_words(expected.text(), actual.text(), timing)
}

/// The rule: `actual` is `expected`, printed at a time `timing` accepts.
pub fn same_line(expected: &impl Line, actual: &impl Line, timing: Timing) -> bool {
    says_same(expected, actual, timing) && timing.accepts(expected.at_ms(), actual.at_ms())
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

/// The lines of `expected` that may come in place of line `start`, in any order among
/// themselves: itself, or under [`Order::SameTimeAnyOrder`] and [`Order::EachTaskInOrder`]
/// every line due at its time.
fn group_end(expected: &[Expected], start: usize, order: Order) -> usize {
    match order {
        Order::Exact => start + 1,
        Order::SameTimeAnyOrder | Order::EachTaskInOrder => {
            let at = expected[start].at_ms;
            start
                + expected[start..]
                    .iter()
                    .take_while(|e| e.at_ms == at)
                    .count()
        }
    }
}

/// Compares a run's printed lines with the expected ones in the run's language, line by line,
/// under the lesson's [`Order`] and `timing`.
pub fn compare(
    expected: &[Expected],
    lang: Lang,
    actual: &[impl Line],
    order: Order,
    timing: Timing,
) -> Result<(), Mismatch> {
    let said = Said::all(expected, lang);
    let mismatch = |line: usize| Mismatch {
        line,
        expected: expected.get(line).copied(),
        actual: actual.get(line).map(Seen::of),
    };
    let mut start = 0;
    while start < expected.len() {
        let end = group_end(expected, start, order);
        let mut unmatched: Vec<&Said> = said[start..end].iter().collect();
        for line in start..end {
            let Some(seen) = actual.get(line) else {
                return Err(mismatch(line));
            };
            // Under EachTaskInOrder only the first line still due of each task may come.
            let next_of_its_task = |index: usize| {
                let task = unmatched[index].line.task;
                order != Order::EachTaskInOrder
                    || !unmatched[..index].iter().any(|e| e.line.task == task)
            };
            let found = (0..unmatched.len())
                .find(|&i| next_of_its_task(i) && same_line(unmatched[i], seen, timing));
            match found {
                Some(index) => {
                    unmatched.remove(index);
                }
                None => {
                    return Err(Mismatch {
                        line,
                        expected: unmatched.first().map(|e| e.line),
                        actual: Some(Seen::of(seen)),
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
    use super::{compare, same_words, Seen, Timing};
    use crate::course::{line, Order};
    use crate::lang::Lang;

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
        assert_eq!(
            compare(
                &expected,
                Lang::En,
                &later,
                Order::Exact,
                Timing::Within(250)
            ),
            Ok(())
        );
        // Exact on the virtual clock, and never beyond the tolerance or for another line.
        assert!(compare(&expected, Lang::En, &later, Order::Exact, Timing::Exact).is_err());
        let far = [seen(1600, "Task-1", "sequential: about 2000 ms")];
        assert!(compare(&expected, Lang::En, &far, Order::Exact, Timing::Within(250)).is_err());
        let other = [seen(1600, "Task-1", "concurrent: about 1600 ms")];
        assert!(compare(
            &expected,
            Lang::En,
            &other,
            Order::Exact,
            Timing::Within(250)
        )
        .is_err());
    }

    #[test]
    fn a_measured_time_may_be_followed_by_more_words_which_must_match() {
        let late = "tick 1: about 9500 ms late";
        assert!(same_words(
            late,
            "tick 1: about 9600 ms late",
            Timing::Within(300)
        ));
        assert!(!same_words(
            late,
            "tick 1: about 9600 ms late",
            Timing::Exact
        ));
        assert!(!same_words(
            late,
            "tick 1: about 9600 ms early",
            Timing::Within(300)
        ));
        assert!(!same_words(
            late,
            "tick 2: about 9500 ms late",
            Timing::Within(300)
        ));
        assert!(!same_words(
            late,
            "tick 1: about 9900 ms late",
            Timing::Within(300)
        ));
        assert!(!same_words(
            late,
            "tick 1: about ms late",
            Timing::Within(300)
        ));
    }

    #[test]
    fn where_print_times_are_ignored_a_measured_time_is_too_but_not_its_words() {
        // The page's real clock: a correct run that measured 9600 ms is still the same line
        // (it used to need the exact text, so the page said "differs" on a correct run).
        let late = "tick 1: about 9500 ms late";
        assert!(same_words(
            late,
            "tick 1: about 9600 ms late",
            Timing::Ignore
        ));
        assert!(same_words(
            late,
            "tick 1: about 19000 ms late",
            Timing::Ignore
        ));
        assert!(!same_words(
            late,
            "tick 1: about 9600 ms early",
            Timing::Ignore
        ));
        assert!(!same_words(
            late,
            "tick 2: about 9500 ms late",
            Timing::Ignore
        ));
        let expected = [line(1579, "Task-1", "sequential: about 1600 ms")];
        let real = [seen(1712, "Task-1", "sequential: about 1700 ms")];
        assert_eq!(
            compare(&expected, Lang::En, &real, Order::Exact, Timing::Ignore),
            Ok(())
        );
    }

    #[test]
    fn a_time_measured_in_seconds_is_judged_the_same_way() {
        // run-in-executor's last line: a real run on a loaded machine may take 2.6 s.
        let took = "10 jobs took about 2 s";
        assert!(same_words(took, "10 jobs took about 3 s", Timing::Ignore));
        assert!(same_words(took, "10 jobs took about 2 s", Timing::Exact));
        assert!(!same_words(
            took,
            "10 jobs took about 3 s",
            Timing::Within(300)
        ));
        assert!(!same_words(took, "9 jobs took about 2 s", Timing::Ignore));
        assert!(!same_words(took, "10 jobs took about 2 s!", Timing::Ignore));
    }

    #[test]
    fn any_worker_thread_counts_as_any_other_and_nothing_else_does() {
        let expected = [line(0, "worker-1", "downloading 0")];
        let other_worker = [seen(0, "worker-3", "downloading 0")];
        assert_eq!(
            compare(
                &expected,
                Lang::En,
                &other_worker,
                Order::Exact,
                Timing::Exact
            ),
            Ok(())
        );
        let a_task = [seen(0, "Task-1", "downloading 0")];
        assert!(compare(&expected, Lang::En, &a_task, Order::Exact, Timing::Exact).is_err());
    }

    #[test]
    fn exact_order_needs_every_line_in_place() {
        let expected = [line(0, "Task-1", "a"), line(0, "Task-1", "b")];
        let right = [seen(0, "Task-1", "a"), seen(0, "Task-1", "b")];
        assert_eq!(
            compare(&expected, Lang::En, &right, Order::Exact, Timing::Exact),
            Ok(())
        );
        let swapped = [seen(0, "Task-1", "b"), seen(0, "Task-1", "a")];
        assert_eq!(
            compare(&expected, Lang::En, &swapped, Order::Exact, Timing::Exact)
                .unwrap_err()
                .line,
            0
        );
        let late = [seen(0, "Task-1", "a"), seen(5, "Task-1", "b")];
        assert_eq!(
            compare(&expected, Lang::En, &late, Order::Exact, Timing::Exact)
                .unwrap_err()
                .line,
            1
        );
        assert_eq!(
            compare(&expected, Lang::En, &late, Order::Exact, Timing::Within(10)),
            Ok(())
        );
        let short = [seen(0, "Task-1", "a")];
        assert_eq!(
            compare(&expected, Lang::En, &short, Order::Exact, Timing::Ignore)
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
            compare(&expected, Lang::En, &long, Order::Exact, Timing::Ignore)
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
            compare(
                &expected,
                Lang::En,
                &swapped,
                Order::SameTimeAnyOrder,
                Timing::Within(50)
            ),
            Ok(())
        );
        assert!(compare(
            &expected,
            Lang::En,
            &swapped,
            Order::Exact,
            Timing::Within(50)
        )
        .is_err());
        let crossed = [
            seen(0, "worker-1", "downloading 0"),
            seen(0, "worker-1", "done 0"),
            seen(1000, "worker-2", "downloading 1"),
            seen(1000, "worker-2", "done 1"),
        ];
        let error = compare(
            &expected,
            Lang::En,
            &crossed,
            Order::SameTimeAnyOrder,
            Timing::Ignore,
        )
        .unwrap_err();
        assert_eq!(error.line, 1);
        assert_eq!(error.actual.map(|a| a.text), Some("done 0".to_string()));
    }

    #[test]
    fn tasks_may_interleave_but_each_keeps_its_own_order() {
        // Two requests racing: each task's lines in its own order, in any mix.
        let expected = [
            line(0, "Task-2", "start a"),
            line(0, "Task-3", "start b"),
            line(0, "Task-2", "a status"),
            line(0, "Task-2", "a body"),
            line(0, "Task-3", "b status"),
            line(5, "Task-1", "end"),
        ];
        let mixed = [
            seen(0, "Task-3", "start b"),
            seen(0, "Task-2", "start a"),
            seen(0, "Task-3", "b status"),
            seen(0, "Task-2", "a status"),
            seen(0, "Task-2", "a body"),
            seen(5, "Task-1", "end"),
        ];
        let each = Order::EachTaskInOrder;
        assert_eq!(
            compare(&expected, Lang::En, &mixed, each, Timing::Exact),
            Ok(())
        );
        // A task's own lines swapped: any order allows it, this rule does not.
        let swapped = [
            seen(0, "Task-2", "start a"),
            seen(0, "Task-3", "start b"),
            seen(0, "Task-2", "a body"),
            seen(0, "Task-2", "a status"),
            seen(0, "Task-3", "b status"),
            seen(5, "Task-1", "end"),
        ];
        let any = Order::SameTimeAnyOrder;
        assert_eq!(
            compare(&expected, Lang::En, &swapped, any, Timing::Exact),
            Ok(())
        );
        let error = compare(&expected, Lang::En, &swapped, each, Timing::Exact).unwrap_err();
        assert_eq!(error.line, 2);
        assert_eq!(error.actual.map(|a| a.text), Some("a body".to_string()));
        // Lines at different times keep their order.
        let crossed = [
            seen(0, "Task-2", "start a"),
            seen(0, "Task-3", "start b"),
            seen(0, "Task-2", "a status"),
            seen(5, "Task-1", "end"),
            seen(0, "Task-2", "a body"),
            seen(0, "Task-3", "b status"),
        ];
        assert_eq!(
            compare(&expected, Lang::En, &crossed, each, Timing::Ignore)
                .unwrap_err()
                .line,
            3
        );
    }
}
