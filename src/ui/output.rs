//! The output panel: printed lines in order, with their time and task.
//!
//! Only the rows in view (plus a margin) are in the DOM: rows have a fixed height, so the
//! window follows from `scrollTop`, and two spacers keep the scrollbar true. A run printing
//! 100,000 lines costs a few dozen DOM nodes. While the view is at the bottom it follows new
//! output, as a terminal does; scrolling up stops following.

use leptos::html::{Ol, Section};
use leptos::prelude::*;

use super::i18n::use_lang;
use super::i18n::{label, t};
use super::session::{use_session, Phase, Row};
use super::words::{hidden_note_words, replay_note_words, throttled_row_words};
use crate::analysis::hidden::throttled;

/// Height of one row in CSS pixels (`.rows .row` in style/main.css says the same).
pub const ROW_PX: i32 = 22;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;
/// The viewport height assumed before the panel is measured.
const DEFAULT_VIEW_PX: i32 = 352;

/// The first row and the number of rows to render for a scroll position.
pub fn window(scroll_top: i32, view_px: i32, total: usize) -> (usize, usize) {
    let first_visible = (scroll_top.max(0) / ROW_PX) as usize;
    let visible = (view_px.max(ROW_PX) / ROW_PX) as usize + 1;
    let first = first_visible.saturating_sub(OVERSCAN).min(total);
    let end = (first_visible + visible + OVERSCAN).min(total);
    (first, end - first)
}

/// Scrolls the page so that the top of `panel` (its heading and first rows) is on screen, if
/// it is not already.
fn reveal(panel: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let view_height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = panel.get_bounding_client_rect();
    // The heading and two rows.
    let wanted = rect.height().min(f64::from(3 * ROW_PX + 30));
    if rect.top() >= 0.0 && rect.top() + wanted <= view_height {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    panel.scroll_into_view_with_scroll_into_view_options(&options);
}

/// What the lesson printed. Hovering or focusing a line highlights the lines that printed it in
/// both listings; a click (or Enter) pins it.
#[component]
pub fn OutputPanel() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let list = NodeRef::<Ol>::new();
    let scroll_top = RwSignal::new(0);
    let view_px = RwSignal::new(DEFAULT_VIEW_PX);
    let following = StoredValue::new(true);

    // Replaying shows the lines printed up to the cursor (rows are in seq order).
    let shown = Memo::new(move |_| {
        let cursor = session.cursor.get();
        session.rows.with(|rows| match cursor {
            Some(seq) => rows.partition_point(|row| row.seq <= seq),
            None => rows.len(),
        })
    });
    let range = Memo::new(move |_| window(scroll_top.get(), view_px.get(), shown.get()));
    // A fixed set of row slots, reused while scrolling: slot `i` shows row `first + i`, so a
    // scroll rewrites a few dozen text nodes instead of building new rows.
    let slots = move || (0..range.get().1).collect::<Vec<usize>>();
    let spacer = |px: usize| format!("height: {px}px");
    let top_px = move || spacer(range.get().0 * ROW_PX as usize);
    let bottom_px = move || {
        let (first, count) = range.get();
        spacer((shown.get() - first - count) * ROW_PX as usize)
    };

    // A new run brings the panel into view when it is off screen (under the code on a phone,
    // below a long toolbar on a laptop): Run must show its effect where the reader looks.
    let panel = NodeRef::<Section>::new();
    Effect::new(move |previous: Option<u64>| {
        let generation = session.generation.get();
        if previous.is_some_and(|previous| previous != generation) {
            if let Some(panel) = panel.get_untracked() {
                reveal(&panel);
            }
        }
        generation
    });

    // Follow new output while the view is at the bottom. An empty list has nothing to follow:
    // not reading its height then keeps the page's first render free of a forced layout.
    Effect::new(move |_| {
        if shown.get() == 0 {
            return;
        }
        if let Some(element) = list.get() {
            view_px.set(element.client_height().max(ROW_PX));
            if following.get_value() {
                request_animation_frame(move || {
                    if let Some(list) = list.try_get_untracked().flatten() {
                        list.set_scroll_top(list.scroll_height());
                    }
                });
            }
        }
    });
    let on_scroll = move |_| {
        if let Some(list) = list.get() {
            let top = list.scroll_top();
            let height = list.client_height();
            following.set_value(top + height >= list.scroll_height() - ROW_PX);
            view_px.set(height.max(ROW_PX));
            scroll_top.set(top);
        }
    };

    view! {
        <section class="output" aria-label=label(t("Output", "输出")) node_ref=panel>
            <h3>{label(t("Output", "输出"))}</h3>
            <Show when=move || session.cursor.get().is_some()>
                <p class="replay-note" data-testid="output-replaying">
                    {move || replay_note_words(shown.get(), session.rows.with(Vec::len), lang.get())}
                </p>
            </Show>
            <Show when=move || session.hidden.with(|spans| !spans.is_empty())>
                <p class="throttled-note" data-testid="output-throttled" role="status">
                    {move || session.hidden.with(|spans| hidden_note_words(spans, lang.get()))}
                </p>
            </Show>
            <Show when=move || shown.get() == 0>
                <p class="empty" data-testid="output-empty">
                    {move || match session.phase.get() {
                        Phase::Idle => label(t(
                            "Nothing yet: press Run to see what this program prints, in order and when.",
                            "还没有输出：点“运行”，看这个程序按什么顺序、在什么时候打印什么。",
                        ))(),
                        Phase::Loading(part) => part.loading(lang.get()),
                        Phase::Running => label(t("Running: nothing printed yet…", "运行中：还没有输出……"))(),
                        _ => label(t("The run printed nothing.", "这次运行没有输出。"))(),
                    }}
                </p>
            </Show>
            <ol class="rows" data-testid="output" aria-live="polite" node_ref=list on:scroll=on_scroll>
                <li class="spacer" aria-hidden="true" style=top_px></li>
                <For each=slots key=|position| *position let:position>
                    <RowSlot position=position range=range />
                </For>
                <li class="spacer" aria-hidden="true" style=bottom_px></li>
            </ol>
        </section>
    }
}

