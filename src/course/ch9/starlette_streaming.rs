//! `StreamingResponse` over an async generator: the client sees each piece when it is sent,
//! half a second apart, not the whole page at the end.

use crate::print;
use crate::runtime::web::starlette::Response;
use crate::runtime::web::{app, client, Config, Receive, Scope, Send, Server};
use crate::runtime::{async_generator, create_task, sleep, AsyncGenerator, Error, Result};

/// `async def slow_numbers(minimum, maximum)`: a line, then one every half second.
fn slow_numbers(minimum: i64, maximum: i64) -> AsyncGenerator<String> {
    async_generator(move |co| async move {
        co.yield_("<html><body><ul>\n".to_string()).await;
        for number in minimum..=maximum {
            co.yield_(format!("<li>{number}</li>\n")).await;
            sleep(0.5).await?;
        }
        co.yield_("</ul></body></html>\n".to_string()).await;
        Ok(())
    })
}

/// The ASGI app: `StreamingResponse(generator, media_type='text/html')`.
async fn stream(scope: Scope, _receive: Receive, send: Send) -> Result<()> {
    if scope.kind != "http" {
        return Err(Error::raised("AssertionError"));
    }
    let generator = slow_numbers(1, 10);
    let response = Response::streaming(generator, "text/html");
    response.send_to(&send).await
}

/// The server, and a client that prints each line as it arrives.
pub async fn main() -> Result<()> {
    let server = Server::new(Config::new(app(stream), 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let mut resp = client::get("http://127.0.0.1:5000/").send().await?;
    while let Some(line) = resp.line().await? {
        print!(py 32, "{line}"); // each line as it arrives, not the whole body
    }
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Expected, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

const EXPECTED: &[Expected] = &[
    line(10, "Task-1", "<html><body><ul>"),
    line(10, "Task-1", "<li>1</li>"),
    line(510, "Task-1", "<li>2</li>"),
    line(1010, "Task-1", "<li>3</li>"),
    line(1510, "Task-1", "<li>4</li>"),
    line(2010, "Task-1", "<li>5</li>"),
    line(2510, "Task-1", "<li>6</li>"),
    line(3010, "Task-1", "<li>7</li>"),
    line(3510, "Task-1", "<li>8</li>"),
    line(4010, "Task-1", "<li>9</li>"),
    line(4510, "Task-1", "<li>10</li>"),
    line(5010, "Task-1", "</ul></body></html>"),
];

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-streaming",
    title: Text {
        en: "StreamingResponse: the page arrives piece by piece",
        zh: "StreamingResponse：响应一段一段地到达",
    },
    note: Text {
        en: "The response's body is an async generator: the server sends each piece as it is \
             yielded (HTTP's chunked transfer), so the client prints <li>2</li> half a second \
             after <li>1</li>, while the handler's task sleeps and the loop serves everything \
             else. The request is a real fetch through the page's Service Worker, which \
             streams the pieces into the browser's Response as they come. The course's \
             generator yields no line breaks; here each piece ends with one, so the client \
             can print line by line (httpx's aiter_lines) whatever way the pieces are cut on \
             the way.",
        zh: "响应体是一个异步生成器：服务器每拿到一段就发送一段（HTTP 的分块传输），所以客户端在 \
             <li>1</li> 之后半秒才打印 <li>2</li>；在此期间处理请求的任务在睡眠，事件循环照常处理\
             别的事。这个请求是经过页面 Service Worker 的真实 fetch，它把每一段一到就流式写入浏览器的 \
             Response。课文里的生成器不带换行；这里每段末尾加了换行，这样客户端可以按行打印\
             （httpx 的 aiter_lines），不管这些片段在路上被怎样切分。",
    },
    python: Text {
        en: include_str!("starlette_streaming.en.py"),
        zh: include_str!("starlette_streaming.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_streaming.rs"),
    expected: EXPECTED,
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
