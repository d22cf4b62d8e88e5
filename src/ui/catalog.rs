//! The lesson catalog, by chapter.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::use_session;
use crate::course::CATALOG;

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
                                aria-current=move || current().then_some("page")
                                data-testid=format!("lesson-{id}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    session.open(id);
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
    view! {
        <nav class="catalog" aria-label=label(t("Lessons", "课程"))>
            <ol class="chapters">{chapters}</ol>
        </nav>
    }
}
