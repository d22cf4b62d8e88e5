//! `asyncio.wait`: wait for a list of tasks, and get back which are done and which pending.

use crate::print;
use crate::runtime::{create_task, sleep, wait, Result, ReturnWhen};

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

/// The lesson: create two tasks, then wait for all of them.
pub async fn main(f1_delay: f64, f2_delay: f64) -> Result<()> {
    print!(py 17, "main start");
    let tasks = vec![create_task(f1(f1_delay))?, create_task(f2(f2_delay))?];
    let (done, pending) = wait(tasks, None, ReturnWhen::AllCompleted).await?;
    print!(py 23, "{} done, {} pending" | "{} 个已完成, {} 个未完成", done.len(), pending.len());
    print!(py 24, "main end");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, said, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "tasks-wait",
    title: Text {
        en: "Tasks and asyncio.wait",
        zh: "Task 与 asyncio.wait",
    },
    note: Text {
        en: "asyncio.wait takes a list of tasks and returns two sets, done and pending. With no \
             timeout it returns when all are done, so after 1 s both are done and none pending. \
             Python gives sets (no order); here both lists keep the order of the arguments.",
        zh: "asyncio.wait 接收一组任务，返回 done 和 pending 两个集合。不设 timeout 时等到全部完成，\
             所以 1 秒后两个都完成、没有未完成的。Python 返回的是无序集合；这里两个列表保持参数顺序。",
    },
    python: Text {
        en: include_str!("tasks_wait.en.py"),
        zh: include_str!("tasks_wait.py"),
    },
    rust_file: super::super::listing!("ch3/tasks_wait.rs"),
    expected: &[
        line(0, "Task-1", "main start"),
        line(0, "Task-2", "1"),
        line(0, "Task-3", "3"),
        line(1000, "Task-2", "2"),
        line(1000, "Task-3", "4"),
        said(1000, "Task-1", "2 done, 0 pending", "2 个已完成, 0 个未完成"),
        line(1000, "Task-1", "main end"),
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
            1,
            30,
            &[spot(6, "sleep(", "1")],
        ),
        seconds(
            "f2",
            Text {
                en: "f2 sleeps",
                zh: "f2 睡眠",
            },
            1,
            30,
            &[spot(12, "sleep(", "1")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("f1"), k.seconds("f2"))) });
