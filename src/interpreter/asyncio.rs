//! The `asyncio` module of interpreted programs: every function is the runtime's own
//! (`sleep` its timer, `create_task` its task, `gather`/`wait`/`wait_for` its combinators).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use python::dict::Dict;
use python::types::{exc_class, host_type, new_class, Exc};
use python::value::{
    Builtin, BuiltinType, Class, GenKind, Generator, HostObject, HostWait, Module, NativeFn,
};
use python::{Args, Exception, PyResult, Value, Vm};

use crate::runtime::{self, ReturnWhen, Task};

use super::drive::{spawn, to_exception, to_runtime_error};
use super::event_loop;
use super::objects::{method, this, Awaiting, PyFuture, PyTask, Sleep};
use super::sync::{LockKind, Order, PyCondition, PyLock, PyQueue};

thread_local! {
    pub(super) static VM: RefCell<Weak<RefCell<Vm>>> = const { RefCell::new(Weak::new()) };
    static CLASSES: RefCell<Option<(Rc<Class>, Rc<Class>)>> = const { RefCell::new(None) };
    /// The `Task` object of each task the program created, for `current_task()`.
    static TASKS: RefCell<Vec<(runtime::TaskId, Weak<dyn HostObject>)>> = const { RefCell::new(Vec::new()) };
    /// The `Task` objects of the tasks the module body hands the loop (see [`new_task`]).
    static MAIN_TASKS: RefCell<Vec<Rc<dyn HostObject>>> = const { RefCell::new(Vec::new()) };
}

/// Makes `vm` the interpreter the module's functions use (one program runs at a time).
pub(super) fn attach(vm: &Rc<RefCell<Vm>>) {
    VM.with(|v| *v.borrow_mut() = Rc::downgrade(vm));
    TASKS.with(|t| t.borrow_mut().clear());
    event_loop::forget();
    super::policy::forget();
    super::executor::forget();
    super::threads::forget();
    super::files::forget();
    super::greenlets::forget();
    super::gevent::forget();
    MAIN_TASKS.with(|t| t.borrow_mut().clear());
    super::drive::forget_failures();
}

pub(super) fn vm_rc() -> PyResult<Rc<RefCell<Vm>>> {
    VM.with(|v| v.borrow().upgrade())
        .ok_or_else(|| python::exceptions::runtime_error("no running event loop"))
}

/// `asyncio.CancelledError` and `asyncio.InvalidStateError`.
fn classes() -> (Rc<Class>, Rc<Class>) {
    CLASSES.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let cancelled = new_class(
                    "CancelledError",
                    "asyncio.exceptions",
                    vec![exc_class(Exc::BaseException)],
                    Dict::new(),
                    BuiltinType::BaseException,
                )
                .unwrap_or_else(|_| exc_class(Exc::BaseException));
                let invalid = new_class(
                    "InvalidStateError",
                    "asyncio.exceptions",
                    vec![exc_class(Exc::Exception)],
                    Dict::new(),
                    BuiltinType::BaseException,
                )
                .unwrap_or_else(|_| exc_class(Exc::Exception));
                (cancelled, invalid)
            })
            .clone()
    })
}

/// The `TimeoutError` of a timeout (`asyncio.timeout`, `wait_for`), raised `from` the
/// `CancelledError` that ended what it waited for, when there is one to say.
pub(super) fn timeout_error(cancelled: Option<&Exception>) -> Exception {
    let timeout = python::exceptions::new(Exc::TimeoutError, "");
    let mut state = timeout.state();
    state.args.clear();
    if let Some(cancelled) = cancelled {
        state.cause = Some(cancelled.value());
        state.context = Some(cancelled.value());
        state.suppress_context = true;
    }
    drop(state);
    timeout
}

/// `CancelledError(message)`, or a bare one.
pub(super) fn cancelled_error(message: Option<Value>) -> Exception {
    python::exceptions::instantiate(&classes().0, message.into_iter().collect())
}

pub(super) fn is_cancelled_error(e: &Exception) -> bool {
    e.is(&classes().0)
}

pub(super) fn invalid_state_error(what: &str) -> Exception {
    python::exceptions::instantiate(&classes().1, vec![Value::str(what)])
}

/// An exception a callback raised: asyncio logs it and the loop goes on.
pub(super) fn report_callback_error(vm: &mut Vm, e: &Exception, source: Option<&str>) {
    let text = match source {
        // asyncio's log record begins with the handle's callback (the transcript keeps a log
        // record's first line, as the differential harness does).
        Some(source) => format!("Exception in callback {source}\n"),
        None => format!(
            "Exception in callback: {}\n",
            python::traceback::summary(vm, e)
        ),
    };
    vm.host.write_err(&text);
}

