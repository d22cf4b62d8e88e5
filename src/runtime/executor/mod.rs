//! The loop: a run's tasks, its FIFO ready queue, its timers and its two clocks.
//!
//! Single-threaded by design (`Rc`, `RefCell`, `Cell`), like wasm-bindgen-futures' own
//! executor, and for the same reason every `RefCell` borrow here is released before calling
//! code that may re-enter the runtime: polling a task, waking a waker, dropping a future (its
//! `Drop` may cancel a timer) or calling the UI's observer.
//!
//! This file is the scheduler that glues the parts: [`RunInner`] with its loop (`drain`,
//! `poll_task`, `wake_task`, `end_task`, `end`, ...) and its recording (`record`, snapshots).
//! Each part keeps its own state and invariants:
//! - [`clock`]: which clock a run keeps, and its now;
//! - [`registry`]: the thread's current run and task, and the live runs;
//! - [`tick`]: which runs get a turn on the host's loop, and when;
//! - [`waker`]: the tasks' wakers (all of the crate's `unsafe`);
//! - [`tasks`]: the task table, each task in a [`tasks::TaskPhase`];
//! - [`timers`]: the timer heap and the real clock's host timer;
//! - [`visibility`]: when a real-clock run's page was hidden, and when its timers were its own again;
//! - [`callback_table`]: callbacks waiting to run;
//! - [`io_ledger`]: outside work in flight;
//! - [`run`]: the public [`Run`] handle.
//!
//! Invariants of the scheduler:
//! - The ready queue is FIFO, tasks and callbacks alike, as asyncio's; an entry whose task
//!   ended or whose callback was cancelled is skipped when it comes up.
//! - Nothing runs once the run's status has left `Running`; `end` happens once, and leaves no
//!   task, timer, callback or piece of I/O behind.
//! - One drain runs for at most about [`BUDGET_MS`] before it yields to the browser.

mod callback_table;
mod clock;
mod deferred;
mod io_ledger;
mod registry;
mod relays;
mod run;
mod tasks;
mod tick;
mod timers;
mod visibility;
mod waker;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::host::{self, Tick};
use super::snapshot::{LoopSnapshot, Queued};
use super::Error;
use crate::lang::Lang;
use crate::trace::{CallbackId, EventKind, FutureId, LoopKind, TaskId, Trace, WaitOn};

use callback_table::CallbackTable;
use clock::RunClock;
use deferred::Deferred;
use io_ledger::IoLedger;
pub(crate) use registry::enter;
use tasks::{EndCell, TaskFuture, Tasks};
use tick::schedule;
use timers::Timers;
use waker::make_waker;

pub use clock::Clock;
pub(crate) use clock::Deadline;
pub use deferred::set_event_loop_policy;
pub use registry::{
    block_loop, cancel_task, current_task_id, language, live_runs, loop_is_running, loop_time,
    outside_loop, record_snapshots, rename_task, task_coroutine, task_name, time_ms,
    use_up_task_names,
};
pub(crate) use registry::{
    current, page_visibility_changed, set_wait_reason, take_cancel, take_cancel_here,
    with_current_run,
};
pub use run::{Run, RunStatus};
pub(crate) use tick::tick;

/// How long one drain may run tasks before it yields to the browser so the page can paint.
const BUDGET_MS: f64 = 8.0;

/// One entry of the ready queue: a task's next step, a callback (`call_soon`), or a relay of
/// asyncio's own combinators (see [`relays`]), which holds its closure: relays are never
/// cancelled, so they need no table.
enum Ready {
    Task(TaskId),
    Callback(CallbackId),
    Relay(Box<dyn FnOnce()>),
}

