//! Starlette's application as a whole: routes with a path parameter, a WebSocket route, a
//! mounted folder of static files, and the lifespan code that runs before the server listens
//! and after it stops.

use crate::print;
use crate::runtime::web::starlette::{
    endpoint, socket_endpoint, Request, Response, Route, Starlette, StaticFiles, WebSocket,
};
use crate::runtime::web::{client, websocket, Config, Server};
use crate::runtime::{create_task, sleep, Result};

async fn homepage(_request: Request) -> Result<Response> {
    Ok(Response::plain("Hello, world!"))
}

async fn user_me(_request: Request) -> Result<Response> {
    let username = "John Doe";
    Ok(Response::plain(format!("Hello, {username}!")))
}

async fn user(request: Request) -> Result<Response> {
    let username = request.path_param("username")?;
    Ok(Response::plain(format!("Hello, {username}!")))
}

async fn websocket_endpoint(websocket: WebSocket) -> Result<()> {
    websocket.accept().await?;
    websocket.send_text("Hello, websocket!").await?;
    websocket.close().await
}

/// The lifespan context up to its `yield`: before the server listens.
async fn startup() -> Result<()> {
    print!(py 35, "Ready to go");
    Ok(())
}

/// The rest of it: after the last request.
async fn shutdown() -> Result<()> {
    print!(py 37, "The end");
    Ok(())
}

/// The application, served; a client asks five paths and opens the WebSocket, then the
/// server shuts down.
pub async fn main() -> Result<()> {
    let routes = vec![
        Route::new("/", endpoint(homepage))?,
        Route::new("/user/me", endpoint(user_me))?,
        Route::new("/user/{username}", endpoint(user))?,
        Route::websocket("/ws", socket_endpoint(websocket_endpoint))?,
        Route::mount("/static", StaticFiles::new("static")?)?,
    ];
    let app = Starlette::new(routes).lifespan(startup, shutdown).app();
    let server = Server::new(Config::new(app, 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let paths = [
        "/",
        "/user/me",
        "/user/John",
        "/static/hello.txt",
        "/static/nope.txt",
    ];
    for path in paths {
        let resp = client::get(&format!("http://127.0.0.1:5000{path}"))
            .send()
            .await?;
        let status = resp.status();
        print!(py 62, "{path} -> {status} {}", resp.text().await?.trim());
    }
    let mut ws = websocket::connect("ws://127.0.0.1:5000/ws").await?;
    while let Some(message) = ws.next().await? {
        print!(py 65, "/ws -> {message}"); // the loop ends once the server closes
    }
    drop(ws);
    server.exit(); // as Ctrl+C would: uvicorn shuts down cleanly
    serving.await
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-app",
    title: Text {
        en: "Starlette's application: routes, a WebSocket, static files, startup and shutdown",
        zh: "Starlette 应用：路由、WebSocket、静态文件、启动与关闭",
    },
    note: Text {
        en: "The Starlette object ties the parts together. Before the server listens, uvicorn \
             calls the app once more with a lifespan scope, in a task of its own: the lifespan \
             code up to its yield runs (Ready to go), and only then does the server accept \
             requests; after the last request, the rest runs (The end). The text passes \
             on_startup=[startup] and on_shutdown=[shutdown]; Starlette 1.0 removed them (that \
             call is a TypeError now), and the lifespan context manager replaces both. \
             Mount('/static', StaticFiles(directory=\"static\")) serves the files of a folder: \
             a missing file, or a path that tries to leave the folder (/static/../main.py), is \
             404. The folder here is one shipped inside the app (a page cannot read your disk), \
             and the CPython check serves the same files. The WebSocket route is a \
             conversation: accept, messages either way, close; when the server closes, the \
             client's async for ends. A Service Worker sees fetches but never a WebSocket, so \
             the WebSocket stays inside the page: the same ASGI messages, each crossing a real \
             MessageChannel between the client's task and the server's; the HTTP requests are \
             real, through the Service Worker.",
        zh: "Starlette 对象把各个部分连在一起。服务器开始监听之前，uvicorn 会在一个单独的任务里用 \
             lifespan 类型的 scope 再调用一次应用：lifespan 里 yield 之前的代码先运行（Ready to \
             go），之后服务器才开始接收请求；最后一个请求处理完以后，yield 之后的代码运行（The \
             end）。课文里传的是 on_startup=[startup] 和 on_shutdown=[shutdown]；Starlette 1.0 \
             删除了这两个参数（现在这样调用会抛出 TypeError），由 lifespan 异步上下文管理器代替。\
             Mount('/static', StaticFiles(directory=\"static\")) 提供一个目录里的文件：文件不存在，\
             或者路径想跳出这个目录（/static/../main.py），都是 404。这里的目录随应用一起发布\
             （网页读不到你的硬盘），CPython 检查用的也是同样的文件。WebSocket 路由是一段对话：\
             accept、双向发送消息、close；服务器关闭连接后，客户端的 async for 循环结束。\
             Service Worker 只能看到 fetch 请求，看不到 WebSocket，所以 WebSocket 留在页面里：\
             同样的 ASGI 消息，每一条都经过一个真实的 MessageChannel，在客户端的任务和服务器的\
             任务之间传递；HTTP 请求则是经过 Service Worker 的真实请求。",
    },
    python: Text {
        en: include_str!("starlette_app.en.py"),
        zh: include_str!("starlette_app.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_app.rs"),
    expected: &[
        line(0, "Task-3", "Ready to go"),
        line(10, "Task-1", "/ -> 200 Hello, world!"),
        line(10, "Task-1", "/user/me -> 200 Hello, John Doe!"),
        line(10, "Task-1", "/user/John -> 200 Hello, John!"),
        line(
            10,
            "Task-1",
            "/static/hello.txt -> 200 Hello from a static file.",
        ),
        line(10, "Task-1", "/static/nope.txt -> 404 Not Found"),
        line(10, "Task-1", "/ws -> Hello, websocket!"),
        line(10, "Task-3", "The end"),
    ],
    cpython: Cpython::Serves(&["uvicorn", "starlette", "httpx", "websockets"]),
    ends: Ends::ByItself,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: Some(SERVER_PORT),
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
