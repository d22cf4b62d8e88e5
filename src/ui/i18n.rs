//! The page speaks English and Chinese: the browser's language by default, a toggle to switch.

use leptos::prelude::*;

use crate::course::Text;

pub use crate::lang::Lang;

/// Where the chosen language is remembered (`localStorage`).
const STORAGE_KEY: &str = "loopscope.lang";

use super::prefs::storage;

impl Lang {
    /// The language chosen on an earlier visit, else the browser's.
    pub fn remembered_or_browser() -> Lang {
        let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        match saved.as_deref() {
            Some("zh") => Lang::Zh,
            Some("en") => Lang::En,
            _ => Lang::from_browser(),
        }
    }

    /// Remembers this language for the next visit (silently skipped where storage is off).
    pub fn remember(self) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(STORAGE_KEY, if self == Lang::Zh { "zh" } else { "en" });
        }
    }

    /// The browser's preferred language, if it is Chinese; English otherwise.
    pub fn from_browser() -> Lang {
        let language = web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default();
        if language.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// Shorthand for a UI label in both languages.
pub const fn t(en: &'static str, zh: &'static str) -> Text {
    Text { en, zh }
}

/// The current language, from context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// A reactive label: re-reads the language each time it renders.
pub fn label(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().pick(text)
}
