//! gevent on the runtime: `gevent.spawn(f, *args)` is a task stepping `f` as a greenlet's
//! function (see [`super::greenlets`]), named as gevent names its greenlets (`Greenlet-0`,
//! `Greenlet-1`, …), as the `gevent-spawn` lesson's timeline shows them. `gevent.sleep(s)` in
//! it is the runtime's sleep (the task waits on the loop's timer while the others run), in the
//! module body a timer the loop runs until; `joinall` and `join` wait for the tasks.
//!
//! What differs from gevent: a greenlet waits where its function calls `sleep` or `join`
//! itself, not in a function it called; `gevent.monkey`, which makes the standard library's
//! blocking calls switch greenlets, is not there (`time.sleep` blocks the loop, as in Python
//! without it).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use python::value::HostObject;
use python::{Args, PyResult, Value, Vm};

use super::drive::to_exception;
use super::greenlets::{body_task, wait_for, waiter, Waiter};
use super::objects::{function, method, module, this, Sleep};
use crate::runtime::{self, Error, Future, Task};

thread_local! {
    /// The number the next greenlet's name takes.
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// A new program has spawned no greenlets.
pub(super) fn forget() {
    NEXT.with(|n| n.set(0));
}

/// `gevent.Greenlet`: a spawned function's task, and how its function ended.
struct Greenlet {
    name: Rc<str>,
    function: Rc<str>,
    task: Task<Value>,
    ended: Rc<RefCell<Option<PyResult>>>,
}

impl Greenlet {
    fn repr(&self) -> String {
        format!(
            "<Greenlet \"{}\" at {:#x}: {}>",
            self.name,
            Rc::as_ptr(&self.ended) as usize,
            self.function
        )
    }
}

impl HostObject for Greenlet {
    fn type_name(&self) -> &str {
        "Greenlet"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let ended = self.ended.borrow().clone();
        Some(match name {
            "name" => Ok(Value::Str(self.name.clone())),
            "value" => Ok(match ended {
                Some(Ok(v)) => v,
                _ => Value::None,
            }),
            "exception" => Ok(match ended {
                Some(Err(e)) => e.value(),
                _ => Value::None,
            }),
            "dead" => Ok(Value::Bool(self.task.done())),
            "ready" => method("ready", greenlet_ready, this),
            "successful" => method("successful", greenlet_successful, this),
            "join" => method("join", greenlet_join, this),
            "get" => method("get", greenlet_get, this),
            "kill" | "throw" | "link" | "link_value" | "link_exception" | "unlink" | "start"
            | "start_later" => Err(python::exceptions::unsupported(&format!(
                "Greenlet.{name}()"
            ))),
            _ => return None,
        })
    }
    fn is_true(&self) -> bool {
        !self.task.done()
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(self.repr())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn greenlet_ready(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<Greenlet>(t)?.task.done()))
}

fn greenlet_successful(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let ended = this::<Greenlet>(t)?.ended.borrow().clone();
    Ok(Value::Bool(matches!(ended, Some(Ok(_)))))
}

/// `timeout=` of a wait: `None` for none; seconds otherwise.
fn timeout(args: &Args, index: usize) -> PyResult<Option<f64>> {
    match args.get(index, "timeout") {
        None | Some(Value::None) => Ok(None),
        Some(v) => python::int::to_f64(v).map(Some).ok_or_else(|| {
            python::exceptions::type_error(format!(
                "timeout must be a number, not {}",
                python::types::type_name(v)
            ))
        }),
    }
}

/// A future resolved with `value()` once every one of `tasks` is done, or at `timeout`.
fn when_done(
    tasks: &[Task<Value>],
    timeout: Option<f64>,
    value: impl Fn() -> Value + 'static,
) -> Result<Future<Value>, Error> {
    let future = Future::new()?;
    let value = Rc::new(value);
    let left = Rc::new(Cell::new(tasks.len()));
    for task in tasks {
        let (future, left, value) = (future.clone(), left.clone(), value.clone());
        task.add_done_callback(move |_| {
            left.set(left.get() - 1);
            if left.get() == 0 && !future.done() {
                let _ = future.set_result(value());
            }
        });
    }
    if let Some(seconds) = timeout {
        let future = future.clone();
        runtime::call_later(seconds, move || {
            if !future.done() {
                let _ = future.set_result(value());
            }
        })?;
    }
    Ok(future)
}

/// `gevent.joinall(greenlets, timeout=None)`: waits until they are all dead (or the timeout),
/// and returns the dead ones.
fn joinall(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let listed = match args.get(0, "greenlets") {
        Some(v) => python::iter::collect(vm, v)?,
        None => {
            return Err(python::exceptions::type_error(
                "joinall() missing 1 required positional argument: 'greenlets'",
            ))
        }
    };
    let timeout = timeout(&args, 1)?;
    let mut tasks = Vec::new();
    for g in &listed {
        match g {
            Value::Host(h) if h.as_any().is::<Greenlet>() => {
                tasks.push(this::<Greenlet>(Some(g))?.task.clone())
            }
            other => {
                return Err(python::exceptions::type_error(format!(
                    "joinall() waits for greenlets, not {}",
                    python::types::type_name(other)
                )))
            }
        }
    }
    let dead = move || {
        Value::list(
            listed
                .iter()
                .filter(|g| matches!(g, Value::Host(h) if !h.is_true()))
                .cloned()
                .collect(),
        )
    };
    if tasks.iter().all(|t| t.done()) {
        return Ok(dead());
    }
    const CALL: &str = "gevent.joinall()";
    let waiter = waiter(vm, CALL)?;
    let future = when_done(&tasks, timeout, dead).map_err(|e| to_exception(&e, None))?;
    wait_for(vm, waiter, future, CALL);
    Ok(Value::None)
}

/// `greenlet.join(timeout=None)`: waits until it is dead (or the timeout).
fn greenlet_join(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let task = this::<Greenlet>(t)?.task.clone();
    if task.done() {
        return Ok(Value::None);
    }
    const CALL: &str = "Greenlet.join()";
    let waiter = waiter(vm, CALL)?;
    let future = when_done(&[task], timeout(&args, 0)?, || Value::None)
        .map_err(|e| to_exception(&e, None))?;
    wait_for(vm, waiter, future, CALL);
    Ok(Value::None)
}

/// `greenlet.get()`: what its function returned, or the exception it raised, once it has
/// ended (waiting for that).
fn greenlet_get(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let greenlet = this::<Greenlet>(t)?;
    if let Some(ended) = greenlet.ended.borrow().clone() {
        return ended;
    }
    const CALL: &str = "Greenlet.get()";
    let waiter = waiter(vm, CALL)?;
    let future = Future::new().map_err(|e| to_exception(&e, None))?;
    let (resolved, ended) = (future.clone(), greenlet.ended.clone());
    greenlet.task.add_done_callback(move |_| {
        let _ = match ended.borrow().clone() {
            Some(Ok(v)) => resolved.set_result(v),
            Some(Err(e)) => {
                let error = super::asyncio::vm_rc()
                    .map(|vm| super::drive::to_runtime_error(&mut vm.borrow_mut(), &e))
                    .unwrap_or(Error::Cancelled);
                resolved.set_exception(error)
            }
            None => resolved.set_exception(Error::Cancelled),
        };
    });
    wait_for(vm, waiter, future, CALL);
    Ok(Value::None)
}

/// `gevent.sleep(seconds=0)`: the greenlet waits on the loop's timer while the others run.
fn sleep(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let seconds = match args.get(0, "seconds") {
        None => 0.0,
        Some(v) => python::int::to_f64(v).ok_or_else(|| {
            python::exceptions::type_error(format!(
                "seconds must be a number, not {}",
                python::types::type_name(v)
            ))
        })?,
    }
    .max(0.0);
    const CALL: &str = "gevent.sleep()";
    match waiter(vm, CALL)? {
        Waiter::Greenlet => {
            let sleep = Sleep {
                seconds,
                result: Value::None,
            };
            vm.suspend = Some((Value::Host(Rc::new(sleep)), CALL));
        }
        Waiter::Main => {
            let future = Future::new().map_err(|e| to_exception(&e, None))?;
            let woken = future.clone();
            runtime::call_later(seconds, move || {
                let _ = woken.set_result(Value::None);
            })
            .map_err(|e| to_exception(&e, None))?;
            wait_for(vm, Waiter::Main, future, CALL);
        }
    }
    Ok(Value::None)
}

/// `gevent.spawn(function, *args, **kwargs)`: a new greenlet running `function(*args,
/// **kwargs)`, as a task that starts on the loop's next turn. An exception it raises is
/// printed with its traceback, as gevent's hub prints it, and kept as its `exception`.
fn spawn(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut pos = args.pos.into_iter();
    let Some(func) = pos.next() else {
        return Err(python::exceptions::type_error(
            "spawn() missing 1 required positional argument: 'run'",
        ));
    };
    let body = vm.greenlet(
        &func,
        Args {
            pos: pos.collect(),
            kw: args.kw,
        },
    )?;
    let number = NEXT.with(|n| n.replace(n.get() + 1));
    let name: Rc<str> = Rc::from(format!("Greenlet-{number}"));
    let function = body.name.clone();
    let ended: Rc<RefCell<Option<PyResult>>> = Rc::new(RefCell::new(None));
    let keep = ended.clone();
    let described = format!(
        "<Greenlet \"{name}\" at {:#x}: {function}>",
        Rc::as_ptr(&ended) as usize
    );
    let task = body_task(vm, body, &name, move |vm, result| {
        if let Err(e) = &result {
            if super::asyncio::is_cancelled_error(e) {
                return Err(Error::Cancelled);
            }
            let traceback = python::traceback::format(vm, e, "main.py");
            let class = python::types::type_name(&e.value());
            vm.host
                .write_err(&format!("{traceback}{described} failed with {class}\n"));
        }
        *keep.borrow_mut() = Some(result);
        Ok(Value::None)
    })?;
    Ok(Value::Host(Rc::new(Greenlet {
        name,
        function,
        task,
        ended,
    })))
}

/// `import gevent` (and `gevent.monkey`, which is said to be missing).
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    match name {
        "gevent" => Some(module(
            name,
            vec![
                ("spawn", function("spawn", spawn)),
                ("sleep", function("sleep", sleep)),
                ("joinall", function("joinall", joinall)),
            ],
        )),
        "gevent.monkey" => Some(Err(python::exceptions::unsupported(
            "gevent.monkey (it makes the standard library's blocking calls switch greenlets; here time.sleep blocks the loop, as in Python without it)",
        ))),
        _ => None,
    }
}
