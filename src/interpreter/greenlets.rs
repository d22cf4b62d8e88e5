//! greenlet on the runtime: each greenlet is a task stepping its function, and a switch is a
//! one-shot future resolved for the other side, as the `greenlet-switch` lesson's Rust program
//! does it. `gr.switch(*args)` resumes `gr` (its task starts at the first switch) and parks
//! the caller on its own future until someone switches back, which sends the caller what
//! `switch` returns; a greenlet whose function returns (or raises) switches to its parent with
//! that. The main greenlet is the module body, which hands the loop control while a greenlet
//! runs (see [`wait_for`]). Tasks are named after the greenlet's function (`f1`), as the
//! lesson's timeline shows them.
//!
//! What differs from CPython's greenlet: a greenlet's function is suspended where it calls
//! `switch` itself, not in a function it called (the page's one loop cannot suspend a stack of
//! plain calls; that is said, never run wrong); `throw` is not there.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use python::types::{exc_class, Exc};
use python::value::{Class, Generator, HostObject};
use python::vm::Top;
use python::{Args, PyResult, Value, Vm};

use super::asyncio::{self, block_on, Blocking};
use super::drive::{self, to_exception, to_runtime_error};
use super::objects::{function, method, module, this, Awaiting, ExceptionFamily};
use crate::runtime::{self, Error, Future, Task, TaskId};

thread_local! {
    static CLASSES: ExceptionFamily = const { ExceptionFamily::new("greenlet") };
    /// The main greenlet: the module body.
    static MAIN: RefCell<Option<Rc<Inner>>> = const { RefCell::new(None) };
    /// The started greenlets that have not ended, by their task.
    static STARTED: RefCell<Vec<(TaskId, Rc<Inner>)>> = const { RefCell::new(Vec::new()) };
}

/// A new program has no greenlets.
pub(super) fn forget() {
    MAIN.with(|m| *m.borrow_mut() = None);
    STARTED.with(|s| s.borrow_mut().clear());
}

/// `greenlet.GreenletExit`: a greenlet raising it ends, giving its parent the exception.
fn greenlet_exit() -> Rc<Class> {
    CLASSES.with(|c| c.class("GreenletExit", || exc_class(Exc::BaseException)))
}

/// Where a call that waits is made: the module body's own call (the main greenlet), or a
/// greenlet's function's own call. Anywhere else it cannot wait (the page's one loop cannot
/// suspend a stack of plain calls): that is said, before the call does anything.
#[derive(Clone, Copy)]
pub(super) enum Waiter {
    Main,
    Greenlet,
}

/// Who would wait for `call` (see [`Waiter`]).
pub(super) fn waiter(vm: &Vm, call: &str) -> PyResult<Waiter> {
    match (vm.caller_can_wait(), runtime::current_task_id()) {
        (Some(Top::Module), None) => Ok(Waiter::Main),
        (Some(Top::Greenlet), Some(_)) => Ok(Waiter::Greenlet),
        _ => Err(python::exceptions::unsupported(&format!(
            "{call} in a function called by a greenlet's function or by the program (here it waits only at the top level of the program or of a greenlet's function)"
        ))),
    }
}

/// The wait for `future`, whose result the call then returns (or raises): the main greenlet
/// hands the loop control until then (the others run), a greenlet's function yields it to its
/// task, as an `await`. `call` names the call.
pub(super) fn wait_for(vm: &mut Vm, waiter: Waiter, future: Future<Value>, call: &'static str) {
    match waiter {
        Waiter::Main => block_on(vm, Blocking::Until(future)),
        Waiter::Greenlet => {
            let wait = Box::pin(async move {
                future
                    .await
                    .map_err(|e| to_exception(&e, runtime::current_task_id()))
            });
            vm.suspend = Some((Awaiting::value("switch", wait), call));
        }
    }
}

/// A task stepping `body` (a greenlet's function), named `name`; `ended` gets how the function
/// ended, inside the task, and gives the task's own end.
pub(super) fn body_task(
    vm: &mut Vm,
    body: Rc<Generator>,
    name: &str,
    ended: impl FnOnce(&mut Vm, PyResult) -> runtime::Result<Value> + 'static,
) -> PyResult<Task<Value>> {
    let vm_rc = asyncio::vm_rc()?;
    let qualname = body.qualname.to_string();
    let future = async move {
        let result = drive::drive(vm_rc.clone(), body).await;
        let mut vm = vm_rc.borrow_mut();
        let end = ended(&mut vm, result);
        vm.flush_warnings();
        end
    };
    runtime::create_task_for_coroutine(future, Some(name), &qualname, vm.call_line)
        .map_err(|e| to_exception(&e, None))
}

