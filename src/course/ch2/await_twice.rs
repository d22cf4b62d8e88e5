//! Awaiting the same coroutine function twice: two calls, two coroutine objects, one after
//! the other.

use crate::runtime::{sleep, Result};
use crate::{print, tr};

async fn others() -> Result<String> {
    print!(py 5, "start");
    sleep(2.0).await?;
    print!(py 7, "end");
    Ok(tr!("return value" | "返回值"))
}

async fn func() -> Result<()> {
    print!(py 12, "func begins" | "执行协程函数内部代码");
    let response1 = others().await?;
    print!(py 15, "IO finished, result: {response1}" | "IO请求结束,结果为: {response1}");
    let response2 = others().await?;
    print!(py 17, "IO finished, result: {response2}" | "IO请求结束,结果为: {response2}");
    Ok(())
}

/// The lesson: `asyncio.run(func())`.
pub async fn main() -> Result<()> {
    func().await
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "await-twice",
    title: Text {
        en: "Awaiting a coroutine that returns a value, twice",
        zh: "两次 await 有返回值的协程",
    },
    note: Text {
        en: "Each call to others() makes a new coroutine object; awaiting it suspends func until \
             it returns, then gives func its return value. The second await starts only after \
             the first has finished: 2 s, then 2 s more.",
        zh: "每次调用 others() 都得到一个新的协程对象；await 它会挂起 func 直到它返回，再把返回值交给 func。\
             第二次 await 要等第一次结束才开始：先 2 秒，再 2 秒。",
    },
    python: Text {
        en: include_str!("await_twice.en.py"),
        zh: include_str!("await_twice.py"),
    },
    rust_file: super::super::listing!("ch2/await_twice.rs"),
    expected: &[
        said(0, "Task-1", "func begins", "执行协程函数内部代码"),
        line(0, "Task-1", "start"),
        line(2000, "Task-1", "end"),
        said(2000, "Task-1", "IO finished, result: return value", "IO请求结束,结果为: 返回值"),
        line(2000, "Task-1", "start"),
        line(4000, "Task-1", "end"),
        said(4000, "Task-1", "IO finished, result: return value", "IO请求结束,结果为: 返回值"),
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
