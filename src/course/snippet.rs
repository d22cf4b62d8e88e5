//! The code page's lesson (`#/code`, `#/embed/code`): no Rust program and no knobs; its
//! Python is whatever the learner types or the host page sends, run on the interpreter.
//!
//! It has no expected output of its own. Predict mode on a snippet arranges the lines a first,
//! hidden run of it printed on the virtual clock: [`with_expected`] makes the lesson record
//! that carries them. A record lives as long as the page (the predict state points at it), so
//! records are kept per distinct output and never made twice for the same lines.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::knobs::KnobReader;
use super::lesson::{
    Cpython, Ends, Entry, Expected, Lesson, LessonFuture, Needs, Order, RustFile, Text,
};
use crate::runtime;

/// Its id: the one lesson id that is not in the catalog.
pub const ID: &str = "code";

/// What the code page starts with: a small program whose tasks interleave.
pub const STARTER: Text = Text {
    en: include_str!("snippet/starter.en.py"),
    zh: include_str!("snippet/starter.py"),
};

/// A snippet runs only as Python: Run never asks for this (the page runs the code on the
/// interpreter), and a caller that does gets a clear error, not a silent success.
fn no_rust_program(_: &KnobReader) -> LessonFuture {
    Box::pin(async {
        Err(runtime::Error::raised(
            "RuntimeError: a snippet runs only as Python, on the interpreter",
        ))
    })
}

/// How a snippet starts as a lesson: it does not (it runs as Python, on the interpreter).
pub const ENTRY: Entry = Entry::Run(no_rust_program);

/// The record with no expected lines.
static BLANK: Lesson = Lesson {
    id: ID,
    title: Text {
        en: "Your code",
        zh: "你的代码",
    },
    note: Text {
        en: "Any asyncio program, run on the same loop as the lessons: the output, the timeline of its tasks, replay and the loop's internals work as for a lesson. Its Python is interpreted in the page (Python 3.11's language and errors; the standard library's asyncio, time, random, math and functools).",
        zh: "任意 asyncio 程序，与课程示例在同一个事件循环上运行：输出、任务时间线、回放和事件循环内部都与课程示例一样。Python 代码在页面里解释执行（Python 3.11 的语法和错误信息；标准库的 asyncio、time、random、math 和 functools）。",
    },
    python: STARTER,
    rust_file: RustFile(""),
    expected: &[],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// A printed line as the hidden run gave it: milliseconds, task, text.
pub type Printed = (u64, String, String);

thread_local! {
    static CURRENT: Cell<&'static Lesson> = const { Cell::new(&BLANK) };
    static MADE: RefCell<HashMap<Vec<Printed>, &'static Lesson>> = RefCell::default();
}

/// The snippet lesson as it stands: the blank record, or the last one [`with_expected`] made.
pub fn current() -> &'static Lesson {
    CURRENT.with(Cell::get)
}

/// Back to the blank record (a new snippet was loaded: the old lines say nothing of it).
pub fn forget_expected() {
    CURRENT.with(|current| current.set(&BLANK));
}

/// Makes the snippet lesson expect these lines (`(ms, task, text)`, as a run printed them) and
/// returns it. The same lines give the same record.
pub fn with_expected(lines: Vec<Printed>) -> &'static Lesson {
    let lesson = MADE.with(|made| {
        *made.borrow_mut().entry(lines.clone()).or_insert_with(|| {
            let expected: Vec<Expected> = lines
                .into_iter()
                .map(|(at_ms, task, text)| Expected {
                    at_ms,
                    task: Box::leak(task.into_boxed_str()),
                    words: Text::same(Box::leak(text.into_boxed_str())),
                })
                .collect();
            Box::leak(Box::new(Lesson {
                expected: Box::leak(expected.into_boxed_slice()),
                ..BLANK
            }))
        })
    });
    CURRENT.with(|current| current.set(lesson));
    lesson
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_lines_make_one_record() {
        let lines = vec![(0, "Task-1".to_string(), "hi".to_string())];
        let first = with_expected(lines.clone());
        assert!(std::ptr::eq(first, with_expected(lines)));
        assert!(std::ptr::eq(current(), first));
        assert_eq!(first.expected[0].text(crate::lang::Lang::Zh), "hi");
        assert_eq!(first.id, ID);
        forget_expected();
        assert!(current().expected.is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn asking_it_for_rust_says_there_is_none() {
        let run = BLANK.start(runtime::Clock::Virtual);
        runtime::host::run_until_idle();
        let status = format!("{:?}", run.status());
        assert!(status.contains("only as Python"), "{status}");
    }
}
