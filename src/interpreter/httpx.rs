//! `httpx`'s asynchronous client: `httpx.AsyncClient()` (in `async with`, or closed with
//! `aclose()`), its `get`, `post`, `put`, `patch`, `delete`, `head` and `request(method, url)`
//! with `params=`, `content=`, `data=`, `json=` and `headers=`, each awaited to a response whose
//! body has been read (`status_code`, `reason_phrase`, `headers`, `text`, `content`, `json()`,
//! `raise_for_status()`), and `client.stream(method, url)` for a response read as it arrives
//! (`aiter_lines()`, `aiter_bytes()`, `aiter_text()`).
//!
//! Every request is the runtime's client ([`runtime::web::client`](crate::runtime::web::client)):
//! a URL on a port of this machine where one of the page's servers listens goes to that server
//! (through the Service Worker when there is one), any other is the browser's `fetch`, the
//! listings' `http://localhost:8080/` being this app (see [`super::http_client`]). What
//! differs from httpx: the browser, not a connection pool, makes the requests (`timeout=` and
//! `limits=` have nothing to set), a cross-origin server must allow the read (CORS), and the
//! synchronous API (`httpx.get`, `httpx.Client`) is not there: it would block the page.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::types::{exc_class, Exc};
use python::value::{Class, HostObject};
use python::{Args, Exception, PyResult, Value, Vm};

use super::http_client;
use super::objects::{
    compact_json, function, method, module, ready, this, Awaiting, ExceptionFamily,
};
use crate::runtime::web::client;
use crate::runtime::Error;

thread_local! {
    static CLASSES: ExceptionFamily = const { ExceptionFamily::new("httpx") };
}

/// httpx's exception `name`: `HTTPError`, under it `RequestError` > `ConnectError` (nothing
/// answered) and `HTTPStatusError` (`raise_for_status()`).
fn error_class(name: &str) -> Rc<Class> {
    let base = match name {
        "HTTPError" => None,
        "RequestError" | "HTTPStatusError" => Some("HTTPError"),
        _ => Some("RequestError"),
    };
    CLASSES.with(|classes| {
        classes.class(name, || {
            base.map_or_else(|| exc_class(Exc::Exception), error_class)
        })
    })
}

const ERRORS: [&str; 4] = [
    "HTTPError",
    "RequestError",
    "ConnectError",
    "HTTPStatusError",
];

/// `import httpx`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    if name != "httpx" {
        return None;
    }
    let mut entries = vec![("AsyncClient", function("AsyncClient", async_client))];
    entries.extend(ERRORS.map(|name| (name, Value::Class(error_class(name)))));
    Some(module(name, entries))
}

/// The runtime's error of a request as httpx's exception.
fn request_exception(error: &Error) -> Exception {
    match error {
        Error::Cancelled => super::drive::to_exception(error, None),
        Error::Raised(text) if text.starts_with("ClientConnectorError: ") => {
            python::exceptions::instantiate(
                &error_class("ConnectError"),
                vec![Value::str("All connection attempts failed")],
            )
        }
        other => python::exceptions::instantiate(
            &error_class("RequestError"),
            vec![Value::str(&other.to_string())],
        ),
    }
}

/// `httpx.AsyncClient(base_url="", ...)`.
struct Client {
    base_url: Rc<str>,
}

fn async_client(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let base_url = match args.keyword("base_url") {
        Some(Value::Str(s)) => s.clone(),
        _ => Rc::from(""),
    };
    Ok(Value::Host(Rc::new(Client { base_url })))
}

