//! Servers and connections on the page's `MessageChannel`s, as interpreted programs see them:
//! `asyncio.Protocol`, `loop.create_server(factory, host, port)` with its `Server` and
//! transports, and `asyncio.open_connection(host, port)` with its reader and writer.
//!
//! A page cannot listen on a TCP port; the runtime's servers (`runtime::channel`, the
//! `command-server` lesson's) are named, and each connection is a `MessageChannel`. So a
//! server here is named `host:port`, and `open_connection` to the same host and port reaches
//! it; nothing outside the page can connect. What differs from TCP: every `write` is one
//! message, and `readline()` gives the next message (the course's line protocols write a line
//! at a time); a client's address is the runtime's name for it (`client-1`), not an IP and a
//! port. The protocol's methods run as loop callbacks, as asyncio calls them, and every
//! connection is live I/O in the Trace until it closes.

use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use python::dict::Dict;
use python::types::{builtin_class, new_class};
use python::value::{BuiltinType, Class, HostObject};
use python::{Args, PyResult, Value, Vm};

use super::asyncio::{report_callback_error, VM};
use super::drive::to_exception;
use super::objects::{method, ready, this, Awaiting};
use crate::runtime::channel::{self, Protocol, Reader, Transport, Writer};
use crate::runtime::Error;

/// `asyncio.BaseProtocol` and `asyncio.Protocol`: classes to subclass. Their methods are
/// optional: one a subclass does not define is not called.
pub(super) fn protocol_classes() -> (Rc<Class>, Rc<Class>) {
    let object = builtin_class(BuiltinType::Object);
    let make = |name: &str, base: Rc<Class>| {
        new_class(
            name,
            "asyncio.protocols",
            vec![base.clone()],
            Dict::new(),
            BuiltinType::Object,
        )
        .unwrap_or(base)
    };
    let base = make("BaseProtocol", object);
    let protocol = make("Protocol", base.clone());
    (base, protocol)
}

/// The name a server listening on `host:port` has among the page's servers.
fn address(args: &Args, first: usize, what: &str) -> PyResult<(Value, Value, String)> {
    let host = args.get(first, "host").cloned().unwrap_or(Value::None);
    let port = args.get(first + 1, "port").cloned().unwrap_or(Value::None);
    let host_text = match &host {
        Value::Str(s) => s.to_string(),
        Value::None => "0.0.0.0".to_string(),
        other => {
            return Err(python::exceptions::type_error(format!(
                "{what}: host must be a str, not {}",
                python::types::type_name(other)
            )))
        }
    };
    let port_number = match &port {
        Value::Int(n) => n.to_string(),
        Value::None => "0".to_string(),
        other => {
            return Err(python::exceptions::type_error(format!(
                "{what}: port must be an int, not {}",
                python::types::type_name(other)
            )))
        }
    };
    Ok((host, port, format!("{host_text}:{port_number}")))
}

/// Calls the program's `method` on `target` with `args`, from a loop callback; an exception is
/// logged and the loop goes on, as asyncio's callbacks do. A method the object lacks is skipped.
fn call_back(target: &Value, method: &str, args: Vec<Value>) {
    let Some(vm) = VM.with(|v| v.borrow().upgrade()) else {
        return;
    };
    let Ok(mut vm) = vm.try_borrow_mut() else {
        return;
    };
    let Ok(bound) = python::attr::get_attr(&mut vm, target, method) else {
        return;
    };
    if let Err(e) = vm.call(&bound, Args::new(args)) {
        report_callback_error(&mut vm, &e, None);
    }
    vm.flush_warnings();
}

/// The program's protocol object, as the runtime's server calls it.
struct PyProtocol {
    instance: Value,
}

impl Protocol for PyProtocol {
    fn connection_made(&mut self, transport: Transport) {
        let transport = Value::Host(Rc::new(PyTransport {
            transport,
            closed: std::cell::Cell::new(false),
        }));
        call_back(&self.instance, "connection_made", vec![transport]);
    }

    fn data_received(&mut self, data: &str) {
        let data = Value::Bytes(Rc::from(data.as_bytes()));
        call_back(&self.instance, "data_received", vec![data]);
    }

    fn connection_lost(&mut self) {
        call_back(&self.instance, "connection_lost", vec![Value::None]);
    }
}

