//! The methods of the built-in containers and numbers (`list.append`, `dict.get`, `set.add`,
//! `int.bit_length`, …), and the dict views. String methods are in `strings.rs`, bytes' in
//! `bytes_methods.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::sort_values;
use crate::dict::{Dict, Set};
use crate::exceptions::{index_error, key_error, type_error, value_error};
use crate::iter::{collect, mapping_items};
use crate::ops;
use crate::types::type_name;
use crate::value::*;
use crate::vm::Vm;

fn bound(name: &'static str, func: NativeFn, this: &Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        this: Some(this.clone()),
    }))
}

/// `obj.name` for a built-in type's method, bound to `obj`.
pub fn method(obj: &Value, name: &str) -> Option<Value> {
    let f: (&'static str, NativeFn) = match obj {
        Value::Str(_) => return crate::strings::method(obj, name),
        Value::List(_) => match name {
            "append" => ("append", list_append),
            "extend" => ("extend", list_extend),
            "insert" => ("insert", list_insert),
            "pop" => ("pop", list_pop),
            "remove" => ("remove", list_remove),
            "index" => ("index", seq_index),
            "count" => ("count", seq_count),
            "sort" => ("sort", list_sort),
            "reverse" => ("reverse", list_reverse),
            "clear" => ("clear", list_clear),
            "copy" => ("copy", list_copy),
            _ => return None,
        },
        Value::Tuple(_) => match name {
            "index" => ("index", seq_index),
            "count" => ("count", seq_count),
            _ => return None,
        },
        Value::Dict(_) => match name {
            "get" => ("get", dict_get),
            "setdefault" => ("setdefault", dict_setdefault),
            "keys" => ("keys", dict_keys),
            "values" => ("values", dict_values),
            "items" => ("items", dict_items),
            "pop" => ("pop", dict_pop),
            "popitem" => ("popitem", dict_popitem),
            "update" => ("update", dict_update),
            "clear" => ("clear", dict_clear),
            "copy" => ("copy", dict_copy),
            _ => return None,
        },
        Value::Set(_) | Value::FrozenSet(_) => match name {
            "add" if matches!(obj, Value::Set(_)) => ("add", set_add),
            "discard" if matches!(obj, Value::Set(_)) => ("discard", set_discard),
            "remove" if matches!(obj, Value::Set(_)) => ("remove", set_remove),
            "pop" if matches!(obj, Value::Set(_)) => ("pop", set_pop),
            "clear" if matches!(obj, Value::Set(_)) => ("clear", set_clear),
            "update" if matches!(obj, Value::Set(_)) => ("update", set_update),
            "union" => ("union", set_union),
            "intersection" => ("intersection", set_intersection),
            "difference" => ("difference", set_difference),
            "symmetric_difference" => ("symmetric_difference", set_symmetric_difference),
            "issubset" => ("issubset", set_issubset),
            "issuperset" => ("issuperset", set_issuperset),
            "isdisjoint" => ("isdisjoint", set_isdisjoint),
            "copy" => ("copy", set_copy),
            _ => return None,
        },
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => match name {
            "bit_length" => ("bit_length", int_bit_length),
            "real" | "numerator" => return Some(obj.clone()),
            "imag" => return Some(Value::Int(0)),
            "denominator" => return Some(Value::Int(1)),
            _ => return None,
        },
        Value::Float(f) => match name {
            "is_integer" => ("is_integer", float_is_integer),
            "as_integer_ratio" => ("as_integer_ratio", float_as_integer_ratio),
            "real" => return Some(Value::Float(*f)),
            "imag" => return Some(Value::Float(0.0)),
            _ => return None,
        },
        Value::Bytes(_) => return crate::bytes_methods::method(obj, name),
        Value::Range(r) => match name {
            "start" => return Some(Value::Int(r.start)),
            "stop" => return Some(Value::Int(r.stop)),
            "step" => return Some(Value::Int(r.step)),
            _ => return None,
        },
        Value::Slice(s) => match name {
            "indices" => ("indices", slice_indices),
            "start" => return Some(s[0].clone()),
            "stop" => return Some(s[1].clone()),
            "step" => return Some(s[2].clone()),
            _ => return None,
        },
        _ => return None,
    };
    Some(bound(f.0, f.1, obj))
}

