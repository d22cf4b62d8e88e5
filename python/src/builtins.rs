//! The `builtins` module: the built-in functions, and calling the built-in types.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::dict::{Dict, Set};
use crate::exceptions::{self, type_error, value_error};
use crate::int;
use crate::iter::{collect, get_iter};
use crate::ops;
use crate::types::{all_builtin_classes, exc_class, type_name, type_of, Exc};
use crate::value::*;
use crate::vm::Vm;

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("any", any),
    ("all", all),
    ("iter", iter),
    ("next", next),
    ("aiter", aiter),
    ("anext", anext),
    ("hash", hash),
    ("id", id),
    ("divmod", divmod),
    ("pow", pow),
    ("round", round),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("format", format),
    ("vars", vars),
    ("input", input),
    ("open", crate::files::open),
    ("globals", unsupported_globals),
    ("locals", unsupported_locals),
    ("exec", unsupported_exec),
    ("eval", unsupported_eval),
];

/// Makes the `builtins` module.
pub fn module() -> Rc<Module> {
    let mut d = Dict::new();
    for (name, f) in FUNCTIONS {
        d.set_str(
            name,
            Value::Builtin(Rc::new(Builtin {
                name,
                func: *f,
                this: None,
            })),
        );
    }
    for class in all_builtin_classes() {
        let hidden = matches!(
            class.builtin,
            BuiltinType::NoneType
                | BuiltinType::Function
                | BuiltinType::BuiltinFunction
                | BuiltinType::Method
                | BuiltinType::Module
                | BuiltinType::Iterator
                | BuiltinType::Generator
                | BuiltinType::Coroutine
                | BuiltinType::AsyncGenerator
                | BuiltinType::Partial
                | BuiltinType::Ellipsis
                | BuiltinType::NotImplementedType
                | BuiltinType::Cell
                | BuiltinType::Host
        );
        if !hidden {
            d.set_str(&class.name.clone(), Value::Class(class));
        }
    }
    d.set_str(
        "super",
        Value::Builtin(Rc::new(Builtin {
            name: "super",
            func: super_,
            this: None,
        })),
    );
    d.set_str("None", Value::None);
    d.set_str("Ellipsis", Value::Ellipsis);
    d.set_str("NotImplemented", Value::NotImplemented);
    d.set_str("__name__", Value::str("builtins"));
    Rc::new(Module {
        name: Rc::from("builtins"),
        dict: RefCell::new(d),
    })
}

fn arg(args: &Args, i: usize, fname: &str) -> PyResult<Value> {
    args.pos
        .get(i)
        .cloned()
        .ok_or_else(|| type_error(format!("{fname}() takes exactly one argument (0 given)")))
}

fn kwarg(args: &Args, name: &str) -> Option<Value> {
    args.keyword(name).cloned()
}

fn exactly(args: &Args, n: usize, fname: &str) -> PyResult<()> {
    if args.pos.len() != n {
        let what = if n == 1 {
            "exactly one argument"
        } else {
            "exactly 2 arguments"
        };
        return Err(type_error(format!(
            "{fname}() takes {what} ({} given)",
            args.pos.len()
        )));
    }
    Ok(())
}

fn print(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let sep = match kwarg(&args, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "sep must be None or a string, not {}",
                type_name(&other)
            )))
        }
    };
    let end = match kwarg(&args, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "end must be None or a string, not {}",
                type_name(&other)
            )))
        }
    };
    let mut text = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&ops::str_of(vm, v)?);
    }
    text.push_str(&end);
    vm.flush_warnings();
    let to_stderr = match kwarg(&args, "file") {
        Some(Value::Module(m)) => &*m.name == "sys.stderr",
        Some(Value::Host(h)) => h.type_name() == "stderr",
        _ => false,
    };
    if to_stderr {
        vm.host.write_err(&text);
    } else {
        vm.host.write(&text, vm.call_line);
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "len")?;
    Ok(Value::Int(ops::len(vm, &args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "repr")?;
    Ok(Value::str(&ops::repr(vm, &args.pos[0])?))
}

fn ascii(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "ascii")?;
    Ok(Value::str(&ops::ascii(vm, &args.pos[0])?))
}

