//! The built-in types as class objects: `type(x)`, `isinstance`, `x.__class__.__name__`, and the
//! exception hierarchy a program can catch and subclass.
//!
//! They are made once per thread (the interpreter runs on the page's one thread) and shared by
//! every program.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::value::{Builtin, BuiltinType, Class, NativeFn, Value};

/// The exception classes, in the order of `EXCEPTIONS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Exc {
    BaseException,
    Exception,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    AssertionError,
    AttributeError,
    LookupError,
    IndexError,
    KeyError,
    NameError,
    UnboundLocalError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    StopIteration,
    StopAsyncIteration,
    TypeError,
    ValueError,
    UnicodeError,
    KeyboardInterrupt,
    SystemExit,
    GeneratorExit,
    MemoryError,
    OSError,
    TimeoutError,
    ConnectionError,
    ConnectionRefusedError,
    ConnectionResetError,
    FileNotFoundError,
    ImportError,
    ModuleNotFoundError,
    SyntaxError,
    IndentationError,
    Warning,
    RuntimeWarning,
    DeprecationWarning,
    UserWarning,
    BufferError,
    EOFError,
}

/// Each exception class's name and parent.
const EXCEPTIONS: &[(&str, Option<Exc>)] = &[
    ("BaseException", None),
    ("Exception", Some(Exc::BaseException)),
    ("ArithmeticError", Some(Exc::Exception)),
    ("ZeroDivisionError", Some(Exc::ArithmeticError)),
    ("OverflowError", Some(Exc::ArithmeticError)),
    ("AssertionError", Some(Exc::Exception)),
    ("AttributeError", Some(Exc::Exception)),
    ("LookupError", Some(Exc::Exception)),
    ("IndexError", Some(Exc::LookupError)),
    ("KeyError", Some(Exc::LookupError)),
    ("NameError", Some(Exc::Exception)),
    ("UnboundLocalError", Some(Exc::NameError)),
    ("RuntimeError", Some(Exc::Exception)),
    ("RecursionError", Some(Exc::RuntimeError)),
    ("NotImplementedError", Some(Exc::RuntimeError)),
    ("StopIteration", Some(Exc::Exception)),
    ("StopAsyncIteration", Some(Exc::Exception)),
    ("TypeError", Some(Exc::Exception)),
    ("ValueError", Some(Exc::Exception)),
    ("UnicodeError", Some(Exc::ValueError)),
    ("KeyboardInterrupt", Some(Exc::BaseException)),
    ("SystemExit", Some(Exc::BaseException)),
    ("GeneratorExit", Some(Exc::BaseException)),
    ("MemoryError", Some(Exc::Exception)),
    ("OSError", Some(Exc::Exception)),
    ("TimeoutError", Some(Exc::OSError)),
    ("ConnectionError", Some(Exc::OSError)),
    ("ConnectionRefusedError", Some(Exc::ConnectionError)),
    ("ConnectionResetError", Some(Exc::ConnectionError)),
    ("FileNotFoundError", Some(Exc::OSError)),
    ("ImportError", Some(Exc::Exception)),
    ("ModuleNotFoundError", Some(Exc::ImportError)),
    ("SyntaxError", Some(Exc::Exception)),
    ("IndentationError", Some(Exc::SyntaxError)),
    ("Warning", Some(Exc::Exception)),
    ("RuntimeWarning", Some(Exc::Warning)),
    ("DeprecationWarning", Some(Exc::Warning)),
    ("UserWarning", Some(Exc::Warning)),
    ("BufferError", Some(Exc::Exception)),
    ("EOFError", Some(Exc::Exception)),
];

/// The built-in types by their Python names, in the order of `BuiltinType`'s layout kinds that
/// have a class of their own.
const TYPES: &[(&str, BuiltinType)] = &[
    ("object", BuiltinType::Object),
    ("type", BuiltinType::Type),
    ("NoneType", BuiltinType::NoneType),
    ("int", BuiltinType::Int),
    ("bool", BuiltinType::Bool),
    ("float", BuiltinType::Float),
    ("str", BuiltinType::Str),
    ("bytes", BuiltinType::Bytes),
    ("tuple", BuiltinType::Tuple),
    ("list", BuiltinType::List),
    ("dict", BuiltinType::Dict),
    ("set", BuiltinType::Set),
    ("frozenset", BuiltinType::FrozenSet),
    ("range", BuiltinType::Range),
    ("slice", BuiltinType::Slice),
    ("function", BuiltinType::Function),
    ("builtin_function_or_method", BuiltinType::BuiltinFunction),
    ("method", BuiltinType::Method),
    ("module", BuiltinType::Module),
    ("iterator", BuiltinType::Iterator),
    ("generator", BuiltinType::Generator),
    ("coroutine", BuiltinType::Coroutine),
    ("async_generator", BuiltinType::AsyncGenerator),
    ("functools.partial", BuiltinType::Partial),
    ("ellipsis", BuiltinType::Ellipsis),
    ("NotImplementedType", BuiltinType::NotImplementedType),
    ("property", BuiltinType::Property),
    ("staticmethod", BuiltinType::StaticMethod),
    ("classmethod", BuiltinType::ClassMethod),
    ("cell", BuiltinType::Cell),
    ("code", BuiltinType::Host),
];

