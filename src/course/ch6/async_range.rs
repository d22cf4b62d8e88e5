//! An async iterator: `async for` over values that each take a second to produce.

use crate::print;
use crate::runtime::{sleep, AsyncIterator, Result};

struct MyRange {
    total: u32,
    count: u32,
}

impl MyRange {
    fn new(total: u32) -> Self {
        MyRange { total, count: 0 }
    }
}

impl AsyncIterator for MyRange {
    type Item = u32;

    async fn anext(&mut self) -> Result<Option<u32>> {
        if self.count < self.total {
            sleep(1.0).await?;
            let x = self.count;
            self.count += 1;
            Ok(Some(x))
        } else {
            Ok(None) // StopAsyncIteration
        }
    }
}

/// The lesson: `async for i in MyRange(10): print(i)`.
pub async fn main(total: i64) -> Result<()> {
    let mut range = MyRange::new(total.clamp(0, 100) as u32);
    while let Some(i) = range.anext().await? {
        print!(py 23, "{i}");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, spot, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text,
    Unit,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "async-range",
    title: Text {
        en: "Async iterator: MyRange(10)",
        zh: "异步迭代器：MyRange(10)",
    },
    note: Text {
        en: "__anext__ is a coroutine, so producing each value may wait: here one second per \
             value, 0 to 9 over 10 s. async for awaits it each time and stops at \
             StopAsyncIteration. In Rust: while let Some(i) = range.anext().await?.",
        zh: "__anext__ 是协程，产生每个值时都可以等待：这里每个值等 1 秒，10 秒内打印 0 到 9。\
             async for 每次都 await 它，遇到 StopAsyncIteration 结束。Rust 写作 while let Some(i) = range.anext().await?。",
    },
    python: Text {
        en: include_str!("async_range.en.py"),
        zh: include_str!("async_range.py"),
    },
    rust_file: super::super::listing!("ch6/async_range.rs"),
    expected: &[
        line(1000, "Task-1", "0"),
        line(2000, "Task-1", "1"),
        line(3000, "Task-1", "2"),
        line(4000, "Task-1", "3"),
        line(5000, "Task-1", "4"),
        line(6000, "Task-1", "5"),
        line(7000, "Task-1", "6"),
        line(8000, "Task-1", "7"),
        line(9000, "Task-1", "8"),
        line(10000, "Task-1", "9"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        Knob {
            id: "total",
            python: "",
            spots: &[spot(22, "MyRange(", "10")],
            label: Text {
                en: "how many values",
                zh: "取多少个值",
            },
            kind: KnobKind::Int {
                default: 10,
                min: 0,
                max: 100,
                unit: Unit::Count,
            },
        },
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("total"))) });
