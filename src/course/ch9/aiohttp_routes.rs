//! `aiohttp.web`: an application whose router maps a method and a path to a handler; a path no
//! route has is `404: Not Found`, a method the route does not take `405: Method Not Allowed`.

use crate::print;
use crate::runtime::web::aiohttp_web::{response, Application};
use crate::runtime::web::starlette::{Request, Response};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{Event, Result};

async fn index(_request: Request) -> Result<Response> {
    Ok(response("This is the home page"))
}

async fn about(_request: Request) -> Result<Response> {
    Ok(response("This is the about page"))
}

/// The application, served; a client asks four things of it.
pub async fn main() -> Result<()> {
    let mut app = Application::new();
    app.add_get("/", index)?;
    app.add_get("/about", about)?;
    let site = Server::new(Config::new(app.into_app(), 5000)); // the first two things web.run_app(app) does:
    let _serving = site.start().await?;
    let asks = [
        ("GET", "/"),
        ("GET", "/about"),
        ("GET", "/contact"),
        ("POST", "/about"),
    ];
    for (method, path) in asks {
        let url = format!("http://127.0.0.1:5000{path}");
        let resp = client::Request::new(method, &url).send().await?;
        let (status, content_type) = (
            resp.status(),
            resp.header("content-type").unwrap_or_default().to_string(),
        );
        print!(py 29, "{method} {path} {status} {content_type} {}", resp.text().await?);
    }
    Event::new().wait().await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "aiohttp-routes",
    title: Text {
        en: "aiohttp.web: an application with several routes",
        zh: "aiohttp.web：有多个路由的 Web 应用",
    },
    note: Text {
        en: "web.Application() holds a router: add_get('/', index) says which coroutine answers \
             a GET of which path, and each handler returns a web.Response (text/plain with a \
             charset unless told otherwise). A path with no route gets aiohttp's '404: Not \
             Found', a method the route does not take '405: Method Not Allowed'. The course \
             ends its programs with web.run_app(app), which blocks and serves on port 8080; \
             here main does what run_app does first (an AppRunner and a TCPSite on port 5000), \
             then asks the server itself. aiohttp runs its own server rather than ASGI: in the \
             page its application is called by the page's server, and a client sees the same \
             statuses, headers and bodies, as real HTTP through the Service Worker.",
        zh: "web.Application() 带着一个路由器：add_get('/', index) 指定哪个协程回答哪个路径的 GET \
             请求，每个处理函数返回一个 web.Response（默认是带字符集的 text/plain）。没有路由的路径\
             得到 aiohttp 的 '404: Not Found'，路由不接受的方法得到 '405: Method Not Allowed'。\
             课文的程序以 web.run_app(app) 结尾，它会阻塞并在 8080 端口上一直服务；这里 main 先做 \
             run_app 最开始做的事（一个 AppRunner 和 5000 端口上的一个 TCPSite），然后自己访问这个\
             服务器。aiohttp 用的是它自己的服务器而不是 ASGI：在页面里由页面的服务器调用它的应用，\
             客户端看到的状态码、响应头和响应体都一样，是经过 Service Worker 的真实 HTTP。",
    },
    python: Text {
        en: include_str!("aiohttp_routes.en.py"),
        zh: include_str!("aiohttp_routes.py"),
    },
    rust_file: super::super::listing!("ch9/aiohttp_routes.rs"),
    expected: &[
        line(
            0,
            "Task-1",
            "GET / 200 text/plain; charset=utf-8 This is the home page",
        ),
        line(
            0,
            "Task-1",
            "GET /about 200 text/plain; charset=utf-8 This is the about page",
        ),
        line(
            0,
            "Task-1",
            "GET /contact 404 text/plain; charset=utf-8 404: Not Found",
        ),
        line(
            0,
            "Task-1",
            "POST /about 405 text/plain; charset=utf-8 405: Method Not Allowed",
        ),
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
