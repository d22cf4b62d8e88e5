//! The parts of a printed line that the machine decides, not the program, written one way so
//! that two correct runs of the same program print the same canonical line.
//!
//! - An object's address (`<Future at 0x7f68474267d0 state=running>`): where the allocator
//!   put it. Any `0x` number reads as `0x…`.
//! - A `TimerHandle`'s due time (`when=12686.351171109`): the loop's monotonic clock when the
//!   callback was scheduled, plus its delay. It reads as `when=…`.
//! - The path of the listing (`defined at /tmp/run-1/main.py:4`): where the file was run from.
//!   Any path to a `main.py` reads as `main.py`, the name the page gives the listing.
//! - The order of a set's items (`{<Task … name='n2' …>, <Task … name='n1' …>}`): CPython
//!   orders a set of tasks by hash, which is their address. A set's items are sorted. A dict
//!   (`{'a': 1}`) keeps its order, which Python fixes.
//!
//! - How fast the machine ran something (`in 11.1 ms`, `用时 8.0 毫秒`): a duration measured
//!   with `time.perf_counter()` to a tenth of a millisecond is this machine's speed, not the
//!   program's. It reads as `in … ms` (`用时 … 毫秒`). Durations the program decides (a sleep,
//!   `about 3 s`) are whole numbers and stay.
//!
//! Everything else, every word and number the program computes, stays as printed.

use crate::course::py::LISTING_FILE;

/// `text` with its machine-decided parts written one way.
pub fn canonical(text: &str) -> String {
    sort_sets(&listing_paths(&due_times(&addresses(&speeds(text)))))
}

/// Every `in <n.n> ms` and `用时 <n.n> 毫秒`, with the number as `…`.
fn speeds(text: &str) -> String {
    const FORMS: [(&str, &str); 2] = [("in ", " ms"), ("用时 ", " 毫秒")];
    let mut out = text.to_string();
    for (before, after) in FORMS {
        let mut done = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(before) {
            let number_at = at + before.len();
            let number = rest[number_at..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map_or(&rest[number_at..], |end| &rest[number_at..number_at + end]);
            let measured = number.contains('.')
                && number.starts_with(|c: char| c.is_ascii_digit())
                && rest[number_at + number.len()..].starts_with(after);
            done.push_str(&rest[..number_at]);
            if measured {
                done.push('…');
                rest = &rest[number_at + number.len()..];
            } else {
                rest = &rest[number_at..];
            }
        }
        done.push_str(rest);
        out = done;
    }
    out
}

/// Every `0x` hexadecimal number that starts a word, as `0x…`.
fn addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let digits = rest[at + 2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - at - 2);
        out.push_str(&rest[..at]);
        if starts_word && digits > 0 {
            out.push_str("0x…");
            rest = &rest[at + 2 + digits..];
        } else {
            out.push_str("0x");
            rest = &rest[at + 2..];
        }
    }
    out.push_str(rest);
    out
}

/// Every `when=` followed by a number, as `when=…`.
fn due_times(text: &str) -> String {
    const WHEN: &str = "when=";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(WHEN) {
        let after = &rest[at + WHEN.len()..];
        let number = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(after.len());
        out.push_str(&rest[..at + WHEN.len()]);
        if number > 0 {
            out.push('…');
        }
        rest = &after[number..];
    }
    out.push_str(rest);
    out
}

/// Whether `c` can be part of a path as reprs print one.
fn in_path(c: char) -> bool {
    !(c.is_whitespace() || "<>()[]{}'\",=".contains(c))
}

/// Every path ending in `/main.py`, as `main.py`.
fn listing_paths(text: &str) -> String {
    let suffix = format!("/{LISTING_FILE}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&suffix) {
        let start = rest[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !in_path(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = at + suffix.len();
        let whole_name = rest[end..]
            .chars()
            .next()
            .is_none_or(|c| !in_path(c) || c == ':');
        out.push_str(&rest[..start]);
        if whole_name {
            out.push_str(LISTING_FILE);
        } else {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The characters of `text` outside string quotes, each with its bracket depth: how many
/// brackets enclose it (a bracket itself is at the depth outside it).
fn unquoted(text: &str) -> impl Iterator<Item = (usize, char, usize)> + '_ {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    text.char_indices().filter_map(move |(i, c)| {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            return None;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                None
            }
            '<' | '(' | '[' | '{' => {
                depth += 1;
                Some((i, c, depth - 1))
            }
            '>' | ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                Some((i, c, depth))
            }
            _ => Some((i, c, depth)),
        }
    })
}

/// The items of a bracket's inside (`a, <b, c>, 'd, e'`), split at its own commas.
fn items(inside: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut start = 0;
    for (i, _, _) in unquoted(inside).filter(|&(_, c, depth)| c == ',' && depth == 0) {
        items.push(inside[start..i].trim());
        start = i + 1;
    }
    items.push(inside[start..].trim());
    items
}

