//! `sleep`: a timer on the run's clock that wakes the task when it is due.

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Weak;
use std::task::{Context, Poll};

use super::executor::{self, Deadline, RunInner};
use super::Error;
use crate::trace::WaitOn;
use crate::trace::{TaskId, TimerKey};

/// Converts seconds to whole microseconds the way asyncio treats delays: negative or NaN is
/// "now", infinity (or anything beyond about 292,000 years) is "never".
pub(crate) fn seconds_to_us(seconds: f64) -> Option<u64> {
    if seconds.is_nan() || seconds <= 0.0 {
        Some(0)
    } else if seconds * 1e6 >= u64::MAX as f64 {
        None
    } else {
        Some((seconds * 1e6).round() as u64)
    }
}

/// Suspends the current task for `seconds` on the run's clock: `await asyncio.sleep(seconds)`.
///
/// `sleep(0.0)` gives the loop one turn (the task goes to the back of the ready queue), as in
/// asyncio; it is not a `setTimeout(0)`, which browsers clamp to 4 ms once chained.
/// It ends with `Err(Cancelled)` if the task is cancelled while it waits, and with
/// `Err(NoRunningLoop)` if awaited outside a run.
#[track_caller]
pub fn sleep(seconds: f64) -> Sleep {
    Sleep {
        seconds,
        duration_us: seconds_to_us(seconds),
        line: std::panic::Location::caller().line(),
        timer: None,
        yielded: false,
    }
}

/// The future of [`sleep`]. Dropping it before it is due cancels its timer.
#[must_use = "sleeps do nothing unless awaited"]
pub struct Sleep {
    seconds: f64,
    duration_us: Option<u64>,
    line: u32,
    timer: Option<ArmedTimer>,
    yielded: bool,
}

/// A sleep's timer once set: the run it lives in, its key there, and the sleeping task.
struct ArmedTimer {
    run: Weak<RunInner>,
    key: TimerKey,
    task: Option<TaskId>,
}

impl StdFuture for Sleep {
    type Output = Result<(), Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // `sleep(0)`, the commonest await: one visit to the run per poll.
        if self.duration_us == Some(0) && self.timer.is_none() {
            let yielding = !self.yielded;
            return match executor::take_cancel_here(yielding) {
                Err(error) => Poll::Ready(Err(error)),
                Ok(true) => Poll::Ready(Err(Error::Cancelled)),
                Ok(false) if yielding => {
                    self.yielded = true;
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
                Ok(false) => Poll::Ready(Ok(())),
            };
        }
        let Some((run, task)) = executor::current() else {
            return Poll::Ready(Err(Error::NoRunningLoop));
        };
        if executor::take_cancel() {
            self.cancel_timer();
            return Poll::Ready(Err(Error::Cancelled));
        }
        if let Some(ArmedTimer { key, .. }) = &self.timer {
            let key = *key;
            if run.poll_timer(key, cx.waker()) {
                self.timer = None;
                return Poll::Ready(Ok(()));
            }
            executor::set_wait_reason(WaitOn::Sleep {
                timer: key.id,
                until_us: key.due_us,
            });
            return Poll::Pending;
        }
        match self.duration_us {
            Some(0) => {
                if self.yielded {
                    return Poll::Ready(Ok(()));
                }
                self.yielded = true;
                executor::set_wait_reason(WaitOn::Yield);
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            duration => {
                // A sleep of "never" still has a timer entry (at u64::MAX), so the task is
                // shown as sleeping and the virtual clock does not spin.
                let deadline = match duration {
                    Some(_) => run.deadline(self.seconds).unwrap_or(Deadline::NEVER),
                    None => Deadline::NEVER,
                };
                let key = run.add_timer(task, deadline, cx.waker().clone(), self.line);
                self.timer = Some(ArmedTimer {
                    run: std::rc::Rc::downgrade(&run),
                    key,
                    task,
                });
                executor::set_wait_reason(WaitOn::Sleep {
                    timer: key.id,
                    until_us: key.due_us,
                });
                Poll::Pending
            }
        }
    }
}

impl Sleep {
    fn cancel_timer(&mut self) {
        if let Some(timer) = self.timer.take() {
            if let Some(run) = timer.run.upgrade() {
                run.cancel_timer(timer.key, timer.task);
            }
        }
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        self.cancel_timer();
    }
}

#[cfg(test)]
mod tests {
    use super::seconds_to_us;

    #[test]
    fn delays_convert_like_asyncio() {
        assert_eq!(seconds_to_us(2.0), Some(2_000_000));
        assert_eq!(seconds_to_us(0.0015), Some(1_500));
        assert_eq!(seconds_to_us(-1.0), Some(0));
        assert_eq!(seconds_to_us(f64::NAN), Some(0));
        assert_eq!(seconds_to_us(f64::INFINITY), None);
        assert_eq!(seconds_to_us(1e300), None);
    }
}
