//! The parts of a lesson an embed shows at once, as a link chooses them: `show=python,output`
//! (those parts, the rest one click away), `hide=timeline,internals` (all but those), or
//! `compact=1` (the Python listing and the output). A name a link gives that is no part is
//! returned, to be named on the page, never dropped silently.

use super::i18n::t;
use crate::course::knobs::query::pairs;
use crate::lang::Text;

/// One part of a lesson's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The lesson's note (what to look for).
    Note,
    /// The knobs.
    Knobs,
    /// The Python listing.
    Python,
    /// The Rust listing.
    Rust,
    /// The output, with predict mode, the console and the hints.
    Output,
    /// The timeline, with the outside work (downloads, workers, files).
    Timeline,
    /// Replay and the loop's internals.
    Internals,
}

impl Part {
    /// Every part, in the page's order.
    pub const ALL: [Part; 7] = [
        Part::Note,
        Part::Knobs,
        Part::Python,
        Part::Rust,
        Part::Output,
        Part::Timeline,
        Part::Internals,
    ];

    /// Its name in a link.
    pub fn name(self) -> &'static str {
        match self {
            Part::Note => "note",
            Part::Knobs => "knobs",
            Part::Python => "python",
            Part::Rust => "rust",
            Part::Output => "output",
            Part::Timeline => "timeline",
            Part::Internals => "internals",
        }
    }

    /// The part a link names (case does not matter).
    pub fn named(name: &str) -> Option<Part> {
        Part::ALL
            .into_iter()
            .find(|part| part.name().eq_ignore_ascii_case(name.trim()))
    }

    /// What the page calls it.
    pub fn words(self) -> Text {
        match self {
            Part::Note => t("the note", "说明"),
            Part::Knobs => t("the knobs", "参数"),
            Part::Python => t("the Python code", "Python 代码"),
            Part::Rust => t("the Rust code", "Rust 代码"),
            Part::Output => t("the output", "输出"),
            Part::Timeline => t("the timeline", "时间线"),
            Part::Internals => t("replay and the loop's internals", "回放与事件循环内部"),
        }
    }

    fn bit(self) -> u8 {
        1 << Part::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// A set of parts: the ones shown at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts(u8);

impl Parts {
    /// Every part: the whole lesson, as the page shows it.
    pub const ALL: Parts = Parts((1 << Part::ALL.len()) - 1);
    /// The compact embed: the Python listing and the output side by side (tabs on a phone).
    pub const COMPACT: Parts = Parts(0b1_0100);

    /// Whether `part` is shown at once.
    pub fn has(self, part: Part) -> bool {
        self.0 & part.bit() != 0
    }

    /// This set with `part` shown or not.
    pub fn with(self, part: Part, shown: bool) -> Parts {
        if shown {
            Parts(self.0 | part.bit())
        } else {
            Parts(self.0 & !part.bit())
        }
    }

    /// Whether every part is shown.
    pub fn is_all(self) -> bool {
        self == Parts::ALL
    }

    /// The parts not shown at once, in the page's order.
    pub fn hidden(self) -> impl Iterator<Item = Part> {
        Part::ALL.into_iter().filter(move |p| !self.has(*p))
    }

    /// How a link says this set: `show=python,output`; `None` for every part (or none, which
    /// shows every part too).
    pub fn to_query(self) -> Option<String> {
        if self.is_all() || self.0 == 0 {
            return None;
        }
        let names: Vec<_> = Part::ALL
            .into_iter()
            .filter(|p| self.has(*p))
            .map(Part::name)
            .collect();
        Some(format!("show={}", names.join(",")))
    }
}

/// The parts a link's query shows at once (`show=`, `hide=`, `compact=1`), and the names in
/// them that are no part. A `show=` that names no part shows every part.
pub fn parts_in(query: &str) -> (Parts, Vec<String>) {
    let mut parts = Parts::ALL;
    let mut unknown = Vec::new();
    let read = |list: &str, unknown: &mut Vec<String>| -> Vec<Part> {
        list.split(',')
            .filter(|name| !name.trim().is_empty())
            .filter_map(|name| {
                let part = Part::named(name);
                if part.is_none() {
                    unknown.push(name.trim().to_string());
                }
                part
            })
            .collect()
    };
    for (key, value) in pairs(query) {
        match key.as_str() {
            "compact" if !matches!(value.as_str(), "0" | "false" | "no") => {
                parts = Parts::COMPACT;
            }
            "show" => {
                let shown = read(&value, &mut unknown);
                if !shown.is_empty() {
                    parts = shown
                        .into_iter()
                        .fold(Parts(0), |set, part| set.with(part, true));
                }
            }
            "hide" => {
                for part in read(&value, &mut unknown) {
                    parts = parts.with(part, false);
                }
            }
            _ => {}
        }
    }
    if parts.0 == 0 {
        parts = Parts::ALL;
    }
    (parts, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_is_the_python_listing_and_the_output() {
        assert!(Parts::COMPACT.has(Part::Python));
        assert!(Parts::COMPACT.has(Part::Output));
        assert_eq!(Parts::COMPACT.hidden().count(), Part::ALL.len() - 2);
        assert_eq!(parts_in("compact=1"), (Parts::COMPACT, vec![]));
        assert_eq!(parts_in("compact=0"), (Parts::ALL, vec![]));
        assert_eq!(
            Parts::COMPACT.to_query().as_deref(),
            Some("show=python,output")
        );
    }

    #[test]
    fn a_link_chooses_the_parts_and_names_what_is_no_part() {
        let (parts, unknown) = parts_in("show=python,output,timeline&x=1");
        assert_eq!(
            parts.hidden().collect::<Vec<_>>(),
            vec![Part::Note, Part::Knobs, Part::Rust, Part::Internals]
        );
        assert!(unknown.is_empty());
        let (parts, unknown) = parts_in("hide=rust,Timeline");
        assert_eq!(
            parts.hidden().collect::<Vec<_>>(),
            vec![Part::Rust, Part::Timeline]
        );
        assert!(unknown.is_empty());
        let (parts, unknown) = parts_in("show=python,outptu");
        assert_eq!(parts, Parts(Part::Python.bit()));
        assert_eq!(unknown, vec!["outptu".to_string()]);
        // Nothing known to show: the whole lesson, and the names said.
        assert_eq!(
            parts_in("show=everything,"),
            (Parts::ALL, vec!["everything".to_string()])
        );
        assert_eq!(
            parts_in("hide=note,knobs,python,rust,output,timeline,internals").0,
            Parts::ALL
        );
    }

    #[test]
    fn every_set_goes_through_a_link_unchanged() {
        for bits in 1..Parts::ALL.0 {
            let parts = Parts(bits);
            let query = parts.to_query().expect("not every part");
            assert_eq!(parts_in(&query), (parts, vec![]), "{query}");
        }
        assert_eq!(Parts::ALL.to_query(), None);
    }
}
