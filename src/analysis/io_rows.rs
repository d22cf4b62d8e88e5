//! Outside work of a run, one row per operation (a download, a worker job, a storage call, a
//! connection): when it started and ended, its progress and how it failed. Built from the
//! Trace incrementally, so a frame costs the events it adds.

use crate::trace::{Event, EventKind, IoId, IoKind, Trace};

/// One operation as the panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoRow {
    /// Its id in the Trace.
    pub io: IoId,
    /// What kind of work.
    pub kind: IoKind,
    /// Its label (a URL, a job, a file).
    pub label: String,
    /// When it started, in ms.
    pub start_ms: u64,
    /// When it ended, if it has.
    pub end_ms: Option<u64>,
    /// Bytes (or units) done so far.
    pub done: u64,
    /// The total, when known.
    pub total: Option<u64>,
    /// The HTTP status it was answered with, if any.
    pub status: Option<u16>,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

impl IoRow {
    /// Progress in whole percent, when the total is known (or 100 once ended well).
    pub fn percent(&self) -> Option<u64> {
        match (self.total, self.end_ms, &self.error) {
            (_, Some(_), None) => Some(100),
            (Some(total), _, _) if total > 0 => Some((self.done.min(total) * 100) / total),
            _ => None,
        }
    }
}

/// Every outside operation of a run, in the order they started.
pub fn io_rows(trace: &Trace) -> Vec<IoRow> {
    let mut rows = Vec::new();
    extend_io_rows(&mut rows, trace.events());
    rows
}

/// Brings `rows` up to date with `events`, the Trace's events after those they were built
/// from. Returns whether anything changed.
pub fn extend_io_rows(rows: &mut Vec<IoRow>, events: &[Event]) -> bool {
    let mut changed = false;
    for event in events {
        changed |= matches!(
            event.kind,
            EventKind::IoStarted { .. }
                | EventKind::IoProgress { .. }
                | EventKind::IoStatus { .. }
                | EventKind::IoEnded { .. }
        );
        match &event.kind {
            EventKind::IoStarted { io, kind, label } => rows.push(IoRow {
                io: *io,
                kind: *kind,
                label: label.to_string(),
                start_ms: event.at_ms(),
                end_ms: None,
                done: 0,
                total: None,
                status: None,
                error: None,
            }),
            EventKind::IoStatus { io, status } => {
                if let Some(row) = rows.iter_mut().rev().find(|r| r.io == *io) {
                    row.status = Some(*status);
                }
            }
            EventKind::IoProgress { io, done, total } => {
                if let Some(row) = rows.iter_mut().rev().find(|r| r.io == *io) {
                    row.done = *done;
                    row.total = *total;
                }
            }
            EventKind::IoEnded { io, error } => {
                if let Some(row) = rows.iter_mut().rev().find(|r| r.io == *io) {
                    row.end_ms = Some(event.at_ms());
                    row.error = error.as_ref().map(|e| e.to_string());
                }
            }
            _ => {}
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::IoRow;
    use crate::trace::{IoId, IoKind};

    #[test]
    fn progress_is_whole_percent_and_full_once_done() {
        let mut row = IoRow {
            io: IoId(1),
            kind: IoKind::Fetch,
            label: "a.png".into(),
            start_ms: 0,
            end_ms: None,
            done: 50,
            total: Some(200),
            status: None,
            error: None,
        };
        assert_eq!(row.percent(), Some(25));
        row.total = None;
        assert_eq!(row.percent(), None);
        row.end_ms = Some(10);
        assert_eq!(row.percent(), Some(100));
        row.error = Some("HTTP 404".into());
        assert_eq!(row.percent(), None);
    }
}
