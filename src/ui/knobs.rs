//! The knob editor: a lesson's values, edited in place, checked against their bounds. An
//! invalid value says why and the last valid one stays in use.

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::use_session;
use super::words::knob_error_words;
use crate::course::{Knob, KnobKind, Unit};

/// The lesson's knobs; nothing for a lesson without any.
#[component]
pub fn Knobs() -> impl IntoView {
    let session = use_session();
    let knobs = move || session.lesson().knobs;
    view! {
        <Show when=move || !knobs().is_empty()>
            <form
                class="knobs"
                data-testid="knobs"
                aria-label=label(t("Lesson values", "课程参数"))
                on:submit=|ev| ev.prevent_default()
            >
                {move || {
                    let id = session.lesson_id.get();
                    knobs().iter().map(|knob| view! { <KnobField knob=*knob lesson=id /> }).collect_view()
                }}
                <button
                    type="button"
                    data-testid="knobs-reset"
                    on:click=move |_| session.open_with(session.lesson().id, crate::course::Settings::defaults(session.lesson()))
                >
                    {label(t("Lesson's own values", "恢复课程原值"))}
                </button>
            </form>
        </Show>
    }
}

#[component]
fn KnobField(knob: Knob, lesson: &'static str) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let error = Memo::new(move |_| {
        session.refused.with(|r| {
            r.iter()
                .find(|(id, _)| *id == knob.id)
                .map(|(_, e)| e.clone())
        })
    });
    // What the input shows: the value in use, unless the learner typed something refused.
    let shown = move || {
        session
            .settings
            .with(|s| s.get(knob.id).map(|v| knob.format(v)))
            .unwrap_or_default()
    };
    let apply = move |text: String| {
        let parsed = knob.parse(&text);
        session.refused.update(|refused| {
            refused.retain(|(id, _)| *id != knob.id);
            if let Err(e) = &parsed {
                refused.push((knob.id, e.clone()));
            }
        });
        if let Ok(value) = parsed {
            session.settings.update(|s| s.set(knob.id, value));
        }
    };
    let input_id = format!("knob-{lesson}-{}", knob.id);
    let error_id = format!("{input_id}-error");
    // Follows the language toggle, like every other label.
    let hint = move || match knob.kind {
        KnobKind::Int { min, max, unit, .. } => {
            format!("{}–{} {}", knob.show(min), knob.show(max), unit.symbol())
        }
        KnobKind::Urls { max, .. } => match lang.get() {
            super::i18n::Lang::Zh => format!("最多 {max} 个"),
            super::i18n::Lang::En => format!("up to {max}"),
        },
    };
    let field = match knob.kind {
        KnobKind::Int { min, max, .. } => view! {
            // A text field, not type=number: the browser would turn "abc" or "1e3" into an
            // empty value, and the learner deserves to hear what was wrong with what they typed.
            <input
                type="text"
                id=input_id.clone()
                data-testid=format!("knob-{}", knob.id)
                data-min=min.to_string()
                data-max=max.to_string()
                size="8"
                inputmode=if matches!(knob.kind, KnobKind::Int { unit: Unit::Seconds, .. }) { "decimal" } else { "numeric" }
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
                prop:value=shown
                on:change=move |ev| apply(event_target_value(&ev))
            />
        }
        .into_any(),
        KnobKind::Urls { .. } => view! {
            <textarea
                id=input_id.clone()
                data-testid=format!("knob-{}", knob.id)
                rows="4"
                spellcheck="false"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
                prop:value=shown
                on:change=move |ev| apply(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
    };
    view! {
        <div class="knob" class:urls=matches!(knob.kind, KnobKind::Urls { .. })>
            <label for=input_id>
                {move || lang.get().pick(knob.label)}
                <code class="knob-name">{knob.python}</code>
            </label>
            {field}
            <span class="knob-hint">{hint}</span>
            <span class="knob-error" id=error_id data-testid=format!("knob-error-{}", knob.id) aria-live="polite">
                {move || error.get().map(|e| knob_error_words(&e, lang.get()))}
            </span>
        </div>
    }
}
