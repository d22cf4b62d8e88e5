//! The methods of `str`, and `str.format`.

use std::rc::Rc;

use crate::exceptions::{index_error, key_error, type_error, value_error};
use crate::iter::collect;
use crate::ops;
use crate::types::type_name;
use crate::value::*;
use crate::vm::Vm;

pub fn method(obj: &Value, name: &str) -> Option<Value> {
    let f: (&'static str, NativeFn) = match name {
        "upper" => ("upper", upper),
        "lower" => ("lower", lower),
        "casefold" => ("casefold", casefold),
        "istitle" => ("istitle", istitle),
        "expandtabs" => ("expandtabs", expandtabs),
        "title" => ("title", title),
        "capitalize" => ("capitalize", capitalize),
        "swapcase" => ("swapcase", swapcase),
        "strip" => ("strip", strip),
        "lstrip" => ("lstrip", lstrip),
        "rstrip" => ("rstrip", rstrip),
        "split" => ("split", split),
        "rsplit" => ("rsplit", rsplit),
        "splitlines" => ("splitlines", splitlines),
        "join" => ("join", join),
        "replace" => ("replace", replace),
        "find" => ("find", find),
        "rfind" => ("rfind", rfind),
        "index" => ("index", index),
        "rindex" => ("rindex", rindex),
        "count" => ("count", count),
        "startswith" => ("startswith", startswith),
        "endswith" => ("endswith", endswith),
        "center" => ("center", center),
        "ljust" => ("ljust", ljust),
        "rjust" => ("rjust", rjust),
        "zfill" => ("zfill", zfill),
        "format" => ("format", format),
        "isdigit" => ("isdigit", isdigit),
        "isnumeric" => ("isnumeric", isdigit),
        "isdecimal" => ("isdecimal", isdigit),
        "isalpha" => ("isalpha", isalpha),
        "isalnum" => ("isalnum", isalnum),
        "isspace" => ("isspace", isspace),
        "isupper" => ("isupper", isupper),
        "islower" => ("islower", islower),
        "isidentifier" => ("isidentifier", isidentifier),
        "encode" => ("encode", encode),
        "partition" => ("partition", partition),
        "rpartition" => ("rpartition", rpartition),
        "removeprefix" => ("removeprefix", removeprefix),
        "removesuffix" => ("removesuffix", removesuffix),
        _ => return None,
    };
    Some(Value::Builtin(Rc::new(Builtin {
        name: f.0,
        func: f.1,
        this: Some(obj.clone()),
    })))
}

fn this_str(this: Option<&Value>) -> PyResult<Str> {
    match this {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            type_name(other)
        ))),
        None => Err(type_error("descriptor requires a 'str' object")),
    }
}

fn str_arg(args: &Args, i: usize, what: &str) -> PyResult<Option<Str>> {
    match args.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(type_error(format!(
            "{what} arg must be None or str, not {}",
            type_name(other)
        ))),
    }
}

fn must_str(args: &Args, i: usize, fname: &str) -> PyResult<Str> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(type_error(format!(
            "{fname}() argument {} must be str, not {}",
            i + 1,
            type_name(other)
        ))),
        None => Err(type_error(format!(
            "{fname}() takes at least {} argument ({} given)",
            i + 1,
            args.pos.len()
        ))),
    }
}

fn s(v: String) -> PyResult {
    Ok(Value::str(&v))
}

fn upper(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    s(this_str(this)?.to_uppercase())
}

fn lower(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    s(this_str(this)?.to_lowercase())
}

fn title(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in this_str(this)?.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(out)
}

fn capitalize(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let t = this_str(this)?;
    let mut chars = t.chars();
    let out = match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
        None => String::new(),
    };
    s(out)
}

fn swapcase(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let out = this_str(this)?
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    s(out)
}

