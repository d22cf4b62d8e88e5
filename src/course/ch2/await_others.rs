//! `response = await others()`: awaiting a coroutine runs all of it and gives its return
//! value; two awaits in a row run one after the other.

use crate::print;
use crate::runtime::{sleep, Result};
use crate::tr;

async fn others(delay: f64) -> Result<String> {
    print!(py 5, "start");
    sleep(delay).await?;
    print!(py 7, "end");
    Ok(tr!("return value" | "返回值"))
}

/// The lesson: `asyncio.run(func())`.
pub async fn main(delay: f64) -> Result<()> {
    print!(py 12, "running the coroutine function's code" | "执行协程函数内部代码");
    let response1 = others(delay).await?; // all of others(), then its value
    print!(py 14, "IO request done, result: {response1}" | "IO请求结束,结果为: {response1}");
    let response2 = others(delay).await?; // only after the first one ended
    print!(py 16, "IO request done, result: {response2}" | "IO请求结束,结果为: {response2}");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, said, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "await-others",
    title: Text {
        en: "await a coroutine: all of it, then its return value",
        zh: "await 协程：等它执行完，得到返回值",
    },
    note: Text {
        en: "The course's third await example. `await others()` runs others to its end (its \
             own await suspends both coroutines for two seconds) and gives what it returned. \
             The second await starts only after the first: awaiting coroutines one after the \
             other takes 2 s + 2 s. There is only one task, so nothing else runs meanwhile.",
        zh: "课程里 await 的第三个例子。`await others()` 让 others 执行到底（它里面的 await 让两个\
             协程一起挂起两秒），并得到它的返回值。第二个 await 要等第一个结束才开始：\
             依次 await 协程，一共 2 秒 + 2 秒。事件循环里只有一个任务，这期间没有别的代码运行。",
    },
    python: Text {
        en: include_str!("await_others.en.py"),
        zh: include_str!("await_others.py"),
    },
    rust_file: super::super::listing!("ch2/await_others.rs"),
    expected: &[
        said(
            0,
            "Task-1",
            "running the coroutine function's code",
            "执行协程函数内部代码",
        ),
        line(0, "Task-1", "start"),
        line(2000, "Task-1", "end"),
        said(
            2000,
            "Task-1",
            "IO request done, result: return value",
            "IO请求结束,结果为: 返回值",
        ),
        line(2000, "Task-1", "start"),
        line(4000, "Task-1", "end"),
        said(
            4000,
            "Task-1",
            "IO request done, result: return value",
            "IO请求结束,结果为: 返回值",
        ),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    order: Order::Exact,
    knobs: &[seconds(
        "delay",
        Text {
            en: "others sleeps",
            zh: "others 睡眠",
        },
        2,
        30,
        &[spot(6, "sleep(", "2")],
    )],
    entry: Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("delay"))) }),
};
