//! Tasks: `create_task`, and the `Task` handle that can be awaited, cancelled and asked
//! `done()` / `result()`.

use std::cell::RefCell;
use std::fmt;
use std::future::{Future as StdFuture, IntoFuture};
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use super::done::{DoneCallbackKey, OnDone};
use super::executor::{self, RunInner};
use super::Error;
use crate::trace::{DoneOf, TaskId, WaitOn};

/// What the executor needs of a task's shared cell, whatever its result type.
pub(crate) trait TaskEnd {
    /// `None` while running; then `Ok` or the error it ended with.
    fn outcome(&self) -> Option<Result<(), Error>>;
    /// Ends it with `error` if its own code did not (Stop, or cancelled before starting).
    fn force_error(&self, error: Error);
    /// The error it failed with, if it failed (not cancelled) and nobody awaited it, asked for
    /// its result or gathered it.
    fn lost_error(&self) -> Option<Error>;
    /// Its name (`Task-N`, or the one it was given).
    fn name(&self) -> Rc<str>;
    /// Gives it a new name (`task.set_name`).
    fn rename(&self, name: Rc<str>);
}

struct Cell<T> {
    result: RefCell<Option<Result<T, Error>>>,
    /// `Task-N` or the name it was given, shared by every handle (see [`Task::set_name`]).
    name: RefCell<Rc<str>>,
    on_done: OnDone,
    run: Weak<RunInner>,
    /// Whether someone took (or undertook to take) its outcome: `await`, `result()`, `gather`.
    retrieved: std::cell::Cell<bool>,
}

impl<T> Cell<T> {
    fn complete(&self, result: Result<T, Error>) {
        {
            let mut slot = self.result.borrow_mut();
            if slot.is_some() {
                return;
            }
            *slot = Some(result);
        }
        self.on_done.fire(&self.run);
    }
}

impl<T> TaskEnd for Cell<T> {
    fn outcome(&self) -> Option<Result<(), Error>> {
        self.result
            .borrow()
            .as_ref()
            .map(|r| r.as_ref().map(|_| ()).map_err(Clone::clone))
    }

    fn force_error(&self, error: Error) {
        self.complete(Err(error));
    }

    fn lost_error(&self) -> Option<Error> {
        match &*self.result.borrow() {
            Some(Err(error)) if *error != Error::Cancelled && !self.retrieved.get() => {
                Some(error.clone())
            }
            _ => None,
        }
    }

    fn name(&self) -> Rc<str> {
        self.name.borrow().clone()
    }

    fn rename(&self, name: Rc<str>) {
        *self.name.borrow_mut() = name;
    }
}

/// A handle on a task: the twin of `asyncio.Task`.
///
/// Awaiting it (`task.await`) waits for the task to end and gives its result, `Err(Cancelled)`
/// if it was cancelled. Dropping the handle does not stop the task, as in asyncio.
#[must_use = "the task keeps running when its handle is dropped; keep it to await its result or cancel it"]
pub struct Task<T> {
    id: TaskId,
    cell: Rc<Cell<T>>,
    run: Weak<RunInner>,
}

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Task {
            id: self.id,
            cell: self.cell.clone(),
            run: self.run.clone(),
        }
    }
}

impl<T> fmt::Debug for Task<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<Task {} {}>", self.cell.name.borrow(), self.id)
    }
}