/// Whether `v` is an instance of `class` (or of one of a tuple of classes).
pub fn is_instance(v: &Value, class: &Value) -> PyResult<bool> {
    match class {
        Value::Class(c) => {
            let t = type_of(v);
            if t.is_subclass(c) {
                return Ok(true);
            }
            // `collections`' mappings are `dict`s in CPython (here they hold one).
            if let Value::Instance(i) = v {
                return Ok(c.builtin == BuiltinType::Dict
                    && &*c.module == "builtins"
                    && i.class.lookup("_is_a_dict").is_some());
            }
            // `bool` is an `int`; host objects say what they are by name.
            if let Value::Host(h) = v {
                return Ok(h.type_name() == &*c.name);
            }
            Ok(false)
        }
        Value::Tuple(items) => {
            for c in items.iter() {
                if is_instance(v, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Host(h) => match v {
            Value::Host(o) => Ok(o.type_name() == h.type_name()),
            _ => Ok(false),
        },
        _ => Err(type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn isinstance(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 2, "isinstance")?;
    Ok(Value::Bool(is_instance(&args.pos[0], &args.pos[1])?))
}

fn issubclass(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 2, "issubclass")?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let check = |k: &Value| match k {
        // `collections`' mappings are `dict`s in CPython (see `is_instance`).
        Value::Class(k) if k.builtin == BuiltinType::Dict && &*k.module == "builtins" => {
            Ok(c.is_subclass(k) || c.lookup("_is_a_dict").is_some())
        }
        Value::Class(k) => Ok(c.is_subclass(k)),
        _ => Err(type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )),
    };
    match &args.pos[1] {
        Value::Tuple(items) => {
            for k in items.iter() {
                if check(k)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        k => Ok(Value::Bool(check(k)?)),
    }
}

fn abs(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "abs")?;
    let v = &args.pos[0];
    match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => {
            if int::cmp(v, &Value::Int(0)) == Some(Ordering::Less) {
                Ok(int::neg(v).unwrap_or(Value::Int(0)))
            } else {
                Ok(match v {
                    Value::Bool(b) => Value::Int(*b as i64),
                    other => other.clone(),
                })
            }
        }
        _ => match crate::class::lookup_special(v, "__abs__") {
            Some(f) => vm.call_bound(&f, v, Args::default()),
            None => Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                type_name(v)
            ))),
        },
    }
}

fn min_max(vm: &mut Vm, args: Args, want_max: bool) -> PyResult {
    let fname = if want_max { "max" } else { "min" };
    let key = kwarg(&args, "key").filter(|k| !k.is_none());
    let default = kwarg(&args, "default");
    let items = match args.pos.len() {
        0 => {
            return Err(type_error(format!(
                "{fname} expected at least 1 argument, got 0"
            )))
        }
        1 => collect(vm, &args.pos[0])?,
        _ => args.pos.clone(),
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call1(f, item.clone())?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((bk, _)) => {
                let op = if want_max {
                    crate::ast::CmpOp::Gt
                } else {
                    crate::ast::CmpOp::Lt
                };
                let r = ops::compare(vm, &k, op, bk)?;
                ops::truthy(vm, &r)?
            }
        };
        if replace {
            best = Some((k, item));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{fname}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    min_max(vm, args, false)
}

fn max(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    min_max(vm, args, true)
}

fn sum(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let items = collect(vm, &arg(&args, 0, "sum")?)?;
    let mut total = args
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&args, "start"))
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    for v in items {
        total = ops::binary(vm, &total, crate::ast::BinOp::Add, &v)?;
    }
    Ok(total)
}

/// Sorts in place with Python's rules: stable, only `<` compared, `key` and `reverse`.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys = match &key {
        Some(f) if !f.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for v in items.iter() {
                ks.push(vm.call1(f, v.clone())?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut failure: Option<Exception> = None;
    order.sort_by(|&a, &b| {
        if failure.is_some() {
            return Ordering::Equal;
        }
        let (x, y) = if reverse {
            (&keys[b], &keys[a])
        } else {
            (&keys[a], &keys[b])
        };
        match ops::lt(vm, x, y) {
            Ok(true) => Ordering::Less,
            Ok(false) => match ops::lt(vm, y, x) {
                Ok(true) => Ordering::Greater,
                Ok(false) => Ordering::Equal,
                Err(e) => {
                    failure = Some(e);
                    Ordering::Equal
                }
            },
            Err(e) => {
                failure = Some(e);
                Ordering::Equal
            }
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let sorted: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn sorted(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "sorted")?;
    let mut items = collect(vm, &args.pos[0])?;
    let reverse = match kwarg(&args, "reverse") {
        Some(r) => ops::truthy(vm, &r)?,
        None => false,
    };
    sort_values(vm, &mut items, kwarg(&args, "key"), reverse)?;
    Ok(Value::list(items))
}

fn reversed(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "reversed")?;
    let v = &args.pos[0];
    let n = match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_) => ops::len(vm, v)?,
        Value::Dict(d) => {
            let mut keys = d.borrow().keys();
            keys.reverse();
            return get_iter(vm, &Value::list(keys));
        }
        _ => {
            if let Some(f) = crate::class::lookup_special(v, "__reversed__") {
                return vm.call_bound(&f, v, Args::default());
            }
            return Err(type_error(format!(
                "'{}' object is not reversible",
                type_name(v)
            )));
        }
    };
    Ok(Value::Iter(Rc::new(RefCell::new(Iter::Reversed {
        seq: v.clone(),
        index: n,
    }))))
}

fn enumerate(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let iter = get_iter(vm, &arg(&args, 0, "enumerate")?)?;
    let count = args
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&args, "start"))
        .unwrap_or(Value::Int(0));
    Ok(Value::Iter(Rc::new(RefCell::new(Iter::Enumerate {
        iter,
        count,
    }))))
}

