//! The page's words: every sentence built from a run's facts, in both languages, in one place.
//! Analysis returns facts (a wait, a verdict, a divergence, a lint, a loop model); these
//! functions say them. Fixed labels stay beside their component as `t("…", "…")` pairs.

mod events;
mod hidden;
mod internals;
mod knobs;
mod lines;
mod link;
mod lints;
mod predict;
mod timeline;
mod verdict;
mod waits;

pub use events::{done_owner, event_words, replay_note_words};
pub use hidden::{hidden_note_words, throttled_row_words};
pub use internals::{lines_label, more, queued_label, state_label, task_name, timer_label};
pub use knobs::knob_error_words;
pub use lines::Lines;
pub use link::link_issue_words;
pub use lints::lint_words;
pub use predict::{divergence_words, line_moved_words, progress_words, score_words};
pub use timeline::{lane_summary, lanes_not_drawn, print_mark_words};
pub use verdict::{verdict, verdict_words, Verdict};
pub use waits::wait_words;

use crate::analysis::lanes::Lane;
use crate::analysis::model::LoopModel;
use crate::trace::Trace;

/// Where words find a task's name by its index, without copying every name (a run may have
/// 100,000 tasks and the page speaks of a few).
pub trait TaskNames {
    /// The name of the task made `index`-th, if there is one.
    fn name_of(&self, index: usize) -> Option<&str>;
}

// Taken as `&dyn TaskNames`: one copy of each function of words, not one per kind of names.

impl TaskNames for &[String] {
    fn name_of(&self, index: usize) -> Option<&str> {
        self.get(index).map(String::as_str)
    }
}

impl TaskNames for Vec<String> {
    fn name_of(&self, index: usize) -> Option<&str> {
        self.get(index).map(String::as_str)
    }
}

impl TaskNames for &[Lane] {
    fn name_of(&self, index: usize) -> Option<&str> {
        self.get(index).map(|lane| lane.name.as_str())
    }
}

impl TaskNames for Vec<Lane> {
    fn name_of(&self, index: usize) -> Option<&str> {
        self.get(index).map(|lane| lane.name.as_str())
    }
}

impl TaskNames for LoopModel {
    fn name_of(&self, index: usize) -> Option<&str> {
        self.tasks.get(index).map(|task| &*task.name)
    }
}

impl TaskNames for Trace {
    fn name_of(&self, index: usize) -> Option<&str> {
        Trace::name_of(self, index)
    }
}
