//! Python's `int`: 64-bit while it fits, arbitrary precision when it does not, one value either
//! way (`Value::Int` or `Value::Big`, never a `Big` that fits in 64 bits).

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exceptions::{overflow_error, value_error, zero_division};
use crate::value::{PyResult, Value};

pub fn from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Big(Rc::new(b)),
    }
}

/// An integer's value as a big integer (`None` if it is not an int or bool).
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Big(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

pub fn parse_decimal(digits: &str) -> Value {
    match digits.parse::<i64>() {
        Ok(i) => Value::Int(i),
        Err(_) => BigInt::parse_bytes(digits.as_bytes(), 10)
            .map(from_big)
            .unwrap_or(Value::Int(0)),
    }
}

/// `int(text, base)`, with Python's rules for signs, underscores, prefixes and spaces.
pub fn parse(text: &str, base: u32) -> PyResult {
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::repr::str_repr(text)
        ))
    };
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let mut base = base;
    let mut digits = lower.as_str();
    for (prefix, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == b || base == 0) && digits.starts_with(prefix) {
            digits = &digits[2..];
            base = b;
        }
    }
    if base == 0 {
        if digits.len() > 1
            && digits.starts_with('0')
            && digits.chars().any(|c| c != '0' && c != '_')
        {
            return Err(invalid());
        }
        base = 10;
    }
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(invalid());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let parsed = BigInt::parse_bytes(clean.as_bytes(), base).ok_or_else(invalid)?;
    Ok(from_big(if neg { -parsed } else { parsed }))
}

fn big(a: i64) -> BigInt {
    BigInt::from(a)
}

pub fn add(a: &Value, b: &Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(
            x.checked_add(*y)
                .map(Value::Int)
                .unwrap_or_else(|| from_big(big(*x) + big(*y))),
        );
    }
    Some(from_big(to_big(a)? + to_big(b)?))
}

pub fn sub(a: &Value, b: &Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(
            x.checked_sub(*y)
                .map(Value::Int)
                .unwrap_or_else(|| from_big(big(*x) - big(*y))),
        );
    }
    Some(from_big(to_big(a)? - to_big(b)?))
}

pub fn mul(a: &Value, b: &Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(
            x.checked_mul(*y)
                .map(Value::Int)
                .unwrap_or_else(|| from_big(big(*x) * big(*y))),
        );
    }
    Some(from_big(to_big(a)? * to_big(b)?))
}

/// `a // b` and `a % b`, rounding toward negative infinity as Python does.
pub fn divmod(a: &Value, b: &Value) -> Option<PyResult<(Value, Value)>> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if *y == 0 {
            return Some(Err(zero_division("integer division or modulo by zero")));
        }
        if let (Some(q), Some(r)) = (x.checked_div(*y), x.checked_rem(*y)) {
            let (q, r) = if r != 0 && ((r < 0) != (*y < 0)) {
                (q - 1, r + y)
            } else {
                (q, r)
            };
            return Some(Ok((Value::Int(q), Value::Int(r))));
        }
    }
    let (x, y) = (to_big(a)?, to_big(b)?);
    if y.is_zero() {
        return Some(Err(zero_division("integer division or modulo by zero")));
    }
    let (q, r) = x.div_mod_floor(&y);
    Some(Ok((from_big(q), from_big(r))))
}

pub fn true_div(a: &Value, b: &Value) -> Option<PyResult> {
    let (x, y) = (to_big(a)?, to_big(b)?);
    if y.is_zero() {
        return Some(Err(zero_division("division by zero")));
    }
    if let (Some(xf), Some(yf)) = (small_f64(&x), small_f64(&y)) {
        return Some(Ok(Value::Float(xf / yf)));
    }
    let xf = x.to_f64().unwrap_or(f64::INFINITY);
    let yf = y.to_f64().unwrap_or(f64::INFINITY);
    let q = xf / yf;
    if q.is_infinite() {
        return Some(Err(overflow_error(
            "integer division result too large for a float",
        )));
    }
    Some(Ok(Value::Float(q)))
}

