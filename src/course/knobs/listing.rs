//! The Python listing with the knobs' values in use written in (`JOBS = 3`, `sleep(12)`).

use super::{Knob, KnobValue, Settings};

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
    use super::substitute;
    use crate::course::knobs::tests::{JOBS, URLS};
    use crate::course::knobs::{Knob, KnobValue, Settings};
    use crate::course::Text;
    use crate::lang::Lang;

    #[test]
    fn spots_show_values_inside_calls() {
        use crate::course::knobs::{seconds, spot};
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
        let mut settings = Settings::from_values(vec![("slow", KnobValue::Int(3000))]);
        let python = "x = 3\n    await asyncio.sleep(3)  # 3 s\n";
        assert_eq!(substitute(python, &[SLOW], &settings), python);
        settings.set("slow", KnobValue::Int(12000));
        assert_eq!(
            substitute(python, &[SLOW], &settings),
            "x = 3\n    await asyncio.sleep(12)  # 3 s\n"
        );
        // Half a second is written as Python writes it.
        settings.set("slow", KnobValue::Int(500));
        assert_eq!(
            substitute(python, &[SLOW], &settings),
            "x = 3\n    await asyncio.sleep(0.5)  # 3 s\n"
        );
    }

    #[test]
    fn the_python_listing_shows_the_values_in_use() {
        let lesson = crate::course::find("executor-sequential").expect("lesson");
        let defaults = Settings::defaults(lesson);
        assert_eq!(
            lesson.python_with(&defaults, Lang::En),
            lesson.python(Lang::En),
            "defaults change nothing"
        );
        let python =
            "JOBS = 10  # how many\nURLS = [\n    \"a.png\",\n    \"b.png\",\n]\nprint(JOBS)\n";
        let mut settings = Settings::from_values(vec![
            ("jobs", KnobValue::Int(10)),
            ("urls", URLS.default_value()),
        ]);
        settings.set("jobs", KnobValue::Int(3));
        settings.set("urls", KnobValue::Urls(vec!["c.png".into()]));
        let out = substitute(python, &[JOBS, URLS], &settings);
        assert_eq!(
            out,
            "JOBS = 3   # how many\nURLS = [\n    \"c.png\",\n]\nprint(JOBS)\n"
        );
    }
}
