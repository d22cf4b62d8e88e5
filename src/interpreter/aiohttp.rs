//! `aiohttp`'s client: `ClientSession`, `session.get(url)` and `post`, `put`, `delete`,
//! `patch`, `head`, `request(method, url)` with `data=` and `headers=` (awaited or `async with`),
//! the response's `status`, `reason`, `headers` (a case-insensitive `CIMultiDictProxy`),
//! `raise_for_status()`, `text()`, `read()` and `content.iter_chunked(n)` / `content.read(n)`,
//! and the `ClientError` family. `aiohttp.web`, the server, is [`super::aiohttp_web`].
//!
//! A URL on a port of this machine where one of the page's servers listens (an `aiohttp.web`
//! application the program started, a lesson's server) goes to that server
//! ([`runtime::web::client`](crate::runtime::web::client)), through the Service Worker when
//! there is one. Any other request is the runtime's own [`fetch`](runtime::fetch): the Trace
//! records it as the lessons' requests are (its progress, its status), and on the virtual clock
//! time stands still while it is on the network. The course's listings call this app's own
//! server `http://localhost:8080/`: unless a server of the page listens there, a URL under it
//! is fetched from the page's own directory, where the app serves its samples. What differs
//! from aiohttp: the browser, not a connection pool, makes the requests (so `limit=` and
//! `connector=` have nothing to set), a cross-origin server must allow the read (CORS), and
//! `json=` is not taken (send the JSON text as `data=`).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::types::{exc_class, Exc};
use python::value::{Class, HostObject, HostWait};
use python::{Args, Exception, PyResult, Value, Vm};

use super::drive::to_exception;
use super::http_client;
use super::objects::{function, method, module, ready, this, Awaiting, ExceptionFamily};
use crate::runtime::web::client;
use crate::runtime::{self, Error};

thread_local! {
    static CLASSES: ExceptionFamily = const { ExceptionFamily::new("aiohttp.client_exceptions") };
}

/// aiohttp's exception `name`: `ClientError`, and under it `ClientResponseError` (an HTTP
/// error status) and `ClientConnectionError` (nothing answered) > `ClientConnectorError`
/// (nothing listens there).
fn error_class(name: &str) -> Rc<Class> {
    let base = match name {
        "ClientError" => None,
        "ClientConnectorError" => Some("ClientConnectionError"),
        _ => Some("ClientError"),
    };
    CLASSES.with(|classes| {
        classes.class(name, || {
            base.map_or_else(|| exc_class(Exc::Exception), error_class)
        })
    })
}

const ERRORS: [&str; 4] = [
    "ClientError",
    "ClientResponseError",
    "ClientConnectionError",
    "ClientConnectorError",
];

/// The runtime's error of a request as aiohttp's exception.
fn client_exception(error: &Error) -> Exception {
    match error {
        Error::HttpStatus {
            status,
            reason,
            url,
        } => {
            let text = format!("{status}, message='{reason}', url='{url}'");
            let e = python::exceptions::instantiate(
                &error_class("ClientResponseError"),
                vec![Value::str(&text)],
            );
            if let Value::Instance(i) = e.value() {
                let mut dict = i.dict.borrow_mut();
                dict.set_str("status", Value::Int(i64::from(*status)));
                dict.set_str("message", Value::str(reason));
            }
            e
        }
        Error::Cancelled => to_exception(error, None),
        // Nothing listens on that port of this machine.
        Error::Raised(text) if text.starts_with("ClientConnectorError: ") => {
            let message = &text["ClientConnectorError: ".len()..];
            python::exceptions::instantiate(
                &error_class("ClientConnectorError"),
                vec![Value::str(message)],
            )
        }
        other => python::exceptions::instantiate(
            &error_class("ClientConnectionError"),
            vec![Value::str(&other.to_string())],
        ),
    }
}

/// `import aiohttp`.
pub(super) fn import(vm: &mut Vm, name: &str) -> Option<PyResult> {
    match name {
        "aiohttp" => {}
        "aiohttp.web" => return Some(super::aiohttp_web::import()),
        _ => return None,
    }
    let web = match vm.import("aiohttp.web") {
        Ok(web) => web,
        Err(e) => return Some(Err(e)),
    };
    let mut entries = vec![
        ("web", web),
        ("ClientSession", function("ClientSession", client_session)),
    ];
    entries.extend(ERRORS.map(|name| (name, Value::Class(error_class(name)))));
    Some(module(name, entries))
}

