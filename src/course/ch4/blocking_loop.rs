//! The mistake: a blocking call inside a coroutine stops the whole loop, and timers run late.

use crate::runtime::{create_task, sleep, time_ms, Job, Result};
use crate::{print, tr};

/// `download_img(url)`: a blocking function, written as its steps (see `runtime::worker`).
fn download_img(url: i64) -> Job {
    Job::new(format!("download_img({url})"))
        .print(8, tr!("downloading {url}" | "下载图片: {url}"))
        .block(1.0) // time.sleep(1)
        .print(10, tr!("done {url}" | "下载完成: {url}"))
}

/// Wants to wake every half second, and says how late each wake-up really was.
async fn ticker() -> Result<()> {
    for n in 1..4 {
        let due = time_ms()? + 500;
        sleep(0.5).await?;
        let late = (time_ms()? - due + 50) / 100 * 100; // rounded to 100 ms
        print!(py 19, "tick {n}: about {late} ms late" | "第 {n} 次滴答：晚了约 {late} 毫秒");
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

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Mistake, Needs, Order, Text};
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
        said(0, "Task-1", "downloading 0", "下载图片: 0"),
        said(1000, "Task-1", "done 0", "下载完成: 0"),
        said(1000, "Task-1", "downloading 1", "下载图片: 1"),
        said(2000, "Task-1", "done 1", "下载完成: 1"),
        said(2000, "Task-1", "downloading 2", "下载图片: 2"),
        said(3000, "Task-1", "done 2", "下载完成: 2"),
        said(3000, "Task-1", "downloading 3", "下载图片: 3"),
        said(4000, "Task-1", "done 3", "下载完成: 3"),
        said(4000, "Task-1", "downloading 4", "下载图片: 4"),
        said(5000, "Task-1", "done 4", "下载完成: 4"),
        said(5000, "Task-1", "downloading 5", "下载图片: 5"),
        said(6000, "Task-1", "done 5", "下载完成: 5"),
        said(6000, "Task-1", "downloading 6", "下载图片: 6"),
        said(7000, "Task-1", "done 6", "下载完成: 6"),
        said(7000, "Task-1", "downloading 7", "下载图片: 7"),
        said(8000, "Task-1", "done 7", "下载完成: 7"),
        said(8000, "Task-1", "downloading 8", "下载图片: 8"),
        said(9000, "Task-1", "done 8", "下载完成: 8"),
        said(9000, "Task-1", "downloading 9", "下载图片: 9"),
        said(10000, "Task-1", "done 9", "下载完成: 9"),
        said(10000, "Task-2", "tick 1: about 9500 ms late", "第 1 次滴答：晚了约 9500 毫秒"),
        said(10500, "Task-2", "tick 2: about 0 ms late", "第 2 次滴答：晚了约 0 毫秒"),
        said(11000, "Task-2", "tick 3: about 0 ms late", "第 3 次滴答：晚了约 0 毫秒"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[Mistake::Blocked],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[JOBS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("jobs"))) });
