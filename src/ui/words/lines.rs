//! Citing a line of the lesson: the Python line the learner reads, the Rust line after it.

use crate::course::{align, Lesson};
use crate::ui::i18n::Lang;

/// For each Rust line of the open lesson, the Python line it stands for
/// ([`align::python_lines`]), made once per lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines(Vec<Option<u32>>);

impl Lines {
    /// The lines of `lesson`.
    pub fn of(lesson: &Lesson) -> Lines {
        // Both languages' listings have the same lines: the English ones align both.
        Lines(align::python_lines(
            lesson.rust_listing(Lang::En),
            lesson.python(Lang::En),
            true,
        ))
    }

    /// The Python line Rust line `rust` stands for, if one does.
    pub fn python_of(&self, rust: u32) -> Option<u32> {
        self.0.get(rust as usize).copied().flatten()
    }

    /// "Python line 18 / Rust line 23", or "Rust line 23" where no Python line stands for it.
    pub fn cite(&self, rust: u32, lang: Lang) -> String {
        match (self.python_of(rust), lang) {
            (Some(py), Lang::En) => format!("Python line {py} / Rust line {rust}"),
            (Some(py), Lang::Zh) => format!("Python 第 {py} 行 / Rust 第 {rust} 行"),
            (None, Lang::En) => format!("Rust line {rust}"),
            (None, Lang::Zh) => format!("Rust 第 {rust} 行"),
        }
    }

    /// Several lines: "Python lines 5, 7" where every one has a Python line, else the Rust
    /// lines.
    pub fn cite_all(&self, rust: &[u32], lang: Lang) -> String {
        let python: Option<Vec<u32>> = rust.iter().map(|&r| self.python_of(r)).collect();
        let (which, list) = match python {
            Some(python) => ("Python", python),
            None => ("Rust", rust.to_vec()),
        };
        let list = list
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        match lang {
            Lang::En => format!("{which} lines {list}"),
            Lang::Zh => format!("{which} 第 {list} 行"),
        }
    }
}