fn zip(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut iters = Vec::new();
    for (i, a) in args.pos.iter().enumerate() {
        iters.push(
            get_iter(vm, a).map_err(|_| {
                type_error(format!("zip argument #{} must support iteration", i + 1))
            })?,
        );
    }
    Ok(Value::Iter(Rc::new(RefCell::new(Iter::Zip { iters }))))
}

fn map(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let func = args.pos[0].clone();
    let mut iters = Vec::new();
    for a in &args.pos[1..] {
        iters.push(get_iter(vm, a)?);
    }
    Ok(Value::Iter(Rc::new(RefCell::new(Iter::Map {
        func,
        iters,
    }))))
}

fn filter(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 2, "filter")?;
    let iter = get_iter(vm, &args.pos[1])?;
    Ok(Value::Iter(Rc::new(RefCell::new(Iter::Filter {
        func: args.pos[0].clone(),
        iter,
    }))))
}

fn any(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "any")?;
    let it = get_iter(vm, &args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if ops::truthy(vm, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "all")?;
    let it = get_iter(vm, &args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if !ops::truthy(vm, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn iter(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if let Some(sentinel) = args.pos.get(1) {
        // `iter(callable, sentinel)`: calls until the sentinel comes back.
        let func = args.pos[0].clone();
        let mut items = Vec::new();
        loop {
            let v = vm.call(&func, Args::default())?;
            if ops::eq(vm, &v, sentinel)? {
                break;
            }
            items.push(v);
            if items.len() > 10_000_000 {
                return Err(exceptions::new(Exc::MemoryError, ""));
            }
        }
        return get_iter(vm, &Value::list(items));
    }
    get_iter(vm, &arg(&args, 0, "iter")?)
}

fn next(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let it = arg(&args, 0, "next")?;
    let is_iterator = matches!(&it, Value::Iter(_))
        || matches!(&it, Value::Generator(g) if g.kind == GenKind::Generator)
        || crate::class::lookup_special(&it, "__next__").is_some();
    if !is_iterator {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(&it)
        )));
    }
    if let (Value::Generator(g), None) = (&it, args.pos.get(1)) {
        // A generator's return value goes with its `StopIteration`.
        if g.state.get() != GenState::Closed {
            return match vm.resume(g, crate::vm::Resume::Send(Value::None))? {
                crate::vm::Exit::Yield(v) => Ok(v),
                crate::vm::Exit::Return(v) => Err(exceptions::stop_iteration(v)),
            };
        }
    }
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(exceptions::stop_iteration(Value::None)),
        },
    }
}

fn aiter(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    crate::iter::get_aiter(vm, &arg(&args, 0, "aiter")?)
}

fn anext(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let awaitable = crate::iter::anext(vm, &arg(&args, 0, "anext")?)?;
    if let (Some(d), Value::Iter(it)) = (args.pos.get(1), &awaitable) {
        if let Iter::ASend { default, .. } = &mut *it.borrow_mut() {
            *default = Some(d.clone());
        }
    }
    Ok(awaitable)
}

fn hash(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "hash")?;
    let v = &args.pos[0];
    let k = crate::dict::Key::of(v)?;
    Ok(match k {
        crate::dict::Key::Int(i) => Value::Int(if i == -1 { -2 } else { i }),
        crate::dict::Key::None => Value::Int(0),
        other => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            other.hash(&mut h);
            Value::Int((h.finish() >> 1) as i64)
        }
    })
}

