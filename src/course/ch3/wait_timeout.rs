//! `asyncio.wait` with a timeout: what finished goes to `done`, the rest to `pending`.

use crate::course::py;
use crate::print;
use crate::runtime::{create_task, sleep, wait, Result, ReturnWhen};

async fn f1(delay: f64) -> Result<&'static str> {
    print!(py 5, "1");
    sleep(delay).await?;
    print!(py 7, "2");
    Ok("f1")
}

async fn f2(delay: f64) -> Result<&'static str> {
    print!(py 12, "3");
    sleep(delay).await?;
    print!(py 14, "4");
    Ok("f2")
}

/// The lesson: wait at most 2 s for a 3 s task and a 1 s task.
pub async fn main(f1_delay: f64, f2_delay: f64, timeout: f64) -> Result<()> {
    let tasks = vec![create_task(f1(f1_delay))?, create_task(f2(f2_delay))?];
    let (done, pending) = wait(tasks, Some(timeout), ReturnWhen::AllCompleted).await?;
    for d in &done {
        print!(py 26, "{} {}", py::bool(d.done()), d.result()?);
    }
    for p in &pending {
        print!(py 28, "{}", py::bool(p.done()));
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, seconds, spot, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "wait-timeout",
    title: Text {
        en: "wait with a timeout: done and pending",
        zh: "带 timeout 的 wait：done 与 pending",
    },
    note: Text {
        en: "wait(tasks, timeout=2) returns after 2 s whatever happened: f2 (1 s) is done with \
             its result, f1 (3 s) is still pending. A timeout is not an error and cancels \
             nothing; f1 is cancelled only because main returns and asyncio.run cancels what is \
             left, so its 2 is never printed.",
        zh: "wait(tasks, timeout=2) 到 2 秒就返回，不管完成与否：f2（1 秒）已完成并有结果，f1（3 秒）仍在 pending。\
             超时不是异常，也不会取消任何任务；f1 之所以没打印 2，是因为 main 返回后 asyncio.run 取消了剩下的任务。",
    },
    python: Text {
        en: include_str!("wait_timeout.en.py"),
        zh: include_str!("wait_timeout.py"),
    },
    rust_file: super::super::listing!("ch3/wait_timeout.rs"),
    expected: &[
        line(0, "Task-2", "1"),
        line(0, "Task-3", "3"),
        line(1000, "Task-3", "4"),
        line(2000, "Task-1", "True f2"),
        line(2000, "Task-1", "False"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[
        seconds(
            "f1",
            Text {
                en: "f1 sleeps",
                zh: "f1 睡眠",
            },
            3,
            30,
            &[spot(6, "sleep(", "3")],
        ),
        seconds(
            "f2",
            Text {
                en: "f2 sleeps",
                zh: "f2 睡眠",
            },
            1,
            30,
            &[spot(13, "sleep(", "1")],
        ),
        seconds(
            "timeout",
            Text {
                en: "wait's timeout",
                zh: "wait 的超时",
            },
            2,
            30,
            &[spot(24, "timeout=", "2")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture {
    Box::pin(main(k.seconds("f1"), k.seconds("f2"), k.seconds("timeout")))
});
