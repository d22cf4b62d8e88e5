//! The methods of `bytes`: `decode`, and those that work on its bytes as `str`'s work on its
//! characters (`upper`, `split`, `replace`, …). Case and whitespace are ASCII's, as in CPython:
//! a byte above 127 is never changed or split on.

use std::rc::Rc;

use crate::exceptions::{self, type_error, value_error};
use crate::types::type_name;
use crate::value::*;
use crate::vm::Vm;

/// `b.name`, bound to `b`.
pub fn method(obj: &Value, name: &str) -> Option<Value> {
    let (name, func): (&'static str, NativeFn) = match name {
        "decode" => ("decode", decode),
        "upper" => ("upper", upper),
        "lower" => ("lower", lower),
        "strip" => ("strip", strip),
        "lstrip" => ("lstrip", lstrip),
        "rstrip" => ("rstrip", rstrip),
        "split" => ("split", split),
        "startswith" => ("startswith", startswith),
        "endswith" => ("endswith", endswith),
        "find" => ("find", find),
        "count" => ("count", count),
        "replace" => ("replace", replace),
        "join" => ("join", join),
        "hex" => ("hex", hex),
        _ => return None,
    };
    Some(Value::Builtin(Rc::new(Builtin {
        name,
        func,
        this: Some(obj.clone()),
    })))
}

fn this_bytes(this: Option<&Value>) -> PyResult<&[u8]> {
    match this {
        Some(Value::Bytes(b)) => Ok(b),
        _ => Err(type_error("descriptor requires a 'bytes' object")),
    }
}

fn bytes(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::from(v))
}

/// A bytes-like argument (CPython's error when it is not one).
fn bytes_arg<'a>(args: &'a Args, index: usize, name: &str) -> PyResult<Option<&'a [u8]>> {
    match args.get(index, name) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Bytes(b)) => Ok(Some(b)),
        Some(other) => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(other)
        ))),
    }
}

fn decode(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let b = this_bytes(this)?;
    match std::str::from_utf8(b) {
        Ok(s) => Ok(Value::str(s)),
        Err(e) => Err(exceptions::new(
            crate::types::Exc::UnicodeError,
            format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                b[e.valid_up_to()],
                e.valid_up_to()
            ),
        )),
    }
}

fn upper(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    Ok(bytes(this_bytes(this)?.to_ascii_uppercase()))
}

fn lower(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    Ok(bytes(this_bytes(this)?.to_ascii_lowercase()))
}

/// `strip`'s work: which ends, and which bytes (ASCII whitespace when none are given).
fn strip_ends(this: Option<&Value>, args: &Args, front: bool, back: bool) -> PyResult {
    let b = this_bytes(this)?;
    let chars = bytes_arg(args, 0, "bytes")?;
    let drop = |c: &u8| match chars {
        Some(set) => set.contains(c),
        None => c.is_ascii_whitespace() || *c == 0x0b,
    };
    let start = if front {
        b.iter().position(|c| !drop(c)).unwrap_or(b.len())
    } else {
        0
    };
    let end = if back {
        b.iter().rposition(|c| !drop(c)).map_or(start, |i| i + 1)
    } else {
        b.len()
    };
    Ok(bytes(b[start..end.max(start)].to_vec()))
}

fn strip(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    strip_ends(this, &args, true, true)
}

fn lstrip(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    strip_ends(this, &args, true, false)
}

fn rstrip(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    strip_ends(this, &args, false, true)
}

