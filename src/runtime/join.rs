//! Waiting on many tasks at once: `gather` (results in argument order) and `wait` (done and
//! pending, with a timeout and `return_when`).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::executor;
use super::protocols::AsyncIterator;
use super::relay::{RelayTimer, Waiter};
use super::task::{IntoTask, Task};
use super::Error;
use crate::trace::{TaskId, WaitOn};

/// Turns every awaitable into a task now, as Python does when `gather` or `wait` is called.
fn tasks_of<T, I>(items: I, line: u32) -> Result<Vec<Task<T>>, Error>
where
    I: IntoIterator,
    I::Item: IntoTask<T>,
{
    items.into_iter().map(|item| item.into_task(line)).collect()
}

/// Runs the awaitables concurrently and gives their results in argument order:
/// `await asyncio.gather(*aws)`.
///
/// Coroutines are wrapped in tasks at once (so they start even if the gather is never
/// awaited, as in Python). The first error a child's done callback sees ends the gather with
/// that error; the other tasks carry on. Cancelling the awaiting task, or [`Gather::cancel`],
/// cancels every child. As in asyncio, each child's end reaches the gather through a done
/// callback, and the gather's own future then wakes the awaiting task (see [`super::relay`]).
#[track_caller]
pub fn gather<T, I>(items: I) -> Gather<T>
where
    T: Clone + 'static,
    I: IntoIterator,
    I::Item: IntoTask<T>,
{
    let tasks = tasks_of(items, std::panic::Location::caller().line());
    let progress = Rc::new(GatherProgress::default());
    if let Ok(tasks) = &tasks {
        let total = tasks.len();
        if total == 0 {
            progress.waiter.release();
        }
        for task in tasks {
            // The gather takes every child's outcome: none of their errors is lost.
            task.mark_retrieved();
            let (progress, child) = (progress.clone(), task.clone());
            task.relay_on_end(move || progress.child_done(child.peek_outcome(), total));
        }
    }
    Gather { tasks, progress }
}

/// The future of [`gather`].
#[must_use = "the children run anyway; await the gather to get their results"]
pub struct Gather<T> {
    tasks: Result<Vec<Task<T>>, Error>,
    progress: Rc<GatherProgress>,
}

/// What the children's done callbacks have seen (asyncio's `_done_callback` state).
#[derive(Default)]
struct GatherProgress {
    /// How many children's done callbacks have run (`nfinished`).
    finished: Cell<usize>,
    /// `return_exceptions=True`: a child's error does not end the gather.
    return_exceptions: Cell<bool>,
    /// The error that ended the gather early.
    failed: RefCell<Option<Error>>,
    /// The gather's own future: released when it is complete.
    waiter: Waiter,
}

impl GatherProgress {
    /// A child's done callback: counts it, and completes the gather on its first error (unless
    /// `return_exceptions`) or once every child has ended.
    fn child_done(&self, outcome: Option<Result<(), Error>>, total: usize) {
        let finished = self.finished.get() + 1;
        self.finished.set(finished);
        if self.waiter.is_released() {
            return;
        }
        if !self.return_exceptions.get() {
            if let Some(Err(error)) = outcome {
                *self.failed.borrow_mut() = Some(error);
                self.waiter.release();
                return;
            }
        }
        if finished == total {
            self.waiter.release();
        }
    }
}

