//! ASGI and uvicorn on the page's servers: a program's ASGI application (`async def app(scope,
//! receive, send)`, or an object with such a `__call__`) is called by the runtime's server for
//! each request, with the scope as a dict and `receive` / `send` passing ASGI's message dicts;
//! `uvicorn.Config(app, host, port)`, `uvicorn.Server(config)` (`serve()`, `started`,
//! `should_exit = True`) and `uvicorn.run(app, port=...)` are the runtime's
//! [`Server`](crate::runtime::web::Server).
//!
//! The server is the one the Rust lessons use (see [`runtime::web`](crate::runtime::web)): each
//! request is a task of its own that calls the application, the lifespan protocol is run as
//! uvicorn's `lifespan="auto"` runs it, an application that raises before answering gets the
//! client a `500` and the output uvicorn's `Exception in ASGI application` with the traceback.
//! What differs from uvicorn: the port is the page's (a real HTTP endpoint through the Service
//! Worker, not a socket of the machine), a request's body arrives whole, and uvicorn's
//! `info` log (its start-up lines) is not written.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::dict::Dict;
use python::value::HostObject;
use python::{Args, Exception, PyResult, Value, Vm};

use super::asyncio::{is_cancelled_error, run_serving, VM};
use super::drive::{awaited, to_exception};
use super::objects::{function, method, module, this, Awaiting};
use crate::runtime::web::{App, Config, Incoming, Outgoing, Receive, Scope, Send, Server};
use crate::runtime::{self, Error};

/// `import uvicorn`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    (name == "uvicorn").then(|| {
        module(
            "uvicorn",
            vec![
                ("Config", function("Config", config)),
                ("Server", function("Server", server)),
                ("run", function("run", run)),
            ],
        )
    })
}

/// The runtime's application for the program's `app`: one the host made (Starlette's,
/// FastAPI's with its operations so far) as it is, anything else called as an ASGI
/// application.
pub(super) fn asgi_app(vm: &mut Vm, app: &Value) -> PyResult<App> {
    if let Value::Host(h) = app {
        if let Some(made) = super::starlette::host_app(h) {
            return Ok(made);
        }
        if let Some(made) = super::fastapi::host_app(vm, h) {
            return made;
        }
    }
    Ok(python_app(app.clone()))
}

/// A program's ASGI application as the runtime's: called with the scope, `receive` and
/// `send`, and stepped in the request's task until it returns.
fn python_app(app: Value) -> App {
    crate::runtime::web::app(move |scope, receive, send| {
        let app = app.clone();
        async move {
            let Some(vm) = VM.with(|v| v.borrow().upgrade()) else {
                return Err(Error::Cancelled);
            };
            let args = vec![
                scope_value(&scope),
                callable(Receiver(Rc::new(receive))),
                callable(Sender(send)),
            ];
            let called = {
                let mut vm = vm.borrow_mut();
                let called = vm.call(&app, Args::new(args));
                vm.flush_warnings();
                called
            };
            let returned = match called {
                Ok(v) => awaited(vm.clone(), v).await,
                Err(e) => Err(e),
            };
            returned.map(|_| ()).map_err(|e| runtime_error(&vm, &e))
        }
    })
}

/// An exception of the program's, as the runtime's error its server reports (uvicorn's
/// "Exception in ASGI application" and the traceback); a cancellation stays one.
pub(super) fn runtime_error(vm: &Rc<RefCell<Vm>>, e: &Exception) -> Error {
    if is_cancelled_error(e) {
        return Error::Cancelled;
    }
    let mut vm = vm.borrow_mut();
    let traceback = python::traceback::format(&mut vm, e, "main.py");
    Error::raised(traceback.trim_end().to_string())
}

/// A host object whose `__call__` is the program's to call (`receive`, `send`).
fn callable(object: impl HostObject + 'static) -> Value {
    Value::Host(Rc::new(object))
}

fn bytes(s: &str) -> Value {
    Value::Bytes(Rc::from(s.as_bytes()))
}

