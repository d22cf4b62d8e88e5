//! Classes a program defines, and calling a class: making instances and exceptions.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exceptions::{self, type_error};
use crate::types::{self, exc_class, type_name, Exc};
use crate::value::*;
use crate::vm::Vm;

/// The `class` statement: runs the body, then makes the class from its namespace.
pub fn build_class(vm: &mut Vm, body: &Value, name: &Value, bases: Vec<Value>) -> PyResult {
    let Value::Str(name) = name else {
        return Err(type_error("class name must be a string"));
    };
    let mut base_classes = Vec::new();
    for b in &bases {
        match b {
            Value::Class(c) => base_classes.push(c.clone()),
            other => {
                return Err(type_error(format!(
                    "bases must be types, not {}",
                    type_name(other)
                )))
            }
        }
    }
    let object = types::builtin_class(BuiltinType::Object);
    if base_classes.is_empty() {
        base_classes.push(object);
    }
    let mut kind = BuiltinType::Object;
    for b in &base_classes {
        match b.builtin {
            BuiltinType::Object => {}
            BuiltinType::BaseException => kind = BuiltinType::BaseException,
            other => {
                let _ = other;
                return Err(exceptions::unsupported(&format!(
                    "a class deriving from the built-in type '{}'",
                    b.name
                )));
            }
        }
    }
    let ns = vm.run_class_body(body)?;
    let mut dict = ns.borrow().clone();
    let cell = dict.remove_str("__classcell__");
    let qualname = dict.get_str("__qualname__");
    let module = match dict.get_str("__module__") {
        Some(Value::Str(m)) => m,
        _ => Rc::from("__main__"),
    };
    let mut class =
        types::new_class(name, &module, base_classes, dict, kind).map_err(type_error)?;
    if let Some(Value::Str(q)) = qualname {
        if let Some(c) = Rc::get_mut(&mut class) {
            c.qualname = q;
        }
    }
    if let Some(Value::Cell(cell)) = cell {
        *cell.borrow_mut() = Some(Value::Class(class.clone()));
    }
    Ok(Value::Class(class))
}

/// A name looked up on an object's class (for the operators and protocols, which skip the
/// instance's own attributes as CPython does).
pub fn lookup_special(obj: &Value, name: &str) -> Option<Value> {
    match obj {
        Value::Instance(i) => i.class.lookup(name),
        _ => None,
    }
}

/// `Class(...)`
pub fn call_class(vm: &mut Vm, class: &Rc<Class>, args: Args) -> PyResult {
    if &*class.module == "builtins" {
        if class.builtin == BuiltinType::BaseException {
            if !args.kw.is_empty() {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    class.name
                )));
            }
            // `OSError(errno, strerror)` is the subclass of that errno, as in CPython.
            let class = match args.pos.first() {
                Some(Value::Int(errno)) if &*class.name == "OSError" && args.pos.len() >= 2 => {
                    os_error_subclass(*errno).unwrap_or_else(|| class.clone())
                }
                _ => class.clone(),
            };
            let mut pos = args.pos;
            let os_fields = match pos.as_slice() {
                [Value::Int(_), ..] if pos.len() >= 2 && is_os_error(&class) => {
                    let filename = pos.get(2).cloned();
                    pos.truncate(2);
                    Some((pos[0].clone(), pos[1].clone(), filename))
                }
                _ => None,
            };
            let exc = exceptions::instantiate(&class, pos);
            // Its `errno`, `strerror` and `filename` (kept out of `args`, as CPython does).
            if let Some((errno, strerror, filename)) = os_fields {
                let mut dict = exc.0.dict.borrow_mut();
                dict.set_str("errno", errno);
                dict.set_str("strerror", strerror);
                dict.set_str("filename", filename.unwrap_or(Value::None));
            }
            return Ok(exc.value());
        }
        return crate::builtins::construct(vm, class, args);
    }
    // A class of the host's own objects (`asyncio.Queue`): calling it is the constructor the
    // host put in its dict as `__new__`.
    if class.builtin == BuiltinType::Host {
        let new = class.dict.borrow().get_str("__new__");
        return match new {
            Some(new) => vm.call(&new, args),
            None => Err(type_error(format!(
                "cannot create '{}.{}' instances",
                class.module, class.name
            ))),
        };
    }
    let instance = Rc::new(Instance {
        class: class.clone(),
        dict: RefCell::new(Dict::new()),
        exc: (class.builtin == BuiltinType::BaseException).then(|| {
            RefCell::new(ExcState {
                args: args.pos.clone(),
                ..ExcState::default()
            })
        }),
    });
    let this = Value::Instance(instance);
    match class.lookup("__init__") {
        Some(init) => {
            let r = vm.call_bound(&init, &this, args)?;
            if !r.is_none() {
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    type_name(&r)
                )));
            }
        }
        None => {
            if class.builtin != BuiltinType::BaseException
                && (!args.pos.is_empty() || !args.kw.is_empty())
            {
                return Err(type_error(format!("{}() takes no arguments", class.name)));
            }
        }
    }
    Ok(this)
}

