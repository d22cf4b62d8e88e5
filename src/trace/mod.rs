//! The Trace: a closed list of typed events, in the order they happened.
//!
//! Every event carries a sequence number (the order, exact and total), a time in microseconds
//! since the run began (exact on the virtual clock, measured on the real one) and the task it
//! belongs to. Order is always read from `seq`; `at_us` is for display and tolerance checks,
//! because `performance.now()` is coarse in pages that are not cross-origin isolated.

use std::rc::Rc;

mod error;
mod ids;

pub use error::Error;
pub use ids::{CallbackId, FutureId, IoId, TaskId, TimerId, TimerKey};

/// Bumped whenever an event's shape changes, so saved traces can be told apart.
pub const FORMAT_VERSION: u32 = 3;

/// The name shown for what the loop runs outside any task (callbacks).
pub const LOOP_NAME: &str = "loop";

/// What a suspended task is waiting on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaitOn {
    /// A timer (`sleep`), due at `until_us`.
    Sleep {
        /// The timer's id.
        timer: TimerId,
        /// When it is due, in microseconds since the run began.
        until_us: u64,
    },
    /// Another task's end (`await task`).
    Task(TaskId),
    /// A one-shot [`Future`](crate::runtime::Future) being resolved.
    Future(FutureId),
    /// `gather` of this many awaitables.
    Gather(usize),
    /// `wait` on this many tasks.
    Wait(usize),
    /// An `asyncio.Queue` (`get`, `put` or `join`).
    Queue,
    /// An `asyncio.Lock`.
    Lock,
    /// An `asyncio.Semaphore`.
    Semaphore,
    /// An `asyncio.Event`.
    Event,
    /// Nothing: it gave the loop a turn (`sleep(0)`) and is ready again.
    Yield,
    /// Work outside the loop: a fetch, a worker job, storage or a message channel.
    Io {
        /// The operation's id.
        io: IoId,
        /// What kind of work it is.
        kind: IoKind,
    },
    /// Something outside the runtime's own primitives.
    Other,
}

/// What kind of outside work an I/O operation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoKind {
    /// An HTTP request with `fetch`.
    Fetch,
    /// A job on a Web Worker.
    Worker,
    /// Browser storage: the Origin Private File System or IndexedDB.
    Storage,
    /// A message on a `MessageChannel`.
    Channel,
    /// A request to one of the page's HTTP servers, while it is being answered.
    Http,
    /// A mail one of the page's SMTP servers received, while its handler takes it: the
    /// mailbox view. Its status is the SMTP reply code.
    Mail,
    /// A call to the page's SQL server (a query, a commit): a message to its worker and back.
    Sql,
}

impl IoKind {
    /// A short name for the UI and the Trace export.
    pub fn name(self) -> &'static str {
        match self {
            IoKind::Fetch => "fetch",
            IoKind::Worker => "worker",
            IoKind::Storage => "storage",
            IoKind::Channel => "channel",
            IoKind::Http => "http",
            IoKind::Mail => "mail",
            IoKind::Sql => "sql",
        }
    }
}

/// Whose done callback a callback is: a task's or a one-shot future's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DoneOf {
    /// `task.add_done_callback`.
    Task(TaskId),
    /// `future.add_done_callback`, by the future's id.
    Future(FutureId),
}

/// How a run's clock keeps time, as recorded in the Trace.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ClockKind {
    /// Auto-advancing, exact and repeatable.
    Virtual,
    /// Wall time; `scale` is how many real milliseconds one lesson millisecond takes.
    Real {
        /// The time factor (1.0 = a 2 s sleep takes 2 s).
        scale: f64,
    },
}

/// Which loop implementation runs a run's ready callbacks (`asyncio.set_event_loop_policy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoopKind {
    /// The runtime's own: every ready callback runs in the same turn, in microtasks, until the
    /// queue is empty or the turn's budget is spent.
    #[default]
    Asyncio,
    /// Every ready callback waits for a `setTimeout(0)` of its own before it runs, as
    /// Pyodide's `WebLoop` schedules `call_soon`. The browser clamps nested timeouts to 4 ms.
    SetTimeout,
}

impl LoopKind {
    /// Its name in the page and in exported traces.
    pub fn name(self) -> &'static str {
        match self {
            LoopKind::Asyncio => "asyncio",
            LoopKind::SetTimeout => "setTimeout",
        }
    }
}

