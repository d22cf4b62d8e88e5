//! Operators: arithmetic, comparison, truth, subscripts, `str` and `repr`, with the built-in
//! types' fast paths first and the program's own dunder methods after, as CPython dispatches.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::class::lookup_special;
use crate::dict::{Dict, Set};
use crate::exceptions::{self, index_error, key_error, type_error, zero_division};
use crate::int;
use crate::repr::{bytes_repr, float_repr, str_repr};
use crate::types::{type_name, Exc};
use crate::value::*;
use crate::vm::Vm;

fn symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Big(_) | Value::Bool(_))
}

fn is_number(v: &Value) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

pub fn binary(vm: &mut Vm, a: &Value, op: BinOp, b: &Value) -> PyResult {
    if let Some(v) = builtin_binary(vm, a, op, b)? {
        return Ok(v);
    }
    let (name, rname) = dunder(op);
    if let Some(f) = lookup_special(a, name) {
        let r = vm.call_bound(&f, a, Args::new(vec![b.clone()]))?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    if let Some(f) = lookup_special(b, rname) {
        let r = vm.call_bound(&f, b, Args::new(vec![a.clone()]))?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
    }
    match (op, a) {
        (BinOp::Add, Value::Str(_)) => Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name(b)
        ))),
        (BinOp::Add, Value::List(_)) => Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(b)
        ))),
        (BinOp::Add, Value::Tuple(_)) => Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(b)
        ))),
        (BinOp::Mult, Value::Str(_) | Value::List(_) | Value::Tuple(_)) if !is_int(b) => {
            Err(type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(b)
            )))
        }
        _ => Err(type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            symbol(op),
            type_name(a),
            type_name(b)
        ))),
    }
}

