//! Mistake: a task nobody awaits can fail without anyone noticing.

use crate::runtime::{create_task, sleep, Error, Result};
use crate::{print, tr};

async fn load_config() -> Result<()> {
    print!(py 5, "loading config" | "加载配置");
    sleep(1.0).await?;
    let message = tr!("config file is missing" | "配置文件不存在");
    Err(Error::raised(format!("ValueError: {message}")))
}

/// The lesson: start a task, forget it, and carry on.
pub async fn main() -> Result<()> {
    // The handle is dropped: nobody will await the task or ask for its result.
    let _ = create_task(load_config())?;
    sleep(2.0).await?;
    print!(py 13, "main done, nobody saw the error" | "main 结束了，谁也没看到那个错误");
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Mistake, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "task-error-lost",
    title: Text {
        en: "Mistake 3: a task's error nobody retrieves",
        zh: "错误 3：任务的异常没人接收",
    },
    note: Text {
        en: "load_config fails after a second, but main never awaits its task, so the error has \
             nowhere to go: the run ends \"normally\" and Python only logs \"Task exception was \
             never retrieved\" on the way out. Keep the task and await it (or gather it) so its \
             error reaches you. The lint under the output names the task and its error.",
        zh: "load_config 一秒后出错，但 main 从不 await 这个任务，异常无处可去：程序“正常”结束，\
             Python 只在退出时记录一句 Task exception was never retrieved。保存任务并 await 它（或交给 gather），\
             错误才会传到你手里。输出下方的提示会指出是哪个任务、什么错误。",
    },
    python: Text {
        en: include_str!("task_error_lost.en.py"),
        zh: include_str!("task_error_lost.py"),
    },
    rust_file: super::super::listing!("ch3/task_error_lost.rs"),
    expected: &[
        said(0, "Task-2", "loading config", "加载配置"),
        said(2000, "Task-1", "main done, nobody saw the error", "main 结束了，谁也没看到那个错误"),
    ],
    cpython: Cpython::Runs,
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[Mistake::ErrorLost],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
