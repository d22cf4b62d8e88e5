//! Blocking functions on Web Workers: `loop.run_in_executor`, `concurrent.futures`' thread and
//! process pools with their futures, and `asyncio.wrap_future`.
//!
//! A worker runs a job's steps (print, block, return), not Python (see `runtime::worker`). So a
//! function handed to a pool is called here, at once, as its thread would run it, except that
//! its prints and `time.sleep`s are recorded as the job's steps instead of done. The job then
//! runs on a worker, which really blocks; its prints come back from the worker when they
//! happen; and what the function returned (or raised) becomes the future's result when the job
//! ends. What differs from a thread: the function's own computing happens on the page at the
//! call, so it is not in parallel; it sees the program's state as it was at the call; and
//! `time.time()` inside it counts its own sleeps from the call, not from when a worker took it.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use python::types::host_type;
use python::value::{Class, HostObject};
use python::{Args, Exception, PyResult, Value, Vm};

use super::drive::to_exception;
use super::objects::{method, module, this, PyFuture};
use super::requests::{failed_get, Response};
use crate::course::py::concurrent_future_repr;
use crate::runtime::{self, ConcurrentFuture, Error, Job, Pool, Returned};

thread_local! {
    /// The job being recorded while a pool's function is called.
    static RECORDING: RefCell<Option<Recording>> = const { RefCell::new(None) };
    /// Every job the program submitted that may not have ended, with its pool (see
    /// [`jobs_in_flight`]).
    static SUBMITTED: RefCell<Vec<(Rc<Pool>, ConcurrentFuture)>> = const { RefCell::new(Vec::new()) };
}

/// A new program has submitted nothing yet.
pub(super) fn forget() {
    SUBMITTED.with(|s| s.borrow_mut().clear());
}

/// Keeps `future`, a job of `pool`, among the program's jobs (a thread's that is not a daemon:
/// CPython's interpreter waits for it before it exits).
pub(super) fn keep(pool: &Rc<Pool>, future: &ConcurrentFuture) {
    SUBMITTED.with(|s| s.borrow_mut().push((pool.clone(), future.clone())));
}

/// The program's jobs that have not ended, of every pool or of `pool`: CPython's interpreter
/// waits for its pools' threads before it exits, so the program's run lasts until these end,
/// and `pool.shutdown()` waits for its own.
pub(super) fn jobs_in_flight(pool: Option<&Rc<Pool>>) -> Vec<ConcurrentFuture> {
    SUBMITTED.with(|s| {
        let mut submitted = s.borrow_mut();
        submitted.retain(|(_, future)| !future.done());
        submitted
            .iter()
            .filter(|(of, _)| pool.is_none_or(|pool| Rc::ptr_eq(of, pool)))
            .map(|(_, future)| future.clone())
            .collect()
    })
}

/// A function's thread as it is being recorded.
struct Recording {
    job: Job,
    /// Text printed without its newline yet, and the line that printed it.
    pending: String,
    pending_line: u32,
    /// Seconds its `time.sleep`s have blocked so far.
    blocked_s: f64,
    /// The response of its `requests.get`, filled when the job's GET has ended.
    response: Option<Rc<Response>>,
}

/// A pool's function, called as its thread would call it.
pub(super) struct Called {
    /// Its prints, sleeps and GET, for a worker to run.
    pub job: Job,
    /// What the call returned or raised.
    pub result: PyResult,
    /// The response its `requests.get` returned, to be filled when the job ends.
    pub response: Option<Rc<Response>>,
}

/// `print` while a pool's function runs: its lines become the job's prints. `false` when no
/// function is being recorded.
pub(super) fn record_write(text: &str, line: u32) -> bool {
    RECORDING.with(|r| {
        let mut r = r.borrow_mut();
        let Some(rec) = r.as_mut() else { return false };
        rec.pending.push_str(text);
        rec.pending_line = line;
        while let Some(i) = rec.pending.find('\n') {
            let full: String = rec.pending.drain(..=i).collect();
            let job = std::mem::replace(&mut rec.job, Job::new(""));
            rec.job = job.print(line, &full[..full.len() - 1]);
        }
        true
    })
}

