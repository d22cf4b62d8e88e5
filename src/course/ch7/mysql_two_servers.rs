//! Two MySQL servers at once: while one task waits on its server, the other task's calls go
//! out, so both conversations overlap.

use crate::print;
use crate::runtime::sql::{self as aiomysql, Connect};
use crate::runtime::{create_task, wait, Result, ReturnWhen};

/// Connects to the server at `host:port`, lists its accounts, closes.
async fn execute(host: &'static str, port: u16) -> Result<()> {
    print!(py 7, "starting {host} {port}" | "开始 {host} {port}");
    // network I/O: while one server is awaited, the other task connects to the other one
    let conn = aiomysql::connect(Connect {
        host,
        port,
        user: "root",
        password: "12345",
        db: "mysql",
        ..Connect::DEFAULT
    })
    .await?;
    let mut cur = conn.cursor();
    cur.execute("SELECT Host,User FROM user").await?;
    let result = cur.fetchall();
    print!(py 13, "{result}");
    cur.close();
    conn.close();
    print!(py 16, "done {host} {port}" | "结束 {host} {port}");
    Ok(())
}

/// The lesson: one task per server, waited for together.
pub async fn main() -> Result<()> {
    let task_list = vec![
        // since Python 3.11 wait takes tasks, not coroutines
        create_task(execute("127.0.0.1", 3306))?,
        create_task(execute("127.0.0.1", 3307))?,
    ];
    wait(task_list, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

const ACCOUNTS: &str =
    "(('localhost', 'mariadb.sys'), ('localhost', 'mysql'), ('localhost', 'root'))";

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "mysql-two-servers",
    title: Text {
        en: "Two MySQL servers at once",
        zh: "同时查询两个 MySQL 服务器",
    },
    note: Text {
        en: "The same query on two servers, one task each. At every network wait the loop runs \
             the other task: both say they start before either has its rows, and their calls \
             are in flight together. The text connects to two remote hosts; here the page's two \
             servers listen on ports 3306 and 3307 (each a database of the page's SQLite \
             worker), so the lines name the port too. It also passes coroutines to \
             asyncio.wait, which Python 3.11 forbids; they are wrapped in tasks. Which answer \
             comes first can vary, so only each task's own lines keep their order. The CPython \
             check starts two real MariaDB servers.",
        zh:
            "同一个查询在两个服务器上各跑一个任务。每遇到网络等待，事件循环就去运行另一个任务：两个\
             任务都先打印“开始”，然后才有任何一个拿到结果，它们的调用同时在路上。课文连接两台远程\
             主机；这里网页的两个服务器分别监听 3306 和 3307 端口（都是网页里 SQLite Worker 的数据\
             库），所以输出也写上端口。课文还把协程直接交给 asyncio.wait，Python 3.11 起不允许，\
             这里先包装成任务。哪个回答先到可能不同，所以只有每个任务自己的几行保持顺序。CPython \
             检查会启动两个真实的 MariaDB 服务器。",
    },
    python: Text {
        en: include_str!("mysql_two_servers.en.py"),
        zh: include_str!("mysql_two_servers.py"),
    },
    rust_file: super::super::listing!("ch7/mysql_two_servers.rs"),
    expected: &[
        said(
            0,
            "Task-2",
            "starting 127.0.0.1 3306",
            "开始 127.0.0.1 3306",
        ),
        said(
            0,
            "Task-3",
            "starting 127.0.0.1 3307",
            "开始 127.0.0.1 3307",
        ),
        line(0, "Task-2", ACCOUNTS),
        line(0, "Task-3", ACCOUNTS),
        said(0, "Task-2", "done 127.0.0.1 3306", "结束 127.0.0.1 3306"),
        said(0, "Task-3", "done 127.0.0.1 3307", "结束 127.0.0.1 3307"),
    ],
    cpython: Cpython::Mysql(&[3306, 3307]),
    ends: Ends::ByItself,
    needs: Needs::Database,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::EachTaskInOrder,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
