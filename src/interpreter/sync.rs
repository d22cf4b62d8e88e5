//! asyncio's `Queue` (`LifoQueue`, `PriorityQueue`), `Lock`, `Semaphore` (`BoundedSemaphore`),
//! `Event` and `Condition` for interpreted programs: the runtime's own primitives behind
//! Python's methods, so a task that waits on one is a runtime wait in the Trace.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use python::dict::Dict;
use python::types::{exc_class, new_class, Exc};
use python::value::{BuiltinType, Class, HostObject, HostWait};
use python::{Args, PyResult, Value, Vm};

use crate::runtime::{self, Error, Permit};

use super::asyncio::VM;
use super::drive::{to_exception, to_runtime_error};
use super::objects::{method, this, Awaiting};

thread_local! {
    static QUEUE_CLASSES: RefCell<Option<(Rc<Class>, Rc<Class>)>> = const { RefCell::new(None) };
}

/// `asyncio.QueueEmpty` and `asyncio.QueueFull`, as CPython 3.11 names them.
pub(super) fn queue_classes() -> (Rc<Class>, Rc<Class>) {
    QUEUE_CLASSES.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let make = |name: &str| {
                    new_class(
                        name,
                        "asyncio.queues",
                        vec![exc_class(Exc::Exception)],
                        Dict::new(),
                        BuiltinType::BaseException,
                    )
                    .unwrap_or_else(|_| exc_class(Exc::Exception))
                };
                (make("QueueEmpty"), make("QueueFull"))
            })
            .clone()
    })
}

fn done(v: Value) -> Value {
    Awaiting::value("coroutine", Box::pin(async move { Ok(v) }))
}

/// The runtime's error of a primitive as Python's exception: the queue's own classes, and the
/// `ValueError` / `RuntimeError` texts the runtime gives for misuse.
fn sync_error(e: Error) -> python::Exception {
    match &e {
        Error::Raised(m) if &**m == "QueueFull" => {
            python::exceptions::instantiate(&queue_classes().1, Vec::new())
        }
        Error::Raised(m) if &**m == "QueueEmpty" => {
            python::exceptions::instantiate(&queue_classes().0, Vec::new())
        }
        Error::Raised(m) if m.starts_with("ValueError: ") => {
            python::exceptions::value_error(&m["ValueError: ".len()..])
        }
        Error::Raised(m) if m.starts_with("RuntimeError: ") => {
            python::exceptions::runtime_error(&m["RuntimeError: ".len()..])
        }
        _ => to_exception(&e, None),
    }
}

/// Which item comes out first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// `asyncio.Queue`: first in, first out.
    Fifo,
    /// `asyncio.LifoQueue`: last in, first out.
    Lifo,
    /// `asyncio.PriorityQueue`: the smallest first, kept as a binary heap with `<` exactly as
    /// `heapq` does (so items of equal priority come out in heapq's order, not FIFO).
    Priority,
}

/// `asyncio.Queue`, `LifoQueue`, `PriorityQueue`.
pub(super) struct PyQueue {
    pub queue: runtime::Queue<Value>,
    pub order: Order,
    /// `maxsize` as given (0 or less is unbounded).
    pub maxsize: i64,
}

