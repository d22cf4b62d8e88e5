//! Chapter 4: futures (and, to come, executors for blocking work).

pub mod future_pending;
pub mod future_set_result;