impl HostObject for Client {
    fn type_name(&self) -> &str {
        "AsyncClient"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "get" => method("get", client_get, this),
            "post" => method("post", client_post, this),
            "put" => method("put", client_put, this),
            "patch" => method("patch", client_patch, this),
            "delete" => method("delete", client_delete, this),
            "head" => method("head", client_head, this),
            "request" => method("request", client_request, this),
            "stream" => method("stream", client_stream, this),
            "aclose" => method("aclose", client_close, this),
            "__aenter__" => method("__aenter__", client_enter, this),
            "__aexit__" => method("__aexit__", client_close, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn client_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Client>(t)?;
    Ok(ready("__aenter__", t.cloned().unwrap_or(Value::None)))
}

fn client_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Client>(t)?;
    Ok(ready("aclose", Value::None))
}

/// The request `client.request(method, url, ...)` describes.
fn outgoing(
    vm: &mut Vm,
    t: Option<&Value>,
    method: &str,
    args: &Args,
    url_at: usize,
) -> PyResult<Outgoing> {
    let base = this::<Client>(t)?.base_url.clone();
    let url = match args.get(url_at, "url") {
        Some(Value::Str(url)) => url.clone(),
        Some(other) => {
            return Err(python::exceptions::type_error(format!(
                "Invalid type for url.  Expected str or httpx.URL, got {}: {}",
                python::types::type_name(other),
                python::ops::repr(vm, other)?
            )))
        }
        None => {
            return Err(python::exceptions::type_error(
                "missing 1 required positional argument: 'url'",
            ))
        }
    };
    let mut url = if url.contains("://") {
        url.to_string()
    } else {
        format!("{}{url}", base.trim_end_matches('/'))
    };
    if let Some(params) = args.keyword("params").filter(|v| !v.is_none()).cloned() {
        let items = python::attr::get_attr(vm, &params, "items")?;
        let items = vm.call(&items, Args::default())?;
        let mut query = Vec::new();
        for pair in python::iter::collect(vm, &items)? {
            if let [k, v] = python::iter::collect(vm, &pair)?.as_slice() {
                query.push(format!(
                    "{}={}",
                    python::ops::str_of(vm, k)?,
                    python::ops::str_of(vm, v)?
                ));
            }
        }
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&query.join("&"));
    }
    let mut headers = super::web_parts::header_pairs(vm, args)?;
    let mut body = Vec::new();
    if let Some(json) = args.keyword("json").filter(|v| !v.is_none()).cloned() {
        // httpx writes it compact, keeping non-ASCII as it is.
        body = compact_json(vm, json)?.into_bytes();
        headers.push(("content-type".to_string(), "application/json".to_string()));
    } else if let Some(content) = args
        .keyword("content")
        .or_else(|| args.keyword("data"))
        .filter(|v| !v.is_none())
    {
        body = match content {
            Value::Bytes(b) => b.to_vec(),
            Value::Str(s) => s.as_bytes().to_vec(),
            Value::Dict(_) => {
                return Err(python::exceptions::unsupported(
                    "httpx's form data (data={...}): send json= or content=",
                ))
            }
            other => {
                return Err(python::exceptions::type_error(format!(
                    "Unexpected type for 'content', {}",
                    python::types::type_name(other)
                )))
            }
        };
    }
    Ok(Outgoing {
        method: method.to_ascii_uppercase(),
        url: Rc::from(url),
        headers,
        body,
    })
}

