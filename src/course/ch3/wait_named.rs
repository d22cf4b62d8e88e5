//! `asyncio.wait` on two named tasks with `timeout=None`, printing the `done` and `pending`
//! sets as CPython prints them.

use crate::course::py::{task_set, Def};
use crate::runtime::{create_task_named, sleep, wait, Result, ReturnWhen};
use crate::{print, tr};

/// `func`, as the tasks' reprs name it: its `async def` is line 4 of the Python listing.
const FUNC: Def = Def {
    name: "func",
    line: 4,
};

async fn func(delay: f64) -> Result<String> {
    print!(py 5, "1");
    sleep(delay).await?;
    print!(py 7, "2");
    Ok(tr!("return value" | "返回值"))
}

/// The lesson: two named tasks, waited for with no timeout, then both sets printed.
pub async fn main(delay: f64) -> Result<()> {
    print!(py 12, "main start" | "main开始");
    let task_list = vec![
        create_task_named(func(delay), "n1")?,
        create_task_named(func(delay), "n2")?,
    ];
    print!(py 18, "main end" | "main结束");
    // timeout=None: wait until all are done
    let (done, pending) = wait(task_list, None, ReturnWhen::AllCompleted).await?;
    print!(py 21, "{} {}", task_set(&done, FUNC), task_set(&pending, FUNC));
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};
use super::create_task_values::FUNC_SLEEPS;

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "wait-named",
    title: Text {
        en: "asyncio.wait: the done and pending sets",
        zh: "asyncio.wait：done 与 pending 两个集合",
    },
    note: Text {
        en: "The course's asyncio.wait example, printing what wait returns. Each task has a \
             name (n1, n2), and a task prints as its state, name, coroutine and result. With \
             timeout=None wait returns only when every task is done, so done holds both and \
             pending is an empty set(). CPython orders a set of tasks by hash (their address), \
             so the two may print in either order, and it prints the full path of the file \
             where the coroutine is defined; the page calls the listing main.py, and the check \
             reads any order and any path to it as the same.",
        zh: "课程里 asyncio.wait 的例子，打印 wait 返回的东西。每个 task 有名字（n1、n2），\
             打印一个 task 会显示它的状态、名字、协程和结果。timeout=None 时，wait 要等全部完成才返回，\
             所以 done 里是两个 task，pending 是空集合 set()。CPython 按哈希值（即地址）排列一组 task，\
             两个的先后每次可能不同；它还会打印定义协程的文件的完整路径。页面把代码文件叫 main.py，\
             检查时任何顺序、任何指向它的路径都算相同。",
    },
    python: Text {
        en: include_str!("wait_named.en.py"),
        zh: include_str!("wait_named.py"),
    },
    rust_file: super::super::listing!("ch3/wait_named.rs"),
    expected: &[
        said(0, "Task-1", "main start", "main开始"),
        said(0, "Task-1", "main end", "main结束"),
        line(0, "n1", "1"),
        line(0, "n2", "1"),
        line(2000, "n1", "2"),
        line(2000, "n2", "2"),
        said(
            2000,
            "Task-1",
            "{<Task finished name='n1' coro=<func() done, defined at main.py:4> \
             result='return value'>, <Task finished name='n2' coro=<func() done, defined at \
             main.py:4> result='return value'>} set()",
            "{<Task finished name='n1' coro=<func() done, defined at main.py:4> \
             result='返回值'>, <Task finished name='n2' coro=<func() done, defined at \
             main.py:4> result='返回值'>} set()",
        ),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[FUNC_SLEEPS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.seconds("delay"))) });
