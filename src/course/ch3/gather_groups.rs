//! `gather` groups: cancel one group as a whole, and collect errors as results with
//! `return_exceptions`.

use crate::course::py;
use crate::print;
use crate::runtime::{create_task, gather, sleep, Error, Result};

async fn f1() -> Result<&'static str> {
    print!(py 5, "1");
    sleep(3.0).await?;
    print!(py 7, "2");
    Ok("f1")
}

async fn f2() -> Result<&'static str> {
    print!(py 12, "3");
    sleep(3.0).await?;
    print!(py 14, "4");
    Ok("f2")
}

/// The lesson: two groups, the first cancelled before it starts.
pub async fn main() -> Result<()> {
    let group1 = gather([f1(), f1()]);
    let group2 = gather([f2(), f2()]);
    group1.cancel();
    // The outer gather needs one result type, so each group runs as a task of its own and
    // the outer gather collects their outcomes, errors included.
    let all_groups = gather([create_task(group1)?, create_task(group2)?])
        .return_exceptions()
        .await?;
    let shown: Vec<String> = all_groups
        .iter()
        .map(|outcome| match outcome {
            Ok(names) => py::str_list(names),
            Err(Error::Cancelled) => "CancelledError()".to_string(),
            Err(error) => format!("{error:?}"),
        })
        .collect();
    print!(py 24, "[{}]", shown.join(", "));
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "gather-groups",
    title: Text {
        en: "gather groups, cancelled as a whole",
        zh: "gather 分组与整组取消",
    },
    note: Text {
        en: "Each gather is a group; group1.cancel() cancels every task in it, and since they \
             have not started yet, f1 never prints. With return_exceptions=True the outer \
             gather does not raise: the cancelled group's place in the result holds its \
             CancelledError, next to group2's ['f2', 'f2'] after 3 s.",
        zh: "每个 gather 是一组；group1.cancel() 取消组内所有 task，它们还没开始，所以 f1 一行也不打印。\
             return_exceptions=True 时外层 gather 不抛异常：被取消那组的位置上是 CancelledError，\
             旁边是 3 秒后 group2 的 ['f2', 'f2']。",
    },
    python: Text {
        en: include_str!("gather_groups.en.py"),
        zh: include_str!("gather_groups.py"),
    },
    rust_file: super::super::listing!("ch3/gather_groups.rs"),
    expected: &[
        line(0, "Task-4", "3"),
        line(0, "Task-5", "3"),
        line(3000, "Task-4", "4"),
        line(3000, "Task-5", "4"),
        line(3000, "Task-1", "[CancelledError(), ['f2', 'f2']]"),
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