/// `protocol_factory()`, for each client that connects.
fn make_protocol(vm: &Weak<RefCell<Vm>>, factory: &Value) -> Box<dyn Protocol> {
    let made = vm.upgrade().and_then(|vm| {
        let mut vm = vm.try_borrow_mut().ok()?;
        match vm.call(factory, Args::new(Vec::new())) {
            Ok(instance) => Some(instance),
            Err(e) => {
                report_callback_error(&mut vm, &e, None);
                None
            }
        }
    });
    Box::new(PyProtocol {
        instance: made.unwrap_or(Value::None),
    })
}

/// The server's end of one connection.
struct PyTransport {
    transport: Transport,
    closed: std::cell::Cell<bool>,
}

impl HostObject for PyTransport {
    fn type_name(&self) -> &str {
        "_SelectorSocketTransport"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "write" => method("write", transport_write, this),
            "close" => method("close", transport_close, this),
            "is_closing" => method("is_closing", transport_is_closing, this),
            "get_extra_info" => method("get_extra_info", transport_extra_info, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The text of `data` (bytes, as a socket takes); a message is text on a `MessageChannel`.
fn message(data: Option<&Value>, what: &str) -> PyResult<String> {
    match data {
        Some(Value::Bytes(b)) => String::from_utf8(b.to_vec()).map_err(|_| {
            python::exceptions::value_error(format!(
                "{what}: the page's connections carry UTF-8 text"
            ))
        }),
        Some(other) => Err(python::exceptions::type_error(format!(
            "data argument must be a bytes-like object, not '{}'",
            python::types::type_name(other)
        ))),
        None => Err(python::exceptions::type_error(format!(
            "{what}() missing 1 required positional argument: 'data'"
        ))),
    }
}

fn transport_write(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<PyTransport>(t)?;
    let text = message(args.pos.first(), "write")?;
    if !me.closed.get() {
        me.transport.write(&text);
    }
    Ok(Value::None)
}

fn transport_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<PyTransport>(t)?;
    if !me.closed.replace(true) {
        me.transport.close();
    }
    Ok(Value::None)
}

fn transport_is_closing(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyTransport>(t)?.closed.get()))
}

/// `transport.get_extra_info(name, default=None)`: `peername` is the client's name.
fn transport_extra_info(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<PyTransport>(t)?;
    Ok(match args.get(0, "name") {
        Some(Value::Str(name)) if &**name == "peername" => Value::str(me.transport.peername()),
        _ => args.get(1, "default").cloned().unwrap_or(Value::None),
    })
}

/// A listening server: what `loop.create_server` gives.
struct PyServer {
    server: RefCell<Option<channel::Server>>,
    host: Value,
    port: Value,
}

impl PyServer {
    fn close(&self) {
        if let Some(server) = self.server.borrow_mut().take() {
            server.close();
        }
    }
}

impl HostObject for PyServer {
    fn type_name(&self) -> &str {
        "Server"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "sockets" => Ok(Value::tuple(vec![Value::Host(Rc::new(Socket {
                name: Value::tuple(vec![self.host.clone(), self.port.clone()]),
            }))])),
            "close" => method("close", server_close, this),
            "is_serving" => method("is_serving", server_is_serving, this),
            "wait_closed" => method("wait_closed", server_wait_closed, this),
            "__aenter__" => method("__aenter__", server_enter, this),
            "__aexit__" => method("__aexit__", server_exit, this),
            _ => return None,
        })
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let name = python::ops::repr(
            vm,
            &Value::tuple(vec![self.host.clone(), self.port.clone()]),
        )?;
        Ok(format!("<Server sockets=({name},)>"))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// One of a server's sockets: `getsockname()` is the host and port it was given.
struct Socket {
    name: Value,
}

impl HostObject for Socket {
    fn type_name(&self) -> &str {
        "TransportSocket"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        (name == "getsockname").then(|| method("getsockname", socket_name, this))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn socket_name(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(this::<Socket>(t)?.name.clone())
}

fn server_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyServer>(t)?.close();
    Ok(Value::None)
}

fn server_is_serving(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<PyServer>(t)?.server.borrow().is_some()))
}

fn server_wait_closed(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyServer>(t)?;
    Ok(ready("wait_closed", Value::None))
}

fn server_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyServer>(t)?;
    Ok(ready("__aenter__", t.cloned().unwrap_or(Value::None)))
}

/// Leaving `async with server:` closes it.
fn server_exit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyServer>(t)?.close();
    Ok(ready("__aexit__", Value::Bool(false)))
}

