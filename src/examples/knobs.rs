//! Knobs: the values of a lesson a learner may change (counts, durations, URLs), with bounds.
//!
//! A knob has an id (used in URLs: `#/lesson/run-in-executor?workers=3`), the name of the
//! constant it sets in the Python listing (`MAX_WORKERS = 3`, written in so the listing shows
//! the value in use), a bilingual label and its kind with bounds. [`Knob::parse`] turns what a
//! learner typed into a value or a [`KnobError`] saying why not; the last valid value stays.

use super::Text;
use crate::runtime::fetch::check_url;

/// What kind of value a knob holds, with its bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnobKind {
    /// A whole number in `min..=max`, shown with `unit` (`"s"`, `"KB/s"`, or empty).
    Int {
        /// The lesson's own value.
        default: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
        /// Shown after the number.
        unit: &'static str,
    },
    /// A list of URLs, one per line (http, https or relative), at most `max` of them.
    Urls {
        /// The lesson's own list.
        default: &'static [&'static str],
        /// How many at most.
        max: usize,
    },
}

/// A place in the Python listing that shows a knob's value: on `line`, the `literal` right
/// after `after` (`sleep(` `2`) is replaced by the value in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    /// The 1-based line.
    pub line: u32,
    /// The text just before the value.
    pub after: &'static str,
    /// The lesson's own value as written there.
    pub literal: &'static str,
}

/// Shorthand for a [`Spot`].
pub const fn spot(line: u32, after: &'static str, literal: &'static str) -> Spot {
    Spot {
        line,
        after,
        literal,
    }
}

/// One knob of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Knob {
    /// Its id in URLs and tests.
    pub id: &'static str,
    /// The constant it sets in the Python listing (`JOBS = 10`), or `""` if it has none.
    pub python: &'static str,
    /// Where else the Python listing shows its value (a literal in a call).
    pub spots: &'static [Spot],
    /// Its label.
    pub label: Text,
    /// Its kind and bounds.
    pub kind: KnobKind,
}

/// A knob's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KnobValue {
    /// A whole number.
    Int(i64),
    /// URLs, in order.
    Urls(Vec<String>),
}

/// Why a typed value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KnobError {
    /// Not a whole number at all (empty, `NaN`, `abc`, `1.5`).
    NotANumber(String),
    /// Below the minimum.
    TooSmall(i64),
    /// Above the maximum.
    TooLarge(i64),
    /// No URL given.
    NoUrls,
    /// More URLs than allowed.
    TooManyUrls(usize),
    /// One of the URLs cannot be fetched at all (its line and why).
    BadUrl(usize, String),
}

impl KnobError {
    /// The message shown under the knob.
    pub fn message(&self, zh: bool) -> String {
        match (self, zh) {
            (KnobError::NotANumber(text), false) if text.is_empty() => {
                "enter a whole number".into()
            }
            (KnobError::NotANumber(text), true) if text.is_empty() => "请输入一个整数".into(),
            (KnobError::NotANumber(text), false) => {
                format!("“{text}” is not a whole number")
            }
            (KnobError::NotANumber(text), true) => format!("“{text}” 不是整数"),
            (KnobError::TooSmall(min), false) => format!("must be at least {min}"),
            (KnobError::TooSmall(min), true) => format!("不能小于 {min}"),
            (KnobError::TooLarge(max), false) => format!("must be at most {max}"),
            (KnobError::TooLarge(max), true) => format!("不能大于 {max}"),
            (KnobError::NoUrls, false) => "give at least one URL".into(),
            (KnobError::NoUrls, true) => "至少要有一个 URL".into(),
            (KnobError::TooManyUrls(max), false) => format!("at most {max} URLs"),
            (KnobError::TooManyUrls(max), true) => format!("最多 {max} 个 URL"),
            (KnobError::BadUrl(line, why), false) => format!("line {line}: {why}"),
            (KnobError::BadUrl(line, why), true) => format!("第 {line} 行：{why}"),
        }
    }
}

