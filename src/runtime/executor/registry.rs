//! The thread's registries: the run and task being polled right now, the runs still alive,
//! and the settings that new runs take.
//!
//! Invariants:
//! - `CURRENT` names a run only while that run's own code runs (a task's step, a callback, a
//!   `run_forever` setup): [`enter`] sets it and puts back what was there before. It is cloned
//!   out before use, so no borrow of it is held while that code runs.
//! - A run is in `LIVE` from its start until it ends (finished or stopped): it owns itself
//!   meanwhile, so dropping a handle never silently kills one.
//! - Every run gets a new generation, counting up from 1 on this thread.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::RunInner;
use crate::lang::Lang;
use crate::runtime::Error;
use crate::trace::{TaskId, WaitOn};

thread_local! {
    /// The run and task being polled right now: asyncio's "running loop" and "current task".
    static CURRENT: RefCell<Option<(Rc<RunInner>, Option<TaskId>)>> = const { RefCell::new(None) };
    /// Every run that has not ended: a run owns itself until it finishes or is stopped, so
    /// dropping a handle never silently kills one.
    static LIVE: RefCell<Vec<Rc<RunInner>>> = RefCell::default();
    static NEXT_GENERATION: Cell<u64> = const { Cell::new(1) };
    static SNAPSHOTS: Cell<bool> = const { Cell::new(false) };
}

/// From now on, runs started on this thread keep a snapshot of their real ready queue and
/// timer heap after every event ([`Run::snapshots`](super::Run::snapshots)): how tests check
/// that the internals view, which is rebuilt from the Trace alone, agrees with the executor.
/// Off by default (it copies the queue at every event).
pub fn record_snapshots(on: bool) {
    SNAPSHOTS.with(|s| s.set(on));
}

/// Whether new runs keep snapshots (see [`record_snapshots`]).
pub(super) fn snapshots_on() -> bool {
    SNAPSHOTS.with(Cell::get)
}

/// How many runs have not ended yet (for leak checks in tests).
pub fn live_runs() -> usize {
    LIVE.with(|live| live.borrow().len())
}

/// A new run's generation: never used before on this thread.
pub(super) fn next_generation() -> u64 {
    NEXT_GENERATION.with(|g| g.replace(g.get() + 1))
}

/// Registers a run that has just started as live: it keeps itself alive from now on.
pub(super) fn add_live(run: &Rc<RunInner>) {
    LIVE.with(|live| live.borrow_mut().push(run.clone()));
}

/// Lets go of a run that has ended.
pub(super) fn remove_live(run: &Rc<RunInner>) {
    LIVE.with(|live| live.borrow_mut().retain(|r| !Rc::ptr_eq(r, run)));
}

/// The page became hidden or visible (the host's `visibilitychange`): every live run hears it.
pub(crate) fn page_visibility_changed(hidden: bool) {
    let runs: Vec<_> = LIVE.with(|live| live.borrow().clone());
    for run in runs {
        run.page_visibility_changed(hidden);
    }
}

/// Calls `f` with the running run and current task, if code is running inside a run.
pub(crate) fn with_current_run<R>(f: impl FnOnce(&Rc<RunInner>, Option<TaskId>) -> R) -> Option<R> {
    let current = CURRENT.with(|c| c.borrow().clone());
    current.map(|(run, task)| f(&run, task))
}

/// The running run and current task (cloned out, so no borrow is held).
pub(crate) fn current() -> Option<(Rc<RunInner>, Option<TaskId>)> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Sets the current run and task for the duration of `f`.
pub(crate) fn enter<R>(run: &Rc<RunInner>, task: Option<TaskId>, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|c| c.replace(Some((run.clone(), task))));
    let result = f();
    CURRENT.with(|c| *c.borrow_mut() = previous);
    result
}

/// Milliseconds on the running loop's clock: `loop.time()`, or the `time.time()` a lesson uses
/// to measure how long something took. Outside a run it is `Err(NoRunningLoop)`.
pub fn time_ms() -> Result<u64, Error> {
    with_current_run(|run, _| run.now_us() / 1000).ok_or(Error::NoRunningLoop)
}

/// `loop.time()`: seconds on the running loop's clock, the virtual clock's own float (see
/// `RunClock::time_s`). Outside a run it is `Err(NoRunningLoop)`.
pub fn loop_time() -> Result<f64, Error> {
    with_current_run(|run, _| run.time_s()).ok_or(Error::NoRunningLoop)
}

/// The task whose step is running (`asyncio.current_task()`), if any.
pub fn current_task_id() -> Option<TaskId> {
    current().and_then(|(_, task)| task)
}

