//! Calling a coroutine function runs none of its body: it only makes a coroutine object.

use crate::runtime::Result;
use crate::{print, tr};

async fn func() -> Result<String> {
    print!(py 5, "inside func" | "协程内部代码");
    Ok(tr!("done" | "完成"))
}

/// The lesson: create the coroutine, print, then run it.
pub async fn main() -> Result<()> {
    // Rust futures are lazy too: `func()` builds a state machine and runs none of its code.
    let coro = func();
    print!(py 10, "coroutine created" | "协程对象已创建");
    let result = coro.await?;
    print!(py 12, "{result}");
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "coroutine-object",
    title: Text {
        en: "A coroutine object does nothing until run",
        zh: "协程对象不运行就什么也不做",
    },
    note: Text {
        en: "func() returns a coroutine object and runs nothing: \"coroutine created\" comes \
             before \"inside func\". Only handing it to the loop runs its body. Rust futures are \
             lazy in exactly the same way.",
        zh: "func() 只返回协程对象，函数体一行也不执行：所以“协程对象已创建”先于“协程内部代码”出现。\
             交给事件循环后函数体才运行。Rust 的 future 同样是惰性的。",
    },
    python: Text {
        en: include_str!("coroutine_object.en.py"),
        zh: include_str!("coroutine_object.py"),
    },
    rust_file: super::super::listing!("ch2/coroutine_object.rs"),
    expected: &[
        said(0, "Task-1", "coroutine created", "协程对象已创建"),
        said(0, "Task-1", "inside func", "协程内部代码"),
        said(0, "Task-1", "done", "完成"),
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
