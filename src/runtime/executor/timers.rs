//! The timer heap: sleeping tasks and `call_later` callbacks by deadline, and on the real
//! clock the one host `setTimeout` that fires them.
//!
//! Invariants:
//! - Timers are ordered by [`TimerKey`] (deadline in µs, then timer id), so equal deadlines
//!   fire in the order they were set. Ids count up from 1 and are never reused.
//! - A timer leaves the heap exactly once: fired (`TimerFired`), cancelled
//!   (`TimerCancelled`, or with its callback), or when the run ends. Due timers are fired one
//!   at a time, so the Trace's `TimerFired` and the heap never disagree.
//! - On the real clock at most one host timer is armed, for the earliest deadline; none once
//!   the run has ended. A deadline of `u64::MAX` is "never" (an infinite sleep).

use std::collections::BTreeMap;
use std::rc::Rc;
use std::task::Waker;

use super::super::host::{self, HostTimer};
use super::clock::Deadline;
use super::{RunInner, RunStatus};
use crate::runtime::Clock;
use crate::trace::{CallbackId, EventKind, TaskId, TimerId, TimerKey};

/// What a timer does when it fires.
pub(super) enum TimerAction {
    /// Wake the sleeping task (its waker, once it has been polled), through a relay.
    Wake(Option<Waker>),
    /// Queue this callback (`call_later`).
    Call(CallbackId),
    /// Queue this as a relay: a combinator's timeout releasing its waiter (see
    /// [`super::relays`]).
    Release(Box<dyn FnOnce()>),
}

/// A run's pending timers.
#[derive(Default)]
pub(super) struct Timers {
    /// Pending timers by (deadline in µs, timer id), each with its float deadline: timers due
    /// in the same microsecond fire in the order of their floats, then in the order set.
    heap: BTreeMap<TimerKey, (f64, TimerAction)>,
    next: u64,
    /// On the real clock, the armed `setTimeout` and the deadline it is for.
    host: Option<(u64, HostTimer)>,
}

impl Timers {
    /// Adds a timer due at `due`; returns its key.
    fn insert(&mut self, due: Deadline, action: TimerAction) -> TimerKey {
        self.next += 1;
        let key = TimerKey {
            due_us: due.due_us,
            id: TimerId(self.next),
        };
        self.heap.insert(key, (due.due_s, action));
        key
    }

    /// The timer to fire next: of those due in the earliest microsecond, the one with the
    /// smallest float deadline (the first set among equal ones).
    fn next_key(&self) -> Option<(TimerKey, f64)> {
        let (first, _) = self.heap.first_key_value()?;
        self.heap
            .range(*first..)
            .take_while(|(key, _)| key.due_us == first.due_us)
            .map(|(key, (due_s, _))| (*key, *due_s))
            .reduce(|best, next| if next.1 < best.1 { next } else { best })
    }

    /// The next timer's deadline, if any timer is pending.
    pub(super) fn next_due(&self) -> Option<Deadline> {
        self.next_key().map(|(key, due_s)| Deadline {
            due_us: key.due_us,
            due_s,
        })
    }

    /// The pending timers, soonest first.
    pub(super) fn keys(&self) -> impl Iterator<Item = TimerKey> + '_ {
        self.heap.keys().copied()
    }

    /// How many timers are pending.
    pub(super) fn len(&self) -> usize {
        self.heap.len()
    }

    /// Removes a pending timer; returns what it would have done.
    pub(super) fn remove(&mut self, key: TimerKey) -> Option<TimerAction> {
        self.heap.remove(&key).map(|(_, action)| action)
    }

    /// Takes every pending timer (the run ended), for the caller to drop after its borrow.
    pub(super) fn take_all(&mut self) -> BTreeMap<TimerKey, (f64, TimerAction)> {
        std::mem::take(&mut self.heap)
    }

    /// Takes the armed host timer, for the caller to drop (clearing it) after its borrow.
    pub(super) fn take_host(&mut self) -> Option<(u64, HostTimer)> {
        self.host.take()
    }
}

impl RunInner {
    /// Sets a timer due at `deadline` that wakes `waker`; returns its key.
    pub(crate) fn add_timer(
        self: &Rc<Self>,
        task: Option<TaskId>,
        deadline: Deadline,
        waker: Waker,
        line: u32,
    ) -> TimerKey {
        let key = self.set_timer(task, deadline, TimerAction::Wake(Some(waker)), line);
        if matches!(self.time.clock(), Clock::Real { .. }) {
            self.arm_host_timer();
        }
        key
    }

