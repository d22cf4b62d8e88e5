//! Chapter 4: futures, and executors for blocking work.

pub mod blocking_loop;
pub mod default_executor;
pub mod executor_downloads;
pub mod executor_kinds;
pub mod executor_sequential;
pub mod future_pending;
pub mod future_set_result;
pub mod pool_callbacks;
pub mod pool_submit;
pub mod run_in_executor;
pub mod wrap_future;
