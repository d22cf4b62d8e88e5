//! `await` on a coroutine waits for it and gives back its return value.

use crate::print;
use crate::runtime::{sleep, Result};

async fn f1() -> Result<u32> {
    print!(py 5, "1");
    sleep(2.0).await?;
    print!(py 7, "2");
    Ok(123)
}

async fn f2() -> Result<u32> {
    print!(py 12, "3");
    sleep(2.0).await?;
    print!(py 14, "4");
    Ok(456)
}

/// The lesson: two awaits in a row, each waiting for the one before.
pub async fn main() -> Result<()> {
    print!(py 19, "main start");
    let res1 = f1().await?;
    print!(py 21, "{res1}");
    let res2 = f2().await?;
    print!(py 23, "{res2}");
    print!(py 24, "main end");
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "await-values",
    title: Text {
        en: "Awaiting coroutines in sequence",
        zh: "依次 await 协程并取得返回值",
    },
    note: Text {
        en: "Awaiting a coroutine runs it inside the current task and hands back its return \
             value. There is only one task (main), so while f1 sleeps nothing else can run: \
             f2 starts only after f1 returns, and the program takes about 4 s.",
        zh: "await 一个协程，是在当前任务里运行它并拿回返回值。事件循环里只有 main 一个任务，\
             f1 睡觉时没有别的任务可切：f2 要等 f1 返回才开始，整个程序约 4 秒。",
    },
    python: Text {
        en: include_str!("await_values.en.py"),
        zh: include_str!("await_values.py"),
    },
    rust_file: super::super::listing!("ch2/await_values.rs"),
    expected: &[
        line(0, "Task-1", "main start"),
        line(0, "Task-1", "1"),
        line(2000, "Task-1", "2"),
        line(2000, "Task-1", "123"),
        line(2000, "Task-1", "3"),
        line(4000, "Task-1", "4"),
        line(4000, "Task-1", "456"),
        line(4000, "Task-1", "main end"),
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
