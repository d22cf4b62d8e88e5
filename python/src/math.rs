//! The `math` module: CPython's functions on floats (with its "math domain error") and on
//! integers of any size.

use num_bigint::BigInt;
use num_integer::Integer;

use crate::ast::BinOp;
use crate::exceptions::{type_error, value_error};
use crate::int;
use crate::iter::collect;
use crate::modules::module as make_module;
use crate::types::type_name;
use crate::value::*;
use crate::vm::Vm;

/// The module object.
pub(crate) fn module() -> Value {
    make_module(
        "math",
        &[
            ("sqrt", math_sqrt),
            ("floor", math_floor),
            ("ceil", math_ceil),
            ("trunc", math_trunc),
            ("log", math_log),
            ("log2", math_log2),
            ("log10", math_log10),
            ("exp", math_exp),
            ("pow", math_pow),
            ("sin", math_sin),
            ("cos", math_cos),
            ("tan", math_tan),
            ("asin", math_asin),
            ("acos", math_acos),
            ("atan", math_atan),
            ("atan2", math_atan2),
            ("hypot", math_hypot),
            ("degrees", math_degrees),
            ("radians", math_radians),
            ("copysign", math_copysign),
            ("fabs", math_fabs),
            ("isinf", math_isinf),
            ("isnan", math_isnan),
            ("isfinite", math_isfinite),
            ("factorial", math_factorial),
            ("gcd", math_gcd),
            ("lcm", math_lcm),
            ("comb", math_comb),
            ("perm", math_perm),
            ("isqrt", math_isqrt),
            ("prod", math_prod),
            ("isclose", math_isclose),
        ],
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    )
}

fn float_arg(args: &Args) -> PyResult<f64> {
    args.pos
        .first()
        .and_then(int::to_f64)
        .ok_or_else(|| type_error("must be real number"))
}

fn math_sqrt(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let x = float_arg(&args)?;
    if x < 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn math_floor(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    to_int(&args, f64::floor)
}

fn math_ceil(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    to_int(&args, f64::ceil)
}

fn math_log(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let x = positive_arg(&args)?;
    Ok(Value::Float(match args.pos.get(1).and_then(int::to_f64) {
        Some(base) => x.ln() / base.ln(),
        None => x.ln(),
    }))
}

fn math_exp(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.exp()))
}

fn math_sin(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.sin()))
}

fn math_cos(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.cos()))
}

fn math_fabs(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.abs()))
}

fn math_factorial(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let n = args
        .pos
        .first()
        .and_then(int::to_i64)
        .ok_or_else(|| type_error("factorial() only accepts integral values"))?;
    if n < 0 {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let mut acc = Value::Int(1);
    for i in 2..=n {
        acc = int::mul(&acc, &Value::Int(i)).unwrap_or(Value::Int(0));
    }
    Ok(acc)
}

fn math_gcd(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut acc = num_bigint::BigInt::from(0);
    for v in &args.pos {
        let b = int::to_big(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?;
        acc = acc.gcd(&b);
    }
    Ok(int::from_big(acc))
}

fn math_isclose(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let (Some(a), Some(b)) = (
        args.pos.first().and_then(int::to_f64),
        args.pos.get(1).and_then(int::to_f64),
    ) else {
        return Err(type_error("isclose() takes two numbers"));
    };
    let rel = args
        .keyword("rel_tol")
        .and_then(int::to_f64)
        .unwrap_or(1e-9);
    let abs = args.keyword("abs_tol").and_then(int::to_f64).unwrap_or(0.0);
    Ok(Value::Bool(
        a == b || (a - b).abs() <= (rel * b.abs()).max(rel * a.abs()).max(abs),
    ))
}

/// The second argument as a float, for the two-argument functions.
fn float_arg2(args: &Args) -> PyResult<f64> {
    args.pos
        .get(1)
        .and_then(int::to_f64)
        .ok_or_else(|| type_error("must be real number"))
}

/// A float result, or CPython's "math domain error" where it is not a number.
fn domain(x: f64) -> PyResult {
    if x.is_nan() {
        Err(value_error("math domain error"))
    } else {
        Ok(Value::Float(x))
    }
}

fn math_trunc(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    to_int(&args, f64::trunc)
}

/// `floor`, `ceil` and `trunc`: an int as it is, a float rounded by `round` to an int.
fn to_int(args: &Args, round: fn(f64) -> f64) -> PyResult {
    match args.pos.first() {
        Some(v @ (Value::Int(_) | Value::Big(_))) => Ok(v.clone()),
        _ => int::from_f64(round(float_arg(args)?)),
    }
}

/// The argument of a logarithm: positive, or CPython's "math domain error".
fn positive_arg(args: &Args) -> PyResult<f64> {
    let x = float_arg(args)?;
    if x <= 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(x)
}

fn math_log2(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(positive_arg(&args)?.log2()))
}

fn math_log10(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(positive_arg(&args)?.log10()))
}

