//! Blocking calls one after another: ten one-second jobs take ten seconds.

use crate::runtime::{time_ms, Job, Result};
use crate::{print, tr};

/// `download_img(url)`: a blocking function, written as its steps (see `runtime::worker`).
fn download_img(url: i64) -> Job {
    Job::new(format!("download_img({url})"))
        .print(8, tr!("downloading {url}" | "下载图片: {url}"))
        .block(1.0) // time.sleep(1): the thread can do nothing else
        .print(10, tr!("done {url}" | "下载完成: {url}"))
}

/// The lesson: call it `jobs` times, each call blocking until it returns.
pub fn main(jobs: i64) -> Result<()> {
    let start = time_ms()?;
    for i in 0..jobs {
        download_img(i).run_here()?;
    }
    let took = (time_ms()? - start + 500) / 1000;
    print!(py 16, "{jobs} jobs took about {took} s" | "{jobs} 个任务用了约 {took} 秒");
    Ok(())
}

// ---- end of listing ----

use super::super::{
    said, Cpython, Ends, Entry, Knob, KnobKind, Lesson, Mistake, Needs, Order, Text, Unit,
};

/// The number of jobs, shared by the executor lessons.
pub const JOBS: Knob = Knob {
    id: "jobs",
    python: "JOBS",
    spots: &[],
    label: Text {
        en: "blocking jobs",
        zh: "阻塞任务数",
    },
    kind: KnobKind::Int {
        default: 10,
        min: 1,
        max: 20,
        unit: Unit::Count,
    },
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "executor-sequential",
    title: Text {
        en: "Blocking jobs one after another",
        zh: "阻塞任务一个接一个",
    },
    note: Text {
        en: "Before any pool: ten calls of a function that blocks for a second, in a plain \
             loop. Nothing overlaps, so it takes ten seconds. This is the baseline the next \
             two lessons beat (with workers) and fail to beat (blocking inside a coroutine).",
        zh: "还没有线程池：在普通循环里调用十次会阻塞 1 秒的函数。没有任何重叠，\
             所以要 10 秒。后面两课用线程池打败它，或者在协程里阻塞而打不败它。",
    },
    python: Text {
        en: include_str!("executor_sequential.en.py"),
        zh: include_str!("executor_sequential.py"),
    },
    rust_file: super::super::listing!("ch4/executor_sequential.rs"),
    expected: &[
        said(0, "loop", "downloading 0", "下载图片: 0"),
        said(1000, "loop", "done 0", "下载完成: 0"),
        said(1000, "loop", "downloading 1", "下载图片: 1"),
        said(2000, "loop", "done 1", "下载完成: 1"),
        said(2000, "loop", "downloading 2", "下载图片: 2"),
        said(3000, "loop", "done 2", "下载完成: 2"),
        said(3000, "loop", "downloading 3", "下载图片: 3"),
        said(4000, "loop", "done 3", "下载完成: 3"),
        said(4000, "loop", "downloading 4", "下载图片: 4"),
        said(5000, "loop", "done 4", "下载完成: 4"),
        said(5000, "loop", "downloading 5", "下载图片: 5"),
        said(6000, "loop", "done 5", "下载完成: 5"),
        said(6000, "loop", "downloading 6", "下载图片: 6"),
        said(7000, "loop", "done 6", "下载完成: 6"),
        said(7000, "loop", "downloading 7", "下载图片: 7"),
        said(8000, "loop", "done 7", "下载完成: 7"),
        said(8000, "loop", "downloading 8", "下载图片: 8"),
        said(9000, "loop", "done 8", "下载完成: 8"),
        said(9000, "loop", "downloading 9", "下载图片: 9"),
        said(10000, "loop", "done 9", "下载完成: 9"),
        said(
            10000,
            "loop",
            "10 jobs took about 10 s",
            "10 个任务用了约 10 秒",
        ),
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
pub const ENTRY: Entry = Entry::Script(|k| main(k.int("jobs")));
