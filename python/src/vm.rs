//! The virtual machine: runs code objects frame by frame.
//!
//! A frame is a heap object, so a generator or coroutine keeps its frame between steps. `await`
//! is `yield from` on the awaitable: a chain of coroutines passes what the innermost one waits on
//! out to whoever steps the outermost (the host's task), and the value the host sends back comes
//! in the same way, as in CPython.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::code::{Code, CodeKind, NameCache, Op};
use crate::dict::{Dict, Set};
use crate::exceptions::{self, name_error, type_error};
use crate::types::{exc_class, type_name, Exc};
use crate::value::*;

/// What the interpreter needs from the page (or the test) it runs in.
pub trait Host {
    /// Text the program printed; `line` is the listing's line of the call that printed it.
    fn write(&self, text: &str, line: u32);
    /// What the program or the interpreter wrote to standard error (warnings, asyncio's log).
    fn write_err(&self, text: &str);
    /// `time.time()` and `time.monotonic()`: seconds on the host's clock.
    fn time(&self) -> f64;
    /// `time.sleep(secs)`: blocks the loop, as in Python.
    fn sleep_blocking(&self, secs: f64);
    /// A module the host provides (`asyncio`): `None` if it has none of that name.
    fn import(&self, vm: &mut Vm, name: &str) -> Option<PyResult>;
    /// Called every few thousand instructions: an `Err` stops the program with that message
    /// (a step that never awaits, or Stop pressed).
    fn check_budget(&self, line: u32) -> Result<(), String> {
        let _ = line;
        Ok(())
    }
    /// A step of the program begins (the host's loop resumes it): the budget starts again.
    fn begin_step(&self) {}
    /// The bytes of a file the program may read, for `open(path)`: one of the host's
    /// read-only folder, or one kept from before the program (the page's private file
    /// system); `None` if it has no file of that name (a host with no files has none).
    fn read_file(&self, path: &str) -> Option<Rc<[u8]>> {
        let _ = path;
        None
    }
    /// Keeps a write of a file `open()` made for writing: with `truncate` (`open(path, "w")`)
    /// the file is first emptied (made if missing), and `bytes` are appended. An `Err` is the
    /// `OSError`'s message. A host with no place for files keeps nothing.
    fn write_file(&self, path: &str, bytes: &[u8], truncate: bool) -> Result<(), String> {
        let _ = (path, bytes, truncate);
        Err("this host keeps no files".to_string())
    }
}

/// What the outermost running frame is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Top {
    /// The module body: a call at its level may block it (`asyncio.run`).
    Module,
    /// A greenlet's function: a call at its level may suspend it (`gr.switch()`).
    Greenlet,
    /// Anything else (a coroutine, a callback).
    Other,
}

/// How deep Python calls may nest before `RecursionError` (CPython's default limit).
pub const RECURSION_LIMIT: u32 = 1000;

pub struct Vm {
    pub host: Rc<dyn Host>,
    pub builtins: Rc<Module>,
    pub modules: Vec<(Str, Value)>,
    /// The exceptions being handled (`except` blocks entered), innermost last.
    exc_stack: Vec<Exception>,
    depth: u32,
    /// The line of the innermost Python call being made (for `print`'s line).
    pub call_line: u32,
    /// Set by a call that blocks the program until the loop finishes something
    /// (`asyncio.run(main())`): the module's frame yields this to its host and resumes with the
    /// result.
    pub block_on: Option<Value>,
    /// Set by a call that suspends the greenlet making it (`gr.switch()`, `gevent.sleep()`),
    /// with the call's name: the greenlet's function yields the value to whoever steps it
    /// and resumes with what it is sent, as a coroutine at an `await`.
    pub suspend: Option<(Value, &'static str)>,
    /// What the frame the host stepped is (the outermost one running): whether a call made
    /// in it at its own level may block or suspend it.
    top: Top,
    /// The files the program wrote, by name, with their bytes as written so far (what a file
    /// appended to held before, then what was appended): `open()` reads them from here.
    pub written: Vec<(Str, Vec<u8>)>,
    /// How deep calls may nest: CPython's 1000 by default; a host with a smaller stack (a
    /// browser) sets less.
    pub recursion_limit: u32,
    ticks: u32,
    /// Buffers of frames and calls that returned, for the next calls to reuse: a plain call
    /// then allocates nothing (fib(25) makes 250 000 of them).
    spare: Spare,
}

/// See [`Vm::spare`].
#[derive(Default)]
struct Spare {
    stacks: Vec<Vec<Value>>,
    locals: Vec<Vec<Option<Value>>>,
    args: Vec<Vec<Value>>,
}

impl Spare {
    /// How many buffers of each kind are kept, and how large one may be to be kept.
    const KEPT: usize = 64;
    const LARGEST: usize = 64;

    fn keep<T>(pool: &mut Vec<Vec<T>>, mut buffer: Vec<T>) {
        if pool.len() < Self::KEPT && buffer.capacity() <= Self::LARGEST {
            buffer.clear();
            pool.push(buffer);
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    /// `try` (and `with`, `async for`): an exception goes to the handler.
    Finally,
    /// Inside an `except`/`finally` handler entered for an exception.
    Handler,
}

#[derive(Clone, Copy, Debug)]
struct Block {
    kind: BlockKind,
    handler: u32,
    level: usize,
}

pub struct Frame {
    pub code: Rc<Code>,
    pc: usize,
    stack: Vec<Value>,
    locals: Vec<Option<Value>>,
    cells: Vec<Rc<RefCell<Option<Value>>>>,
    blocks: Vec<Block>,
    pub globals: Rc<Module>,
    /// A class body's namespace.
    namespace: Option<Rc<RefCell<Dict>>>,
    /// The exceptions this frame was handling when it suspended.
    saved_exc: Vec<Exception>,
    /// A greenlet's function: it suspends where a call asks it to (see [`Vm::suspend`]).
    greenlet: bool,
}

impl Frame {
    pub fn line(&self) -> u32 {
        self.code.line_at(self.pc.saturating_sub(1))
    }
}

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// What an instruction asks of the loop: to leave the frame, or to make a call.
enum Flow {
    Exit(Exit),
    Call(Value, Args),
    /// `CALL` with this many positional arguments on the stack, above the callable.
    CallStack(usize),
}

/// How a suspended frame is resumed.
pub enum Resume {
    Send(Value),
    Throw(Exception),
}

impl Vm {
    pub fn new(host: Rc<dyn Host>) -> Vm {
        // What an earlier program left suspended is not this one's to close: dropped (each
        // frame may hold more, so until none is left).
        loop {
            let left =
                crate::value::DROPPED_SUSPENDED.with(|d| std::mem::take(&mut *d.borrow_mut()));
            if left.is_empty() {
                break;
            }
            drop(left);
        }
        let builtins = crate::builtins::module();
        Vm {
            host,
            builtins,
            modules: Vec::new(),
            exc_stack: Vec::new(),
            depth: 0,
            call_line: 0,
            block_on: None,
            suspend: None,
            top: Top::Other,
            written: Vec::new(),
            recursion_limit: RECURSION_LIMIT,
            ticks: 0,
            spare: Spare::default(),
        }
    }

    /// Compiles and runs a program as the module `__main__`.
    pub fn run_main(&mut self, code: Rc<Code>) -> PyResult {
        let globals = Rc::new(Module {
            name: Rc::from("__main__"),
            dict: RefCell::new(Dict::new()),
        });
        globals
            .dict
            .borrow_mut()
            .set_str("__name__", Value::str("__main__"));
        let mut frame = Frame::new(code, globals, None);
        match self.run_frame(&mut frame, None)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(exceptions::runtime_error("'yield' outside function")),
        }
    }

    /// The program's module body as a generator its host steps: it yields what a blocking
    /// call (`asyncio.run`) waits on.
    pub fn main_generator(&mut self, code: Rc<Code>) -> Rc<Generator> {
        let globals = Rc::new(Module {
            name: Rc::from("__main__"),
            dict: RefCell::new(Dict::new()),
        });
        globals
            .dict
            .borrow_mut()
            .set_str("__name__", Value::str("__main__"));
        Rc::new(Generator {
            kind: GenKind::Generator,
            name: Rc::from("<module>"),
            qualname: Rc::from("<module>"),
            frame: RefCell::new(Some(Box::new(Frame::new(code, globals, None)))),
            state: std::cell::Cell::new(GenState::Created),
            awaited: std::cell::Cell::new(true),
            running_async: std::cell::Cell::new(false),
        })
    }

    /// Writes out the warnings raised where no interpreter was at hand.
    /// Closes the generators dropped while suspended (see `DROPPED_SUSPENDED`): their `finally`
    /// blocks run; an error one raises is reported, not raised, as CPython reports it.
    fn close_dropped_generators(&mut self) {
        crate::value::ANY_DROPPED_SUSPENDED.with(|any| any.set(false));
        let dropped = crate::value::DROPPED_SUSPENDED.with(|d| {
            let mut d = d.borrow_mut();
            if d.is_empty() {
                Vec::new()
            } else {
                std::mem::take(&mut *d)
            }
        });
        for (name, qualname, frame) in dropped {
            let g = Rc::new(Generator {
                kind: GenKind::Generator,
                name,
                qualname,
                frame: RefCell::new(Some(frame)),
                state: std::cell::Cell::new(GenState::Suspended),
                awaited: std::cell::Cell::new(false),
                running_async: std::cell::Cell::new(false),
            });
            let closed = crate::generator::close(self, &g);
            // Closed once, whatever it did: it is not dropped suspended again.
            g.state.set(GenState::Closed);
            g.frame.borrow_mut().take();
            if let Err(e) = closed {
                let summary = crate::traceback::summary(self, &e);
                self.host.write_err(&format!(
                    "Exception ignored in: <generator object {}>\n{summary}\n",
                    g.qualname
                ));
            }
        }
    }

    pub fn flush_warnings(&self) {
        let pending = PENDING_WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()));
        for w in pending {
            self.host.write_err(&format!("{w}\n"));
        }
    }

