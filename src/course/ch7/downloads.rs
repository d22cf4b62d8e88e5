//! Downloading files one by one, then all at once, with `fetch` on a (simulated) slow link.

use crate::runtime::fetch::file_name;
use crate::runtime::{fetch, gather, sleep, time_ms, Error, Result};
use crate::{print, tr};

/// Fetches `url` and reads its body at `kb_per_second`; returns the bytes received.
async fn fetch_slowly(url: &str, kb_per_second: u64) -> Result<u64> {
    let mut response = fetch(url).await?.error_for_status()?;
    let (start, mut got) = (time_ms()?, 0);
    while let Some(chunk) = response.chunk().await? {
        got += chunk.len() as u64;
        let due = start + got / kb_per_second; // ms: bytes / (KB/s * 1000) * 1000
        sleep(due.saturating_sub(time_ms()?) as f64 / 1000.0).await?; // the slow link
    }
    Ok(got)
}

/// Downloads one file and says how it went; a failure is this file's, not the run's.
async fn download(url: String, kb_per_second: u64) -> Result<()> {
    let name = file_name(&url);
    print!(py 18, "downloading {name}" | "下载图片: {name}");
    match fetch_slowly(&url, kb_per_second).await {
        Ok(got) => {
            print!(py 27, "done {name}: {got} bytes" | "下载完成: {name}（{got} 字节）")
        }
        Err(Error::Cancelled) => return Err(Error::Cancelled),
        Err(e @ Error::HttpStatus { .. }) => {
            print!(py 29, "failed {name}: {e}" | "下载失败: {name}（{e}）")
        }
        Err(e) => {
            print!(py 31, "failed {name}: {e}" | "下载失败: {name}（{e}）") // the others carry on
        }
    }
    Ok(())
}

async fn sequential(urls: &[String], kb_per_second: u64) -> Result<()> {
    for url in urls {
        download(url.clone(), kb_per_second).await?; // one after the other
    }
    Ok(())
}

async fn concurrent(urls: &[String], kb_per_second: u64) -> Result<()> {
    gather(urls.iter().map(|url| download(url.clone(), kb_per_second))).await?;
    Ok(())
}

fn report(way: &str, start: u64) -> Result<()> {
    let took = (time_ms()? - start + 50) / 100 * 100; // rounded to 100 ms
    print!(py 50, "{way}: about {took} ms" | "{way}：约 {took} 毫秒");
    Ok(())
}

/// The lesson: the same URLs sequentially, then concurrently, each timed.
pub async fn main(urls: Vec<String>, kb_per_second: i64) -> Result<()> {
    let kb_per_second = kb_per_second.max(1) as u64;
    let start = time_ms()?;
    sequential(&urls, kb_per_second).await?;
    report(&tr!("sequential" | "顺序执行"), start)?;
    let start = time_ms()?;
    concurrent(&urls, kb_per_second).await?;
    report(&tr!("concurrent" | "并发执行"), start)
}

// ---- end of listing ----

use super::super::{
    said, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text, Unit,
};

/// The files to download.
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
            "samples/harbour.png",
            "samples/lantern.png",
            "samples/missing.png",
            "samples/mountain.png",
        ],
        max: 8,
    },
};

