//! When a real-clock run's page was hidden. A hidden page's timers are throttled by the
//! browser (to about once a second), so what the run recorded from the moment it was hidden
//! until it was shown again is the browser's delay, not the program's: the output panel and
//! the timeline mark those times. Built from the Trace incrementally, so a frame costs the
//! events it adds.

use crate::trace::{Event, EventKind};

/// One stretch of a run during which its page was hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HiddenSpan {
    /// When the page was hidden, in microseconds since the run began.
    pub from_us: u64,
    /// When it was shown again; `None` while it is still hidden (or the run ended hidden).
    pub to_us: Option<u64>,
    /// The `PageHidden` event's sequence number.
    pub from_seq: u64,
    /// The `PageShown` event's, once there is one.
    pub to_seq: Option<u64>,
}

impl HiddenSpan {
    /// Whether the event `seq` was recorded in the span. Judged by order, not by time: the
    /// runtime records `PageShown` right after the last line that the timers held back while
    /// the page was hidden woke, often within the same microsecond.
    pub fn covers(&self, seq: u64) -> bool {
        seq > self.from_seq && self.to_seq.is_none_or(|to| seq < to)
    }
}

/// Brings `spans` up to date with `events`, the Trace's events after those they were built
/// from. Returns whether anything changed.
pub fn extend_hidden_spans(spans: &mut Vec<HiddenSpan>, events: &[Event]) -> bool {
    let mut changed = false;
    for event in events {
        match event.kind {
            EventKind::PageHidden if spans.last().is_none_or(|s| s.to_seq.is_some()) => {
                spans.push(HiddenSpan {
                    from_us: event.at_us,
                    to_us: None,
                    from_seq: event.seq,
                    to_seq: None,
                });
                changed = true;
            }
            EventKind::PageShown => {
                if let Some(open) = spans.last_mut().filter(|s| s.to_seq.is_none()) {
                    open.to_us = Some(event.at_us);
                    open.to_seq = Some(event.seq);
                    changed = true;
                }
            }
            _ => {}
        }
    }
    changed
}

/// Whether the event `seq` (a print) was recorded while the page was hidden: its time is the
/// browser's delay.
pub fn throttled(spans: &[HiddenSpan], seq: u64) -> bool {
    spans.iter().any(|span| span.covers(seq))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: u64, at_us: u64, kind: EventKind) -> Event {
        Event {
            seq,
            at_us,
            task: None,
            kind,
        }
    }

    #[test]
    fn hidden_and_shown_pair_into_spans_that_cover_what_was_recorded_between_them() {
        let mut spans = Vec::new();
        let events = [
            event(0, 0, EventKind::TaskPolled),
            event(1, 1_200_000, EventKind::PageHidden),
            event(2, 3_500_000, EventKind::TaskPolled),
            event(3, 3_500_000, EventKind::PageShown),
            event(4, 3_500_000, EventKind::TaskPolled),
        ];
        assert!(extend_hidden_spans(&mut spans, &events[..2]));
        assert_eq!(
            spans,
            [HiddenSpan {
                from_us: 1_200_000,
                to_us: None,
                from_seq: 1,
                to_seq: None,
            }]
        );
        assert!(throttled(&spans, 90), "still hidden: open-ended");
        assert!(extend_hidden_spans(&mut spans, &events[2..]));
        assert_eq!(spans[0].to_us, Some(3_500_000));
        assert!(!throttled(&spans, 0));
        assert!(
            throttled(&spans, 2),
            "printed late, in the microsecond the page is shown"
        );
        assert!(
            !throttled(&spans, 4),
            "in the same microsecond, after it: on time"
        );
    }

    #[test]
    fn a_repeated_hide_or_a_show_without_a_hide_changes_nothing() {
        let mut spans = Vec::new();
        assert!(!extend_hidden_spans(
            &mut spans,
            &[event(0, 5, EventKind::PageShown)]
        ));
        extend_hidden_spans(&mut spans, &[event(1, 10, EventKind::PageHidden)]);
        assert!(!extend_hidden_spans(
            &mut spans,
            &[event(2, 20, EventKind::PageHidden)]
        ));
        assert_eq!(
            spans,
            [HiddenSpan {
                from_us: 10,
                to_us: None,
                from_seq: 1,
                to_seq: None,
            }]
        );
    }

    #[test]
    fn a_run_with_no_hidden_page_has_no_span_and_nothing_throttled() {
        let mut spans = Vec::new();
        assert!(!extend_hidden_spans(
            &mut spans,
            &[event(0, 0, EventKind::RunStopped)]
        ));
        assert!(!throttled(&spans, 0));
    }
}