fn math_pow(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    domain(float_arg(&args)?.powf(float_arg2(&args)?))
}

fn math_tan(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.tan()))
}

fn math_asin(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    domain(float_arg(&args)?.asin())
}

fn math_acos(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    domain(float_arg(&args)?.acos())
}

fn math_atan(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.atan()))
}

fn math_atan2(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.atan2(float_arg2(&args)?)))
}

/// `math.hypot(*coordinates)`: the Euclidean norm.
fn math_hypot(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut sum = 0.0f64;
    for v in &args.pos {
        let x = int::to_f64(v).ok_or_else(|| type_error("must be real number"))?;
        sum = sum.hypot(x);
    }
    Ok(Value::Float(sum))
}

fn math_degrees(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.to_degrees()))
}

fn math_radians(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.to_radians()))
}

fn math_copysign(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Float(float_arg(&args)?.copysign(float_arg2(&args)?)))
}

fn math_isinf(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Bool(float_arg(&args)?.is_infinite()))
}

fn math_isnan(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Bool(float_arg(&args)?.is_nan()))
}

fn math_isfinite(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Bool(float_arg(&args)?.is_finite()))
}

/// An integer argument, as CPython's `__index__` takes it.
fn big_arg(v: &Value) -> PyResult<BigInt> {
    int::to_big(v).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

/// A non-negative integer argument called `what` (`n`, `k`).
fn natural_arg(v: &Value, what: &str) -> PyResult<BigInt> {
    let n = big_arg(v)?;
    if n < BigInt::from(0) {
        return Err(value_error(format!(
            "{what} must be a non-negative integer"
        )));
    }
    Ok(n)
}

/// `n * (n - 1) * … * (n - k + 1)`.
fn falling(n: &BigInt, k: &BigInt) -> BigInt {
    let mut acc = BigInt::from(1);
    let mut i = BigInt::from(0);
    while &i < k {
        acc *= n - &i;
        i += 1;
    }
    acc
}

fn math_lcm(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut acc = BigInt::from(1);
    for v in &args.pos {
        acc = acc.lcm(&big_arg(v)?);
    }
    Ok(int::from_big(acc))
}

/// `math.comb(n, k)`: ways to choose `k` of `n`, 0 when `k > n`.
fn math_comb(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let (Some(n), Some(k)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("comb expected 2 arguments"));
    };
    let (n, k) = (natural_arg(n, "n")?, natural_arg(k, "k")?);
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    Ok(int::from_big(falling(&n, &k) / falling(&k, &k)))
}

/// `math.perm(n, k=None)`: ordered choices of `k` of `n` (`n!` without `k`), 0 when `k > n`.
fn math_perm(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let Some(n) = args.pos.first() else {
        return Err(type_error("perm expected at least 1 argument, got 0"));
    };
    let n = natural_arg(n, "n")?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) => n.clone(),
        Some(k) => natural_arg(k, "k")?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    Ok(int::from_big(falling(&n, &k)))
}

/// `math.isqrt(n)`: the integer square root, exact for any size.
fn math_isqrt(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let n = big_arg(args.pos.first().unwrap_or(&Value::None))?;
    if n < BigInt::from(0) {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int::from_big(n.sqrt()))
}

/// `math.prod(iterable, *, start=1)`: the product, with Python's `*`.
fn math_prod(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let items = collect(vm, args.pos.first().unwrap_or(&Value::None))?;
    let mut acc = args.keyword("start").cloned().unwrap_or(Value::Int(1));
    for item in &items {
        acc = crate::ops::binary(vm, &acc, BinOp::Mult, item)?;
    }
    Ok(acc)
}
