//! The mistake: a blocking call inside a coroutine stops the whole loop, and timers run late.

use crate::print;
use crate::runtime::{create_task, sleep, time_ms, Job, Result};

/// `download_img(url)`: a blocking function, written as its steps (see `runtime::worker`).
fn download_img(url: i64) -> Job {
    Job::new(format!("download_img({url})"))
        .print(8, format!("downloading {url}"))
        .block(1.0) // time.sleep(1)
        .print(10, format!("done {url}"))
}

/// Wants to wake every half second, and says how late each wake-up really was.
async fn ticker() -> Result<()> {
    for n in 1..4 {
        let due = time_ms()? + 500;
        sleep(0.5).await?;
        let late = (time_ms()? - due + 50) / 100 * 100; // rounded to 100 ms
        print!(py 19, "tick {n}: about {late} ms late");
    }
    Ok(())
}

/// The lesson: the ticker starts, then `main` calls the blocking function `jobs` times.
pub async fn main(jobs: i64) -> Result<()> {
    let tick = create_task(ticker())?;
    sleep(0.0).await?; // let the ticker start
    for i in 0..jobs {
        download_img(i).run_here()?; // the loop can run nothing else meanwhile
    }
    tick.await
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Mistake, Needs, Order, Text};
use super::executor_sequential::JOBS;

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "blocking-loop",
    title: Text {
        en: "Blocking inside a coroutine",
        zh: "在协程里阻塞",
    },
    note: Text {
        en: "The ticker asks to wake after half a second, but main calls a blocking function \
             ten times in a row, and the loop runs one thing at a time: the first tick comes \
             9.5 s late. On the real clock the page itself freezes too (try to scroll). \
             Nothing is faster than the plain loop of the previous lesson.",
        zh: "ticker 想在 0.5 秒后醒来，可 main 连着调用了十次阻塞函数，而事件循环一次只能运行一件事：\
             第一次 tick 晚了 9.5 秒。用真实时钟运行时，整个页面也会卡住（试试滚动）。\
             和上一课的普通循环相比，一点也没有变快。",
    },
    python: Text {
        en: include_str!("blocking_loop.en.py"),
        zh: include_str!("blocking_loop.py"),
    },
    rust_file: super::super::listing!("ch4/blocking_loop.rs"),
    expected: &[
        line(0, "Task-1", "downloading 0"),
        line(1000, "Task-1", "done 0"),
        line(1000, "Task-1", "downloading 1"),
        line(2000, "Task-1", "done 1"),
        line(2000, "Task-1", "downloading 2"),
        line(3000, "Task-1", "done 2"),
        line(3000, "Task-1", "downloading 3"),
        line(4000, "Task-1", "done 3"),
        line(4000, "Task-1", "downloading 4"),
        line(5000, "Task-1", "done 4"),
        line(5000, "Task-1", "downloading 5"),
        line(6000, "Task-1", "done 5"),
        line(6000, "Task-1", "downloading 6"),
        line(7000, "Task-1", "done 6"),
        line(7000, "Task-1", "downloading 7"),
        line(8000, "Task-1", "done 7"),
        line(8000, "Task-1", "downloading 8"),
        line(9000, "Task-1", "done 8"),
        line(9000, "Task-1", "downloading 9"),
        line(10000, "Task-1", "done 9"),
        line(10000, "Task-2", "tick 1: about 9500 ms late"),
        line(10500, "Task-2", "tick 2: about 0 ms late"),
        line(11000, "Task-2", "tick 3: about 0 ms late"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[Mistake::Blocked],
    console: None,
    order: Order::Exact,
    knobs: &[JOBS],
    entry: Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("jobs"))) }),
};