fn strip_with(this: Option<&Value>, args: &Args, left: bool, right: bool) -> PyResult {
    let t = this_str(this)?;
    let chars = str_arg(args, 0, "strip")?;
    let matches = |c: char| match &chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut r: &str = &t;
    if left {
        r = r.trim_start_matches(matches);
    }
    if right {
        r = r.trim_end_matches(matches);
    }
    Ok(Value::str(r))
}

fn strip(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    strip_with(this, &args, true, true)
}

fn lstrip(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    strip_with(this, &args, true, false)
}

fn rstrip(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    strip_with(this, &args, false, true)
}

fn maxsplit(args: &Args) -> i64 {
    args.get(1, "maxsplit")
        .and_then(crate::int::to_i64)
        .unwrap_or(-1)
}

fn sep_arg(args: &Args) -> PyResult<Option<Str>> {
    match args.get(0, "sep") {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) if s.is_empty() => Err(value_error("empty separator")),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(type_error(format!(
            "must be str or None, not {}",
            type_name(other)
        ))),
    }
}

fn to_list(parts: Vec<&str>) -> PyResult {
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn split(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let max = maxsplit(&args);
    match sep_arg(&args)? {
        Some(sep) => {
            if max < 0 {
                to_list(t.split(&*sep).collect())
            } else {
                to_list(t.splitn(max as usize + 1, &*sep).collect())
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start();
            }
            to_list(out)
        }
    }
}

fn rsplit(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let max = maxsplit(&args);
    match sep_arg(&args)? {
        Some(sep) => {
            let mut parts: Vec<&str> = if max < 0 {
                t.rsplit(&*sep).collect()
            } else {
                t.rsplitn(max as usize + 1, &*sep).collect()
            };
            parts.reverse();
            to_list(parts)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(i, c)| i + c.len_utf8())
                    .unwrap_or(0);
                out.push(&rest[start..]);
                rest = rest[..start].trim_end();
            }
            out.reverse();
            to_list(out)
        }
    }
}

fn splitlines(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let t = this_str(this)?;
    to_list(t.lines().collect())
}

fn join(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let sep = this_str(this)?;
    let Some(v) = args.pos.first() else {
        return Err(type_error(
            "str.join() takes exactly one argument (0 given)",
        ));
    };
    let items = collect(vm, v)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match item {
            Value::Str(s) => out.push_str(s),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(other)
                )));
            }
        }
    }
    s(out)
}

fn replace(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let old = must_str(&args, 0, "replace")?;
    let new = must_str(&args, 1, "replace")?;
    let count = args.pos.get(2).and_then(crate::int::to_i64).unwrap_or(-1);
    if count < 0 {
        s(t.replace(&*old, &new))
    } else {
        s(t.replacen(&*old, &new, count as usize))
    }
}

/// The char range `[start:end]` of the string as byte offsets (for `find` and friends).
fn bounds(t: &str, args: &Args) -> (usize, usize) {
    let n = t.chars().count() as i64;
    let get = |i: usize, default: i64| match args.pos.get(i).and_then(crate::int::to_i64) {
        Some(v) if v < 0 => (v + n).max(0),
        Some(v) => v.min(n),
        None => default,
    };
    let (start, end) = (get(1, 0), get(2, n));
    let byte = |c: i64| {
        t.char_indices()
            .nth(c as usize)
            .map(|(b, _)| b)
            .unwrap_or(t.len())
    };
    (byte(start), byte(end.max(start)))
}

fn char_index(t: &str, byte: usize) -> i64 {
    t[..byte].chars().count() as i64
}

fn find_in(this: Option<&Value>, args: &Args, reverse: bool) -> PyResult<Option<i64>> {
    let t = this_str(this)?;
    let sub = must_str(args, 0, "find")?;
    let (a, b) = bounds(&t, args);
    let hay = &t[a..b];
    let found = if reverse {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(found.map(|i| char_index(&t, a + i)))
}

fn find(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Int(find_in(this, &args, false)?.unwrap_or(-1)))
}

