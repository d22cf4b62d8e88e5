//! Blocking work and an executor for it: a pool of Web Workers, the browser's real threads.
//!
//! A [`Job`] is a blocking function written as its steps: print this, block for that long
//! (`time.sleep` in a thread, or CPU work), return that value. Run with [`Job::run_here`] it
//! blocks the loop itself, the mistake the course warns about: the page freezes and every timer
//! runs late. Submitted to a [`Pool`] (`ThreadPoolExecutor`), it runs on a Web Worker, really in
//! parallel with the page and the other workers; [`run_in_executor`] awaits it from a task.
//!
//! Why steps rather than a Rust closure: a closure cannot cross to another thread in a page
//! that is not cross-origin isolated (no shared memory; the playground must stay embeddable),
//! and loading the whole app's wasm into every worker to run one loop would cost more than the
//! lesson it shows. The worker runs a few lines of JavaScript that perform the steps; the
//! blocking is real, its prints come back as messages and are recorded as the worker's.

use std::rc::Rc;

use super::executor;
use super::Error;
use crate::trace::EventKind;

/// One step of a blocking job.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// `print(...)` from the job's thread.
    Print {
        text: Rc<str>,
        py_line: u32,
        rust_line: u32,
    },
    /// Block the thread for this many lesson microseconds.
    Block { us: u64 },
    /// A blocking HTTP GET of this URL (`requests.get(url)`): the thread waits for the whole
    /// response, which the job then returns.
    Get { url: Rc<str> },
}

/// What a blocking function returns: Python's `None` when it says nothing, a number or a
/// string. It travels to the worker with the job and comes back with its end, as a value
/// returned on another thread does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Returned {
    /// `None`: the function has no `return`.
    #[default]
    None,
    /// An `int`.
    Int(i64),
    /// A `str`.
    Str(Rc<str>),
    /// What a blocking HTTP GET returned: `requests.Response`, its status and whole body.
    Response {
        /// The HTTP status (`200`).
        status: u16,
        /// The body's bytes (`response.content`).
        body: Rc<[u8]>,
    },
}

impl std::fmt::Display for Returned {
    /// As `print(value)` shows it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Returned::None => f.write_str("None"),
            Returned::Int(n) => write!(f, "{n}"),
            Returned::Str(text) => f.write_str(text),
            Returned::Response { status, .. } => write!(f, "<Response [{status}]>"),
        }
    }
}

impl From<i64> for Returned {
    fn from(n: i64) -> Returned {
        Returned::Int(n)
    }
}

impl From<&str> for Returned {
    fn from(text: &str) -> Returned {
        Returned::Str(text.into())
    }
}

impl From<String> for Returned {
    fn from(text: String) -> Returned {
        Returned::Str(text.into())
    }
}

impl Returned {
    /// The value as it crosses to a worker (a structured-clone value). A response is never
    /// sent: only a worker's GET makes one.
    #[cfg(target_arch = "wasm32")]
    fn to_js(&self) -> wasm_bindgen::JsValue {
        use wasm_bindgen::JsValue;
        match self {
            Returned::None | Returned::Response { .. } => JsValue::NULL,
            Returned::Int(n) => JsValue::from_f64(*n as f64),
            Returned::Str(text) => JsValue::from_str(text),
        }
    }

    /// The value a worker sent back: a GET's response comes as `[status, ArrayBuffer]`.
    #[cfg(target_arch = "wasm32")]
    fn from_js(value: &wasm_bindgen::JsValue) -> Returned {
        if js_sys::Array::is_array(value) {
            let pair = js_sys::Array::from(value);
            let status = pair.get(0).as_f64().unwrap_or(0.0) as u16;
            let body = js_sys::Uint8Array::new(&pair.get(1)).to_vec();
            return Returned::Response {
                status,
                body: body.into(),
            };
        }
        if let Some(text) = value.as_string() {
            Returned::Str(text.into())
        } else if let Some(n) = value.as_f64() {
            Returned::Int(n as i64)
        } else {
            Returned::None
        }
    }
}

