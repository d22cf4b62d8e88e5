//! Every link the page reads or writes, in one place: its routes (`#/lesson/<id>`,
//! `#/embed/<id>`, `#/code`), what their query carries (knobs, `clock=`, `lang=`, `predict=`,
//! `src=`), the share link and the embed code. Every query is read through one codec
//! ([`course::knobs::query`](crate::course::knobs::query)), so `%` escapes and `+` mean the
//! same in every part of a link.

use super::i18n::Lang;
use super::parts::{parts_in, Parts};
use super::session::ClockMode;
use crate::analysis::predict::Prediction;
use crate::course::knobs::query::pairs;
use crate::course::snippet;

/// Where a URL fragment points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// `#/lesson/<id>`: the full page on that lesson.
    Lesson(&'a str),
    /// `#/embed/<id>`: that lesson alone, for an iframe in a course page.
    Embed(&'a str),
}

/// Reads a URL fragment (`#/lesson/tasks-wait`, `#/embed/gather-order?x=1`).
pub fn route(hash: &str) -> Option<Route<'_>> {
    let path = hash.trim_start_matches('#');
    let id = |rest: &'static str| -> Option<&str> {
        path.strip_prefix(rest)
            .map(|rest| rest.split(['?', '/']).next().unwrap_or(rest))
    };
    match (id("/lesson/"), id("/embed/")) {
        (Some(lesson), _) => Some(Route::Lesson(lesson)),
        (_, Some(lesson)) => Some(Route::Embed(lesson)),
        // The code page: `#/code`, `#/code?src=…`.
        _ if path.split('?').next() == Some("/code") => Some(Route::Lesson(snippet::ID)),
        _ => None,
    }
}

/// What a fragment asks for that the course does not have: an unknown lesson id, or a route
/// that is none of the page's (`#/lessons/x`). `None` for a known lesson and for no route at
/// all: an empty fragment opens the first lesson, and one that does not start with `/` is an
/// anchor in the page (`#lesson`), not a route.
pub fn missing_in(hash: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let path = hash.trim_start_matches('#');
    if !path.starts_with('/') || path.trim_matches('/').is_empty() {
        return None;
    }
    match lesson_from_hash(hash) {
        Some(id) if known(id) => None,
        Some(id) => Some(id.to_string()),
        None => Some(path.split('?').next().unwrap_or(path).to_string()),
    }
}

/// The lesson id in a `#/lesson/<id>` or `#/embed/<id>` fragment.
pub fn lesson_from_hash(hash: &str) -> Option<&str> {
    match route(hash)? {
        Route::Lesson(id) | Route::Embed(id) => Some(id),
    }
}

/// The knob part of a fragment: what follows `?` (empty if nothing does).
pub fn query_of(hash: &str) -> &str {
    hash.split_once('?').map_or("", |(_, query)| query)
}

/// The colour scheme a link fixes (`theme=light`, `theme=dark`); `theme=auto`, or none, follows
/// the reader's system. A course author sets it so that an embed matches the course page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Light, whatever the system's.
    Light,
    /// Dark, whatever the system's.
    Dark,
}

impl Theme {
    /// Its name in a link and in the document's `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// What a shared link carries besides the lesson and its knobs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SharedPage {
    /// The clock, and on the real clock the speed (1, 2, 5 or 10).
    pub clock: Option<(ClockMode, u32)>,
    /// The language.
    pub lang: Option<Lang>,
    /// The colour scheme; `None` follows the system.
    pub theme: Option<Theme>,
}

/// The page part of a shared link's query: `clock=instant`, `clock=real` or `clock=real-5x`,
/// and `lang=zh` / `lang=en`. (No knob is called `clock` or `lang`.)
pub fn share_query(clock: ClockMode, speed: u32, lang: Lang) -> String {
    let clock = match (clock, speed) {
        (ClockMode::Instant, _) => "instant".to_string(),
        (ClockMode::Real, 0 | 1) => "real".to_string(),
        (ClockMode::Real, speed) => format!("real-{speed}x"),
    };
    format!("clock={clock}&lang={}", lang_name(lang))
}

