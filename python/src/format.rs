//! `format(v, spec)` (f-strings, `str.format`) with Python's format-spec mini-language, and
//! `%`-formatting.

use crate::class::lookup_special;
use crate::exceptions::{type_error, value_error};
use crate::int;
use crate::repr::{float_repr, shortest_digits};
use crate::types::type_name;
use crate::value::*;
use crate::vm::Vm;

/// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default, Debug)]
struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec {
        fill: ' ',
        sign: '-',
        ..Spec::default()
    };
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = chars[i];
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        if s.align.is_none() {
            s.fill = '0';
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        s.precision = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// `format(v, spec)`
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Value::Instance(_) = v {
        if let Some(f) = lookup_special(v, "__format__") {
            return match vm.call_bound(&f, v, Args::new(vec![Value::str(spec)]))? {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(type_error(format!(
                    "__format__ must return a str, not {}",
                    type_name(&other)
                ))),
            };
        }
    }
    if spec.is_empty() {
        return crate::ops::str_of(vm, v);
    }
    let s = parse_spec(spec)?;
    match v {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => format_int(v, &s),
        Value::Float(f) => format_float(*f, &s),
        Value::Str(text) => {
            if let Some(k) = s.kind {
                if k != 's' {
                    return Err(value_error(format!(
                        "Unknown format code '{k}' for object of type 'str'"
                    )));
                }
            }
            if s.sign != '-' {
                return Err(value_error("Sign not allowed in string format specifier"));
            }
            let t: String = match s.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text.to_string(),
            };
            Ok(pad(&t, &s, '<'))
        }
        _ => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        ))),
    }
}

/// Pads to the spec's width; `=` puts the fill between the sign and the digits.
fn pad(text: &str, s: &Spec, default_align: char) -> String {
    let len = text.chars().count();
    if len >= s.width {
        return text.to_string();
    }
    let n = s.width - len;
    let fill = |k: usize| std::iter::repeat_n(s.fill, k).collect::<String>();
    match s.align.unwrap_or(default_align) {
        '<' => format!("{text}{}", fill(n)),
        '^' => format!("{}{text}{}", fill(n / 2), fill(n - n / 2)),
        '=' => {
            let split = text
                .find(|c: char| !matches!(c, '+' | '-' | ' '))
                .unwrap_or(0);
            let (sign, rest) = text.split_at(split);
            let (prefix, digits) =
                if rest.starts_with("0x") || rest.starts_with("0b") || rest.starts_with("0o") {
                    rest.split_at(2)
                } else {
                    ("", rest)
                };
            format!("{sign}{prefix}{}{digits}", fill(n))
        }
        _ => format!("{}{text}", fill(n)),
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let (int_part, rest) = match digits.find(|c: char| !c.is_ascii_alphanumeric()) {
        Some(i) => digits.split_at(i),
        None => (digits, ""),
    };
    let chars: Vec<char> = int_part.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*c);
    }
    out + rest
}

fn signed(negative: bool, body: String, s: &Spec) -> String {
    let sign = if negative {
        "-"
    } else {
        match s.sign {
            '+' => "+",
            ' ' => " ",
            _ => "",
        }
    };
    format!("{sign}{body}")
}

fn format_int(v: &Value, s: &Spec) -> PyResult<String> {
    let kind = s.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float(int::to_f64(v).unwrap_or(0.0), s);
    }
    if s.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let negative = int::cmp(v, &Value::Int(0)) == Some(std::cmp::Ordering::Less);
    let abs = if negative {
        int::neg(v).unwrap_or(Value::Int(0))
    } else {
        v.clone()
    };
    let body = match kind {
        'd' | 'n' => int::to_string(&abs),
        'x' => int::to_radix(&abs, 16, if s.alternate { "0x" } else { "" }),
        'X' => int::to_radix(&abs, 16, if s.alternate { "0X" } else { "" }).to_uppercase(),
        'o' => int::to_radix(&abs, 8, if s.alternate { "0o" } else { "" }),
        'b' => int::to_radix(&abs, 2, if s.alternate { "0b" } else { "" }),
        'c' => {
            let c = int::to_i64(v)
                .and_then(|i| char::from_u32(i as u32))
                .ok_or_else(|| value_error("%c arg not in range(0x110000)"))?;
            return Ok(pad(&c.to_string(), s, '<'));
        }
        other => {
            return Err(value_error(format!(
                "Unknown format code '{other}' for object of type 'int'"
            )))
        }
    };
    let body = match s.grouping {
        Some(sep) => group(&body, sep, if matches!(kind, 'd' | 'n') { 3 } else { 4 }),
        None => body,
    };
    Ok(pad(&signed(negative, body, s), s, '>'))
}