/// `except X:`: whether the exception is an instance of X (or of one of a tuple of classes).
pub fn exception_matches(exc: &Value, class: &Value) -> PyResult<bool> {
    let Value::Instance(inst) = exc else {
        return Ok(false);
    };
    match class {
        Value::Class(c) if c.builtin == BuiltinType::BaseException => Ok(inst.class.is_subclass(c)),
        Value::Tuple(items) => {
            for c in items.iter() {
                if exception_matches(exc, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

/// What `raise x` raises: an exception instance, or a new instance of an exception class.
pub fn make_exception(vm: &mut Vm, v: &Value) -> PyResult<Exception> {
    match v {
        Value::Instance(i) if i.exc.is_some() => Ok(Exception(i.clone())),
        Value::Class(c) if c.builtin == BuiltinType::BaseException => {
            match vm.call(v, Args::default())? {
                Value::Instance(i) if i.exc.is_some() => Ok(Exception(i)),
                _ => Err(type_error("exceptions must derive from BaseException")),
            }
        }
        _ => Err(type_error("exceptions must derive from BaseException")),
    }
}

/// `BaseException.__init__(self, *args)`: sets `args`.
pub fn exception_init(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if let Some(Value::Instance(i)) = args.pos.first() {
        if let Some(state) = &i.exc {
            state.borrow_mut().args = args.pos[1..].to_vec();
        }
    }
    Ok(Value::None)
}

/// `object.__init__(self)`: does nothing.
pub fn object_init(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn is_os_error(class: &Rc<Class>) -> bool {
    class.is_subclass(&exc_class(Exc::OSError))
}

/// The subclass of `OSError` CPython makes for `errno` (Linux's numbers), among those this
/// Python has.
fn os_error_subclass(errno: i64) -> Option<Rc<Class>> {
    let kind = match errno {
        2 => Exc::FileNotFoundError,
        104 => Exc::ConnectionResetError,
        110 => Exc::TimeoutError,
        111 => Exc::ConnectionRefusedError,
        _ => return None,
    };
    Some(exc_class(kind))
}

/// `str(exc)`: nothing, the one argument, or the tuple of them; an `OSError` with an errno is
/// `[Errno 2] No such` (and `: 'file'` after a file name).
pub fn exception_str(vm: &mut Vm, exc: &Exception) -> PyResult<String> {
    let args = exc.state().args.clone();
    if exc.is(&exc_class(Exc::KeyError)) && args.len() == 1 {
        return crate::ops::repr(vm, &args[0]);
    }
    if let (true, [Value::Int(errno), strerror]) =
        (exc.is(&exc_class(Exc::OSError)), args.as_slice())
    {
        let text = format!("[Errno {errno}] {}", crate::ops::str_of(vm, strerror)?);
        let filename = exc.0.dict.borrow().get_str("filename");
        return match filename {
            None | Some(Value::None) => Ok(text),
            Some(filename) => Ok(format!("{text}: {}", crate::ops::repr(vm, &filename)?)),
        };
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => crate::ops::str_of(vm, &args[0]),
        _ => crate::ops::repr(vm, &Value::tuple(args)),
    }
}

/// `repr(exc)`: `ValueError('boom')`.
pub fn exception_repr(vm: &mut Vm, exc: &Exception) -> PyResult<String> {
    let args = exc.state().args.clone();
    let name = exc.class().name.clone();
    if args.len() == 1 {
        return Ok(format!("{name}({})", crate::ops::repr(vm, &args[0])?));
    }
    let t = crate::ops::repr(vm, &Value::tuple(args))?;
    if t == "()" {
        return Ok(format!("{name}()"));
    }
    Ok(format!("{name}{t}"))
}
