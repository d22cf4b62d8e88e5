//! The first asyncio style: generator-based coroutines, `ensure_future` and
//! `run_until_complete(wait(...))`.

use crate::print;
use crate::runtime::{ensure_future, sleep, wait, Result, ReturnWhen};

// `@asyncio.coroutine` + `yield from` was the first spelling of a coroutine. Rust has only
// one: an `async fn`, whose `.await` plays the part of `yield from`.
async fn f1() -> Result<()> {
    print!(py 6, "1");
    sleep(2.0).await?;
    print!(py 8, "2");
    Ok(())
}

async fn f2() -> Result<()> {
    print!(py 13, "3");
    sleep(2.0).await?;
    print!(py 15, "4");
    Ok(())
}

/// The lesson: `Run::start` is the loop, and this `main` is what it runs until complete.
pub async fn main() -> Result<()> {
    let tasks = vec![ensure_future(f1())?, ensure_future(f2())?];
    wait(tasks, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "ensure-future",
    title: Text {
        en: "The old style: ensure_future and run_until_complete",
        zh: "旧写法：ensure_future 与 run_until_complete",
    },
    note: Text {
        en: "Python 3.4's asyncio: generator coroutines wrapped in tasks by ensure_future, and a \
             loop you fetch and run yourself. Both tasks print, sleep 2 s at the same time, and \
             print again: 1 3, then 2 4 at 2000 ms. @asyncio.coroutine was removed in Python \
             3.11, so this listing no longer runs on current CPython; the next lesson is its \
             modern form.",
        zh: "Python 3.4 时代的 asyncio：用 ensure_future 把生成器协程包成任务，自己取得并运行事件循环。\
             两个任务各自打印、同时睡 2 秒、再打印：先 1 3，2000 ms 时 2 4。\
             @asyncio.coroutine 已在 Python 3.11 删除，这段代码在新版 CPython 上无法运行；\
             下一课是它的新写法。",
    },
    python: Text {
        en: include_str!("ensure_future.en.py"),
        zh: include_str!("ensure_future.py"),
    },
    rust_file: super::super::listing!("ch2/ensure_future.rs"),
    expected: &[
        line(0, "Task-2", "1"),
        line(0, "Task-3", "3"),
        line(2000, "Task-2", "2"),
        line(2000, "Task-3", "4"),
    ],
    cpython: Cpython::Removed,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
