//! The loop: a run's tasks, its FIFO ready queue, its timers and its two clocks.
//!
//! Single-threaded by design (`Rc`, `RefCell`, `Cell`), like wasm-bindgen-futures' own
//! executor, and for the same reason every `RefCell` borrow here is released before calling
//! code that may re-enter the runtime: polling a task, waking a waker, dropping a future (its
//! `Drop` may cancel a timer) or calling the UI's observer.

use std::cell::{Cell, Ref, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::future::Future as StdFuture;
use std::mem::ManuallyDrop;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use super::host::{self, HostTimer, Tick};
use super::snapshot::{LoopSnapshot, Queued};
use super::task::TaskEnd;
use super::Error;
use crate::trace::TaskId;
use crate::trace::{
    CallbackId, ClockKind, DoneOf, EventKind, FutureId, IoId, IoKind, TimerId, TimerKey, Trace,
    WaitOn,
};

/// How long one drain may run tasks before it yields to the browser so the page can paint.
const BUDGET_MS: f64 = 8.0;

/// How a run keeps time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Clock {
    /// Auto-advancing: when no task is ready, time jumps to the next timer's deadline. Still
    /// driven by the browser loop, but instant and exactly repeatable.
    Virtual,
    /// Wall time through `performance.now()` and `setTimeout`. `scale` is how many real
    /// milliseconds one lesson millisecond takes: 1.0 for real speed, 0.1 for ten times faster.
    Real {
        /// The time factor, kept within [`Clock::MIN_SCALE`]..=[`Clock::MAX_SCALE`].
        scale: f64,
    },
}

impl Clock {
    /// The smallest time factor accepted (a thousand times faster than real time).
    pub const MIN_SCALE: f64 = 0.001;
    /// The largest time factor accepted (a hundred times slower than real time).
    pub const MAX_SCALE: f64 = 100.0;

    /// The real clock at the given scale, or why the scale cannot be used.
    pub fn real(scale: f64) -> Result<Clock, &'static str> {
        if !scale.is_finite() {
            Err("the time scale must be a number")
        } else if scale < Self::MIN_SCALE {
            Err("the time scale must be at least 0.001")
        } else if scale > Self::MAX_SCALE {
            Err("the time scale must be at most 100")
        } else {
            Ok(Clock::Real { scale })
        }
    }

    /// The same clock with its scale brought into range (a NaN scale becomes 1.0), so a run
    /// never divides by zero or waits a hundred years for a typo.
    pub fn clamped(self) -> Clock {
        match self {
            Clock::Real { scale } if scale.is_nan() => Clock::Real { scale: 1.0 },
            Clock::Real { scale } => Clock::Real {
                scale: scale.clamp(Self::MIN_SCALE, Self::MAX_SCALE),
            },
            Clock::Virtual => Clock::Virtual,
        }
    }

    fn kind(self) -> ClockKind {
        match self {
            Clock::Virtual => ClockKind::Virtual,
            Clock::Real { scale } => ClockKind::Real { scale },
        }
    }
}

/// Where a run is in its life.
#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    /// Tasks are running or waiting.
    Running,
    /// `main` returned (`Ok`) or raised (`Err`), and every other task has ended.
    Finished(Result<(), Error>),
    /// Stop cancelled everything.
    Stopped,
}

struct Slot {
    future: Option<Pin<Box<dyn StdFuture<Output = ()>>>>,
    end: Rc<dyn TaskEnd>,
    waker: Waker,
    queued: bool,
    started: bool,
    finished: bool,
    cancel_requested: bool,
}

/// One entry of the ready queue: a task's next step, or a callback (`call_soon`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ready {
    Task(TaskId),
    Callback(CallbackId),
}

/// What a timer does when it fires.
enum TimerAction {
    /// Wake the sleeping task (its waker, once it has been polled).
    Wake(Option<Waker>),
    /// Queue this callback (`call_later`).
    Call(CallbackId),
}

/// A callback waiting in the ready queue or behind a timer.
struct Callback {
    run: Box<dyn FnOnce()>,
}

struct State {
    status: RunStatus,
    tasks: Vec<Slot>,
    ready: VecDeque<Ready>,
    /// Pending timers by (deadline in µs, timer id), so equal deadlines fire in the order set.
    timers: BTreeMap<TimerKey, TimerAction>,
    callbacks: BTreeMap<CallbackId, Callback>,
    next_callback: u64,
    /// `loop.stop()` was called: the run ends after the current step.
    stop_requested: bool,
    next_timer: u64,
    next_future: u64,
    task_counter: u64,
    live_tasks: usize,
    host_timer: Option<(u64, HostTimer)>,
    main: Option<TaskId>,
    main_outcome: Option<Result<(), Error>>,
    wait_reason: Option<WaitOn>,
    /// Outside work that has started and not ended (fetches, worker jobs, storage calls,
    /// posted messages), by id: the live counters.
    io: BTreeMap<IoId, IoKind>,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    next_io: u64,
    /// How many awaits on the browser are outstanding (a promise, a message in transit). The
    /// virtual clock does not move while any is: outside work takes no virtual time, so a run
    /// is as repeatable as the work's own results.
    io_waiting: usize,
}

pub(crate) struct RunInner {
    generation: u64,
    clock: Clock,
    /// When the loop first ran (host ms); `None` until then. Set at the first drain rather than
    /// at `start`, so the page's own work between Run and the first step is not counted.
    origin_ms: Cell<Option<f64>>,
    virtual_now_us: Cell<u64>,
    in_scheduler: Cell<bool>,
    /// Whether events are recorded (always, except in the benchmark's "Trace off" runs).
    traced: bool,
    state: RefCell<State>,
    trace: RefCell<Trace>,
    observer: RefCell<Option<Rc<dyn Fn()>>>,
    end_wakers: RefCell<Vec<Waker>>,
    /// With [`record_snapshots`] on: the real ready queue and timers after each event, by seq
    /// (`None` where the state was busy; there is none such today, and tests say so).
    snapshots: Option<RefCell<Vec<Option<LoopSnapshot>>>>,
}

