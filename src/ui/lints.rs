//! Hints from the run: the beginner lints of [`crate::analysis::lints`], shown once a run has
//! ended, each with its one-line fix, a link to the lesson that teaches it and a way to see
//! the moment in replay.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::{use_session, Phase};
use super::urls::{lesson_hash, lesson_page};
use super::words::{lint_words, Lines};
use crate::analysis::lints::{self as lint};
use crate::course;

/// The hints panel (nothing while a run goes or before the first).
#[component]
pub fn LintPanel(
    /// In an embed, lesson links open the full page in a new tab.
    embed: bool,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let lints = Memo::new(move |_| {
        if matches!(
            session.phase.get(),
            Phase::Idle | Phase::Loading(_) | Phase::Running
        ) {
            return None;
        }
        session.generation.track();
        let lesson = session.lesson();
        let settings = session.settings.get_untracked();
        session.with_trace(|trace| lint::lints(trace, lesson, &settings))
    });
    let item = move |found: lint::Lint| {
        let kind = found.kind();
        let teaching = course::find(kind.lesson());
        let here = kind.lesson() == session.lesson_id.get_untracked();
        let href = if embed {
            lesson_page(kind.lesson())
        } else {
            lesson_hash(kind.lesson(), false, "")
        };
        let seq = found.seq;
        let message = {
            let found = found.clone();
            move || lint_words(&found, &Lines::of(session.lesson()), lang.get())
        };
        view! {
            <li class="lint" data-testid="lint" data-lint=kind.id()>
                <p class="lint-message" data-testid="lint-message">{message}</p>
                <p class="lint-fix" data-testid="lint-fix">{move || lang.get().pick(kind.fix())}</p>
                <p class="lint-links">
                    <a
                        data-testid="lint-lesson"
                        href=href
                        target=if embed { Some("_blank") } else { None }
                        rel=if embed { Some("noopener") } else { None }
                    >
                        {move || {
                            let title = teaching.map_or("", |l| lang.get().pick(l.title));
                            let lesson = lang.get().pick(t("Lesson", "课程"));
                            let this = if here { lang.get().pick(t(" (this one)", "（本课）")) } else { "" };
                            format!("{lesson}: {title}{this}")
                        }}
                    </a>
                    <button data-testid="lint-show" on:click=move |_| session.cursor.set(Some(seq))>
                        {label(t("Show in replay", "在回放中查看"))}
                    </button>
                </p>
            </li>
        }
    };
    view! {
        {move || {
            let found = lints.get()?;
            if found.is_empty() {
                return Some(
                    view! {
                        <p class="lints-clean" data-testid="lints-clean">
                            {label(t("✓ No common asyncio mistakes spotted in this run.", "✓ 本次运行没有发现常见的 asyncio 错误。"))}
                        </p>
                    }
                    .into_any(),
                );
            }
            Some(
                view! {
                    <section class="lints" data-testid="lints" aria-labelledby="lints-title">
                        <h3 id="lints-title">{label(t("Hints from this run", "本次运行的提示"))}</h3>
                        <ul>{found.into_iter().map(item).collect_view()}</ul>
                    </section>
                }
                .into_any(),
            )
        }}
    }
}