/// `__aenter__` of an object that is its own context: it gives itself.
fn enter_itself(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(ready("__aenter__", t.cloned().unwrap_or(Value::None)))
}

/// `aiohttp.ClientSession()`.
struct Session;

impl HostObject for Session {
    fn type_name(&self) -> &str {
        "ClientSession"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "get" => method("get", session_get, this),
            "post" => method("post", session_post, this),
            "put" => method("put", session_put, this),
            "delete" => method("delete", session_delete, this),
            "patch" => method("patch", session_patch, this),
            "head" => method("head", session_head, this),
            "request" => method("request", session_request, this),
            "__aenter__" => method("__aenter__", enter_itself, this),
            "__aexit__" => method("__aexit__", session_close, this),
            "close" => method("close", session_close, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn client_session(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(Rc::new(Session)))
}

fn session_close(_vm: &mut Vm, _t: Option<&Value>, _args: Args) -> PyResult {
    Ok(ready("close", Value::None))
}

fn url_arg(args: &Args, index: usize, function: &str) -> PyResult<Rc<str>> {
    match args.get(index, "url") {
        Some(Value::Str(url)) => Ok(url.clone()),
        Some(other) => Err(python::exceptions::type_error(format!(
            "the URL must be a str, not {}",
            python::types::type_name(other)
        ))),
        None => Err(python::exceptions::type_error(format!(
            "{function}() missing 1 required positional argument: 'url'"
        ))),
    }
}

/// `session.request(method, url, data=..., headers=...)` and its shorthands.
fn request_of(vm: &mut Vm, method: &str, url: Rc<str>, args: &Args) -> PyResult {
    if args.keyword("json").is_some_and(|v| !v.is_none()) {
        return Err(python::exceptions::unsupported(
            "aiohttp's json= (send data= with the JSON text)",
        ));
    }
    let body: Vec<u8> = match args.keyword("data") {
        None | Some(Value::None) => Vec::new(),
        Some(Value::Str(s)) => s.as_bytes().to_vec(),
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(other) => {
            return Err(python::exceptions::type_error(format!(
                "data must be str or bytes, not {}",
                python::types::type_name(other)
            )))
        }
    };
    let headers = super::web_parts::header_pairs(vm, args)?;
    Ok(Value::Host(Rc::new(Request {
        outgoing: Rc::new(Outgoing {
            method: Rc::from(method.to_ascii_uppercase()),
            url,
            headers,
            body,
        }),
        response: RefCell::new(None),
    })))
}

fn session_method(vm: &mut Vm, t: Option<&Value>, args: Args, method: &str) -> PyResult {
    this::<Session>(t)?;
    let url = url_arg(&args, 0, &method.to_ascii_lowercase())?;
    request_of(vm, method, url, &args)
}

fn session_get(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    session_method(vm, t, args, "GET")
}

fn session_post(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    session_method(vm, t, args, "POST")
}

fn session_put(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    session_method(vm, t, args, "PUT")
}

fn session_delete(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    session_method(vm, t, args, "DELETE")
}

fn session_patch(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    session_method(vm, t, args, "PATCH")
}

fn session_head(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    session_method(vm, t, args, "HEAD")
}

fn session_request(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    this::<Session>(t)?;
    let method = match args.get(0, "method") {
        Some(Value::Str(m)) => m.clone(),
        _ => {
            return Err(python::exceptions::type_error(
                "request() missing 1 required positional argument: 'method'",
            ))
        }
    };
    let url = url_arg(&args, 1, "request")?;
    request_of(vm, &method, url, &args)
}

/// A request to send: what `session.request(...)` was given.
struct Outgoing {
    method: Rc<str>,
    url: Rc<str>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// What `session.get(url)` returns: awaited, the response; in `async with`, the response,
/// released when the block ends.
struct Request {
    outgoing: Rc<Outgoing>,
    response: RefCell<Option<Value>>,
}

impl Request {
    /// Sends it (see [`super::http_client`]).
    fn send(outgoing: Rc<Outgoing>) -> HostWait {
        Box::pin(async move {
            let response = http_client::send(
                &outgoing.method,
                &outgoing.url,
                &outgoing.headers,
                outgoing.body.clone(),
            )
            .await
            .map_err(|e| client_exception(&e))?;
            Ok(Value::Host(Rc::new(Response::new(
                outgoing.url.clone(),
                response,
            ))))
        })
    }
}

impl HostObject for Request {
    fn type_name(&self) -> &str {
        "_RequestContextManager"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", request_enter, this),
            "__aexit__" => method("__aexit__", request_exit, this),
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<HostWait> {
        Some(Request::send(self.outgoing.clone()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn request_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let Some(Value::Host(me)) = t.cloned() else {
        return Err(python::exceptions::type_error("wrong object"));
    };
    let outgoing = this::<Request>(t)?.outgoing.clone();
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move {
            let response = Request::send(outgoing).await?;
            if let Some(request) = me.as_any().downcast_ref::<Request>() {
                *request.response.borrow_mut() = Some(response.clone());
            }
            Ok(response)
        }),
    ))
}

fn request_exit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let response = this::<Request>(t)?.response.borrow_mut().take();
    if let Some(Value::Host(response)) = response {
        if let Some(response) = response.as_any().downcast_ref::<Response>() {
            response.release();
        }
    }
    Ok(ready("__aexit__", Value::None))
}

/// The body's reader and what was read of it but not handed out yet, shared by the response
/// and its `content`. The reader is taken out while a read awaits the network.
#[derive(Default)]
struct Body {
    reader: Option<client::Response>,
    buffered: Vec<u8>,
    /// The whole body once `read()` or `text()` has read it (aiohttp keeps it too).
    whole: Option<Rc<[u8]>>,
}

/// Reads the body's next bytes into its buffer; `false` at its end.
async fn fill(body: &Rc<RefCell<Body>>) -> PyResult<bool> {
    let Some(mut reader) = body.borrow_mut().reader.take() else {
        return Ok(false);
    };
    let chunk = reader.chunk().await.map_err(|e| client_exception(&e))?;
    let mut body = body.borrow_mut();
    match chunk {
        Some(bytes) => {
            body.buffered.extend_from_slice(&bytes);
            body.reader = Some(reader);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Up to `n` bytes of the body (all of it for a negative `n`), waiting for the network only
/// when nothing is buffered: `content.read(n)`.
async fn read_some(body: Rc<RefCell<Body>>, n: i64) -> PyResult<Value> {
    if n < 0 {
        while fill(&body).await? {}
    } else if body.borrow().buffered.is_empty() {
        fill(&body).await?;
    }
    let mut body = body.borrow_mut();
    let take = if n < 0 {
        body.buffered.len()
    } else {
        body.buffered.len().min(n as usize)
    };
    let bytes: Vec<u8> = body.buffered.drain(..take).collect();
    Ok(Value::Bytes(Rc::from(bytes)))
}

/// The whole body, read once: `response.read()`.
async fn read_whole(body: Rc<RefCell<Body>>) -> PyResult<Rc<[u8]>> {
    if let Some(whole) = body.borrow().whole.clone() {
        return Ok(whole);
    }
    while fill(&body).await? {}
    let mut body = body.borrow_mut();
    let whole: Rc<[u8]> = Rc::from(std::mem::take(&mut body.buffered));
    body.whole = Some(whole.clone());
    Ok(whole)
}

/// `aiohttp.ClientResponse`.
struct Response {
    url: Rc<str>,
    status: u16,
    reason: Rc<str>,
    headers: Vec<(String, String)>,
    body: Rc<RefCell<Body>>,
}

impl Response {
    fn new(url: Rc<str>, response: client::Response) -> Response {
        let status = response.status();
        Response {
            url,
            status,
            reason: Rc::from(runtime::web::http::reason(status).unwrap_or("")),
            headers: response.headers().to_vec(),
            body: Rc::new(RefCell::new(Body {
                reader: Some(response),
                ..Body::default()
            })),
        }
    }

    /// Lets go of the connection: a body not read to its end stops downloading.
    fn release(&self) {
        self.body.borrow_mut().reader.take();
    }
}

impl HostObject for Response {
    fn type_name(&self) -> &str {
        "ClientResponse"
    }
    fn get_attr(&self, vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "status" => Ok(Value::Int(i64::from(self.status))),
            "reason" => Ok(Value::str(&self.reason)),
            "ok" => Ok(Value::Bool((200..300).contains(&self.status))),
            "url" => Ok(Value::str(&self.url)),
            "headers" => {
                super::web_parts::multidict(vm, "CIMultiDict", "CIMultiDictProxy", &self.headers)
            }
            "content" => Ok(Value::Host(Rc::new(Content {
                body: self.body.clone(),
            }))),
            "raise_for_status" => method("raise_for_status", response_raise_for_status, this),
            "read" => method("read", response_read, this),
            "text" => method("text", response_text, this),
            "release" | "close" => method("release", response_release, this),
            "__aenter__" => method("__aenter__", enter_itself, this),
            "__aexit__" => method("__aexit__", response_exit, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!(
            "<ClientResponse({}) [{} {}]>",
            self.url, self.status, self.reason
        ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn response_raise_for_status(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Response>(t)?;
    if (200..300).contains(&me.status) || me.status < 100 {
        return Ok(Value::None);
    }
    me.release();
    Err(client_exception(&Error::HttpStatus {
        status: me.status,
        reason: me.reason.clone(),
        url: me.url.clone(),
    }))
}

fn response_read(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let body = this::<Response>(t)?.body.clone();
    Ok(Awaiting::value(
        "read",
        Box::pin(async move { Ok(Value::Bytes(read_whole(body).await?)) }),
    ))
}

fn response_text(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let body = this::<Response>(t)?.body.clone();
    Ok(Awaiting::value(
        "text",
        Box::pin(async move {
            let whole = read_whole(body).await?;
            Ok(Value::str(&String::from_utf8_lossy(&whole)))
        }),
    ))
}

fn response_release(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Response>(t)?.release();
    Ok(Value::None)
}

fn response_exit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Response>(t)?.release();
    Ok(ready("__aexit__", Value::None))
}

/// `response.content`, the body as a stream.
struct Content {
    body: Rc<RefCell<Body>>,
}

impl HostObject for Content {
    fn type_name(&self) -> &str {
        "StreamReader"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "read" => method("read", content_read, this),
            "iter_chunked" => method("iter_chunked", content_iter_chunked, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The `n` of `read(n=-1)` and `iter_chunked(n)`.
fn size_arg(args: &Args, name: &str, default: Option<i64>) -> PyResult<i64> {
    match args.get(0, name) {
        Some(v) => python::int::to_i64(v).ok_or_else(|| {
            python::exceptions::type_error(format!(
                "{name} must be an int, not {}",
                python::types::type_name(v)
            ))
        }),
        None => default.ok_or_else(|| {
            python::exceptions::type_error(format!(
                "iter_chunked() missing 1 required positional argument: '{name}'"
            ))
        }),
    }
}

fn content_read(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let body = this::<Content>(t)?.body.clone();
    let n = size_arg(&args, "n", Some(-1))?;
    Ok(Awaiting::value("read", Box::pin(read_some(body, n))))
}

fn content_iter_chunked(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let body = this::<Content>(t)?.body.clone();
    let n = size_arg(&args, "n", None)?;
    if n <= 0 {
        return Err(python::exceptions::value_error(format!(
            "the chunk size must be positive, not {n}"
        )));
    }
    Ok(Value::Host(Rc::new(Chunks { body, n })))
}

/// `async for chunk in response.content.iter_chunked(n)`: up to `n` bytes at a time.
struct Chunks {
    body: Rc<RefCell<Body>>,
    n: i64,
}

impl HostObject for Chunks {
    fn type_name(&self) -> &str {
        "AsyncStreamIterator"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aiter__" => method("__aiter__", chunks_aiter, this),
            "__anext__" => method("__anext__", chunks_anext, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn chunks_aiter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Chunks>(t)?;
    Ok(t.cloned().unwrap_or(Value::None))
}

fn chunks_anext(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Chunks>(t)?;
    let (body, n) = (me.body.clone(), me.n);
    Ok(Awaiting::value(
        "__anext__",
        Box::pin(async move {
            match read_some(body, n).await? {
                Value::Bytes(b) if b.is_empty() => {
                    Err(python::exceptions::new(Exc::StopAsyncIteration, ""))
                }
                chunk => Ok(chunk),
            }
        }),
    ))
}
