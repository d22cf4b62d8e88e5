//! ASGI: the application is one `async` call per request, `app(scope, receive, send)`, and the
//! server (uvicorn's part) calls it. Here the server listens in the page, and the client's
//! request really travels as HTTP through the page's Service Worker.

use crate::print;
use crate::runtime::web::{app, client, Config, Outgoing, Receive, Scope, Send, Server};
use crate::runtime::{create_task, sleep, Error, Result};

/// `async def app(scope, receive, send)`: answers every request with a short text.
async fn hello(scope: Scope, _receive: Receive, send: Send) -> Result<()> {
    if scope.kind != "http" {
        return Err(Error::raised("AssertionError"));
    }
    send.send(Outgoing::start(200, &[("content-type", "text/plain")]))
        .await?;
    send.send(Outgoing::body("Hello, world!")).await?;
    Ok(())
}

/// Starts the server as a task, asks it once, and serves on.
pub async fn main() -> Result<()> {
    let server = Server::new(Config::new(app(hello), 5000)); // uvicorn example:app
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let resp = client::get("http://127.0.0.1:5000/").send().await?;
    let content_type = resp.header("content-type").unwrap_or_default().to_string();
    print!(py 31, "{} {content_type}", resp.status());
    print!(py 32, "{}", resp.text().await?);
    serving.await // serves on until Stop: ask it from the client pane
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "asgi-app",
    title: Text {
        en: "An ASGI application and its server",
        zh: "ASGI 应用与它的服务器",
    },
    note: Text {
        en: "The application parses no HTTP: the server hands it the request as a scope, and \
             it answers with two messages, http.response.start (status and headers) and \
             http.response.body. uvicorn is the server that calls it, once per request, each \
             call a task on the loop (the timeline shows it as GET /). Here the server listens \
             in the page: the browser's Service Worker turns a real fetch of the server's \
             address into a call of the app, and streams its answer back as a real HTTP \
             response; the app still believes it listens on 127.0.0.1:5000, as uvicorn's \
             would. If the browser refuses a Service Worker (a private window, a sandboxed \
             frame), the client reaches the server straight in the page and the output is the \
             same. uvicorn also adds date and server headers; this server adds none.",
        zh: "应用本身不解析任何 HTTP：服务器把请求整理成 scope 交给它，它用两条消息作答：\
             http.response.start（状态码和响应头）和 http.response.body。调用它的服务器就是 \
             uvicorn，每个请求调用一次，每次调用都是事件循环上的一个任务（时间线上显示为 GET /）。\
             这里的服务器在页面里监听：浏览器的 Service Worker 把对服务器地址的一次真实 fetch \
             变成对应用的调用，再把它的回答作为真实的 HTTP 响应流式传回；应用仍然以为自己在 \
             127.0.0.1:5000 上监听，就像 uvicorn 里那样。如果浏览器不允许 Service Worker\
             （隐私窗口、沙箱 iframe），客户端就在页面内直接访问服务器，输出完全相同。\
             uvicorn 还会加上 date 和 server 响应头，这个服务器不加。",
    },
    python: Text {
        en: include_str!("asgi_app.en.py"),
        zh: include_str!("asgi_app.py"),
    },
    rust_file: super::super::listing!("ch9/asgi_app.rs"),
    expected: &[
        line(10, "Task-1", "200 text/plain"),
        line(10, "Task-1", "Hello, world!"),
    ],
    cpython: Cpython::Serves(&["uvicorn", "httpx"]),
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
