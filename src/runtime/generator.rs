//! Async generators: `async def` with `yield` in it, consumed with `async for`.
//!
//! Rust has no `yield` in async blocks, so the body gets a [`Yielder`] and writes
//! `co.yield_(x).await` where Python writes `yield x`. The result is an [`AsyncGenerator`], an
//! [`AsyncIterator`]: `async for x in gen():` is `while let Some(x) = gen.anext().await? { … }`.
//!
//! It behaves as CPython's async generators do:
//! - the body is lazy: nothing of it runs until the first `anext()` is awaited;
//! - each `anext()` runs the body, in the consumer's own task (no task is created), up to its
//!   next `yield`, and a `yield` hands the item over without giving the loop a turn; only the
//!   body's own awaits (a sleep, a task) suspend the consumer;
//! - an error the body raises comes out of that `anext()`, and the generator is then over;
//! - the body's end is `Ok(None)`, `StopAsyncIteration`, and so is every `anext()` after it;
//! - dropping the generator drops the body where it stopped, as `aclose()` closes it there:
//!   its locals are dropped (a pending sleep's timer is cancelled) but, unlike a `finally`
//!   under `aclose()`, it cannot await anything on the way out.
//!
//! Two `anext()` running at once, Python's "asynchronous generator is already running", cannot
//! happen: `anext` takes the generator by `&mut`.

use std::cell::Cell;
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::{AsyncIterator, Error};

/// The body of an async generator: a boxed future that ends when the body does.
type Body = Pin<Box<dyn StdFuture<Output = Result<(), Error>>>>;

/// Makes an async generator from its body: Python's `async def f(): ... yield x ...`.
///
/// `body` gets the generator's [`Yielder`] and returns the async block that is the body;
/// calling it only builds that block, so nothing of the body runs here. The lesson
/// `async-gen` (`course/ch6/async_gen.rs`) writes the course's `slow_numbers` this way:
/// `co.yield_(format!("<li>{number}</li>")).await` for `yield '<li>%d</li>' % number`.
pub fn async_generator<T, B, F>(body: B) -> AsyncGenerator<T>
where
    B: FnOnce(Yielder<T>) -> F,
    F: StdFuture<Output = Result<(), Error>> + 'static,
{
    let slot = Rc::new(Cell::new(None));
    let co = Yielder { slot: slot.clone() };
    AsyncGenerator {
        body: Some(Box::pin(body(co))),
        slot,
    }
}

/// An async generator: an [`AsyncIterator`] whose items come from a body that yields them
/// (see [`async_generator`]). Dropping it drops the body wherever it stopped.
#[must_use = "an async generator does nothing until anext() is awaited"]
pub struct AsyncGenerator<T> {
    /// The body, or `None` once it has ended (returned, raised or been cancelled).
    body: Option<Body>,
    /// Where a `yield` leaves its item for `anext` to take.
    slot: Rc<Cell<Option<T>>>,
}

impl<T> AsyncGenerator<T> {
    /// Runs the body until it yields (the item), ends (`None`), raises or waits.
    fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Result<Option<T>, Error>> {
        let Some(body) = self.body.as_mut() else {
            return Poll::Ready(Ok(None));
        };
        match body.as_mut().poll(cx) {
            // Suspended at a `yield`: the item is in the slot, and the body will go on from
            // there at the next `anext`, so no waker is needed. Otherwise it waits on
            // something of the runtime's, which wakes the consumer's task through `cx`.
            Poll::Pending => match self.slot.take() {
                Some(item) => Poll::Ready(Ok(Some(item))),
                None => Poll::Pending,
            },
            Poll::Ready(outcome) => {
                // Over, as after `StopAsyncIteration` or an exception: drop the body now, and
                // any item a `yield` left behind that was dropped before it resumed.
                self.body = None;
                self.slot.take();
                Poll::Ready(outcome.map(|()| None))
            }
        }
    }
}

impl<T> AsyncIterator for AsyncGenerator<T> {
    type Item = T;

    /// `__anext__`: runs the body to its next `yield`.
    async fn anext(&mut self) -> Result<Option<T>, Error> {
        std::future::poll_fn(|cx| self.poll_next(cx)).await
    }
}

/// The body's side of an async generator: what `yield` is in Rust.
pub struct Yielder<T> {
    slot: Rc<Cell<Option<T>>>,
}

