//! One step that held the loop longer than [`BLOCKED_MS`] (of wall time on the real clock):
//! nothing else could run meanwhile. One lint per task and blocking line, the longest; and
//! one per line for blocking outside any task (module-level code, a callback).

use std::collections::HashMap;

use super::{Finding, Lint, Rule, Watch, BLOCKED_MS};
use crate::trace::{Event, EventKind, TaskId};

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

#[derive(Default)]
struct TaskSteps {
    /// The running step.
    step: Option<Step>,
    /// How many steps it began.
    steps: usize,
}

#[derive(Default)]
pub(super) struct Blocked {
    tasks: HashMap<TaskId, TaskSteps>,
    found: Vec<Lint>,
    /// Blocked steps already reported, by (task, line): their place in `found`.
    reported: HashMap<(TaskId, Option<u32>), usize>,
    /// Blocking outside tasks already reported, by line: its place in `found`.
    outside: HashMap<u32, usize>,
}

impl Blocked {
    /// A blocking call outside any task: nothing else ran while it held the thread.
    fn outside_task(&mut self, event: &Event, us: u64, line: u32, watch: &Watch) {
        if us as f64 * watch.scale <= (BLOCKED_MS * 1000) as f64 {
            return;
        }
        let lint = Lint {
            finding: Finding::BlockedThread {
                ms: (us + 500) / 1000,
                line,
            },
            seq: event.seq,
        };
        match self.outside.get(&line) {
            Some(&index) => {
                if matches!(self.found[index].finding, Finding::BlockedThread { ms, .. } if (us + 500) / 1000 > ms)
                {
                    self.found[index] = lint;
                }
            }
            None => {
                self.outside.insert(line, self.found.len());
                self.found.push(lint);
            }
        }
    }

    fn step_ended(&mut self, task: TaskId, step: Step, number: usize, at_us: u64, watch: &Watch) {
        let run_us = at_us.saturating_sub(step.from_us);
        if run_us as f64 * watch.scale <= (BLOCKED_MS * 1000) as f64 {
            return;
        }
        let line = step.longest.map(|(_, line)| line).or(step.last_line);
        let ms = (run_us + 500) / 1000;
        let lint = Lint {
            finding: Finding::Blocked {
                task: watch.name(task),
                step: number,
                ms,
                line,
            },
            seq: step.seq,
        };
        match self.reported.get(&(task, line)) {
            Some(&index) => {
                if let Finding::Blocked { ms: before, .. } = self.found[index].finding {
                    if ms > before {
                        self.found[index] = lint;
                    }
                }
            }
            None => {
                self.reported.insert((task, line), self.found.len());
                self.found.push(lint);
            }
        }
    }
}

impl Rule for Blocked {
    fn see(&mut self, event: &Event, watch: &Watch) {
        let Some(task) = event.task else {
            if let EventKind::Blocked { us, line } = event.kind {
                self.outside_task(event, us, line, watch);
            }
            return;
        };
        let steps = self.tasks.entry(task).or_default();
        match &event.kind {
            EventKind::TaskPolled => {
                steps.steps += 1;
                steps.step = Some(Step {
                    seq: event.seq,
                    from_us: event.at_us,
                    longest: None,
                    last_line: None,
                });
            }
            EventKind::Blocked { us, line } => {
                if let Some(step) = &mut steps.step {
                    if step.longest.is_none_or(|(longest, _)| *us > longest) {
                        step.longest = Some((*us, *line));
                    }
                }
            }
            EventKind::Print {
                rust_line: line, ..
            }
            | EventKind::TimerSet { line, .. }
            | EventKind::CallbackScheduled { line, .. } => {
                if let Some(step) = &mut steps.step {
                    step.last_line = Some(*line);
                }
            }
            EventKind::TaskSuspended { .. }
            | EventKind::TaskFinished
            | EventKind::TaskFailed { .. }
            | EventKind::TaskCancelled => {
                let number = steps.steps;
                if let Some(step) = steps.step.take() {
                    self.step_ended(task, step, number, event.at_us, watch);
                }
            }
            _ => {}
        }
    }

    fn found(self: Box<Self>) -> Vec<Lint> {
        self.found
    }
}
