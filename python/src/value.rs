//! Python's objects as the interpreter holds them: one `Value` per object, shared by `Rc`.
//!
//! Immutable objects (numbers, strings, tuples) are held by value or in an `Rc`; mutable ones
//! (lists, dicts, sets, instances) in an `Rc<RefCell<…>>`, so aliasing is Python's: two names for
//! one list see each other's changes.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::Code;
use crate::dict::{Dict, Set};
use crate::vm::{Frame, Vm};

pub type Str = Rc<str>;

/// What every native function returns: a value, or a raised exception.
pub type PyResult<T = Value> = Result<T, Exception>;

/// One Python object.
#[derive(Clone)]
pub enum Value {
    None,
    Ellipsis,
    NotImplemented,
    Bool(bool),
    /// An `int` that fits in 64 bits; larger ones are `Big`, so each int has one form.
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
    Str(Str),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A function bound to the object it was looked up on: `(self, function)`.
    Method(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// `staticmethod`, `classmethod`, `property`.
    Descriptor(Rc<Descriptor>),
    /// The iterators of built-in types (`iter([..])`, `zip`, `map`, `enumerate`, …).
    Iter(Rc<RefCell<Iter>>),
    /// A generator, coroutine or async generator: a suspended frame.
    Generator(Rc<Generator>),
    /// `functools.partial(func, *args, **kwargs)`.
    Partial(Rc<Partial>),
    /// An object the host made (a task, a future, a queue): the interpreter knows it only through
    /// the `HostObject` trait.
    Host(Rc<dyn HostObject>),
    /// A cell of a closure (only ever on a frame's stack while a function is made).
    Cell(Rc<RefCell<Option<Value>>>),
    /// A code object (a constant of the code that makes the function).
    Code(Rc<Code>),
    /// `super(class, obj)`: looks attributes up after `class` in the MRO of `obj`'s class.
    Super(Rc<(Rc<Class>, Value)>),
}

pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            (stop - start + step - 1) / step
        } else {
            (start - stop - step - 1) / -step
        };
        n.max(0) as i64
    }
}

/// A function defined by the program.
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Module>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Str, Value)>,
    pub closure: Vec<Rc<RefCell<Option<Value>>>>,
    pub qualname: Str,
    pub dict: RefCell<Vec<(Str, Value)>>,
}

/// A native function: a built-in, or a method of a built-in type already bound to its object.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    pub this: Option<Value>,
}

pub type NativeFn = fn(&mut Vm, Option<&Value>, Args) -> PyResult;

/// The arguments of a call: positional ones, then keyword ones in the order written.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Str, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }

    /// The keyword argument `name`, if it was given.
    pub fn keyword(&self, name: &str) -> Option<&Value> {
        self.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
    }

    /// What a positional-or-keyword parameter receives: the `index`-th positional argument,
    /// else the keyword `name`.
    pub fn get(&self, index: usize, name: &str) -> Option<&Value> {
        self.pos.get(index).or_else(|| self.keyword(name))
    }
}

pub struct Class {
    pub name: Str,
    pub qualname: Str,
    pub module: Str,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after this class (C3, as CPython computes it).
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Dict>,
    /// Which built-in type this is (or derives from), for `isinstance` and instance layout.
    pub builtin: BuiltinType,
}

/// The built-in types the interpreter knows by layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Generator,
    Coroutine,
    AsyncGenerator,
    Partial,
    BaseException,
    Ellipsis,
    NotImplementedType,
    Property,
    StaticMethod,
    ClassMethod,
    Cell,
    Host,
}

pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<Dict>,
    /// What an exception carries beyond its attributes.
    pub exc: Option<RefCell<ExcState>>,
}

#[derive(Default)]
pub struct ExcState {
    pub args: Vec<Value>,
    /// Where it passed, innermost first: (function name, line).
    pub traceback: Vec<TraceEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// What the frames of its traceback hold, which lives as long as it does (a call's
    /// arguments: a coroutine `asyncio.run` refused is "never awaited" when it goes).
    pub holds: Vec<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TraceEntry {
    pub name: Str,
    pub line: u32,
}

/// A raised exception: always an instance of a class deriving from `BaseException`.
#[derive(Clone)]
pub struct Exception(pub Rc<Instance>);

impl Exception {
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
    pub fn class(&self) -> &Rc<Class> {
        &self.0.class
    }
    pub fn state(&self) -> std::cell::RefMut<'_, ExcState> {
        match &self.0.exc {
            Some(state) => state.borrow_mut(),
            None => unreachable!("an Exception is made only from an exception instance"),
        }
    }
    pub fn is(&self, class: &Rc<Class>) -> bool {
        self.0.class.is_subclass(class)
    }
}

impl fmt::Debug for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} exception>", self.0.class.name)
    }
}

impl Class {
    pub fn is_subclass(&self, other: &Rc<Class>) -> bool {
        self.mro.iter().any(|c| Rc::ptr_eq(c, other)) || std::ptr::eq(self, Rc::as_ptr(other))
    }
    /// A name looked up along the method resolution order.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str(name) {
            return Some(v);
        }
        self.mro.iter().find_map(|c| c.dict.borrow().get_str(name))
    }
}

pub struct Module {
    pub name: Str,
    pub dict: RefCell<Dict>,
}

pub enum Descriptor {
    StaticMethod(Value),
    ClassMethod(Value),
    Property { get: Value, set: Option<Value> },
}

pub struct Partial {
    pub func: Value,
    pub args: Vec<Value>,
    pub kw: Vec<(Str, Value)>,
}

