//! An async context manager whose `__aexit__` awaits too: leaving `async with` takes time.

use std::cell::Cell;

use crate::print;
use crate::runtime::{self, async_with, sleep, Error, Result};

#[derive(Clone)]
struct AsyncContextManager {
    conn: Cell<Option<()>>, // self.conn: None until connected, and None after (sleep's result)
}

impl AsyncContextManager {
    fn new() -> Self {
        AsyncContextManager {
            conn: Cell::new(None),
        }
    }

    async fn do_something(&self) -> i64 {
        666 // work with the database
    }
}

impl runtime::AsyncContextManager for AsyncContextManager {
    type Value = AsyncContextManager;

    async fn aenter(&self) -> Result<AsyncContextManager> {
        self.conn.set(Some(sleep(1.0).await?)); // connect
        Ok(self.clone())
    }

    async fn aexit(&self, _error: Option<&Error>) -> Result<()> {
        sleep(1.0).await?; // close the connection: leaving awaits too
        Ok(())
    }
}

/// The lesson: `async with AsyncContextManager() as f:`.
pub async fn main() -> Result<()> {
    async_with(&AsyncContextManager::new(), |f| async move {
        let result = f.do_something().await;
        print!(py 22, "{result}");
        Ok(())
    })
    .await?;
    print!(py 23, "async with done" | "async with 结束");
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "async-with-aexit",
    title: Text {
        en: "An async context manager whose exit awaits",
        zh: "退出时也要 await 的异步上下文管理器",
    },
    note: Text {
        en: "The second text's async context manager: __aenter__ awaits to connect, and \
             __aexit__ awaits too, to close. The body prints 666 after the second it took to \
             connect; leaving the block then takes another second, so the line after it \
             comes at 2 s. The text's __init__ sets self.conn = conn, which is a NameError \
             (conn is not defined); here it starts as None.",
        zh: "第二篇课文里的异步上下文管理器：__aenter__ 要 await 来连接，__aexit__ 也要 await 来关闭。\
             连接用了 1 秒，之后 with 块里打印 666；离开 with 块又要 1 秒，所以块后面那一行在 \
             2 秒时才打印。原文的 __init__ 写的是 self.conn = conn，conn 没有定义，会 NameError；\
             这里改为 None。",
    },
    python: Text {
        en: include_str!("async_with_aexit.en.py"),
        zh: include_str!("async_with_aexit.py"),
    },
    rust_file: super::super::listing!("ch6/async_with_aexit.rs"),
    expected: &[
        line(1000, "Task-1", "666"),
        said(2000, "Task-1", "async with done", "async with 结束"),
    ],
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
