//! Chapter 8, beyond the course's texts: coordinating tasks (queues, semaphores,
//! `as_completed`, timeouts with cleanup).

pub mod as_completed;
pub mod producer_consumer;
pub mod semaphore_limit;
pub mod timeout_cleanup;
