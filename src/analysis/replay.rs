//! Replay without re-reading the whole run: the loop model and the lanes at any event, from
//! the nearest checkpoint at or before it.
//!
//! A [`Replay`] keeps at most [`CHECKPOINTS`] states, evenly spaced over the run, and the state
//! at the cursor. Moving the cursor forward applies the events in between; moving it back
//! starts again from the checkpoint before the target. Either way a move costs at most the
//! events between two checkpoints (a run's length / [`CHECKPOINTS`]), never the whole run,
//! and the memory is that many copies of the state, not one per event.

use super::lanes::{extend_lanes, extend_loop_lane, Lane};
use super::model::LoopModel;
use crate::trace::{Event, EventKind, Trace};

/// How many checkpoints a run keeps, at most.
pub const CHECKPOINTS: usize = 32;

/// Checkpoints are never closer than this many events: a short run needs none.
const MIN_SPACING: usize = 256;

/// What replay shows at one event: the loop and the timeline's lanes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The loop as asyncio models it.
    pub model: LoopModel,
    /// The lanes, one per task.
    pub lanes: Vec<Lane>,
    /// The loop's own lane, once it has run a callback.
    pub loop_lane: Option<Lane>,
    /// How many events are applied (the state is "right after event `applied - 1`").
    applied: usize,
}

impl Folded {
    fn apply(&mut self, events: &[Event]) {
        for event in events {
            self.model.apply(event);
        }
        extend_lanes(&mut self.lanes, events);
        extend_loop_lane(&mut self.loop_lane, events);
        self.applied += events.len();
    }
}

/// The replay state of one run (see the module docs).
#[derive(Debug, Default)]
pub struct Replay {
    /// States right after `applied` events, ascending; the first is the empty state.
    checkpoints: Vec<Folded>,
    /// The state at the cursor.
    current: Folded,
    /// How far apart the checkpoints are, in events.
    spacing: usize,
    /// How many events the Trace had when the checkpoints were taken.
    events: usize,
}

impl Replay {
    /// Checkpoints over `trace` as it is now (one pass over it).
    pub fn new(trace: &Trace) -> Replay {
        let events = trace.events();
        let spacing = (events.len() / CHECKPOINTS + 1).max(MIN_SPACING);
        let mut checkpoints = vec![Folded::default()];
        let mut state = Folded::default();
        for chunk in events.chunks(spacing) {
            state.apply(chunk);
            if state.applied < events.len() {
                checkpoints.push(state.clone());
            }
        }
        Replay {
            checkpoints,
            current: Folded::default(),
            spacing,
            events: events.len(),
        }
    }

    /// Whether it was made from `trace` as it is now (a run that went on needs a new one).
    pub fn fits(&self, trace: &Trace) -> bool {
        self.events == trace.len()
    }

    /// The state right after event `seq` (clamped to the run).
    pub fn at(&mut self, trace: &Trace, seq: u64) -> &Folded {
        let events = trace.events();
        let target = (seq as usize + 1).min(events.len());
        if target < self.current.applied || target - self.current.applied > self.spacing {
            // Back, or far ahead: the last checkpoint at or before the target is closer.
            let index = (target / self.spacing.max(1)).min(self.checkpoints.len() - 1);
            if self.checkpoints[index].applied > self.current.applied
                || target < self.current.applied
            {
                self.current = self.checkpoints[index].clone();
            }
        }
        let from = self.current.applied;
        self.current.apply(&events[from..target]);
        &self.current
    }
}

/// Where the loop first has something to show: the first time a task suspends while another
/// is queued to run, or else the first suspension. Internals open there rather than at the
/// empty start or the finished end.
pub fn first_interesting(trace: &Trace) -> Option<u64> {
    let mut first_suspension = None;
    let mut model = LoopModel::default();
    for event in trace.events() {
        model.apply(event);
        if let EventKind::TaskSuspended { .. } = event.kind {
            first_suspension.get_or_insert(event.seq);
            if !model.ready.is_empty() {
                return Some(event.seq);
            }
        }
    }
    first_suspension
}

// Native only: they drive the run with the native host.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::analysis::lanes::lanes_until;
    use crate::course;
    use crate::runtime::{host, Clock, Run};

    fn run(id: &str) -> Run {
        let run = course::find(id).unwrap().start(Clock::Virtual);
        host::run_until_idle();
        run
    }

    #[test]
    fn the_first_interesting_step_is_a_suspension_with_work_queued() {
        // create-task: main awaits task1 while task1 and task2 are queued.
        let run = run("create-task");
        let trace = run.trace();
        let seq = first_interesting(&trace).unwrap();
        let model = LoopModel::at(&trace, Some(seq));
        assert_eq!(model.ready.len(), 2, "{model:?}");
        assert!(matches!(
            trace.events()[seq as usize].kind,
            EventKind::TaskSuspended { .. }
        ));
    }

    #[test]
    fn any_order_of_cursor_moves_gives_the_state_a_full_fold_gives() {
        for id in ["create-task", "producer-consumer", "gather-groups"] {
            let run = run(id);
            let trace = run.trace();
            let mut replay = Replay::new(&trace);
            let n = trace.len() as u64;
            let moves = (0..n).chain((0..n).rev()).chain((0..n).step_by(7)).chain([
                n - 1,
                0,
                n / 2,
                3,
                n + 10,
            ]);
            for seq in moves {
                let got = replay.at(&trace, seq).clone();
                assert_eq!(got.model, LoopModel::at(&trace, Some(seq)), "{id} at {seq}");
                assert_eq!(got.lanes, lanes_until(&trace, Some(seq)), "{id} at {seq}");
            }
        }
    }

    #[test]
    fn a_long_run_keeps_few_checkpoints_and_a_move_applies_few_events() {
        // 2,000 tasks that each sleep once: about 10,000 events.
        let run = Run::start(Clock::Virtual, || async {
            let tasks: Vec<_> = (0..2000)
                .map(|_| crate::runtime::create_task(crate::runtime::sleep(0.001)))
                .collect::<Result<_, _>>()?;
            for task in tasks {
                task.await?;
            }
            Ok(())
        });
        host::run_until_idle();
        let trace = run.trace();
        assert!(trace.len() > 8000, "{}", trace.len());
        let mut replay = Replay::new(&trace);
        assert!(replay.checkpoints.len() <= CHECKPOINTS + 1);
        // Jumping back to the middle starts from a checkpoint, not from the first event.
        let end = trace.len() as u64 - 1;
        replay.at(&trace, end);
        let middle = end / 2;
        let before = replay.at(&trace, middle).applied;
        assert_eq!(before, middle as usize + 1);
        let checkpoint = replay.checkpoints[(middle as usize + 1) / replay.spacing].applied;
        assert!(middle as usize + 1 - checkpoint <= replay.spacing);
        assert_eq!(
            replay.at(&trace, middle).model,
            LoopModel::at(&trace, Some(middle))
        );
    }
}