impl<T: Clone + 'static> Task<T> {
    /// The task's number in its run.
    pub fn id(&self) -> TaskId {
        self.id
    }

    /// Its name: the one given to [`create_task_named`] or [`set_name`](Self::set_name), else
    /// `Task-N`.
    pub fn get_name(&self) -> Rc<str> {
        self.cell.name.borrow().clone()
    }

    /// `task.set_name(name)`: the Trace, the timeline and the loop's internals show it by
    /// `name` from here on.
    pub fn set_name(&self, name: &str) {
        let name: Rc<str> = Rc::from(name);
        let renamed = self
            .run
            .upgrade()
            .is_some_and(|run| run.rename_task(self.id, name.clone()));
        if !renamed {
            self.cell.rename(name);
        }
    }

    /// Whether it has ended (returned, raised or been cancelled).
    pub fn done(&self) -> bool {
        self.cell.result.borrow().is_some()
    }

    /// Whether it ended by cancellation.
    pub fn cancelled(&self) -> bool {
        matches!(*self.cell.result.borrow(), Some(Err(Error::Cancelled)))
    }

    /// Whether someone took (or undertook to take) its outcome: awaited it, asked for its
    /// result, gathered it. A failed task nobody retrieved is "never retrieved" in Python.
    pub fn retrieved(&self) -> bool {
        self.cell.retrieved.get()
    }

    /// Its result; like Python, asking before it is done is an `InvalidStateError`.
    pub fn result(&self) -> Result<T, Error> {
        self.cell.retrieved.set(true);
        match &*self.cell.result.borrow() {
            Some(result) => result.clone(),
            None => Err(Error::InvalidState("Result is not set.")),
        }
    }

    /// Calls `f` with the task once it has ended, on the loop's next turn:
    /// `task.add_done_callback(f)`. Python passes extra arguments with `functools.partial`;
    /// here the closure captures them. Added after the end, it is scheduled at once.
    #[track_caller]
    pub fn add_done_callback(&self, f: impl FnOnce(&Task<T>) + 'static) {
        self.add_done_callback_at(f, std::panic::Location::caller().line());
    }

    /// [`add_done_callback`](Self::add_done_callback) for code whose line is not its Rust
    /// caller's (the interpreter's, at a Python line). Returns the key that removes it.
    pub fn add_done_callback_at(
        &self,
        f: impl FnOnce(&Task<T>) + 'static,
        line: u32,
    ) -> DoneCallbackKey {
        let task = self.clone();
        let key = self.cell.on_done.add_callback(
            Box::new(move || f(&task)),
            line,
            &self.run,
            !self.done(),
        );
        if self.done() {
            self.cell.on_done.fire(&self.run);
        }
        key
    }

    /// `task.remove_done_callback(fn)` for the callback `key`: whether it was still waiting.
    pub fn remove_done_callback(&self, key: DoneCallbackKey) -> bool {
        self.cell.on_done.remove_callback(key, &self.run)
    }

    /// Requests cancellation: the task's next await point returns `Err(Cancelled)`; a task that
    /// has not started never starts. Returns `false` if it had already ended.
    pub fn cancel(&self) -> bool {
        if self.done() {
            return false;
        }
        match self.run.upgrade() {
            Some(run) => run.cancel_task(self.id),
            None => false,
        }
    }
}

impl<T: Clone + 'static> IntoFuture for Task<T> {
    type Output = Result<T, Error>;
    type IntoFuture = Join<T>;

    fn into_future(self) -> Join<T> {
        Join { task: self }
    }
}

impl<T: Clone + 'static> IntoFuture for &Task<T> {
    type Output = Result<T, Error>;
    type IntoFuture = Join<T>;

    fn into_future(self) -> Join<T> {
        Join { task: self.clone() }
    }
}

/// The future of `task.await`.
#[must_use = "futures do nothing unless awaited"]
pub struct Join<T> {
    task: Task<T>,
}

impl<T: Clone + 'static> StdFuture for Join<T> {
    type Output = Result<T, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(result) = &*self.task.cell.result.borrow() {
            self.task.cell.retrieved.set(true);
            return Poll::Ready(result.clone());
        }
        // As in asyncio (`Task.cancel` cancels the future it waits on), cancelling a task
        // that awaits another cancels that one, and goes on waiting for it: its outcome (its
        // `CancelledError`, or a result if it declined) is the await's. `shield` is how Python
        // avoids it.
        if executor::take_cancel() && !self.task.cancel() {
            return Poll::Ready(Err(Error::Cancelled));
        }
        self.task.cell.on_done.add_waker(cx.waker());
        executor::set_wait_reason(WaitOn::Task(self.task.id));
        Poll::Pending
    }
}

