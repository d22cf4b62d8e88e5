//! FastAPI's point: an endpoint that *awaits* its slow store lets the loop serve other
//! requests meanwhile; one that blocks (`time.sleep`) holds every request, and the clients too.

use crate::print;
use crate::runtime::web::fastapi::{Args, FastApi};
use crate::runtime::web::json::{self, Value};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{create_task, gather, sleep, time_ms, Job, Result};

/// `@app.get("/red") async def red()`: awaits, as the course awaits Redis.
async fn red(_args: Args) -> Result<Value> {
    print!(py 14, "request came in" | "请求来了");
    sleep(3.0).await?; // the course awaits Redis here: the loop serves others meanwhile
    let result = "{'key1': '1', 'key2': '2', 'key3': '3'}";
    print!(py 17, "{result}");
    Ok(store())
}

/// `@app.get("/block") async def block()`: the same, with a blocking sleep.
async fn block(_args: Args) -> Result<Value> {
    print!(py 24, "request came in" | "请求来了");
    Job::new("time.sleep(3)").block(3.0).run_here()?; // a synchronous wait: the whole loop stops
    let result = "{'key1': '1', 'key2': '2', 'key3': '3'}";
    print!(py 27, "{result}");
    Ok(store())
}

/// What the store holds: `{"key1": "1", "key2": "2", "key3": "3"}`.
fn store() -> Value {
    json::object([
        ("key1", "1".into()),
        ("key2", "2".into()),
        ("key3", "3".into()),
    ])
}

/// `client.get(URL + path)`, read to the end.
async fn get(path: &'static str) -> Result<String> {
    let resp = client::get(&format!("http://127.0.0.1:5000{path}"))
        .send()
        .await?;
    resp.text().await
}

/// `n` clients at once, and how long until the last one has its answer.
async fn ask(path: &'static str, n: usize) -> Result<()> {
    let start = time_ms()?;
    let gets = (0..n).map(|_| create_task(get(path)));
    gather(gets.collect::<Result<Vec<_>>>()?).await?;
    let seconds = (time_ms()? - start + 500) / 1000; // round(...)
    print!(py 38, "{n} requests to {path} took about {seconds} s" | "{n} 个请求 {path} 用了约 {seconds} 秒");
    Ok(())
}

/// The app with both endpoints; three clients to each, one group after the other.
pub async fn main() -> Result<()> {
    let mut app = FastApi::new();
    app.get("/red", &[], red)?;
    app.get("/block", &[], block)?;
    let server = Server::new(Config::new(app.app(), 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    ask("/red", 3).await?;
    ask("/block", 3).await?;
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, said, Cpython, Ends, Entry, Expected, Lesson, LessonFuture, Mistake, Needs, Order, Text,
    SERVER_PORT,
};

const RESULT: &str = "{'key1': '1', 'key2': '2', 'key3': '3'}";

const EXPECTED: &[Expected] = &[
    said(10, "GET /red", "request came in", "请求来了"),
    said(10, "GET /red", "request came in", "请求来了"),
    said(10, "GET /red", "request came in", "请求来了"),
    line(3010, "GET /red", RESULT),
    line(3010, "GET /red", RESULT),
    line(3010, "GET /red", RESULT),
    said(
        3010,
        "Task-1",
        "3 requests to /red took about 3 s",
        "3 个请求 /red 用了约 3 秒",
    ),
    said(3010, "GET /block", "request came in", "请求来了"),
    line(6010, "GET /block", RESULT),
    said(6010, "GET /block", "request came in", "请求来了"),
    line(9010, "GET /block", RESULT),
    said(9010, "GET /block", "request came in", "请求来了"),
    line(12010, "GET /block", RESULT),
    said(
        12010,
        "Task-1",
        "3 requests to /block took about 9 s",
        "3 个请求 /block 用了约 9 秒",
    ),
];

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "fastapi-red",
    title: Text {
        en: "FastAPI: an endpoint that awaits, and one that blocks",
        zh: "FastAPI：await 的接口与阻塞的接口",
    },
    note: Text {
        en: "Three clients ask /red at once: each request is a task, each prints 'request \
             came in' and awaits its slow store (the course awaits Redis there; here a 3 s \
             sleep stands in for it, Redis comes with its own lessons), so the loop takes the \
             next request meanwhile and all three are answered after 3 s. /block does the \
             same with time.sleep(3): the loop can do nothing until it returns, so the \
             requests are served one after another, 9 s in all; the clients live on the same \
             loop, so they too read their answers only at the end. FastAPI returns the dict \
             as JSON; FastAPI is Starlette with decorators (@app.get), so here the routes are \
             Starlette's. The requests are real HTTP through the page's Service Worker.",
        zh: "三个客户端同时请求 /red：每个请求都是一个任务，各自打印“请求来了”，然后 await 慢速的存储\
             （课文在这里等 Redis；这里用 3 秒的睡眠代替，Redis 有它自己的课），事件循环趁这段时间接收\
             下一个请求，三个请求在 3 秒后一起得到响应。/block 做同样的事，但用的是 time.sleep(3)：\
             它返回之前事件循环什么也做不了，请求只能一个接一个地处理，一共 9 秒；客户端也在同一个\
             事件循环里，所以它们也要到最后才读到响应。FastAPI 把返回的 dict 转成 JSON；FastAPI 就是\
             加了装饰器（@app.get）的 Starlette，所以这里的路由用的是 Starlette 的。\
             这些请求都是经过页面 Service Worker 的真实 HTTP。",
    },
    python: Text {
        en: include_str!("fastapi_red.en.py"),
        zh: include_str!("fastapi_red.py"),
    },
    rust_file: super::super::listing!("ch9/fastapi_red.rs"),
    expected: EXPECTED,
    cpython: Cpython::Serves(&["uvicorn", "fastapi", "httpx"]),
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Runtime,
    mistakes: &[Mistake::Blocked],
    console: None,
    http_port: Some(SERVER_PORT),
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