impl<T> Yielder<T> {
    /// `yield item`: hands `item` to the `anext()` that is running the body, and resumes when
    /// the consumer asks for the next one. Awaiting it does not give the loop a turn.
    ///
    /// Await it in the body itself, not in a task the body creates: only `anext` resumes
    /// a yield, so one awaited elsewhere would wait forever.
    pub fn yield_(&self, item: T) -> Yield<T> {
        Yield {
            item: Some(item),
            slot: self.slot.clone(),
        }
    }
}

/// The future of [`Yielder::yield_`]: pending once (the item handed over), then done.
#[must_use = "nothing is yielded unless the yield is awaited"]
pub struct Yield<T> {
    /// The item, until it is in the slot.
    item: Option<T>,
    slot: Rc<Cell<Option<T>>>,
}

// The item is moved, never pinned in place, so `Yield` can be moved whatever `T` is.
impl<T> Unpin for Yield<T> {}

impl<T> StdFuture for Yield<T> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        match self.item.take() {
            // Two yields polled in one step (joined in the body) go out one per `anext`:
            // the second waits until the slot is free, and the generator polls it again.
            Some(item) => {
                let other = self.slot.replace(Some(item));
                if other.is_some() {
                    self.item = self.slot.replace(other);
                }
                Poll::Pending
            }
            None => Poll::Ready(()),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::{async_generator, AsyncGenerator};
    use crate::print;
    use crate::runtime::{
        create_task, host, sleep, AsyncIterator, Clock, Error, EventKind, Run, RunStatus,
    };

    /// Starts `main` on the virtual clock and runs it to its end.
    fn run_virtual<F, Fut>(main: F) -> Run
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(), Error>> + 'static,
    {
        let run = Run::start(Clock::Virtual, main);
        host::run_until_idle();
        run
    }

    /// What the run printed, as `task: text @ms`.
    fn printed(run: &Run) -> Vec<String> {
        run.trace()
            .printed()
            .iter()
            .map(|l| format!("{}: {}@{}", l.task_name, l.text, l.at_ms()))
            .collect()
    }

    /// Tasks the run created (`Task-1` is `main`).
    fn spawned(run: &Run) -> usize {
        run.trace()
            .events()
            .iter()
            .filter(|e| matches!(e.kind, EventKind::TaskSpawned { .. }))
            .count()
    }

    /// `async def gen(): print; yield 1; print; await sleep(1); yield 2; print`.
    fn two_items() -> AsyncGenerator<u32> {
        async_generator(|co| async move {
            print!(py 1, "body start");
            co.yield_(1).await;
            print!(py 1, "body after 1");
            sleep(1.0).await?;
            co.yield_(2).await;
            print!(py 1, "body end");
            Ok(())
        })
    }

    #[test]
    fn each_anext_runs_the_body_to_its_next_yield_in_the_consumers_task() {
        let run = run_virtual(|| async {
            let mut gen = two_items();
            print!(py 1, "created");
            while let Some(x) = gen.anext().await? {
                print!(py 1, "got {x}");
            }
            print!(py 1, "after");
            Ok(())
        });
        // CPython 3.11 prints the same lines in the same order.
        assert_eq!(
            printed(&run),
            [
                "Task-1: created@0",
                "Task-1: body start@0",
                "Task-1: got 1@0",
                "Task-1: body after 1@0",
                "Task-1: got 2@1000",
                "Task-1: body end@1000",
                "Task-1: after@1000",
            ]
        );
        assert_eq!(spawned(&run), 1, "only main's task");
        assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    }

    #[test]
    fn the_body_waits_for_the_first_anext_and_never_runs_if_not_iterated() {
        let run = run_virtual(|| async {
            let _never = two_items();
            let mut gen = two_items();
            sleep(2.0).await?;
            print!(py 1, "first anext");
            let first = gen.anext().await?;
            print!(py 1, "got {first:?}");
            Ok(())
        });
        assert_eq!(
            printed(&run),
            [
                "Task-1: first anext@2000",
                "Task-1: body start@2000",
                "Task-1: got Some(1)@2000",
            ]
        );
    }

    #[test]
    fn a_yield_does_not_give_the_loop_a_turn() {
        let run = run_virtual(|| async {
            let other = create_task(async {
                print!(py 1, "other task");
                Ok(())
            })?;
            let mut gen = async_generator(|co| async move {
                for i in 1..=3 {
                    co.yield_(i).await;
                }
                Ok(())
            });
            while let Some(x) = gen.anext().await? {
                print!(py 1, "{x}");
            }
            other.await?;
            Ok(())
        });
        assert_eq!(
            printed(&run),
            [
                "Task-1: 1@0",
                "Task-1: 2@0",
                "Task-1: 3@0",
                "Task-2: other task@0"
            ]
        );
    }

