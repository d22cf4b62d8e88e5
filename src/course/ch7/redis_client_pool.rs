//! Redis through redis-py's two kinds of client: one bound to a single connection for an
//! `async with` block, and one bound to a pool that lends a connection to each command.

use crate::print;
use crate::runtime::redis::Redis;
use crate::runtime::Result;

/// A client bound to a single connection (it does not reconnect by itself).
async fn single_connection() -> Result<()> {
    let redis = Redis::from_url("redis://127.0.0.1:6379")?;
    let conn = redis.client().await?; // takes one connection of the pool for the block
    conn.set("my-key", "value").await?;
    let val = conn.get("my-key").await?;
    conn.close();
    print!(py 12, "client {}" | "单个连接 {}", val.as_deref().unwrap_or("None"));
    redis.aclose();
    Ok(())
}

/// A client bound to a pool of connections (it reconnects by itself).
async fn redis_pool() -> Result<()> {
    let redis = Redis::from_url("redis://127.0.0.1:6379")?;
    redis.set("my-key", "value").await?; // each command borrows a connection, then returns it
    let val = redis.get("my-key").await?;
    print!(py 21, "pool {}" | "连接池 {}", val.as_deref().unwrap_or("None"));
    redis.aclose();
    Ok(())
}

/// The lesson: the two `asyncio.run` calls of the listing, one after the other.
pub async fn main() -> Result<()> {
    single_connection().await?;
    redis_pool().await
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "redis-client-pool",
    title: Text {
        en: "Redis: one connection, or a pool",
        zh: "Redis：单个连接与连接池",
    },
    note: Text {
        en: "from_url reads the address and connects to nothing yet: it makes a pool, and a \
             connection is opened when a command first needs one. redis.client(), used with \
             async with, takes one connection of the pool for the whole block and gives it \
             back at its end; every command of the block goes on that connection. Without it, \
             each command borrows a connection from the pool and returns it, so commands one \
             after another share one connection, and commands at once get one each. The I/O \
             panel shows each connection being opened (\"open database\") and each command. \
             The text's create_redis and create_redis_pool are gone: aioredis is now part of \
             redis-py. A page cannot reach a Redis server, so the server is an IndexedDB \
             database of the page (redis 127.0.0.1:6379 db0) and a connection is an open \
             IndexedDB connection to it; the CPython check runs this listing against a real \
             redis-server.",
        zh: "from_url 只读地址，还不连接任何东西：它建一个连接池，命令第一次需要连接时才去连接。\
             redis.client() 配合 async with，在整个块里占用池中的一个连接，块结束时还回去；块里的\
             每条命令都走这个连接。不用它时，每条命令从池里借一个连接，用完归还，所以先后执行的\
             命令共用一个连接，同时执行的命令各用一个。IO 面板显示每次打开连接（“open database”）\
             和每条命令。课文里的 create_redis 和 create_redis_pool 已经没有了：aioredis 现在并入了 \
             redis-py。网页连不上 Redis 服务器，所以服务器在这里是网页自己的一个 IndexedDB 数据库\
             （redis 127.0.0.1:6379 db0），一个连接就是对它打开的一个 IndexedDB 连接；CPython 检查\
             让这段程序连接真实的 redis-server 运行。",
    },
    python: Text {
        en: include_str!("redis_client_pool.en.py"),
        zh: include_str!("redis_client_pool.py"),
    },
    rust_file: super::super::listing!("ch7/redis_client_pool.rs"),
    expected: &[
        said(0, "Task-1", "client value", "单个连接 value"),
        said(0, "Task-1", "pool value", "连接池 value"),
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
