//! The tasks' wakers: a hand-made `RawWaker` vtable over an `Rc`. All of the crate's `unsafe`
//! is here.
//!
//! Invariants:
//! - A waker's data pointer always comes from `Rc::into_raw` of a [`WakeTarget`] in
//!   [`make_waker`], and every live waker owns exactly one strong count of it: `clone` adds
//!   one, `wake` and `drop` give theirs back, `wake_by_ref` leaves it alone.
//! - An `Rc` (not `Arc`) is sound because everything here lives on one thread: the browser's
//!   main thread (wasm32 has no other here), or the native test thread. A `Waker` is `Send`
//!   by type, so this rests on the crate starting no Rust threads: Web Workers are sent
//!   messages, never wakers.
//! - A waker holds its run weakly: waking a task of a run that is gone does nothing, and a
//!   waker kept somewhere never keeps a run alive.

use std::mem::ManuallyDrop;
use std::rc::{Rc, Weak};
use std::task::{RawWaker, RawWakerVTable, Waker};

use super::RunInner;
use crate::trace::TaskId;

// A waker is an `Rc` of its target. Sound because everything here lives on one thread: the
// browser's main thread (wasm32 has no other here), or the native test thread.
struct WakeTarget {
    run: Weak<RunInner>,
    task: TaskId,
}

static VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_waker, wake_waker, wake_by_ref_waker, drop_waker);

unsafe fn clone_waker(data: *const ()) -> RawWaker {
    // SAFETY: `data` came from `Rc::into_raw` in `make_waker` and is still owned by the waker
    // being cloned, so the count is at least one; the new waker owns the count added here.
    unsafe { Rc::increment_strong_count(data as *const WakeTarget) };
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake_waker(data: *const ()) {
    // SAFETY: `data` came from `Rc::into_raw` in `make_waker`; `wake` consumes the waker, so
    // this takes back the strong count it owned (released when `target` drops).
    let target = unsafe { Rc::from_raw(data as *const WakeTarget) };
    if let Some(run) = target.run.upgrade() {
        run.wake_task(target.task);
    }
}

unsafe fn wake_by_ref_waker(data: *const ()) {
    // SAFETY: `data` came from `Rc::into_raw` in `make_waker`; the waker is only borrowed, so
    // its strong count stays owned by it: `ManuallyDrop` keeps this `Rc` from releasing it.
    let target = ManuallyDrop::new(unsafe { Rc::from_raw(data as *const WakeTarget) });
    if let Some(run) = target.run.upgrade() {
        run.wake_task(target.task);
    }
}

unsafe fn drop_waker(data: *const ()) {
    // SAFETY: `data` came from `Rc::into_raw` in `make_waker`; the waker is being dropped, so
    // this releases the strong count it owned.
    drop(unsafe { Rc::from_raw(data as *const WakeTarget) });
}

/// The waker of `task` of `run`: waking it queues the task's next step.
pub(super) fn make_waker(run: &Rc<RunInner>, task: TaskId) -> Waker {
    let target = Rc::new(WakeTarget {
        run: Rc::downgrade(run),
        task,
    });
    let raw = RawWaker::new(Rc::into_raw(target) as *const (), &VTABLE);
    // SAFETY: the data pointer owns the one strong count of `target`, and the vtable functions
    // above uphold the RawWaker contract for it on this single thread (see the module doc).
    unsafe { Waker::from_raw(raw) }
}
