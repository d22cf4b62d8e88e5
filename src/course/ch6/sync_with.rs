//! The recap before the async context manager: a plain one, whose `__enter__` blocks.

use crate::print;
use crate::runtime::{Job, Result};

struct ContextManager {
    conn: Option<&'static str>,
}

impl ContextManager {
    fn new() -> Self {
        ContextManager { conn: None }
    }

    fn action(&self) -> Option<&'static str> {
        self.conn
    }

    /// `__enter__`: connects; `time.sleep(1)` holds the whole thread meanwhile.
    fn enter(mut self) -> Result<Self> {
        Job::new("time.sleep(1)").block(1.0).run_here()?;
        self.conn = Some("OK");
        Ok(self)
    }
}

impl Drop for ContextManager {
    /// `__exit__`: runs where the `with` block ends, however it ends.
    fn drop(&mut self) {
        self.conn = Some("CLOSE");
    }
}

/// The lesson: `with ContextManager() as cm: print(cm.action())`.
pub fn main() -> Result<()> {
    {
        let cm = ContextManager::new().enter()?; // with ContextManager() as cm:
        let result = cm.action();
        print!(py 23, "{}", result.unwrap_or("None"));
    } // __exit__
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, Mistake, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "sync-with",
    title: Text {
        en: "Recap: a plain context manager",
        zh: "回顾：普通的上下文管理器",
    },
    note: Text {
        en: "The recap the course gives before async context managers: an object with \
             __enter__ and __exit__ works with `with`; __enter__ runs first (here it \
             connects, blocking the thread for a second with time.sleep), __exit__ when the \
             block ends, however it ends. Nothing can run during that second: there is no \
             loop to hand it to (the hint after the run says what the same __enter__ would do \
             inside an async program). The next lesson makes both methods coroutines. In \
             Rust, __exit__ is Drop, which runs at the end of the block.",
        zh: "课程在讲异步上下文管理器之前的回顾：实现了 __enter__ 和 __exit__ 的对象可以用在 with \
             里；先执行 __enter__（这里用 time.sleep 阻塞 1 秒来“连接数据库”），with 块结束时\
             （不管怎么结束）执行 __exit__。这 1 秒里什么别的都运行不了：没有事件循环可以交出控制权\
             （运行后的提示说明了同样的 __enter__ 放进异步程序会怎样）。下一课把这两个方法都变成协程。Rust 里 __exit__ 就是 Drop，在块结束时执行。",
    },
    python: Text {
        en: include_str!("sync_with.en.py"),
        zh: include_str!("sync_with.py"),
    },
    rust_file: super::super::listing!("ch6/sync_with.rs"),
    expected: &[line(1000, "loop", "OK")],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    // Here the program runs as a task, so time.sleep holds the loop: the hint says what such a
    // __enter__ would do to an async program, which is the next lesson's point.
    mistakes: &[Mistake::Blocked],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Script(|_| main());
