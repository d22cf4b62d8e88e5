//! The whole page: header, catalog, and the open lesson (controls, listings, output).

use leptos::ev;
use leptos::prelude::*;

use super::catalog::{Catalog, LessonSteps};
use super::console::Console;
use super::controls::Controls;
use super::editor::PythonPane;
use super::embed::{EmbedBridge, EmbedCode, OpenFull, ShareLink};
use super::focus::focus_testid;
use super::highlight::Syntax;
use super::http_pane::HttpPane;
use super::i18n::{label, t, use_lang, Lang};
use super::internals::Internals;
use super::intro::{Intro, NamesLegend};
use super::io::IoPanel;
use super::knobs::Knobs;
use super::later::Later;
use super::link_notice::LinkNotice;
use super::lints::LintPanel;
use super::output::OutputPanel;
use super::parts::{parts_in, Part, Parts};
use super::predict::{PredictPanel, PredictToggle};
use super::prefs;
use super::replay::Replay;
use super::session::CodeNotice;
use super::session::{ClockMode, Session};
use super::source::SourceView;
use super::timeline::Timeline;
use super::urls::{
    asked, lesson_from_hash, lesson_hash, link_issues, missing_in, page_url, query_of, route,
    shared_page, source_in, Route,
};
use super::verdict::ExpectedPanel;
use crate::course::knobs::query::pairs;
use crate::course::snippet;
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
    // The parts an embed shows at once (`show=`, `hide=`, `compact=1`), chosen by its link.
    let parts = if embed {
        parts_in(query_of(&hash)).0
    } else {
        Parts::ALL
    };
    let session = Session::new(lesson_from_hash(&hash).unwrap_or(""), ClockMode::Real);
    provide_context(session);
    // A shared link's clock, speed and language (the knobs are read with the lesson below); a
    // `?lang=zh` before the fragment counts too, the fragment's own winning.
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let before = shared_page(search.trim_start_matches('?'));
    let mut shared = shared_page(query_of(&hash));
    shared.clock = shared.clock.or(before.clock);
    shared.lang = shared.lang.or(before.lang);
    if let Some((clock, speed)) = shared.clock {
        session.clock.set(clock);
        session.speed.set(speed);
    }
    if let Some(shared_lang) = shared.lang {
        lang.set(shared_lang);
    }
    // The colour scheme a link fixes (the stylesheet's colours follow `data-theme`), kept in
    // the page's own link.
    let theme = shared.theme.or(before.theme);
    if let Some(root) = document().document_element() {
        match theme {
            Some(theme) => {
                let _ = root.set_attribute("data-theme", theme.name());
            }
            None => {
                let _ = root.remove_attribute("data-theme");
            }
        }
    }
    let open_from_hash = move |hash: &str| {
        let query = query_of(hash);
        // The code a link carries (`src=`): the code page's, or a lesson's changed code.
        let (code, unreadable) = match source_in(query) {
            Some(Ok(code)) => (Some(code), None),
            Some(Err(error)) => (None, Some(CodeNotice::Link(error))),
            None => (None, None),
        };
        if let Some(id) = lesson_from_hash(hash) {
            if id == snippet::ID {
                // The link's code, else (on the page, not in an embed) what was typed here
                // last, else the starter program.
                let linked = code.is_some();
                let code = code
                    .or_else(|| (!embed).then(prefs::code_draft).flatten())
                    .unwrap_or_else(|| lang.get_untracked().pick(snippet::STARTER).to_string());
                if linked && !embed {
                    prefs::remember_code_draft(&code);
                }
                session.open_code(code);
            } else if let Some(lesson) = crate::course::find(id) {
                let (settings, refused) = Settings::from_query(lesson, query);
                session.open_with(id, settings);
                // A value the link sets that a knob refuses is named by its knob, and Run
                // waits for it, as for a typed one (the knob keeps the lesson's value).
                if !refused.is_empty() {
                    session.refused.set(refused);
                }
                if let Some(code) = code {
                    session.set_code(code);
                }
            }
            if unreadable.is_some() {
                session.notice.set(unreadable);
            }
            if let Some(asked) = asked(query) {
                session.open_as_asked(&asked);
            }
            let is_knob = |key: &str| {
                crate::course::find(id)
                    .is_some_and(|lesson| lesson.knobs.iter().any(|k| k.id == key))
            };
            session.link_issues.set(link_issues(query, is_knob));
        }
        // Never another lesson in place of the one a link names.
        let missing = missing_in(hash, |id| crate::course::find(id).is_some());
        if missing.is_some() {
            session.discard_run();
        }
        session.missing.set(missing);
    };
    open_from_hash(&hash);

    // Back and Forward move between lessons and knob values; opening one writes its URL. The
    // page's own writing of its URL is not a link to open again: what the link asked for and
    // the page refused stays named.
    let written = StoredValue::new(None::<String>);
    let listener = window_event_listener(ev::hashchange, move |event| {
        // A change that a later one has overtaken is left to that one's own event.
        let now = web_sys::window().and_then(|w| w.location().href().ok());
        if now.as_deref() != Some(event.new_url().as_str()) {
            return;
        }
        let hash = current_hash();
        // Each write is heard once; the same link opened later is a link again.
        if written.with_value(|w| w.as_deref() == Some(hash.as_str())) {
            written.set_value(None);
        } else {
            open_from_hash(&hash);
        }
    });
    Effect::new(move |_| {
        let id = session.lesson_id.get();
        // A link to a lesson the course does not have stays as it was, to be read.
        if session.missing.with(Option::is_some) {
            return;
        }
        let knobs = session.settings.with(|s| s.to_query(session.lesson()));
        let mut query: Vec<String> = (!knobs.is_empty()).then_some(knobs).into_iter().collect();
        // Predict mode stays on across a reload (the arrangement is kept in the browser).
        if session.predict.with(Option::is_some) {
            query.push("predict=1".to_string());
        }
        query.extend(theme.map(|theme| format!("theme={}", theme.name())));
        query.extend(parts.to_query());
        // An embedded snippet keeps the code its host gave it in the link (the page keeps a
        // draft instead, and shares code through the share link).
        if embed && id == snippet::ID {
            let src = pairs(query_of(&current_hash())).find(|(key, _)| key == "src");
            query.extend(src.map(|(_, src)| format!("src={src}")));
        }
        let wanted = lesson_hash(id, embed, &query.join("&"));
        if current_hash() != wanted {
            written.set_value(Some(wanted.clone()));
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_hash(&wanted);
            }
        }
    });
    // The document speaks the page's language: `lang` for screen readers and fonts, the title
    // for tabs and history.
    Effect::new(move |_| {
        let lang = lang.get();
        let title = lang.pick(session.lesson().title);
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
            document.set_title(&format!("{title} · Loopscope"));
        }
    });
    // The code page keeps what is typed in it across a reload.
    if !embed {
        Effect::new(move |_| {
            if session.is_snippet() {
                session.edited.with(|code| {
                    if let Some(code) = code {
                        prefs::remember_code_draft(code);
                    }
                });
            }
        });
    }
    // Leaving the page (or unmounting the app) cancels the run: no task outlives its page.
    let leaving = window_event_listener(ev::pagehide, move |_| session.discard_run());
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
        session.discard_run();
    });

    if embed {
        return view! {
            <div class=if parts.is_all() { "app embed" } else { "app embed compact" } lang=move || lang.get().tag() data-testid="app" data-embed="true">
                // A document of its own needs a first heading; the lesson's title is the second.
                <header class="sr-only"><h1>"Loopscope"</h1></header>
                <LessonView embed=true parts=parts />
                <EmbedBridge />
            </div>
        }
        .into_any();
    }
    view! {
        <div class="app" lang=move || lang.get().tag() data-testid="app">
            <a class="skip-link" href="#lesson" data-testid="skip-link" on:click=|ev| {
                // The fragment is the page's route: move focus without touching it.
                ev.prevent_default();
                focus_testid("run");
            }>
                {label(t("Skip to Run", "跳到“运行”"))}
            </a>
            <header class="top">
                <h1>"Loopscope"</h1>
                <p class="tagline">
                    {label(t(
                        "Python asyncio, step by step: run a lesson, see what printed, in which order, and why",
                        "一步一步看懂 Python asyncio：运行示例，看清输出了什么、按什么顺序、为什么",
                    ))}
                </p>
                <super::offline::OfflineState />
                <LangToggle />
            </header>
            <div class="body">
                // The lesson comes first in the document (Tab reaches Run at once); the
                // catalog is drawn on its left.
                <LessonView embed=false parts=parts />
                <Later><Catalog /></Later>
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

/// The open lesson, laid out so that the Python listing, Run and the output share one screen:
/// a toolbar over the code and the output side by side (stacked on a phone, code first), then
/// the timeline, replay with the loop internals, and outside work. An embed may show only some
/// parts at once (`parts`): the rest are one click away, under "More", and on a phone the
/// Python listing and the output become two tabs.
#[component]
fn LessonView(
    /// Embedded in another page: a link out instead of the embed code.
    embed: bool,
    /// The parts shown at once.
    parts: Parts,
) -> impl IntoView {
    let session = super::session::use_session();
    let lang = use_lang();
    let lesson = move || session.lesson();
    let rust_line = Signal::derive(move || session.highlighted_row().map(|r| r.rust_line));
    let py_line = Signal::derive(move || session.highlighted_row().map(|r| r.py_line));
    let predicting = move || session.predict.with(Option::is_some);
    // In predict mode the note and the expected output would give the answer away until the
    // prediction is scored (a run has ended).
    let answer_hidden = move || {
        predicting()
            && matches!(
                session.phase.get(),
                super::session::Phase::Idle
                    | super::session::Phase::Loading(_)
                    | super::session::Phase::Running
            )
    };
    let missing = move || session.missing.get();
    // One part of the lesson, wherever it is shown (at once, or under "More").
    let part = move |part: Part| {
        match part {
            Part::Note => view! {
                <Show when=move || !answer_hidden()>
                    <p class="note" data-testid="lesson-note">{move || lang.get().pick(lesson().note)}</p>
                </Show>
            }
            .into_any(),
            Part::Knobs => view! { <Knobs /> }.into_any(),
            Part::Python => view! { <PythonPane highlight=py_line /> }.into_any(),
            // A snippet has no Rust twin: it runs only as Python.
            Part::Rust => view! {
                <Show when=move || !session.is_snippet()>
                    <RustListing embed=embed highlight=rust_line />
                </Show>
            }
            .into_any(),
            Part::Output => view! {
                <PredictPanel />
                <OutputPanel />
                <Later>
                    <NamesLegend />
                    <Console />
                    <HttpPane />
                    <LintPanel embed=embed />
                    // The expected output is the lesson's: it says nothing of the learner's
                    // version (a snippet has none to show: predict mode makes its lines).
                    <Show when=move || !answer_hidden() && session.edited.with(Option::is_none)>
                        <ExpectedPanel />
                    </Show>
                </Later>
            }
            .into_any(),
            Part::Timeline => view! { <IoPanel /> <Timeline /> }.into_any(),
            Part::Internals => view! {
                <div class="inspect">
                    <Replay />
                    <Internals />
                </div>
            }
            .into_any(),
        }
    };
    let shown = move |p: Part| parts.has(p).then(|| part(p));
    let code_col = parts.has(Part::Python) || parts.has(Part::Rust);
    // On a phone, the Python listing and the output of a compact embed are two tabs; Run
    // turns to the output.
    let tabs = !parts.is_all() && parts.has(Part::Python) && parts.has(Part::Output);
    let tab = RwSignal::new(Part::Python);
    // Only one of the code and the output shown at once: it takes the whole width.
    let class = if !parts.is_all() && (code_col != parts.has(Part::Output)) {
        "lesson solo"
    } else {
        "lesson"
    };
    if tabs {
        Effect::new(move |_| {
            if matches!(
                session.phase.get(),
                super::session::Phase::Loading(_) | super::session::Phase::Running
            ) {
                tab.set(Part::Output);
            }
        });
    }
    view! {
        <Show when=move || missing().is_none() fallback=move || view! { <Missing embed=embed /> }>
        <main class=class data-testid="lesson" data-lesson=move || lesson().id id="lesson" data-tab=move || tab.get().name()>
            <header class="lesson-head">
                <h2 data-testid="lesson-title" tabindex="-1">{move || lang.get().pick(lesson().title)}</h2>
                {shown(Part::Note)}
                {(!embed).then(|| view! { <Intro /> })}
            </header>
            <LinkNotice />
            // Run comes before the lesson steps in the document: from the top of the page it
            // is a few Tab presses away.
            <div class="toolbar">
                <Controls />
                <PredictToggle />
            </div>
            {tabs.then(|| view! { <PaneTabs tab=tab /> })}
            <div class="head-row">
                {if embed {
                    view! { <OpenFull /> }.into_any()
                } else {
                    view! { <LessonSteps /> <ShareLink /> <EmbedCode /> }.into_any()
                }}
            </div>
            {shown(Part::Knobs)}
            {code_col.then(|| view! {
                <div class="code-col" id="pane-python">
                    {shown(Part::Python)}
                    {shown(Part::Rust)}
                </div>
            })}
            {parts.has(Part::Output).then(|| view! {
                <div class="out-col" id="pane-output">{part(Part::Output)}</div>
            })}
            // Below the first screen: drawn once it has been painted.
            <Later>{shown(Part::Timeline)}</Later>
            <Later>{shown(Part::Internals)}</Later>
            {(!parts.is_all()).then(|| view! { <More parts=parts part=part /> })}
        </main>
        </Show>
    }
}

/// The Python listing and the output of a compact embed as two tabs (drawn on a phone only).
#[component]
fn PaneTabs(tab: RwSignal<Part>) -> impl IntoView {
    let one = move |part: Part, panel: &'static str, text| {
        view! {
            <button
                type="button"
                role="tab"
                id=format!("tab-{}", part.name())
                data-testid=format!("tab-{}", part.name())
                aria-controls=panel
                aria-selected=move || (tab.get() == part).to_string()
                tabindex=move || if tab.get() == part { "0" } else { "-1" }
                on:click=move |_| tab.set(part)
                on:keydown=move |ev| {
                    // Left and right arrows move between the two tabs.
                    if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
                        let other = if tab.get_untracked() == Part::Python { Part::Output } else { Part::Python };
                        tab.set(other);
                        focus_testid(&format!("tab-{}", other.name()));
                    }
                }
            >
                {label(text)}
            </button>
        }
    };
    view! {
        <div class="pane-tabs" role="tablist" aria-label=label(t("Code and output", "代码与输出"))>
            {one(Part::Python, "pane-python", t("Code", "代码"))}
            {one(Part::Output, "pane-output", t("Output", "输出"))}
        </div>
    }
}

