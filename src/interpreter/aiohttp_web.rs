//! `aiohttp.web` on the page's servers: `web.Application()` and its router (`add_get`,
//! `add_post`, `add_route`, `add_routes` with `web.get(...)`), handlers that are the program's
//! coroutines, `web.Response(text=..., status=..., content_type=...)`, the request they get
//! (`method`, `path`, `match_info`, `query`, `headers`, `await request.text()`), and serving it:
//! `AppRunner` with `TCPSite(...).start()`, or `web.run_app(app)`.
//!
//! The application is the runtime's [`Application`]: its router, aiohttp's `404: Not Found`
//! and `405: Method Not Allowed`, the page's server (a real HTTP endpoint through the Service
//! Worker) and its request tasks are the ones the Rust lessons use. A handler runs as a step of
//! its request's task, so its prints and awaits are in the Trace as any task's. What differs
//! from aiohttp: the server is the page's, not a socket of the machine (see
//! [`runtime::web`](crate::runtime::web)), and header names arrive in lower case.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::value::HostObject;
use python::{Args, PyResult, Value, Vm};

use super::asyncio::{is_cancelled_error, run_serving, VM};
use super::drive::awaited;
use super::objects::{function, method, module, python_error, ready, str_arg, this, Awaiting};
use super::web_parts::{body_bytes, header_pairs, headers_multidict, query_multidict};
use crate::runtime::web::aiohttp_web::{server_error, Application};
use crate::runtime::web::server::HOST;
use crate::runtime::web::starlette::{Endpoint, Request, Response};
use crate::runtime::web::{App, Config, Server};
use crate::runtime::{self, Error};

/// `import aiohttp.web` (and `from aiohttp import web`).
pub(super) fn import() -> PyResult {
    let route = |name: &'static str, func| (name, function(name, func));
    module(
        "aiohttp.web",
        vec![
            route("Application", application),
            route("Response", response),
            route("AppRunner", app_runner),
            route("TCPSite", tcp_site),
            route("run_app", run_app),
            route("get", route_get),
            route("post", route_post),
            route("put", route_put),
            route("delete", route_delete),
            route("patch", route_patch),
            route("route", route_any),
        ],
    )
}

/// The routes of an application until it is served; `None` once a runner has it (aiohttp's
/// frozen router).
type Routes = RefCell<Option<Application>>;

/// `web.Application()`.
struct PyApplication(Rc<Routes>);

fn application(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(Rc::new(PyApplication(Rc::new(RefCell::new(
        Some(Application::new()),
    ))))))
}

