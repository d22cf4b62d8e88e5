//! Beginner lints: mistakes read off a run's Trace, each with a one-line fix and the lesson
//! that teaches it.
//!
//! - a coroutine made and dropped without being awaited (the Rust future dropped unpolled);
//! - a task that failed while nobody awaited it, so its error was lost;
//! - one step that held the loop for more than [`BLOCKED_MS`];
//! - two sleeps awaited one after the other by a task alone on the loop, whose lengths are two
//!   different knobs of the lesson: independent waits that could overlap.
//!
//! The lessons that make a mistake on purpose say so in [`DEMONSTRATED`]; the tests check that
//! every other lesson of the course runs without a single lint.

use std::collections::HashMap;

use super::{KnobKind, Lesson, Settings, Text};
use crate::runtime::TaskId;
use crate::trace::{ClockKind, EventKind, TimerId, Trace, WaitOn};

/// A step longer than this blocks the loop (asyncio's debug mode warns at 100 ms; a browser
/// frame is 16 ms; 50 ms is where the page starts to feel stuck).
pub const BLOCKED_MS: u64 = 50;

/// What kind of mistake a lint reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LintKind {
    /// A coroutine was made and dropped without being awaited.
    NeverAwaited,
    /// A task failed and nobody retrieved its error.
    ErrorLost,
    /// One step held the loop too long.
    Blocked,
    /// Independent waits were awaited one after the other.
    Sequential,
}

impl LintKind {
    /// A stable id (for tests and `data-lint`).
    pub fn id(self) -> &'static str {
        match self {
            LintKind::NeverAwaited => "never-awaited",
            LintKind::ErrorLost => "error-lost",
            LintKind::Blocked => "blocked-loop",
            LintKind::Sequential => "sequential-awaits",
        }
    }

    /// The lesson that teaches it.
    pub fn lesson(self) -> &'static str {
        match self {
            LintKind::NeverAwaited => "never-awaited",
            LintKind::ErrorLost => "task-error-lost",
            LintKind::Blocked => "blocking-loop",
            LintKind::Sequential => "mistake-sequential",
        }
    }

    /// The one-line fix.
    pub fn fix(self) -> Text {
        match self {
            LintKind::NeverAwaited => Text {
                en: "Fix: await it (`await f()`), or run it as a task: `asyncio.create_task(f())`.",
                zh: "改法：await 它（await f()），或把它变成任务：asyncio.create_task(f())。",
            },
            LintKind::ErrorLost => Text {
                en: "Fix: keep the task and await it (or gather it), or read `task.exception()` in a done callback.",
                zh: "改法：保存这个任务并 await 它（或用 gather），或在 done 回调里读取 task.exception()。",
            },
            LintKind::Blocked => Text {
                en: "Fix: await an async version (`await asyncio.sleep()`), or move the blocking call off the loop: `await loop.run_in_executor(None, f)`.",
                zh: "改法：换成异步版本（await asyncio.sleep()），或把阻塞调用移出事件循环：await loop.run_in_executor(None, f)。",
            },
            LintKind::Sequential => Text {
                en: "Fix: start both before waiting: `await asyncio.gather(f1(), f2())`, or `create_task` each, then await.",
                zh: "改法：先同时启动再等待：await asyncio.gather(f1(), f2())，或各自 create_task 之后再 await。",
            },
        }
    }
}

/// What one lint found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Coroutine `name`, made at Rust line `line`, was never awaited.
    NeverAwaited {
        /// The coroutine function.
        name: String,
        /// Where it was made.
        line: u32,
    },
    /// `task` failed with `error` and nobody retrieved it.
    ErrorLost {
        /// The task's name.
        task: String,
        /// Its error.
        error: String,
    },
    /// Step `step` (from 1) of `task` held the loop for `ms`.
    Blocked {
        /// The task's name.
        task: String,
        /// Which of its steps.
        step: usize,
        /// For how long, in milliseconds of the run's clock.
        ms: u64,
        /// The Rust line of the blocking call, or the last line the step reached.
        line: Option<u32>,
    },
    /// `task` slept `first` then `second`, alone on the loop; two knobs set them.
    Sequential {
        /// The task's name.
        task: String,
        /// The first sleep: milliseconds, the knob that set it, its Rust line.
        first: (u64, Text, u32),
        /// The second sleep, the same way.
        second: (u64, Text, u32),
    },
}

/// One lint of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lint {
    /// What it found.
    pub finding: Finding,
    /// The Trace event to show for it in replay.
    pub seq: u64,
}

impl Lint {
    /// Its kind.
    pub fn kind(&self) -> LintKind {
        match self.finding {
            Finding::NeverAwaited { .. } => LintKind::NeverAwaited,
            Finding::ErrorLost { .. } => LintKind::ErrorLost,
            Finding::Blocked { .. } => LintKind::Blocked,
            Finding::Sequential { .. } => LintKind::Sequential,
        }
    }

