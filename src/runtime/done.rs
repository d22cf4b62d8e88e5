//! What happens when a task or future ends: one ordered list of tasks to wake and callbacks
//! to schedule.
//!
//! asyncio wakes a task awaiting a future through a done callback too, so waiters and user
//! callbacks share one queue in registration order. Keeping them in one list here gives the
//! same order: callbacks added before `await` run before the awaiting task resumes.

use std::cell::{Cell, RefCell};
use std::rc::Weak;
use std::task::Waker;

use super::executor::{self, RunInner};
use crate::trace::{DoneOf, EventKind};

/// Which done callback, for `remove_done_callback`: handed out as it is added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DoneCallbackKey(u64);

enum Action {
    Wake(Waker),
    /// A done callback, the line that added it, and its key.
    Call(Box<dyn FnOnce()>, u32, u64),
    /// A combinator's done callback, by its key: queued like `Call`, but not recorded (see
    /// [`crate::runtime::relay`]).
    Relay(Box<dyn FnOnce()>, u64),
}

/// The pending on-done actions of one task or future.
#[derive(Default)]
pub(crate) struct OnDone {
    actions: RefCell<Vec<Action>>,
    /// Whose actions these are, for the Trace (set once the task or future has its id).
    of: Cell<Option<DoneOf>>,
    /// The last key handed out, to a relay or a callback.
    keys: Cell<u64>,
}

impl OnDone {
    /// Wakes `waker` at the end (once, however often a waiter polls).
    pub(crate) fn add_waker(&self, waker: &Waker) {
        let mut actions = self.actions.borrow_mut();
        let known = actions
            .iter()
            .any(|a| matches!(a, Action::Wake(w) if w.will_wake(waker)));
        if !known {
            actions.push(Action::Wake(waker.clone()));
        }
    }

    /// Queues `relay` on the loop at the end, unrecorded (a combinator's done callback).
    /// Returns its key, for [`remove_relay`](Self::remove_relay).
    pub(crate) fn add_relay(&self, relay: Box<dyn FnOnce()>) -> u64 {
        let key = self.next_key();
        self.actions.borrow_mut().push(Action::Relay(relay, key));
        key
    }

    fn next_key(&self) -> u64 {
        let key = self.keys.get() + 1;
        self.keys.set(key);
        key
    }

    /// Forgets a relay that has not been queued (`remove_done_callback` of a combinator that
    /// is done waiting). The closure is dropped after the borrow.
    pub(crate) fn remove_relay(&self, key: u64) {
        let removed = {
            let mut actions = self.actions.borrow_mut();
            let at = actions
                .iter()
                .position(|a| matches!(a, Action::Relay(_, k) if *k == key));
            at.map(|at| actions.remove(at))
        };
        drop(removed);
    }

    /// How many actions wait for the end.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn len(&self) -> usize {
        self.actions.borrow().len()
    }

    /// Names the task or future these actions belong to.
    pub(crate) fn set_owner(&self, of: DoneOf) {
        self.of.set(Some(of));
    }

    /// Schedules `callback` with `call_soon` at the end; `line` is where it was added. Recorded
    /// in `run`'s Trace while it waits (when `pending`: the owner has not ended yet).
    pub(crate) fn add_callback(
        &self,
        callback: Box<dyn FnOnce()>,
        line: u32,
        run: &Weak<RunInner>,
        pending: bool,
    ) -> DoneCallbackKey {
        let key = self.next_key();
        self.actions
            .borrow_mut()
            .push(Action::Call(callback, line, key));
        if let (true, Some(to), Some(run)) = (pending, self.of.get(), run.upgrade()) {
            let task = executor::current().and_then(|(_, task)| task);
            run.record(task, EventKind::DoneCallbackAdded { to, line });
        }
        DoneCallbackKey(key)
    }

    /// `remove_done_callback`: takes the callback `key` off if it has not been scheduled yet,
    /// recorded in `run`'s Trace. Returns whether it was there.
    pub(crate) fn remove_callback(&self, key: DoneCallbackKey, run: &Weak<RunInner>) -> bool {
        let removed = {
            let mut actions = self.actions.borrow_mut();
            let at = actions
                .iter()
                .position(|a| matches!(a, Action::Call(_, _, k) if *k == key.0));
            at.map(|at| actions.remove(at))
        };
        let Some(Action::Call(callback, line, _)) = removed else {
            return false;
        };
        // Dropped after the borrow: the closure may own what calls back in.
        drop(callback);
        if let (Some(from), Some(run)) = (self.of.get(), run.upgrade()) {
            let task = executor::current().and_then(|(_, task)| task);
            run.record(task, EventKind::DoneCallbackRemoved { from, line });
        }
        true
    }

    /// Runs every pending action in order. A run that has ended runs nothing more: its
    /// callbacks are dropped (wakers are still woken; an ended run ignores them).
    pub(crate) fn fire(&self, run: &Weak<RunInner>) {
        let actions = std::mem::take(&mut *self.actions.borrow_mut());
        let run = run.upgrade().filter(|run| run.is_running());
        for action in actions {
            match action {
                Action::Wake(waker) => waker.wake(),
                Action::Call(callback, line, _) => {
                    if let Some(run) = &run {
                        run.add_callback(callback, None, line, self.of.get());
                    }
                }
                Action::Relay(relay, _) => {
                    if let Some(run) = &run {
                        run.add_relay(relay);
                    }
                }
            }
        }
    }
}
