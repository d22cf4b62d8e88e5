//! A first Starlette application: one route whose handler reads the request's URL and
//! answers JSON.

use crate::course::py;
use crate::print;
use crate::runtime::web::json::{self, Value};
use crate::runtime::web::starlette::{endpoint, starlette, Request, Response, Route};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{create_task, sleep, Error, Result};

async fn homepage(request: Request) -> Result<Response> {
    print!(py 12, "url: {}", request.url());
    print!(py 13, "base_url: {}", request.base_url());
    let hello: Value = json::object([("hello", "world".into())]);
    Ok(Response::json(json::dumps(&hello)))
}

/// The app, served; a client asks it once.
pub async fn main() -> Result<()> {
    let app = starlette(vec![Route::new("/", endpoint(homepage))?]);
    let server = Server::new(Config::new(app, 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let resp = client::get("http://127.0.0.1:5000/?name=ada")
        .send()
        .await?;
    let status = resp.status();
    let body = json::parse(&resp.text().await?).map_err(Error::raised)?; // resp.json()
    print!(py 30, "{status} {}", py::json_repr(&body)); // the handler's two lines print in the request's task
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-hello",
    title: Text {
        en: "Starlette: a first application",
        zh: "Starlette 入门：第一个应用",
    },
    note: Text {
        en: "FastAPI's web part is Starlette, so the course looks at Starlette itself. \
             Starlette(debug=True, routes=[...]) is an ASGI application: a list of routes, each \
             a path and an async handler that takes a Request and returns a Response. \
             request.url is the whole URL the client asked for, query included; \
             request.base_url is where the app is served. The handler's prints come from the \
             task that handles the request (GET / on the timeline), not from main; the client \
             prints the JSON it got back after them. JSONResponse writes compact JSON, and \
             resp.json() reads it back into a dict.",
        zh:
            "FastAPI 的 Web 部分就是 Starlette，所以课程先看 Starlette 本身。Starlette(debug=True, \
             routes=[...]) 是一个 ASGI 应用：一个路由列表，每个路由是一个路径加一个异步处理函数，\
             处理函数接收 Request、返回 Response。request.url 是客户端请求的完整 URL，包括查询\
             字符串；request.base_url 是应用所在的地址。处理函数里的 print 来自处理这个请求的任务\
             （时间线上的 GET /），而不是 main；客户端在它们之后打印收到的 JSON。JSONResponse \
             写出紧凑的 JSON，resp.json() 再把它读回成 dict。",
    },
    python: Text {
        en: include_str!("starlette_hello.en.py"),
        zh: include_str!("starlette_hello.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_hello.rs"),
    expected: &[
        line(10, "GET /", "url: http://127.0.0.1:5000/?name=ada"),
        line(10, "GET /", "base_url: http://127.0.0.1:5000/"),
        line(10, "Task-1", "200 {'hello': 'world'}"),
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