/// The value as a float when that is exact (below 2**53).
fn small_f64(x: &BigInt) -> Option<f64> {
    let i = x.to_i64()?;
    (i.unsigned_abs() < (1u64 << 53)).then_some(i as f64)
}

pub fn pow(a: &Value, b: &Value) -> Option<PyResult> {
    let (x, y) = (to_big(a)?, to_big(b)?);
    if y.is_negative() {
        let xf = to_f64(a)?;
        if xf == 0.0 {
            return Some(Err(zero_division(
                "0.0 cannot be raised to a negative power",
            )));
        }
        return Some(Ok(Value::Float(
            xf.powf(y.to_f64().unwrap_or(f64::NEG_INFINITY)),
        )));
    }
    let Some(e) = y.to_u32() else {
        return Some(Err(overflow_error("exponent too large")));
    };
    if x.bits() * e as u64 > 1_000_000 {
        return Some(Err(crate::exceptions::new(
            crate::types::Exc::MemoryError,
            "",
        )));
    }
    Some(Ok(from_big(num_traits::Pow::pow(&x, e))))
}

pub fn pow_mod(a: &Value, b: &Value, m: &Value) -> PyResult {
    let (Some(x), Some(y), Some(z)) = (to_big(a), to_big(b), to_big(m)) else {
        return Err(crate::exceptions::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if z.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let (x, y) = if y.is_negative() {
        // pow(a, -n, m) is the inverse of a, to the n-th power.
        let m = z.abs();
        let e = x.mod_floor(&m).extended_gcd(&m);
        if !e.gcd.is_one() {
            return Err(value_error("base is not invertible for the given modulus"));
        }
        (e.x.mod_floor(&m), -y)
    } else {
        (x, y)
    };
    let r = x.modpow(&y, &z);
    // Python's result has the sign of the modulus.
    let r = if !r.is_zero() && (r.is_negative() != z.is_negative()) {
        r + &z
    } else {
        r
    };
    Ok(from_big(r))
}

pub fn neg(a: &Value) -> Option<Value> {
    match a {
        Value::Int(x) => Some(
            x.checked_neg()
                .map(Value::Int)
                .unwrap_or_else(|| from_big(-big(*x))),
        ),
        _ => Some(from_big(-to_big(a)?)),
    }
}

pub fn shift(a: &Value, b: &Value, left: bool) -> Option<PyResult> {
    let (x, y) = (to_big(a)?, to_big(b)?);
    if y.is_negative() {
        return Some(Err(value_error("negative shift count")));
    }
    let Some(n) = y.to_usize() else {
        return Some(Err(overflow_error("too many digits in integer")));
    };
    if left {
        if n > 1_000_000 {
            return Some(Err(overflow_error("too many digits in integer")));
        }
        Some(Ok(from_big(x << n)))
    } else {
        Some(Ok(from_big(x >> n)))
    }
}

pub fn bitop(a: &Value, b: &Value, op: crate::ast::BinOp) -> Option<Value> {
    let (x, y) = (to_big(a)?, to_big(b)?);
    Some(from_big(match op {
        crate::ast::BinOp::BitAnd => x & y,
        crate::ast::BinOp::BitOr => x | y,
        _ => x ^ y,
    }))
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Big(b) => b.to_f64(),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

pub fn to_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// The integer a float truncates to (`int(3.9)`), or the error Python gives for inf and nan.
pub fn from_f64(f: f64) -> PyResult {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(num_traits::FromPrimitive::from_f64(t)
        .map(from_big)
        .unwrap_or(Value::Int(0)))
}

pub fn to_string(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Big(b) => b.to_string(),
        Value::Bool(b) => (*b as i64).to_string(),
        _ => String::new(),
    }
}

/// `hex`, `oct`, `bin`: the digits in `radix` with Python's prefix.
pub fn to_radix(v: &Value, radix: u32, prefix: &str) -> String {
    let x = to_big(v).unwrap_or_default();
    let digits = x.abs().to_str_radix(radix);
    if x.is_negative() {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    }
}

pub fn cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(x.cmp(y));
    }
    Some(to_big(a)?.cmp(&to_big(b)?))
}

pub fn is_zero(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::Big(b) => b.is_zero(),
        _ => false,
    }
}
