//! Browser storage as async I/O: the course's server-side lessons, mapped to real equivalents.
//!
//! - [`async_open`] is `aiofile.async_open`: a text file in the page's Origin Private File
//!   System (OPFS), private to this site, written and read back with real async calls.
//! - [`Kv`] is the `aioredis` key-value store: `set` / `get` / `delete` on an IndexedDB
//!   object store.
//!
//! Every call is an `IoOp` (`runtime::io`) of kind storage: recorded in the Trace, counted
//! while in flight, awaited as a runtime await point.

use super::Error;

/// Checks a file name for the lesson's folder: one plain name, not a path.
pub fn check_file_name(name: &str) -> Result<&str, Error> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        Err(Error::raised("the file name is empty"))
    } else if trimmed.contains(['/', '\\']) || trimmed == "." || trimmed == ".." {
        Err(Error::raised(format!(
            "a file name, not a path, please: {trimmed}"
        )))
    } else if trimmed.len() > 200 {
        Err(Error::raised("the file name is longer than 200 bytes"))
    } else {
        Ok(trimmed)
    }
}

/// The IndexedDB database that stands for the Redis server and database a URL names, as
/// `redis.from_url(url)` reads it: `redis://127.0.0.1:6379/0` is `redis 127.0.0.1:6379 db0`
/// (host `localhost`, port 6379 and database 0 when left out), so two servers are two
/// databases of the page.
pub fn redis_database(url: &str) -> Result<String, Error> {
    let rest = url.trim().strip_prefix("redis://").ok_or_else(|| {
        Error::raised(format!(
            "ValueError: Redis URL must specify one of the following schemes (redis://, rediss://, unix://): {url}"
        ))
    })?;
    let (authority, db) = rest.split_once('/').unwrap_or((rest, ""));
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, port),
        None => (authority, "6379"),
    };
    let host = if host.is_empty() { "localhost" } else { host };
    let port: u16 = port
        .parse()
        .map_err(|_| Error::raised(format!("ValueError: invalid port in {url}")))?;
    let db: u32 = match db {
        "" => 0,
        db => db
            .parse()
            .map_err(|_| Error::raised(format!("ValueError: invalid database in {url}")))?,
    };
    Ok(format!("redis {host}:{port} db{db}"))
}

/// The part of `text` from byte `position` on, up to and including the next newline (all of it
/// if `line` is false); never splits a character.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn slice_from(text: &str, position: usize, line: bool) -> &str {
    let mut start = position.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let rest = &text[start..];
    if !line {
        return rest;
    }
    match rest.find('\n') {
        Some(end) => &rest[..=end],
        None => rest,
    }
}

/// Up to `size` bytes of `text` from byte `offset` on, widened to whole characters (aiofile
/// reads again when a chunk ends inside one).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn chunk_at(text: &str, offset: usize, size: usize) -> &str {
    let rest = slice_from(text, offset, false);
    let mut end = size.min(rest.len());
    while !rest.is_char_boundary(end) {
        end += 1;
    }
    &rest[..end]
}

#[cfg(target_arch = "wasm32")]
pub use browser::{
    append_to_file, async_open, keep_private_files, kept_file, private_files_kept, remove_file,
    AsyncFile, Kv,
};

