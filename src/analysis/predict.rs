//! Predict the order, as facts: a learner's arrangement of a lesson's output lines, its
//! score against a run (by the one matching rule) and the first divergence explained from the
//! Trace. The page (`ui::predict`) arranges, keeps and shows them.
//!
//! A prediction is a permutation of the lesson's expected lines, carried by links as
//! `predict=2.0~1000.1.3` (line indices in predicted order, `~ms` for a rough time).

use super::matching::{says_same, Line, Said, Timing};
use super::model::{LoopModel, TaskState};
use super::output::Row;
use crate::course::{self, Lesson, Order};
use crate::lang::Lang;
use crate::trace::{EventKind, Trace, WaitOn};

/// A learner's predicted order for one lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The lesson it is for.
    pub lesson: &'static str,
    /// Indices into the lesson's expected lines, in the predicted order.
    pub order: Vec<usize>,
    /// A rough predicted time per expected line (by expected index), in milliseconds.
    pub times: Vec<Option<u64>>,
}

impl Prediction {
    /// The lesson's lines in a scrambled order that is the same on every visit (seeded by the
    /// lesson id) and never already the right one when there are two lines or more.
    pub fn shuffled(lesson: &'static Lesson) -> Prediction {
        let n = lesson.expected.len();
        let mut order: Vec<usize> = (0..n).collect();
        // FNV-1a of the id, then an xorshift Fisher-Yates.
        let mut seed = lesson.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        }) | 1;
        for i in (1..n).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut prediction = Prediction {
            lesson: lesson.id,
            order,
            times: vec![None; n],
        };
        if n >= 2 && prediction.score_against_expected() == n {
            prediction.order.rotate_left(1);
        }
        prediction
    }

    /// How many lines are already right if the run prints exactly the expected output.
    fn score_against_expected(&self) -> usize {
        let Some(lesson) = course::find(self.lesson) else {
            return 0;
        };
        // Both languages print the same lines in the same order: either one will do.
        score(
            lesson,
            Lang::En,
            self,
            &expected_rows(lesson, Lang::En),
            Timing::Exact,
        )
        .correct
    }

    /// `2.0~1000.1.3`: the expected-line indices in predicted order, each with `~ms` if a time
    /// was given.
    pub fn encode(&self) -> String {
        self.order
            .iter()
            .map(|&i| match self.times.get(i).copied().flatten() {
                Some(ms) => format!("{i}~{ms}"),
                None => i.to_string(),
            })
            .collect::<Vec<_>>()
            .join(".")
    }

    /// Reads [`encode`](Self::encode)'s form; `None` unless it is a permutation of exactly
    /// this lesson's lines (a link made for other knobs or another version is ignored).
    pub fn decode(lesson: &'static Lesson, text: &str) -> Option<Prediction> {
        let n = lesson.expected.len();
        let mut order = Vec::with_capacity(n);
        let mut times = vec![None; n];
        for part in text.split('.') {
            let (index, time) = match part.split_once('~') {
                Some((index, time)) => (index, Some(time.parse::<u64>().ok()?)),
                None => (part, None),
            };
            let index: usize = index.parse().ok()?;
            if index >= n || order.contains(&index) {
                return None;
            }
            times[index] = time.filter(|&ms| ms <= MAX_TIME_MS);
            order.push(index);
        }
        (order.len() == n && n > 0).then_some(Prediction {
            lesson: lesson.id,
            order,
            times,
        })
    }

    /// Moves the line at position `from` to position `to` (both clamped to the list).
    pub fn move_line(&mut self, from: usize, to: usize) {
        let last = self.order.len().saturating_sub(1);
        let (from, to) = (from.min(last), to.min(last));
        if from != to && !self.order.is_empty() {
            let line = self.order.remove(from);
            self.order.insert(to, line);
        }
    }
}

/// The lesson's expected output, in `lang`, as the rows of a run that printed exactly it.
pub fn expected_rows(lesson: &Lesson, lang: Lang) -> Vec<Row> {
    lesson
        .expected
        .iter()
        .enumerate()
        .map(|(i, e)| Row {
            seq: i as u64,
            at_ms: e.at_ms,
            task: e.task.to_string(),
            text: e.text(lang).to_string(),
            rust_line: 0,
            py_line: 0,
        })
        .collect()
}

/// The largest rough time accepted (a day); more is a typo.
pub const MAX_TIME_MS: u64 = 86_400_000;

