//! Generators: `yield from` hands over another generator's values in the middle of its own.

use crate::print;
use crate::runtime::Result;
use std::iter::once;

// A Python generator is a lazy sequence; a Rust iterator is the same idea. `chain` is
// `yield from`: everything f2 yields comes out between f1's own two values.
fn f1() -> impl Iterator<Item = u32> {
    once(1).chain(f2()).chain(once(2))
}

fn f2() -> impl Iterator<Item = u32> {
    [3, 4].into_iter()
}

/// The lesson: the `for` loop pulls values one at a time.
pub fn main() -> Result<()> {
    for value in f1() {
        print!(py 13, "{value}");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "yield-from",
    title: Text {
        en: "Generators and yield from",
        zh: "生成器与 yield from",
    },
    note: Text {
        en: "A generator pauses at each yield and resumes when asked for the next value. \
             `yield from f2()` lends the floor to f2 until it is exhausted: 1 3 4 2. This \
             pause-and-resume is what coroutines are built on.",
        zh: "生成器在每个 yield 处暂停，被要下一个值时再继续。yield from f2() 把发言权交给 f2，\
             直到它产完为止：1 3 4 2。协程正是建立在这种“暂停—恢复”之上。",
    },
    python: Text {
        en: include_str!("yield_from.en.py"),
        zh: include_str!("yield_from.py"),
    },
    rust_file: super::super::listing!("ch1/yield_from.rs"),
    expected: &[
        line(0, "loop", "1"),
        line(0, "loop", "3"),
        line(0, "loop", "4"),
        line(0, "loop", "2"),
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