    pub fn builtin(&self, name: &str) -> Option<Value> {
        self.builtins.dict.borrow().get_str(name)
    }

    /// `LOAD_GLOBAL`: the module's name, else the builtin, found where the code's cache says
    /// while neither dict's keys have changed (no hashing then), else looked up and cached.
    fn load_global(&self, frame: &Frame, i: usize) -> Option<Value> {
        let cache = &frame.code.global_cache[i];
        let globals = frame.globals.dict.borrow();
        let seen = cache.get();
        if seen.globals == globals.layout() {
            if seen.builtins == 0 {
                return globals.value_at(seen.slot as usize);
            }
            let builtins = self.builtins.dict.borrow();
            if seen.builtins == builtins.layout() {
                return builtins.value_at(seen.slot as usize);
            }
        }
        let name = &frame.code.names[i];
        if let Some(slot) = globals.slot_of_str(name) {
            cache.set(NameCache {
                globals: globals.layout(),
                builtins: 0,
                slot: slot as u32,
            });
            return globals.value_at(slot);
        }
        let builtins = self.builtins.dict.borrow();
        let slot = builtins.slot_of_str(name)?;
        cache.set(NameCache {
            globals: globals.layout(),
            builtins: builtins.layout(),
            slot: slot as u32,
        });
        builtins.value_at(slot)
    }

    /// The exception being handled (`sys.exc_info()[1]`).
    pub fn handling(&self) -> Option<&Exception> {
        self.exc_stack.last()
    }

    // ----- calls -------------------------------------------------------------------------

