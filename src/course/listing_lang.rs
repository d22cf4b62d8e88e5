//! A lesson's Rust listing in one language.
//!
//! A lesson file writes its words in both languages, English first, where they are used:
//! `print!(py 7, "{n} done" | "{n} 完成")` and `tr!("return value" | "返回值")`. The page shows
//! the listing of the language it speaks: the first with its pair dropped
//! (`print!(py 7, "{n} done")`, `format!("return value")`), or the second in its place, on the
//! same line, so line numbers (and `line!()`) stay the file's own. Both are valid Rust that
//! does what the file does in that language.
//!
//! `build.rs` includes this file as it is (no `crate::` paths here) to write both listings at
//! build time; the crate's own tests check it.

/// Where a string literal starts and ends (byte offsets, quotes included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Literal {
    start: usize,
    end: usize,
}

/// The plain string literals (`"…"`, with escapes) of Rust code, outside comments and char
/// literals. Raw strings are not used in lesson words and are read as code.
fn literals(source: &str) -> Vec<Literal> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            // A char literal such as '"' or '\"' (a lifetime has no closing quote nearby).
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 3,
            b'\'' if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') => i += 4,
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                found.push(Literal {
                    start,
                    end: i.min(bytes.len()),
                });
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Whether `before` (the code up to a literal) ends where a pair of words may start: right
/// after `tr!(` or after `print!(py N,`.
fn opens_words(before: &str) -> Option<&'static str> {
    let trimmed = before.trim_end();
    if trimmed.ends_with("tr!(") {
        return Some("tr!(");
    }
    let head = trimmed.strip_suffix(',')?.trim_end();
    let number = head.trim_end_matches(|c: char| c.is_ascii_digit());
    (number.len() < head.len() && number.trim_end().ends_with("print!(py")).then_some("")
}

/// The listing with each pair of words reduced to one: the English (`second == false`) or
/// the Chinese. A pair split over two lines is an error (it would move the lines below it).
pub fn one_language(source: &str, second: bool) -> Result<String, String> {
    let found = literals(source);
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for pair in found.windows(2) {
        let (first, other) = (pair[0], pair[1]);
        if source[first.end..other.start].trim() != "|" {
            continue;
        }
        let Some(opener) = opens_words(&source[..first.start]) else {
            continue;
        };
        if source[first.start..other.end].contains('\n') {
            let line = source[..first.start].matches('\n').count() + 1;
            return Err(format!(
                "line {line}: a pair of words must stay on one line (\"…\" | \"…\")"
            ));
        }
        let kept = if second { other } else { first };
        if opener.is_empty() {
            out.push_str(&source[copied..first.start]);
        } else {
            // `tr!(` becomes `format!(`: what tr! is, in one language.
            let at = source[..first.start].rfind(opener).unwrap_or(first.start);
            out.push_str(&source[copied..at]);
            out.push_str("format!(");
            out.push_str(&source[at + opener.len()..first.start]);
        }
        out.push_str(&source[kept.start..kept.end]);
        copied = other.end;
    }
    out.push_str(&source[copied..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::one_language;

    const FILE: &str = r#"fn f(n: i64) -> String {
    print!(py 7, "{n} done" | "{n} 完成");
    print!(py 8, "{} left" | "还剩 {}", n - 1);
    let s = tr!("return value" | "返回值"); // "a" | "b" in a comment stays
    match s.as_str() { "a" | "b" => {} _ => {} }
    print!(py 9, "unchanged {}", '"');
    s
}"#;

    #[test]
    fn each_pair_keeps_one_language_on_its_own_line() {
        let en = one_language(FILE, false).unwrap();
        let zh = one_language(FILE, true).unwrap();
        assert_eq!(en.lines().count(), FILE.lines().count());
        assert_eq!(zh.lines().count(), FILE.lines().count());
        let en: Vec<&str> = en.lines().collect();
        let zh: Vec<&str> = zh.lines().collect();
        assert_eq!(en[1], r#"    print!(py 7, "{n} done");"#);
        assert_eq!(zh[1], r#"    print!(py 7, "{n} 完成");"#);
        assert_eq!(zh[2], r#"    print!(py 8, "还剩 {}", n - 1);"#);
        assert_eq!(
            en[3],
            r#"    let s = format!("return value"); // "a" | "b" in a comment stays"#
        );
        assert_eq!(
            zh[3],
            r#"    let s = format!("返回值"); // "a" | "b" in a comment stays"#
        );
        // Match patterns and char literals are code, not words.
        assert_eq!(en[4], FILE.lines().nth(4).unwrap());
        assert_eq!(zh[5], FILE.lines().nth(5).unwrap());
    }

    #[test]
    fn a_pair_over_two_lines_is_refused_with_its_line() {
        let split = "fn f() {\n    print!(py 1, \"a\"\n        | \"b\");\n}";
        assert_eq!(
            one_language(split, true).unwrap_err(),
            "line 2: a pair of words must stay on one line (\"…\" | \"…\")"
        );
    }

    #[test]
    fn escaped_quotes_stay_inside_their_literal() {
        let file = r#"print!(py 1, "say \"hi\"" | "说 \"你好\"");"#;
        assert_eq!(
            one_language(file, true).unwrap(),
            r#"print!(py 1, "说 \"你好\"");"#
        );
    }
}
