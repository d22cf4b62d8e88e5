//! What the page remembers of its reader in `localStorage`: the language, the Rust listing open
//! or closed, the intro dismissed, the code page's draft (predict's per-lesson progress is `progress.rs`). Where
//! storage is off (a private window, a sandboxed embed) nothing is remembered and nothing fails.

const RUST_LISTING: &str = "loopscope.rust-listing";
const INTRO: &str = "loopscope.intro";

/// The page's `localStorage`, if it may be used.
pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Whether the reader last left the Rust listing open, if they ever chose.
pub fn rust_listing_open() -> Option<bool> {
    match get(RUST_LISTING).as_deref() {
        Some("open") => Some(true),
        Some("closed") => Some(false),
        _ => None,
    }
}

/// Remembers the Rust listing open or closed.
pub fn remember_rust_listing_open(open: bool) {
    set(RUST_LISTING, if open { "open" } else { "closed" });
}

/// Whether the reader has dismissed the intro.
pub fn intro_dismissed() -> bool {
    get(INTRO).as_deref() == Some("dismissed")
}

/// Remembers that the intro was dismissed.
pub fn dismiss_intro() {
    set(INTRO, "dismissed");
}

const CODE_DRAFT: &str = "loopscope.code";

/// The code last typed on the code page (`#/code`), if any: a reload keeps it. Embeds keep none
/// (many on one site would share it).
pub fn code_draft() -> Option<String> {
    get(CODE_DRAFT)
}

/// Keeps the code page's code.
pub fn remember_code_draft(code: &str) {
    set(CODE_DRAFT, code);
}
