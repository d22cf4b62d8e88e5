//! `obj.name`: attribute lookup on every kind of object, with descriptors (methods, static and
//! class methods, properties) resolved as Python resolves them.

use std::rc::Rc;

use crate::exceptions::{attribute_error, type_error};
use crate::types::{exc_class, type_name, type_of};
use crate::value::*;
use crate::vm::Vm;

/// What a value found on a class becomes when looked up through `this`.
fn bind(vm: &mut Vm, found: Value, this: &Value, class: &Rc<Class>) -> PyResult {
    match &found {
        Value::Function(_) => Ok(Value::Method(Rc::new((this.clone(), found)))),
        Value::Descriptor(d) => match &**d {
            Descriptor::StaticMethod(f) => Ok(f.clone()),
            Descriptor::ClassMethod(f) => Ok(Value::Method(Rc::new((
                Value::Class(class.clone()),
                f.clone(),
            )))),
            Descriptor::Property { get, .. } => vm.call1(get, this.clone()),
        },
        _ => Ok(found),
    }
}

fn no_attribute(obj: &Value, name: &str) -> Exception {
    // CPython has it, this Python does not: a missing feature, named as one.
    let owner = match obj {
        Value::Module(m) => m.name.to_string(),
        Value::Class(c) => c.name.to_string(),
        _ => type_name(obj).to_string(),
    };
    if crate::modules::cpython_has(&owner, name) {
        return crate::exceptions::unsupported(&format!("{owner}.{name}"));
    }
    match obj {
        Value::Module(m) => {
            attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
        }
        Value::Class(c) => attribute_error(format!(
            "type object '{}' has no attribute '{name}'",
            c.name
        )),
        _ => attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(obj)
        )),
    }
}

pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult {
    match obj {
        Value::Instance(inst) => {
            let found = inst.class.lookup(name);
            if let Some(Value::Descriptor(d)) = &found {
                if matches!(**d, Descriptor::Property { .. }) {
                    return bind(vm, found.clone().unwrap_or(Value::None), obj, &inst.class);
                }
            }
            if let Some(v) = inst.dict.borrow().get_str(name) {
                return Ok(v);
            }
            if let Some(v) = instance_special(vm, inst, name)? {
                return Ok(v);
            }
            if let Some(found) = found {
                return bind(vm, found, obj, &inst.class);
            }
            if let Some(getattr) = inst.class.lookup("__getattr__") {
                return vm.call_bound(&getattr, obj, Args::new(vec![Value::str(name)]));
            }
            Err(no_attribute(obj, name))
        }
        Value::Class(c) => {
            match name {
                "__name__" => return Ok(Value::Str(c.name.clone())),
                "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
                "__module__" => return Ok(Value::Str(c.module.clone())),
                "__mro__" => {
                    let mut mro = vec![obj.clone()];
                    mro.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
                    return Ok(Value::tuple(mro));
                }
                "__bases__" => {
                    return Ok(Value::tuple(
                        c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                    ))
                }
                "__doc__" => return Ok(c.dict.borrow().get_str("__doc__").unwrap_or(Value::None)),
                _ => {}
            }
            match c.lookup(name) {
                Some(Value::Descriptor(d)) => match &*d {
                    Descriptor::StaticMethod(f) => Ok(f.clone()),
                    Descriptor::ClassMethod(f) => {
                        Ok(Value::Method(Rc::new((obj.clone(), f.clone()))))
                    }
                    Descriptor::Property { .. } => Ok(Value::Descriptor(d.clone())),
                },
                Some(v) => Ok(v),
                None => match crate::methods::class_attr(c, name) {
                    Some(v) => Ok(v),
                    None => Err(no_attribute(obj, name)),
                },
            }
        }
        Value::Module(m) => m
            .dict
            .borrow()
            .get_str(name)
            .ok_or_else(|| no_attribute(obj, name)),
        Value::Function(f) if f.dict.borrow().iter().any(|(k, _)| &**k == name) => Ok(f
            .dict
            .borrow()
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::None)),
        Value::Function(f) => match name {
            "__name__" => Ok(Value::Str(f.code.name.clone())),
            "__qualname__" => Ok(Value::Str(f.qualname.clone())),
            "__module__" => Ok(f
                .globals
                .dict
                .borrow()
                .get_str("__name__")
                .unwrap_or(Value::None)),
            "__doc__" => Ok(Value::None),
            // None were written: an empty dict, kept as the function's own from then on.
            "__annotations__" => {
                let annotations =
                    Value::Dict(Rc::new(std::cell::RefCell::new(crate::dict::Dict::new())));
                f.dict
                    .borrow_mut()
                    .push((Rc::from("__annotations__"), annotations.clone()));
                Ok(annotations)
            }
            _ => f
                .dict
                .borrow()
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| no_attribute(obj, name)),
        },
        Value::Builtin(b) if name == "__name__" => Ok(Value::str(b.name)),
        Value::Method(m) => match name {
            "__self__" => Ok(m.0.clone()),
            "__func__" => Ok(m.1.clone()),
            _ => get_attr(vm, &m.1.clone(), name),
        },
        Value::Generator(g) => {
            crate::generator::attr(vm, g, obj, name).unwrap_or_else(|| Err(no_attribute(obj, name)))
        }
        Value::Host(h) => match h.get_attr(vm, h, name) {
            Some(v) => v,
            None => Err(no_attribute(obj, name)),
        },
        Value::Partial(p) => match name {
            "func" => Ok(p.func.clone()),
            "args" => Ok(Value::tuple(p.args.clone())),
            "keywords" => {
                let mut d = crate::dict::Dict::new();
                for (k, v) in &p.kw {
                    d.set_str(k, v.clone());
                }
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
            }
            _ => Err(no_attribute(obj, name)),
        },
        Value::Descriptor(d) => match (&**d, name) {
            (Descriptor::Property { .. }, "setter" | "getter") => {
                let f: NativeFn = if name == "setter" {
                    property_setter
                } else {
                    property_getter
                };
                Ok(Value::Builtin(Rc::new(Builtin {
                    name: "setter",
                    func: f,
                    this: Some(obj.clone()),
                })))
            }
            (Descriptor::Property { get, .. }, "fget") => Ok(get.clone()),
            (Descriptor::StaticMethod(f) | Descriptor::ClassMethod(f), "__func__") => Ok(f.clone()),
            _ => Err(no_attribute(obj, name)),
        },
        Value::Super(s) => {
            let (after, this) = (&s.0, &s.1);
            let class = match this {
                Value::Class(c) => c.clone(),
                other => type_of(other),
            };
            let mut mro = vec![class.clone()];
            mro.extend(class.mro.iter().cloned());
            let start = mro
                .iter()
                .position(|c| Rc::ptr_eq(c, after))
                .map(|i| i + 1)
                .unwrap_or(mro.len());
            for c in &mro[start..] {
                if let Some(v) = c.dict.borrow().get_str(name) {
                    return bind(vm, v, this, &class);
                }
            }
            match name {
                "__init__" => {
                    let is_exc = mro[start..]
                        .iter()
                        .any(|c| c.builtin == BuiltinType::BaseException);
                    let f: NativeFn = if is_exc {
                        crate::class::exception_init
                    } else {
                        crate::class::object_init
                    };
                    let b = Value::Builtin(Rc::new(Builtin {
                        name: "__init__",
                        func: f,
                        this: None,
                    }));
                    Ok(Value::Method(Rc::new((this.clone(), b))))
                }
                _ => match crate::methods::object_method(name) {
                    Some(f) => {
                        let b = Value::Builtin(Rc::new(Builtin {
                            name: "method",
                            func: f,
                            this: None,
                        }));
                        Ok(Value::Method(Rc::new((this.clone(), b))))
                    }
                    None => Err(attribute_error(format!(
                        "'super' object has no attribute '{name}'"
                    ))),
                },
            }
        }
        _ => match crate::methods::method(obj, name) {
            Some(b) => Ok(b),
            None => Err(no_attribute(obj, name)),
        },
    }
}

