//! `run_forever`: the loop runs until something stops it; here a done callback does.

use crate::print;
use crate::runtime::{create_task, sleep, stop, Result, Task};

async fn f1() -> Result<&'static str> {
    print!(py 5, "1");
    sleep(3.0).await?;
    print!(py 7, "2");
    Ok("f1")
}

fn callback(task: &Task<&'static str>) {
    print!(py 12, "done, stopping the loop: {}" | "结束了，停止事件循环: {}", task.result().unwrap_or("?"));
    // `task.get_loop().stop()`; it cannot fail here: callbacks run inside the loop.
    let _ = stop();
}

/// The lesson's setup: what the module does before `loop.run_forever()`.
pub fn setup() -> Result<()> {
    let task = create_task(f1())?;
    task.add_done_callback(callback);
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "run-forever",
    title: Text {
        en: "run_forever, stopped by a done callback",
        zh: "run_forever 与在回调中停止循环",
    },
    note: Text {
        en: "run_forever never returns on its own: it keeps turning until loop.stop() is called. \
             A done callback on the task calls it, which is exactly how run_until_complete \
             works inside: it adds a callback that stops the loop when the future is done.",
        zh: "run_forever 自己不会返回，它一直转，直到有人调用 loop.stop()。这里由 task 的回调来调用，\
             而 run_until_complete 内部正是这样做的：给 future 绑定一个回调，完成时停止循环。",
    },
    python: Text {
        en: include_str!("run_forever.en.py"),
        zh: include_str!("run_forever.py"),
    },
    rust_file: super::super::listing!("ch3/run_forever.rs"),
    expected: &[
        line(0, "Task-1", "1"),
        line(3000, "Task-1", "2"),
        said(3000, "loop", "done, stopping the loop: f1", "结束了，停止事件循环: f1"),
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
