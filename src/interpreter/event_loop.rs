//! The event loop as interpreted programs see it: the loop object (`run_forever`,
//! `run_until_complete`, `stop`, `is_running`, `close`, `call_soon`, `call_later`, `call_at`)
//! and the handles its callbacks get. Every loop of a program is the run's own.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use python::value::{GenKind, HostObject};
use python::{Args, PyResult, Value, Vm};

use crate::runtime;

use super::asyncio::{
    as_task, block_on, make_task, new_task, report_callback_error, running_loop, Blocking, VM,
};
use super::drive::to_exception;
use super::objects::{method, this, PyFuture};

/// An event loop object: what `new_event_loop()`, `get_event_loop()`, `get_running_loop()`
/// and `task.get_loop()` give. Every loop of a program is the run's own (the browser's); each
/// `new_event_loop()` and each `asyncio.run` makes a new object for it, as CPython makes a new
/// loop, and the program's current one is the last made.
struct Loop {
    closed: Cell<bool>,
}

thread_local! {
    static LOOP: RefCell<Option<Rc<dyn HostObject>>> = const { RefCell::new(None) };
}

/// The program's current loop object (made at first use).
fn current_loop() -> Rc<dyn HostObject> {
    LOOP.with(|l| l.borrow_mut().get_or_insert_with(new_loop_object).clone())
}

fn new_loop_object() -> Rc<dyn HostObject> {
    Rc::new(Loop {
        closed: Cell::new(false),
    })
}

/// A new loop object, now the current one.
pub(super) fn new_loop() -> Rc<dyn HostObject> {
    let made = new_loop_object();
    LOOP.with(|l| *l.borrow_mut() = Some(made.clone()));
    made
}

/// A new program has no loop object yet.
pub(super) fn forget() {
    LOOP.with(|l| l.borrow_mut().take());
}

/// `asyncio.run`'s end: it closes its loop, and the program has no current one.
pub(super) fn close_run_loop() {
    if let Some(done) = LOOP.with(|l| l.borrow_mut().take()) {
        if let Some(done) = done.as_any().downcast_ref::<Loop>() {
            done.closed.set(true);
        }
    }
}

impl Loop {
    fn is_current(&self) -> bool {
        LOOP.with(|l| {
            l.borrow().as_ref().is_some_and(|c| {
                std::ptr::eq(Rc::as_ptr(c) as *const u8, self as *const Loop as *const u8)
            })
        })
    }

    fn running(&self) -> bool {
        self.is_current() && runtime::loop_is_running()
    }

    /// What `run_forever` / `run_until_complete` refuse: a loop already running, or closed.
    fn can_run(&self) -> PyResult<()> {
        if self.closed.get() {
            return Err(python::exceptions::runtime_error("Event loop is closed"));
        }
        if runtime::loop_is_running() {
            return Err(python::exceptions::runtime_error(
                "This event loop is already running",
            ));
        }
        Ok(())
    }
}

