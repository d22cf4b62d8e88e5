//! A source listing with line numbers and one highlighted line.

use super::highlight::{lines, Syntax};
use super::scroll::reveal_within;
use leptos::html::Pre;
use leptos::prelude::*;

/// One listing (Python or Rust). The highlighted line is the one that printed the output line
/// under the pointer, or the latest one while a lesson runs.
#[component]
pub fn SourceView(
    /// The caption above the listing.
    caption: &'static str,
    /// The `data-testid` of the listing (`python` or `rust`).
    testid: &'static str,
    /// The source text (with any knob values written in).
    #[prop(into)]
    source: Signal<String>,
    /// Its language, for the colours.
    syntax: Syntax,
    /// The 1-based line to highlight, if any.
    #[prop(into)]
    highlight: Signal<Option<u32>>,
) -> impl IntoView {
    let rows = move || {
        let text = source.get();
        lines(&text, syntax)
            .into_iter()
            .enumerate()
            .map(|(i, pieces)| {
                let number = i as u32 + 1;
                let lit = move || highlight.get() == Some(number);
                let code = pieces
                    .into_iter()
                    .map(|(piece, class)| match class {
                        Some(class) => view! { <span class=class>{piece.to_string()}</span> }.into_any(),
                        None => piece.to_string().into_any(),
                    })
                    .collect_view();
                view! {
                    <div class="line" class:hl=lit data-line=number aria-current=move || lit().then_some("true")>
                        <span class="ln" aria-hidden="true">{number}</span>
                        <code>{code}</code>
                    </div>
                }
            })
            .collect_view()
    };
    // Keep the highlighted line visible as the run moves through a long listing.
    let pre = NodeRef::<Pre>::new();
    Effect::new(move |_| {
        if let (Some(pre), Some(number)) = (pre.get(), highlight.get()) {
            reveal_within(&pre, &format!("[data-line=\"{number}\"]"));
        }
    });
    view! {
        <figure class="source" data-testid=testid>
            <figcaption>{caption}</figcaption>
            <pre node_ref=pre>{rows}</pre>
        </figure>
    }
}