pub fn inplace(vm: &mut Vm, a: &Value, op: BinOp, b: &Value) -> PyResult {
    match (a, op) {
        (Value::List(l), BinOp::Add) => {
            let items = crate::iter::collect(vm, b)?;
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        (Value::Dict(d), BinOp::BitOr) => {
            let items = crate::iter::mapping_items(vm, b)?;
            let mut d = d.borrow_mut();
            for (k, v) in items {
                d.insert(k, v)?;
            }
            return Ok(a.clone());
        }
        (Value::Set(s), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
            if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
        {
            let result = binary(vm, a, op, b)?;
            if let Value::Set(r) = result {
                let r = r.borrow().clone();
                *s.borrow_mut() = r;
            }
            return Ok(a.clone());
        }
        _ => {}
    }
    let iname = match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mult => "__imul__",
        _ => "",
    };
    if !iname.is_empty() {
        if let Some(f) = lookup_special(a, iname) {
            let r = vm.call_bound(&f, a, Args::new(vec![b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    binary(vm, a, op, b).map_err(|e| {
        if e.is(&crate::types::exc_class(Exc::TypeError)) {
            let msg = exceptions_text(&e);
            if let Some(rest) = msg.strip_prefix("unsupported operand type(s) for ") {
                if let Some((sym, tail)) = rest.split_once(':') {
                    return type_error(format!("unsupported operand type(s) for {sym}=:{tail}"));
                }
            }
        }
        e
    })
}

fn exceptions_text(e: &Exception) -> String {
    match e.state().args.first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    }
}

fn float_of(v: &Value) -> Option<f64> {
    int::to_f64(v)
}

fn builtin_binary(vm: &mut Vm, a: &Value, op: BinOp, b: &Value) -> PyResult<Option<Value>> {
    if is_int(a) && is_int(b) {
        let r = match op {
            BinOp::Add => int::add(a, b).map(Ok),
            BinOp::Sub => int::sub(a, b).map(Ok),
            BinOp::Mult => int::mul(a, b).map(Ok),
            BinOp::Div => int::true_div(a, b),
            BinOp::FloorDiv => int::divmod(a, b).map(|r| r.map(|(q, _)| q)),
            BinOp::Mod if int::is_zero(b) || matches!(b, Value::Bool(false)) => {
                return Err(zero_division("integer modulo by zero"))
            }
            BinOp::Mod => int::divmod(a, b).map(|r| r.map(|(_, m)| m)),
            BinOp::Pow => int::pow(a, b),
            BinOp::LShift => int::shift(a, b, true),
            BinOp::RShift => int::shift(a, b, false),
            BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
                    let r = match op {
                        BinOp::BitAnd => x & y,
                        BinOp::BitOr => x | y,
                        _ => x ^ y,
                    };
                    return Ok(Some(Value::Bool(r)));
                }
                int::bitop(a, b, op).map(Ok)
            }
            BinOp::MatMult => None,
        };
        return r.transpose();
    }
    if is_number(a) && is_number(b) {
        let (Some(x), Some(y)) = (float_of(a), float_of(b)) else {
            return Err(exceptions::overflow_error(
                "int too large to convert to float",
            ));
        };
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(zero_division("float floor division by zero"));
                }
                (x / y).floor()
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(zero_division("float modulo"));
                }
                let m = x % y;
                if m != 0.0 && ((m < 0.0) != (y < 0.0)) {
                    m + y
                } else {
                    m
                }
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(exceptions::overflow_error(
                        "(34, 'Numerical result out of range')",
                    ));
                }
                r
            }
            _ => return Ok(None),
        };
        return Ok(Some(Value::Float(r)));
    }
    Ok(match (a, op, b) {
        (Value::Str(x), BinOp::Add, Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Some(Value::str(&s))
        }
        (Value::Str(x), BinOp::Mult, n) | (n, BinOp::Mult, Value::Str(x)) if is_int(n) => {
            Some(Value::str(&x.repeat(repeat_count(n)?)))
        }
        (Value::List(x), BinOp::Add, Value::List(y)) => {
            let mut items = x.borrow().clone();
            items.extend(y.borrow().iter().cloned());
            Some(Value::list(items))
        }
        (Value::List(x), BinOp::Mult, n) | (n, BinOp::Mult, Value::List(x)) if is_int(n) => {
            let items = x.borrow();
            let count = repeat_count(n)?;
            Some(Value::list(
                items
                    .iter()
                    .cloned()
                    .cycle()
                    .take(items.len() * count)
                    .collect(),
            ))
        }
        (Value::Tuple(x), BinOp::Add, Value::Tuple(y)) => {
            Some(Value::tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        (Value::Tuple(x), BinOp::Mult, n) | (n, BinOp::Mult, Value::Tuple(x)) if is_int(n) => {
            let count = repeat_count(n)?;
            Some(Value::tuple(
                x.iter().cloned().cycle().take(x.len() * count).collect(),
            ))
        }
        (Value::Bytes(x), BinOp::Add, Value::Bytes(y)) => Some(Value::Bytes(Rc::from(
            x.iter().chain(y.iter()).copied().collect::<Vec<u8>>(),
        ))),
        (Value::Str(fmt), BinOp::Mod, args) => {
            Some(Value::str(&crate::format::percent(vm, fmt, args)?))
        }
        (Value::Dict(x), BinOp::BitOr, Value::Dict(y)) => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                d.insert(k.clone(), v.clone())?;
            }
            Some(Value::Dict(Rc::new(RefCell::new(d))))
        }
        (Value::Set(_) | Value::FrozenSet(_), _, Value::Set(_) | Value::FrozenSet(_)) => {
            set_op(a, op, b)?
        }
        _ => None,
    })
}

/// How many times a sequence is repeated (`s * n`), or how long a made one is (`bytes(n)`):
/// past 100 million items, `MemoryError`, as the page would run out of memory.
pub fn repeat_count(n: &Value) -> PyResult<usize> {
    match int::to_i64(n) {
        Some(i) if i <= 0 => Ok(0),
        Some(i) if i < 100_000_000 => Ok(i as usize),
        _ => Err(exceptions::new(Exc::MemoryError, "")),
    }
}

fn set_members(v: &Value) -> Vec<Value> {
    match v {
        Value::Set(s) => s.borrow().members(),
        Value::FrozenSet(s) => s.members(),
        _ => Vec::new(),
    }
}

fn set_contains(v: &Value, x: &Value) -> PyResult<bool> {
    match v {
        Value::Set(s) => s.borrow().contains(x),
        Value::FrozenSet(s) => s.contains(x),
        _ => Ok(false),
    }
}