impl<T: Clone + 'static> Gather<T> {
    /// Cancels every child that has not ended. Returns `true` if any was cancelled.
    pub fn cancel(&self) -> bool {
        match &self.tasks {
            // Every child must be asked, so no short-circuiting `any`.
            Ok(tasks) => tasks.iter().filter(|t| t.cancel()).count() > 0,
            Err(_) => false,
        }
    }

    /// `gather(..., return_exceptions=True)`: waits for every child and gives each one's
    /// outcome, errors (and cancellations) included, in argument order.
    pub fn return_exceptions(self) -> GatherAll<T> {
        self.progress.return_exceptions.set(true);
        GatherAll { gather: self }
    }

    /// `Ready(Err)` once a child failed (unless `return_exceptions`), else `Ready` with every
    /// child's outcome once all have ended.
    fn poll_children(&self, cx: &mut Context<'_>) -> Poll<Result<Vec<Result<T, Error>>, Error>> {
        let tasks = match &self.tasks {
            Ok(tasks) => tasks,
            Err(error) => return Poll::Ready(Err(error.clone())),
        };
        if executor::take_cancel() {
            self.cancel();
            return Poll::Ready(Err(Error::Cancelled));
        }
        if !self.progress.waiter.poll_released(cx.waker()) {
            executor::set_wait_reason(WaitOn::Gather(tasks.len()));
            return Poll::Pending;
        }
        if let Some(error) = self.progress.failed.borrow().clone() {
            return Poll::Ready(Err(error));
        }
        Poll::Ready(Ok(tasks.iter().map(Task::result).collect()))
    }
}

impl<T: Clone + 'static> StdFuture for Gather<T> {
    type Output = Result<Vec<T>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.poll_children(cx)
            .map(|all| all.and_then(|results| results.into_iter().collect()))
    }
}

/// The future of [`Gather::return_exceptions`].
#[must_use = "the children run anyway; await the gather to get their outcomes"]
pub struct GatherAll<T> {
    gather: Gather<T>,
}

impl<T: Clone + 'static> GatherAll<T> {
    /// Cancels every child that has not ended (`group.cancel()`).
    pub fn cancel(&self) -> bool {
        self.gather.cancel()
    }
}

impl<T: Clone + 'static> StdFuture for GatherAll<T> {
    type Output = Result<Vec<Result<T, Error>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.gather.poll_children(cx)
    }
}

/// A task waiting for a combinator's [`Waiter`]: `await waiter`. `Err(Cancelled)` if the
/// task is cancelled meanwhile.
struct Released<'a> {
    waiter: &'a Waiter,
    on: WaitOn,
}

impl StdFuture for Released<'_> {
    type Output = Result<(), Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if executor::take_cancel() {
            return Poll::Ready(Err(Error::Cancelled));
        }
        if self.waiter.poll_released(cx.waker()) {
            return Poll::Ready(Ok(()));
        }
        executor::set_wait_reason(self.on.clone());
        Poll::Pending
    }
}

/// A waiter released by `task`'s done callback (`functools.partial(_release_waiter, waiter)`).
fn released_at_end<T>(task: &Task<T>) -> Waiter {
    let waiter = Waiter::default();
    let release = waiter.clone();
    task.relay_on_end(move || release.release());
    waiter
}

/// asyncio's `_cancel_and_wait`: cancels `task` and waits, through a done callback, until it
/// has ended.
async fn cancel_and_wait<T: Clone + 'static>(task: &Task<T>) -> Result<(), Error> {
    let waiter = released_at_end(task);
    task.cancel();
    Released {
        waiter: &waiter,
        on: WaitOn::Task(task.id()),
    }
    .await
}

