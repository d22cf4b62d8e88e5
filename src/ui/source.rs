//! A source listing with line numbers and one highlighted line.

use leptos::prelude::*;

/// One listing (Python or Rust). The highlighted line is the one that printed the output line
/// under the pointer, or the latest one while a lesson runs.
#[component]
pub fn SourceView(
    /// The caption above the listing.
    caption: &'static str,
    /// The `data-testid` of the listing (`python` or `rust`).
    testid: &'static str,
    /// The source text.
    #[prop(into)]
    source: Signal<&'static str>,
    /// The 1-based line to highlight, if any.
    #[prop(into)]
    highlight: Signal<Option<u32>>,
) -> impl IntoView {
    let lines = move || {
        source
            .get()
            .lines()
            .enumerate()
            .map(|(i, text)| {
                let number = i as u32 + 1;
                let lit = move || highlight.get() == Some(number);
                view! {
                    <div class="line" class:hl=lit data-line=number aria-current=move || lit().then_some("true")>
                        <span class="ln" aria-hidden="true">{number}</span>
                        <code>{text.to_string()}</code>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="source" data-testid=testid>
            <figcaption>{caption}</figcaption>
            <pre>{lines}</pre>
        </figure>
    }
}
