//! Turns on the host's loop: which runs asked to run, and when the host is asked to call back.
//!
//! Invariants:
//! - A run is in `QUEUE` at most once: its `in_scheduler` flag says whether it is there (or
//!   is being drained by the tick that took it out).
//! - At most one host tick is outstanding: `TICK_REQUESTED` is set from the moment one is
//!   asked for until a tick ends with nothing left queued, so a wake during a drain only
//!   queues, and the tick decides at its end how to continue.
//! - A run that spends its budget continues in a macrotask, never a microtask, so the browser
//!   gets to paint.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::super::host::{self, Tick};
use super::RunInner;

thread_local! {
    /// Runs with work to do, in the order they asked.
    static QUEUE: RefCell<VecDeque<Rc<RunInner>>> = RefCell::default();
    static TICK_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// Queues `run` for a turn and, unless a tick is already coming (or running), asks the host
/// for one. While a tick runs, `TICK_REQUESTED` stays set, so wakes during a drain only queue:
/// the tick itself decides at its end how to continue.
pub(super) fn schedule(run: &Rc<RunInner>, kind: Tick) {
    if !run.in_scheduler.replace(true) {
        QUEUE.with(|q| q.borrow_mut().push_back(run.clone()));
    }
    if !TICK_REQUESTED.with(|t| t.replace(true)) {
        host::request_tick(kind);
    }
}

/// Called by the host: runs every run that asked for a turn. A run that spends its budget is
/// continued in a macrotask, never a microtask, so the browser gets to paint and to run its own
/// tasks (a microtask chain would starve them, however short each step).
pub(crate) fn tick() {
    let mut out_of_budget = false;
    loop {
        let runs: Vec<_> = QUEUE.with(|q| q.borrow_mut().drain(..).collect());
        if runs.is_empty() {
            break;
        }
        for run in runs {
            run.in_scheduler.set(false);
            if run.drain() {
                out_of_budget = true;
                if !run.in_scheduler.replace(true) {
                    QUEUE.with(|q| q.borrow_mut().push_back(run.clone()));
                }
            }
            run.notify();
        }
        if out_of_budget {
            break;
        }
    }
    let more = QUEUE.with(|q| !q.borrow().is_empty());
    TICK_REQUESTED.with(|t| t.set(more));
    if more {
        host::request_tick(if out_of_budget {
            Tick::Macro
        } else {
            Tick::Micro
        });
    }
}
