//! `asyncio.run`: make a loop, run one coroutine to its end, close the loop.

use crate::print;
use crate::runtime::{sleep, Result};

async fn f1() -> Result<()> {
    print!(py 5, "f1 start" | "f1开始");
    sleep(5.0).await?;
    print!(py 7, "f1 end" | "f1结束");
    Ok(())
}

/// The lesson: `Run::start(clock, main)` is this page's `asyncio.run(main())`.
pub async fn main() -> Result<()> {
    f1().await
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "asyncio-run",
    title: Text {
        en: "asyncio.run",
        zh: "asyncio.run",
    },
    note: Text {
        en: "asyncio.run creates an event loop, runs the coroutine until it returns, then closes \
             the loop: the two old lines in one call, and the one entry point an asyncio \
             program should have. f1 prints, sleeps 5 s, prints again.",
        zh:
            "asyncio.run 新建事件循环，运行协程直到它返回，再关闭循环：把旧写法的两行合成一次调用，\
             也应是异步程序唯一的入口。f1 打印、睡 5 秒、再打印。",
    },
    python: Text {
        en: include_str!("asyncio_run.en.py"),
        zh: include_str!("asyncio_run.py"),
    },
    rust_file: super::super::listing!("ch2/asyncio_run.rs"),
    expected: &[
        said(0, "Task-1", "f1 start", "f1开始"),
        said(5000, "Task-1", "f1 end", "f1结束"),
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
