//! The course's storage libraries on the browser's own storage, as the lessons map them:
//! `aiofile` (`AIOFile`, `async_open`, `Writer`, `Reader`, `LineReader`) and `os.remove` on the
//! page's private file system (OPFS), and `redis.asyncio` on IndexedDB (one database per
//! server URL). Every call is the runtime's storage I/O, recorded in the Trace as the lessons'
//! calls are. What differs: files are the site's private ones (no paths), and `os.remove`
//! starts the deletion and returns (the browser's file system has no blocking call).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::dict::Dict;
use python::types::Exc;
use python::value::{Builtin, HostObject, HostWait};
use python::{Args, PyResult, Value, Vm};

use super::drive::to_exception;
use super::objects::{function, method, module, ready, this, Awaiting};
use crate::runtime::aiofile::{LineReader, Reader, Writer};
use crate::runtime::redis::{Client, Redis};
use crate::runtime::storage::{self, AsyncFile};
use crate::runtime::Error;

/// `import aiofile`, `import os`, `import redis.asyncio`.
pub(super) fn import(vm: &mut Vm, name: &str) -> Option<PyResult> {
    Some(match name {
        "aiofile" => module(
            name,
            vec![
                ("AIOFile", function("AIOFile", aio_file)),
                ("async_open", function("async_open", async_open)),
                ("Writer", function("Writer", new_writer)),
                ("Reader", function("Reader", new_reader)),
                ("LineReader", function("LineReader", new_line_reader)),
            ],
        ),
        "os" => module(name, vec![("remove", function("remove", os_remove))]),
        "redis.asyncio" => module(
            name,
            vec![("from_url", function("from_url", redis_from_url))],
        ),
        "redis" => match vm.import("redis.asyncio") {
            Ok(asyncio) => module(name, vec![("asyncio", asyncio)]),
            Err(e) => Err(e),
        },
        _ => return None,
    })
}

fn str_arg(args: &Args, index: usize, name: &str, what: &str) -> PyResult<Rc<str>> {
    match args.get(index, name) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(python::exceptions::type_error(format!(
            "{what}: {name} must be a str, not {}",
            python::types::type_name(other)
        ))),
        None => Err(python::exceptions::type_error(format!(
            "{what}() missing 1 required positional argument: '{name}'"
        ))),
    }
}

/// The runtime's error of a storage call as the exception Python raises.
fn storage_exception(error: &Error) -> python::Exception {
    match error {
        Error::Raised(text) if text.starts_with("ValueError: ") => {
            python::exceptions::value_error(&text["ValueError: ".len()..])
        }
        Error::Raised(text) => python::exceptions::new(Exc::OSError, text.to_string()),
        other => to_exception(other, None),
    }
}

fn io<T>(result: Result<T, Error>) -> PyResult<T> {
    result.map_err(|e| storage_exception(&e))
}

/// A file of `AIOFile(name, mode)` or `async_open(name, mode)`: opened when entered (or
/// awaited), closed when the block ends.
struct File {
    name: Rc<str>,
    mode: Rc<str>,
    open: Rc<RefCell<Option<Rc<AsyncFile>>>>,
}

impl File {
    fn opened(&self) -> PyResult<Rc<AsyncFile>> {
        self.open.borrow().clone().ok_or_else(|| {
            python::exceptions::value_error(format!("I/O operation on closed file {}", self.name))
        })
    }

    fn open_then(&self, me: Value) -> HostWait {
        let (name, mode, slot) = (self.name.clone(), self.mode.clone(), self.open.clone());
        Box::pin(async move {
            let file = io(storage::async_open(&name, &mode).await)?;
            *slot.borrow_mut() = Some(Rc::new(file));
            Ok(me)
        })
    }
}

