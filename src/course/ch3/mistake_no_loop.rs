//! Mistake 1: `create_task` needs a running loop. The real error, then both fixes.

use crate::print;
use crate::runtime::{
    create_task, ensure_future, outside_loop, sleep, wait, Result, ReturnWhen, Task,
};

async fn f1() -> Result<()> {
    print!(py 5, "1");
    sleep(1.0).await?;
    print!(py 7, "2");
    Ok(())
}

async fn f2() -> Result<()> {
    print!(py 11, "3");
    sleep(3.0).await?;
    print!(py 13, "4");
    Ok(())
}

/// Python's module level: it runs before `asyncio.run` has started any loop.
fn module_level() -> Result<Vec<Task<()>>> {
    Ok(vec![create_task(f1())?, create_task(f2())?])
}

/// Fix 2: create the tasks inside a coroutine, where the loop is running.
async fn fix2() -> Result<()> {
    let tasks = vec![create_task(f1())?, create_task(f2())?];
    wait(tasks, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

/// The lesson: the mistake, fix 1, fix 2.
pub async fn main() -> Result<()> {
    if let Err(error) = outside_loop(module_level) {
        print!(py 20, "{error}");
    }
    // Fix 1: wrap the coroutines in tasks inside the running loop, then wait for them.
    let tasks = [ensure_future(f1())?, ensure_future(f2())?];
    wait(tasks, None, ReturnWhen::AllCompleted).await?;
    print!(py 35, "fix 1 done" | "办法 1 完成");
    fix2().await?;
    print!(py 37, "fix 2 done" | "办法 2 完成");
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "mistake-no-loop",
    title: Text {
        en: "Mistake 1: create_task with no running loop",
        zh: "错误 1：没有运行中的事件循环就 create_task",
    },
    note: Text {
        en: "create_task puts a task into the running loop, so at module level, before \
             asyncio.run, it fails: RuntimeError: no running event loop (and the coroutine \
             object is never awaited). Fix 1: inside the loop, wrap the coroutines with \
             ensure_future and give wait the tasks (wait took bare coroutines once: deprecated \
             in Python 3.8, a TypeError since 3.11, and a compile error in Rust). Fix 2, the \
             right one: call create_task inside a coroutine. Both print 1 3, then 2 after 1 s \
             and 4 after 3 s.",
        zh: "create_task 把任务放进正在运行的事件循环，所以在模块顶层、asyncio.run 之前调用会失败：\
             RuntimeError: no running event loop（协程对象也从未被 await）。办法 1：在事件循环里用 \
             ensure_future 把协程包成 task，再交给 wait（wait 曾经接受协程对象：3.8 起弃用，\
             3.11 起 TypeError，在 Rust 里是编译错误）。办法 2，正确的做法：在协程内部 create_task。\
             两种办法都先打印 1 3，1 秒后打印 2，3 秒后打印 4。",
    },
    python: Text {
        en: include_str!("mistake_no_loop.en.py"),
        zh: include_str!("mistake_no_loop.py"),
    },
    rust_file: super::super::listing!("ch3/mistake_no_loop.rs"),
    expected: &[
        line(0, "Task-1", "RuntimeError: no running event loop"),
        line(0, "Task-2", "1"),
        line(0, "Task-3", "3"),
        line(1000, "Task-2", "2"),
        line(3000, "Task-3", "4"),
        said(3000, "Task-1", "fix 1 done", "办法 1 完成"),
        line(3000, "Task-4", "1"),
        line(3000, "Task-5", "3"),
        line(4000, "Task-4", "2"),
        line(6000, "Task-5", "4"),
        said(6000, "Task-1", "fix 2 done", "办法 2 完成"),
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
