//! The course's `call_later` program as written: it prints the `TimerHandle`s that
//! `call_later` returns, and a third handle, cancelled, that never fires.

use crate::course::py::{loop_repr, partial_call, timer_handle_repr};
use crate::print;
use crate::runtime::{call_later, stop, Result};

fn hello_world() {
    print!(py 8, "Hello World!");
}

fn stop_loop() {
    print!(py 12, "Stopping loop");
    let _ = stop(); // loop.stop(); it cannot fail inside a callback
}

/// The module-level code before `loop.run_forever()`; the delays are the knobs'.
pub fn setup(hello_after: f64, stop_after: f64, cancelled_after: f64) -> Result<()> {
    let hello = call_later(hello_after, hello_world)?;
    print!(py 16, "{}", timer_handle_repr(&hello, "hello_world()", 7));
    // functools.partial(stop_loop, loop): the closure reaches the loop itself
    let stopping = call_later(stop_after, stop_loop)?;
    let call = partial_call("stop_loop", &[&loop_repr()]);
    print!(py 17, "{}", timer_handle_repr(&stopping, &call, 11));
    let handle = call_later(cancelled_after, hello_world)?;
    handle.cancel(); // cancelled: this callback never runs
    print!(py 20, "{}", timer_handle_repr(&handle, "hello_world()", 7));
    Ok(())
}

// ---- end of listing ----

use super::super::{line, seconds, spot, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "call-later-handles",
    title: Text {
        en: "call_later's TimerHandles, and a cancel()",
        zh: "call_later 返回的 TimerHandle，以及 cancel()",
    },
    note: Text {
        en: "The course's call_later program, printing what call_later returns: a TimerHandle. \
             Its when= is loop.time() plus the delay, the moment the loop will call it. \
             CPython's loop.time() is the machine's monotonic clock (a different number on \
             every run); this run's clock starts at 0, so when= reads as the delay itself. A \
             partial prints as the function with its bound argument, the loop, shortened \
             the way reprlib shortens it. The third handle is cancelled at once: it prints as \
             cancelled and never runs. The loop here is the browser's; its repr is the one \
             CPython prints for its default loop on Linux.",
        zh: "课程里 call_later 的程序，打印 call_later 返回的对象：TimerHandle。它的 when= 是 \
             loop.time() 加上延时，也就是事件循环调用它的时刻。CPython 的 loop.time() 是机器的单调时钟\
             （每次运行数值都不同）；这里的时钟从 0 开始，所以 when= 读出来就是延时本身。偏函数打印为函数加上\
             它绑定的参数（事件循环），并像 reprlib 那样截短。第三个句柄立刻被取消：它打印为 cancelled，\
             永远不会执行。这里的事件循环是浏览器的；它的 repr 沿用 CPython 在 Linux 上默认事件循环的写法。",
    },
    python: Text {
        en: include_str!("call_later_handles.en.py"),
        zh: include_str!("call_later_handles.py"),
    },
    rust_file: super::super::listing!("ch5/call_later_handles.rs"),
    expected: &[
        line(0, "loop", "<TimerHandle when=10.0 hello_world() at main.py:7>"),
        line(
            0,
            "loop",
            "<TimerHandle when=20.0 stop_loop(<_UnixSelecto...e debug=False>)() at main.py:11>",
        ),
        line(0, "loop", "<TimerHandle cancelled when=15.0>"),
        line(10_000, "loop", "Hello World!"),
        line(20_000, "loop", "Stopping loop"),
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
            "hello",
            Text {
                en: "hello_world after",
                zh: "hello_world 延时",
            },
            10,
            60,
            &[spot(16, "call_later(", "10")],
        ),
        seconds(
            "stop",
            Text {
                en: "stop_loop after",
                zh: "stop_loop 延时",
            },
            20,
            60,
            &[spot(17, "call_later(", "20")],
        ),
        seconds(
            "cancelled",
            Text {
                en: "cancelled one after",
                zh: "被取消的延时",
            },
            15,
            60,
            &[spot(18, "call_later(", "15")],
        ),
    ],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Forever(|k| {
    setup(
        k.seconds("hello"),
        k.seconds("stop"),
        k.seconds("cancelled"),
    )
});
