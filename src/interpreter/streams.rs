//! Servers and connections on the page's `MessageChannel`s, as interpreted programs see them:
//! `asyncio.Protocol`, `loop.create_server(factory, host, port)` with its `Server` and
//! transports, `asyncio.start_server(client_connected_cb, host, port)`, and
//! `asyncio.open_connection(host, port)`, with their readers and writers.
//!
//! A page cannot listen on a TCP port; the runtime's servers (`runtime::channel`, the
//! `command-server` lesson's) are named, and each connection is a `MessageChannel`. So a
//! server here is named `host:port`, and `open_connection` to the same host and port reaches
//! it; nothing outside the page can connect. What differs from TCP: every `write` is one
//! message, and a reader reads the messages as a socket's bytes (`readline`, `read(n)`, `read()`
//! until the other end closes); a client's address is the runtime's name for it (`client-1`), not an IP and a
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
use crate::runtime::{Error, Event, Queue};

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
fn make_protocol(vm: &Weak<RefCell<Vm>>, factory: &Value, hostname: &str) -> Box<dyn Protocol> {
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
    let made = made.unwrap_or(Value::None);
    // aiosmtpd's `SMTP(handler)` is the runtime's SMTP protocol.
    if let Some(smtp) = super::mail::runtime_protocol(&made, hostname) {
        return smtp;
    }
    Box::new(PyProtocol { instance: made })
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
    /// Set once it is closed: what `serve_forever` waits for.
    closed: Event,
    host: Value,
    port: Value,
}

