//! Where each name of a program lives: the symbol table the compiler reads, as CPython's
//! `symtable.c` builds it.
//!
//! A first walk collects, per scope, the names it binds, uses and declares `global` or
//! `nonlocal`; a second resolves each name to a local, a cell (a local some inner function
//! captures), a free variable (captured from an outer function), a global, or a namespace name
//! (module and class bodies).

use std::collections::HashMap;

use crate::ast::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    Local,
    Cell,
    Free,
    /// Declared `global`, or used in a function without being bound anywhere around it.
    Global,
    /// Module and class bodies: looked up in the namespace, then globals, then builtins.
    Name,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

#[derive(Debug)]
pub struct ScopeInfo {
    pub kind: ScopeKind,
    pub bindings: HashMap<String, Binding>,
    /// Parameters in order, then the other locals in the order first bound.
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// It contains `yield` (a generator, or an async generator if it is `async`).
    pub is_generator: bool,
    /// It contains `await`, `async for` or `async with` (a comprehension that does is awaited).
    pub is_async: bool,
    /// A class body whose methods use `super()` or `__class__`: it has a `__class__` cell.
    pub needs_class_cell: bool,
    children: Vec<usize>,
    assigned: Vec<String>,
    used: Vec<String>,
    globals: Vec<String>,
    nonlocals: Vec<String>,
    params: Vec<String>,
    parent: Option<usize>,
    line: u32,
}

/// Every scope of a module, found by the address of the node that makes it.
pub struct Scopes {
    infos: Vec<ScopeInfo>,
    by_node: HashMap<usize, usize>,
}

/// A name declared in a way Python refuses (`nonlocal` with no binding, …).
#[derive(Debug)]
pub struct ScopeError {
    pub msg: String,
    pub line: u32,
}

impl ScopeInfo {
    /// How many of the varnames are parameters.
    pub fn params_len(&self) -> usize {
        self.params.len()
    }
}

impl Scopes {
    pub fn get(&self, node: usize) -> &ScopeInfo {
        &self.infos[self.by_node[&node]]
    }
    pub fn module(&self) -> &ScopeInfo {
        &self.infos[0]
    }
}

pub fn node_id<T>(node: &T) -> usize {
    node as *const T as usize
}

pub fn analyze(module: &Module) -> Result<Scopes, ScopeError> {
    let mut b = Builder {
        infos: Vec::new(),
        by_node: HashMap::new(),
        current: 0,
    };
    b.push(ScopeKind::Module, node_id(module), 1);
    b.stmts(&module.body);
    b.resolve()?;
    Ok(Scopes {
        infos: b.infos,
        by_node: b.by_node,
    })
}

struct Builder {
    infos: Vec<ScopeInfo>,
    by_node: HashMap<usize, usize>,
    current: usize,
}