fn channel_error(error: Error) -> python::Exception {
    to_exception(&error, None)
}

/// `await loop.create_server(protocol_factory, host, port)`.
pub(super) fn create_server(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let factory = args.get(0, "protocol_factory").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "create_server() missing 1 required positional argument: 'protocol_factory'",
        )
    })?;
    let (host, port, name) = address(&args, 1, "create_server")?;
    let vm = VM.with(|v| v.borrow().clone());
    Ok(Awaiting::value(
        "create_server",
        Box::pin(async move {
            let server = channel::create_server(move || make_protocol(&vm, &factory), &name)
                .await
                .map_err(channel_error)?;
            Ok(Value::Host(Rc::new(PyServer {
                server: RefCell::new(Some(server)),
                host,
                port,
            })))
        }),
    ))
}

/// A connection's reading end: what `open_connection` gives first.
struct StreamReader {
    /// Out while a `readline` waits (a second one at the same time is refused, as asyncio's).
    reader: RefCell<Option<Reader>>,
}

impl HostObject for StreamReader {
    fn type_name(&self) -> &str {
        "StreamReader"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        (name == "readline").then(|| method("readline", reader_readline, this))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `await reader.readline()`: the server's next message, `b''` once it closed.
fn reader_readline(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let Some(Value::Host(me)) = t.cloned() else {
        return Err(python::exceptions::type_error("wrong object"));
    };
    let mut reader = this::<StreamReader>(t)?
        .reader
        .borrow_mut()
        .take()
        .ok_or_else(|| {
            python::exceptions::runtime_error(
                "readuntil() called while another coroutine is already waiting for incoming data",
            )
        })?;
    Ok(Awaiting::value(
        "readline",
        Box::pin(async move {
            let line = reader.readline().await;
            if let Some(me) = me.as_any().downcast_ref::<StreamReader>() {
                *me.reader.borrow_mut() = Some(reader);
            }
            let line = line.map_err(channel_error)?.unwrap_or_default();
            Ok(Value::Bytes(Rc::from(line.as_bytes())))
        }),
    ))
}

/// A connection's writing end: what `open_connection` gives second.
struct StreamWriter {
    writer: Writer,
    closed: std::cell::Cell<bool>,
}

impl HostObject for StreamWriter {
    fn type_name(&self) -> &str {
        "StreamWriter"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "write" => method("write", writer_write, this),
            "drain" => method("drain", writer_drain, this),
            "close" => method("close", writer_close, this),
            "is_closing" => method("is_closing", writer_is_closing, this),
            "wait_closed" => method("wait_closed", writer_drain, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn writer_write(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<StreamWriter>(t)?;
    let text = message(args.pos.first(), "write")?;
    if !me.closed.get() {
        me.writer.write(&text).map_err(channel_error)?;
    }
    Ok(Value::None)
}

/// `await writer.drain()` (and `wait_closed()`): a message is on its way once written.
fn writer_drain(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<StreamWriter>(t)?;
    Ok(ready("drain", Value::None))
}

fn writer_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<StreamWriter>(t)?;
    if !me.closed.replace(true) {
        me.writer.close();
    }
    Ok(Value::None)
}

fn writer_is_closing(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<StreamWriter>(t)?.closed.get()))
}

/// `await asyncio.open_connection(host, port)`: `(reader, writer)` of a new connection to the
/// page's server on that host and port.
pub(super) fn open_connection(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let (host, port, name) = address(&args, 0, "open_connection")?;
    Ok(Awaiting::value(
        "open_connection",
        Box::pin(async move {
            let (reader, writer) = channel::open_connection(&name).await.map_err(|error| {
                match error {
                    // No server by that name: the refusal a socket gets.
                    Error::Raised(text) if text.contains("no server") => python::exceptions::new(
                        python::types::Exc::ConnectionRefusedError,
                        format!(
                            "[Errno 111] Connect call failed ({}, {})",
                            python_repr(&host),
                            python_repr(&port)
                        ),
                    ),
                    other => channel_error(other),
                }
            })?;
            Ok(Value::tuple(vec![
                Value::Host(Rc::new(StreamReader {
                    reader: RefCell::new(Some(reader)),
                })),
                Value::Host(Rc::new(StreamWriter {
                    writer,
                    closed: std::cell::Cell::new(false),
                })),
            ]))
        }),
    ))
}

fn python_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("'{s}'"),
        Value::Int(n) => n.to_string(),
        _ => "None".to_string(),
    }
}