/// The scope as the dict an ASGI application gets (uvicorn's keys).
pub(super) fn scope_value(scope: &Scope) -> Value {
    let mut d = Dict::new();
    d.set_str("type", Value::str(scope.kind));
    let mut asgi = Dict::new();
    asgi.set_str("version", Value::str("3.0"));
    asgi.set_str("spec_version", Value::str("2.3"));
    d.set_str("asgi", Value::Dict(Rc::new(RefCell::new(asgi))));
    if scope.kind != "lifespan" {
        d.set_str("http_version", Value::str("1.1"));
        d.set_str(
            "server",
            Value::tuple(vec![
                Value::Str(scope.server.0.clone()),
                Value::Int(i64::from(scope.server.1)),
            ]),
        );
        d.set_str(
            "client",
            Value::tuple(vec![Value::str("127.0.0.1"), Value::Int(0)]),
        );
        let scheme = if scope.kind == "websocket" {
            "ws"
        } else {
            "http"
        };
        d.set_str("scheme", Value::str(scheme));
        if scope.kind == "http" {
            d.set_str("method", Value::Str(scope.method.clone()));
        }
        d.set_str("root_path", Value::str(""));
        d.set_str("path", Value::Str(scope.path.clone()));
        d.set_str("raw_path", bytes(&scope.path));
        d.set_str("query_string", bytes(&scope.query_string));
        let headers = scope
            .headers
            .iter()
            .map(|(n, v)| Value::tuple(vec![bytes(n), bytes(v)]))
            .collect();
        d.set_str("headers", Value::list(headers));
    }
    d.set_str("state", Value::Dict(Rc::new(RefCell::new(Dict::new()))));
    Value::Dict(Rc::new(RefCell::new(d)))
}

/// The scope an ASGI dict describes, for Starlette's `Request(scope, receive)`.
pub(super) fn scope_of(vm: &mut Vm, value: &Value) -> PyResult<Scope> {
    let Value::Dict(d) = value else {
        return Err(python::exceptions::type_error("the scope must be a dict"));
    };
    let text = |vm: &mut Vm, key: &str| -> PyResult<Rc<str>> {
        let v = d.borrow().get_str(key);
        Ok(match v {
            Some(Value::Str(s)) => s,
            Some(Value::Bytes(b)) => Rc::from(String::from_utf8_lossy(&b).as_ref()),
            Some(other) => Rc::from(python::ops::str_of(vm, &other)?.as_str()),
            None => Rc::from(""),
        })
    };
    let kind = match &*text(vm, "type")? {
        "http" => "http",
        "websocket" => "websocket",
        "lifespan" => "lifespan",
        other => {
            return Err(python::exceptions::value_error(format!(
                "an ASGI scope's type is 'http', 'websocket' or 'lifespan', not {other:?}"
            )))
        }
    };
    let server = match d.borrow().get_str("server") {
        Some(Value::Tuple(t)) if t.len() == 2 => match (&t[0], &t[1]) {
            (Value::Str(host), Value::Int(port)) => (host.clone(), *port as u16),
            _ => (Rc::from("127.0.0.1"), 80),
        },
        _ => (Rc::from("127.0.0.1"), 80),
    };
    let headers_value = d.borrow().get_str("headers");
    let mut headers = Vec::new();
    if let Some(list) = headers_value {
        for pair in python::iter::collect(vm, &list)? {
            if let [n, v] = python::iter::collect(vm, &pair)?.as_slice() {
                let as_text = |v: &Value| match v {
                    Value::Bytes(b) => Rc::from(String::from_utf8_lossy(b).as_ref()),
                    Value::Str(s) => s.clone(),
                    _ => Rc::from(""),
                };
                headers.push((as_text(n), as_text(v)));
            }
        }
    }
    Ok(Scope {
        kind,
        method: text(vm, "method")?,
        path: text(vm, "path")?,
        query_string: text(vm, "query_string")?,
        headers: Rc::from(headers),
        base_url: Rc::from(format!("http://{}:{}/", server.0, server.1)),
        server,
    })
}

/// ASGI's `receive`: awaited, the next message as a dict.
pub(super) struct Receiver(pub Rc<Receive>);

