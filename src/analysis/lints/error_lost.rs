//! A task that failed while nobody awaited it, gathered it or asked for its result: the
//! runtime records it when the run ends (Python logs "Task exception was never retrieved").

use super::{Finding, Lint, Rule, Watch};
use crate::trace::{Event, EventKind};

#[derive(Default)]
pub(super) struct ErrorLost {
    found: Vec<Lint>,
}

impl Rule for ErrorLost {
    fn see(&mut self, event: &Event, watch: &Watch) {
        if let (EventKind::ErrorNeverRetrieved { error }, Some(task)) = (&event.kind, event.task) {
            self.found.push(Lint {
                finding: Finding::ErrorLost {
                    task: watch.name(task),
                    error: error.to_string(),
                },
                seq: event.seq,
            });
        }
    }

    fn found(self: Box<Self>) -> Vec<Lint> {
        self.found
    }
}