impl Knob {
    /// The lesson's own value.
    pub fn default_value(&self) -> KnobValue {
        match self.kind {
            KnobKind::Int { default, .. } => KnobValue::Int(default),
            KnobKind::Urls { default, .. } => {
                KnobValue::Urls(default.iter().map(|u| u.to_string()).collect())
            }
        }
    }

    /// Turns typed text into a value within bounds, or says why it cannot be one.
    pub fn parse(&self, text: &str) -> Result<KnobValue, KnobError> {
        match self.kind {
            KnobKind::Int { min, max, .. } => {
                let trimmed = text.trim();
                let number: i64 = trimmed
                    .parse()
                    .map_err(|_| KnobError::NotANumber(trimmed.chars().take(40).collect()))?;
                if number < min {
                    Err(KnobError::TooSmall(min))
                } else if number > max {
                    Err(KnobError::TooLarge(max))
                } else {
                    Ok(KnobValue::Int(number))
                }
            }
            KnobKind::Urls { max, .. } => {
                let urls: Vec<String> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect();
                if urls.is_empty() {
                    return Err(KnobError::NoUrls);
                }
                if urls.len() > max {
                    return Err(KnobError::TooManyUrls(max));
                }
                for (index, url) in urls.iter().enumerate() {
                    if let Err(error) = check_url(url, "http://localhost/") {
                        return Err(KnobError::BadUrl(index + 1, error.to_string()));
                    }
                }
                Ok(KnobValue::Urls(urls))
            }
        }
    }

    /// A value as text: what an input shows and a URL carries.
    pub fn format(&self, value: &KnobValue) -> String {
        match value {
            KnobValue::Int(n) => n.to_string(),
            KnobValue::Urls(urls) => urls.join("\n"),
        }
    }
}

/// The values of a lesson's knobs for one run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    values: Vec<(&'static str, KnobValue)>,
}

impl Settings {
    /// Every knob at the lesson's own value.
    pub fn defaults(lesson: &super::Lesson) -> Settings {
        Settings {
            values: lesson
                .knobs
                .iter()
                .map(|k| (k.id, k.default_value()))
                .collect(),
        }
    }

    /// The value of knob `id`, if the lesson has it.
    pub fn get(&self, id: &str) -> Option<&KnobValue> {
        self.values.iter().find(|(k, _)| *k == id).map(|(_, v)| v)
    }

    /// Knob `id` as a number (0 if the lesson has no such number knob).
    pub fn int(&self, id: &str) -> i64 {
        match self.get(id) {
            Some(KnobValue::Int(n)) => *n,
            _ => 0,
        }
    }

    /// Knob `id` as URLs (none if the lesson has no such knob).
    pub fn urls(&self, id: &str) -> Vec<String> {
        match self.get(id) {
            Some(KnobValue::Urls(urls)) => urls.clone(),
            _ => Vec::new(),
        }
    }