/// Attributes every instance has without storing them (`__class__`, `__dict__`, an exception's
/// `args`).
fn instance_special(vm: &mut Vm, inst: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
    let _ = vm;
    Ok(match name {
        "__class__" => Some(Value::Class(inst.class.clone())),
        "__dict__" => Some(Value::Dict(Rc::new(std::cell::RefCell::new(
            inst.dict.borrow().clone(),
        )))),
        _ => match &inst.exc {
            Some(state) => {
                let s = state.borrow();
                match name {
                    "args" => Some(Value::tuple(s.args.clone())),
                    "__cause__" => Some(s.cause.clone().unwrap_or(Value::None)),
                    "__context__" => Some(s.context.clone().unwrap_or(Value::None)),
                    "__suppress_context__" => Some(Value::Bool(s.suppress_context)),
                    "__traceback__" => Some(Traceback::value(&s.traceback)),
                    "value"
                        if inst
                            .class
                            .is_subclass(&exc_class(crate::types::Exc::StopIteration)) =>
                    {
                        Some(s.args.first().cloned().unwrap_or(Value::None))
                    }
                    _ => None,
                }
            }
            None => None,
        },
    })
}

pub fn set_attr(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            if let Some(Value::Descriptor(d)) = inst.class.lookup(name) {
                if let Descriptor::Property { set, .. } = &*d {
                    return match set {
                        Some(setter) => {
                            vm.call(setter, Args::new(vec![obj.clone(), v])).map(|_| ())
                        }
                        None => Err(attribute_error(format!(
                            "property '{name}' of '{}' object has no setter",
                            inst.class.name
                        ))),
                    };
                }
            }
            if let Some(state) = &inst.exc {
                match name {
                    "__cause__" => {
                        let mut s = state.borrow_mut();
                        s.cause = if v.is_none() { None } else { Some(v) };
                        s.suppress_context = true;
                        return Ok(());
                    }
                    "__context__" => {
                        state.borrow_mut().context = if v.is_none() { None } else { Some(v) };
                        return Ok(());
                    }
                    "__traceback__" => {
                        let entries = match &v {
                            Value::None => Some(Vec::new()),
                            Value::Host(h) => h
                                .as_any()
                                .downcast_ref::<Traceback>()
                                .map(|tb| tb.0.clone()),
                            _ => None,
                        }
                        .ok_or_else(|| type_error("__traceback__ must be a traceback or None"))?;
                        state.borrow_mut().traceback = entries;
                        return Ok(());
                    }
                    "args" => {
                        state.borrow_mut().args = crate::iter::collect(vm, &v)?;
                        return Ok(());
                    }
                    _ => {}
                }
            }
            if Rc::ptr_eq(
                &inst.class,
                &crate::types::builtin_class(BuiltinType::Object),
            ) {
                return Err(attribute_error(format!(
                    "'object' object has no attribute '{name}'"
                )));
            }
            inst.dict.borrow_mut().set_str(name, v);
            Ok(())
        }
        Value::Class(c) => {
            c.dict.borrow_mut().set_str(name, v);
            Ok(())
        }
        Value::Module(m) => {
            m.dict.borrow_mut().set_str(name, v);
            Ok(())
        }
        Value::Function(f) => {
            let mut d = f.dict.borrow_mut();
            match d.iter_mut().find(|(k, _)| &**k == name) {
                Some(slot) => slot.1 = v,
                None => d.push((Rc::from(name), v)),
            }
            Ok(())
        }
        Value::Host(h) => match h.set_attr(vm, name, &v) {
            Some(done) => done,
            None => Err(attribute_error(format!(
                "'{}' object has no attribute '{name}' that can be set",
                type_name(obj)
            ))),
        },
        _ => {
            if crate::methods::method(obj, name).is_some() {
                Err(attribute_error(format!(
                    "'{}' object attribute '{name}' is read-only",
                    type_name(obj)
                )))
            } else {
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{name}'",
                    type_name(obj)
                )))
            }
        }
    }
}

