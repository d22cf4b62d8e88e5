//! Starlette's `HTTPEndpoint`: a class-based view whose methods `get` and `post` answer the
//! request methods of those names; any other method is `405 Method Not Allowed`.

use crate::print;
use crate::runtime::web::starlette::{endpoint, starlette, HttpEndpoint, Request, Response, Route};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{create_task, sleep, Result};

/// `class Homepage(HTTPEndpoint)`.
struct Homepage;

impl Homepage {
    async fn get(request: Request) -> Result<Response> {
        Ok(Response::plain(request.base_url())) // the course passes the URL object; Response wants a str
    }
}

/// `class User(HTTPEndpoint)`.
struct User;

impl User {
    async fn get(request: Request) -> Result<Response> {
        let username = request.path_param("username")?;
        Ok(Response::plain(format!("GET: {username}")))
    }

    async fn post(request: Request) -> Result<Response> {
        let username = request.path_param("username")?;
        Ok(Response::plain(format!("POST: {username}")))
    }
}

/// The routes, the app, and a client that asks four things of it.
pub async fn main() -> Result<()> {
    let routes = vec![
        Route::class("/", HttpEndpoint::new().get(endpoint(Homepage::get)))?, // the Endpoint class itself
        Route::class(
            "/{username}",
            HttpEndpoint::new()
                .get(endpoint(User::get))
                .post(endpoint(User::post)),
        )?,
    ];
    let app = starlette(routes);
    let server = Server::new(Config::new(app, 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let asks = [
        ("GET", "/"),
        ("GET", "/Ada"),
        ("POST", "/Ada"),
        ("DELETE", "/Ada"),
    ];
    for (method, path) in asks {
        let url = format!("http://127.0.0.1:5000{path}");
        let resp = client::Request::new(method, &url).send().await?;
        let status = resp.status();
        print!(py 46, "{method} {path} -> {status} {}", resp.text().await?);
    }
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-endpoint",
    title: Text {
        en: "Starlette's HTTPEndpoint: a method per HTTP method",
        zh: "Starlette 的 HTTPEndpoint：每种请求方式一个方法",
    },
    note: Text {
        en: "A route can take a class instead of a function: Route('/{username}', User) with \
             User an HTTPEndpoint. Every request method reaches it, and its dispatch picks the \
             method of the same name, get or post (HEAD goes to get); DELETE finds none, so \
             the endpoint itself answers 405 Method Not Allowed. request.base_url is a URL \
             object; the course passes it to PlainTextResponse as it is, which Starlette \
             cannot encode (a 500), so this listing passes str(request.base_url). The server \
             says it is at http://127.0.0.1:5000/, as uvicorn's would, whatever address the \
             browser used through the Service Worker.",
        zh: "路由可以传一个类而不是函数：Route('/{username}', User)，User 是一个 HTTPEndpoint。\
             所有请求方式都会到达它，由它的 dispatch 按请求方式选出同名的方法 get 或 post\
             （HEAD 交给 get）；DELETE 找不到对应的方法，于是 endpoint 自己返回 405 Method Not \
             Allowed。request.base_url 是一个 URL 对象；课文直接把它传给 PlainTextResponse，\
             Starlette 无法编码它（得到 500），所以这里传的是 str(request.base_url)。服务器说自己在 \
             http://127.0.0.1:5000/，就像 uvicorn 里那样，不管浏览器经过 Service Worker 用的是哪个地址。",
    },
    python: Text {
        en: include_str!("starlette_endpoint.en.py"),
        zh: include_str!("starlette_endpoint.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_endpoint.rs"),
    expected: &[
        line(10, "Task-1", "GET / -> 200 http://127.0.0.1:5000/"),
        line(10, "Task-1", "GET /Ada -> 200 GET: Ada"),
        line(10, "Task-1", "POST /Ada -> 200 POST: Ada"),
        line(10, "Task-1", "DELETE /Ada -> 405 Method Not Allowed"),
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
