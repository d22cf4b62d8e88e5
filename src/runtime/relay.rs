//! The waiter futures of asyncio's combinators, and what releases them.
//!
//! `gather`, `wait`, `wait_for` and `as_completed` do not wake the task that awaits them
//! themselves: each child gets a done callback (queued on the loop when the child ends), and
//! a callback that finds the combinator complete sets a future, whose own done callback wakes
//! the task. So a task awaiting `gather(a, b)` resumes two loop steps after the child that
//! completed it, where `await a` resumes one step after `a` ends. The order of a program's
//! prints depends on it; the runtime keeps it with relays (`executor::relays`): callbacks
//! queued in the ready queue like asyncio's, left out of the Trace as asyncio's internals.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::task::Waker;

use super::executor::{self, RunInner};
use crate::trace::TimerKey;

/// `waiter = loop.create_future()` of a combinator: released once; the task polling it
/// resumes as a task awaiting a future does, woken when it is released.
#[derive(Clone, Default)]
pub(crate) struct Waiter(Rc<WaiterCell>);

#[derive(Default)]
struct WaiterCell {
    released: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Waiter {
    /// `waiter.set_result(None)` (`_release_waiter`): wakes the task waiting, if one is.
    pub(crate) fn release(&self) {
        if !self.0.released.replace(true) {
            let waker = self.0.waker.borrow_mut().take();
            if let Some(waker) = waker {
                waker.wake();
            }
        }
    }

    pub(crate) fn is_released(&self) -> bool {
        self.0.released.get()
    }

    /// Whether it has been released; if not, `waker` is woken when it is.
    pub(crate) fn poll_released(&self, waker: &Waker) -> bool {
        if self.is_released() {
            return true;
        }
        let mut slot = self.0.waker.borrow_mut();
        if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
        false
    }
}

/// A combinator's timeout, `loop.call_later(timeout, f)`: `f` runs as a relay when the timer
/// fires. Dropping it first cancels the timer (`timeout_handle.cancel()`).
pub(crate) struct RelayTimer {
    run: Weak<RunInner>,
    key: TimerKey,
}

impl RelayTimer {
    /// The timer, in the current run; `None` outside one (the combinator then fails as it
    /// would without a loop) or for a timeout of "never" (infinity).
    pub(crate) fn after(seconds: f64, line: u32, f: impl FnOnce() + 'static) -> Option<Self> {
        let (run, _) = executor::current()?;
        let deadline = run.deadline(seconds)?;
        let key = run.add_relay_timer(deadline, Box::new(f), line);
        Some(RelayTimer {
            run: Rc::downgrade(&run),
            key,
        })
    }
}

impl Drop for RelayTimer {
    fn drop(&mut self) {
        if let Some(run) = self.run.upgrade() {
            let task = executor::current().and_then(|(_, task)| task);
            run.cancel_timer(self.key, task);
        }
    }
}
