//! A key-value store: set, get and delete, on the browser's IndexedDB.

use crate::print;
use crate::runtime::storage::{redis_database, Kv};
use crate::runtime::Result;

/// The lesson: the course's Redis example, on a database of this page.
pub async fn main() -> Result<()> {
    let db = Kv::open(&redis_database("redis://127.0.0.1:6379")?).await?;
    db.set("my-key", "value").await?;
    print!(py 9, "{}", db.get("my-key").await?.as_deref().unwrap_or("None"));
    db.delete("my-key").await?;
    print!(py 11, "{}", db.get("my-key").await?.as_deref().unwrap_or("None"));
    db.drop_database().await // close it and leave nothing behind
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "indexeddb-kv",
    title: Text {
        en: "A key-value store (IndexedDB)",
        zh: "键值存储（IndexedDB）",
    },
    note: Text {
        en: "The course talks to a Redis server with aioredis; a page has no Redis, but it has \
             IndexedDB, an asynchronous database of its own. set, get and delete are real \
             requests the loop waits on. A key that is not there reads as None.",
        zh: "课程里用 aioredis 访问 Redis 服务器；网页里没有 Redis，但有 IndexedDB——\
             浏览器自带的异步数据库。set、get、delete 都是事件循环要等待的真实请求。\
             不存在的键读出来是 None。",
    },
    python: Text {
        en: include_str!("indexeddb_kv.en.py"),
        zh: include_str!("indexeddb_kv.py"),
    },
    rust_file: super::super::listing!("ch7/indexeddb_kv.rs"),
    expected: &[line(0, "Task-1", "value"), line(0, "Task-1", "None")],
    cpython: Cpython::Redis(&[6379]),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
