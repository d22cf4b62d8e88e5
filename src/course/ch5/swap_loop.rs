//! The same tasks on two loop implementations, chosen the way `asyncio.set_event_loop_policy`
//! chooses one: the code does not change, the loop under it does, and so does the time.

use crate::print;
use crate::runtime::{gather, host, set_event_loop_policy, sleep, LoopKind, Result};

const N: i64 = 200;

async fn job(n: i64) -> Result<i64> {
    sleep(0.0).await?; // yields once: back to the loop
    Ok(n)
}

/// `time.perf_counter()`: the machine's clock in ms, not the loop's (which a virtual clock
/// holds still while no timer is due).
fn perf_counter_ms() -> f64 {
    host::now_ms()
}

/// One `asyncio.run(main())`: every job at once; the sum of their results, and how long.
async fn run_jobs() -> Result<(i64, f64)> {
    let start = perf_counter_ms();
    let results = gather((0..N).map(job)).await?;
    let took = perf_counter_ms() - start;
    Ok((results.iter().sum(), took))
}

/// The lesson: the jobs on the runtime's own loop, then on the setTimeout loop.
pub async fn main() -> Result<()> {
    for (name, policy) in [
        ("asyncio", LoopKind::Asyncio),
        ("setTimeout", LoopKind::SetTimeout),
    ] {
        set_event_loop_policy(policy)?; // another loop, not a line of the code changed
        let (total, took) = run_jobs().await?;
        let took = format!("{took:.1}");
        print!(py 25, "{name}: {N} tasks, sum {total}, in {took} ms" | "{name}：{N} 个任务，和为 {total}，用时 {took} 毫秒");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "swap-loop",
    title: Text {
        en: "Swapping the loop: uvloop",
        zh: "换掉事件循环：uvloop",
    },
    note: Text {
        en: "asyncio.set_event_loop_policy chooses the loop the next asyncio.run makes, and \
             the program does not change a line. The texts swap in uvloop, a loop written in C \
             on libuv, which the texts call at least twice as fast; on 200 tasks this small the \
             gain is small (the CPython check runs this listing with uvloop from PyPI: 2.2 ms \
             against asyncio's 2.4 ms on this machine). A page has no uvloop; its second loop is the \
             one the simplest browser ports of asyncio use, Pyodide's WebLoop among them: every \
             ready callback waits for a setTimeout(0) of its own. The browser runs timeouts one \
             macrotask each and clamps nested ones to 4 ms, so here the swap makes the same \
             tasks slower, not faster: the point is the same, the loop decides how fast the \
             same code runs. The loop internals panel says which loop runs, and the Trace, \
             the timeline and Stop work on both. The times are this machine's, so the expected \
             output shows them as …; the results (sum 19900) are the same on both loops.",
        zh: "asyncio.set_event_loop_policy 决定下一次 asyncio.run 创建哪种事件循环，程序一行都\
             不用改。课文换上的是 uvloop：用 C 在 libuv 上写的事件循环，课文说它至少快一倍；\
             这么小的 200 个任务，快得不多（CPython 检查用 PyPI 上的 uvloop 运行这段程序：在这台机器上 \
             2.2 毫秒，asyncio 是 2.4 毫秒）。网页里没有 uvloop；这里的第二种\
             事件循环是最简单的浏览器版 asyncio（包括 Pyodide 的 WebLoop）所用的那种：每个就绪的\
             回调各等一次 setTimeout(0)。浏览器每个 timeout 作为一个宏任务运行，嵌套的还要至少等 \
             4 毫秒，所以这里换了循环反而更慢：道理是一样的，同样的代码跑多快由事件循环决定。\
             “事件循环内部”面板会显示正在用哪种循环，Trace、时间线和停止在两种循环上都照常工作。\
             用时是这台机器的，所以预期输出里写成 …；两种循环的结果（和为 19900）相同。",
    },
    python: Text {
        en: include_str!("swap_loop.en.py"),
        zh: include_str!("swap_loop.py"),
    },
    rust_file: super::super::listing!("ch5/swap_loop.rs"),
    expected: &[
        said(
            0,
            "Task-1",
            "asyncio: 200 tasks, sum 19900, in … ms",
            "asyncio：200 个任务，和为 19900，用时 … 毫秒",
        ),
        said(
            0,
            "Task-1",
            "setTimeout: 200 tasks, sum 19900, in … ms",
            "setTimeout：200 个任务，和为 19900，用时 … 毫秒",
        ),
    ],
    cpython: Cpython::SwapsLoop(&["uvloop"]),
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