fn set_op(a: &Value, op: BinOp, b: &Value) -> PyResult<Option<Value>> {
    let mut out = Set::new();
    match op {
        BinOp::BitOr => {
            for v in set_members(a).into_iter().chain(set_members(b)) {
                out.add(v)?;
            }
        }
        BinOp::BitAnd => {
            for v in set_members(a) {
                if set_contains(b, &v)? {
                    out.add(v)?;
                }
            }
        }
        BinOp::Sub => {
            for v in set_members(a) {
                if !set_contains(b, &v)? {
                    out.add(v)?;
                }
            }
        }
        BinOp::BitXor => {
            for v in set_members(a) {
                if !set_contains(b, &v)? {
                    out.add(v)?;
                }
            }
            for v in set_members(b) {
                if !set_contains(a, &v)? {
                    out.add(v)?;
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(out)),
        _ => Value::Set(Rc::new(RefCell::new(out))),
    }))
}

pub fn unary(vm: &mut Vm, op: UnaryOp, a: &Value) -> PyResult {
    let r = match (op, a) {
        (UnaryOp::Neg, Value::Float(f)) => Some(Value::Float(-f)),
        (UnaryOp::Neg, v) if is_int(v) => int::neg(v),
        (UnaryOp::Pos, Value::Float(f)) => Some(Value::Float(*f)),
        (UnaryOp::Pos, Value::Bool(b)) => Some(Value::Int(*b as i64)),
        (UnaryOp::Pos, v) if is_int(v) => Some(v.clone()),
        (UnaryOp::Invert, v) if is_int(v) => {
            int::sub(&int::neg(v).unwrap_or(Value::Int(0)), &Value::Int(1))
        }
        _ => None,
    };
    if let Some(r) = r {
        return Ok(r);
    }
    let (name, sym) = match op {
        UnaryOp::Neg => ("__neg__", "-"),
        UnaryOp::Pos => ("__pos__", "+"),
        UnaryOp::Invert => ("__invert__", "~"),
        UnaryOp::Not => ("__bool__", "not"),
    };
    if let Some(f) = lookup_special(a, name) {
        return vm.call_bound(&f, a, Args::default());
    }
    Err(type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        type_name(a)
    )))
}

/// `bool(v)`
pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Big(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Dict(d) => !d.borrow().is_empty(),
        Value::Set(s) => !s.borrow().is_empty(),
        Value::FrozenSet(s) => !s.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::Instance(_) => {
            if let Some(f) = lookup_special(v, "__bool__") {
                let r = vm.call_bound(&f, v, Args::default())?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(type_error(format!(
                        "__bool__ should return bool, returned {}",
                        type_name(&other)
                    ))),
                };
            }
            if let Some(f) = lookup_special(v, "__len__") {
                let r = vm.call_bound(&f, v, Args::default())?;
                return Ok(!int::is_zero(&r));
            }
            true
        }
        Value::Host(h) => h.is_true(),
        _ => true,
    })
}

/// `a == b`
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if is_number(a) && is_number(b) {
        return Ok(num_cmp(a, b) == Some(Ordering::Equal));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        (Value::None, Value::None) => Ok(true),
        (Value::Bytes(x), Value::Bytes(y)) => Ok(x == y),
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(vm, x, y),
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(vm, &x, &y)
        }
        (Value::Dict(x), Value::Dict(y)) => {
            let (xi, y) = (x.borrow().items(), y.borrow().clone());
            if xi.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in xi {
                match y.get(&k)? {
                    Some(w) if eq(vm, &v, &w)? => {}
                    _ => return Ok(false),
                }
            }
            Ok(true)
        }
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            let (xs, ys) = (set_members(a), set_members(b));
            if xs.len() != ys.len() {
                return Ok(false);
            }
            for v in xs {
                if !set_contains(b, &v)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        (Value::Range(x), Value::Range(y)) => {
            Ok(x.start == y.start && x.stop == y.stop && x.step == y.step)
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            if let Some(f) = lookup_special(a, "__eq__") {
                let r = vm.call_bound(&f, a, Args::new(vec![b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return truthy(vm, &r);
                }
            }
            if let Some(f) = lookup_special(b, "__eq__") {
                let r = vm.call_bound(&f, b, Args::new(vec![a.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return truthy(vm, &r);
                }
            }
            Ok(a.is(b))
        }
        (Value::Method(x), Value::Method(y)) => Ok(x.0.is(&y.0) && x.1.is(&y.1)),
        _ => Ok(a.is(b)),
    }
}

fn seq_eq(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !a.is(b) && !eq(vm, a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    if is_int(a) && is_int(b) {
        return int::cmp(a, b);
    }
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), i) => int_float_cmp(i, *x).map(Ordering::reverse),
        (i, Value::Float(y)) => int_float_cmp(i, *y),
        _ => None,
    }
}

/// An int against a float, exactly (as CPython compares them: `2**53 + 1 > 2.0**53`).
fn int_float_cmp(i: &Value, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = f.floor();
    let fi = int::from_f64(floor).ok()?;
    match int::cmp(i, &fi)? {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        other => Some(other),
    }
}

/// `a < b` and friends for ordering; `None` means the types cannot be ordered.
fn order(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    if is_number(a) && is_number(b) {
        return Ok(num_cmp(a, b));
    }
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(vm, x, y)?,
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_order(vm, &x, &y)?
        }
        _ => return Err(type_error("")),
    })
}

