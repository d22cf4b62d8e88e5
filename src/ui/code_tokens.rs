//! Highlighting for the code editor: the learner's Python cut into token spans as they type, in
//! the classes the lessons' build-time highlighting uses (`highlight.rs`), so both look alike.
//! A light scanner, not the parser: it must colour half-typed code too.

/// A token: start and end byte in the source, and its class letter (`c` comment, `s` string,
/// `n` number or `True` / `False` / `None`, `k` keyword, `f` a function defined or called,
/// `t` a class defined).
pub type Token = (usize, usize, u8);

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The tokens of `source`, in order; what lies between them is plain text.
pub fn tokens(source: &str) -> Vec<Token> {
    let bytes = source.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    // The last word, for `def name` and `class Name`.
    let mut last_word = "";
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'#' {
            let end = source[i..].find('\n').map_or(source.len(), |n| i + n);
            out.push((i, end, b'c'));
            i = end;
        } else if let Some(end) = string_at(source, i) {
            out.push((i, end, b's'));
            i = end;
            last_word = "";
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let end = i + source[i..]
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '.'))
                .unwrap_or(source.len() - i);
            out.push((i, end, b'n'));
            i = end;
        } else if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let end = i + source[i..]
                .find(|ch: char| !(ch == '_' || ch.is_alphanumeric()))
                .unwrap_or(source.len() - i);
            let word = &source[i..end];
            let called = source[end..]
                .trim_start_matches([' ', '\t'])
                .starts_with('(');
            let class = match word {
                "True" | "False" | "None" => Some(b'n'),
                _ if KEYWORDS.contains(&word) => Some(b'k'),
                _ if last_word == "def" => Some(b'f'),
                _ if last_word == "class" => Some(b't'),
                _ if called => Some(b'f'),
                _ => None,
            };
            if let Some(class) = class {
                out.push((i, end, class));
            }
            last_word = word;
            i = end;
        } else {
            if !c.is_ascii_whitespace() {
                last_word = "";
            }
            // A whole character, so no token starts inside one.
            i += source[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The end of the string literal that starts at `i` (with its prefix: `f"…"`, `rb'…'`), if one
/// does; an unclosed one ends with its line (or, triple-quoted, with the source).
fn string_at(source: &str, i: usize) -> Option<usize> {
    let rest = &source[i..];
    let prefix = rest
        .bytes()
        .take(3)
        .take_while(|b| b"rRbBuUfF".contains(b))
        .count();
    let body = &rest[prefix..];
    let quote = body.bytes().next().filter(|q| *q == b'"' || *q == b'\'')?;
    // A word such as `bar` is not a prefix: only up to two letters before a quote.
    if prefix > 2 {
        return None;
    }
    let triple = body.len() >= 3 && body.as_bytes()[1] == quote && body.as_bytes()[2] == quote;
    let open = if triple { 3 } else { 1 };
    let bytes = body.as_bytes();
    let mut j = open;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'\n' if !triple => return Some(i + prefix + j),
            q if q == quote
                && (!triple
                    || (bytes.get(j + 1) == Some(&quote) && bytes.get(j + 2) == Some(&quote))) =>
            {
                return Some(i + prefix + j + open);
            }
            _ => j += 1,
        }
    }
    Some(source.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(source: &str) -> Vec<(&str, char)> {
        tokens(source)
            .into_iter()
            .map(|(s, e, c)| (&source[s..e], c as char))
            .collect()
    }

    #[test]
    fn keywords_names_strings_numbers_and_comments() {
        assert_eq!(
            classes("async def main(n=10):  # start\n    await asyncio.sleep(0.5)\n"),
            [
                ("async", 'k'),
                ("def", 'k'),
                ("main", 'f'),
                ("10", 'n'),
                ("# start", 'c'),
                ("await", 'k'),
                ("sleep", 'f'),
                ("0.5", 'n'),
            ]
        );
        assert_eq!(
            classes("class Box:\n    x = None if f'{a}' else b\"#\"\n"),
            [
                ("class", 'k'),
                ("Box", 't'),
                ("None", 'n'),
                ("if", 'k'),
                ("f'{a}'", 's'),
                ("else", 'k'),
                ("b\"#\"", 's'),
            ]
        );
    }

    #[test]
    fn strings_span_lines_when_triple_quoted_and_stop_at_the_line_when_unclosed() {
        let source = "x = \"\"\"one\n'two'\n\"\"\" + 'open\ny = 1";
        assert_eq!(
            classes(source),
            [
                ("\"\"\"one\n'two'\n\"\"\"", 's'),
                ("'open", 's'),
                ("1", 'n')
            ]
        );
        assert_eq!(classes("s = 'a\\'b'"), [("'a\\'b'", 's')]);
        // Half-typed code is coloured, never a panic.
        for cut in ["'", "\"\"\"", "f'", "#", "1e", "中文 = '文'"] {
            let _ = tokens(cut);
        }
    }
}
