//! When a real-clock run's page was hidden, and from when its times were the program's again.
//!
//! A hidden page's timers are throttled by the browser (to about once a second), so what a
//! run records from `PageHidden` on is the browser's delay. Showing the page again does not
//! end that at once: the timers it held back fire in the browser's next tasks, which may come
//! after its `visibilitychange` event, and what they wake prints late too. So `PageShown` is
//! recorded once no timer due before the page was shown is left and the loop has run what
//! those timers woke (it has nothing ready); at once if nothing was held back. A virtual-clock
//! run keeps exact times either way, and records neither.
//!
//! Invariants:
//! - `PageHidden` and `PageShown` alternate in the Trace, `PageHidden` first.
//! - `shown_pending` is set only between a `visibilitychange` to visible and its `PageShown`;
//!   a run that ends meanwhile records `PageShown` before its end.

use super::{Clock, RunInner};
use crate::trace::EventKind;

impl RunInner {
    /// The host's `visibilitychange`: the page became hidden or visible.
    pub(super) fn page_visibility_changed(&self, hidden: bool) {
        if !matches!(self.time.clock(), Clock::Real { .. }) || !self.is_running() {
            return;
        }
        if hidden {
            // Hidden again before the held-back timers fired: the span never ended.
            if self.state.borrow_mut().shown_pending.take().is_none() {
                self.record(None, EventKind::PageHidden);
                self.notify();
            }
            return;
        }
        let shown_at = self.now_us();
        self.state.borrow_mut().shown_pending = Some(shown_at);
        self.release_shown();
    }

    /// Records `PageShown` if the page was shown again and no timer it held back is left. Called
    /// as the page is shown and whenever the loop has nothing ready.
    pub(super) fn release_shown(&self) {
        let released = {
            let mut state = self.state.borrow_mut();
            let held_back = match state.shown_pending {
                Some(shown_at) => state
                    .timers
                    .next_due()
                    .is_some_and(|due| due.due_us <= shown_at),
                None => return,
            };
            !held_back && state.ready.is_empty() && state.shown_pending.take().is_some()
        };
        if released {
            self.record(None, EventKind::PageShown);
            self.notify();
        }
    }

    /// The run ends while timers the page held back were still to fire: its times were the
    /// browser's until the end.
    pub(super) fn end_shown_pending(&self) {
        if self.state.borrow_mut().shown_pending.take().is_some() {
            self.record(None, EventKind::PageShown);
        }
    }
}
