//! Awaiting a future that nobody resolves waits forever.

use crate::print;
use crate::runtime::{Future, Result};

/// The lesson: create a future, await it, and wait.
pub async fn main() -> Result<()> {
    let fut = Future::<()>::new()?;
    print!(py 7, "waiting for the future..." | "等待 future 的结果...");
    fut.await?;
    print!(py 9, "never printed" | "这一行永远不会打印");
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "future-pending",
    title: Text {
        en: "A future nobody resolves",
        zh: "没人设置结果的 future",
    },
    note: Text {
        en: "A Future is a placeholder for a result that someone else will set. Nobody sets this \
             one, no timer is pending, and nothing else can run: the program waits forever, as \
             it does in Python. Press Stop to end it; Stop cancels the waiting task cleanly.",
        zh: "Future 是一个占位符，等别人来设置结果。这里没人设置它，也没有任何定时器，别的什么也不会运行：\
             程序永远等下去，和 Python 一样。按“停止”结束它；停止会干净地取消正在等待的任务。",
    },
    python: Text {
        en: include_str!("future_pending.en.py"),
        zh: include_str!("future_pending.py"),
    },
    rust_file: super::super::listing!("ch4/future_pending.rs"),
    expected: &[said(0, "Task-1", "waiting for the future...", "等待 future 的结果...")],
    cpython: Cpython::Runs,
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
