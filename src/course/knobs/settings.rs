//! The values of a lesson's knobs for one run, and how a lesson's entry reads them.

use std::cell::RefCell;

use super::KnobValue;
use crate::course::Lesson;

/// The values of a lesson's knobs for one run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    values: Vec<(&'static str, KnobValue)>,
}

impl Settings {
    /// Every knob at the lesson's own value.
    pub fn defaults(lesson: &Lesson) -> Settings {
        Settings {
            values: lesson
                .knobs
                .iter()
                .map(|k| (k.id, k.default_value()))
                .collect(),
        }
    }

    /// Settings holding exactly these values (for tests of what reads them).
    #[cfg(test)]
    pub(crate) fn from_values(values: Vec<(&'static str, KnobValue)>) -> Settings {
        Settings { values }
    }

    /// The value of knob `id`, if the lesson has it.
    pub fn get(&self, id: &str) -> Option<&KnobValue> {
        self.values.iter().find(|(k, _)| *k == id).map(|(_, v)| v)
    }

    /// Sets knob `id` (a value already checked by [`Knob::parse`](super::Knob::parse)).
    pub fn set(&mut self, id: &str, value: KnobValue) {
        if let Some(slot) = self.values.iter_mut().find(|(k, _)| *k == id) {
            slot.1 = value;
        }
    }
}

/// What a lesson's entry reads its knobs through: the run's [`Settings`], and a note of the
/// first id asked for that the lesson does not have (a misspelt id), with which
/// [`Lesson::start_with`](crate::course::Lesson::start_with) fails the run rather than let the
/// lesson go on with a silent 0.
pub struct KnobReader<'a> {
    settings: &'a Settings,
    unknown: RefCell<Option<String>>,
}

impl<'a> KnobReader<'a> {
    /// Reads `settings`.
    pub fn new(settings: &'a Settings) -> Self {
        KnobReader {
            settings,
            unknown: RefCell::default(),
        }
    }

    fn missing(&self, id: &str) {
        let mut unknown = self.unknown.borrow_mut();
        if unknown.is_none() {
            *unknown = Some(id.to_string());
        }
    }

    /// Seconds knob `id` in seconds (0, and noted, if the lesson has no such knob).
    pub fn seconds(&self, id: &str) -> f64 {
        self.int(id) as f64 / 1000.0
    }

    /// Number knob `id` (0, and noted, if the lesson has no such knob); a seconds knob's in
    /// milliseconds.
    pub fn int(&self, id: &str) -> i64 {
        match self.settings.get(id) {
            Some(KnobValue::Int(n)) => *n,
            _ => {
                self.missing(id);
                0
            }
        }
    }

    /// URL-list knob `id` (none, and noted, if the lesson has no such knob).
    pub fn urls(&self, id: &str) -> Vec<String> {
        match self.settings.get(id) {
            Some(KnobValue::Urls(urls)) => urls.clone(),
            _ => {
                self.missing(id);
                Vec::new()
            }
        }
    }

    /// The first id asked for that the lesson does not have, if any.
    pub fn unknown(&self) -> Option<String> {
        self.unknown.borrow().clone()
    }
}