pub fn del_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<()> {
    let _ = vm;
    let removed = match obj {
        Value::Instance(inst) => inst.dict.borrow_mut().remove_str(name),
        Value::Class(c) => c.dict.borrow_mut().remove_str(name),
        Value::Module(m) => m.dict.borrow_mut().remove_str(name),
        _ => None,
    };
    match removed {
        Some(_) => Ok(()),
        None => Err(no_attribute(obj, name)),
    }
}

/// A protocol method (`__enter__`, `__aexit__`, …) bound to the object, with CPython's error
/// when the object does not have it.
pub fn special_method(vm: &mut Vm, obj: &Value, name: &str) -> PyResult {
    let found = match obj {
        Value::Instance(inst) => inst.class.lookup(name).map(|f| (f, inst.class.clone())),
        Value::Host(_) => return get_attr(vm, obj, name).map_err(|_| protocol_error(obj, name)),
        _ => None,
    };
    match found {
        Some((f, class)) => bind(vm, f, obj, &class),
        None => Err(protocol_error(obj, name)),
    }
}

fn protocol_error(obj: &Value, name: &str) -> Exception {
    let t = type_name(obj);
    match name {
        "__enter__" | "__exit__" => type_error(format!(
            "'{t}' object does not support the context manager protocol"
        )),
        "__aenter__" | "__aexit__" => type_error(format!(
            "'{t}' object does not support the asynchronous context manager protocol"
        )),
        _ => type_error(format!("'{t}' object has no attribute '{name}'")),
    }
}

/// `@prop.setter`: a copy of the property with this setter.
fn property_setter(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let (Some(Value::Descriptor(d)), Some(f)) = (this, args.pos.first()) else {
        return Err(type_error("setter expects a function"));
    };
    let Descriptor::Property { get, .. } = &**d else {
        return Err(type_error("setter of a non-property"));
    };
    Ok(Value::Descriptor(Rc::new(Descriptor::Property {
        get: get.clone(),
        set: Some(f.clone()),
    })))
}

/// `@prop.getter`: a copy of the property with this getter.
fn property_getter(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let (Some(Value::Descriptor(d)), Some(f)) = (this, args.pos.first()) else {
        return Err(type_error("getter expects a function"));
    };
    let Descriptor::Property { set, .. } = &**d else {
        return Err(type_error("getter of a non-property"));
    };
    Ok(Value::Descriptor(Rc::new(Descriptor::Property {
        get: f.clone(),
        set: set.clone(),
    })))
}

/// `exc.__traceback__`: where the exception has passed so far, as a value that can be put back
/// (`exc.__traceback__ = tb`, as `contextlib` does to re-raise an exception as it came).
pub struct Traceback(pub Vec<crate::value::TraceEntry>);

impl Traceback {
    /// `exc.__traceback__` of the exception `exc` (`None` for any other value).
    pub fn of(exc: &Value) -> Value {
        match exc {
            Value::Instance(i) => i
                .exc
                .as_ref()
                .map_or(Value::None, |s| Traceback::value(&s.borrow().traceback)),
            _ => Value::None,
        }
    }

    /// The traceback of `entries`, or `None` for an exception not raised yet.
    pub fn value(entries: &[crate::value::TraceEntry]) -> Value {
        if entries.is_empty() {
            Value::None
        } else {
            Value::Host(Rc::new(Traceback(entries.to_vec())))
        }
    }
}

impl crate::value::HostObject for Traceback {
    fn type_name(&self) -> &str {
        "traceback"
    }
    fn get_attr(
        &self,
        _vm: &mut Vm,
        _this: &Rc<dyn crate::value::HostObject>,
        name: &str,
    ) -> Option<PyResult> {
        // The innermost line, as `tb.tb_lineno` of the last entry CPython walks to.
        (name == "tb_lineno")
            .then(|| Ok(Value::Int(self.0.first().map_or(0, |e| i64::from(e.line)))))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