/// Where a greenlet is in its life.
#[derive(Clone, Copy, PartialEq)]
enum State {
    NotStarted,
    Started,
    Dead,
}

/// A greenlet's life, shared by its object and whoever switches to it.
struct Inner {
    run: Value,
    /// Whom it switches to when its function ends: `None` for the main greenlet.
    parent: Option<Rc<Inner>>,
    state: Cell<State>,
    /// Resolved with what the next switch here sends; a new one each time it parks.
    baton: RefCell<Option<Future<Value>>>,
    /// Its object, `greenlet.greenlet`, while the program holds it.
    object: RefCell<Weak<Greenlet>>,
}

impl Inner {
    fn new(run: Value, parent: Option<Rc<Inner>>, state: State) -> Rc<Inner> {
        Rc::new(Inner {
            run,
            parent,
            state: Cell::new(state),
            baton: RefCell::new(None),
            object: RefCell::new(Weak::new()),
        })
    }

    /// Its object: the same one as long as the program holds it.
    fn object(self: &Rc<Self>) -> Value {
        if let Some(object) = self.object.borrow().upgrade() {
            return Value::Host(object);
        }
        let object = Rc::new(Greenlet(self.clone()));
        *self.object.borrow_mut() = Rc::downgrade(&object);
        Value::Host(object)
    }

    /// Parks it: the future its next switch resolves.
    fn park(&self) -> PyResult<Future<Value>> {
        let baton = Future::new().map_err(|e| to_exception(&e, None))?;
        *self.baton.borrow_mut() = Some(baton.clone());
        Ok(baton)
    }

    /// The parent it switches to at its end (the main greenlet's is the main greenlet).
    fn parent(&self) -> Rc<Inner> {
        self.parent.clone().unwrap_or_else(main_greenlet)
    }
}

/// The main greenlet (the module body), made once.
fn main_greenlet() -> Rc<Inner> {
    MAIN.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| Inner::new(Value::None, None, State::Started))
            .clone()
    })
}

/// `greenlet.getcurrent()`: the greenlet whose task is running, else the main one.
fn current() -> Rc<Inner> {
    let task = runtime::current_task_id();
    task.and_then(|task| {
        STARTED.with(|s| {
            s.borrow()
                .iter()
                .find(|(id, _)| *id == task)
                .map(|(_, g)| g.clone())
        })
    })
    .unwrap_or_else(main_greenlet)
}

/// What a switch sends: the arguments of `switch(*args, **kwargs)`, or how a greenlet's
/// function ended (for its parent).
enum Sent {
    Args(Args),
    Ended(PyResult),
}

impl Sent {
    /// What `switch()` returns to the greenlet it resumes: `()` for no arguments, the one
    /// argument, or their tuple (`(args, kwargs)` with keywords), as greenlet gives it.
    fn into_result(self) -> PyResult {
        match self {
            Sent::Ended(result) => result,
            Sent::Args(args) if !args.kw.is_empty() => {
                let mut kw = python::dict::Dict::new();
                for (k, v) in args.kw {
                    kw.set_str(&k, v);
                }
                Ok(Value::tuple(vec![
                    Value::tuple(args.pos),
                    Value::Dict(Rc::new(RefCell::new(kw))),
                ]))
            }
            Sent::Args(mut args) if args.pos.len() == 1 => Ok(args.pos.remove(0)),
            Sent::Args(args) => Ok(Value::tuple(args.pos)),
        }
    }
}

/// Resumes `target` with `sent`: a dead greenlet passes it on to its parent; one not started
/// starts its task (its function called with the arguments); a parked one (the main one
/// too) gets it from its future.
fn resume(vm: &mut Vm, mut target: Rc<Inner>, sent: Sent) -> PyResult<()> {
    while target.state.get() == State::Dead {
        target = target.parent();
    }
    if target.state.get() == State::NotStarted {
        let args = match sent {
            Sent::Args(args) => args,
            Sent::Ended(Ok(v)) => Args::new(vec![v]),
            Sent::Ended(Err(e)) => {
                // Thrown into a greenlet that never started: it ends at once, passing it on.
                target.state.set(State::Dead);
                return resume(vm, target.parent(), Sent::Ended(Err(e)));
            }
        };
        return start(vm, &target, args);
    }
    let baton = target.baton.borrow_mut().take();
    let Some(baton) = baton else {
        return Err(python::exceptions::runtime_error(
            "cannot switch to a greenlet that is not waiting",
        ));
    };
    let _ = match sent.into_result() {
        Ok(v) => baton.set_result(v),
        Err(e) => baton.set_exception(to_runtime_error(vm, &e)),
    };
    Ok(())
}

