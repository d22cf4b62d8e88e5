//! A source listing with line numbers and one highlighted line.

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
    /// The listing as the lesson ships it: its tokens were computed at build time. A line that
    /// differs from it (a knob's value) is shown plain.
    #[prop(into)]
    original: Signal<&'static str>,
    /// The 1-based line to highlight, if any.
    #[prop(into)]
    highlight: Signal<Option<u32>>,
) -> impl IntoView {
    let lines = move || {
        let text = source.get();
        let original = original.get();
        let spans = super::highlight::spans(original).unwrap_or(&[]);
        let mut original_lines = original.lines();
        text.lines()
            .enumerate()
            .map(|(i, text)| {
                let number = i as u32 + 1;
                let lit = move || highlight.get() == Some(number);
                let same = original_lines.next() == Some(text);
                let code = if same && !spans.is_empty() {
                    super::highlight::pieces(text, i, spans)
                        .into_iter()
                        .map(|(piece, class)| match class {
                            Some(class) => view! { <span class=class>{piece.to_string()}</span> }.into_any(),
                            None => piece.to_string().into_any(),
                        })
                        .collect_view()
                        .into_any()
                } else {
                    text.to_string().into_any()
                };
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
            <pre node_ref=pre>{lines}</pre>
        </figure>
    }
}
