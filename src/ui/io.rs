//! The outside-work panel: one row per operation of the run (`analysis::io_rows`), downloads
//! with a progress bar, worker jobs, storage calls and connections.

use leptos::prelude::*;

use super::i18n::{label, t};
use super::session::use_session;
use crate::analysis::io_rows::IoRow;
use crate::trace::IoKind;

/// The panel; hidden when the run did no outside work.
#[component]
pub fn IoPanel() -> impl IntoView {
    let session = use_session();
    let rows = move || session.io.get();
    view! {
        <Show when=move || !session.io.with(Vec::is_empty)>
            <section class="io" data-testid="io" aria-label=label(t("Outside work", "外部 I/O"))>
                <h3>{label(t("Outside work: downloads, workers, storage, requests, mail", "外部 I/O：下载、线程、存储、请求、邮件"))}</h3>
                <ol class="io-rows">
                    <For each=rows key=|row| (row.io, row.end_ms, row.done, row.status) let:row>
                        <IoLine row=row />
                    </For>
                </ol>
            </section>
        </Show>
    }
}

/// The status a row was answered with: an SMTP reply code for a mail, an HTTP status line
/// for the rest.
fn status_words(kind: IoKind, status: u16) -> String {
    match kind {
        IoKind::Mail => format!("SMTP {status}"),
        _ => crate::runtime::web::http::status_line(status),
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
            <span class="io-label">
                {row.label.clone()}
                {row.status.map(|status| view! {
                    <span class="io-status" data-testid="io-status" data-status=status.to_string()>
                        {status_words(row.kind, status)}
                    </span>
                })}
            </span>
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
