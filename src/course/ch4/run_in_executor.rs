//! `run_in_executor`: blocking jobs on a pool of Web Workers, while the loop stays free.

use crate::runtime::{create_task, sleep, time_ms, wrap_future, Job, Pool, Result};
use crate::{print, tr};

/// `download_img(url)`: blocks its thread for a second (see `runtime::worker`).
fn download_img(url: i64) -> Job {
    Job::new(format!("download_img({url})"))
        .print(10, tr!("downloading {url}" | "下载图片: {url}"))
        .block(1.0) // time.sleep(1), on a worker thread
        .print(12, tr!("done {url}" | "下载完成: {url}"))
}

/// Wants to wake every half second, and says how late each wake-up really was.
async fn ticker() -> Result<()> {
    for n in 1..4 {
        let due = time_ms()? + 500;
        sleep(0.5).await?;
        let late = (time_ms()? - due + 50) / 100 * 100; // rounded to 100 ms
        print!(py 21, "tick {n}: about {late} ms late" | "第 {n} 次滴答：晚了约 {late} 毫秒");
    }
    Ok(())
}

/// The lesson: `jobs` blocking jobs on a pool of `workers` Web Workers.
pub async fn main(workers: i64, jobs: i64) -> Result<()> {
    let start = time_ms()?;
    let tick = create_task(ticker())?;
    let pool = Pool::new(workers)?;
    let mut pending = Vec::new();
    for i in 0..jobs {
        // loop.run_in_executor(pool, ...) is wrap_future(pool.submit(...))
        pending.push(wrap_future(&pool.submit(download_img(i))?)?);
    }
    for job in pending {
        job.await?; // asyncio.wait(jobs): until every job is done
    }
    pool.shutdown().await?;
    tick.await?;
    let took = (time_ms()? - start + 500) / 1000;
    print!(py 32, "{jobs} jobs took about {took} s" | "{jobs} 个任务用了约 {took} 秒");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    said, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text, Unit,
};
use super::executor_sequential::JOBS;

/// The pool size, shared by the executor lessons.
pub const WORKERS: Knob = Knob {
    id: "workers",
    python: "MAX_WORKERS",
    spots: &[],
    label: Text {
        en: "workers in the pool",
        zh: "线程池大小",
    },
    kind: KnobKind::Int {
        default: 5,
        min: 1,
        max: crate::runtime::worker::MAX_WORKERS as i64,
        unit: Unit::Count,
    },
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "run-in-executor",
    title: Text {
        en: "run_in_executor on a pool of workers",
        zh: "run_in_executor 与线程池",
    },
    note: Text {
        en: "The same ten one-second jobs, now on five Web Workers (the browser's real \
             threads): five run at once, so they take about 2 s instead of 10, and the loop \
             stays free — the ticker wakes on time. Which worker prints first is up to the \
             threads, so lines at the same moment may come in any order.",
        zh: "还是那十个 1 秒的阻塞任务，这次交给 5 个 Web Worker（浏览器真正的线程）：\
             五个同时运行，所以大约 2 秒而不是 10 秒，事件循环也一直空闲——ticker 准时醒来。\
             哪个线程先打印由线程自己决定，同一时刻的几行顺序可能不同。",
    },
    python: Text {
        en: include_str!("run_in_executor.en.py"),
        zh: include_str!("run_in_executor.py"),
    },
    rust_file: super::super::listing!("ch4/run_in_executor.rs"),
    expected: &[
        said(0, "worker-1", "downloading 0", "下载图片: 0"),
        said(0, "worker-2", "downloading 1", "下载图片: 1"),
        said(0, "worker-3", "downloading 2", "下载图片: 2"),
        said(0, "worker-4", "downloading 3", "下载图片: 3"),
        said(0, "worker-5", "downloading 4", "下载图片: 4"),
        said(
            500,
            "Task-2",
            "tick 1: about 0 ms late",
            "第 1 次滴答：晚了约 0 毫秒",
        ),
        said(1000, "worker-1", "done 0", "下载完成: 0"),
        said(1000, "worker-1", "downloading 5", "下载图片: 5"),
        said(1000, "worker-2", "done 1", "下载完成: 1"),
        said(1000, "worker-2", "downloading 6", "下载图片: 6"),
        said(1000, "worker-3", "done 2", "下载完成: 2"),
        said(1000, "worker-3", "downloading 7", "下载图片: 7"),
        said(1000, "worker-4", "done 3", "下载完成: 3"),
        said(1000, "worker-4", "downloading 8", "下载图片: 8"),
        said(1000, "worker-5", "done 4", "下载完成: 4"),
        said(1000, "worker-5", "downloading 9", "下载图片: 9"),
        said(
            1000,
            "Task-2",
            "tick 2: about 0 ms late",
            "第 2 次滴答：晚了约 0 毫秒",
        ),
        said(
            1500,
            "Task-2",
            "tick 3: about 0 ms late",
            "第 3 次滴答：晚了约 0 毫秒",
        ),
        said(2000, "worker-1", "done 5", "下载完成: 5"),
        said(2000, "worker-2", "done 6", "下载完成: 6"),
        said(2000, "worker-3", "done 7", "下载完成: 7"),
        said(2000, "worker-4", "done 8", "下载完成: 8"),
        said(2000, "worker-5", "done 9", "下载完成: 9"),
        said(
            2000,
            "Task-1",
            "10 jobs took about 2 s",
            "10 个任务用了约 2 秒",
        ),
    ],
    cpython: Cpython::Threads,
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::SameTimeAnyOrder,
    knobs: &[WORKERS, JOBS],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("workers"), k.int("jobs"))) });