/// Waits for one awaitable with a time limit: `await asyncio.wait_for(aw, timeout)`, as
/// CPython 3.11 does it.
///
/// On timeout the awaitable's task is cancelled, the wait goes on until it has unwound (so its
/// cleanup has run), and the result is `Err(Timeout)`, or the task's own result if it ended
/// anyway (it was done at the deadline, or it ignored the cancellation). If the waiting task
/// is cancelled, the inner task is cancelled too. `None` waits without limit; a timeout of
/// zero or less cancels a task that is not done at once, before it starts.
#[track_caller]
pub fn wait_for<T, A>(
    awaitable: A,
    timeout: Option<f64>,
) -> impl StdFuture<Output = Result<T, Error>>
where
    T: Clone + 'static,
    A: IntoTask<T>,
{
    let line = std::panic::Location::caller().line();
    let task = awaitable.into_task(line);
    async move {
        let task = task?;
        let Some(seconds) = timeout else {
            return (&task).await;
        };
        let timed_out = |task: &Task<T>| match task.result() {
            Err(Error::Cancelled) => Err(Error::Timeout),
            other => other,
        };
        if seconds <= 0.0 {
            if task.done() {
                return task.result();
            }
            cancel_and_wait(&task).await?;
            return timed_out(&task);
        }
        let waiter = released_at_end(&task);
        let release = waiter.clone();
        let timer = RelayTimer::after(seconds, line, move || release.release());
        let waited = Released {
            waiter: &waiter,
            on: WaitOn::Wait(1),
        }
        .await;
        drop(timer);
        if task.done() {
            // Also when the waiting task was cancelled: CPython 3.11 then returns the result.
            return task.result();
        }
        cancel_and_wait(&task).await?;
        match waited {
            Err(error) => Err(error),
            Ok(()) => timed_out(&task),
        }
    }
}

/// When [`wait`] returns, as Python's `asyncio.FIRST_COMPLETED` and friends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReturnWhen {
    /// As soon as any task ends.
    FirstCompleted,
    /// As soon as any task raises (cancellation does not count), or when all have ended.
    FirstException,
    /// When every task has ended.
    #[default]
    AllCompleted,
}

/// Waits for the tasks until `return_when` holds or `timeout` seconds pass, and returns
/// `(done, pending)`: `done, pending = await asyncio.wait(aws, timeout=..., return_when=...)`.
///
/// Python returns sets; here both lists keep the order of the arguments. A timeout is not an
/// error, and nothing is cancelled: pending tasks keep running.
///
/// It takes tasks only, as CPython does since 3.11 (bare coroutines were deprecated in 3.8 and
/// now raise `TypeError: Passing coroutines is forbidden, use tasks explicitly.`): here that
/// error is the compiler's.
#[track_caller]
pub fn wait<T, I>(items: I, timeout: Option<f64>, return_when: ReturnWhen) -> Wait<T>
where
    T: Clone + 'static,
    I: IntoIterator<Item = Task<T>>,
{
    let line = std::panic::Location::caller().line();
    let tasks = tasks_of(items, line);
    let tasks = match tasks {
        Ok(tasks) if tasks.is_empty() => {
            Err(Error::raised("ValueError: Set of Tasks/Futures is empty."))
        }
        other => other,
    };
    Wait {
        tasks,
        timeout,
        line,
        return_when,
        armed: None,
    }
}

/// The future of [`wait`].
#[must_use = "futures do nothing unless awaited"]
pub struct Wait<T> {
    tasks: Result<Vec<Task<T>>, Error>,
    timeout: Option<f64>,
    line: u32,
    return_when: ReturnWhen,
    /// From the first poll (asyncio's `_wait`): the waiter the tasks' done callbacks release,
    /// and the timeout's timer.
    armed: Option<Armed<T>>,
}

/// What a waiting [`Wait`] has set up; dropping it (the wait is over, or abandoned) cancels
/// the timer and takes its done callbacks off the tasks still running, as asyncio's `_wait`
/// does in its `finally`, so a loop of waits on long-lived tasks leaves nothing behind.
struct Armed<T> {
    waiter: Waiter,
    _timer: Option<RelayTimer>,
    relays: Vec<(Task<T>, u64)>,
}

impl<T> Drop for Armed<T> {
    fn drop(&mut self) {
        for (task, key) in &self.relays {
            task.forget_relay(*key);
        }
    }
}

/// Done and pending tasks, in argument order.
pub type DoneAndPending<T> = (Vec<Task<T>>, Vec<Task<T>>);