/// A blocking function, as the steps it takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    label: Rc<str>,
    steps: Vec<Step>,
    result: Returned,
    /// Whether it returns what its last GET received, rather than `result`.
    returns_response: bool,
}

impl Job {
    /// A job called `label` in the Trace (`download_img(3)`), with no steps yet.
    pub fn new(label: impl Into<Rc<str>>) -> Job {
        Job {
            label: label.into(),
            steps: Vec::new(),
            result: Returned::None,
            returns_response: false,
        }
    }

    /// Then prints `text`; `py_line` is the matching `print(...)` in the Python listing.
    #[track_caller]
    pub fn print(mut self, py_line: u32, text: impl Into<Rc<str>>) -> Job {
        self.steps.push(Step::Print {
            text: text.into(),
            py_line,
            rust_line: std::panic::Location::caller().line(),
        });
        self
    }

    /// Then blocks its thread for `seconds` (`time.sleep(seconds)`); negative or NaN is 0,
    /// and a job may block for at most an hour.
    pub fn block(mut self, seconds: f64) -> Job {
        let seconds = if seconds.is_finite() && seconds > 0.0 {
            seconds.min(3600.0)
        } else {
            0.0
        };
        self.steps.push(Step::Block {
            us: (seconds * 1e6).round() as u64,
        });
        self
    }

    /// Then returns `value` (`return a + b`, `return "SB"`); without it, `None`.
    pub fn returns(mut self, value: impl Into<Returned>) -> Job {
        self.result = value.into();
        self.returns_response = false;
        self
    }

    /// Then makes a blocking HTTP GET of `url` (`requests.get(url)`, a library with no
    /// asyncio support): the worker's thread waits for the whole response (a synchronous
    /// `XMLHttpRequest`, which a worker may make), and the job returns it
    /// ([`Returned::Response`]). A relative URL is resolved against the page. Only a worker
    /// can make it: [`Job::run_here`] refuses it.
    pub fn get(mut self, url: impl Into<Rc<str>>) -> Job {
        self.steps.push(Step::Get { url: url.into() });
        self.returns_response = true;
        self
    }

    /// Its name in the Trace.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// How long it blocks in all, in lesson microseconds.
    pub fn blocking_us(&self) -> u64 {
        self.steps
            .iter()
            .map(|s| match s {
                Step::Block { us } => *us,
                Step::Print { .. } | Step::Get { .. } => 0,
            })
            .sum()
    }

    /// Calls it right here, on the loop's own thread, as a coroutine that calls a blocking
    /// function does: nothing else runs until it returns.
    #[track_caller]
    pub fn run_here(self) -> Result<Returned, Error> {
        let line = std::panic::Location::caller().line();
        let (run, task) = executor::current().ok_or(Error::NoRunningLoop)?;
        for step in self.steps {
            match step {
                Step::Print {
                    text,
                    py_line,
                    rust_line,
                } => run.record(
                    task,
                    EventKind::Print {
                        text,
                        rust_line,
                        py_line,
                    },
                ),
                Step::Block { us } => {
                    run.record(task, EventKind::Blocked { us, line });
                    run.block_loop(us);
                }
                Step::Get { url } => {
                    return Err(Error::raised(format!(
                        "RuntimeError: a blocking GET of {url} runs only on a worker thread"
                    )))
                }
            }
        }
        Ok(self.result)
    }
}

/// The largest pool accepted: more workers than this only queue on a 2-to-16-core machine.
pub const MAX_WORKERS: usize = 32;

/// `os.cpu_count()`: the cores the browser reports (`navigator.hardwareConcurrency`), or
/// natively the machine's; at least 1.
pub fn cpu_count() -> i64 {
    #[cfg(target_arch = "wasm32")]
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency()) as i64;
    #[cfg(not(target_arch = "wasm32"))]
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as i64;
    cores.max(1)
}

