//! Python's way of printing values, for lessons whose output must match CPython's exactly.

use crate::runtime::{Future, Gather, Task};

/// The Python class a runtime object is the twin of, as `type(x)` names it.
pub trait PyClass {
    /// Its qualified name (`_asyncio.Task`).
    const CLASS: &'static str;
    /// Whether `asyncio.isfuture(x)` is true of it: a Future or a subclass (Task, the gather's
    /// `_GatheringFuture`).
    const IS_FUTURE: bool;
}

impl<T> PyClass for Task<T> {
    const CLASS: &'static str = "_asyncio.Task";
    const IS_FUTURE: bool = true;
}

impl<T> PyClass for Future<T> {
    const CLASS: &'static str = "_asyncio.Future";
    const IS_FUTURE: bool = true;
}

impl<T> PyClass for Gather<T> {
    const CLASS: &'static str = "asyncio.tasks._GatheringFuture";
    const IS_FUTURE: bool = true;
}

/// `print(type(x))`: `<class '_asyncio.Task'>`.
pub fn type_of<T: PyClass>(_value: &T) -> String {
    format!("<class '{}'>", T::CLASS)
}

/// `asyncio.isfuture(x)`.
pub fn isfuture<T: PyClass>(_value: &T) -> bool {
    T::IS_FUTURE
}

/// `print(True)` / `print(False)`.
pub fn bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// `print(x)` of a Python `None`, which Rust writes as `()`: what `await asyncio.sleep(2)`
/// gives back.
pub fn none(_unit: ()) -> &'static str {
    "None"
}

/// `print(["a", "b"])`: a list of strings, as Python's `repr` writes it.
pub fn str_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| str_repr(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

/// `repr(s)` for a string: single quotes unless the text contains one and no double quote.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_cpython_prints_them() {
        assert_eq!(bool(true), "True");
        assert_eq!(str_list(&["slow", "fast"]), "['slow', 'fast']");
        assert_eq!(str_list::<&str>(&[]), "[]");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("line\nnext"), "'line\\nnext'");
    }
}
