//! Helpers shared by the native and the browser test files.
#![allow(dead_code)]

use loopscope::examples::{Expected, Lesson};
use loopscope::runtime::trace::PrintedLine;

/// The printed lines as (ms, task, text), the shape lessons state their expectations in.
pub fn observed(lines: &[PrintedLine]) -> Vec<(u64, String, String)> {
    lines
        .iter()
        .map(|l| (l.at_ms(), l.task_name.to_string(), l.text.to_string()))
        .collect()
}

/// The lesson's expected lines in the same shape.
pub fn expected(lesson: &Lesson) -> Vec<(u64, String, String)> {
    lesson
        .expected
        .iter()
        .map(|Expected { at_ms, task, text }| (*at_ms, task.to_string(), text.to_string()))
        .collect()
}

/// Checks that every printed line points at a `print(` in the Python listing and a `print!(`
/// in the Rust listing, so hovering a line in the page highlights the right source.
pub fn assert_source_lines(lesson: &Lesson, lines: &[PrintedLine]) {
    let python: Vec<&str> = lesson.python.lines().collect();
    let rust: Vec<&str> = lesson.rust_listing().lines().collect();
    for line in lines {
        let py = python.get(line.py_line as usize - 1).copied().unwrap_or("");
        assert!(
            py.contains("print("),
            "{}: {:?} names Python line {}, which is {:?}",
            lesson.id,
            line.text,
            line.py_line,
            py
        );
        let rs = rust.get(line.rust_line as usize - 1).copied().unwrap_or("");
        assert!(
            rs.contains("print!("),
            "{}: {:?} names Rust line {}, which is {:?}",
            lesson.id,
            line.text,
            line.rust_line,
            rs
        );
    }
}