/// `time.sleep` while a pool's function runs: the job blocks its worker that long. `false`
/// when no function is being recorded.
pub(super) fn record_sleep(seconds: f64) -> bool {
    RECORDING.with(|r| {
        let mut r = r.borrow_mut();
        let Some(rec) = r.as_mut() else { return false };
        let job = std::mem::replace(&mut rec.job, Job::new(""));
        rec.job = job.block(seconds);
        if seconds.is_finite() && seconds > 0.0 {
            rec.blocked_s += seconds;
        }
        true
    })
}

/// How far a pool's function being recorded has slept: its clock runs ahead of the loop's
/// by that much. `0` outside one.
pub(super) fn recorded_sleep() -> f64 {
    RECORDING.with(|r| r.borrow().as_ref().map_or(0.0, |rec| rec.blocked_s))
}

/// `requests.get(url)` while a pool's function runs: the job's blocking GET, whose response
/// `response` gets when the job ends. Refused outside a pool's function, and a second time in
/// one (a job returns one response).
pub(super) fn record_get(url: &str, response: &Rc<Response>) -> PyResult<()> {
    RECORDING.with(|r| {
        let mut r = r.borrow_mut();
        let Some(rec) = r.as_mut() else {
            return Err(python::exceptions::unsupported(
                "requests.get on the event loop's thread (it would block the loop, and here the page: hand it to a pool, loop.run_in_executor(None, requests.get, url))",
            ));
        };
        if rec.response.is_some() {
            return Err(python::exceptions::unsupported(
                "a second requests.get in one function a pool runs",
            ));
        }
        let job = std::mem::replace(&mut rec.job, Job::new(""));
        rec.job = job.get(url);
        rec.response = Some(response.clone());
        Ok(())
    })
}

/// Calls `func(*args)` as a pool's thread would: returns the job of its prints, sleeps and
/// GET, and what the call returned or raised.
pub(super) fn call_as_job(vm: &mut Vm, func: &Value, args: Vec<Value>) -> PyResult<Called> {
    if RECORDING.with(|r| r.borrow().is_some()) {
        return Err(python::exceptions::unsupported(
            "submitting to a pool from a function running in a pool",
        ));
    }
    let name = match python::attr::get_attr(vm, func, "__name__") {
        Ok(Value::Str(name)) => name.to_string(),
        _ => "function".to_string(),
    };
    RECORDING.with(|r| {
        *r.borrow_mut() = Some(Recording {
            job: Job::new(format!("{name}()")),
            pending: String::new(),
            pending_line: 0,
            blocked_s: 0.0,
            response: None,
        })
    });
    let result = vm.call(func, Args::new(args));
    let Some(rec) = RECORDING.with(|r| r.borrow_mut().take()) else {
        return Err(python::exceptions::runtime_error(
            "the pool's call was lost",
        ));
    };
    let mut job = rec.job;
    if !rec.pending.is_empty() {
        job = job.print(rec.pending_line, rec.pending);
    }
    // The job carries the value's type for the future's repr; the value itself stays here.
    let job = match &result {
        Ok(Value::Int(i)) => job.returns(Returned::Int(*i)),
        Ok(Value::Str(s)) => job.returns(Returned::Str(s.clone())),
        _ => job,
    };
    Ok(Called {
        job,
        result,
        response: rec.response,
    })
}

/// `ThreadPoolExecutor` or `ProcessPoolExecutor`: a pool of Web Workers.
struct Executor {
    kind: &'static str,
    pool: Rc<Pool>,
    shut_down: Cell<bool>,
}

