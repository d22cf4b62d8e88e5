//! The output panel: printed lines in order, with their time and task.

use leptos::prelude::*;

use super::i18n::{label, t};
use super::session::use_session;

/// What the lesson printed. Hovering or focusing a line highlights the lines that printed it in
/// both listings; a click (or Enter) pins it.
#[component]
pub fn OutputPanel() -> impl IntoView {
    let session = use_session();
    // Replaying shows the lines printed up to the cursor.
    let rows = move || {
        let cursor = session.cursor.get();
        session
            .rows
            .get()
            .into_iter()
            .enumerate()
            .take_while(|(_, row)| cursor.is_none_or(|seq| row.seq <= seq))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="output" aria-label=label(t("Output", "输出"))>
            <h3>{label(t("Output", "输出"))}</h3>
            <ol class="rows" data-testid="output" aria-live="polite">
                <For each=rows key=|(_, row)| row.seq let((index, row))>
                    <li
                        class="row"
                        class:pinned=move || session.focused.get() == Some(index)
                        tabindex="0"
                        data-testid="output-row"
                        data-py-line=row.py_line
                        data-rust-line=row.rust_line
                        on:mouseenter=move |_| session.hovered.set(Some(index))
                        on:mouseleave=move |_| session.hovered.set(None)
                        on:focus=move |_| session.hovered.set(Some(index))
                        on:blur=move |_| session.hovered.set(None)
                        on:click=move |_| {
                            session.focused.update(|f| *f = if *f == Some(index) { None } else { Some(index) })
                        }
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                session.focused.update(|f| *f = if *f == Some(index) { None } else { Some(index) });
                            }
                        }
                    >
                        <span class="at" data-testid="row-time">{format!("+{} ms", row.at_ms)}</span>
                        <span class="task" data-testid="row-task">{row.task.clone()}</span>
                        <span class="text" data-testid="row-text">{row.text.clone()}</span>
                    </li>
                </For>
            </ol>
        </section>
    }
}