/// The name of the `async fn` whose future has this type name: an `async fn f1` returns
/// `…::f1::{{closure}}`. An async block (`…::main::{{closure}}::{{closure}}`) or any other
/// future has none.
fn coroutine_name(type_name: &'static str) -> Option<&'static str> {
    let path = type_name.strip_suffix("::{{closure}}")?;
    if path.ends_with('}') || path.contains('<') {
        return None;
    }
    path.rsplit("::").next()
}

/// Spawns `future` as a task of `run`.
pub(crate) fn spawn_in<T, F>(
    run: &Rc<RunInner>,
    future: F,
    name: Option<&str>,
    parent: Option<TaskId>,
    line: u32,
) -> Task<T>
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    let name = run.next_task_name(name);
    let cell = Rc::new(Cell {
        result: RefCell::new(None),
        name: RefCell::new(name.clone()),
        on_done: OnDone::default(),
        run: Rc::downgrade(run),
        retrieved: std::cell::Cell::new(false),
    });
    let body_cell = cell.clone();
    let body = async move {
        let result = future.await;
        body_cell.complete(result);
    };
    let coroutine = INTERPRETED_COROUTINE
        .with(|c| c.take())
        .or_else(|| coroutine_name(std::any::type_name::<F>()));
    let id = run.spawn(Box::pin(body), cell.clone(), name, parent, line, coroutine);
    cell.on_done.set_owner(DoneOf::Task(id));
    Task {
        id,
        cell,
        run: Rc::downgrade(run),
    }
}

fn create<T, F>(future: F, name: Option<&str>, line: u32) -> Result<Task<T>, Error>
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    match executor::current() {
        Some((run, parent)) if run.is_running() => Ok(spawn_in(&run, future, name, parent, line)),
        _ => Err(Error::NoRunningLoop),
    }
}

/// Wraps a coroutine in a task and schedules its first step: `asyncio.create_task(coro)`.
///
/// Like Python, it needs a running loop: called outside a run it is `Err(NoRunningLoop)`.
#[track_caller]
pub fn create_task<T, F>(future: F) -> Result<Task<T>, Error>
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    create(future, None, std::panic::Location::caller().line())
}

/// `asyncio.create_task(coro, name=name)`. A named task still uses up a `Task-N` number.
#[track_caller]
pub fn create_task_named<T, F>(future: F, name: &str) -> Result<Task<T>, Error>
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    create(future, Some(name), std::panic::Location::caller().line())
}

thread_local! {
    /// The coroutine name of the next task spawned, when the interpreter (not an `async fn`)
    /// gives it: its future's type says nothing of the Python function it runs.
    static INTERPRETED_COROUTINE: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
    /// Python names are interned once each, as the Trace keeps `&'static str` names.
    static INTERNED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// `text` for the page's lifetime, kept once (the Trace and the SQL servers' options keep
/// `&'static str` names; a program's names are bounded by the programs run in the page).
pub fn intern(text: &str) -> &'static str {
    INTERNED.with(|names| {
        let mut names = names.borrow_mut();
        match names.iter().find(|n| **n == text) {
            Some(n) => *n,
            None => {
                let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
                names.push(leaked);
                leaked
            }
        }
    })
}

/// `asyncio.create_task(coro)` for a coroutine the interpreter runs: the task is named after
/// the Python function and created at the Python line `line`.
pub fn create_task_for_coroutine<T, F>(
    future: F,
    name: Option<&str>,
    coroutine: &str,
    line: u32,
) -> Result<Task<T>, Error>
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    INTERPRETED_COROUTINE.with(|c| c.set(Some(intern(coroutine))));
    let task = create(future, name, line);
    INTERPRETED_COROUTINE.with(|c| c.set(None));
    task
}

/// The older spelling, `asyncio.ensure_future(coro)`: here the same as [`create_task`].
#[track_caller]
pub fn ensure_future<T, F>(future: F) -> Result<Task<T>, Error>
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    create(future, None, std::panic::Location::caller().line())
}

impl<T> Task<T> {
    /// Queues `relay` on the loop when the task ends (at once if it has ended), unrecorded: a
    /// combinator's done callback (see [`super::relay`]).
    /// Returns the relay's key, for [`forget_relay`](Self::forget_relay).
    pub(crate) fn relay_on_end(&self, relay: impl FnOnce() + 'static) -> u64 {
        let key = self.cell.on_done.add_relay(Box::new(relay));
        if self.cell.result.borrow().is_some() {
            self.cell.on_done.fire(&self.run);
        }
        key
    }

