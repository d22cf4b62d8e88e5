//! The task table: one [`Slot`] a task, by [`TaskId`], each in a [`TaskPhase`].
//!
//! Invariants:
//! - A task's future is in its slot exactly when the task is not being polled and has not
//!   ended ([`TaskPhase::Created`], [`TaskPhase::Queued`], [`TaskPhase::Waiting`]): the phase
//!   carries it, so a slot cannot hold a future it is polling, nor one of a task that ended.
//! - A task has one entry in the run's ready queue exactly when it is `Created`, `Queued`, or
//!   `Running { woken: true }` (woken during its own step). A wake of a task in any other
//!   phase than `Waiting` or `Running { woken: false }` queues nothing, so a task is never
//!   queued twice. The one exception is a task that ended while queued: its stale entry is
//!   skipped when it comes up (the phase stays `Finished`).
//! - `Finished` is final, and `live` counts the slots that are not `Finished`.
//! - A cancel request is independent of the phase: it can arrive in any phase but `Finished`,
//!   and stays until the task's next await point takes it (or, for a task that never started,
//!   until its first step, which then never runs).
//! - Slots are never removed, so a `TaskId` is its slot's index for the run's whole life.

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Waker;

use super::super::task::TaskEnd;
use super::RunInner;
use crate::runtime::Error;
use crate::trace::TaskId;

/// A task's body, type-erased.
pub(super) type TaskFuture = Pin<Box<dyn StdFuture<Output = ()>>>;

/// A task's shared result cell, as the executor sees it.
pub(super) type EndCell = Rc<dyn TaskEnd>;

/// Where a task is in its life. Replaces three of the slot's four flags (`queued`, `started`,
/// `finished`) and its optional future, whose other combinations could not happen: a task
/// not started but not queued, a future held by a running or finished task, none held by a
/// waiting one. The fourth flag, `cancel_requested`, is independent and stays one.
pub(super) enum TaskPhase {
    /// Spawned and in the ready queue; never polled.
    Created(TaskFuture),
    /// Started, and its next step is in the ready queue.
    Queued(TaskFuture),
    /// Being polled: its future is out of the slot. `woken` if it was woken (or cancelled)
    /// during the step, so its next step is already in the ready queue.
    Running {
        /// Whether its next step is already queued.
        woken: bool,
    },
    /// Started, suspended at an await, not queued: it waits for a wake.
    Waiting(TaskFuture),
    /// Returned, failed or was cancelled; never polled again.
    Finished,
}

impl TaskPhase {
    /// Whether the task has ended.
    pub(super) fn is_finished(&self) -> bool {
        matches!(self, TaskPhase::Finished)
    }

    /// A wake: a waiting task is queued, a running one is marked to be queued again. Returns
    /// whether the task's next step must be pushed onto the ready queue (`false` if it is
    /// already there, or the task ended).
    fn wake(&mut self) -> bool {
        match std::mem::replace(self, TaskPhase::Finished) {
            TaskPhase::Waiting(future) => {
                *self = TaskPhase::Queued(future);
                true
            }
            TaskPhase::Running { woken: false } => {
                *self = TaskPhase::Running { woken: true };
                true
            }
            other => {
                *self = other;
                false
            }
        }
    }

    /// A step begins: the task is now `Running`, and its future is handed out to be polled,
    /// with whether this is its first step. `None` for a task that ended (its entry in the ready
    /// queue was stale) or that is already being polled.
    fn start(&mut self) -> Option<(TaskFuture, bool)> {
        match std::mem::replace(self, TaskPhase::Running { woken: false }) {
            TaskPhase::Created(future) => Some((future, true)),
            TaskPhase::Queued(future) | TaskPhase::Waiting(future) => Some((future, false)),
            TaskPhase::Running { .. } => None,
            TaskPhase::Finished => {
                *self = TaskPhase::Finished;
                None
            }
        }
    }

    /// A step returned `Pending`: the future goes back into the slot, `Queued` if the task was
    /// woken during the step, else `Waiting`. If the task is not running (it ended during its
    /// own step), the future is handed back, for the caller to drop after its borrow.
    fn suspend(&mut self, future: TaskFuture) -> Result<(), TaskFuture> {
        match self {
            TaskPhase::Running { woken: true } => *self = TaskPhase::Queued(future),
            TaskPhase::Running { woken: false } => *self = TaskPhase::Waiting(future),
            _ => return Err(future),
        }
        Ok(())
    }