/// A run's mutable state, each part owned by its module. Borrowed only briefly, never across
/// a call that may re-enter the run.
struct State {
    status: RunStatus,
    /// Tasks' next steps and callbacks, in the order they will run.
    ready: VecDeque<Ready>,
    tasks: Tasks,
    timers: Timers,
    callbacks: CallbackTable,
    io: IoLedger,
    /// `loop.stop()` was called: the run ends after the current step.
    stop_requested: bool,
    /// The `asyncio.run` task (`None` for a `run_forever` run).
    main: Option<TaskId>,
    /// How `main` ended; the run finishes with it once every other task has ended.
    main_outcome: Option<Result<(), Error>>,
    /// Why the task being polled is about to wait (see [`set_wait_reason`]).
    wait_reason: Option<WaitOn>,
    /// The last one-shot `Future` id handed out.
    next_future: u64,
    /// Entries on their way through `setTimeout`, on that loop (see [`deferred`]).
    deferred: Deferred,
    /// The page was shown again at this time while timers it held back had yet to fire (see
    /// [`visibility`]).
    shown_pending: Option<u64>,
}

pub(crate) struct RunInner {
    generation: u64,
    time: RunClock,
    /// Whether the run is in the host-turn queue (see [`tick`]).
    in_scheduler: Cell<bool>,
    /// The loop implementation running its ready callbacks (see [`deferred`]).
    loop_kind: Cell<LoopKind>,
    /// Whether events are recorded (always, except in the benchmark's "Trace off" runs).
    traced: bool,
    /// The language its program prints in (see [`crate::runtime::language`]).
    lang: Lang,
    /// The default executor of `run_in_executor(None, …)`, made at its first use and shut
    /// down when the run ends, as `asyncio.run` does (held as `Any`: the executor does not
    /// know what runs jobs).
    pub(crate) default_executor: RefCell<Option<Rc<dyn std::any::Any>>>,
    /// Whether a `run_forever` run is still in its setup, the module-level code before
    /// `loop.run_forever()`: the loop is not running yet (see [`loop_is_running`]).
    in_setup: Cell<bool>,
    /// What the next `loop.stop()` hands control back to, in place of ending the run (see
    /// [`run_forever_then`](crate::runtime::callbacks::run_forever_then)).
    on_stop: RefCell<Option<Box<dyn FnOnce()>>>,
    state: RefCell<State>,
    trace: RefCell<Trace>,
    observer: RefCell<Option<Rc<dyn Fn()>>>,
    end_wakers: RefCell<Vec<Waker>>,
    /// With [`record_snapshots`] on: the real ready queue and timers after each event, by seq
    /// (`None` where the state was busy; there is none such today, and tests say so).
    snapshots: Option<RefCell<Vec<Option<LoopSnapshot>>>>,
}

