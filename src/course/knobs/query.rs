//! Knob values in links: `workers=2&jobs=6`, percent-encoded, the one codec every link of the
//! page goes through (knob queries, share links, routes).

use super::{KnobError, Settings};
use crate::course::Lesson;

impl Settings {
    /// Reads `id=value&...` ([`pairs`]: `%` escapes and `+` are decoded here). Unknown ids are ignored; refused values keep the default and are
    /// returned with their error, so the page can say why.
    pub fn from_query(lesson: &Lesson, query: &str) -> (Settings, Vec<(&'static str, KnobError)>) {
        let mut settings = Settings::defaults(lesson);
        let mut errors = Vec::new();
        for (key, value) in pairs(query) {
            let Some(knob) = lesson.knobs.iter().find(|k| k.id == key) else {
                continue;
            };
            match knob.parse(&value) {
                Ok(value) => settings.set(knob.id, value),
                Err(error) => errors.push((knob.id, error)),
            }
        }
        (settings, errors)
    }

    /// The query for the values that differ from the lesson's own (empty if none).
    pub fn to_query(&self, lesson: &Lesson) -> String {
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

/// The `key=value` pairs of a query, each part percent-decoded (a bare `key` has an empty
/// value; empty parts are skipped).
pub fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key), decode(value))
    })
}

/// Percent-decoding of a query part (`+` is a space); invalid escapes stay as they are.
pub fn decode(text: &str) -> String {
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
pub fn encode(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use crate::course::knobs::{KnobValue, Settings};

    #[test]
    fn queries_round_trip_and_bad_values_keep_the_default() {
        let lesson = crate::course::find("run-in-executor").expect("lesson");
        let (settings, errors) = Settings::from_query(lesson, "workers=2&jobs=abc&nope=1");
        assert_eq!(settings.get("workers"), Some(&KnobValue::Int(2)));
        assert_eq!(settings.get("jobs"), Some(&KnobValue::Int(10)));
        assert_eq!(errors.len(), 1);
        assert_eq!(settings.to_query(lesson), "workers=2");
        let (again, errors) = Settings::from_query(lesson, &settings.to_query(lesson));
        assert!(errors.is_empty());
        assert_eq!(again, settings);
        assert_eq!(decode("a%20b+c%2"), "a b c%2");
        assert_eq!(decode(&encode("x y\n\"&")), "x y\n\"&");
    }
}