pub struct Types {
    pub types: Vec<Rc<Class>>,
    pub exceptions: Vec<Rc<Class>>,
}

thread_local! {
    static TYPES_OF_THREAD: Types = Types::new();
    /// The classes of host objects that name no class of their own, one per type name, so
    /// `type(x).__name__` is theirs and `type(a) is type(b)` holds for two of a kind.
    static HOST_CLASSES: RefCell<std::collections::HashMap<String, Rc<Class>>> =
        RefCell::default();
    /// The classes hosts made with [`host_type`], by `module.name`.
    static HOST_TYPES: RefCell<std::collections::HashMap<String, Rc<Class>>> =
        RefCell::default();
}

/// A class of the host's own objects (`asyncio.Queue`), made once: calling it calls `new`, its
/// constructor (kept in its dict as `__new__`; a class without one cannot be called, as
/// CPython's internal ones); a host object whose `HostObject::class` returns it is its instance
/// for `isinstance` and `type()`. It derives from `bases`, or `object`.
pub fn host_type(
    name: &'static str,
    module: &str,
    bases: &[Rc<Class>],
    new: Option<NativeFn>,
) -> Rc<Class> {
    let key = format!("{module}.{name}");
    if let Some(class) = HOST_TYPES.with(|types| types.borrow().get(&key).cloned()) {
        return class;
    }
    let bases = match bases {
        [] => vec![builtin_class(BuiltinType::Object)],
        bases => bases.to_vec(),
    };
    let mut dict = Dict::new();
    if let Some(func) = new {
        let new = Builtin {
            name,
            func,
            this: None,
        };
        dict.set_str("__new__", Value::Builtin(Rc::new(new)));
    }
    let class = new_class(name, module, bases.clone(), dict, BuiltinType::Host)
        .unwrap_or_else(|_| bases[0].clone());
    HOST_TYPES.with(|types| types.borrow_mut().insert(key, class.clone()));
    class
}

/// The class of a host object named `name` that has none of its own.
fn host_class(name: &str) -> Rc<Class> {
    HOST_CLASSES.with(|classes| {
        let mut classes = classes.borrow_mut();
        if let Some(class) = classes.get(name) {
            return class.clone();
        }
        let object = builtin_class(BuiltinType::Object);
        let class = new_class(
            name,
            "builtins",
            vec![object.clone()],
            Dict::new(),
            BuiltinType::Host,
        )
        .unwrap_or(object);
        classes.insert(name.to_string(), class.clone());
        class
    })
}

/// Makes a class object; its MRO is the C3 linearisation of its bases (the class itself, first
/// in Python's `__mro__`, is not stored in it).
pub fn new_class(
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    dict: Dict,
    builtin: BuiltinType,
) -> Result<Rc<Class>, String> {
    let mro = linearize(&bases)?;
    Ok(Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases,
        mro,
        dict: RefCell::new(dict),
        builtin,
    }))
}

