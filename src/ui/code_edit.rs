//! The editing rules of the code editor, as plain text functions: Enter keeps the line's
//! indentation (one level more after a `:`), Tab and Shift+Tab indent and dedent lines.

/// One indentation level, as the course's listings write it.
pub const INDENT: &str = "    ";

/// What Enter inserts after `before` (the text from the start of the line to the cursor): a
/// newline, the line's indentation, and one more level if the line opens a block.
pub fn newline(before: &str) -> String {
    let indent: String = before
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = strip_comment(before).trim_end();
    if code.ends_with(':') {
        format!("\n{indent}{INDENT}")
    } else {
        format!("\n{indent}")
    }
}

/// The line without a trailing `# comment` (a `#` inside a string is left alone).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return &line[..i],
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

/// The byte range of the whole lines that `[start, end)` touches in `text`.
pub fn line_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let start = start.min(text.len());
    let end = end.min(text.len()).max(start);
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // A selection ending at the start of a line does not take that line.
    let last_end = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let last = text[last_end..]
        .find('\n')
        .map_or(text.len(), |i| last_end + i);
    (first, last)
}

/// `lines` with one level more (Tab on a selection) or less (Shift+Tab).
pub fn shift_lines(lines: &str, indent: bool) -> String {
    lines
        .split('\n')
        .map(|line| {
            if indent {
                if line.is_empty() {
                    String::new()
                } else {
                    format!("{INDENT}{line}")
                }
            } else {
                let spaces = line
                    .chars()
                    .take_while(|c| *c == ' ')
                    .count()
                    .min(INDENT.len());
                line[spaces..].to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The character offset (what a textarea's selection counts, in UTF-16 units) of a byte
/// offset, and back.
pub fn utf16_of(text: &str, byte: usize) -> u32 {
    text[..byte.min(text.len())].encode_utf16().count() as u32
}

/// The byte offset of a UTF-16 offset in `text`.
pub fn byte_of(text: &str, utf16: u32) -> usize {
    let mut count = 0u32;
    for (i, c) in text.char_indices() {
        if count >= utf16 {
            return i;
        }
        count += c.len_utf16() as u32;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_keeps_the_indentation_and_adds_a_level_after_a_colon() {
        assert_eq!(newline("    x = 1"), "\n    ");
        assert_eq!(newline("async def main():"), "\n    ");
        assert_eq!(newline("    for i in range(3):  # loop"), "\n        ");
        assert_eq!(newline("    d = {'a': 1}"), "\n    ");
        assert_eq!(newline("    print('#:')"), "\n    ");
        assert_eq!(newline(""), "\n");
    }

    #[test]
    fn tab_and_shift_tab_shift_whole_lines() {
        let text = "a\n  b\nc";
        assert_eq!(line_span(text, 3, 3), (2, 5));
        assert_eq!(line_span(text, 0, 6), (0, 5));
        assert_eq!(line_span(text, 1, 7), (0, 7));
        assert_eq!(line_span(text, 0, 2), (0, 1));
        assert_eq!(shift_lines("a\n\n  b", true), "    a\n\n      b");
        assert_eq!(shift_lines("      a\n  b\nc", false), "  a\nb\nc");
    }

    #[test]
    fn offsets_convert_between_bytes_and_utf16() {
        let text = "中文 x😀y";
        assert_eq!(utf16_of(text, text.len()), 7);
        assert_eq!(byte_of(text, 3), "中文 ".len());
        assert_eq!(byte_of(text, 6), "中文 x😀".len());
        assert_eq!(byte_of(text, 99), text.len());
    }
}
