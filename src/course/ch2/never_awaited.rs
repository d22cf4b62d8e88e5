//! Mistake: calling a coroutine function without `await` makes a coroutine object, and
//! dropping it runs none of its code.

use crate::print;
use crate::runtime::{coroutine, Result};

async fn greet(name: &'static str) -> Result<()> {
    print!(py 5, "hello, {name}" | "你好，{name}");
    Ok(())
}

/// The lesson: the first call forgets `.await`, the second one does not.
pub async fn main() -> Result<()> {
    // Forgot `.await`: the coroutine is made, then dropped at once without being polled.
    // (Clippy flags it too: "non-binding `let` on a future"; allowed here to show it.)
    #[allow(clippy::let_underscore_future)]
    let _ = coroutine(greet("world"));
    print!(py 10, "main goes on" | "main继续执行");
    greet("again").await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Mistake, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "never-awaited",
    title: Text {
        en: "Mistake: a coroutine never awaited",
        zh: "错误：协程从未被 await",
    },
    note: Text {
        en: "greet(\"world\") without await only makes a coroutine object, and main drops it at \
             once: \"hello, world\" never appears, and Python warns \"coroutine 'greet' was never \
             awaited\". A Rust future dropped unpolled is the same mistake (the compiler warns \
             that futures do nothing unless awaited). The lint under the output points at the \
             line.",
        zh: "greet(\"world\") 前面没有 await，只得到一个协程对象，main 随即把它丢掉：“你好，world”永远不会出现，\
             Python 会警告 coroutine 'greet' was never awaited。Rust 里没被 poll 就被丢弃的 future \
             是同一个错误（编译器也会提醒 future 不 await 就什么都不做）。输出下方的提示会指出是哪一行。",
    },
    python: Text {
        en: include_str!("never_awaited.en.py"),
        zh: include_str!("never_awaited.py"),
    },
    rust_file: super::super::listing!("ch2/never_awaited.rs"),
    expected: &[
        said(0, "Task-1", "main goes on", "main继续执行"),
        said(0, "Task-1", "hello, again", "你好，again"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[Mistake::NeverAwaited],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