/// A rough time is close enough within 10 % of the real one, or 100 ms for short times.
pub fn time_close(predicted_ms: u64, actual_ms: u64) -> bool {
    predicted_ms.abs_diff(actual_ms) <= (actual_ms / 10).max(100)
}

/// One position of a scored prediction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineScore {
    /// The predicted line.
    pub predicted: Said,
    /// Its rough time, if one was given.
    pub predicted_ms: Option<u64>,
    /// What really came at this position, if anything.
    pub actual: Option<Row>,
    /// Whether the prediction is right here.
    pub ok: bool,
    /// For a right line with a rough time: whether the time was close.
    pub time_close: Option<bool>,
}

/// A prediction against a run's output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Position by position.
    pub lines: Vec<LineScore>,
    /// The first wrong position (0-based), if any.
    pub first_wrong: Option<usize>,
    /// How many positions are right.
    pub correct: usize,
    /// How many lines there are.
    pub total: usize,
}

impl Score {
    /// Every line in the right place.
    pub fn all_right(&self) -> bool {
        self.first_wrong.is_none()
    }
}

/// Scores `prediction` against the printed `rows`, position by position, by the one matching
/// rule ([`says_same`]: the same words from the same task, any worker for any worker, a
/// measured time as close as `timing` accepts). Under [`Order::SameTimeAnyOrder`] a line
/// counts as right in any place among the lines the lesson prints at the same moment, as the
/// lesson's own check allows; under [`Order::EachTaskInOrder`] too, if the prediction puts
/// every earlier line of its task at that moment before it.
pub fn score(
    lesson: &Lesson,
    lang: Lang,
    prediction: &Prediction,
    rows: &[Row],
    timing: Timing,
) -> Score {
    let expected = Said::all(lesson.expected, lang);
    // The expected time of the actual line at a position, for same-time groups.
    let expected_time = |row: &Row| {
        expected
            .iter()
            .find(|e| says_same(*e, row, timing))
            .map(|e| e.line.at_ms)
    };
    let lines: Vec<LineScore> = prediction
        .order
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let predicted = expected[index];
            let actual = rows.get(position).cloned();
            let same_moment = |row: &Row| expected_time(row) == Some(predicted.line.at_ms);
            // Every line of the predicted line's task due at its moment before it in the
            // lesson is also before it in the prediction.
            let after_its_task = || {
                expected[..index]
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.line.task == predicted.line.task && e.line.at_ms == predicted.line.at_ms
                    })
                    .all(|(earlier, _)| prediction.order[..position].contains(&earlier))
            };
            let ok = actual.as_ref().is_some_and(|row| {
                says_same(&predicted, row, timing)
                    || match lesson.order {
                        Order::Exact => false,
                        Order::SameTimeAnyOrder => same_moment(row),
                        Order::EachTaskInOrder => same_moment(row) && after_its_task(),
                    }
            });
            let predicted_ms = prediction.times.get(index).copied().flatten();
            let time_close = match (ok, predicted_ms, &actual) {
                (true, Some(ms), Some(row)) => Some(time_close(ms, row.at_ms)),
                _ => None,
            };
            LineScore {
                predicted,
                predicted_ms,
                actual,
                ok,
                time_close,
            }
        })
        .collect();
    let mut first_wrong = lines.iter().position(|l| !l.ok);
    if first_wrong.is_none() && rows.len() > lines.len() {
        first_wrong = Some(lines.len());
    }
    Score {
        correct: lines.iter().filter(|l| l.ok).count(),
        total: lines.len(),
        lines,
        first_wrong,
    }
}

/// What made the real line come where the prediction put another: the first step of its
/// task, the end of what its task waited on, or a callback the loop ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A callback the loop ran itself printed it.
    Callback,
    /// Its task's first step printed it.
    FirstStep {
        /// The task.
        task: String,
        /// The Rust line that created the task.
        created_at_line: u32,
    },
    /// Its task had been waiting; the wait ended at `woke_ms`, so it ran next.
    Woken {
        /// The task.
        task: String,
        /// What it waited on.
        on: WaitOn,
        /// When the wait ended.
        woke_ms: u64,
    },
}

/// Where the task of the predicted line was when the real line was printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Both lines come from the same task, whose code prints the real one first.
    SameTask,
    /// The task did not exist yet.
    NotCreated,
    /// It was in the ready queue behind the printing task.
    Queued,
    /// It was still waiting on something.
    Waiting(WaitOn),
    /// It had already ended.
    Ended,
}