/// The parts an embed does not show at once, one click away; drawn only once opened.
#[component]
fn More<F, V>(parts: Parts, part: F) -> impl IntoView
where
    F: Fn(Part) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let open = RwSignal::new(false);
    let summary = move || {
        let lang = lang.get();
        let (lead, separator) = match lang {
            Lang::En => ("More: ", ", "),
            Lang::Zh => ("更多：", "、"),
        };
        let names: Vec<_> = parts.hidden().map(|p| lang.pick(p.words())).collect();
        format!("{lead}{}", names.join(separator))
    };
    view! {
        <details
            class="more"
            data-testid="embed-more"
            on:toggle=move |ev| {
                let element: web_sys::Element = event_target(&ev);
                open.set(element.has_attribute("open"));
            }
        >
            <summary>{summary}</summary>
            <Show when=move || open.get()>
                {parts.hidden().map(part).collect_view()}
            </Show>
        </details>
    }
}

/// What the page shows for a link to a lesson (or a route) the course does not have: says so
/// in the page's language, with the catalog beside it (full page) or a link to the course
/// (embed), never another lesson in its place.
#[component]
fn Missing(embed: bool) -> impl IntoView {
    let session = super::session::use_session();
    let lang = use_lang();
    let asked = move || session.missing.get().unwrap_or_default();
    let message = move || match lang.get() {
        Lang::En => format!("This course has no lesson “{}”.", asked()),
        Lang::Zh => format!("课程里没有“{}”这一课。", asked()),
    };
    view! {
        <main class="lesson missing" data-testid="missing-lesson" id="lesson" role="alert">
            <h2 tabindex="-1">{message}</h2>
            {if embed {
                view! {
                    <p>
                        <a href=page_url() target="_blank" rel="noopener" data-testid="missing-course-link">
                            {label(t("Open the course’s lessons", "打开课程目录"))}
                        </a>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p>{label(t(
                        "The link may be mistyped or out of date: pick a lesson from the list.",
                        "链接可能有误或已过期：请从目录中选一课。",
                    ))}</p>
                }
                .into_any()
            }}
        </main>
    }
}