fn id(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "id")?;
    let k = crate::dict::Key::of(&args.pos[0]).unwrap_or(crate::dict::Key::Id(0));
    Ok(match k {
        crate::dict::Key::Id(p) => Value::Int(p as i64),
        _ => Value::Int(&args.pos[0] as *const Value as i64),
    })
}

fn divmod(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 2, "divmod")?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let Some(r) = int::divmod(a, b) {
        let (q, m) = r?;
        return Ok(Value::tuple(vec![q, m]));
    }
    let q = ops::binary(vm, a, crate::ast::BinOp::FloorDiv, b)?;
    let m = ops::binary(vm, a, crate::ast::BinOp::Mod, b)?;
    Ok(Value::tuple(vec![q, m]))
}

fn pow(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match args.pos.len() {
        2 => ops::binary(vm, &args.pos[0], crate::ast::BinOp::Pow, &args.pos[1]),
        3 => int::pow_mod(&args.pos[0], &args.pos[1], &args.pos[2]),
        n => Err(type_error(format!("pow expected 2 arguments, got {n}"))),
    }
}

fn round(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let v = arg(&args, 0, "round")?;
    let ndigits = args
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&args, "ndigits"))
        .filter(|n| !n.is_none());
    match (&v, ndigits) {
        (Value::Float(f), None) => int::from_f64(f.round_ties_even()),
        (Value::Float(f), Some(n)) => {
            let n = int::to_i64(&n)
                .ok_or_else(|| type_error("'float' object cannot be interpreted as an integer"))?;
            if !f.is_finite() {
                return Ok(v.clone());
            }
            if n >= 0 {
                let text = format!("{:.*}", n.min(300) as usize, f);
                Ok(Value::Float(text.parse().unwrap_or(*f)))
            } else {
                let scale = 10f64.powi((-n) as i32);
                Ok(Value::Float((f / scale).round_ties_even() * scale))
            }
        }
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), None) => Ok(match v {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (Value::Int(i), Some(n)) => {
            let n = int::to_i64(&n).unwrap_or(0);
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            let scale = 10i64.checked_pow((-n) as u32).unwrap_or(i64::MAX);
            let q = (*i as f64 / scale as f64).round_ties_even() as i64;
            Ok(Value::Int(q.saturating_mul(scale)))
        }
        _ => match crate::class::lookup_special(&v, "__round__") {
            Some(f) => vm.call_bound(&f, &v, Args::new(args.pos[1..].to_vec())),
            None => Err(type_error(format!(
                "type {} doesn't define __round__ method",
                type_name(&v)
            ))),
        },
    }
}

fn chr(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "chr")?;
    let i = int::to_i64(&args.pos[0]).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&args.pos[0])
        ))
    })?;
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| value_error("chr() arg not in range(0x110000)"))?;
    Ok(Value::str(c.encode_utf8(&mut [0u8; 4])))
}

fn ord(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "ord")?;
    match &args.pos[0] {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn radix(args: &Args, fname: &str, r: u32, prefix: &str) -> PyResult {
    exactly(args, 1, fname)?;
    let v = &args.pos[0];
    if !matches!(v, Value::Int(_) | Value::Big(_) | Value::Bool(_)) {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    Ok(Value::str(&int::to_radix(v, r, prefix)))
}

fn hex(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    radix(&args, "hex", 16, "0x")
}

fn oct(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    radix(&args, "oct", 8, "0o")
}

fn bin(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    radix(&args, "bin", 2, "0b")
}

fn callable(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 1, "callable")?;
    let v = &args.pos[0];
    Ok(Value::Bool(match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::Method(_)
        | Value::Class(_)
        | Value::Partial(_) => true,
        Value::Instance(_) => crate::class::lookup_special(v, "__call__").is_some(),
        _ => false,
    }))
}

fn attr_name(v: &Value) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(other)
        ))),
    }
}

fn getattr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let name = attr_name(&args.pos[1])?;
    match crate::attr::get_attr(vm, &args.pos[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.pos.len() > 2 && e.is(&exc_class(Exc::AttributeError)) => {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if args.pos.len() != 3 {
        return Err(type_error(format!(
            "setattr expected 3 arguments, got {}",
            args.pos.len()
        )));
    }
    let name = attr_name(&args.pos[1])?;
    crate::attr::set_attr(vm, &args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 2, "hasattr")?;
    let name = attr_name(&args.pos[1])?;
    match crate::attr::get_attr(vm, &args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(&exc_class(Exc::AttributeError)) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    exactly(&args, 2, "delattr")?;
    let name = attr_name(&args.pos[1])?;
    crate::attr::del_attr(vm, &args.pos[0], &name)?;
    Ok(Value::None)
}

fn format(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let v = arg(&args, 0, "format")?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                type_name(other)
            )))
        }
        None => String::new(),
    };
    Ok(Value::str(&crate::format::format(vm, &v, &spec)?))
}

