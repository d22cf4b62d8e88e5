//! `async def` and `await`: the same program in the modern spelling.

use crate::print;
use crate::runtime::{ensure_future, sleep, wait, Result, ReturnWhen};

async fn f1() -> Result<()> {
    print!(py 5, "1");
    sleep(2.0).await?;
    print!(py 7, "2");
    Ok(())
}

async fn f2() -> Result<()> {
    print!(py 11, "3");
    sleep(2.0).await?;
    print!(py 13, "4");
    Ok(())
}

/// The lesson: two tasks, then wait for both.
pub async fn main() -> Result<()> {
    let tasks = vec![ensure_future(f1())?, ensure_future(f2())?];
    wait(tasks, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "async-await",
    title: Text {
        en: "async and await",
        zh: "async 与 await",
    },
    note: Text {
        en: "async def makes a coroutine function; await suspends the coroutine until what it \
             awaits is done, and the loop runs another task meanwhile. Same output as the old \
             style: 1 3, then 2 4 after 2 s. Rust's async fn and .await are the same two ideas.",
        zh: "async def 定义协程函数；await 挂起当前协程直到等待的对象完成，其间事件循环去执行别的任务。\
             输出与旧写法相同：1 3，2 秒后 2 4。Rust 的 async fn 和 .await 正是这两个概念。",
    },
    python: Text {
        en: include_str!("async_await.en.py"),
        zh: include_str!("async_await.py"),
    },
    rust_file: super::super::listing!("ch2/async_await.rs"),
    expected: &[
        line(0, "Task-2", "1"),
        line(0, "Task-3", "3"),
        line(2000, "Task-2", "2"),
        line(2000, "Task-3", "4"),
    ],
    cpython: Cpython::Runs,
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