    /// Sets knob `id` (a value already checked by [`Knob::parse`]).
    pub fn set(&mut self, id: &str, value: KnobValue) {
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| *k == id) {
            slot.1 = value;
        }
    }

    /// Reads `id=value&...` (URL-decoded already by the caller or not: `%` escapes and `+`
    /// are decoded here). Unknown ids are ignored; refused values keep the default and are
    /// returned with their error, so the page can say why.
    pub fn from_query(
        lesson: &super::Lesson,
        query: &str,
    ) -> (Settings, Vec<(&'static str, KnobError)>) {
        let mut settings = Settings::defaults(lesson);
        let mut errors = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key);
            let Some(knob) = lesson.knobs.iter().find(|k| k.id == key) else {
                continue;
            };
            match knob.parse(&decode(value)) {
                Ok(value) => settings.set(knob.id, value),
                Err(error) => errors.push((knob.id, error)),
            }
        }
        (settings, errors)
    }

    /// The query for the values that differ from the lesson's own (empty if none).
    pub fn to_query(&self, lesson: &super::Lesson) -> String {
        lesson
            .knobs
            .iter()
            .filter_map(|knob| {
                let value = self.get(knob.id)?;
                (*value != knob.default_value())
                    .then(|| format!("{}={}", knob.id, encode(&knob.format(value))))
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-decoding of a query part (`+` is a space); invalid escapes stay as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding for a query value: everything but unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/:".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A seconds knob shown at `spots` (`asyncio.sleep(2)`), from 0 to `max` seconds.
pub const fn seconds(
    id: &'static str,
    label: Text,
    default: i64,
    max: i64,
    spots: &'static [Spot],
) -> Knob {
    Knob {
        id,
        python: "",
        spots,
        label,
        kind: KnobKind::Int {
            default,
            min: 0,
            max,
            unit: "s",
        },
    }
}

/// Replaces each knob's spots on one line (1-based `number`).
fn replace_spots(line: &str, number: u32, knobs: &[Knob], settings: &Settings) -> String {
    let mut line = line.to_string();
    for knob in knobs {
        let Some(value) = settings.get(knob.id) else {
            continue;
        };
        for spot in knob.spots.iter().filter(|s| s.line == number) {
            let from = format!("{}{}", spot.after, spot.literal);
            let to = format!("{}{}", spot.after, knob.format(value));
            line = line.replacen(&from, &to, 1);
        }
    }
    line
}

/// Writes knob values into a Python listing: `NAME = 5` lines get the value in use, a
/// `NAME = [` list of URLs gets its items replaced up to the closing `]`, and each knob's spots
/// (a literal in a call) show its value.
pub fn substitute(python: &str, knobs: &[Knob], settings: &Settings) -> String {
    let mut out = String::with_capacity(python.len());
    let mut skipping_list = false;
    for (index, line) in python.split_inclusive('\n').enumerate() {
        let replaced = replace_spots(line, index as u32 + 1, knobs, settings);
        let line = replaced.as_str();
        if skipping_list {
            if line.trim_start().starts_with(']') {
                skipping_list = false;
                out.push_str(line);
            }
            continue;
        }
        let knob = knobs.iter().find(|k| {
            !k.python.is_empty()
                && line
                    .strip_prefix(k.python)
                    .is_some_and(|rest| rest.starts_with(" = "))
        });
        let (Some(knob), Some(value)) = (knob, knob.and_then(|k| settings.get(k.id))) else {
            out.push_str(line);
            continue;
        };
        let rest = &line[knob.python.len() + 3..];
        match value {
            KnobValue::Int(n) => {
                // Keep a trailing comment where it was: `JOBS = 10      # ...`.
                let body = line.trim_end_matches('\n');
                let newline = &line[body.len()..];
                let rest = &body[knob.python.len() + 3..];
                let (old, comment) = rest.split_at(rest.find('#').unwrap_or(rest.len()));
                let value = n.to_string();
                let value = if comment.is_empty() {
                    value
                } else {
                    let width = old.len().max(value.len() + 2);
                    format!("{value:<width$}")
                };
                out.push_str(&format!("{} = {value}{comment}{newline}", knob.python));
            }
            KnobValue::Urls(urls) => {
                out.push_str(&format!("{} = [\n", knob.python));
                for url in urls {
                    let quoted = url.replace('\\', "\\\\").replace('"', "\\\"");
                    out.push_str(&format!("    \"{quoted}\",\n"));
                }
                skipping_list = rest.trim_start().starts_with('[') && !rest.contains(']');
                if !skipping_list {
                    out.push_str("]\n");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{decode, encode, substitute, Knob, KnobError, KnobKind, KnobValue, Settings};
    use crate::examples::Text;

    const JOBS: Knob = Knob {
        id: "jobs",
        python: "JOBS",
        spots: &[],
        label: Text {
            en: "jobs",
            zh: "任务数",
        },
        kind: KnobKind::Int {
            default: 10,
            min: 1,
            max: 50,
            unit: "",
        },
    };
    const URLS: Knob = Knob {
        id: "urls",
        python: "URLS",
        spots: &[],
        label: Text {
            en: "URLs",
            zh: "URL",
        },
        kind: KnobKind::Urls {
            default: &["a.png", "b.png"],
            max: 3,
        },
    };

    #[test]
    fn numbers_are_checked_against_their_bounds() {
        assert_eq!(JOBS.parse(" 7 "), Ok(KnobValue::Int(7)));
        assert_eq!(JOBS.parse("0"), Err(KnobError::TooSmall(1)));
        assert_eq!(JOBS.parse("-3"), Err(KnobError::TooSmall(1)));
        assert_eq!(JOBS.parse("51"), Err(KnobError::TooLarge(50)));
        assert_eq!(
            JOBS.parse("99999999999999999999999"),
            Err(KnobError::NotANumber("99999999999999999999999".into()))
        );
        for bad in ["", "NaN", "abc", "1.5", "1e3", "<b>1</b>"] {
            assert!(
                matches!(JOBS.parse(bad), Err(KnobError::NotANumber(_))),
                "{bad}"
            );
        }
        assert!(JOBS
            .parse("x")
            .unwrap_err()
            .message(false)
            .contains("not a whole number"));
        assert!(JOBS
            .parse("0")
            .unwrap_err()
            .message(true)
            .contains("不能小于 1"));
    }

    #[test]
    fn url_lists_are_checked_line_by_line() {
        assert_eq!(
            URLS.parse("a.png\n\n https://x.org/b.jpg \n"),
            Ok(KnobValue::Urls(vec![
                "a.png".into(),
                "https://x.org/b.jpg".into()
            ]))
        );
        assert_eq!(URLS.parse(" \n "), Err(KnobError::NoUrls));
        assert_eq!(URLS.parse("a\nb\nc\nd"), Err(KnobError::TooManyUrls(3)));
        let error = URLS.parse("a.png\njavascript:alert(1)").unwrap_err();
        assert!(matches!(error, KnobError::BadUrl(2, _)), "{error:?}");
    }

    #[test]
    fn queries_round_trip_and_bad_values_keep_the_default() {
        let lesson = crate::examples::find("run-in-executor").expect("lesson");
        let (settings, errors) = Settings::from_query(lesson, "workers=2&jobs=abc&nope=1");
        assert_eq!(settings.int("workers"), 2);
        assert_eq!(settings.int("jobs"), 10);
        assert_eq!(errors.len(), 1);
        assert_eq!(settings.to_query(lesson), "workers=2");
        let (again, errors) = Settings::from_query(lesson, &settings.to_query(lesson));
        assert!(errors.is_empty());
        assert_eq!(again, settings);
        assert_eq!(decode("a%20b+c%2"), "a b c%2");
        assert_eq!(decode(&encode("x y\n\"&")), "x y\n\"&");
    }

    #[test]
    fn spots_show_values_inside_calls() {
        use super::{seconds, spot};
        const SLOW: Knob = seconds(
            "slow",
            Text {
                en: "slow",
                zh: "慢",
            },
            3,
            30,
            &[spot(2, "sleep(", "3")],
        );
        let mut settings = Settings {
            values: vec![("slow", KnobValue::Int(3))],
        };
        let python = "x = 3\n    await asyncio.sleep(3)  # 3 s\n";
        assert_eq!(substitute(python, &[SLOW], &settings), python);
        settings.set("slow", KnobValue::Int(12));
        assert_eq!(
            substitute(python, &[SLOW], &settings),
            "x = 3\n    await asyncio.sleep(12)  # 3 s\n"
        );
    }

    #[test]
    fn the_python_listing_shows_the_values_in_use() {
        let lesson = crate::examples::find("executor-sequential").expect("lesson");
        let defaults = Settings::defaults(lesson);
        assert_eq!(
            lesson.python_with(&defaults),
            lesson.python,
            "defaults change nothing"
        );
        let python =
            "JOBS = 10  # how many\nURLS = [\n    \"a.png\",\n    \"b.png\",\n]\nprint(JOBS)\n";
        let mut settings = Settings {
            values: vec![("jobs", KnobValue::Int(10)), ("urls", URLS.default_value())],
        };
        settings.set("jobs", KnobValue::Int(3));
        settings.set("urls", KnobValue::Urls(vec!["c.png".into()]));
        let out = substitute(python, &[JOBS, URLS], &settings);
        assert_eq!(
            out,
            "JOBS = 3   # how many\nURLS = [\n    \"c.png\",\n]\nprint(JOBS)\n"
        );
    }
}