/// The name of a task of the running loop (`asyncio.current_task().get_name()`).
pub fn task_name(task: TaskId) -> Option<Rc<str>> {
    with_current_run(|run, _| run.state.borrow().tasks.end_of(task).map(|end| end.name())).flatten()
}

/// Renames a task of the running loop (`asyncio.current_task().set_name(name)`); `false` if
/// it has no such task.
pub fn rename_task(task: TaskId, name: &str) -> bool {
    with_current_run(|run, _| run.rename_task(task, Rc::from(name))).unwrap_or(false)
}

/// The coroutine function a task of the running loop runs, if it runs one (`main` for
/// `asyncio.run(main())`), as the Trace recorded its creation.
pub fn task_coroutine(task: TaskId) -> Option<&'static str> {
    with_current_run(|run, _| {
        run.trace
            .borrow()
            .events()
            .iter()
            .find_map(|e| match (&e.kind, e.task) {
                (crate::trace::EventKind::TaskSpawned { coroutine, .. }, Some(id))
                    if id == task =>
                {
                    Some(*coroutine)
                }
                _ => None,
            })
    })
    .flatten()
    .flatten()
}

/// Cancels a task of the running loop by its id (`task.cancel()` for a task known by id).
pub fn cancel_task(task: TaskId) -> bool {
    current().is_some_and(|(run, _)| run.cancel_task(task))
}

/// Uses up `count` `Task-N` numbers without making tasks: those of the tasks CPython's
/// `asyncio.run` makes for itself as it shuts down (`shutdown_asyncgens`,
/// `shutdown_default_executor`), so a second `asyncio.run` in a program names its tasks as
/// CPython does.
pub fn use_up_task_names(count: u64) {
    with_current_run(|run, _| {
        for _ in 0..count {
            run.next_task_name(None);
        }
    });
}

/// Blocks the running loop for `seconds`, as `time.sleep` in a coroutine does (see
/// `RunClock::block`): nothing else runs meanwhile.
pub fn block_loop(seconds: f64) {
    let us = (seconds.max(0.0) * 1e6).min(3.6e9) as u64;
    with_current_run(|run, _| run.block_loop(us));
}

/// The language the running program prints in: the one its run was started in (English
/// outside a run). A lesson's `print!` and `tr!` pick their words by it.
pub fn language() -> Lang {
    with_current_run(|run, _| run.lang).unwrap_or_default()
}

/// `loop.is_running()`: whether the loop is turning, which it is for every task and callback
/// of a run, and is not in a `run_forever` run's setup (the code before `run_forever()`) or
/// outside any run.
pub fn loop_is_running() -> bool {
    with_current_run(|run, _| run.is_running() && !run.in_setup.get()).unwrap_or(false)
}

/// Runs `f` the way module-level code runs in Python: with no running loop, so
/// `create_task` inside it fails with the real `RuntimeError`. Only the "mistake" lesson needs
/// it, to show that error from inside a run.
pub fn outside_loop<R>(f: impl FnOnce() -> R) -> R {
    let saved = CURRENT.with(|c| c.borrow_mut().take());
    let result = f();
    CURRENT.with(|c| *c.borrow_mut() = saved);
    result
}

/// Records why the current task is about to return `Pending`. The last writer wins, so an outer
/// combinator (`gather`) overrides the inner futures it polled.
pub(crate) fn set_wait_reason(on: WaitOn) {
    with_current_run(|run, _| run.state.borrow_mut().wait_reason = Some(on));
}

/// [`take_cancel`] in one visit to the current run, without cloning it (a `sleep(0)`'s polls,
/// the commonest await): `Err(NoRunningLoop)` outside a run; with `yielding`, a task that has
/// no cancellation request is also marked as giving the loop a turn (`WaitOn::Yield`).
pub(crate) fn take_cancel_here(yielding: bool) -> Result<bool, Error> {
    CURRENT.with(|current| {
        let current = current.borrow();
        let Some((run, task)) = current.as_ref() else {
            return Err(Error::NoRunningLoop);
        };
        let mut state = run.state.borrow_mut();
        if task.is_some_and(|task| state.tasks.take_cancel(task)) {
            return Ok(true);
        }
        if yielding {
            state.wait_reason = Some(WaitOn::Yield);
        }
        Ok(false)
    })
}

/// Takes a cancellation request addressed to the current task, if there is one. Every await
/// point of the runtime calls this, so a cancelled task sees `Err(Cancelled)` where it waits,
/// as Python raises `CancelledError` at the `await`.
pub(crate) fn take_cancel() -> bool {
    with_current_run(|run, task| {
        let Some(task) = task else { return false };
        run.state.borrow_mut().tasks.take_cancel(task)
    })
    .unwrap_or(false)
}