#[cfg(not(target_arch = "wasm32"))]
pub use native::{
    append_to_file, async_open, keep_private_files, kept_file, private_files_kept, remove_file,
    AsyncFile, Kv,
};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;

    use super::super::executor;
    use super::super::io::{js, IoOp};
    use super::{check_file_name, chunk_at, slice_from, Error};
    use crate::trace::IoKind;

    #[wasm_bindgen(module = "/src/runtime/storage.js")]
    extern "C" {
        fn opfs_write(name: &str, text: &str, position: f64, truncate: bool) -> js_sys::Promise;
        #[wasm_bindgen(js_name = opfs_write)]
        fn opfs_write_bytes(
            name: &str,
            bytes: &js_sys::Uint8Array,
            position: f64,
            truncate: bool,
        ) -> js_sys::Promise;
        fn opfs_append(name: &str, bytes: &js_sys::Uint8Array, truncate: bool) -> js_sys::Promise;
        fn opfs_read(name: &str) -> js_sys::Promise;
        fn opfs_size(name: &str) -> js_sys::Promise;
        fn opfs_remove(name: &str) -> js_sys::Promise;
        fn opfs_keep() -> js_sys::Promise;
        fn opfs_kept() -> bool;
        fn opfs_kept_file(name: &str) -> Option<js_sys::Uint8Array>;
        fn idb_open(name: &str, store: &str) -> js_sys::Promise;
        fn idb_put(db: &JsValue, store: &str, key: &str, value: &str) -> js_sys::Promise;
        fn idb_get(db: &JsValue, store: &str, key: &str) -> js_sys::Promise;
        fn idb_delete(db: &JsValue, store: &str, key: &str) -> js_sys::Promise;
        fn idb_hset(db: &JsValue, store: &str, key: &str, pairs: &js_sys::Array)
            -> js_sys::Promise;
        fn idb_hgetall(db: &JsValue, store: &str, key: &str) -> js_sys::Promise;
        fn idb_drop(name: &str) -> js_sys::Promise;
    }

    /// Runs one storage call as an I/O operation labelled `label`.
    async fn call(
        label: String,
        promise: impl FnOnce() -> js_sys::Promise,
    ) -> Result<JsValue, Error> {
        let op = IoOp::begin(IoKind::Storage, label)?;
        let result = op.wait(js::Promise::new(promise())).await;
        match &result {
            Err(Error::Cancelled) => {}
            Err(error) => op.end(Some(error)),
            Ok(_) => op.end(None),
        }
        result
    }

    /// An open text file in the Origin Private File System, with a read/write position.
    /// Shared freely (`&self` everywhere): aiofile's readers and writers hold it beside it.
    pub struct AsyncFile {
        name: Rc<str>,
        position: Cell<usize>,
    }

    /// `async_open(name, mode)`: opens (and with `"w"` / `"w+"` empties) a file of the
    /// page's private file system, creating it if needed.
    pub async fn async_open(name: &str, mode: &str) -> Result<AsyncFile, Error> {
        let name = check_file_name(name)?;
        let truncate = mode.starts_with('w');
        if !matches!(
            mode,
            "r" | "r+" | "w" | "w+" | "a" | "a+" | "rb" | "wb" | "ab" | "r+b" | "w+b" | "a+b"
        ) {
            return Err(Error::raised(format!("ValueError: invalid mode: '{mode}'")));
        }
        let size = call(format!("open {name} ({mode})"), || {
            opfs_write(name, "", 0.0, truncate)
        })
        .await?;
        let size = size.as_f64().unwrap_or(0.0) as usize;
        Ok(AsyncFile {
            name: Rc::from(name),
            position: Cell::new(if mode.starts_with('a') { size } else { 0 }),
        })
    }

    impl AsyncFile {
        /// `await afp.write(text)`: writes at the position and moves past what it wrote.
        pub async fn write(&self, text: &str) -> Result<(), Error> {
            let (name, position) = (self.name.clone(), self.position.get());
            call(format!("write {} bytes to {name}", text.len()), || {
                opfs_write(&name, text, position as f64, false)
            })
            .await?;
            self.position.set(position + text.len());
            Ok(())
        }

        /// `await afp.write(data)` of a file opened in binary mode (`"wb"`): writes the bytes
        /// at the position and moves past them.
        pub async fn write_bytes(&self, bytes: &[u8]) -> Result<(), Error> {
            let (name, position) = (self.name.clone(), self.position.get());
            // A copy: the page's memory may move while the write waits.
            let copy = js_sys::Uint8Array::from(bytes);
            call(format!("write {} bytes to {name}", bytes.len()), || {
                opfs_write_bytes(&name, &copy, position as f64, false)
            })
            .await?;
            self.position.set(position + bytes.len());
            Ok(())
        }

        /// `afp.seek(position)`: moves the position (a byte offset).
        pub fn seek(&self, position: usize) {
            self.position.set(position);
        }

        /// `await afp.read()`: the rest of the file from the position.
        pub async fn read(&self) -> Result<String, Error> {
            self.read_part(false).await
        }

        /// `await afp.readline()`: the next line, with its newline (empty at the end).
        pub async fn readline(&self) -> Result<String, Error> {
            self.read_part(true).await
        }

        async fn read_part(&self, line: bool) -> Result<String, Error> {
            let name = self.name.clone();
            let text = call(format!("read {name}"), || opfs_read(&name)).await?;
            let text = text.as_string().unwrap_or_default();
            let position = self.position.get();
            let part = slice_from(&text, position, line).to_string();
            self.position.set(position.min(text.len()) + part.len());
            Ok(part)
        }

        /// Writes `text` at byte `offset`, leaving the position alone (aiofile's `Writer`
        /// keeps its own offset).
        pub async fn write_at(&self, text: &str, offset: usize) -> Result<(), Error> {
            let name = self.name.clone();
            call(format!("write {} bytes to {name}", text.len()), || {
                opfs_write(&name, text, offset as f64, false)
            })
            .await?;
            Ok(())
        }

        /// Up to `size` bytes from byte `offset` (whole characters; empty at the end),
        /// leaving the position alone (aiofile's `Reader` keeps its own offset).
        pub async fn read_at(&self, offset: usize, size: usize) -> Result<String, Error> {
            let name = self.name.clone();
            let text = call(format!("read {name}"), || opfs_read(&name)).await?;
            let text = text.as_string().unwrap_or_default();
            Ok(chunk_at(&text, offset, size).to_string())
        }

        /// `await afp.fsync()`. A write here is committed when it returns (the file system
        /// swaps in a writable stream's data when it closes), so nothing is left to flush:
        /// this asks the file system for the committed size, a real round trip.
        pub async fn fsync(&self) -> Result<usize, Error> {
            let name = self.name.clone();
            let size = call(format!("fsync {name}"), || opfs_size(&name)).await?;
            Ok(size.as_f64().unwrap_or(0.0) as usize)
        }

        /// Deletes the file (the lesson cleans up after itself).
        pub async fn remove(self) -> Result<(), Error> {
            let name = self.name.clone();
            call(format!("remove {name}"), || opfs_remove(&name)).await?;
            Ok(())
        }
    }

    /// `os.remove(name)`, which blocks in Python while the browser's file system has no
    /// blocking call: the deletion starts now, recorded as storage work that ends when the
    /// file system says it is done. The caller goes on meanwhile.
    pub fn remove_file(name: &str) -> Result<(), Error> {
        let name = check_file_name(name)?;
        let op = IoOp::begin(IoKind::Storage, format!("remove {name}"))?;
        let removed = wasm_bindgen_futures::JsFuture::from(opfs_remove(name));
        wasm_bindgen_futures::spawn_local(async move {
            match removed.await {
                Ok(_) => op.end(None),
                Err(e) => op.end(Some(&Error::raised(js::message(&e)))),
            }
        });
        Ok(())
    }

    /// A write of a file `open()` made (`open(name, "wb")` empties it: `truncate`; each
    /// `file.write(data)` appends), which blocks in Python while the browser's file system has
    /// no blocking call: the write starts now, after the file's writes before it, recorded as
    /// storage work that ends when the file system says it is done, and then `on_end` is
    /// called with how it went. The caller goes on meanwhile.
    pub fn append_to_file(
        name: &str,
        bytes: &[u8],
        truncate: bool,
        on_end: impl FnOnce(Result<(), Error>) + 'static,
    ) -> Result<(), Error> {
        let name = check_file_name(name)?;
        let label = if truncate {
            format!("create {name}")
        } else {
            format!("write {} bytes to {name}", bytes.len())
        };
        let op = IoOp::begin(IoKind::Storage, label)?;
        let run = executor::current().map(|(run, _)| Rc::downgrade(&run));
        let copy = js_sys::Uint8Array::from(bytes);
        let written = wasm_bindgen_futures::JsFuture::from(opfs_append(name, &copy, truncate));
        wasm_bindgen_futures::spawn_local(async move {
            let result = written
                .await
                .map(|_| ())
                .map_err(|e| Error::raised(js::message(&e)));
            op.end(result.as_ref().err());
            // Told inside its run, as the run's own callbacks are.
            match run.and_then(|run| run.upgrade()) {
                Some(run) => executor::enter(&run, None, || on_end(result)),
                None => on_end(result),
            }
        });
        Ok(())
    }

    /// Keeps the page's private files in memory, for reads that cannot wait (Python's
    /// `open()`, which the browser's file system cannot answer at once): read whole the first
    /// time, then kept as each write and removal of this page ends (`storage.js`). Not a run's
    /// I/O: the page does it before it starts a program that opens files. A file system that
    /// fails keeps what was read (none without one): the failure is said on the console.
    pub async fn keep_private_files() {
        let _ = wasm_bindgen_futures::JsFuture::from(opfs_keep()).await;
    }

    /// Whether the private files are kept ([`keep_private_files`] has been done).
    pub fn private_files_kept() -> bool {
        opfs_kept()
    }

    /// The bytes of the private file `name`, as kept: `None` if there is none (or the files
    /// are not kept).
    pub fn kept_file(name: &str) -> Option<Vec<u8>> {
        opfs_kept_file(name).map(|bytes| bytes.to_vec())
    }

    /// A key-value store on IndexedDB: the browser's twin of the course's Redis lesson.
    pub struct Kv {
        db: JsValue,
        name: Rc<str>,
    }

    const STORE: &str = "kv";

    impl Kv {
        /// Opens (creating if needed) the database `name`: `aioredis.from_url(...)`.
        pub async fn open(name: &str) -> Result<Kv, Error> {
            let name = check_file_name(name)?;
            let db = call(format!("open database {name}"), || idb_open(name, STORE)).await?;
            Ok(Kv {
                db,
                name: Rc::from(name),
            })
        }

        /// `await redis.set(key, value)`.
        pub async fn set(&self, key: &str, value: &str) -> Result<(), Error> {
            call(format!("SET {key}"), || {
                idb_put(&self.db, STORE, key, value)
            })
            .await?;
            Ok(())
        }

        /// `await redis.get(key)`: `None` for a key never set.
        pub async fn get(&self, key: &str) -> Result<Option<String>, Error> {
            let value = call(format!("GET {key}"), || idb_get(&self.db, STORE, key)).await?;
            Ok(value.as_string())
        }

        /// `await redis.delete(key)`.
        pub async fn delete(&self, key: &str) -> Result<(), Error> {
            call(format!("DEL {key}"), || idb_delete(&self.db, STORE, key)).await?;
            Ok(())
        }

        /// `await redis.hset(key, mapping={...})`: sets fields of the hash at `key` in one
        /// transaction; returns how many were new, as Redis does.
        pub async fn hset(&self, key: &str, mapping: &[(&str, &str)]) -> Result<usize, Error> {
            let pairs: js_sys::Array = mapping
                .iter()
                .map(|(field, value)| {
                    [JsValue::from_str(field), JsValue::from_str(value)]
                        .into_iter()
                        .collect::<js_sys::Array>()
                })
                .collect();
            let added = call(format!("HSET {key}"), || {
                idb_hset(&self.db, STORE, key, &pairs)
            })
            .await?;
            Ok(added.as_f64().unwrap_or(0.0) as usize)
        }

        /// `await redis.hgetall(key)`: the hash's fields in the order first set (none for a
        /// missing key).
        pub async fn hgetall(&self, key: &str) -> Result<Vec<(String, String)>, Error> {
            let fields = call(format!("HGETALL {key}"), || {
                idb_hgetall(&self.db, STORE, key)
            })
            .await?;
            let fields: js_sys::Array = fields.unchecked_into();
            Ok(fields
                .iter()
                .map(|pair| {
                    let part = |i| {
                        js_sys::Reflect::get_u32(&pair, i)
                            .ok()
                            .and_then(|v| v.as_string())
                            .unwrap_or_default()
                    };
                    (part(0), part(1))
                })
                .collect())
        }

        /// Closes the connection, keeping the data (`await redis.aclose()`).
        pub fn close(self) {}

        /// Closes the connection and deletes the whole database (the lesson leaves nothing
        /// behind in the learner's browser).
        pub async fn drop_database(self) -> Result<(), Error> {
            let _ = js::call(&self.db, "close", &[]);
            let name = self.name.clone();
            call(format!("drop database {name}"), || idb_drop(&name)).await?;
            Ok(())
        }
    }

    impl Drop for Kv {
        fn drop(&mut self) {
            let _ = js::call(&self.db, "close", &[]);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{check_file_name, Error};

    fn no_browser<T>() -> Result<T, Error> {
        Err(Error::raised("browser storage needs a browser"))
    }

    /// Natively there are no private files to keep.
    pub async fn keep_private_files() {}

    /// See the browser version: natively, kept as there are none.
    pub fn private_files_kept() -> bool {
        true
    }

    /// See the browser version: natively, there is none.
    pub fn kept_file(_name: &str) -> Option<Vec<u8>> {
        None
    }

    /// Natively there is no browser storage.
    pub struct AsyncFile {
        _private: (),
    }

    /// Checks the name, then fails: there is no browser.
    pub async fn async_open(name: &str, _mode: &str) -> Result<AsyncFile, Error> {
        check_file_name(name)?;
        no_browser()
    }

    impl AsyncFile {
        /// See the browser version.
        pub async fn write(&self, _text: &str) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn write_bytes(&self, _bytes: &[u8]) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub fn seek(&self, _position: usize) {}
        /// See the browser version.
        pub async fn read(&self) -> Result<String, Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn readline(&self) -> Result<String, Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn write_at(&self, _text: &str, _offset: usize) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn read_at(&self, _offset: usize, _size: usize) -> Result<String, Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn fsync(&self) -> Result<usize, Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn remove(self) -> Result<(), Error> {
            no_browser()
        }
    }

    /// Checks the name, then fails: there is no browser.
    pub fn remove_file(name: &str) -> Result<(), Error> {
        check_file_name(name)?;
        no_browser()
    }

    /// Checks the name, then fails: there is no browser.
    pub fn append_to_file(
        name: &str,
        _bytes: &[u8],
        _truncate: bool,
        _on_end: impl FnOnce(Result<(), Error>) + 'static,
    ) -> Result<(), Error> {
        check_file_name(name)?;
        no_browser()
    }

    /// Natively there is no IndexedDB.
    pub struct Kv {
        _private: (),
    }

    impl Kv {
        /// Checks the name, then fails: there is no browser.
        pub async fn open(name: &str) -> Result<Kv, Error> {
            check_file_name(name)?;
            no_browser()
        }
        /// See the browser version.
        pub async fn set(&self, _key: &str, _value: &str) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn get(&self, _key: &str) -> Result<Option<String>, Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn delete(&self, _key: &str) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn drop_database(self) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn hset(&self, _key: &str, _mapping: &[(&str, &str)]) -> Result<usize, Error> {
            no_browser()
        }
        /// See the browser version.
        pub async fn hgetall(&self, _key: &str) -> Result<Vec<(String, String)>, Error> {
            no_browser()
        }
        /// See the browser version.
        pub fn close(self) {}
    }
}

#[cfg(test)]
mod tests {
    use super::{check_file_name, chunk_at, redis_database, slice_from};

    #[test]
    fn redis_urls_name_one_database_each() {
        assert_eq!(
            redis_database("redis://127.0.0.1:6379").unwrap(),
            "redis 127.0.0.1:6379 db0"
        );
        assert_eq!(
            redis_database("redis://localhost").unwrap(),
            "redis localhost:6379 db0"
        );
        assert_eq!(
            redis_database("redis://:secret@10.0.0.2:6380/3").unwrap(),
            "redis 10.0.0.2:6380 db3"
        );
        assert!(redis_database("http://x").is_err());
        assert!(redis_database("redis://h:port").is_err());
        assert!(check_file_name(&redis_database("redis://127.0.0.1:6380").unwrap()).is_ok());
    }

    #[test]
    fn chunks_are_whole_characters() {
        assert_eq!(chunk_at("Hello World", 0, 8), "Hello Wo");
        assert_eq!(chunk_at("Hello World", 8, 8), "rld");
        assert_eq!(chunk_at("Hello World", 11, 8), "");
        assert_eq!(chunk_at("ab中文", 0, 3), "ab中");
        assert_eq!(chunk_at("ab中文", 3, 3), "文"); // an offset inside a character moves past it
        assert_eq!(chunk_at("ab中文", 5, 3), "文");
    }

    #[test]
    fn file_names_are_plain_names() {
        assert_eq!(check_file_name(" test.txt "), Ok("test.txt"));
        assert!(check_file_name("").is_err());
        assert!(check_file_name("../etc/passwd").is_err());
        assert!(check_file_name("a/b").is_err());
        assert!(check_file_name("..").is_err());
        assert!(check_file_name(&"x".repeat(201)).is_err());
    }

    #[test]
    fn reads_start_at_the_position_and_lines_keep_their_newline() {
        let text = "Hello worldHello from\nasync world";
        assert_eq!(slice_from(text, 0, false), text);
        assert_eq!(slice_from(text, 0, true), "Hello worldHello from\n");
        assert_eq!(slice_from(text, 22, true), "async world");
        assert_eq!(slice_from(text, 99, true), "");
        assert_eq!(slice_from("é!", 1, false), "!");
    }
}