/// A language's name in a link (`lang=zh`).
fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

/// Reads the page part of a query (`clock=`, `lang=`, `theme=`); a malformed value is left
/// out (the page keeps its own) and named by [`link_issues`].
pub fn shared_page(query: &str) -> SharedPage {
    read_page(query).0
}

/// The values [`shared_page`] takes, as a message names them.
const CLOCK_VALUES: &str = "instant, real, real-2x, real-5x, real-10x";
const LANG_VALUES: &str = "en, zh";
const THEME_VALUES: &str = "light, dark, auto";

/// The page part of a query, and the values in it that are refused.
fn read_page(query: &str) -> (SharedPage, Vec<LinkIssue>) {
    let mut page = SharedPage::default();
    let mut refused = Vec::new();
    for (key, value) in pairs(query) {
        // `Err` carries the values the key takes, for the message.
        let taken = match key.as_str() {
            "clock" => clock_named(&value)
                .map(|clock| page.clock = Some(clock))
                .ok_or(CLOCK_VALUES),
            "lang" => [Lang::En, Lang::Zh]
                .into_iter()
                .find(|lang| lang_name(*lang) == value)
                .map(|lang| page.lang = Some(lang))
                .ok_or(LANG_VALUES),
            // `auto` follows the system, as no `theme=` does.
            "theme" if value == "auto" => Ok(()),
            "theme" => [Theme::Light, Theme::Dark]
                .into_iter()
                .find(|theme| theme.name() == value)
                .map(|theme| page.theme = Some(theme))
                .ok_or(THEME_VALUES),
            _ => Ok(()),
        };
        if let Err(takes) = taken {
            refused.push(LinkIssue::Refused { key, value, takes });
        }
    }
    (page, refused)
}

/// The clock a link's `clock=` names: `instant`, `real`, or `real-2x` (speeds 1, 2, 5, 10).
fn clock_named(value: &str) -> Option<(ClockMode, u32)> {
    match value {
        "instant" => Some((ClockMode::Instant, 1)),
        "real" => Some((ClockMode::Real, 1)),
        _ => value
            .strip_prefix("real-")
            .and_then(|v| v.strip_suffix('x'))
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|s| [1, 2, 5, 10].contains(s))
            .map(|speed| (ClockMode::Real, speed)),
    }
}

/// The keys a link may carry besides a lesson's knobs.
const PAGE_KEYS: [&str; 8] = [
    "clock", "lang", "theme", "predict", "src", "show", "hide", "compact",
];

/// Something a link asks for that the page does not do: it is named on the page, never
/// dropped silently. (A knob's refused value and unreadable code have their own messages.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkIssue {
    /// A key that is neither the page's nor one of the lesson's knobs (`wrokers=2`).
    Unknown(String),
    /// A page value it does not take (`theme=blue`), with the values it takes.
    Refused {
        /// The key (`theme`).
        key: String,
        /// The value refused.
        value: String,
        /// The values it takes, as a list to read.
        takes: &'static str,
    },
    /// A name in `show=` or `hide=` that is no part of a lesson.
    NoSuchPart(String),
}

/// What a link's query asks for that the page does not do; `is_knob` says which keys are the
/// open lesson's knobs.
pub fn link_issues(query: &str, is_knob: impl Fn(&str) -> bool) -> Vec<LinkIssue> {
    let mut issues = read_page(query).1;
    issues.extend(parts_in(query).1.into_iter().map(LinkIssue::NoSuchPart));
    for (key, _) in pairs(query) {
        if !PAGE_KEYS.contains(&key.as_str()) && !is_knob(&key) {
            issues.push(LinkIssue::Unknown(key));
        }
    }
    issues
}

/// What a link's `predict=` asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asked {
    /// `predict=1`: open in predict mode with the kept (or a scrambled) arrangement.
    On,
    /// `predict=2.0.1.3`: this arrangement.
    Arrangement(String),
}

