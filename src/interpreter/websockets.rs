//! The `websockets` client: `websockets.connect(url)` (awaited, or in `async with`), its
//! connection's `send(text)`, `recv()`, `async for message in ws` and `close()`, and the
//! `ConnectionClosed` exceptions, on the runtime's WebSockets to the page's own servers
//! ([`runtime::web::websocket`](crate::runtime::web::websocket)). What differs from
//! `websockets`: a connection reaches only the page's servers (`ws://127.0.0.1:<port>/...`) and
//! carries text messages.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::types::{exc_class, Exc};
use python::value::{Class, HostObject};
use python::{Args, Exception, PyResult, Value, Vm};

use super::objects::{function, method, module, ready, str_arg, this, Awaiting, ExceptionFamily};
use crate::runtime::web::websocket::{self, ClientSocket};
use crate::runtime::Error;

thread_local! {
    static CLASSES: ExceptionFamily = const { ExceptionFamily::new("websockets.exceptions") };
}

/// `websockets.exceptions.<name>`, made as first needed: `WebSocketException`, under it
/// `ConnectionClosed` (with `ConnectionClosedOK` and `ConnectionClosedError`),
/// `InvalidURI`, `InvalidStatus` and `InvalidMessage`.
fn error_class(name: &str) -> Rc<Class> {
    let base = match name {
        "WebSocketException" => None,
        "ConnectionClosedOK" | "ConnectionClosedError" => Some("ConnectionClosed"),
        _ => Some("WebSocketException"),
    };
    CLASSES.with(|classes| {
        classes.class(name, || {
            base.map_or_else(|| exc_class(Exc::Exception), error_class)
        })
    })
}

/// The runtime's error as the `websockets` exception it names.
fn socket_error(error: &Error) -> Exception {
    if let Error::Raised(text) = error {
        if let Some((name, message)) = text.split_once(": ") {
            if name.chars().all(|c| c.is_ascii_alphabetic()) && !name.is_empty() {
                return python::exceptions::instantiate(
                    &error_class(name),
                    vec![Value::str(message)],
                );
            }
        }
    }
    super::drive::to_exception(error, None)
}

/// `import websockets` (and `websockets.exceptions`).
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    let exceptions = || {
        [
            "WebSocketException",
            "ConnectionClosed",
            "ConnectionClosedOK",
            "ConnectionClosedError",
            "InvalidURI",
            "InvalidStatus",
            "InvalidMessage",
        ]
        .into_iter()
        .map(|name| (name, Value::Class(error_class(name))))
    };
    match name {
        "websockets" => {
            let mut entries = vec![("connect", function("connect", connect))];
            entries.extend(exceptions());
            Some(module(name, entries))
        }
        "websockets.exceptions" => Some(module(name, exceptions().collect())),
        _ => None,
    }
}

/// What `websockets.connect(url)` returns: awaited or entered, the open connection; left,
/// closed.
struct Connecting {
    url: Rc<str>,
    open: RefCell<Option<Value>>,
}

fn connect(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let url = str_arg(&args, 0, "uri", "connect")?;
    Ok(Value::Host(Rc::new(Connecting {
        url,
        open: RefCell::new(None),
    })))
}

async fn open(url: Rc<str>) -> PyResult {
    let socket = websocket::connect(&url)
        .await
        .map_err(|e| socket_error(&e))?;
    Ok(Value::Host(Rc::new(Connection(Rc::new(RefCell::new(
        Some(socket),
    ))))))
}

impl HostObject for Connecting {
    fn type_name(&self) -> &str {
        "connect"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", connecting_enter, this),
            "__aexit__" => method("__aexit__", connecting_exit, this),
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<python::value::HostWait> {
        Some(Box::pin(open(self.url.clone())))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn connecting_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let Some(Value::Host(me)) = t.cloned() else {
        return Err(python::exceptions::type_error("wrong object"));
    };
    let url = this::<Connecting>(t)?.url.clone();
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move {
            let connection = open(url).await?;
            if let Some(c) = me.as_any().downcast_ref::<Connecting>() {
                *c.open.borrow_mut() = Some(connection.clone());
            }
            Ok(connection)
        }),
    ))
}

fn connecting_exit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    if let Some(Value::Host(h)) = this::<Connecting>(t)?.open.borrow_mut().take() {
        if let Some(connection) = h.as_any().downcast_ref::<Connection>() {
            connection.close();
        }
    }
    Ok(ready("__aexit__", Value::None))
}

/// An open connection; its socket is taken out while a read awaits the network.
struct Connection(Rc<RefCell<Option<ClientSocket>>>);

impl Connection {
    fn close(&self) {
        if let Some(socket) = self.0.borrow_mut().take() {
            socket.close();
        }
    }
}

impl HostObject for Connection {
    fn type_name(&self) -> &str {
        "ClientConnection"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "send" => method("send", connection_send, this),
            "recv" => method("recv", connection_recv, this),
            "close" => method("close", connection_close, this),
            "__aiter__" => method("__aiter__", connection_aiter, this),
            "__anext__" => method("__anext__", connection_anext, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn closed_ok() -> Exception {
    python::exceptions::instantiate(
        &error_class("ConnectionClosedOK"),
        vec![Value::str("received 1000 (OK); then sent 1000 (OK)")],
    )
}

fn connection_send(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<Connection>(t)?;
    let text = str_arg(&args, 0, "message", "send")?;
    match &*me.0.borrow() {
        Some(socket) => socket.send(&text).map_err(|e| socket_error(&e))?,
        None => return Err(closed_ok()),
    }
    Ok(ready("send", Value::None))
}

/// The next message; `None` once the server closed the connection normally.
async fn next(socket: Rc<RefCell<Option<ClientSocket>>>) -> PyResult<Option<String>> {
    let Some(mut open) = socket.borrow_mut().take() else {
        return Ok(None);
    };
    let message = open.next().await.map_err(|e| socket_error(&e))?;
    *socket.borrow_mut() = Some(open);
    Ok(message)
}

fn connection_recv(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let socket = this::<Connection>(t)?.0.clone();
    Ok(Awaiting::value(
        "recv",
        Box::pin(async move {
            match next(socket).await? {
                Some(text) => Ok(Value::str(&text)),
                None => Err(closed_ok()),
            }
        }),
    ))
}

fn connection_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Connection>(t)?.close();
    Ok(ready("close", Value::None))
}

fn connection_aiter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Connection>(t)?;
    Ok(t.cloned().unwrap_or(Value::None))
}

/// `async for message in ws`: ends once the server closed the connection normally.
fn connection_anext(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let socket = this::<Connection>(t)?.0.clone();
    Ok(Awaiting::value(
        "__anext__",
        Box::pin(async move {
            match next(socket).await? {
                Some(text) => Ok(Value::str(&text)),
                None => Err(python::exceptions::new(Exc::StopAsyncIteration, "")),
            }
        }),
    ))
}
