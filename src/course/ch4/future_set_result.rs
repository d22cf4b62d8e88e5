//! Another task resolves the future after 2 s; `gather` waits for both.

use std::future::IntoFuture;

use crate::course::py;
use crate::runtime::{create_task, gather, sleep, Future, Result};
use crate::{print, tr};

async fn set_after(fut: Future<Option<String>>, delay: f64) -> Result<Option<String>> {
    sleep(delay).await?;
    fut.set_result(Some(tr!("done" | "可以结束了")))?;
    Ok(None) // a coroutine without `return` gives None
}

/// The lesson: a future, a task that resolves it, and a gather of the two.
pub async fn main(delay: f64) -> Result<()> {
    let fut = Future::new()?;
    let task = create_task(set_after(fut.clone(), delay))?;
    let data = gather([create_task(fut.into_future())?, task]).await?;
    let shown: Vec<String> = data
        .iter()
        .map(|value| value.as_deref().map_or("None".to_string(), py::str_repr))
        .collect();
    print!(py 14, "[{}]", shown.join(", "));
    Ok(())
}

// ---- end of listing ----

use super::super::{
    said, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "future-set-result",
    title: Text {
        en: "set_result from another task",
        zh: "由另一个任务 set_result",
    },
    note: Text {
        en: "set_after sleeps 2 s, then sets the future's result; that ends the wait. gather \
             returns both results in order: the future's \"done\" and the task's None (a \
             coroutine without return). A Task is a Future that sets its own result when its \
             coroutine returns.",
        zh: "set_after 睡 2 秒后给 future 设置结果，等待随之结束。gather 按顺序返回两个结果：\
             future 的 \"可以结束了\" 和 task 的 None（没有 return 的协程）。Task 就是一个在协程返回时自己设置结果的 Future。",
    },
    python: Text {
        en: include_str!("future_set_result.en.py"),
        zh: include_str!("future_set_result.py"),
    },
    rust_file: super::super::listing!("ch4/future_set_result.rs"),
    expected: &[said(2000, "Task-1", "['done', None]", "['可以结束了', None]")],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        seconds(
            "delay",
            Text {
                en: "set_result after",
                zh: "多久后 set_result",
            },
            2,
            30,
            &[spot(5, "sleep(", "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("delay"))) });