/// Starts `target`'s task: its function called with `args`, and at its end a switch to its
/// parent with what it returned or raised.
fn start(vm: &mut Vm, target: &Rc<Inner>, args: Args) -> PyResult<()> {
    let body = vm.greenlet(&target.run, args)?;
    let name = body.name.to_string();
    target.state.set(State::Started);
    let me = target.clone();
    let task = body_task(vm, body, &name, move |vm, result| {
        me.state.set(State::Dead);
        STARTED.with(|s| s.borrow_mut().retain(|(_, g)| !Rc::ptr_eq(g, &me)));
        let result = match result {
            Err(e) if asyncio::is_cancelled_error(&e) => return Err(Error::Cancelled),
            Err(e) if e.is(&greenlet_exit()) => Ok(e.value()),
            other => other,
        };
        resume(vm, me.parent(), Sent::Ended(result)).map_err(|e| to_runtime_error(vm, &e))?;
        Ok(Value::None)
    })?;
    STARTED.with(|s| s.borrow_mut().push((task.id(), target.clone())));
    Ok(())
}

/// `greenlet.greenlet`: the object of a greenlet's life.
struct Greenlet(Rc<Inner>);

/// `gr.switch(*args, **kwargs)`.
fn switch(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let target = this::<Greenlet>(t)?.0.clone();
    let me = current();
    if Rc::ptr_eq(&me, &target) {
        return Sent::Args(args).into_result();
    }
    const CALL: &str = "greenlet.switch()";
    let waiter = waiter(vm, CALL)?;
    let baton = me.park()?;
    resume(vm, target, Sent::Args(args))?;
    wait_for(vm, waiter, baton, CALL);
    Ok(Value::None)
}

impl HostObject for Greenlet {
    fn type_name(&self) -> &str {
        "greenlet"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let inner = &self.0;
        Some(match name {
            "switch" => method("switch", switch, this),
            "run" => Ok(inner.run.clone()),
            "dead" => Ok(Value::Bool(inner.state.get() == State::Dead)),
            "parent" => Ok(inner.parent.as_ref().map_or(Value::None, Inner::object)),
            "throw" => Err(python::exceptions::unsupported("greenlet.throw()")),
            _ => return None,
        })
    }
    fn is_true(&self) -> bool {
        self.0.state.get() == State::Started
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let inner = &self.0;
        let state = match inner.state.get() {
            State::NotStarted => "pending",
            State::Started if inner.parent.is_none() => "current active started main",
            State::Started if Rc::ptr_eq(inner, &current()) => "current active started",
            State::Started => "suspended active started",
            State::Dead => "dead",
        };
        Ok(format!(
            "<greenlet.greenlet object at {:#x} {state}>",
            Rc::as_ptr(inner) as usize
        ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `greenlet(run=None, parent=None)`: a greenlet not started yet, whose parent is the current
/// greenlet unless given.
fn new_greenlet(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let run = args.get(0, "run").cloned().unwrap_or(Value::None);
    let parent = match args.get(1, "parent") {
        None | Some(Value::None) => current(),
        Some(Value::Host(h)) => match h.as_any().downcast_ref::<Greenlet>() {
            Some(g) => g.0.clone(),
            None => return Err(python::exceptions::type_error("parent must be a greenlet")),
        },
        Some(_) => return Err(python::exceptions::type_error("parent must be a greenlet")),
    };
    Ok(Inner::new(run, Some(parent), State::NotStarted).object())
}

/// `greenlet.getcurrent()`.
fn getcurrent(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(current().object())
}

/// `import greenlet` (`from greenlet import greenlet, getcurrent, GreenletExit`).
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    match name {
        "greenlet" => Some(module(
            name,
            vec![
                ("greenlet", function("greenlet", new_greenlet)),
                ("getcurrent", function("getcurrent", getcurrent)),
                ("GreenletExit", Value::Class(greenlet_exit())),
            ],
        )),
        _ => None,
    }
}