/// Why the run differs from the prediction at its first wrong line, as facts; the page puts
/// them into words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// The run printed more lines than the prediction has.
    MoreLines {
        /// How many lines the learner placed.
        placed: usize,
    },
    /// The run ended before the predicted line came.
    NeverCame {
        /// How many lines the run printed.
        printed: usize,
        /// The predicted line's text.
        predicted: String,
    },
    /// Another line came first.
    OtherLine {
        /// What was printed there, and when.
        said: String,
        /// When it was printed, ms.
        at_ms: u64,
        /// Why it came then.
        cause: Cause,
        /// The predicted line's text.
        wanted: String,
        /// The predicted line's task.
        wanted_task: String,
        /// Where that task was meanwhile.
        elsewhere: Elsewhere,
    },
}

/// The first divergence of a prediction from a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// The position (0-based).
    pub line: usize,
    /// The Trace event that made the real line come here (shown in replay).
    pub cause_seq: Option<u64>,
    /// Why, as facts.
    pub why: Why,
}

/// Explains the first divergence from the Trace: what made the real line's task run at that
/// point (its first step, or the end of what it waited on) and where the predicted line's task
/// was meanwhile (not created yet, waiting on what, queued, or the same task's own order).
pub fn explain(score: &Score, trace: &Trace) -> Option<Divergence> {
    let line = score.first_wrong?;
    let Some(at) = score.lines.get(line) else {
        return Some(Divergence {
            line,
            cause_seq: None,
            why: Why::MoreLines {
                placed: score.total,
            },
        });
    };
    let predicted = at.predicted;
    let Some(actual) = &at.actual else {
        return Some(Divergence {
            line,
            cause_seq: None,
            why: Why::NeverCame {
                printed: line,
                predicted: predicted.text().to_string(),
            },
        });
    };
    let events = trace.events();
    let seq = (actual.seq as usize).min(events.len());
    let printer = events.get(seq).and_then(|e| e.task);
    // Why the real line's task was running here.
    let (cause, cause_seq) = match printer {
        None => {
            let ran = events[..seq]
                .iter()
                .rev()
                .find(|e| matches!(e.kind, EventKind::CallbackRan { .. }));
            (Cause::Callback, ran.map(|e| e.seq))
        }
        Some(task) => {
            let name = trace.task_name(task).to_string();
            let polled = events[..seq]
                .iter()
                .rposition(|e| e.task == Some(task) && e.kind == EventKind::TaskPolled)
                .unwrap_or(0);
            let suspended = events[..polled].iter().rev().find_map(|e| match &e.kind {
                EventKind::TaskSuspended { on } if e.task == Some(task) => Some(on.clone()),
                _ => None,
            });
            match suspended {
                None => {
                    let created_at_line = events[..polled]
                        .iter()
                        .find_map(|e| match e.kind {
                            EventKind::TaskSpawned { line, .. } if e.task == Some(task) => {
                                Some(line)
                            }
                            _ => None,
                        })
                        .unwrap_or(0);
                    (
                        Cause::FirstStep {
                            task: name,
                            created_at_line,
                        },
                        Some(polled as u64),
                    )
                }
                Some(on) => {
                    let woken = events[..polled]
                        .iter()
                        .rev()
                        .find(|e| e.task == Some(task) && e.kind == EventKind::TaskWoken);
                    (
                        Cause::Woken {
                            task: name,
                            on,
                            woke_ms: woken.map_or(actual.at_ms, |e| e.at_ms()),
                        },
                        Some(woken.map_or(polled as u64, |e| e.seq)),
                    )
                }
            }
        }
    };
    // Where the predicted line's task was at that moment.
    let model = LoopModel::at(trace, Some(actual.seq));
    let index = trace.task_names().position(|n| n == predicted.task());
    let elsewhere = if printer.is_some_and(|t| Some(t.index()) == index) {
        Elsewhere::SameTask
    } else {
        match index.and_then(|i| model.tasks.get(i)).map(|t| &t.state) {
            None => Elsewhere::NotCreated,
            Some(TaskState::Pending | TaskState::Ready) => Elsewhere::Queued,
            Some(TaskState::Waiting(on)) => Elsewhere::Waiting(on.clone()),
            Some(_) => Elsewhere::Ended,
        }
    };
    Some(Divergence {
        line,
        cause_seq,
        why: Why::OtherLine {
            said: actual.text.clone(),
            at_ms: actual.at_ms,
            cause,
            wanted: predicted.text().to_string(),
            wanted_task: predicted.task().to_string(),
            elsewhere,
        },
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::runtime::{host, Clock};

    fn lesson(id: &str) -> &'static Lesson {
        course::find(id).unwrap()
    }

    /// The lesson run on the virtual clock, natively: its rows and its Trace's run.
    fn run(id: &str) -> (Vec<Row>, crate::runtime::Run) {
        let run = lesson(id).start(Clock::Virtual);
        host::run_until_idle();
        let rows = run.trace().printed().into_iter().map(Row::from).collect();
        (rows, run)
    }

    fn in_order(id: &str, order: Vec<usize>) -> Prediction {
        let n = order.len();
        Prediction {
            lesson: lesson(id).id,
            order,
            times: vec![None; n],
        }
    }

    #[test]
    fn a_scramble_is_stable_a_permutation_and_never_already_right() {
        for lesson in course::all().filter(|l| l.expected.len() >= 2) {
            let a = Prediction::shuffled(lesson);
            assert_eq!(a, Prediction::shuffled(lesson), "{}", lesson.id);
            let mut sorted = a.order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..lesson.expected.len()).collect::<Vec<_>>());
            assert!(
                a.score_against_expected() < lesson.expected.len(),
                "{} starts solved",
                lesson.id
            );
        }
    }

    #[test]
    fn arrangements_round_trip_through_links_and_bad_ones_are_refused() {
        let gather = lesson("gather-order");
        let mut p = Prediction::shuffled(gather);
        p.times[p.order[0]] = Some(1000);
        let text = p.encode();
        assert!(text.contains("~1000"), "{text}");
        assert_eq!(Prediction::decode(gather, &text), Some(p));
        for bad in [
            "",
            "0.1.2",
            "0.1.2.3.4.5.6.7",
            "0.0.1.2.3.4.5",
            "0.1.2.3.4.5.x",
            "0.1.2.3.4.5.6~",
            "-1.0.1.2.3.4.5",
        ] {
            assert_eq!(Prediction::decode(gather, bad), None, "{bad}");
        }
        // Absurd times are dropped, not kept.
        let p = Prediction::decode(gather, "0~99999999999.1.2.3.4.5.6").unwrap();
        assert_eq!(p.times[0], None);
    }

    #[test]
    fn moving_a_line_shifts_the_others() {
        let mut p = in_order("gather-order", (0..7).collect());
        p.move_line(5, 1);
        assert_eq!(p.order, [0, 5, 1, 2, 3, 4, 6]);
        p.move_line(0, 99);
        assert_eq!(p.order, [5, 1, 2, 3, 4, 6, 0]);
    }

    #[test]
    fn the_right_order_scores_full_marks_and_a_swap_is_wrong_at_its_line() {
        let (rows, _run) = run("gather-order");
        let right = in_order("gather-order", (0..7).collect());
        let full = score(
            lesson("gather-order"),
            Lang::En,
            &right,
            &rows,
            Timing::Exact,
        );
        assert!(full.all_right());
        assert_eq!((full.correct, full.total), (7, 7));

        // "mid end" before "fast end": wrong at line 4 (index 3) and 5.
        let swapped = in_order("gather-order", vec![0, 1, 2, 4, 3, 5, 6]);
        let scored = score(
            lesson("gather-order"),
            Lang::En,
            &swapped,
            &rows,
            Timing::Exact,
        );
        assert_eq!(scored.first_wrong, Some(3));
        assert_eq!(scored.correct, 5);
        assert!(!scored.lines[3].ok && !scored.lines[4].ok && scored.lines[5].ok);
    }

    #[test]
    fn a_line_another_worker_printed_is_still_the_predicted_line() {
        // Workers take jobs as they free up: a real run of run-in-executor may print a line
        // from worker-3 that the lesson lists under worker-1. The verdict calls such a run
        // right, and so must predict (it compared task names exactly).
        let lesson = lesson("run-in-executor");
        let mut rows = expected_rows(lesson, Lang::En);
        let workers = rows.iter().filter(|r| r.task.starts_with("worker")).count();
        assert!(workers >= 4);
        for row in rows.iter_mut().filter(|r| r.task.starts_with("worker")) {
            row.task = match row.task.as_str() {
                "worker-1" => "worker-2".into(),
                _ => "worker-1".into(),
            };
        }
        let right = in_order(lesson.id, (0..lesson.expected.len()).collect());
        let scored = score(lesson, Lang::En, &right, &rows, Timing::Ignore);
        assert!(scored.all_right(), "{scored:#?}");
        // A task's line is not a worker's.
        let task_line = rows
            .iter()
            .position(|r| r.task.starts_with("Task"))
            .unwrap();
        rows[task_line].task = "worker-1".into();
        assert_eq!(
            score(lesson, Lang::En, &right, &rows, Timing::Ignore).first_wrong,
            Some(task_line)
        );
    }

    #[test]
    fn racing_tasks_may_be_predicted_interleaved_but_each_in_its_own_order() {
        // aiohttp-httpx: Task-2 prints start, status, content type, body; Task-3 start, status
        // code, page; all at one moment, the two tasks in any mix.
        let lesson = lesson("aiohttp-httpx");
        assert_eq!(lesson.order, Order::EachTaskInOrder);
        let rows = expected_rows(lesson, Lang::En);
        let mixed = in_order(lesson.id, vec![1, 0, 5, 2, 6, 3, 4]);
        assert!(score(lesson, Lang::En, &mixed, &rows, Timing::Exact).all_right());
        // The body before the status: aiohttp's own code prints the status first.
        let body_first = in_order(lesson.id, vec![0, 1, 4, 2, 3, 5, 6]);
        let scored = score(lesson, Lang::En, &body_first, &rows, Timing::Exact);
        assert_eq!(scored.first_wrong, Some(2));
        assert_eq!(scored.correct, 6, "{scored:#?}");
    }

    #[test]
    fn rough_times_count_when_close() {
        let (rows, _run) = run("gather-order");
        let mut p = in_order("gather-order", (0..7).collect());
        p.times[3] = Some(950); // fast end at 1000
        p.times[4] = Some(2600); // mid end at 2000
        let scored = score(lesson("gather-order"), Lang::En, &p, &rows, Timing::Exact);
        assert_eq!(scored.lines[3].time_close, Some(true));
        assert_eq!(scored.lines[4].time_close, Some(false));
        assert_eq!(scored.lines[0].time_close, None);
        assert!(time_close(0, 80) && !time_close(0, 150) && time_close(9000, 10000));
    }

    #[test]
    fn the_first_divergence_is_explained_by_the_wake_that_caused_it() {
        let (rows, run) = run("gather-order");
        // Predicting "slow end" (Task-2, 3 s) where "fast end" (Task-3, 1 s) came.
        let p = in_order("gather-order", vec![0, 1, 2, 5, 3, 4, 6]);
        let scored = score(lesson("gather-order"), Lang::En, &p, &rows, Timing::Exact);
        assert_eq!(scored.first_wrong, Some(3));
        let trace = run.trace();
        let divergence = explain(&scored, &trace).unwrap();
        assert_eq!(divergence.line, 3);
        let Why::OtherLine {
            said,
            at_ms,
            cause,
            wanted,
            wanted_task,
            elsewhere,
        } = &divergence.why
        else {
            panic!("{divergence:?}")
        };
        assert_eq!((said.as_str(), *at_ms), ("fast end", 1000));
        assert!(
            matches!(cause, Cause::Woken { task, woke_ms: 1000, on: WaitOn::Sleep { .. } } if task == "Task-3"),
            "{cause:?}"
        );
        assert_eq!(
            (wanted.as_str(), wanted_task.as_str()),
            ("slow end", "Task-2")
        );
        assert!(
            matches!(elsewhere, Elsewhere::Waiting(WaitOn::Sleep { .. })),
            "{elsewhere:?}"
        );
        // The cause is Task-3's wake, at 1000 ms.
        let cause = &trace.events()[divergence.cause_seq.unwrap() as usize];
        assert_eq!(cause.kind, EventKind::TaskWoken);
        assert_eq!(cause.at_us, 1_000_000);
        assert_eq!(
            cause
                .task
                .map(|t| trace.task_name(t).to_string())
                .as_deref(),
            Some("Task-3")
        );
    }

    #[test]
    fn a_divergence_inside_one_task_says_so() {
        let (rows, run) = run("coroutine-object");
        // "inside func" before "coroutine created": both Task-1's.
        let p = in_order("coroutine-object", vec![1, 0, 2]);
        let scored = score(
            lesson("coroutine-object"),
            Lang::En,
            &p,
            &rows,
            Timing::Exact,
        );
        assert_eq!(scored.first_wrong, Some(0));
        let divergence = explain(&scored, &run.trace()).unwrap();
        assert!(
            matches!(&divergence.why, Why::OtherLine { elsewhere: Elsewhere::SameTask, wanted_task, .. } if wanted_task == "Task-1"),
            "{divergence:?}"
        );
    }
}
