//! Waiting on many tasks at once: `gather` (results in argument order) and `wait` (done and
//! pending, with a timeout and `return_when`).

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::executor;
use super::protocols::AsyncIterator;
use super::task::{IntoTask, Task};
use super::time::{sleep, Sleep};
use super::Error;
use crate::trace::WaitOn;

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
/// awaited, as in Python). The first error ends the gather with that error; the other tasks
/// carry on. Cancelling the awaiting task, or [`Gather::cancel`], cancels every child.
#[track_caller]
pub fn gather<T, I>(items: I) -> Gather<T>
where
    T: Clone + 'static,
    I: IntoIterator,
    I::Item: IntoTask<T>,
{
    let tasks = tasks_of(items, std::panic::Location::caller().line());
    // The gather takes every child's outcome: none of their errors is lost.
    for task in tasks.iter().flatten() {
        task.mark_retrieved();
    }
    Gather { tasks }
}

/// The future of [`gather`].
#[must_use = "the children run anyway; await the gather to get their results"]
pub struct Gather<T> {
    tasks: Result<Vec<Task<T>>, Error>,
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
        GatherAll { gather: self }
    }

    /// Polls the children: `Ready(Err)` at the first failure when `fail_fast`, else `Ready`
    /// once all have ended.
    fn poll_children(
        &self,
        cx: &mut Context<'_>,
        fail_fast: bool,
    ) -> Poll<Result<Vec<Result<T, Error>>, Error>> {
        let tasks = match &self.tasks {
            Ok(tasks) => tasks,
            Err(error) => return Poll::Ready(Err(error.clone())),
        };
        if executor::take_cancel() {
            self.cancel();
            return Poll::Ready(Err(Error::Cancelled));
        }
        let mut all_done = true;
        for task in tasks {
            match task.peek_outcome() {
                Some(Err(error)) if fail_fast => return Poll::Ready(Err(error)),
                Some(_) => {}
                None => {
                    all_done = false;
                    task.register_joiner(cx.waker());
                }
            }
        }
        if all_done {
            return Poll::Ready(Ok(tasks.iter().map(Task::result).collect()));
        }
        executor::set_wait_reason(WaitOn::Gather(tasks.len()));
        Poll::Pending
    }
}

impl<T: Clone + 'static> StdFuture for Gather<T> {
    type Output = Result<Vec<T>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.poll_children(cx, true)
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
        self.gather.poll_children(cx, false)
    }
}

/// Waits for one awaitable with a time limit: `await asyncio.wait_for(aw, timeout)`.
///
/// On timeout the awaitable's task is cancelled, the wait goes on until it has unwound (so its
/// cleanup has run), and the result is `Err(Timeout)`. If the waiting task is cancelled, the
/// inner task is cancelled too. `None` waits without limit.
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
        let in_time = match timeout {
            None => (&task).await.map(|_| true),
            Some(seconds) => wait([task.clone()], Some(seconds), ReturnWhen::AllCompleted)
                .await
                .map(|(done, _)| !done.is_empty()),
        };
        match in_time {
            Ok(true) => task.result(),
            Ok(false) => {
                task.cancel();
                let _ = (&task).await;
                Err(Error::Timeout)
            }
            Err(error) => {
                task.cancel();
                Err(error)
            }
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
    let tasks = tasks_of(items, std::panic::Location::caller().line());
    let tasks = match tasks {
        Ok(tasks) if tasks.is_empty() => {
            Err(Error::raised("ValueError: Set of Tasks/Futures is empty."))
        }
        other => other,
    };
    Wait {
        tasks,
        timer: timeout.map(sleep),
        return_when,
    }
}

/// The future of [`wait`].
#[must_use = "futures do nothing unless awaited"]
pub struct Wait<T> {
    tasks: Result<Vec<Task<T>>, Error>,
    timer: Option<Sleep>,
    return_when: ReturnWhen,
}

/// Done and pending tasks, in argument order.
pub type DoneAndPending<T> = (Vec<Task<T>>, Vec<Task<T>>);

impl<T: Clone + 'static> StdFuture for Wait<T> {
    type Output = Result<DoneAndPending<T>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // Nothing here is self-referential; `Sleep` is Unpin.
        let this = self.get_mut();
        let tasks = match &this.tasks {
            Ok(tasks) => tasks,
            Err(error) => return Poll::Ready(Err(error.clone())),
        };
        if executor::take_cancel() {
            this.timer = None;
            return Poll::Ready(Err(Error::Cancelled));
        }
        let outcomes: Vec<_> = tasks.iter().map(Task::peek_outcome).collect();
        let done_count = outcomes.iter().filter(|o| o.is_some()).count();
        let finished = match this.return_when {
            ReturnWhen::AllCompleted => done_count == tasks.len(),
            ReturnWhen::FirstCompleted => done_count > 0,
            ReturnWhen::FirstException => {
                done_count == tasks.len()
                    || outcomes
                        .iter()
                        .any(|o| matches!(o, Some(Err(e)) if *e != Error::Cancelled))
            }
        };
        let timed_out = !finished
            && match &mut this.timer {
                Some(timer) => matches!(Pin::new(timer).poll(cx), Poll::Ready(_)),
                None => false,
            };
        if finished || timed_out {
            this.timer = None;
            let (done, pending) = tasks.iter().cloned().partition(|t| t.done());
            return Poll::Ready(Ok((done, pending)));
        }
        for task in tasks.iter().filter(|t| !t.done()) {
            task.register_joiner(cx.waker());
        }
        executor::set_wait_reason(WaitOn::Wait(tasks.len()));
        Poll::Pending
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
    AsCompleted {
        pending: tasks_of(items, std::panic::Location::caller().line()),
    }
}

/// The iterator of [`as_completed`].
pub struct AsCompleted<T> {
    pending: Result<Vec<Task<T>>, Error>,
}

impl<T: Clone + 'static> AsyncIterator for AsCompleted<T> {
    type Item = T;

    async fn anext(&mut self) -> Result<Option<T>, Error> {
        let pending = match &mut self.pending {
            Ok(pending) => pending,
            Err(error) => return Err(error.clone()),
        };
        if pending.is_empty() {
            return Ok(None);
        }
        let (done, rest) = wait(pending.clone(), None, ReturnWhen::FirstCompleted).await?;
        // Several may end in the same step: hand out the first (in argument order) now and
        // keep the others for the next calls, which then return at once.
        let first = done
            .into_iter()
            .next()
            .expect("FirstCompleted returns a done task");
        *pending = pending
            .iter()
            .filter(|t| t.id() != first.id())
            .cloned()
            .collect();
        debug_assert!(rest
            .iter()
            .all(|t| pending.iter().any(|p| p.id() == t.id())));
        first.result().map(Some)
    }
}
