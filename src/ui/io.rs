//! Outside work of a run, one row each: downloads with a progress bar, worker jobs, storage
//! calls and connections, with when they started and ended and how.

use leptos::prelude::*;

use super::i18n::{label, t};
use super::session::use_session;
use crate::runtime::trace::{Event, EventKind, IoKind, Trace};

/// One operation as the panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoRow {
    /// Its id in the Trace.
    pub io: u64,
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
            EventKind::IoStarted { .. } | EventKind::IoProgress { .. } | EventKind::IoEnded { .. }
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
                error: None,
            }),
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

/// The panel; hidden when the run did no outside work.
#[component]
pub fn IoPanel() -> impl IntoView {
    let session = use_session();
    let rows = move || session.io.get();
    view! {
        <Show when=move || !session.io.with(Vec::is_empty)>
            <section class="io" data-testid="io" aria-label=label(t("Outside work", "外部 I/O"))>
                <h3>{label(t("Outside work: downloads, workers, storage", "外部 I/O：下载、线程、存储"))}</h3>
                <ol class="io-rows">
                    <For each=rows key=|row| (row.io, row.end_ms, row.done) let:row>
                        <IoLine row=row />
                    </For>
                </ol>
            </section>
        </Show>
    }
}

#[component]
fn IoLine(row: IoRow) -> impl IntoView {
    let percent = row.percent();
    let state = match (&row.error, row.end_ms) {
        (Some(_), _) => "failed",
        (None, Some(_)) => "done",
        (None, None) => "running",
    };
    let bytes = match (row.kind, row.total) {
        (IoKind::Fetch, Some(total)) => format!("{} / {total} B", row.done),
        (IoKind::Fetch, None) => format!("{} B", row.done),
        _ => String::new(),
    };
    let time = match row.end_ms {
        Some(end) => format!("+{}–{end} ms", row.start_ms),
        None => format!("+{} ms…", row.start_ms),
    };
    view! {
        <li class=format!("io-row {state}") data-testid="io-row" data-state=state>
            <span class="io-kind">{row.kind.name()}</span>
            <span class="io-label">{row.label.clone()}</span>
            <span
                class="io-bar"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent.map(|p| p.to_string())
            >
                <span class="io-fill" style=format!("width: {}%", percent.unwrap_or(0))></span>
            </span>
            <span class="io-bytes">{bytes}</span>
            <span class="io-time">{time}</span>
            {row.error.map(|e| view! { <span class="io-error" data-testid="io-error">{e}</span> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::IoRow;
    use crate::runtime::IoKind;

    #[test]
    fn progress_is_whole_percent_and_full_once_done() {
        let mut row = IoRow {
            io: 1,
            kind: IoKind::Fetch,
            label: "a.png".into(),
            start_ms: 0,
            end_ms: None,
            done: 50,
            total: Some(200),
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
