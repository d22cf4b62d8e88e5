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

/// Where a URL fragment points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// `#/lesson/<id>`: the full page on that lesson.
    Lesson(&'a str),
    /// `#/embed/<id>`: that lesson alone, for an iframe in a course page.
    Embed(&'a str),
}

/// Reads a URL fragment (`#/lesson/tasks-wait`, `#/embed/gather-order?x=1`).
pub fn route(hash: &str) -> Option<Route<'_>> {
    let path = hash.trim_start_matches('#');
    let id = |rest: &'static str| -> Option<&str> {
        path.strip_prefix(rest)
            .map(|rest| rest.split(['?', '/']).next().unwrap_or(rest))
    };
    match (id("/lesson/"), id("/embed/")) {
        (Some(lesson), _) => Some(Route::Lesson(lesson)),
        (_, Some(lesson)) => Some(Route::Embed(lesson)),
        _ => None,
    }
}

/// The lesson id in a `#/lesson/<id>` or `#/embed/<id>` fragment.
pub fn lesson_from_hash(hash: &str) -> Option<&str> {
    match route(hash)? {
        Route::Lesson(id) | Route::Embed(id) => Some(id),
    }
}

/// The knob part of a fragment: what follows `?` (empty if nothing does).
pub fn query_of(hash: &str) -> &str {
    hash.split_once('?').map_or("", |(_, query)| query)
}

/// What a shared link carries besides the lesson and its knobs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SharedPage {
    /// The clock, and on the real clock the speed (1, 2, 5 or 10).
    pub clock: Option<(ClockMode, u32)>,
    /// The language.
    pub lang: Option<Lang>,
}

/// The page part of a shared link's query: `clock=instant`, `clock=real` or `clock=real-5x`,
/// and `lang=zh` / `lang=en`. (No knob is called `clock` or `lang`.)
pub fn share_query(clock: ClockMode, speed: u32, lang: Lang) -> String {
    let clock = match (clock, speed) {
        (ClockMode::Instant, _) => "instant".to_string(),
        (ClockMode::Real, 0 | 1) => "real".to_string(),
        (ClockMode::Real, speed) => format!("real-{speed}x"),
    };
    let lang = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    format!("clock={clock}&lang={lang}")
}

/// Reads the page part of a query; unknown or malformed values are ignored (the page keeps its
/// own), as knobs ignore what they do not know.
pub fn shared_page(query: &str) -> SharedPage {
    let mut page = SharedPage::default();
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("clock", "instant")) => page.clock = Some((ClockMode::Instant, 1)),
            Some(("clock", "real")) => page.clock = Some((ClockMode::Real, 1)),
            Some(("clock", value)) => {
                let speed = value
                    .strip_prefix("real-")
                    .and_then(|v| v.strip_suffix('x'))
                    .and_then(|v| v.parse::<u32>().ok())
                    .filter(|s| [1, 2, 5, 10].contains(s));
                if let Some(speed) = speed {
                    page.clock = Some((ClockMode::Real, speed));
                }
            }
            Some(("lang", "zh")) => page.lang = Some(Lang::Zh),
            Some(("lang", "en")) => page.lang = Some(Lang::En),
            _ => {}
        }
    }
    page
}

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

#[cfg(test)]
mod tests {
    use super::{lesson_from_hash, route, Route};

    #[test]
    fn a_shared_link_carries_clock_speed_and_language() {
        use super::{share_query, shared_page, ClockMode, Lang, SharedPage};
        let query = share_query(ClockMode::Real, 5, Lang::Zh);
        assert_eq!(query, "clock=real-5x&lang=zh");
        assert_eq!(
            shared_page(&format!("workers=2&{query}")),
            SharedPage {
                clock: Some((ClockMode::Real, 5)),
                lang: Some(Lang::Zh)
            }
        );
        assert_eq!(
            shared_page("clock=instant&lang=en").clock,
            Some((ClockMode::Instant, 1))
        );
        // Nonsense is ignored, not half-applied.
        for bad in [
            "clock=real-3x",
            "clock=real-x",
            "clock=fast",
            "lang=fr",
            "clock",
            "",
        ] {
            assert_eq!(shared_page(bad), SharedPage::default(), "{bad}");
        }
    }

    #[test]
    fn routes_tell_the_full_page_from_an_embed() {
        assert_eq!(route("#/lesson/a"), Some(Route::Lesson("a")));
        assert_eq!(
            route("#/embed/gather-order?x=1"),
            Some(Route::Embed("gather-order"))
        );
        assert_eq!(route("#/elsewhere"), None);
        assert_eq!(lesson_from_hash("#/embed/b"), Some("b"));
    }

    #[test]
    fn lesson_ids_are_read_from_the_fragment() {
        assert_eq!(lesson_from_hash("#/lesson/tasks-wait"), Some("tasks-wait"));
        assert_eq!(
            lesson_from_hash("#/lesson/tasks-wait?f1=3"),
            Some("tasks-wait")
        );
        assert_eq!(lesson_from_hash("/lesson/a/b"), Some("a"));
        assert_eq!(lesson_from_hash("#/other"), None);
        assert_eq!(lesson_from_hash(""), None);
    }
}
