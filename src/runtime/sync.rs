//! Synchronisation primitives shaped like asyncio's: `Queue` (and, through `*_by`, its LIFO and
//! priority orders), `Semaphore`, `Lock`, `Event`, `Condition`.
//!
//! They share one [`WaitList`]: waiters queue in FIFO order, the owner wakes the first one, and
//! a woken waiter that is dropped (cancelled) before it could take its turn passes the wake on,
//! as asyncio's `_wakeup_next` does. Nothing here is a lock in the thread sense: everything
//! runs on the one browser thread; "waiting" means a suspended task.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::executor;
use super::Error;
use crate::trace::WaitOn;

/// FIFO waiters of one condition.
#[derive(Default)]
struct WaitList {
    next_id: Cell<u64>,
    waiters: RefCell<VecDeque<(u64, Waker)>>,
    /// Waiters woken and not yet back: asyncio keeps their futures in its waiters until they
    /// resume, so a `Lock` or `Semaphore` is not free for a newcomer meanwhile.
    woken: Cell<usize>,
}

impl WaitList {
    /// Registers (or refreshes) a waiter; `slot` keeps its id between polls.
    fn register(&self, slot: &mut Option<u64>, waker: &Waker) {
        let mut waiters = self.waiters.borrow_mut();
        if let Some(id) = *slot {
            if let Some(entry) = waiters.iter_mut().find(|(w, _)| *w == id) {
                if !entry.1.will_wake(waker) {
                    entry.1 = waker.clone();
                }
                return;
            }
            // Woken, back, and waiting again: no longer on its way.
            self.woken.set(self.woken.get().saturating_sub(1));
        }
        let id = self.next_id.get() + 1;
        self.next_id.set(id);
        waiters.push_back((id, waker.clone()));
        *slot = Some(id);
    }

    /// Forgets a waiter. Returns `true` if it was still queued (not yet woken); one that was
    /// woken is back, and no longer counted as on its way.
    fn remove(&self, id: u64) -> bool {
        let mut waiters = self.waiters.borrow_mut();
        let before = waiters.len();
        waiters.retain(|(w, _)| *w != id);
        let queued = waiters.len() != before;
        if !queued {
            self.woken.set(self.woken.get().saturating_sub(1));
        }
        queued
    }

    /// No waiter is queued, and none woken is on its way back: a newcomer may take a free
    /// `Lock` or `Semaphore` slot without queueing (asyncio's first check in `acquire`).
    fn idle(&self) -> bool {
        self.woken.get() == 0 && self.waiters.borrow().is_empty()
    }

    fn wake_one(&self) {
        let first = self.waiters.borrow_mut().pop_front();
        if let Some((_, waker)) = first {
            self.woken.set(self.woken.get() + 1);
            waker.wake();
        }
    }

    fn wake_all(&self) {
        let all = std::mem::take(&mut *self.waiters.borrow_mut());
        self.woken.set(self.woken.get() + all.len());
        for (_, waker) in all {
            waker.wake();
        }
    }
}

/// A waiter's registration; dropping it leaves the queue, handing on a wake it did not use.
struct Ticket<'a> {
    list: &'a WaitList,
    id: Option<u64>,
}

/// Polls one wait. Cancellation of the waiting task ends the wait with `Err(Cancelled)`.
///
/// Order matters, as in asyncio: a task that has already waited and is now cancelled raises
/// without taking anything, even if it was just woken for an item (the wake goes on to the
/// next waiter); a first attempt that can succeed without waiting succeeds, because Python
/// raises `CancelledError` only where a task suspends.
fn poll_wait<T>(
    list: &WaitList,
    id: &mut Option<u64>,
    reason: WaitOn,
    cx: &mut Context<'_>,
    ready: impl FnOnce() -> Option<T>,
) -> Poll<Result<T, Error>> {
    if id.is_some() && executor::take_cancel() {
        release_ticket(list, id);
        return Poll::Ready(Err(Error::Cancelled));
    }
    if let Some(value) = ready() {
        if let Some(id) = id.take() {
            list.remove(id);
        }
        return Poll::Ready(Ok(value));
    }
    if executor::take_cancel() {
        release_ticket(list, id);
        return Poll::Ready(Err(Error::Cancelled));
    }
    list.register(id, cx.waker());
    executor::set_wait_reason(reason);
    Poll::Pending
}

/// Leaves the queue; a waiter that was already woken passes the wake to the next one.
fn release_ticket(list: &WaitList, id: &mut Option<u64>) {
    if let Some(id) = id.take() {
        if !list.remove(id) {
            list.wake_one();
        }
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        release_ticket(self.list, &mut self.id);
    }
}

