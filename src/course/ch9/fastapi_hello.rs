//! FastAPI's first steps: path operations that return a dict (sent as JSON), and parameters
//! declared with their types, which FastAPI checks before the operation runs.

use crate::course::py;
use crate::print;
use crate::runtime::web::fastapi::{Args, FastApi, Param};
use crate::runtime::web::json::{self, Value};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{create_task, sleep, Error, Result};

/// `@app.get("/") async def read_root()`.
async fn read_root(_args: Args) -> Result<Value> {
    Ok(json::object([("Hello", "World".into())]))
}

/// `@app.get("/items/{item_id}") async def read_item(item_id: int, q: Optional[str] = None)`.
async fn read_item(args: Args) -> Result<Value> {
    Ok(json::object([
        ("item_id", args.get("item_id")),
        ("q", args.get("q")),
    ]))
}

/// The app, served; a client asks four paths.
pub async fn main() -> Result<()> {
    let mut app = FastApi::new();
    app.get("/", &[], read_root)?;
    let item = &[Param::PathInt("item_id"), Param::QueryStr("q")];
    app.get("/items/{item_id}", item, read_item)?;
    let server = Server::new(Config::new(app.app(), 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    for path in ["/", "/items/5?q=somequery", "/items/5", "/items/foo"] {
        let resp = client::get(&format!("http://127.0.0.1:5000{path}"))
            .send()
            .await?;
        let status = resp.status();
        let body = json::parse(&resp.text().await?).map_err(Error::raised)?; // resp.json()
        print!(py 30, "{path} {status} {}", py::json_repr(&body)); // item_id not an integer: 422, saying what is wrong
    }
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "fastapi-hello",
    title: Text {
        en: "FastAPI: path operations, typed parameters, JSON",
        zh: "FastAPI 快速上手：路径操作、带类型的参数、JSON",
    },
    note: Text {
        en: "A path operation returns a dict and FastAPI sends it as JSON. Its parameters are \
             declared by the function's signature: item_id is part of the path and must be an \
             int, q comes from the query string and may be missing (None, JSON null). FastAPI \
             checks them before calling the function: /items/foo never reaches read_item, and \
             the client gets 422 with pydantic's description of what is wrong (which parameter, \
             where, and the input). Even FastAPI's 404 is JSON: try GET /nothing in the client \
             pane. FastAPI is Starlette underneath: the router and the server are the same as \
             in the Starlette lessons. The text starts it with uvicorn main:app --reload; here \
             main starts uvicorn's server itself and asks it four times.",
        zh: "路径操作函数返回一个 dict，FastAPI 把它作为 JSON 发送。参数由函数签名声明：item_id 是路径\
             的一部分，必须是 int；q 来自查询字符串，可以没有（None，即 JSON 的 null）。FastAPI 在调用\
             函数之前先检查参数：/items/foo 根本不会进入 read_item，客户端得到 422，以及 pydantic 对错误\
             的说明（哪个参数、在哪里、输入是什么）。连 FastAPI 的 404 也是 JSON：在客户端面板里试试 \
             GET /nothing。FastAPI 的底层就是 Starlette：路由和服务器与 Starlette 那几课相同。课文用 \
             uvicorn main:app --reload 启动；这里由 main 自己启动 uvicorn 的服务器，并访问它四次。",
    },
    python: Text {
        en: include_str!("fastapi_hello.en.py"),
        zh: include_str!("fastapi_hello.py"),
    },
    rust_file: super::super::listing!("ch9/fastapi_hello.rs"),
    expected: &[
        line(10, "Task-1", "/ 200 {'Hello': 'World'}"),
        line(10, "Task-1", "/items/5?q=somequery 200 {'item_id': 5, 'q': 'somequery'}"),
        line(10, "Task-1", "/items/5 200 {'item_id': 5, 'q': None}"),
        line(
            10,
            "Task-1",
            "/items/foo 422 {'detail': [{'type': 'int_parsing', 'loc': ['path', 'item_id'], 'msg': 'Input should be a valid integer, unable to parse string as an integer', 'input': 'foo'}]}",
        ),
    ],
    cpython: Cpython::Serves(&["uvicorn", "fastapi", "httpx"]),
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
