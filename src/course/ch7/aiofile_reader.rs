//! aiofile's `Writer` and `Reader(afp, chunk_size=8)` on a file of the page's private file
//! system: the writer appends piece after piece, the reader reads eight characters a time.

use crate::print;
use crate::runtime::aiofile::{Reader, Writer};
use crate::runtime::storage::async_open;
use crate::runtime::Result;

/// The lesson: write three pieces, then read the file back in chunks of eight.
pub async fn main() -> Result<()> {
    let afp = async_open("text.txt", "w+").await?; // AIOFile("text.txt", 'w+')
    let mut writer = Writer::new(&afp);
    let mut reader = Reader::new(&afp, 8);

    writer.write("Hello").await?;
    writer.write(" ").await?;
    writer.write("World").await?;
    afp.fsync().await?;

    while let Some(chunk) = reader.next().await? {
        print!(py 18, "{chunk}"); // the text reads after async with: the file is closed, ValueError
    }
    afp.remove().await // leave nothing behind
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "aiofile-reader",
    title: Text {
        en: "aiofile: Writer and Reader(chunk_size=8)",
        zh: "aiofile：Writer 与 Reader(chunk_size=8)",
    },
    note: Text {
        en: "Writer and Reader read and write a file linearly, each keeping its own offset: \
             the reader, made before any write, starts at the beginning and reads eight \
             characters a time, so \"Hello World\" comes back as \"Hello Wo\" and \"rld\", and \
             async for stops at the end of the file. Every write, the fsync and every chunk is \
             a real asynchronous call the loop waits on (the I/O panel lists them). The text \
             iterates the reader after the async with block, when the file is already closed: \
             current aiofile raises ValueError: I/O operation on closed file, so the loop is \
             inside the block here. The course's disk is the page's Origin Private File \
             System; there a write is committed when it returns, so fsync has nothing left to \
             flush and asks the file's committed size.",
        zh:
            "Writer 和 Reader 线性地写和读一个文件，各自记着自己的偏移量：reader 在写之前就创建了，\
             它从文件开头开始，每次读 8 个字符，所以 \"Hello World\" 读回来是 \"Hello Wo\" 和 \
             \"rld\"，到文件末尾 async for 就结束。每一次写、fsync 和每一块的读取都是事件循环等待\
             的真实异步调用（外部 I/O 面板里列着它们）。课文在 async with 块外面遍历 reader，那时\
             文件已经关闭：现在的 aiofile 会抛出 ValueError: I/O operation on closed file，所以这里\
             把循环放在块里面。课程里的磁盘在网页中是源私有文件系统（OPFS）；在那里写操作返回时\
             就已经提交，所以 fsync 没有需要刷新的内容，它查询文件已提交的大小。",
    },
    python: Text {
        en: include_str!("aiofile_reader.en.py"),
        zh: include_str!("aiofile_reader.py"),
    },
    rust_file: super::super::listing!("ch7/aiofile_reader.rs"),
    expected: &[line(0, "Task-1", "Hello Wo"), line(0, "Task-1", "rld")],
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