/// The C3 merge of the bases' MROs.
fn linearize(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            std::iter::once(b.clone())
                .chain(b.mro.iter().cloned())
                .collect()
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, h))));
        let Some(head) = head else {
            return Err("Cannot create a consistent method resolution order (MRO)".to_string());
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

impl Types {
    fn new() -> Types {
        let mut types: Vec<Rc<Class>> = Vec::new();
        for (name, kind) in TYPES {
            let bases = match types.first() {
                Some(object) if *kind != BuiltinType::Object => {
                    if *kind == BuiltinType::Bool {
                        vec![types
                            .iter()
                            .find(|t| t.builtin == BuiltinType::Int)
                            .cloned()
                            .unwrap_or_else(|| object.clone())]
                    } else {
                        vec![object.clone()]
                    }
                }
                _ => Vec::new(),
            };
            let class = new_class(name, "builtins", bases, Dict::new(), *kind)
                .unwrap_or_else(|_| unreachable!());
            types.push(class);
        }
        let mut exceptions: Vec<Rc<Class>> = Vec::new();
        for (name, parent) in EXCEPTIONS {
            let base = match parent {
                Some(p) => exceptions[*p as usize].clone(),
                None => types[0].clone(),
            };
            let class = new_class(
                name,
                "builtins",
                vec![base],
                Dict::new(),
                BuiltinType::BaseException,
            )
            .unwrap_or_else(|_| unreachable!());
            exceptions.push(class);
        }
        Types { types, exceptions }
    }
}

/// The class of a built-in type.
pub fn builtin_class(kind: BuiltinType) -> Rc<Class> {
    TYPES_OF_THREAD.with(|t| {
        t.types
            .iter()
            .find(|c| c.builtin == kind && c.module.as_ref() == "builtins")
            .cloned()
            .unwrap_or_else(|| t.types[0].clone())
    })
}

/// An exception class.
pub fn exc_class(e: Exc) -> Rc<Class> {
    TYPES_OF_THREAD.with(|t| t.exceptions[e as usize].clone())
}

/// Every built-in class by name, for the builtins module.
pub fn all_builtin_classes() -> Vec<Rc<Class>> {
    TYPES_OF_THREAD.with(|t| t.types.iter().chain(&t.exceptions).cloned().collect())
}

/// `type(x)`
pub fn type_of(v: &Value) -> Rc<Class> {
    let kind = match v {
        Value::Instance(i) => return i.class.clone(),
        Value::Class(_) => BuiltinType::Type,
        Value::None => BuiltinType::NoneType,
        Value::Ellipsis => BuiltinType::Ellipsis,
        Value::NotImplemented => BuiltinType::NotImplementedType,
        Value::Bool(_) => BuiltinType::Bool,
        Value::Int(_) | Value::Big(_) => BuiltinType::Int,
        Value::Float(_) => BuiltinType::Float,
        Value::Str(_) => BuiltinType::Str,
        Value::Bytes(_) => BuiltinType::Bytes,
        Value::Tuple(_) => BuiltinType::Tuple,
        Value::List(_) => BuiltinType::List,
        Value::Dict(_) => BuiltinType::Dict,
        Value::Set(_) => BuiltinType::Set,
        Value::FrozenSet(_) => BuiltinType::FrozenSet,
        Value::Range(_) => BuiltinType::Range,
        Value::Slice(_) => BuiltinType::Slice,
        Value::Function(_) => BuiltinType::Function,
        Value::Builtin(_) => BuiltinType::BuiltinFunction,
        Value::Method(_) => BuiltinType::Method,
        Value::Module(_) => BuiltinType::Module,
        Value::Iter(_) => BuiltinType::Iterator,
        Value::Generator(g) => match g.kind {
            crate::value::GenKind::Generator => BuiltinType::Generator,
            crate::value::GenKind::Coroutine => BuiltinType::Coroutine,
            crate::value::GenKind::AsyncGenerator => BuiltinType::AsyncGenerator,
        },
        Value::Partial(_) => BuiltinType::Partial,
        Value::Descriptor(d) => match **d {
            crate::value::Descriptor::StaticMethod(_) => BuiltinType::StaticMethod,
            crate::value::Descriptor::ClassMethod(_) => BuiltinType::ClassMethod,
            crate::value::Descriptor::Property { .. } => BuiltinType::Property,
        },
        Value::Host(h) => return h.class().unwrap_or_else(|| host_class(h.type_name())),
        Value::Cell(_) => BuiltinType::Cell,
        Value::Code(_) => BuiltinType::Host,
        Value::Super(_) => BuiltinType::Object,
    };
    builtin_class(kind)
}

/// `type(x).__name__`
pub fn type_name(v: &Value) -> String {
    match v {
        Value::Host(h) => h.type_name().to_string(),
        Value::Iter(i) => match &*i.borrow() {
            crate::value::Iter::Seq {
                seq: Value::List(_),
                ..
            } => "list_iterator".into(),
            crate::value::Iter::Seq {
                seq: Value::Tuple(_),
                ..
            } => "tuple_iterator".into(),
            crate::value::Iter::Seq {
                seq: Value::Str(_), ..
            } => "str_ascii_iterator".into(),
            crate::value::Iter::Range { .. } => "range_iterator".into(),
            crate::value::Iter::Enumerate { .. } => "enumerate".into(),
            crate::value::Iter::Zip { .. } => "zip".into(),
            crate::value::Iter::Map { .. } => "map".into(),
            crate::value::Iter::Filter { .. } => "filter".into(),
            crate::value::Iter::Reversed { .. } => "list_reverseiterator".into(),
            crate::value::Iter::Keys { .. } => "dict_keyiterator".into(),
            _ => "iterator".into(),
        },
        // The standard library's types written in Python here are C types in CPython, named
        // with their module in messages ('collections.deque').
        Value::Instance(i) => match i.class.lookup("_tp_name") {
            Some(Value::Str(name)) => name.to_string(),
            _ => i.class.name.to_string(),
        },
        _ => type_of(v).name.to_string(),
    }
}
