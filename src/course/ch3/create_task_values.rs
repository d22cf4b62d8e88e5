//! The course's first `create_task` example: main prints both its lines before either task
//! runs, then awaits each task for its return value.

use crate::runtime::{create_task, sleep, Result};
use crate::{print, tr};

async fn func(delay: f64) -> Result<String> {
    print!(py 5, "1");
    sleep(delay).await?;
    print!(py 7, "2");
    Ok(tr!("return value" | "返回值"))
}

/// The lesson: two tasks created, main's last line printed, then their values.
pub async fn main(delay: f64) -> Result<()> {
    print!(py 12, "main start" | "main开始");
    let task1 = create_task(func(delay))?; // scheduled: ready, not run yet
    let task2 = create_task(func(delay))?;
    print!(py 15, "main end" | "main结束"); // main has not yielded: no task has run
    let ret1 = task1.await?; // main suspends here; the tasks run
    let ret2 = task2.await?;
    print!(py 18, "{ret1} {ret2}");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, said, seconds, spot, Cpython, Ends, Entry, Knob, Lesson, LessonFuture, Needs, Order, Text,
};

/// How long `func` sleeps: `await asyncio.sleep(2)` on line 6 of this lesson's and
/// `wait-named`'s listings, which share the course's `func`.
pub const FUNC_SLEEPS: Knob = seconds(
    "delay",
    Text {
        en: "func sleeps",
        zh: "func 睡眠",
    },
    2,
    30,
    &[spot(6, "sleep(", "2")],
);

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "create-task-values",
    title: Text {
        en: "create_task: main's lines first, then the tasks' return values",
        zh: "create_task：main 先打印完，再得到 task 的返回值",
    },
    note: Text {
        en: "The course's first create_task example. create_task only schedules a task: it is \
             ready, but the loop runs it only when main yields. main has not yielded when it \
             prints its second line, so both of main's lines come before any 1. main yields \
             at `await task1`: both tasks print 1, sleep together, and print 2 two seconds \
             later. Awaiting a task gives what its coroutine returned.",
        zh: "课程里 create_task 的第一个例子。create_task 只是把协程封装成 Task 加入事件循环：\
             它已就绪，但要等 main 让出控制权才会运行。main 打印第二行时还没让出过，所以两行 \
             main 都在任何一个 1 之前。main 在 `await task1` 处挂起：两个 task 各打印 1，一起睡 2 秒，\
             再各打印 2。await 一个 task，得到的是它的协程返回的值。",
    },
    python: Text {
        en: include_str!("create_task_values.en.py"),
        zh: include_str!("create_task_values.py"),
    },
    rust_file: super::super::listing!("ch3/create_task_values.rs"),
    expected: &[
        said(0, "Task-1", "main start", "main开始"),
        said(0, "Task-1", "main end", "main结束"),
        line(0, "Task-2", "1"),
        line(0, "Task-3", "1"),
        line(2000, "Task-2", "2"),
        line(2000, "Task-3", "2"),
        said(2000, "Task-1", "return value return value", "返回值 返回值"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[FUNC_SLEEPS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("delay"))) });
