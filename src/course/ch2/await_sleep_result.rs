//! `response = await asyncio.sleep(2)`: an await suspends the coroutine, then gives the
//! awaited thing's result — for `sleep`, `None`.

use crate::course::py;
use crate::print;
use crate::runtime::{sleep, Result};

async fn func(delay: f64) -> Result<()> {
    print!(py 5, "running the coroutine function's code" | "执行协程函数内部代码");
    let response: () = sleep(delay).await?; // Rust's () is Python's None
    print!(py 7, "IO request done, result: {}" | "IO请求结束,结果为: {}", py::none(response));
    Ok(())
}

/// The lesson: `asyncio.run(func())`.
pub async fn main(delay: f64) -> Result<()> {
    let result = func(delay);
    result.await
}

// ---- end of listing ----

use super::super::{
    said, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "await-sleep-result",
    title: Text {
        en: "await suspends, then gives a result: sleep's is None",
        zh: "await 挂起，再得到结果：sleep 的结果是 None",
    },
    note: Text {
        en: "The course's first await example. At `await asyncio.sleep(2)` the coroutine is \
             suspended and the loop is free for two seconds (there is no other task here to \
             use them); then the coroutine goes on, and the await's value is what sleep \
             returned: None, since sleep has no result unless you pass one.",
        zh: "课程里 await 的第一个例子。在 `await asyncio.sleep(2)` 处协程挂起，事件循环空出两秒\
             （这里没有别的任务可以用这两秒）；之后协程继续执行，await 的值就是 sleep 的返回值：\
             None——sleep 除非传入 result，否则没有结果。",
    },
    python: Text {
        en: include_str!("await_sleep_result.en.py"),
        zh: include_str!("await_sleep_result.py"),
    },
    rust_file: super::super::listing!("ch2/await_sleep_result.rs"),
    expected: &[
        said(
            0,
            "Task-1",
            "running the coroutine function's code",
            "执行协程函数内部代码",
        ),
        said(
            2000,
            "Task-1",
            "IO request done, result: None",
            "IO请求结束,结果为: None",
        ),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[seconds(
        "delay",
        Text {
            en: "sleep",
            zh: "sleep 时长",
        },
        2,
        30,
        &[spot(6, "sleep(", "2")],
    )],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("delay"))) });
