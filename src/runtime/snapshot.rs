//! What the executor really holds at one event: its ready queue and its timer heap, copied
//! by the runtime itself when [`record_snapshots`](super::record_snapshots) is on.
//!
//! Only tests turn it on: they check that the loop model the page shows, which is rebuilt
//! from the Trace alone (`analysis::model`), equals this after every event.

use crate::trace::{CallbackId, TaskId, TimerKey};

/// An entry of the ready queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queued {
    /// A task's next step.
    Task(TaskId),
    /// A callback (`call_soon`, a fired `call_later`, a done callback), by id.
    Callback(CallbackId),
}

/// The executor's real ready queue and timer heap at one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoopSnapshot {
    /// The ready queue, front first (entries whose task ended or whose callback was cancelled
    /// are skipped, as the loop skips them).
    pub ready: Vec<Queued>,
    /// The timers, soonest first.
    pub timers: Vec<TimerKey>,
}
