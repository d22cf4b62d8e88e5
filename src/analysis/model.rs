//! The loop as asyncio models it, rebuilt from the Trace alone: the ready queue (what runs
//! next), the timer heap with due times, each task's state and each task's or future's done
//! callbacks. [`LoopModel::at`] gives it at any step of a run, which is what the internals view
//! shows while running and while replaying.
//!
//! It is derived, never read from the executor: the browser tests check that it equals the
//! executor's real ready queue and timers after every event ([`LoopSnapshot`]).

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

pub use crate::runtime::snapshot::{LoopSnapshot, Queued};
use crate::trace::{
    CallbackId, DoneOf, Event, EventKind, FutureId, LoopKind, TaskId, TimerId, TimerKey, Trace,
    WaitOn,
};

/// A task's state, in asyncio's terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskState {
    /// Created; its first step is queued (the coroutine has not started).
    Pending,
    /// Woken; its next step is queued.
    Ready,
    /// One step of it is running now.
    Running,
    /// Suspended, waiting on something.
    Waiting(WaitOn),
    /// Returned.
    Done,
    /// Cancelled.
    Cancelled,
    /// Ended with an error (its text).
    Failed(String),
}

impl TaskState {
    /// Whether the task has ended.
    pub fn ended(&self) -> bool {
        matches!(
            self,
            TaskState::Done | TaskState::Cancelled | TaskState::Failed(_)
        )
    }
}

/// One task as the model sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskInfo {
    /// Its name.
    pub name: Rc<str>,
    /// Its state.
    pub state: TaskState,
    /// The Rust lines of the done callbacks waiting for it to end.
    pub done_callbacks: Vec<u32>,
}

/// What a timer will do when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerFor {
    /// Wake the task that set it (`sleep`, a timeout); `None` for the loop itself.
    Task(Option<TaskId>),
    /// Queue this `call_later` callback.
    Callback(CallbackId),
}

/// A timer in the heap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerInfo {
    /// Its id.
    pub id: TimerId,
    /// When it is due, µs since the run began (`u64::MAX`: never).
    pub deadline_us: u64,
    /// What it is for.
    pub what: TimerFor,
    /// The Rust line that set it.
    pub line: u32,
}

/// A one-shot future that has done callbacks or a result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FutureInfo {
    /// Whether it has its result.
    pub done: bool,
    /// The Rust lines of the done callbacks waiting for it.
    pub done_callbacks: Vec<u32>,
}

/// The loop at one step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoopModel {
    /// The time of the last event applied, µs.
    pub now_us: u64,
    /// What runs next, front first.
    pub ready: VecDeque<Queued>,
    /// The timer heap, by (deadline, id).
    pub timers: BTreeMap<TimerKey, TimerInfo>,
    /// Every task so far, by task index.
    pub tasks: Vec<TaskInfo>,
    /// The futures that have done callbacks or a result, by id.
    pub futures: BTreeMap<FutureId, FutureInfo>,
    /// What is running now: a task's step or a callback.
    pub running: Option<Queued>,
    /// Callbacks scheduled and not yet run: id → (line, its timer if `call_later`).
    callbacks: BTreeMap<CallbackId, (u32, Option<TimerKey>)>,
    /// A `call_later` callback whose timer is the next TimerSet.
    timer_for_callback: Option<CallbackId>,
    /// Whether the run has ended (the loop is closed).
    pub closed: bool,
    /// The loop implementation running the ready queue.
    pub loop_kind: LoopKind,
}

impl LoopModel {
    /// The loop right after event `upto` (after every event for `None`).
    pub fn at(trace: &Trace, upto: Option<u64>) -> LoopModel {
        let events = trace.events();
        let shown = upto.map_or(events.len(), |seq| (seq as usize + 1).min(events.len()));
        let mut model = LoopModel::default();
        for event in &events[..shown] {
            model.apply(event);
        }
        model
    }

    /// The queue and timers in the shape of a [`LoopSnapshot`], to compare with the runtime's.
    pub fn snapshot(&self) -> LoopSnapshot {
        LoopSnapshot {
            ready: self.ready.iter().copied().collect(),
            timers: self.timers.keys().copied().collect(),
        }
    }

