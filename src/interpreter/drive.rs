//! Stepping coroutines on the runtime: what `Task.__step` does in CPython. A coroutine yields
//! what it waits on (a host object); the runtime waits; the result (or the exception) is sent
//! back in.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use python::value::{GenKind, Generator};
use python::{Exception, Exit, PyResult, Resume, Value, Vm};

use crate::runtime::{self, Error, Task, TaskId};

use super::asyncio;

thread_local! {
    /// The Python exception behind each runtime error made from one, by the address of the
    /// error's message (the runtime keeps only text; clones of an error share the text).
    static FAILURES: RefCell<HashMap<usize, (Rc<str>, Exception)>> = RefCell::new(HashMap::new());
    /// The `CancelledError` that ended each cancelled task, with its frames, until it is
    /// retrieved (CPython's `Task._cancelled_exc`: the first `result()` raises that one).
    static CANCELLED: RefCell<HashMap<TaskId, Exception>> = RefCell::new(HashMap::new());
    /// The message of each task's last `cancel(msg)` (CPython's `Task._cancel_message`): the
    /// `CancelledError` the task sees carries it.
    static CANCEL_MESSAGES: RefCell<HashMap<TaskId, Value>> = RefCell::new(HashMap::new());
    /// Every task the program made, until it is seen done (for `asyncio.run`'s shutdown).
    static TASKS: RefCell<Vec<Task<Value>>> = const { RefCell::new(Vec::new()) };
}

/// Steps `gen` until it returns, waiting on the runtime for what it yields.
pub(super) async fn drive(vm: Rc<RefCell<Vm>>, gen: Rc<Generator>) -> PyResult {
    let mut how = Resume::Send(Value::None);
    loop {
        let step = {
            let mut vm = vm.borrow_mut();
            let step = vm.resume(&gen, how);
            vm.flush_warnings();
            step
        };
        match step? {
            Exit::Return(v) => return Ok(v),
            Exit::Yield(v) => {
                how = match wait_on(&vm, &v) {
                    Ok(future) => match future.await {
                        Ok(v) => Resume::Send(v),
                        Err(e) => Resume::Throw(e),
                    },
                    Err(e) => Resume::Throw(e),
                }
            }
        }
    }
}

/// What awaiting `v` gives, for the host's own callers of the program's code (a handler, an
/// ASGI application, a lifespan): a coroutine is stepped to its end, a host awaitable waited
/// on; anything else is the value itself (a plain function's result).
pub(super) async fn awaited(vm: Rc<RefCell<Vm>>, v: Value) -> PyResult {
    match v {
        Value::Generator(g) if g.kind == GenKind::Coroutine => {
            g.awaited.set(true);
            drive(vm, g).await
        }
        Value::Host(h) if h.awaitable() => match h.start_wait(&h) {
            Some(wait) => wait.await,
            None => Ok(Value::None),
        },
        other => Ok(other),
    }
}

fn wait_on(vm: &Rc<RefCell<Vm>>, v: &Value) -> Result<python::value::HostWait, Exception> {
    if let Value::Host(h) = v {
        if let Some(f) = h.start_wait(h) {
            return Ok(f);
        }
    }
    let mut vm = vm.borrow_mut();
    let repr = python::ops::repr(&mut vm, v).unwrap_or_default();
    Err(python::exceptions::runtime_error(format!(
        "Task got bad yield: {repr}"
    )))
}

/// A Python exception as the runtime's error: cancellation is `Cancelled`, anything else keeps
/// its text (and the task keeps the exception itself, for whoever awaits it).
pub(super) fn to_runtime_error(vm: &mut Vm, e: &Exception) -> Error {
    if asyncio::is_cancelled_error(e) {
        return Error::Cancelled;
    }
    let text: Rc<str> = Rc::from(python::traceback::summary(vm, e));
    FAILURES.with(|f| {
        f.borrow_mut().insert(
            Rc::as_ptr(&text) as *const u8 as usize,
            (text.clone(), e.clone()),
        )
    });
    Error::Raised(text)
}