/// The length of the bracketed part that opens `text` (up to its closing bracket), if it
/// closes.
fn bracketed(text: &str) -> Option<usize> {
    unquoted(text)
        .skip(1)
        .find(|&(_, c, depth)| depth == 0 && ">)]}".contains(c))
        .map(|(i, c, _)| i + c.len_utf8())
}

/// Whether `item` is a dict's `key: value`: a `: ` outside its brackets and quotes.
fn is_key_value(item: &str) -> bool {
    let mut previous = None;
    unquoted(item).any(|(_, c, depth)| {
        let pair = previous == Some(':') && c == ' ' && depth == 0;
        previous = Some(c);
        pair
    })
}

/// Every `{…}` that is a set (no item is a `key: value`), with its items sorted.
fn sort_sets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let Some(end) = bracketed(&rest[at..]).map(|len| at + len) else {
            out.push_str(&rest[at..]);
            return out;
        };
        let inside = sort_sets(&rest[at + 1..end - 1]);
        let mut parts = items(&inside);
        if !parts.iter().any(|item| is_key_value(item)) {
            parts.sort_unstable();
        }
        out.push('{');
        out.push_str(&parts.join(", "));
        out.push('}');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn a_measured_speed_reads_as_any_speed_but_whole_durations_stay() {
        assert_eq!(
            canonical("uvloop: 1000 tasks, sum 499500, in 4.1 ms"),
            "uvloop: 1000 tasks, sum 499500, in … ms"
        );
        assert_eq!(
            canonical("asyncio：1000 个任务，结果之和 499500，用时 8.0 毫秒"),
            "asyncio：1000 个任务，结果之和 499500，用时 … 毫秒"
        );
        for stays in ["done in 3 ms", "in 2.5 s", "log in 1.2.3", "in .5 ms"] {
            assert_eq!(canonical(stays), stays);
        }
    }

    #[test]
    fn addresses_read_as_any_address_but_other_hex_stays() {
        assert_eq!(
            canonical("<Future at 0x7f68474267d0 state=running>"),
            "<Future at 0x… state=running>"
        );
        assert_eq!(
            canonical("<Future at 0x10f2a8 state=running>"),
            canonical("<Future at 0x7f68472bb390 state=running>")
        );
        assert_eq!(canonical("box0x12 and 0x"), "box0x12 and 0x");
        assert_ne!(
            canonical("<Future at 0x1 state=running>"),
            canonical("<Future at 0x1 state=pending>")
        );
    }

    #[test]
    fn a_timer_handles_due_time_reads_as_any_time() {
        assert_eq!(
            canonical("<TimerHandle when=12686.351171109 hello_world() at main.py:7>"),
            canonical("<TimerHandle when=10 hello_world() at main.py:7>")
        );
        assert_ne!(
            canonical("<TimerHandle when=1.5 hello_world() at main.py:7>"),
            canonical("<TimerHandle cancelled when=1.5>")
        );
        assert_eq!(canonical("when= later"), "when= later");
    }

    #[test]
    fn any_path_to_the_listing_reads_as_its_name() {
        assert_eq!(
            canonical("coro=<func() done, defined at /tmp/run-3/main.py:4>"),
            "coro=<func() done, defined at main.py:4>"
        );
        assert_eq!(canonical("/srv/main.pyc"), "/srv/main.pyc");
        assert_eq!(canonical("/srv/not_main.py"), "/srv/not_main.py");
        assert_ne!(canonical("main.py:4"), canonical("/tmp/main.py:5"));
    }

    #[test]
    fn a_sets_items_may_come_in_any_order_but_must_all_be_there() {
        let a = "{<Task finished name='n1' coro=<func() done, defined at main.py:4> result='x, y'>, \
                 <Task finished name='n2' coro=<func() done, defined at main.py:4> result='x, y'>} set()";
        let b = "{<Task finished name='n2' coro=<func() done, defined at /t/main.py:4> result='x, y'>, \
                 <Task finished name='n1' coro=<func() done, defined at /t/main.py:4> result='x, y'>} set()";
        assert_eq!(canonical(a), canonical(b));
        assert_ne!(canonical("{1, 2}"), canonical("{1, 3}"));
        assert_ne!(canonical("{1, 2}"), canonical("{1}"));
        assert_eq!(canonical("{3, {2, 1}}"), canonical("{{1, 2}, 3}"));
    }

    #[test]
    fn a_dict_keeps_its_order() {
        assert_ne!(canonical("{'a': 1, 'b': 2}"), canonical("{'b': 2, 'a': 1}"));
        assert_eq!(canonical("{'a': 1}"), "{'a': 1}");
    }

    #[test]
    fn unbalanced_text_is_left_as_printed() {
        assert_eq!(canonical("{ unclosed"), "{ unclosed");
        assert_eq!(canonical("}{"), "}{");
    }
}