    /// The Rust line of a queued or timed callback.
    pub fn callback_line(&self, id: CallbackId) -> Option<u32> {
        self.callbacks.get(&id).map(|(line, _)| *line)
    }

    fn unqueue(&mut self, entry: Queued) {
        if let Some(i) = self.ready.iter().position(|q| *q == entry) {
            self.ready.remove(i);
        }
    }

    fn task_mut(&mut self, task: Option<TaskId>) -> Option<&mut TaskInfo> {
        task.and_then(|t| self.tasks.get_mut(t.index()))
    }

    fn end_task(&mut self, task: Option<TaskId>, state: TaskState) {
        if let Some(id) = task {
            // Only a pending or ready task is in the queue: searching it for every ending
            // task would make a run of n tasks cost n² here.
            let queued = self
                .task_mut(task)
                .is_some_and(|info| matches!(info.state, TaskState::Pending | TaskState::Ready));
            if queued {
                self.unqueue(Queued::Task(id));
            }
            if self.running == Some(Queued::Task(id)) {
                self.running = None;
            }
        }
        if let Some(info) = self.task_mut(task) {
            info.state = state;
        }
    }

    /// Applies one event.
    pub fn apply(&mut self, event: &Event) {
        self.now_us = event.at_us;
        let task = event.task;
        match &event.kind {
            EventKind::TaskSpawned { name, .. } => {
                let Some(id) = task else { return };
                let index = id.index();
                if self.tasks.len() <= index {
                    self.tasks.resize_with(index + 1, || TaskInfo {
                        name: Rc::from(""),
                        state: TaskState::Pending,
                        done_callbacks: Vec::new(),
                    });
                }
                self.tasks[index] = TaskInfo {
                    name: name.clone(),
                    state: TaskState::Pending,
                    done_callbacks: Vec::new(),
                };
                self.ready.push_back(Queued::Task(id));
            }
            EventKind::TaskRenamed { name } => {
                if let Some(info) = self.task_mut(task) {
                    info.name = name.clone();
                }
            }
            EventKind::TaskPolled => {
                let Some(id) = task else { return };
                self.unqueue(Queued::Task(id));
                self.running = Some(Queued::Task(id));
                if let Some(info) = self.task_mut(task) {
                    info.state = TaskState::Running;
                }
            }
            EventKind::TaskSuspended { on } => {
                if let Some(id) = task {
                    if self.running == Some(Queued::Task(id)) {
                        self.running = None;
                    }
                }
                if let Some(info) = self.task_mut(task) {
                    if let Some(on) = suspension_waits(info.state == TaskState::Running, on) {
                        info.state = TaskState::Waiting(on);
                    }
                }
            }
            EventKind::TaskWoken => {
                let Some(id) = task else { return };
                self.ready.push_back(Queued::Task(id));
                if let Some(info) = self.task_mut(task) {
                    info.state = TaskState::Ready;
                }
            }
            EventKind::TaskFinished => self.end_task(task, TaskState::Done),
            EventKind::TaskCancelled => self.end_task(task, TaskState::Cancelled),
            EventKind::TaskFailed { error } => {
                self.end_task(task, TaskState::Failed(error.to_string()))
            }
            EventKind::TimerSet {
                timer,
                deadline_us,
                line,
            } => {
                let what = match self.timer_for_callback.take() {
                    Some(callback) => {
                        if let Some(entry) = self.callbacks.get_mut(&callback) {
                            entry.1 = Some(TimerKey {
                                due_us: *deadline_us,
                                id: *timer,
                            });
                        }
                        TimerFor::Callback(callback)
                    }
                    None => TimerFor::Task(task),
                };
                self.timers.insert(
                    TimerKey {
                        due_us: *deadline_us,
                        id: *timer,
                    },
                    TimerInfo {
                        id: *timer,
                        deadline_us: *deadline_us,
                        what,
                        line: *line,
                    },
                );
            }
            EventKind::TimerFired { timer, deadline_us } => {
                let key = TimerKey {
                    due_us: *deadline_us,
                    id: *timer,
                };
                if let Some(info) = self.timers.remove(&key) {
                    // A sleeping task's wake is its own event (TaskWoken); a callback's timer
                    // queues the callback directly.
                    if let TimerFor::Callback(callback) = info.what {
                        if let Some(entry) = self.callbacks.get_mut(&callback) {
                            entry.1 = None;
                            self.ready.push_back(Queued::Callback(callback));
                        }
                    }
                }
            }
            EventKind::TimerCancelled { timer } => {
                self.timers.retain(|key, _| key.id != *timer);
            }
            EventKind::CallbackScheduled {
                callback,
                due_us,
                line,
                done_of,
            } => {
                self.callbacks.insert(*callback, (*line, None));
                if due_us.is_some() {
                    self.timer_for_callback = Some(*callback);
                } else {
                    self.ready.push_back(Queued::Callback(*callback));
                }
                match done_of {
                    Some(DoneOf::Task(t)) => {
                        if let Some(info) = self.tasks.get_mut(t.index()) {
                            remove_line(&mut info.done_callbacks, *line);
                        }
                    }
                    Some(DoneOf::Future(f)) => {
                        if let Some(info) = self.futures.get_mut(f) {
                            remove_line(&mut info.done_callbacks, *line);
                        }
                    }
                    None => {}
                }
            }
            EventKind::DoneCallbackAdded { to, line } => match to {
                DoneOf::Task(t) => {
                    if let Some(info) = self.tasks.get_mut(t.index()) {
                        info.done_callbacks.push(*line);
                    }
                }
                DoneOf::Future(f) => self
                    .futures
                    .entry(*f)
                    .or_default()
                    .done_callbacks
                    .push(*line),
            },
            EventKind::DoneCallbackRemoved { from, line } => match from {
                DoneOf::Task(t) => {
                    if let Some(info) = self.tasks.get_mut(t.index()) {
                        remove_line(&mut info.done_callbacks, *line);
                    }
                }
                DoneOf::Future(f) => {
                    if let Some(info) = self.futures.get_mut(f) {
                        remove_line(&mut info.done_callbacks, *line);
                    }
                }
            },
            EventKind::CallbackRan { callback } => {
                self.unqueue(Queued::Callback(*callback));
                self.callbacks.remove(callback);
                self.running = Some(Queued::Callback(*callback));
            }
            EventKind::CallbackCancelled { callback } => {
                self.unqueue(Queued::Callback(*callback));
                if let Some((_, Some(key))) = self.callbacks.remove(callback) {
                    self.timers.remove(&key);
                }
            }
            EventKind::FutureSet { future } => {
                self.futures.entry(*future).or_default().done = true;
            }
            EventKind::RunFinished { .. } | EventKind::RunStopped => {
                self.closed = true;
                self.running = None;
            }
            EventKind::LoopChosen { kind } => self.loop_kind = *kind,
            EventKind::RunStarted { .. }
            | EventKind::Print { .. }
            | EventKind::ThreadPrint { .. }
            | EventKind::IoStarted { .. }
            | EventKind::IoProgress { .. }
            | EventKind::IoStatus { .. }
            | EventKind::IoEnded { .. }
            | EventKind::CoroutineNeverAwaited { .. }
            | EventKind::Blocked { .. }
            | EventKind::ErrorNeverRetrieved { .. }
            | EventKind::PageHidden
            | EventKind::PageShown => {}
        }
    }
}

/// What a task waits on after its step ends suspended on `on`, or `None` if it stays ready.
///
/// A task that wakes itself during its own step (`sleep(0)`: the wake is recorded before the
/// step's suspension) is already queued when the suspension comes, so it is ready, not
/// waiting. Only a task that was still running starts to wait. The loop model and the
/// timeline's lanes both follow this rule.
pub fn suspension_waits(was_running: bool, on: &WaitOn) -> Option<WaitOn> {
    was_running.then(|| on.clone())
}

fn remove_line(lines: &mut Vec<u32>, line: u32) {
    if let Some(i) = lines.iter().position(|l| *l == line) {
        lines.remove(i);
    } else if !lines.is_empty() {
        lines.remove(0);
    }
}