thread_local! {
    /// The run and task being polled right now: asyncio's "running loop" and "current task".
    static CURRENT: RefCell<Option<(Rc<RunInner>, Option<TaskId>)>> = const { RefCell::new(None) };
    /// Runs with work to do, in the order they asked.
    static QUEUE: RefCell<VecDeque<Rc<RunInner>>> = RefCell::default();
    static TICK_REQUESTED: Cell<bool> = const { Cell::new(false) };
    /// Every run that has not ended: a run owns itself until it finishes or is stopped, so
    /// dropping a handle never silently kills one.
    static LIVE: RefCell<Vec<Rc<RunInner>>> = RefCell::default();
    static NEXT_GENERATION: Cell<u64> = const { Cell::new(1) };
    static SNAPSHOTS: Cell<bool> = const { Cell::new(false) };
}

/// From now on, runs started on this thread keep a snapshot of their real ready queue and
/// timer heap after every event ([`Run::snapshots`]): how tests check that the internals view,
/// which is rebuilt from the Trace alone, agrees with the executor. Off by default (it copies
/// the queue at every event).
pub fn record_snapshots(on: bool) {
    SNAPSHOTS.with(|s| s.set(on));
}

/// How many runs have not ended yet (for leak checks in tests).
pub fn live_runs() -> usize {
    LIVE.with(|live| live.borrow().len())
}

/// Calls `f` with the running run and current task, if code is running inside a run.
pub(crate) fn with_current_run<R>(f: impl FnOnce(&Rc<RunInner>, Option<TaskId>) -> R) -> Option<R> {
    let current = CURRENT.with(|c| c.borrow().clone());
    current.map(|(run, task)| f(&run, task))
}

/// The running run and current task (cloned out, so no borrow is held).
pub(crate) fn current() -> Option<(Rc<RunInner>, Option<TaskId>)> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Sets the current run and task for the duration of `f`.
fn enter<R>(run: &Rc<RunInner>, task: Option<TaskId>, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|c| c.replace(Some((run.clone(), task))));
    let result = f();
    CURRENT.with(|c| *c.borrow_mut() = previous);
    result
}

/// Milliseconds on the running loop's clock: `loop.time()`, or the `time.time()` a lesson uses
/// to measure how long something took. Outside a run it is `Err(NoRunningLoop)`.
pub fn time_ms() -> Result<u64, Error> {
    with_current_run(|run, _| run.now_us() / 1000).ok_or(Error::NoRunningLoop)
}

/// Runs `f` the way module-level code runs in Python: with no running loop, so
/// `create_task` inside it fails with the real `RuntimeError`. Only the "mistake" lesson needs
/// it, to show that error from inside a run.
pub fn outside_loop<R>(f: impl FnOnce() -> R) -> R {
    let saved = CURRENT.with(|c| c.borrow_mut().take());
    let result = f();
    CURRENT.with(|c| *c.borrow_mut() = saved);
    result
}

/// Records why the current task is about to return `Pending`. The last writer wins, so an outer
/// combinator (`gather`) overrides the inner futures it polled.
pub(crate) fn set_wait_reason(on: WaitOn) {
    with_current_run(|run, _| run.state.borrow_mut().wait_reason = Some(on));
}

/// Takes a cancellation request addressed to the current task, if there is one. Every await
/// point of the runtime calls this, so a cancelled task sees `Err(Cancelled)` where it waits,
/// as Python raises `CancelledError` at the `await`.
pub(crate) fn take_cancel() -> bool {
    with_current_run(|run, task| {
        let Some(task) = task else { return false };
        let mut state = run.state.borrow_mut();
        let slot = &mut state.tasks[task.index()];
        std::mem::take(&mut slot.cancel_requested)
    })
    .unwrap_or(false)
}

/// Queues `run` for a turn and, unless a tick is already coming (or running), asks the host
/// for one. While a tick runs, `TICK_REQUESTED` stays set, so wakes during a drain only queue:
/// the tick itself decides at its end how to continue.
fn schedule(run: &Rc<RunInner>, kind: Tick) {
    if !run.in_scheduler.replace(true) {
        QUEUE.with(|q| q.borrow_mut().push_back(run.clone()));
    }
    if !TICK_REQUESTED.with(|t| t.replace(true)) {
        host::request_tick(kind);
    }
}

/// Called by the host: runs every run that asked for a turn. A run that spends its budget is
/// continued in a macrotask, never a microtask, so the browser gets to paint and to run its own
/// tasks (a microtask chain would starve them, however short each step).
pub(crate) fn tick() {
    let mut out_of_budget = false;
    loop {
        let runs: Vec<_> = QUEUE.with(|q| q.borrow_mut().drain(..).collect());
        if runs.is_empty() {
            break;
        }
        for run in runs {
            run.in_scheduler.set(false);
            if run.drain() {
                out_of_budget = true;
                if !run.in_scheduler.replace(true) {
                    QUEUE.with(|q| q.borrow_mut().push_back(run.clone()));
                }
            }
            run.notify();
        }
        if out_of_budget {
            break;
        }
    }
    let more = QUEUE.with(|q| !q.borrow().is_empty());
    TICK_REQUESTED.with(|t| t.set(more));
    if more {
        host::request_tick(if out_of_budget {
            Tick::Macro
        } else {
            Tick::Micro
        });
    }
}

// A waker is an `Rc` of its target. Sound because everything here lives on one thread: the
// browser's main thread (wasm32 has no other here), or the native test thread.
struct WakeTarget {
    run: std::rc::Weak<RunInner>,
    task: TaskId,
}

