//! `loop.call_later`: run a function after a delay; callbacks fire by due time.

use crate::runtime::{call_later, stop, Result};
use crate::{print, tr};

fn say(text: &str, last: bool) {
    print!(py 5, "{text}");
    if last {
        let _ = stop();
    }
}

/// The module-level setup before `loop.run_forever()`.
pub fn setup() -> Result<()> {
    call_later(2.0, || say(&tr!("after 2 s" | "2 秒后"), true))?;
    call_later(1.0, || say(&tr!("after 1 s" | "1 秒后"), false))?;
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "call-later",
    title: Text {
        en: "call_later with two delays",
        zh: "两个延时的 call_later",
    },
    note: Text {
        en: "call_later(delay, f) runs f once the delay has passed. The 2 s callback is \
             registered first, but the loop keeps its timers ordered by due time, so the 1 s \
             one runs first. call_later returns a handle whose cancel() takes it back.",
        zh: "call_later(delay, f) 在延时到了之后运行 f。2 秒的回调先注册，但事件循环按到期时间排列定时器，\
             所以 1 秒的先执行。call_later 返回一个句柄，调用它的 cancel() 可以撤销。",
    },
    python: Text {
        en: include_str!("call_later.en.py"),
        zh: include_str!("call_later.py"),
    },
    rust_file: super::super::listing!("ch5/call_later.rs"),
    expected: &[
        said(1000, "loop", "after 1 s", "1 秒后"),
        said(2000, "loop", "after 2 s", "2 秒后"),
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
pub const ENTRY: Entry = Entry::Forever(|_| setup());
