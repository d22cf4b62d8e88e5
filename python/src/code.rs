//! Code objects: what the compiler makes of a module, a function, a class body or a
//! comprehension, and the virtual machine runs.
//!
//! The instruction set follows CPython 3.10's (a value stack and a block stack for `try` and
//! `with`), as plain Rust enum values with their argument inline.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::{Str, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    Pop,
    Dup,
    DupTwo,
    Rot2,
    Rot3,
    Rot4,
    Const(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: the code's own `cellvars`, then its `freevars`.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell itself, to build a closure.
    LoadClosure(u32),
    /// In a class body: the class namespace first, then the cell.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: the namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Pushes the iterator's next value, or pops the iterator and jumps when it is exhausted.
    ForIter(u32),
    GetAIter,
    GetANext,
    /// At the end of an `async for`: `StopAsyncIteration` ends the loop, anything else re-raises.
    EndAsyncFor,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildSlice(u32),
    BuildString(u32),
    /// Appends TOS to the list `n` deep (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// `**mapping` in a call: a repeated keyword is a `TypeError`.
    DictMerge(u32),
    ListToTuple,
    /// f-string field: the low 2 bits are the conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`), bit 2
    /// says a format spec is on the stack.
    Format(u8),
    UnpackSequence(u32),
    /// `a, *b, c = …`: the low 8 bits count the names before the star, the rest after it.
    UnpackEx(u32),
    /// Calls with `argc` positional arguments.
    Call(u32),
    /// Calls with `argc` arguments, the last ones keyword arguments named by the tuple on top.
    CallKw(u32),
    /// Calls with a tuple of positional arguments (and a dict of keywords if the flag is set).
    CallEx(bool),
    /// Makes a function from the code on top: flags say which of defaults (1), keyword defaults
    /// (2) and closure cells (8) are below it.
    MakeFunction(u8),
    /// Pops a dict and sets it as the `__annotations__` of the function below it (which
    /// stays on the stack).
    SetAnnotations,
    /// `class` statement: stack has the body function, the name, then `n` bases.
    BuildClass(u32),
    ReturnValue,
    YieldValue,
    /// TOS is the value to send, TOS1 the sub-iterator; repeats until the sub-iterator returns.
    YieldFrom,
    GetAwaitable,
    GetYieldFromIter,
    /// Pushes a `try` block that goes to the handler at the target.
    SetupFinally(u32),
    /// Pops the context manager, pushes its bound `__exit__`, calls `__enter__` and pushes the
    /// result, with a `try` block for the body.
    SetupWith(u32),
    /// Pops the async context manager, pushes its bound `__aexit__` and what `__aenter__` returned.
    BeforeAsyncWith,
    SetupAsyncWith(u32),
    /// Calls the `__exit__` below TOS (the exception) with the exception's details.
    WithExceptStart,
    PopBlock,
    /// Leaves an `except` handler: the exception being handled is the previous one again.
    PopExcept,
    /// Raises the exception on top again, without adding a traceback entry.
    Reraise,
    /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
    Raise(u32),
    /// Pops the class to match and jumps unless the exception below it is an instance of it.
    JumpIfNotExcMatch(u32),
    LoadAssertionError,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// For `nonlocal`-free class bodies: pushes the namespace being filled (for `__class__`).
    LoadLocals,
}

/// What kind of code a code object holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Generator,
    Coroutine,
    AsyncGenerator,
    Class,
}

pub struct Code {
    pub name: Str,
    pub qualname: Str,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Str>,
    /// Parameters first (positional, keyword-only, `*args`, `**kwargs`), then other locals.
    pub varnames: Vec<Str>,
    pub cellvars: Vec<Str>,
    pub freevars: Vec<Str>,
    /// For each cell variable that is also a parameter: its index among the varnames.
    pub cell_params: Vec<(u32, u32)>,
    pub posonly: u32,
    pub argcount: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub first_line: u32,
    /// For each name: where `LOAD_GLOBAL` last found it (see [`NameCache`]).
    pub global_cache: Box<[std::cell::Cell<NameCache>]>,
}

/// Where a global name was found: at `slot` of the module's dict while its layout is
/// `globals`, or, when `builtins` is not 0, at `slot` of the builtins' while theirs is that.
#[derive(Clone, Copy, Default)]
pub struct NameCache {
    pub globals: u64,
    pub builtins: u64,
    pub slot: u32,
}

impl Code {
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
}

/// Whether `code` (its functions' and classes' code included) names `name` anywhere: as a
/// variable, a global or an attribute.
pub fn names(code: &Code, name: &str) -> bool {
    code.names.iter().any(|n| &**n == name)
        || code.consts.iter().any(|constant| match constant {
            crate::value::Value::Code(inner) => names(inner, name),
            _ => false,
        })
}

/// The modules `code` imports, its functions' and classes' code included, in order (each
/// `import a.b` and `from a.b import c` as `a.b`).
pub fn imported(code: &Code) -> Vec<Str> {
    let mut names = Vec::new();
    let mut pending = vec![code];
    while let Some(code) = pending.pop() {
        for op in &code.ops {
            if let Op::ImportName(i) = op {
                if let Some(name) = code.names.get(*i as usize) {
                    names.push(name.clone());
                }
            }
        }
        for constant in &code.consts {
            if let crate::value::Value::Code(inner) = constant {
                pending.push(inner);
            }
        }
    }
    names
}
