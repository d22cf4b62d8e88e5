//! Two Redis servers at once: while one task waits on its server, the other task's requests go
//! out, so both connections overlap.

use crate::course::py;
use crate::print;
use crate::runtime::storage::{redis_database, Kv};
use crate::runtime::{create_task, wait, Result, ReturnWhen};

/// Connects, sets three fields of the hash `car`, reads it back, closes.
async fn execute(address: &'static str) -> Result<()> {
    print!(py 7, "starting {address}" | "开始执行 {address}");
    let redis = Kv::open(&redis_database(address)?).await?; // at each network I/O the other task runs
    let mapping = [("key1", "1"), ("key2", "2"), ("key3", "3")];
    redis.hset("car", &mapping).await?;
    let result = redis.hgetall("car").await?;
    print!(py 11, "{}", py::str_dict(&result));
    redis.close();
    print!(py 13, "done {address}" | "结束 {address}");
    Ok(())
}

/// The lesson: one task per server, waited for together.
pub async fn main() -> Result<()> {
    let task_list = vec![
        // since Python 3.11 wait takes tasks, not coroutines
        create_task(execute("redis://127.0.0.1:6379"))?,
        create_task(execute("redis://127.0.0.1:6380"))?,
    ];
    wait(task_list, None, ReturnWhen::AllCompleted).await?;
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

const RESULT: &str = "{'key1': '1', 'key2': '2', 'key3': '3'}";

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "redis-two-servers",
    title: Text {
        en: "Two Redis servers at once",
        zh: "同时操作两个 Redis 服务器",
    },
    note: Text {
        en: "The same execute coroutine as in the previous lesson, on two servers, one task \
             each. At every network wait the loop runs the other task: both say they start \
             before either has its hash back, and their requests are in flight together. The \
             text passes coroutines to asyncio.wait, which Python 3.11 forbids (TypeError); \
             they are wrapped in tasks here. Each server is its own IndexedDB database of the \
             page (redis 127.0.0.1:6379 db0 and redis 127.0.0.1:6380 db0); which task's answer \
             comes first depends on the browser, so only each task's own lines keep their \
             order. The CPython check starts two real redis-servers.",
        zh: "和上一课相同的 execute 协程，在两个服务器上各跑一个任务。每遇到网络等待，事件循环就去\
             运行另一个任务：两个任务都先打印“开始执行”，然后才有任何一个拿回哈希，它们的请求同时在\
             路上。课文把协程直接交给 asyncio.wait，Python 3.11 起不允许这样做（TypeError），这里先\
             把它们包装成任务。每个服务器是网页里各自的一个 IndexedDB 数据库（redis \
             127.0.0.1:6379 db0 和 redis 127.0.0.1:6380 db0）；哪个任务的回答先到由浏览器决定，\
             所以只有每个任务自己的几行保持顺序。CPython 检查会启动两个真实的 redis-server。",
    },
    python: Text {
        en: include_str!("redis_two_servers.en.py"),
        zh: include_str!("redis_two_servers.py"),
    },
    rust_file: super::super::listing!("ch7/redis_two_servers.rs"),
    expected: &[
        said(
            0,
            "Task-2",
            "starting redis://127.0.0.1:6379",
            "开始执行 redis://127.0.0.1:6379",
        ),
        said(
            0,
            "Task-3",
            "starting redis://127.0.0.1:6380",
            "开始执行 redis://127.0.0.1:6380",
        ),
        line(0, "Task-2", RESULT),
        line(0, "Task-3", RESULT),
        said(
            0,
            "Task-2",
            "done redis://127.0.0.1:6379",
            "结束 redis://127.0.0.1:6379",
        ),
        said(
            0,
            "Task-3",
            "done redis://127.0.0.1:6380",
            "结束 redis://127.0.0.1:6380",
        ),
    ],
    cpython: Cpython::Redis(&[6379, 6380]),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::EachTaskInOrder,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
