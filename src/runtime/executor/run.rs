//! The public handle on a run ([`Run`]), how its life stands ([`RunStatus`]), and the future
//! of its end ([`RunEnd`]).
//!
//! Invariants:
//! - A handle only observes and controls: the run keeps itself alive (it is live in the
//!   registry) until it ends, whether or not any handle is left.
//! - A run's status leaves [`RunStatus::Running`] once, and never comes back to it; whoever
//!   awaits [`Run::finished`] is woken then.
//! - Nothing here holds a borrow of the run across a call into other code; [`Run::trace`]
//!   hands one out, which its caller must not hold across an `.await`.

use std::cell::Ref;
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::super::host;
use super::super::snapshot::LoopSnapshot;
use super::registry::enter;
use super::{Clock, RunInner};
use crate::lang::Lang;
use crate::runtime::Error;
use crate::trace::{IoKind, Trace};

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
        Self::start_in(clock, Lang::En, main)
    }

    /// Like [`Run::start`], with the program printing in `lang` (see
    /// [`language`](crate::runtime::language)).
    #[track_caller]
    pub fn start_in<F, Fut>(clock: Clock, lang: Lang, main: F) -> Run
    where
        F: FnOnce() -> Fut,
        Fut: StdFuture<Output = Result<(), Error>> + 'static,
    {
        let inner = RunInner::new(clock, true, lang);
        Self::spawn_main(inner, main)
    }

    /// Like [`Run::start`], but with the Trace off when `traced` is false: only the run's start
    /// and end are recorded. For measuring what recording costs; the page always traces.
    #[track_caller]
    pub fn start_traced<F, Fut>(clock: Clock, traced: bool, main: F) -> Run
    where
        F: FnOnce() -> Fut,
        Fut: StdFuture<Output = Result<(), Error>> + 'static,
    {
        Self::spawn_main(RunInner::new(clock, traced, Lang::En), main)
    }

    #[track_caller]
    fn spawn_main<F, Fut>(inner: Rc<RunInner>, main: F) -> Run
    where
        F: FnOnce() -> Fut,
        Fut: StdFuture<Output = Result<(), Error>> + 'static,
    {
        let line = std::panic::Location::caller().line();
        let task = enter(&inner, None, || {
            super::super::task::spawn_in(&inner, main(), None, None, line)
        });
        inner.state.borrow_mut().main = Some(task.id());
        Run { inner }
    }

    /// Starts a run with no main task: `setup` creates tasks and callbacks, then the loop runs
    /// until one of them calls [`stop`](crate::runtime::stop) — `loop.run_forever()`. If
    /// `setup` fails, the run ends at once with its error.
    pub fn forever<F>(clock: Clock, setup: F) -> Run
    where
        F: FnOnce() -> Result<(), Error>,
    {
        Self::forever_in(clock, Lang::En, setup)
    }

    /// Like [`Run::forever`], with the program printing in `lang`.
    pub fn forever_in<F>(clock: Clock, lang: Lang, setup: F) -> Run
    where
        F: FnOnce() -> Result<(), Error>,
    {
        let inner = RunInner::new(clock, true, lang);
        // The setup already runs on the loop, and its `call_later` delays count from now: the
        // clock starts here. (Started only at the first turn, a setup of nothing but timers
        // would leave a real clock at 0 for ever, and no timer would ever come due.)
        inner.time.start_at(host::now_ms());
        inner.in_setup.set(true);
        let result = enter(&inner, None, setup);
        inner.in_setup.set(false);
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

    /// The language its program prints in.
    pub fn lang(&self) -> Lang {
        self.inner.lang
    }

    /// The clock it runs on.
    pub fn clock(&self) -> Clock {
        self.inner.time.clock()
    }

    /// When the loop first ran, in the host's milliseconds (`performance.now()` in a page):
    /// time 0 of a real-clock run. `None` before the first step (a `run_forever` run: from the
    /// start of its setup).
    pub fn origin_ms(&self) -> Option<f64> {
        self.inner.time.origin_ms()
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
    /// started with [`record_snapshots`](super::record_snapshots) on (else empty).
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
        self.inner.state.borrow().tasks.live()
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
        self.inner.state.borrow().io.count(kind)
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
