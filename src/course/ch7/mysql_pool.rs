//! aiomysql's connection pool: `acquire` lends a connection for an `async with` block and
//! takes it back at the block's end, ready for the next one.

use crate::print;
use crate::runtime::sql::{self as aiomysql, Connect};
use crate::runtime::Result;

/// The lesson (the text's `go`).
pub async fn main() -> Result<()> {
    let pool = aiomysql::create_pool(Connect {
        host: "127.0.0.1",
        port: 3306,
        user: "root",
        password: "12345",
        db: "mysql",
        autocommit: false,
    })
    .await?;
    {
        let conn = pool.acquire().await?; // borrowed; given back at the block's end
        let mut cur = conn.cursor();
        cur.execute("SELECT 10").await?;
        let ret = cur.fetchone();
        print!(py 15, "{}", ret.map_or("None".to_string(), |row| row.to_string()));
    }
    pool.close();
    pool.wait_closed().await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "mysql-pool",
    title: Text {
        en: "A pool of MySQL connections",
        zh: "MySQL 连接池",
    },
    note: Text {
        en: "create_pool opens the pool's first connection (minsize=1); acquire lends an idle \
             one, or opens another, and the end of the async with block gives it back, ready \
             for the next acquire. close and wait_closed close the idle connections and wait \
             for the lent ones. The text ends with loop.run_until_complete(go()) on \
             get_event_loop(), which recent Pythons deprecate; asyncio.run does the same. The \
             pool's server is the page's SQLite in a Web Worker (see the previous lesson); the \
             CPython check runs the listing against a real MariaDB server.",
        zh: "create_pool 先打开连接池的第一个连接（minsize=1）；acquire 借出一个空闲连接，没有就再\
             打开一个，async with 块结束时把它还回连接池，留给下一次 acquire。close 和 \
             wait_closed 关闭空闲连接，并等待借出的连接归还。课文最后用 get_event_loop() 的 \
             loop.run_until_complete(go())，新版 Python 已不推荐；asyncio.run 做的是同一件事。\
             连接池的服务器是网页里运行在 Web Worker 中的 SQLite（见上一课）；CPython 检查会用\
             真实的 MariaDB 服务器运行这段代码。",
    },
    python: Text {
        en: include_str!("mysql_pool.en.py"),
        zh: include_str!("mysql_pool.py"),
    },
    rust_file: super::super::listing!("ch7/mysql_pool.rs"),
    expected: &[line(0, "Task-1", "(10,)")],
    cpython: Cpython::Mysql(&[3306]),
    ends: Ends::ByItself,
    needs: Needs::Database,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