/// Reads `predict=` from a link's query.
pub fn asked(query: &str) -> Option<Asked> {
    pairs(query).find_map(|(key, value)| match (key.as_str(), value.as_str()) {
        ("predict", "1" | "on" | "") => Some(Asked::On),
        ("predict", _) => Some(Asked::Arrangement(value)),
        _ => None,
    })
}

/// The page's own address (origin and path, no fragment): what links to a lesson start with.
pub fn page_url() -> String {
    web_sys::window()
        .map(|w| {
            let location = w.location();
            format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The fragment of a lesson (`#/lesson/<id>?<query>`) or of its embed (`#/embed/…`).
pub fn lesson_hash(id: &str, embed: bool, query: &str) -> String {
    let path = match (embed, id) {
        (false, snippet::ID) => "#/code".to_string(),
        (false, id) => format!("#/lesson/{id}"),
        (true, id) => format!("#/embed/{id}"),
    };
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The full address of a lesson's page, for links that leave an embed.
pub fn lesson_page(id: &str) -> String {
    format!("{}{}", page_url(), lesson_hash(id, false, ""))
}

/// A link to a lesson as it is set up: its knobs (`knobs`, a query of the values that differ
/// from the lesson's), the clock and speed, the language, in predict mode the prediction, and
/// the learner's own code if they changed it (`src=`, see [`encode_source`]).
pub fn share_link(
    id: &str,
    knobs: &str,
    (clock, speed, lang): (ClockMode, u32, Lang),
    prediction: Option<&Prediction>,
    code: Option<&str>,
) -> String {
    let page = share_query(clock, speed, lang);
    let mut query = if knobs.is_empty() {
        page
    } else {
        format!("{knobs}&{page}")
    };
    if let Some(prediction) = prediction {
        query.push_str("&predict=");
        query.push_str(&prediction.encode());
    }
    if let Some(code) = code {
        query.push_str("&src=");
        query.push_str(&encode_source(code));
    }
    format!("{}{}", page_url(), lesson_hash(id, false, &query))
}

/// The longest link the page hands out. RFC 9110 asks every server to take at least 8,000
/// octets in a request line; chat apps, mail and proxies cut longer ones.
pub const MAX_LINK_CHARS: usize = 8000;

/// The largest program a link or a host page may bring, in bytes (once decompressed).
pub const MAX_SOURCE_BYTES: usize = 100_000;

/// Code as a link carries it (`src=`): raw DEFLATE (RFC 1951) in URL-safe base64 without
/// padding. A course author's script makes the same with Python's standard library:
/// `base64.urlsafe_b64encode(zlib.compress(code.encode(), 9, -15)).rstrip(b"=")` (the
/// README shows it), or in a browser with `CompressionStream("deflate-raw")`.
pub fn encode_source(code: &str) -> String {
    crate::base64::encode_url_safe(&miniz_oxide::deflate::compress_to_vec(code.as_bytes(), 9))
}

/// Why a link's `src=` could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// Not URL-safe base64, or not DEFLATE data (a link cut short, or mistyped).
    Damaged,
    /// It holds more than [`MAX_SOURCE_BYTES`].
    TooLarge,
    /// Its bytes are not UTF-8 text.
    NotText,
}

/// Reads [`encode_source`]'s form.
pub fn decode_source(text: &str) -> Result<String, SourceError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    let bytes = crate::base64::decode_url_safe(text).ok_or(SourceError::Damaged)?;
    let plain =
        decompress_to_vec_with_limit(&bytes, MAX_SOURCE_BYTES).map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => SourceError::TooLarge,
            _ => SourceError::Damaged,
        })?;
    String::from_utf8(plain).map_err(|_| SourceError::NotText)
}

/// The code a link's query carries (`src=`), if it carries any.
pub fn source_in(query: &str) -> Option<Result<String, SourceError>> {
    pairs(query).find_map(|(key, value)| (key == "src").then(|| decode_source(&value)))
}