impl<T: Clone + 'static> Wait<T> {
    /// asyncio's `_wait`: a done callback on every task counts them down and releases the
    /// waiter when `return_when` holds; the timeout's timer releases it too.
    fn arm(
        tasks: &[Task<T>],
        timeout: Option<f64>,
        line: u32,
        return_when: ReturnWhen,
    ) -> Armed<T> {
        let waiter = Waiter::default();
        let left = Rc::new(Cell::new(tasks.len()));
        let mut relays = Vec::with_capacity(tasks.len());
        for task in tasks {
            let (waiter, left, child) = (waiter.clone(), left.clone(), task.clone());
            let key = task.relay_on_end(move || {
                left.set(left.get().saturating_sub(1));
                let raised = matches!(child.peek_outcome(), Some(Err(e)) if e != Error::Cancelled);
                let enough = match return_when {
                    ReturnWhen::AllCompleted => false,
                    ReturnWhen::FirstCompleted => true,
                    ReturnWhen::FirstException => raised,
                };
                if enough || left.get() == 0 {
                    waiter.release();
                }
            });
            relays.push((task.clone(), key));
        }
        let release = waiter.clone();
        let timer =
            timeout.and_then(|seconds| RelayTimer::after(seconds, line, move || release.release()));
        Armed {
            waiter,
            _timer: timer,
            relays,
        }
    }
}

impl<T: Clone + 'static> StdFuture for Wait<T> {
    type Output = Result<DoneAndPending<T>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // Nothing here is self-referential.
        let this = self.get_mut();
        let tasks = match &this.tasks {
            Ok(tasks) => tasks,
            Err(error) => return Poll::Ready(Err(error.clone())),
        };
        if executor::take_cancel() {
            this.armed = None;
            return Poll::Ready(Err(Error::Cancelled));
        }
        let armed = this
            .armed
            .get_or_insert_with(|| Self::arm(tasks, this.timeout, this.line, this.return_when));
        if !armed.waiter.poll_released(cx.waker()) {
            executor::set_wait_reason(WaitOn::Wait(tasks.len()));
            return Poll::Pending;
        }
        this.armed = None;
        let (done, pending) = tasks.iter().cloned().partition(|t| t.done());
        Poll::Ready(Ok((done, pending)))
    }
}

/// `asyncio.as_completed(aws)`: the results in the order the awaitables finish.
///
/// `for coro in as_completed(aws): result = await coro` is
/// `while let Some(result) = it.anext().await? { … }`; a task that raised makes that `anext`
/// return its error, as awaiting it does in Python.
#[track_caller]
pub fn as_completed<T, I>(items: I) -> AsCompleted<T>
where
    T: Clone + 'static,
    I: IntoIterator,
    I::Item: IntoTask<T>,
{
    as_completed_within(items, None)
}

/// `asyncio.as_completed(aws, timeout=seconds)`: as [`as_completed`], and once `timeout`
/// seconds have passed, every result not yet handed out is `Err(Timeout)`.
///
/// As in asyncio, each task's done callback puts it in a queue of finished tasks, and
/// `anext` takes the next from that queue, waiting for one if it is empty.
#[track_caller]
pub fn as_completed_within<T, I>(items: I, timeout: Option<f64>) -> AsCompleted<T>
where
    T: Clone + 'static,
    I: IntoIterator,
    I::Item: IntoTask<T>,
{
    let line = std::panic::Location::caller().line();
    let tasks = match tasks_of(items, line) {
        Ok(tasks) => tasks,
        Err(error) => {
            return AsCompleted {
                finished: Err(error),
                left: 0,
                _timer: None,
            }
        }
    };
    let finished = Rc::new(Finished::<T> {
        todo: RefCell::new(tasks.iter().map(Task::id).collect()),
        queue: RefCell::new(VecDeque::new()),
        getter: RefCell::new(None),
    });
    for task in &tasks {
        let (finished, child) = (finished.clone(), task.clone());
        task.relay_on_end(move || finished.put(child));
    }
    let timer = match timeout {
        Some(seconds) if !tasks.is_empty() => {
            let finished = Rc::downgrade(&finished);
            RelayTimer::after(seconds, line, move || {
                if let Some(finished) = finished.upgrade() {
                    finished.time_out();
                }
            })
        }
        _ => None,
    };
    AsCompleted {
        left: tasks.len(),
        finished: Ok(finished),
        _timer: timer,
    }
}