/// What a server's blocking call in the module body does (`web.run_app(app)`,
/// `uvicorn.run(app)`, `server.serve_forever()`): it hands the loop `serve` as `asyncio.run`
/// hands it `main`, named `coroutine`, until it ends (for a server, until Stop).
pub(super) fn run_serving(
    vm: &mut Vm,
    coroutine: &str,
    serve: impl std::future::Future<Output = runtime::Result<Value>> + 'static,
) -> PyResult {
    let task = runtime::create_task_for_coroutine(serve, None, coroutine, vm.call_line)
        .map_err(|e| to_exception(&e, None))?;
    event_loop::new_loop();
    block_on(vm, Blocking::Run(task));
    Ok(Value::None)
}

/// What the module body hands the loop when it calls `asyncio.run(main())`,
/// `loop.run_until_complete(aw)` or `loop.run_forever()` (see [`super::program`]).
pub(super) enum Blocking {
    /// `asyncio.run`: the main task, then the shutdown.
    Run(Task<Value>),
    /// `loop.run_until_complete`: until the task is done.
    UntilComplete(Task<Value>),
    /// `loop.run_forever`: until `loop.stop()`.
    Forever,
    /// `pool.shutdown(wait=True)` (and leaving `with pool:`): until these jobs have ended.
    Jobs(Vec<runtime::ConcurrentFuture>),
    /// The main greenlet's switch, gevent's `joinall` and `sleep`: until the future is done,
    /// whose result the call then returns (or raises).
    Until(runtime::Future<Value>),
}

/// [`Blocking`] as the value the module's frame yields.
struct Blocked(RefCell<Option<Blocking>>);