    /// Calls any callable with positional and keyword arguments.
    pub fn call(&mut self, func: &Value, args: Args) -> PyResult {
        match func {
            Value::Function(f) => self.call_function(f, args),
            Value::Builtin(b) => (b.func)(self, b.this.as_ref(), args),
            Value::Method(m) => {
                let (this, f) = (&m.0, &m.1);
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(this.clone());
                pos.extend(args.pos);
                self.call(f, Args { pos, kw: args.kw })
            }
            Value::Class(c) => crate::class::call_class(self, c, args),
            Value::Partial(p) => {
                let mut pos = p.args.clone();
                pos.extend(args.pos);
                let mut kw = p.kw.clone();
                for (k, v) in args.kw {
                    match kw.iter_mut().find(|(n, _)| *n == k) {
                        Some(slot) => slot.1 = v,
                        None => kw.push((k, v)),
                    }
                }
                self.call(&p.func, Args { pos, kw })
            }
            Value::Instance(_) => match crate::class::lookup_special(func, "__call__") {
                Some(call) => self.call_bound(&call, func, args),
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    type_name(func)
                ))),
            },
            // A host object with a `__call__` (a response called as an ASGI app).
            Value::Host(h) => match h.get_attr(self, h, "__call__") {
                Some(call) => self.call(&call?, args),
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    type_name(func)
                ))),
            },
            Value::Descriptor(d) => match &**d {
                Descriptor::StaticMethod(f) => self.call(&f.clone(), args),
                _ => Err(type_error(format!(
                    "'{}' object is not callable",
                    type_name(func)
                ))),
            },
            _ => Err(type_error(format!(
                "'{}' object is not callable",
                type_name(func)
            ))),
        }
    }

    /// Calls a function found on a class with `this` as its first argument.
    pub fn call_bound(&mut self, func: &Value, this: &Value, args: Args) -> PyResult {
        let mut pos = Vec::with_capacity(args.pos.len() + 1);
        pos.push(this.clone());
        pos.extend(args.pos);
        self.call(func, Args { pos, kw: args.kw })
    }

    pub fn call1(&mut self, func: &Value, arg: Value) -> PyResult {
        self.call(func, Args::new(vec![arg]))
    }

    fn call_function(&mut self, f: &Rc<Function>, args: Args) -> PyResult {
        let mut frame = Frame::with_buffers(
            f.code.clone(),
            f.globals.clone(),
            None,
            self.spare.stacks.pop().unwrap_or_default(),
            self.spare.locals.pop().unwrap_or_default(),
        );
        if let Err(e) = self.bind_args(f, &mut frame, args) {
            self.recycle(frame);
            return Err(e);
        }
        frame.cells.extend(f.closure.iter().cloned());
        match f.code.kind {
            CodeKind::Function => {}
            CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator => {
                let kind = match f.code.kind {
                    CodeKind::Generator => GenKind::Generator,
                    CodeKind::Coroutine => GenKind::Coroutine,
                    _ => GenKind::AsyncGenerator,
                };
                return Ok(Value::Generator(Rc::new(Generator {
                    kind,
                    name: f.code.name.clone(),
                    qualname: f.qualname.clone(),
                    frame: RefCell::new(Some(Box::new(frame))),
                    state: std::cell::Cell::new(GenState::Created),
                    awaited: std::cell::Cell::new(false),
                    running_async: std::cell::Cell::new(false),
                })));
            }
            CodeKind::Module | CodeKind::Class => {}
        }
        let exit = self.run_frame(&mut frame, None);
        self.recycle(frame);
        match exit? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(exceptions::runtime_error("a function yielded")),
        }
    }

    /// What a call being made now could do to the frame making it: `Some(Top::Module)` when
    /// it is the module body's own call (which may block it), `Some(Top::Greenlet)` when it
    /// is a greenlet's function's own call (which may suspend it), else `None`.
    pub fn caller_can_wait(&self) -> Option<Top> {
        (self.depth == 1 && self.top != Top::Other).then_some(self.top)
    }

    /// A greenlet's body: `func(*args)` as a frame that suspends where a call asks it to
    /// ([`Vm::suspend`]), stepped as a coroutine is. `func` is a plain Python function (or a
    /// method of one).
    pub fn greenlet(&mut self, func: &Value, mut args: Args) -> PyResult<Rc<Generator>> {
        let (f, name, qualname) = match func {
            Value::Function(f) => (f.clone(), f.code.name.clone(), f.qualname.clone()),
            Value::Method(m) if matches!(&m.1, Value::Function(_)) => {
                let Value::Function(f) = &m.1 else {
                    unreachable!("matched above")
                };
                args.pos.insert(0, m.0.clone());
                (f.clone(), f.code.name.clone(), f.qualname.clone())
            }
            // Anything else (a built-in, a class) is called from a Python body of the host's
            // (`_host.call`), at whose level a greenlet may wait; the body takes its name.
            _ => {
                let host = self.import("_host")?;
                let Value::Function(call) = crate::attr::get_attr(self, &host, "call")? else {
                    return Err(exceptions::runtime_error("_host.call is not a function"));
                };
                let name = match crate::attr::get_attr(self, func, "__name__") {
                    Ok(Value::Str(name)) => name,
                    _ => Rc::from(type_name(func)),
                };
                args.pos.insert(0, func.clone());
                (call, name.clone(), name)
            }
        };
        if f.code.kind != CodeKind::Function {
            return Err(exceptions::unsupported(
                "a greenlet running a generator or async function",
            ));
        }
        let mut frame = Frame::new(f.code.clone(), f.globals.clone(), None);
        self.bind_args(&f, &mut frame, args)?;
        frame.cells.extend(f.closure.iter().cloned());
        frame.greenlet = true;
        Ok(Rc::new(Generator {
            kind: GenKind::Coroutine,
            name,
            qualname,
            frame: RefCell::new(Some(Box::new(frame))),
            state: std::cell::Cell::new(GenState::Created),
            awaited: std::cell::Cell::new(true),
            running_async: std::cell::Cell::new(false),
        }))
    }

    /// `CALL`: calls the callable under the top `argc` values of `frame`'s stack with them.
    /// A plain function given exactly its positional parameters (fib's call) gets them moved
    /// straight into its frame's locals: no argument list, no binding.
    fn call_from_stack(&mut self, frame: &mut Frame, argc: usize) -> PyResult {
        let base = frame.stack.len() - argc;
        let plain = match &frame.stack[base - 1] {
            Value::Function(f) => {
                let code = &f.code;
                (code.kind == CodeKind::Function
                    && argc == code.argcount as usize
                    && code.kwonly == 0
                    && !code.varargs
                    && !code.varkw)
                    .then(|| f.clone())
            }
            _ => None,
        };
        let Some(f) = plain else {
            let mut args = self.spare.args.pop().unwrap_or_default();
            args.extend(frame.stack.drain(base..));
            let func = Self::pop(frame);
            return self.call(&func, Args::new(args));
        };
        let mut locals = self.spare.locals.pop().unwrap_or_default();
        for v in frame.stack.drain(base..) {
            locals.push(Some(v));
        }
        frame.stack.pop();
        let mut callee = Frame::with_buffers(
            f.code.clone(),
            f.globals.clone(),
            None,
            self.spare.stacks.pop().unwrap_or_default(),
            locals,
        );
        Self::params_to_cells(&f.code, &mut callee);
        callee.cells.extend(f.closure.iter().cloned());
        let exit = self.run_frame(&mut callee, None);
        self.recycle(callee);
        match exit? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(exceptions::runtime_error("a function yielded")),
        }
    }

    /// Keeps a returned frame's buffers for the next calls (see [`Vm::spare`]).
    fn recycle(&mut self, mut frame: Frame) {
        Spare::keep(&mut self.spare.stacks, std::mem::take(&mut frame.stack));
        Spare::keep(&mut self.spare.locals, std::mem::take(&mut frame.locals));
    }

    /// Runs a class body with its namespace; returns the namespace.
    pub fn run_class_body(&mut self, body: &Value) -> PyResult<Rc<RefCell<Dict>>> {
        let Value::Function(f) = body else {
            return Err(type_error("class body is not a function"));
        };
        let ns = Rc::new(RefCell::new(Dict::new()));
        let mut frame = Frame::new(f.code.clone(), f.globals.clone(), Some(ns.clone()));
        frame.cells.extend(f.closure.iter().cloned());
        self.run_frame(&mut frame, None)?;
        Ok(ns)
    }

    /// Puts the call's arguments into the new frame's locals, with CPython's errors.
    fn bind_args(&mut self, f: &Function, frame: &mut Frame, args: Args) -> PyResult<()> {
        let code = &f.code;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonly as usize;
        let name = &f.qualname;
        let Args { mut pos, kw } = args;
        let npos = pos.len();
        // The common call: exactly the positional parameters, nothing else.
        if npos == argcount && kw.is_empty() && kwonly == 0 && !code.varargs && !code.varkw {
            for (slot, v) in frame.locals.iter_mut().zip(pos.drain(..)) {
                *slot = Some(v);
            }
            Spare::keep(&mut self.spare.args, pos);
            Self::params_to_cells(code, frame);
            return Ok(());
        }
        if npos > argcount && !code.varargs {
            let given = npos;
            let takes = if f.defaults.is_empty() {
                format!("{argcount} positional argument{}", plural(argcount))
            } else {
                format!(
                    "from {} to {argcount} positional arguments",
                    argcount - f.defaults.len()
                )
            };
            let kw_given = kw
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| v == k)
                })
                .count();
            let was = if given == 1 { "was" } else { "were" };
            let extra = if kw_given > 0 {
                format!(
                    " positional argument{} (and {kw_given} keyword-only argument{}) were given",
                    plural(given),
                    plural(kw_given)
                )
            } else {
                format!(" {was} given")
            };
            let extra = if kw_given > 0 {
                extra
            } else {
                extra.to_string()
            };
            return Err(type_error(format!(
                "{name}() takes {takes} but {given}{extra}"
            )));
        }
        let mut rest = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < argcount {
                frame.locals[i] = Some(v);
            } else {
                rest.push(v);
            }
        }
        let mut kwargs = Dict::new();
        for (k, v) in kw {
            let slot = code.varnames[..argcount + kwonly]
                .iter()
                .position(|n| **n == *k);
            match slot {
                Some(i) if i < code.posonly as usize => {
                    if code.varkw {
                        kwargs.insert(Value::Str(k), v)?;
                    } else {
                        return Err(type_error(format!(
                            "{name}() got some positional-only arguments passed as keyword arguments: '{k}'"
                        )));
                    }
                }
                Some(i) => {
                    if frame.locals[i].is_some() {
                        return Err(type_error(format!(
                            "{name}() got multiple values for argument '{k}'"
                        )));
                    }
                    frame.locals[i] = Some(v);
                }
                None if code.varkw => kwargs.insert(Value::Str(k), v)?,
                None => {
                    return Err(type_error(format!(
                        "{name}() got an unexpected keyword argument '{k}'"
                    )))
                }
            }
        }
        // Defaults fill the last positional parameters.
        let first_default = argcount - f.defaults.len();
        for (i, d) in f.defaults.iter().enumerate() {
            if frame.locals[first_default + i].is_none() {
                frame.locals[first_default + i] = Some(d.clone());
            }
        }
        let missing: Vec<&Str> = (0..argcount)
            .filter(|&i| frame.locals[i].is_none())
            .map(|i| &code.varnames[i])
            .collect();
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{name}() missing {} required positional argument{}: {}",
                missing.len(),
                plural(missing.len()),
                name_list(&missing)
            )));
        }
        for i in argcount..argcount + kwonly {
            if frame.locals[i].is_none() {
                if let Some((_, d)) = f.kwdefaults.iter().find(|(n, _)| *n == code.varnames[i]) {
                    frame.locals[i] = Some(d.clone());
                }
            }
        }
        let missing: Vec<&Str> = (argcount..argcount + kwonly)
            .filter(|&i| frame.locals[i].is_none())
            .map(|i| &code.varnames[i])
            .collect();
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{name}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                plural(missing.len()),
                name_list(&missing)
            )));
        }
        let mut next = argcount + kwonly;
        if code.varargs {
            frame.locals[next] = Some(Value::tuple(rest));
            next += 1;
        }
        if code.varkw {
            frame.locals[next] = Some(Value::Dict(Rc::new(RefCell::new(kwargs))));
        }
        Self::params_to_cells(code, frame);
        Ok(())
    }

    /// Parameters that inner functions capture live in cells.
    fn params_to_cells(code: &Code, frame: &mut Frame) {
        for &(cell, param) in &code.cell_params {
            *frame.cells[cell as usize].borrow_mut() = frame.locals[param as usize].take();
        }
    }

    // ----- generators ----------------------------------------------------------------------

    /// Steps a generator or coroutine: sends a value in, or throws an exception in.
    pub fn resume(&mut self, gen: &Rc<Generator>, how: Resume) -> PyResult<Exit> {
        match gen.state.get() {
            GenState::Running => {
                let what = if gen.kind == GenKind::Generator {
                    "generator"
                } else {
                    "coroutine"
                };
                return Err(exceptions::value_error(format!("{what} already executing")));
            }
            GenState::Closed => {
                return match how {
                    Resume::Throw(e) => Err(e),
                    Resume::Send(_) if gen.kind == GenKind::Coroutine => Err(
                        exceptions::runtime_error("cannot reuse already awaited coroutine"),
                    ),
                    Resume::Send(_) if gen.kind == GenKind::AsyncGenerator => {
                        Err(exceptions::new(Exc::StopAsyncIteration, ""))
                    }
                    Resume::Send(_) => Err(exceptions::stop_iteration(Value::None)),
                };
            }
            GenState::Created => {
                if let Resume::Send(v) = &how {
                    if !v.is_none() {
                        let what = if gen.kind == GenKind::Generator {
                            "generator"
                        } else {
                            "coroutine"
                        };
                        return Err(type_error(format!(
                            "can't send non-None value to a just-started {what}"
                        )));
                    }
                }
            }
            GenState::Suspended => {}
        }
        let Some(mut frame) = gen.frame.borrow_mut().take() else {
            return Err(exceptions::runtime_error("generator has no frame"));
        };
        if self.depth == 0 {
            self.host.begin_step();
        }
        let first = gen.state.get() == GenState::Created;
        gen.state.set(GenState::Running);
        let resume = match how {
            Resume::Send(v) => {
                if !first {
                    frame.stack.push(v);
                }
                None
            }
            Resume::Throw(e) => {
                if first {
                    // Thrown into a generator that never started: it ends there.
                    gen.state.set(GenState::Closed);
                    return Err(e);
                }
                Some(e)
            }
        };
        let result = self.run_frame(&mut frame, resume);
        match result {
            Ok(Exit::Yield(v)) => {
                *gen.frame.borrow_mut() = Some(frame);
                gen.state.set(GenState::Suspended);
                Ok(Exit::Yield(v))
            }
            Ok(Exit::Return(v)) => {
                gen.state.set(GenState::Closed);
                Ok(Exit::Return(v))
            }
            Err(e) => {
                gen.state.set(GenState::Closed);
                // PEP 479 is for generators; the program's own body (stepped as one) is not.
                let is_module = frame.code.kind == CodeKind::Module || frame.greenlet;
                if !is_module && e.is(&exc_class(Exc::StopIteration)) {
                    let what = match gen.kind {
                        GenKind::Generator => "generator",
                        GenKind::Coroutine => "coroutine",
                        GenKind::AsyncGenerator => "async generator",
                    };
                    let err = exceptions::runtime_error(format!("{what} raised StopIteration"));
                    err.state().cause = Some(e.value());
                    err.state().context = Some(e.value());
                    return Err(err);
                }
                if gen.kind == GenKind::AsyncGenerator && e.is(&exc_class(Exc::StopAsyncIteration))
                {
                    let err =
                        exceptions::runtime_error("async generator raised StopAsyncIteration");
                    err.state().cause = Some(e.value());
                    return Err(err);
                }
                Err(e)
            }
        }
    }

    /// `next(iterator)`: `None` when it is exhausted.
    pub fn next(&mut self, iter: &Value) -> PyResult<Option<Value>> {
        match iter {
            Value::Iter(it) => crate::iter::next_builtin(self, it),
            Value::Generator(g)
                if g.kind == GenKind::Generator && g.state.get() == GenState::Closed =>
            {
                Ok(None)
            }
            Value::Generator(g) if g.kind == GenKind::Generator => {
                match self.resume(g, Resume::Send(Value::None))? {
                    Exit::Yield(v) => Ok(Some(v)),
                    Exit::Return(_) => Ok(None),
                }
            }
            _ => match crate::class::lookup_special(iter, "__next__") {
                Some(f) => match self.call_bound(&f, iter, Args::default()) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is(&exc_class(Exc::StopIteration)) => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(type_error(format!(
                    "'{}' object is not an iterator",
                    type_name(iter)
                ))),
            },
        }
    }

    // ----- the loop --------------------------------------------------------------------------

    /// Runs a frame until it returns or yields. `throw` resumes it by raising an exception at
    /// the point where it is suspended.
    pub fn run_frame(&mut self, frame: &mut Frame, throw: Option<Exception>) -> PyResult<Exit> {
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            return Err(exceptions::new(
                Exc::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        if self.depth == 1 {
            self.top = if frame.greenlet {
                Top::Greenlet
            } else if frame.code.kind == CodeKind::Module {
                Top::Module
            } else {
                Top::Other
            };
        }
        let exc_base = self.exc_stack.len();
        self.exc_stack.append(&mut frame.saved_exc);
        let result = self.run_loop(frame, throw);
        match &result {
            Ok(Exit::Yield(_)) => {
                frame.saved_exc = self.exc_stack.split_off(exc_base);
            }
            _ => self.exc_stack.truncate(exc_base),
        }
        self.depth -= 1;
        result
    }

    fn run_loop(&mut self, frame: &mut Frame, throw: Option<Exception>) -> PyResult<Exit> {
        if let Some(e) = throw {
            if let Some(exit) = self.throw_into_delegate(frame, e)? {
                return Ok(exit);
            }
        }
        loop {
            let pc = frame.pc;
            let Some(&op) = frame.code.ops.get(pc) else {
                return Ok(Exit::Return(Value::None));
            };
            frame.pc += 1;
            if Self::quick(frame, op) {
                continue;
            }
            // Calls are made here, not inside `step`, so a deep recursion of Python calls does
            // not stack up `step`'s large frames.
            let called = match self.step(frame, op) {
                Ok(None) => continue,
                Ok(Some(Flow::Exit(exit))) => return Ok(exit),
                Ok(Some(Flow::Call(func, args))) => self.call(&func, args).map_err(Raised::new),
                Ok(Some(Flow::CallStack(argc))) => {
                    self.call_from_stack(frame, argc).map_err(Raised::new)
                }
                Err(raised) => Err(raised),
            };
            let raised = match called {
                Ok(v) => match self.blocked(frame) {
                    Ok(None) => {
                        frame.stack.push(v);
                        continue;
                    }
                    Ok(Some(exit)) => return Ok(exit),
                    Err(raised) => raised,
                },
                Err(raised) => raised,
            };
            if raised.traceback {
                self.add_traceback(frame, &raised.exc);
            }
            self.unwind(frame, raised.exc)?;
        }
    }

    /// Resumes a frame suspended in `yield from`/`await` with an exception: the sub-iterator
    /// gets it first, as CPython's `gen_throw` does. `Some` if the frame stops again.
    fn throw_into_delegate(&mut self, frame: &mut Frame, exc: Exception) -> PyResult<Option<Exit>> {
        let at_yield_from =
            frame.pc < frame.code.ops.len() && frame.code.ops[frame.pc] == Op::YieldFrom;
        if at_yield_from {
            let sub = frame.stack.last().cloned();
            let delegated = match &sub {
                Some(Value::Generator(g)) => Some(self.resume(g, Resume::Throw(exc.clone()))),
                Some(Value::Iter(it)) => {
                    let gen = match &*it.borrow() {
                        Iter::ASend { gen, .. } => Some(gen.clone()),
                        _ => None,
                    };
                    gen.map(|g| {
                        crate::generator::async_gen_step(self, &g, Resume::Throw(exc.clone()))
                    })
                }
                _ => None,
            };
            if let Some(result) = delegated {
                match result {
                    Ok(Exit::Yield(v)) => return Ok(Some(Exit::Yield(v))),
                    Ok(Exit::Return(v)) => {
                        frame.stack.pop();
                        frame.stack.push(v);
                        frame.pc += 1;
                        return Ok(None);
                    }
                    Err(e) => {
                        frame.stack.pop();
                        frame.pc += 1;
                        self.add_traceback(frame, &e);
                        self.unwind(frame, e)?;
                        return Ok(None);
                    }
                }
            }
            frame.stack.pop();
            frame.pc += 1;
        }
        self.add_traceback(frame, &exc);
        self.unwind(frame, exc)?;
        Ok(None)
    }

    fn add_traceback(&mut self, frame: &Frame, exc: &Exception) {
        let line = frame.line();
        let mut state = exc.state();
        // The modules written in Python (`collections`, `itertools`) are the standard
        // library's C code in CPython: their frames are not the program's.
        if &*frame.globals.name == "__main__" {
            state.traceback.push(TraceEntry {
                name: frame.code.name.clone(),
                line,
            });
        }
        if state.context.is_none() {
            if let Some(handled) = self.exc_stack.last() {
                if !Rc::ptr_eq(&handled.0, &exc.0) {
                    state.context = Some(handled.value());
                }
            }
        }
    }

    /// Sends an exception to the innermost handler of the frame, or out of it.
    fn unwind(&mut self, frame: &mut Frame, exc: Exception) -> PyResult<()> {
        while let Some(block) = frame.blocks.pop() {
            match block.kind {
                BlockKind::Handler => {
                    self.exc_stack.pop();
                }
                BlockKind::Finally => {
                    if is_uncatchable(&exc) {
                        continue;
                    }
                    frame.stack.truncate(block.level);
                    frame.blocks.push(Block {
                        kind: BlockKind::Handler,
                        handler: 0,
                        level: block.level,
                    });
                    self.exc_stack.push(exc.clone());
                    frame.stack.push(exc.value());
                    frame.pc = block.handler as usize;
                    return Ok(());
                }
            }
        }
        Err(exc)
    }

    /// The commonest instructions on the commonest values (locals, constants, small ints,
    /// bools), done without entering [`Vm::step`], whose frame is large: exactly what `step`
    /// would do. `false` leaves the instruction to `step`, the stack untouched. Not forced
    /// inline: in a debug build that would grow every Python call's Rust frames, and the
    /// page's stack holds CPython's 1000 nested calls only just (tests/interpreter.rs).
    #[inline]
    fn quick(frame: &mut Frame, op: Op) -> bool {
        let n = frame.stack.len();
        match op {
            Op::Const(i) => {
                let v = frame.code.consts[i as usize].clone();
                frame.stack.push(v);
            }
            Op::LoadFast(i) => match &frame.locals[i as usize] {
                Some(v) => {
                    let v = v.clone();
                    frame.stack.push(v);
                }
                None => return false,
            },
            Op::StoreFast(i) => match frame.stack.pop() {
                Some(v) => frame.locals[i as usize] = Some(v),
                None => return false,
            },
            // Small ints that do not overflow: the result `ops::binary` gives.
            Op::Binary(op) if n >= 2 => {
                let (Value::Int(x), Value::Int(y)) = (&frame.stack[n - 2], &frame.stack[n - 1])
                else {
                    return false;
                };
                let result = match op {
                    BinOp::Add => x.checked_add(*y),
                    BinOp::Sub => x.checked_sub(*y),
                    BinOp::Mult => x.checked_mul(*y),
                    _ => None,
                };
                let Some(result) = result else { return false };
                frame.stack.truncate(n - 2);
                frame.stack.push(Value::Int(result));
            }
            // Two small ints in order: what `ops::compare` finds.
            Op::Compare(op) if n >= 2 => {
                let (Value::Int(x), Value::Int(y)) = (&frame.stack[n - 2], &frame.stack[n - 1])
                else {
                    return false;
                };
                let result = match op {
                    CmpOp::Eq => x == y,
                    CmpOp::NotEq => x != y,
                    CmpOp::Lt => x < y,
                    CmpOp::LtE => x <= y,
                    CmpOp::Gt => x > y,
                    CmpOp::GtE => x >= y,
                    CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => return false,
                };
                frame.stack.truncate(n - 2);
                frame.stack.push(Value::Bool(result));
            }
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                let Some(&Value::Bool(b)) = frame.stack.last() else {
                    return false;
                };
                frame.stack.pop();
                if b == matches!(op, Op::PopJumpIfTrue(_)) {
                    frame.pc = t as usize;
                }
            }
            _ => return false,
        }
        true
    }

    #[inline(always)]
    fn pop(frame: &mut Frame) -> Value {
        frame.stack.pop().unwrap_or(Value::None)
    }

    #[inline(always)]
    fn top(frame: &Frame) -> &Value {
        frame.stack.last().unwrap_or(&Value::None)
    }

    fn tick(&mut self, frame: &Frame) -> Result<(), Raised> {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks.is_multiple_of(4096) {
            if let Err(msg) = self.host.check_budget(frame.line()) {
                let e = exceptions::new(Exc::KeyboardInterrupt, msg);
                e.state().suppress_context = true;
                mark_uncatchable(&e);
                return Err(Raised::new(e));
            }
        }
        Ok(())
    }

    /// Executes one instruction: `Some` when the frame returns or yields.
    fn step(&mut self, frame: &mut Frame, op: Op) -> Result<Option<Flow>, Raised> {
        if crate::value::ANY_DROPPED_SUSPENDED.with(std::cell::Cell::get) {
            self.close_dropped_generators();
        }
        match op {
            Op::Nop => {}
            Op::Pop => {
                frame.stack.pop();
            }
            Op::Dup => {
                let v = Self::top(frame).clone();
                frame.stack.push(v);
            }
            Op::DupTwo => {
                let n = frame.stack.len();
                if n >= 2 {
                    let (a, b) = (frame.stack[n - 2].clone(), frame.stack[n - 1].clone());
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
            }
            Op::Rot2 => {
                let n = frame.stack.len();
                frame.stack.swap(n - 1, n - 2);
            }
            Op::Rot3 => {
                let v = Self::pop(frame);
                let n = frame.stack.len();
                frame.stack.insert(n - 2, v);
            }
            Op::Rot4 => {
                let v = Self::pop(frame);
                let n = frame.stack.len();
                frame.stack.insert(n - 3, v);
            }
            Op::Const(i) => frame.stack.push(frame.code.consts[i as usize].clone()),
            Op::LoadFast(i) => match &frame.locals[i as usize] {
                Some(v) => frame.stack.push(v.clone()),
                None => {
                    let name = &frame.code.varnames[i as usize];
                    return Err(Raised::new(exceptions::new(
                        Exc::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    )));
                }
            },
            Op::StoreFast(i) => frame.locals[i as usize] = Some(Self::pop(frame)),
            Op::DeleteFast(i) => {
                if frame.locals[i as usize].take().is_none() {
                    let name = &frame.code.varnames[i as usize];
                    return Err(Raised::new(exceptions::new(
                        Exc::UnboundLocalError,
                        format!("cannot access local variable '{name}' where it is not associated with a value"),
                    )));
                }
            }
            Op::LoadDeref(i) => {
                let v = frame.cells[i as usize].borrow().clone();
                match v {
                    Some(v) => frame.stack.push(v),
                    None => return Err(Raised::new(self.unbound_cell(frame, i))),
                }
            }
            Op::LoadClassDeref(i) => {
                let name = Self::cell_name(frame, i);
                let found = frame
                    .namespace
                    .as_ref()
                    .and_then(|ns| ns.borrow().get_str(&name));
                match found {
                    Some(v) => frame.stack.push(v),
                    None => {
                        let v = frame.cells[i as usize].borrow().clone();
                        match v {
                            Some(v) => frame.stack.push(v),
                            None => return Err(Raised::new(self.unbound_cell(frame, i))),
                        }
                    }
                }
            }
            Op::StoreDeref(i) => {
                let v = Self::pop(frame);
                *frame.cells[i as usize].borrow_mut() = Some(v);
            }
            Op::DeleteDeref(i) => {
                frame.cells[i as usize].borrow_mut().take();
            }
            Op::LoadClosure(i) => frame
                .stack
                .push(Value::Cell(frame.cells[i as usize].clone())),
            Op::LoadGlobal(i) => match self.load_global(frame, i as usize) {
                Some(v) => frame.stack.push(v),
                None => return Err(Raised::new(name_error(&frame.code.names[i as usize]))),
            },
            Op::StoreGlobal(i) => {
                let v = Self::pop(frame);
                frame
                    .globals
                    .dict
                    .borrow_mut()
                    .set_str(&frame.code.names[i as usize], v);
            }
            Op::DeleteGlobal(i) => {
                let name = &frame.code.names[i as usize];
                if frame.globals.dict.borrow_mut().remove_str(name).is_none() {
                    return Err(Raised::new(name_error(name)));
                }
            }
            Op::LoadName(i) => {
                let name = &frame.code.names[i as usize];
                let v = frame
                    .namespace
                    .as_ref()
                    .and_then(|ns| ns.borrow().get_str(name))
                    .or_else(|| frame.globals.dict.borrow().get_str(name))
                    .or_else(|| self.builtin(name));
                match v {
                    Some(v) => frame.stack.push(v),
                    None => return Err(Raised::new(name_error(name))),
                }
            }
            Op::StoreName(i) => {
                let v = Self::pop(frame);
                let name = &frame.code.names[i as usize];
                match &frame.namespace {
                    Some(ns) => ns.borrow_mut().set_str(name, v),
                    None => frame.globals.dict.borrow_mut().set_str(name, v),
                }
            }
            Op::DeleteName(i) => {
                let name = &frame.code.names[i as usize];
                let removed = match &frame.namespace {
                    Some(ns) => ns.borrow_mut().remove_str(name),
                    None => frame.globals.dict.borrow_mut().remove_str(name),
                };
                if removed.is_none() {
                    return Err(Raised::new(name_error(name)));
                }
            }
            Op::LoadAttr(i) => {
                let obj = Self::pop(frame);
                let name = frame.code.names[i as usize].clone();
                let v = crate::attr::get_attr(self, &obj, &name)?;
                frame.stack.push(v);
            }
            Op::StoreAttr(i) => {
                let obj = Self::pop(frame);
                let v = Self::pop(frame);
                let name = frame.code.names[i as usize].clone();
                crate::attr::set_attr(self, &obj, &name, v)?;
            }
            Op::DeleteAttr(i) => {
                let obj = Self::pop(frame);
                let name = frame.code.names[i as usize].clone();
                crate::attr::del_attr(self, &obj, &name)?;
            }
            Op::Subscr => {
                let index = Self::pop(frame);
                let obj = Self::pop(frame);
                let v = crate::ops::get_item(self, &obj, &index)?;
                frame.stack.push(v);
            }
            Op::StoreSubscr => {
                let index = Self::pop(frame);
                let obj = Self::pop(frame);
                let v = Self::pop(frame);
                crate::ops::set_item(self, &obj, index, v)?;
            }
            Op::DeleteSubscr => {
                let index = Self::pop(frame);
                let obj = Self::pop(frame);
                crate::ops::del_item(self, &obj, &index)?;
            }
            Op::Binary(op) => {
                let b = Self::pop(frame);
                let a = Self::pop(frame);
                let v = crate::ops::binary(self, &a, op, &b)?;
                frame.stack.push(v);
            }
            Op::Inplace(op) => {
                let b = Self::pop(frame);
                let a = Self::pop(frame);
                let v = crate::ops::inplace(self, &a, op, &b)?;
                frame.stack.push(v);
            }
            Op::Unary(op) => {
                let a = Self::pop(frame);
                let v = match op {
                    UnaryOp::Not => Value::Bool(!crate::ops::truthy(self, &a)?),
                    _ => crate::ops::unary(self, op, &a)?,
                };
                frame.stack.push(v);
            }
            Op::Compare(op) => {
                let b = Self::pop(frame);
                let a = Self::pop(frame);
                let v = crate::ops::compare(self, &a, op, &b)?;
                frame.stack.push(v);
            }
            Op::Jump(t) => {
                if (t as usize) < frame.pc {
                    self.tick(frame)?;
                }
                frame.pc = t as usize;
            }
            Op::PopJumpIfFalse(t) => {
                let v = Self::pop(frame);
                if !crate::ops::truthy(self, &v)? {
                    frame.pc = t as usize;
                }
            }
            Op::PopJumpIfTrue(t) => {
                let v = Self::pop(frame);
                if crate::ops::truthy(self, &v)? {
                    frame.pc = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) => {
                if !crate::ops::truthy(self, Self::top(frame))? {
                    frame.pc = t as usize;
                } else {
                    frame.stack.pop();
                }
            }
            Op::JumpIfTrueOrPop(t) => {
                if crate::ops::truthy(self, Self::top(frame))? {
                    frame.pc = t as usize;
                } else {
                    frame.stack.pop();
                }
            }
            Op::GetIter => {
                let v = Self::pop(frame);
                let it = crate::iter::get_iter(self, &v)?;
                frame.stack.push(it);
            }
            Op::ForIter(t) => {
                let it = Self::top(frame).clone();
                match self.next(&it)? {
                    Some(v) => frame.stack.push(v),
                    None => {
                        frame.stack.pop();
                        frame.pc = t as usize;
                    }
                }
            }
            Op::GetAIter => {
                let v = Self::pop(frame);
                let it = crate::iter::get_aiter(self, &v)?;
                frame.stack.push(it);
            }
            Op::GetANext => {
                let it = Self::top(frame).clone();
                let awaitable = crate::iter::anext(self, &it)?;
                let awaitable = crate::iter::get_awaitable(self, &awaitable)?;
                frame.stack.push(awaitable);
            }
            Op::EndAsyncFor => {
                let exc = Self::pop(frame);
                let Value::Instance(inst) = &exc else {
                    return Err(Raised::new(type_error("exception expected")));
                };
                let e = Exception(inst.clone());
                if e.is(&exc_class(Exc::StopAsyncIteration)) {
                    // Leave the handler and drop the async iterator.
                    frame.blocks.pop();
                    self.exc_stack.pop();
                    frame.stack.pop();
                } else {
                    return Err(Raised {
                        exc: e,
                        traceback: false,
                    });
                }
            }
            Op::BuildTuple(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                frame.stack.push(Value::tuple(items));
            }
            Op::BuildList(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                frame.stack.push(Value::list(items));
            }
            Op::BuildSet(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                let mut set = Set::new();
                for v in items {
                    set.add(v)?;
                }
                frame.stack.push(Value::Set(Rc::new(RefCell::new(set))));
            }
            Op::BuildMap(n) => {
                let items = frame.stack.split_off(frame.stack.len() - 2 * n as usize);
                let mut dict = Dict::new();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dict.insert(k, v)?;
                }
                frame.stack.push(Value::Dict(Rc::new(RefCell::new(dict))));
            }
            Op::BuildSlice(n) => {
                let step = if n == 3 {
                    Self::pop(frame)
                } else {
                    Value::None
                };
                let upper = Self::pop(frame);
                let lower = Self::pop(frame);
                frame
                    .stack
                    .push(Value::Slice(Rc::new([lower, upper, step])));
            }
            Op::BuildString(n) => {
                let items = frame.stack.split_off(frame.stack.len() - n as usize);
                let mut s = String::new();
                for v in &items {
                    if let Value::Str(part) = v {
                        s.push_str(part);
                    }
                }
                frame.stack.push(Value::str(&s));
            }
            Op::ListAppend(n) => {
                let v = Self::pop(frame);
                let target = &frame.stack[frame.stack.len() - n as usize];
                if let Value::List(l) = target {
                    l.borrow_mut().push(v);
                }
            }
            Op::SetAdd(n) => {
                let v = Self::pop(frame);
                let target = frame.stack[frame.stack.len() - n as usize].clone();
                if let Value::Set(s) = target {
                    s.borrow_mut().add(v)?;
                }
            }
            Op::MapAdd(n) => {
                let v = Self::pop(frame);
                let k = Self::pop(frame);
                let target = frame.stack[frame.stack.len() - n as usize].clone();
                if let Value::Dict(d) = target {
                    d.borrow_mut().insert(k, v)?;
                }
            }
            Op::ListExtend(n) => {
                let v = Self::pop(frame);
                let items = crate::iter::collect(self, &v)?;
                let target = frame.stack[frame.stack.len() - n as usize].clone();
                if let Value::List(l) = target {
                    l.borrow_mut().extend(items);
                }
            }
            Op::SetUpdate(n) => {
                let v = Self::pop(frame);
                let items = crate::iter::collect(self, &v)?;
                let target = frame.stack[frame.stack.len() - n as usize].clone();
                if let Value::Set(s) = target {
                    let mut s = s.borrow_mut();
                    for item in items {
                        s.add(item)?;
                    }
                }
            }
            Op::DictUpdate(n) | Op::DictMerge(n) => {
                let v = Self::pop(frame);
                let target = frame.stack[frame.stack.len() - n as usize].clone();
                let pairs = crate::iter::mapping_items(self, &v).map_err(|e| {
                    if matches!(op, Op::DictMerge(_)) && e.is(&exc_class(Exc::TypeError)) {
                        Raised::new(type_error(format!(
                            "argument after ** must be a mapping, not {}",
                            type_name(&v)
                        )))
                    } else {
                        Raised::new(e)
                    }
                })?;
                if let Value::Dict(d) = target {
                    let mut d = d.borrow_mut();
                    for (k, val) in pairs {
                        if matches!(op, Op::DictMerge(_)) && d.contains(&k)? {
                            let repr = crate::ops::str_of(self, &k)?;
                            return Err(Raised::new(type_error(format!(
                                "got multiple values for keyword argument '{repr}'"
                            ))));
                        }
                        d.insert(k, val)?;
                    }
                }
            }
            Op::ListToTuple => {
                let v = Self::pop(frame);
                if let Value::List(l) = v {
                    let items = l.borrow().clone();
                    frame.stack.push(Value::tuple(items));
                }
            }
            Op::Format(flags) => {
                let spec = if flags & 4 != 0 {
                    Self::pop(frame)
                } else {
                    Value::str("")
                };
                let v = Self::pop(frame);
                let v = match flags & 3 {
                    1 => Value::str(&crate::ops::str_of(self, &v)?),
                    2 => Value::str(&crate::ops::repr(self, &v)?),
                    3 => Value::str(&crate::ops::ascii(self, &v)?),
                    _ => v,
                };
                let spec = match &spec {
                    Value::Str(s) => s.clone(),
                    _ => Rc::from(""),
                };
                let s = crate::format::format(self, &v, &spec)?;
                frame.stack.push(Value::str(&s));
            }
            Op::UnpackSequence(n) => {
                let v = Self::pop(frame);
                let items = crate::iter::unpack(self, &v, n as usize)?;
                frame.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(packed) => {
                let before = (packed & 0xff) as usize;
                let after = (packed >> 8) as usize;
                let v = Self::pop(frame);
                let items = crate::iter::collect(self, &v)?;
                if items.len() < before + after {
                    return Err(Raised::new(exceptions::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    ))));
                }
                let mut out = Vec::with_capacity(before + after + 1);
                out.extend(items[..before].iter().cloned());
                out.push(Value::list(items[before..items.len() - after].to_vec()));
                out.extend(items[items.len() - after..].iter().cloned());
                frame.stack.extend(out.into_iter().rev());
            }
            Op::Call(argc) => {
                self.call_line = frame.line();
                return Ok(Some(Flow::CallStack(argc as usize)));
            }
            Op::CallKw(argc) => {
                let names = Self::pop(frame);
                let mut args = frame.stack.split_off(frame.stack.len() - argc as usize);
                let func = Self::pop(frame);
                let Value::Tuple(names) = names else {
                    return Err(Raised::new(type_error("keyword names")));
                };
                let kw_values = args.split_off(args.len() - names.len());
                let kw = names
                    .iter()
                    .zip(kw_values)
                    .map(|(n, v)| match n {
                        Value::Str(s) => (s.clone(), v),
                        _ => (Rc::from(""), v),
                    })
                    .collect();
                self.call_line = frame.line();
                return Ok(Some(Flow::Call(func, Args { pos: args, kw })));
            }
            Op::CallEx(has_kw) => {
                let kwargs = if has_kw {
                    Self::pop(frame)
                } else {
                    Value::None
                };
                let pos = Self::pop(frame);
                let func = Self::pop(frame);
                let pos = match pos {
                    Value::Tuple(t) => t.to_vec(),
                    other => crate::iter::collect(self, &other)?,
                };
                let mut kw = Vec::new();
                if let Value::Dict(d) = kwargs {
                    for (k, v) in d.borrow().iter() {
                        match k {
                            Value::Str(s) => kw.push((s.clone(), v.clone())),
                            _ => return Err(Raised::new(type_error("keywords must be strings"))),
                        }
                    }
                }
                self.call_line = frame.line();
                return Ok(Some(Flow::Call(func, Args { pos, kw })));
            }
            Op::MakeFunction(flags) => {
                let code = Self::pop(frame);
                let Value::Code(code) = code else {
                    return Err(Raised::new(type_error("code object expected")));
                };
                let closure = if flags & 8 != 0 {
                    match Self::pop(frame) {
                        Value::Tuple(cells) => cells
                            .iter()
                            .filter_map(|c| match c {
                                Value::Cell(c) => Some(c.clone()),
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let kwdefaults = if flags & 2 != 0 {
                    match Self::pop(frame) {
                        Value::Dict(d) => d
                            .borrow()
                            .iter()
                            .map(|(k, v)| match k {
                                Value::Str(s) => (s.clone(), v.clone()),
                                _ => (Rc::from(""), v.clone()),
                            })
                            .collect(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let defaults = if flags & 1 != 0 {
                    match Self::pop(frame) {
                        Value::Tuple(t) => t.to_vec(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                frame.stack.push(Value::Function(Rc::new(Function {
                    qualname: code.qualname.clone(),
                    code,
                    globals: frame.globals.clone(),
                    defaults,
                    kwdefaults,
                    closure,
                    dict: RefCell::new(Vec::new()),
                })));
            }
            Op::SetAnnotations => {
                let annotations = Self::pop(frame);
                if let Some(Value::Function(f)) = frame.stack.last() {
                    f.dict
                        .borrow_mut()
                        .push((Rc::from("__annotations__"), annotations));
                }
            }
            Op::BuildClass(n) => {
                let bases = frame.stack.split_off(frame.stack.len() - n as usize);
                let name = Self::pop(frame);
                let body = Self::pop(frame);
                let class = crate::class::build_class(self, &body, &name, bases)?;
                frame.stack.push(class);
            }
            Op::ReturnValue => {
                let v = Self::pop(frame);
                return Ok(Some(Flow::Exit(Exit::Return(v))));
            }
            Op::YieldValue => {
                let v = Self::pop(frame);
                if frame.code.kind == CodeKind::AsyncGenerator {
                    return Ok(Some(Flow::Exit(Exit::Yield(Value::Iter(Rc::new(
                        RefCell::new(Iter::AsyncGenValue(v)),
                    ))))));
                }
                return Ok(Some(Flow::Exit(Exit::Yield(v))));
            }
            Op::YieldFrom => {
                let sent = Self::pop(frame);
                let sub = Self::top(frame).clone();
                match self.send_into(&sub, sent)? {
                    Exit::Yield(v) => {
                        // Stay on this instruction: the next value sent comes here again.
                        frame.pc -= 1;
                        return Ok(Some(Flow::Exit(Exit::Yield(v))));
                    }
                    Exit::Return(v) => {
                        frame.stack.pop();
                        frame.stack.push(v);
                    }
                }
            }
            Op::GetAwaitable => {
                let v = Self::pop(frame);
                let a = crate::iter::get_awaitable(self, &v)?;
                frame.stack.push(a);
            }
            Op::GetYieldFromIter => {
                let v = Self::pop(frame);
                let it = match &v {
                    Value::Generator(g) if g.kind == GenKind::Coroutine => {
                        return Err(Raised::new(type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        )))
                    }
                    Value::Generator(_) => v,
                    _ => crate::iter::get_iter(self, &v)?,
                };
                frame.stack.push(it);
            }
            Op::SetupFinally(t) => {
                frame.blocks.push(Block {
                    kind: BlockKind::Finally,
                    handler: t,
                    level: frame.stack.len(),
                });
            }
            Op::SetupWith(t) => {
                let mgr = Self::pop(frame);
                let enter = crate::attr::special_method(self, &mgr, "__enter__")?;
                let exit = crate::attr::special_method(self, &mgr, "__exit__")?;
                frame.stack.push(exit);
                let v = self.call(&enter, Args::default())?;
                frame.blocks.push(Block {
                    kind: BlockKind::Finally,
                    handler: t,
                    level: frame.stack.len(),
                });
                frame.stack.push(v);
            }
            Op::BeforeAsyncWith => {
                let mgr = Self::pop(frame);
                let enter = crate::attr::special_method(self, &mgr, "__aenter__")?;
                let exit = crate::attr::special_method(self, &mgr, "__aexit__")?;
                frame.stack.push(exit);
                let v = self.call(&enter, Args::default())?;
                frame.stack.push(v);
            }
            Op::SetupAsyncWith(t) => {
                let v = Self::pop(frame);
                frame.blocks.push(Block {
                    kind: BlockKind::Finally,
                    handler: t,
                    level: frame.stack.len(),
                });
                frame.stack.push(v);
            }
            Op::WithExceptStart => {
                let exc = Self::top(frame).clone();
                let exit = frame.stack[frame.stack.len() - 2].clone();
                let class = match &exc {
                    Value::Instance(i) => Value::Class(i.class.clone()),
                    _ => Value::None,
                };
                let tb = crate::attr::Traceback::of(&exc);
                let v = self.call(&exit, Args::new(vec![class, exc, tb]))?;
                frame.stack.push(v);
            }
            Op::PopBlock => {
                frame.blocks.pop();
            }
            Op::PopExcept => {
                if let Some(b) = frame.blocks.pop() {
                    if b.kind == BlockKind::Handler {
                        self.exc_stack.pop();
                    }
                }
            }
            Op::Reraise => {
                let v = Self::pop(frame);
                let Value::Instance(inst) = v else {
                    return Err(Raised::new(type_error(
                        "exceptions must derive from BaseException",
                    )));
                };
                return Err(Raised {
                    exc: Exception(inst),
                    traceback: false,
                });
            }
            Op::Raise(n) => return Err(self.raise(frame, n)),
            Op::JumpIfNotExcMatch(t) => {
                let class = Self::pop(frame);
                let exc = Self::pop(frame);
                if !crate::class::exception_matches(&exc, &class)? {
                    frame.pc = t as usize;
                }
            }
            Op::LoadAssertionError => frame
                .stack
                .push(Value::Class(exc_class(Exc::AssertionError))),
            Op::ImportName(i) => {
                let full = Self::pop(frame);
                let name = frame.code.names[i as usize].clone();
                let m = self.import(&name)?;
                // `import a.b` binds `a`; `import a.b as c` and `from a.b import x` want `a.b`.
                let v = if matches!(full, Value::Bool(true)) || !name.contains('.') {
                    m
                } else {
                    self.import(name.split('.').next().unwrap_or(&name))?
                };
                frame.stack.push(v);
            }
            Op::ImportFrom(i) => {
                let m = Self::top(frame).clone();
                let name = frame.code.names[i as usize].clone();
                let v = match crate::attr::get_attr(self, &m, &name) {
                    Ok(v) => v,
                    // A name CPython's module has and this one lacks is said as such.
                    Err(e) if e.is(&exc_class(Exc::NotImplementedError)) => {
                        return Err(Raised::new(e));
                    }
                    Err(_) => {
                        let module = match &m {
                            Value::Module(m) => m.name.to_string(),
                            _ => String::new(),
                        };
                        // `from package import submodule` imports the submodule (of a
                        // package from PyPI: the standard library's here have theirs).
                        let submodule = if crate::modules::in_standard_library(&module) {
                            Err(exceptions::new(Exc::ImportError, ""))
                        } else {
                            self.import(&format!("{module}.{name}"))
                        };
                        match submodule {
                            Ok(v) => {
                                frame.stack.push(v);
                                return Ok(None);
                            }
                            Err(e) if e.is(&exc_class(Exc::NotImplementedError)) => {
                                return Err(Raised::new(e));
                            }
                            Err(_) => {}
                        }
                        return Err(Raised::new(exceptions::new(
                            Exc::ImportError,
                            format!(
                                "cannot import name '{name}' from '{module}' (unknown location)"
                            ),
                        )));
                    }
                };
                frame.stack.push(v);
            }
            Op::ImportStar => {
                let m = Self::pop(frame);
                if let Value::Module(m) = m {
                    let items: Vec<(Value, Value)> = m.dict.borrow().items();
                    for (k, v) in items {
                        if let Value::Str(s) = &k {
                            if !s.starts_with('_') {
                                match &frame.namespace {
                                    Some(ns) => ns.borrow_mut().set_str(s, v),
                                    None => frame.globals.dict.borrow_mut().set_str(s, v),
                                }
                            }
                        }
                    }
                }
            }
            Op::LoadLocals => {
                let v = match &frame.namespace {
                    Some(ns) => Value::Dict(ns.clone()),
                    None => Value::None,
                };
                frame.stack.push(v);
            }
        }
        Ok(None)
    }

    /// After a call: if it blocks the program (`asyncio.run`), the module's frame yields what it
    /// waits on; anywhere else that is refused.
    fn blocked(&mut self, frame: &Frame) -> Result<Option<Exit>, Raised> {
        if let Some((what, call)) = self.suspend.take() {
            if frame.greenlet && self.depth == 1 {
                return Ok(Some(Exit::Yield(what)));
            }
            return Err(Raised::new(exceptions::unsupported(&format!(
                "{call} in a function a greenlet's function called (here a greenlet switches only in its own function's body)"
            ))));
        }
        let Some(what) = self.block_on.take() else {
            return Ok(None);
        };
        if frame.code.kind == CodeKind::Module && self.depth == 1 {
            return Ok(Some(Exit::Yield(what)));
        }
        Err(Raised::new(exceptions::unsupported(
            "asyncio.run() called from inside a function (call it at the top level of the program)",
        )))
    }

    /// Sends a value into the sub-iterator of a `yield from` / `await`.
    fn send_into(&mut self, sub: &Value, sent: Value) -> PyResult<Exit> {
        match sub {
            Value::Generator(g) => self.resume(g, Resume::Send(sent)),
            Value::Iter(it) => {
                let mut state = it.borrow_mut();
                match &mut *state {
                    Iter::HostAwait { obj, yielded } => {
                        if *yielded {
                            return Ok(Exit::Return(sent));
                        }
                        *yielded = true;
                        return Ok(Exit::Yield(obj.clone()));
                    }
                    Iter::ASend {
                        gen,
                        first,
                        default,
                    } => {
                        let how = first.take().unwrap_or(Resume::Send(sent));
                        let (gen, default) = (gen.clone(), default.clone());
                        drop(state);
                        let step = crate::generator::async_gen_step(self, &gen, how);
                        return match (step, default) {
                            (Err(e), Some(d)) if e.is(&exc_class(Exc::StopAsyncIteration)) => {
                                Ok(Exit::Return(d))
                            }
                            (other, _) => other,
                        };
                    }
                    _ => {}
                }
                drop(state);
                match self.next(sub)? {
                    Some(v) => Ok(Exit::Yield(v)),
                    None => Ok(Exit::Return(Value::None)),
                }
            }
            _ => {
                if sent.is_none() {
                    match self.next(sub)? {
                        Some(v) => Ok(Exit::Yield(v)),
                        None => Ok(Exit::Return(Value::None)),
                    }
                } else {
                    let send = crate::attr::get_attr(self, sub, "send")?;
                    match self.call1(&send, sent) {
                        Ok(v) => Ok(Exit::Yield(v)),
                        Err(e) if e.is(&exc_class(Exc::StopIteration)) => {
                            let v = e.state().args.first().cloned().unwrap_or(Value::None);
                            Ok(Exit::Return(v))
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        }
    }

    fn raise(&mut self, frame: &mut Frame, n: u32) -> Raised {
        match n {
            0 => match self.exc_stack.last() {
                Some(e) => Raised {
                    exc: e.clone(),
                    traceback: false,
                },
                None => Raised::new(exceptions::runtime_error("No active exception to reraise")),
            },
            _ => {
                let cause = if n == 2 { Some(Self::pop(frame)) } else { None };
                let v = Self::pop(frame);
                let exc = match crate::class::make_exception(self, &v) {
                    Ok(e) => e,
                    Err(e) => return Raised::new(e),
                };
                if let Some(cause) = cause {
                    let cause = match cause {
                        Value::None => None,
                        other => match crate::class::make_exception(self, &other) {
                            Ok(c) => Some(c.value()),
                            Err(_) => {
                                return Raised::new(type_error(
                                    "exception causes must derive from BaseException",
                                ))
                            }
                        },
                    };
                    let mut state = exc.state();
                    state.cause = cause;
                    state.suppress_context = true;
                }
                Raised::new(exc)
            }
        }
    }

    fn cell_name(frame: &Frame, i: u32) -> Str {
        let i = i as usize;
        let code = &frame.code;
        if i < code.cellvars.len() {
            code.cellvars[i].clone()
        } else {
            code.freevars
                .get(i - code.cellvars.len())
                .cloned()
                .unwrap_or_else(|| Rc::from("?"))
        }
    }

    fn unbound_cell(&self, frame: &Frame, i: u32) -> Exception {
        let name = Self::cell_name(frame, i);
        if (i as usize) < frame.code.cellvars.len() {
            exceptions::new(
                Exc::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            exceptions::new(
                Exc::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    /// `import name`: the interpreter's own modules, then the host's.
    pub fn import(&mut self, name: &str) -> PyResult {
        if let Some((_, m)) = self.modules.iter().find(|(n, _)| &**n == name) {
            return Ok(m.clone());
        }
        let m = match crate::modules::import(self, name) {
            Some(m) => m?,
            None => match self.host.clone().import(self, name) {
                Some(m) => m?,
                // CPython has it: say that this Python does not (never "no such module").
                None if crate::modules::in_standard_library(name) => {
                    return Err(exceptions::unsupported(&format!(
                        "the standard library's module '{name}'"
                    )));
                }
                // A package the course uses that cannot run on the page's loop: why, and what
                // to use instead.
                None if crate::modules::unsupported_package(name).is_some() => {
                    let why = crate::modules::unsupported_package(name).unwrap_or_default();
                    return Err(exceptions::unsupported(&format!(
                        "the package '{name}' ({why})"
                    )));
                }
                None => {
                    return Err(exceptions::new(
                        Exc::ModuleNotFoundError,
                        format!("No module named '{name}'"),
                    ));
                }
            },
        };
        self.modules.push((Rc::from(name), m.clone()));
        Ok(m)
    }
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<Module>, namespace: Option<Rc<RefCell<Dict>>>) -> Frame {
        Frame::with_buffers(code, globals, namespace, Vec::with_capacity(8), Vec::new())
    }

    /// A frame whose value stack and locals use these (empty) buffers.
    fn with_buffers(
        code: Rc<Code>,
        globals: Rc<Module>,
        namespace: Option<Rc<RefCell<Dict>>>,
        stack: Vec<Value>,
        mut locals: Vec<Option<Value>>,
    ) -> Frame {
        // Most functions have no cell variables: then nothing is allocated here.
        let cells = if code.cellvars.is_empty() {
            Vec::new()
        } else {
            code.cellvars
                .iter()
                .map(|_| Rc::new(RefCell::new(None)))
                .collect()
        };
        locals.resize(code.varnames.len(), None);
        Frame {
            locals,
            stack,
            code,
            pc: 0,
            cells,
            blocks: Vec::new(),
            globals,
            namespace,
            saved_exc: Vec::new(),
            greenlet: false,
        }
    }
}

/// An exception on its way out of an instruction; `traceback` is false for a re-raise, which
/// keeps the traceback it has.
pub struct Raised {
    pub exc: Exception,
    pub traceback: bool,
}

impl Raised {
    fn new(exc: Exception) -> Raised {
        Raised {
            exc,
            traceback: true,
        }
    }
}

impl From<Exception> for Raised {
    fn from(exc: Exception) -> Raised {
        Raised::new(exc)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`, as CPython lists missing arguments.
fn name_list(names: &[&Str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The interpreter's own stop (a step over its budget, Stop pressed): no `except` catches it.
fn mark_uncatchable(e: &Exception) {
    e.0.dict
        .borrow_mut()
        .set_str("__loopscope_stop__", Value::Bool(true));
}

pub fn is_uncatchable(e: &Exception) -> bool {
    e.0.dict.borrow().get_str("__loopscope_stop__").is_some()
}