/// What the embed box's options choose for the code it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The colour scheme the embed keeps (`theme=`); `None` follows the reader's system.
    pub theme: Option<Theme>,
    /// Whether the code carries the script that sizes the frame to its content (from the
    /// embed's `loopscope:height` messages).
    pub fit: bool,
    /// The parts shown at once (`show=`); the rest are one click away.
    pub parts: Parts,
    /// The language the embed speaks (`lang=`); `None` is the reader's.
    pub lang: Option<Lang>,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            theme: None,
            fit: true,
            parts: Parts::ALL,
            lang: None,
        }
    }
}

/// The frame's height before the embed first says its own, in CSS pixels.
pub const EMBED_FIRST_HEIGHT: u32 = 640;

/// The script after the iframe that gives the frame its content's height: it listens to that
/// frame's `loopscope:height` messages only (the element just before it), so a page can hold
/// any number of embeds.
const FIT_SCRIPT: &str = "<script>(function(f){addEventListener(\"message\",function(e){var d=e.data;if(e.source===f.contentWindow&&d&&d.type===\"loopscope:height\")f.style.height=d.height+\"px\"})})(document.currentScript.previousElementSibling)</script>";

/// The code that embeds a lesson of the app at `page` (its URL, see [`page_url`]) in a course
/// page (`title` is escaped for the attribute), with the learner's code if they changed it, as
/// `options` choose.
pub fn embed_code(
    page: &str,
    id: &str,
    title: &str,
    code: Option<&str>,
    options: EmbedOptions,
) -> String {
    let title = title.replace('&', "&amp;").replace('"', "&quot;");
    let mut query = Vec::new();
    query.extend(options.parts.to_query());
    if let Some(theme) = options.theme {
        query.push(format!("theme={}", theme.name()));
    }
    if let Some(lang) = options.lang {
        query.push(format!("lang={}", lang_name(lang)));
    }
    if let Some(code) = code {
        query.push(format!("src={}", encode_source(code)));
    }
    let frame = format!(
        "<iframe src=\"{}{}\" title=\"Loopscope: {title}\" width=\"100%\" height=\"{EMBED_FIRST_HEIGHT}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        page,
        lesson_hash(id, true, &query.join("&"))
    );
    if options.fit {
        frame + FIT_SCRIPT
    } else {
        frame
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_code_fits_its_frame_and_keeps_the_chosen_theme() {
        let code = embed_code(
            "https://example.org/course/",
            "gather-order",
            "A \"gather\" & co",
            None,
            EmbedOptions::default(),
        );
        assert!(code.starts_with("<iframe src=\"https://example.org/course/#/embed/gather-order\" title=\"Loopscope: A &quot;gather&quot; &amp; co\" width=\"100%\" height=\"640\""), "{code}");
        assert!(code.ends_with("</iframe><script>(function(f){addEventListener(\"message\",function(e){var d=e.data;if(e.source===f.contentWindow&&d&&d.type===\"loopscope:height\")f.style.height=d.height+\"px\"})})(document.currentScript.previousElementSibling)</script>"), "{code}");
        let dark = EmbedOptions {
            theme: Some(Theme::Dark),
            fit: false,
            ..EmbedOptions::default()
        };
        let code = embed_code("", "code", "Your code", Some("print(1)"), dark);
        let src = encode_source("print(1)");
        assert_eq!(
            code,
            format!("<iframe src=\"#/embed/code?theme=dark&src={src}\" title=\"Loopscope: Your code\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>")
        );
        // The compact embed, in Chinese: its parts and language go through the link.
        let compact = EmbedOptions {
            parts: Parts::COMPACT,
            lang: Some(Lang::Zh),
            ..EmbedOptions::default()
        };
        let code = embed_code("", "gather-order", "gather", None, compact);
        assert!(
            code.starts_with("<iframe src=\"#/embed/gather-order?show=python,output&lang=zh\""),
            "{code}"
        );
        let query = query_of(code.split('"').nth(1).unwrap_or_default());
        assert_eq!(parts_in(query), (Parts::COMPACT, vec![]));
        assert_eq!(shared_page(query).lang, Some(Lang::Zh));
    }

    #[test]
    fn a_link_to_what_the_course_does_not_have_is_named() {
        let known = |id: &str| id == "create-task";
        assert_eq!(missing_in("", known), None);
        assert_eq!(missing_in("#", known), None);
        assert_eq!(missing_in("#/", known), None);
        assert_eq!(missing_in("#lesson", known), None);
        assert_eq!(missing_in("#wbg_style=display-none", known), None);
        assert_eq!(missing_in("#/lesson/create-task?x=1", known), None);
        assert_eq!(missing_in("#/embed/create-task", known), None);
        assert_eq!(
            missing_in("#/lesson/nonexistent", known),
            Some("nonexistent".to_string())
        );
        assert_eq!(
            missing_in("#/embed/nope?lang=zh", known),
            Some("nope".to_string())
        );
        assert_eq!(
            missing_in("#/lessons/x?y=1", known),
            Some("/lessons/x".to_string())
        );
    }

    #[test]
    fn a_shared_link_carries_clock_speed_language_and_theme() {
        let query = share_query(ClockMode::Real, 5, Lang::Zh);
        assert_eq!(query, "clock=real-5x&lang=zh");
        assert_eq!(
            shared_page(&format!("workers=2&{query}")),
            SharedPage {
                clock: Some((ClockMode::Real, 5)),
                lang: Some(Lang::Zh),
                theme: None,
            }
        );
        assert_eq!(shared_page("theme=dark").theme, Some(Theme::Dark));
        assert_eq!(shared_page("theme=light&lang=en").theme, Some(Theme::Light));
        assert_eq!(
            shared_page("clock=instant&lang=en").clock,
            Some((ClockMode::Instant, 1))
        );
        // Nonsense is ignored, not half-applied.
        for bad in [
            "clock=real-3x",
            "clock=real-x",
            "clock=fast",
            "lang=fr",
            "theme=auto",
            "theme=blue",
            "clock",
            "",
        ] {
            assert_eq!(shared_page(bad), SharedPage::default(), "{bad}");
        }
    }

    #[test]
    fn what_a_link_asks_for_and_the_page_does_not_do_is_named() {
        let is_knob = |key: &str| key == "workers";
        assert!(link_issues(
            "workers=2&clock=real-5x&lang=zh&theme=auto&predict=1&show=python&src=x",
            is_knob
        )
        .is_empty());
        assert_eq!(
            link_issues(
                "wrokers=2&theme=blue&clock=real-3x&lang=fr&show=python,outptu",
                is_knob
            ),
            vec![
                LinkIssue::Refused {
                    key: "theme".into(),
                    value: "blue".into(),
                    takes: THEME_VALUES
                },
                LinkIssue::Refused {
                    key: "clock".into(),
                    value: "real-3x".into(),
                    takes: CLOCK_VALUES
                },
                LinkIssue::Refused {
                    key: "lang".into(),
                    value: "fr".into(),
                    takes: LANG_VALUES
                },
                LinkIssue::NoSuchPart("outptu".into()),
                LinkIssue::Unknown("wrokers".into()),
            ]
        );
    }

    #[test]
    fn routes_tell_the_full_page_from_an_embed() {
        assert_eq!(route("#/lesson/a"), Some(Route::Lesson("a")));
        assert_eq!(
            route("#/embed/gather-order?x=1"),
            Some(Route::Embed("gather-order"))
        );
        assert_eq!(route("#/elsewhere"), None);
        assert_eq!(lesson_from_hash("#/embed/b"), Some("b"));
    }

    #[test]
    fn lesson_ids_are_read_from_the_fragment() {
        assert_eq!(lesson_from_hash("#/lesson/tasks-wait"), Some("tasks-wait"));
        assert_eq!(
            lesson_from_hash("#/lesson/tasks-wait?f1=3"),
            Some("tasks-wait")
        );
        assert_eq!(lesson_from_hash("/lesson/a/b"), Some("a"));
        assert_eq!(lesson_from_hash("#/other"), None);
        assert_eq!(lesson_from_hash(""), None);
    }

    #[test]
    fn every_part_of_a_link_is_percent_decoded_alike() {
        // Knobs always were; the page's own parts were read raw.
        assert_eq!(
            shared_page("clock=real%2D5x&lang=%7A%68").clock,
            Some((ClockMode::Real, 5))
        );
        assert_eq!(shared_page("lang=%7A%68").lang, Some(Lang::Zh));
        assert_eq!(
            asked("f1=2&predict=2.0%7E900.1"),
            Some(Asked::Arrangement("2.0~900.1".into()))
        );
    }

    #[test]
    fn lesson_links_are_built_in_one_shape() {
        assert_eq!(lesson_hash("a", false, ""), "#/lesson/a");
        assert_eq!(lesson_hash("a", true, "x=1"), "#/embed/a?x=1");
        assert_eq!(
            lesson_from_hash(&lesson_hash("tasks-wait", true, "f1=3")),
            Some("tasks-wait")
        );
        assert_eq!(query_of(&lesson_hash("tasks-wait", false, "f1=3")), "f1=3");
    }

    #[test]
    fn the_code_page_has_its_own_route() {
        assert_eq!(route("#/code"), Some(Route::Lesson(snippet::ID)));
        assert_eq!(route("#/code?src=abc"), Some(Route::Lesson(snippet::ID)));
        assert_eq!(
            route("#/embed/code?src=abc"),
            Some(Route::Embed(snippet::ID))
        );
        assert_eq!(route("#/codex"), None);
        assert_eq!(lesson_hash(snippet::ID, false, "src=x"), "#/code?src=x");
        assert_eq!(lesson_hash(snippet::ID, true, ""), "#/embed/code");
        assert_eq!(missing_in("#/code", |id| id == snippet::ID), None);
    }

    #[test]
    fn code_in_a_link_round_trips_and_reads_what_python_makes() {
        let code =
            "import asyncio\n\nasync def main():\n    print(\"你好\")\n\nasyncio.run(main())\n";
        let carried = encode_source(code);
        assert!(carried
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode_source(&carried).as_deref(), Ok(code));
        assert_eq!(
            source_in(&format!("lang=zh&src={carried}")),
            Some(Ok(code.to_string()))
        );
        assert_eq!(source_in("lang=zh"), None);
        // base64.urlsafe_b64encode(zlib.compress(code.encode(), 9, -15)).rstrip(b"="), by
        // CPython 3.11.
        let by_python = "y8wtyC8qUUgsrsxLzszn4gIzFFJS0xRyEzPzNDStuBSAoKAoM69EQ-nJ3gVPl-5V0oQqy8zXKyrN04Ao1OQCAA";
        assert_eq!(decode_source(by_python).as_deref(), Ok(code));
    }

    #[test]
    fn damaged_or_huge_code_in_a_link_is_refused() {
        let carried = encode_source("print('hello, world')\n");
        // Cut short, as a chat app may cut a link.
        assert_eq!(
            decode_source(&carried[..carried.len() / 2]),
            Err(SourceError::Damaged)
        );
        assert_eq!(decode_source("not base64!"), Err(SourceError::Damaged));
        assert_eq!(decode_source(""), Err(SourceError::Damaged));
        // A small link that unpacks to more than the page takes.
        let bomb = encode_source(&"#".repeat(MAX_SOURCE_BYTES + 1));
        assert!(bomb.len() < 1000);
        assert_eq!(decode_source(&bomb), Err(SourceError::TooLarge));
        let latin1 = crate::base64::encode_url_safe(&miniz_oxide::deflate::compress_to_vec(
            b"print('\xe9')",
            9,
        ));
        assert_eq!(decode_source(&latin1), Err(SourceError::NotText));
    }

    #[test]
    fn links_ask_for_predict_mode_or_an_arrangement() {
        assert_eq!(asked("f1=2&predict=1"), Some(Asked::On));
        assert_eq!(
            asked("predict=2.0.1"),
            Some(Asked::Arrangement("2.0.1".into()))
        );
        assert_eq!(asked("clock=instant"), None);
    }
}