    /// What it found, in words.
    pub fn message(&self, zh: bool) -> String {
        match &self.finding {
            Finding::NeverAwaited { name, line } if zh => format!(
                "协程 {name}()（Rust 第 {line} 行创建）从未被 await：它的代码一行也没有运行（Python 会警告 “coroutine '{name}' was never awaited”）。"
            ),
            Finding::NeverAwaited { name, line } => format!(
                "Coroutine {name}() (made at Rust line {line}) was never awaited: none of its code ran (Python warns “coroutine '{name}' was never awaited”)."
            ),
            Finding::ErrorLost { task, error } if zh => format!(
                "{task} 出错结束（{error}），但没有人 await 它或读取它的结果：这个错误悄悄丢失了（Python 会记录 “Task exception was never retrieved”）。"
            ),
            Finding::ErrorLost { task, error } => format!(
                "{task} failed ({error}), but nobody awaited it or asked for its result: the error was lost (Python logs “Task exception was never retrieved”)."
            ),
            Finding::Blocked { task, step, ms, line } => {
                let at = match (line, zh) {
                    (Some(line), true) => format!("，在 Rust 第 {line} 行"),
                    (Some(line), false) => format!(", at Rust line {line}"),
                    (None, _) => String::new(),
                };
                if zh {
                    format!("{task} 的第 {step} 步占住事件循环 {ms} ms{at}：这段时间里别的任务和定时器都只能等着。")
                } else {
                    format!("Step {step} of {task} held the loop for {ms} ms{at}: no other task or timer could run meanwhile.")
                }
            }
            Finding::Sequential {
                task,
                first,
                second,
            } => {
                let total = first.0 + second.0;
                let together = first.0.max(second.0);
                if zh {
                    format!(
                        "{task} 先等了 {} ms（{}，Rust 第 {} 行），再等 {} ms（{}，Rust 第 {} 行），期间没有别的任务在运行：共 {total} ms。两个时长由不同的旋钮设定，互不依赖，同时进行只需 {together} ms。",
                        first.0, first.1.zh, first.2, second.0, second.1.zh, second.2
                    )
                } else {
                    format!(
                        "{task} waited {} ms ({}, Rust line {}) and then {} ms ({}, Rust line {}) with nothing else running: {total} ms in all. Two separate knobs set them, so they could overlap: together they take {together} ms.",
                        first.0, first.1.en, first.2, second.0, second.1.en, second.2
                    )
                }
            }
        }
    }
}

/// The lessons that make a mistake on purpose, and which lints they show; every other lesson
/// runs without any.
pub const DEMONSTRATED: &[(&str, &[LintKind])] = &[
    ("never-awaited", &[LintKind::NeverAwaited]),
    ("task-error-lost", &[LintKind::ErrorLost]),
    ("mistake-sequential", &[LintKind::Sequential]),
    ("executor-sequential", &[LintKind::Blocked]),
    ("blocking-loop", &[LintKind::Blocked]),
];

/// The lints `lesson` shows with its own knob values (none for a correct lesson).
pub fn demonstrated_by(lesson: &str) -> &'static [LintKind] {
    DEMONSTRATED
        .iter()
        .find(|(id, _)| *id == lesson)
        .map_or(&[], |(_, kinds)| kinds)
}

/// A knob's value in milliseconds, if it is a time (`unit` "s" or "ms").
fn knob_ms(lesson: &Lesson, settings: &Settings) -> Vec<(u64, Text)> {
    lesson
        .knobs
        .iter()
        .filter_map(|knob| match knob.kind {
            KnobKind::Int { unit: "s", .. } => {
                Some((settings.int(knob.id).max(0) as u64 * 1000, knob.label))
            }
            KnobKind::Int { unit: "ms", .. } => {
                Some((settings.int(knob.id).max(0) as u64, knob.label))
            }
            _ => None,
        })
        .collect()
}

/// A task's step being read.
struct Step {
    /// Its first event.
    seq: u64,
    /// When it began, µs.
    from_us: u64,
    /// The longest blocking call in it: (µs, line).
    longest: Option<(u64, u32)>,
    /// The last source line it reached.
    last_line: Option<u32>,
}

/// Per task, while reading the Trace.
#[derive(Default)]
struct TaskWatch {
    /// The running step.
    step: Option<Step>,
    steps: usize,
    /// The sleep it waits in now: (ms, Rust line, seq), and how many steps and callbacks the
    /// loop had run when it began (the same count at its wake: it slept alone).
    sleeping: Option<(u64, u32, u64)>,
    activity_at_sleep: u64,
    /// The previous sleep, if it was alone and nothing but this task's own step followed.
    last_alone_sleep: Option<(u64, u32, u64)>,
}

