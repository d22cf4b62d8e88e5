//! Syntax highlighting computed at build time (see `build.rs`, which runs syntect over every
//! listing): here only the lookup of a listing's token spans and their split of a line.

/// One token: (line index, start byte, end byte, class letter).
pub type Span = (u16, u16, u16, u8);

include!(concat!(env!("OUT_DIR"), "/highlight.rs"));

/// FNV-1a, 64-bit: the hash `build.rs` keys the tables by.
pub fn key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The token spans of a listing, if it is one of the lessons'.
pub fn spans(listing: &str) -> Option<&'static [Span]> {
    let key = key(listing);
    TABLES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, spans)| *spans)
}

/// Splits line `index` of a listing into (text, class) pieces; class `None` is plain text.
pub fn pieces<'a>(
    line: &'a str,
    index: usize,
    spans: &[Span],
) -> Vec<(&'a str, Option<&'static str>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let first = spans.partition_point(|s| usize::from(s.0) < index);
    for &(_, start, end, class) in spans[first..]
        .iter()
        .take_while(|s| usize::from(s.0) == index)
    {
        let (start, end) = (usize::from(start), usize::from(end).min(line.len()));
        if start < at
            || start >= end
            || !line.is_char_boundary(start)
            || !line.is_char_boundary(end)
        {
            continue;
        }
        if at < start {
            out.push((&line[at..start], None));
        }
        out.push((&line[start..end], Some(class_name(class))));
        at = end;
    }
    if at < line.len() {
        out.push((&line[at..], None));
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
    use super::{pieces, spans};
    use crate::course;
    use crate::lang::Lang;

    #[test]
    fn every_listing_has_tokens_and_they_cover_keywords_strings_and_comments() {
        for lesson in course::all() {
            for listing in Lang::ALL
                .map(|l| lesson.python(l))
                .into_iter()
                .chain(Lang::ALL.map(|l| lesson.rust_listing(l)))
            {
                let spans = spans(listing).unwrap_or_else(|| panic!("{}: no tokens", lesson.id));
                assert!(spans.len() > 5, "{}", lesson.id);
            }
        }
        let lesson = course::find("create-task").unwrap();
        let spans = spans(lesson.python(Lang::Zh)).unwrap();
        let line = "    await asyncio.sleep(2)";
        let split = pieces(line, 5, spans);
        assert_eq!(split.iter().map(|(t, _)| *t).collect::<String>(), line);
        assert!(split.contains(&("await", Some("tok-k"))), "{split:?}");
        assert!(split.contains(&("2", Some("tok-n"))), "{split:?}");
        let comment = lesson.python(Lang::Zh).lines().nth(17).unwrap();
        let split = pieces(comment, 17, spans);
        assert!(
            split
                .iter()
                .any(|(t, c)| t.starts_with("# 包成 task") && *c == Some("tok-c")),
            "{split:?}"
        );
        let rust = lesson.rust_listing(Lang::En);
        let spans = super::spans(rust).unwrap();
        let line = rust.lines().nth(6).unwrap();
        let split = pieces(line, 6, spans);
        assert!(
            split
                .iter()
                .any(|(t, c)| t.contains("print!") && *c == Some("tok-m")),
            "{line}: {split:?}"
        );
    }
}
