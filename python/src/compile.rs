//! The compiler: a syntax tree in, code objects out, as CPython 3.10's `compile.c` does it
//! (a `try` is a block pushed at run time; `finally` bodies are copied onto every way out).

use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::*;
use crate::code::{Code, CodeKind, Op};
use crate::scope::{self, node_id, Binding, ScopeInfo, ScopeKind, Scopes};
use crate::value::{Str, Value};

/// A program the compiler refuses (what CPython reports as a `SyntaxError` at compile time).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub pos: Pos,
}

/// Compiles a module's syntax tree.
pub fn compile_module(module: &Module) -> Result<Rc<Code>, CompileError> {
    let scopes = scope::analyze(module).map_err(|e| CompileError {
        msg: e.msg,
        pos: Pos {
            line: e.line,
            col: 0,
        },
    })?;
    let mut c = Compiler {
        scopes: &scopes,
        units: Vec::new(),
    };
    c.enter(
        scopes.module(),
        "<module>",
        "<module>".into(),
        CodeKind::Module,
        1,
    );
    c.stmts(&module.body)?;
    c.load_none();
    c.emit(Op::ReturnValue);
    Ok(c.leave())
}

/// What an instruction does with a name.
#[derive(Clone, Copy)]
enum Access {
    Load = 0,
    Store = 1,
    Delete = 2,
}

/// What a `break`, `continue` or `return` must undo on its way out.
enum FBlock<'a> {
    /// A loop: `continue` goes to `start`, `break` to `exit`; `for` keeps its iterator on the stack.
    Loop {
        start: usize,
        exit: usize,
        has_iter: bool,
    },
    TryFinally(&'a [Stmt]),
    /// The body of a `with`: leaving it calls `__exit__(None, None, None)`.
    With {
        is_async: bool,
    },
    /// The body of an `except` clause (the exception already popped).
    HandlerBody {
        name: Option<&'a str>,
    },
    /// A `finally` body run for an exception (the exception still on the stack).
    FinallyHandler,
}

struct Unit<'a> {
    scope: &'a ScopeInfo,
    name: Str,
    qualname: String,
    kind: CodeKind,
    ops: Vec<Op>,
    lines: Vec<u32>,
    consts: Vec<Value>,
    names: Vec<Str>,
    name_index: HashMap<Str, u32>,
    labels: Vec<u32>,
    line: u32,
    first_line: u32,
    fblocks: Vec<FBlock<'a>>,
    /// The class whose body this is, or which the function is defined in: its private names
    /// (`__x`) are mangled to `_Class__x`, as CPython does.
    private: Option<String>,
}

struct Compiler<'a> {
    scopes: &'a Scopes,
    units: Vec<Unit<'a>>,
}

type CResult = Result<(), CompileError>;

fn err(msg: impl Into<String>, pos: Pos) -> CompileError {
    CompileError {
        msg: msg.into(),
        pos,
    }
}

fn is_jump(op: &Op) -> bool {
    matches!(
        op,
        Op::Jump(_)
            | Op::PopJumpIfFalse(_)
            | Op::PopJumpIfTrue(_)
            | Op::JumpIfFalseOrPop(_)
            | Op::JumpIfTrueOrPop(_)
            | Op::ForIter(_)
            | Op::SetupFinally(_)
            | Op::SetupWith(_)
            | Op::SetupAsyncWith(_)
            | Op::JumpIfNotExcMatch(_)
    )
}

fn retarget(op: Op, labels: &[u32]) -> Op {
    let t = |l: u32| labels[l as usize];
    match op {
        Op::Jump(l) => Op::Jump(t(l)),
        Op::PopJumpIfFalse(l) => Op::PopJumpIfFalse(t(l)),
        Op::PopJumpIfTrue(l) => Op::PopJumpIfTrue(t(l)),
        Op::JumpIfFalseOrPop(l) => Op::JumpIfFalseOrPop(t(l)),
        Op::JumpIfTrueOrPop(l) => Op::JumpIfTrueOrPop(t(l)),
        Op::ForIter(l) => Op::ForIter(t(l)),
        Op::SetupFinally(l) => Op::SetupFinally(t(l)),
        Op::SetupWith(l) => Op::SetupWith(t(l)),
        Op::SetupAsyncWith(l) => Op::SetupAsyncWith(t(l)),
        Op::JumpIfNotExcMatch(l) => Op::JumpIfNotExcMatch(t(l)),
        other => other,
    }
}

