//! greenlet: the programmer switches between coroutines by hand.

use std::cell::RefCell;
use std::rc::Rc;

use crate::print;
use crate::runtime::{create_task_named, Future, Result};

/// A greenlet: a coroutine that runs only while someone has switched to it.
#[derive(Clone)]
struct Greenlet {
    /// Resolved when someone switches to this greenlet; replaced each time it parks again.
    baton: Rc<RefCell<Future<()>>>,
}

impl Greenlet {
    fn new() -> Result<Self> {
        Ok(Greenlet {
            baton: Rc::new(RefCell::new(Future::new()?)),
        })
    }

    /// Lets this greenlet run (the other half of `switch`).
    fn resume(&self) -> Result<()> {
        self.baton.borrow().set_result(())
    }

    /// Waits until someone switches here.
    async fn parked(&self) -> Result<()> {
        let baton = self.baton.borrow().clone();
        baton.await?;
        *self.baton.borrow_mut() = Future::new()?;
        Ok(())
    }

    /// `other.switch()`: hand control to `other`, and wait until someone switches back.
    async fn switch_to(&self, other: &Greenlet) -> Result<()> {
        other.resume()?;
        self.parked().await
    }
}

async fn f1(me: Greenlet, gr2: Greenlet) -> Result<()> {
    me.parked().await?;
    print!(py 5, "1");
    me.switch_to(&gr2).await?;
    print!(py 7, "2");
    me.switch_to(&gr2).await?;
    Ok(())
}

async fn f2(me: Greenlet, gr1: Greenlet) -> Result<()> {
    me.parked().await?;
    print!(py 12, "3");
    me.switch_to(&gr1).await?;
    print!(py 14, "4");
    Ok(())
}

/// The lesson: two greenlets that hand control to each other explicitly.
pub async fn main() -> Result<()> {
    let (gr1, gr2) = (Greenlet::new()?, Greenlet::new()?);
    // Each greenlet's task is named after its function.
    let _g1 = create_task_named(f1(gr1.clone(), gr2.clone()), "f1")?;
    let g2 = create_task_named(f2(gr2.clone(), gr1.clone()), "f2")?;
    gr1.resume()?; // gr1.switch() from the main greenlet
                   // When f2 returns, control goes back to main and the program ends; f1 is left parked
                   // at its second switch, as in Python, and is cancelled when the run ends.
    g2.await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "greenlet-switch",
    title: Text {
        en: "greenlet: switching by hand",
        zh: "greenlet：手动切换",
    },
    note: Text {
        en: "Each switch() hands control to the other greenlet and parks the caller where it \
             stands; switching back resumes it there. Output 1 3 2 4. Nobody switches back to \
             f1 after its second switch, so it never finishes: here it is cancelled when the \
             run ends. In Rust, a switch is a one-shot Future resolved for the other side.",
        zh: "每次 switch() 都把控制权交给另一个 greenlet，自己停在原地；切回来时从那里继续。\
             输出 1 3 2 4。f1 第二次切走后再没人切回来，它永远不会结束：这里在运行结束时被取消。\
             Rust 里，一次切换就是给对方的一次性 Future 设置结果。",
    },
    python: Text {
        en: include_str!("greenlet_switch.en.py"),
        zh: include_str!("greenlet_switch.py"),
    },
    rust_file: super::super::listing!("ch1/greenlet_switch.rs"),
    expected: &[
        line(0, "f1", "1"),
        line(0, "f2", "3"),
        line(0, "f1", "2"),
        line(0, "f2", "4"),
    ],
    cpython: Cpython::Needs(&["greenlet"]),
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
