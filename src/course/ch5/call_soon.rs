//! `loop.call_soon`: run a plain function on the loop's next turn.

use crate::print;
use crate::runtime::{call_soon, stop, Result};

fn hello_world() {
    print!(py 5, "Hello World");
    let _ = stop(); // loop.stop(); it cannot fail inside a callback
}

/// The module-level setup before `loop.run_forever()`.
pub fn setup() -> Result<()> {
    call_soon(hello_world)?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "call-soon",
    title: Text {
        en: "call_soon: hello, then stop",
        zh: "call_soon：打招呼，然后停止",
    },
    note: Text {
        en: "The loop does not only run coroutines: call_soon queues a plain function for its \
             next turn. The callback prints and stops the loop, which ends run_forever.",
        zh: "事件循环不只运行协程：call_soon 把一个普通函数排到下一轮执行。回调打印后停止循环，run_forever 随之返回。",
    },
    python: Text {
        en: include_str!("call_soon.en.py"),
        zh: include_str!("call_soon.py"),
    },
    rust_file: super::super::listing!("ch5/call_soon.rs"),
    expected: &[line(0, "loop", "Hello World")],
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