impl HostObject for Blocked {
    fn type_name(&self) -> &str {
        "run"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, _name: &str) -> Option<PyResult> {
        None
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Makes the module body hand the loop `what` when the current call returns.
pub(super) fn block_on(vm: &mut Vm, what: Blocking) {
    vm.block_on = Some(Value::Host(Rc::new(Blocked(RefCell::new(Some(what))))));
}

/// What the module body handed the loop, if `v` is that.
pub(super) fn blocking(v: &Value) -> Option<Blocking> {
    let Value::Host(h) = v else { return None };
    h.as_any().downcast_ref::<Blocked>()?.0.borrow_mut().take()
}

/// `RuntimeError: no running event loop` unless the loop is running: module-level code runs
/// outside it.
pub(super) fn running_loop() -> PyResult<()> {
    if runtime::loop_is_running() {
        Ok(())
    } else {
        Err(python::exceptions::runtime_error("no running event loop"))
    }
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("run", run),
    ("sleep", sleep),
    ("create_task", create_task),
    ("ensure_future", make_task),
    ("gather", gather),
    ("wait_for", wait_for),
    ("wait", wait),
    ("get_running_loop", event_loop::get_running_loop),
    ("get_event_loop", event_loop::get_event_loop),
    ("new_event_loop", event_loop::new_event_loop),
    ("set_event_loop", event_loop::set_event_loop),
    ("DefaultEventLoopPolicy", super::policy::default_policy),
    (
        "set_event_loop_policy",
        super::policy::set_event_loop_policy,
    ),
    (
        "get_event_loop_policy",
        super::policy::get_event_loop_policy,
    ),
    ("current_task", current_task),
    ("all_tasks", all_tasks),
    ("as_completed", as_completed),
    ("wrap_future", super::executor::wrap_future),
    ("timeout", timeout),
    ("timeout_at", timeout_at),
    ("shield", shield),
    ("iscoroutine", iscoroutine),
    ("isfuture", isfuture),
    ("open_connection", super::streams::open_connection),
    ("start_server", super::streams::start_server),
];

/// asyncio's classes of the runtime's own queues, locks and events.
const RUNTIME_CLASSES: [&str; 8] = [
    "Queue",
    "LifoQueue",
    "PriorityQueue",
    "Lock",
    "Event",
    "Semaphore",
    "BoundedSemaphore",
    "Condition",
];

/// The class of the runtime's objects named `name` (one of [`RUNTIME_CLASSES`], where CPython defines
/// it): calling it makes one, and the objects it makes are its instances.
pub(super) fn class(name: &str) -> Rc<Class> {
    let (name, module, base, new): (_, _, _, NativeFn) = match name {
        "LifoQueue" => ("LifoQueue", "asyncio.queues", Some("Queue"), new_lifo_queue),
        "PriorityQueue" => (
            "PriorityQueue",
            "asyncio.queues",
            Some("Queue"),
            new_priority_queue,
        ),
        "Lock" => ("Lock", "asyncio.locks", None, new_lock),
        "Event" => ("Event", "asyncio.locks", None, new_event),
        "Semaphore" => ("Semaphore", "asyncio.locks", None, new_semaphore),
        "BoundedSemaphore" => (
            "BoundedSemaphore",
            "asyncio.locks",
            Some("Semaphore"),
            new_bounded_semaphore,
        ),
        "Condition" => ("Condition", "asyncio.locks", None, new_condition),
        _ => ("Queue", "asyncio.queues", None, new_queue),
    };
    let bases: Vec<Rc<Class>> = base.into_iter().map(class).collect();
    host_type(name, module, &bases, Some(new))
}

/// `import asyncio` (and its submodules' names).
pub(super) fn import(vm: &mut Vm, name: &str) -> Option<PyResult> {
    if name != "asyncio" {
        return None;
    }
    let mut d = Dict::new();
    d.set_str("__name__", Value::str("asyncio"));
    for (n, f) in FUNCTIONS {
        d.set_str(
            n,
            Value::Builtin(Rc::new(Builtin {
                name: n,
                func: *f,
                this: None,
            })),
        );
    }
    // Written in Python, as CPython's is (`python/src/lib/_host.py`).
    let host = match vm.import("_host") {
        Ok(host) => host,
        Err(e) => return Some(Err(e)),
    };
    match python::attr::get_attr(vm, &host, "to_thread") {
        Ok(to_thread) => d.set_str("to_thread", to_thread),
        Err(e) => return Some(Err(e)),
    }
    for name in RUNTIME_CLASSES {
        d.set_str(name, Value::Class(class(name)));
    }
    d.set_str(
        "Future",
        Value::Class(super::objects::future_class(
            super::objects::FutureClass::Future,
        )),
    );
    d.set_str(
        "Task",
        Value::Class(super::objects::future_class(
            super::objects::FutureClass::Task,
        )),
    );
    let (cancelled, invalid) = classes();
    d.set_str("CancelledError", Value::Class(cancelled));
    d.set_str("InvalidStateError", Value::Class(invalid));
    let (base_protocol, protocol) = super::streams::protocol_classes();
    d.set_str("BaseProtocol", Value::Class(base_protocol));
    d.set_str("Protocol", Value::Class(protocol));
    d.set_str("TimeoutError", Value::Class(exc_class(Exc::TimeoutError)));
    let (queue_empty, queue_full) = super::sync::queue_classes();
    d.set_str("QueueEmpty", Value::Class(queue_empty));
    d.set_str("QueueFull", Value::Class(queue_full));
    d.set_str("FIRST_COMPLETED", Value::str("FIRST_COMPLETED"));
    d.set_str("FIRST_EXCEPTION", Value::str("FIRST_EXCEPTION"));
    d.set_str("ALL_COMPLETED", Value::str("ALL_COMPLETED"));
    Some(Ok(Value::Module(Rc::new(Module {
        name: Rc::from("asyncio"),
        dict: RefCell::new(d),
    }))))
}

pub(super) fn run(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if runtime::loop_is_running() {
        let e = python::exceptions::runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        );
        e.state().holds.extend(args.pos);
        return Err(e);
    }
    let coro = match args.pos.first() {
        Some(Value::Generator(g)) if g.kind == GenKind::Coroutine => g.clone(),
        Some(other) => {
            let r = python::ops::repr(vm, other)?;
            return Err(python::exceptions::value_error(format!(
                "a coroutine was expected, got {r}"
            )));
        }
        None => {
            return Err(python::exceptions::type_error(
                "run() missing 1 required positional argument: 'main'",
            ))
        }
    };
    let (task, _) = new_task(vm, coro, None, false)?;
    event_loop::new_loop();
    block_on(vm, Blocking::Run(task));
    Ok(Value::None)
}

fn sleep(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let seconds = match args.pos.first() {
        Some(v) => python::int::to_f64(v).ok_or_else(|| {
            python::exceptions::type_error(format!(
                "'<=' not supported between instances of '{}' and 'int'",
                python::types::type_name(v)
            ))
        })?,
        None => {
            return Err(python::exceptions::type_error(
                "sleep() missing 1 required positional argument: 'delay'",
            ))
        }
    };
    let result = args.get(1, "result").cloned().unwrap_or(Value::None);
    Ok(Value::Host(Rc::new(Sleep {
        seconds: seconds.max(0.0),
        result,
    })))
}

/// The `Task` object of `task`, known to `current_task()` for as long as the program holds it.
fn task_object(task: Task<Value>, (coroutine, defined_at): (&str, u32)) -> Rc<dyn HostObject> {
    let vm = VM.with(|v| v.borrow().clone());
    let id = task.id();
    let object: Rc<dyn HostObject> = Rc::new(PyTask {
        task,
        coroutine: Rc::from(coroutine),
        defined_at,
        vm,
        done_callbacks: Default::default(),
    });
    TASKS.with(|t| t.borrow_mut().push((id, Rc::downgrade(&object))));
    object
}

/// `asyncio.create_task(coro)`: only where the loop is running.
pub(super) fn create_task(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    running_loop()?;
    make_task(vm, None, args)
}

/// `asyncio.ensure_future(aw)` and `loop.create_task(coro)`: a task of the loop, running or
/// not (CPython 3.11's `ensure_future` at module level takes the current loop).
pub(super) fn make_task(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if let Some(Value::Host(h)) = args.pos.first() {
        if h.as_any().is::<PyTask>() || h.as_any().is::<PyFuture>() {
            return Ok(Value::Host(h.clone()));
        }
        if let Some(coroutine) = super::objects::host_coroutine(h) {
            let task = as_task(vm, &Value::Host(h.clone()))?;
            return Ok(Value::Host(task_object(task, (coroutine, 0))));
        }
    }
    let coro = match args.pos.first() {
        Some(Value::Generator(g)) if g.kind == GenKind::Coroutine => g.clone(),
        Some(other) => {
            let r = python::ops::repr(vm, other)?;
            return Err(python::exceptions::type_error(format!(
                "a coroutine was expected, got {r}"
            )));
        }
        None => {
            return Err(python::exceptions::type_error(
                "create_task() missing 1 required positional argument: 'coro'",
            ))
        }
    };
    let name = args.keyword("name").and_then(|v| match v {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    });
    let (_, object) = new_task(vm, coro, name.as_deref(), true)?;
    Ok(Value::Host(object))
}

/// A task running `coro`, made at the current Python line, and its `Task` object. A task the
/// program `holds` (`create_task`) is "never retrieved" if it fails after the program let go
/// of its object; one it hands the loop (`asyncio.run`, `run_until_complete`) is the loop's:
/// its object lives as long as the run, and its outcome goes back to the module body.
pub(super) fn new_task(
    vm: &mut Vm,
    coro: Rc<Generator>,
    name: Option<&str>,
    holds: bool,
) -> PyResult<(Task<Value>, Rc<dyn HostObject>)> {
    let line = vm.call_line;
    let coroutine = coro.qualname.to_string();
    let defined_at = coro
        .frame
        .borrow()
        .as_ref()
        .map_or(0, |frame| frame.code.first_line);
    let (task, watch) = spawn(&vm_rc()?, coro, name, line)?;
    let object = task_object(task.clone(), (&coroutine, defined_at));
    if holds {
        *watch.object.borrow_mut() = Some(Rc::downgrade(&object));
    } else {
        MAIN_TASKS.with(|m| m.borrow_mut().push(object.clone()));
    }
    Ok((task, object))
}

/// The runtime task for an awaitable: a task as it is, a coroutine in a new task.
pub(super) fn as_task(vm: &mut Vm, v: &Value) -> PyResult<Task<Value>> {
    match v {
        Value::Host(h) => {
            if let Some(t) = h.as_any().downcast_ref::<PyTask>() {
                return Ok(t.task.clone());
            }
            if h.awaitable() {
                // A future or another awaitable: a task that awaits it.
                let wait = h
                    .start_wait(h)
                    .ok_or_else(|| python::exceptions::type_error("not awaitable"))?;
                let rc = vm_rc()?;
                let future = async move {
                    match wait.await {
                        Ok(v) => Ok(v),
                        Err(e) => Err(to_runtime_error(&mut rc.borrow_mut(), &e)),
                    }
                };
                let coroutine = super::objects::host_coroutine(h).unwrap_or(h.type_name());
                let task =
                    runtime::create_task_for_coroutine(future, None, coroutine, vm.call_line)
                        .map_err(|e| to_exception(&e, None))?;
                super::drive::track(&task);
                return Ok(task);
            }
            Err(python::exceptions::type_error(
                "An asyncio.Future, a coroutine or an awaitable is required",
            ))
        }
        Value::Generator(g) if g.kind == GenKind::Coroutine => {
            spawn(&vm_rc()?, g.clone(), None, vm.call_line).map(|(task, _)| task)
        }
        _ => Err(python::exceptions::type_error(
            "An asyncio.Future, a coroutine or an awaitable is required",
        )),
    }
}

fn gather(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let return_exceptions = match args.keyword("return_exceptions") {
        Some(v) => python::ops::truthy(vm, v)?,
        None => false,
    };
    let mut tasks = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        tasks.push(as_task(vm, a)?);
    }
    let ids: Vec<_> = tasks.iter().map(|t| t.id()).collect();
    let ids_tasks = tasks.clone();
    let future: HostWait = if return_exceptions {
        let all = runtime::gather(tasks).return_exceptions();
        Box::pin(async move {
            let results = all.await.map_err(|e| to_exception(&e, None))?;
            let values = results
                .into_iter()
                .zip(ids)
                .map(|(r, id)| match r {
                    Ok(v) => v,
                    Err(e) => to_exception(&e, Some(id)).value(),
                })
                .collect();
            Ok(Value::list(values))
        })
    } else {
        let tasks_for_error = tasks.clone();
        let all = runtime::gather(tasks);
        Box::pin(async move {
            match all.await {
                Ok(values) => Ok(Value::list(values)),
                Err(e) => {
                    // The first child to fail decides: its own exception.
                    let failed = tasks_for_error
                        .iter()
                        .find(|t| t.done() && !t.cancelled() && t.result().is_err());
                    Err(to_exception(&e, failed.map(|t| t.id())))
                }
            }
        })
    };
    Ok(Value::Host(Rc::new(Gathering {
        children: ids_tasks,
        future: RefCell::new(Some(future)),
        cancel_requested: Cell::new(false),
    })))
}