impl RunInner {
    /// A new run, registered as live, with its RunStarted event recorded.
    fn new(clock: Clock, traced: bool, lang: Lang) -> Rc<RunInner> {
        let generation = registry::next_generation();
        let inner = Rc::new(RunInner {
            generation,
            time: RunClock::new(clock),
            in_scheduler: Cell::new(false),
            loop_kind: Cell::new(LoopKind::default()),
            traced,
            lang,
            in_setup: Cell::new(false),
            on_stop: RefCell::new(None),
            default_executor: RefCell::new(None),
            snapshots: registry::snapshots_on().then(|| RefCell::new(Vec::new())),
            state: RefCell::new(State {
                status: RunStatus::Running,
                ready: VecDeque::new(),
                tasks: Tasks::default(),
                timers: Timers::default(),
                callbacks: CallbackTable::default(),
                io: IoLedger::default(),
                stop_requested: false,
                main: None,
                main_outcome: None,
                wait_reason: None,
                next_future: 0,
                deferred: Deferred::default(),
                shown_pending: None,
            }),
            trace: RefCell::new(Trace::default()),
            observer: RefCell::new(None),
            end_wakers: RefCell::new(Vec::new()),
        });
        registry::add_live(&inner);
        inner.record(
            None,
            EventKind::RunStarted {
                generation,
                clock: inner.time.clock().kind(),
            },
        );
        if host::page_hidden() {
            inner.page_visibility_changed(true);
        }
        inner
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
        // A print has its own time, and so has a moment the browser reports; the other events
        // take the step's (see `RunClock`).
        let at = if matches!(
            kind,
            EventKind::Print { .. }
                | EventKind::ThreadPrint { .. }
                | EventKind::PageHidden
                | EventKind::PageShown
        ) {
            self.time.restamp_us()
        } else {
            self.time.stamp_us()
        };
        self.trace.borrow_mut().push(at, task, kind);
        if let Some(snapshots) = &self.snapshots {
            let snapshot = self.state.try_borrow().ok().map(|state| LoopSnapshot {
                // On the `setTimeout` loop, what waits for its timeout runs first.
                ready: state
                    .deferred
                    .waiting()
                    .chain(state.ready.iter())
                    .filter_map(|entry| match *entry {
                        Ready::Task(id) => {
                            state.tasks.is_unfinished(id).then_some(Queued::Task(id))
                        }
                        Ready::Callback(id) => {
                            state.callbacks.contains(id).then_some(Queued::Callback(id))
                        }
                        // Not the program's: asyncio's internals, which the Trace leaves out.
                        Ready::Relay(_) => None,
                    })
                    .collect(),
                timers: state.timers.keys().collect(),
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

    pub(crate) fn next_future_id(&self) -> FutureId {
        let mut state = self.state.borrow_mut();
        state.next_future += 1;
        FutureId(state.next_future)
    }

    /// Adds a task to the run and queues its first step, as `loop.create_task` does.
    pub(crate) fn spawn(
        self: &Rc<Self>,
        future: TaskFuture,
        end: EndCell,
        name: Rc<str>,
        parent: Option<TaskId>,
        line: u32,
        coroutine: Option<&'static str>,
    ) -> TaskId {
        let id = {
            let mut state = self.state.borrow_mut();
            let id = state.tasks.add(future, end, |id| make_waker(self, id));
            state.ready.push_back(Ready::Task(id));
            id
        };
        self.record(
            Some(id),
            EventKind::TaskSpawned {
                name,
                parent,
                line,
                coroutine,
            },
        );
        schedule(self, Tick::Micro);
        id
    }

    /// `task.set_name(name)`, for a task of this run: its handles read the new name, and the
    /// Trace records it while the run goes on.
    pub(crate) fn rename_task(&self, task: TaskId, name: Rc<str>) -> bool {
        let end = self.state.borrow().tasks.end_of(task);
        let Some(end) = end else { return false };
        end.rename(name.clone());
        if self.is_running() {
            self.record(Some(task), EventKind::TaskRenamed { name });
            self.notify();
        }
        true
    }

    fn wake_task(self: &Rc<Self>, task: TaskId) {
        {
            let mut state = self.state.borrow_mut();
            if state.status != RunStatus::Running {
                return;
            }
            if !state.tasks.wake(task) {
                return;
            }
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
            if !state.tasks.request_cancel(task) {
                return false;
            }
            // Already queued: it sees the request at its next step.
            if !state.tasks.wake(task) {
                return true;
            }
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
        self.time.start_at(started);
        // Untraced runs record no steps: they read no clock per step either.
        self.time.hold_stamps(self.traced);
        let out_of_budget = self.drain_ready(started);
        self.time.hold_stamps(false);
        out_of_budget
    }

    /// [`drain`](Self::drain)'s loop, with stamps held (see `RunClock`).
    fn drain_ready(self: &Rc<Self>, started: f64) -> bool {
        let budget_end = started + BUDGET_MS;
        let mut steps = 0u32;
        loop {
            if self.state.borrow().status != RunStatus::Running {
                return false;
            }
            // `loop.stop()`: checked before anything else runs (and before the virtual clock
            // moves on), so a stop made outside a step takes effect at once too.
            if self.state.borrow().stop_requested && !self.stop_loop_now() {
                return false;
            }
            let next = match self.loop_kind.get() {
                LoopKind::Asyncio => self.state.borrow_mut().ready.pop_front(),
                LoopKind::SetTimeout => self.next_after_timeout(),
            };
            if let Some(next) = next {
                match next {
                    Ready::Task(task) => self.poll_task(task),
                    Ready::Callback(id) => self.run_callback(id),
                    Ready::Relay(relay) => self.run_relay(relay),
                }
                steps += 1;
                if steps.is_multiple_of(16) && host::now_ms() > budget_end {
                    return true;
                }
                continue;
            }
            match self.time.clock() {
                Clock::Virtual if self.state.borrow().io.is_waiting() => {
                    // Outside work will wake someone when it completes; until then time
                    // stands still (see `IoLedger`).
                    return false;
                }
                Clock::Virtual => {
                    // A deadline of u64::MAX is "never" (an infinite sleep): time does not jump
                    // there; the run just waits, as asyncio would, until Stop.
                    let next_due = self.state.borrow().timers.next_due();
                    let Some(deadline) = next_due.filter(|d| d.due_us != u64::MAX) else {
                        return false;
                    };
                    self.time.advance_to(deadline);
                    self.fire_due_timers();
                }
                Clock::Real { .. } => {
                    self.release_shown();
                    self.arm_host_timer();
                    return false;
                }
            }
        }
    }

    fn poll_task(self: &Rc<Self>, task: TaskId) {
        let step = {
            let mut state = self.state.borrow_mut();
            state.wait_reason = None;
            state.tasks.start_step(task)
        };
        let Some(step) = step else { return };
        let mut future = step.future;
        if step.cancelled_before_start {
            // Cancelled before its first step: the coroutine never runs, as in asyncio.
            drop(future);
            self.end_task(task, Some(Err(Error::Cancelled)));
            return;
        }
        self.record(Some(task), EventKind::TaskPolled);
        let poll = enter(self, Some(task), || {
            future.as_mut().poll(&mut Context::from_waker(&step.waker))
        });
        self.time.step_boundary();
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
                let (on, orphan) = {
                    let mut state = self.state.borrow_mut();
                    let orphan = state.tasks.suspend(task, future).err();
                    (state.wait_reason.take().unwrap_or(WaitOn::Other), orphan)
                };
                // None in practice: only Stop ends a task during its own step, and that is
                // the case above. Were there one, it is dropped here, after the borrow.
                drop(orphan);
                self.record(Some(task), EventKind::TaskSuspended { on });
            }
        }
    }

    /// Marks a task ended and records how. `forced` is the outcome when the task's own code
    /// did not get to finish (cancelled before starting, or by Stop).
    fn end_task(self: &Rc<Self>, task: TaskId, forced: Option<Result<(), Error>>) {
        let (end, is_main, leftover) = {
            let mut state = self.state.borrow_mut();
            let Some((end, leftover)) = state.tasks.finish(task) else {
                return;
            };
            (end, state.main == Some(task), leftover)
        };
        // None in practice (the step's future was taken out to be polled); were there one, it
        // is dropped here, after the borrow.
        drop(leftover);
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
            state.tasks.unfinished()
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
            if state.status != RunStatus::Running || state.tasks.live() > 0 {
                return;
            }
            // As asyncio finishes the loop iteration it is in, callbacks already queued run
            // before the run ends (done callbacks of the last task, say).
            if state.ready.iter().any(|r| matches!(r, Ready::Callback(_)))
                || state.deferred.holds_callback()
            {
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
            // A finished run's tasks that had already ended on their own, other than the main
            // one, with an error nobody retrieved (read before the tasks below end the rest).
            let lost: Vec<(TaskId, Error)> = if matches!(status, RunStatus::Finished(_)) {
                let main = state.main;
                state.tasks.lost_errors(main)
            } else {
                Vec::new()
            };
            let (futures, ends) = state.tasks.finish_all();
            // Relays go with the ready queue, dropped after the borrow as callbacks are.
            let callbacks = (state.callbacks.take_all(), std::mem::take(&mut state.ready));
            (futures, ends, callbacks, state.timers.take_host(), lost)
        };
        // As asyncio logs "Task exception was never retrieved" when such a task is collected.
        for (task, error) in lost {
            self.record(Some(task), EventKind::ErrorNeverRetrieved { error });
        }
        // Dropped after the borrow, like everything that owns closures: the pending setTimeout
        // is cleared, and callbacks that never ran go with whatever they captured.
        drop(host_timer);
        self.clear_deferred();
        drop(callbacks);
        let hand_back = self.on_stop.borrow_mut().take();
        drop(hand_back);
        for (task, end) in ends {
            end.force_error(Error::Cancelled);
            self.record(Some(task), EventKind::TaskCancelled);
        }
        drop(futures);
        // `loop.shutdown_default_executor()`: its workers go (idle ones back to the spares).
        let executor = self.default_executor.borrow_mut().take();
        drop(executor);
        // Timers left by futures that were not dropped above (none should be) go too.
        let leftover = self.state.borrow_mut().timers.take_all();
        drop(leftover);
        // Outside work whose owner let go without ending it (a message never delivered): it
        // belongs to this run, so it ends with it.
        let io = self.state.borrow_mut().io.take_all();
        for io in io.into_keys() {
            self.record(
                None,
                EventKind::IoEnded {
                    io,
                    error: Some(Rc::from("cancelled")),
                },
            );
        }
        self.end_shown_pending();
        let kind = match status {
            RunStatus::Finished(outcome) => EventKind::RunFinished { outcome },
            _ => EventKind::RunStopped,
        };
        self.record(None, kind);
        registry::remove_live(self);
        let wakers = std::mem::take(&mut *self.end_wakers.borrow_mut());
        for waker in wakers {
            waker.wake();
        }
        self.notify();
    }

    /// `loop.stop()`: the run ends once the current step returns.
    pub(crate) fn request_stop(self: &Rc<Self>) {
        self.state.borrow_mut().stop_requested = true;
        schedule(self, Tick::Micro);
    }

    /// `loop.run_forever()` whose program goes on after it: the next stop calls `then`.
    pub(crate) fn hand_back_on_stop(self: &Rc<Self>, then: Box<dyn FnOnce()>) {
        *self.on_stop.borrow_mut() = Some(then);
    }

    /// The program ended: the run ends with `outcome` at its next turn, before anything else.
    pub(crate) fn end_program(self: &Rc<Self>, outcome: Result<(), Error>) {
        self.on_stop.borrow_mut().take();
        self.state.borrow_mut().main_outcome = Some(outcome);
        self.request_stop();
    }

    /// Acts on `loop.stop()`: hands control back to the program that called `run_forever()`,
    /// if one did, and returns `true` (the run goes on); else ends the run. Under
    /// `asyncio.run` (a main task still running) that is the error Python raises; under
    /// `run_forever` it is the normal way to finish.
    fn stop_loop_now(self: &Rc<Self>) -> bool {
        self.state.borrow_mut().stop_requested = false;
        let hand_back = self.on_stop.borrow_mut().take();
        if let Some(then) = hand_back {
            // The code after `run_forever()` runs with the loop stopped.
            self.in_setup.set(true);
            enter(self, None, then);
            self.in_setup.set(false);
            return true;
        }
        let (main_running, main_outcome) = {
            let state = self.state.borrow();
            let main_running = state
                .main
                .is_some_and(|main| state.tasks.is_unfinished(main));
            (main_running, state.main_outcome.clone())
        };
        let outcome = match (main_running, main_outcome) {
            (true, _) => Err(Error::raised(
                "RuntimeError: Event loop stopped before Future completed.",
            )),
            (false, Some(outcome)) => outcome,
            (false, None) => Ok(()),
        };
        self.end(RunStatus::Finished(outcome));
        false
    }
}
