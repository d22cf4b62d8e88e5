//! The I/O ledger: outside work in flight (fetches, worker jobs, storage calls, posted
//! messages), and the awaits on the browser that hold the virtual clock still.
//!
//! Invariants:
//! - A piece of work is in the ledger from `begin_io` (`IoStarted`) until `end_io`
//!   (`IoEnded`) or the run's end, which ends what is left with a "cancelled" error: every
//!   `IoStarted` gets exactly one `IoEnded`. The live counters per [`IoKind`] are read from it.
//! - While any await on the browser is outstanding (`waiting` > 0), the virtual clock does not
//!   move: outside work takes no virtual time, so a run is as repeatable as the work's own
//!   results. The count never goes below zero, and is zero once the run has ended.
//! - Ids count up from 1 and are never reused.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::super::host::Tick;
use super::registry::current;
use super::tick::schedule;
use super::RunInner;
use crate::runtime::Clock;
use crate::trace::{EventKind, IoId, IoKind, TaskId};

/// A run's outside work in flight.
#[derive(Default)]
pub(super) struct IoLedger {
    /// Outside work that has started and not ended (fetches, worker jobs, storage calls,
    /// posted messages), by id: the live counters.
    in_flight: BTreeMap<IoId, IoKind>,
    next: u64,
    /// How many awaits on the browser are outstanding (a promise, a message in transit). The
    /// virtual clock does not move while any is: outside work takes no virtual time, so a run
    /// is as repeatable as the work's own results.
    waiting: usize,
}

impl IoLedger {
    /// How many pieces of work of this kind are in flight.
    pub(super) fn count(&self, kind: IoKind) -> usize {
        self.in_flight.values().filter(|k| **k == kind).count()
    }

    /// Whether an await on the browser is outstanding (the virtual clock must hold still).
    pub(super) fn is_waiting(&self) -> bool {
        self.waiting > 0
    }

    /// The run ended: forgets the outstanding awaits and takes the work still in flight, to
    /// be recorded as ended.
    pub(super) fn take_all(&mut self) -> BTreeMap<IoId, IoKind> {
        self.waiting = 0;
        std::mem::take(&mut self.in_flight)
    }
}

impl RunInner {
    /// Registers outside work as in flight and records its start; returns its id.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn begin_io(&self, task: Option<TaskId>, kind: IoKind, label: Rc<str>) -> IoId {
        let io = {
            let mut state = self.state.borrow_mut();
            state.io.next += 1;
            let io = IoId(state.io.next);
            state.io.in_flight.insert(io, kind);
            io
        };
        self.record(task, EventKind::IoStarted { io, kind, label });
        io
    }

    /// Marks outside work as no longer in flight (done, failed or abandoned) and records it.
    /// On the virtual clock the loop gets a turn, since time may move again.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn end_io(self: &Rc<Self>, io: IoId, error: Option<Rc<str>>) {
        let removed = self.state.borrow_mut().io.in_flight.remove(&io).is_some();
        if !removed {
            return;
        }
        let task = current().and_then(|(_, task)| task);
        self.record(task, EventKind::IoEnded { io, error });
    }

    /// An await on the browser began: the virtual clock holds still until it ends.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_wait_begin(&self) {
        self.state.borrow_mut().io.waiting += 1;
    }

    /// An await on the browser ended (or was abandoned): on the virtual clock the loop gets a
    /// turn, since time may move again.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_wait_end(self: &Rc<Self>) {
        {
            let mut state = self.state.borrow_mut();
            state.io.waiting = state.io.waiting.saturating_sub(1);
        }
        if self.time.clock() == Clock::Virtual && self.is_running() {
            schedule(self, Tick::Micro);
        }
    }

    /// Records the HTTP status outside work was answered with, if it is still in flight.
    pub(crate) fn io_status(&self, io: IoId, status: u16) {
        if self.state.borrow().io.in_flight.contains_key(&io) {
            let task = current().and_then(|(_, task)| task);
            self.record(task, EventKind::IoStatus { io, status });
        }
    }

    /// Records progress of outside work, if it is still in flight.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_progress(&self, io: IoId, done: u64, total: Option<u64>) {
        if self.state.borrow().io.in_flight.contains_key(&io) {
            let task = current().and_then(|(_, task)| task);
            self.record(task, EventKind::IoProgress { io, done, total });
        }
    }
}