impl HostObject for Executor {
    fn type_name(&self) -> &str {
        self.kind
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(pool_class(self.kind))
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "submit" => method("submit", executor_submit, this),
            "shutdown" => method("shutdown", executor_shutdown, this),
            "__enter__" => method("__enter__", executor_enter, this),
            "__exit__" => method("__exit__", executor_exit, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<concurrent.futures.{} object at {:#x}>",
            self.kind,
            Rc::as_ptr(&self.pool) as usize
        ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `concurrent.futures.Future`, the class (the pools' `submit` makes its objects).
fn future_class() -> Rc<Class> {
    host_type("Future", "concurrent.futures._base", &[], None)
}

/// `concurrent.futures.Future`: a submitted job's future, and what its function gave.
pub(super) struct PyConcurrentFuture {
    future: ConcurrentFuture,
    value: Rc<RefCell<Option<PyResult>>>,
}

impl HostObject for PyConcurrentFuture {
    fn type_name(&self) -> &str {
        "Future"
    }
    fn class(&self) -> Option<Rc<Class>> {
        Some(future_class())
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "done" => method("done", concurrent_done, this),
            "running" => method("running", concurrent_running, this),
            "result" => method("result", concurrent_result, this),
            "add_done_callback" => method("add_done_callback", concurrent_add_done_callback, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(concurrent_future_repr(&self.future))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn runtime_error(error: Error) -> Exception {
    to_exception(&error, None)
}

/// Submits `func(*args)` to `pool`: `executor.submit(fn, *args)`.
fn submit(vm: &mut Vm, pool: &Rc<Pool>, func: &Value, args: Vec<Value>) -> PyResult {
    let Called {
        job,
        result,
        response,
    } = call_as_job(vm, func, args)?;
    let future = pool.submit(job).map_err(runtime_error)?;
    keep(pool, &future);
    if let Some(response) = response {
        // Filled before anything awaiting the future hears of its end.
        future.add_done_callback(move |done| {
            if let Ok(returned) = done.result() {
                response.fill(&returned);
            }
        });
    }
    Ok(Value::Host(Rc::new(PyConcurrentFuture {
        future,
        value: Rc::new(RefCell::new(Some(result))),
    })))
}

fn executor_submit(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let executor = this::<Executor>(t)?;
    if executor.shut_down.get() {
        return Err(python::exceptions::runtime_error(
            "cannot schedule new futures after shutdown",
        ));
    }
    let mut pos = args.pos.into_iter();
    let func = pos.next().ok_or_else(|| {
        python::exceptions::type_error("submit() missing 1 required positional argument: 'fn'")
    })?;
    submit(vm, &executor.pool, &func, pos.collect())
}

/// No new jobs for `executor`; with `wait`, Python waits for the jobs in flight. So does the
/// module body here: it hands the loop control until they end (their prints and done
/// callbacks come meanwhile). Inside a coroutine Python's wait would block the loop, which
/// would freeze the page: there the jobs finish on their workers while the loop goes on.
fn shut_down(vm: &mut Vm, executor: &Executor, wait: bool) {
    executor.shut_down.set(true);
    let jobs = jobs_in_flight(Some(&executor.pool));
    if wait && !jobs.is_empty() && !runtime::loop_is_running() {
        super::asyncio::block_on(vm, super::asyncio::Blocking::Jobs(jobs));
    }
}

/// `executor.shutdown(wait=True)` (see [`shut_down`]).
fn executor_shutdown(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let wait = args
        .get(0, "wait")
        .is_none_or(|w| !matches!(w, Value::Bool(false) | Value::None));
    shut_down(vm, this::<Executor>(t)?, wait);
    Ok(Value::None)
}

fn executor_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Executor>(t)?;
    Ok(t.cloned().unwrap_or(Value::None))
}

/// Leaving `with pool:` is `pool.shutdown(wait=True)`. When the block raised, the exception
/// goes on at once (the jobs still end before the program does).
fn executor_exit(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let raised = args.pos.first().is_some_and(|e| !matches!(e, Value::None));
    shut_down(vm, this::<Executor>(t)?, !raised);
    Ok(Value::Bool(false))
}

fn concurrent_done(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyConcurrentFuture>(t)?.future.done()))
}

fn concurrent_running(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyConcurrentFuture>(t)?.future.running()))
}

/// `future.result()`: what the function gave, once its job has ended. (Python's blocks until
/// then; here that would freeze the page, so before the end it is an `InvalidStateError`.)
fn concurrent_result(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let f = this::<PyConcurrentFuture>(t)?;
    f.future.result().map_err(|e| match e {
        Error::InvalidState(what) => super::asyncio::invalid_state_error(what),
        other => failed_get(&other).unwrap_or_else(|| runtime_error(other)),
    })?;
    f.value.borrow().clone().unwrap_or(Ok(Value::None))
}

/// `future.add_done_callback(fn)`: `fn(future)` once the job has ended. (Python calls it on the
/// pool's thread that ran the job; here it runs on the loop, as a worker runs no Python, so what
/// it prints is the loop's, as in the lesson.) An exception it raises is logged, and the loop goes
/// on, as Python's pool logs it and its thread goes on.
fn concurrent_add_done_callback(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let f = this::<PyConcurrentFuture>(t)?;
    let callback = args.pos.first().cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "add_done_callback() missing 1 required positional argument: 'fn'",
        )
    })?;
    let future = t.cloned().unwrap_or(Value::None);
    let weak = super::asyncio::VM.with(|v| v.borrow().clone());
    f.future.add_done_callback(move |_| {
        if let Some(vm) = weak.upgrade() {
            let mut vm = vm.borrow_mut();
            if let Err(e) = vm.call(&callback, Args::new(vec![future])) {
                super::asyncio::report_callback_error(&mut vm, &e, None);
            }
            vm.flush_warnings();
        }
    });
    Ok(Value::None)
}

