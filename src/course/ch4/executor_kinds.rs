//! `run_in_executor` on the three executors the course lists: the default thread pool, a
//! thread pool of our own, and a process pool.

use crate::print;
use crate::runtime::{cpu_count, run_in_executor, Job, Pool, Result};

/// `func1()`: blocks its thread (or process), then returns "SB".
fn func1(seconds: f64) -> Job {
    Job::new("func1()").block(seconds).returns("SB")
}

/// The lesson: the same blocking function on each executor in turn.
pub async fn main(seconds: f64) -> Result<()> {
    // 1. the default thread pool
    let result = run_in_executor(None, func1(seconds)).await?;
    print!(py 16, "default thread pool {result}");

    // 2. ThreadPoolExecutor(): min(32, os.cpu_count() + 4) threads
    let pool = Pool::new((cpu_count() + 4).min(32))?;
    let result = run_in_executor(Some(&pool), func1(seconds)).await?;
    print!(py 21, "custom thread pool {result}");
    pool.shutdown().await?; // leaving `with`

    // 3. ProcessPoolExecutor(): os.cpu_count() processes
    let pool = Pool::new(cpu_count())?;
    let result = run_in_executor(Some(&pool), func1(seconds)).await?;
    print!(py 26, "custom process pool {result}");
    pool.shutdown().await // leaving `with`
}

// ---- end of listing ----

use super::super::{
    line, seconds, spot, Cpython, Ends, Entry, Knob, Lesson, LessonFuture, Needs, Order, Text,
};

/// How long `func1` blocks; `time.sleep(2)` is line 7 of this lesson's and `wrap-future`'s
/// listings.
pub const FUNC1_BLOCKS: Knob = seconds(
    "seconds",
    Text {
        en: "func1 blocks",
        zh: "func1 阻塞",
    },
    2,
    10,
    &[spot(7, "sleep(", "2")],
);

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "executor-kinds",
    title: Text {
        en: "Three executors: default, thread pool, process pool",
        zh: "三种执行器：默认线程池、线程池、进程池",
    },
    note: Text {
        en: "The course's run_in_executor example with all three executors it lists. Each \
             run_in_executor hands func1 to its pool and awaits the value, so the three lines \
             come two seconds apart. A process pool runs func1 in another Python process: it \
             has its own memory, and the function and its result cross as pickled messages. A \
             Web Worker is like that already (its own memory, structured-clone messages), so \
             here both pools are pools of Web Workers; what a real process adds is a whole \
             interpreter per worker (tens of ms to start, megabytes each) and CPU work that \
             runs truly in parallel, which Python's threads cannot do under the GIL.",
        zh: "课程里 run_in_executor 的例子，把它列出的三种执行器都用上。每次 run_in_executor 把 func1 \
             交给对应的池并等待返回值，所以三行相隔两秒打印。进程池在另一个 Python 进程里运行 func1：\
             它有自己的内存，函数和结果经过 pickle 序列化后以消息传递。Web Worker 本来就是这样\
             （独立的内存、结构化克隆的消息），所以这里两种池都是 Web Worker 池；真正的进程多出来的是：\
             每个进程一个完整的解释器（启动要几十毫秒、占几 MB 内存），以及真正并行的 CPU 计算，\
             这是受 GIL 限制的 Python 线程做不到的。",
    },
    python: Text {
        en: include_str!("executor_kinds.en.py"),
        zh: include_str!("executor_kinds.py"),
    },
    rust_file: super::super::listing!("ch4/executor_kinds.rs"),
    expected: &[
        line(2000, "Task-1", "default thread pool SB"),
        line(4000, "Task-1", "custom thread pool SB"),
        line(6000, "Task-1", "custom process pool SB"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[FUNC1_BLOCKS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("seconds"))) });