impl HostObject for PyApplication {
    fn type_name(&self) -> &str {
        "Application"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "router" => Ok(Value::Host(Rc::new(Router(self.0.clone())))),
            "add_routes" => method("add_routes", app_add_routes, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok("<Application>".to_string())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `app.router`.
struct Router(Rc<Routes>);

impl HostObject for Router {
    fn type_name(&self) -> &str {
        "UrlDispatcher"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "add_get" => method("add_get", router_add_get, this),
            "add_post" => method("add_post", router_add_post, this),
            "add_put" => method("add_put", router_add_put, this),
            "add_delete" => method("add_delete", router_add_delete, this),
            "add_patch" => method("add_patch", router_add_patch, this),
            "add_route" => method("add_route", router_add_route, this),
            "add_routes" => method("add_routes", router_add_routes, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Adds a route for `method` to the application's routes, unless a runner has them.
fn add_route(routes: &Routes, method: &str, path: &str, handler: Value) -> PyResult {
    let mut routes = routes.borrow_mut();
    let Some(app) = routes.as_mut() else {
        return Err(python::exceptions::runtime_error(
            "Cannot register a resource into frozen router.",
        ));
    };
    if !path.is_empty() && !path.starts_with('/') {
        return Err(python::exceptions::value_error(
            "path should be started with / or be empty",
        ));
    }
    app.add_route(method, path, python_endpoint(handler))
        .map_err(|e| python_error(&e))?;
    Ok(Value::None)
}

/// `add_get(path, handler)` and its kind, on the router.
fn add_method(t: Option<&Value>, args: &Args, method: &str, name: &str) -> PyResult {
    let routes = this::<Router>(t)?.0.clone();
    let path = str_arg(args, 0, "path", name)?;
    let handler = args.get(1, "handler").cloned().ok_or_else(|| {
        python::exceptions::type_error(format!(
            "{name}() missing 1 required positional argument: 'handler'"
        ))
    })?;
    add_route(&routes, method, &path, handler)
}

fn router_add_get(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    add_method(t, &args, "GET", "add_get")
}

fn router_add_post(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    add_method(t, &args, "POST", "add_post")
}

fn router_add_put(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    add_method(t, &args, "PUT", "add_put")
}

fn router_add_delete(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    add_method(t, &args, "DELETE", "add_delete")
}

fn router_add_patch(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    add_method(t, &args, "PATCH", "add_patch")
}

/// `router.add_route(method, path, handler)`.
fn router_add_route(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let routes = this::<Router>(t)?.0.clone();
    let method = str_arg(&args, 0, "method", "add_route")?;
    let rest = Args::new(args.pos.iter().skip(1).cloned().collect());
    let path = str_arg(&rest, 0, "path", "add_route")?;
    let handler = rest.get(1, "handler").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "add_route() missing 1 required positional argument: 'handler'",
        )
    })?;
    add_route(&routes, &method, &path, handler)
}

/// `web.get(path, handler)` and its kind: a route to add with `add_routes([...])`.
struct RouteDef {
    method: Rc<str>,
    path: Rc<str>,
    handler: Value,
}

impl HostObject for RouteDef {
    fn type_name(&self) -> &str {
        "RouteDef"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "method" => Value::Str(self.method.clone()),
            "path" => Value::Str(self.path.clone()),
            "handler" => self.handler.clone(),
            _ => return None,
        }))
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        let handler = match python::attr::get_attr(vm, &self.handler, "__name__") {
            Ok(name) => python::ops::repr(vm, &name)?,
            Err(_) => python::ops::repr(vm, &self.handler)?,
        };
        let head = if &*self.method == "GET" {
            "allow_head=True, "
        } else {
            ""
        };
        Ok(format!(
            "<RouteDef {} {} -> {handler}, {head}name=None>",
            self.method, self.path
        ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn route_def(args: &Args, method: Rc<str>, name: &str) -> PyResult {
    let path = str_arg(args, 0, "path", name)?;
    let handler = args.get(1, "handler").cloned().ok_or_else(|| {
        python::exceptions::type_error(format!(
            "{name}() missing 1 required positional argument: 'handler'"
        ))
    })?;
    Ok(Value::Host(Rc::new(RouteDef {
        method,
        path,
        handler,
    })))
}

fn route_get(_vm: &mut Vm, _t: Option<&Value>, args: Args) -> PyResult {
    route_def(&args, Rc::from("GET"), "get")
}

fn route_post(_vm: &mut Vm, _t: Option<&Value>, args: Args) -> PyResult {
    route_def(&args, Rc::from("POST"), "post")
}

fn route_put(_vm: &mut Vm, _t: Option<&Value>, args: Args) -> PyResult {
    route_def(&args, Rc::from("PUT"), "put")
}

fn route_delete(_vm: &mut Vm, _t: Option<&Value>, args: Args) -> PyResult {
    route_def(&args, Rc::from("DELETE"), "delete")
}

fn route_patch(_vm: &mut Vm, _t: Option<&Value>, args: Args) -> PyResult {
    route_def(&args, Rc::from("PATCH"), "patch")
}

/// `web.route(method, path, handler)`.
fn route_any(_vm: &mut Vm, _t: Option<&Value>, args: Args) -> PyResult {
    let method = str_arg(&args, 0, "method", "route")?;
    let rest = Args::new(args.pos.iter().skip(1).cloned().collect());
    route_def(&rest, method, "route")
}

/// `add_routes([web.get('/', index), ...])`.
fn add_routes(vm: &mut Vm, routes: &Routes, args: &Args) -> PyResult {
    let list = args.get(0, "routes").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "add_routes() missing 1 required positional argument: 'routes'",
        )
    })?;
    for item in python::iter::collect(vm, &list)? {
        let Value::Host(h) = &item else {
            return Err(python::exceptions::type_error(format!(
                "a route definition was expected (web.get(...)), got {}",
                python::ops::repr(vm, &item)?
            )));
        };
        let Some(def) = h.as_any().downcast_ref::<RouteDef>() else {
            return Err(python::exceptions::type_error(format!(
                "a route definition was expected (web.get(...)), got {}",
                python::ops::repr(vm, &item)?
            )));
        };
        add_route(routes, &def.method, &def.path, def.handler.clone())?;
    }
    Ok(Value::None)
}

fn app_add_routes(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let routes = this::<PyApplication>(t)?.0.clone();
    add_routes(vm, &routes, &args)
}

fn router_add_routes(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let routes = this::<Router>(t)?.0.clone();
    add_routes(vm, &routes, &args)
}

/// A handler of the program's as the runtime's endpoint: called with the request, stepped in
/// the request's task until it returns its response. One that raises is logged as aiohttp
/// logs it, and the client gets aiohttp's `500`.
fn python_endpoint(handler: Value) -> Endpoint {
    Rc::new(move |request: Request| {
        let handler = handler.clone();
        Box::pin(async move {
            let Some(vm) = VM.with(|v| v.borrow().upgrade()) else {
                return Err(Error::Cancelled);
            };
            let request = Value::Host(Rc::new(PyRequest(Rc::new(request))));
            let called = {
                let mut vm = vm.borrow_mut();
                let called = vm.call(&handler, Args::new(vec![request]));
                vm.flush_warnings();
                called
            };
            let returned = match called {
                Ok(v) => awaited(vm.clone(), v).await,
                Err(e) => Err(e),
            };
            match returned.and_then(|v| to_response(&v)) {
                Ok(response) => Ok(response),
                Err(e) if is_cancelled_error(&e) => Err(Error::Cancelled),
                Err(e) => {
                    let mut vm = vm.borrow_mut();
                    let traceback = python::traceback::format(&mut vm, &e, "main.py");
                    vm.host
                        .write_err(&format!("Error handling request from {HOST}\n{traceback}"));
                    Ok(server_error())
                }
            }
        })
    })
}

/// What a handler returned, as the response to send.
fn to_response(v: &Value) -> PyResult<Response> {
    if let Value::Host(h) = v {
        if let Some(r) = h.as_any().downcast_ref::<PyResponse>() {
            return Ok(r.to_runtime());
        }
    }
    Err(python::exceptions::runtime_error(format!(
        "Web-handler should return a response instance, got {}",
        python::types::type_name(v)
    )))
}

/// The request a handler gets.
struct PyRequest(Rc<Request>);

impl HostObject for PyRequest {
    fn type_name(&self) -> &str {
        "Request"
    }
    fn get_attr(&self, vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let scope = self.0.scope();
        Some(match name {
            "method" => Ok(Value::Str(scope.method.clone())),
            "path" => Ok(Value::Str(scope.path.clone())),
            "path_qs" => Ok(Value::str(&match &*scope.query_string {
                "" => scope.path.to_string(),
                query => format!("{}?{query}", scope.path),
            })),
            "query_string" => Ok(Value::Str(scope.query_string.clone())),
            "url" => Ok(Value::str(&self.0.url())),
            "host" => Ok(Value::str(&format!(
                "{}:{}",
                scope.server.0, scope.server.1
            ))),
            "match_info" => {
                let mut d = python::dict::Dict::new();
                for (name, param) in self.0.path_params() {
                    d.set_str(name, Value::str(&param.to_string()));
                }
                Ok(Value::Dict(Rc::new(RefCell::new(d))))
            }
            "query" => query_multidict(vm, scope),
            "headers" => headers_multidict(vm, scope),
            "text" => method("text", request_text, this),
            "read" => method("read", request_read, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let scope = self.0.scope();
        Ok(format!("<Request {} {} >", scope.method, scope.path))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn request_body(t: Option<&Value>) -> PyResult<Rc<Request>> {
    Ok(this::<PyRequest>(t)?.0.clone())
}

/// `await request.read()`: the body's bytes.
fn request_read(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(body_bytes("read", request_body(t)?))
}

/// `await request.text()`: the body as text.
fn request_text(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let request = request_body(t)?;
    Ok(Awaiting::value(
        "text",
        Box::pin(async move {
            let body = request.body().await.map_err(|e| python_error(&e))?;
            Ok(Value::str(&String::from_utf8_lossy(&body)))
        }),
    ))
}

/// `web.Response(...)`.
struct PyResponse {
    status: u16,
    body: Rc<[u8]>,
    text: Option<Rc<str>>,
    /// The `Content-Type` header as aiohttp writes it (`text/plain; charset=utf-8`).
    content_type: String,
    headers: Vec<(String, String)>,
}

impl PyResponse {
    fn to_runtime(&self) -> Response {
        let mut response = Response::new(self.body.to_vec())
            .status(self.status)
            .header("content-type", &self.content_type);
        for (name, value) in &self.headers {
            response = response.header(name, value);
        }
        response
    }
}

impl HostObject for PyResponse {
    fn type_name(&self) -> &str {
        "Response"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let media_type = || {
            self.content_type
                .split(';')
                .next()
                .unwrap_or("")
                .to_string()
        };
        Some(Ok(match name {
            "status" => Value::Int(i64::from(self.status)),
            "reason" => Value::str(crate::runtime::web::http::reason(self.status).unwrap_or("")),
            "text" => self.text.clone().map_or(Value::None, Value::Str),
            "body" => Value::Bytes(self.body.clone()),
            "content_type" => Value::str(&media_type()),
            "charset" => match self.content_type.split_once("charset=") {
                Some((_, charset)) => Value::str(charset),
                None => Value::None,
            },
            _ => return None,
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let reason = crate::runtime::web::http::reason(self.status).unwrap_or("");
        Ok(format!("<Response {reason} not prepared>"))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `web.Response(*, body=None, status=200, text=None, headers=None, content_type=None,
/// charset=None)`, with aiohttp's checks.
fn response(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if !args.pos.is_empty() {
        return Err(python::exceptions::type_error(format!(
            "__init__() takes 1 positional argument but {} were given",
            args.pos.len() + 1
        )));
    }
    let optional_str = |name: &str| -> PyResult<Option<Rc<str>>> {
        match args.keyword(name) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.clone())),
            Some(other) => Err(python::exceptions::type_error(format!(
                "{name} argument must be str (<class '{}'>)",
                python::types::type_name(other)
            ))),
        }
    };
    let text = optional_str("text")?;
    let content_type = optional_str("content_type")?;
    let charset = optional_str("charset")?;
    let body = match args.keyword("body") {
        None | Some(Value::None) => None,
        Some(Value::Bytes(b)) => Some(b.clone()),
        Some(Value::Str(s)) => Some(Rc::from(s.as_bytes())),
        Some(other) => {
            return Err(python::exceptions::type_error(format!(
                "body must be bytes, not {}",
                python::types::type_name(other)
            )))
        }
    };
    if text.is_some() && body.is_some() {
        return Err(python::exceptions::value_error(
            "body and text are not allowed together",
        ));
    }
    if content_type
        .as_deref()
        .is_some_and(|c| c.contains("charset"))
    {
        return Err(python::exceptions::value_error(
            "charset must not be in content_type argument",
        ));
    }
    let status = match args.keyword("status") {
        None => 200,
        Some(v) => match python::int::to_i64(v) {
            Some(n) if (100..=999).contains(&n) => n as u16,
            Some(n) => {
                return Err(python::exceptions::value_error(format!(
                    "Invalid status code: {n}"
                )))
            }
            None => {
                return Err(python::exceptions::type_error(format!(
                    "status must be an int, not {}",
                    python::types::type_name(v)
                )))
            }
        },
    };
    let content_type = match (&text, content_type, charset) {
        (Some(_), media, charset) => format!(
            "{}; charset={}",
            media.as_deref().unwrap_or("text/plain"),
            charset.as_deref().unwrap_or("utf-8")
        ),
        (None, media, Some(charset)) => format!(
            "{}; charset={charset}",
            media.as_deref().unwrap_or("application/octet-stream")
        ),
        (None, media, None) => media
            .as_deref()
            .unwrap_or("application/octet-stream")
            .to_string(),
    };
    let headers = header_pairs(vm, &args)?;
    let body = match &text {
        Some(text) => Rc::from(text.as_bytes()),
        None => body.unwrap_or_else(|| Rc::from(&[][..])),
    };
    Ok(Value::Host(Rc::new(PyResponse {
        status,
        body,
        text,
        content_type,
        headers,
    })))
}

/// `web.AppRunner(app)`: `await runner.setup()` freezes the routes into the application a
/// site serves; `await runner.cleanup()` stops its sites.
struct Runner {
    routes: Rc<Routes>,
    app: RefCell<Option<App>>,
    servers: RefCell<Vec<Server>>,
}

fn app_runner(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let routes = this::<PyApplication>(args.get(0, "app"))
        .map(|a| a.0.clone())
        .map_err(|_| {
            python::exceptions::type_error("AppRunner() needs an application: web.AppRunner(app)")
        })?;
    Ok(Value::Host(Rc::new(Runner {
        routes,
        app: RefCell::new(None),
        servers: RefCell::new(Vec::new()),
    })))
}

impl Runner {
    /// Freezes the routes into the application to serve (once).
    fn setup(&self) -> PyResult<()> {
        if self.app.borrow().is_some() {
            return Ok(());
        }
        let routes = self.routes.borrow_mut().take().ok_or_else(|| {
            python::exceptions::runtime_error("The application is already served by a runner")
        })?;
        *self.app.borrow_mut() = Some(routes.into_app());
        Ok(())
    }
}

impl HostObject for Runner {
    fn type_name(&self) -> &str {
        "AppRunner"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "setup" => method("setup", runner_setup, this),
            "cleanup" => method("cleanup", runner_cleanup, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn runner_setup(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<Runner>(t)?.setup()?;
    Ok(ready("setup", Value::None))
}

fn runner_cleanup(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    for server in this::<Runner>(t)?.servers.borrow_mut().drain(..) {
        server.exit();
    }
    Ok(ready("cleanup", Value::None))
}

/// `web.TCPSite(runner, host=None, port=8080)`.
struct Site {
    runner: Rc<dyn HostObject>,
    port: u16,
}

fn port_arg(args: &Args, index: usize) -> PyResult<u16> {
    match args.get(index, "port") {
        None | Some(Value::None) => Ok(8080),
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

fn tcp_site(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let runner = match args.get(0, "runner") {
        Some(Value::Host(h)) if h.as_any().is::<Runner>() => h.clone(),
        _ => {
            return Err(python::exceptions::type_error(
                "TCPSite() needs a runner: web.TCPSite(runner, host, port)",
            ))
        }
    };
    let port = port_arg(&args, 2)?;
    Ok(Value::Host(Rc::new(Site { runner, port })))
}

impl HostObject for Site {
    fn type_name(&self) -> &str {
        "TCPSite"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "start" => method("start", site_start, this),
            "name" => Ok(Value::str(&format!("http://0.0.0.0:{}", self.port))),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `await site.start()`: the page's server listens on the site's port.
fn site_start(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let site = this::<Site>(t)?;
    let Some(runner) = site.runner.as_any().downcast_ref::<Runner>() else {
        return Err(python::exceptions::type_error("not a runner"));
    };
    let Some(app) = runner.app.borrow().clone() else {
        return Err(python::exceptions::runtime_error(
            "Call runner.setup() before making a site",
        ));
    };
    let server = Server::new(Config::new(app, site.port));
    runner.servers.borrow_mut().push(server.clone());
    Ok(Awaiting::value(
        "start",
        Box::pin(async move {
            let _serving = server.start().await.map_err(|e| python_error(&e))?;
            Ok(Value::None)
        }),
    ))
}

/// `web.run_app(app, port=8080)`: serves the application until Stop, as aiohttp's blocks
/// until Ctrl+C; it says where, as aiohttp prints.
fn run_app(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    if runtime::loop_is_running() {
        return Err(python::exceptions::runtime_error(
            "asyncio.run() cannot be called from a running event loop",
        ));
    }
    let runner = app_runner(
        vm,
        None,
        Args::new(args.pos.iter().take(1).cloned().collect()),
    )?;
    let Value::Host(runner) = runner else {
        return Err(python::exceptions::type_error("not a runner"));
    };
    let port = match args.keyword("port") {
        Some(_) => port_arg(&args, usize::MAX)?,
        None => 8080,
    };
    let Some(r) = runner.as_any().downcast_ref::<Runner>() else {
        return Err(python::exceptions::type_error("not a runner"));
    };
    r.setup()?;
    let app =
        r.app.borrow().clone().ok_or_else(|| {
            python::exceptions::runtime_error("the application could not be set up")
        })?;
    let vm_weak = VM.with(|v| v.borrow().clone());
    let line = vm.call_line;
    let serve = async move {
        let server = Server::new(Config::new(app, port));
        let serving = server.start().await?;
        if let Some(vm) = vm_weak.upgrade() {
            let vm = vm.borrow();
            vm.host.write(
                &format!(
                    "======== Running on http://0.0.0.0:{port} ========\n(Press CTRL+C to quit)\n"
                ),
                line,
            );
        }
        serving.await?;
        Ok(Value::None)
    };
    run_serving(vm, "_run_app", serve)
}
