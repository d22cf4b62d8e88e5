//! Starlette's routing: a list of routes tried in order, path parameters with converters, and
//! the answers a router gives when nothing matches (404) or the method is not the route's (405).

use crate::print;
use crate::runtime::web::starlette::{endpoint, starlette, Request, Response, Route};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{create_task, sleep, Result};

async fn homepage(_request: Request) -> Result<Response> {
    Ok(Response::plain("Homepage"))
}

async fn about(request: Request) -> Result<Response> {
    let username = request.path_param("username")?;
    Ok(Response::plain(username.to_string()))
}

/// The routes, the app, and a client that asks four things of it.
pub async fn main() -> Result<()> {
    let routes = vec![
        Route::new("/", endpoint(homepage))?,
        Route::new("/about/{username:str}", endpoint(about))?, // no space after the colon
    ];
    let app = starlette(routes);
    let server = Server::new(Config::new(app, 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let asks = [
        ("GET", "/"),
        ("GET", "/about/John"),
        ("GET", "/about/"),
        ("POST", "/"),
    ];
    for (method, path) in asks {
        let url = format!("http://127.0.0.1:5000{path}");
        let resp = client::Request::new(method, &url).send().await?;
        let status = resp.status();
        print!(py 39, "{method} {path} -> {status} {}", resp.text().await?);
    }
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-routes",
    title: Text {
        en: "Starlette: routes, path parameters, 404 and 405",
        zh: "Starlette 路由：路径参数、404 与 405",
    },
    note: Text {
        en: "A request is matched against the routes in order, and the first match answers: \
             /about/{username:str} takes one path segment as username (the converters are \
             str, int, float and path, with no space after the colon). /about/ has no \
             username, so nothing matches and Starlette answers 404 Not Found; POST / finds \
             the route, but a function route takes only GET (and HEAD), so 405 Method Not \
             Allowed. Put specific routes before general ones: /users/{username} first would \
             swallow /users/me. The server listens in the page and the client's requests are \
             real HTTP through the Service Worker; each is a task named by its method and path. \
             Starlette runs a plain def endpoint (homepage) on a thread pool; here every \
             endpoint is async.",
        zh: "请求按顺序与各个路由匹配，第一个匹配的路由处理它：/about/{username:str} 把一段路径\
             取作 username（转换器有 str、int、float、path，冒号后面不能有空格）。/about/ 没有 \
             username，没有路由匹配，Starlette 返回 404 Not Found；POST / 找到了路由，但基于函数的 \
             Route 默认只接收 GET（和 HEAD），所以是 405 Method Not Allowed。具体的路由要放在前面、\
             抽象的放在后面：把 /users/{username} 放在前面，/users/me 就永远匹配不到。服务器在页面里\
             监听，客户端的请求是经过 Service Worker 的真实 HTTP；每个请求都是一个以方法和路径命名的\
             任务。Starlette 会把普通 def 的端点（homepage）放到线程池里运行；这里的端点都是 async 的。",
    },
    python: Text {
        en: include_str!("starlette_routes.en.py"),
        zh: include_str!("starlette_routes.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_routes.rs"),
    expected: &[
        line(10, "Task-1", "GET / -> 200 Homepage"),
        line(10, "Task-1", "GET /about/John -> 200 John"),
        line(10, "Task-1", "GET /about/ -> 404 Not Found"),
        line(10, "Task-1", "POST / -> 405 Method Not Allowed"),
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