/// One kind of thing that happened in a run.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// The run began; `generation` tells runs apart.
    RunStarted {
        /// The run's generation id.
        generation: u64,
        /// Its clock.
        clock: ClockKind,
    },
    /// The loop implementation changed (`asyncio.set_event_loop_policy` before the next
    /// `asyncio.run` of a lesson that stands for several): ready callbacks from here on run
    /// on this one.
    LoopChosen {
        /// The loop now running the ready callbacks.
        kind: LoopKind,
    },
    /// A task was created.
    TaskSpawned {
        /// Its name (`Task-N` unless given one).
        name: Rc<str>,
        /// The task that created it, if any.
        parent: Option<TaskId>,
        /// The Rust source line that created it.
        line: u32,
        /// The coroutine function it runs (`f1` for `create_task(f1())`), when its future is
        /// one of an `async fn` (an async block or a wrapper has no such name).
        coroutine: Option<&'static str>,
    },
    /// The task was given a new name (`task.set_name(...)`): it is shown by that one from here
    /// on.
    TaskRenamed {
        /// The new name.
        name: Rc<str>,
    },
    /// The loop resumed the task (one step of it).
    TaskPolled,
    /// The step ended with the task waiting.
    TaskSuspended {
        /// What it waits on.
        on: WaitOn,
    },
    /// Something the task waited on happened; it is queued to run.
    TaskWoken,
    /// The task returned a value.
    TaskFinished,
    /// The task was cancelled.
    TaskCancelled,
    /// The task ended with an error.
    TaskFailed {
        /// The error it raised.
        error: Error,
    },
    /// A timer was set.
    TimerSet {
        /// Its id.
        timer: TimerId,
        /// When it is due, in microseconds since the run began.
        deadline_us: u64,
        /// The Rust source line that set it.
        line: u32,
    },
    /// A timer fired (on the real clock, `at_us - deadline` is how late).
    TimerFired {
        /// Its id.
        timer: TimerId,
        /// When it was due.
        deadline_us: u64,
    },
    /// A timer was dropped before it fired.
    TimerCancelled {
        /// Its id.
        timer: TimerId,
    },
    /// A callback was scheduled: `call_soon` (no due time), `call_later`, or a done callback.
    CallbackScheduled {
        /// Its id.
        callback: CallbackId,
        /// When it is due, for `call_later`.
        due_us: Option<u64>,
        /// The Rust source line that scheduled it.
        line: u32,
        /// For a done callback, whose it is (the task or future that ended).
        done_of: Option<DoneOf>,
    },
    /// A done callback was added to a task or future that has not ended yet (it is scheduled,
    /// as a `CallbackScheduled` with `done_of`, when that ends).
    DoneCallbackAdded {
        /// The task or future.
        to: DoneOf,
        /// The Rust source line that added it.
        line: u32,
    },
    /// A done callback that was waiting for its task or future to end was taken off
    /// (`remove_done_callback`).
    DoneCallbackRemoved {
        /// The task or future.
        from: DoneOf,
        /// The Rust source line that added it.
        line: u32,
    },
    /// The loop ran a callback.
    CallbackRan {
        /// Its id.
        callback: CallbackId,
    },
    /// A callback was cancelled through its handle before it ran.
    CallbackCancelled {
        /// Its id.
        callback: CallbackId,
    },
    /// A one-shot future got its result (or error).
    FutureSet {
        /// The future's id.
        future: FutureId,
    },
    /// A lesson printed a line.
    Print {
        /// What it printed.
        text: Rc<str>,
        /// The Rust line of the `print!`.
        rust_line: u32,
        /// The Python line of the matching `print(...)`.
        py_line: u32,
    },
    /// A line printed by blocking code on a worker thread (`print` inside a job).
    ThreadPrint {
        /// The thread's name (`worker-1`).
        thread: Rc<str>,
        /// What it printed.
        text: Rc<str>,
        /// The Rust line of the job step that printed it.
        rust_line: u32,
        /// The Python line of the matching `print(...)`.
        py_line: u32,
    },
    /// Outside work began (a request sent, a job posted, a file opened).
    IoStarted {
        /// Its id, unique within the run.
        io: IoId,
        /// What kind of work.
        kind: IoKind,
        /// What it is about (a URL, a job, a file name).
        label: Rc<str>,
    },
    /// Outside work made progress (bytes received).
    IoProgress {
        /// Its id.
        io: IoId,
        /// Units done so far (bytes).
        done: u64,
        /// The total, when known (`Content-Length`).
        total: Option<u64>,
    },
    /// The other side answered outside work with an HTTP status (a download's response, a
    /// request to one of the page's servers).
    IoStatus {
        /// Its id.
        io: IoId,
        /// The status code (`200`).
        status: u16,
    },
    /// Outside work ended.
    IoEnded {
        /// Its id.
        io: IoId,
        /// Why it failed, or `None` if it succeeded.
        error: Option<Rc<str>>,
    },
    /// A coroutine made with [`coroutine`](crate::runtime::coroutine) was dropped by the lesson's code
    /// without ever being awaited or wrapped in a task (Python warns: "coroutine '…' was never
    /// awaited"). Recorded for the task whose step dropped it.
    CoroutineNeverAwaited {
        /// The coroutine function's name.
        name: Rc<str>,
        /// The Rust line that made it.
        line: u32,
    },
    /// Blocking code held the loop's thread (a `time.sleep` inside a coroutine): recorded as
    /// it begins, for the task whose step blocks.
    Blocked {
        /// For how long, in microseconds of the run's clock.
        us: u64,
        /// The Rust line of the blocking call.
        line: u32,
    },
    /// At the run's end: this task failed and nobody awaited it or asked for its result, so
    /// its error was lost (Python logs "Task exception was never retrieved").
    ErrorNeverRetrieved {
        /// The error nobody saw.
        error: Error,
    },
    /// The main task ended and the run with it.
    RunFinished {
        /// `Ok` or the error `main` ended with.
        outcome: Result<(), Error>,
    },
    /// Stop was pressed (or the page left): everything was cancelled.
    RunStopped,
    /// The page became hidden during a real-clock run (another tab in front, the window
    /// minimised), or the run began in a hidden page. From here on the browser throttles its
    /// timers (to about once a second), so the times it records are the browser's delay, not
    /// the program's.
    PageHidden,
    /// The page became visible again and the timers it held back have fired (and what they
    /// woke has run, late): timers keep their times from here on.
    PageShown,
}