    /// How many actions (wakes, callbacks, relays) wait for its end.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn actions_at_end(&self) -> usize {
        self.cell.on_done.len()
    }

    /// Forgets a relay not yet queued (the task has not ended): asyncio's
    /// `remove_done_callback` of a combinator that is done waiting.
    pub(crate) fn forget_relay(&self, key: u64) {
        self.cell.on_done.remove_relay(key);
    }

    /// Someone (a `gather`) will take its outcome: its error is not lost. As in asyncio, where
    /// gather marks every child's exception retrieved.
    pub(crate) fn mark_retrieved(&self) {
        self.cell.retrieved.set(true);
    }

    /// The task's outcome if it has ended, without cloning its value.
    pub(crate) fn peek_outcome(&self) -> Option<Result<(), Error>> {
        self.cell.outcome()
    }
}

/// Anything `gather` and `wait` accept: a [`Task`] as it is, or a coroutine, which they wrap in
/// a new task as Python's `ensure_future` does.
pub trait IntoTask<T> {
    /// The task for this awaitable, created in the running loop if needed.
    fn into_task(self, line: u32) -> Result<Task<T>, Error>;
}

impl<T> IntoTask<T> for Task<T> {
    fn into_task(self, _line: u32) -> Result<Task<T>, Error> {
        Ok(self)
    }
}

impl<T, F> IntoTask<T> for F
where
    T: 'static,
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    fn into_task(self, line: u32) -> Result<Task<T>, Error> {
        create(self, None, line)
    }
}

/// A coroutine object with its concrete type erased, so coroutines of different functions fit
/// in one list, as Python's `[f1(), f2()]` does.
///
/// Like Python's coroutine objects, it notices being thrown away unused: dropped by a lesson's
/// code without ever being awaited or wrapped in a task, it records
/// [`CoroutineNeverAwaited`](crate::trace::EventKind::CoroutineNeverAwaited) (Python's
/// "coroutine '…' was never awaited"), which the page's lints report.
#[must_use = "a coroutine does nothing unless awaited or wrapped in a task"]
pub struct Coroutine<T> {
    future: Pin<Box<dyn StdFuture<Output = Result<T, Error>>>>,
    /// Where it was made, until its first poll.
    unpolled: Option<(&'static str, u32)>,
}

impl<T> StdFuture for Coroutine<T> {
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.unpolled = None;
        self.future.as_mut().poll(cx)
    }
}

impl<T> Drop for Coroutine<T> {
    fn drop(&mut self) {
        let Some((name, line)) = self.unpolled.take() else {
            return;
        };
        // Only a drop by the lesson's own step counts: the executor drops unstarted tasks'
        // coroutines outside any step (cancelled before starting, or the run's end), as
        // asyncio closes them without a warning.
        if let Some((run, task)) = executor::current() {
            if run.is_running() {
                run.record(
                    task,
                    crate::trace::EventKind::CoroutineNeverAwaited {
                        name: Rc::from(name),
                        line,
                    },
                );
            }
        }
    }
}

/// The coroutine function's name from its future's type
/// (`crate::course::ch2::never_awaited::greet::{{closure}}` → `greet`).
fn function_name(type_name: &'static str) -> &'static str {
    let mut name = type_name;
    while let Some(outer) = name.strip_suffix("::{{closure}}") {
        name = outer;
    }
    name.rsplit("::").next().unwrap_or(name)
}

/// Boxes a coroutine into a [`Coroutine`]. Like every Rust future, it runs nothing until it is
/// awaited or wrapped in a task.
#[track_caller]
pub fn coroutine<T, F>(future: F) -> Coroutine<T>
where
    F: StdFuture<Output = Result<T, Error>> + 'static,
{
    Coroutine {
        future: Box::pin(future),
        unpolled: Some((
            function_name(std::any::type_name::<F>()),
            std::panic::Location::caller().line(),
        )),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_coroutine_is_named_after_its_function() {
        assert_eq!(
            super::function_name("loopscope::course::ch2::never_awaited::greet::{{closure}}"),
            "greet"
        );
        assert_eq!(super::function_name("main"), "main");
    }
}
