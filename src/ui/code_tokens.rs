//! Highlighting: a listing cut into token spans, for the lessons' listings (Python and Rust) and
//! for the learner's Python as they type. Light scanners, not parsers: they must colour
//! half-typed code too, and they are small enough to run as a listing is drawn, so the page
//! carries no table of tokens (the build used to compute them with syntect: 163 KB of the first
//! download's wasm).

/// A token: start and end byte in the source, and its class letter (`c` comment, `s` string,
/// `n` number or `True` / `False` / `None` / `true` / `false`, `k` keyword (a Rust primitive
/// type and lifetime too), `m` a Rust macro with its `!`, `f` a function defined or called,
/// `t` a class or type).
pub type Token = (usize, usize, u8);

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// The tokens of Python `source`, in order; what lies between them is plain text.
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
            let end = i + word_len(&source[i..]);
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

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "Self", "static", "struct", "super", "trait", "type", "unsafe", "use", "where",
    "while",
];

const RUST_PRIMITIVES: &[&str] = &[
    "bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "str", "u8", "u16",
    "u32", "u64", "u128", "usize",
];

/// The tokens of Rust `source`, in order; what lies between them is plain text.
pub fn rust_tokens(source: &str) -> Vec<Token> {
    let bytes = source.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    // The last word, for `fn name` and `struct Name`.
    let mut last_word = "";
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == b'/' && next == Some(b'/') {
            let end = source[i..].find('\n').map_or(source.len(), |n| i + n);
            out.push((i, end, b'c'));
            i = end;
        } else if c == b'/' && next == Some(b'*') {
            let end = block_comment_end(bytes, i);
            out.push((i, end, b'c'));
            i = end;
        } else if let Some(end) = rust_string_at(bytes, i) {
            out.push((i, end, b's'));
            i = end;
            last_word = "";
        } else if c == b'\'' {
            // A character literal, or a lifetime (`'a`, `'static`).
            let (end, class) = match char_literal_end(source, i) {
                Some(end) => (end, b's'),
                None => (i + 1 + word_len(&source[i + 1..]), b'k'),
            };
            out.push((i, end, class));
            i = end;
        } else if c.is_ascii_digit() {
            let mut end = i;
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric()
                    || bytes[end] == b'_'
                    || (bytes[end] == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
            {
                end += 1;
            }
            out.push((i, end, b'n'));
            i = end;
        } else if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let end = i + word_len(&source[i..]);
            let word = &source[i..end];
            let after = &source[end..];
            if after.starts_with('!') && !after.starts_with("!=") {
                out.push((i, end + 1, b'm'));
                last_word = word;
                i = end + 1;
                continue;
            }
            let class = match word {
                "true" | "false" => Some(b'n'),
                _ if RUST_KEYWORDS.contains(&word) => Some(b'k'),
                _ if RUST_PRIMITIVES.contains(&word) => Some(b'k'),
                _ if last_word == "fn" => Some(b'f'),
                _ if matches!(last_word, "struct" | "enum" | "trait" | "type") => Some(b't'),
                _ if after.trim_start_matches([' ', '\t']).starts_with('(')
                    && !word.starts_with(char::is_uppercase) =>
                {
                    Some(b'f')
                }
                _ if word.starts_with(|ch: char| ch.is_ascii_uppercase()) => Some(b't'),
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
            i += source[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The length of the word (identifier) at the start of `rest`.
fn word_len(rest: &str) -> usize {
    rest.find(|ch: char| !(ch == '_' || ch.is_alphanumeric()))
        .unwrap_or(rest.len())
}

/// The end of the block comment that starts at `i` (they nest in Rust); an unclosed one ends
/// with the source.
fn block_comment_end(bytes: &[u8], i: usize) -> usize {
    let mut depth = 0;
    let mut j = i;
    while j + 1 < bytes.len() {
        match (bytes[j], bytes[j + 1]) {
            (b'/', b'*') => {
                depth += 1;
                j += 2;
            }
            (b'*', b'/') => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return j;
                }
            }
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The end of the string literal that starts at `i` (`"…"`, `b"…"`, `r"…"`, `r#"…"#`, `br#"…"#`),
/// if one does; an unclosed one ends with the source (a Rust string may span lines). `i` is
/// never inside a word (the scanner takes words whole), so the `r` of `bar"` is not a prefix.
fn rust_string_at(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if bytes.get(j) == Some(&b'b') {
        j += 1;
    }
    let raw = bytes.get(j) == Some(&b'r');
    if raw {
        j += 1;
    }
    let hashes = bytes[j..].iter().take_while(|b| **b == b'#').count();
    if hashes > 0 && !raw {
        return None;
    }
    j += hashes;
    if bytes.get(j) != Some(&b'"') {
        return None;
    }
    j += 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if !raw => j += 2,
            b'"' if bytes[j + 1..]
                .iter()
                .take(hashes)
                .filter(|b| **b == b'#')
                .count()
                == hashes =>
            {
                return Some(j + 1 + hashes);
            }
            _ => j += 1,
        }
    }
    Some(bytes.len())
}

/// The end of the character literal that starts at `i` (`'a'`, `'\n'`, `'\u{1F600}'`, `'中'`),
/// or `None` for a lifetime.
fn char_literal_end(source: &str, i: usize) -> Option<usize> {
    let rest = &source[i + 1..];
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if first == '\\' {
        // The escaped character itself may be a quote (`'\''`).
        let escaped = rest[1..].chars().next()?.len_utf8();
        let close = rest[1 + escaped..].find(['\'', '\n'])? + 1 + escaped;
        return (rest.as_bytes()[close] == b'\'').then_some(i + 1 + close + 1);
    }
    let (at, second) = chars.next()?;
    (second == '\'').then_some(i + 1 + at + 1)
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

    fn rust_classes(source: &str) -> Vec<(&str, char)> {
        rust_tokens(source)
            .into_iter()
            .map(|(s, e, c)| (&source[s..e], c as char))
            .collect()
    }

    #[test]
    fn rust_keywords_macros_functions_types_and_literals() {
        assert_eq!(
            rust_classes("pub async fn main(n: u32) -> Result<()> { // go\n    print!(\"{n}\"); sleep(0.5).await?;\n}"),
            [
                ("pub", 'k'),
                ("async", 'k'),
                ("fn", 'k'),
                ("main", 'f'),
                ("u32", 'k'),
                ("Result", 't'),
                ("// go", 'c'),
                ("print!", 'm'),
                ("\"{n}\"", 's'),
                ("sleep", 'f'),
                ("0.5", 'n'),
                ("await", 'k'),
            ]
        );
        assert_eq!(
            rust_classes("for i in 0..n { let x = Some(i) != None && true; }"),
            [
                ("for", 'k'),
                ("in", 'k'),
                ("0", 'n'),
                ("let", 'k'),
                ("Some", 't'),
                ("None", 't'),
                ("true", 'n'),
            ]
        );
    }

    #[test]
    fn rust_strings_chars_lifetimes_and_comments_that_span_lines() {
        let source = "let s: &'static str = r#\"say \"hi\"\"#; let c = '\\''; let d = 'x';\n/* a /* b */\nc */ x";
        assert_eq!(
            rust_classes(source),
            [
                ("let", 'k'),
                ("'static", 'k'),
                ("str", 'k'),
                ("r#\"say \"hi\"\"#", 's'),
                ("let", 'k'),
                ("'\\''", 's'),
                ("let", 'k'),
                ("'x'", 's'),
                ("/* a /* b */\nc */", 'c'),
            ]
        );
        assert_eq!(
            rust_classes("b\"a\\\"b\" bar\"x"),
            [("b\"a\\\"b\"", 's'), ("\"x", 's')]
        );
        // Half-typed code is coloured, never a panic.
        for cut in [
            "'",
            "'\\",
            "\"",
            "r#\"",
            "/*",
            "1.",
            "中文 = '文'",
            "x!",
            "b'",
        ] {
            let _ = rust_tokens(cut);
        }
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
