//! `create_task`: wrap coroutines in tasks so the loop can run them concurrently.

use crate::print;
use crate::runtime::{create_task, sleep, Result};

async fn f1(delay: f64) -> Result<()> {
    print!(py 5, "1");
    sleep(delay).await?;
    print!(py 7, "2");
    Ok(())
}

async fn f2(delay: f64) -> Result<()> {
    print!(py 11, "3");
    sleep(delay).await?;
    print!(py 13, "4");
    Ok(())
}

/// The lesson: create two tasks, then await each.
pub async fn main(f1_delay: f64, f2_delay: f64) -> Result<()> {
    print!(py 17, "main start");
    let task1 = create_task(f1(f1_delay))?;
    let task2 = create_task(f2(f2_delay))?;
    task1.await?;
    task2.await?;
    print!(py 22, "main end");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "create-task",
    title: Text {
        en: "create_task, then await each task",
        zh: "create_task 之后逐个 await",
    },
    note: Text {
        en: "create_task schedules the coroutine at once; it starts as soon as main yields. \
             While main waits on task1, task1 and task2 both run: 1 and 3 together, and after \
             2 s, 2 and 4 together. Awaiting task2 afterwards costs nothing: it is already done.",
        zh: "create_task 立即把协程排进事件循环，main 一让出就开始执行。main 等 task1 时，\
             task1 和 task2 都在跑：1 和 3 一起出现，2 秒后 2 和 4 一起出现。之后再 await task2 不花时间：它早已完成。",
    },
    python: Text {
        en: include_str!("create_task.en.py"),
        zh: include_str!("create_task.py"),
    },
    rust_file: super::super::listing!("ch3/create_task.rs"),
    expected: &[
        line(0, "Task-1", "main start"),
        line(0, "Task-2", "1"),
        line(0, "Task-3", "3"),
        line(2000, "Task-2", "2"),
        line(2000, "Task-3", "4"),
        line(2000, "Task-1", "main end"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        seconds(
            "f1",
            Text {
                en: "f1 sleeps",
                zh: "f1 睡眠",
            },
            2,
            30,
            &[spot(6, "sleep(", "2")],
        ),
        seconds(
            "f2",
            Text {
                en: "f2 sleeps",
                zh: "f2 睡眠",
            },
            2,
            30,
            &[spot(12, "sleep(", "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("f1"), k.seconds("f2"))) });
