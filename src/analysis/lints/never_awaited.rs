//! A coroutine made and dropped without being awaited: the runtime records it when the
//! lesson's code drops one unpolled (Python warns "coroutine '…' was never awaited").

use super::{Finding, Lint, Rule, Watch};
use crate::trace::{Event, EventKind};

#[derive(Default)]
pub(super) struct NeverAwaited {
    found: Vec<Lint>,
}

impl Rule for NeverAwaited {
    fn see(&mut self, event: &Event, _: &Watch) {
        if let EventKind::CoroutineNeverAwaited { name, line } = &event.kind {
            self.found.push(Lint {
                finding: Finding::NeverAwaited {
                    name: name.to_string(),
                    line: *line,
                },
                seq: event.seq,
            });
        }
    }

    fn found(self: Box<Self>) -> Vec<Lint> {
        self.found
    }
}
