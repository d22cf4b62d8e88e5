//! `concurrent.futures.Future`, what `pool.submit` returns, and `asyncio.wrap_future`, which
//! turns it into an `asyncio.Future` a task can await.
//!
//! The two are different things in Python and here: a concurrent future belongs to the pool
//! and its threads (it knows whether its job is still queued or already running), and it
//! cannot be awaited. `loop.run_in_executor` is `wrap_future(executor.submit(fn))`.

use std::cell::Cell;
use std::rc::Rc;

use super::Returned;
use crate::runtime::{Error, Future};

/// The twin of `concurrent.futures.Future`: the result of a job submitted to a pool.
///
/// It has no `.await`, as Python's has no `__await__`: wrap it with [`wrap_future`]. Its
/// [`result`](ConcurrentFuture::result) does not block (Python's waits for the job; here that
/// would freeze the page): before the job ends it is an `InvalidStateError`.
#[derive(Clone)]
pub struct ConcurrentFuture {
    result: Future<Returned>,
    /// Whether a worker has taken the job (Python's `RUNNING` state).
    started: Rc<Cell<bool>>,
}

impl ConcurrentFuture {
    /// A future for a job just submitted: pending.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(super) fn new() -> Result<ConcurrentFuture, Error> {
        Ok(ConcurrentFuture {
            result: Future::new()?,
            started: Rc::new(Cell::new(false)),
        })
    }

    /// A worker took the job: `set_running_or_notify_cancel()`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(super) fn set_running(&self) {
        self.started.set(true);
    }

    /// The result, set by the pool when the job ends.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(super) fn outcome(&self) -> &Future<Returned> {
        &self.result
    }

    /// Whether a worker is running the job now: `fut.running()`.
    pub fn running(&self) -> bool {
        self.started.get() && !self.done()
    }

    /// Whether the job has ended (or was cancelled): `fut.done()`.
    pub fn done(&self) -> bool {
        self.result.done()
    }

    /// What the job returned; an `InvalidStateError` before it ends.
    pub fn result(&self) -> Result<Returned, Error> {
        self.result.result()
    }

    /// Calls `f` with the future once the job has ended: `fut.add_done_callback(f)`. (Python
    /// calls it on the pool's thread; here it runs on the loop, as a worker cannot run the
    /// page's code.)
    #[track_caller]
    pub fn add_done_callback(&self, f: impl FnOnce(&ConcurrentFuture) + 'static) {
        let this = self.clone();
        self.result.add_done_callback(move |_| f(&this));
    }

    /// Where the future lives in memory, as Python's `id()` gives it: the address its repr
    /// prints.
    pub fn address(&self) -> usize {
        Rc::as_ptr(&self.started) as usize
    }
}

/// `asyncio.wrap_future(fut)`: an `asyncio.Future` that is resolved when the concurrent one
/// is, with its result or its error, so a task can await it. Needs a running loop.
pub fn wrap_future(future: &ConcurrentFuture) -> Result<Future<Returned>, Error> {
    let wrapped = Future::new()?;
    let chained = wrapped.clone();
    future.add_done_callback(move |done| {
        let _ = match done.result() {
            Ok(value) => chained.set_result(value),
            Err(error) => chained.set_exception(error),
        };
    });
    Ok(wrapped)
}
