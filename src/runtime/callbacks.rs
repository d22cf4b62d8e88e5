//! Plain callbacks on the loop: `call_soon`, `call_later` (with a cancellable [`Handle`]) and
//! `loop.stop()`.

use std::cell::Cell;
use std::rc::{Rc, Weak};

use super::executor::{self, RunInner};
use super::Error;
use crate::trace::{CallbackId, TimerKey};

/// A scheduled callback: the twin of `asyncio.Handle` / `TimerHandle`.
#[derive(Clone)]
pub struct Handle {
    id: CallbackId,
    timer: Option<TimerKey>,
    run: Weak<RunInner>,
    /// Whether `cancel()` was called, as asyncio's `Handle.cancelled()` tells (shared by the
    /// handle's clones).
    cancelled: Rc<Cell<bool>>,
}

impl Handle {
    /// Cancels the callback if it has not run. Returns `false` if it already ran (or was
    /// cancelled before). The handle says it is cancelled either way, as asyncio's does.
    pub fn cancel(&self) -> bool {
        self.cancelled.set(true);
        match self.run.upgrade() {
            Some(run) => run.cancel_callback(self.id, self.timer),
            None => false,
        }
    }

    /// Whether `cancel()` was called: `handle.cancelled()`.
    pub fn cancelled(&self) -> bool {
        self.cancelled.get()
    }

    /// When a `call_later` callback is due, in seconds on the loop's clock (`loop.time()`,
    /// which starts at 0 with the run): `TimerHandle.when()`. `None` for `call_soon`, and
    /// infinity for a timer that never fires.
    pub fn when(&self) -> Option<f64> {
        self.timer.map(|timer| match timer.due_us {
            u64::MAX => f64::INFINITY,
            us => us as f64 / 1e6,
        })
    }
}

fn schedule(f: Box<dyn FnOnce()>, delay: Option<f64>, line: u32) -> Result<Handle, Error> {
    let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
    if !run.is_running() {
        return Err(Error::NoRunningLoop);
    }
    let (id, timer) = run.add_callback(f, delay, line, None);
    Ok(Handle {
        id,
        timer,
        run: Rc::downgrade(&run),
        cancelled: Rc::new(Cell::new(false)),
    })
}

/// Runs `f` on the loop's next turn, after everything already queued: `loop.call_soon(f)`.
/// Python passes arguments after the callback; a Rust closure captures them instead, which is
/// what `functools.partial` does too.
#[track_caller]
pub fn call_soon(f: impl FnOnce() + 'static) -> Result<Handle, Error> {
    schedule(Box::new(f), None, std::panic::Location::caller().line())
}

/// Runs `f` after `seconds` on the run's clock: `loop.call_later(seconds, f)`. Negative and
/// NaN delays mean "now", as in asyncio.
#[track_caller]
pub fn call_later(seconds: f64, f: impl FnOnce() + 'static) -> Result<Handle, Error> {
    // An infinite delay is a timer that never fires; it still holds the callback until Stop.
    schedule(
        Box::new(f),
        Some(seconds),
        std::panic::Location::caller().line(),
    )
}

/// `loop.stop()`: the loop finishes the current step and the run ends. That is how a
/// `run_forever` run ([`Run::forever`](super::Run::forever)) finishes; under `asyncio.run` it
/// is the error Python gives ("Event loop stopped before Future completed.").
pub fn stop() -> Result<(), Error> {
    let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
    run.request_stop();
    Ok(())
}

/// `loop.run_forever()` in a program that goes on after it, as a Python module body does
/// (the interpreter's): the next [`stop`] hands control back by calling `then` where a
/// [`Run::forever`](super::Run::forever) run would end. `then` runs outside any task, with the
/// loop not running, as the code after `run_forever()` runs; the program ends the run itself
/// with [`end_program`].
pub fn run_forever_then(then: impl FnOnce() + 'static) -> Result<(), Error> {
    let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
    run.hand_back_on_stop(Box::new(then));
    Ok(())
}

/// The program is over: its module body returned (`Ok`) or raised. The run ends with
/// `outcome` before anything else runs, dropping what is left of its tasks and callbacks, as
/// CPython's interpreter exits.
pub fn end_program(outcome: Result<(), Error>) -> Result<(), Error> {
    let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
    run.end_program(outcome);
    Ok(())
}