/// Python's `%e`-style exponent: at least two digits, with a sign.
fn exp_form(mantissa_and_exp: &str, upper: bool) -> String {
    let (m, e) = mantissa_and_exp
        .split_once('e')
        .unwrap_or((mantissa_and_exp, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let sign = if e < 0 { '-' } else { '+' };
    let out = format!("{m}e{sign}{:02}", e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let m = if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.')
    } else {
        m
    };
    format!("{m}{e}")
}

/// `'g'` formatting of a non-negative finite float with `p` significant digits.
fn general(x: f64, p: usize, alternate: bool, upper: bool, repr_like: bool) -> String {
    let p = p.max(1);
    if x == 0.0 {
        return if repr_like {
            "0.0".into()
        } else if alternate {
            format!("0.{}", "0".repeat(p - 1))
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci
        .split_once('e')
        .map(|(_, e)| e.parse().unwrap_or(0))
        .unwrap_or(0);
    let out = if exp >= -4 && (exp as i64) < p as i64 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let fixed = format!("{:.*}", decimals, x);
        if alternate {
            fixed
        } else {
            let t = strip_zeros(&fixed);
            if repr_like && !t.contains('.') {
                format!("{t}.0")
            } else {
                t
            }
        }
    } else {
        let e = exp_form(&sci, upper);
        if alternate {
            e
        } else {
            strip_zeros(&e)
        }
    };
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

fn format_float(f: f64, s: &Spec) -> PyResult<String> {
    let kind = s.kind;
    if let Some(k) = kind {
        if !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(value_error(format!(
                "Unknown format code '{k}' for object of type 'float'"
            )));
        }
    }
    let negative = f.is_sign_negative();
    let x = f.abs();
    let upper = matches!(kind, Some('E' | 'F' | 'G'));
    let body = if x.is_nan() {
        if upper { "NAN" } else { "nan" }.to_string()
    } else if x.is_infinite() {
        if upper { "INF" } else { "inf" }.to_string()
    } else {
        match kind {
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), x),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), x * 100.0),
            Some('e' | 'E') => exp_form(&format!("{:.*e}", s.precision.unwrap_or(6), x), upper),
            Some('g' | 'G' | 'n') => {
                general(x, s.precision.unwrap_or(6), s.alternate, upper, false)
            }
            _ => match s.precision {
                Some(p) => general(x, p, s.alternate, false, true),
                None => float_repr(x),
            },
        }
    };
    let body = match s.grouping {
        Some(sep) => group(&body, sep, 3),
        None => body,
    };
    let negative = negative && !x.is_nan();
    Ok(pad(&signed(negative, body, s), s, '>'))
}

/// `fmt % args`
pub fn percent(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mapping = matches!(args, Value::Dict(_) | Value::Instance(_));
    let mut next = 0;
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut value: Option<Value> = None;
        if i < chars.len() && chars[i] == '(' {
            let end = chars[i..]
                .iter()
                .position(|&c| c == ')')
                .map(|p| p + i)
                .ok_or_else(|| value_error("incomplete format key"))?;
            let key: String = chars[i + 1..end].iter().collect();
            value = Some(crate::ops::get_item(vm, args, &Value::str(&key))?);
            i = end + 1;
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '*') {
            width.push(chars[i]);
            i += 1;
        }
        let mut precision = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            precision = Some(p.parse::<usize>().unwrap_or(0));
        }
        let Some(&conv) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None if mapping && !matches!(args, Value::Tuple(_)) => args.clone(),
            None => {
                let v = items
                    .get(next)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string"))?;
                next += 1;
                v
            }
        };
        let left = flags.contains('-');
        let mut spec = String::new();
        if left {
            spec.push('<');
        } else if flags.contains('0') && conv != 's' && conv != 'r' {
            spec.push('0');
        }
        if flags.contains('+') {
            spec.insert(0, '+');
            if left {
                spec = "<+".into();
            }
        } else if flags.contains(' ') {
            spec = format!(" {spec}");
            if left {
                spec = "< ".into();
            }
        }
        let spec_prefix = if spec.starts_with('<') && spec.len() > 1 {
            format!("<{}", &spec[1..])
        } else {
            spec.clone()
        };
        let width_s = width;
        let text = match conv {
            's' => {
                let t = crate::ops::str_of(vm, &v)?;
                let t: String = match precision {
                    Some(p) => t.chars().take(p).collect(),
                    None => t,
                };
                format(
                    vm,
                    &Value::str(&t),
                    &format!("{}{width_s}", if left { "<" } else { ">" }),
                )?
            }
            'r' | 'a' => {
                let t = crate::ops::repr(vm, &v)?;
                format(
                    vm,
                    &Value::str(&t),
                    &format!("{}{width_s}", if left { "<" } else { ">" }),
                )?
            }
            'd' | 'i' | 'u' => {
                let n = match &v {
                    Value::Float(f) => int::from_f64(*f)?,
                    other if matches!(other, Value::Int(_) | Value::Big(_) | Value::Bool(_)) => {
                        match other {
                            Value::Bool(b) => Value::Int(*b as i64),
                            o => o.clone(),
                        }
                    }
                    other => {
                        return Err(type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            type_name(other)
                        )))
                    }
                };
                format(vm, &n, &format!("{spec_prefix}{width_s}d"))?
            }
            'x' | 'X' | 'o' => {
                let alt = if flags.contains('#') { "#" } else { "" };
                format(vm, &v, &format!("{spec_prefix}{alt}{width_s}{conv}"))?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = int::to_f64(&v).ok_or_else(|| {
                    type_error(format!("must be real number, not {}", type_name(&v)))
                })?;
                let p = precision.unwrap_or(6);
                format(
                    vm,
                    &Value::Float(f),
                    &format!("{spec_prefix}{width_s}.{p}{conv}"),
                )?
            }
            'c' => match &v {
                Value::Str(s) => s.to_string(),
                other => format(vm, other, "c")?,
            },
            other => {
                return Err(value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&text);
    }
    if !mapping && next < items.len() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// The shortest digits of a float, for `round` and friends that need them.
pub fn digits_of(f: f64) -> (String, i32) {
    shortest_digits(f)
}
