//! A `Semaphore` limits how many tasks do something at once.

use crate::print;
use crate::runtime::{gather, sleep, Result, Semaphore};

async fn job(i: u32, sem: Semaphore) -> Result<()> {
    let _permit = sem.acquire().await?; // `async with sem:` until `_permit` is dropped
    print!(py 6, "start {i}" | "开始 {i}");
    sleep(1.0).await?;
    print!(py 8, "end {i}" | "结束 {i}");
    Ok(())
}

/// The lesson: five one-second jobs, at most two at a time.
pub async fn main(limit: i64) -> Result<()> {
    let sem = Semaphore::new(limit.max(1) as usize);
    gather((1..=5).map(|i| job(i, sem.clone()))).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{
    said, spot, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text,
    Unit,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "semaphore-limit",
    title: Text {
        en: "Limiting concurrency with a Semaphore",
        zh: "用 Semaphore 限制并发数",
    },
    note: Text {
        en: "All five jobs start at once, but async with sem lets only two in at a time; the \
             others wait at the door in order. Five one-second jobs, two at a time: 3 s. This \
             is how you keep a crawler from opening a hundred connections at once.",
        zh: "五个任务同时开始，但 async with sem 每次只放两个进去，其余的按顺序在门口等。\
             五个 1 秒的任务，每次两个：共 3 秒。爬虫就是这样避免一下子打开上百个连接。",
    },
    python: Text {
        en: include_str!("semaphore_limit.en.py"),
        zh: include_str!("semaphore_limit.py"),
    },
    rust_file: super::super::listing!("ch8/semaphore_limit.rs"),
    expected: &[
        said(0, "Task-2", "start 1", "开始 1"),
        said(0, "Task-3", "start 2", "开始 2"),
        said(1000, "Task-2", "end 1", "结束 1"),
        said(1000, "Task-3", "end 2", "结束 2"),
        said(1000, "Task-4", "start 3", "开始 3"),
        said(1000, "Task-5", "start 4", "开始 4"),
        said(2000, "Task-4", "end 3", "结束 3"),
        said(2000, "Task-5", "end 4", "结束 4"),
        said(2000, "Task-6", "start 5", "开始 5"),
        said(3000, "Task-6", "end 5", "结束 5"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[Knob {
        id: "limit",
        python: "",
        spots: &[spot(12, "Semaphore(", "2")],
        label: Text {
            en: "tasks at a time",
            zh: "同时进入的任务数",
        },
        kind: KnobKind::Int {
            default: 2,
            min: 1,
            max: 5,
            unit: Unit::Count,
        },
    }],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("limit"))) });
