//! `run_in_executor(None, func1)`: a blocking function on the default pool, and the value it
//! returns, awaited like any future.

use crate::print;
use crate::runtime::{run_in_executor, Job, Result};

/// `func1()`: blocks its thread for two seconds, then returns "SB".
fn func1(seconds: f64) -> Job {
    Job::new("func1()").block(seconds).returns("SB")
}

/// The lesson: one job on the default pool, its value awaited.
pub async fn main(seconds: f64) -> Result<()> {
    let fut = run_in_executor(None, func1(seconds)); // None: the run's default pool
    let result = fut.await?; // what func1 returned, back from its worker
    print!(py 14, "default thread pool {result}");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "default-executor",
    title: Text {
        en: "run_in_executor(None, …): the default pool, and what the function returns",
        zh: "run_in_executor(None, …)：默认线程池，以及函数的返回值",
    },
    note: Text {
        en: "The course's run_in_executor example. With None for the executor, asyncio makes \
             its default thread pool on first use (min(32, cores + 4) threads) and shuts it \
             down when asyncio.run ends. run_in_executor submits func1 to it and wraps the \
             concurrent.futures future in an asyncio Future, so `await` waits for func1's \
             thread and gives its return value. Here the threads are Web Workers: the value \
             really comes back from another thread, as a message.",
        zh: "课程里 run_in_executor 的例子。执行器传 None 时，asyncio 第一次用到就创建默认线程池\
             （min(32, 核数 + 4) 个线程），asyncio.run 结束时关闭它。run_in_executor 把 func1 \
             提交给线程池，并把 concurrent.futures 的 Future 包装成 asyncio 的 Future，所以 await \
             等的是 func1 所在的线程，得到的是它的返回值。这里的线程是 Web Worker：返回值真的是\
             从另一个线程以消息传回来的。",
    },
    python: Text {
        en: include_str!("default_executor.en.py"),
        zh: include_str!("default_executor.py"),
    },
    rust_file: super::super::listing!("ch4/default_executor.rs"),
    expected: &[line(2000, "Task-1", "default thread pool SB")],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[seconds(
        "sleep",
        Text {
            en: "func1 blocks",
            zh: "func1 阻塞",
        },
        2,
        30,
        &[spot(6, "sleep(", "2")],
    )],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("sleep"))) });