/// One reused row of the output panel: it shows row `first + position` of the window.
#[component]
fn RowSlot(position: usize, range: Memo<(usize, usize)>) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let index = move || range.get().0 + position;
    let row = Memo::new(move |_| {
        let i = index();
        session.rows.with(|rows| rows.get(i).cloned())
    });
    let field = move |get: fn(&Row) -> String| {
        move || row.with(|r| r.as_ref().map(get).unwrap_or_default())
    };
    // A click pins the line (its source lines stay lit) and, after a run, replays the moment
    // it was printed.
    let is_throttled = move || {
        let seq = row.with(|r| r.as_ref().map(|r| r.seq));
        seq.is_some_and(|seq| session.hidden.with(|spans| throttled(spans, seq)))
    };
    let toggle_pin = move || {
        let i = index();
        session
            .focused
            .update(|f| *f = if *f == Some(i) { None } else { Some(i) });
        if let Some(seq) = row.with_untracked(|r| r.as_ref().map(|r| r.seq)) {
            session.seek(seq);
        }
    };
    view! {
        <li
            class="row"
            class:pinned=move || session.focused.get() == Some(index())
            class:throttled=is_throttled
            tabindex="0"
            data-testid="output-row"
            data-index=index
            data-py-line=move || row.with(|r| r.as_ref().map(|r| r.py_line))
            data-rust-line=move || row.with(|r| r.as_ref().map(|r| r.rust_line))
            on:mouseenter=move |_| session.hovered.set(Some(index()))
            on:mouseleave=move |_| session.hovered.set(None)
            on:focus=move |_| session.hovered.set(Some(index()))
            on:blur=move |_| session.hovered.set(None)
            on:click=move |_| toggle_pin()
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    toggle_pin();
                }
            }
        >
            <span class="at" data-testid="row-time">
                {field(|r| format!("+{} ms", r.at_ms))}
                <Show when=is_throttled>
                    <span class="throttled-mark" data-testid="row-throttled" title=move || throttled_row_words(lang.get())>
                        "⏸"
                        <span class="sr-only">{move || throttled_row_words(lang.get())}</span>
                    </span>
                </Show>
            </span>
            <span class="task" data-testid="row-task">{field(|r| r.task.clone())}</span>
            <span class="text" data-testid="row-text">{field(|r| r.text.clone())}</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn the_window_covers_the_view_plus_a_margin_and_stays_in_bounds() {
        assert_eq!(window(0, 352, 0), (0, 0));
        assert_eq!(window(0, 352, 5), (0, 5));
        assert_eq!(window(0, 352, 100_000), (0, 17 + 8));
        assert_eq!(window(22 * 50_000, 352, 100_000), (49_992, 8 + 17 + 8));
        assert_eq!(window(22 * 99_990, 352, 100_000), (99_982, 18));
        assert_eq!(window(-5, 0, 10), (0, 10));
    }
}
