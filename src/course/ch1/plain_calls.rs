//! Plain calls: each function runs to its end before the next one starts.

use crate::print;
use crate::runtime::Result;

fn f1() {
    print!(py 2, "1");
    print!(py 3, "2");
}

fn f2() {
    print!(py 7, "3");
    print!(py 8, "4");
}

/// The lesson: no loop, no waiting, just two calls in a row.
pub fn main() -> Result<()> {
    f1();
    f2();
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "plain-calls",
    title: Text {
        en: "Plain function calls",
        zh: "普通的函数调用",
    },
    note: Text {
        en: "Synchronous code: f1 runs from its first line to its last before f2 begins, so the \
             output is 1 2 3 4. Nothing can take turns yet.",
        zh: "同步执行：f1 从头跑到尾，f2 才开始，所以输出 1 2 3 4。此时还谈不上“轮流”。",
    },
    python: Text {
        en: include_str!("plain_calls.en.py"),
        zh: include_str!("plain_calls.py"),
    },
    rust_file: super::super::listing!("ch1/plain_calls.rs"),
    expected: &[
        line(0, "loop", "1"),
        line(0, "loop", "2"),
        line(0, "loop", "3"),
        line(0, "loop", "4"),
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
pub const ENTRY: Entry = Entry::Script(|_| main());
