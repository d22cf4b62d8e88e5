//! asyncio's objects as the interpreter sees them, each backed by the runtime's own: a `Task`
//! is a runtime task, a `Future` a runtime future, `Queue`/`Lock`/`Event`/`Semaphore` the
//! runtime's, `sleep` the runtime's timer.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::dict::Dict;
use python::types::{host_type, new_class};
use python::value::{Builtin, BuiltinType, Class, HostObject, HostWait, Module, NativeFn};
use python::{Args, Exception, PyResult, Value, Vm};

use crate::runtime::{self, Error};

use super::drive::to_exception;

/// A method of a host object, bound to it.
pub(super) fn method(name: &'static str, func: NativeFn, this: &Rc<dyn HostObject>) -> PyResult {
    Ok(Value::Builtin(Rc::new(Builtin {
        name,
        func,
        this: Some(Value::Host(this.clone())),
    })))
}

/// The host object a method was called on, as its concrete type.
pub(super) fn this<T: 'static>(this: Option<&Value>) -> PyResult<&T> {
    match this {
        Some(Value::Host(h)) => h
            .as_any()
            .downcast_ref::<T>()
            .ok_or_else(|| python::exceptions::type_error("wrong object")),
        _ => Err(python::exceptions::type_error("wrong object")),
    }
}

/// asyncio's future classes, named as CPython 3.11 names them: `type(task)` is
/// `<class '_asyncio.Task'>`, a gather's `<class 'asyncio.tasks._GatheringFuture'>`; a task and
/// a gather are futures (`isinstance` follows the bases).
#[derive(Clone, Copy)]
pub(super) enum FutureClass {
    Future,
    Task,
    Gathering,
}

/// The class of asyncio's futures of kind `which`: `asyncio.Future()` is the loop's
/// `create_future()`, `asyncio.Task(coro)` its `create_task(coro)`; a gather's cannot be made.
pub(super) fn future_class(which: FutureClass) -> Rc<Class> {
    let future = || {
        host_type(
            "Future",
            "_asyncio",
            &[],
            Some(super::event_loop::loop_create_future),
        )
    };
    match which {
        FutureClass::Future => future(),
        FutureClass::Task => host_type(
            "Task",
            "_asyncio",
            &[future()],
            Some(super::asyncio::create_task),
        ),
        FutureClass::Gathering => host_type("_GatheringFuture", "asyncio.tasks", &[future()], None),
    }
}

fn runtime_result<T>(r: Result<T, Error>) -> PyResult<T> {
    r.map_err(|e| to_exception(&e, None))
}

/// The function name of a coroutine the runtime runs for the program (`sleep`, `gather`, a
/// queue's `get`), if `h` is one: what a task made of it is named after.
pub(super) fn host_coroutine(h: &Rc<dyn HostObject>) -> Option<&'static str> {
    if h.as_any().is::<Sleep>() {
        return Some("sleep");
    }
    h.as_any().downcast_ref::<Awaiting>().map(|a| a.name)
}

/// `await asyncio.sleep(delay, result)`.
pub(super) struct Sleep {
    pub seconds: f64,
    pub result: Value,
}