impl HostObject for Loop {
    fn type_name(&self) -> &str {
        "_UnixSelectorEventLoop"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "time" => method("time", loop_time, this),
            "create_task" => method("create_task", make_task, this),
            "create_future" => method("create_future", loop_create_future, this),
            "call_soon" => method("call_soon", loop_call_soon, this),
            "call_later" => method("call_later", loop_call_later, this),
            "call_at" => method("call_at", loop_call_at, this),
            "run_in_executor" => method("run_in_executor", super::executor::run_in_executor, this),
            "create_server" => method("create_server", super::streams::create_server, this),
            "run_until_complete" => method("run_until_complete", loop_run_until_complete, this),
            "run_forever" => method("run_forever", loop_run_forever, this),
            "stop" => method("stop", loop_stop, this),
            "is_running" => method("is_running", loop_is_running, this),
            "is_closed" => method("is_closed", loop_is_closed, this),
            "close" => method("close", loop_close, this),
            "get_debug" => method("get_debug", loop_get_debug, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(runtime::repr::loop_repr(self.running(), self.closed.get()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(super) fn loop_value() -> Value {
    Value::Host(current_loop())
}

fn this_loop(t: Option<&Value>) -> PyResult<&Loop> {
    this::<Loop>(t)
}

pub(super) fn get_running_loop(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    running_loop()?;
    Ok(loop_value())
}

pub(super) fn get_event_loop(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(loop_value())
}

pub(super) fn new_event_loop(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(new_loop()))
}

pub(super) fn set_event_loop(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let chosen = match args.pos.first() {
        Some(Value::Host(h)) if h.as_any().is::<Loop>() => Some(h.clone()),
        None | Some(Value::None) => None,
        Some(_) => {
            return Err(python::exceptions::type_error(
                "loop must be an instance of AbstractEventLoop or None",
            ))
        }
    };
    LOOP.with(|l| *l.borrow_mut() = chosen);
    Ok(Value::None)
}

pub(super) fn loop_time(vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Float(vm.host.time()))
}

pub(super) fn loop_create_future(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    let future = runtime::Future::new().map_err(|e| to_exception(&e, None))?;
    Ok(Value::Host(Rc::new(PyFuture::of(future))))
}

fn schedule(vm: &mut Vm, delay: Option<f64>, args: Args) -> PyResult {
    let mut pos = args.pos.into_iter();
    let callback = pos
        .next()
        .ok_or_else(|| python::exceptions::type_error("a callback is required"))?;
    let call = Rc::new(Call {
        callback,
        args: pos.collect(),
    });
    let calling = call.clone();
    let weak = VM.with(|v| v.borrow().clone());
    let run = move || {
        if let Some(vm) = weak.upgrade() {
            let mut vm = vm.borrow_mut();
            if let Err(e) = vm.call(&calling.callback, Args::new(calling.args.clone())) {
                // asyncio's log names the handle's callback as its repr does.
                let source = calling.describe(&mut vm).ok();
                report_callback_error(&mut vm, &e, source.as_deref());
            }
            vm.flush_warnings();
        }
    };
    let _ = vm;
    let handle = match delay {
        None => runtime::call_soon(run),
        Some(d) => runtime::call_later(d.max(0.0), run),
    }
    .map_err(|e| to_exception(&e, None))?;
    Ok(Value::Host(Rc::new(Handle { handle, call })))
}

fn loop_call_soon(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    schedule(vm, None, args)
}

fn loop_call_later(vm: &mut Vm, _this: Option<&Value>, mut args: Args) -> PyResult {
    if args.pos.is_empty() {
        return Err(python::exceptions::type_error(
            "call_later() missing 2 required positional arguments: 'delay' and 'callback'",
        ));
    }
    let delay = python::int::to_f64(&args.pos.remove(0))
        .ok_or_else(|| python::exceptions::type_error("delay must be a number"))?;
    schedule(vm, Some(delay), args)
}

fn loop_call_at(vm: &mut Vm, _this: Option<&Value>, mut args: Args) -> PyResult {
    if args.pos.is_empty() {
        return Err(python::exceptions::type_error(
            "call_at() missing 2 required positional arguments: 'when' and 'callback'",
        ));
    }
    let when = python::int::to_f64(&args.pos.remove(0))
        .ok_or_else(|| python::exceptions::type_error("when must be a number"))?;
    let delay = when - vm.host.time();
    schedule(vm, Some(delay), args)
}

fn loop_run_until_complete(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    this_loop(t)?.can_run()?;
    let task = match args.pos.first() {
        Some(Value::Generator(g)) if g.kind == GenKind::Coroutine => {
            new_task(vm, g.clone(), None, false)?.0
        }
        Some(v @ Value::Host(_)) => as_task(vm, v)?,
        _ => {
            return Err(python::exceptions::type_error(
                "An asyncio.Future, a coroutine or an awaitable is required",
            ))
        }
    };
    block_on(vm, Blocking::UntilComplete(task));
    Ok(Value::None)
}

fn loop_run_forever(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this_loop(t)?.can_run()?;
    block_on(vm, Blocking::Forever);
    Ok(Value::None)
}

fn loop_stop(_vm: &mut Vm, _t: Option<&Value>, _args: Args) -> PyResult {
    runtime::stop().map_err(|e| to_exception(&e, None))?;
    Ok(Value::None)
}

fn loop_is_running(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this_loop(t)?.running()))
}

fn loop_is_closed(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this_loop(t)?.closed.get()))
}

fn loop_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this_loop(t)?;
    if me.running() {
        return Err(python::exceptions::runtime_error(
            "Cannot close a running event loop",
        ));
    }
    me.closed.set(true);
    Ok(Value::None)
}

fn loop_get_debug(_vm: &mut Vm, _t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(false))
}

