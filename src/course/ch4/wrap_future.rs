//! `asyncio.wrap_future`: a `concurrent.futures.Future` from a pool cannot be awaited until it
//! is wrapped in an asyncio Future.

use crate::course::py::{concurrent_future_repr, type_of};
use crate::print;
use crate::runtime::{wrap_future, Job, Pool, Result};

/// `func1()`: blocks its thread, then returns "SB".
fn func1(seconds: f64) -> Job {
    Job::new("func1()").block(seconds).returns("SB")
}

/// The lesson: submit, print the concurrent future, wrap it, await the wrapper.
pub async fn main(seconds: f64) -> Result<()> {
    let pool = Pool::new(1)?;
    let cf = pool.submit(func1(seconds))?; // a concurrent future: no .await
    print!(py 14, "{} {}", type_of(&cf), concurrent_future_repr(&cf));
    let fut = wrap_future(&cf)?; // wrapped in an asyncio Future, which can
    print!(py 16, "{}", type_of(&fut));
    let result = fut.await?;
    print!(py 18, "{result} {}", concurrent_future_repr(&cf));
    pool.shutdown().await
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};
use super::executor_kinds::FUNC1_BLOCKS;

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "wrap-future",
    title: Text {
        en: "asyncio.wrap_future: a pool's future, made awaitable",
        zh: "asyncio.wrap_future：把线程池的 Future 变成可 await 的",
    },
    note: Text {
        en: "pool.submit returns a concurrent.futures.Future: the pool's threads set it, and \
             it has no __await__, so a coroutine cannot wait on it. asyncio.wrap_future makes \
             an asyncio Future that the loop resolves when the concurrent one is done; \
             run_in_executor is exactly wrap_future(executor.submit(func)). The concurrent \
             future prints its state: running while a thread has the job, then finished with \
             the type of what func1 returned. Its address is where it lives in memory, a \
             different number on every run (and another in this page's memory).",
        zh: "pool.submit 返回的是 concurrent.futures.Future：由线程池的线程来设置结果，\
             它没有 __await__，协程不能直接 await 它。asyncio.wrap_future 创建一个 asyncio 的 Future，\
             在 concurrent 的那个完成时由事件循环设置结果；run_in_executor 做的正是 \
             wrap_future(executor.submit(func))。打印 concurrent future 会显示它的状态：\
             线程正在做时是 running，做完是 finished，并说明 func1 返回值的类型。\
             其中的地址是它在内存中的位置，每次运行都不同（在这个页面的内存里又是另一个数）。",
    },
    python: Text {
        en: include_str!("wrap_future.en.py"),
        zh: include_str!("wrap_future.py"),
    },
    rust_file: super::super::listing!("ch4/wrap_future.rs"),
    expected: &[
        line(
            0,
            "Task-1",
            "<class 'concurrent.futures._base.Future'> <Future at 0x7f887fb831d0 state=running>",
        ),
        line(0, "Task-1", "<class '_asyncio.Future'>"),
        line(
            2000,
            "Task-1",
            "SB <Future at 0x7f887fb831d0 state=finished returned str>",
        ),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[FUNC1_BLOCKS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("seconds"))) });
