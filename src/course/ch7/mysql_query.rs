//! aiomysql's first steps: connect, make a cursor, run a query, fetch its rows, close. Each
//! network step is an await: a message to the page's SQL server and back.

use crate::print;
use crate::runtime::sql::{self as aiomysql, Connect};
use crate::runtime::Result;

/// The lesson.
pub async fn main() -> Result<()> {
    // connect: network I/O, the loop may run other tasks meanwhile
    let conn = aiomysql::connect(Connect {
        host: "127.0.0.1",
        port: 3306,
        user: "root",
        password: "12345",
        db: "mysql",
        ..Connect::DEFAULT
    })
    .await?;
    let mut cur = conn.cursor();
    cur.execute("SELECT Host,User FROM user").await?;
    let result = cur.fetchall();
    print!(py 14, "{result}");
    cur.close();
    conn.close();
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "mysql-query",
    title: Text {
        en: "A MySQL query with aiomysql",
        zh: "用 aiomysql 查询 MySQL",
    },
    note: Text {
        en: "Connecting, running the SQL and closing are network I/O, so each is an await at \
             which the loop could run other tasks. The page's MySQL server is SQLite's own \
             WebAssembly build running in a Web Worker (loaded only by the database lessons), \
             its databases kept in the browser's private file system: every call really is a \
             message to another thread and back. What differs from MySQL: the SQL dialect is \
             SQLite's (errors are reported as MariaDB reports them), passwords are not checked, \
             and mysql.user is a sample table listing the accounts a fresh MariaDB has. The \
             CPython check runs the listing against a real MariaDB server.",
        zh: "连接、执行 SQL、关闭都是网络 IO，所以每一步都是一个 await，等待时事件循环可以去运行\
             别的任务。网页里的 MySQL 服务器是 SQLite 官方的 WebAssembly 版本，运行在一个 Web \
             Worker 中（只有数据库课程才加载它），数据库保存在浏览器的私有文件系统里：每次调用都\
             真的是发给另一个线程的消息和它的回复。与 MySQL 的不同：SQL 方言是 SQLite 的（错误按 \
             MariaDB 的说法报告），不检查密码，mysql.user 是一张示例表，列出一个新装的 MariaDB \
             拥有的账户。CPython 检查会用真实的 MariaDB 服务器运行这段代码。",
    },
    python: Text {
        en: include_str!("mysql_query.en.py"),
        zh: include_str!("mysql_query.py"),
    },
    rust_file: super::super::listing!("ch7/mysql_query.rs"),
    expected: &[line(
        0,
        "Task-1",
        "(('localhost', 'mariadb.sys'), ('localhost', 'mysql'), ('localhost', 'root'))",
    )],
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