fn vars(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match args.pos.first() {
        Some(Value::Instance(i)) => Ok(Value::Dict(Rc::new(RefCell::new(i.dict.borrow().clone())))),
        Some(Value::Module(m)) => Ok(Value::Dict(Rc::new(RefCell::new(m.dict.borrow().clone())))),
        Some(_) => Err(type_error("vars() argument must have __dict__ attribute")),
        None => Err(exceptions::unsupported("vars() without an argument")),
    }
}

fn input(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Err(exceptions::unsupported(
        "input() (a page has no keyboard input for a program)",
    ))
}

fn unsupported_globals(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Err(exceptions::unsupported("globals()"))
}

fn unsupported_locals(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Err(exceptions::unsupported("locals()"))
}

fn unsupported_exec(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Err(exceptions::unsupported("exec()"))
}

fn unsupported_eval(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Err(exceptions::unsupported("eval()"))
}

/// `super(class, obj)` (the compiler turns `super()` into this).
fn super_(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Class(c)), Some(obj)) => Ok(Value::Super(Rc::new((c.clone(), obj.clone())))),
        (None, _) => Err(exceptions::runtime_error("super(): no arguments")),
        _ => Err(type_error("super() argument 1 must be a type")),
    }
}

/// An awaitable that is already done: awaiting it gives `None` at once.
pub fn ready_awaitable(v: Value) -> Value {
    let _ = v;
    Value::Iter(Rc::new(RefCell::new(Iter::HostAwait {
        obj: Value::None,
        yielded: true,
    })))
}