impl HostObject for PyQueue {
    fn type_name(&self) -> &str {
        match self.order {
            Order::Fifo => "Queue",
            Order::Lifo => "LifoQueue",
            Order::Priority => "PriorityQueue",
        }
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(super::asyncio::class(self.type_name()))
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
            "maxsize" => Ok(Value::Int(self.maxsize)),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `a < b` for the heap, the Python exception kept for whoever awaits.
fn less(vm: &mut Vm, a: &Value, b: &Value) -> Result<bool, Error> {
    python::ops::lt(vm, a, b).map_err(|e| to_runtime_error(vm, &e))
}

/// `heapq.heappush`.
fn heap_push(vm: &mut Vm, heap: &mut VecDeque<Value>, item: Value) -> Result<(), Error> {
    heap.push_back(item);
    sift_down(vm, heap, 0, heap.len() - 1)
}

fn sift_down(
    vm: &mut Vm,
    heap: &mut VecDeque<Value>,
    start: usize,
    mut pos: usize,
) -> Result<(), Error> {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if less(vm, &item, &heap[parent])? {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
    Ok(())
}

/// `heapq.heappop`.
fn heap_pop(vm: &mut Vm, heap: &mut VecDeque<Value>) -> Result<Option<Value>, Error> {
    let Some(last) = heap.pop_back() else {
        return Ok(None);
    };
    if heap.is_empty() {
        return Ok(Some(last));
    }
    let first = std::mem::replace(&mut heap[0], last);
    let end = heap.len();
    let item = heap[0].clone();
    let mut pos = 0;
    let mut child = 1;
    while child < end {
        let right = child + 1;
        if right < end && !less(vm, &heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(vm, heap, 0, pos)?;
    Ok(Some(first))
}

/// Where `order` puts an item, with `vm` for a priority queue's comparisons.
fn place(vm: &mut Vm, order: Order, items: &mut VecDeque<Value>, item: Value) -> Result<(), Error> {
    match order {
        Order::Fifo | Order::Lifo => {
            items.push_back(item);
            Ok(())
        }
        Order::Priority => heap_push(vm, items, item),
    }
}

/// Which item `order` takes out.
fn take(vm: &mut Vm, order: Order, items: &mut VecDeque<Value>) -> Result<Option<Value>, Error> {
    match order {
        Order::Fifo => Ok(items.pop_front()),
        Order::Lifo => Ok(items.pop_back()),
        Order::Priority => heap_pop(vm, items),
    }
}

/// The interpreter, for a wait that ends outside any Python call (the loop polls it): a
/// priority queue's comparisons run then.
fn with_vm<T>(f: impl FnOnce(&mut Vm) -> Result<T, Error>) -> Result<T, Error> {
    let vm = VM
        .with(|v| v.borrow().upgrade())
        .ok_or(Error::NoRunningLoop)?;
    let mut vm = vm
        .try_borrow_mut()
        .map_err(|_| Error::raised("RuntimeError: the interpreter is busy"))?;
    f(&mut vm)
}

fn queue_put(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?;
    let (queue, order) = (q.queue.clone(), q.order);
    let item = args.pos.into_iter().next().unwrap_or(Value::None);
    let f: HostWait = Box::pin(async move {
        queue
            .put_by(item, |items, item| {
                with_vm(|vm| place(vm, order, items, item))
            })
            .await
            .map_err(sync_error)?;
        Ok(Value::None)
    });
    Ok(Awaiting::value("put", f))
}

fn queue_get(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?;
    let (queue, order) = (q.queue.clone(), q.order);
    Ok(Awaiting::value(
        "get",
        Box::pin(async move {
            queue
                .get_by(|items| with_vm(|vm| take(vm, order, items)))
                .await
                .map_err(sync_error)
        }),
    ))
}

fn queue_put_nowait(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?;
    let item = args.pos.into_iter().next().unwrap_or(Value::None);
    q.queue
        .put_nowait_by(item, |items, item| place(vm, q.order, items, item))
        .map_err(sync_error)?;
    Ok(Value::None)
}

fn queue_get_nowait(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?;
    q.queue
        .get_nowait_by(|items| take(vm, q.order, items))
        .map_err(sync_error)
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
    this::<PyQueue>(t)?.queue.task_done().map_err(sync_error)?;
    Ok(Value::None)
}

fn queue_join(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let q = this::<PyQueue>(t)?.queue.clone();
    let f: HostWait = Box::pin(async move {
        q.join().await.map_err(sync_error)?;
        Ok(Value::None)
    });
    Ok(Awaiting::value("join", f))
}

/// Which primitive a [`PyLock`] is.
pub(super) enum LockKind {
    /// `asyncio.Lock`: its waits are the Trace's `Lock` waits.
    Lock(runtime::Lock),
    /// `asyncio.Semaphore`: `release()` beyond what was acquired adds a slot.
    Semaphore(runtime::Semaphore),
    /// `asyncio.BoundedSemaphore`: releasing beyond what was acquired is a `ValueError`.
    Bounded(runtime::Semaphore),
}

/// `asyncio.Lock`, `Semaphore` and `BoundedSemaphore`: the runtime's lock or semaphore,
/// holding the permits the program acquired until it releases them.
pub(super) struct PyLock {
    kind: LockKind,
    permits: Rc<RefCell<Vec<Permit>>>,
}

impl PyLock {
    pub fn new(kind: LockKind) -> PyLock {
        PyLock {
            kind,
            permits: Rc::new(RefCell::new(Vec::new())),
        }
    }

    fn locked(&self) -> bool {
        match &self.kind {
            LockKind::Lock(l) => l.locked(),
            LockKind::Semaphore(s) | LockKind::Bounded(s) => s.locked(),
        }
    }

    /// A future of one more permit, kept in `permits`.
    fn acquire(&self) -> HostWait {
        let permits = self.permits.clone();
        let acquiring: std::pin::Pin<Box<dyn std::future::Future<Output = Result<Permit, Error>>>> =
            match &self.kind {
                LockKind::Lock(l) => {
                    let l = l.clone();
                    Box::pin(async move { l.acquire().await })
                }
                LockKind::Semaphore(s) | LockKind::Bounded(s) => {
                    let s = s.clone();
                    Box::pin(async move { s.acquire().await })
                }
            };
        Box::pin(async move {
            let permit = acquiring.await.map_err(|e| to_exception(&e, None))?;
            permits.borrow_mut().push(permit);
            Ok(Value::Bool(true))
        })
    }

    fn release(&self) -> PyResult {
        if self.permits.borrow_mut().pop().is_some() {
            return Ok(Value::None);
        }
        match &self.kind {
            LockKind::Lock(_) => Err(python::exceptions::runtime_error("Lock is not acquired.")),
            LockKind::Semaphore(s) => {
                s.release();
                Ok(Value::None)
            }
            LockKind::Bounded(_) => Err(python::exceptions::value_error(
                "BoundedSemaphore released too many times",
            )),
        }
    }
}

impl HostObject for PyLock {
    fn type_name(&self) -> &str {
        match self.kind {
            LockKind::Lock(_) => "Lock",
            LockKind::Semaphore(_) => "Semaphore",
            LockKind::Bounded(_) => "BoundedSemaphore",
        }
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(super::asyncio::class(self.type_name()))
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
    Ok(Awaiting::value("acquire", this::<PyLock>(t)?.acquire()))
}

fn lock_release(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyLock>(t)?.release()
}

fn lock_aexit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyLock>(t)?.release()?;
    Ok(done(Value::None))
}

fn lock_locked(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyLock>(t)?.locked()))
}

/// `asyncio.Condition(lock=None)`: the runtime's condition over the `asyncio.Lock` object it
/// was given (or its own), so `async with cond` and `async with lock` hold the same lock.
pub(super) struct PyCondition {
    cond: runtime::Condition,
    /// The `PyLock` (of kind `Lock`) the condition is built on.
    lock: Rc<dyn HostObject>,
}

impl PyCondition {
    /// Over `lock` (an `asyncio.Lock` object), or a new lock.
    pub fn new(lock: Option<&Value>) -> PyResult<PyCondition> {
        let lock: Rc<dyn HostObject> = match lock {
            None | Some(Value::None) => Rc::new(PyLock::new(LockKind::Lock(runtime::Lock::new()))),
            Some(Value::Host(h)) if h.as_any().downcast_ref::<PyLock>().is_some() => h.clone(),
            Some(_) => {
                return Err(python::exceptions::unsupported(
                    "asyncio.Condition over anything but an asyncio.Lock",
                ))
            }
        };
        let runtime_lock = match lock.as_any().downcast_ref::<PyLock>().map(|l| &l.kind) {
            Some(LockKind::Lock(l)) => l.clone(),
            _ => {
                return Err(python::exceptions::unsupported(
                    "asyncio.Condition over anything but an asyncio.Lock",
                ))
            }
        };
        Ok(PyCondition {
            cond: runtime::Condition::new(runtime_lock),
            lock,
        })
    }

    fn lock(&self) -> PyResult<&PyLock> {
        self.lock
            .as_any()
            .downcast_ref::<PyLock>()
            .ok_or_else(|| python::exceptions::type_error("wrong object"))
    }

    /// A future of one `wait()`: gives the lock's permit to the runtime's condition and keeps
    /// the one it takes back.
    fn wait(&self) -> PyResult<HostWait> {
        let lock = self.lock()?;
        let Some(permit) = lock.permits.borrow_mut().pop() else {
            return Err(python::exceptions::runtime_error(
                "cannot wait on un-acquired lock",
            ));
        };
        let permits = lock.permits.clone();
        let cond = self.cond.clone();
        Ok(Box::pin(async move {
            let (permit, result) = cond.wait(permit).await;
            permits.borrow_mut().push(permit);
            result.map_err(|e| to_exception(&e, None))?;
            Ok(Value::Bool(true))
        }))
    }
}

impl HostObject for PyCondition {
    fn type_name(&self) -> &str {
        "Condition"
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(super::asyncio::class(self.type_name()))
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "acquire" | "__aenter__" => method("acquire", cond_acquire, this),
            "release" => method("release", cond_release, this),
            "__aexit__" => method("__aexit__", cond_aexit, this),
            "locked" => method("locked", cond_locked, this),
            "wait" => method("wait", cond_wait, this),
            "wait_for" => method("wait_for", cond_wait_for, this),
            "notify" => method("notify", cond_notify, this),
            "notify_all" => method("notify_all", cond_notify_all, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn cond_lock(t: Option<&Value>) -> PyResult<&PyLock> {
    this::<PyCondition>(t)?.lock()
}

fn cond_acquire(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Awaiting::value("acquire", cond_lock(t)?.acquire()))
}

fn cond_release(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    cond_lock(t)?.release()
}

fn cond_aexit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    cond_lock(t)?.release()?;
    Ok(done(Value::None))
}

fn cond_locked(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(cond_lock(t)?.locked()))
}

fn cond_wait(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Awaiting::value("wait", this::<PyCondition>(t)?.wait()?))
}

/// `await cond.wait_for(predicate)`: the predicate is called now, and again after each wake
/// (by the loop, outside any other Python call), until it gives something true.
fn cond_wait_for(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let c = this::<PyCondition>(t)?;
    let Some(predicate) = args.pos.into_iter().next() else {
        return Err(python::exceptions::type_error(
            "Condition.wait_for() missing 1 required positional argument: 'predicate'",
        ));
    };
    let result = vm.call(&predicate, Args::default())?;
    if python::ops::truthy(vm, &result)? {
        return Ok(done(result));
    }
    let first = c.wait()?;
    let me = t.cloned();
    let f: HostWait = Box::pin(async move {
        first.await?;
        loop {
            let vm = VM
                .with(|v| v.borrow().upgrade())
                .ok_or_else(|| python::exceptions::runtime_error("no running event loop"))?;
            let result = {
                let mut vm = vm.borrow_mut();
                let result = vm.call(&predicate, Args::default())?;
                let truth = python::ops::truthy(&mut vm, &result)?;
                vm.flush_warnings();
                truth.then_some(result)
            };
            if let Some(result) = result {
                return Ok(result);
            }
            this::<PyCondition>(me.as_ref())?.wait()?.await?;
        }
    });
    Ok(Awaiting::value("wait_for", f))
}

fn cond_notify(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let n = args
        .get(0, "n")
        .map(|v| {
            python::int::to_i64(v).ok_or_else(|| {
                python::exceptions::type_error(format!(
                    "'<=' not supported between instances of 'int' and '{}'",
                    python::types::type_name(v)
                ))
            })
        })
        .transpose()?
        .unwrap_or(1);
    this::<PyCondition>(t)?
        .cond
        .notify(n.max(0) as usize)
        .map_err(sync_error)?;
    Ok(Value::None)
}

fn cond_notify_all(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyCondition>(t)?
        .cond
        .notify_all()
        .map_err(sync_error)?;
    Ok(Value::None)
}

/// `asyncio.Event`
pub(super) struct PyEvent {
    pub event: runtime::Event,
}

impl HostObject for PyEvent {
    fn type_name(&self) -> &str {
        "Event"
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(super::asyncio::class(self.type_name()))
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