impl<'a> Compiler<'a> {
    fn enter(
        &mut self,
        scope: &'a ScopeInfo,
        name: &str,
        qualname: String,
        kind: CodeKind,
        line: u32,
    ) {
        let private = if kind == CodeKind::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        self.units.push(Unit {
            private,
            scope,
            name: Rc::from(name),
            qualname,
            kind,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            labels: Vec::new(),
            line,
            first_line: line,
            fblocks: Vec::new(),
        });
    }

    fn leave(&mut self) -> Rc<Code> {
        let u = self.units.pop().expect("a unit to leave");
        let ops = u
            .ops
            .iter()
            .map(|op| {
                if is_jump(op) {
                    retarget(*op, &u.labels)
                } else {
                    *op
                }
            })
            .collect();
        let s = u.scope;
        let str_vec = |v: &[String]| v.iter().map(|n| Rc::from(n.as_str())).collect::<Vec<Str>>();
        let cell_params = s
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, name)| {
                let p = s.varnames.iter().position(|v| v == name)?;
                let is_param = p < param_count(s);
                is_param.then_some((ci as u32, p as u32))
            })
            .collect();
        let names_len = u.names.len();
        Rc::new(Code {
            name: u.name,
            qualname: Rc::from(u.qualname.as_str()),
            kind: u.kind,
            ops,
            lines: u.lines,
            consts: u.consts,
            names: u.names,
            varnames: str_vec(&s.varnames),
            cellvars: str_vec(&s.cellvars),
            freevars: str_vec(&s.freevars),
            cell_params,
            posonly: 0,
            argcount: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            first_line: u.first_line,
            global_cache: vec![Default::default(); names_len].into_boxed_slice(),
        })
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit")
    }

    fn emit(&mut self, op: Op) {
        let u = self.unit();
        u.ops.push(op);
        u.lines.push(u.line);
    }

    fn new_label(&mut self) -> u32 {
        let u = self.unit();
        u.labels.push(u32::MAX);
        (u.labels.len() - 1) as u32
    }

    fn place(&mut self, label: u32) {
        let u = self.unit();
        u.labels[label as usize] = u.ops.len() as u32;
    }

    fn konst(&mut self, v: Value) -> u32 {
        let u = self.unit();
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }

    fn load_const(&mut self, v: Value) {
        let i = self.konst(v);
        self.emit(Op::Const(i));
    }

    fn load_none(&mut self) {
        self.load_const(Value::None);
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let s: Str = Rc::from(name);
        u.names.push(s.clone());
        let i = (u.names.len() - 1) as u32;
        u.name_index.insert(s, i);
        i
    }

    /// A private name (`__x` inside a class) as CPython mangles it: `_Class__x`.
    fn mangle(&self, name: &str) -> String {
        match self.units.last().and_then(|u| u.private.as_deref()) {
            Some(class)
                if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') =>
            {
                format!("_{}{}", class.trim_start_matches('_'), name)
            }
            _ => name.to_string(),
        }
    }

    fn attr_idx(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.name_idx(&mangled)
    }

    fn binding(&self, name: &str) -> Binding {
        let u = self.units.last().expect("a unit");
        match u.scope.bindings.get(name) {
            Some(b) => *b,
            None => match u.scope.kind {
                ScopeKind::Module | ScopeKind::Class => Binding::Name,
                _ => Binding::Global,
            },
        }
    }

    fn cell_index(&self, name: &str) -> u32 {
        let s = self.units.last().expect("a unit").scope;
        if let Some(i) = s.cellvars.iter().position(|n| n == name) {
            return i as u32;
        }
        let i = s.freevars.iter().position(|n| n == name).unwrap_or(0);
        (s.cellvars.len() + i) as u32
    }

    fn local_index(&self, name: &str) -> u32 {
        let s = self.units.last().expect("a unit").scope;
        s.varnames.iter().position(|n| n == name).unwrap_or(0) as u32
    }

    fn load_name(&mut self, name: &str) {
        self.name_op(name, Access::Load);
    }

    fn store_name(&mut self, name: &str) {
        self.name_op(name, Access::Store);
    }

    fn delete_name(&mut self, name: &str) {
        self.name_op(name, Access::Delete);
    }

    /// Loads, stores or deletes a name where its scope says it lives (CPython's
    /// `compiler_nameop`).
    fn name_op(&mut self, name: &str, access: Access) {
        let kind = self.units.last().map(|u| u.scope.kind);
        let op = match self.binding(name) {
            Binding::Local => {
                let i = self.local_index(name);
                [Op::LoadFast(i), Op::StoreFast(i), Op::DeleteFast(i)]
            }
            Binding::Cell | Binding::Free => {
                let i = self.cell_index(name);
                let free_in_class =
                    kind == Some(ScopeKind::Class) && self.binding(name) == Binding::Free;
                let load = if free_in_class {
                    Op::LoadClassDeref(i)
                } else {
                    Op::LoadDeref(i)
                };
                [load, Op::StoreDeref(i), Op::DeleteDeref(i)]
            }
            Binding::Global if kind == Some(ScopeKind::Module) => {
                let i = self.name_idx(name);
                [Op::LoadName(i), Op::StoreName(i), Op::DeleteGlobal(i)]
            }
            Binding::Global => {
                let i = self.name_idx(name);
                [Op::LoadGlobal(i), Op::StoreGlobal(i), Op::DeleteGlobal(i)]
            }
            Binding::Name => {
                let i = self.attr_idx(name);
                [Op::LoadName(i), Op::StoreName(i), Op::DeleteName(i)]
            }
        };
        self.emit(op[access as usize]);
    }

    fn in_function(&self) -> bool {
        self.units
            .last()
            .map(|u| matches!(u.scope.kind, ScopeKind::Function | ScopeKind::Comprehension))
            == Some(true)
    }

    fn in_async(&self) -> bool {
        self.units
            .last()
            .map(|u| matches!(u.kind, CodeKind::Coroutine | CodeKind::AsyncGenerator))
            == Some(true)
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.unit().line = s.pos.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(target)?;
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s.pos)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.pos)?,
            StmtKind::Return(value) => {
                if !self.in_function() {
                    return Err(err("'return' outside function", s.pos));
                }
                let is_async_gen =
                    self.units.last().map(|u| u.kind) == Some(CodeKind::AsyncGenerator);
                match value {
                    Some(_) if is_async_gen => {
                        return Err(err("'return' with value in async generator", s.pos))
                    }
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.unwind(true, None)
                    .map_err(|_| err("'return' cannot leave this block", s.pos))?;
                self.emit(Op::ReturnValue);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let target = self.unwind(false, Some(is_break));
                match target {
                    Ok(label) => self.emit(Op::Jump(label)),
                    Err(_) => {
                        let what = if is_break {
                            "'break' outside loop"
                        } else {
                            "'continue' not properly in loop"
                        };
                        return Err(err(what, s.pos));
                    }
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_label = self.new_label();
                let end = self.new_label();
                self.expr(test)?;
                self.emit(Op::PopJumpIfFalse(else_label));
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit(Op::Jump(end));
                }
                self.place(else_label);
                self.stmts(orelse)?;
                self.place(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let else_label = self.new_label();
                let exit = self.new_label();
                self.place(start);
                self.expr(test)?;
                self.emit(Op::PopJumpIfFalse(else_label));
                self.unit().fblocks.push(FBlock::Loop {
                    start: start as usize,
                    exit: exit as usize,
                    has_iter: false,
                });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.emit(Op::Jump(start));
                self.place(else_label);
                self.stmts(orelse)?;
                self.place(exit);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse, s.pos)?;
                } else {
                    let start = self.new_label();
                    let else_label = self.new_label();
                    let exit = self.new_label();
                    self.expr(iter)?;
                    self.emit(Op::GetIter);
                    self.place(start);
                    self.emit(Op::ForIter(else_label));
                    self.store(target)?;
                    self.unit().fblocks.push(FBlock::Loop {
                        start: start as usize,
                        exit: exit as usize,
                        has_iter: true,
                    });
                    self.stmts(body)?;
                    self.unit().fblocks.pop();
                    self.unit().line = s.pos.line;
                    self.emit(Op::Jump(start));
                    self.place(else_label);
                    self.stmts(orelse)?;
                    self.place(exit);
                }
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async && !self.in_async() {
                    return Err(err("'async with' outside async function", s.pos));
                }
                self.with(items, body, *is_async)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.expr(test)?;
                self.emit(Op::PopJumpIfTrue(end));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.place(end);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.load_const(Value::Bool(a.asname.is_some()));
                    let i = self.name_idx(&a.name);
                    self.emit(Op::ImportName(i));
                    match &a.asname {
                        Some(n) => self.store_name(n),
                        None => self.store_name(a.name.split('.').next().unwrap_or(&a.name)),
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    return Err(err(
                        "relative imports are not supported: a program here is one file",
                        s.pos,
                    ));
                }
                self.load_const(Value::Bool(true));
                let i = self.name_idx(module);
                self.emit(Op::ImportName(i));
                if names.is_empty() {
                    self.emit(Op::ImportStar);
                } else {
                    for a in names {
                        let i = self.name_idx(&a.name);
                        self.emit(Op::ImportFrom(i));
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                    }
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        }
        Ok(())
    }

    /// Emits what leaving the enclosing blocks needs. For `return` (`to_return`), every block is
    /// left and the return value (on top) is kept; for `break`/`continue` (`Some(is_break)`), the
    /// blocks up to the innermost loop, whose target label is returned.
    fn unwind(&mut self, to_return: bool, loop_exit: Option<bool>) -> Result<u32, ()> {
        let blocks = std::mem::take(&mut self.unit().fblocks);
        let mut result = Err(());
        let mut i = blocks.len();
        while i > 0 {
            i -= 1;
            match &blocks[i] {
                FBlock::Loop {
                    start,
                    exit,
                    has_iter,
                } => {
                    if let Some(is_break) = loop_exit {
                        if is_break && *has_iter {
                            self.emit(Op::Pop);
                        }
                        result = Ok(if is_break {
                            *exit as u32
                        } else {
                            *start as u32
                        });
                        break;
                    }
                    if *has_iter {
                        self.emit(Op::Rot2);
                        self.emit(Op::Pop);
                    }
                }
                FBlock::TryFinally(body) => {
                    self.emit(Op::PopBlock);
                    // The `finally` body runs with the blocks outside it only.
                    self.unit().fblocks = blocks[..i].iter().map(clone_fblock).collect();
                    let compiled = self.stmts(body);
                    self.unit().fblocks.clear();
                    if compiled.is_err() {
                        self.unit().fblocks = blocks;
                        return Err(());
                    }
                }
                FBlock::With { is_async } => {
                    self.emit(Op::PopBlock);
                    if to_return {
                        self.emit(Op::Rot2);
                    }
                    self.call_exit_none(*is_async);
                }
                FBlock::HandlerBody { name } => {
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.load_none();
                        self.store_name(n);
                        self.delete_name(n);
                    }
                }
                FBlock::FinallyHandler => {
                    if to_return {
                        self.emit(Op::Rot2);
                    }
                    self.emit(Op::Pop);
                    self.emit(Op::PopExcept);
                }
            }
        }
        if to_return {
            result = Ok(0);
        }
        self.unit().fblocks = blocks;
        result
    }

    fn call_exit_none(&mut self, is_async: bool) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Op::Call(3));
        if is_async {
            self.emit(Op::GetAwaitable);
            self.load_none();
            self.emit(Op::YieldFrom);
        }
        self.emit(Op::Pop);
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupFinally(handler));
        self.stmts(body)?;
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        self.emit(Op::Jump(end));
        self.place(handler);
        for (i, h) in handlers.iter().enumerate() {
            self.unit().line = h.pos.line;
            let next = self.new_label();
            match &h.kind {
                Some(kind) => {
                    self.emit(Op::Dup);
                    self.expr(kind)?;
                    self.emit(Op::JumpIfNotExcMatch(next));
                }
                None if i + 1 < handlers.len() => {
                    return Err(err("default 'except:' must be last", h.pos))
                }
                None => {}
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => self.emit(Op::Pop),
            }
            self.unit().fblocks.push(FBlock::HandlerBody {
                name: h.name.as_deref(),
            });
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopExcept);
            if let Some(n) = &h.name {
                self.load_none();
                self.store_name(n);
                self.delete_name(n);
            }
            self.emit(Op::Jump(end));
            self.place(next);
        }
        self.emit(Op::Reraise);
        self.place(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupFinally(handler));
        self.unit().fblocks.push(FBlock::TryFinally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        self.emit(Op::Jump(end));
        self.place(handler);
        self.unit().fblocks.push(FBlock::FinallyHandler);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::Reraise);
        self.place(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        // The exit is called at the `with` line, as CPython's traceback says of an error
        // `__exit__` raises.
        let with_line = self.unit().line;
        self.expr(&item.context)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit(Op::GetAwaitable);
            self.load_none();
            self.emit(Op::YieldFrom);
            self.emit(Op::SetupAsyncWith(handler));
        } else {
            self.emit(Op::SetupWith(handler));
        }
        match &item.target {
            Some(t) => self.store(t)?,
            None => self.emit(Op::Pop),
        }
        self.unit().fblocks.push(FBlock::With { is_async });
        self.with(rest, body, is_async)?;
        self.unit().fblocks.pop();
        self.unit().line = with_line;
        self.emit(Op::PopBlock);
        self.call_exit_none(is_async);
        self.emit(Op::Jump(end));
        self.place(handler);
        let suppress = self.new_label();
        self.emit(Op::WithExceptStart);
        if is_async {
            self.emit(Op::GetAwaitable);
            self.load_none();
            self.emit(Op::YieldFrom);
        }
        self.emit(Op::PopJumpIfTrue(suppress));
        self.emit(Op::Reraise);
        self.place(suppress);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.place(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        pos: Pos,
    ) -> CResult {
        if !self.in_async() {
            return Err(err("'async for' outside async function", pos));
        }
        let start = self.new_label();
        let handler = self.new_label();
        let exit = self.new_label();
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        self.place(start);
        self.emit(Op::SetupFinally(handler));
        self.emit(Op::GetANext);
        self.load_none();
        self.emit(Op::YieldFrom);
        self.emit(Op::PopBlock);
        self.store(target)?;
        self.unit().fblocks.push(FBlock::Loop {
            start: start as usize,
            exit: exit as usize,
            has_iter: true,
        });
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::Jump(start));
        self.place(handler);
        self.emit(Op::EndAsyncFor);
        self.stmts(orelse)?;
        self.place(exit);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.attr_idx(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Op::DupTwo);
                self.emit(Op::Subscr);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            _ => {
                return Err(err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.pos,
                ))
            }
        }
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target.
    fn store(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    Some(s) => {
                        let after = items.len() - s - 1;
                        if s > 255
                            || items
                                .iter()
                                .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                                .count()
                                > 1
                        {
                            return Err(err("multiple starred expressions in assignment", t.pos));
                        }
                        self.emit(Op::UnpackEx(s as u32 | (after as u32) << 8));
                    }
                    None => self.emit(Op::UnpackSequence(items.len() as u32)),
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(i)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ))
            }
            ExprKind::Call { .. } => {
                return Err(err(
                    "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                    t.pos,
                ))
            }
            ExprKind::Constant(_) => return Err(err("cannot assign to literal", t.pos)),
            _ => return Err(err("cannot assign to expression", t.pos)),
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.pos)),
        }
        Ok(())
    }

    fn qualname_for(&self, name: &str) -> String {
        let u = self.units.last().expect("a unit");
        match u.scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Sets the function on the stack's `__annotations__` when it has any, evaluated now in
    /// the enclosing scope as CPython 3.11 does: `{'item_id': int, 'return': dict}`.
    fn annotate(&mut self, params: &'a Params, returns: Option<&'a Expr>) -> CResult {
        let annotated: Vec<(&str, &Expr)> = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
            .filter_map(|p| p.annotation.as_ref().map(|a| (p.name.as_str(), a)))
            .chain(returns.map(|r| ("return", r)))
            .collect();
        if annotated.is_empty() {
            return Ok(());
        }
        for (name, annotation) in &annotated {
            self.load_const(Value::str(name));
            self.expr(annotation)?;
        }
        self.emit(Op::BuildMap(annotated.len() as u32));
        self.emit(Op::SetAnnotations);
        Ok(())
    }

    /// Pushes defaults, keyword defaults and closure cells, then the code, and makes the
    /// function.
    fn make_function(&mut self, code: Rc<Code>, params: &'a Params) -> CResult {
        let mut flags = 0u8;
        let defaults: Vec<&Expr> = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        if !kwdefaults.is_empty() {
            for p in &kwdefaults {
                self.load_const(Value::str(&p.name));
                if let Some(d) = &p.default {
                    self.expr(d)?;
                }
            }
            self.emit(Op::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                // A class body's `__class__` cell is its own; anything else comes from here.
                let i = self.cell_index(name);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        self.load_const(Value::Code(code));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    fn function_code(
        &mut self,
        scope_node: usize,
        name: &str,
        params: &'a Params,
        is_async: bool,
        line: u32,
        body: FunctionBody<'a>,
    ) -> Result<Rc<Code>, CompileError> {
        let scope = self.scopes.get(scope_node);
        let kind = match (is_async, scope.is_generator) {
            (false, false) => CodeKind::Function,
            (false, true) => CodeKind::Generator,
            (true, false) => CodeKind::Coroutine,
            (true, true) => CodeKind::AsyncGenerator,
        };
        let qualname = self.qualname_for(name);
        self.enter(scope, name, qualname, kind, line);
        match body {
            FunctionBody::Stmts(stmts) => {
                self.stmts(stmts)?;
                self.load_none();
                self.emit(Op::ReturnValue);
            }
            FunctionBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::ReturnValue);
            }
        }
        let code = self.leave();
        let mut code = Rc::try_unwrap(code)
            .unwrap_or_else(|_| unreachable!("a fresh code object has one owner"));
        code.posonly = params.posonly.len() as u32;
        code.argcount = (params.posonly.len() + params.args.len()) as u32;
        code.kwonly = params.kwonly.len() as u32;
        code.varargs = params.vararg.is_some();
        code.varkw = params.kwarg.is_some();
        Ok(Rc::new(code))
    }

    fn function_def(&mut self, f: &'a FunctionDef, pos: Pos) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let code = self.function_code(
            node_id(f),
            &f.name,
            &f.params,
            f.is_async,
            pos.line,
            FunctionBody::Stmts(&f.body),
        )?;
        self.unit().line = pos.line;
        self.make_function(code, &f.params)?;
        self.annotate(&f.params, f.returns.as_ref())?;
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ClassDef, pos: Pos) -> CResult {
        if let Some(k) = c.keywords.first() {
            return Err(err(
                format!(
                    "class keyword '{}' is not supported here",
                    k.arg.as_deref().unwrap_or("**")
                ),
                k.value.pos,
            ));
        }
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = self.scopes.get(node_id(c));
        let qualname = self.qualname_for(&c.name);
        self.enter(scope, &c.name, qualname.clone(), CodeKind::Class, pos.line);
        let module_name = self.name_idx("__name__");
        self.emit(Op::LoadName(module_name));
        let module_slot = self.name_idx("__module__");
        self.emit(Op::StoreName(module_slot));
        self.load_const(Value::str(&qualname));
        let q = self.name_idx("__qualname__");
        self.emit(Op::StoreName(q));
        self.stmts(&c.body)?;
        if scope.needs_class_cell {
            let i = self.cell_index("__class__");
            self.emit(Op::LoadClosure(i));
            let cc = self.name_idx("__classcell__");
            self.emit(Op::StoreName(cc));
        }
        self.load_none();
        self.emit(Op::ReturnValue);
        let code = self.leave();
        self.unit().line = pos.line;
        self.make_function(code, &EMPTY_PARAMS)?;
        self.load_const(Value::str(&c.name));
        for b in &c.bases {
            self.expr(b)?;
        }
        self.emit(Op::BuildClass(c.bases.len() as u32));
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    /// Compiles an expression; the instructions it emits after its parts carry its own line.
    fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.unit().line;
        self.unit().line = e.pos.line;
        let result = self.expr_inner(e);
        self.unit().line = saved;
        result
    }

    fn set_line(&mut self, e: &Expr) {
        self.unit().line = e.pos.line;
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Constant(c) => {
                let v = match c {
                    Constant::None => Value::None,
                    Constant::True => Value::Bool(true),
                    Constant::False => Value::Bool(false),
                    Constant::Ellipsis => Value::Ellipsis,
                    Constant::Int(digits) => crate::int::parse_decimal(digits),
                    Constant::Float(f) => Value::Float(*f),
                    Constant::Str(s) => Value::str(s),
                    Constant::Bytes(b) => Value::Bytes(Rc::from(b.as_slice())),
                };
                self.load_const(v);
            }
            ExprKind::FString(parts) => {
                let n = self.fstring(parts)?;
                if n != 1 {
                    self.emit(Op::BuildString(n));
                }
            }
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict(pairs) => self.dict(pairs)?,
            ExprKind::Starred(_) => return Err(err("can't use starred expression here", e.pos)),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Op::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_none(),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, e)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        match op {
                            BoolOp::And => self.emit(Op::JumpIfFalseOrPop(end)),
                            BoolOp::Or => self.emit(Op::JumpIfTrueOrPop(end)),
                        }
                    }
                }
                self.place(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.emit(Op::Compare(ops[0]));
                } else {
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(right)?;
                        if i + 1 < ops.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.emit(Op::Compare(*op));
                            self.emit(Op::JumpIfFalseOrPop(cleanup));
                        } else {
                            self.emit(Op::Compare(*op));
                        }
                    }
                    self.emit(Op::Jump(end));
                    self.place(cleanup);
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.place(end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                let else_label = self.new_label();
                let end = self.new_label();
                self.expr(test)?;
                self.emit(Op::PopJumpIfFalse(else_label));
                self.expr(body)?;
                self.emit(Op::Jump(end));
                self.place(else_label);
                self.expr(orelse)?;
                self.place(end);
            }
            ExprKind::Lambda { params, body } => {
                let code = self.function_code(
                    node_id(e),
                    "<lambda>",
                    params,
                    false,
                    e.pos.line,
                    FunctionBody::Expr(body),
                )?;
                self.set_line(e);
                self.make_function(code, params)?;
            }
            ExprKind::Comprehension {
                kind,
                elt,
                value,
                generators,
            } => self.comprehension(e, *kind, elt, value.as_deref(), generators)?,
            ExprKind::Await(inner) => {
                if !self.in_async() {
                    let in_comprehension_of_async =
                        self.units.last().map(|u| u.scope.kind) == Some(ScopeKind::Comprehension);
                    if !in_comprehension_of_async {
                        return Err(err("'await' outside async function", e.pos));
                    }
                }
                self.expr(inner)?;
                self.emit(Op::GetAwaitable);
                self.load_none();
                self.emit(Op::YieldFrom);
            }
            ExprKind::Yield(value) => {
                if !self.in_function() {
                    return Err(err("'yield' outside function", e.pos));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(inner) => {
                if !self.in_function() {
                    return Err(err("'yield' outside function", e.pos));
                }
                if self.in_async() {
                    return Err(err("'yield from' inside async function", e.pos));
                }
                self.expr(inner)?;
                self.emit(Op::GetYieldFromIter);
                self.load_none();
                self.emit(Op::YieldFrom);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_name(target);
            }
        }
        Ok(())
    }

    /// Pushes the parts of an f-string; returns how many strings it pushed.
    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<u32, CompileError> {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    self.load_const(Value::str(s));
                    n += 1;
                }
                FStringPart::Value {
                    value,
                    text,
                    conversion,
                    spec,
                    debug,
                } => {
                    if *debug {
                        self.load_const(Value::str(text));
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut flags = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        None if *debug && spec.is_empty() => 2,
                        _ => 0,
                    };
                    if !spec.is_empty() {
                        let k = self.fstring(spec)?;
                        if k != 1 {
                            self.emit(Op::BuildString(k));
                        }
                        flags |= 4;
                    }
                    self.emit(Op::Format(flags));
                    n += 1;
                }
            }
        }
        if n == 0 {
            self.load_const(Value::str(""));
            n = 1;
        }
        Ok(n)
    }

    fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> CResult {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::List => Op::BuildList(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(if kind == SeqKind::Set {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if kind == SeqKind::Set {
                        Op::SetUpdate(1)
                    } else {
                        Op::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if kind == SeqKind::Set {
                        Op::SetAdd(1)
                    } else {
                        Op::ListAppend(1)
                    });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, pairs: &'a [(Option<Expr>, Expr)]) -> CResult {
        if pairs.iter().all(|(k, _)| k.is_some()) {
            for (k, v) in pairs {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.emit(Op::BuildMap(pairs.len() as u32));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for (k, v) in pairs {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        e: &'a Expr,
    ) -> CResult {
        // `super()` in a method is `super(__class__, <first argument>)`, as CPython's compiler
        // arranges through the `__class__` cell.
        if let ExprKind::Name(n) = &func.kind {
            if n == "super" && args.is_empty() && keywords.is_empty() && self.in_function() {
                let scope = self.units.last().expect("a unit").scope;
                if let Some(first) = scope.varnames.first().cloned() {
                    if scope.freevars.iter().any(|f| f == "__class__") {
                        self.load_name("super");
                        let i = self.cell_index("__class__");
                        self.emit(Op::LoadDeref(i));
                        self.load_name(&first);
                        self.set_line(e);
                        self.emit(Op::Call(2));
                        return Ok(());
                    }
                }
            }
        }
        self.expr(func)?;
        let needs_ex = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !needs_ex {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.set_line(e);
            if keywords.is_empty() {
                self.emit(Op::Call(args.len() as u32));
            } else {
                let names: Vec<Value> = keywords
                    .iter()
                    .map(|k| Value::str(k.arg.as_deref().unwrap_or("")))
                    .collect();
                self.load_const(Value::tuple(names));
                self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        self.sequence(args, SeqKind::Tuple)?;
        if !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) {
            // `sequence` built a tuple directly.
        }
        let has_kw = !keywords.is_empty();
        if has_kw {
            self.emit(Op::BuildMap(0));
            for k in keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Value::str(name));
                        self.expr(&k.value)?;
                        self.emit(Op::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DictMerge(1));
                    }
                }
            }
        }
        self.set_line(e);
        self.emit(Op::CallEx(has_kw));
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: ComprehensionKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Generator],
    ) -> CResult {
        let scope = self.scopes.get(node_id(e));
        let name = match kind {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        };
        let code_kind = match (kind == ComprehensionKind::Generator, scope.is_async) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Generator,
            (false, true) => CodeKind::Coroutine,
            (false, false) => CodeKind::Function,
        };
        let qualname = self.qualname_for(name);
        let Some(first) = generators.first() else {
            return Err(err("invalid syntax", e.pos));
        };
        self.enter(scope, name, qualname, code_kind, e.pos.line);
        match kind {
            ComprehensionKind::List => self.emit(Op::BuildList(0)),
            ComprehensionKind::Set => self.emit(Op::BuildSet(0)),
            ComprehensionKind::Dict => self.emit(Op::BuildMap(0)),
            ComprehensionKind::Generator => {}
        }
        self.comprehension_loop(kind, elt, value, generators, 0)?;
        if kind == ComprehensionKind::Generator {
            self.load_none();
        }
        self.emit(Op::ReturnValue);
        let code = self.leave();
        let mut code = Rc::try_unwrap(code)
            .unwrap_or_else(|_| unreachable!("a fresh code object has one owner"));
        code.argcount = 1;
        let code = Rc::new(code);
        self.set_line(e);
        self.make_function(code, &EMPTY_PARAMS)?;
        self.expr(&first.iter)?;
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if code_kind == CodeKind::Coroutine {
            self.emit(Op::GetAwaitable);
            self.load_none();
            self.emit(Op::YieldFrom);
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: ComprehensionKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        generators: &'a [Generator],
        depth: usize,
    ) -> CResult {
        let g = &generators[depth];
        let start = self.new_label();
        let exit = self.new_label();
        let handler = self.new_label();
        if depth == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        self.place(start);
        if g.is_async {
            self.emit(Op::SetupFinally(handler));
            self.emit(Op::GetANext);
            self.load_none();
            self.emit(Op::YieldFrom);
            self.emit(Op::PopBlock);
        } else {
            self.emit(Op::ForIter(exit));
        }
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            self.emit(Op::PopJumpIfFalse(start));
        }
        if depth + 1 < generators.len() {
            self.comprehension_loop(kind, elt, value, generators, depth + 1)?;
        } else {
            let below = depth as u32 + 2;
            match kind {
                ComprehensionKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(below));
                }
                ComprehensionKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(below));
                }
                ComprehensionKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd(below));
                }
                ComprehensionKind::Generator => {
                    self.expr(elt)?;
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::Jump(start));
        if g.is_async {
            self.place(handler);
            self.emit(Op::EndAsyncFor);
            self.place(exit);
        } else {
            self.place(exit);
            self.place(handler);
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    Tuple,
    List,
    Set,
}

enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

static EMPTY_PARAMS: Params = Params {
    posonly: Vec::new(),
    args: Vec::new(),
    vararg: None,
    kwonly: Vec::new(),
    kwarg: None,
};

fn clone_fblock<'a>(b: &FBlock<'a>) -> FBlock<'a> {
    match b {
        FBlock::Loop {
            start,
            exit,
            has_iter,
        } => FBlock::Loop {
            start: *start,
            exit: *exit,
            has_iter: *has_iter,
        },
        FBlock::TryFinally(body) => FBlock::TryFinally(body),
        FBlock::With { is_async } => FBlock::With {
            is_async: *is_async,
        },
        FBlock::HandlerBody { name } => FBlock::HandlerBody { name: *name },
        FBlock::FinallyHandler => FBlock::FinallyHandler,
    }
}

fn param_count(s: &ScopeInfo) -> usize {
    match s.kind {
        ScopeKind::Function | ScopeKind::Comprehension => s.varnames.len().min(count_params(s)),
        _ => 0,
    }
}

fn count_params(s: &ScopeInfo) -> usize {
    s.params_len()
}
