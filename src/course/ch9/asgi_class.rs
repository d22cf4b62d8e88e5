//! A class-based ASGI app (`App.__call__`), and Starlette's `Request` and `Response` used in
//! it, so the app reads the method and path without handling `scope` and `receive` by hand.

use std::rc::Rc;

use crate::print;
use crate::runtime::web::starlette::{Request, Response};
use crate::runtime::web::{app, client, Config, Receive, Scope, Send, Server};
use crate::runtime::{create_task, sleep, Error, Result};

/// `class App`: a class-based app, it implements `__call__`.
struct App;

impl App {
    async fn call(&self, scope: Scope, receive: Receive, send: Send) -> Result<()> {
        if scope.kind != "http" {
            return Err(Error::raised("AssertionError"));
        }
        let request = Request::new(scope, receive); // no need to handle scope and receive by hand
        let content = format!("{} {}", request.method(), request.path());
        let response = Response::new(content).media_type("text/plain");
        response.send_to(&send).await
    }
}

/// The server, and a client that asks three things of it.
pub async fn main() -> Result<()> {
    let instance = Rc::new(App); // app = App()
    let asgi = app(move |scope, receive, send| {
        let instance = instance.clone();
        async move { instance.call(scope, receive, send).await }
    });
    let server = Server::new(Config::new(asgi, 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let asks = [
        ("GET", "/"),
        ("POST", "/items?page=2"),
        ("DELETE", "/items/7"),
    ];
    for (method, path) in asks {
        let url = format!("http://127.0.0.1:5000{path}");
        let resp = client::Request::new(method, &url).send().await?;
        let (status, content_type) = (
            resp.status(),
            resp.header("content-type").unwrap_or_default().to_string(),
        );
        print!(py 32, "{status} {content_type} {}", resp.text().await?);
    }
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "asgi-class",
    title: Text {
        en: "A class-based ASGI app, with Starlette's Request and Response",
        zh: "基于类的 ASGI 应用，以及 Starlette 的 Request 与 Response",
    },
    note: Text {
        en: "An ASGI app need not be a function: any object whose __call__ is async def \
             (scope, receive, send) will do, which is how frameworks package theirs (Django's \
             ASGIHandler, Starlette's Starlette). Starlette's Request reads the scope for you \
             (request.method, request.url.path, query_params, headers; the body through \
             receive), and a Response sends the two messages itself, adding content-length \
             and, for text, a charset to the media type. The query string is not part of the \
             path. The requests are real HTTP through the page's Service Worker.",
        zh: "ASGI 应用不一定是函数：任何 __call__ 是 async def (scope, receive, send) 的对象都可以，\
             框架就是这样封装自己的应用的（Django 的 ASGIHandler、Starlette 的 Starlette）。\
             Starlette 的 Request 替你读 scope（request.method、request.url.path、query_params、\
             headers；请求体通过 receive 读取），Response 自己发送那两条消息，并加上 \
             content-length，文本类型还会在媒体类型后加上字符集。查询字符串不属于路径。\
             这些请求都是经过页面 Service Worker 的真实 HTTP。",
    },
    python: Text {
        en: include_str!("asgi_class.en.py"),
        zh: include_str!("asgi_class.py"),
    },
    rust_file: super::super::listing!("ch9/asgi_class.rs"),
    expected: &[
        line(10, "Task-1", "200 text/plain; charset=utf-8 GET /"),
        line(10, "Task-1", "200 text/plain; charset=utf-8 POST /items"),
        line(10, "Task-1", "200 text/plain; charset=utf-8 DELETE /items/7"),
    ],
    cpython: Cpython::Serves(&["uvicorn", "starlette", "httpx"]),
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
