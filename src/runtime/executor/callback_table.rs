//! The executor's side of callbacks (`call_soon`, `call_later`, done callbacks): the closures
//! waiting to run, by id. The public API over it is `runtime::callbacks`.
//!
//! Invariants:
//! - A callback is in the table from when it is scheduled until it runs, is cancelled, or the
//!   run ends; it runs at most once, and only if it is still in the table when its ready-queue
//!   entry comes up (a cancelled one leaves a stale entry, which is skipped).
//! - A `call_soon` callback is queued at once; a `call_later` one when its timer fires.
//! - A closure is always dropped or called after the state borrow ends: it may own handles
//!   whose drop calls back into the run.
//! - Ids count up from 1 and are never reused.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::super::host::Tick;
use super::clock::Deadline;
use super::registry::{current, enter};
use super::tick::schedule;
use super::timers::TimerAction;
use super::{Ready, RunInner};
use crate::runtime::Clock;
use crate::trace::{CallbackId, DoneOf, EventKind, TimerKey};

/// A run's callbacks that have not run yet.
#[derive(Default)]
pub(super) struct CallbackTable {
    pending: BTreeMap<CallbackId, Box<dyn FnOnce()>>,
    next: u64,
}

impl CallbackTable {
    /// Whether callback `id` is still waiting to run.
    pub(super) fn contains(&self, id: CallbackId) -> bool {
        self.pending.contains_key(&id)
    }

    /// How many callbacks are waiting to run.
    pub(super) fn len(&self) -> usize {
        self.pending.len()
    }

    /// Takes every callback (the run ended), for the caller to drop after its borrow.
    pub(super) fn take_all(&mut self) -> BTreeMap<CallbackId, Box<dyn FnOnce()>> {
        std::mem::take(&mut self.pending)
    }
}

impl RunInner {
    /// Schedules `f` to run on the loop: now (`call_soon`, `delay` = `None`) or after a delay
    /// in seconds (`call_later`; infinity never fires). Returns the callback's id (the
    /// handle's) and its timer key.
    pub(crate) fn add_callback(
        self: &Rc<Self>,
        f: Box<dyn FnOnce()>,
        delay: Option<f64>,
        line: u32,
        done_of: Option<DoneOf>,
    ) -> (CallbackId, Option<TimerKey>) {
        let task = current().and_then(|(_, task)| task);
        let id = {
            let mut state = self.state.borrow_mut();
            state.callbacks.next += 1;
            let id = CallbackId(state.callbacks.next);
            state.callbacks.pending.insert(id, f);
            if delay.is_none() {
                state.ready.push_back(Ready::Callback(id));
            }
            id
        };
        let due = delay.map(|seconds| self.deadline(seconds).unwrap_or(Deadline::NEVER));
        self.record(
            task,
            EventKind::CallbackScheduled {
                callback: id,
                due_us: due.map(|due| due.due_us),
                line,
                done_of,
            },
        );
        // A `call_later` timer is set (and recorded) right after the callback it is for.
        let timer = due.map(|due| self.set_timer(task, due, TimerAction::Call(id), line));
        if timer.is_some() {
            match self.time.clock() {
                Clock::Real { .. } => self.arm_host_timer(),
                // The loop may be idle (a `run_forever` setup with only timers): it must get
                // a turn to move the virtual clock.
                Clock::Virtual => schedule(self, Tick::Micro),
            }
        } else {
            schedule(self, Tick::Micro);
        }
        (id, timer)
    }

    /// Puts a callback whose timer fired at the back of the ready queue, and gives the loop a
    /// turn to run it, as a task's wake does (on the real clock the timer fires from the host's
    /// `setTimeout`, outside any turn; on the virtual clock the turn is already running).
    pub(super) fn queue_callback(self: &Rc<Self>, id: CallbackId) {
        {
            let mut state = self.state.borrow_mut();
            if !state.callbacks.contains(id) {
                return;
            }
            state.ready.push_back(Ready::Callback(id));
        }
        schedule(self, Tick::Micro);
    }

    /// Cancels a callback that has not run; `false` if it already ran or was cancelled.
    pub(crate) fn cancel_callback(&self, id: CallbackId, timer: Option<TimerKey>) -> bool {
        let removed = {
            let mut state = self.state.borrow_mut();
            if let Some(key) = timer {
                state.timers.remove(key);
            }
            state.callbacks.pending.remove(&id)
        };
        let cancelled = removed.is_some();
        if cancelled {
            self.record(None, EventKind::CallbackCancelled { callback: id });
        }
        // Dropped here, after the borrow: the closure may own handles whose drop calls back in.
        drop(removed);
        cancelled
    }

    /// Runs callback `id` if it is still waiting (its ready-queue entry came up).
    pub(super) fn run_callback(self: &Rc<Self>, id: CallbackId) {
        let callback = self.state.borrow_mut().callbacks.pending.remove(&id);
        let Some(callback) = callback else { return };
        self.record(None, EventKind::CallbackRan { callback: id });
        enter(self, None, callback);
        self.time.step_boundary();
        self.finish_if_done();
    }
}