/// The runtime's error as the Python exception it stands for.
pub(super) fn to_exception(error: &Error, task: Option<TaskId>) -> Exception {
    if let (Error::Cancelled, Some(task)) = (error, task) {
        if let Some(e) = CANCELLED.with(|c| c.borrow_mut().remove(&task)) {
            return e;
        }
    }
    if let Error::Raised(text) = error {
        let key = Rc::as_ptr(text) as *const u8 as usize;
        if let Some((_, e)) = FAILURES.with(|f| f.borrow().get(&key).cloned()) {
            return e;
        }
    }
    match error {
        Error::Cancelled => {
            // The task's own cancellation, or (awaited from outside, never started) the one
            // it was asked for.
            let of = task.or_else(runtime::current_task_id);
            let message = of.and_then(|t| CANCEL_MESSAGES.with(|m| m.borrow().get(&t).cloned()));
            asyncio::cancelled_error(message)
        }
        // `wait_for`'s: from the cancellation that ended the task it waited for.
        Error::Timeout => {
            let cancelled = task.and_then(|t| CANCELLED.with(|c| c.borrow_mut().remove(&t)));
            asyncio::timeout_error(cancelled.as_ref())
        }
        Error::InvalidState(what) => asyncio::invalid_state_error(what),
        Error::NoRunningLoop => python::exceptions::runtime_error("no running event loop"),
        other => python::exceptions::runtime_error(other.to_string()),
    }
}

/// Wraps a coroutine object in a runtime task, as `asyncio.create_task` does.
/// What a task's end needs to know of the Python side: the task, and the `Task` object the
/// program holds (if it was ever given one). A failed task that nobody retrieves and nobody
/// holds any more is "never retrieved", as CPython logs when the task object is freed.
#[derive(Default)]
pub(super) struct Watch {
    pub task: RefCell<Option<Task<Value>>>,
    pub object: RefCell<Option<std::rc::Weak<dyn python::HostObject>>>,
}

impl Watch {
    fn unseen(&self) -> bool {
        let dropped = self
            .object
            .borrow()
            .as_ref()
            .is_some_and(|w| w.upgrade().is_none());
        let retrieved = self.task.borrow().as_ref().is_some_and(|t| t.retrieved());
        dropped && !retrieved
    }
}

pub(super) fn spawn(
    vm: &Rc<RefCell<Vm>>,
    coro: Rc<Generator>,
    name: Option<&str>,
    line: u32,
) -> Result<(Task<Value>, Rc<Watch>), Exception> {
    if coro.kind != GenKind::Coroutine {
        return Err(python::exceptions::type_error(
            "a coroutine was expected, got a generator",
        ));
    }
    coro.awaited.set(true);
    let qualname = coro.name.to_string();
    let vm2 = vm.clone();
    let watch = Rc::new(Watch::default());
    let seen = watch.clone();
    let future = async move {
        let result = drive(vm2.clone(), coro).await;
        match result {
            Ok(v) => Ok(v),
            Err(e) => {
                let mut vm = vm2.borrow_mut();
                let error = to_runtime_error(&mut vm, &e);
                if error == Error::Cancelled {
                    if let Some(task) = &*seen.task.borrow() {
                        CANCELLED.with(|c| c.borrow_mut().insert(task.id(), e.clone()));
                    }
                }
                if error != Error::Cancelled && seen.unseen() {
                    vm.host.write_err("Task exception was never retrieved\n");
                }
                Err(error)
            }
        }
    };
    let task = runtime::create_task_for_coroutine(future, name, &qualname, line)
        .map_err(|e| to_exception(&e, None))?;
    *watch.task.borrow_mut() = Some(task.clone());
    track(&task);
    Ok((task, watch))
}

/// Keeps `task` among the program's tasks (see [`unfinished_tasks`]).
pub(super) fn track(task: &Task<Value>) {
    TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        // Forget the finished ones now and then: amortised, a task costs O(1) here.
        if tasks.len() >= 64 && tasks.len().is_power_of_two() {
            tasks.retain(|t| !t.done());
        }
        tasks.push(task.clone());
    });
}

/// The program's tasks that have not ended, oldest first: `asyncio.all_tasks()`.
pub(super) fn unfinished_tasks() -> Vec<Task<Value>> {
    TASKS.with(|tasks| {
        let mut tasks = tasks.borrow_mut();
        tasks.retain(|t| !t.done());
        tasks.clone()
    })
}

/// `task.cancel(msg)`: what the `CancelledError` the task sees says (none for `None`).
pub(super) fn set_cancel_message(task: TaskId, message: Option<Value>) {
    CANCEL_MESSAGES.with(|m| {
        let mut messages = m.borrow_mut();
        match message {
            Some(message) if !matches!(message, Value::None) => messages.insert(task, message),
            _ => messages.remove(&task),
        }
    });
}

/// Forgets the exceptions of a finished run's tasks.
pub(super) fn forget_failures() {
    FAILURES.with(|f| f.borrow_mut().clear());
    CANCELLED.with(|c| c.borrow_mut().clear());
    CANCEL_MESSAGES.with(|m| m.borrow_mut().clear());
    TASKS.with(|t| t.borrow_mut().clear());
}
