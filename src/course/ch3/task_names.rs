//! Task names: `create_task(..., name=...)`, and the default `Task-N`.

use crate::print;
use crate::runtime::{create_task_named, ensure_future, sleep, wait, Result, ReturnWhen};

async fn f1() -> Result<&'static str> {
    print!(py 5, "1");
    sleep(2.0).await?;
    print!(py 7, "2");
    Ok("f1")
}

async fn f2() -> Result<&'static str> {
    print!(py 12, "3");
    sleep(2.0).await?;
    print!(py 14, "4");
    Ok("f2")
}

/// The lesson: two named tasks and one left to the default name.
pub async fn main() -> Result<()> {
    let tasks = vec![
        create_task_named(f1(), "t1")?,
        create_task_named(f2(), "t2")?,
        ensure_future(f1())?,
    ];
    for t in &tasks {
        print!(py 25, "{}", t.get_name());
    }
    wait(tasks, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "task-names",
    title: Text {
        en: "Task names: t1, t2 and Task-4",
        zh: "Task 的名字：t1、t2 与 Task-4",
    },
    note: Text {
        en: "create_task can name a task; ensure_future cannot, so the third gets a default \
             name. Why Task-4? asyncio.run's main task is Task-1, and every task created uses up \
             a number, named or not: t1 took 2, t2 took 3. (Numbers count per process in \
             CPython; here they count per run.)",
        zh: "create_task 可以给 task 起名，ensure_future 不能，所以第三个得到默认名字。为什么是 Task-4？\
             asyncio.run 的 main 是 Task-1，之后每创建一个 task 都会用掉一个编号，不论有没有名字：t1 用了 2，t2 用了 3。\
             （CPython 按进程计数，这里按每次运行计数。）",
    },
    python: Text {
        en: include_str!("task_names.en.py"),
        zh: include_str!("task_names.py"),
    },
    rust_file: super::super::listing!("ch3/task_names.rs"),
    expected: &[
        line(0, "Task-1", "t1"),
        line(0, "Task-1", "t2"),
        line(0, "Task-1", "Task-4"),
        line(0, "t1", "1"),
        line(0, "t2", "3"),
        line(0, "Task-4", "1"),
        line(2000, "t1", "2"),
        line(2000, "t2", "4"),
        line(2000, "Task-4", "2"),
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