impl HostObject for Sleep {
    fn type_name(&self) -> &str {
        "coroutine"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, _name: &str) -> Option<PyResult> {
        None
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<HostWait> {
        let sleep = runtime::sleep(self.seconds);
        let result = self.result.clone();
        Some(Box::pin(async move {
            runtime_result(sleep.await)?;
            Ok(result)
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<coroutine object sleep>".into())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Any runtime future awaited once, as a Python awaitable (gather, wait, wait_for, a queue's
/// `get`, a lock's `acquire`).
pub(super) struct Awaiting {
    pub name: &'static str,
    pub future: RefCell<Option<HostWait>>,
}

impl Awaiting {
    pub fn value(name: &'static str, future: HostWait) -> Value {
        Value::Host(Rc::new(Awaiting {
            name,
            future: RefCell::new(Some(future)),
        }))
    }
}

/// An awaitable that gives `value` at once (an `__aenter__` of what is ready, a `close()`
/// with nothing to wait for).
pub(super) fn ready(name: &'static str, value: Value) -> Value {
    Awaiting::value(name, Box::pin(async move { Ok(value) }))
}

/// A module-level function of a module the interpreter provides.
pub(super) fn function(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        this: None,
    }))
}

/// A module the interpreter provides, with `entries`.
pub(super) fn module(name: &str, entries: Vec<(&str, Value)>) -> PyResult {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    for (key, value) in entries {
        d.set_str(key, value);
    }
    Ok(Value::Module(Rc::new(Module {
        name: Rc::from(name),
        dict: RefCell::new(d),
    })))
}

impl HostObject for Awaiting {
    fn type_name(&self) -> &str {
        "coroutine"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, _name: &str) -> Option<PyResult> {
        None
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<HostWait> {
        match self.future.borrow_mut().take() {
            Some(f) => Some(f),
            None => Some(Box::pin(async {
                Err(python::exceptions::runtime_error(
                    "cannot reuse already awaited coroutine",
                ))
            })),
        }
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!("<coroutine object {}>", self.name))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `asyncio.Task`
pub(super) struct PyTask {
    pub task: runtime::Task<Value>,
    /// The coroutine's qualified name, and the line its `async def` is on (for the repr).
    pub coroutine: Rc<str>,
    pub defined_at: u32,
    pub vm: std::rc::Weak<RefCell<Vm>>,
    /// The done callbacks still waiting, for `remove_done_callback`.
    pub done_callbacks: DoneCallbacks,
}

impl PyTask {
    pub fn outcome(&self) -> Option<PyResult> {
        if !self.task.done() {
            return None;
        }
        Some(
            self.task
                .result()
                .map_err(|e| to_exception(&e, Some(self.task.id()))),
        )
    }
}

impl HostObject for PyTask {
    fn type_name(&self) -> &str {
        "Task"
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(future_class(FutureClass::Task))
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "get_name" => method("get_name", task_get_name, this),
            "set_name" => method("set_name", task_set_name, this),
            "done" => method("done", task_done, this),
            "cancelled" => method("cancelled", task_cancelled, this),
            "cancel" => method("cancel", task_cancel, this),
            "result" => method("result", task_result, this),
            "exception" => method("exception", task_exception, this),
            "add_done_callback" => method("add_done_callback", task_add_done_callback, this),
            "remove_done_callback" => {
                method("remove_done_callback", task_remove_done_callback, this)
            }
            "get_coro" => Ok(Value::None),
            "get_loop" => method("get_loop", task_get_loop, this),
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<HostWait> {
        let task = self.task.clone();
        Some(Box::pin(async move {
            let id = task.id();
            // Cancelling the awaiting task cancels the awaited one, whose `CancelledError` is
            // then the await's, as when it was cancelled on its own.
            (&task).await.map_err(|e| to_exception(&e, Some(id)))
        }))
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let name = self.task.get_name();
        let coroutine = &self.coroutine;
        // CPython's `_task_repr_info`: the state, the name, the coroutine and, once done, how
        // it ended.
        let done = format!(
            "coro=<{coroutine}() done, defined at main.py:{}>",
            self.defined_at
        );
        Ok(match self.outcome() {
            None => format!("<Task pending name='{name}' coro=<{coroutine}()>>"),
            Some(_) if self.task.cancelled() => format!("<Task cancelled name='{name}' {done}>"),
            Some(Ok(value)) => {
                let value = python::ops::repr(vm, &value)?;
                format!("<Task finished name='{name}' {done} result={value}>")
            }
            Some(Err(exception)) => {
                let exception = python::ops::repr(vm, &Value::Instance(exception.0))?;
                format!("<Task finished name='{name}' {done} exception={exception}>")
            }
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn task_get_name(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::str(&this::<PyTask>(t)?.task.get_name()))
}

fn task_set_name(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let name = name_arg(vm, &args)?;
    this::<PyTask>(t)?.task.set_name(&name);
    Ok(Value::None)
}

/// The argument of `set_name(value)`, as `str(value)`.
pub(super) fn name_arg(vm: &mut Vm, args: &Args) -> PyResult<String> {
    let value = args.get(0, "value").ok_or_else(|| {
        python::exceptions::type_error("set_name() missing 1 required positional argument: 'value'")
    })?;
    python::ops::str_of(vm, value)
}

/// The message of `cancel(msg=None)`.
pub(super) fn cancel_message(args: &Args) -> Option<Value> {
    args.get(0, "msg").cloned()
}

fn task_get_loop(_vm: &mut Vm, _t: Option<&Value>, _args: Args) -> PyResult {
    Ok(super::event_loop::loop_value())
}

fn task_done(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyTask>(t)?.task.done()))
}

fn task_cancelled(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyTask>(t)?.task.cancelled()))
}

fn task_cancel(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let task = &this::<PyTask>(t)?.task;
    if task.done() {
        return Ok(Value::Bool(false));
    }
    super::drive::set_cancel_message(task.id(), cancel_message(&args));
    Ok(Value::Bool(task.cancel()))
}

fn task_result(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let task = this::<PyTask>(t)?;
    match task.outcome() {
        Some(r) => r,
        None => Err(super::asyncio::invalid_state_error("Result is not set.")),
    }
}

fn task_exception(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let task = this::<PyTask>(t)?;
    match task.outcome() {
        Some(Ok(_)) => Ok(Value::None),
        Some(Err(e)) if super::asyncio::is_cancelled_error(&e) => Err(e),
        Some(Err(e)) => Ok(e.value()),
        None => Err(super::asyncio::invalid_state_error("Exception is not set.")),
    }
}

fn task_add_done_callback(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let task = this::<PyTask>(t)?;
    let (me, callback) = done_callback_args(t, &args)?;
    let call = call_done_callback(&task.vm, &callback, me);
    let key = task
        .task
        .add_done_callback_at(move |_| call(), vm.call_line);
    task.done_callbacks.added(key, callback);
    Ok(Value::None)
}

fn task_remove_done_callback(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let task = this::<PyTask>(t)?;
    let callback = removed_callback_arg(&args)?;
    let removed = task
        .done_callbacks
        .remove(vm, callback, |key| task.task.remove_done_callback(key))?;
    Ok(Value::Int(removed as i64))
}

/// The object and the function of `add_done_callback(fn)`.
fn done_callback_args(t: Option<&Value>, args: &Args) -> PyResult<(Value, Value)> {
    let Some(me @ Value::Host(_)) = t else {
        return Err(python::exceptions::type_error("wrong object"));
    };
    let callback = args.get(0, "fn").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "add_done_callback() missing 1 required positional argument: 'fn'",
        )
    })?;
    Ok((me.clone(), callback))
}

/// The function of `remove_done_callback(fn)`.
fn removed_callback_arg(args: &Args) -> PyResult<&Value> {
    args.get(0, "fn").ok_or_else(|| {
        python::exceptions::type_error(
            "remove_done_callback() missing 1 required positional argument: 'fn'",
        )
    })
}

/// A done callback as the loop calls it: `callback(me)`, an error logged as asyncio logs it.
fn call_done_callback(
    vm: &std::rc::Weak<RefCell<Vm>>,
    callback: &Value,
    me: Value,
) -> impl FnOnce() + 'static {
    let vm = vm.clone();
    let callback = callback.clone();
    move || {
        if let Some(vm) = vm.upgrade() {
            let mut vm = vm.borrow_mut();
            if let Err(e) = vm.call1(&callback, me) {
                super::asyncio::report_callback_error(&mut vm, &e, None);
            }
        }
    }
}

/// The done callbacks of a task or future that have not run, with the functions they call:
/// `remove_done_callback(fn)` takes off every one whose function equals `fn`, as asyncio's.
#[derive(Default)]
pub(super) struct DoneCallbacks(RefCell<Vec<(runtime::DoneCallbackKey, Value)>>);

impl DoneCallbacks {
    fn added(&self, key: runtime::DoneCallbackKey, callback: Value) {
        self.0.borrow_mut().push((key, callback));
    }