fn seq_order(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
    for (a, b) in x.iter().zip(y) {
        if !eq(vm, a, b)? {
            return compare_order(vm, a, b);
        }
    }
    Ok(Some(x.len().cmp(&y.len())))
}

fn compare_order(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    match order(vm, a, b) {
        Ok(o) => Ok(o),
        Err(_) => {
            if lt(vm, a, b)? {
                Ok(Some(Ordering::Less))
            } else if lt(vm, b, a)? {
                Ok(Some(Ordering::Greater))
            } else {
                Ok(Some(Ordering::Equal))
            }
        }
    }
}

/// `a < b` (what `sorted`, `min` and `max` use).
pub fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match compare(vm, a, CmpOp::Lt, b)? {
        Value::Bool(r) => Ok(r),
        other => truthy(vm, &other),
    }
}

fn rich(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::LtE => ("__le__", "__ge__", "<="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::GtE => ("__ge__", "__le__", ">="),
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        _ => ("__ne__", "__ne__", "!="),
    }
}

pub fn compare(vm: &mut Vm, a: &Value, op: CmpOp, b: &Value) -> PyResult {
    match op {
        CmpOp::Eq => return Ok(Value::Bool(eq(vm, a, b)?)),
        CmpOp::NotEq => {
            if let Some(f) = lookup_special(a, "__ne__") {
                let r = vm.call_bound(&f, a, Args::new(vec![b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            return Ok(Value::Bool(!eq(vm, a, b)?));
        }
        CmpOp::Is => return Ok(Value::Bool(a.is(b))),
        CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
        CmpOp::In => return Ok(Value::Bool(contains(vm, b, a)?)),
        CmpOp::NotIn => return Ok(Value::Bool(!contains(vm, b, a)?)),
        _ => {}
    }
    let (name, reflected, sym) = rich(op);
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        if let Some(f) = lookup_special(a, name) {
            let r = vm.call_bound(&f, a, Args::new(vec![b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(f) = lookup_special(b, reflected) {
            let r = vm.call_bound(&f, b, Args::new(vec![a.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    if let (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) = (a, b) {
        let sub = |x: &Value, y: &Value| -> PyResult<bool> {
            for v in set_members(x) {
                if !set_contains(y, &v)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (la, lb) = (set_members(a).len(), set_members(b).len());
        let r = match op {
            CmpOp::LtE => sub(a, b)?,
            CmpOp::Lt => la < lb && sub(a, b)?,
            CmpOp::GtE => sub(b, a)?,
            _ => la > lb && sub(b, a)?,
        };
        return Ok(Value::Bool(r));
    }
    // Sequences compare at their first differing items, with the same operator (so a
    // `TypeError` names those items' types, as CPython's does).
    let items = |v: &Value| -> Option<Rc<[Value]>> {
        match v {
            Value::Tuple(t) => Some(t.clone()),
            Value::List(l) => Some(Rc::from(l.borrow().as_slice())),
            _ => None,
        }
    };
    if matches!(
        (a, b),
        (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_))
    ) {
        if let (Some(x), Some(y)) = (items(a), items(b)) {
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq(vm, p, q)? {
                    return compare(vm, p, op, q);
                }
            }
            let ord = x.len().cmp(&y.len());
            return Ok(Value::Bool(match op {
                CmpOp::Lt => ord == Ordering::Less,
                CmpOp::LtE => ord != Ordering::Greater,
                CmpOp::Gt => ord == Ordering::Greater,
                _ => ord != Ordering::Less,
            }));
        }
    }
    let ord = match order(vm, a, b) {
        Ok(o) => o,
        Err(_) => {
            return Err(type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                type_name(a),
                type_name(b)
            )))
        }
    };
    let Some(ord) = ord else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(match op {
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::LtE => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        _ => ord != Ordering::Less,
    }))
}

/// `x in container`
pub fn contains(vm: &mut Vm, container: &Value, x: &Value) -> PyResult<bool> {
    match container {
        Value::Str(s) => match x {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(x)
            ))),
        },
        Value::Dict(d) => d.borrow().contains(x),
        Value::Set(s) => s.borrow().contains(x),
        Value::FrozenSet(s) => s.contains(x),
        Value::Range(r) => Ok(match int::to_i64(x) {
            Some(i) => {
                let in_bounds = if r.step > 0 {
                    i >= r.start && i < r.stop
                } else {
                    i <= r.start && i > r.stop
                };
                in_bounds && (i - r.start) % r.step == 0
            }
            None => false,
        }),
        Value::List(l) => {
            let items = l.borrow().clone();
            for v in &items {
                if v.is(x) || eq(vm, v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for v in t.iter() {
                if v.is(x) || eq(vm, v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(f) = lookup_special(container, "__contains__") {
                let r = vm.call_bound(&f, container, Args::new(vec![x.clone()]))?;
                return truthy(vm, &r);
            }
            let it = crate::iter::get_iter(vm, container).map_err(|_| {
                type_error(format!(
                    "argument of type '{}' is not iterable",
                    type_name(container)
                ))
            })?;
            while let Some(v) = vm.next(&it)? {
                if v.is(x) || eq(vm, &v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// A sequence index made non-negative, or Python's `IndexError`.
fn index_of(i: &Value, len: usize, what: &str) -> PyResult<usize> {
    let Some(i) = int::to_i64(i) else {
        return Err(index_error("cannot fit 'int' into an index-sized integer"));
    };
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// The positions a slice selects in a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
    let _ = vm;
    let n = len as i64;
    let get = |v: &Value| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            other => match int::to_i64(other) {
                Some(i) => Ok(Some(i)),
                None if is_int(other) => Ok(Some(
                    if int::cmp(other, &Value::Int(0)) == Some(Ordering::Less) {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    },
                )),
                None => Err(type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        }
    };
    let step = get(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(exceptions::value_error("slice step cannot be zero"));
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let norm = |v: i64| if v < 0 { v + n } else { v };
    let mut out = Vec::new();
    if step > 0 {
        let start = get(&s[0])?.map(|v| clamp(norm(v), 0, n)).unwrap_or(0);
        let stop = get(&s[1])?.map(|v| clamp(norm(v), 0, n)).unwrap_or(n);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = get(&s[0])?
            .map(|v| clamp(norm(v), -1, n - 1))
            .unwrap_or(n - 1);
        let stop = get(&s[1])?.map(|v| clamp(norm(v), -1, n - 1)).unwrap_or(-1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

pub fn get_item(vm: &mut Vm, obj: &Value, index: &Value) -> PyResult {
    match (obj, index) {
        (Value::List(l), Value::Slice(s)) => {
            let items = l.borrow().clone();
            let idx = slice_indices(vm, s, items.len())?;
            Ok(Value::list(
                idx.into_iter().map(|i| items[i].clone()).collect(),
            ))
        }
        (Value::List(l), i) if is_int(i) => {
            let l = l.borrow();
            Ok(l[index_of(i, l.len(), "list")?].clone())
        }
        (Value::Tuple(t), Value::Slice(s)) => {
            let idx = slice_indices(vm, s, t.len())?;
            Ok(Value::tuple(
                idx.into_iter().map(|i| t[i].clone()).collect(),
            ))
        }
        (Value::Tuple(t), i) if is_int(i) => Ok(t[index_of(i, t.len(), "tuple")?].clone()),
        (Value::Str(s), Value::Slice(sl)) => {
            let chars: Vec<char> = s.chars().collect();
            let idx = slice_indices(vm, sl, chars.len())?;
            Ok(Value::str(
                &idx.into_iter().map(|i| chars[i]).collect::<String>(),
            ))
        }
        (Value::Str(s), i) if is_int(i) => {
            let n = s.chars().count();
            let j = index_of(i, n, "string")?;
            Ok(Value::str(
                &s.chars().nth(j).map(String::from).unwrap_or_default(),
            ))
        }
        (Value::Bytes(b), i) if is_int(i) => {
            Ok(Value::Int(b[index_of(i, b.len(), "index")?] as i64))
        }
        (Value::Bytes(b), Value::Slice(s)) => {
            let idx = slice_indices(vm, s, b.len())?;
            Ok(Value::Bytes(Rc::from(
                idx.into_iter().map(|i| b[i]).collect::<Vec<u8>>(),
            )))
        }
        (Value::Range(r), i) if is_int(i) => {
            let j = index_of(i, r.len() as usize, "range object")?;
            Ok(Value::Int(r.start + r.step * j as i64))
        }
        (Value::Range(r), Value::Slice(s)) => {
            let idx = slice_indices(vm, s, r.len() as usize)?;
            let step = int::to_i64(&s[2]).unwrap_or(1) * r.step;
            let start = match idx.first() {
                Some(&i) => r.start + r.step * i as i64,
                None => {
                    let n = r.len();
                    let lo = int::to_i64(&s[0])
                        .map(|v| if v < 0 { (v + n).max(0) } else { v.min(n) })
                        .unwrap_or(0);
                    r.start + r.step * lo
                }
            };
            let stop = start + step * idx.len() as i64;
            Ok(Value::Range(Rc::new(Range { start, stop, step })))
        }
        (Value::Dict(d), k) => {
            let found = d.borrow().get(k)?;
            match found {
                Some(v) => Ok(v),
                None => Err(key_error(k.clone())),
            }
        }
        (Value::Str(_), _) => Err(type_error(format!(
            "string indices must be integers, not '{}'",
            type_name(index)
        ))),
        (Value::List(_) | Value::Tuple(_), _) => Err(type_error(format!(
            "{} indices must be integers or slices, not {}",
            type_name(obj),
            type_name(index)
        ))),
        // `Generic[T]`, and any class of the program's that defines `__class_getitem__` (a
        // class method whether decorated or not, as in CPython).
        (Value::Class(c), _) if c.lookup("__class_getitem__").is_some() => {
            match crate::attr::get_attr(vm, obj, "__class_getitem__")? {
                f @ Value::Function(_) => vm.call(&f, Args::new(vec![obj.clone(), index.clone()])),
                f => vm.call(&f, Args::new(vec![index.clone()])),
            }
        }
        (Value::Class(c), _)
            if matches!(
                c.builtin,
                BuiltinType::List
                    | BuiltinType::Dict
                    | BuiltinType::Tuple
                    | BuiltinType::Set
                    | BuiltinType::Type
            ) =>
        {
            // `list[int]` in an annotation evaluated at run time.
            Ok(obj.clone())
        }
        (Value::Host(h), _) => match h.get_item(vm, index) {
            Some(item) => item,
            None => Err(type_error(format!(
                "'{}' object is not subscriptable",
                type_name(obj)
            ))),
        },
        _ => {
            if let Some(f) = lookup_special(obj, "__getitem__") {
                return vm.call_bound(&f, obj, Args::new(vec![index.clone()]));
            }
            Err(type_error(format!(
                "'{}' object is not subscriptable",
                type_name(obj)
            )))
        }
    }
}

pub fn set_item(vm: &mut Vm, obj: &Value, index: Value, v: Value) -> PyResult<()> {
    match (obj, &index) {
        (Value::List(l), Value::Slice(s)) => {
            let new_items = crate::iter::collect(vm, &v)?;
            let len = l.borrow().len();
            let idx = slice_indices(vm, s, len)?;
            let step_one = matches!(s[2], Value::None) || matches!(s[2], Value::Int(1));
            let mut l = l.borrow_mut();
            if step_one {
                let start = idx.first().copied().unwrap_or_else(|| {
                    let n = len as i64;
                    match int::to_i64(&s[0]) {
                        Some(v) if v < 0 => (v + n).max(0) as usize,
                        Some(v) => (v as usize).min(len),
                        None => 0,
                    }
                });
                let end = start + idx.len();
                l.splice(start..end, new_items);
            } else {
                if idx.len() != new_items.len() {
                    return Err(exceptions::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        idx.len()
                    )));
                }
                for (i, item) in idx.into_iter().zip(new_items) {
                    l[i] = item;
                }
            }
            Ok(())
        }
        (Value::List(l), i) if is_int(i) => {
            let mut l = l.borrow_mut();
            let j = index_of(i, l.len(), "list assignment")?;
            l[j] = v;
            Ok(())
        }
        (Value::Dict(d), _) => d.borrow_mut().insert(index, v),
        (Value::Host(h), _) => match h.set_item(vm, index.clone(), v.clone()) {
            Some(done) => done,
            None => Err(type_error(format!(
                "'{}' object does not support item assignment",
                type_name(obj)
            ))),
        },
        _ => {
            if let Some(f) = lookup_special(obj, "__setitem__") {
                vm.call_bound(&f, obj, Args::new(vec![index, v]))?;
                return Ok(());
            }
            Err(type_error(format!(
                "'{}' object does not support item assignment",
                type_name(obj)
            )))
        }
    }
}

pub fn del_item(vm: &mut Vm, obj: &Value, index: &Value) -> PyResult<()> {
    match (obj, index) {
        (Value::List(l), Value::Slice(s)) => {
            let len = l.borrow().len();
            let mut idx = slice_indices(vm, s, len)?;
            idx.sort_unstable();
            let mut l = l.borrow_mut();
            for i in idx.into_iter().rev() {
                l.remove(i);
            }
            Ok(())
        }
        (Value::List(l), i) if is_int(i) => {
            let mut l = l.borrow_mut();
            let j = index_of(i, l.len(), "list assignment")?;
            l.remove(j);
            Ok(())
        }
        (Value::Dict(d), k) => match d.borrow_mut().remove(k)? {
            Some(_) => Ok(()),
            None => Err(key_error(k.clone())),
        },
        _ => {
            if let Some(f) = lookup_special(obj, "__delitem__") {
                vm.call_bound(&f, obj, Args::new(vec![index.clone()]))?;
                return Ok(());
            }
            Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                type_name(obj)
            )))
        }
    }
}

/// `str(v)`
pub fn str_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__str__") {
                return expect_str(vm.call_bound(&f, v, Args::default())?, "__str__");
            }
            if inst.exc.is_some() && inst.class.lookup("__repr__").is_none() {
                return crate::class::exception_str(vm, &Exception(inst.clone()));
            }
            repr(vm, v)
        }
        Value::Host(h) => h.str(vm),
        _ => repr(vm, v),
    }
}

fn expect_str(v: Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!(
            "{what} returned non-string (type {})",
            type_name(&other)
        ))),
    }
}

/// `repr(v)`
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(_) | Value::Big(_) => int::to_string(v),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => bytes_repr(b),
        Value::Tuple(t) => {
            if t.len() == 1 {
                format!("({},)", repr(vm, &t[0])?)
            } else {
                format!("({})", join_reprs(vm, t)?)
            }
        }
        Value::List(l) => {
            let items = l.borrow().clone();
            guard(vm, v, "[...]", |vm| {
                Ok(format!("[{}]", join_reprs(vm, &items)?))
            })?
        }
        Value::Dict(d) => {
            let items = d.borrow().items();
            guard(vm, v, "{...}", |vm| {
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in &items {
                    parts.push(format!("{}: {}", repr(vm, k)?, repr(vm, val)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            })?
        }
        Value::Set(s) => {
            let items = s.borrow().members();
            if items.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", join_reprs(vm, &items)?)
            }
        }
        Value::FrozenSet(s) => {
            let items = s.members();
            if items.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", join_reprs(vm, &items)?)
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr(vm, &s[0])?,
            repr(vm, &s[1])?,
            repr(vm, &s[2])?
        ),
        Value::Function(f) => format!(
            "<function {} at {}>",
            f.qualname,
            address(Rc::as_ptr(f) as *const ())
        ),
        Value::Builtin(b) => match &b.this {
            Some(this) => format!(
                "<built-in method {} of {} object at {}>",
                b.name,
                type_name(this),
                address(Rc::as_ptr(b) as *const ())
            ),
            None => format!("<built-in function {}>", b.name),
        },
        Value::Method(m) => match &m.1 {
            Value::Function(f) => format!("<bound method {} of {}>", f.qualname, repr(vm, &m.0)?),
            other => repr(vm, other)?,
        },
        Value::Class(c) => {
            if &*c.module == "builtins" {
                format!("<class '{}'>", c.name)
            } else {
                format!("<class '{}.{}'>", c.module, c.qualname)
            }
        }
        Value::Instance(inst) => {
            if let Some(f) = inst.class.lookup("__repr__") {
                return expect_str(vm.call_bound(&f, v, Args::default())?, "__repr__");
            }
            if inst.exc.is_some() {
                return crate::class::exception_repr(vm, &Exception(inst.clone()));
            }
            format!(
                "<{}.{} object at {}>",
                inst.class.module,
                inst.class.qualname,
                address(Rc::as_ptr(inst) as *const ())
            )
        }
        Value::Module(m) => format!("<module '{}'>", m.name),
        Value::Generator(g) => {
            let kind = match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            format!(
                "<{kind} object {} at {}>",
                g.qualname,
                address(Rc::as_ptr(g) as *const ())
            )
        }
        Value::Host(h) => h.repr(vm)?,
        Value::Partial(p) => {
            let mut parts = vec![repr(vm, &p.func)?];
            for a in &p.args {
                parts.push(repr(vm, a)?);
            }
            for (k, a) in &p.kw {
                parts.push(format!("{k}={}", repr(vm, a)?));
            }
            format!("functools.partial({})", parts.join(", "))
        }
        other => format!(
            "<{} object at {}>",
            type_name(other),
            address(other as *const Value as *const ())
        ),
    })
}

/// An address for a default `repr`, as CPython shows one.
fn address(p: *const ()) -> String {
    format!("0x{:012x}", p as usize)
}

thread_local! {
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Guards `repr` of a container against containing itself (`[...]`).
fn guard(
    vm: &mut Vm,
    v: &Value,
    recursive: &str,
    f: impl FnOnce(&mut Vm) -> PyResult<String>,
) -> PyResult<String> {
    let id = match v {
        Value::List(l) => Rc::as_ptr(l) as *const () as usize,
        Value::Dict(d) => Rc::as_ptr(d) as *const () as usize,
        _ => 0,
    };
    if REPR_ACTIVE.with(|a| a.borrow().contains(&id)) {
        return Ok(recursive.to_string());
    }
    REPR_ACTIVE.with(|a| a.borrow_mut().push(id));
    let r = f(vm);
    REPR_ACTIVE.with(|a| a.borrow_mut().retain(|x| *x != id));
    r
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for i in items {
        parts.push(repr(vm, i)?);
    }
    Ok(parts.join(", "))
}

/// `ascii(v)`: `repr` with non-ASCII characters escaped.
pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    let mut out = String::new();
    for c in r.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            u @ 0x80..=0xff => out.push_str(&format!("\\x{u:02x}")),
            u @ 0x100..=0xffff => out.push_str(&format!("\\u{u:04x}")),
            u => out.push_str(&format!("\\U{u:08x}")),
        }
    }
    Ok(out)
}

/// `len(v)`
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.borrow().len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        Value::Range(r) => r.len() as usize,
        Value::Host(h) if h.len().is_some() => h.len().unwrap_or(0),
        _ => {
            if let Some(f) = lookup_special(v, "__len__") {
                let r = vm.call_bound(&f, v, Args::default())?;
                return match int::to_i64(&r) {
                    Some(n) if n >= 0 => Ok(n as usize),
                    Some(_) => Err(exceptions::value_error("__len__() should return >= 0")),
                    None => Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(&r)
                    ))),
                };
            }
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                type_name(v)
            )));
        }
    })
}

/// A fresh empty dict value.
pub fn new_dict(d: Dict) -> Value {
    Value::Dict(Rc::new(RefCell::new(d)))
}