impl HostObject for Receiver {
    fn type_name(&self) -> &str {
        "function"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__call__" => method("receive", receive_call, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<function receive>".to_string())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn message(kind: &str, fields: Vec<(&str, Value)>) -> Value {
    let mut d = Dict::new();
    d.set_str("type", Value::str(kind));
    for (k, v) in fields {
        d.set_str(k, v);
    }
    Value::Dict(Rc::new(RefCell::new(d)))
}

fn incoming_value(incoming: Incoming) -> Value {
    match incoming {
        Incoming::Request { body, more_body } => message(
            "http.request",
            vec![
                ("body", Value::Bytes(Rc::from(body))),
                ("more_body", Value::Bool(more_body)),
            ],
        ),
        Incoming::Disconnect => message("http.disconnect", vec![]),
        Incoming::WebsocketConnect => message("websocket.connect", vec![]),
        Incoming::WebsocketReceive { text } => message(
            "websocket.receive",
            vec![("text", Value::str(&text)), ("bytes", Value::None)],
        ),
        Incoming::WebsocketDisconnect { code } => message(
            "websocket.disconnect",
            vec![("code", Value::Int(i64::from(code)))],
        ),
        Incoming::LifespanStartup => message("lifespan.startup", vec![]),
        Incoming::LifespanShutdown => message("lifespan.shutdown", vec![]),
    }
}

/// A runtime error as the exception the program catches: its text, as a `RuntimeError`.
fn raised(error: &Error) -> Exception {
    match error {
        Error::Raised(text) => python::exceptions::runtime_error(text.to_string()),
        other => to_exception(other, None),
    }
}

fn receive_call(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let receive = this::<Receiver>(t)?.0.clone();
    Ok(Awaiting::value(
        "receive",
        Box::pin(async move {
            let incoming = receive.receive().await.map_err(|e| raised(&e))?;
            Ok(incoming_value(incoming))
        }),
    ))
}

/// ASGI's `send`: called with a message dict, awaited until it is on its way.
pub(super) struct Sender(pub Send);

impl HostObject for Sender {
    fn type_name(&self) -> &str {
        "function"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__call__" => method("send", send_call, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<function send>".to_string())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The runtime's message for an ASGI message dict; a malformed one is the error uvicorn
/// raises.
fn outgoing_of(vm: &mut Vm, value: &Value) -> PyResult<Outgoing> {
    let Value::Dict(d) = value else {
        return Err(python::exceptions::type_error(format!(
            "an ASGI message is a dict, not {}",
            python::types::type_name(value)
        )));
    };
    let get = |key: &str| d.borrow().get_str(key);
    let kind = match get("type") {
        Some(Value::Str(s)) => s,
        _ => {
            return Err(python::exceptions::key_error(Value::str("type")));
        }
    };
    let to_bytes = |v: Option<Value>| -> PyResult<Vec<u8>> {
        match v {
            None => Ok(Vec::new()),
            Some(Value::Bytes(b)) => Ok(b.to_vec()),
            Some(other) => Err(python::exceptions::type_error(format!(
                "expected bytes, got {}",
                python::types::type_name(&other)
            ))),
        }
    };
    let text = |v: Option<Value>| match v {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    Ok(match &*kind {
        "http.response.start" => {
            let status = match get("status") {
                Some(v) => python::int::to_i64(&v).unwrap_or(0) as u16,
                None => return Err(python::exceptions::key_error(Value::str("status"))),
            };
            let mut headers = Vec::new();
            if let Some(list) = get("headers") {
                for pair in python::iter::collect(vm, &list)? {
                    let pair = python::iter::collect(vm, &pair)?;
                    if let [n, v] = pair.as_slice() {
                        let name = to_bytes(Some(n.clone()))?;
                        let value = to_bytes(Some(v.clone()))?;
                        headers.push((
                            String::from_utf8_lossy(&name).to_ascii_lowercase(),
                            String::from_utf8_lossy(&value).into_owned(),
                        ));
                    }
                }
            }
            Outgoing::Start { status, headers }
        }
        "http.response.body" => Outgoing::Body {
            body: to_bytes(get("body"))?,
            more_body: match get("more_body") {
                Some(v) => python::ops::truthy(vm, &v)?,
                None => false,
            },
        },
        "websocket.accept" => Outgoing::WebsocketAccept,
        "websocket.send" => Outgoing::WebsocketSend {
            text: text(get("text")),
        },
        "websocket.close" => Outgoing::WebsocketClose {
            code: get("code")
                .and_then(|c| python::int::to_i64(&c))
                .unwrap_or(1000) as u16,
        },
        "lifespan.startup.complete" => Outgoing::LifespanStartupComplete,
        "lifespan.startup.failed" => Outgoing::LifespanStartupFailed {
            message: text(get("message")),
        },
        "lifespan.shutdown.complete" => Outgoing::LifespanShutdownComplete,
        "lifespan.shutdown.failed" => Outgoing::LifespanShutdownFailed {
            message: text(get("message")),
        },
        other => {
            return Err(python::exceptions::runtime_error(format!(
                "Unexpected ASGI message '{other}' sent."
            )))
        }
    })
}

fn send_call(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let send = this::<Sender>(t)?.0.clone();
    let value = args.get(0, "message").cloned().ok_or_else(|| {
        python::exceptions::type_error("send() missing 1 required positional argument: 'message'")
    })?;
    let outgoing = outgoing_of(vm, &value)?;
    Ok(Awaiting::value(
        "send",
        Box::pin(async move {
            send.send(outgoing).await.map_err(|e| raised(&e))?;
            Ok(Value::None)
        }),
    ))
}

/// `uvicorn.Config(app, host="127.0.0.1", port=8000, ...)`.
struct PyConfig {
    app: Value,
    port: u16,
}

fn port_of(args: &Args, index: usize, default: u16) -> PyResult<u16> {
    match args.get(index, "port") {
        None | Some(Value::None) => Ok(default),
        Some(v) => match python::int::to_i64(v) {
            Some(n) if (0..=65535).contains(&n) => Ok(n as u16),
            Some(_) => Err(python::exceptions::new(
                python::types::Exc::OverflowError,
                "bind(): port must be 0-65535.",
            )),
            None => Err(python::exceptions::type_error(format!(
                "port must be an int, not {}",
                python::types::type_name(v)
            ))),
        },
    }
}

fn app_arg(args: &Args, function: &str) -> PyResult<Value> {
    match args.get(0, "app") {
        Some(Value::Str(_)) => Err(python::exceptions::unsupported(&format!(
            "{function}() with an import string (pass the application object)"
        ))),
        Some(app) => Ok(app.clone()),
        None => Err(python::exceptions::type_error(format!(
            "{function}() missing 1 required positional argument: 'app'"
        ))),
    }
}

fn config(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let app = app_arg(&args, "Config")?;
    let port = port_of(&args, 2, 8000)?;
    Ok(Value::Host(Rc::new(PyConfig { app, port })))
}

impl HostObject for PyConfig {
    fn type_name(&self) -> &str {
        "Config"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "app" => self.app.clone(),
            "port" => Value::Int(i64::from(self.port)),
            "host" => Value::str("127.0.0.1"),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `uvicorn.Server(config)`.
struct PyServer(Server);

fn server(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let config = this::<PyConfig>(args.get(0, "config"))
        .ok()
        .map(|c| (c.app.clone(), c.port));
    let Some((app, port)) = config else {
        return Err(python::exceptions::type_error(
            "Server() needs a uvicorn.Config: uvicorn.Server(config)",
        ));
    };
    let app = asgi_app(vm, &app)?;
    Ok(Value::Host(Rc::new(PyServer(Server::new(Config::new(
        app, port,
    ))))))
}

impl HostObject for PyServer {
    fn type_name(&self) -> &str {
        "Server"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "serve" => method("serve", server_serve, this),
            "started" => Ok(Value::Bool(self.0.started())),
            "should_exit" => Ok(Value::Bool(false)),
            _ => return None,
        })
    }
    fn set_attr(&self, vm: &mut Vm, name: &str, value: &Value) -> Option<PyResult<()>> {
        match name {
            "should_exit" => Some(python::ops::truthy(vm, value).map(|exit| {
                if exit {
                    self.0.exit();
                }
            })),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `await server.serve()`: listens until `should_exit`; a port taken is uvicorn's error.
fn server_serve(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let server = this::<PyServer>(t)?.0.clone();
    Ok(Awaiting::value(
        "serve",
        Box::pin(async move {
            server.serve().await.map_err(|e| raised(&e))?;
            Ok(Value::None)
        }),
    ))
}

/// `uvicorn.run(app, host="127.0.0.1", port=8000)`: serves until Stop, as uvicorn's blocks
/// until Ctrl+C.
fn run(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if runtime::loop_is_running() {
        return Err(python::exceptions::runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let app = app_arg(&args, "run")?;
    let port = port_of(&args, 2, 8000)?;
    let server = Server::new(Config::new(asgi_app(vm, &app)?, port));
    let serve = async move {
        server.serve().await?;
        Ok(Value::None)
    };
    run_serving(vm, "serve", serve)
}
