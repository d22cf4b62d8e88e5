//! Generator, coroutine and async generator objects: `send`, `throw`, `close`, and the
//! awaitables of an async generator's `__anext__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::exceptions::{self, type_error};
use crate::types::{exc_class, Exc};
use crate::value::*;
use crate::vm::{Exit, Resume, Vm};

fn this_gen(this: Option<&Value>) -> PyResult<Rc<Generator>> {
    match this {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(type_error("descriptor requires a generator")),
    }
}

fn method(name: &'static str, func: NativeFn, this: &Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        this: Some(this.clone()),
    }))
}

/// The attributes of a generator-like object.
pub fn attr(vm: &mut Vm, g: &Rc<Generator>, this: &Value, name: &str) -> Option<PyResult> {
    let _ = vm;
    let is_async_gen = g.kind == GenKind::AsyncGenerator;
    Some(Ok(match name {
        "__name__" => Value::Str(g.name.clone()),
        "__qualname__" => Value::Str(g.qualname.clone()),
        "send" if !is_async_gen => method("send", gen_send, this),
        "throw" if !is_async_gen => method("throw", gen_throw, this),
        "close" if !is_async_gen => method("close", gen_close, this),
        "__next__" if g.kind == GenKind::Generator => method("__next__", gen_next, this),
        "__iter__" if g.kind == GenKind::Generator => method("__iter__", identity, this),
        "__await__" if g.kind == GenKind::Coroutine => method("__await__", identity, this),
        "__anext__" | "asend" if is_async_gen => method("__anext__", agen_anext, this),
        "__aiter__" if is_async_gen => method("__aiter__", identity, this),
        "aclose" if is_async_gen => method("aclose", agen_aclose, this),
        "athrow" if is_async_gen => method("athrow", agen_athrow, this),
        "gi_running" | "cr_running" | "ag_running" => {
            Value::Bool(g.state.get() == GenState::Running)
        }
        "cr_await" | "gi_yieldfrom" => Value::None,
        _ => return None,
    }))
}

fn identity(_vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    Ok(this.cloned().unwrap_or(Value::None))
}

/// `gen.send(v)`: the value it yields, or `StopIteration(return value)`.
fn gen_send(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let g = this_gen(this)?;
    let v = args.pos.into_iter().next().unwrap_or(Value::None);
    finish(vm.resume(&g, Resume::Send(v))?)
}

fn gen_next(vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let g = this_gen(this)?;
    finish(vm.resume(&g, Resume::Send(Value::None))?)
}

fn finish(exit: Exit) -> PyResult {
    match exit {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(exceptions::stop_iteration(v)),
    }
}

/// `gen.throw(exc)`
fn gen_throw(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let g = this_gen(this)?;
    let Some(v) = args.pos.first() else {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    };
    let exc = crate::class::make_exception(vm, v)?;
    finish(vm.resume(&g, Resume::Throw(exc))?)
}

/// `gen.close()`: raises `GeneratorExit` inside it; it must not yield again.
fn gen_close(vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let g = this_gen(this)?;
    close(vm, &g)
}

pub fn close(vm: &mut Vm, g: &Rc<Generator>) -> PyResult {
    match g.state.get() {
        GenState::Created => {
            g.state.set(GenState::Closed);
            g.frame.borrow_mut().take();
            return Ok(Value::None);
        }
        GenState::Closed => return Ok(Value::None),
        _ => {}
    }
    let exit = exceptions::new(Exc::GeneratorExit, "");
    exit.state().args.clear();
    match vm.resume(g, Resume::Throw(exit)) {
        Ok(Exit::Yield(_)) => Err(exceptions::runtime_error("generator ignored GeneratorExit")),
        Ok(Exit::Return(_)) => Ok(Value::None),
        Err(e) if e.is(&exc_class(Exc::GeneratorExit)) || e.is(&exc_class(Exc::StopIteration)) => {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// The awaitable of `agen.asend(v)` / `agen.__anext__()`.
pub fn asend(g: &Rc<Generator>, v: Value) -> Value {
    awaitable_step(g, Resume::Send(v))
}

/// The awaitable of an async generator's next step, resumed by `how`.
fn awaitable_step(g: &Rc<Generator>, how: Resume) -> Value {
    Value::Iter(Rc::new(RefCell::new(Iter::ASend {
        gen: g.clone(),
        first: Some(how),
        default: None,
    })))
}

/// `agen.athrow(e)`: the awaitable that raises `e` where the generator is suspended, and gives
/// what it yields next (or raises what comes out of it).
fn agen_athrow(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let g = this_gen(this)?;
    let Some(v) = args.pos.first() else {
        return Err(type_error("athrow expected at least 1 argument, got 0"));
    };
    let exc = crate::class::make_exception(vm, v)?;
    Ok(awaitable_step(&g, Resume::Throw(exc)))
}

fn agen_anext(_vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let g = this_gen(this)?;
    Ok(asend(
        &g,
        args.pos.into_iter().next().unwrap_or(Value::None),
    ))
}

fn agen_aclose(vm: &mut Vm, this: Option<&Value>, _args: Args) -> PyResult {
    let g = this_gen(this)?;
    if g.state.get() != GenState::Suspended {
        g.state.set(GenState::Closed);
        g.frame.borrow_mut().take();
    } else {
        let exit = exceptions::new(Exc::GeneratorExit, "");
        exit.state().args.clear();
        match vm.resume(&g, Resume::Throw(exit)) {
            Ok(Exit::Yield(_)) => {
                return Err(exceptions::runtime_error(
                    "async generator ignored GeneratorExit",
                ))
            }
            Ok(Exit::Return(_)) => {}
            Err(e)
                if e.is(&exc_class(Exc::GeneratorExit))
                    || e.is(&exc_class(Exc::StopAsyncIteration)) => {}
            Err(e) => return Err(e),
        }
    }
    // An awaitable that finishes at once.
    Ok(crate::builtins::ready_awaitable(Value::None))
}

/// One step of an async generator driven by its `asend` awaitable: a value it yields ends the
/// awaitable with that value; what its own `await`s pass out goes on out to the loop.
pub fn async_gen_step(vm: &mut Vm, g: &Rc<Generator>, how: Resume) -> PyResult<Exit> {
    match vm.resume(g, how) {
        Ok(Exit::Yield(Value::Iter(it))) => {
            let inner = match &*it.borrow() {
                Iter::AsyncGenValue(v) => Some(v.clone()),
                _ => None,
            };
            match inner {
                Some(v) => Ok(Exit::Return(v)),
                None => Ok(Exit::Yield(Value::Iter(it))),
            }
        }
        Ok(Exit::Yield(other)) => Ok(Exit::Yield(other)),
        Ok(Exit::Return(_)) => {
            let e = exceptions::new(Exc::StopAsyncIteration, "");
            e.state().args.clear();
            Err(e)
        }
        Err(e) => Err(e),
    }
}
