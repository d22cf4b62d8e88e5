//! An asyncio-shaped runtime on the browser's own event loop, instrumented for teaching.
//!
//! Lessons use the same words as Python's `asyncio`: [`create_task`], [`sleep`], [`gather`],
//! [`wait`] with [`ReturnWhen`], [`Task::done`], [`Task::result`], and a one-shot [`Future`].
//! Everything runs inside a [`Run`], the twin of `asyncio.run(main())`: it owns the tasks, the
//! timers and the [`Trace`] that records every step, and [`Run::stop`] cancels all of them.
//!
//! The executor is ours rather than `wasm_bindgen_futures::spawn_local`, for three reasons: the
//! virtual clock must know when *every* task is waiting on a timer, the Trace must see each
//! poll, and tasks must run in asyncio's order (a FIFO ready queue where a new task starts only
//! after the current one yields). It is still the browser's loop that drives it: ready tasks
//! run in a microtask, and after a time budget the runtime yields with a macrotask so the page
//! can paint (see [`host`]).
//!
//! No Leptos in here: the UI reads the Trace through [`Run::set_observer`].

pub mod aiofile;
mod callbacks;
pub mod channel;
mod done;
mod executor;
pub mod fetch;
mod future;
mod generator;
pub mod host;
mod io;
mod join;
pub mod mail;
mod protocols;
pub mod redis;
mod relay;
pub mod repr;
pub mod snapshot;
pub mod sql;
pub mod storage;
mod sync;
mod task;
mod time;
pub mod web;
pub mod worker;

pub use crate::trace::Error;
pub use crate::trace::{EventKind, IoKind, LoopKind, TaskId, Trace, WaitOn};
pub use callbacks::{call_later, call_soon, end_program, run_forever_then, stop, Handle};
pub use done::DoneCallbackKey;
pub use executor::{
    block_loop, cancel_task, current_task_id, language, loop_is_running, loop_time, outside_loop,
    rename_task, set_event_loop_policy, task_coroutine, task_name, time_ms, use_up_task_names,
};
pub use executor::{live_runs, record_snapshots, Clock, Run, RunStatus};
pub use fetch::{fetch, Response};
pub use future::Future;
pub use generator::{async_generator, AsyncGenerator, Yield, Yielder};
pub use join::{
    as_completed, as_completed_within, gather, wait, wait_for, AsCompleted, DoneAndPending, Gather,
    GatherAll, ReturnWhen, Wait,
};
pub use protocols::{async_with, AsyncContextManager, AsyncIterator};
pub use sync::{Condition, Event, Lock, Permit, Queue, Semaphore};
pub use task::{
    coroutine, create_task, create_task_for_coroutine, create_task_named, ensure_future, intern,
    Coroutine, IntoTask, Join, Task,
};
pub use time::{sleep, Sleep};
pub use worker::{
    check_workers, cpu_count, default_executor, run_in_executor, wrap_future, ConcurrentFuture,
    Job, Pool, Returned,
};

/// What a lesson's `main` (or any task body) returns: a value, or the error it "raised".
pub type Result<T> = std::result::Result<T, Error>;

/// Records one printed line in the running lesson's Trace.
///
/// The twin of Python's `print(...)`: `print!(py 7, "{} {}", a, b)` prints `a b` and says that
/// line 7 of the lesson's Python listing is the one that printed it. The Rust line is captured
/// with `line!()`, so the output panel can point at the very line that ran.
///
/// Words are written in both languages, English first: `print!(py 7, "{n} done" | "{n} 完成")`
/// prints the one the run speaks ([`language`]). The page's Rust listing shows only that one
/// (see `course::words`), on the same line.
///
/// Lessons import it with `use crate::print;`, which shadows the standard `print!` on purpose:
/// a lesson's output belongs in the Trace, not on the console.
#[macro_export]
macro_rules! print {
    (py $py:literal, $en:literal | $zh:literal $(, $($arg:tt)*)?) => {
        $crate::runtime::print_line($py, ::core::line!(), $crate::tr!($en | $zh $(, $($arg)*)?))
    };
    (py $py:literal, $($arg:tt)*) => {
        $crate::runtime::print_line($py, ::core::line!(), ::std::format!($($arg)*))
    };
}

/// `format!` in the run's language: `tr!("return value {n}" | "返回值 {n}")` is the English
/// text in an English run and the Chinese one in a Chinese run ([`language`]); the page's Rust
/// listing shows it as `format!` of the one it speaks.
#[macro_export]
macro_rules! tr {
    ($en:literal | $zh:literal $(, $($arg:tt)*)?) => {
        match $crate::runtime::language() {
            $crate::lang::Lang::En => ::std::format!($en $(, $($arg)*)?),
            $crate::lang::Lang::Zh => ::std::format!($zh $(, $($arg)*)?),
        }
    };
}

/// Records a printed line for the task that is running now (used by [`print!`]).
///
/// Outside a run there is nobody to show the line to, so it is dropped; that can only happen
/// when lesson code is called from a plain test, never from the page.
pub fn print_line(py_line: u32, rust_line: u32, text: String) {
    executor::with_current_run(|run, task| {
        run.record(
            task,
            EventKind::Print {
                text: text.into(),
                rust_line,
                py_line,
            },
        );
    });
}
