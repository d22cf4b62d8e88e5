//! Async protocols: async iteration (`async for`) and async context managers (`async with`).

use std::future::Future as StdFuture;

use super::Error;

/// An async iterator: `__anext__` as `anext`. `Ok(None)` is `StopAsyncIteration`.
///
/// `async for x in it:` is `while let Some(x) = it.anext().await? { … }`.
pub trait AsyncIterator {
    /// What it yields.
    type Item;

    /// The next item, `Ok(None)` at the end, or the error raised while producing it.
    fn anext(&mut self) -> impl StdFuture<Output = Result<Option<Self::Item>, Error>>;
}

/// An async context manager: `__aenter__` and `__aexit__`.
pub trait AsyncContextManager {
    /// What `async with ... as value` binds.
    type Value;

    /// Sets up (may await), returning the value bound by `as`.
    fn aenter(&self) -> impl StdFuture<Output = Result<Self::Value, Error>>;

    /// Cleans up (may await). It gets the body's error, if the body failed or was cancelled.
    fn aexit(&self, error: Option<&Error>) -> impl StdFuture<Output = Result<(), Error>>;
}

/// `async with manager as value: body`. The cleanup runs whether the body succeeds, fails or
/// is cancelled (cancellation arrives as `Err(Cancelled)` at an await point, and the cleanup
/// may still await, as `__aexit__` can). A failing cleanup's error wins over the body's
/// result, as an exception raised in `__aexit__` does.
pub async fn async_with<M, B, F, R>(manager: &M, body: B) -> Result<R, Error>
where
    M: AsyncContextManager,
    B: FnOnce(M::Value) -> F,
    F: StdFuture<Output = Result<R, Error>>,
{
    let value = manager.aenter().await?;
    let outcome = body(value).await;
    manager.aexit(outcome.as_ref().err()).await?;
    outcome
}