/// A request to send: what `client.request(...)` was given.
struct Outgoing {
    method: String,
    url: Rc<str>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Outgoing {
    /// Sends it (see [`super::http_client`]) and waits for the status and headers.
    async fn send(self) -> PyResult<client::Response> {
        http_client::send(&self.method, &self.url, &self.headers, self.body)
            .await
            .map_err(|e| request_exception(&e))
    }
}

/// Sends `request` and reads the whole body: what awaiting `client.get(...)` gives.
fn send(name: &'static str, request: Outgoing) -> Value {
    let url = request.url.clone();
    Awaiting::value(
        name,
        Box::pin(async move {
            let response = request.send().await?;
            let (status, headers) = (response.status(), response.headers().to_vec());
            let body = response.read().await.map_err(|e| request_exception(&e))?;
            Ok(Value::Host(Rc::new(Response {
                url,
                status,
                headers,
                body: RefCell::new(Body::Read(Rc::from(body))),
            })))
        }),
    )
}

fn client_method(vm: &mut Vm, t: Option<&Value>, args: Args, method: &'static str) -> PyResult {
    let request = outgoing(vm, t, method, &args, 0)?;
    Ok(send(method, request))
}

fn client_get(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    client_method(vm, t, args, "get")
}

fn client_post(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    client_method(vm, t, args, "post")
}

fn client_put(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    client_method(vm, t, args, "put")
}

fn client_patch(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    client_method(vm, t, args, "patch")
}

fn client_delete(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    client_method(vm, t, args, "delete")
}

fn client_head(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    client_method(vm, t, args, "head")
}

fn method_arg(args: &Args, function: &str) -> PyResult<Rc<str>> {
    match args.get(0, "method") {
        Some(Value::Str(m)) => Ok(m.clone()),
        _ => Err(python::exceptions::type_error(format!(
            "{function}() missing 1 required positional argument: 'method'"
        ))),
    }
}

fn client_request(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let method = method_arg(&args, "request")?;
    let request = outgoing(vm, t, &method, &args, 1)?;
    Ok(send("request", request))
}

/// `client.stream(method, url)`: in `async with`, the response once its status and headers
/// are in, its body read as it arrives.
fn client_stream(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let method = method_arg(&args, "stream")?;
    let request = outgoing(vm, t, &method, &args, 1)?;
    Ok(Value::Host(Rc::new(Stream(RefCell::new(Some(request))))))
}

struct Stream(RefCell<Option<Outgoing>>);

impl HostObject for Stream {
    fn type_name(&self) -> &str {
        "_AsyncGeneratorContextManager"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", stream_enter, this),
            "__aexit__" => method("__aexit__", stream_exit, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn stream_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let request = this::<Stream>(t)?
        .0
        .borrow_mut()
        .take()
        .ok_or_else(|| python::exceptions::runtime_error("the stream was already entered"))?;
    let url = request.url.clone();
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move {
            let response = request.send().await?;
            Ok(Value::Host(Rc::new(Response {
                url,
                status: response.status(),
                headers: response.headers().to_vec(),
                body: RefCell::new(Body::Streaming(Rc::new(RefCell::new(Some(response))))),
            })))
        }),
    ))
}

fn stream_exit(_vm: &mut Vm, _t: Option<&Value>, _args: Args) -> PyResult {
    Ok(ready("__aexit__", Value::None))
}

/// A response's body: read, or still coming (a streamed response; taken out while a read
/// awaits the network).
enum Body {
    Read(Rc<[u8]>),
    Streaming(Rc<RefCell<Option<client::Response>>>),
}

/// `httpx.Response`.
struct Response {
    url: Rc<str>,
    status: u16,
    headers: Vec<(String, String)>,
    body: RefCell<Body>,
}

impl Response {
    fn reason(&self) -> &'static str {
        crate::runtime::web::http::reason(self.status).unwrap_or("")
    }

    fn read_body(&self) -> PyResult<Rc<[u8]>> {
        match &*self.body.borrow() {
            Body::Read(bytes) => Ok(bytes.clone()),
            Body::Streaming(_) => Err(python::exceptions::new(
                Exc::RuntimeError,
                "Attempted to access streaming response content, without having called `read()`.",
            )),
        }
    }
}

