//! The run's notion of now: which clock it keeps ([`Clock`]) and where that clock stands
//! ([`RunClock`]).
//!
//! Invariants:
//! - A run's time is microseconds since its origin; it reads 0 until the origin is set.
//! - The origin is set once, when the loop first runs (or when a `run_forever` setup begins),
//!   and never moves.
//! - The virtual clock never goes back: it moves forward only to the next timer's deadline
//!   when nothing is ready, or by the time blocking code "took".
//! - On the real clock, events are stamped with the time read at the last step boundary while
//!   the loop runs its ready queue (one `performance.now()` per step, where reading it for
//!   every event cost a quarter of a run's time), and read afresh for a print, after blocking
//!   code, and outside the loop's turns. Stamps never go back: each is a later read.
//! - A run's real-clock scale is always within [`Clock::MIN_SCALE`]..=[`Clock::MAX_SCALE`]
//!   (clamped when the run is made), so it never divides by zero.

use std::cell::Cell;

use super::super::host;
use super::RunInner;
use crate::runtime::time::seconds_to_us;
use crate::trace::ClockKind;

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

    /// The clock as the Trace names it.
    pub(super) fn kind(self) -> ClockKind {
        match self {
            Clock::Virtual => ClockKind::Virtual,
            Clock::Real { scale } => ClockKind::Real { scale },
        }
    }
}

/// When a timer falls due: microseconds since the run began (what the Trace shows and the
/// heap orders by) and the float asyncio computes, which orders timers due in the same
/// microsecond.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Deadline {
    pub(crate) due_us: u64,
    pub(crate) due_s: f64,
}

impl Deadline {
    /// "Never": an infinite sleep's timer.
    pub(crate) const NEVER: Deadline = Deadline {
        due_us: u64::MAX,
        due_s: f64::INFINITY,
    };
}

/// A run's clock and where it stands. Plain `Cell`s: reading the time never borrows the
/// run's state, so it is safe from anywhere, re-entrant code included.
pub(super) struct RunClock {
    clock: Clock,
    /// When the loop first ran (host ms); `None` until then. Set at the first drain rather than
    /// at `start`, so the page's own work between Run and the first step is not counted.
    origin_ms: Cell<Option<f64>>,
    virtual_now_us: Cell<u64>,
    /// The virtual clock as asyncio keeps it, a float of seconds: it jumps to the exact float
    /// deadline of the timer that fires, so `loop.time()` and the order of timers due in the
    /// same microsecond are CPython's (ten `sleep(0.1)` leave it at 0.9999999999999999).
    virtual_now_s: Cell<f64>,
    /// Real clock, while the loop runs its ready queue: the time read at the last step
    /// boundary (or print), which events are stamped with. `None` outside: each event reads
    /// the clock.
    stamp_us: Cell<Option<u64>>,
}

impl RunClock {
    /// A clock at time 0, its scale clamped into range.
    pub(super) fn new(clock: Clock) -> Self {
        RunClock {
            clock: clock.clamped(),
            origin_ms: Cell::new(None),
            virtual_now_us: Cell::new(0),
            virtual_now_s: Cell::new(0.0),
            stamp_us: Cell::new(None),
        }
    }

    /// Which clock it is.
    pub(super) fn clock(&self) -> Clock {
        self.clock
    }

    /// When the loop first ran, in host ms; `None` before.
    pub(super) fn origin_ms(&self) -> Option<f64> {
        self.origin_ms.get()
    }

    /// Sets the origin to `host_ms`, unless it is already set.
    pub(super) fn start_at(&self, host_ms: f64) {
        if self.origin_ms.get().is_none() {
            self.origin_ms.set(Some(host_ms));
        }
    }

    /// Microseconds since the run began, on its clock.
    pub(super) fn now_us(&self) -> u64 {
        match self.clock {
            Clock::Virtual => self.virtual_now_us.get(),
            Clock::Real { scale } => match self.origin_ms.get() {
                Some(origin) => ((host::now_ms() - origin).max(0.0) / scale * 1000.0) as u64,
                None => 0,
            },
        }
    }

    /// `loop.time()`: seconds since the run began, the virtual clock's own float.
    pub(super) fn time_s(&self) -> f64 {
        match self.clock {
            Clock::Virtual => self.virtual_now_s.get(),
            Clock::Real { .. } => self.now_us() as f64 / 1e6,
        }
    }