/// Calling a built-in type: `int("3")`, `list(x)`, `dict(a=1)`, `type(x)`, …
pub fn construct(vm: &mut Vm, class: &Rc<Class>, args: Args) -> PyResult {
    let first = args.pos.first().cloned();
    let name = class.name.clone();
    let no_kw = |args: &Args| -> PyResult<()> {
        if let Some((k, _)) = args.kw.first() {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
        Ok(())
    };
    match class.builtin {
        BuiltinType::Object => Ok(Value::Instance(Rc::new(Instance {
            class: class.clone(),
            dict: RefCell::new(Dict::new()),
            exc: None,
        }))),
        BuiltinType::Type => match args.pos.len() {
            1 => Ok(Value::Class(type_of(&args.pos[0]))),
            _ => Err(exceptions::unsupported("type() with three arguments")),
        },
        BuiltinType::Bool => Ok(Value::Bool(match first {
            Some(v) => ops::truthy(vm, &v)?,
            None => false,
        })),
        BuiltinType::Int => {
            let base = args.get(1, "base").cloned();
            match (first, base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(Value::Str(s)), base) => {
                    let b = match base {
                        Some(b) => int::to_i64(&b).unwrap_or(10) as u32,
                        None => 10,
                    };
                    int::parse(&s, b)
                }
                (Some(Value::Float(f)), None) => int::from_f64(f),
                (Some(Value::Bool(b)), None) => Ok(Value::Int(b as i64)),
                (Some(v @ (Value::Int(_) | Value::Big(_))), None) => Ok(v),
                (Some(v), None) => match crate::class::lookup_special(&v, "__int__") {
                    Some(f) => vm.call_bound(&f, &v, Args::default()),
                    None => Err(type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        type_name(&v)
                    ))),
                },
                (Some(_), Some(_)) => Err(type_error("int() can't convert non-string with explicit base")),
            }
        }
        BuiltinType::Float => match first {
            None => Ok(Value::Float(0.0)),
            Some(Value::Float(f)) => Ok(Value::Float(f)),
            Some(Value::Str(s)) => parse_float(&s),
            Some(v) => match int::to_f64(&v) {
                Some(f) => Ok(Value::Float(f)),
                None => Err(type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    type_name(&v)
                ))),
            },
        },
        BuiltinType::Str => match first {
            None => Ok(Value::str("")),
            Some(v) => Ok(Value::str(&ops::str_of(vm, &v)?)),
        },
        BuiltinType::Tuple => {
            no_kw(&args)?;
            match first {
                None => Ok(Value::tuple(Vec::new())),
                Some(v @ Value::Tuple(_)) => Ok(v),
                Some(v) => Ok(Value::tuple(collect(vm, &v)?)),
            }
        }
        BuiltinType::List => {
            no_kw(&args)?;
            match first {
                None => Ok(Value::list(Vec::new())),
                Some(v) => Ok(Value::list(collect(vm, &v)?)),
            }
        }
        BuiltinType::Dict => {
            let mut d = Dict::new();
            if let Some(v) = first {
                for (k, val) in crate::iter::mapping_items(vm, &v)? {
                    d.insert(k, val)?;
                }
            }
            for (k, v) in args.kw {
                d.insert(Value::Str(k), v)?;
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }
        BuiltinType::Set | BuiltinType::FrozenSet => {
            no_kw(&args)?;
            let mut s = Set::new();
            if let Some(v) = first {
                for item in collect(vm, &v)? {
                    s.add(item)?;
                }
            }
            Ok(if class.builtin == BuiltinType::Set {
                Value::Set(Rc::new(RefCell::new(s)))
            } else {
                Value::FrozenSet(Rc::new(s))
            })
        }
        BuiltinType::Range => {
            let ints: Vec<i64> = args
                .pos
                .iter()
                .map(|v| {
                    int::to_i64(v).ok_or_else(|| {
                        type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(v)
                        ))
                    })
                })
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                [] => return Err(type_error("range expected at least 1 argument, got 0")),
                _ => {
                    return Err(type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    )))
                }
            };
            if step == 0 {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::Range(Rc::new(Range { start, stop, step })))
        }
        BuiltinType::Slice => {
            let p = &args.pos;
            let (a, b, c) = match p.len() {
                1 => (Value::None, p[0].clone(), Value::None),
                2 => (p[0].clone(), p[1].clone(), Value::None),
                3 => (p[0].clone(), p[1].clone(), p[2].clone()),
                _ => return Err(type_error("slice expected at least 1 argument, got 0")),
            };
            Ok(Value::Slice(Rc::new([a, b, c])))
        }
        BuiltinType::Bytes => match first {
            None => Ok(Value::Bytes(Rc::from(Vec::new()))),
            // `bytes(s, 'utf-8')`: the only encoding there is.
            Some(Value::Str(s)) if args.get(1, "encoding").is_some() => {
                Ok(Value::Bytes(Rc::from(s.as_bytes())))
            }
            Some(Value::Str(_)) => Err(type_error("string argument without an encoding")),
            // `bytes(n)`: n zero bytes.
            Some(Value::Int(n)) if n < 0 => Err(value_error("negative count")),
            Some(Value::Int(n)) => Ok(Value::Bytes(Rc::from(vec![
                0u8;
                ops::repeat_count(&Value::Int(
                    n
                ))?
            ]))),
            Some(v) => {
                let items = collect(vm, &v)?;
                let bytes = items
                    .iter()
                    .map(|i| match int::to_i64(i) {
                        Some(b @ 0..=255) => Ok(b as u8),
                        Some(_) => Err(value_error("bytes must be in range(0, 256)")),
                        None => Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(i)
                        ))),
                    })
                    .collect::<PyResult<Vec<u8>>>()?;
                Ok(Value::Bytes(Rc::from(bytes)))
            }
        },
        BuiltinType::StaticMethod => Ok(Value::Descriptor(Rc::new(Descriptor::StaticMethod(arg(
            &args,
            0,
            "staticmethod",
        )?)))),
        BuiltinType::ClassMethod => Ok(Value::Descriptor(Rc::new(Descriptor::ClassMethod(arg(
            &args,
            0,
            "classmethod",
        )?)))),
        BuiltinType::Property => {
            let get = arg(&args, 0, "property")?;
            let set = args.pos.get(1).cloned().filter(|v| !v.is_none());
            Ok(Value::Descriptor(Rc::new(Descriptor::Property {
                get,
                set,
            })))
        }
        _ => Err(type_error(format!(
            "cannot create '{}' instances",
            class.name
        ))),
    }
}

/// `float(text)`, with Python's spellings of infinity and NaN.
pub fn parse_float(s: &str) -> PyResult {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(f) = special {
        return Ok(Value::Float(if neg { -f } else { f }));
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    let valid = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'));
    match clean.parse::<f64>() {
        Ok(f) if valid => Ok(Value::Float(f)),
        _ => Err(value_error(format!(
            "could not convert string to float: {}",
            crate::repr::str_repr(s)
        ))),
    }
}
