//! A listing's lines cut into coloured pieces: the token spans of [`code_tokens`](super::code_tokens)
//! (Python's or Rust's) split at the line ends, a token that spans lines (a triple-quoted
//! string, a block comment) coloured on each of them.

use super::code_tokens::{rust_tokens, tokens, Token};

/// A listing's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// The lessons' Python listings and the learner's code.
    Python,
    /// The Rust twins of the lessons.
    Rust,
}

/// One piece of a line: its text and its CSS class (`None`: plain text).
pub type Piece<'a> = (&'a str, Option<&'static str>);

/// The lines of `source` (as `str::lines` cuts them), each as its pieces.
pub fn lines(source: &str, syntax: Syntax) -> Vec<Vec<Piece<'_>>> {
    let tokens = match syntax {
        Syntax::Python => tokens(source),
        Syntax::Rust => rust_tokens(source),
    };
    let mut next = 0;
    let mut start = 0;
    source
        .split_inclusive('\n')
        .map(|raw| {
            let line = raw
                .strip_suffix('\n')
                .map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
            let end = start + line.len();
            // Tokens that ended before this line are done with.
            while tokens.get(next).is_some_and(|t| t.1 <= start) {
                next += 1;
            }
            let pieces = pieces(source, start, end, &tokens[next..]);
            start += raw.len();
            pieces
        })
        .collect()
}

/// The pieces of the line at `start..end` of `source`, given the tokens from the first one
/// that has not ended before it.
fn pieces<'a>(source: &'a str, start: usize, end: usize, tokens: &[Token]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = start;
    for &(from, to, class) in tokens.iter().take_while(|t| t.0 < end) {
        let (from, to) = (from.max(start), to.min(end));
        if from >= to {
            continue;
        }
        if at < from {
            out.push((&source[at..from], None));
        }
        out.push((&source[from..to], Some(class_name(class))));
        at = to;
    }
    if at < end {
        out.push((&source[at..end], None));
    }
    out
}

/// The CSS class of a token class letter (`style/main.css` `.tok-*`).
pub fn class_name(class: u8) -> &'static str {
    match class {
        b'c' => "tok-c",
        b's' => "tok-s",
        b'n' => "tok-n",
        b'k' => "tok-k",
        b'm' => "tok-m",
        b'f' => "tok-f",
        _ => "tok-t",
    }
}

#[cfg(test)]
mod tests {
    use super::{lines, Syntax};
    use crate::course;
    use crate::lang::Lang;

    #[test]
    fn every_listing_is_coloured_line_by_line_without_losing_a_character() {
        for lesson in course::all() {
            for (listing, syntax) in Lang::ALL
                .map(|l| (lesson.python(l), Syntax::Python))
                .into_iter()
                .chain(Lang::ALL.map(|l| (lesson.rust_listing(l), Syntax::Rust)))
            {
                let cut = lines(listing, syntax);
                assert_eq!(cut.len(), listing.lines().count(), "{}", lesson.id);
                for (pieces, line) in cut.iter().zip(listing.lines()) {
                    assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), line);
                }
                let coloured = cut.iter().flatten().filter(|p| p.1.is_some()).count();
                assert!(coloured > 5, "{}: {coloured} tokens", lesson.id);
            }
        }
        let lesson = course::find("create-task").unwrap();
        let python = lines(lesson.python(Lang::Zh), Syntax::Python);
        assert_eq!(
            python[5].iter().map(|p| p.0).collect::<String>(),
            "    await asyncio.sleep(2)"
        );
        assert!(
            python[5].contains(&("await", Some("tok-k"))),
            "{:?}",
            python[5]
        );
        assert!(python[5].contains(&("2", Some("tok-n"))), "{:?}", python[5]);
        assert!(
            python[17]
                .iter()
                .any(|(t, c)| t.starts_with("# 包成 task") && *c == Some("tok-c")),
            "{:?}",
            python[17]
        );
        let rust = lines(lesson.rust_listing(Lang::En), Syntax::Rust);
        assert!(
            rust[6]
                .iter()
                .any(|(t, c)| t.contains("print!") && *c == Some("tok-m")),
            "{:?}",
            rust[6]
        );
    }

    #[test]
    fn a_token_over_several_lines_is_coloured_on_each() {
        let cut = lines("x = \"\"\"one\r\ntwo\"\"\"\ny = 1\n", Syntax::Python);
        assert_eq!(
            cut,
            [
                vec![("x = ", None), ("\"\"\"one", Some("tok-s"))],
                vec![("two\"\"\"", Some("tok-s"))],
                vec![("y = ", None), ("1", Some("tok-n"))],
            ]
        );
        assert_eq!(lines("", Syntax::Rust), Vec::<Vec<_>>::new());
        assert_eq!(lines("\n\n", Syntax::Rust), [vec![], vec![]]);
    }
}