/// `asyncio.wrap_future(cf)`: an asyncio Future resolved, on the loop, with what the job's
/// function gave once the job has ended.
fn wrap(future: &PyConcurrentFuture) -> PyResult {
    let wrapped = runtime::Future::new().map_err(runtime_error)?;
    let py = Rc::new(PyFuture::of(wrapped.clone()));
    let (value, target) = (future.value.clone(), py.clone());
    future.future.add_done_callback(move |done| {
        let _ = match (done.result(), value.borrow().clone()) {
            (Ok(_), Some(Ok(v))) => wrapped.set_result(v),
            (Ok(_), Some(Err(e))) => {
                *target.exception.borrow_mut() = Some(e);
                wrapped.set_exception(Error::raised("exception"))
            }
            (Ok(_), None) => wrapped.set_result(Value::None),
            (Err(error), _) => match failed_get(&error) {
                Some(e) => {
                    *target.exception.borrow_mut() = Some(e);
                    wrapped.set_exception(Error::raised("exception"))
                }
                None => wrapped.set_exception(error),
            },
        };
    });
    Ok(Value::Host(py))
}

/// `asyncio.wrap_future(future)`.
pub(super) fn wrap_future(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match args.pos.first() {
        Some(Value::Host(h)) => match h.as_any().downcast_ref::<PyConcurrentFuture>() {
            Some(future) => wrap(future),
            // An asyncio future is returned as it is, as asyncio does.
            None if h.as_any().is::<PyFuture>() => Ok(args.pos[0].clone()),
            None => Err(python::exceptions::type_error(
                "concurrent.futures.Future is expected",
            )),
        },
        _ => Err(python::exceptions::type_error(
            "concurrent.futures.Future is expected",
        )),
    }
}