    /// The task ends: it is `Finished` from now on. Returns the future it still held, if any,
    /// for the caller to drop after its borrow (its `Drop` may call back into the run).
    fn finish(&mut self) -> Option<TaskFuture> {
        match std::mem::replace(self, TaskPhase::Finished) {
            TaskPhase::Created(future) | TaskPhase::Queued(future) | TaskPhase::Waiting(future) => {
                Some(future)
            }
            TaskPhase::Running { .. } | TaskPhase::Finished => None,
        }
    }
}

/// One task of the run.
pub(super) struct Slot {
    phase: TaskPhase,
    end: EndCell,
    waker: Waker,
    /// Cancel was asked for and the task has not seen it yet (see the module doc).
    cancel_requested: bool,
}

/// What a step of a task needs, taken out of its slot.
pub(super) struct Step {
    /// The task's body, out of the slot while it is polled.
    pub(super) future: TaskFuture,
    /// The task's waker, for the poll's `Context`.
    pub(super) waker: Waker,
    /// The task was cancelled before its first step: it must end without running.
    pub(super) cancelled_before_start: bool,
}

/// Every task of a run, by id.
#[derive(Default)]
pub(super) struct Tasks {
    slots: Vec<Slot>,
    /// Tasks that have not ended: the slots that are not `Finished`.
    live: usize,
    /// How many task names have been handed out (every task uses up a number).
    named: u64,
}

impl Tasks {
    /// Adds a task, `Created` and counted live; `waker` makes its waker from its id. The
    /// caller queues its first step.
    pub(super) fn add(
        &mut self,
        future: TaskFuture,
        end: EndCell,
        waker: impl FnOnce(TaskId) -> Waker,
    ) -> TaskId {
        let id = TaskId::new(self.slots.len());
        self.slots.push(Slot {
            phase: TaskPhase::Created(future),
            end,
            waker: waker(id),
            cancel_requested: false,
        });
        self.live += 1;
        id
    }

    /// A task's shared cell, ended or not.
    pub(super) fn end_of(&self, task: TaskId) -> Option<EndCell> {
        self.slots.get(task.index()).map(|slot| slot.end.clone())
    }

    /// Tasks that have not ended.
    pub(super) fn live(&self) -> usize {
        self.live
    }

    /// Whether `task` exists and has not ended.
    pub(super) fn is_unfinished(&self, task: TaskId) -> bool {
        self.slots
            .get(task.index())
            .is_some_and(|slot| !slot.phase.is_finished())
    }

    /// The tasks that have not ended, in id order.
    pub(super) fn unfinished(&self) -> Vec<TaskId> {
        (0..self.slots.len())
            .map(TaskId::new)
            .filter(|task| self.is_unfinished(*task))
            .collect()
    }

    /// Wakes `task` (see [`TaskPhase::wake`]): whether its next step must be queued.
    pub(super) fn wake(&mut self, task: TaskId) -> bool {
        self.slots
            .get_mut(task.index())
            .is_some_and(|slot| slot.phase.wake())
    }

    /// Records a cancel request for `task`; `false` if it has already ended. The caller then
    /// wakes it, so that it sees the request.
    pub(super) fn request_cancel(&mut self, task: TaskId) -> bool {
        match self.slots.get_mut(task.index()) {
            Some(slot) if !slot.phase.is_finished() => {
                slot.cancel_requested = true;
                true
            }
            _ => false,
        }
    }

    /// Takes the cancel request addressed to `task`, if there is one.
    pub(super) fn take_cancel(&mut self, task: TaskId) -> bool {
        self.slots
            .get_mut(task.index())
            .is_some_and(|slot| std::mem::take(&mut slot.cancel_requested))
    }

    /// Begins a step of `task` (see [`TaskPhase::start`]); `None` if there is nothing to poll.
    pub(super) fn start_step(&mut self, task: TaskId) -> Option<Step> {
        let slot = self.slots.get_mut(task.index())?;
        let (future, first) = slot.phase.start()?;
        Some(Step {
            future,
            waker: slot.waker.clone(),
            cancelled_before_start: first && slot.cancel_requested,
        })
    }

    /// Ends a step of `task` that returned `Pending` (see [`TaskPhase::suspend`]).
    pub(super) fn suspend(&mut self, task: TaskId, future: TaskFuture) -> Result<(), TaskFuture> {
        match self.slots.get_mut(task.index()) {
            Some(slot) => slot.phase.suspend(future),
            None => Err(future),
        }
    }

    /// Marks `task` ended. Returns its end cell and the future it still held, or `None` if it
    /// had already ended.
    pub(super) fn finish(&mut self, task: TaskId) -> Option<(EndCell, Option<TaskFuture>)> {
        let slot = self.slots.get_mut(task.index())?;
        if slot.phase.is_finished() {
            return None;
        }
        let future = slot.phase.finish();
        self.live -= 1;
        Some((slot.end.clone(), future))
    }