    /// Adds a timer to the heap and records it; arming the host timer is the caller's.
    pub(super) fn set_timer(
        &self,
        task: Option<TaskId>,
        deadline: Deadline,
        action: TimerAction,
        line: u32,
    ) -> TimerKey {
        let key = self.state.borrow_mut().timers.insert(deadline, action);
        self.record(
            task,
            EventKind::TimerSet {
                timer: key.id,
                deadline_us: deadline.due_us,
                line,
            },
        );
        key
    }

    /// Whether the timer has fired; if not, makes sure it will wake `waker`.
    pub(crate) fn poll_timer(&self, key: TimerKey, waker: &Waker) -> bool {
        let mut state = self.state.borrow_mut();
        match state.timers.heap.get_mut(&key) {
            None => true,
            Some((_, TimerAction::Wake(slot))) => {
                if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
                    *slot = Some(waker.clone());
                }
                false
            }
            Some((_, TimerAction::Call(_) | TimerAction::Release(_))) => false,
        }
    }

    /// Removes a timer that has not fired (a dropped or cancelled sleep).
    pub(crate) fn cancel_timer(&self, key: TimerKey, task: Option<TaskId>) {
        let removed = self.state.borrow_mut().timers.remove(key);
        if removed.is_some() {
            self.record(task, EventKind::TimerCancelled { timer: key.id });
        }
    }

    /// Fires every timer whose deadline has come, in deadline order, waking their tasks.
    ///
    /// On the real clock "come" means within the host timer's resolution, one millisecond of
    /// wall time, as asyncio fires every timer due within its clock's resolution: `setTimeout`
    /// cannot wake the loop between two deadlines closer than that, and two sleeps begun in
    /// one step (microseconds apart) end in one step, in the order they began. (Without it a
    /// task woken by the first could run before the second's timer, an order the virtual clock
    /// never shows.)
    pub(super) fn fire_due_timers(self: &Rc<Self>) {
        let resolution_us = match self.time.clock() {
            Clock::Real { scale } => (1000.0 / scale) as u64,
            Clock::Virtual => 0,
        };
        let now = self.now_us().saturating_add(resolution_us);
        // One at a time, so that the Trace's TimerFired and the timer heap never disagree.
        loop {
            let due = {
                let mut state = self.state.borrow_mut();
                match state.timers.next_key() {
                    Some((key, _)) if key.due_us <= now => state
                        .timers
                        .heap
                        .remove(&key)
                        .map(|(_, action)| (key, action)),
                    _ => None,
                }
            };
            let Some((
                TimerKey {
                    due_us: deadline_us,
                    id: timer,
                },
                action,
            )) = due
            else {
                break;
            };
            // A `call_later` callback is queued as its timer fires; a sleeping task's wake
            // follows as its own event.
            if let TimerAction::Call(id) = action {
                self.queue_callback(id);
            }
            self.record(None, EventKind::TimerFired { timer, deadline_us });
            match action {
                // asyncio's timer handle sets the sleep's future, whose done callback then
                // wakes the task: one loop step later, as a relay.
                TimerAction::Wake(Some(waker)) => self.add_relay(Box::new(move || waker.wake())),
                TimerAction::Release(release) => self.add_relay(release),
                TimerAction::Wake(None) | TimerAction::Call(_) => {}
            }
        }
    }

    /// On the real clock, keeps one `setTimeout` armed for the earliest deadline.
    pub(super) fn arm_host_timer(self: &Rc<Self>) {
        let Clock::Real { scale } = self.time.clock() else {
            return;
        };
        let now = self.now_us();
        let mut state = self.state.borrow_mut();
        if state.status != RunStatus::Running {
            return;
        }
        let Some(deadline) = state.timers.next_due().map(|due| due.due_us) else {
            state.timers.host = None;
            return;
        };
        if state
            .timers
            .host
            .as_ref()
            .is_some_and(|(armed, _)| *armed == deadline)
        {
            return;
        }
        let delay_ms = deadline.saturating_sub(now) as f64 / 1000.0 * scale;
        let weak = Rc::downgrade(self);
        let timer = host::set_timer(delay_ms, move || {
            let Some(run) = weak.upgrade() else { return };
            let fired = run.state.borrow_mut().timers.host.take();
            run.fire_due_timers();
            run.arm_host_timer();
            drop(fired);
            run.notify();
        });
        // The timeout it replaces (for a later deadline) is cleared by this drop.
        state.timers.host = Some((deadline, timer));
    }
}
