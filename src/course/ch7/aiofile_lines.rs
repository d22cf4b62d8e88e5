//! aiofile's `LineReader`: the file read back a line at a time, each line with its newline.

use crate::course::py;
use crate::print;
use crate::runtime::aiofile::{LineReader, Writer};
use crate::runtime::storage::async_open;
use crate::runtime::Result;

/// The lesson: six pieces written, three lines read.
pub async fn main() -> Result<()> {
    let afp = async_open("text.txt", "w+").await?; // AIOFile("text.txt", 'w+')
    let mut writer = Writer::new(&afp);

    writer.write("Hello").await?;
    writer.write(" ").await?;
    writer.write("World").await?;
    writer.write("\n").await?;
    writer.write("\n").await?;
    writer.write("From async world").await?;
    afp.fsync().await?;

    let mut lines = LineReader::new(&afp);
    while let Some(line) = lines.next().await? {
        print!(py 20, "{}", py::str_repr(&line)); // each line keeps its newline: print(line) would add a blank line
    }
    afp.remove().await // leave nothing behind
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "aiofile-lines",
    title: Text {
        en: "aiofile: reading line by line with LineReader",
        zh: "aiofile：用 LineReader 按行读取",
    },
    note: Text {
        en: "To read a file line by line, the text says, use LineReader rather than async_open. \
             It reads the file in large chunks and hands out one line at a time, each with its \
             newline; the last line has none, because the file does not end with one. The \
             empty second line is just \"\\n\". Printing repr(line) shows the newlines: a plain \
             print(line) would add its own and leave a blank line after each. As in the \
             previous lesson, the text reads after the async with block, when the file is \
             closed (ValueError in current aiofile); here the loop is inside it. The file lives \
             in the page's Origin Private File System and is deleted at the end.",
        zh: "课文说，想按行读取文件就用 LineReader，不要用 async_open。它一大块一大块地读文件，每次交出\
             一行，每行带着自己的换行符；最后一行没有，因为文件不是以换行结尾的。空着的第二行就是 \
             \"\\n\"。打印 repr(line) 能看到换行符：直接 print(line) 会再加一个换行，每行后面多出一个\
             空行。和上一课一样，课文在 async with 块外面读，那时文件已经关闭（现在的 aiofile 会抛出 \
             ValueError）；这里把循环放在块里面。文件存放在网页的源私有文件系统里，最后会被删除。",
    },
    python: Text {
        en: include_str!("aiofile_lines.en.py"),
        zh: include_str!("aiofile_lines.py"),
    },
    rust_file: super::super::listing!("ch7/aiofile_lines.rs"),
    expected: &[
        line(0, "Task-1", "'Hello World\\n'"),
        line(0, "Task-1", "'\\n'"),
        line(0, "Task-1", "'From async world'"),
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