/// Every lint of a run of `lesson` with these knob values.
pub fn lints(trace: &Trace, lesson: &Lesson, settings: &Settings) -> Vec<Lint> {
    let mut out = Vec::new();
    let knobs = knob_ms(lesson, settings);
    // Real ms per run ms: a step is judged by the wall time it held the page.
    let mut scale = 1.0;
    let mut watch: HashMap<TaskId, TaskWatch> = HashMap::new();
    let mut activity = 0u64;
    // Timer id → (ms from set to due, line).
    let mut timers: HashMap<TimerId, (u64, u32)> = HashMap::new();
    // Blocked steps already reported, by (task, line): one lint each, the longest.
    let mut blocked: HashMap<(TaskId, Option<u32>), usize> = HashMap::new();
    let name = |task: TaskId| trace.task_name(task).to_string();
    for event in trace.events() {
        let at = event.at_us;
        // Steps and callbacks the loop has run before this event: a task slept alone if the
        // count did not move while it slept (one counter, not a pass over every task).
        let activity_before = activity;
        if matches!(
            event.kind,
            EventKind::TaskPolled | EventKind::CallbackRan { .. }
        ) {
            activity += 1;
        }
        match &event.kind {
            EventKind::RunStarted {
                clock: ClockKind::Real { scale: s },
                ..
            } => scale = *s,
            EventKind::CoroutineNeverAwaited { name, line } => out.push(Lint {
                finding: Finding::NeverAwaited {
                    name: name.to_string(),
                    line: *line,
                },
                seq: event.seq,
            }),
            EventKind::ErrorNeverRetrieved { error } => {
                if let Some(task) = event.task {
                    out.push(Lint {
                        finding: Finding::ErrorLost {
                            task: name(task),
                            error: error.to_string(),
                        },
                        seq: event.seq,
                    });
                }
            }
            EventKind::TimerSet {
                timer,
                deadline_us,
                line,
            } => {
                timers.insert(*timer, (deadline_us.saturating_sub(at) / 1000, *line));
            }
            _ => {}
        }
        let Some(task) = event.task else { continue };
        let w = watch.entry(task).or_default();
        match &event.kind {
            EventKind::TaskPolled => {
                w.steps += 1;
                w.step = Some(Step {
                    seq: event.seq,
                    from_us: at,
                    longest: None,
                    last_line: None,
                });
                if let Some(sleep) = w.sleeping.take() {
                    // Woke from a sleep: if it was alone and so was the one before, and two
                    // different knobs set them, they could have overlapped.
                    if w.activity_at_sleep == activity_before {
                        if let Some(first) = w.last_alone_sleep {
                            let knob_of = |ms: u64, not: Option<usize>| {
                                knobs
                                    .iter()
                                    .enumerate()
                                    .position(|(i, (v, _))| *v == ms && Some(i) != not && ms > 0)
                            };
                            if let Some(a) = knob_of(first.0, None) {
                                if let Some(b) = knob_of(sleep.0, Some(a)) {
                                    out.push(Lint {
                                        finding: Finding::Sequential {
                                            task: name(task),
                                            first: (first.0, knobs[a].1, first.1),
                                            second: (sleep.0, knobs[b].1, sleep.1),
                                        },
                                        seq: first.2,
                                    });
                                }
                            }
                        }
                        w.last_alone_sleep = Some(sleep);
                    } else {
                        w.last_alone_sleep = None;
                    }
                }
            }
            EventKind::Blocked { us, line } => {
                if let Some(step) = &mut w.step {
                    if step.longest.is_none_or(|(longest, _)| *us > longest) {
                        step.longest = Some((*us, *line));
                    }
                }
            }
            EventKind::Print { rust_line, .. } => {
                if let Some(step) = &mut w.step {
                    step.last_line = Some(*rust_line);
                }
            }
            EventKind::TimerSet { line, .. } | EventKind::CallbackScheduled { line, .. } => {
                if let Some(step) = &mut w.step {
                    step.last_line = Some(*line);
                }
            }
            EventKind::TaskSuspended { .. }
            | EventKind::TaskFinished
            | EventKind::TaskFailed { .. }
            | EventKind::TaskCancelled => {
                if let Some(Step {
                    seq,
                    from_us,
                    longest,
                    last_line,
                }) = w.step.take()
                {
                    let run_us = at.saturating_sub(from_us);
                    let wall_us = run_us as f64 * scale;
                    if wall_us > (BLOCKED_MS * 1000) as f64 {
                        let line = longest.map(|(_, line)| line).or(last_line);
                        let ms = (run_us + 500) / 1000;
                        let finding = Finding::Blocked {
                            task: name(task),
                            step: w.steps,
                            ms,
                            line,
                        };
                        match blocked.get(&(task, line)) {
                            Some(&index) => {
                                if let Finding::Blocked { ms: before, .. } = out[index].finding {
                                    if ms > before {
                                        out[index] = Lint { finding, seq };
                                    }
                                }
                            }
                            None => {
                                blocked.insert((task, line), out.len());
                                out.push(Lint { finding, seq });
                            }
                        }
                    }
                }
                match &event.kind {
                    EventKind::TaskSuspended {
                        on: WaitOn::Sleep { timer, .. },
                    } => {
                        let (ms, line) = timers.get(timer).copied().unwrap_or((0, 0));
                        w.sleeping = Some((ms, line, event.seq));
                        w.activity_at_sleep = activity;
                    }
                    _ => {
                        w.sleeping = None;
                        w.last_alone_sleep = None;
                    }
                }
            }
            _ => {}
        }
    }
    out
}
