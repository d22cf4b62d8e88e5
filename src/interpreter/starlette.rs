//! Starlette on the page's servers: `Starlette(routes=[...], lifespan=...)` with `Route` (a
//! function, a coroutine or an `HTTPEndpoint` class; `methods=`), `Mount(path,
//! StaticFiles(directory=...))`, `WebSocketRoute` (its `WebSocket`: `accept`, `send_text`,
//! `receive_text`, `close`), the `Request` a handler gets (or an ASGI application makes
//! with `Request(scope, receive)`), the responses (`Response`, `PlainTextResponse`,
//! `HTMLResponse`, `JSONResponse`, `StreamingResponse`, `FileResponse`, each also an ASGI
//! application: `await response(scope, receive, send)`) and `BackgroundTask`.
//!
//! The application is the runtime's [`Starlette`](crate::runtime::web::starlette): its router
//! and path convertors, its `404` / `405`, its static files and its lifespan are the ones the
//! Rust lessons use; the program's handlers are called by it, each stepped in its request's
//! task. What differs from Starlette: a plain `def` handler runs on the loop (Starlette sends it
//! to a thread pool), `debug=True` changes nothing (an exception is uvicorn's `500`), and
//! a WebSocket carries text messages.

use std::any::Any;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use python::dict::Dict;
use python::types::new_class;
use python::value::{BuiltinType, Class, HostObject};
use python::{Args, PyResult, Value, Vm};

use super::asgi::{runtime_error, scope_of, Receiver, Sender};
use super::asyncio::VM;
use super::drive::{awaited, to_exception};
use super::objects::{
    compact_json, function, method, module, python_error, str_arg, this, Awaiting,
};
use super::web_parts::{body_bytes, header_pairs, headers_multidict, query_multidict};
use crate::runtime::web::http::{self, Param, METHODS};
use crate::runtime::web::starlette::{
    endpoint, socket_endpoint, BackgroundTask, Endpoint, HttpEndpoint, Request, Response, Route,
    SocketEndpoint, Starlette, StaticFiles, WebSocket,
};
use crate::runtime::web::App;
use crate::runtime::{self, Error};

thread_local! {
    static ENDPOINT_CLASS: RefCell<Option<Rc<Class>>> = const { RefCell::new(None) };
}

/// `starlette.endpoints.HTTPEndpoint`, a class the program's endpoints derive from.
fn endpoint_class() -> Rc<Class> {
    ENDPOINT_CLASS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let mut dict = Dict::new();
                // Starlette makes one per request with the scope, receive and send.
                dict.set_str("__init__", function("__init__", |_, _, _| Ok(Value::None)));
                let object = python::types::builtin_class(BuiltinType::Object);
                new_class(
                    "HTTPEndpoint",
                    "starlette.endpoints",
                    vec![object.clone()],
                    dict,
                    BuiltinType::Object,
                )
                .unwrap_or(object)
            })
            .clone()
    })
}

/// `import starlette.…`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    let entries: Vec<(&str, Value)> = match name {
        "starlette" => vec![],
        "starlette.applications" => vec![("Starlette", function("Starlette", starlette))],
        "starlette.routing" => vec![
            ("Route", function("Route", route)),
            ("Mount", function("Mount", mount)),
            (
                "WebSocketRoute",
                function("WebSocketRoute", websocket_route),
            ),
        ],
        "starlette.requests" => vec![("Request", function("Request", request))],
        "starlette.responses" => vec![
            ("Response", function("Response", response)),
            (
                "PlainTextResponse",
                function("PlainTextResponse", plain_text),
            ),
            ("HTMLResponse", function("HTMLResponse", html)),
            ("JSONResponse", function("JSONResponse", json_response)),
            (
                "StreamingResponse",
                function("StreamingResponse", streaming),
            ),
            ("FileResponse", function("FileResponse", file_response)),
        ],
        "starlette.endpoints" => vec![("HTTPEndpoint", Value::Class(endpoint_class()))],
        "starlette.background" => {
            vec![(
                "BackgroundTask",
                function("BackgroundTask", background_task),
            )]
        }
        "starlette.staticfiles" => vec![("StaticFiles", function("StaticFiles", static_files))],
        // Starlette has it; this one has not (WebSockets, middleware, …).
        other if other.starts_with("starlette.") => {
            return Some(Err(python::exceptions::unsupported(&format!(
                "Starlette's module '{other}'"
            ))))
        }
        _ => return None,
    };
    Some(module(name, entries))
}

