//! Every link the page reads or writes, in one place: its routes (`#/lesson/<id>`,
//! `#/embed/<id>`), what their query carries (knobs, `clock=`, `lang=`, `predict=`), the share
//! link and the embed code. Every query is read through one codec
//! ([`course::knobs::query`](crate::course::knobs::query)), so `%` escapes and `+` mean the
//! same in every part of a link.

use super::i18n::Lang;
use super::session::ClockMode;
use crate::analysis::predict::Prediction;
use crate::course::knobs::query::pairs;

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
    let lang = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    format!("clock={clock}&lang={lang}")
}

/// Reads the page part of a query (`clock=`, `lang=`, `theme=`); unknown or malformed values
/// are ignored (the page keeps its own), as knobs ignore what they do not know.
pub fn shared_page(query: &str) -> SharedPage {
    let mut page = SharedPage::default();
    for (key, value) in pairs(query) {
        match (key.as_str(), value.as_str()) {
            ("clock", "instant") => page.clock = Some((ClockMode::Instant, 1)),
            ("clock", "real") => page.clock = Some((ClockMode::Real, 1)),
            ("clock", value) => {
                let speed = value
                    .strip_prefix("real-")
                    .and_then(|v| v.strip_suffix('x'))
                    .and_then(|v| v.parse::<u32>().ok())
                    .filter(|s| [1, 2, 5, 10].contains(s));
                if let Some(speed) = speed {
                    page.clock = Some((ClockMode::Real, speed));
                }
            }
            ("lang", "zh") => page.lang = Some(Lang::Zh),
            ("lang", "en") => page.lang = Some(Lang::En),
            ("theme", "light") => page.theme = Some(Theme::Light),
            ("theme", "dark") => page.theme = Some(Theme::Dark),
            _ => {}
        }
    }
    page
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
    let place = if embed { "embed" } else { "lesson" };
    if query.is_empty() {
        format!("#/{place}/{id}")
    } else {
        format!("#/{place}/{id}?{query}")
    }
}

/// The full address of a lesson's page, for links that leave an embed.
pub fn lesson_page(id: &str) -> String {
    format!("{}{}", page_url(), lesson_hash(id, false, ""))
}

/// A link to a lesson as it is set up: its knobs (`knobs`, a query of the values that differ
/// from the lesson's), the clock and speed, the language and, in predict mode, the prediction.
pub fn share_link(
    id: &str,
    knobs: &str,
    (clock, speed, lang): (ClockMode, u32, Lang),
    prediction: Option<&Prediction>,
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
    format!("{}{}", page_url(), lesson_hash(id, false, &query))
}

/// The iframe code that embeds a lesson in a course page (`title` is escaped for the
/// attribute).
pub fn embed_code(id: &str, title: &str) -> String {
    let title = title.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{}{}\" title=\"Loopscope: {title}\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>",
        page_url(),
        lesson_hash(id, true, "")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn links_ask_for_predict_mode_or_an_arrangement() {
        assert_eq!(asked("f1=2&predict=1"), Some(Asked::On));
        assert_eq!(
            asked("predict=2.0.1"),
            Some(Asked::Arrangement("2.0.1".into()))
        );
        assert_eq!(asked("clock=instant"), None);
    }
}
