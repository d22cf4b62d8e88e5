//! A pool of workers with done callbacks: `concurrent.futures` without asyncio.

use crate::print;
use crate::runtime::{ConcurrentFuture, Job, Pool, Result};

/// `task(a, b)`: blocks its thread for two seconds, then returns `a + b`.
fn task(a: i64, b: i64) -> Job {
    Job::new(format!("task({a}, {b})"))
        .block(2.0)
        .returns(a + b)
}

/// The done callback: prints the job's result.
fn show(fut: &ConcurrentFuture) {
    if let Ok(sum) = fut.result() {
        print!(py 13, "{sum}");
    }
}

/// The lesson: five jobs submitted to a pool of `workers`, each with a callback.
pub async fn main(workers: i64) -> Result<()> {
    let pool = Pool::new(workers)?;
    print!(py 17, "start" | "开始了");
    for i in 0..5 {
        pool.submit(task(i, i))?.add_done_callback(show);
    }
    print!(py 20, "submitted" | "结束了");
    pool.shutdown().await // leaving `with`: wait for every job
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};
use super::run_in_executor::WORKERS;

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "pool-callbacks",
    title: Text {
        en: "A pool of workers with callbacks",
        zh: "线程池与回调",
    },
    note: Text {
        en: "submit hands a job to the pool and returns a future at once, so \"submitted\" \
             prints before any job has run. Five workers take the five two-second jobs \
             together; each result arrives through its done callback after about 2 s, in \
             whatever order the threads finish. Set the pool to 2 workers and watch them queue.",
        zh:
            "submit 把任务交给线程池后立刻返回一个 future，所以“结束了”在任何任务运行之前就打印了。\
             5 个线程同时做 5 个 2 秒的任务；大约 2 秒后，每个结果通过回调到达，\
             顺序取决于哪个线程先做完。把线程池改成 2 个，看看它们如何排队。",
    },
    python: Text {
        en: include_str!("pool_callbacks.en.py"),
        zh: include_str!("pool_callbacks.py"),
    },
    rust_file: super::super::listing!("ch4/pool_callbacks.rs"),
    expected: &[
        said(0, "Task-1", "start", "开始了"),
        said(0, "Task-1", "submitted", "结束了"),
        line(2000, "loop", "0"),
        line(2000, "loop", "2"),
        line(2000, "loop", "4"),
        line(2000, "loop", "6"),
        line(2000, "loop", "8"),
    ],
    cpython: Cpython::Threads,
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::SameTimeAnyOrder,
    knobs: &[WORKERS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("workers"))) });