struct QueueInner<T> {
    items: RefCell<VecDeque<T>>,
    maxsize: usize,
    getters: WaitList,
    putters: WaitList,
    unfinished: Cell<usize>,
    joiners: WaitList,
}

/// `asyncio.Queue`: FIFO, optionally bounded. Clones share the queue.
pub struct Queue<T> {
    inner: Rc<QueueInner<T>>,
}

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue {
            inner: self.inner.clone(),
        }
    }
}

impl<T: 'static> Queue<T> {
    /// `asyncio.Queue(maxsize)`; 0 means unbounded.
    pub fn new(maxsize: usize) -> Self {
        Queue {
            inner: Rc::new(QueueInner {
                items: RefCell::new(VecDeque::new()),
                maxsize,
                getters: WaitList::default(),
                putters: WaitList::default(),
                unfinished: Cell::new(0),
                joiners: WaitList::default(),
            }),
        }
    }

    /// Items in the queue now.
    pub fn qsize(&self) -> usize {
        self.inner.items.borrow().len()
    }

    /// Whether it holds nothing.
    pub fn empty(&self) -> bool {
        self.qsize() == 0
    }

    /// Whether a bounded queue is at its size.
    pub fn full(&self) -> bool {
        self.inner.maxsize > 0 && self.qsize() >= self.inner.maxsize
    }

    /// Adds an item now, or `QueueFull`.
    pub fn put_nowait(&self, item: T) -> Result<(), Error> {
        self.put_nowait_by(item, |items, item| {
            items.push_back(item);
            Ok(())
        })
    }

    /// Adds an item now, placed by `place` (`asyncio.LifoQueue` and `PriorityQueue` differ from
    /// `Queue` only in where an item goes and which one comes out), or `QueueFull`. An error
    /// of `place` counts no item, as asyncio's `put_nowait` when its `_put` raises.
    pub fn put_nowait_by(
        &self,
        item: T,
        place: impl FnOnce(&mut VecDeque<T>, T) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.full() {
            return Err(Error::raised("QueueFull"));
        }
        place(&mut self.inner.items.borrow_mut(), item)?;
        self.inner.unfinished.set(self.inner.unfinished.get() + 1);
        self.inner.getters.wake_one();
        Ok(())
    }

    /// Takes an item now, or `QueueEmpty`.
    pub fn get_nowait(&self) -> Result<T, Error> {
        self.get_nowait_by(|items| Ok(items.pop_front()))
    }

    /// Takes the item `take` chooses now (`None` only when the queue is empty), or `QueueEmpty`.
    pub fn get_nowait_by(
        &self,
        take: impl FnOnce(&mut VecDeque<T>) -> Result<Option<T>, Error>,
    ) -> Result<T, Error> {
        if self.empty() {
            return Err(Error::raised("QueueEmpty"));
        }
        let item = take(&mut self.inner.items.borrow_mut())?;
        match item {
            Some(item) => {
                self.inner.putters.wake_one();
                Ok(item)
            }
            None => Err(Error::raised("QueueEmpty")),
        }
    }

    /// `await queue.put(item)`: waits while the queue is full.
    pub async fn put(&self, item: T) -> Result<(), Error> {
        self.put_by(item, |items, item| {
            items.push_back(item);
            Ok(())
        })
        .await
    }

    /// `await queue.put(item)` with the item placed by `place` (see [`Queue::put_nowait_by`]).
    pub async fn put_by(
        &self,
        item: T,
        place: impl FnOnce(&mut VecDeque<T>, T) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut ticket = Ticket {
            list: &self.inner.putters,
            id: None,
        };
        std::future::poll_fn(|cx| {
            poll_wait(
                &self.inner.putters,
                &mut ticket.id,
                WaitOn::Queue,
                cx,
                || (!self.full()).then_some(()),
            )
        })
        .await?;
        self.put_nowait_by(item, place)
    }

    /// `await queue.get()`: waits while the queue is empty.
    pub async fn get(&self) -> Result<T, Error> {
        self.get_by(|items| Ok(items.pop_front())).await
    }

    /// `await queue.get()` taking the item `take` chooses (see [`Queue::get_nowait_by`]).
    pub async fn get_by(
        &self,
        mut take: impl FnMut(&mut VecDeque<T>) -> Result<Option<T>, Error>,
    ) -> Result<T, Error> {
        let mut ticket = Ticket {
            list: &self.inner.getters,
            id: None,
        };
        std::future::poll_fn(|cx| {
            poll_wait(
                &self.inner.getters,
                &mut ticket.id,
                WaitOn::Queue,
                cx,
                || (!self.empty()).then_some(()),
            )
        })
        .await?;
        self.get_nowait_by(&mut take)
    }

    /// Marks one item taken with `get` as processed (for [`Queue::join`]).
    pub fn task_done(&self) -> Result<(), Error> {
        let left = self.inner.unfinished.get();
        if left == 0 {
            return Err(Error::raised(
                "ValueError: task_done() called too many times",
            ));
        }
        self.inner.unfinished.set(left - 1);
        if left == 1 {
            self.inner.joiners.wake_all();
        }
        Ok(())
    }

    /// `await queue.join()`: waits until every item put has been marked done.
    pub async fn join(&self) -> Result<(), Error> {
        let mut ticket = Ticket {
            list: &self.inner.joiners,
            id: None,
        };
        std::future::poll_fn(|cx| {
            poll_wait(
                &self.inner.joiners,
                &mut ticket.id,
                WaitOn::Queue,
                cx,
                || (self.inner.unfinished.get() == 0).then_some(()),
            )
        })
        .await
    }
}

