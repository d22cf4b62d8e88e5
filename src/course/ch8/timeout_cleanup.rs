//! A timeout with cleanup: `wait_for` cancels the slow task, and its `finally` still runs.

use crate::print;
use crate::runtime::{sleep, wait_for, Error, Result};

async fn download(length: f64) -> Result<&'static str> {
    print!(py 5, "download starts" | "开始下载");
    let outcome = sleep(length).await; // try:
    print!(py 10, "closing the connection" | "关闭连接"); // finally: runs on cancellation too
    outcome?;
    Ok("data")
}

/// The lesson: give the download 2 s.
pub async fn main(length: f64, timeout: f64) -> Result<()> {
    match wait_for(download(length), Some(timeout)).await {
        Err(Error::Timeout) => {
            print!(py 17, "gave up after {timeout} s" | "等了 {timeout} 秒，放弃了")
        }
        other => {
            other?;
        }
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    said, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "timeout-cleanup",
    title: Text {
        en: "Timeouts with cleanup",
        zh: "超时与清理",
    },
    note: Text {
        en: "wait_for gives the download 2 s. When time is up it cancels the task: \
             CancelledError is raised at the task's await, its finally block closes the \
             connection, and only then does wait_for raise TimeoutError. In Rust the \
             cancellation arrives as Err(Cancelled) from the sleep, and the cleanup runs \
             before the error is passed on with ?.",
        zh: "wait_for 给下载 2 秒。时间到了就取消这个任务：CancelledError 在任务的 await 处抛出，finally 关闭连接，\
             之后 wait_for 才抛出 TimeoutError。Rust 里取消以 sleep 返回 Err(Cancelled) 的形式到达，\
             清理先执行，然后再用 ? 把错误传出去。",
    },
    python: Text {
        en: include_str!("timeout_cleanup.en.py"),
        zh: include_str!("timeout_cleanup.py"),
    },
    rust_file: super::super::listing!("ch8/timeout_cleanup.rs"),
    expected: &[
        said(0, "Task-2", "download starts", "开始下载"),
        said(2000, "Task-2", "closing the connection", "关闭连接"),
        said(2000, "Task-1", "gave up after 2 s", "等了 2 秒，放弃了"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        seconds(
            "download",
            Text {
                en: "the download takes",
                zh: "下载需要",
            },
            5,
            30,
            &[spot(7, "sleep(", "5")],
        ),
        seconds(
            "timeout",
            Text {
                en: "timeout",
                zh: "超时",
            },
            2,
            30,
            // Line 17 shows it in words in both listings ("after 2 s", "等了 2 秒").
            &[spot(15, "timeout=", "2"), spot(17, " ", "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("download"), k.seconds("timeout"))) });
