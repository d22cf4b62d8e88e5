//! The beginner mistakes the course teaches: what each is called, the lesson that makes it on
//! purpose, and its one-line fix. A lesson lists the mistakes it makes ([`Lesson::mistakes`]);
//! `analysis::lints` finds them in a run.
//!
//! [`Lesson::mistakes`]: super::Lesson::mistakes

use super::lesson::Text;

/// A beginner mistake the course teaches, and a lint finds in a run's Trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mistake {
    /// A coroutine was made and dropped without being awaited.
    NeverAwaited,
    /// A task failed and nobody retrieved its error.
    ErrorLost,
    /// One step held the loop too long.
    Blocked,
    /// Independent waits were awaited one after the other.
    Sequential,
}

impl Mistake {
    /// A stable id (for tests and `data-lint`).
    pub fn id(self) -> &'static str {
        match self {
            Mistake::NeverAwaited => "never-awaited",
            Mistake::ErrorLost => "error-lost",
            Mistake::Blocked => "blocked-loop",
            Mistake::Sequential => "sequential-awaits",
        }
    }

    /// The lesson that teaches it.
    pub fn lesson(self) -> &'static str {
        match self {
            Mistake::NeverAwaited => "never-awaited",
            Mistake::ErrorLost => "task-error-lost",
            Mistake::Blocked => "blocking-loop",
            Mistake::Sequential => "mistake-sequential",
        }
    }

    /// The one-line fix.
    pub fn fix(self) -> Text {
        match self {
            Mistake::NeverAwaited => Text {
                en: "Fix: await it (`await f()`), or run it as a task: `asyncio.create_task(f())`.",
                zh: "改法：await 它（await f()），或把它变成任务：asyncio.create_task(f())。",
            },
            Mistake::ErrorLost => Text {
                en: "Fix: keep the task and await it (or gather it), or read `task.exception()` in a done callback.",
                zh: "改法：保存这个任务并 await 它（或用 gather），或在 done 回调里读取 task.exception()。",
            },
            Mistake::Blocked => Text {
                en: "Fix: await an async version (`await asyncio.sleep()`), or move the blocking call off the loop: `await loop.run_in_executor(None, f)`.",
                zh: "改法：换成异步版本（await asyncio.sleep()），或把阻塞调用移出事件循环：await loop.run_in_executor(None, f)。",
            },
            Mistake::Sequential => Text {
                en: "Fix: start both before waiting: `await asyncio.gather(f1(), f2())`, or `create_task` each, then await.",
                zh: "改法：先同时启动再等待：await asyncio.gather(f1(), f2())，或各自 create_task 之后再 await。",
            },
        }
    }
}
