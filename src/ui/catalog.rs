//! Finding a lesson: the catalog by chapter (one Tab stop, arrow keys inside), and the steps to
//! the previous and next lesson with, on a phone, a menu of every lesson in place of the
//! catalog.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::focus::focus_testid;
use super::i18n::{label, t, use_lang};
use super::scroll::reveal_within;
use super::session::use_session;
use crate::course::{self, snippet, CATALOG};

/// The lesson `offset` places from `id` in teaching order, if there is one.
fn neighbour(id: &str, offset: isize) -> Option<&'static course::Lesson> {
    let lessons: Vec<_> = course::all().collect();
    let at = lessons.iter().position(|l| l.id == id)?;
    lessons.get(at.checked_add_signed(offset)?).copied()
}

/// Arrow keys, Home and End move focus between the catalog's links (a roving tab stop: only
/// the open lesson's link is in the Tab order).
fn rove(ev: &KeyboardEvent) {
    let Some(current) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(nav) = current.closest("nav").ok().flatten() else {
        return;
    };
    let Ok(links) = nav.query_selector_all("a") else {
        return;
    };
    let links: Vec<web_sys::HtmlElement> = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let Some(at) = links.iter().position(|l| *l == current) else {
        return;
    };
    let to = match ev.key().as_str() {
        "ArrowDown" => (at + 1).min(links.len() - 1),
        "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => links.len() - 1,
        _ => return,
    };
    ev.prevent_default();
    let _ = links[to].focus();
}

/// The list of chapters and their lessons; the open one is marked.
#[component]
pub fn Catalog() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let chapters = CATALOG
        .iter()
        .map(|chapter| {
            let lessons = chapter
                .lessons
                .iter()
                .map(|lesson| {
                    let id = lesson.id;
                    let current = move || session.lesson_id.get() == id;
                    view! {
                        <li>
                            <a
                                href=format!("#/lesson/{id}")
                                class:current=current
                                tabindex=move || if current() { "0" } else { "-1" }
                                aria-current=move || current().then_some("page")
                                data-testid=format!("lesson-{id}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    session.open(id);
                                    // The reader chose a lesson: take them to it.
                                    focus_testid("lesson-title");
                                }
                            >
                                {move || lang.get().pick(lesson.title)}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="chapter">
                    <span class="chapter-title">
                        {chapter.number} ". " {move || lang.get().pick(chapter.title)}
                    </span>
                    <ol class="lessons">{lessons}</ol>
                </li>
            }
        })
        .collect_view();
    // The open lesson's link stays in view in the catalog's own scroll (never the page's): a
    // deep link to chapter 7 shows where it is.
    let nav = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        session.lesson_id.track();
        if let Some(nav) = nav.get() {
            request_animation_frame(move || reveal_within(&nav, "a.current"));
        }
    });
    let code_open = move || session.lesson_id.get() == snippet::ID;
    view! {
        <nav class="catalog" node_ref=nav aria-label=label(t("Lessons", "课程")) on:keydown=move |ev| rove(&ev)>
            <a
                href="#/code"
                class="your-code"
                class:current=code_open
                tabindex=move || if code_open() { "0" } else { "-1" }
                aria-current=move || code_open().then_some("page")
                data-testid="lesson-code"
                on:click=move |ev| {
                    ev.prevent_default();
                    session.open(snippet::ID);
                    focus_testid("lesson-title");
                }
            >
                {label(t("✎ Your code: any asyncio program", "✎ 你的代码：任意 asyncio 程序"))}
            </a>
            <ol class="chapters">{chapters}</ol>
        </nav>
    }
}

/// Previous and next lesson, and (on a phone, where the catalog is hidden) every lesson in a
/// menu.
#[component]
pub fn LessonSteps() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let step = move |offset: isize| neighbour(session.lesson_id.get(), offset);
    let options = move || {
        let lang = lang.get();
        let code = view! {
            <option value=snippet::ID selected=move || session.lesson_id.get() == snippet::ID>
                {lang.pick(t("Your code", "你的代码"))}
            </option>
        };
        let chapters = CATALOG
            .iter()
            .map(|chapter| {
                let lessons = chapter
                    .lessons
                    .iter()
                    .map(|lesson| {
                        view! {
                            <option value=lesson.id selected=move || session.lesson_id.get() == lesson.id>
                                {lang.pick(lesson.title)}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <optgroup label=format!("{}. {}", chapter.number, lang.pick(chapter.title))>
                        {lessons}
                    </optgroup>
                }
            })
            .collect_view();
        (code, chapters)
    };
    let go = move |offset: isize| {
        if let Some(lesson) = step(offset) {
            session.open(lesson.id);
        }
    };
    view! {
        <nav class="lesson-steps" aria-label=label(t("Lesson steps", "课程导航"))>
            <button data-testid="lesson-prev" disabled=move || step(-1).is_none() on:click=move |_| go(-1)>
                {label(t("← Previous", "← 上一课"))}
            </button>
            <label class="lesson-menu">
                <span class="sr-only">{label(t("Lesson", "课程"))}</span>
                <select
                    data-testid="lesson-menu"
                    prop:value=move || session.lesson_id.get()
                    on:change=move |ev| session.open(&event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
            <button data-testid="lesson-next" disabled=move || step(1).is_none() on:click=move |_| go(1)>
                {label(t("Next →", "下一课 →"))}
            </button>
        </nav>
    }
}