    /// Takes off those equal to `callback` that `remove` finds still waiting; how many.
    fn remove(
        &self,
        vm: &mut Vm,
        callback: &Value,
        remove: impl Fn(runtime::DoneCallbackKey) -> bool,
    ) -> PyResult<usize> {
        // Compared outside the borrow: `__eq__` may be the program's own.
        let entries = self.0.borrow().clone();
        let mut removed = 0;
        let mut kept = Vec::with_capacity(entries.len());
        for (key, f) in entries {
            if !python::ops::eq(vm, &f, callback)? {
                kept.push((key, f));
            } else if remove(key) {
                removed += 1;
            }
            // (An equal one that has already been scheduled is forgotten.)
        }
        *self.0.borrow_mut() = kept;
        Ok(removed)
    }
}

/// `loop.create_future()`
pub(super) struct PyFuture {
    pub future: runtime::Future<Value>,
    pub exception: RefCell<Option<python::Exception>>,
    pub vm: std::rc::Weak<RefCell<Vm>>,
    /// The done callbacks still waiting, for `remove_done_callback`.
    pub done_callbacks: DoneCallbacks,
}

impl PyFuture {
    /// The Python object of `future`, for the program's interpreter.
    pub fn of(future: runtime::Future<Value>) -> PyFuture {
        PyFuture {
            future,
            exception: RefCell::new(None),
            vm: super::asyncio::VM.with(|v| v.borrow().clone()),
            done_callbacks: DoneCallbacks::default(),
        }
    }
}

impl HostObject for PyFuture {
    fn type_name(&self) -> &str {
        "Future"
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(future_class(FutureClass::Future))
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "set_result" => method("set_result", future_set_result, this),
            "set_exception" => method("set_exception", future_set_exception, this),
            "result" => method("result", future_result, this),
            "exception" => method("exception", future_exception, this),
            "done" => method("done", future_done, this),
            "cancel" => method("cancel", future_cancel, this),
            "cancelled" => method("cancelled", future_cancelled, this),
            "add_done_callback" => method("add_done_callback", future_add_done_callback, this),
            "remove_done_callback" => {
                method("remove_done_callback", future_remove_done_callback, this)
            }
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, this: &Rc<dyn HostObject>) -> Option<HostWait> {
        let future = self.future.clone();
        let me = this.clone();
        Some(Box::pin(async move {
            let r = (&future).await;
            let f = me
                .as_any()
                .downcast_ref::<PyFuture>()
                .map(|f| f.exception.borrow().clone());
            match (r, f) {
                (Ok(v), _) => Ok(v),
                (Err(_), Some(Some(e))) => Err(e),
                (Err(e), _) => Err(to_exception(&e, None)),
            }
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<Future {}>",
            if self.future.done() {
                "finished"
            } else {
                "pending"
            }
        ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn future_set_result(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    runtime_result(f.future.set_result(v))?;
    Ok(Value::None)
}

fn future_set_exception(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let Value::Instance(i) = &v else {
        return Err(python::exceptions::type_error("invalid exception object"));
    };
    let e = python::Exception(i.clone());
    *f.exception.borrow_mut() = Some(e);
    runtime_result(f.future.set_exception(Error::raised("exception")))?;
    Ok(Value::None)
}

fn future_result(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    if let Some(e) = f.exception.borrow().clone() {
        return Err(e);
    }
    f.future.result().map_err(|e| match e {
        Error::InvalidState(what) => super::asyncio::invalid_state_error(what),
        other => to_exception(&other, None),
    })
}

/// `fut.exception()`: the exception it was given, `None` after a result, `CancelledError`
/// raised if it was cancelled, `InvalidStateError` while pending.
fn future_exception(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    if let Some(e) = f.exception.borrow().clone() {
        return Ok(e.value());
    }
    match f.future.result() {
        Ok(_) => Ok(Value::None),
        Err(Error::InvalidState(_)) => {
            Err(super::asyncio::invalid_state_error("Exception is not set."))
        }
        Err(other) => {
            let e = to_exception(&other, None);
            if super::asyncio::is_cancelled_error(&e) {
                Err(e)
            } else {
                Ok(e.value())
            }
        }
    }
}

fn future_done(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyFuture>(t)?.future.done()))
}

fn future_cancel(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyFuture>(t)?.future.cancel()))
}

fn future_cancelled(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    Ok(Value::Bool(matches!(
        f.future.result(),
        Err(Error::Cancelled)
    )))
}

fn future_add_done_callback(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    let (me, callback) = done_callback_args(t, &args)?;
    let call = call_done_callback(&f.vm, &callback, me);
    let key = f.future.add_done_callback_at(move |_| call(), vm.call_line);
    f.done_callbacks.added(key, callback);
    Ok(Value::None)
}

fn future_remove_done_callback(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let f = this::<PyFuture>(t)?;
    let callback = removed_callback_arg(&args)?;
    let removed = f
        .done_callbacks
        .remove(vm, callback, |key| f.future.remove_done_callback(key))?;
    Ok(Value::Int(removed as i64))
}

impl Drop for PyTask {
    /// As CPython logs when it frees a task object whose exception nobody retrieved.
    fn drop(&mut self) {
        let failed = matches!(self.task.peek_outcome(), Some(Err(ref e)) if *e != Error::Cancelled);
        if failed && !self.task.retrieved() {
            python::value::PENDING_WARNINGS.with(|w| {
                w.borrow_mut()
                    .push("Task exception was never retrieved".to_string())
            });
        }
    }
}

/// A runtime error as the Python exception it names (`ValueError: ...` is a `ValueError`, as
/// the runtime's web parts word what the Python libraries raise); any other as
/// [`to_exception`] makes it.
pub(super) fn python_error(error: &Error) -> Exception {
    if let Error::Raised(text) = error {
        if let Some((name, message)) = text.split_once(": ") {
            if let Some(class) = python::types::all_builtin_classes()
                .into_iter()
                .find(|c| &*c.name == name && c.builtin == BuiltinType::BaseException)
            {
                return python::exceptions::instantiate(&class, vec![Value::str(message)]);
            }
        }
    }
    to_exception(error, None)
}

/// A `str` argument, by position or keyword, with the `TypeError` a call without it gets.
pub(super) fn str_arg(args: &Args, index: usize, name: &str, function: &str) -> PyResult<Rc<str>> {
    match args.get(index, name) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(python::exceptions::type_error(format!(
            "{function}() argument '{name}' must be str, not {}",
            python::types::type_name(other)
        ))),
        None => Err(python::exceptions::type_error(format!(
            "{function}() missing 1 required positional argument: '{name}'"
        ))),
    }
}

/// `json.loads(text)` by the program's `json` module (`text` a `str` or `bytes`): what the
/// clients' `response.json()` gives.
pub(super) fn json_loads(vm: &mut Vm, text: Value) -> PyResult {
    let module = vm.import("json")?;
    let loads = python::attr::get_attr(vm, &module, "loads")?;
    vm.call(&loads, Args::new(vec![text]))
}

/// `value` as JSON as Starlette's and FastAPI's responses and httpx's `json=` write it:
/// compact, non-ASCII kept, no NaN (the program's `json` module encodes it).
pub(super) fn compact_json(vm: &mut Vm, value: Value) -> PyResult<String> {
    let module = vm.import("json")?;
    let dumps = python::attr::get_attr(vm, &module, "dumps")?;
    let mut call = Args::new(vec![value]);
    call.kw.push((Rc::from("ensure_ascii"), Value::Bool(false)));
    call.kw.push((Rc::from("allow_nan"), Value::Bool(false)));
    call.kw.push((
        Rc::from("separators"),
        Value::tuple(vec![Value::str(","), Value::str(":")]),
    ));
    let text = vm.call(&dumps, call)?;
    python::ops::str_of(vm, &text)
}

/// A library's exception classes (`aiosmtplib.errors`, `websockets.exceptions`), made as first
/// needed and kept by name, so `except` and `isinstance` see one class per name.
pub(super) struct ExceptionFamily {
    module: &'static str,
    made: RefCell<Vec<Rc<Class>>>,
}

impl ExceptionFamily {
    /// The family of the classes of `module`.
    pub(super) const fn new(module: &'static str) -> ExceptionFamily {
        ExceptionFamily {
            module,
            made: RefCell::new(Vec::new()),
        }
    }

    /// The class `name`, made under `base()` the first time.
    pub(super) fn class(&self, name: &str, base: impl FnOnce() -> Rc<Class>) -> Rc<Class> {
        if let Some(c) = self.made.borrow().iter().find(|c| &*c.name == name) {
            return c.clone();
        }
        let base = base();
        let class = new_class(
            name,
            self.module,
            vec![base.clone()],
            Dict::new(),
            BuiltinType::BaseException,
        )
        .unwrap_or(base);
        self.made.borrow_mut().push(class.clone());
        class
    }
}
