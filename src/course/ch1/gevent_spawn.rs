//! gevent: coroutines that switch by themselves whenever they wait for I/O.

use crate::print;
use crate::runtime::{create_task_named, gather, sleep, Result};

async fn f1() -> Result<()> {
    print!(py 5, "1");
    sleep(2.0).await?;
    print!(py 7, "2");
    Ok(())
}

async fn f2() -> Result<()> {
    print!(py 11, "3");
    sleep(2.0).await?;
    print!(py 13, "4");
    Ok(())
}

/// The lesson: spawn two greenlets and join them both.
pub async fn main() -> Result<()> {
    // gevent.spawn(f1): gevent names its greenlets Greenlet-0, Greenlet-1, …
    let g1 = create_task_named(f1(), "Greenlet-0")?;
    let g2 = create_task_named(f2(), "Greenlet-1")?;
    gather([g1, g2]).await?; // gevent.joinall([g1, g2])
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "gevent-spawn",
    title: Text {
        en: "gevent: switching on I/O",
        zh: "gevent：遇到 IO 自动切换",
    },
    note: Text {
        en: "gevent.sleep is a wait the loop knows about, so while f1 sleeps, f2 runs: 1 3, then \
             both sleeps end together after 2 s and print 2 4. The whole program takes 2 s, not 4.",
        zh: "gevent.sleep 是事件循环看得见的等待，f1 睡着时 f2 就开始运行：先 1 3，\
             2 秒后两个睡眠一起结束，打印 2 4。整个程序用 2 秒，而不是 4 秒。",
    },
    python: Text {
        en: include_str!("gevent_spawn.en.py"),
        zh: include_str!("gevent_spawn.py"),
    },
    rust_file: super::super::listing!("ch1/gevent_spawn.rs"),
    expected: &[
        line(0, "Greenlet-0", "1"),
        line(0, "Greenlet-1", "3"),
        line(2000, "Greenlet-0", "2"),
        line(2000, "Greenlet-1", "4"),
    ],
    cpython: Cpython::Needs(&["gevent"]),
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