impl PyServer {
    fn close(&self) {
        if let Some(server) = self.server.borrow_mut().take() {
            server.close();
        }
        self.closed.set();
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
            "serve_forever" => method("serve_forever", server_serve_forever, this),
            "start_serving" => method("start_serving", server_wait_closed, this),
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

/// `await server.serve_forever()`: until the server is closed (or the run stopped). A server
/// serves from the moment it is made.
fn server_serve_forever(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let closed = this::<PyServer>(t)?.closed.clone();
    Ok(Awaiting::value(
        "serve_forever",
        Box::pin(async move {
            closed.wait().await.map_err(channel_error)?;
            Ok(Value::None)
        }),
    ))
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
    let hostname = name
        .rsplit_once(':')
        .map_or(name.clone(), |(h, _)| h.to_string());
    serve(host, port, name, move || {
        make_protocol(&vm, &factory, &hostname)
    })
}

/// A server named `name` (`host:port`) among the page's, making a protocol with `factory` for
/// each connection: an awaitable of its `Server` object.
fn serve(
    host: Value,
    port: Value,
    name: String,
    factory: impl Fn() -> Box<dyn Protocol> + 'static,
) -> PyResult {
    Ok(Awaiting::value(
        "create_server",
        Box::pin(async move {
            let server = channel::create_server(factory, &name)
                .await
                .map_err(|error| match error {
                    Error::Raised(text) if text.contains("address already in use") => {
                        python::exceptions::new(
                            python::types::Exc::OSError,
                            format!(
                                "[Errno 98] error while attempting to bind on address ({}, {}): address already in use",
                                python_repr(&host),
                                python_repr(&port)
                            ),
                        )
                    }
                    other => channel_error(other),
                })?;
            Ok(Value::Host(Rc::new(PyServer {
                server: RefCell::new(Some(server)),
                closed: Event::new(),
                host,
                port,
            })))
        }),
    ))
}

/// Where a reader's messages come from: a client's connection, or what a server's protocol
/// receives.
enum Source {
    Client(Reader),
    Server(Queue<Option<String>>),
}

impl Source {
    /// The next message; `None` once the other end closed.
    async fn next(&mut self) -> Result<Option<String>, Error> {
        match self {
            Source::Client(reader) => reader.readline().await,
            Source::Server(queue) => queue.get().await,
        }
    }
}

/// A connection's reading end (`StreamReader`): what `open_connection` gives first, and a
/// `start_server` callback's first argument.
struct StreamReader {
    /// Out while a read waits (a second one at the same time is refused, as asyncio's).
    source: RefCell<Option<Source>>,
    /// What a read took of a message and did not give yet.
    buffered: Rc<RefCell<String>>,
    /// The other end has closed and the buffer is empty.
    at_eof: Rc<std::cell::Cell<bool>>,
}

impl StreamReader {
    fn value(source: Source) -> Value {
        Value::Host(Rc::new(StreamReader {
            source: RefCell::new(Some(source)),
            buffered: Rc::default(),
            at_eof: Rc::default(),
        }))
    }
}

impl HostObject for StreamReader {
    fn type_name(&self) -> &str {
        "StreamReader"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "readline" => method("readline", reader_readline, this),
            "read" => method("read", reader_read, this),
            "at_eof" => method("at_eof", reader_at_eof, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What a read wants: a line, up to `n` bytes, or everything until the other end closes.
#[derive(Clone, Copy)]
enum Want {
    Line,
    Upto(usize),
    All,
}

/// Takes what `want` asks of `buffered`, if it holds enough.
fn take(buffered: &mut String, want: Want, closed: bool) -> Option<String> {
    let cut = match want {
        Want::Line => buffered.find('\n').map(|at| at + 1),
        Want::Upto(n) if !buffered.is_empty() => {
            let mut at = n.min(buffered.len());
            while !buffered.is_char_boundary(at) {
                at -= 1;
            }
            Some(at.max(buffered.chars().next().map_or(0, char::len_utf8)))
        }
        Want::Upto(_) | Want::All => None,
    };
    match cut {
        Some(at) => Some(buffered.drain(..at).collect()),
        None if closed => Some(std::mem::take(buffered)),
        None => None,
    }
}

/// A read of `want` on the reader `t`: an awaitable of bytes (`b''` at the end).
fn read(t: Option<&Value>, want: Want, what: &'static str) -> PyResult {
    let Some(Value::Host(me)) = t.cloned() else {
        return Err(python::exceptions::type_error("wrong object"));
    };
    let reader = this::<StreamReader>(t)?;
    let mut source = reader.source.borrow_mut().take().ok_or_else(|| {
        python::exceptions::runtime_error(format!(
            "{what}() called while another coroutine is already waiting for incoming data"
        ))
    })?;
    let (buffered, at_eof) = (reader.buffered.clone(), reader.at_eof.clone());
    Ok(Awaiting::value(
        what,
        Box::pin(async move {
            let mut outcome = Ok(());
            let text = loop {
                if let Some(text) = take(&mut buffered.borrow_mut(), want, at_eof.get()) {
                    break text;
                }
                match source.next().await {
                    Ok(Some(message)) => buffered.borrow_mut().push_str(&message),
                    Ok(None) => at_eof.set(true),
                    Err(error) => {
                        outcome = Err(error);
                        break String::new();
                    }
                }
            };
            if let Some(me) = me.as_any().downcast_ref::<StreamReader>() {
                *me.source.borrow_mut() = Some(source);
            }
            outcome.map_err(channel_error)?;
            Ok(Value::Bytes(Rc::from(text.as_bytes())))
        }),
    ))
}

/// `await reader.readline()`: up to and with the next `\n`, `b''` once the other end closed.
fn reader_readline(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    read(t, Want::Line, "readline")
}

/// `await reader.read(n=-1)`: up to `n` bytes of what has come; with no `n`, everything until
/// the other end closes.
fn reader_read(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let want = match args.get(0, "n") {
        None => Want::All,
        Some(Value::Int(n)) if *n < 0 => Want::All,
        Some(Value::Int(0)) => return Ok(ready("read", Value::Bytes(Rc::from(&b""[..])))),
        Some(Value::Int(n)) => Want::Upto(usize::try_from(*n).unwrap_or(usize::MAX)),
        Some(other) => {
            return Err(python::exceptions::type_error(format!(
                "read: n must be an int, not {}",
                python::types::type_name(other)
            )))
        }
    };
    read(t, want, "read")
}

fn reader_at_eof(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<StreamReader>(t)?;
    Ok(Value::Bool(
        me.at_eof.get() && me.buffered.borrow().is_empty(),
    ))
}

/// Where a writer's messages go: to the server (a client's), or to the client (a server's).
enum Sink {
    Client(Writer),
    Server(Transport),
}

/// A connection's writing end (`StreamWriter`): what `open_connection` gives second, and a
/// `start_server` callback's second argument.
struct StreamWriter {
    sink: Sink,
    closed: std::cell::Cell<bool>,
}

impl StreamWriter {
    fn value(sink: Sink) -> Value {
        Value::Host(Rc::new(StreamWriter {
            sink,
            closed: std::cell::Cell::new(false),
        }))
    }
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
            "get_extra_info" => method("get_extra_info", writer_extra_info, this),
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
        match &me.sink {
            Sink::Client(writer) => writer.write(&text).map_err(channel_error)?,
            Sink::Server(transport) => transport.write(&text),
        }
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
        match &me.sink {
            Sink::Client(writer) => writer.close(),
            Sink::Server(transport) => transport.close(),
        }
    }
    Ok(Value::None)
}

fn writer_is_closing(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Bool(this::<StreamWriter>(t)?.closed.get()))
}

/// `writer.get_extra_info(name, default=None)`: a server's writer knows its client's name.
fn writer_extra_info(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<StreamWriter>(t)?;
    Ok(match (&me.sink, args.get(0, "name")) {
        (Sink::Server(transport), Some(Value::Str(name))) if &**name == "peername" => {
            Value::str(transport.peername())
        }
        _ => args.get(1, "default").cloned().unwrap_or(Value::None),
    })
}

/// A `start_server` connection: its reader is fed what the client sends, and the callback
/// runs as a task of its own with the reader and writer, as asyncio's `StreamReaderProtocol`.
struct StreamProtocol {
    callback: Value,
    received: Queue<Option<String>>,
}

impl Protocol for StreamProtocol {
    fn connection_made(&mut self, transport: Transport) {
        let reader = StreamReader::value(Source::Server(self.received.clone()));
        let writer = StreamWriter::value(Sink::Server(transport));
        let Some(vm) = VM.with(|v| v.borrow().upgrade()) else {
            return;
        };
        let Ok(mut vm) = vm.try_borrow_mut() else {
            return;
        };
        let started = vm
            .call(&self.callback, Args::new(vec![reader, writer]))
            .and_then(|called| match called {
                coroutine @ Value::Generator(_) => {
                    super::asyncio::make_task(&mut vm, None, Args::new(vec![coroutine])).map(|_| ())
                }
                _ => Ok(()),
            });
        if let Err(e) = started {
            report_callback_error(&mut vm, &e, None);
        }
        vm.flush_warnings();
    }

    fn data_received(&mut self, data: &str) {
        let _ = self.received.put_nowait(Some(data.to_string()));
    }

    fn connection_lost(&mut self) {
        let _ = self.received.put_nowait(None);
    }
}

/// `await asyncio.start_server(client_connected_cb, host, port)`: a server whose every
/// connection calls `client_connected_cb(reader, writer)`.
pub(super) fn start_server(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let callback = args.get(0, "client_connected_cb").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "start_server() missing 1 required positional argument: 'client_connected_cb'",
        )
    })?;
    let (host, port, name) = address(&args, 1, "start_server")?;
    serve(host, port, name, move || {
        Box::new(StreamProtocol {
            callback: callback.clone(),
            received: Queue::new(0),
        })
    })
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
                StreamReader::value(Source::Client(reader)),
                StreamWriter::value(Sink::Client(writer)),
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
