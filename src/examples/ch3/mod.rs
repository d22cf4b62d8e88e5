//! Chapter 3: tasks, the way to run coroutines concurrently.

pub mod create_task;
pub mod tasks_wait;
