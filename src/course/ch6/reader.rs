//! A reader that is its own async iterator, counting to 99.

use crate::print;
use crate::runtime::{AsyncIterator, Result};

struct Reader {
    count: u32,
    stop_at: u32,
}

impl Reader {
    async fn readline(&mut self) -> Option<u32> {
        self.count += 1;
        if self.count == self.stop_at {
            return None;
        }
        Some(self.count)
    }
}

impl AsyncIterator for Reader {
    type Item = u32;

    async fn anext(&mut self) -> Result<Option<u32>> {
        Ok(self.readline().await)
    }
}

/// The lesson: `async for item in Reader(): print(item)`.
pub async fn main(stop_at: i64) -> Result<()> {
    let stop_at = stop_at.clamp(1, 1_000_000) as u32;
    let mut reader = Reader { count: 0, stop_at };
    while let Some(item) = reader.anext().await? {
        print!(py 28, "{item}");
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
    id: "reader",
    title: Text {
        en: "A reader counting to 99",
        zh: "数到 99 的 Reader",
    },
    note: Text {
        en: "An object with __aiter__ returning itself and __anext__ is both an async iterable \
             and its iterator. readline never waits here, so all 99 lines come at once: async \
             for does not make anything concurrent by itself; only awaits that really wait give \
             other tasks a turn.",
        zh: "__aiter__ 返回自身、又实现了 __anext__ 的对象，既是异步可迭代对象也是它自己的迭代器。\
             这里 readline 从不真正等待，所以 99 行一下子全部打印：async for 本身不会带来并发，\
             只有真正等待的 await 才会让别的任务运行。",
    },
    python: Text {
        en: include_str!("reader.en.py"),
        zh: include_str!("reader.py"),
    },
    rust_file: super::super::listing!("ch6/reader.rs"),
    expected: &[
        line(0, "Task-1", "1"),
        line(0, "Task-1", "2"),
        line(0, "Task-1", "3"),
        line(0, "Task-1", "4"),
        line(0, "Task-1", "5"),
        line(0, "Task-1", "6"),
        line(0, "Task-1", "7"),
        line(0, "Task-1", "8"),
        line(0, "Task-1", "9"),
        line(0, "Task-1", "10"),
        line(0, "Task-1", "11"),
        line(0, "Task-1", "12"),
        line(0, "Task-1", "13"),
        line(0, "Task-1", "14"),
        line(0, "Task-1", "15"),
        line(0, "Task-1", "16"),
        line(0, "Task-1", "17"),
        line(0, "Task-1", "18"),
        line(0, "Task-1", "19"),
        line(0, "Task-1", "20"),
        line(0, "Task-1", "21"),
        line(0, "Task-1", "22"),
        line(0, "Task-1", "23"),
        line(0, "Task-1", "24"),
        line(0, "Task-1", "25"),
        line(0, "Task-1", "26"),
        line(0, "Task-1", "27"),
        line(0, "Task-1", "28"),
        line(0, "Task-1", "29"),
        line(0, "Task-1", "30"),
        line(0, "Task-1", "31"),
        line(0, "Task-1", "32"),
        line(0, "Task-1", "33"),
        line(0, "Task-1", "34"),
        line(0, "Task-1", "35"),
        line(0, "Task-1", "36"),
        line(0, "Task-1", "37"),
        line(0, "Task-1", "38"),
        line(0, "Task-1", "39"),
        line(0, "Task-1", "40"),
        line(0, "Task-1", "41"),
        line(0, "Task-1", "42"),
        line(0, "Task-1", "43"),
        line(0, "Task-1", "44"),
        line(0, "Task-1", "45"),
        line(0, "Task-1", "46"),
        line(0, "Task-1", "47"),
        line(0, "Task-1", "48"),
        line(0, "Task-1", "49"),
        line(0, "Task-1", "50"),
        line(0, "Task-1", "51"),
        line(0, "Task-1", "52"),
        line(0, "Task-1", "53"),
        line(0, "Task-1", "54"),
        line(0, "Task-1", "55"),
        line(0, "Task-1", "56"),
        line(0, "Task-1", "57"),
        line(0, "Task-1", "58"),
        line(0, "Task-1", "59"),
        line(0, "Task-1", "60"),
        line(0, "Task-1", "61"),
        line(0, "Task-1", "62"),
        line(0, "Task-1", "63"),
        line(0, "Task-1", "64"),
        line(0, "Task-1", "65"),
        line(0, "Task-1", "66"),
        line(0, "Task-1", "67"),
        line(0, "Task-1", "68"),
        line(0, "Task-1", "69"),
        line(0, "Task-1", "70"),
        line(0, "Task-1", "71"),
        line(0, "Task-1", "72"),
        line(0, "Task-1", "73"),
        line(0, "Task-1", "74"),
        line(0, "Task-1", "75"),
        line(0, "Task-1", "76"),
        line(0, "Task-1", "77"),
        line(0, "Task-1", "78"),
        line(0, "Task-1", "79"),
        line(0, "Task-1", "80"),
        line(0, "Task-1", "81"),
        line(0, "Task-1", "82"),
        line(0, "Task-1", "83"),
        line(0, "Task-1", "84"),
        line(0, "Task-1", "85"),
        line(0, "Task-1", "86"),
        line(0, "Task-1", "87"),
        line(0, "Task-1", "88"),
        line(0, "Task-1", "89"),
        line(0, "Task-1", "90"),
        line(0, "Task-1", "91"),
        line(0, "Task-1", "92"),
        line(0, "Task-1", "93"),
        line(0, "Task-1", "94"),
        line(0, "Task-1", "95"),
        line(0, "Task-1", "96"),
        line(0, "Task-1", "97"),
        line(0, "Task-1", "98"),
        line(0, "Task-1", "99"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[Knob {
        id: "stop",
        python: "",
        spots: &[spot(12, "self.count == ", "100")],
        label: Text {
            en: "readline returns None at",
            zh: "readline 在第几次返回 None",
        },
        kind: KnobKind::Int {
            default: 100,
            min: 1,
            max: 1_000_000,
            unit: Unit::Count,
        },
    }],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("stop"))) });