fn vm_rc() -> Result<Rc<RefCell<Vm>>, Error> {
    VM.with(|v| v.borrow().upgrade()).ok_or(Error::Cancelled)
}

// ---- routes and the application ----

/// What a `Route` or `Mount` routes to.
enum Target {
    /// `Route(path, endpoint, methods=...)`.
    Endpoint {
        endpoint: Value,
        methods: Option<Vec<&'static str>>,
    },
    /// `Mount(path, StaticFiles(directory=...))`.
    Files(Rc<str>),
    /// `WebSocketRoute(path, endpoint)`.
    Socket(Value),
}

/// `Route(...)` / `Mount(...)`: made into the runtime's route when the application is built.
struct RouteSpec {
    path: Rc<str>,
    target: Target,
}

impl HostObject for RouteSpec {
    fn type_name(&self) -> &str {
        match self.target {
            Target::Endpoint { .. } => "Route",
            Target::Files(_) => "Mount",
            Target::Socket(_) => "WebSocketRoute",
        }
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "path" => Value::Str(self.path.clone()),
            _ => return None,
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!("{}(path={:?})", self.type_name(), &*self.path))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn route(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let path = str_arg(&args, 0, "path", "Route")?;
    let endpoint = args.get(1, "endpoint").cloned().ok_or_else(|| {
        python::exceptions::type_error("Route() missing 1 required positional argument: 'endpoint'")
    })?;
    let methods = match args.get(2, "methods").filter(|v| !v.is_none()) {
        None => None,
        Some(list) => {
            let mut methods = Vec::new();
            for m in python::iter::collect(vm, list)? {
                let name = python::ops::str_of(vm, &m)?;
                let method = http::method(&name).ok_or_else(|| {
                    python::exceptions::value_error(format!("{name} is not a method HTTP has"))
                })?;
                methods.push(method);
            }
            Some(methods)
        }
    };
    if !path.starts_with('/') {
        return Err(python::exceptions::new(
            python::types::Exc::AssertionError,
            "Routed paths must start with '/'",
        ));
    }
    Ok(Value::Host(Rc::new(RouteSpec {
        path,
        target: Target::Endpoint { endpoint, methods },
    })))
}

fn mount(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let path = str_arg(&args, 0, "path", "Mount")?;
    let directory = this::<PyStaticFiles>(args.get(1, "app"))
        .map(|f| f.0.clone())
        .map_err(|_| {
            python::exceptions::unsupported("Mount() of anything but StaticFiles(directory=...)")
        })?;
    Ok(Value::Host(Rc::new(RouteSpec {
        path,
        target: Target::Files(directory),
    })))
}

fn websocket_route(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let path = str_arg(&args, 0, "path", "WebSocketRoute")?;
    let endpoint = args.get(1, "endpoint").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "WebSocketRoute() missing 1 required positional argument: 'endpoint'",
        )
    })?;
    Ok(Value::Host(Rc::new(RouteSpec {
        path,
        target: Target::Socket(endpoint),
    })))
}

/// `StaticFiles(directory="static")`: a directory of the servers' folder.
struct PyStaticFiles(Rc<str>);

