//! The second loop implementation: every ready callback waits for a `setTimeout(0)` of its own
//! before it runs, as Pyodide's `WebLoop` schedules `call_soon`. A lesson chooses it the way
//! `asyncio.set_event_loop_policy` chooses a loop ([`set_event_loop_policy`]).
//!
//! The ready queue stays the one asyncio has: an entry is put there as always, and a turn of
//! this loop hands each new entry to a host timeout of its own. When the timeout fires, the
//! entry arrives (`arrived`) and the turn after runs it. Everything else (the Trace, timers,
//! the virtual clock, Stop) is the runtime's own.
//!
//! Invariants:
//! - An entry is in exactly one place: the ready queue, a pending timeout, or `arrived`.
//! - Each pending timeout holds the virtual clock (it is an await on the browser) until it
//!   fires, or until the run ends, which clears it.

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use super::super::host::{self, HostTimer, Tick};
use super::registry::with_current_run;
use super::tick::schedule;
use super::{Ready, RunInner};
use crate::runtime::Error;
use crate::trace::{EventKind, LoopKind};

/// A run's entries on their way through `setTimeout`.
#[derive(Default)]
pub(super) struct Deferred {
    /// Entries whose timeout has not fired, by a key of their own.
    pending: BTreeMap<u64, (Ready, HostTimer)>,
    next: u64,
    /// Entries whose timeout fired, in the order it did: the next to run.
    arrived: VecDeque<Ready>,
}

impl Deferred {
    /// The entries in the order they will run: those that arrived, then those still waiting
    /// for their timeout (in the order they were handed to it).
    pub(super) fn waiting(&self) -> impl Iterator<Item = &Ready> {
        self.arrived
            .iter()
            .chain(self.pending.values().map(|(entry, _)| entry))
    }

    /// Whether a callback (not a task step) is on its way: it runs before the run may end.
    pub(super) fn holds_callback(&self) -> bool {
        self.waiting()
            .any(|entry| matches!(entry, Ready::Callback(_)))
    }
}

/// `asyncio.set_event_loop_policy(...)` followed by the next `asyncio.run`: the running
/// program's ready callbacks run on `kind` from its next step on. Outside a run it is
/// `Err(NoRunningLoop)`.
pub fn set_event_loop_policy(kind: LoopKind) -> Result<(), Error> {
    let run = with_current_run(|run, _| run.clone()).ok_or(Error::NoRunningLoop)?;
    if run.loop_kind.replace(kind) != kind {
        let task = super::current().and_then(|(_, task)| task);
        run.record(task, EventKind::LoopChosen { kind });
    }
    Ok(())
}

impl RunInner {
    /// The next entry to run on the `setTimeout` loop: first every new entry of the ready
    /// queue gets its timeout, then the first that arrived (if any) is taken.
    pub(super) fn next_after_timeout(self: &Rc<Self>) -> Option<Ready> {
        let fresh: Vec<(u64, Ready)> = {
            let mut state = self.state.borrow_mut();
            let state = &mut *state;
            state
                .ready
                .drain(..)
                .map(|entry| {
                    state.deferred.next += 1;
                    (state.deferred.next, entry)
                })
                .collect()
        };
        for (key, entry) in fresh {
            let run = Rc::downgrade(self);
            let timer = host::set_timer(0.0, move || {
                if let Some(run) = run.upgrade() {
                    run.timed_out(key);
                }
            });
            self.state
                .borrow_mut()
                .deferred
                .pending
                .insert(key, (entry, timer));
            self.io_wait_begin();
        }
        self.state.borrow_mut().deferred.arrived.pop_front()
    }

    /// A pending entry's timeout fired: it runs at the loop's next turn.
    fn timed_out(self: &Rc<Self>, key: u64) {
        let timer = {
            let mut state = self.state.borrow_mut();
            let Some((entry, timer)) = state.deferred.pending.remove(&key) else {
                return;
            };
            state.deferred.arrived.push_back(entry);
            timer
        };
        drop(timer);
        self.io_wait_end();
        if self.is_running() {
            schedule(self, Tick::Micro);
        }
    }

    /// At the run's end: clears every pending timeout and lets go of their holds.
    pub(super) fn clear_deferred(self: &Rc<Self>) {
        let deferred = std::mem::take(&mut self.state.borrow_mut().deferred);
        for _ in 0..deferred.pending.len() {
            self.io_wait_end();
        }
        drop(deferred);
    }
}