struct SemaphoreInner {
    value: Cell<usize>,
    waiters: WaitList,
}

/// `asyncio.Semaphore(value)`: at most `value` holders at once. Clones share it.
#[derive(Clone)]
pub struct Semaphore {
    inner: Rc<SemaphoreInner>,
}

/// Held while the semaphore (or lock) is acquired; dropping it releases, the twin of leaving
/// `async with sem:`.
#[must_use = "the semaphore is released as soon as the permit is dropped"]
pub struct Permit {
    inner: Rc<SemaphoreInner>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.inner.value.set(self.inner.value.get() + 1);
        self.inner.waiters.wake_one();
    }
}

impl Semaphore {
    /// `asyncio.Semaphore(value)`.
    pub fn new(value: usize) -> Self {
        Semaphore {
            inner: Rc::new(SemaphoreInner {
                value: Cell::new(value),
                waiters: WaitList::default(),
            }),
        }
    }

    /// Whether `acquire` would wait.
    pub fn locked(&self) -> bool {
        self.inner.value.get() == 0
    }

    /// `async with sem:` — waits for a free slot; the permit releases it when dropped.
    pub async fn acquire(&self) -> Result<Permit, Error> {
        acquire(&self.inner, WaitOn::Semaphore).await
    }

    /// `sem.release()` with no permit to give back: asyncio's `Semaphore` then simply counts
    /// one more free slot (its `BoundedSemaphore` refuses, which [`Semaphore::value`] lets a
    /// caller check).
    pub fn release(&self) {
        self.inner.value.set(self.inner.value.get() + 1);
        self.inner.waiters.wake_one();
    }

    /// Free slots now.
    pub fn value(&self) -> usize {
        self.inner.value.get()
    }
}

async fn acquire(inner: &Rc<SemaphoreInner>, reason: WaitOn) -> Result<Permit, Error> {
    let mut ticket = Ticket {
        list: &inner.waiters,
        id: None,
    };
    std::future::poll_fn(|cx| {
        let reason = reason.clone();
        // A newcomer queues behind the waiters, even those already woken, as in asyncio: a
        // task that releases and at once acquires again does not overtake the one it woke.
        let waited = ticket.id.is_some();
        poll_wait(&inner.waiters, &mut ticket.id, reason, cx, || {
            let value = inner.value.get();
            (value > 0 && (waited || inner.waiters.idle())).then(|| inner.value.set(value - 1))
        })
    })
    .await?;
    Ok(Permit {
        inner: inner.clone(),
    })
}

/// `asyncio.Lock`: one holder at a time. Clones share it.
#[derive(Clone)]
pub struct Lock {
    inner: Rc<SemaphoreInner>,
}

impl Default for Lock {
    fn default() -> Self {
        Lock {
            inner: Semaphore::new(1).inner,
        }
    }
}

impl Lock {
    /// `asyncio.Lock()`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether someone holds it.
    pub fn locked(&self) -> bool {
        self.inner.value.get() == 0
    }

    /// `async with lock:` — waits for the lock; the permit releases it when dropped.
    pub async fn acquire(&self) -> Result<Permit, Error> {
        acquire(&self.inner, WaitOn::Lock).await
    }
}

struct EventInner {
    set: Cell<bool>,
    waiters: WaitList,
}