fn add(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, node: usize, line: u32) -> usize {
        let id = self.infos.len();
        let parent = if id == 0 { None } else { Some(self.current) };
        self.infos.push(ScopeInfo {
            kind,
            bindings: HashMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            is_async: false,
            needs_class_cell: false,
            children: Vec::new(),
            assigned: Vec::new(),
            used: Vec::new(),
            globals: Vec::new(),
            nonlocals: Vec::new(),
            params: Vec::new(),
            parent,
            line,
        });
        if let Some(p) = parent {
            self.infos[p].children.push(id);
        }
        self.by_node.insert(node, id);
        self.current = id;
        id
    }
    fn cur(&mut self) -> &mut ScopeInfo {
        &mut self.infos[self.current]
    }
    fn bind(&mut self, name: &str) {
        add(&mut self.cur().assigned, name);
    }
    fn use_name(&mut self, name: &str) {
        add(&mut self.cur().used, name);
    }

    fn params(&mut self, params: &Params) {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        let names: Vec<String> = all
            .map(|p| p.name.clone())
            .chain(params.vararg.iter().map(|p| p.name.clone()))
            .chain(params.kwarg.iter().map(|p| p.name.clone()))
            .collect();
        for n in names {
            add(&mut self.cur().params, &n);
        }
    }
    fn param_extras(&mut self, params: &Params) {
        // Defaults and annotations are evaluated in the enclosing scope.
        for p in params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
        {
            if let Some(d) = &p.default {
                self.expr(d);
            }
            if let Some(a) = &p.annotation {
                self.expr(a);
            }
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v);
                    self.target(target);
                } else if !matches!(target.kind, ExprKind::Name(_)) {
                    self.expr(target);
                }
                self.expr(annotation);
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.param_extras(&f.params);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.bind(&f.name);
                let outer = self.current;
                self.push(ScopeKind::Function, node_id(&**f), s.pos.line);
                self.cur().is_async = f.is_async;
                self.params(&f.params);
                self.stmts(&f.body);
                self.current = outer;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name);
                let outer = self.current;
                self.push(ScopeKind::Class, node_id(&**c), s.pos.line);
                self.stmts(&c.body);
                self.current = outer;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.cur().is_async = true;
                }
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async {
                    self.cur().is_async = true;
                }
                for item in items {
                    self.expr(&item.context);
                    if let Some(t) = &item.target {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(k) = &h.kind {
                        self.expr(k);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.bind(a.asname.as_ref().unwrap_or(&a.name));
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    add(&mut self.cur().globals, n);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    add(&mut self.cur().nonlocals, n);
                }
            }
        }
    }

    /// A name being bound (an assignment target, a `for` target, `del`).
    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.use_name(n);
                if n == "super" {
                    self.use_name("__class__");
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(inner) | ExprKind::Await(inner) | ExprKind::YieldFrom(inner) => {
                match &e.kind {
                    ExprKind::Await(_) => self.cur().is_async = true,
                    ExprKind::YieldFrom(_) => self.cur().is_generator = true,
                    _ => {}
                }
                self.expr(inner)
            }
            ExprKind::Yield(v) => {
                self.cur().is_generator = true;
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.param_extras(params);
                let outer = self.current;
                self.push(ScopeKind::Function, node_id(e), e.pos.line);
                self.params(params);
                self.expr(body);
                self.current = outer;
            }
            ExprKind::Comprehension {
                elt,
                value,
                generators,
                kind,
            } => {
                // The first iterable is evaluated where the comprehension is written.
                if let Some(first) = generators.first() {
                    self.expr(&first.iter);
                }
                let outer = self.current;
                self.push(ScopeKind::Comprehension, node_id(e), e.pos.line);
                add(&mut self.cur().params, ".0");
                for (i, g) in generators.iter().enumerate() {
                    if g.is_async {
                        self.cur().is_async = true;
                    }
                    if i > 0 {
                        self.expr(&g.iter);
                    }
                    self.target(&g.target);
                    for c in &g.ifs {
                        self.expr(c);
                    }
                }
                self.expr(elt);
                if let Some(v) = value {
                    self.expr(v);
                }
                if *kind == ComprehensionKind::Generator {
                    self.cur().is_generator = true;
                }
                self.current = outer;
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                // In a comprehension, `:=` binds in the enclosing function (PEP 572).
                let mut scope = self.current;
                while self.infos[scope].kind == ScopeKind::Comprehension {
                    add(&mut self.infos[scope].used, target);
                    add(&mut self.infos[scope].nonlocals, target);
                    scope = self.infos[scope].parent.unwrap_or(0);
                }
                add(&mut self.infos[scope].assigned, target);
            }
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Value { value, spec, .. } = p {
                self.expr(value);
                self.fstring(spec);
            }
        }
    }

    fn resolve(&mut self) -> Result<(), ScopeError> {
        for id in 0..self.infos.len() {
            self.resolve_scope(id)?;
        }
        Ok(())
    }

    /// Resolves one scope's names; its parents are resolved already (scopes are numbered in
    /// the order they open), so a free name can mark the cell it captures.
    fn resolve_scope(&mut self, id: usize) -> Result<(), ScopeError> {
        let info = &self.infos[id];
        let kind = info.kind;
        let mut names: Vec<String> = info.params.clone();
        for n in info.assigned.iter().chain(&info.used) {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        let globals = info.globals.clone();
        let nonlocals = info.nonlocals.clone();
        let params = info.params.clone();
        let assigned = info.assigned.clone();
        let line = info.line;
        let mut varnames = params.clone();
        for name in names {
            let binding = if globals.contains(&name) {
                Binding::Global
            } else if nonlocals.contains(&name) {
                match self.capture(id, &name) {
                    Some(()) => Binding::Free,
                    None if self.infos[id].kind == ScopeKind::Comprehension => Binding::Global,
                    None => {
                        return Err(ScopeError {
                            msg: format!("no binding for nonlocal '{name}' found"),
                            line,
                        });
                    }
                }
            } else {
                match kind {
                    ScopeKind::Module => Binding::Name,
                    ScopeKind::Class if assigned.contains(&name) => Binding::Name,
                    ScopeKind::Class => {
                        if name == "__class__" {
                            Binding::Name
                        } else if self.capture(id, &name).is_some() {
                            Binding::Free
                        } else {
                            Binding::Name
                        }
                    }
                    ScopeKind::Function | ScopeKind::Comprehension => {
                        if params.contains(&name) || assigned.contains(&name) {
                            if !varnames.contains(&name) {
                                varnames.push(name.clone());
                            }
                            Binding::Local
                        } else if self.capture(id, &name).is_some() {
                            Binding::Free
                        } else {
                            Binding::Global
                        }
                    }
                }
            };
            if binding == Binding::Free {
                add(&mut self.infos[id].freevars, &name);
            }
            self.infos[id].bindings.insert(name, binding);
        }
        self.infos[id].varnames = varnames;
        Ok(())
    }

    /// Finds the function around scope `id` that binds `name` and makes it a cell there, and a
    /// free variable of every function in between. Class scopes are skipped, as in Python.
    fn capture(&mut self, id: usize, name: &str) -> Option<()> {
        let mut path = Vec::new();
        let mut scope = self.infos[id].parent;
        while let Some(s) = scope {
            let info = &self.infos[s];
            match info.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {
                    if name == "__class__" {
                        self.infos[s].needs_class_cell = true;
                        add(&mut self.infos[s].cellvars, "__class__");
                        self.pass_through(&path, name);
                        return Some(());
                    }
                    // A class body passes the cell on to its methods without seeing it.
                    path.push(s);
                }
                ScopeKind::Function | ScopeKind::Comprehension => {
                    let binds = (info.params.iter().any(|n| n == name)
                        || info.assigned.iter().any(|n| n == name))
                        && !info.globals.iter().any(|n| n == name);
                    let passes = info.nonlocals.iter().any(|n| n == name)
                        || matches!(info.bindings.get(name), Some(Binding::Free));
                    if binds && !info.nonlocals.iter().any(|n| n == name) {
                        add(&mut self.infos[s].cellvars, name);
                        self.infos[s]
                            .bindings
                            .insert(name.to_string(), Binding::Cell);
                        self.pass_through(&path, name);
                        return Some(());
                    }
                    if passes {
                        path.push(s);
                    } else if info.globals.iter().any(|n| n == name) {
                        return None;
                    } else {
                        path.push(s);
                    }
                }
            }
            scope = self.infos[s].parent;
        }
        None
    }

    /// Makes `name` a free variable of each scope a captured cell passes through.
    fn pass_through(&mut self, path: &[usize], name: &str) {
        for &p in path {
            add(&mut self.infos[p].freevars, name);
            let info = &mut self.infos[p];
            if info.kind != ScopeKind::Class || !info.bindings.contains_key(name) {
                info.bindings.insert(name.to_string(), Binding::Free);
            }
        }
    }
}
