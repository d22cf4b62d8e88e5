//! The two languages everything is written in — the page, the lessons' notes, and what a
//! lesson's program prints — and the rule that picks one of a pair ([`Lang::pick`]).
//!
//! A run is started in one language and keeps it (see [`crate::runtime::language`]): the
//! course's programs print Chinese, as its texts do, and their English translation in the
//! English page.

/// A language of the page and of the programs' output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese, the course's own language.
    Zh,
}

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Chinese.
    pub zh: &'static str,
}

impl Text {
    /// The same words in both languages (a number, a Python repr).
    pub const fn same(text: &'static str) -> Text {
        Text { en: text, zh: text }
    }
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The text in this language.
    pub fn pick(self, text: Text) -> &'static str {
        match self {
            Lang::En => text.en,
            Lang::Zh => text.zh,
        }
    }

    /// The other language (for the toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}