static VTABLE: RawWakerVTable =
    RawWakerVTable::new(clone_waker, wake_waker, wake_by_ref_waker, drop_waker);

unsafe fn clone_waker(data: *const ()) -> RawWaker {
    // SAFETY: `data` came from `Rc::into_raw` in `make_waker` and is still owned by a waker.
    unsafe { Rc::increment_strong_count(data as *const WakeTarget) };
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake_waker(data: *const ()) {
    // SAFETY: as above; this consumes the waker's reference.
    let target = unsafe { Rc::from_raw(data as *const WakeTarget) };
    if let Some(run) = target.run.upgrade() {
        run.wake_task(target.task);
    }
}

unsafe fn wake_by_ref_waker(data: *const ()) {
    // SAFETY: as above; the reference stays owned by the waker.
    let target = ManuallyDrop::new(unsafe { Rc::from_raw(data as *const WakeTarget) });
    if let Some(run) = target.run.upgrade() {
        run.wake_task(target.task);
    }
}

unsafe fn drop_waker(data: *const ()) {
    // SAFETY: as above; this releases the waker's reference.
    drop(unsafe { Rc::from_raw(data as *const WakeTarget) });
}

fn make_waker(run: &Rc<RunInner>, task: TaskId) -> Waker {
    let target = Rc::new(WakeTarget {
        run: Rc::downgrade(run),
        task,
    });
    let raw = RawWaker::new(Rc::into_raw(target) as *const (), &VTABLE);
    // SAFETY: the vtable functions above uphold the RawWaker contract on this single thread.
    unsafe { Waker::from_raw(raw) }
}

impl RunInner {
    /// Microseconds since the run began, on its clock.
    pub(crate) fn now_us(&self) -> u64 {
        match self.clock {
            Clock::Virtual => self.virtual_now_us.get(),
            Clock::Real { scale } => match self.origin_ms.get() {
                Some(origin) => ((host::now_ms() - origin).max(0.0) / scale * 1000.0) as u64,
                None => 0,
            },
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn clock(&self) -> Clock {
        self.clock
    }

    pub(crate) fn record(&self, task: Option<TaskId>, kind: EventKind) {
        // Untraced runs (the benchmark's "Trace off") keep only how they began and ended.
        if !self.traced
            && !matches!(
                kind,
                EventKind::RunStarted { .. }
                    | EventKind::RunFinished { .. }
                    | EventKind::RunStopped
            )
        {
            return;
        }
        let at = self.now_us();
        self.trace.borrow_mut().push(at, task, kind);
        if let Some(snapshots) = &self.snapshots {
            let snapshot = self.state.try_borrow().ok().map(|state| LoopSnapshot {
                ready: state
                    .ready
                    .iter()
                    .filter_map(|entry| match *entry {
                        Ready::Task(id) => state
                            .tasks
                            .get(id.index())
                            .filter(|slot| !slot.finished)
                            .map(|_| Queued::Task(id)),
                        Ready::Callback(id) => state
                            .callbacks
                            .contains_key(&id)
                            .then_some(Queued::Callback(id)),
                    })
                    .collect(),
                timers: state.timers.keys().copied().collect(),
            });
            snapshots.borrow_mut().push(snapshot);
        }
    }

    pub(crate) fn is_running(&self) -> bool {
        self.state.borrow().status == RunStatus::Running
    }

    pub(crate) fn notify(&self) {
        let observer = self.observer.borrow().clone();
        if let Some(observer) = observer {
            observer();
        }
    }

    /// The name of the next task: `name` if given, else `Task-N`. Every task uses up a number,
    /// named or not, as in CPython 3.11 (where the main task of `asyncio.run` is `Task-1`).
    pub(crate) fn next_task_name(&self, name: Option<&str>) -> Rc<str> {
        let mut state = self.state.borrow_mut();
        state.task_counter += 1;
        match name {
            Some(name) => Rc::from(name),
            None => Rc::from(format!("Task-{}", state.task_counter)),
        }
    }

    pub(crate) fn next_future_id(&self) -> FutureId {
        let mut state = self.state.borrow_mut();
        state.next_future += 1;
        FutureId(state.next_future)
    }

    /// Adds a task to the run and queues its first step, as `loop.create_task` does.
    pub(crate) fn spawn(
        self: &Rc<Self>,
        future: Pin<Box<dyn StdFuture<Output = ()>>>,
        end: Rc<dyn TaskEnd>,
        name: Rc<str>,
        parent: Option<TaskId>,
        line: u32,
    ) -> TaskId {
        let id = {
            let mut state = self.state.borrow_mut();
            let id = TaskId::new(state.tasks.len());
            state.tasks.push(Slot {
                future: Some(future),
                end,
                waker: make_waker(self, id),
                queued: true,
                started: false,
                finished: false,
                cancel_requested: false,
            });
            state.ready.push_back(Ready::Task(id));
            state.live_tasks += 1;
            id
        };
        self.record(Some(id), EventKind::TaskSpawned { name, parent, line });
        schedule(self, Tick::Micro);
        id
    }

    fn wake_task(self: &Rc<Self>, task: TaskId) {
        {
            let mut state = self.state.borrow_mut();
            if state.status != RunStatus::Running {
                return;
            }
            let Some(slot) = state.tasks.get_mut(task.index()) else {
                return;
            };
            if slot.finished || slot.queued {
                return;
            }
            slot.queued = true;
            state.ready.push_back(Ready::Task(task));
        }
        self.record(Some(task), EventKind::TaskWoken);
        schedule(self, Tick::Micro);
    }

    /// Asks a task to stop: it is woken, and its next await point returns `Err(Cancelled)`.
    /// A task that has not started yet never starts. Returns `false` if it had already ended.
    pub(crate) fn cancel_task(self: &Rc<Self>, task: TaskId) -> bool {
        {
            let mut state = self.state.borrow_mut();
            if state.status != RunStatus::Running {
                return false;
            }
            let slot = &mut state.tasks[task.index()];
            if slot.finished {
                return false;
            }
            slot.cancel_requested = true;
            if slot.queued {
                return true;
            }
            slot.queued = true;
            state.ready.push_back(Ready::Task(task));
        }
        // As in asyncio, where cancelling wakes the task to raise CancelledError in it.
        self.record(Some(task), EventKind::TaskWoken);
        schedule(self, Tick::Micro);
        true
    }

    /// Runs ready tasks, and on the virtual clock advances time, until nothing is ready or the
    /// budget is spent. Returns `true` when it stopped for the budget.
    fn drain(self: &Rc<Self>) -> bool {
        let started = host::now_ms();
        if self.origin_ms.get().is_none() {
            self.origin_ms.set(Some(started));
        }
        let budget_end = started + BUDGET_MS;
        let mut steps = 0u32;
        loop {
            let next = {
                let mut state = self.state.borrow_mut();
                if state.status != RunStatus::Running {
                    return false;
                }
                state.ready.pop_front()
            };
            if let Some(next) = next {
                match next {
                    Ready::Task(task) => self.poll_task(task),
                    Ready::Callback(id) => self.run_callback(id),
                }
                if self.state.borrow().stop_requested {
                    self.stop_loop_now();
                    return false;
                }
                steps += 1;
                if steps.is_multiple_of(16) && host::now_ms() > budget_end {
                    return true;
                }
                continue;
            }
            match self.clock {
                Clock::Virtual if self.state.borrow().io_waiting > 0 => {
                    // Outside work will wake someone when it completes; until then time
                    // stands still (see `State::io`).
                    return false;
                }
                Clock::Virtual => {
                    // A deadline of u64::MAX is "never" (an infinite sleep): time does not jump
                    // there; the run just waits, as asyncio would, until Stop.
                    let next_deadline = self.state.borrow().timers.keys().next().map(|k| k.due_us);
                    let Some(deadline) = next_deadline.filter(|d| *d != u64::MAX) else {
                        return false;
                    };
                    if deadline > self.virtual_now_us.get() {
                        self.virtual_now_us.set(deadline);
                    }
                    self.fire_due_timers();
                }
                Clock::Real { .. } => {
                    self.arm_host_timer();
                    return false;
                }
            }
        }
    }

    fn poll_task(self: &Rc<Self>, task: TaskId) {
        let (future, waker, never_started_cancel) = {
            let mut state = self.state.borrow_mut();
            state.wait_reason = None;
            let slot = &mut state.tasks[task.index()];
            slot.queued = false;
            if slot.finished {
                return;
            }
            let Some(future) = slot.future.take() else {
                return;
            };
            let never_started_cancel = slot.cancel_requested && !slot.started;
            slot.started = true;
            (future, slot.waker.clone(), never_started_cancel)
        };
        if never_started_cancel {
            // Cancelled before its first step: the coroutine never runs, as in asyncio.
            drop(future);
            self.end_task(task, Some(Err(Error::Cancelled)));
            return;
        }
        self.record(Some(task), EventKind::TaskPolled);
        let mut future = future;
        let poll = enter(self, Some(task), || {
            future.as_mut().poll(&mut Context::from_waker(&waker))
        });
        match poll {
            Poll::Ready(()) => {
                drop(future);
                self.end_task(task, None);
            }
            Poll::Pending if !self.is_running() => {
                // Stop was called from inside this step: the task ends with the run.
                drop(future);
                self.end_task(task, Some(Err(Error::Cancelled)));
            }
            Poll::Pending => {
                let on = {
                    let mut state = self.state.borrow_mut();
                    state.tasks[task.index()].future = Some(future);
                    state.wait_reason.take().unwrap_or(WaitOn::Other)
                };
                self.record(Some(task), EventKind::TaskSuspended { on });
            }
        }
    }

    /// Marks a task ended and records how. `forced` is the outcome when the task's own code
    /// did not get to finish (cancelled before starting, or by Stop).
    fn end_task(self: &Rc<Self>, task: TaskId, forced: Option<Result<(), Error>>) {
        let (end, is_main) = {
            let mut state = self.state.borrow_mut();
            let slot = &mut state.tasks[task.index()];
            if slot.finished {
                return;
            }
            slot.finished = true;
            let end = slot.end.clone();
            state.live_tasks -= 1;
            (end, state.main == Some(task))
        };
        if let Some(Err(error)) = &forced {
            end.force_error(error.clone());
        }
        let outcome = end.outcome().unwrap_or(Err(Error::Cancelled));
        let kind = match &outcome {
            Ok(()) => EventKind::TaskFinished,
            Err(Error::Cancelled) => EventKind::TaskCancelled,
            Err(error) => EventKind::TaskFailed {
                error: error.clone(),
            },
        };
        self.record(Some(task), kind);
        if is_main {
            self.main_ended(outcome);
        } else {
            self.finish_if_done();
        }
    }

    /// `asyncio.run`: when `main` ends, every task still alive is cancelled, and the run ends
    /// once they have all unwound.
    fn main_ended(self: &Rc<Self>, outcome: Result<(), Error>) {
        let alive: Vec<TaskId> = {
            let mut state = self.state.borrow_mut();
            state.main_outcome = Some(outcome);
            (0..state.tasks.len())
                .map(TaskId::new)
                .filter(|t| !state.tasks[t.index()].finished)
                .collect()
        };
        for task in alive {
            self.cancel_task(task);
        }
        self.finish_if_done();
    }

    fn finish_if_done(self: &Rc<Self>) {
        let outcome = {
            let state = self.state.borrow();
            // Cheap checks first: this runs at every task's end, and scanning the ready queue
            // each time would make a run of n tasks cost n² (measured: 100k tasks took 2.9 s).
            if state.status != RunStatus::Running || state.live_tasks > 0 {
                return;
            }
            // As asyncio finishes the loop iteration it is in, callbacks already queued run
            // before the run ends (done callbacks of the last task, say).
            if state.ready.iter().any(|r| matches!(r, Ready::Callback(_))) {
                return;
            }
            match &state.main_outcome {
                Some(outcome) => outcome.clone(),
                None => return,
            }
        };
        self.end(RunStatus::Finished(outcome));
    }

    /// Ends the run: drops every task and timer still held, records why, and wakes whoever
    /// awaits the end. Futures are dropped after the state borrow ends, because their `Drop`
    /// may call back in (a `Sleep` cancels its timer).
    fn end(self: &Rc<Self>, status: RunStatus) {
        let (futures, ends, callbacks, host_timer, lost) = {
            let mut state = self.state.borrow_mut();
            if state.status != RunStatus::Running {
                return;
            }
            state.status = status.clone();
            state.ready.clear();
            let mut futures = Vec::new();
            let mut ends = Vec::new();
            // A finished run's tasks that had already ended on their own, other than the main
            // one, with an error nobody retrieved (read before the loop below ends the rest).
            let lost: Vec<(TaskId, Error)> = if matches!(status, RunStatus::Finished(_)) {
                let main = state.main;
                state
                    .tasks
                    .iter()
                    .enumerate()
                    .map(|(index, slot)| (TaskId::new(index), slot))
                    .filter(|(task, slot)| slot.finished && main != Some(*task))
                    .filter_map(|(task, slot)| slot.end.lost_error().map(|error| (task, error)))
                    .collect()
            } else {
                Vec::new()
            };
            for (index, slot) in state.tasks.iter_mut().enumerate() {
                if let Some(future) = slot.future.take() {
                    futures.push(future);
                }
                if !slot.finished {
                    slot.finished = true;
                    ends.push((TaskId::new(index), slot.end.clone()));
                }
            }
            state.live_tasks = 0;
            let callbacks = std::mem::take(&mut state.callbacks);
            (futures, ends, callbacks, state.host_timer.take(), lost)
        };
        // As asyncio logs "Task exception was never retrieved" when such a task is collected.
        for (task, error) in lost {
            self.record(Some(task), EventKind::ErrorNeverRetrieved { error });
        }
        // Dropped after the borrow, like everything that owns closures: the pending setTimeout
        // is cleared, and callbacks that never ran go with whatever they captured.
        drop(host_timer);
        drop(callbacks);
        for (task, end) in ends {
            end.force_error(Error::Cancelled);
            self.record(Some(task), EventKind::TaskCancelled);
        }
        drop(futures);
        // Timers left by futures that were not dropped above (none should be) go too.
        let leftover = std::mem::take(&mut self.state.borrow_mut().timers);
        drop(leftover);
        // Outside work whose owner let go without ending it (a message never delivered): it
        // belongs to this run, so it ends with it.
        let io = {
            let mut state = self.state.borrow_mut();
            state.io_waiting = 0;
            std::mem::take(&mut state.io)
        };
        for io in io.into_keys() {
            self.record(
                None,
                EventKind::IoEnded {
                    io,
                    error: Some(Rc::from("cancelled")),
                },
            );
        }
        let kind = match status {
            RunStatus::Finished(outcome) => EventKind::RunFinished { outcome },
            _ => EventKind::RunStopped,
        };
        self.record(None, kind);
        LIVE.with(|live| live.borrow_mut().retain(|r| !Rc::ptr_eq(r, self)));
        let wakers = std::mem::take(&mut *self.end_wakers.borrow_mut());
        for waker in wakers {
            waker.wake();
        }
        self.notify();
    }

    /// Schedules `f` to run on the loop: now (`call_soon`, `delay_us` = `None`) or after a
    /// delay (`call_later`). Returns the callback's id (the handle's) and its timer key.
    pub(crate) fn add_callback(
        self: &Rc<Self>,
        f: Box<dyn FnOnce()>,
        delay_us: Option<u64>,
        line: u32,
        done_of: Option<DoneOf>,
    ) -> (CallbackId, Option<TimerKey>) {
        let task = current().and_then(|(_, task)| task);
        let id = {
            let mut state = self.state.borrow_mut();
            state.next_callback += 1;
            let id = CallbackId(state.next_callback);
            state.callbacks.insert(id, Callback { run: f });
            if delay_us.is_none() {
                state.ready.push_back(Ready::Callback(id));
            }
            id
        };
        let due_us = delay_us.map(|delay| self.now_us().saturating_add(delay));
        self.record(
            task,
            EventKind::CallbackScheduled {
                callback: id,
                due_us,
                line,
                done_of,
            },
        );
        // A `call_later` timer is set (and recorded) right after the callback it is for.
        let timer = due_us.map(|deadline_us| {
            let key = {
                let mut state = self.state.borrow_mut();
                state.next_timer += 1;
                let key = TimerKey {
                    due_us: deadline_us,
                    id: TimerId(state.next_timer),
                };
                state.timers.insert(key, TimerAction::Call(id));
                key
            };
            self.record(
                task,
                EventKind::TimerSet {
                    timer: key.id,
                    deadline_us,
                    line,
                },
            );
            key
        });
        if timer.is_some() {
            match self.clock {
                Clock::Real { .. } => self.arm_host_timer(),
                // The loop may be idle (a `run_forever` setup with only timers): it must get
                // a turn to move the virtual clock.
                Clock::Virtual => schedule(self, Tick::Micro),
            }
        } else {
            schedule(self, Tick::Micro);
        }
        (id, timer)
    }

    /// Puts a callback whose timer fired at the back of the ready queue, and gives the loop a
    /// turn to run it, as a task's wake does (on the real clock the timer fires from the host's
    /// `setTimeout`, outside any turn; on the virtual clock the turn is already running).
    fn queue_callback(self: &Rc<Self>, id: CallbackId) {
        {
            let mut state = self.state.borrow_mut();
            if !state.callbacks.contains_key(&id) {
                return;
            }
            state.ready.push_back(Ready::Callback(id));
        }
        schedule(self, Tick::Micro);
    }

    /// Cancels a callback that has not run; `false` if it already ran or was cancelled.
    pub(crate) fn cancel_callback(&self, id: CallbackId, timer: Option<TimerKey>) -> bool {
        let removed = {
            let mut state = self.state.borrow_mut();
            if let Some(key) = timer {
                state.timers.remove(&key);
            }
            state.callbacks.remove(&id)
        };
        let cancelled = removed.is_some();
        if cancelled {
            self.record(None, EventKind::CallbackCancelled { callback: id });
        }
        // Dropped here, after the borrow: the closure may own handles whose drop calls back in.
        drop(removed);
        cancelled
    }

    fn run_callback(self: &Rc<Self>, id: CallbackId) {
        let callback = self.state.borrow_mut().callbacks.remove(&id);
        let Some(callback) = callback else { return };
        self.record(None, EventKind::CallbackRan { callback: id });
        enter(self, None, callback.run);
        self.finish_if_done();
    }

    /// `loop.stop()`: the run ends once the current step returns.
    pub(crate) fn request_stop(self: &Rc<Self>) {
        self.state.borrow_mut().stop_requested = true;
        schedule(self, Tick::Micro);
    }

    /// Ends a run whose loop was stopped. Under `asyncio.run` (a main task still running) that
    /// is the error Python raises; under `run_forever` it is the normal way to finish.
    fn stop_loop_now(self: &Rc<Self>) {
        let main_running = {
            let state = self.state.borrow();
            state
                .main
                .is_some_and(|main| !state.tasks[main.index()].finished)
        };
        let outcome = match (main_running, self.state.borrow().main_outcome.clone()) {
            (true, _) => Err(Error::raised(
                "RuntimeError: Event loop stopped before Future completed.",
            )),
            (false, Some(outcome)) => outcome,
            (false, None) => Ok(()),
        };
        self.end(RunStatus::Finished(outcome));
    }

    /// Registers outside work as in flight and records its start; returns its id.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn begin_io(&self, task: Option<TaskId>, kind: IoKind, label: Rc<str>) -> IoId {
        let io = {
            let mut state = self.state.borrow_mut();
            state.next_io += 1;
            let io = IoId(state.next_io);
            state.io.insert(io, kind);
            io
        };
        self.record(task, EventKind::IoStarted { io, kind, label });
        io
    }

    /// Marks outside work as no longer in flight (done, failed or abandoned) and records it.
    /// On the virtual clock the loop gets a turn, since time may move again.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn end_io(self: &Rc<Self>, io: IoId, error: Option<Rc<str>>) {
        let removed = self.state.borrow_mut().io.remove(&io).is_some();
        if !removed {
            return;
        }
        let task = current().and_then(|(_, task)| task);
        self.record(task, EventKind::IoEnded { io, error });
    }

    /// An await on the browser began: the virtual clock holds still until it ends.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_wait_begin(&self) {
        self.state.borrow_mut().io_waiting += 1;
    }

    /// An await on the browser ended (or was abandoned): on the virtual clock the loop gets a
    /// turn, since time may move again.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_wait_end(self: &Rc<Self>) {
        {
            let mut state = self.state.borrow_mut();
            state.io_waiting = state.io_waiting.saturating_sub(1);
        }
        if self.clock == Clock::Virtual && self.is_running() {
            schedule(self, Tick::Micro);
        }
    }

    /// Records progress of outside work, if it is still in flight.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn io_progress(&self, io: IoId, done: u64, total: Option<u64>) {
        if self.state.borrow().io.contains_key(&io) {
            let task = current().and_then(|(_, task)| task);
            self.record(task, EventKind::IoProgress { io, done, total });
        }
    }

    /// Blocks the loop for `us` microseconds, as blocking code in a coroutine does: on the
    /// real clock the thread really spins (the page freezes, timers run late); on the virtual
    /// clock time jumps ahead without firing the timers that fell due meanwhile, so they run
    /// late by the same amount.
    pub(crate) fn block_loop(&self, us: u64) {
        match self.clock {
            Clock::Virtual => self
                .virtual_now_us
                .set(self.virtual_now_us.get().saturating_add(us)),
            Clock::Real { scale } => {
                let end = host::now_ms() + us as f64 / 1000.0 * scale;
                while host::now_ms() < end {
                    std::hint::spin_loop();
                }
            }
        }
    }

    /// Sets a timer due at `deadline_us` that wakes `waker`; returns its key.
    pub(crate) fn add_timer(
        self: &Rc<Self>,
        task: Option<TaskId>,
        deadline_us: u64,
        waker: Waker,
        line: u32,
    ) -> TimerKey {
        let key = {
            let mut state = self.state.borrow_mut();
            state.next_timer += 1;
            let key = TimerKey {
                due_us: deadline_us,
                id: TimerId(state.next_timer),
            };
            state.timers.insert(key, TimerAction::Wake(Some(waker)));
            key
        };
        self.record(
            task,
            EventKind::TimerSet {
                timer: key.id,
                deadline_us,
                line,
            },
        );
        if matches!(self.clock, Clock::Real { .. }) {
            self.arm_host_timer();
        }
        key
    }

    /// Whether the timer has fired; if not, makes sure it will wake `waker`.
    pub(crate) fn poll_timer(&self, key: TimerKey, waker: &Waker) -> bool {
        let mut state = self.state.borrow_mut();
        match state.timers.get_mut(&key) {
            None => true,
            Some(TimerAction::Wake(slot)) => {
                if !slot.as_ref().is_some_and(|w| w.will_wake(waker)) {
                    *slot = Some(waker.clone());
                }
                false
            }
            Some(TimerAction::Call(_)) => false,
        }
    }

    /// Removes a timer that has not fired (a dropped or cancelled sleep).
    pub(crate) fn cancel_timer(&self, key: TimerKey, task: Option<TaskId>) {
        let removed = self.state.borrow_mut().timers.remove(&key);
        if removed.is_some() {
            self.record(task, EventKind::TimerCancelled { timer: key.id });
        }
    }

    /// Fires every timer whose deadline has come, in deadline order, waking their tasks.
    fn fire_due_timers(self: &Rc<Self>) {
        let now = self.now_us();
        // One at a time, so that the Trace's TimerFired and the timer heap never disagree.
        loop {
            let due = {
                let mut state = self.state.borrow_mut();
                match state.timers.first_key_value() {
                    Some((key, _)) if key.due_us <= now => state.timers.pop_first(),
                    _ => None,
                }
            };
            let Some((
                TimerKey {
                    due_us: deadline_us,
                    id: timer,
                },
                action,
            )) = due
            else {
                break;
            };
            // A `call_later` callback is queued as its timer fires; a sleeping task's wake
            // follows as its own event.
            if let TimerAction::Call(id) = action {
                self.queue_callback(id);
            }
            self.record(None, EventKind::TimerFired { timer, deadline_us });
            if let TimerAction::Wake(Some(waker)) = action {
                waker.wake();
            }
        }
    }

    /// On the real clock, keeps one `setTimeout` armed for the earliest deadline.
    fn arm_host_timer(self: &Rc<Self>) {
        let Clock::Real { scale } = self.clock else {
            return;
        };
        let now = self.now_us();
        let mut state = self.state.borrow_mut();
        if state.status != RunStatus::Running {
            return;
        }
        let Some(deadline) = state.timers.keys().next().map(|key| key.due_us) else {
            state.host_timer = None;
            return;
        };
        if state
            .host_timer
            .as_ref()
            .is_some_and(|(armed, _)| *armed == deadline)
        {
            return;
        }
        let delay_ms = deadline.saturating_sub(now) as f64 / 1000.0 * scale;
        let weak = Rc::downgrade(self);
        let timer = host::set_timer(delay_ms, move || {
            let Some(run) = weak.upgrade() else { return };
            let fired = run.state.borrow_mut().host_timer.take();
            run.fire_due_timers();
            run.arm_host_timer();
            drop(fired);
            run.notify();
        });
        // The timeout it replaces (for a later deadline) is cleared by this drop.
        state.host_timer = Some((deadline, timer));
    }
}

