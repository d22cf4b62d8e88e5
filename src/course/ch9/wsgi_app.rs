//! WSGI: `app(environ, start_response)` is one synchronous call per request, and the server
//! (wsgiref's, on a thread of its own) makes one call at a time: a slow handler holds every
//! request behind it, so three requests at once take three handler lengths.

use crate::runtime::web::wsgi::{wsgi, Answer, Environ};
use crate::runtime::web::{client, Config, Server};
use crate::runtime::{as_completed, create_task, time_ms, AsyncIterator, Event, Job, Result};
use crate::{print, tr};

/// `def app(environ, start_response)`: sleeps a second, then answers.
fn app(_environ: &Environ) -> Answer {
    Answer {
        status: "200 OK",
        headers: vec![("Content-Type", "text/html")],
        body: Job::new("app(environ, start_response)")
            .block(1.0) // a slow handler: it waits synchronously
            .returns("<h1>Hello, web!</h1>"),
    }
}

async fn get() -> Result<(u16, String)> {
    let resp = client::get("http://127.0.0.1:5000/").send().await?;
    Ok((resp.status(), resp.text().await?))
}

/// The server on its thread; three clients at once, printed as they are answered.
pub async fn main() -> Result<()> {
    let server = Server::new(Config::new(wsgi(app), 5000)); // one thread, one request at a time
    let _serving = server.start().await?;
    let start = time_ms()?;
    let gets = (0..3).map(|_| create_task(get()));
    let mut answered = as_completed(gets.collect::<Result<Vec<_>>>()?);
    while let Some((status, text)) = answered.anext().await? {
        let took = (time_ms()? - start + 500) / 1000; // round(...)
        let after = tr!("after about {took} s" | "用了约 {took} 秒");
        print!(py 28, "{status} {text} {after}");
    }
    Event::new().wait().await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    said, Cpython, Ends, Entry, Expected, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

const EXPECTED: &[Expected] = &[
    said(
        1000,
        "Task-1",
        "200 <h1>Hello, web!</h1> after about 1 s",
        "200 <h1>Hello, web!</h1> 用了约 1 秒",
    ),
    said(
        2000,
        "Task-1",
        "200 <h1>Hello, web!</h1> after about 2 s",
        "200 <h1>Hello, web!</h1> 用了约 2 秒",
    ),
    said(
        3000,
        "Task-1",
        "200 <h1>Hello, web!</h1> after about 3 s",
        "200 <h1>Hello, web!</h1> 用了约 3 秒",
    ),
];

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "wsgi-app",
    title: Text {
        en: "WSGI: one synchronous call per request",
        zh: "WSGI：一个请求一次同步调用",
    },
    note: Text {
        en: "A WSGI application is a plain function: the server calls it with the request \
             (environ) and a start_response function, and takes what it returns as the body. \
             The call is synchronous, so a server runs it on a thread, and wsgiref's server \
             (make_server(...).serve_forever()) has one: three requests sent at once are \
             answered after 1, 2 and 3 seconds, each waiting for the slow handler to finish \
             the one before. Here that thread is a Web Worker; the page's loop stays free, as \
             the asyncio client's loop does in Python. The course's app returns a str; WSGI \
             wants an iterable of bytes (wsgiref refuses a str), so this one returns \
             [b'<h1>Hello, web!</h1>']. ASGI, next, is the asynchronous answer to this limit.",
        zh: "WSGI 应用就是一个普通函数：服务器把请求（environ）和一个 start_response 函数传给它，\
             把它的返回值作为响应体。这个调用是同步的，所以服务器要在线程里运行它，而 wsgiref 的\
             服务器（make_server(...).serve_forever()）只有一个线程：同时发出的三个请求分别在 1、2、3 \
             秒后得到响应，每一个都要等慢的处理函数处理完前一个。这里那个线程是一个 Web Worker；\
             页面的事件循环一直空闲，就像 Python 里 asyncio 客户端的事件循环一样。课文里的 app 返回 \
             str；WSGI 要求返回可迭代的 bytes（wsgiref 不接受 str），所以这里返回 \
             [b'<h1>Hello, web!</h1>']。接下来的 ASGI 就是为了解决这个限制的异步方案。",
    },
    python: Text {
        en: include_str!("wsgi_app.en.py"),
        zh: include_str!("wsgi_app.py"),
    },
    rust_file: super::super::listing!("ch9/wsgi_app.rs"),
    expected: EXPECTED,
    cpython: Cpython::Serves(&["httpx"]),
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: Some(SERVER_PORT),
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
