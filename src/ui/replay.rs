//! Replay: after a run, walk its Trace event by event (a scrubber and step buttons), with the
//! output, the timeline and both listings following the cursor.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::use_session;
use super::words::{event_words, Lines};
use crate::trace::{Event, EventKind};

/// A `blob:` URL holding the current run as Chrome trace JSON (the previous one is revoked).
fn trace_file_url(session: super::session::Session) -> Option<String> {
    let json = session.with_trace(|trace| {
        crate::analysis::export::chrome_trace(
            trace,
            session.lesson_id.get_untracked(),
            &|on, names| super::words::wait_words(on, &names, super::i18n::Lang::En),
        )
    })?;
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    LAST_URL.with(|last| {
        if let Some(old) = last.replace(Some(url.clone())) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
    Some(url)
}

thread_local! {
    static LAST_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The replay bar, shown once a run has ended.
#[component]
pub fn Replay() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let ended = move || session.can_replay();
    let last = move || session.event_count.get().saturating_sub(1) as u64;
    let at = move || session.cursor.get().unwrap_or_else(last);
    let go = move |seq: u64| session.cursor.set(Some(seq.min(last())));
    // The next (or previous) Print event from the cursor, if any.
    let print_from = move |forward: bool| {
        let from = at();
        session
            .with_trace(|trace| {
                let is_print = |e: &&Event| matches!(e.kind, EventKind::Print { .. });
                let events = trace.events();
                if forward {
                    events
                        .iter()
                        .skip(from as usize + 1)
                        .find(is_print)
                        .map(|e| e.seq)
                } else {
                    events
                        .iter()
                        .take(from as usize)
                        .rev()
                        .find(is_print)
                        .map(|e| e.seq)
                }
            })
            .flatten()
    };
    let description = move || {
        let seq = at();
        let lang = lang.get();
        session
            .with_trace(|trace| {
                trace
                    .events()
                    .get(seq as usize)
                    .map(|e| event_words(trace, e, &Lines::of(session.lesson()), lang))
            })
            .flatten()
            .unwrap_or_default()
    };
    view! {
        <Show when=ended>
            <div class="replay" data-testid="replay" role="group" aria-label=label(t("Replay", "回放"))>
                <span class="replay-label">{label(t("Replay", "回放"))}</span>
                <button data-testid="step-first" title=label(t("First event", "第一个事件")) on:click=move |_| go(0)>{label(t("« Start", "« 开头"))}</button>
                <button
                    data-testid="step-prev-print"
                    title=label(t("Previous print", "上一个输出"))
                    on:click=move |_| go(print_from(false).unwrap_or(0))
                >
                    {label(t("◀ Print", "◀ 上一输出"))}
                </button>
                <button data-testid="step-prev" title=label(t("Previous event", "上一个事件")) on:click=move |_| go(at().saturating_sub(1))>{label(t("◀ Step", "◀ 上一步"))}</button>
                <input
                    type="range"
                    data-testid="scrubber"
                    min="0"
                    max=move || last().to_string()
                    prop:value=move || at().to_string()
                    aria-label=label(t("Event", "事件"))
                    on:input=move |ev| {
                        if let Ok(seq) = event_target_value(&ev).parse::<u64>() {
                            go(seq);
                        }
                    }
                />
                <button data-testid="step-next" title=label(t("Next event", "下一个事件")) on:click=move |_| go(at() + 1)>{label(t("Step ▶", "下一步 ▶"))}</button>
                <button
                    data-testid="step-next-print"
                    title=label(t("Next print", "下一个输出"))
                    on:click=move |_| go(print_from(true).unwrap_or_else(last))
                >
                    {label(t("Print ▶", "下一输出 ▶"))}
                </button>
                <button data-testid="step-last" title=label(t("Whole run", "整个运行")) on:click=move |_| session.cursor.set(None)>{label(t("Whole run »", "整个运行 »"))}</button>
                <a
                    class="button"
                    data-testid="download-trace"
                    href="#"
                    download=move || format!("loopscope-{}.json", session.lesson_id.get())
                    title=label(t(
                        "The run as a Chrome trace: open it in ui.perfetto.dev or the DevTools Performance panel",
                        "把这次运行导出为 Chrome trace：可在 ui.perfetto.dev 或 DevTools 的 Performance 面板中打开",
                    ))
                    on:click=move |ev| {
                        // The file is made when asked for: the href is set before the browser
                        // follows the link.
                        let link: web_sys::Element = event_target(&ev);
                        match trace_file_url(session) {
                            Some(url) => {
                                let _ = link.set_attribute("href", &url);
                            }
                            None => ev.prevent_default(),
                        }
                    }
                >
                    {label(t("Download trace (Perfetto)", "下载 trace（Perfetto）"))}
                </a>
                <span class="replay-event" data-testid="replay-event" aria-live="polite">
                    {move || format!("{}/{} · {}", at() + 1, last() + 1, description())}
                </span>
            </div>
        </Show>
    }
}