/// A handle on one run of a lesson: the twin of `asyncio.run(main())`.
///
/// The run starts on the next microtask and keeps itself alive until `main` ends or
/// [`Run::stop`] is called; the handle only observes and controls it.
#[derive(Clone)]
#[must_use = "a run keeps going until it finishes; keep the handle to stop it or read its Trace"]
pub struct Run {
    inner: Rc<RunInner>,
}

impl Run {
    /// Starts `main` as the run's first task (`Task-1`) on the given clock. A real clock's
    /// scale is clamped into range first (see [`Clock::clamped`]); [`Clock::real`] is the way
    /// to tell a user why a value was refused.
    #[track_caller]
    pub fn start<F, Fut>(clock: Clock, main: F) -> Run
    where
        F: FnOnce() -> Fut,
        Fut: StdFuture<Output = Result<(), Error>> + 'static,
    {
        Self::start_traced(clock, true, main)
    }

    /// Like [`Run::start`], but with the Trace off when `traced` is false: only the run's start
    /// and end are recorded. For measuring what recording costs; the page always traces.
    #[track_caller]
    pub fn start_traced<F, Fut>(clock: Clock, traced: bool, main: F) -> Run
    where
        F: FnOnce() -> Fut,
        Fut: StdFuture<Output = Result<(), Error>> + 'static,
    {
        let inner = Self::new_inner_traced(clock, traced);
        let line = std::panic::Location::caller().line();
        let task = enter(&inner, None, || {
            super::task::spawn_in(&inner, main(), None, None, line)
        });
        inner.state.borrow_mut().main = Some(task.id());
        Run { inner }
    }