/// Checks a pool size the way a knob does: a clear message for anything out of range.
pub fn check_workers(workers: i64) -> Result<usize, Error> {
    if workers < 1 {
        Err(Error::raised(format!(
            "ValueError: max_workers must be greater than 0 (got {workers})"
        )))
    } else if workers as u64 > MAX_WORKERS as u64 {
        Err(Error::raised(format!(
            "ValueError: at most {MAX_WORKERS} workers (got {workers})"
        )))
    } else {
        Ok(workers as usize)
    }
}

mod concurrent;
pub use concurrent::{wrap_future, ConcurrentFuture};

#[cfg(target_arch = "wasm32")]
pub use browser::{default_executor, run_in_executor, Pool};
#[cfg(target_arch = "wasm32")]
pub use spares::{ready as spare_workers, warm_up};

#[cfg(target_arch = "wasm32")]
mod spares;

#[cfg(not(target_arch = "wasm32"))]
pub use native::{default_executor, run_in_executor, spare_workers, warm_up, Pool};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::collections::{BTreeMap, VecDeque};
    use std::rc::{Rc, Weak};

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::super::executor::{self, Clock, RunInner};
    use super::super::fetch;
    use super::super::host::{self, HostTimer};
    use super::super::io::{js, IoOp};
    use super::{check_workers, spares, wrap_future, ConcurrentFuture, Error, Job, Returned, Step};
    use crate::trace::{EventKind, IoKind};

    struct Slot {
        worker: web_sys::Worker,
        name: Rc<str>,
        busy: Option<u64>,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    }

    struct Pending {
        job: Job,
        future: ConcurrentFuture,
        op: Option<IoOp>,
        run: Weak<RunInner>,
        /// Whether the run was told this job holds the virtual clock.
        waiting: bool,
    }

    struct Inner {
        run: Weak<RunInner>,
        max_workers: usize,
        scale: f64,
        slots: Vec<Slot>,
        queue: VecDeque<u64>,
        jobs: BTreeMap<u64, Pending>,
        next_job: u64,
        submitted: Vec<ConcurrentFuture>,
        /// The host task that will start the next worker, if one is due (see `dispatch`).
        starting: Option<HostTimer>,
    }

    /// A pool of Web Workers: `concurrent.futures.ThreadPoolExecutor(max_workers)`.
    ///
    /// Workers start as jobs arrive, up to the maximum, and each runs one job at a time; the
    /// rest wait in order. Dropping the pool (Stop ends the task that owns it) terminates the
    /// workers at once, mid-job, and cancels every job not finished.
    pub struct Pool {
        inner: Rc<RefCell<Inner>>,
    }

    impl Pool {
        /// A pool of at most `max_workers` workers (1 to [`super::MAX_WORKERS`]).
        pub fn new(max_workers: i64) -> Result<Pool, Error> {
            let max_workers = check_workers(max_workers)?;
            let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
            let scale = match run.clock() {
                Clock::Real { scale } => scale,
                Clock::Virtual => 1.0,
            };
            Ok(Pool {
                inner: Rc::new(RefCell::new(Inner {
                    run: Rc::downgrade(&run),
                    max_workers,
                    scale,
                    slots: Vec::new(),
                    queue: VecDeque::new(),
                    jobs: BTreeMap::new(),
                    next_job: 0,
                    submitted: Vec::new(),
                    starting: None,
                })),
            })
        }

        /// `pool.submit(fn)`: queues the job and returns the future of its result at once.
        pub fn submit(&self, job: Job) -> Result<ConcurrentFuture, Error> {
            let future = ConcurrentFuture::new()?;
            let op = IoOp::begin(IoKind::Worker, job.label.clone())?;
            // A URL that cannot be requested fails the job as its GET would in the thread.
            let job = match with_urls_resolved(job) {
                Ok(job) => job,
                Err(error) => {
                    op.end(Some(&error));
                    future.outcome().set_exception(error)?;
                    return Ok(future);
                }
            };
            {
                let mut inner = self.inner.borrow_mut();
                inner.next_job += 1;
                let id = inner.next_job;
                let run = inner.run.clone();
                // A job holds the virtual clock from its submission, also while it waits for
                // a worker to start or to free up.
                let waiting = match run.upgrade() {
                    Some(run) => {
                        run.io_wait_begin();
                        true
                    }
                    None => false,
                };
                inner.jobs.insert(
                    id,
                    Pending {
                        job,
                        future: future.clone(),
                        op: Some(op),
                        run,
                        waiting,
                    },
                );
                inner.queue.push_back(id);
                inner.submitted.push(future.clone());
            }
            dispatch(&self.inner)?;
            Ok(future)
        }

        /// `pool.shutdown(wait=True)`: waits until every submitted job has finished, then
        /// terminates the workers.
        pub async fn shutdown(self) -> Result<(), Error> {
            let submitted = self.inner.borrow().submitted.clone();
            for future in submitted {
                // A job's failure belongs to whoever holds its future, not to shutdown.
                match future.outcome().await {
                    Err(Error::Cancelled) => return Err(Error::Cancelled),
                    _ => continue,
                }
            }
            Ok(())
        }

        /// Workers started so far.
        pub fn workers(&self) -> usize {
            self.inner.borrow().slots.len()
        }
    }

    /// The job with each GET's URL made absolute against the page (a worker's own base is
    /// its blob URL) and checked as every download's is.
    fn with_urls_resolved(mut job: Job) -> Result<Job, Error> {
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        for step in &mut job.steps {
            if let Step::Get { url } = step {
                *url = fetch::check_url(url, &base)?.into();
            }
        }
        Ok(job)
    }

    /// Hands queued jobs to idle workers, starting workers while below the maximum.
    fn dispatch(pool: &Rc<RefCell<Inner>>) -> Result<(), Error> {
        loop {
            let mut inner = pool.borrow_mut();
            let Some(&id) = inner.queue.front() else {
                return Ok(());
            };
            let idle = inner.slots.iter().position(|s| s.busy.is_none());
            let slot = match idle {
                Some(slot) => slot,
                None if inner.slots.len() < inner.max_workers && spares::stocked() > 0 => {
                    // A spare worker started ahead of time: taking it costs nothing.
                    let spare = start_worker(pool, &inner)?;
                    inner.slots.push(spare);
                    inner.slots.len() - 1
                }
                None => {
                    // `new Worker` holds the page for a few ms each (3-6 ms in headless
                    // Chromium here): a worker starts in a host task of its own, never inside
                    // the step that submitted the job, so that step stays short (the
                    // blocked-loop hint judges the lesson's code, not the runtime's) and the
                    // page paints between starts. The job waits in the queue meanwhile.
                    if inner.slots.len() < inner.max_workers && inner.starting.is_none() {
                        let weak = Rc::downgrade(pool);
                        inner.starting = Some(host::set_timer(0.0, move || grow(&weak)));
                    }
                    return Ok(());
                }
            };
            inner.queue.pop_front();
            let scale = inner.scale;
            let Some(pending) = inner.jobs.get_mut(&id) else {
                continue;
            };
            let steps: js_sys::Array = pending
                .job
                .steps
                .iter()
                .enumerate()
                .map(|(i, step)| match step {
                    Step::Print { .. } => JsValue::from_f64(-(i as f64) - 1.0),
                    Step::Block { us } => JsValue::from_f64(*us as f64 / 1000.0 * scale),
                    Step::Get { url } => JsValue::from_str(url),
                })
                .collect();
            let value = if pending.job.returns_response {
                JsValue::UNDEFINED
            } else {
                pending.job.result.to_js()
            };
            let message: js_sys::Array = [JsValue::from_f64(id as f64), steps.into(), value]
                .into_iter()
                .collect();
            pending.future.set_running();
            inner.slots[slot].busy = Some(id);
            inner.slots[slot]
                .worker
                .post_message(&message)
                .map_err(|e| Error::raised(js::message(&e)))?;
        }
    }

    /// Starts one worker for the queued jobs, then hands them out (which may ask for the next
    /// start). If the browser refuses a worker, the pool stays at the workers it has; with none
    /// at all, every queued job fails with the browser's reason.
    fn grow(pool: &Weak<RefCell<Inner>>) {
        let Some(pool) = pool.upgrade() else { return };
        // This callback's own timer: kept until the end of the callback.
        let fired = pool.borrow_mut().starting.take();
        let started = {
            let inner = pool.borrow();
            start_worker(&pool, &inner)
        };
        match started {
            Ok(slot) => pool.borrow_mut().slots.push(slot),
            Err(error) => {
                let failed: Vec<Pending> = {
                    let mut inner = pool.borrow_mut();
                    inner.max_workers = inner.slots.len();
                    if inner.slots.is_empty() {
                        let queued: Vec<u64> = inner.queue.drain(..).collect();
                        queued
                            .into_iter()
                            .filter_map(|id| inner.jobs.remove(&id))
                            .collect()
                    } else {
                        Vec::new()
                    }
                };
                for mut pending in failed {
                    if let Some(op) = pending.op.take() {
                        op.end(Some(&error));
                    }
                    let _ = pending.future.outcome().set_exception(error.clone());
                }
            }
        }
        let _ = dispatch(&pool);
        drop(fired);
    }

    fn start_worker(pool: &Rc<RefCell<Inner>>, inner: &Inner) -> Result<Slot, Error> {
        let index = inner.slots.len();
        let name: Rc<str> = Rc::from(format!("worker-{}", index + 1));
        let worker = spares::take()?;
        let weak = Rc::downgrade(pool);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(pool) = weak.upgrade() {
                    on_message(&pool, index, event.data());
                }
            },
        );
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(Slot {
            worker,
            name,
            busy: None,
            _on_message: on_message,
        })
    }

    /// A worker reported a print (`[job, step]`), the end of a job with what it returned
    /// (`[job, -1, value]`), or a GET that failed (`[job, -2, reason]`), which ends the job
    /// with requests' `ConnectionError`.
    fn on_message(pool: &Rc<RefCell<Inner>>, slot: usize, data: JsValue) {
        let job = js_sys::Reflect::get_u32(&data, 0)
            .ok()
            .and_then(|v| v.as_f64());
        let step = js_sys::Reflect::get_u32(&data, 1)
            .ok()
            .and_then(|v| v.as_f64());
        let (Some(job), Some(step)) = (job, step) else {
            return;
        };
        let returned = js_sys::Reflect::get_u32(&data, 2).unwrap_or(JsValue::NULL);
        let job = job as u64;
        if step >= 0.0 {
            let inner = pool.borrow();
            let (Some(run), Some(pending)) = (inner.run.upgrade(), inner.jobs.get(&job)) else {
                return;
            };
            if let Some(Step::Print {
                text,
                py_line,
                rust_line,
            }) = pending.job.steps.get(step as usize)
            {
                run.record(
                    None,
                    EventKind::ThreadPrint {
                        thread: inner.slots[slot].name.clone(),
                        text: text.clone(),
                        rust_line: *rust_line,
                        py_line: *py_line,
                    },
                );
                run.notify();
            }
            return;
        }
        let finished = {
            let mut inner = pool.borrow_mut();
            if let Some(slot) = inner.slots.get_mut(slot) {
                slot.busy = None;
            }
            inner.jobs.remove(&job)
        };
        if let Some(mut pending) = finished {
            let outcome = if step == -2.0 {
                let reason = returned.as_string().unwrap_or_default();
                Err(Error::raised(format!(
                    "requests.exceptions.ConnectionError: {reason}"
                )))
            } else {
                Ok(Returned::from_js(&returned))
            };
            if let Some(op) = pending.op.take() {
                op.end(outcome.as_ref().err());
            }
            let _ = match outcome {
                Ok(value) => pending.future.outcome().set_result(value),
                Err(error) => pending.future.outcome().set_exception(error),
            };
            // Dropping it ends its hold on the virtual clock (and cancelling a resolved
            // future does nothing).
            drop(pending);
        }
        let _ = dispatch(pool);
    }

    impl Drop for Pending {
        fn drop(&mut self) {
            if self.waiting {
                if let Some(run) = self.run.upgrade() {
                    run.io_wait_end();
                }
            }
            self.future.outcome().cancel();
        }
    }

    impl Drop for Inner {
        fn drop(&mut self) {
            for slot in self.slots.drain(..) {
                slot.worker.set_onmessage(None);
                if slot.busy.is_none() {
                    // Idle: nothing of this pool is in flight, so the next pool may use it.
                    spares::give_back(slot.worker);
                } else {
                    slot.worker.terminate();
                }
            }
            spares::refill();
        }
    }

    /// `await loop.run_in_executor(executor, fn)`: runs the job on the pool and waits for
    /// what it returns (`wrap_future(executor.submit(fn))`, as asyncio does); `None` is the
    /// run's default pool, made at its first use with asyncio's default size
    /// (`min(32, cpu_count() + 4)` workers) and shut down with the run.
    pub async fn run_in_executor(executor: Option<&Pool>, job: Job) -> Result<Returned, Error> {
        let submitted = match executor {
            Some(pool) => pool.submit(job)?,
            None => default_executor()?.submit(job)?,
        };
        wrap_future(&submitted)?.await
    }

    /// The running run's default pool (`run_in_executor(None, …)`'s), made now if it has
    /// none, and shut down with the run.
    pub fn default_executor() -> Result<Rc<Pool>, Error> {
        let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
        let held = run.default_executor.borrow().clone();
        if let Some(pool) = held.and_then(|any| any.downcast::<Pool>().ok()) {
            return Ok(pool);
        }
        let pool = Rc::new(Pool::new(
            (super::cpu_count() + 4).min(super::MAX_WORKERS as i64),
        )?);
        *run.default_executor.borrow_mut() = Some(pool.clone());
        Ok(pool)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{check_workers, ConcurrentFuture, Error, Job, Returned};

    /// Natively there are no Web Workers: a pool cannot be made.
    pub struct Pool {
        _private: (),
    }

    impl Pool {
        /// Checks the size, then fails: Web Workers need a browser.
        pub fn new(max_workers: i64) -> Result<Pool, Error> {
            check_workers(max_workers)?;
            Err(Error::raised("a pool of Web Workers needs a browser"))
        }
        /// See the browser version.
        pub fn submit(&self, _job: Job) -> Result<ConcurrentFuture, Error> {
            Err(Error::raised("a pool of Web Workers needs a browser"))
        }
        /// See the browser version.
        pub async fn shutdown(self) -> Result<(), Error> {
            Ok(())
        }
        /// See the browser version.
        pub fn workers(&self) -> usize {
            0
        }
    }

    /// See the browser version.
    pub async fn run_in_executor(executor: Option<&Pool>, job: Job) -> Result<Returned, Error> {
        let submitted = match executor {
            Some(pool) => pool.submit(job)?,
            None => Pool::new(1)?.submit(job)?,
        };
        super::wrap_future(&submitted)?.await
    }

    /// Natively there is none: a pool needs a browser.
    pub fn default_executor() -> Result<std::rc::Rc<Pool>, Error> {
        Pool::new(1).map(std::rc::Rc::new)
    }

    /// Natively there is nothing to start.
    pub fn warm_up(_workers: usize) {}

    /// Natively there are none.
    pub fn spare_workers() -> usize {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::{check_workers, Job};

    #[test]
    fn pool_sizes_are_checked() {
        assert!(check_workers(0).is_err());
        assert!(check_workers(-5).is_err());
        assert_eq!(check_workers(5), Ok(5));
        assert!(check_workers(33)
            .unwrap_err()
            .to_string()
            .contains("at most 32"));
        assert!(check_workers(i64::MAX).is_err());
    }

    #[test]
    fn jobs_add_up_their_blocking_and_refuse_nonsense_durations() {
        let job = Job::new("j")
            .print(1, "a")
            .block(1.0)
            .block(-3.0)
            .block(f64::NAN)
            .block(1e12)
            .returns(7);
        assert_eq!(job.blocking_us(), 1_000_000 + 3_600_000_000);
        assert_eq!(job.label(), "j");
    }
}
