//! Three factorial tasks that take turns, one step per second each.

use crate::print;
use crate::runtime::{gather, sleep, Result};

async fn factorial(name: &'static str, number: u64) -> Result<u64> {
    let mut f = 1;
    for i in 2..=number {
        print!(py 7, "Task {name}: Compute factorial({i})...");
        sleep(1.0).await?;
        f *= i;
    }
    print!(py 10, "Task {name}: factorial({number}) = {f}");
    Ok(f)
}

/// The lesson: gather the three computations.
pub async fn main() -> Result<()> {
    gather([factorial("A", 2), factorial("B", 3), factorial("C", 4)]).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "factorial",
    title: Text {
        en: "Factorial tasks taking turns",
        zh: "轮流推进的阶乘任务",
    },
    note: Text {
        en: "Each task does one multiplication per second and sleeps in between, so A, B and C \
             advance in turn: A finishes after 1 s, B after 2 s, C after 3 s. Within a second \
             they always run in the order they were created: the ready queue is first in, first \
             out.",
        zh: "每个任务每秒做一次乘法，其间睡眠，于是 A、B、C 轮流推进：A 在 1 秒后完成，B 在 2 秒后，C 在 3 秒后。\
             同一秒内它们总按创建顺序运行：就绪队列先进先出。",
    },
    python: Text {
        en: include_str!("factorial.en.py"),
        zh: include_str!("factorial.py"),
    },
    rust_file: super::super::listing!("ch3/factorial.rs"),
    expected: &[
        line(0, "Task-2", "Task A: Compute factorial(2)..."),
        line(0, "Task-3", "Task B: Compute factorial(2)..."),
        line(0, "Task-4", "Task C: Compute factorial(2)..."),
        line(1000, "Task-2", "Task A: factorial(2) = 2"),
        line(1000, "Task-3", "Task B: Compute factorial(3)..."),
        line(1000, "Task-4", "Task C: Compute factorial(3)..."),
        line(2000, "Task-3", "Task B: factorial(3) = 6"),
        line(2000, "Task-4", "Task C: Compute factorial(4)..."),
        line(3000, "Task-4", "Task C: factorial(4) = 24"),
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