/// The Rust listing, one click away: closed by default in Chinese, in embeds and on narrow
/// screens (the course is about Python), open in the English page; a reader's choice is
/// remembered.
#[component]
fn RustListing(embed: bool, highlight: Signal<Option<u32>>) -> impl IntoView {
    let session = super::session::use_session();
    let lang = use_lang();
    let remembered = super::prefs::rust_listing_open();
    // A phone has no room for a second listing until asked.
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w > 900.0);
    let open =
        RwSignal::new(remembered.unwrap_or(!embed && wide && lang.get_untracked() == Lang::En));
    view! {
        <details
            class="rust-listing"
            data-testid="rust-listing"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let element: web_sys::Element = event_target(&ev);
                let now = element.has_attribute("open");
                if now != open.get_untracked() {
                    open.set(now);
                    super::prefs::remember_rust_listing_open(now);
                }
            }
        >
            <summary data-testid="rust-toggle">
                {label(t("The same program in Rust (what really runs)", "同一程序的 Rust 版本（实际运行的代码）"))}
            </summary>
            <Show when=move || open.get()>
                <SourceView
                    caption="Rust"
                    testid="rust"
                    source=Signal::derive(move || {
                        session.lesson().rust_listing(lang.get()).to_string()
                    })
                    syntax=Syntax::Rust
                    highlight=highlight
                />
            </Show>
        </details>
    }
}
