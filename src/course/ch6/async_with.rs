//! An async context manager: setup and cleanup that may await, around an `async with` body.

use std::cell::Cell;
use std::rc::Rc;

use crate::print;
use crate::runtime::{async_with, sleep, AsyncContextManager, Error, Result};

#[derive(Clone)]
struct ContextManager {
    conn: Rc<Cell<Option<&'static str>>>,
}

impl ContextManager {
    fn new() -> Self {
        ContextManager {
            conn: Rc::new(Cell::new(None)),
        }
    }

    async fn action(&self) -> Option<&'static str> {
        self.conn.get()
    }
}

impl AsyncContextManager for ContextManager {
    type Value = ContextManager;

    async fn aenter(&self) -> Result<ContextManager> {
        sleep(1.0).await?; // pretend to connect to a database
        self.conn.set(Some("OK"));
        Ok(self.clone())
    }

    async fn aexit(&self, _error: Option<&Error>) -> Result<()> {
        self.conn.set(Some("CLOSE")); // runs whether the body failed or not
        Ok(())
    }
}

/// The lesson: `async with ContextManager() as cm:`.
pub async fn main() -> Result<()> {
    let manager = ContextManager::new();
    async_with(&manager, |cm| async move {
        let result = cm.action().await;
        print!(py 23, "{}", result.unwrap_or("None"));
        Ok(())
    })
    .await?;
    print!(py 24, "{}", manager.conn.get().unwrap_or("None"));
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "async-with",
    title: Text {
        en: "Async context manager",
        zh: "异步上下文管理器",
    },
    note: Text {
        en: "__aenter__ and __aexit__ are coroutines, so setting up and cleaning up can wait for \
             I/O: entering takes 1 s (the \"connection\"), the body prints OK, and __aexit__ \
             leaves CLOSE behind. The cleanup runs even when the body raises or the task is \
             cancelled.",
        zh:
            "__aenter__ 和 __aexit__ 都是协程，准备和清理都可以等待 IO：进入用了 1 秒（“连接”），\
             with 体打印 OK，__aexit__ 留下 CLOSE。即使 with 体抛出异常或任务被取消，清理也会执行。",
    },
    python: Text {
        en: include_str!("async_with.en.py"),
        zh: include_str!("async_with.py"),
    },
    rust_file: super::super::listing!("ch6/async_with.rs"),
    expected: &[line(1000, "Task-1", "OK"), line(1000, "Task-1", "CLOSE")],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
