//! `functools.partial`: bind keyword arguments for callbacks that take positional ones only.

use crate::runtime::{call_soon, sleep, Result};
use crate::{print, tr};

fn greet(greeting: &str, name: &str, punctuation: &str) {
    print!(py 6, "{greeting}, {name}{punctuation}" | "{greeting}，{name}{punctuation}");
}

/// The lesson: two callbacks, one with an argument bound in advance.
pub async fn main() -> Result<()> {
    // `partial(greet, punctuation="!")`: a closure that fills that argument in.
    let exclaim = |greeting: &str, name: &str| greet(greeting, name, &tr!("!" | "！"));
    call_soon(move || exclaim(&tr!("Hi" | "嗨"), &tr!("Ana" | "安娜")))?;
    call_soon(|| {
        greet(
            &tr!("Hello" | "你好"),
            &tr!("Bo" | "阿波"),
            &tr!("." | "。"),
        )
    })?;
    sleep(0.0).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "partial",
    title: Text {
        en: "functools.partial for callbacks",
        zh: "用 functools.partial 传回调参数",
    },
    note: Text {
        en: "call_soon passes only positional arguments, so a keyword argument is bound first \
             with functools.partial. The callbacks run when main yields with sleep(0), in the \
             order they were queued. In Rust, a closure binds arguments the same way.",
        zh: "call_soon 只传位置参数，关键字参数要先用 functools.partial 绑定。main 用 sleep(0) 让出一轮时，\
             回调按排队顺序运行。Rust 里闭包同样能绑定参数。",
    },
    python: Text {
        en: include_str!("partial.en.py"),
        zh: include_str!("partial.py"),
    },
    rust_file: super::super::listing!("ch5/partial.rs"),
    expected: &[
        said(0, "loop", "Hi, Ana!", "嗨，安娜！"),
        said(0, "loop", "Hello, Bo.", "你好，阿波。"),
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