impl HostObject for PyStaticFiles {
    fn type_name(&self) -> &str {
        "StaticFiles"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "directory" => Value::Str(self.0.clone()),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn static_files(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let directory = str_arg(&args, 0, "directory", "StaticFiles")?;
    StaticFiles::new(&directory).map_err(|e| python_error(&e))?;
    Ok(Value::Host(Rc::new(PyStaticFiles(directory))))
}

/// The runtime's route for a `Route` or `Mount` of the program's.
fn runtime_route(spec: &RouteSpec) -> PyResult<Route> {
    let made = match &spec.target {
        Target::Files(directory) => {
            StaticFiles::new(directory).and_then(|files| Route::mount(&spec.path, files))
        }
        Target::Socket(handler) => Route::websocket(&spec.path, python_socket(handler.clone())),
        Target::Endpoint { endpoint, methods } => match endpoint {
            Value::Class(c) if c.is_subclass(&endpoint_class()) => {
                let mut class = HttpEndpoint::new();
                for method in METHODS {
                    let name = method.to_ascii_lowercase();
                    if c.lookup(&name).is_some() {
                        class = class.method(method, class_handler(c.clone(), name));
                    }
                }
                Route::class(&spec.path, class)
            }
            _ => {
                Route::new(&spec.path, python_endpoint(endpoint.clone())).map(|route| match methods
                {
                    Some(methods) => route.methods(methods),
                    None => route,
                })
            }
        },
    };
    made.map_err(|e| python_error(&e))
}

/// A function or coroutine of the program's as the runtime's endpoint: called with the
/// request, awaited in the request's task, its response sent.
fn python_endpoint(handler: Value) -> Endpoint {
    endpoint(move |request: Request| {
        let handler = handler.clone();
        async move {
            let vm = vm_rc()?;
            let request = Value::Host(Rc::new(PyRequest(Rc::new(request))));
            call_handler(&vm, &handler, vec![request]).await
        }
    })
}

/// `async def get(self, request)` of an `HTTPEndpoint` class: an instance per request, as
/// Starlette makes.
fn class_handler(class: Rc<Class>, name: String) -> Endpoint {
    endpoint(move |request: Request| {
        let (class, name) = (class.clone(), name.clone());
        async move {
            let vm = vm_rc()?;
            let handler = {
                let mut vm = vm.borrow_mut();
                vm.call(&Value::Class(class), Args::default())
                    .and_then(|instance| python::attr::get_attr(&mut vm, &instance, &name))
            };
            let handler = handler.map_err(|e| runtime_error(&vm, &e))?;
            let request = Value::Host(Rc::new(PyRequest(Rc::new(request))));
            call_handler(&vm, &handler, vec![request]).await
        }
    })
}

/// Calls a handler and awaits what it returns: the runtime's response for it.
async fn call_handler(
    vm: &Rc<RefCell<Vm>>,
    handler: &Value,
    args: Vec<Value>,
) -> runtime::Result<Response> {
    let called = {
        let mut vm = vm.borrow_mut();
        let called = vm.call(handler, Args::new(args));
        vm.flush_warnings();
        called
    };
    let returned = match called {
        Ok(v) => awaited(vm.clone(), v).await,
        Err(e) => Err(e),
    };
    let returned = returned.map_err(|e| runtime_error(vm, &e))?;
    match &returned {
        Value::Host(h) => match h.as_any().downcast_ref::<PyResponse>() {
            Some(response) => response.to_runtime(),
            None => Err(not_a_response(vm, &returned)),
        },
        _ => Err(not_a_response(vm, &returned)),
    }
}

/// What Starlette raises when a handler returns something that is not a response: it calls
/// it as an ASGI application.
fn not_a_response(vm: &Rc<RefCell<Vm>>, v: &Value) -> Error {
    let e = python::exceptions::type_error(format!(
        "'{}' object is not callable",
        python::types::type_name(v)
    ));
    runtime_error(vm, &e)
}

/// `Starlette(debug=False, routes=[...], lifespan=None)`.
struct PyStarlette(App);

fn starlette(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut routes = Vec::new();
    if let Some(list) = args.keyword("routes").filter(|v| !v.is_none()) {
        for item in python::iter::collect(vm, list)? {
            let spec = match &item {
                Value::Host(h) => h.as_any().downcast_ref::<RouteSpec>().map(runtime_route),
                _ => None,
            };
            match spec {
                Some(made) => routes.push(made?),
                None => {
                    let r = python::ops::repr(vm, &item)?;
                    return Err(python::exceptions::unsupported(&format!(
                        "a route of this kind ({r}) in Starlette's routes"
                    )));
                }
            }
        }
    }
    let lifespan = args.keyword("lifespan").filter(|v| !v.is_none()).cloned();
    let made = Rc::new_cyclic(|me: &Weak<PyStarletteCell>| {
        let mut app = Starlette::new(routes);
        if let Some(lifespan) = lifespan {
            app = with_lifespan(app, lifespan, me.clone());
        }
        PyStarletteCell(RefCell::new(Some(PyStarlette(app.app()))))
    });
    Ok(Value::Host(made))
}

/// The application object the program holds (the lifespan code gets it).
struct PyStarletteCell(RefCell<Option<PyStarlette>>);

impl HostObject for PyStarletteCell {
    fn type_name(&self) -> &str {
        "Starlette"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, _name: &str) -> Option<PyResult> {
        None
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The runtime's application for one the host made (Starlette's), if `h` is one.
pub(super) fn host_app(h: &Rc<dyn HostObject>) -> Option<App> {
    let cell = h.as_any().downcast_ref::<PyStarletteCell>()?;
    let app = cell.0.borrow().as_ref().map(|a| a.0.clone());
    app
}

/// `lifespan=lifespan`: `lifespan(app)` is an async context manager; the server's startup
/// enters it, its shutdown leaves it.
fn with_lifespan(app: Starlette, lifespan: Value, me: Weak<PyStarletteCell>) -> Starlette {
    let entered: Rc<RefCell<Option<Value>>> = Rc::default();
    let on_exit = entered.clone();
    let startup = move || {
        let (lifespan, me, entered) = (lifespan.clone(), me.clone(), entered.clone());
        async move {
            let vm = vm_rc()?;
            let app = me
                .upgrade()
                .map_or(Value::None, |cell| Value::Host(cell as Rc<dyn HostObject>));
            let enter = {
                let mut vm = vm.borrow_mut();
                vm.call(&lifespan, Args::new(vec![app])).and_then(|cm| {
                    *entered.borrow_mut() = Some(cm.clone());
                    let enter = python::attr::get_attr(&mut vm, &cm, "__aenter__")?;
                    vm.call(&enter, Args::default())
                })
            };
            let enter = enter.map_err(|e| runtime_error(&vm, &e))?;
            awaited(vm.clone(), enter)
                .await
                .map_err(|e| runtime_error(&vm, &e))?;
            Ok(())
        }
    };
    let shutdown = move || {
        let entered = on_exit.clone();
        async move {
            let vm = vm_rc()?;
            let Some(cm) = entered.borrow_mut().take() else {
                return Ok(());
            };
            let exit = {
                let mut vm = vm.borrow_mut();
                python::attr::get_attr(&mut vm, &cm, "__aexit__").and_then(|exit| {
                    vm.call(
                        &exit,
                        Args::new(vec![Value::None, Value::None, Value::None]),
                    )
                })
            };
            let exit = exit.map_err(|e| runtime_error(&vm, &e))?;
            awaited(vm.clone(), exit)
                .await
                .map_err(|e| runtime_error(&vm, &e))?;
            Ok(())
        }
    };
    app.lifespan(startup, shutdown)
}

/// A WebSocket endpoint of the program's as the runtime's: called with the connection,
/// stepped in its task until it returns.
fn python_socket(handler: Value) -> SocketEndpoint {
    socket_endpoint(move |socket: WebSocket| {
        let handler = handler.clone();
        async move {
            let vm = vm_rc()?;
            let socket = Value::Host(Rc::new(PyWebSocket(Rc::new(socket))));
            let called = vm.borrow_mut().call(&handler, Args::new(vec![socket]));
            let returned = match called {
                Ok(v) => awaited(vm.clone(), v).await,
                Err(e) => Err(e),
            };
            returned.map(|_| ()).map_err(|e| runtime_error(&vm, &e))
        }
    })
}

/// Starlette's `WebSocket`, as its endpoint gets it.
struct PyWebSocket(Rc<WebSocket>);

impl HostObject for PyWebSocket {
    fn type_name(&self) -> &str {
        "WebSocket"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "accept" => method("accept", socket_accept, this),
            "send_text" => method("send_text", socket_send_text, this),
            "receive_text" => method("receive_text", socket_receive_text, this),
            "close" => method("close", socket_close, this),
            "path_params" => {
                let mut d = Dict::new();
                for (name, param) in self.0.path_params() {
                    d.set_str(name, param_value(param));
                }
                Ok(Value::Dict(Rc::new(RefCell::new(d))))
            }
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn socket_of(t: Option<&Value>) -> PyResult<Rc<WebSocket>> {
    Ok(this::<PyWebSocket>(t)?.0.clone())
}

fn socket_accept(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let socket = socket_of(t)?;
    Ok(Awaiting::value(
        "accept",
        Box::pin(async move {
            socket.accept().await.map_err(|e| python_error(&e))?;
            Ok(Value::None)
        }),
    ))
}

fn socket_send_text(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let socket = socket_of(t)?;
    let text = str_arg(&args, 0, "data", "send_text")?;
    Ok(Awaiting::value(
        "send_text",
        Box::pin(async move {
            socket
                .send_text(&text)
                .await
                .map_err(|e| python_error(&e))?;
            Ok(Value::None)
        }),
    ))
}

fn socket_receive_text(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let socket = socket_of(t)?;
    Ok(Awaiting::value(
        "receive_text",
        Box::pin(async move {
            let text = socket.receive_text().await.map_err(|e| python_error(&e))?;
            Ok(Value::str(&text))
        }),
    ))
}

fn socket_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let socket = socket_of(t)?;
    Ok(Awaiting::value(
        "close",
        Box::pin(async move {
            socket.close().await.map_err(|e| python_error(&e))?;
            Ok(Value::None)
        }),
    ))
}

// ---- requests ----

/// `request`: the runtime's request, as Starlette's `Request`.
struct PyRequest(Rc<Request>);

/// `Request(scope, receive)`: an ASGI application's own view of its request.
fn request(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let scope = args.get(0, "scope").cloned().ok_or_else(|| {
        python::exceptions::type_error("Request() missing 1 required positional argument: 'scope'")
    })?;
    let scope = scope_of(vm, &scope)?;
    let receive = this::<Receiver>(args.get(1, "receive"))
        .map(|r| r.0.clone())
        .map_err(|_| {
            python::exceptions::unsupported(
                "Request(scope, receive) with a receive of the program's own",
            )
        })?;
    Ok(Value::Host(Rc::new(PyRequest(Rc::new(Request::sharing(
        scope, receive,
    ))))))
}

fn param_value(param: &Param) -> Value {
    match param {
        Param::Str(s) => Value::Str(s.clone()),
        Param::Int(n) => Value::Int(*n),
        Param::Float(f) => Value::Float(*f),
    }
}

impl HostObject for PyRequest {
    fn type_name(&self) -> &str {
        "Request"
    }
    fn get_attr(&self, vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let scope = self.0.scope();
        Some(match name {
            "method" => Ok(Value::Str(scope.method.clone())),
            "url" => Ok(Value::Host(Rc::new(Url(self.0.url())))),
            "base_url" => Ok(Value::Host(Rc::new(Url(self.0.base_url().to_string())))),
            "path_params" => {
                let mut d = Dict::new();
                for (name, param) in self.0.path_params() {
                    d.set_str(name, param_value(param));
                }
                Ok(Value::Dict(Rc::new(RefCell::new(d))))
            }
            "query_params" => query_multidict(vm, scope),
            "headers" => headers_multidict(vm, scope),
            "body" => method("body", request_body, this),
            "json" => method("json", request_json, this),
            "scope" => Ok(super::asgi::scope_value(scope)),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn request_body(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(body_bytes("body", this::<PyRequest>(t)?.0.clone()))
}

/// `await request.json()`: the body parsed by the program's `json`, with its errors.
fn request_json(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let request = this::<PyRequest>(t)?.0.clone();
    Ok(Awaiting::value(
        "json",
        Box::pin(async move {
            let body = request.body().await.map_err(|e| python_error(&e))?;
            let vm = vm_rc().map_err(|e| to_exception(&e, None))?;
            let mut vm = vm.borrow_mut();
            let module = vm.import("json")?;
            let loads = python::attr::get_attr(&mut vm, &module, "loads")?;
            vm.call(&loads, Args::new(vec![Value::Bytes(Rc::from(body))]))
        }),
    ))
}

/// `request.url`, `request.base_url`: printed as the URL, with its parts.
struct Url(String);

impl Url {
    /// The part after the scheme and host: `/a?b`.
    fn target(&self) -> &str {
        let rest = self.0.split_once("://").map_or(&*self.0, |(_, rest)| rest);
        rest.find('/').map_or("/", |i| &rest[i..])
    }
}

impl HostObject for Url {
    fn type_name(&self) -> &str {
        "URL"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let (path, query) = self.target().split_once('?').unwrap_or((self.target(), ""));
        let authority = self
            .0
            .split_once("://")
            .map_or("", |(_, rest)| rest.split('/').next().unwrap_or(""));
        let (host, port) = authority.rsplit_once(':').unwrap_or((authority, ""));
        Some(Ok(match name {
            "path" => Value::str(path),
            "query" => Value::str(query),
            "scheme" => Value::str(self.0.split_once("://").map_or("", |(s, _)| s)),
            "hostname" => Value::str(host),
            "netloc" => Value::str(authority),
            "port" => port.parse::<i64>().map_or(Value::None, Value::Int),
            _ => return None,
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!("URL('{}')", self.0))
    }
    fn str(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(self.0.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ---- responses ----

/// A response's body.
enum Body {
    Whole(Rc<[u8]>),
    /// `StreamingResponse(generator)`: an async (or plain) iterator of str or bytes.
    Stream(Value),
    /// `FileResponse(path)`.
    File(Rc<str>),
}

/// `Response(...)` and its kinds.
struct PyResponse {
    kind: &'static str,
    status: u16,
    body: Body,
    media_type: Option<String>,
    headers: Vec<(String, String)>,
    background: Option<Value>,
}

impl PyResponse {
    /// The runtime's response: the same status, headers and body.
    fn to_runtime(&self) -> runtime::Result<Response> {
        let mut response = match &self.body {
            Body::Whole(bytes) => Response::new(bytes.to_vec()),
            Body::Stream(iterator) => {
                let media_type = self.media_type.clone().unwrap_or_default();
                let response = Response::streaming(python_stream(iterator.clone()), media_type);
                if self.media_type.is_none() {
                    response.without_media_type()
                } else {
                    response
                }
            }
            Body::File(path) => Response::file(path)?,
        };
        if let Some(media_type) = &self.media_type {
            response = response.media_type(media_type.clone());
        }
        response = response.status(self.status);
        for (name, value) in &self.headers {
            response = response.header(name, value);
        }
        if let Some(task) = &self.background {
            response = response.background(python_background(task.clone()));
        }
        Ok(response)
    }
}

/// The items of the program's iterator as the runtime's async generator of text.
fn python_stream(iterator: Value) -> runtime::AsyncGenerator<String> {
    runtime::async_generator(move |y| async move {
        let vm = vm_rc()?;
        let step = {
            let mut vm = vm.borrow_mut();
            vm.import("_host")
                .and_then(|m| python::attr::get_attr(&mut vm, &m, "anext_or_end"))
        };
        let step = step.map_err(|e| runtime_error(&vm, &e))?;
        let is_async = matches!(&iterator, Value::Generator(g) if g.kind == python::value::GenKind::AsyncGenerator)
            || python::attr::get_attr(&mut vm.borrow_mut(), &iterator, "__anext__").is_ok();
        let items: Option<Vec<Value>> = if is_async {
            None
        } else {
            let collected = python::iter::collect(&mut vm.borrow_mut(), &iterator);
            Some(collected.map_err(|e| runtime_error(&vm, &e))?)
        };
        let mut items = items.map(Vec::into_iter);
        loop {
            let item = match &mut items {
                Some(items) => items.next(),
                None => {
                    let next = vm
                        .borrow_mut()
                        .call(&step, Args::new(vec![iterator.clone()]));
                    let next = match next {
                        Ok(v) => awaited(vm.clone(), v).await,
                        Err(e) => Err(e),
                    }
                    .map_err(|e| runtime_error(&vm, &e))?;
                    match next {
                        Value::Tuple(t) if matches!(t.first(), Some(Value::Bool(true))) => {
                            t.get(1).cloned()
                        }
                        _ => None,
                    }
                }
            };
            let Some(item) = item else { return Ok(()) };
            let text = match &item {
                Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                other => python::ops::str_of(&mut vm.borrow_mut(), other)
                    .map_err(|e| runtime_error(&vm, &e))?,
            };
            y.yield_(text).await;
        }
    })
}

/// `BackgroundTask(func, *args, **kwargs)` as the runtime's: called once the response is sent.
fn python_background(task: Value) -> BackgroundTask {
    BackgroundTask::new(move || {
        let task = task.clone();
        async move {
            let vm = vm_rc()?;
            let Value::Host(h) = &task else { return Ok(()) };
            let Some(task) = h.as_any().downcast_ref::<PyBackgroundTask>() else {
                return Ok(());
            };
            let args = Args {
                pos: task.args.pos.clone(),
                kw: task.args.kw.clone(),
            };
            let called = vm.borrow_mut().call(&task.func, args);
            let done = match called {
                Ok(v) => awaited(vm.clone(), v).await,
                Err(e) => Err(e),
            };
            done.map(|_| ()).map_err(|e| runtime_error(&vm, &e))
        }
    })
}

impl HostObject for PyResponse {
    fn type_name(&self) -> &str {
        self.kind
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "status_code" => Ok(Value::Int(i64::from(self.status))),
            "media_type" => Ok(self.media_type.as_deref().map_or(Value::None, Value::str)),
            "body" => match &self.body {
                Body::Whole(bytes) => Ok(Value::Bytes(bytes.clone())),
                _ => return None,
            },
            "background" => Ok(self.background.clone().unwrap_or(Value::None)),
            "__call__" => method("__call__", response_call, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `await response(scope, receive, send)`: the response sent on `send`, as an ASGI
/// application.
fn response_call(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let response = this::<PyResponse>(t)?
        .to_runtime()
        .map_err(|e| python_error(&e))?;
    let send = this::<Sender>(args.get(2, "send"))
        .map(|s| s.0.clone())
        .map_err(|_| {
            python::exceptions::unsupported("calling a response with a send of the program's own")
        })?;
    Ok(Awaiting::value(
        "__call__",
        Box::pin(async move {
            response
                .send_to(&send)
                .await
                .map_err(|e| python_error(&e))?;
            Ok(Value::None)
        }),
    ))
}

/// The arguments every response takes: `status_code=200`, `headers=None`,
/// `media_type=None`, `background=None`.
fn make_response(
    vm: &mut Vm,
    args: &Args,
    kind: &'static str,
    body: Body,
    media_type: Option<String>,
) -> PyResult {
    let status = match args.get(1, "status_code") {
        None => 200,
        Some(v) => match python::int::to_i64(v) {
            Some(n) if (100..=999).contains(&n) => n as u16,
            _ => {
                let r = python::ops::repr(vm, v)?;
                return Err(python::exceptions::value_error(format!(
                    "status_code must be an HTTP status code, not {r}"
                )));
            }
        },
    };
    let media_type = match args.get(3, "media_type") {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => media_type,
    };
    let headers = match args.get(2, "headers").filter(|v| !v.is_none()) {
        Some(given) => {
            let call = Args {
                pos: Vec::new(),
                kw: vec![(Rc::from("headers"), given.clone())],
            };
            header_pairs(vm, &call)?
        }
        None => Vec::new(),
    };
    let background = args.get(4, "background").filter(|v| !v.is_none()).cloned();
    Ok(Value::Host(Rc::new(PyResponse {
        kind,
        status,
        body,
        media_type,
        headers,
        background,
    })))
}

/// The content of `Response(content)`: str or bytes (or nothing).
fn content_bytes(args: &Args) -> PyResult<Rc<[u8]>> {
    match args.get(0, "content") {
        None | Some(Value::None) => Ok(Rc::from(&[][..])),
        Some(Value::Str(s)) => Ok(Rc::from(s.as_bytes())),
        Some(Value::Bytes(b)) => Ok(b.clone()),
        Some(other) => Err(python::exceptions::type_error(format!(
            "'{}' object has no attribute 'encode'",
            python::types::type_name(other)
        ))),
    }
}

fn response(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let body = Body::Whole(content_bytes(&args)?);
    make_response(vm, &args, "Response", body, None)
}

fn plain_text(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let body = Body::Whole(content_bytes(&args)?);
    make_response(
        vm,
        &args,
        "PlainTextResponse",
        body,
        Some("text/plain".into()),
    )
}

fn html(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let body = Body::Whole(content_bytes(&args)?);
    make_response(vm, &args, "HTMLResponse", body, Some("text/html".into()))
}

/// `JSONResponse(content)`: rendered at once, as Starlette does (compact, non-ASCII kept).
fn json_response(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let content = args.get(0, "content").cloned().unwrap_or(Value::None);
    let text = compact_json(vm, content)?;
    let body = Body::Whole(Rc::from(text.as_bytes()));
    make_response(
        vm,
        &args,
        "JSONResponse",
        body,
        Some("application/json".into()),
    )
}

fn streaming(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let content = args.get(0, "content").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "StreamingResponse() missing 1 required positional argument: 'content'",
        )
    })?;
    make_response(vm, &args, "StreamingResponse", Body::Stream(content), None)
}

fn file_response(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let path = str_arg(&args, 0, "path", "FileResponse")?;
    make_response(vm, &args, "FileResponse", Body::File(path), None)
}

/// `BackgroundTask(func, *args, **kwargs)`.
struct PyBackgroundTask {
    func: Value,
    args: Args,
}

impl HostObject for PyBackgroundTask {
    fn type_name(&self) -> &str {
        "BackgroundTask"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "func" => self.func.clone(),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn background_task(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut pos = args.pos.into_iter();
    let func = pos.next().ok_or_else(|| {
        python::exceptions::type_error(
            "BackgroundTask() missing 1 required positional argument: 'func'",
        )
    })?;
    Ok(Value::Host(Rc::new(PyBackgroundTask {
        func,
        args: Args {
            pos: pos.collect(),
            kw: args.kw,
        },
    })))
}