/// What `gather` returns: a `_GatheringFuture`, awaitable once, whose `cancel()` cancels every
/// child that has not ended.
struct Gathering {
    children: Vec<Task<Value>>,
    future: RefCell<Option<HostWait>>,
    /// A `cancel()` cancelled a child: the gather then ends with `CancelledError` as its
    /// exception, so it is never `cancelled()` itself (CPython 3.11's `_cancel_requested`).
    cancel_requested: Cell<bool>,
}

impl HostObject for Gathering {
    fn type_name(&self) -> &str {
        "_GatheringFuture"
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(super::objects::future_class(
            super::objects::FutureClass::Gathering,
        ))
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "cancel" => method("cancel", gathering_cancel, this),
            "done" => method("done", gathering_done, this),
            "cancelled" => method("cancelled", gathering_cancelled, this),
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<HostWait> {
        Some(self.future.borrow_mut().take().unwrap_or_else(|| {
            Box::pin(async {
                Err(python::exceptions::runtime_error(
                    "a gather can be awaited once here (Loopscope's Python)",
                ))
            })
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let state = if self.children.iter().all(|t| t.done()) {
            "finished"
        } else {
            "pending"
        };
        Ok(format!("<_GatheringFuture {state}>"))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn gathering_cancel(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Gathering>(t)?;
    if me.cancel_requested.get() || me.children.iter().all(|t| t.done()) {
        return Ok(Value::Bool(false));
    }
    // Every child is asked: no short-circuiting.
    let cancelled = me.children.iter().filter(|t| t.cancel()).count() > 0;
    me.cancel_requested.set(cancelled);
    Ok(Value::Bool(cancelled))
}

fn gathering_cancelled(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Gathering>(t)?;
    Ok(Value::Bool(false))
}

fn gathering_done(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(
        this::<Gathering>(t)?.children.iter().all(|t| t.done()),
    ))
}

/// `asyncio.isfuture(obj)`: a task, a future or a gather.
fn isfuture(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let future = super::objects::future_class(super::objects::FutureClass::Future);
    Ok(Value::Bool(matches!(
        args.pos.first(),
        Some(v @ Value::Host(_)) if python::types::type_of(v).is_subclass(&future)
    )))
}

fn timeout_arg(vm: &mut Vm, args: &Args, index: usize) -> PyResult<Option<f64>> {
    let v = args.get(index, "timeout").cloned();
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => python::int::to_f64(&v).map(Some).ok_or_else(|| {
            let t = python::types::type_name(&v);
            let _ = vm;
            python::exceptions::type_error(format!("timeout must be a number, not {t}"))
        }),
    }
}

fn wait_for(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let aw = args.pos.first().cloned().ok_or_else(|| {
        python::exceptions::type_error("wait_for() missing 1 required positional argument: 'fut'")
    })?;
    let timeout = timeout_arg(vm, &args, 1)?;
    let task = as_task(vm, &aw)?;
    let id = task.id();
    let waiting = runtime::wait_for(task, timeout);
    Ok(Awaiting::value(
        "wait_for",
        Box::pin(async move { waiting.await.map_err(|e| to_exception(&e, Some(id))) }),
    ))
}

fn wait(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let aws = args.pos.first().cloned().ok_or_else(|| {
        python::exceptions::type_error("wait() missing 1 required positional argument: 'fs'")
    })?;
    let timeout = timeout_arg(vm, &args, 1)?;
    let return_when = match args.keyword("return_when").cloned() {
        Some(Value::Str(s)) if &*s == "FIRST_COMPLETED" => ReturnWhen::FirstCompleted,
        Some(Value::Str(s)) if &*s == "FIRST_EXCEPTION" => ReturnWhen::FirstException,
        Some(Value::Str(s)) if &*s == "ALL_COMPLETED" => ReturnWhen::AllCompleted,
        None => ReturnWhen::AllCompleted,
        Some(other) => {
            let r = python::ops::repr(vm, &other)?;
            return Err(python::exceptions::value_error(format!(
                "Invalid return_when value: {r}"
            )));
        }
    };
    let items = python::iter::collect(vm, &aws)?;
    let mut values = Vec::new();
    let mut tasks = Vec::new();
    for item in &items {
        if let Value::Generator(g) = item {
            if g.kind == GenKind::Coroutine {
                g.awaited.set(true);
                return Err(python::exceptions::type_error(
                    "Passing coroutines is forbidden, use tasks explicitly.",
                ));
            }
        }
        let task = as_task(vm, item)?;
        values.push(item.clone());
        tasks.push(task);
    }
    let waiting = runtime::wait(tasks.clone(), timeout, return_when);
    Ok(Awaiting::value(
        "wait",
        Box::pin(async move {
            let (done, _pending) = waiting.await.map_err(|e| to_exception(&e, None))?;
            let mut done_set = python::dict::Set::new();
            let mut pending_set = python::dict::Set::new();
            for (task, value) in tasks.iter().zip(values) {
                if done.iter().any(|d| d.id() == task.id()) {
                    done_set.add(value)?;
                } else {
                    pending_set.add(value)?;
                }
            }
            Ok(Value::tuple(vec![
                Value::Set(Rc::new(RefCell::new(done_set))),
                Value::Set(Rc::new(RefCell::new(pending_set))),
            ]))
        }),
    ))
}

fn current_task(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    running_loop()?;
    let Some(id) = runtime::current_task_id() else {
        return Ok(Value::None);
    };
    let known = TASKS.with(|t| {
        t.borrow()
            .iter()
            .find(|(i, _)| *i == id)
            .and_then(|(_, v)| v.upgrade())
    });
    if let Some(v) = known {
        return Ok(Value::Host(v));
    }
    let object: Rc<dyn HostObject> = Rc::new(CurrentTask { id });
    TASKS.with(|t| t.borrow_mut().push((id, Rc::downgrade(&object))));
    Ok(Value::Host(object))
}

/// `asyncio.all_tasks()`: the tasks of the running loop that have not ended.
fn all_tasks(vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    running_loop()?;
    let mut set = python::dict::Set::new();
    for task in super::drive::unfinished_tasks() {
        let id = task.id();
        let known = TASKS.with(|t| {
            t.borrow()
                .iter()
                .find(|(i, _)| *i == id)
                .and_then(|(_, v)| v.upgrade())
        });
        let object = known.unwrap_or_else(|| {
            let object: Rc<dyn HostObject> = Rc::new(CurrentTask { id });
            TASKS.with(|t| t.borrow_mut().push((id, Rc::downgrade(&object))));
            object
        });
        set.add(Value::Host(object))?;
    }
    let _ = vm;
    Ok(Value::Set(Rc::new(RefCell::new(set))))
}

/// A task the program holds no `Task` object of (a child of `gather`), seen through
/// `current_task()` or `all_tasks()`.
struct CurrentTask {
    id: runtime::TaskId,
}

impl HostObject for CurrentTask {
    fn type_name(&self) -> &str {
        "Task"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "get_name" => method("get_name", current_get_name, this),
            "set_name" => method("set_name", current_set_name, this),
            "cancel" => method("cancel", current_cancel, this),
            "done" | "cancelled" => method("done", current_false, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let name = runtime::task_name(self.id).unwrap_or_else(|| Rc::from("?"));
        let coroutine = runtime::task_coroutine(self.id).unwrap_or("coroutine");
        Ok(format!("<Task pending name='{name}' coro=<{coroutine}()>>"))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn current_get_name(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let id = this::<CurrentTask>(t)?.id;
    Ok(Value::str(
        &runtime::task_name(id).unwrap_or_else(|| Rc::from("")),
    ))
}

fn current_set_name(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let name = super::objects::name_arg(vm, &args)?;
    runtime::rename_task(this::<CurrentTask>(t)?.id, &name);
    Ok(Value::None)
}

fn current_cancel(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let id = this::<CurrentTask>(t)?.id;
    super::drive::set_cancel_message(id, super::objects::cancel_message(&args));
    Ok(Value::Bool(runtime::cancel_task(id)))
}

fn current_false(_vm: &mut Vm, _t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(false))
}

/// `asyncio.as_completed(aws, timeout=None)`: one awaitable per input, each giving the next
/// result to come (a `TimeoutError` once the timeout has passed).
fn as_completed(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let Some(aws) = args.pos.first().cloned() else {
        return Err(python::exceptions::type_error(
            "as_completed() missing 1 required positional argument: 'fs'",
        ));
    };
    let timeout = timeout_arg(vm, &args, 1)?;
    let items = python::iter::collect(vm, &aws)?;
    let mut tasks = Vec::with_capacity(items.len());
    for item in &items {
        tasks.push(as_task(vm, item)?);
    }
    let n = tasks.len();
    let state = Rc::new(RefCell::new(Some(runtime::as_completed_within(
        tasks, timeout,
    ))));
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let state = state.clone();
        let f: HostWait = Box::pin(async move {
            use crate::runtime::AsyncIterator;
            let Some(mut it) = state.borrow_mut().take() else {
                return Err(python::exceptions::runtime_error(
                    "as_completed(): await its results one at a time",
                ));
            };
            let next = it.anext().await;
            *state.borrow_mut() = Some(it);
            match next {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(python::exceptions::runtime_error(
                    "as_completed() has no more results",
                )),
                Err(e) => Err(to_exception(&e, None)),
            }
        });
        out.push(Awaiting::value("_wait_for_one", f));
    }
    python::iter::get_iter(vm, &Value::list(out))
}

/// `async with asyncio.timeout(delay)` (or `timeout_at(when)`): cancels the task at the
/// deadline, a loop time, and turns that cancellation into `TimeoutError` when the block ends.
/// `reschedule(when)` moves the deadline (`None`: none), `when()` says it.
struct Timeout {
    deadline: Cell<Option<f64>>,
    /// The task in the block, once entered.
    task: Cell<Option<runtime::TaskId>>,
    handle: RefCell<Option<runtime::Handle>>,
    fired: Rc<Cell<bool>>,
}

impl Timeout {
    fn value(deadline: Option<f64>) -> Value {
        Value::Host(Rc::new(Timeout {
            deadline: Cell::new(deadline),
            task: Cell::new(None),
            handle: RefCell::new(None),
            fired: Rc::new(Cell::new(false)),
        }))
    }

    /// Sets the deadline and, inside the block, the call that cancels the task then.
    fn reschedule(&self, deadline: Option<f64>) -> PyResult<()> {
        self.deadline.set(deadline);
        if let Some(handle) = self.handle.borrow_mut().take() {
            handle.cancel();
        }
        let (Some(when), Some(task)) = (deadline, self.task.get()) else {
            return Ok(());
        };
        let now = runtime::loop_time().map_err(|e| to_exception(&e, None))?;
        let fired = self.fired.clone();
        let handle = runtime::call_later((when - now).max(0.0), move || {
            fired.set(true);
            runtime::cancel_task(task);
        })
        .map_err(|e| to_exception(&e, None))?;
        *self.handle.borrow_mut() = Some(handle);
        Ok(())
    }
}

impl HostObject for Timeout {
    fn type_name(&self) -> &str {
        "Timeout"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", timeout_enter, this),
            "__aexit__" => method("__aexit__", timeout_exit, this),
            "expired" => method("expired", timeout_expired, this),
            "when" => method("when", timeout_when, this),
            "reschedule" => method("reschedule", timeout_reschedule, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A loop time or `None` (`timeout(delay)`'s delay, `timeout_at`'s and `reschedule`'s when).
fn optional_time(args: &Args, name: &str) -> PyResult<Option<f64>> {
    match args.get(0, name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => python::int::to_f64(v).map(Some).ok_or_else(|| {
            python::exceptions::type_error(format!("{name} must be a number or None"))
        }),
    }
}

fn timeout(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let deadline = match optional_time(&args, "delay")? {
        Some(delay) => Some(runtime::loop_time().map_err(|e| to_exception(&e, None))? + delay),
        None => None,
    };
    Ok(Timeout::value(deadline))
}

fn timeout_at(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Timeout::value(optional_time(&args, "when")?))
}

fn timeout_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Timeout>(t)?;
    let Some(task) = runtime::current_task_id() else {
        return Err(python::exceptions::runtime_error(
            "Timeout should be used inside a task",
        ));
    };
    me.task.set(Some(task));
    me.reschedule(me.deadline.get())?;
    let v = t.cloned().unwrap_or(Value::None);
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move { Ok(v) }),
    ))
}

fn timeout_when(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(this::<Timeout>(t)?
        .deadline
        .get()
        .map_or(Value::None, Value::Float))
}

fn timeout_reschedule(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<Timeout>(t)?;
    if me.fired.get() {
        return Err(python::exceptions::runtime_error(
            "Cannot change state of expiring Timeout.",
        ));
    }
    me.reschedule(optional_time(&args, "when")?)?;
    Ok(Value::None)
}

fn timeout_exit(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<Timeout>(t)?;
    if let Some(h) = me.handle.borrow_mut().take() {
        h.cancel();
    }
    if let (true, Some(Value::Instance(i))) = (me.fired.get(), args.pos.get(1)) {
        let e = Exception(i.clone());
        if is_cancelled_error(&e) {
            return Err(timeout_error(Some(&e)));
        }
    }
    Ok(Awaiting::value(
        "__aexit__",
        Box::pin(async { Ok(Value::None) }),
    ))
}

fn timeout_expired(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<Timeout>(t)?.fired.get()))
}

fn iscoroutine(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Ok(Value::Bool(
        matches!(args.pos.first(), Some(Value::Generator(g)) if g.kind == GenKind::Coroutine),
    ))
}

fn new_queue_of(order: Order, args: &Args) -> PyResult {
    let maxsize = args.get(0, "maxsize").cloned();
    let maxsize = match maxsize {
        None => 0,
        Some(v) => python::int::to_i64(&v).ok_or_else(|| {
            python::exceptions::type_error(format!(
                "'>' not supported between instances of '{}' and 'int'",
                python::types::type_name(&v)
            ))
        })?,
    };
    Ok(Value::Host(Rc::new(PyQueue {
        queue: runtime::Queue::new(maxsize.max(0) as usize),
        order,
        maxsize,
    })))
}

fn new_queue(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    new_queue_of(Order::Fifo, &args)
}

fn new_lifo_queue(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    new_queue_of(Order::Lifo, &args)
}

fn new_priority_queue(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    new_queue_of(Order::Priority, &args)
}

fn new_lock(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(Rc::new(PyLock::new(LockKind::Lock(
        runtime::Lock::new(),
    )))))
}

/// The initial value of a semaphore: `value=1`, never negative.
fn semaphore_value(args: &Args) -> PyResult<usize> {
    let v = args.get(0, "value");
    let n = match v {
        None => 1,
        Some(v) => python::int::to_i64(v).ok_or_else(|| {
            python::exceptions::type_error(format!(
                "'<' not supported between instances of '{}' and 'int'",
                python::types::type_name(v)
            ))
        })?,
    };
    if n < 0 {
        return Err(python::exceptions::value_error(
            "Semaphore initial value must be >= 0",
        ));
    }
    Ok(n as usize)
}

fn new_semaphore(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let n = semaphore_value(&args)?;
    Ok(Value::Host(Rc::new(PyLock::new(LockKind::Semaphore(
        runtime::Semaphore::new(n),
    )))))
}

fn new_bounded_semaphore(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let n = semaphore_value(&args)?;
    Ok(Value::Host(Rc::new(PyLock::new(LockKind::Bounded(
        runtime::Semaphore::new(n),
    )))))
}

fn new_condition(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let lock = args.get(0, "lock");
    Ok(Value::Host(Rc::new(PyCondition::new(lock)?)))
}

fn new_event(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(Rc::new(super::sync::PyEvent {
        event: runtime::Event::new(),
    })))
}

/// `asyncio.shield(aw)`: waiting on it can be cancelled without cancelling what it shields.
fn shield(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let Some(aw) = args.pos.first() else {
        return Err(python::exceptions::type_error(
            "shield() missing 1 required positional argument: 'arg'",
        ));
    };
    let task = as_task(vm, aw)?;
    let outer = runtime::Future::<Value>::new().map_err(|e| to_exception(&e, None))?;
    let result = outer.clone();
    task.add_done_callback(move |t| {
        let _ = match t.result() {
            Ok(v) => result.set_result(v),
            Err(e) => result.set_exception(e),
        };
    });
    let f: HostWait = Box::pin(async move { (&outer).await.map_err(|e| to_exception(&e, None)) });
    Ok(Awaiting::value("shield", f))
}
