//! redis-py's asyncio client on the page's Redis stand-in ([`Kv`], one IndexedDB database per
//! server): `from_url` gives a client bound to a pool of connections, and `client()` one bound
//! to a single connection of that pool.
//!
//! A connection is an open IndexedDB connection to the server's database. As in redis-py:
//! - the pool opens connections only when a command needs one, and keeps each idle one for
//!   the next command, so commands one after another share one connection and commands at
//!   once get one each;
//! - a connection whose command failed or was cancelled is closed, never handed out again;
//! - a single-connection client takes one connection for the whole `async with` block and gives
//!   it back to the pool at its end.

use std::cell::RefCell;
use std::rc::Rc;

use super::storage::{redis_database, Kv};
use super::Result;

/// The pool: the server's database, and its idle connections.
struct Pool {
    database: String,
    idle: RefCell<Vec<Kv>>,
}

impl Pool {
    /// An idle connection, or a new one.
    async fn take(&self) -> Result<Kv> {
        let idle = self.idle.borrow_mut().pop();
        match idle {
            Some(connection) => Ok(connection),
            None => Kv::open(&self.database).await,
        }
    }

    /// Runs `command` on a connection of the pool; it goes back to the pool only if the
    /// command finished (a failed or cancelled command's connection is dropped, which closes
    /// it).
    async fn with_connection<T>(&self, command: impl AsyncFnOnce(&Kv) -> Result<T>) -> Result<T> {
        let connection = self.take().await?;
        let result = command(&connection).await;
        if result.is_ok() {
            self.idle.borrow_mut().push(connection);
        }
        result
    }
}

/// `redis.asyncio.Redis`, bound to a pool of connections: `aioredis.from_url(url)`.
#[derive(Clone)]
pub struct Redis {
    pool: Rc<Pool>,
}

impl Redis {
    /// `aioredis.from_url(url, decode_responses=True)`: reads the URL; connects only when a
    /// command needs a connection.
    pub fn from_url(url: &str) -> Result<Redis> {
        Ok(Redis {
            pool: Rc::new(Pool {
                database: redis_database(url)?,
                idle: RefCell::default(),
            }),
        })
    }

    /// `await redis.set(key, value)`, on a connection of the pool.
    pub async fn set(&self, key: &str, value: &str) -> Result<()> {
        self.pool
            .with_connection(async |kv: &Kv| kv.set(key, value).await)
            .await
    }

    /// `await redis.get(key)`, on a connection of the pool.
    pub async fn get(&self, key: &str) -> Result<Option<String>> {
        self.pool
            .with_connection(async |kv: &Kv| kv.get(key).await)
            .await
    }

    /// `await redis.delete(key)`, on a connection of the pool.
    pub async fn delete(&self, key: &str) -> Result<()> {
        self.pool
            .with_connection(async |kv: &Kv| kv.delete(key).await)
            .await
    }

    /// `await redis.hset(key, mapping=...)`: how many fields were new.
    pub async fn hset(&self, key: &str, mapping: &[(&str, &str)]) -> Result<usize> {
        self.pool
            .with_connection(async |kv: &Kv| kv.hset(key, mapping).await)
            .await
    }

    /// `await redis.hgetall(key)`: the hash's fields and values.
    pub async fn hgetall(&self, key: &str) -> Result<Vec<(String, String)>> {
        self.pool
            .with_connection(async |kv: &Kv| kv.hgetall(key).await)
            .await
    }

    /// `redis.client()` entered with `async with`: a client bound to one connection of the
    /// pool until [`Client::close`] (the block's end).
    pub async fn client(&self) -> Result<Client> {
        Ok(Client {
            pool: self.pool.clone(),
            connection: Some(self.pool.take().await?),
        })
    }

    /// `await redis.aclose()`: closes the pool's idle connections.
    pub fn aclose(&self) {
        self.pool.idle.borrow_mut().clear();
    }

    /// How many idle connections the pool holds.
    pub fn idle_connections(&self) -> usize {
        self.pool.idle.borrow().len()
    }
}

/// A client bound to one connection (`single_connection_client=True`): every command goes on
/// it, one after another.
pub struct Client {
    pool: Rc<Pool>,
    connection: Option<Kv>,
}

impl Client {
    fn connection(&self) -> &Kv {
        self.connection
            .as_ref()
            .expect("a client's connection stays until it is closed")
    }

    /// `await conn.set(key, value)`.
    pub async fn set(&self, key: &str, value: &str) -> Result<()> {
        self.connection().set(key, value).await
    }

    /// `await conn.get(key)`.
    pub async fn get(&self, key: &str) -> Result<Option<String>> {
        self.connection().get(key).await
    }

    /// Leaving the `async with` block: the connection goes back to the pool.
    pub fn close(mut self) {
        if let Some(connection) = self.connection.take() {
            self.pool.idle.borrow_mut().push(connection);
        }
    }
}