/// The iterator of [`as_completed`].
pub struct AsCompleted<T> {
    finished: Result<Rc<Finished<T>>, Error>,
    /// How many results are still to be handed out.
    left: usize,
    _timer: Option<RelayTimer>,
}

/// `as_completed`'s state: the tasks not finished yet, the queue of finished ones (`None` for
/// the timeout), and the waiter of an `anext` waiting on an empty queue.
struct Finished<T> {
    todo: RefCell<Vec<TaskId>>,
    queue: RefCell<VecDeque<Option<Task<T>>>>,
    getter: RefCell<Option<Waiter>>,
}

impl<T: Clone + 'static> Finished<T> {
    /// `put_nowait`, which wakes a waiting `get`.
    fn push(&self, entry: Option<Task<T>>) {
        self.queue.borrow_mut().push_back(entry);
        let getter = self.getter.borrow_mut().take();
        if let Some(getter) = getter {
            getter.release();
        }
    }

    /// A task's done callback (`_on_completion`).
    fn put(&self, task: Task<T>) {
        let known = {
            let mut todo = self.todo.borrow_mut();
            let at = todo.iter().position(|id| *id == task.id());
            at.map(|at| todo.remove(at)).is_some()
        };
        if known {
            self.push(Some(task));
        }
    }

    /// The timeout (`_on_timeout`): every task not finished yet gives a timeout.
    fn time_out(&self) {
        let left = std::mem::take(&mut *self.todo.borrow_mut());
        for _ in left {
            self.push(None);
        }
    }
}

impl<T: Clone + 'static> AsyncIterator for AsCompleted<T> {
    type Item = T;

    async fn anext(&mut self) -> Result<Option<T>, Error> {
        let finished = match &self.finished {
            Ok(finished) => finished.clone(),
            Err(error) => return Err(error.clone()),
        };
        if self.left == 0 {
            return Ok(None);
        }
        loop {
            let next = finished.queue.borrow_mut().pop_front();
            if let Some(next) = next {
                self.left -= 1;
                return match next {
                    Some(task) => task.result().map(Some),
                    None => Err(Error::Timeout),
                };
            }
            let getter = Waiter::default();
            *finished.getter.borrow_mut() = Some(getter.clone());
            Released {
                waiter: &getter,
                on: WaitOn::Wait(self.left),
            }
            .await?;
        }
    }
}

// Natively: the browser's host has no `run_until_idle`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::{wait, ReturnWhen};
    use crate::runtime::{create_task, host, sleep, Clock, Run, RunStatus};

    /// `asyncio.wait` takes its done callbacks off the tasks when it returns, so waiting again
    /// and again on a long-lived task (`while pending: … = await wait(pending, timeout=1)`)
    /// leaves nothing on it.
    #[test]
    fn a_loop_of_waits_leaves_no_done_callbacks_on_a_running_task() {
        let counts = Rc::new(RefCell::new(Vec::new()));
        let seen = counts.clone();
        let run = Run::start(Clock::Virtual, move || async move {
            let long = create_task(async {
                sleep(10.0).await?;
                Ok(())
            })?;
            for _ in 0..5 {
                let (done, _) = wait([long.clone()], Some(1.0), ReturnWhen::AllCompleted).await?;
                assert!(done.is_empty());
                seen.borrow_mut().push(long.actions_at_end());
            }
            long.cancel();
            Ok(())
        });
        host::run_until_idle();
        assert_eq!(run.status(), RunStatus::Finished(Ok(())));
        assert_eq!(*counts.borrow(), [0, 0, 0, 0, 0]);
    }
}