/// The iterators of built-in types.
pub enum Iter {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// A snapshot of the keys (or items) of a dict or set: Python raises if the size changes.
    Keys {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Count {
        next: Value,
        step: Value,
    },
    /// An object with `__getitem__` but no `__iter__`.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// `await` on a host awaitable: it yields itself to the host once, then returns what the
    /// host sends back.
    HostAwait {
        obj: Value,
        yielded: bool,
    },
    /// The awaitable `__anext__()` / `asend(v)` / `athrow(e)` of an async generator returns.
    ASend {
        gen: Rc<Generator>,
        /// How its first step resumes the generator (sending `v`, or throwing `e` in).
        first: Option<crate::vm::Resume>,
        /// `anext(gen, default)`: what an exhausted generator gives instead of raising.
        default: Option<Value>,
    },
    /// A value an async generator yields (told apart from what its `await`s pass out).
    AsyncGenValue(Value),
    Exhausted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

pub struct Generator {
    pub kind: GenKind,
    pub name: Str,
    pub qualname: Str,
    pub frame: RefCell<Option<Box<Frame>>>,
    pub state: Cell<GenState>,
    /// For a coroutine: whether anything ever awaited it ("was never awaited").
    pub awaited: Cell<bool>,
    /// For an async generator: the awaitable `__anext__` / `asend` returned and still running.
    pub running_async: Cell<bool>,
}

/// What the host waits on for an awaited host object.
pub type HostWait = std::pin::Pin<Box<dyn std::future::Future<Output = PyResult>>>;

/// An object made by the host (the page's runtime): a task, a future, a queue, a lock.
pub trait HostObject {
    /// `type(x).__name__`
    fn type_name(&self) -> &str;
    /// `x.name`: `None` if it has no such attribute.
    fn get_attr(&self, vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult>;
    /// `x.name = value`: `None` if it has no attribute of that name that can be set.
    fn set_attr(&self, vm: &mut Vm, name: &str, value: &Value) -> Option<PyResult<()>> {
        let _ = (vm, name, value);
        None
    }
    /// `type(x)`, if the host gives its objects of this kind a class of their own (so
    /// `isinstance` follows its bases); else the generic host class.
    fn class(&self) -> Option<Rc<Class>> {
        None
    }
    /// `repr(x)`
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let _ = vm;
        Ok(format!("<{} object>", self.type_name()))
    }
    /// `x[key]`: `None` if it takes no subscript.
    fn get_item(&self, vm: &mut Vm, key: &Value) -> Option<PyResult> {
        let _ = (vm, key);
        None
    }
    /// `x[key] = value`: `None` if it takes no item assignment.
    fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> Option<PyResult<()>> {
        let _ = (vm, key, value);
        None
    }
    /// `str(x)`: its repr unless the host says otherwise.
    fn str(&self, vm: &mut Vm) -> PyResult<String> {
        self.repr(vm)
    }
    /// `bool(x)`: true unless the host says otherwise.
    fn is_true(&self) -> bool {
        true
    }
    /// Whether `len(x)` is 0.
    fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }
    /// `len(x)`, if it has a length.
    fn len(&self) -> Option<usize> {
        None
    }
    /// `iter(x)`, if it is iterable.
    fn iter(&self, vm: &mut Vm) -> Option<PyResult> {
        let _ = vm;
        None
    }
    /// Whether `await x` is allowed: the host's awaitables yield themselves to the loop.
    fn awaitable(&self) -> bool {
        false
    }
    /// What the host's loop waits on when a coroutine yields this object: a future of the value
    /// the `await` gives (or the exception it raises).
    fn start_wait(&self, this: &Rc<dyn HostObject>) -> Option<HostWait> {
        let _ = this;
        None
    }
    fn as_any(&self) -> &dyn Any;
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// Identity: `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Big(a), Big(b)) => Rc::ptr_eq(a, b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Descriptor(a), Descriptor(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Partial(a), Partial(b)) => Rc::ptr_eq(a, b),
            (Host(a), Host(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

thread_local! {
    /// Warnings raised where no interpreter is at hand (a coroutine dropped unawaited), waiting
    /// to be written out by the next `print` or at the end of the step.
    pub static PENDING_WARNINGS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The frames of generators dropped while suspended, with their names, to be closed (their
    /// `finally` run) by the VM at its next instruction that is not a fast one, as CPython
    /// closes a generator when it is freed. A new VM drops what an earlier program left.
    pub static DROPPED_SUSPENDED: RefCell<Vec<(Str, Str, Box<Frame>)>> = const { RefCell::new(Vec::new()) };
    /// Whether `DROPPED_SUSPENDED` may hold frames: one load for the VM to check per
    /// instruction (the list's borrow would be several).
    pub static ANY_DROPPED_SUSPENDED: Cell<bool> = const { Cell::new(false) };
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == GenKind::Generator && self.state.get() == GenState::Suspended {
            if let Some(frame) = self.frame.borrow_mut().take() {
                let entry = (self.name.clone(), self.qualname.clone(), frame);
                // A thread that is ending has nobody left to close it: the frame just goes.
                let _ = DROPPED_SUSPENDED.try_with(move |d| d.borrow_mut().push(entry));
                let _ = ANY_DROPPED_SUSPENDED.try_with(|any| any.set(true));
            }
        }
        if self.kind == GenKind::Coroutine
            && self.state.get() == GenState::Created
            && !self.awaited.get()
        {
            let text = format!(
                "RuntimeWarning: coroutine '{}' was never awaited",
                self.qualname
            );
            PENDING_WARNINGS.with(|w| w.borrow_mut().push(text));
        }
    }
}
