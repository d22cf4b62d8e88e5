//! `pool.submit` ten times with no asyncio at all: each call returns a
//! `concurrent.futures.Future` at once, running if a thread took its job, pending if not.

use crate::course::py::concurrent_future_repr;
use crate::print;
use crate::runtime::{Job, Pool, Result};

/// `func(value)`: sleeps in its thread, then prints its value there.
fn func(value: i64, seconds: f64) -> Job {
    Job::new(format!("func({value})"))
        .block(seconds)
        .print(9, value.to_string())
}

/// The lesson: ten jobs on a pool of `workers`, each future printed as it is returned.
pub async fn main(workers: i64, seconds: f64) -> Result<()> {
    let pool = Pool::new(workers)?;
    for i in 0..10 {
        let fut = pool.submit(func(i, seconds))?;
        print!(py 17, "{}", concurrent_future_repr(&fut));
    }
    // No asyncio: the interpreter waits for the pool's jobs before it exits
    pool.shutdown().await
}

// ---- end of listing ----

use super::super::{
    line, seconds, spot, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order,
    Text, Unit,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "pool-submit",
    title: Text {
        en: "pool.submit ×10: running and pending futures",
        zh: "pool.submit 十次：running 与 pending 的 Future",
    },
    note: Text {
        en: "The course's concurrent.futures program, with no asyncio at all. submit never \
             waits: it returns a concurrent.futures.Future at once. The first five find a \
             free thread and print as running; the next five wait in the pool's queue and \
             print as pending. One second later the five threads print 0 to 4 together, take \
             the queued jobs, and print 5 to 9 a second after that. The text notes that a \
             ProcessPoolExecutor can take the ThreadPoolExecutor's place unchanged; here the \
             workers are Web Workers either way (see the executors lesson). Each address is \
             where that future lives in memory: a different number on every run.",
        zh: "课程里 concurrent.futures 的程序，完全没有 asyncio。submit 从不等待：立刻返回一个 \
             concurrent.futures.Future。前五个找到了空闲线程，打印为 running；后五个在线程池的队列里等，\
             打印为 pending。一秒后五个线程一起打印 0 到 4，接着做排队的任务，再过一秒打印 5 到 9。\
             课程提到可以把 ThreadPoolExecutor 原样换成 ProcessPoolExecutor；这里两种都是 Web Worker\
             （见“三种执行器”一课）。每个地址是那个 future 在内存中的位置：每次运行都不同。",
    },
    python: Text {
        en: include_str!("pool_submit.en.py"),
        zh: include_str!("pool_submit.py"),
    },
    rust_file: super::super::listing!("ch4/pool_submit.rs"),
    expected: &[
        line(0, "Task-1", "<Future at 0x7ff33959d910 state=running>"),
        line(0, "Task-1", "<Future at 0x7ff33929a050 state=running>"),
        line(0, "Task-1", "<Future at 0x7ff33929a390 state=running>"),
        line(0, "Task-1", "<Future at 0x7ff33929a790 state=running>"),
        line(0, "Task-1", "<Future at 0x7ff33929ab90 state=running>"),
        line(0, "Task-1", "<Future at 0x7ff33929af90 state=pending>"),
        line(0, "Task-1", "<Future at 0x7ff33929b210 state=pending>"),
        line(0, "Task-1", "<Future at 0x7ff33929b3d0 state=pending>"),
        line(0, "Task-1", "<Future at 0x7ff33929b590 state=pending>"),
        line(0, "Task-1", "<Future at 0x7ff33929b750 state=pending>"),
        line(1000, "worker-1", "0"),
        line(1000, "worker-2", "1"),
        line(1000, "worker-3", "2"),
        line(1000, "worker-4", "3"),
        line(1000, "worker-5", "4"),
        line(2000, "worker-1", "5"),
        line(2000, "worker-2", "6"),
        line(2000, "worker-3", "7"),
        line(2000, "worker-4", "8"),
        line(2000, "worker-5", "9"),
    ],
    cpython: Cpython::Threads,
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::SameTimeAnyOrder,
    knobs: &[
        Knob {
            id: "workers",
            python: "",
            spots: &[spot(12, "max_workers=", "5")],
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
        },
        seconds(
            "seconds",
            Text {
                en: "func sleeps",
                zh: "func 睡眠",
            },
            1,
            10,
            &[spot(8, "sleep(", "1")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.int("workers"), k.seconds("seconds"))) });