impl HostObject for File {
    fn type_name(&self) -> &str {
        "AIOFile"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", file_enter, this),
            "__aexit__" => method("__aexit__", file_close, this),
            "close" => method("close", file_close, this),
            "write" => method("write", file_write, this),
            "read" => method("read", file_read, this),
            "readline" => method("readline", file_readline, this),
            "seek" => method("seek", file_seek, this),
            "fsync" => method("fsync", file_fsync, this),
            "name" => Ok(Value::str(&self.name)),
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, this: &Rc<dyn HostObject>) -> Option<HostWait> {
        Some(self.open_then(Value::Host(this.clone())))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn new_file(args: &Args, what: &str) -> PyResult {
    let name = str_arg(args, 0, "filename", what)?;
    let mode = match args.get(1, "mode") {
        None => Rc::from("r"),
        Some(Value::Str(m)) => m.clone(),
        Some(other) => {
            return Err(python::exceptions::type_error(format!(
                "{what}: mode must be a str, not {}",
                python::types::type_name(other)
            )))
        }
    };
    Ok(Value::Host(Rc::new(File {
        name,
        mode,
        open: Rc::new(RefCell::new(None)),
    })))
}

fn aio_file(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    new_file(&args, "AIOFile")
}

fn async_open(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    new_file(&args, "async_open")
}

fn file_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<File>(t)?;
    Ok(Awaiting::value(
        "__aenter__",
        me.open_then(t.cloned().unwrap_or(Value::None)),
    ))
}

fn file_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<File>(t)?.open.borrow_mut().take();
    Ok(ready("close", Value::None))
}

fn file_write(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let file = this::<File>(t)?.opened()?;
    let text = str_arg(&args, 0, "data", "write")?;
    Ok(Awaiting::value(
        "write",
        Box::pin(async move {
            io(file.write(&text).await)?;
            Ok(Value::Int(text.chars().count() as i64))
        }),
    ))
}

fn file_read(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let file = this::<File>(t)?.opened()?;
    Ok(Awaiting::value(
        "read",
        Box::pin(async move { Ok(Value::str(&io(file.read().await)?)) }),
    ))
}

fn file_readline(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let file = this::<File>(t)?.opened()?;
    Ok(Awaiting::value(
        "readline",
        Box::pin(async move { Ok(Value::str(&io(file.readline().await)?)) }),
    ))
}

fn file_seek(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let file = this::<File>(t)?.opened()?;
    let position = args
        .get(0, "offset")
        .and_then(python::int::to_i64)
        .filter(|p| *p >= 0)
        .ok_or_else(|| python::exceptions::value_error("seek: the offset must be an int ≥ 0"))?;
    file.seek(position as usize);
    Ok(Value::Int(position))
}

fn file_fsync(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let file = this::<File>(t)?.opened()?;
    Ok(Awaiting::value(
        "fsync",
        Box::pin(async move {
            io(file.fsync().await)?;
            Ok(Value::None)
        }),
    ))
}

/// The open file of `Writer(afp)` and the readers' `afp`.
fn open_file_arg(args: &Args, what: &str) -> PyResult<Rc<AsyncFile>> {
    match args.get(0, "aio_file") {
        Some(Value::Host(h)) => match h.as_any().downcast_ref::<File>() {
            Some(file) => file.opened(),
            None => Err(python::exceptions::type_error(format!(
                "{what}() takes an AIOFile"
            ))),
        },
        _ => Err(python::exceptions::type_error(format!(
            "{what}() takes an AIOFile"
        ))),
    }
}

/// `Writer(afp)`, called with each piece: `await writer(text)`.
struct WriterState(Rc<RefCell<Option<Writer<Rc<AsyncFile>>>>>);

