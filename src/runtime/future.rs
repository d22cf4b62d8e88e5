//! A one-shot `Future`: `loop.create_future()`, resolved from elsewhere with `set_result`.

use std::cell::RefCell;
use std::future::{Future as StdFuture, IntoFuture};
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use super::done::{DoneCallbackKey, OnDone};
use super::executor::{self, RunInner};
use super::Error;
use crate::trace::{DoneOf, EventKind, FutureId, WaitOn};

struct Inner<T> {
    result: RefCell<Option<Result<T, Error>>>,
    on_done: OnDone,
}

/// The twin of `asyncio.Future`: a result that somebody else will set.
///
/// Clones share the same result. Awaiting it waits until [`Future::set_result`] (or
/// [`Future::set_exception`], or [`Future::cancel`]) is called; if nobody ever calls them it
/// waits forever, exactly like Python, and only Stop ends the run.
pub struct Future<T> {
    id: FutureId,
    inner: Rc<Inner<T>>,
    run: Weak<RunInner>,
}

impl<T> Clone for Future<T> {
    fn clone(&self) -> Self {
        Future {
            id: self.id,
            inner: self.inner.clone(),
            run: self.run.clone(),
        }
    }
}

impl<T: Clone + 'static> Future<T> {
    /// `loop.create_future()`: needs a running loop.
    pub fn new() -> Result<Self, Error> {
        let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
        let id = run.next_future_id();
        let on_done = OnDone::default();
        on_done.set_owner(DoneOf::Future(id));
        Ok(Future {
            id,
            inner: Rc::new(Inner {
                result: RefCell::new(None),
                on_done,
            }),
            run: Rc::downgrade(&run),
        })
    }

    fn complete(&self, result: Result<T, Error>) -> Result<(), Error> {
        {
            let mut slot = self.inner.result.borrow_mut();
            if slot.is_some() {
                return Err(Error::InvalidState("invalid state"));
            }
            *slot = Some(result);
        }
        if let Some(run) = self.run.upgrade() {
            let task = executor::current().and_then(|(_, task)| task);
            run.record(task, EventKind::FutureSet { future: self.id });
        }
        self.inner.on_done.fire(&self.run);
        Ok(())
    }

    /// Calls `f` with the future once it is resolved, on the loop's next turn.
    #[track_caller]
    pub fn add_done_callback(&self, f: impl FnOnce(&Future<T>) + 'static) {
        self.add_done_callback_at(f, std::panic::Location::caller().line());
    }

    /// [`add_done_callback`](Self::add_done_callback) at a line that is not its Rust caller's
    /// (the interpreter's). Returns the key that removes it.
    pub fn add_done_callback_at(
        &self,
        f: impl FnOnce(&Future<T>) + 'static,
        line: u32,
    ) -> DoneCallbackKey {
        let future = self.clone();
        let key = self.inner.on_done.add_callback(
            Box::new(move || f(&future)),
            line,
            &self.run,
            !self.done(),
        );
        if self.done() {
            self.inner.on_done.fire(&self.run);
        }
        key
    }

    /// `fut.remove_done_callback(fn)` for the callback `key`: whether it was still waiting.
    pub fn remove_done_callback(&self, key: DoneCallbackKey) -> bool {
        self.inner.on_done.remove_callback(key, &self.run)
    }

    /// Resolves it with a value; an `InvalidStateError` if it was already resolved.
    pub fn set_result(&self, value: T) -> Result<(), Error> {
        self.complete(Ok(value))
    }

    /// Resolves it with an error, which every awaiter receives.
    pub fn set_exception(&self, error: Error) -> Result<(), Error> {
        self.complete(Err(error))
    }

    /// Cancels it: awaiters get `Err(Cancelled)`. `false` if it was already resolved.
    pub fn cancel(&self) -> bool {
        self.complete(Err(Error::Cancelled)).is_ok()
    }

    /// Whether it has a result (or error).
    pub fn done(&self) -> bool {
        self.inner.result.borrow().is_some()
    }

    /// Its result; an `InvalidStateError` before it is set.
    pub fn result(&self) -> Result<T, Error> {
        match &*self.inner.result.borrow() {
            Some(result) => result.clone(),
            None => Err(Error::InvalidState("Result is not set.")),
        }
    }
}

impl<T: Clone + 'static> IntoFuture for Future<T> {
    type Output = Result<T, Error>;
    type IntoFuture = Waiting<T>;

    fn into_future(self) -> Waiting<T> {
        Waiting { future: self }
    }
}

impl<T: Clone + 'static> IntoFuture for &Future<T> {
    type Output = Result<T, Error>;
    type IntoFuture = Waiting<T>;

    fn into_future(self) -> Waiting<T> {
        Waiting {
            future: self.clone(),
        }
    }
}

/// The future of `fut.await`.
#[must_use = "futures do nothing unless awaited"]
pub struct Waiting<T> {
    future: Future<T>,
}

impl<T: Clone + 'static> StdFuture for Waiting<T> {
    type Output = Result<T, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(result) = &*self.future.inner.result.borrow() {
            return Poll::Ready(result.clone());
        }
        if executor::take_cancel() {
            // asyncio's `Task.cancel` cancels the future the task waits on, too.
            self.future.cancel();
            return Poll::Ready(Err(Error::Cancelled));
        }
        self.future.inner.on_done.add_waker(cx.waker());
        executor::set_wait_reason(WaitOn::Future(self.future.id));
        Poll::Pending
    }
}
