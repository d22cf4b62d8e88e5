//! A Redis hash, set and read back whole: `hset('car', mapping=...)`, `hgetall('car')`, on a
//! database of the page standing for the server the URL names.

use crate::course::py;
use crate::print;
use crate::runtime::storage::{redis_database, Kv};
use crate::runtime::Result;

/// Connects, sets three fields of the hash `car`, reads it back, closes.
async fn execute(address: &str) -> Result<()> {
    print!(py 7, "starting {address}" | "开始执行 {address}");
    let redis = Kv::open(&redis_database(address)?).await?; // network I/O: connect to Redis
    let mapping = [("key1", "1"), ("key2", "2"), ("key3", "3")];
    redis.hset("car", &mapping).await?;
    let result = redis.hgetall("car").await?; // network I/O: fetch the whole hash
    print!(py 11, "{}", py::str_dict(&result));
    redis.close(); // network I/O: close the connection
    print!(py 13, "done {address}" | "结束 {address}");
    Ok(())
}

/// The lesson: one server.
pub async fn main() -> Result<()> {
    execute("redis://127.0.0.1:6379").await
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "redis-hashes",
    title: Text {
        en: "Redis hashes: hset and hgetall",
        zh: "Redis 哈希：hset 与 hgetall",
    },
    note: Text {
        en: "A Redis hash is a small dict stored under one key: hset sets some of its fields \
             (Redis keeps strings, so the numbers come back as '1', '2', '3'), hgetall returns \
             all of them, in the order they were first set. Connecting, setting, reading and \
             closing are network I/O, each an await. aioredis, which the text uses, is now part \
             of redis-py (from redis import asyncio as aioredis), and hmset_dict became \
             hset(key, mapping=...). A page cannot reach a Redis server, so the server the URL \
             names is an IndexedDB database of the page (redis 127.0.0.1:6379 db0), and HSET is \
             one IndexedDB transaction that reads the hash and writes it back, as atomic as \
             Redis' own; reading a hash with get, or a string with hgetall, is Redis' WRONGTYPE \
             error. The CPython check runs this listing against a real redis-server.",
        zh: "Redis 哈希是存在一个键下面的小字典：hset 设置其中一些字段（Redis 存的都是字符串，所以\
             数字读回来是 '1'、'2'、'3'），hgetall 按字段第一次设置的顺序返回全部字段。连接、设置、\
             读取、关闭都是网络 IO，每一步都要 await。课文用的 aioredis 现在已经并入 redis-py\
             （from redis import asyncio as aioredis），hmset_dict 也变成了 hset(key, mapping=...)。\
             网页连不上 Redis 服务器，所以 URL 指定的服务器在这里是网页自己的一个 IndexedDB 数据库\
             （redis 127.0.0.1:6379 db0），HSET 是一个先读出哈希再写回去的 IndexedDB 事务，和 Redis \
             自己一样是原子的；用 get 读哈希、用 hgetall 读字符串，都会得到 Redis 的 WRONGTYPE 错误。\
             CPython 检查让这段程序连接真实的 redis-server 运行。",
    },
    python: Text {
        en: include_str!("redis_hashes.en.py"),
        zh: include_str!("redis_hashes.py"),
    },
    rust_file: super::super::listing!("ch7/redis_hashes.rs"),
    expected: &[
        said(0, "Task-1", "starting redis://127.0.0.1:6379", "开始执行 redis://127.0.0.1:6379"),
        line(0, "Task-1", "{'key1': '1', 'key2': '2', 'key3': '3'}"),
        said(0, "Task-1", "done redis://127.0.0.1:6379", "结束 redis://127.0.0.1:6379"),
    ],
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