fn split(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let b = this_bytes(this)?;
    let sep = bytes_arg(&args, 0, "sep")?;
    let mut left = match args.get(1, "maxsplit") {
        Some(v) => crate::int::to_i64(v).ok_or_else(|| type_error("maxsplit must be an int"))?,
        None => -1,
    };
    let mut parts = Vec::new();
    match sep {
        Some([]) => return Err(value_error("empty separator")),
        Some(sep) => {
            let mut rest = b;
            while left != 0 {
                let Some(at) = rest.windows(sep.len()).position(|w| w == sep) else {
                    break;
                };
                parts.push(bytes(rest[..at].to_vec()));
                rest = &rest[at + sep.len()..];
                left -= 1;
            }
            parts.push(bytes(rest.to_vec()));
        }
        None => {
            let space = |c: &u8| c.is_ascii_whitespace() || *c == 0x0b;
            let mut rest = b;
            loop {
                let start = rest.iter().position(|c| !space(c)).unwrap_or(rest.len());
                rest = &rest[start..];
                if rest.is_empty() {
                    break;
                }
                if left == 0 {
                    let end = rest.iter().rposition(|c| !space(c)).map_or(0, |i| i + 1);
                    parts.push(bytes(rest[..end].to_vec()));
                    break;
                }
                let end = rest.iter().position(space).unwrap_or(rest.len());
                parts.push(bytes(rest[..end].to_vec()));
                rest = &rest[end..];
                left -= 1;
            }
        }
    }
    Ok(Value::list(parts))
}

fn affix(this: Option<&Value>, args: &Args, name: &str, at_end: bool) -> PyResult {
    let b = this_bytes(this)?;
    let candidates: Vec<Vec<u8>> = match args.pos.first() {
        Some(Value::Bytes(p)) => vec![p.to_vec()],
        Some(Value::Tuple(t)) => t
            .iter()
            .map(|v| match v {
                Value::Bytes(p) => Ok(p.to_vec()),
                other => Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(other)
                ))),
            })
            .collect::<PyResult<_>>()?,
        Some(other) => {
            return Err(type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                type_name(other)
            )))
        }
        None => {
            return Err(type_error(format!(
                "{name}() takes at least 1 argument (0 given)"
            )))
        }
    };
    Ok(Value::Bool(candidates.iter().any(|p| {
        if at_end {
            b.ends_with(p)
        } else {
            b.starts_with(p)
        }
    })))
}

fn startswith(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    affix(this, &args, "startswith", false)
}

fn endswith(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    affix(this, &args, "endswith", true)
}

/// The needle of `find`/`count`: bytes, or one byte as an int.
fn needle(args: &Args) -> PyResult<Vec<u8>> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => Ok(b.to_vec()),
        Some(Value::Int(n)) if (0..=255).contains(n) => Ok(vec![*n as u8]),
        Some(Value::Int(_)) => Err(value_error("byte must be in range(0, 256)")),
        Some(other) => Err(type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            type_name(other)
        ))),
        None => Err(type_error("find() takes at least 1 argument (0 given)")),
    }
}

fn find(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let b = this_bytes(this)?;
    let n = needle(&args)?;
    let at = if n.is_empty() {
        Some(0)
    } else {
        b.windows(n.len()).position(|w| w == n.as_slice())
    };
    Ok(Value::Int(at.map_or(-1, |i| i as i64)))
}

fn count(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let b = this_bytes(this)?;
    let n = needle(&args)?;
    if n.is_empty() {
        return Ok(Value::Int(b.len() as i64 + 1));
    }
    let (mut found, mut i) = (0, 0);
    while i + n.len() <= b.len() {
        if b[i..i + n.len()] == n[..] {
            found += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(found))
}

fn replace(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let b = this_bytes(this)?;
    let (Some(old), Some(new)) = (bytes_arg(&args, 0, "old")?, bytes_arg(&args, 1, "new")?) else {
        return Err(type_error("replace() takes at least 2 arguments"));
    };
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if !old.is_empty() && b[i..].starts_with(old) {
            out.extend_from_slice(new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(bytes(out))
}

fn join(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let sep = this_bytes(this)?.to_vec();
    let items = crate::iter::collect(vm, args.pos.first().unwrap_or(&Value::None))?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match item {
            Value::Bytes(b) => out.extend_from_slice(b),
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(other)
                )))
            }
        }
    }
    Ok(bytes(out))
}

fn hex(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let b = this_bytes(this)?;
    Ok(Value::str(
        &b.iter().map(|c| format!("{c:02x}")).collect::<String>(),
    ))
}