    /// Marks every task ended. Returns the futures still held (to be dropped after the borrow)
    /// and the end cells of the tasks that had not ended yet (to be told so).
    pub(super) fn finish_all(&mut self) -> (Vec<TaskFuture>, Vec<(TaskId, EndCell)>) {
        let mut futures = Vec::new();
        let mut ends = Vec::new();
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if !slot.phase.is_finished() {
                ends.push((TaskId::new(index), slot.end.clone()));
            }
            if let Some(future) = slot.phase.finish() {
                futures.push(future);
            }
        }
        self.live = 0;
        (futures, ends)
    }

    /// The tasks that already ended on their own, other than `main`, with an error nobody
    /// retrieved.
    pub(super) fn lost_errors(&self, main: Option<TaskId>) -> Vec<(TaskId, Error)> {
        self.slots
            .iter()
            .enumerate()
            .map(|(index, slot)| (TaskId::new(index), slot))
            .filter(|(task, slot)| slot.phase.is_finished() && main != Some(*task))
            .filter_map(|(task, slot)| slot.end.lost_error().map(|error| (task, error)))
            .collect()
    }
}

impl RunInner {
    /// The name of the next task: `name` if given, else `Task-N`. Every task uses up a number,
    /// named or not, as in CPython 3.11 (where the main task of `asyncio.run` is `Task-1`).
    pub(crate) fn next_task_name(&self, name: Option<&str>) -> Rc<str> {
        let mut state = self.state.borrow_mut();
        state.tasks.named += 1;
        match name {
            Some(name) => Rc::from(name),
            None => numbered_name(state.tasks.named),
        }
    }
}

/// `Task-N`, asyncio's name for the N-th task, written without the formatting machinery: a
/// name is made for every task, and `format!` was a few percent of a 100k-task run.
fn numbered_name(n: u64) -> Rc<str> {
    const PREFIX: &[u8] = b"Task-";
    let mut text = [0u8; PREFIX.len() + 20];
    text[..PREFIX.len()].copy_from_slice(PREFIX);
    let digits = if n == 0 { 1 } else { n.ilog10() as usize + 1 };
    let mut rest = n;
    for at in (PREFIX.len()..PREFIX.len() + digits).rev() {
        text[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let text = &text[..PREFIX.len() + digits];
    Rc::from(std::str::from_utf8(text).unwrap_or("Task-?"))
}

#[cfg(test)]
mod tests {
    use super::{numbered_name, TaskFuture, TaskPhase};

    #[test]
    fn numbered_names_read_as_asyncio_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::MAX] {
            assert_eq!(&*numbered_name(n), format!("Task-{n}"));
        }
    }

    fn body() -> TaskFuture {
        Box::pin(async {})
    }

    #[test]
    fn a_task_goes_from_created_through_its_steps_to_finished() {
        let mut phase = TaskPhase::Created(body());
        assert!(!phase.wake(), "a new task is already queued");
        let (future, first) = phase.start().expect("a new task holds its future");
        assert!(first);
        assert!(matches!(phase, TaskPhase::Running { woken: false }));
        assert!(
            phase.start().is_none(),
            "a running task has nothing to poll"
        );
        assert!(phase.suspend(future).is_ok());
        assert!(matches!(phase, TaskPhase::Waiting(_)));
        assert!(phase.wake());
        assert!(matches!(phase, TaskPhase::Queued(_)));
        assert!(!phase.wake(), "a queued task is not queued twice");
        let (future, first) = phase.start().expect("a queued task holds its future");
        assert!(!first);
        // Woken during its own step (a yield): its next step is queued once.
        assert!(phase.wake());
        assert!(matches!(phase, TaskPhase::Running { woken: true }));
        assert!(!phase.wake());
        assert!(phase.suspend(future).is_ok());
        assert!(matches!(phase, TaskPhase::Queued(_)));
        assert!(phase.finish().is_some(), "the future goes to the caller");
        assert!(phase.is_finished());
    }

    #[test]
    fn a_finished_task_stays_finished() {
        let mut phase = TaskPhase::Running { woken: true };
        assert!(phase.finish().is_none(), "a running task's future is out");
        assert!(phase.is_finished());
        assert!(!phase.wake());
        assert!(phase.start().is_none(), "a stale ready entry is skipped");
        assert!(phase.is_finished());
        assert!(phase.suspend(body()).is_err());
        assert!(phase.finish().is_none());
        assert!(phase.is_finished());
    }
}