    /// A new run, registered as live, with its RunStarted event recorded.
    fn new_inner(clock: Clock) -> Rc<RunInner> {
        Self::new_inner_traced(clock, true)
    }

    fn new_inner_traced(clock: Clock, traced: bool) -> Rc<RunInner> {
        let clock = clock.clamped();
        let generation = NEXT_GENERATION.with(|g| g.replace(g.get() + 1));
        let inner = Rc::new(RunInner {
            generation,
            clock,
            origin_ms: Cell::new(None),
            virtual_now_us: Cell::new(0),
            in_scheduler: Cell::new(false),
            traced,
            snapshots: SNAPSHOTS.with(Cell::get).then(|| RefCell::new(Vec::new())),
            state: RefCell::new(State {
                status: RunStatus::Running,
                tasks: Vec::new(),
                ready: VecDeque::new(),
                timers: BTreeMap::new(),
                callbacks: BTreeMap::new(),
                next_callback: 0,
                stop_requested: false,
                next_timer: 0,
                next_future: 0,
                task_counter: 0,
                live_tasks: 0,
                host_timer: None,
                main: None,
                main_outcome: None,
                wait_reason: None,
                io: BTreeMap::new(),
                next_io: 0,
                io_waiting: 0,
            }),
            trace: RefCell::new(Trace::default()),
            observer: RefCell::new(None),
            end_wakers: RefCell::new(Vec::new()),
        });
        LIVE.with(|live| live.borrow_mut().push(inner.clone()));
        inner.record(
            None,
            EventKind::RunStarted {
                generation,
                clock: clock.kind(),
            },
        );
        inner
    }