impl HostObject for WriterState {
    fn type_name(&self) -> &str {
        "Writer"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, _name: &str) -> Option<PyResult> {
        None
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn new_writer(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let file = open_file_arg(&args, "Writer")?;
    let state = WriterState(Rc::new(RefCell::new(Some(Writer::new(file)))));
    Ok(Value::Builtin(Rc::new(Builtin {
        name: "Writer",
        func: writer_call,
        this: Some(Value::Host(Rc::new(state))),
    })))
}

fn writer_call(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let state = this::<WriterState>(t)?.0.clone();
    let text = str_arg(&args, 0, "data", "Writer")?;
    Ok(Awaiting::value(
        "Writer",
        Box::pin(async move {
            // Out of its cell while it writes: one write at a time, as aiofile's writer.
            let Some(mut writer) = state.borrow_mut().take() else {
                return Err(python::exceptions::runtime_error(
                    "Writer: the previous write has not finished",
                ));
            };
            let written = writer.write(&text).await;
            *state.borrow_mut() = Some(writer);
            io(written)?;
            Ok(Value::None)
        }),
    ))
}

/// `Reader(afp, chunk_size=...)` and `LineReader(afp)`: `async for` pieces of the file.
enum Pieces {
    Chunks(Reader<Rc<AsyncFile>>),
    Lines(LineReader<Rc<AsyncFile>>),
}

struct PieceIter(Rc<RefCell<Option<Pieces>>>);

impl HostObject for PieceIter {
    fn type_name(&self) -> &str {
        "Reader"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aiter__" => method("__aiter__", pieces_aiter, this),
            "__anext__" => method("__anext__", pieces_anext, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn pieces(p: Pieces) -> Value {
    Value::Host(Rc::new(PieceIter(Rc::new(RefCell::new(Some(p))))))
}

fn new_reader(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let file = open_file_arg(&args, "Reader")?;
    let size = match args.get(1, "chunk_size") {
        None => 32 * 1024,
        Some(v) => python::int::to_i64(v)
            .filter(|n| *n > 0)
            .ok_or_else(|| python::exceptions::value_error("chunk_size must be an int > 0"))?
            as usize,
    };
    Ok(pieces(Pieces::Chunks(Reader::new(file, size))))
}

fn new_line_reader(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let file = open_file_arg(&args, "LineReader")?;
    Ok(pieces(Pieces::Lines(LineReader::new(file))))
}

fn pieces_aiter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PieceIter>(t)?;
    Ok(t.cloned().unwrap_or(Value::None))
}

fn pieces_anext(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let state = this::<PieceIter>(t)?.0.clone();
    Ok(Awaiting::value(
        "__anext__",
        Box::pin(async move {
            let Some(mut reader) = state.borrow_mut().take() else {
                return Err(python::exceptions::runtime_error(
                    "the reader is already reading",
                ));
            };
            let next = match &mut reader {
                Pieces::Chunks(r) => r.next().await,
                Pieces::Lines(r) => r.next().await,
            };
            *state.borrow_mut() = Some(reader);
            match io(next)? {
                Some(piece) => Ok(Value::str(&piece)),
                None => Err(python::exceptions::new(Exc::StopAsyncIteration, "")),
            }
        }),
    ))
}

/// `os.remove(path)`: a file of the private file system (see the module's note).
fn os_remove(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let name = str_arg(&args, 0, "path", "remove")?;
    io(storage::remove_file(&name))?;
    Ok(Value::None)
}

/// `redis.asyncio.from_url(url, decode_responses=True)`: a client of the IndexedDB database
/// that stands for that server.
struct RedisClient(Redis);

impl HostObject for RedisClient {
    fn type_name(&self) -> &str {
        "Redis"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "set" => method("set", redis_set, this),
            "get" => method("get", redis_get, this),
            "delete" => method("delete", redis_delete, this),
            "hset" => method("hset", redis_hset, this),
            "hgetall" => method("hgetall", redis_hgetall, this),
            "client" => method("client", redis_client, this),
            "aclose" | "close" => method("aclose", redis_aclose, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn redis_from_url(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let url = str_arg(&args, 0, "url", "from_url")?;
    let client = io(Redis::from_url(&url))?;
    Ok(Value::Host(Rc::new(RedisClient(client))))
}

/// A key or value as Redis takes it: text (a number is written as its text).
fn redis_text(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<String> {
    match v {
        Some(v @ (Value::Str(_) | Value::Int(_) | Value::Float(_))) => python::ops::str_of(vm, v),
        Some(other) => Err(python::exceptions::new(
            Exc::Exception,
            format!(
                "DataError: Invalid input of type: '{}'. Convert to a bytes, string, int or float first.",
                python::types::type_name(other)
            ),
        )),
        None => Err(python::exceptions::type_error(format!(
            "missing 1 required positional argument: '{what}'"
        ))),
    }
}

/// What `set` and `get` go to: the pool's client, or a single-connection one.
enum Target {
    Pool(Redis),
    Single(Rc<Client>),
}

impl Target {
    fn of(t: Option<&Value>) -> PyResult<Target> {
        match this::<RedisClient>(t) {
            Ok(pool) => Ok(Target::Pool(pool.0.clone())),
            Err(_) => single_client(t).map(Target::Single),
        }
    }

    async fn set(&self, key: &str, value: &str) -> Result<(), Error> {
        match self {
            Target::Pool(redis) => redis.set(key, value).await,
            Target::Single(client) => client.set(key, value).await,
        }
    }

    async fn get(&self, key: &str) -> Result<Option<String>, Error> {
        match self {
            Target::Pool(redis) => redis.get(key).await,
            Target::Single(client) => client.get(key).await,
        }
    }
}

fn redis_set(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let client = Target::of(t)?;
    let key = redis_text(vm, args.get(0, "name"), "name")?;
    let value = redis_text(vm, args.get(1, "value"), "value")?;
    Ok(Awaiting::value(
        "set",
        Box::pin(async move {
            io(client.set(&key, &value).await)?;
            Ok(Value::Bool(true))
        }),
    ))
}

fn redis_get(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let client = Target::of(t)?;
    let key = redis_text(vm, args.get(0, "name"), "name")?;
    Ok(Awaiting::value(
        "get",
        Box::pin(
            async move { Ok(io(client.get(&key).await)?.map_or(Value::None, |v| Value::str(&v))) },
        ),
    ))
}

fn redis_delete(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let client = this::<RedisClient>(t)?.0.clone();
    let key = redis_text(vm, args.get(0, "names"), "names")?;
    Ok(Awaiting::value(
        "delete",
        Box::pin(async move {
            io(client.delete(&key).await)?;
            Ok(Value::Int(1))
        }),
    ))
}

fn redis_aclose(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<RedisClient>(t)?.0.aclose();
    Ok(ready("aclose", Value::None))
}

fn redis_hset(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let client = this::<RedisClient>(t)?.0.clone();
    let key = redis_text(vm, args.get(0, "name"), "name")?;
    let Some(Value::Dict(mapping)) = args.keyword("mapping").cloned() else {
        return Err(python::exceptions::new(
            Exc::Exception,
            "DataError: 'hset' with no key value pairs",
        ));
    };
    let mut pairs = Vec::new();
    for (field, value) in mapping.borrow().items() {
        pairs.push((
            redis_text(vm, Some(&field), "field")?,
            redis_text(vm, Some(&value), "value")?,
        ));
    }
    Ok(Awaiting::value(
        "hset",
        Box::pin(async move {
            let pairs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(f, v)| (f.as_str(), v.as_str()))
                .collect();
            Ok(Value::Int(io(client.hset(&key, &pairs).await)? as i64))
        }),
    ))
}

fn redis_hgetall(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let client = this::<RedisClient>(t)?.0.clone();
    let key = redis_text(vm, args.get(0, "name"), "name")?;
    Ok(Awaiting::value(
        "hgetall",
        Box::pin(async move {
            let mut d = Dict::new();
            for (field, value) in io(client.hgetall(&key).await)? {
                d.set_str(&field, Value::str(&value));
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }),
    ))
}

/// `redis.client()`: in `async with`, a client bound to one connection of the pool, given
/// back at the block's end.
struct SingleClient {
    redis: Redis,
    client: Rc<RefCell<Option<Rc<Client>>>>,
}

impl HostObject for SingleClient {
    fn type_name(&self) -> &str {
        "Redis"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", single_enter, this),
            "__aexit__" => method("__aexit__", single_exit, this),
            "set" => method("set", redis_set, this),
            "get" => method("get", redis_get, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn redis_client(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let redis = this::<RedisClient>(t)?.0.clone();
    Ok(Value::Host(Rc::new(SingleClient {
        redis,
        client: Rc::new(RefCell::new(None)),
    })))
}

fn single_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<SingleClient>(t)?;
    let (redis, slot) = (me.redis.clone(), me.client.clone());
    let value = t.cloned().unwrap_or(Value::None);
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move {
            let client = io(redis.client().await)?;
            *slot.borrow_mut() = Some(Rc::new(client));
            Ok(value)
        }),
    ))
}

fn single_exit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let client = this::<SingleClient>(t)?.client.borrow_mut().take();
    if let Some(client) = client.and_then(|c| Rc::try_unwrap(c).ok()) {
        client.close();
    }
    Ok(ready("__aexit__", Value::None))
}

fn single_client(t: Option<&Value>) -> PyResult<Rc<Client>> {
    this::<SingleClient>(t)?
        .client
        .borrow()
        .clone()
        .ok_or_else(|| {
            python::exceptions::runtime_error("the client is used outside its async with block")
        })
}