/// One recorded event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its place in the run's total order, from 0.
    pub seq: u64,
    /// Microseconds since the run began.
    pub at_us: u64,
    /// The task it belongs to, or `None` for the loop itself.
    pub task: Option<TaskId>,
    /// What happened.
    pub kind: EventKind,
}

impl Event {
    /// `at_us` rounded to whole milliseconds (times are shown as integers, never floats).
    pub fn at_ms(&self) -> u64 {
        (self.at_us + 500) / 1000
    }
}

/// A printed line, with everything the output panel shows about it.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintedLine {
    /// The Print event's sequence number.
    pub seq: u64,
    /// Microseconds since the run began.
    pub at_us: u64,
    /// The task that printed it; `None` for a callback run by the loop itself.
    pub task: Option<TaskId>,
    /// The task's name.
    pub task_name: Rc<str>,
    /// The text.
    pub text: Rc<str>,
    /// Rust source line.
    pub rust_line: u32,
    /// Python source line.
    pub py_line: u32,
}

impl PrintedLine {
    /// The time rounded to whole milliseconds.
    pub fn at_ms(&self) -> u64 {
        (self.at_us + 500) / 1000
    }
}

/// All events of one run, in order, plus the task names needed to show them.
#[derive(Debug, Default)]
pub struct Trace {
    events: Vec<Event>,
    names: Vec<Rc<str>>,
}

impl Trace {
    pub(crate) fn push(&mut self, at_us: u64, task: Option<TaskId>, kind: EventKind) {
        if let EventKind::TaskSpawned { name, .. } | EventKind::TaskRenamed { name } = &kind {
            if let Some(id) = task {
                let index = id.index();
                if index < self.names.len() {
                    self.names[index] = name.clone();
                } else {
                    // Tasks are numbered as they are spawned, so this pads nothing as a rule
                    // (and allocates no placeholder name per task).
                    self.names.resize_with(index, || Rc::from(""));
                    self.names.push(name.clone());
                }
            }
        }
        let seq = self.events.len() as u64;
        self.events.push(Event {
            seq,
            at_us,
            task,
            kind,
        });
    }

    /// Every event so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many events there are; doubles as a version number for the UI.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// A task's name: the one it was spawned with, or the last it was renamed to.
    pub fn task_name(&self, task: TaskId) -> Rc<str> {
        self.names
            .get(task.index())
            .cloned()
            .unwrap_or_else(|| Rc::from("?"))
    }

    /// The name of the task made `index`-th, if there is one.
    pub fn name_of(&self, index: usize) -> Option<&str> {
        self.names.get(index).map(|name| &**name)
    }

    /// Every task's name, by task index.
    pub fn task_names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|name| &**name)
    }

    /// The printed lines among the events from `from_seq` on, in order.
    pub fn printed_since(&self, from_seq: usize) -> impl Iterator<Item = PrintedLine> + '_ {
        self.events
            .get(from_seq..)
            .unwrap_or_default()
            .iter()
            .filter_map(move |event| {
                // A task's print, or a worker thread's: one line either way.
                let (task_name, text, rust_line, py_line) = match &event.kind {
                    EventKind::Print {
                        text,
                        rust_line,
                        py_line,
                    } => (
                        match event.task {
                            Some(task) => self.task_name(task),
                            None => Rc::from(LOOP_NAME),
                        },
                        text,
                        rust_line,
                        py_line,
                    ),
                    EventKind::ThreadPrint {
                        thread,
                        text,
                        rust_line,
                        py_line,
                    } => (thread.clone(), text, rust_line, py_line),
                    _ => return None,
                };
                Some(PrintedLine {
                    seq: event.seq,
                    at_us: event.at_us,
                    task: event.task,
                    task_name,
                    text: text.clone(),
                    rust_line: *rust_line,
                    py_line: *py_line,
                })
            })
    }

    /// All printed lines.
    pub fn printed(&self) -> Vec<PrintedLine> {
        self.printed_since(0).collect()
    }
}
