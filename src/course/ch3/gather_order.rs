//! `asyncio.gather` returns results in the order of its arguments, not in finishing order.

use crate::course::py;
use crate::print;
use crate::runtime::{gather, sleep, Result};

async fn work(name: &'static str, seconds: f64) -> Result<&'static str> {
    print!(py 5, "{name} start" | "{name} 开始");
    sleep(seconds).await?;
    print!(py 7, "{name} end" | "{name} 结束");
    Ok(name)
}

/// The lesson: three coroutines of different lengths, gathered.
pub async fn main(slow: f64, fast: f64, mid: f64) -> Result<()> {
    let results = gather([work("slow", slow), work("fast", fast), work("mid", mid)]).await?;
    print!(py 14, "{}", py::str_list(&results));
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, said, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "gather-order",
    title: Text {
        en: "gather: results in argument order",
        zh: "gather：结果按参数顺序排列",
    },
    note: Text {
        en: "gather wraps each coroutine in a task and runs them together: fast ends first, slow \
             last, yet the result list follows the order the coroutines were passed in. The \
             whole gather takes as long as the slowest (3 s), not the sum (6 s).",
        zh: "gather 把每个协程包成 task 并发运行：fast 最先结束、slow 最后结束，但结果列表仍按传入顺序排列。\
             整个 gather 的耗时等于最慢的那个（3 秒），而不是总和（6 秒）。",
    },
    python: Text {
        en: include_str!("gather_order.en.py"),
        zh: include_str!("gather_order.py"),
    },
    rust_file: super::super::listing!("ch3/gather_order.rs"),
    expected: &[
        said(0, "Task-2", "slow start", "slow 开始"),
        said(0, "Task-3", "fast start", "fast 开始"),
        said(0, "Task-4", "mid start", "mid 开始"),
        said(1000, "Task-3", "fast end", "fast 结束"),
        said(2000, "Task-4", "mid end", "mid 结束"),
        said(3000, "Task-2", "slow end", "slow 结束"),
        line(3000, "Task-1", "['slow', 'fast', 'mid']"),
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
            &[spot(13, r#"work("slow", "#, "3")],
        ),
        seconds(
            "fast",
            Text {
                en: "fast sleeps",
                zh: "fast 睡眠",
            },
            1,
            30,
            &[spot(13, r#"work("fast", "#, "1")],
        ),
        seconds(
            "mid",
            Text {
                en: "mid sleeps",
                zh: "mid 睡眠",
            },
            2,
            30,
            &[spot(13, r#"work("mid", "#, "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture {
    Box::pin(main(k.seconds("slow"), k.seconds("fast"), k.seconds("mid")))
});
