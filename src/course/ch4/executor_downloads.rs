//! The course's downloader built on a library with no asyncio support: `requests.get` runs on
//! the default pool's threads, and each coroutine awaits its response.

use crate::print;
use crate::runtime::fetch::file_name;
use crate::runtime::storage::async_open;
use crate::runtime::{
    create_task, run_in_executor, wait, Error, Job, Result, ReturnWhen, Returned,
};

/// `requests.get(url)`: a blocking GET, which holds its thread until the whole response is in.
fn requests_get(url: &str) -> Job {
    Job::new(format!("requests.get({url})")).get(url)
}

async fn download_image(url: String) -> Result<()> {
    print!(py 15, "downloading: {url}" | "开始下载: {url}");
    // requests has no asyncio support: a thread of the default pool does the waiting
    let future = run_in_executor(None, requests_get(&url));
    let response = future.await?;
    print!(py 20, "download done" | "下载完成");
    let Returned::Response { body, .. } = response else {
        return Err(Error::raised("requests.get gave no response"));
    };
    // saved in the page's private file system
    let file_object = async_open(file_name(&url), "wb").await?;
    file_object.write_bytes(&body).await
}

/// The lesson: one task per URL, all awaited together.
pub async fn main(urls: Vec<String>) -> Result<()> {
    let mut tasks = Vec::new();
    for url in urls {
        tasks.push(create_task(download_image(url))?);
    }
    wait(tasks, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{
    said, Cpython, Ends, Entry, Knob, KnobKind, Lesson, LessonFuture, Needs, Order, Text,
};

/// The images to download.
const URLS: Knob = Knob {
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
            "samples/mountain.png",
        ],
        max: 8,
    },
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "executor-downloads",
    title: Text {
        en: "A blocking library in the executor: requests.get",
        zh: "在线程池里调用阻塞的库：requests.get",
    },
    note: Text {
        en: "The course's downloader for a library with no asyncio support: requests.get \
             blocks its thread until the whole response is in, so each call goes to the \
             default thread pool with run_in_executor, and the coroutine awaits the future. \
             All three start at once; the loop stays free while the threads wait. Here the \
             threads are Web Workers and requests.get is a synchronous XMLHttpRequest, which \
             a worker (unlike the page) may make: it really blocks the worker's thread. The \
             images are this app's own files, and they are saved in the page's private file \
             system (a real file; in the browser a write is asynchronous, so the coroutine \
             awaits it where Python's open().write() would not). The text waits with \
             run_until_complete(asyncio.wait(coroutines)); since Python 3.11 wait takes \
             tasks only, so main makes them.",
        zh: "课程里用不支持 asyncio 的库下载图片的例子：requests.get 会阻塞所在的线程，\
             直到收到全部响应，所以每次调用都用 run_in_executor 交给默认线程池，协程去 await 返回的 future。\
             三个下载同时开始；线程在等的时候，事件循环是空闲的。这里的线程是 Web Worker，\
             requests.get 是同步的 XMLHttpRequest，Worker（与页面不同）可以发同步请求：\
             它真的阻塞了 Worker 的线程。图片是本应用自己的文件，保存在页面的私有文件系统里\
             （真实的文件；浏览器里写文件是异步的，所以协程要 await，而 Python 的 open().write() 不用）。\
             课程用 run_until_complete(asyncio.wait(协程列表)) 等待；从 Python 3.11 起 wait 只接受 \
             task，所以 main 先创建 task。",
    },
    python: Text {
        en: include_str!("executor_downloads.en.py"),
        zh: include_str!("executor_downloads.py"),
    },
    rust_file: super::super::listing!("ch4/executor_downloads.rs"),
    expected: &[
        said(0, "Task-2", "downloading: samples/harbour.png", "开始下载: samples/harbour.png"),
        said(0, "Task-3", "downloading: samples/lantern.png", "开始下载: samples/lantern.png"),
        said(0, "Task-4", "downloading: samples/mountain.png", "开始下载: samples/mountain.png"),
        // A GET of a local file takes a few ms; which of the three ends first varies.
        said(10, "Task-2", "download done", "下载完成"),
        said(10, "Task-3", "download done", "下载完成"),
        said(10, "Task-4", "download done", "下载完成"),
    ],
    cpython: Cpython::FetchesFromApp(&["requests"]),
    ends: Ends::ByItself,
    needs: Needs::Workers,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::SameTimeAnyOrder,
    knobs: &[URLS],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|k| -> LessonFuture { Box::pin(main(k.urls("urls"))) });
