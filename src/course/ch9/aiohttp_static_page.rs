//! A static page server with aiohttp.web: the handler reads `index.html` and sends it as
//! HTML; a missing file would be a `404` with "Page not found".

use crate::print;
use crate::runtime::web::aiohttp_web::{response, Application};
use crate::runtime::web::starlette::{Request, Response};
use crate::runtime::web::{client, files, Config, Server};
use crate::runtime::{Event, Result};

async fn handle(_request: Request) -> Result<Response> {
    match files::read("index.html") {
        // with open('index.html', 'r') as file: content = file.read()
        Ok(content) => {
            let content = String::from_utf8_lossy(content);
            Ok(response(content).media_type("text/html"))
        }
        Err(_) => Ok(response("Page not found").status(404)), // except FileNotFoundError
    }
}

/// The application, served; a client asks for the page and for a path with no route.
pub async fn main() -> Result<()> {
    let mut app = Application::new();
    app.add_get("/", handle)?;
    let site = Server::new(Config::new(app.into_app(), 5000)); // the first two things web.run_app(app) does
    let _serving = site.start().await?;
    for path in ["/", "/about"] {
        let resp = client::get(&format!("http://127.0.0.1:5000{path}"))
            .send()
            .await?;
        let (status, content_type) = (
            resp.status(),
            resp.header("content-type").unwrap_or_default().to_string(),
        );
        let page = resp.text().await?;
        print!(py 30, "{path} {status} {content_type} {}", page.chars().count());
        let shown = match status {
            200 => page.lines().nth(4).unwrap_or_default(),
            _ => page.as_str(),
        };
        print!(py 31, "{shown}");
    }
    Event::new().wait().await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "aiohttp-static-page",
    title: Text {
        en: "aiohttp.web: a simple static page server",
        zh: "aiohttp.web：简单的静态页面服务器",
    },
    note: Text {
        en: "The handler opens index.html, reads it and returns it with content_type='text/html' \
             (aiohttp adds the charset); if the file is not there, FileNotFoundError becomes a \
             404 with 'Page not found'. A path with no route, /about, gets aiohttp's own '404: \
             Not Found' before any handler runs. open() and read() are blocking calls: for a \
             small file they take microseconds, but a large or slow file would hold the loop \
             (aiofile, or run_in_executor, reads without blocking). The file comes from the \
             servers' folder, which ships inside the app (a page cannot read your disk); the \
             CPython check runs the listing next to the same index.html. Try the page's client \
             pane: GET / shows the HTML as text, with its headers.",
        zh: "处理函数打开 index.html，读出内容，用 content_type='text/html' 返回（aiohttp 会加上 \
             charset）；文件不存在时，FileNotFoundError 变成 404 和 'Page not found'。没有路由的 \
             /about 在任何处理函数运行之前就得到 aiohttp 自己的 '404: Not Found'。open() 和 \
             read() 是阻塞调用：小文件只要几微秒，但大文件或很慢的磁盘会卡住事件循环（用 aiofile \
             或 run_in_executor 就不会阻塞）。文件来自服务器的目录，这个目录随应用一起发布（网页\
             读不到你的硬盘）；CPython 检查在同一个 index.html 旁边运行这段程序。可以用页面上的\
             客户端面板试试：GET / 会把 HTML 连同响应头按文本显示出来。",
    },
    python: Text {
        en: include_str!("aiohttp_static_page.en.py"),
        zh: include_str!("aiohttp_static_page.py"),
    },
    rust_file: super::super::listing!("ch9/aiohttp_static_page.rs"),
    expected: &[
        line(0, "Task-1", "/ 200 text/html; charset=utf-8 213"),
        line(0, "Task-1", "<h1>Hello from index.html</h1>"),
        line(0, "Task-1", "/about 404 text/plain; charset=utf-8 14"),
        line(0, "Task-1", "404: Not Found"),
    ],
    cpython: Cpython::Serves(&["aiohttp"]),
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: Some(SERVER_PORT),
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
