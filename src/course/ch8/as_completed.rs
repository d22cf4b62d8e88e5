//! `asyncio.as_completed`: take results in the order they finish.

use crate::print;
use crate::runtime::{as_completed, sleep, AsyncIterator, Result};

async fn work(name: &'static str, seconds: f64) -> Result<&'static str> {
    sleep(seconds).await?;
    Ok(name)
}

/// The lesson: three jobs, handled as each one finishes.
pub async fn main(slow: f64, fast: f64, mid: f64) -> Result<()> {
    let mut next_done = as_completed([work("slow", slow), work("fast", fast), work("mid", mid)]);
    while let Some(name) = next_done.anext().await? {
        print!(py 12, "{name}");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "as-completed",
    title: Text {
        en: "as_completed: first finished, first served",
        zh: "as_completed：先完成先处理",
    },
    note: Text {
        en: "gather hands back all results at the end, in argument order. as_completed hands \
             each one back as soon as it is ready: fast after 1 s, mid after 2 s, slow after \
             3 s, so work on the first result can start while the others still run.",
        zh: "gather 在最后按参数顺序一起交回结果；as_completed 则是谁好了就先交回谁：1 秒后 fast，2 秒后 mid，\
             3 秒后 slow，于是处理第一个结果时其他任务还在运行。",
    },
    python: Text {
        en: include_str!("as_completed.en.py"),
        zh: include_str!("as_completed.py"),
    },
    rust_file: super::super::listing!("ch8/as_completed.rs"),
    expected: &[
        line(1000, "Task-1", "fast"),
        line(2000, "Task-1", "mid"),
        line(3000, "Task-1", "slow"),
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
            "slow",
            Text {
                en: "slow sleeps",
                zh: "slow 睡眠",
            },
            3,
            30,
            &[spot(10, r#"work("slow", "#, "3")],
        ),
        seconds(
            "fast",
            Text {
                en: "fast sleeps",
                zh: "fast 睡眠",
            },
            1,
            30,
            &[spot(10, r#"work("fast", "#, "1")],
        ),
        seconds(
            "mid",
            Text {
                en: "mid sleeps",
                zh: "mid 睡眠",
            },
            2,
            30,
            &[spot(10, r#"work("mid", "#, "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture {
    Box::pin(main(k.seconds("slow"), k.seconds("fast"), k.seconds("mid")))
});
