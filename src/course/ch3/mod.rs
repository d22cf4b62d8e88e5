//! Chapter 3: tasks, the way to run coroutines concurrently.

pub mod create_task;
pub mod create_task_values;
pub mod done_callbacks;
pub mod factorial;
pub mod gather_groups;
pub mod gather_order;
pub mod mistake_no_loop;
pub mod mistake_sequential;
pub mod run_forever;
pub mod task_error_lost;
pub mod task_names;
pub mod tasks_wait;
pub mod wait_named;
pub mod wait_timeout;