    #[test]
    fn an_error_in_the_body_comes_out_of_anext_and_ends_the_generator() {
        let run = run_virtual(|| async {
            let mut gen = async_generator(|co| async move {
                co.yield_(1).await;
                Err(Error::raised("ValueError: boom"))
            });
            print!(py 1, "{:?}", gen.anext().await?);
            print!(py 1, "{:?}", gen.anext().await.unwrap_err().to_string());
            print!(py 1, "{:?}", gen.anext().await?);
            print!(py 1, "{:?}", gen.anext().await?);
            Ok(())
        });
        assert_eq!(
            printed(&run),
            [
                "Task-1: Some(1)@0",
                "Task-1: \"ValueError: boom\"@0",
                "Task-1: None@0",
                "Task-1: None@0",
            ]
        );
    }

    #[test]
    fn dropping_the_generator_drops_its_body_where_it_stopped() {
        /// Prints when dropped, as a `finally:` in the body would under `aclose()`.
        struct Finally;
        impl Drop for Finally {
            fn drop(&mut self) {
                print!(py 1, "body closed");
            }
        }
        let run = run_virtual(|| async {
            let mut gen = async_generator(|co| async move {
                let _finally = Finally;
                co.yield_(1).await;
                print!(py 1, "never");
                co.yield_(2).await;
                Ok(())
            });
            let first = gen.anext().await?;
            print!(py 1, "got {first:?}");
            drop(gen);
            print!(py 1, "dropped");
            Ok(())
        });
        assert_eq!(
            printed(&run),
            [
                "Task-1: got Some(1)@0",
                "Task-1: body closed@0",
                "Task-1: dropped@0"
            ]
        );
    }

    #[test]
    fn cancelling_the_consumer_cancels_the_body_at_its_await() {
        let seen = Rc::new(RefCell::new(None));
        let out = seen.clone();
        let run = run_virtual(move || async move {
            let consumer = create_task(async move {
                let mut gen = async_generator(|co| async move {
                    co.yield_(1).await;
                    if let Err(error) = sleep(10.0).await {
                        print!(py 1, "body saw {error}");
                        return Err(error);
                    }
                    co.yield_(2).await;
                    Ok(())
                });
                while let Some(x) = gen.anext().await? {
                    print!(py 1, "got {x}");
                }
                Ok(())
            })?;
            sleep(1.0).await?;
            consumer.cancel();
            *out.borrow_mut() = Some((&consumer).await);
            Ok(())
        });
        assert_eq!(
            printed(&run),
            ["Task-2: got 1@0", "Task-2: body saw CancelledError@1000"]
        );
        assert_eq!(*seen.borrow(), Some(Err(Error::Cancelled)));
        assert_eq!(run.status(), RunStatus::Finished(Ok(())));
        let cancelled_timers = run
            .trace()
            .events()
            .iter()
            .filter(|e| matches!(e.kind, EventKind::TimerCancelled { .. }))
            .count();
        assert_eq!(cancelled_timers, 1, "the body's 10 s sleep");
    }

    #[test]
    fn yields_joined_in_one_step_come_out_one_per_anext() {
        let run = run_virtual(|| async {
            let mut gen = async_generator(|co| async move {
                let (a, b) = (co.yield_("a"), co.yield_("b"));
                join2(a, b).await;
                Ok(())
            });
            while let Some(x) = gen.anext().await? {
                print!(py 1, "{x}");
            }
            Ok(())
        });
        assert_eq!(printed(&run), ["Task-1: a@0", "Task-1: b@0"]);
    }

    /// Polls two futures side by side until both are done (a two-way `join`).
    async fn join2<A, B>(a: A, b: B)
    where
        A: std::future::Future<Output = ()> + Unpin,
        B: std::future::Future<Output = ()> + Unpin,
    {
        let (mut a, mut b) = (Some(a), Some(b));
        std::future::poll_fn(|cx| {
            use std::pin::Pin;
            use std::task::Poll;
            if let Some(f) = a.as_mut() {
                if Pin::new(f).poll(cx).is_ready() {
                    a = None;
                }
            }
            if let Some(f) = b.as_mut() {
                if Pin::new(f).poll(cx).is_ready() {
                    b = None;
                }
            }
            if a.is_none() && b.is_none() {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        })
        .await
    }
}