    /// When a delay of `seconds` from now falls due, in microseconds and as asyncio's float
    /// `loop.time() + delay`; `None` for "never" (see [`seconds_to_us`]). On the virtual clock
    /// the microseconds are the float's, rounded, so a timer fires when its float is due.
    pub(super) fn deadline(&self, seconds: f64) -> Option<Deadline> {
        let delay_us = seconds_to_us(seconds)?;
        let now_us = self.now_us();
        Some(match self.clock {
            Clock::Virtual => {
                let due_s = self.virtual_now_s.get() + if delay_us == 0 { 0.0 } else { seconds };
                let due_us = ((due_s * 1e6).round() as u64).max(now_us);
                Deadline { due_us, due_s }
            }
            Clock::Real { .. } => {
                let due_us = now_us.saturating_add(delay_us);
                Deadline {
                    due_us,
                    due_s: due_us as f64 / 1e6,
                }
            }
        })
    }

    /// The time an event is stamped with: on the real clock, the last boundary's read while
    /// the loop runs its ready queue, else now.
    pub(super) fn stamp_us(&self) -> u64 {
        match self.clock {
            Clock::Virtual => self.virtual_now_us.get(),
            Clock::Real { .. } => self.stamp_us.get().unwrap_or_else(|| self.now_us()),
        }
    }

    /// Reads the clock, and holds the read as the stamp while the loop runs its ready queue:
    /// at a step boundary, for a print, after blocking code.
    pub(super) fn restamp_us(&self) -> u64 {
        let now = self.now_us();
        if self.stamp_us.get().is_some() {
            self.stamp_us.set(Some(now));
        }
        now
    }

    /// A step ended: the events that follow (its end, the next step's start) take the time
    /// read now. Nothing to read when stamps are not held (an untraced run records no steps).
    pub(super) fn step_boundary(&self) {
        if self.stamp_us.get().is_some() {
            self.stamp_us.set(Some(self.now_us()));
        }
    }

    /// The loop begins a turn over its ready queue (`true`: stamps are held from now on) or
    /// ends it (`false`: each event reads the clock again).
    pub(super) fn hold_stamps(&self, on: bool) {
        let stamp = (on && matches!(self.clock, Clock::Real { .. })).then(|| self.now_us());
        self.stamp_us.set(stamp);
    }

    /// Moves the virtual clock forward to `deadline` (never back).
    pub(super) fn advance_to(&self, deadline: Deadline) {
        if deadline.due_us > self.virtual_now_us.get() {
            self.virtual_now_us.set(deadline.due_us);
        }
        if deadline.due_s > self.virtual_now_s.get() {
            self.virtual_now_s.set(deadline.due_s);
        }
    }

    /// Blocks the loop for `us` microseconds, as blocking code in a coroutine does: on the
    /// real clock the thread really spins (the page freezes, timers run late); on the virtual
    /// clock time jumps ahead without firing the timers that fell due meanwhile, so they run
    /// late by the same amount.
    fn block(&self, us: u64) {
        match self.clock {
            Clock::Virtual => {
                self.virtual_now_us
                    .set(self.virtual_now_us.get().saturating_add(us));
                self.virtual_now_s
                    .set(self.virtual_now_s.get() + us as f64 / 1e6);
            }
            Clock::Real { scale } => {
                let end = host::now_ms() + us as f64 / 1000.0 * scale;
                while host::now_ms() < end {
                    std::hint::spin_loop();
                }
                self.restamp_us();
            }
        }
    }
}

impl RunInner {
    /// Microseconds since the run began, on its clock.
    pub(crate) fn now_us(&self) -> u64 {
        self.time.now_us()
    }

    /// `loop.time()` (see [`RunClock::time_s`]).
    pub(crate) fn time_s(&self) -> f64 {
        self.time.time_s()
    }

    /// When a delay of `seconds` from now falls due (see [`RunClock::deadline`]).
    pub(crate) fn deadline(&self, seconds: f64) -> Option<Deadline> {
        self.time.deadline(seconds)
    }

    /// The clock the run keeps.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn clock(&self) -> Clock {
        self.time.clock()
    }

    /// Blocks the loop for `us` microseconds (see [`RunClock::block`]).
    pub(crate) fn block_loop(&self, us: u64) {
        self.time.block(us);
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