/// Attributes of the built-in type objects themselves (`dict.fromkeys`, `str.join`, …).
pub fn class_attr(class: &Rc<Class>, name: &str) -> Option<Value> {
    match (class.builtin, name) {
        (BuiltinType::Dict, "fromkeys") => Some(Value::Builtin(Rc::new(Builtin {
            name: "fromkeys",
            func: dict_fromkeys,
            this: None,
        }))),
        (BuiltinType::BaseException, "__init__") => Some(Value::Builtin(Rc::new(Builtin {
            name: "__init__",
            func: crate::class::exception_init,
            this: None,
        }))),
        (BuiltinType::Object, "__init__") => Some(Value::Builtin(Rc::new(Builtin {
            name: "__init__",
            func: crate::class::object_init,
            this: None,
        }))),
        (_, _) => {
            // `str.upper`, `list.append`, …: a method taking its object as first argument.
            let sample = match class.builtin {
                BuiltinType::Str => Value::str(""),
                BuiltinType::List => Value::list(Vec::new()),
                BuiltinType::Dict => Value::Dict(Rc::new(RefCell::new(Dict::new()))),
                BuiltinType::Set => Value::Set(Rc::new(RefCell::new(Set::new()))),
                BuiltinType::Tuple => Value::tuple(Vec::new()),
                BuiltinType::Int => Value::Int(0),
                _ => {
                    return object_method(name).map(|f| {
                        Value::Builtin(Rc::new(Builtin {
                            name: "method",
                            func: f,
                            this: None,
                        }))
                    })
                }
            };
            let Some(Value::Builtin(b)) = method(&sample, name) else {
                return None;
            };
            Some(Value::Builtin(Rc::new(Builtin {
                name: b.name,
                func: unbound,
                this: Some(Value::Builtin(b)),
            })))
        }
    }
}

/// A built-in method taken from its type (`str.upper`): the first argument is its object.
fn unbound(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let Some(Value::Builtin(b)) = this else {
        return Err(type_error("unbound method"));
    };
    let Some((obj, rest)) = args.pos.split_first() else {
        return Err(type_error(format!(
            "unbound method {}() needs an argument",
            b.name
        )));
    };
    (b.func)(
        vm,
        Some(obj),
        Args {
            pos: rest.to_vec(),
            kw: args.kw,
        },
    )
}

/// `object`'s own methods, reached through `super()` or the class.
pub fn object_method(name: &str) -> Option<NativeFn> {
    match name {
        "__str__" => Some(object_str),
        "__repr__" => Some(object_repr),
        "__eq__" => Some(object_eq),
        "__ne__" => Some(object_ne),
        "__hash__" => Some(object_hash),
        "__setattr__" => Some(object_setattr),
        "__getattribute__" => Some(object_getattribute),
        _ => None,
    }
}

fn object_str(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    if let Value::Instance(i) = &v {
        if i.exc.is_some() {
            return Ok(Value::str(&crate::class::exception_str(
                vm,
                &Exception(i.clone()),
            )?));
        }
    }
    object_repr(vm, None, Args::new(vec![v]))
}

fn object_repr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match &v {
        Value::Instance(i) if i.exc.is_some() => Ok(Value::str(&crate::class::exception_repr(
            vm,
            &Exception(i.clone()),
        )?)),
        Value::Instance(i) => Ok(Value::str(&format!(
            "<{}.{} object at 0x{:012x}>",
            i.class.module,
            i.class.qualname,
            Rc::as_ptr(i) as *const () as usize
        ))),
        other => Ok(Value::str(&ops::repr(vm, other)?)),
    }
}

