//! A web handler that awaits a database: while the query is out, the loop (and so the server)
//! is free for anything else.

use crate::print;
use crate::runtime::sql::{self as aiomysql, Connect, Pool, Row};
use crate::runtime::web::aiohttp_web::{response, Application};
use crate::runtime::web::starlette::{Request, Response};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{Event, Result};

async fn get_db_connection() -> Result<Pool> {
    aiomysql::create_pool(Connect {
        host: "localhost",
        port: 3306,
        user: "user",
        password: "password",
        db: "testdb",
        autocommit: true,
    })
    .await
}

async fn handle_db_query(_request: Request) -> Result<Response> {
    let pool = get_db_connection().await?; // a new pool per request, as in the text
    let conn = pool.acquire().await?;
    let mut cur = conn.cursor();
    cur.execute("SELECT * FROM users").await?; // meanwhile the server takes other requests
    let result = cur.fetchall();
    let response_text: Vec<String> = result.0.iter().map(Row::to_string).collect();
    Ok(response(response_text.join("\n")))
}

/// The application, served; a client asks it for the users.
pub async fn main() -> Result<()> {
    let mut app = Application::new();
    app.add_get("/db_query", handle_db_query)?;
    let site = Server::new(Config::new(app.into_app(), 5000)); // the first two things web.run_app(app) does:
    let _serving = site.start().await?;
    let resp = client::Request::new("GET", "http://127.0.0.1:5000/db_query")
        .send()
        .await?;
    let status = resp.status();
    for line in resp.text().await?.lines() {
        print!(py 41, "{status} {line}");
    }
    Event::new().wait().await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "aiohttp-db-query",
    title: Text {
        en: "A web handler that awaits a database query",
        zh: "异步数据库查询的 Web 处理函数",
    },
    note: Text {
        en: "The handler awaits the database at every step (a pool, a connection, the query), \
             and at each of them the loop is free: the server can take other requests while \
             the rows are on their way. The text makes a new pool on every request and never \
             closes it; a real application creates one pool at startup (an aiohttp on_startup \
             hook) and shares it. The course ends with web.run_app(app); here main does what \
             run_app does first and then asks the server itself. The database is the page's \
             MySQL server (SQLite in a Web Worker, the testdb sample database; see the database \
             lessons of chapter 7); the CPython check runs the listing against a real MariaDB.",
        zh:
            "处理函数每一步都在等数据库（连接池、连接、查询），每次等待时事件循环都是空闲的：结果还\
             在路上时，服务器可以处理别的请求。课文每来一个请求就新建一个连接池，而且从不关闭；实际\
             的应用会在启动时建一个连接池（aiohttp 的 on_startup 钩子）并共享它。课文以 \
             web.run_app(app) 结尾；这里 main 先做 run_app 最开始做的事，然后自己访问这个服务器。\
             数据库是网页里的 MySQL 服务器（运行在 Web Worker 中的 SQLite，示例数据库 testdb；见第 \
             7 章的数据库课程）；CPython 检查会用真实的 MariaDB 运行这段代码。",
    },
    python: Text {
        en: include_str!("aiohttp_db_query.en.py"),
        zh: include_str!("aiohttp_db_query.py"),
    },
    rust_file: super::super::listing!("ch9/aiohttp_db_query.rs"),
    expected: &[
        line(0, "Task-1", "200 (1, 'alice', 'alice@example.com')"),
        line(0, "Task-1", "200 (2, 'bob', 'bob@example.com')"),
    ],
    cpython: Cpython::ServesFromMysql(&["aiohttp", "aiomysql"], &[3306]),
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Database,
    mistakes: &[],
    console: None,
    http_port: Some(SERVER_PORT),
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