/// `asyncio.Event`: a flag tasks can wait for. Clones share it.
#[derive(Clone)]
pub struct Event {
    inner: Rc<EventInner>,
}

impl Default for Event {
    fn default() -> Self {
        Event {
            inner: Rc::new(EventInner {
                set: Cell::new(false),
                waiters: WaitList::default(),
            }),
        }
    }
}

impl Event {
    /// `asyncio.Event()`, not set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the flag and wakes every waiter.
    pub fn set(&self) {
        self.inner.set.set(true);
        self.inner.waiters.wake_all();
    }

    /// Clears the flag.
    pub fn clear(&self) {
        self.inner.set.set(false);
    }

    /// Whether the flag is set.
    pub fn is_set(&self) -> bool {
        self.inner.set.get()
    }

    /// `await event.wait()`: returns at once if set, else when it is set.
    pub async fn wait(&self) -> Result<(), Error> {
        let mut ticket = Ticket {
            list: &self.inner.waiters,
            id: None,
        };
        std::future::poll_fn(|cx| {
            poll_wait(
                &self.inner.waiters,
                &mut ticket.id,
                WaitOn::Event,
                cx,
                || self.is_set().then_some(()),
            )
        })
        .await
    }
}

/// `asyncio.Condition`: a [`Lock`] and the tasks waiting to be notified while they do not hold
/// it. Clones share it.
#[derive(Clone)]
pub struct Condition {
    lock: Lock,
    waiters: Rc<WaitList>,
}

impl Condition {
    /// `asyncio.Condition(lock)`: over a lock others may also use directly.
    pub fn new(lock: Lock) -> Self {
        Condition {
            lock,
            waiters: Rc::new(WaitList::default()),
        }
    }

    /// The lock it is built on.
    pub fn lock(&self) -> &Lock {
        &self.lock
    }

    /// Wakes up to `n` waiters, first come first served. asyncio checks only that the lock is
    /// held (by anyone), and so does this.
    pub fn notify(&self, n: usize) -> Result<(), Error> {
        if !self.lock.locked() {
            return Err(Error::raised(
                "RuntimeError: cannot notify on un-acquired lock",
            ));
        }
        for _ in 0..n {
            self.waiters.wake_one();
        }
        Ok(())
    }

    /// Wakes every waiter.
    pub fn notify_all(&self) -> Result<(), Error> {
        let n = self.waiters.waiters.borrow().len();
        self.notify(n)
    }

    /// `await cond.wait()`: gives the lock back (the caller's `permit`), waits to be notified
    /// (a wait on an event, as asyncio's is on a future), then takes the lock again, even when
    /// cancelled meanwhile, as asyncio does. The permit comes back in every case; the result
    /// is `Err(Cancelled)` if the task was cancelled at any point.
    pub async fn wait(&self, permit: Permit) -> (Permit, Result<(), Error>) {
        drop(permit);
        let mut waiting = Waiting {
            list: &self.waiters,
            id: None,
        };
        let notified = std::future::poll_fn(|cx| {
            let Some(id) = waiting.id else {
                if executor::take_cancel() {
                    return Poll::Ready(Err(Error::Cancelled));
                }
                self.waiters.register(&mut waiting.id, cx.waker());
                executor::set_wait_reason(WaitOn::Event);
                return Poll::Pending;
            };
            if executor::take_cancel() {
                // A notification it was given and can no longer use is lost, as in asyncio
                // (where the waiter's future was already done): the guard only leaves the list.
                return Poll::Ready(Err(Error::Cancelled));
            }
            if self.waiters.waiters.borrow().iter().any(|(w, _)| *w == id) {
                // Still queued: a spurious poll.
                self.waiters.register(&mut waiting.id, cx.waker());
                executor::set_wait_reason(WaitOn::Event);
                return Poll::Pending;
            }
            // Woken by `notify`, which took it off the list.
            waiting.id = None;
            Poll::Ready(Ok(()))
        })
        .await;
        drop(waiting);
        let mut cancelled = notified.is_err();
        loop {
            match self.lock.acquire().await {
                Ok(permit) => {
                    let result = if cancelled {
                        Err(Error::Cancelled)
                    } else {
                        Ok(())
                    };
                    return (permit, result);
                }
                Err(_) => cancelled = true,
            }
        }
    }
}

/// A condition waiter's place in the list; dropping it leaves the list without passing a wake
/// on (a notification is for the waiter it was given to).
struct Waiting<'a> {
    list: &'a WaitList,
    id: Option<u64>,
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            self.list.remove(id);
        }
    }
}
