//! Beginner lints: the mistakes of [`Mistake`] read off a run's Trace, one rule each.
//!
//! - a coroutine made and dropped without being awaited (`never_awaited.rs`);
//! - a task that failed while nobody awaited it, so its error was lost (`error_lost.rs`);
//! - one step that held the loop for more than [`BLOCKED_MS`] (`blocked.rs`);
//! - two sleeps awaited one after the other by a task alone on the loop, whose lengths are two
//!   different knobs of the lesson: independent waits that could overlap (`sequential.rs`).
//!
//! Each rule reads the events one by one and says what it found at the end; [`lints`] feeds
//! them one pass over the Trace. The lessons that make a mistake on purpose list it in
//! [`Lesson::mistakes`]; the tests check that every other lesson runs without a single lint.

mod blocked;
mod error_lost;
mod never_awaited;
mod sequential;

pub use crate::course::Mistake;
use crate::course::{Lesson, Settings, Text};
use crate::trace::{ClockKind, Event, EventKind, TaskId, Trace};

/// A step longer than this blocks the loop (asyncio's debug mode warns at 100 ms; a browser
/// frame is 16 ms; 50 ms is where the page starts to feel stuck).
pub const BLOCKED_MS: u64 = 50;

/// What one lint found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Coroutine `name`, made at Rust line `line`, was never awaited.
    NeverAwaited {
        /// The coroutine function.
        name: String,
        /// Where it was made.
        line: u32,
    },
    /// `task` failed with `error` and nobody retrieved it.
    ErrorLost {
        /// The task's name.
        task: String,
        /// Its error.
        error: String,
    },
    /// Step `step` (from 1) of `task` held the loop for `ms`.
    Blocked {
        /// The task's name.
        task: String,
        /// Which of its steps.
        step: usize,
        /// For how long, in milliseconds of the run's clock.
        ms: u64,
        /// The Rust line of the blocking call, or the last line the step reached.
        line: Option<u32>,
    },
    /// Blocking code outside any task (module-level code, a callback) held the program's one
    /// thread for `ms`.
    BlockedThread {
        /// For how long, in milliseconds of the run's clock.
        ms: u64,
        /// The line of the blocking call.
        line: u32,
    },
    /// `task` slept `first` then `second`, alone on the loop; two knobs set them.
    Sequential {
        /// The task's name.
        task: String,
        /// The first sleep: milliseconds, the knob that set it, its Rust line.
        first: (u64, Text, u32),
        /// The second sleep, the same way.
        second: (u64, Text, u32),
    },
}

/// One lint of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    /// What it found.
    pub finding: Finding,
    /// The Trace event to show for it in replay.
    pub seq: u64,
}

impl Lint {
    /// Its kind.
    pub fn kind(&self) -> Mistake {
        match self.finding {
            Finding::NeverAwaited { .. } => Mistake::NeverAwaited,
            Finding::ErrorLost { .. } => Mistake::ErrorLost,
            Finding::Blocked { .. } | Finding::BlockedThread { .. } => Mistake::Blocked,
            Finding::Sequential { .. } => Mistake::Sequential,
        }
    }
}

/// What every rule may read besides the event itself: the Trace (for task names), the clock's
/// scale and how busy the loop has been.
pub(crate) struct Watch<'a> {
    trace: &'a Trace,
    /// Real ms per run ms: a step is judged by the wall time it held the page.
    scale: f64,
    /// Steps and callbacks the loop ran before this event.
    activity_before: u64,
    /// ... and with it (one more if this event is a step or a callback).
    activity: u64,
}

impl Watch<'_> {
    /// The task's name, as the lint says it.
    fn name(&self, task: TaskId) -> String {
        self.trace.task_name(task).to_string()
    }

    fn advance(&mut self, event: &Event) {
        self.activity_before = self.activity;
        match &event.kind {
            EventKind::TaskPolled | EventKind::CallbackRan { .. } => self.activity += 1,
            EventKind::RunStarted {
                clock: ClockKind::Real { scale },
                ..
            } => self.scale = *scale,
            _ => {}
        }
    }
}

/// One lint's reading of a run.
trait Rule {
    /// Reads the next event.
    fn see(&mut self, event: &Event, watch: &Watch);
    /// What it found, once every event was seen.
    fn found(self: Box<Self>) -> Vec<Lint>;
}

/// Every lint of a run of `lesson` with these knob values, in the order of the events they
/// point at.
pub fn lints(trace: &Trace, lesson: &Lesson, settings: &Settings) -> Vec<Lint> {
    let mut rules: [Box<dyn Rule>; 4] = [
        Box::new(never_awaited::NeverAwaited::default()),
        Box::new(error_lost::ErrorLost::default()),
        Box::new(blocked::Blocked::default()),
        Box::new(sequential::Sequential::new(knob_ms(lesson, settings))),
    ];
    let mut watch = Watch {
        trace,
        scale: 1.0,
        activity_before: 0,
        activity: 0,
    };
    for event in trace.events() {
        watch.advance(event);
        for rule in &mut rules {
            rule.see(event, &watch);
        }
    }
    let mut out: Vec<Lint> = rules.into_iter().flat_map(|rule| rule.found()).collect();
    out.sort_by_key(|lint| lint.seq);
    out
}

/// The lesson's time knobs at these values: (ms, the knob's label).
fn knob_ms(lesson: &Lesson, settings: &Settings) -> Vec<(u64, Text)> {
    lesson
        .knobs
        .iter()
        .filter_map(|knob| Some((knob.duration_ms(settings)?, knob.label)))
        .collect()
}
