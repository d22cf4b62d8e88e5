//! `FileResponse`: an ASGI app that answers every request with a file, read and sent by
//! Starlette with its media type and length.

use crate::print;
use crate::runtime::web::starlette::Response;
use crate::runtime::web::{app, client, Config, Receive, Scope, Send, Server};
use crate::runtime::{create_task, sleep, Error, Result};

/// `async def app(scope, receive, send)`: the same file for every path.
async fn serve_file(scope: Scope, _receive: Receive, send: Send) -> Result<()> {
    if scope.kind != "http" {
        return Err(Error::raised("AssertionError"));
    }
    let response = Response::file("index.html")?; // the text serves FileResponse('main.py'): the program's own source
    response.send_to(&send).await
}

/// The server, and a client that asks it once.
pub async fn main() -> Result<()> {
    let server = Server::new(Config::new(app(serve_file), 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let resp = client::get("http://127.0.0.1:5000/").send().await?;
    let content_type = resp.header("content-type").unwrap_or_default().to_string();
    let length = resp
        .header("content-length")
        .unwrap_or_default()
        .to_string();
    print!(py 22, "{} {content_type} {length}", resp.status());
    print!(py 23, "{}", resp.text().await?.lines().nth(4).unwrap_or_default());
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-file",
    title: Text {
        en: "Starlette: FileResponse sends a file",
        zh: "Starlette：用 FileResponse 返回文件",
    },
    note: Text {
        en: "FileResponse(path) is a response whose body is a file: Starlette guesses its media \
             type from the name (text/html, with the charset), sets content-length from the \
             file's size, and reads and sends it in chunks without holding the loop (its reads \
             run on a thread), so a large file streams. A path that is not a file raises \
             RuntimeError when the response is sent, a 500 for the client. The text serves \
             main.py, the program's own source; here the app serves index.html from the \
             servers' folder, which ships inside the app (a page cannot read your disk), and \
             the CPython check runs next to the same file. CPython's FileResponse adds \
             last-modified, etag and accept-ranges headers too; this one sends no ranges and \
             says so by leaving them out.",
        zh: "FileResponse(path) 是响应体为一个文件的响应：Starlette 根据文件名猜出媒体类型（text/html，\
             带字符集），用文件大小设置 content-length，并且分块读取和发送，不会卡住事件循环（读文件\
             在线程里进行），所以大文件也是流式发送的。路径不是文件时，发送响应时抛出 RuntimeError，\
             客户端得到 500。课文返回的是 main.py，也就是程序自己的源文件；这里应用返回服务器目录里的 \
             index.html，这个目录随应用一起发布（网页读不到你的硬盘），CPython 检查也在同一个文件旁边\
             运行。CPython 里的 FileResponse 还会加上 last-modified、etag 和 accept-ranges 响应头；\
             这里不支持按范围读取，所以不发这些头。",
    },
    python: Text {
        en: include_str!("starlette_file.en.py"),
        zh: include_str!("starlette_file.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_file.rs"),
    expected: &[
        line(10, "Task-1", "200 text/html; charset=utf-8 213"),
        line(10, "Task-1", "<h1>Hello from index.html</h1>"),
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
