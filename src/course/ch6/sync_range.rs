//! The recap before the async iterator: a plain iterator, `MyRange(10)` in a `for` loop.

use crate::print;
use crate::runtime::Result;

struct MyRange {
    total: u32,
    count: u32,
}

impl MyRange {
    fn new(total: u32) -> Self {
        MyRange { total, count: 0 }
    }
}

impl Iterator for MyRange {
    type Item = u32;

    /// `__next__`: a plain function, so producing a value cannot wait.
    fn next(&mut self) -> Option<u32> {
        if self.count < self.total {
            let x = self.count;
            self.count += 1;
            Some(x)
        } else {
            None // StopIteration
        }
    }
}

/// The lesson: `for i in MyRange(10): print(i)`; no loop involved.
pub fn main(total: i64) -> Result<()> {
    for i in MyRange::new(total.clamp(0, 100) as u32) {
        print!(py 19, "{i}");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Knob, KnobKind, Lesson, Needs, Order, Text, Unit};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "sync-range",
    title: Text {
        en: "Recap: a plain iterator, MyRange(10)",
        zh: "回顾：普通迭代器 MyRange(10)",
    },
    note: Text {
        en: "The recap the course gives before async iterators: an object with __iter__ and \
             __next__ is an iterator, and for calls __next__ until StopIteration. __next__ is \
             a plain method: it cannot wait for anything, so all ten values come at once. \
             The next lesson makes __anext__ a coroutine that waits a second per value. In \
             Rust: impl Iterator, and None for StopIteration.",
        zh: "课程在讲异步迭代器之前的回顾：实现了 __iter__ 和 __next__ 的对象就是迭代器，for \
             不断调用 __next__，直到 StopIteration。__next__ 是普通方法，不能等待任何东西，\
             所以十个值一下子全部打印出来。下一课把 __anext__ 变成协程，每个值等 1 秒。\
             Rust 里是 impl Iterator，用 None 表示 StopIteration。",
    },
    python: Text {
        en: include_str!("sync_range.en.py"),
        zh: include_str!("sync_range.py"),
    },
    rust_file: super::super::listing!("ch6/sync_range.rs"),
    expected: &[
        line(0, "loop", "0"),
        line(0, "loop", "1"),
        line(0, "loop", "2"),
        line(0, "loop", "3"),
        line(0, "loop", "4"),
        line(0, "loop", "5"),
        line(0, "loop", "6"),
        line(0, "loop", "7"),
        line(0, "loop", "8"),
        line(0, "loop", "9"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[Knob {
        id: "total",
        python: "",
        spots: &[super::super::spot(18, "MyRange(", "10")],
        label: Text {
            en: "values",
            zh: "值的个数",
        },
        kind: KnobKind::Int {
            default: 10,
            min: 0,
            max: 100,
            unit: Unit::Count,
        },
    }],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Script(|k| main(k.int("total")));
