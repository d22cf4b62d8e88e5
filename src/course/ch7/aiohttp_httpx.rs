//! aiohttp and httpx side by side: two clients ask for one page at once, in two tasks. In the
//! browser both are its own `fetch`.

use crate::print;
use crate::runtime::{create_task, fetch, wait, Error, Result, ReturnWhen};

/// aiohttp's way: the status and headers as soon as they arrive, then the body.
async fn aiohttp_demo(url: String) -> Result<()> {
    print!(py 11, "start: aiohttp");
    let response = fetch(&url).await?; // session.get(URL): the headers are in
    print!(py 14, "Status: {}", response.status());
    let content_type = response
        .header("content-type")
        .ok_or_else(|| Error::raised("KeyError: 'content-type'"))?;
    print!(py 15, "Content-type: {content_type}");
    let html = response.text().await?;
    let start: String = html.chars().take(15).collect(); // html[:15]
    print!(py 17, "Body: {start} ...");
    Ok(())
}

/// httpx's way: `get` returns once the whole body is in.
async fn httpx_demo(url: String) -> Result<()> {
    print!(py 21, "start: httpx");
    let resp = fetch(&url).await?;
    let (status_code, text) = (resp.status(), resp.text().await?);
    print!(py 24, "status-code: {status_code}");
    print!(py 25, "{text}");
    Ok(())
}

/// The lesson: both clients at once, as two tasks; then each one's error, if it had one.
pub async fn main(url: String) -> Result<()> {
    let tasks = vec![
        create_task(aiohttp_demo(url.clone()))?,
        create_task(httpx_demo(url))?,
    ];
    let (done, _pending) = wait(tasks, None, ReturnWhen::AllCompleted).await?;
    for task in done {
        task.result()?; // a failed request raises here instead of being lost
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, spot, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text,
};

/// The page both clients fetch.
pub const URL: Knob = Knob {
    id: "urls",
    python: "",
    spots: &[spot(7, "BASE + \"", "samples/pages/hello.html")],
    label: Text {
        en: "URL",
        zh: "URL",
    },
    kind: KnobKind::Urls {
        default: &["samples/pages/hello.html"],
        max: 1,
    },
};

/// The sample page, whole: one short line, so httpx's `print(resp.text)` is one line too.
const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hello</title></head><body><h1>Hello, asyncio</h1></body></html>"#;

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "aiohttp-httpx",
    title: Text {
        en: "aiohttp and httpx side by side",
        zh: "aiohttp 与 httpx：两个异步 HTTP 客户端",
    },
    note: Text {
        en: "Both clients are the browser's fetch here, asking for a small page this app \
             serves (the course asks http://baidu.com). The two tasks race: both say start \
             before either answer comes, then each prints as its answer arrives, so the two \
             tasks' lines may mix in any way, each task's in its own order. aiohttp gives the \
             status and headers before the body; httpx's get returns once the whole body is \
             in. The page is one short line, so print(resp.text) shows it whole, as the course \
             does. What differs from the Python clients: the browser follows redirects itself \
             (aiohttp does too, httpx only with follow_redirects=True), reads another site \
             only if it allows CORS, and the content type is whatever the server sends (the \
             test server says text/html; charset=utf-8, a local trunk serve may say text/html). \
             Since Python 3.11 asyncio.wait takes tasks, not coroutines (the course's \
             asyncio.wait of two coroutines raises TypeError), so main wraps them in tasks, \
             and asks each for its result so a failed request is not lost.",
        zh: "这里两个客户端都是浏览器的 fetch，请求本应用自己提供的一个小页面（课文里请求的是 \
             http://baidu.com）。两个任务同时进行：在任何响应到达之前，两个都先打印 start，\
             之后谁的响应先到谁先打印，所以两个任务的输出可以任意交错，但每个任务自己的几行顺序不变。\
             aiohttp 先拿到状态码和响应头，再读响应体；httpx 的 get 要等整个响应体读完才返回。\
             这个页面只有短短一行，所以 print(resp.text) 像课文一样打印整个页面。\
             与 Python 客户端的不同：浏览器会自己跟随重定向（aiohttp 也会，httpx 要设 \
             follow_redirects=True 才会），只有对方允许 CORS 才能读取别的网站，\
             内容类型则是服务器给什么就是什么（测试服务器给 text/html; charset=utf-8，\
             本地的 trunk serve 可能只给 text/html）。从 Python 3.11 起 asyncio.wait 只接受任务，\
             不接受协程（课文里直接 wait 两个协程会抛出 TypeError），所以 main 先把它们包装成任务，\
             并逐个读取结果，请求失败时错误不会悄悄丢失。",
    },
    python: Text {
        en: include_str!("aiohttp_httpx.en.py"),
        zh: include_str!("aiohttp_httpx.py"),
    },
    rust_file: super::super::listing!("ch7/aiohttp_httpx.rs"),
    expected: &[
        line(0, "Task-2", "start: aiohttp"),
        line(0, "Task-3", "start: httpx"),
        line(0, "Task-2", "Status: 200"),
        line(0, "Task-2", "Content-type: text/html; charset=utf-8"),
        line(0, "Task-2", "Body: <!doctype html> ..."),
        line(0, "Task-3", "status-code: 200"),
        line(0, "Task-3", PAGE),
    ],
    cpython: Cpython::FetchesFromApp(&["aiohttp", "httpx"]),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::EachTaskInOrder,
    knobs: &[URL],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture {
    Box::pin(main(k.urls("urls").into_iter().next().unwrap_or_default()))
});
