//! Knobs: the values of a lesson a learner may change (counts, durations, URLs), with bounds.
//!
//! A knob has an id (used in URLs: `#/lesson/run-in-executor?workers=3`), the name of the
//! constant it sets in the Python listing (`MAX_WORKERS = 3`, written in so the listing shows
//! the value in use), a bilingual label and its kind with bounds. [`Knob::parse`] turns what a
//! learner typed into a value or a [`KnobError`] saying why not; the last valid value stays.
//! A run's values are [`Settings`]; links carry them as a query ([`query`]); the Python
//! listing shows them ([`listing`]).

pub mod listing;
pub mod query;
mod settings;

pub use settings::{KnobReader, Settings};

use super::lesson::Text;
use crate::runtime::fetch::check_url;

/// What kind of value a knob holds, with its bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnobKind {
    /// A whole number in `min..=max`, in `unit`.
    Int {
        /// The lesson's own value.
        default: i64,
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
        /// What the number counts.
        unit: Unit,
    },
    /// A list of URLs, one per line (http, https or relative), at most `max` of them.
    Urls {
        /// The lesson's own list.
        default: &'static [&'static str],
        /// How many at most.
        max: usize,
    },
}

/// What a number knob counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A plain count (jobs, workers, items).
    Count,
    /// Seconds of the lesson's clock: a duration. Its numbers (default, bounds, value) are
    /// kept in **milliseconds**, so a learner may type `0.5`; they are shown in seconds.
    Seconds,
    /// A transfer rate.
    KilobytesPerSecond,
}

impl Unit {
    /// Shown after the number (`"s"`; nothing for a count).
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Seconds => "s",
            Unit::KilobytesPerSecond => "KB/s",
        }
    }

    /// A value of this unit as milliseconds, if it is a duration.
    pub fn as_ms(self, value: i64) -> Option<u64> {
        match self {
            Unit::Seconds => Some(value.max(0) as u64),
            Unit::Count | Unit::KilobytesPerSecond => None,
        }
    }
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
    /// A number, in its knob's unit ([`Unit::Seconds`]: milliseconds).
    Int(i64),
    /// URLs, in order.
    Urls(Vec<String>),
}