/// A callback and its arguments, as `call_soon` / `call_later` got them.
struct Call {
    callback: Value,
    args: Vec<Value>,
}

impl Call {
    /// How asyncio's `_format_callback_source` writes it: `hello_world() at main.py:7`,
    /// `say(<_UnixSelecto...e debug=False>, '1 s', True) at main.py:4`; a partial as its
    /// function with the bound arguments, then its own call (`stop_loop(…)()`).
    fn describe(&self, vm: &mut Vm) -> PyResult<String> {
        let mut text = String::new();
        let mut suffix = String::new();
        let mut func = self.callback.clone();
        let mut args = self.args.clone();
        let mut kw = Vec::new();
        while let Value::Partial(p) = &func {
            suffix = format!("{}{suffix}", arguments(vm, &args, &kw)?);
            args = p.args.clone();
            kw = p.kw.clone();
            func = p.func.clone();
        }
        let source = match &func {
            Value::Function(f) => {
                text.push_str(&f.qualname);
                Some(f.code.first_line)
            }
            Value::Builtin(b) => {
                text.push_str(b.name);
                None
            }
            Value::Method(m) => {
                match &m.1 {
                    Value::Function(f) => text.push_str(&f.qualname),
                    other => text.push_str(&python::ops::repr(vm, other)?),
                }
                None
            }
            other => {
                text.push_str(&python::ops::repr(vm, other)?);
                None
            }
        };
        text.push_str(&arguments(vm, &args, &kw)?);
        text.push_str(&suffix);
        if let Some(line) = source {
            text.push_str(&format!(" at main.py:{line}"));
        }
        Ok(text)
    }
}

/// `(a, b, k=c)`, each value as `reprlib.repr` shortens it.
fn arguments(vm: &mut Vm, args: &[Value], kw: &[(python::value::Str, Value)]) -> PyResult<String> {
    let mut items = Vec::with_capacity(args.len() + kw.len());
    for a in args {
        items.push(short(vm, a)?);
    }
    for (k, v) in kw {
        items.push(format!("{k}={}", short(vm, v)?));
    }
    Ok(format!("({})", items.join(", ")))
}

/// `reprlib.repr(v)`: a string cut to 30 characters of repr, anything else's repr cut so.
fn short(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Value::Str(s) = v {
        let chars: Vec<char> = s.chars().collect();
        let head: String = chars.iter().take(30).collect();
        let whole = runtime::repr::str_repr(&head);
        if whole.chars().count() <= 30 {
            return Ok(whole);
        }
        let (i, j) = (13, 14);
        let kept: String = chars[..i.min(chars.len())]
            .iter()
            .chain(&chars[chars.len().saturating_sub(j)..])
            .collect();
        let r: Vec<char> = runtime::repr::str_repr(&kept).chars().collect();
        let start: String = r[..i.min(r.len())].iter().collect();
        let end: String = r[r.len().saturating_sub(j)..].iter().collect();
        return Ok(format!("{start}...{end}"));
    }
    Ok(runtime::repr::short_repr(&python::ops::repr(vm, v)?))
}

/// What `call_soon` / `call_later` return: `handle.cancel()`, `handle.when()`, and asyncio's
/// repr.
struct Handle {
    handle: runtime::Handle,
    call: Rc<Call>,
}

impl HostObject for Handle {
    fn type_name(&self) -> &str {
        if self.handle.when().is_some() {
            "TimerHandle"
        } else {
            "Handle"
        }
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "cancel" => method("cancel", handle_cancel, this),
            "cancelled" => method("cancelled", handle_cancelled, this),
            "when" if self.handle.when().is_some() => method("when", handle_when, this),
            _ => return None,
        })
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let kind = self.type_name();
        let when = self.handle.when().map_or(String::new(), |w| {
            format!(" when={}", python::repr::float_repr(w))
        });
        if self.handle.cancelled() {
            return Ok(format!("<{kind} cancelled{when}>"));
        }
        Ok(format!("<{kind}{when} {}>", self.call.describe(vm)?))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn handle_when(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Float(
        this::<Handle>(t)?.handle.when().unwrap_or(0.0),
    ))
}

fn handle_cancel(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Handle>(t)?.handle.cancel();
    Ok(Value::None)
}

fn handle_cancelled(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<Handle>(t)?.handle.cancelled()))
}
