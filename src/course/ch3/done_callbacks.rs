//! Done callbacks: run a function when a task ends, with extra arguments bound in advance.

use crate::print;
use crate::runtime::{create_task, gather, sleep, Result, Task};

async fn f1() -> Result<&'static str> {
    print!(py 6, "1");
    sleep(2.0).await?;
    print!(py 8, "2");
    Ok("f1")
}

fn callback1(future: &Task<&'static str>) {
    print!(py 13, "finished: {}" | "结束了: {}", future.result().unwrap_or("?"));
}

fn callback2(extra: u32, future: &Task<&'static str>) {
    print!(py 17, "finished: {extra} {}" | "结束了: {extra} {}", future.result().unwrap_or("?"));
}

/// The lesson: one task, two done callbacks, the second with a bound argument.
pub async fn main() -> Result<()> {
    let task1 = create_task(f1())?;
    task1.add_done_callback(callback1);
    // `functools.partial(callback2, 1111)` is a closure that captures 1111.
    task1.add_done_callback(move |t| callback2(1111, t));
    gather([task1]).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "done-callbacks",
    title: Text {
        en: "Done callbacks and functools.partial",
        zh: "回调函数与 functools.partial",
    },
    note: Text {
        en: "add_done_callback registers a function the loop calls (soon, in registration order) \
             once the task has ended; it receives the task, so it can read the result. To pass \
             more arguments, bind them first with functools.partial; the task always comes last. \
             In Rust a closure does the binding.",
        zh: "add_done_callback 注册的函数在 task 结束后由事件循环调用（按注册顺序、尽快执行）；\
             它收到 task 本身，可以读取结果。要传更多参数，先用 functools.partial 绑定，task 总是最后一个参数。\
             Rust 里用闭包来绑定。",
    },
    python: Text {
        en: include_str!("done_callbacks.en.py"),
        zh: include_str!("done_callbacks.py"),
    },
    rust_file: super::super::listing!("ch3/done_callbacks.rs"),
    expected: &[
        line(0, "Task-2", "1"),
        line(2000, "Task-2", "2"),
        said(2000, "loop", "finished: f1", "结束了: f1"),
        said(2000, "loop", "finished: 1111 f1", "结束了: 1111 f1"),
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