fn object_eq(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_ne(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) if a.is(b) => Ok(Value::Bool(false)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_hash(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let h = vm.builtin("hash").unwrap_or(Value::None);
    vm.call(&h, Args::new(args.pos.into_iter().take(1).collect()))
}

fn object_setattr(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let [obj, name, v] = args.pos.as_slice() else {
        return Err(type_error("expected 3 arguments"));
    };
    let Value::Str(name) = name else {
        return Err(type_error("attribute name must be string"));
    };
    match obj {
        Value::Instance(i) => i.dict.borrow_mut().set_str(name, v.clone()),
        other => crate::attr::set_attr(vm, other, name, v.clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let [obj, Value::Str(name)] = args.pos.as_slice() else {
        return Err(type_error("expected 2 arguments"));
    };
    crate::attr::get_attr(vm, obj, name)
}

fn list_of(this: Option<&Value>) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match this {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(type_error("descriptor requires a 'list' object")),
    }
}

fn one(args: &Args, name: &str) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

fn list_append(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "list.append")?;
    list_of(this)?.borrow_mut().push(v);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "list.extend")?;
    let items = collect(vm, &v)?;
    list_of(this)?.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let [i, v] = args.pos.as_slice() else {
        return Err(type_error(format!(
            "insert expected 2 arguments, got {}",
            args.pos.len()
        )));
    };
    let l = list_of(this)?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let i = crate::int::to_i64(i)
        .ok_or_else(|| type_error("'str' object cannot be interpreted as an integer"))?;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    l.insert(at, v.clone());
    Ok(Value::None)
}

fn list_pop(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let l = list_of(this)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let n = l.len() as i64;
    let i = match args.pos.first() {
        Some(v) => crate::int::to_i64(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?,
        None => n - 1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(l.remove(j as usize))
}

fn list_remove(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "list.remove")?;
    let l = list_of(this)?;
    let items = l.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if x.is(&v) || ops::eq(vm, x, &v)? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn seq_items(this: Option<&Value>) -> Vec<Value> {
    match this {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn seq_index(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let Some(v) = args.pos.first() else {
        return Err(type_error("index expected at least 1 argument, got 0"));
    };
    for (i, x) in seq_items(this).iter().enumerate() {
        if x.is(v) || ops::eq(vm, x, v)? {
            return Ok(Value::Int(i as i64));
        }
    }
    match this {
        Some(Value::Tuple(_)) => Err(value_error("tuple.index(x): x not in tuple")),
        _ => Err(value_error(format!("{} is not in list", ops::repr(vm, v)?))),
    }
}

fn seq_count(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "count")?;
    let mut n = 0;
    for x in seq_items(this) {
        if x.is(&v) || ops::eq(vm, &x, &v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    if !args.pos.is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let l = list_of(this)?;
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let key = args.keyword("key").cloned();
    let reverse = match args.keyword("reverse") {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let r = sort_values(vm, &mut items, key, reverse);
    *l.borrow_mut() = items;
    r.map(|_| Value::None)
}

fn list_reverse(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    list_of(this)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_clear(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    list_of(this)?.borrow_mut().clear();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::list(list_of(this)?.borrow().clone()))
}

fn dict_of(this: Option<&Value>) -> PyResult<Rc<RefCell<Dict>>> {
    match this {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let Some(k) = args.pos.first() else {
        return Err(type_error("get expected at least 1 argument, got 0"));
    };
    let found = dict_of(this)?.borrow().get(k)?;
    Ok(found.unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let Some(k) = args.pos.first() else {
        return Err(type_error("setdefault expected at least 1 argument, got 0"));
    };
    let d = dict_of(this)?;
    let found = d.borrow().get(k)?;
    match found {
        Some(v) => Ok(v),
        None => {
            let v = args.pos.get(1).cloned().unwrap_or(Value::None);
            d.borrow_mut().insert(k.clone(), v.clone())?;
            Ok(v)
        }
    }
}

fn view(this: Option<&Value>, kind: ViewKind) -> PyResult {
    Ok(Value::Host(Rc::new(DictView {
        dict: dict_of(this)?,
        kind,
    })))
}

fn dict_keys(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    view(this, ViewKind::Keys)
}

fn dict_values(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    view(this, ViewKind::Values)
}

fn dict_items(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    view(this, ViewKind::Items)
}

fn dict_pop(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let Some(k) = args.pos.first() else {
        return Err(type_error("pop expected at least 1 argument, got 0"));
    };
    let removed = dict_of(this)?.borrow_mut().remove(k)?;
    match (removed, args.pos.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(key_error(k.clone())),
    }
}

fn dict_popitem(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    match dict_of(this)?.borrow_mut().pop_last() {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_update(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let d = dict_of(this)?;
    if let Some(v) = args.pos.first() {
        for (k, val) in mapping_items(vm, v)? {
            d.borrow_mut().insert(k, val)?;
        }
    }
    for (k, v) in args.kw {
        d.borrow_mut().insert(Value::Str(k), v)?;
    }
    Ok(Value::None)
}

fn dict_clear(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    dict_of(this)?.borrow_mut().clear();
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Dict(Rc::new(RefCell::new(
        dict_of(this)?.borrow().clone(),
    ))))
}

fn dict_fromkeys(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let Some(keys) = args.pos.first() else {
        return Err(type_error("fromkeys expected at least 1 argument, got 0"));
    };
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut d = Dict::new();
    for k in collect(vm, keys)? {
        d.insert(k, v.clone())?;
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of the dict.
struct DictView {
    dict: Rc<RefCell<Dict>>,
    kind: ViewKind,
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let d = self.dict.borrow();
        match self.kind {
            ViewKind::Keys => d.keys(),
            ViewKind::Values => d.values(),
            ViewKind::Items => d
                .items()
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        }
    }
}

impl HostObject for DictView {
    fn type_name(&self) -> &str {
        match self.kind {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, _name: &str) -> Option<PyResult> {
        None
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let list = ops::repr(vm, &Value::list(self.items()))?;
        Ok(format!("{}({list})", self.type_name()))
    }
    fn len(&self) -> Option<usize> {
        Some(self.dict.borrow().len())
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult> {
        Some(Ok(Value::Iter(Rc::new(RefCell::new(Iter::Keys {
            items: self.items(),
            index: 0,
        })))))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn set_of(this: Option<&Value>) -> PyResult<Rc<RefCell<Set>>> {
    match this {
        Some(Value::Set(s)) => Ok(s.clone()),
        _ => Err(type_error("descriptor requires a 'set' object")),
    }
}

fn set_add(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "set.add")?;
    set_of(this)?.borrow_mut().add(v)?;
    Ok(Value::None)
}

fn set_discard(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "set.discard")?;
    set_of(this)?.borrow_mut().remove(&v)?;
    Ok(Value::None)
}

fn set_remove(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let v = one(&args, "set.remove")?;
    if !set_of(this)?.borrow_mut().remove(&v)? {
        return Err(key_error(v));
    }
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    set_of(this)?
        .borrow_mut()
        .pop_first()
        .ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

fn set_clear(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    set_of(this)?.borrow_mut().clear();
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let s = set_of(this)?;
    for a in &args.pos {
        for v in collect(vm, a)? {
            s.borrow_mut().add(v)?;
        }
    }
    Ok(Value::None)
}

/// A set operation with any iterables as the other operands.
fn set_binary(vm: &mut Vm, this: Option<&Value>, args: Args, op: crate::ast::BinOp) -> PyResult {
    let mut acc = this.cloned().unwrap_or(Value::None);
    for a in &args.pos {
        let mut other = Set::new();
        for v in collect(vm, a)? {
            other.add(v)?;
        }
        acc = ops::binary(vm, &acc, op, &Value::Set(Rc::new(RefCell::new(other))))?;
    }
    if args.pos.is_empty() {
        return set_copy(vm, this, Args::default());
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    set_binary(vm, this, args, crate::ast::BinOp::BitOr)
}

fn set_intersection(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    set_binary(vm, this, args, crate::ast::BinOp::BitAnd)
}

fn set_difference(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    set_binary(vm, this, args, crate::ast::BinOp::Sub)
}

fn set_symmetric_difference(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    set_binary(vm, this, args, crate::ast::BinOp::BitXor)
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut s = Set::new();
    for x in collect(vm, v)? {
        s.add(x)?;
    }
    Ok(Value::Set(Rc::new(RefCell::new(s))))
}

fn set_compare(vm: &mut Vm, this: Option<&Value>, args: Args, op: crate::ast::CmpOp) -> PyResult {
    let other = as_set(vm, &one(&args, "set")?)?;
    ops::compare(vm, this.unwrap_or(&Value::None), op, &other)
}

fn set_issubset(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    set_compare(vm, this, args, crate::ast::CmpOp::LtE)
}

fn set_issuperset(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    set_compare(vm, this, args, crate::ast::CmpOp::GtE)
}

fn set_isdisjoint(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let other = as_set(vm, &one(&args, "isdisjoint")?)?;
    let both = ops::binary(
        vm,
        this.unwrap_or(&Value::None),
        crate::ast::BinOp::BitAnd,
        &other,
    )?;
    Ok(Value::Bool(!ops::truthy(vm, &both)?))
}

fn set_copy(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    match this {
        Some(Value::Set(s)) => Ok(Value::Set(Rc::new(RefCell::new(s.borrow().clone())))),
        Some(v @ Value::FrozenSet(_)) => Ok(v.clone()),
        _ => Err(type_error("descriptor requires a 'set' object")),
    }
}

fn int_bit_length(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let v = this.cloned().unwrap_or(Value::Int(0));
    let b = crate::int::to_big(&v).unwrap_or_default();
    Ok(Value::Int(b.bits() as i64))
}

fn float_is_integer(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    match this {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Ok(Value::Bool(false)),
    }
}

/// `float.as_integer_ratio()`: the exact fraction, lowest terms, positive denominator.
fn float_as_integer_ratio(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let f = match this {
        Some(Value::Float(f)) => *f,
        _ => 0.0,
    };
    if f.is_nan() {
        return Err(crate::exceptions::value_error(
            "cannot convert NaN to integer ratio",
        ));
    }
    if f.is_infinite() {
        return Err(crate::exceptions::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    // value = mantissa * 2^exponent
    let (mut mantissa, mut exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    if mantissa == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    while mantissa & 1 == 0 && exponent < 0 {
        mantissa >>= 1;
        exponent += 1;
    }
    let numerator = num_bigint::BigInt::from(mantissa) * if f < 0.0 { -1 } else { 1 };
    let ratio = if exponent >= 0 {
        (numerator << exponent as usize, num_bigint::BigInt::from(1))
    } else {
        (
            numerator,
            num_bigint::BigInt::from(1) << (-exponent) as usize,
        )
    };
    Ok(Value::tuple(vec![
        crate::int::from_big(ratio.0),
        crate::int::from_big(ratio.1),
    ]))
}

/// `slice.indices(length)`: the slice's start, stop and step for a sequence of that length.
fn slice_indices(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let (Some(Value::Slice(s)), Some(n)) = (this, args.pos.first().and_then(crate::int::to_i64))
    else {
        return Err(type_error("slice.indices() takes one integer"));
    };
    let get = |v: &Value| crate::int::to_i64(v);
    let step = get(&s[2]).unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let norm = |v: i64| if v < 0 { (v + n).max(lo) } else { v.min(hi) };
    let start = get(&s[0])
        .map(norm)
        .unwrap_or(if step > 0 { 0 } else { n - 1 });
    let stop = get(&s[1])
        .map(norm)
        .unwrap_or(if step > 0 { n } else { -1 });
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}