impl HostObject for Response {
    fn type_name(&self) -> &str {
        "Response"
    }
    fn get_attr(&self, vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "status_code" => Ok(Value::Int(i64::from(self.status))),
            "reason_phrase" => Ok(Value::str(self.reason())),
            "http_version" => Ok(Value::str("HTTP/1.1")),
            "url" => Ok(Value::Str(self.url.clone())),
            "is_success" => Ok(Value::Bool((200..300).contains(&self.status))),
            "is_error" => Ok(Value::Bool(self.status >= 400)),
            "headers" => {
                super::web_parts::multidict(vm, "CIMultiDict", "CIMultiDictProxy", &self.headers)
            }
            "content" => self.read_body().map(Value::Bytes),
            "text" => self
                .read_body()
                .map(|b| Value::str(&String::from_utf8_lossy(&b))),
            "json" => method("json", response_json, this),
            "raise_for_status" => method("raise_for_status", response_raise_for_status, this),
            "aiter_lines" => method("aiter_lines", response_aiter_lines, this),
            "aiter_bytes" | "aiter_raw" => method("aiter_bytes", response_aiter_bytes, this),
            "aiter_text" => method("aiter_text", response_aiter_text, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!("<Response [{} {}]>", self.status, self.reason()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn response_json(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let body = this::<Response>(t)?.read_body()?;
    super::objects::json_loads(vm, Value::Bytes(body))
}

fn response_raise_for_status(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Response>(t)?;
    let kind = match me.status {
        200..=299 => return Ok(t.cloned().unwrap_or(Value::None)),
        100..=199 => "Informational response",
        300..=399 => "Redirect response",
        400..=499 => "Client error",
        _ => "Server error",
    };
    let text = format!(
        "{kind} '{} {}' for url '{}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{}",
        me.status,
        me.reason(),
        me.url,
        me.status
    );
    Err(python::exceptions::instantiate(
        &error_class("HTTPStatusError"),
        vec![Value::str(&text)],
    ))
}

/// How a streamed body is handed out.
#[derive(Clone, Copy)]
enum Pieces {
    Lines,
    Bytes,
    Text,
}

fn iterate(t: Option<&Value>, pieces: Pieces) -> PyResult {
    let me = this::<Response>(t)?;
    let source = match &*me.body.borrow() {
        Body::Streaming(response) => Source::Streaming(response.clone()),
        Body::Read(bytes) => Source::Read(RefCell::new(Some(bytes.clone()))),
    };
    Ok(Value::Host(Rc::new(BodyIterator { source, pieces })))
}

fn response_aiter_lines(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    iterate(t, Pieces::Lines)
}

fn response_aiter_bytes(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    iterate(t, Pieces::Bytes)
}

fn response_aiter_text(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    iterate(t, Pieces::Text)
}

enum Source {
    Streaming(Rc<RefCell<Option<client::Response>>>),
    Read(RefCell<Option<Rc<[u8]>>>),
}

/// `async for line in resp.aiter_lines()` (and bytes, text).
struct BodyIterator {
    source: Source,
    pieces: Pieces,
}

impl HostObject for BodyIterator {
    fn type_name(&self) -> &str {
        "async_generator"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aiter__" => method("__aiter__", body_aiter, this),
            "__anext__" => method("__anext__", body_anext, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn body_aiter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<BodyIterator>(t)?;
    Ok(t.cloned().unwrap_or(Value::None))
}

fn stop_async_iteration() -> Exception {
    python::exceptions::new(Exc::StopAsyncIteration, "")
}

fn body_anext(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<BodyIterator>(t)?;
    let pieces = me.pieces;
    let as_value = move |bytes: Vec<u8>| match pieces {
        Pieces::Bytes => Value::Bytes(Rc::from(bytes)),
        Pieces::Text | Pieces::Lines => Value::str(&String::from_utf8_lossy(&bytes)),
    };
    match &me.source {
        Source::Read(bytes) => {
            let next = match pieces {
                Pieces::Lines => {
                    let mut slot = bytes.borrow_mut();
                    match slot.take() {
                        Some(all) if !all.is_empty() => {
                            let end = all.iter().position(|b| *b == b'\n');
                            let (line, rest) = match end {
                                Some(i) => (&all[..i], &all[i + 1..]),
                                None => (&all[..], &all[all.len()..]),
                            };
                            let line = line.strip_suffix(b"\r").unwrap_or(line).to_vec();
                            *slot = Some(Rc::from(rest));
                            Some(line)
                        }
                        _ => None,
                    }
                }
                _ => bytes
                    .borrow_mut()
                    .take()
                    .filter(|b| !b.is_empty())
                    .map(|b| b.to_vec()),
            };
            match next {
                Some(piece) => Ok(ready("__anext__", as_value(piece))),
                None => Ok(Awaiting::value(
                    "__anext__",
                    Box::pin(async { Err(stop_async_iteration()) }),
                )),
            }
        }
        Source::Streaming(response) => {
            let response = response.clone();
            Ok(Awaiting::value(
                "__anext__",
                Box::pin(async move {
                    let Some(mut reading) = response.borrow_mut().take() else {
                        return Err(stop_async_iteration());
                    };
                    let next = match pieces {
                        Pieces::Lines => reading.line().await.map(|l| l.map(String::into_bytes)),
                        _ => reading.chunk().await,
                    };
                    let next = next.map_err(|e| request_exception(&e))?;
                    match next {
                        Some(piece) => {
                            *response.borrow_mut() = Some(reading);
                            Ok(as_value(piece))
                        }
                        None => Err(stop_async_iteration()),
                    }
                }),
            ))
        }
    }
}
