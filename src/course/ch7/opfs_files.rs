//! Async files: write, seek and read back a real file in the page's private file system.

use crate::print;
use crate::runtime::storage::async_open;
use crate::runtime::Result;

/// The lesson: aiofile's `async_open`, on the Origin Private File System.
pub async fn main() -> Result<()> {
    let afp = async_open("test.txt", "w+").await?;
    afp.write("Hello ").await?;
    afp.write("world").await?;
    afp.seek(0);
    print!(py 12, "{}", afp.read().await?);

    afp.write("\nHello from\nasync world").await?;
    afp.seek(0);
    for _ in 0..3 {
        let line = afp.readline().await?;
        print!(py 17, "{}", line.trim_end()); // one line at a time
    }
    afp.remove().await // leave nothing behind
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "opfs-files",
    title: Text {
        en: "Async files (Origin Private File System)",
        zh: "异步文件（源私有文件系统）",
    },
    note: Text {
        en: "The course uses aiofile on a server's disk; a page has its own disk instead, the \
             Origin Private File System, private to this site. Every write and read here is a \
             real asynchronous call that the loop waits on (see the timeline), and the file \
             really holds the text in between. The lesson deletes its file at the end.",
        zh: "课程里用 aiofile 读写服务器的磁盘；网页有它自己的磁盘——源私有文件系统（OPFS），\
             只属于这个网站。这里每一次写和读都是真实的异步调用，事件循环在等待它们（看时间线），\
             文件在两次操作之间真的保存着内容。最后，这一课会删除自己的文件。",
    },
    python: Text {
        en: include_str!("opfs_files.en.py"),
        zh: include_str!("opfs_files.py"),
    },
    rust_file: super::super::listing!("ch7/opfs_files.rs"),
    expected: &[
        line(0, "Task-1", "Hello world"),
        line(0, "Task-1", "Hello world"),
        line(0, "Task-1", "Hello from"),
        line(0, "Task-1", "async world"),
    ],
    cpython: Cpython::Needs(&["aiofile"]),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
