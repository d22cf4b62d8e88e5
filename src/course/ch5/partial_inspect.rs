//! `functools.partial` as data: its function and arguments can be looked at, which is why the
//! course prefers it to a wrapper function when registering callbacks.

use crate::course::py;
use crate::print;
use crate::runtime::{call_soon, stop, Result};

fn stop_loop() {
    print!(py 8, "Stopping loop");
    let _ = stop(); // loop.stop(); it cannot fail inside a callback
}

/// Python's built-in `print`, for the partial to call.
fn print_builtin(text: &'static str) {
    print!(py 12, "{text}");
}

/// `functools.partial(func, arg)`: the function and its argument kept as data. A closure
/// (`move || print_builtin("Hello World!")`) would be a plain function: nothing to look at.
#[derive(Clone, Copy)]
struct Partial {
    func: fn(&'static str),
    func_repr: &'static str,
    arg: &'static str,
}

impl Partial {
    fn call(self) {
        (self.func)(self.arg)
    }
}

/// The module-level code before `loop.run_forever()`.
pub fn setup() -> Result<()> {
    let say_hello = Partial {
        func: print_builtin,
        func_repr: "<built-in function print>",
        arg: "Hello World!",
    };
    print!(py 13, "{}", say_hello.func_repr); // say_hello.func
    print!(py 14, "({},)", py::str_repr(say_hello.arg)); // say_hello.args, a tuple
    call_soon(move || say_hello.call())?;
    call_soon(stop_loop)?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "partial-inspect",
    title: Text {
        en: "Why partial: its function and arguments are data",
        zh: "为什么用 partial：函数和参数是可以查看的数据",
    },
    note: Text {
        en: "The course's third loop program, and its answer to \"why partial, when a wrapper \
             function would do?\": debugging. A partial object knows the function it will call \
             and with which arguments, as data: .func and .args show them before the loop \
             runs it. A wrapper like hello_world is only code; there is no simple way to look \
             inside it. Then the loop calls both partials in the order they were registered.",
        zh:
            "课程里第三个事件循环程序，也是对“明明可以写一个包装函数，为什么要用 partial？”的回答：\
             便于调试。partial 对象以数据的形式记着要调用哪个函数、用什么参数：.func 和 .args \
             在循环执行它之前就能查看。hello_world 这样的包装函数只是代码，没有简单的办法\
             查看它里面的东西。之后循环按注册的顺序调用这两个 partial。",
    },
    python: Text {
        en: include_str!("partial_inspect.en.py"),
        zh: include_str!("partial_inspect.py"),
    },
    rust_file: super::super::listing!("ch5/partial_inspect.rs"),
    expected: &[
        line(0, "loop", "<built-in function print>"),
        line(0, "loop", "('Hello World!',)"),
        line(0, "loop", "Hello World!"),
        line(0, "loop", "Stopping loop"),
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
