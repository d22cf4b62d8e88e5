//! Mistake 2: awaiting coroutines one by one makes them sequential. Measured: 4 s against 2 s.

use crate::print;
use crate::runtime::{coroutine, gather, sleep, time_ms, Result};

async fn f1(delay: f64) -> Result<()> {
    print!(py 6, "1");
    sleep(delay).await?;
    print!(py 8, "2");
    Ok(())
}

async fn f2(delay: f64) -> Result<()> {
    print!(py 12, "3");
    sleep(delay).await?;
    print!(py 14, "4");
    Ok(())
}

/// Whole seconds, as Python's `round()` gives them.
fn seconds(ms: u64) -> u64 {
    (ms + 500) / 1000
}

/// The lesson: the same two coroutines, awaited in turn, then gathered.
pub async fn main(f1_delay: f64, f2_delay: f64) -> Result<()> {
    let start = time_ms()?;
    f1(f1_delay).await?;
    f2(f2_delay).await?;
    print!(py 21, "sequential: {} s" | "顺序执行：约 {} 秒", seconds(time_ms()? - start));

    let start = time_ms()?;
    gather([coroutine(f1(f1_delay)), coroutine(f2(f2_delay))]).await?;
    print!(py 25, "gather: {} s" | "gather：约 {} 秒", seconds(time_ms()? - start));
    Ok(())
}

// ---- end of listing ----

use super::super::knobs::seconds as seconds_knob;
use super::super::{
    line, said, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Mistake, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "mistake-sequential",
    title: Text {
        en: "Mistake 2: awaiting one by one is sequential",
        zh: "错误 2：逐个 await 等于同步执行",
    },
    note: Text {
        en: "`await f1()` runs f1 to its end before `await f2()` even creates f2: no other task \
             exists, so nothing overlaps and the two 2 s sleeps take 4 s. gather (or wait) turns \
             them into tasks that sleep at the same time: 2 s. The times printed are measured \
             on the run's clock, so on the real clock they are real.",
        zh: "await f1() 要等 f1 跑完，await f2() 才会创建 f2：没有别的任务，什么也没有重叠，两个 2 秒的睡眠花了 4 秒。\
             gather（或 wait）把它们变成同时睡眠的 task：2 秒。打印的时间是在本次运行的时钟上测量的，\
             用真实时钟时就是真实耗时。",
    },
    python: Text {
        en: include_str!("mistake_sequential.en.py"),
        zh: include_str!("mistake_sequential.py"),
    },
    rust_file: super::super::listing!("ch3/mistake_sequential.rs"),
    expected: &[
        line(0, "Task-1", "1"),
        line(2000, "Task-1", "2"),
        line(2000, "Task-1", "3"),
        line(4000, "Task-1", "4"),
        said(4000, "Task-1", "sequential: 4 s", "顺序执行：约 4 秒"),
        line(4000, "Task-2", "1"),
        line(4000, "Task-3", "3"),
        line(6000, "Task-2", "2"),
        line(6000, "Task-3", "4"),
        said(6000, "Task-1", "gather: 2 s", "gather：约 2 秒"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[Mistake::Sequential],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        seconds_knob(
            "f1",
            Text {
                en: "f1 sleeps",
                zh: "f1 睡眠",
            },
            2,
            30,
            &[spot(7, "sleep(", "2")],
        ),
        seconds_knob(
            "f2",
            Text {
                en: "f2 sleeps",
                zh: "f2 睡眠",
            },
            2,
            30,
            &[spot(13, "sleep(", "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("f1"), k.seconds("f2"))) });
