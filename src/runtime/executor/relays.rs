//! Relays: the done callbacks and timer callbacks of asyncio's own combinators (`gather`'s
//! `_done_callback`, `wait`'s `_on_completion`, `wait_for`'s `_release_waiter`), which run on
//! the loop like any callback but are not the program's, so the Trace does not record them.
//!
//! They give the combinators asyncio's timing: a task awaiting a `gather` resumes two loop
//! steps after the child that completes it ended (the child's done callback runs, then the
//! gather's own future wakes the task), where a task awaiting that child directly resumes one
//! step after. Without the hop, a task blocked in `gather` or `wait` runs before tasks that
//! asyncio runs first.
//!
//! Invariants:
//! - A relay is held by its ready-queue entry from when it is queued until it runs or the run
//!   ends; it runs once, when the entry comes up, in the queue's FIFO order.
//! - A closure is always called or dropped after the state borrow ends: it may own handles
//!   whose drop calls back into the run.

use std::rc::Rc;

use super::super::host::Tick;
use super::clock::Deadline;
use super::registry::{current, enter};
use super::tick::schedule;
use super::timers::TimerAction;
use super::{Ready, RunInner};
use crate::runtime::Clock;
use crate::trace::TimerKey;

impl RunInner {
    /// Queues `f` at the back of the ready queue, as `call_soon` does, unrecorded.
    pub(crate) fn add_relay(self: &Rc<Self>, f: Box<dyn FnOnce()>) {
        {
            let mut state = self.state.borrow_mut();
            if state.status != super::RunStatus::Running {
                return;
            }
            state.ready.push_back(Ready::Relay(f));
        }
        schedule(self, Tick::Micro);
    }

    /// Sets a timer that queues `f` as a relay when it fires (`loop.call_later` of a
    /// combinator's timeout, whose handle then releases the waiter). The timer is the
    /// Trace's, as a sleep's is; cancel it with [`cancel_timer`](Self::cancel_timer).
    pub(crate) fn add_relay_timer(
        self: &Rc<Self>,
        deadline: Deadline,
        f: Box<dyn FnOnce()>,
        line: u32,
    ) -> TimerKey {
        let task = current().and_then(|(_, task)| task);
        let key = self.set_timer(task, deadline, TimerAction::Release(f), line);
        match self.time.clock() {
            Clock::Real { .. } => self.arm_host_timer(),
            Clock::Virtual => schedule(self, Tick::Micro),
        }
        key
    }

    /// Runs a relay whose ready-queue entry came up.
    pub(super) fn run_relay(self: &Rc<Self>, relay: Box<dyn FnOnce()>) {
        enter(self, None, relay);
    }
}
