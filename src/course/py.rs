//! Python's way of printing values, for lessons whose output must match CPython's exactly.

/// `print(True)` / `print(False)`.
pub fn bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
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
