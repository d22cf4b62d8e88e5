//! `asyncio.ensure_future` returns a Task, a kind of Future; the `_GatheringFuture` the
//! course's comment names is what `gather` returns.

use crate::course::py;
use crate::print;
use crate::runtime::{ensure_future, gather, Result};

async fn example() -> Result<String> {
    Ok("example".to_string())
}

/// The lesson: what ensure_future and gather give back.
pub async fn main() -> Result<()> {
    let task = ensure_future(example())?;
    print!(py 10, "{}", py::type_of(&task)); // runtime::Task, the twin of _asyncio.Task
    print!(py 11, "{}", py::bool(py::isfuture(&task)));
    print!(py 12, "{}", task.await?);
    let group = gather([example()]);
    print!(py 14, "{}", py::type_of(&group));
    print!(py 15, "{}", py::str_list(&group.await?));
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "ensure-future-type",
    title: Text {
        en: "What ensure_future returns: a Task, which is a Future",
        zh: "ensure_future 返回什么：Task，也是一种 Future",
    },
    note: Text {
        en: "One of the course's texts creates a Future with ensure_future and comments that \
             type(task) is `_GatheringFuture`. CPython says otherwise: given a coroutine, \
             ensure_future wraps it in a Task (`_asyncio.Task`, the C version of \
             asyncio.Task), and isfuture is True because Task is a subclass of Future. \
             `_GatheringFuture` is the type of what gather returns, shown here too. The \
             text's program also calls ensure_future at module level, with no running loop; \
             here it runs inside main, as it must since Python 3.10.",
        zh: "有一篇课文用 ensure_future 创建 Future，并在注释里说 type(task) 是 `_GatheringFuture`。\
             CPython 的实际输出不同：传入协程时，ensure_future 把它封装成 Task（`_asyncio.Task`，\
             即 asyncio.Task 的 C 实现），isfuture 为 True，因为 Task 是 Future 的子类。\
             `_GatheringFuture` 是 gather 返回值的类型，这里也打印出来。原文还在模块顶层、\
             没有运行中的事件循环时调用 ensure_future；这里放在 main 里运行——Python 3.10 起必须这样。",
    },
    python: Text {
        en: include_str!("ensure_future_type.en.py"),
        zh: include_str!("ensure_future_type.py"),
    },
    rust_file: super::super::listing!("ch2/ensure_future_type.rs"),
    expected: &[
        line(0, "Task-1", "<class '_asyncio.Task'>"),
        line(0, "Task-1", "True"),
        line(0, "Task-1", "example"),
        line(0, "Task-1", "<class 'asyncio.tasks._GatheringFuture'>"),
        line(0, "Task-1", "['example']"),
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
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