fn rfind(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Int(find_in(this, &args, true)?.unwrap_or(-1)))
}

fn index(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    find_in(this, &args, false)?
        .map(Value::Int)
        .ok_or_else(|| value_error("substring not found"))
}

fn rindex(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    find_in(this, &args, true)?
        .map(Value::Int)
        .ok_or_else(|| value_error("substring not found"))
}

fn count(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let sub = must_str(&args, 0, "count")?;
    let (a, b) = bounds(&t, &args);
    let hay = &t[a..b];
    if sub.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(&*sub).count() as i64))
}

fn affix(this: Option<&Value>, args: &Args, end: bool) -> PyResult {
    let t = this_str(this)?;
    let (a, b) = bounds(&t, args);
    let hay = &t[a..b];
    let test = |p: &str| {
        if end {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    let fname = if end { "endswith" } else { "startswith" };
    match args.pos.first() {
        Some(Value::Str(p)) => Ok(Value::Bool(test(p))),
        Some(Value::Tuple(items)) => {
            for i in items.iter() {
                match i {
                    Value::Str(p) if test(p) => return Ok(Value::Bool(true)),
                    Value::Str(_) => {}
                    other => {
                        return Err(type_error(format!(
                            "tuple for {fname} must only contain str, not {}",
                            type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        Some(other) => Err(type_error(format!(
            "{fname} first arg must be str or a tuple of str, not {}",
            type_name(other)
        ))),
        None => Err(type_error(format!(
            "{fname}() takes at least 1 argument (0 given)"
        ))),
    }
}

fn startswith(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    affix(this, &args, false)
}

fn endswith(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    affix(this, &args, true)
}

fn justify(this: Option<&Value>, args: &Args, how: char) -> PyResult {
    let t = this_str(this)?;
    let width = args
        .pos
        .first()
        .and_then(crate::int::to_i64)
        .ok_or_else(|| type_error("an integer is required"))?;
    let fill = match args.pos.get(1) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    let n = t.chars().count() as i64;
    if width <= n {
        return Ok(Value::Str(t));
    }
    let pad = (width - n) as usize;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    let out = match how {
        '<' => format!("{t}{}", f(pad)),
        '>' => format!("{}{t}", f(pad)),
        _ => {
            // CPython centres with the extra fill on the left when the padding and the width are odd.
            let left = pad / 2 + (pad & width as usize & 1);
            format!("{}{t}{}", f(left), f(pad - left))
        }
    };
    s(out)
}

fn center(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    justify(this, &args, '^')
}

fn ljust(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    justify(this, &args, '<')
}

fn rjust(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    justify(this, &args, '>')
}

fn zfill(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let width = args.pos.first().and_then(crate::int::to_i64).unwrap_or(0);
    let n = t.chars().count() as i64;
    if width <= n {
        return Ok(Value::Str(t));
    }
    let zeros = "0".repeat((width - n) as usize);
    let out = match t.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &t[1..]),
        _ => format!("{zeros}{t}"),
    };
    s(out)
}

fn char_test(this: Option<&Value>, test: fn(char) -> bool) -> PyResult {
    let t = this_str(this)?;
    Ok(Value::Bool(!t.is_empty() && t.chars().all(test)))
}

fn isdigit(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    char_test(this, |c| c.is_ascii_digit() || c.is_numeric())
}

fn isalpha(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    char_test(this, char::is_alphabetic)
}

fn isalnum(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    char_test(this, char::is_alphanumeric)
}

fn isspace(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    char_test(this, char::is_whitespace)
}

fn isupper(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let t = this_str(this)?;
    Ok(Value::Bool(
        t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase),
    ))
}

fn islower(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let t = this_str(this)?;
    Ok(Value::Bool(
        t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase),
    ))
}

fn isidentifier(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let t = this_str(this)?;
    let mut chars = t.chars();
    let ok = match chars.next() {
        Some(c) => {
            (c.is_alphabetic() || c == '_') && chars.all(|c| c.is_alphanumeric() || c == '_')
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn encode(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bytes(Rc::from(this_str(this)?.as_bytes())))
}

fn partition_with(this: Option<&Value>, args: &Args, reverse: bool) -> PyResult {
    let t = this_str(this)?;
    let sep = must_str(args, 0, "partition")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if reverse {
        t.rfind(&*sep)
    } else {
        t.find(&*sep)
    };
    let parts = match found {
        Some(i) => [&t[..i], &*sep, &t[i + sep.len()..]],
        None if reverse => ["", "", &*t],
        None => [&*t, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn partition(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    partition_with(this, &args, false)
}

fn rpartition(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    partition_with(this, &args, true)
}

fn removeprefix(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let p = must_str(&args, 0, "removeprefix")?;
    Ok(Value::str(t.strip_prefix(&*p).unwrap_or(&t)))
}

fn removesuffix(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let p = must_str(&args, 0, "removesuffix")?;
    Ok(Value::str(t.strip_suffix(&*p).unwrap_or(&t)))
}

/// `template.format(*args, **kwargs)`
fn format(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace, allowing nested fields in the spec.
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return Err(value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            out.push_str(&replacement(vm, &field, &args, &mut auto)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    s(out)
}

fn replacement(vm: &mut Vm, field: &str, args: &Args, auto: &mut usize) -> PyResult<String> {
    let (head, spec) = match field.find(':') {
        Some(i) => (&field[..i], &field[i + 1..]),
        None => (field, ""),
    };
    let (name, conversion) = match head.find('!') {
        Some(i) => (&head[..i], head[i + 1..].chars().next()),
        None => (head, None),
    };
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut v = if first.is_empty() {
        let v = args.pos.get(*auto).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {} out of range for positional args tuple",
                *auto
            ))
        })?;
        *auto += 1;
        v
    } else if let Ok(n) = first.parse::<usize>() {
        args.pos.get(n).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))
        })?
    } else {
        args.keyword(first)
            .cloned()
            .ok_or_else(|| key_error(Value::str(first)))?
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            v = crate::attr::get_attr(vm, &v, &r[..end])?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key),
            };
            v = ops::get_item(vm, &v, &k)?;
            rest = &r[end + 1..];
        } else {
            break;
        }
    }
    let v = match conversion {
        Some('r') => Value::str(&ops::repr(vm, &v)?),
        Some('s') => Value::str(&ops::str_of(vm, &v)?),
        Some('a') => Value::str(&ops::ascii(vm, &v)?),
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
        None => v,
    };
    // A spec may hold nested fields: `{:>{width}}`.
    let spec = if spec.contains('{') {
        let mut expanded = String::new();
        let mut rest = spec;
        while let Some(start) = rest.find('{') {
            expanded.push_str(&rest[..start]);
            let end = rest[start..]
                .find('}')
                .map(|e| e + start)
                .unwrap_or(rest.len() - 1);
            expanded.push_str(&replacement(vm, &rest[start + 1..end], args, auto)?);
            rest = &rest[end + 1..];
        }
        expanded.push_str(rest);
        expanded
    } else {
        spec.to_string()
    };
    crate::format::format(vm, &v, &spec)
}

fn casefold(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    s(this_str(this)?.to_lowercase().replace('ß', "ss"))
}

fn istitle(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let t = this_str(this)?;
    let mut prev_cased = false;
    let mut any = false;
    for c in t.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn expandtabs(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let t = this_str(this)?;
    let size = args
        .pos
        .first()
        .and_then(crate::int::to_i64)
        .unwrap_or(8)
        .max(0) as usize;
    let mut out = String::new();
    let mut col = 0;
    for c in t.chars() {
        match c {
            '\t' => {
                let n = if size == 0 { 0 } else { size - col % size };
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(out)
}