    /// Starts a run with no main task: `setup` creates tasks and callbacks, then the loop runs
    /// until one of them calls [`stop`](super::stop) — `loop.run_forever()`. If `setup` fails,
    /// the run ends at once with its error.
    pub fn forever<F>(clock: Clock, setup: F) -> Run
    where
        F: FnOnce() -> Result<(), Error>,
    {
        let inner = Self::new_inner(clock);
        // The setup already runs on the loop, and its `call_later` delays count from now: the
        // clock starts here. (Started only at the first turn, a setup of nothing but timers
        // would leave a real clock at 0 for ever, and no timer would ever come due.)
        inner.origin_ms.set(Some(host::now_ms()));
        let result = enter(&inner, None, setup);
        if let Err(error) = result {
            inner.end(RunStatus::Finished(Err(error)));
        }
        Run { inner }
    }

    /// This run's generation id: every run gets a new one, so nothing of an old run can be
    /// mistaken for a new one's.
    pub fn generation(&self) -> u64 {
        self.inner.generation
    }

    /// The clock it runs on.
    pub fn clock(&self) -> Clock {
        self.inner.clock
    }

    /// When the loop first ran, in the host's milliseconds (`performance.now()` in a page):
    /// time 0 of a real-clock run. `None` before the first step (a `run_forever` run: from the
    /// start of its setup).
    pub fn origin_ms(&self) -> Option<f64> {
        self.inner.origin_ms.get()
    }

