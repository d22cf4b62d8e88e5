//! `gather` of several pages: the results come back in the order asked, whoever finishes first.

use crate::print;
use crate::runtime::{fetch, gather, Result};

/// Fetches a page and returns its text.
async fn fetch_page(url: String) -> Result<String> {
    fetch(&url).await?.error_for_status()?.text().await
}

/// The lesson: fetch every page at once, then print the start of each.
pub async fn main(urls: Vec<String>) -> Result<()> {
    let htmls = gather(urls.into_iter().map(fetch_page)).await?;
    for html in htmls {
        let start: String = html.chars().take(100).collect(); // html[:100]
        print!(py 22, "{start}");
    }
    Ok(())
}

// ---- end of listing ----

use super::super::{
    line, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text,
};

/// The pages to fetch.
pub const URLS: Knob = Knob {
    id: "urls",
    python: "URLS",
    spots: &[],
    label: Text {
        en: "URLs, one per line",
        zh: "URL，每行一个",
    },
    kind: KnobKind::Urls {
        default: &[
            "samples/pages/event-loop.html",
            "samples/pages/tasks.html",
            "samples/pages/futures.html",
        ],
        max: 8,
    },
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "gather-pages",
    title: Text {
        en: "gather of several pages",
        zh: "用 gather 抓取多个页面",
    },
    note: Text {
        en: "Three real requests at once; gather returns their texts in the order of the \
             URL list, not the order they arrived, so printing them needs no sorting. The \
             first 100 characters are HTML, shown as text. If one page fails, gather raises \
             its error and main ends with it. Run as Python (Edit), aiohttp's ClientSession sends the same fetch requests, and the \
             listing's http://localhost:8080/ is this app.",
        zh: "三个真实的请求同时发出；gather 按 URL 列表的顺序返回内容，而不是按到达的顺序，\
             所以打印时不需要排序。前 100 个字符是 HTML，按文本显示。\
             如果某个页面失败，gather 会抛出它的错误，main 随之结束。\
             以 Python 运行（编辑）时，aiohttp 的 ClientSession 发出的是同样的 fetch 请求，\
             代码里的 http://localhost:8080/ 就是本应用。",
    },
    python: Text {
        en: include_str!("gather_pages.en.py"),
        zh: include_str!("gather_pages.py"),
    },
    rust_file: super::super::listing!("ch7/gather_pages.rs"),
    expected: &[
        line(
            0,
            "Task-1",
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The event loop</title></head><body"#,
        ),
        line(
            0,
            "Task-1",
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tasks</title></head><body><h1>Task"#,
        ),
        line(
            0,
            "Task-1",
            r#"<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Future 对象</title></head><body><h1>"#,
        ),
    ],
    cpython: Cpython::Server("aiohttp"),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[URLS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.urls("urls"))) });