/// The simulated link speed.
pub const SPEED: Knob = Knob {
    id: "speed",
    python: "KB_PER_SECOND",
    spots: &[],
    label: Text {
        en: "link speed per connection",
        zh: "每个连接的网速",
    },
    kind: KnobKind::Int {
        default: 200,
        min: 10,
        max: 100_000,
        unit: Unit::KilobytesPerSecond,
    },
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "downloads",
    title: Text {
        en: "Downloading images: one by one or all at once",
        zh: "下载图片：一个接一个，还是同时进行",
    },
    note: Text {
        en: "Real HTTP downloads with fetch, from this app's own server, read at a simulated \
             200 KB/s per connection so the difference shows. One by one, the times add up; \
             with gather, the downloads overlap and the total is the longest one. \
             missing.png does not exist: its 404 is that file's error and the others carry \
             on. Edit the URL list to try your own (other sites must allow CORS). Run as Python (Edit), aiohttp's ClientSession sends the same fetch requests, and the \
             listing's http://localhost:8080/ is this app.",
        zh: "用 fetch 真实地从本应用自己的服务器下载，为了看出差别，每个连接模拟 200 KB/s 的网速。\
             一个接一个时，时间相加；用 gather 时，下载互相重叠，总时间就是最长的那一个。\
             missing.png 并不存在：它的 404 只是这个文件的错误，其他文件照常下载。\
             可以修改 URL 列表试试别的地址（其他网站需要允许 CORS）。\
             以 Python 运行（编辑）时，aiohttp 的 ClientSession 发出的是同样的 fetch 请求，\
             代码里的 http://localhost:8080/ 就是本应用。",
    },
    python: Text {
        en: include_str!("downloads.en.py"),
        zh: include_str!("downloads.py"),
    },
    rust_file: super::super::listing!("ch7/downloads.rs"),
    expected: &[
        said(
            0,
            "Task-1",
            "downloading harbour.png",
            "下载图片: harbour.png",
        ),
        said(
            523,
            "Task-1",
            "done harbour.png: 104600 bytes",
            "下载完成: harbour.png（104600 字节）",
        ),
        said(
            523,
            "Task-1",
            "downloading lantern.png",
            "下载图片: lantern.png",
        ),
        said(
            779,
            "Task-1",
            "done lantern.png: 51240 bytes",
            "下载完成: lantern.png（51240 字节）",
        ),
        said(
            779,
            "Task-1",
            "downloading missing.png",
            "下载图片: missing.png",
        ),
        said(
            779,
            "Task-1",
            "failed missing.png: HTTP 404 Not Found: samples/missing.png",
            "下载失败: missing.png（HTTP 404 Not Found: samples/missing.png）",
        ),
        said(
            779,
            "Task-1",
            "downloading mountain.png",
            "下载图片: mountain.png",
        ),
        said(
            1579,
            "Task-1",
            "done mountain.png: 160105 bytes",
            "下载完成: mountain.png（160105 字节）",
        ),
        said(
            1579,
            "Task-1",
            "sequential: about 1600 ms",
            "顺序执行：约 1600 毫秒",
        ),
        said(
            1579,
            "Task-2",
            "downloading harbour.png",
            "下载图片: harbour.png",
        ),
        said(
            1579,
            "Task-3",
            "downloading lantern.png",
            "下载图片: lantern.png",
        ),
        said(
            1579,
            "Task-4",
            "downloading missing.png",
            "下载图片: missing.png",
        ),
        said(
            1579,
            "Task-5",
            "downloading mountain.png",
            "下载图片: mountain.png",
        ),
        said(
            1579,
            "Task-4",
            "failed missing.png: HTTP 404 Not Found: samples/missing.png",
            "下载失败: missing.png（HTTP 404 Not Found: samples/missing.png）",
        ),
        said(
            1835,
            "Task-3",
            "done lantern.png: 51240 bytes",
            "下载完成: lantern.png（51240 字节）",
        ),
        said(
            2102,
            "Task-2",
            "done harbour.png: 104600 bytes",
            "下载完成: harbour.png（104600 字节）",
        ),
        said(
            2379,
            "Task-5",
            "done mountain.png: 160105 bytes",
            "下载完成: mountain.png（160105 字节）",
        ),
        said(
            2379,
            "Task-1",
            "concurrent: about 800 ms",
            "并发执行：约 800 毫秒",
        ),
    ],
    cpython: Cpython::Server("aiohttp"),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[URLS, SPEED],
};

/// How this lesson starts.
pub const ENTRY: Entry =
    Entry::Run(|k| -> LessonFuture { Box::pin(main(k.urls("urls"), k.int("speed"))) });
