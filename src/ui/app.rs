//! The whole page: header, catalog, and the open lesson (controls, listings, output).

use leptos::ev;
use leptos::prelude::*;

use super::catalog::Catalog;
use super::console::Console;
use super::controls::Controls;
use super::embed::{EmbedBridge, EmbedCode, OpenFull, ShareLink};
use super::i18n::{label, t, use_lang, Lang};
use super::internals::Internals;
use super::io::IoPanel;
use super::knobs::Knobs;
use super::lints::LintPanel;
use super::output::OutputPanel;
use super::predict::{PredictPanel, PredictToggle};
use super::replay::Replay;
use super::session::{ClockMode, Session};
use super::source::SourceView;
use super::timeline::Timeline;
use super::urls::{asked, lesson_from_hash, lesson_hash, query_of, route, shared_page, Route};
use super::verdict::ExpectedPanel;
use crate::course::Settings;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The Loopscope page. Opens the lesson named in the URL (`#/lesson/<id>`), else the first.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::remembered_or_browser());
    provide_context(lang);
    let hash = current_hash();
    let embed = matches!(route(&hash), Some(Route::Embed(_)));
    let session = Session::new(lesson_from_hash(&hash).unwrap_or(""), ClockMode::Real);
    provide_context(session);
    // A shared link's clock, speed and language (the knobs are read with the lesson below).
    let shared = shared_page(query_of(&hash));
    if let Some((clock, speed)) = shared.clock {
        session.clock.set(clock);
        session.speed.set(speed);
    }
    if let Some(shared_lang) = shared.lang {
        lang.set(shared_lang);
    }
    let open_from_hash = move |hash: &str| {
        if let Some(id) = lesson_from_hash(hash) {
            if let Some(lesson) = crate::course::find(id) {
                let (settings, _refused) = Settings::from_query(lesson, query_of(hash));
                session.open_with(id, settings);
                if let Some(asked) = asked(query_of(hash)) {
                    session.open_as_asked(&asked);
                }
            }
        }
    };
    open_from_hash(&hash);

    // Back and Forward move between lessons and knob values; opening one writes its URL.
    let listener = window_event_listener(ev::hashchange, move |_| open_from_hash(&current_hash()));
    Effect::new(move |_| {
        let id = session.lesson_id.get();
        let mut query = session.settings.with(|s| s.to_query(session.lesson()));
        // Predict mode stays on across a reload (the arrangement is kept in the browser).
        if session.predict.with(Option::is_some) {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str("predict=1");
        }
        let wanted = lesson_hash(id, embed, &query);
        if current_hash() != wanted {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_hash(&wanted);
            }
        }
    });
    // Leaving the page (or unmounting the app) cancels the run: no task outlives its page.
    let leaving = window_event_listener(ev::pagehide, move |_| session.discard_run());
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
        session.discard_run();
    });

    if embed {
        return view! {
            <div class="app embed" lang=move || lang.get().tag() data-testid="app" data-embed="true">
                <LessonView embed=true />
                <EmbedBridge />
            </div>
        }
        .into_any();
    }
    view! {
        <div class="app" lang=move || lang.get().tag() data-testid="app">
            <header class="top">
                <h1>"Loopscope"</h1>
                <p class="tagline">
                    {label(t(
                        "asyncio lessons, run as Rust futures on your browser's event loop",
                        "asyncio 课程示例，以 Rust future 运行在浏览器自己的事件循环上",
                    ))}
                </p>
                <LangToggle />
            </header>
            <div class="body">
                <Catalog />
                <LessonView embed=false />
            </div>
        </div>
    }
    .into_any()
}

/// The language switch.
#[component]
fn LangToggle() -> impl IntoView {
    let lang = use_lang();
    view! {
        <button
            class="lang"
            data-testid="lang-toggle"
            on:click=move |_| {
                let next = lang.get_untracked().other();
                next.remember();
                lang.set(next);
            }
            title=label(t("Switch language", "切换语言"))
        >
            {move || match lang.get() {
                Lang::En => "中文",
                Lang::Zh => "English",
            }}
        </button>
    }
}

/// The open lesson: title, note, controls, both listings and the output.
#[component]
fn LessonView(
    /// Embedded in another page: a link out instead of the embed code.
    embed: bool,
) -> impl IntoView {
    let session = super::session::use_session();
    let lang = use_lang();
    let lesson = move || session.lesson();
    let rust_line = Signal::derive(move || session.highlighted_row().map(|r| r.rust_line));
    let py_line = Signal::derive(move || session.highlighted_row().map(|r| r.py_line));
    view! {
        <main class="lesson" data-testid="lesson" data-lesson=move || lesson().id>
            <h2 data-testid="lesson-title">{move || lang.get().pick(lesson().title)}</h2>
            <p class="note">{move || lang.get().pick(lesson().note)}</p>
            {if embed { view! { <OpenFull /> }.into_any() } else { view! { <EmbedCode /> <ShareLink /> }.into_any() }}
            <Controls />
            <PredictToggle />
            <Knobs />
            <PredictPanel />
            <Replay />
            <div class="sources">
                <SourceView
                    caption="Python"
                    testid="python"
                    source=Signal::derive(move || session.settings.with(|s| lesson().python_with(s)))
                    original=Signal::derive(move || lesson().python)
                    highlight=py_line
                />
                <SourceView
                    caption="Rust"
                    testid="rust"
                    source=Signal::derive(move || lesson().rust_listing().to_string())
                    original=Signal::derive(move || lesson().rust_listing())
                    highlight=rust_line
                />
            </div>
            <OutputPanel />
            <Console />
            <LintPanel embed=embed />
            // In predict mode the expected output would give the answer away until a run ends.
            <Show when=move || {
                session.predict.with(Option::is_none)
                    || !matches!(session.phase.get(), super::session::Phase::Idle | super::session::Phase::Running)
            }>
                <ExpectedPanel />
            </Show>
            <IoPanel />
            <Timeline />
            <Internals />
        </main>
    }
}
