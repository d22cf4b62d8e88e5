//! What the link that opened the page asked for and the page does not do, named at the top of
//! the lesson until the reader closes it (or opens another link).

use leptos::prelude::*;

use super::i18n::{label, t, use_lang};
use super::session::use_session;
use super::words::link_issue_words;

/// The link's issues, one line each; nothing when it has none.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    view! {
        <Show when=move || session.link_issues.with(|issues| !issues.is_empty())>
            <div class="link-notice" role="status" data-testid="link-notice">
                <ul>
                    {move || {
                        let lang = lang.get();
                        session.link_issues.with(|issues| {
                            issues
                                .iter()
                                .map(|issue| view! { <li>{link_issue_words(issue, lang)}</li> })
                                .collect_view()
                        })
                    }}
                </ul>
                <button
                    type="button"
                    data-testid="link-notice-close"
                    on:click=move |_| session.link_issues.set(Vec::new())
                >
                    {label(t("OK", "知道了"))}
                </button>
            </div>
        </Show>
    }
}