    /// Where the run is in its life.
    pub fn status(&self) -> RunStatus {
        self.inner.state.borrow().status.clone()
    }

    /// Cancels every task and timer of the run at once. Returns `false` if it had already ended.
    pub fn stop(&self) -> bool {
        if !self.inner.is_running() {
            return false;
        }
        self.inner.end(RunStatus::Stopped);
        true
    }

    /// The events recorded so far. Do not hold the borrow across an `.await`.
    pub fn trace(&self) -> Ref<'_, Trace> {
        self.inner.trace.borrow()
    }

    /// The executor's real ready queue and timers after each event, by seq, if this run was
    /// started with [`record_snapshots`] on (else empty).
    pub fn snapshots(&self) -> Vec<Option<LoopSnapshot>> {
        self.inner
            .snapshots
            .as_ref()
            .map_or_else(Vec::new, |s| s.borrow().clone())
    }

    /// Microseconds since the run began, on its clock.
    pub fn now_us(&self) -> u64 {
        self.inner.now_us()
    }

    /// Tasks that have not ended.
    pub fn live_tasks(&self) -> usize {
        self.inner.state.borrow().live_tasks
    }

    /// Callbacks (`call_soon`, `call_later`, done callbacks) that have not run yet.
    pub fn live_callbacks(&self) -> usize {
        self.inner.state.borrow().callbacks.len()
    }

    /// Timers that have neither fired nor been cancelled.
    pub fn live_timers(&self) -> usize {
        self.inner.state.borrow().timers.len()
    }

    /// Outside work of this kind still in flight: fetches, worker jobs, storage calls or
    /// posted messages. Zero once the run has ended, however it ended.
    pub fn live_io(&self, kind: IoKind) -> usize {
        let state = self.inner.state.borrow();
        state.io.values().filter(|k| **k == kind).count()
    }

    /// Calls `observer` after each batch of work that may have added events. The UI uses it
    /// to schedule one repaint per animation frame; it must not call back into the run.
    pub fn set_observer(&self, observer: impl Fn() + 'static) {
        *self.inner.observer.borrow_mut() = Some(Rc::new(observer));
    }

    /// Waits for the run to end (finish or stop) and returns how it ended.
    pub fn finished(&self) -> RunEnd {
        RunEnd {
            inner: self.inner.clone(),
        }
    }
}