/// `loop.run_in_executor(executor, func, *args)`: `wrap_future(executor.submit(func, *args))`,
/// `None` being the run's default thread pool.
pub(super) fn run_in_executor(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut pos = args.pos.into_iter();
    let (Some(executor), Some(func)) = (pos.next(), pos.next()) else {
        return Err(python::exceptions::type_error(
            "run_in_executor() missing required positional arguments: 'executor' and 'func'",
        ));
    };
    let submitted = match &executor {
        Value::None => {
            let pool = runtime::default_executor().map_err(runtime_error)?;
            submit(vm, &pool, &func, pos.collect())?
        }
        Value::Host(h) => match h.as_any().downcast_ref::<Executor>() {
            Some(executor) if executor.shut_down.get() => {
                return Err(python::exceptions::runtime_error(
                    "cannot schedule new futures after shutdown",
                ))
            }
            Some(executor) => submit(vm, &executor.pool, &func, pos.collect())?,
            None => {
                return Err(python::exceptions::type_error(
                    "executor must be an Executor",
                ))
            }
        },
        _ => {
            return Err(python::exceptions::type_error(
                "executor must be an Executor",
            ))
        }
    };
    wrap_future(vm, None, Args::new(vec![submitted]))
}

/// `max_workers=` of a pool's constructor, or its default.
fn max_workers(args: &Args, default: i64) -> PyResult<i64> {
    let given = args.get(0, "max_workers").cloned();
    match given {
        None | Some(Value::None) => Ok(default),
        Some(Value::Int(n)) => Ok(n),
        Some(other) => Err(python::exceptions::type_error(format!(
            "max_workers must be an int, not {}",
            python::types::type_name(&other)
        ))),
    }
}

fn new_executor(kind: &'static str, workers: i64) -> PyResult {
    runtime::check_workers(workers).map_err(runtime_error)?;
    let pool = Pool::new(workers).map_err(runtime_error)?;
    Ok(Value::Host(Rc::new(Executor {
        kind,
        pool: Rc::new(pool),
        shut_down: Cell::new(false),
    })))
}

/// `ThreadPoolExecutor(max_workers=None)`: `min(32, cpu_count() + 4)` workers by default.
fn thread_pool(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let workers = max_workers(&args, (runtime::cpu_count() + 4).min(32))?;
    new_executor("ThreadPoolExecutor", workers)
}

/// `ProcessPoolExecutor(max_workers=None)`: `cpu_count()` workers by default.
fn process_pool(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let workers = max_workers(&args, runtime::cpu_count())?;
    new_executor("ProcessPoolExecutor", workers)
}

/// The class of a pool (`ThreadPoolExecutor` or `ProcessPoolExecutor`), where CPython defines
/// it: calling it makes one, and the pools it makes are its instances.
fn pool_class(kind: &str) -> Rc<Class> {
    match kind {
        "ProcessPoolExecutor" => host_type(
            "ProcessPoolExecutor",
            "concurrent.futures.process",
            &[],
            Some(process_pool),
        ),
        _ => host_type(
            "ThreadPoolExecutor",
            "concurrent.futures.thread",
            &[],
            Some(thread_pool),
        ),
    }
}

/// `import concurrent.futures` (and `concurrent`, which holds it).
pub(super) fn import(vm: &mut Vm, name: &str) -> Option<PyResult> {
    Some(match name {
        "concurrent.futures" => module(
            name,
            vec![
                (
                    "ThreadPoolExecutor",
                    Value::Class(pool_class("ThreadPoolExecutor")),
                ),
                (
                    "ProcessPoolExecutor",
                    Value::Class(pool_class("ProcessPoolExecutor")),
                ),
                ("Future", Value::Class(future_class())),
            ],
        ),
        // Where CPython defines the two pools.
        "concurrent.futures.thread" => module(
            name,
            vec![(
                "ThreadPoolExecutor",
                Value::Class(pool_class("ThreadPoolExecutor")),
            )],
        ),
        "concurrent.futures.process" => module(
            name,
            vec![(
                "ProcessPoolExecutor",
                Value::Class(pool_class("ProcessPoolExecutor")),
            )],
        ),
        "concurrent" => match vm.import("concurrent.futures") {
            Ok(futures) => module(name, vec![("futures", futures)]),
            Err(e) => Err(e),
        },
        _ => return None,
    })
}