/// Why a typed value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KnobError {
    /// Not a whole number at all (empty, `NaN`, `abc`, `1.5`).
    NotANumber(String),
    /// Not a number of seconds (`abc`, `1,5`, more than three decimals).
    NotSeconds(String),
    /// Below the minimum (as the knob shows it).
    TooSmall(String),
    /// Above the maximum (as the knob shows it).
    TooLarge(String),
    /// No URL given.
    NoUrls,
    /// More URLs than allowed.
    TooManyUrls(usize),
    /// One of the URLs cannot be fetched at all (its line and why).
    BadUrl(usize, String),
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
            KnobKind::Int { min, max, unit, .. } => {
                let trimmed = text.trim();
                let shown: String = trimmed.chars().take(40).collect();
                let number = match unit {
                    Unit::Seconds => parse_ms(trimmed).ok_or(KnobError::NotSeconds(shown))?,
                    Unit::Count | Unit::KilobytesPerSecond => trimmed
                        .parse::<i64>()
                        .map_err(|_| KnobError::NotANumber(shown))?,
                };
                if number < min {
                    Err(KnobError::TooSmall(self.show(min)))
                } else if number > max {
                    Err(KnobError::TooLarge(self.show(max)))
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

    /// Its value in `settings` as milliseconds, if it is a duration knob.
    pub fn duration_ms(&self, settings: &Settings) -> Option<u64> {
        match self.kind {
            KnobKind::Int { unit, .. } => match settings.get(self.id)? {
                KnobValue::Int(value) => unit.as_ms(*value),
                KnobValue::Urls(_) => None,
            },
            KnobKind::Urls { .. } => None,
        }
    }

    /// A value as text: what an input shows, a URL carries and the Python listing writes.
    pub fn format(&self, value: &KnobValue) -> String {
        match value {
            KnobValue::Int(n) => self.show(*n),
            KnobValue::Urls(urls) => urls.join("\n"),
        }
    }

    /// One of this knob's numbers as the learner reads it: seconds from milliseconds
    /// (`500` → `0.5`, `2000` → `2`), anything else as it is.
    pub fn show(&self, number: i64) -> String {
        match self.kind {
            KnobKind::Int {
                unit: Unit::Seconds,
                ..
            } => {
                let (whole, ms) = (number / 1000, (number % 1000).abs());
                if ms == 0 {
                    whole.to_string()
                } else {
                    let sign = if number < 0 && whole == 0 { "-" } else { "" };
                    let decimals = format!("{ms:03}");
                    format!("{sign}{whole}.{}", decimals.trim_end_matches('0'))
                }
            }
            _ => number.to_string(),
        }
    }
}

/// Seconds as typed (`2`, `0.5`, `1.25`; at most three decimals) in milliseconds.
fn parse_ms(text: &str) -> Option<i64> {
    let (whole, decimals) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let negative = whole.starts_with('-');
    let whole_digits = whole.trim_start_matches('-');
    if (whole_digits.is_empty() && decimals.is_empty())
        || !digits(whole_digits)
        || !digits(decimals)
        || decimals.len() > 3
        || whole_digits.len() > 9
    {
        return None;
    }
    let whole: i64 = if whole_digits.is_empty() {
        0
    } else {
        whole_digits.parse().ok()?
    };
    let ms: i64 = format!("{decimals:0<3}").parse().ok()?;
    let value = whole * 1000 + ms;
    Some(if negative { -value } else { value })
}

/// A seconds knob shown at `spots` (`asyncio.sleep(2)`), from 0 to `max` seconds (the numbers
/// are kept in milliseconds: see [`Unit::Seconds`]).
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
            default: default * 1000,
            min: 0,
            max: max * 1000,
            unit: Unit::Seconds,
        },
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{Knob, KnobError, KnobKind, KnobValue, Unit};
    use crate::course::Text;

    pub(crate) const JOBS: Knob = Knob {
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
            unit: Unit::Count,
        },
    };
    pub(crate) const URLS: Knob = Knob {
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
        assert_eq!(JOBS.parse("0"), Err(KnobError::TooSmall("1".into())));
        assert_eq!(JOBS.parse("-3"), Err(KnobError::TooSmall("1".into())));
        assert_eq!(JOBS.parse("51"), Err(KnobError::TooLarge("50".into())));
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
    }

    #[test]
    fn seconds_take_decimals_and_are_kept_in_milliseconds() {
        let sleep = super::seconds(
            "f1",
            Text {
                en: "f1 sleeps",
                zh: "f1 睡眠",
            },
            2,
            30,
            &[],
        );
        assert_eq!(sleep.default_value(), KnobValue::Int(2000));
        assert_eq!(sleep.parse("0.5"), Ok(KnobValue::Int(500)));
        assert_eq!(sleep.parse(" 1.25 "), Ok(KnobValue::Int(1250)));
        assert_eq!(sleep.parse(".5"), Ok(KnobValue::Int(500)));
        assert_eq!(sleep.parse("3"), Ok(KnobValue::Int(3000)));
        assert_eq!(sleep.parse("30.5"), Err(KnobError::TooLarge("30".into())));
        assert_eq!(sleep.parse("-0.5"), Err(KnobError::TooSmall("0".into())));
        for bad in [
            "",
            ".",
            "abc",
            "1,5",
            "0.0001",
            "1e3",
            "1.2.3",
            "NaN",
            "99999999999",
        ] {
            assert!(
                matches!(sleep.parse(bad), Err(KnobError::NotSeconds(_))),
                "{bad}"
            );
        }
        for (ms, shown) in [
            (500, "0.5"),
            (2000, "2"),
            (1250, "1.25"),
            (30, "0.03"),
            (0, "0"),
        ] {
            assert_eq!(sleep.format(&KnobValue::Int(ms)), shown);
            assert_eq!(sleep.parse(shown), Ok(KnobValue::Int(ms)));
        }
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
}
