//! asyncio's `Queue`, `Lock`, `Semaphore` and `Event` for interpreted programs: the runtime's
//! own primitives behind Python's methods.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::value::{HostObject, HostWait};
use python::{Args, PyResult, Value, Vm};

use crate::runtime::{self, Error, Permit};

use super::drive::to_exception;
use super::objects::{method, this, Awaiting};

fn done(v: Value) -> Value {
    Awaiting::value("coroutine", Box::pin(async move { Ok(v) }))
}

fn queue_error(e: Error) -> python::Exception {
    match &e {
        Error::Raised(m) if &**m == "QueueFull" => {
            python::exceptions::new(python::types::Exc::Exception, "QueueFull")
        }
        Error::Raised(m) if &**m == "QueueEmpty" => {
            python::exceptions::new(python::types::Exc::Exception, "QueueEmpty")
        }
        Error::Raised(m) if m.starts_with("ValueError: ") => {
            python::exceptions::value_error(&m["ValueError: ".len()..])
        }
        _ => to_exception(&e, None),
    }
}

/// `asyncio.Queue`
pub(super) struct PyQueue {
    pub queue: runtime::Queue<Value>,
}

impl HostObject for PyQueue {
    fn type_name(&self) -> &str {
        "Queue"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "put" => method("put", queue_put, this),
            "get" => method("get", queue_get, this),
            "put_nowait" => method("put_nowait", queue_put_nowait, this),
            "get_nowait" => method("get_nowait", queue_get_nowait, this),
            "qsize" => method("qsize", queue_qsize, this),
            "empty" => method("empty", queue_empty, this),
            "full" => method("full", queue_full, this),
            "task_done" => method("task_done", queue_task_done, this),
            "join" => method("join", queue_join, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn queue_put(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?.queue.clone();
    let item = args.pos.into_iter().next().unwrap_or(Value::None);
    let f: HostWait = Box::pin(async move {
        q.put(item).await.map_err(queue_error)?;
        Ok(Value::None)
    });
    Ok(Awaiting::value("put", f))
}

fn queue_get(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?.queue.clone();
    Ok(Awaiting::value(
        "get",
        Box::pin(async move { q.get().await.map_err(queue_error) }),
    ))
}

fn queue_put_nowait(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let q = &this::<PyQueue>(t)?.queue;
    q.put_nowait(args.pos.into_iter().next().unwrap_or(Value::None))
        .map_err(queue_error)?;
    Ok(Value::None)
}

fn queue_get_nowait(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyQueue>(t)?.queue.get_nowait().map_err(queue_error)
}

fn queue_qsize(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Int(this::<PyQueue>(t)?.queue.qsize() as i64))
}

fn queue_empty(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyQueue>(t)?.queue.empty()))
}

fn queue_full(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyQueue>(t)?.queue.full()))
}

fn queue_task_done(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyQueue>(t)?.queue.task_done().map_err(queue_error)?;
    Ok(Value::None)
}

fn queue_join(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?.queue.clone();
    let f: HostWait = Box::pin(async move {
        q.join().await.map_err(queue_error)?;
        Ok(Value::None)
    });
    Ok(Awaiting::value("join", f))
}

/// `asyncio.Lock` and `asyncio.Semaphore`: the runtime's semaphore, holding the permits the
/// program acquired until it releases them.
pub(super) struct PyLock {
    semaphore: runtime::Semaphore,
    permits: Rc<RefCell<Vec<Permit>>>,
    is_lock: bool,
}

impl PyLock {
    pub fn new(semaphore: runtime::Semaphore, is_lock: bool) -> PyLock {
        PyLock {
            semaphore,
            permits: Rc::new(RefCell::new(Vec::new())),
            is_lock,
        }
    }
}

impl HostObject for PyLock {
    fn type_name(&self) -> &str {
        if self.is_lock {
            "Lock"
        } else {
            "Semaphore"
        }
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "acquire" | "__aenter__" => method("acquire", lock_acquire, this),
            "release" => method("release", lock_release, this),
            "__aexit__" => method("__aexit__", lock_aexit, this),
            "locked" => method("locked", lock_locked, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn lock_acquire(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let lock = this::<PyLock>(t)?;
    let semaphore = lock.semaphore.clone();
    let permits = lock.permits.clone();
    let f: HostWait = Box::pin(async move {
        let permit = semaphore
            .acquire()
            .await
            .map_err(|e| to_exception(&e, None))?;
        permits.borrow_mut().push(permit);
        Ok(Value::Bool(true))
    });
    Ok(Awaiting::value("acquire", f))
}

fn release(lock: &PyLock) -> PyResult {
    if lock.permits.borrow_mut().pop().is_none() && lock.is_lock {
        return Err(python::exceptions::runtime_error("Lock is not acquired."));
    }
    Ok(Value::None)
}

fn lock_release(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    release(this::<PyLock>(t)?)
}

fn lock_aexit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    release(this::<PyLock>(t)?)?;
    Ok(done(Value::None))
}

fn lock_locked(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyLock>(t)?.semaphore.locked()))
}

/// `asyncio.Event`
pub(super) struct PyEvent {
    pub event: runtime::Event,
}

impl HostObject for PyEvent {
    fn type_name(&self) -> &str {
        "Event"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "set" => method("set", event_set, this),
            "clear" => method("clear", event_clear, this),
            "is_set" => method("is_set", event_is_set, this),
            "wait" => method("wait", event_wait, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn event_set(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyEvent>(t)?.event.set();
    Ok(Value::None)
}

fn event_clear(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyEvent>(t)?.event.clear();
    Ok(Value::None)
}

fn event_is_set(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyEvent>(t)?.event.is_set()))
}

fn event_wait(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let event = this::<PyEvent>(t)?.event.clone();
    let f: HostWait = Box::pin(async move {
        event.wait().await.map_err(|e| to_exception(&e, None))?;
        Ok(Value::Bool(true))
    });
    Ok(Awaiting::value("wait", f))
}