/// The future returned by [`Run::finished`].
#[must_use = "futures do nothing unless awaited"]
pub struct RunEnd {
    inner: Rc<RunInner>,
}

impl StdFuture for RunEnd {
    type Output = RunStatus;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<RunStatus> {
        let status = self.inner.state.borrow().status.clone();
        if status != RunStatus::Running {
            return Poll::Ready(status);
        }
        let mut wakers = self.inner.end_wakers.borrow_mut();
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn real_clock_scales_are_checked_and_clamped() {
        assert_eq!(Clock::real(0.5), Ok(Clock::Real { scale: 0.5 }));
        assert!(Clock::real(0.0).is_err());
        assert!(Clock::real(-1.0).is_err());
        assert!(Clock::real(f64::NAN).is_err());
        assert!(Clock::real(1e9).is_err());
        assert_eq!(
            Clock::Real { scale: 0.0 }.clamped(),
            Clock::Real { scale: 0.001 }
        );
        assert_eq!(
            Clock::Real { scale: -3.0 }.clamped(),
            Clock::Real { scale: 0.001 }
        );
        assert_eq!(
            Clock::Real { scale: f64::NAN }.clamped(),
            Clock::Real { scale: 1.0 }
        );
        assert_eq!(
            Clock::Real {
                scale: f64::INFINITY
            }
            .clamped(),
            Clock::Real { scale: 100.0 }
        );
        assert_eq!(Clock::Virtual.clamped(), Clock::Virtual);
    }
}
