//! The course's first event-loop program: a loop that is not running yet, two callbacks
//! registered in order, and the second one stops the loop.

use crate::course::py;
use crate::print;
use crate::runtime::{call_soon, loop_is_running, stop, Result};

/// The module-level code before `loop.run_forever()`.
pub fn setup() -> Result<()> {
    print!(py 5, "{}", py::bool(loop_is_running()));
    call_soon(hello_world)?;
    call_soon(stop_loop)?; // partial(stop_loop, loop): our callbacks reach the loop themselves
    Ok(())
}

fn hello_world() {
    print!(py 9, "Hello World");
}

fn stop_loop() {
    print!(py 13, "Stopping loop");
    let _ = stop(); // loop.stop(); it cannot fail inside a callback
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "loop-is-running",
    title: Text {
        en: "A loop, two callbacks, and the one that stops it",
        zh: "一个事件循环、两个回调，由第二个停止循环",
    },
    note: Text {
        en: "The course's first event-loop program, as written, except that it makes its loop \
             with new_event_loop(): the text's get_event_loop() outside a running loop is \
             deprecated since Python 3.12 and fails since 3.14. Before run_forever the loop \
             is not running (False). call_soon queues hello_world, then stop_loop; the loop \
             runs them in that order, and stop_loop's loop.stop() ends run_forever.",
        zh:
            "课程里第一个事件循环程序，照原样运行；只是用 new_event_loop() 创建事件循环：原文在没有\
             运行的循环时调用 get_event_loop()，Python 3.12 起已弃用，3.14 起直接报错。调用 \
             run_forever 之前，循环没有运行（False）。call_soon 先后注册 hello_world 和 \
             stop_loop，循环按这个顺序执行它们，stop_loop 里的 loop.stop() 让 run_forever 返回。",
    },
    python: Text {
        en: include_str!("loop_is_running.en.py"),
        zh: include_str!("loop_is_running.py"),
    },
    rust_file: super::super::listing!("ch5/loop_is_running.rs"),
    expected: &[
        line(0, "loop", "False"),
        line(0, "loop", "Hello World"),
        line(0, "loop", "Stopping loop"),
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
