//! Python's `repr` of the values the runtime's own messages quote (an exception's arguments).
//! The course's listings use it through `course::py`; the interpreter's objects use it too.

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
            '\r' => out.push_str("\\r"),
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

/// `repr(handle)` of a `call_later` handle, as CPython 3.11 writes it:
/// `<TimerHandle when=10.0 hello_world() at main.py:7>`, or once cancelled
/// `<TimerHandle cancelled when=15.0>`. `call` is how the loop will call the callback
/// (`hello_world()`, or [`partial_call`]'s), `line` the line of its `def`. `when` is
/// `loop.time()` plus the delay: the run's clock starts at 0, CPython's is the machine's
/// monotonic clock, and the matching rule ([`crate::analysis::canonical`]) reads any `when=`
/// as the same.
pub fn timer_handle_repr(handle: &super::Handle, call: &str, line: u32) -> String {
    let when = handle
        .when()
        .map_or(String::new(), |w| format!(" when={w:?}"));
    if handle.cancelled() {
        format!("<TimerHandle cancelled{when}>")
    } else {
        format!("<TimerHandle{when} {call} at main.py:{line}>")
    }
}

/// How asyncio writes a `functools.partial(func, *args)` callback: `func(args)()`, each
/// argument shortened as [`short_repr`] does.
pub fn partial_call(func: &str, args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| short_repr(a)).collect();
    format!("{func}({})()", args.join(", "))
}

/// `reprlib.repr` of an object whose `repr` is `repr`: at most 30 characters, the middle
/// cut out as `...` (asyncio writes a callback's arguments this way).
pub fn short_repr(repr: &str) -> String {
    const MAX: usize = 30;
    let chars: Vec<char> = repr.chars().collect();
    if chars.len() <= MAX {
        return repr.to_string();
    }
    let head = (MAX - 3) / 2;
    let tail = MAX - 3 - head;
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{start}...{end}")
}

/// `repr(loop)` of an event loop, as CPython's default loop on Linux writes it. The loop is
/// the browser's here; whether it runs is the runtime's to say.
pub fn loop_repr(running: bool, closed: bool) -> String {
    let word = |b: bool| if b { "True" } else { "False" };
    format!(
        "<_UnixSelectorEventLoop running={} closed={} debug=False>",
        word(running),
        word(closed)
    )
}

#[cfg(test)]
mod tests {
    use super::str_repr;

    #[test]
    fn quotes_as_python_does() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\r\nb"), "'a\\r\\nb'");
        assert_eq!(str_repr("say \"hi\" it's"), "'say \"hi\" it\\'s'");
    }
}
