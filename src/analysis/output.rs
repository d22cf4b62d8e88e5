//! A run's output as rows: one per printed line, as the output panel lists them and as
//! predict scores them.

use super::matching::Line;
use crate::trace::PrintedLine;

/// One printed line of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The Print event's sequence number (unique within a run).
    pub seq: u64,
    /// Milliseconds since the run began.
    pub at_ms: u64,
    /// The printing task's name.
    pub task: String,
    /// The printed text.
    pub text: String,
    /// Rust listing line.
    pub rust_line: u32,
    /// Python listing line.
    pub py_line: u32,
}

impl From<PrintedLine> for Row {
    fn from(line: PrintedLine) -> Self {
        Row {
            seq: line.seq,
            at_ms: line.at_ms(),
            task: line.task_name.to_string(),
            text: line.text.to_string(),
            rust_line: line.rust_line,
            py_line: line.py_line,
        }
    }
}

impl Line for Row {
    fn at_ms(&self) -> u64 {
        self.at_ms
    }
    fn task(&self) -> &str {
        &self.task
    }
    fn text(&self) -> &str {
        &self.text
    }
}
