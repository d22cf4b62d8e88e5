//! Chapter 2: asyncio basics (the event loop, coroutine functions and objects, `await`).

pub mod async_await;
pub mod asyncio_run;
pub mod await_sleep_result;
pub mod await_twice;
pub mod await_values;
pub mod coroutine_object;
pub mod ensure_future;
pub mod ensure_future_type;
pub mod never_awaited;
