//! Threads and WSGI, as the course uses them: `threading.Thread(target=..., args=...)` (`start`,
//! `join`, `is_alive`, `name`, `daemon`) and wsgiref's `make_server(host, port, app)` with its
//! `serve_forever()`.
//!
//! A thread is a Web Worker, as a pool's thread is ([`super::executor`]): its function is
//! called on the page when it starts, its prints and `time.sleep`s recorded as the job a worker
//! then performs, so its blocking waits do not stop the loop, and `join()` in the module body
//! hands the loop control until the job ends. A thread whose target is a WSGI server's
//! `serve_forever` starts the runtime's WSGI server ([`runtime::web::wsgi`]): each request calls
//! the application on the page the same way, and one worker answers them in turn, as wsgiref's
//! one thread does. What differs from threads: the function's own computing happens at
//! `start()` (not in parallel), and it sees the program's state as it was then.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use python::dict::Dict;
use python::types::new_class;
use python::value::{BuiltinType, Class, HostObject};
use python::{Args, PyResult, Value, Vm};

use super::asyncio::{block_on, run_serving, Blocking};
use super::executor::call_as_job;
use super::objects::{function, method, module, python_error, this};
use crate::runtime::web::wsgi::{wsgi_with, Answered, Environ};
use crate::runtime::web::{Config, Server};
use crate::runtime::{self, ConcurrentFuture, Error, Pool};

thread_local! {
    static HANDLER_CLASS: RefCell<Option<Rc<Class>>> = const { RefCell::new(None) };
    /// The program's WSGI servers by port, once they serve (their task may not have bound the
    /// port yet).
    static WSGI_SERVERS: RefCell<Vec<Serving>> = const { RefCell::new(Vec::new()) };
    /// How many threads the program has made (`Thread-1`, `Thread-2`, …).
    static MADE: Cell<u32> = const { Cell::new(0) };
}

/// `wsgiref.simple_server.WSGIRequestHandler`, a class to derive from (its `log_message` is
/// where wsgiref logs each request; here nothing is logged).
fn handler_class() -> Rc<Class> {
    HANDLER_CLASS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let object = python::types::builtin_class(BuiltinType::Object);
                new_class(
                    "WSGIRequestHandler",
                    "wsgiref.simple_server",
                    vec![object.clone()],
                    Dict::new(),
                    BuiltinType::Object,
                )
                .unwrap_or(object)
            })
            .clone()
    })
}

/// A WSGI server of the program's and the task that serves it.
struct Serving {
    port: u16,
    server: Server,
    task: runtime::Task<()>,
}

/// `start_response`'s status and headers.
type Started = Option<(String, Vec<(String, String)>)>;

/// A new program has made no thread and no WSGI server yet.
pub(super) fn forget() {
    MADE.with(|m| m.set(0));
    WSGI_SERVERS.with(|s| s.borrow_mut().clear());
}

/// `import threading`, `import wsgiref.simple_server`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    let entries = match name {
        "threading" => vec![("Thread", function("Thread", thread))],
        "wsgiref" => vec![],
        "wsgiref.simple_server" => vec![
            ("make_server", function("make_server", make_server)),
            ("WSGIRequestHandler", Value::Class(handler_class())),
        ],
        _ => return None,
    };
    Some(module(name, entries))
}

// ---- threads ----

/// `threading.Thread(target=None, name=None, args=(), kwargs=None, daemon=None)`.
struct Thread {
    target: Value,
    args: Vec<Value>,
    name: String,
    daemon: Cell<bool>,
    /// Its worker and job once started.
    job: RefCell<Option<(Rc<Pool>, ConcurrentFuture)>>,
}

fn thread(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let target = args.keyword("target").cloned().unwrap_or(Value::None);
    let call_args = match args.keyword("args") {
        Some(a) if !a.is_none() => python::iter::collect(vm, a)?,
        _ => Vec::new(),
    };
    if args.keyword("kwargs").is_some_and(|k| !k.is_none()) {
        return Err(python::exceptions::unsupported("Thread(kwargs=...)"));
    }
    let number = MADE.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    let name = match args.keyword("name") {
        Some(Value::Str(s)) => s.to_string(),
        _ => format!("Thread-{number}"),
    };
    let daemon = match args.keyword("daemon") {
        Some(v) => python::ops::truthy(vm, v)?,
        None => false,
    };
    Ok(Value::Host(Rc::new(Thread {
        target,
        args: call_args,
        name,
        daemon: Cell::new(daemon),
        job: RefCell::new(None),
    })))
}

impl HostObject for Thread {
    fn type_name(&self) -> &str {
        "Thread"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "start" => method("start", thread_start, this),
            "join" => method("join", thread_join, this),
            "is_alive" => method("is_alive", thread_is_alive, this),
            "name" => Ok(Value::str(&self.name)),
            "daemon" => Ok(Value::Bool(self.daemon.get())),
            _ => return None,
        })
    }
    fn set_attr(&self, vm: &mut Vm, name: &str, value: &Value) -> Option<PyResult<()>> {
        match name {
            "daemon" => Some(python::ops::truthy(vm, value).map(|d| self.daemon.set(d))),
            _ => None,
        }
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let state = match &*self.job.borrow() {
            None => "initial",
            Some((_, job)) if job.done() => "stopped",
            Some(_) => "started",
        };
        let daemon = if self.daemon.get() { " daemon" } else { "" };
        Ok(format!("<Thread({}, {state}{daemon})>", self.name))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `thread.start()`: a WSGI server's `serve_forever` starts serving; any other target runs as
/// a job on a worker of its own.
fn thread_start(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Thread>(t)?;
    if me.job.borrow().is_some() {
        return Err(python::exceptions::runtime_error(
            "threads can only be started once",
        ));
    }
    if let Some(server) = serving(&me.target) {
        start_serving(&server)?;
        return Ok(Value::None);
    }
    if me.target.is_none() {
        return Ok(Value::None);
    }
    let job = call_as_job(vm, &me.target, me.args.clone())?.job;
    let pool = Rc::new(Pool::new(1).map_err(|e| python_error(&e))?);
    let future = pool.submit(job).map_err(|e| python_error(&e))?;
    if !me.daemon.get() {
        super::executor::keep(&pool, &future);
    }
    *me.job.borrow_mut() = Some((pool, future));
    Ok(Value::None)
}

/// `thread.join()`: in the module body, the loop runs until the thread's job has ended; in a
/// coroutine it would block the loop (and freeze the page), so it returns at once.
fn thread_join(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Thread>(t)?;
    let job = me.job.borrow().as_ref().map(|(_, job)| job.clone());
    match job {
        None => Err(python::exceptions::runtime_error(
            "cannot join thread before it is started",
        )),
        Some(job) => {
            if !job.done() && !runtime::loop_is_running() {
                block_on(vm, Blocking::Jobs(vec![job]));
            }
            Ok(Value::None)
        }
    }
}

fn thread_is_alive(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Thread>(t)?;
    Ok(Value::Bool(
        me.job.borrow().as_ref().is_some_and(|(_, j)| !j.done()),
    ))
}

// ---- WSGI ----

/// What `make_server(host, port, app)` made: the runtime's server once it serves.
struct WsgiServer {
    app: Value,
    port: u16,
    serving: RefCell<Option<Server>>,
}

/// `make_server(host, port, app)`: wsgiref binds the port at once, so where the loop runs the
/// page's server starts serving now (a request sent before `serve_forever` is called waits, as
/// one on a bound socket does).
fn make_server(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let port = match args.get(1, "port").and_then(python::int::to_i64) {
        Some(n) if (0..=65535).contains(&n) => n as u16,
        _ => {
            return Err(python::exceptions::type_error(
                "make_server() needs a port: make_server(host, port, app)",
            ))
        }
    };
    let app = args.get(2, "app").cloned().ok_or_else(|| {
        python::exceptions::type_error(
            "make_server() missing 1 required positional argument: 'app'",
        )
    })?;
    let server: Rc<dyn HostObject> = Rc::new(WsgiServer {
        app,
        port,
        serving: RefCell::new(None),
    });
    if runtime::loop_is_running() {
        start_serving(&server)?;
    }
    Ok(Value::Host(server))
}

/// Waits until the program's WSGI server on `port`, if it has one starting, listens: what a
/// client's connection to a bound socket does until the server accepts.
pub(super) async fn bound(port: u16) {
    let starting = WSGI_SERVERS.with(|s| {
        s.borrow()
            .iter()
            .find(|serving| serving.port == port && !serving.server.started())
            .map(|serving| (serving.server.clone(), serving.task.clone()))
    });
    let Some((server, task)) = starting else {
        return;
    };
    // Its task binds the port on its first steps (or fails to).
    while !server.started() && !task.done() {
        if runtime::sleep(0.0).await.is_err() {
            return;
        }
    }
}

impl HostObject for WsgiServer {
    fn type_name(&self) -> &str {
        "WSGIServer"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "serve_forever" => method("serve_forever", serve_forever, this),
            "shutdown" | "server_close" => method("shutdown", server_shutdown, this),
            "server_port" => Ok(Value::Int(i64::from(self.port))),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The WSGI server whose `serve_forever` `target` is, if it is one.
fn serving(target: &Value) -> Option<Rc<dyn HostObject>> {
    let Value::Builtin(b) = target else {
        return None;
    };
    match (&b.this, b.name) {
        (Some(Value::Host(h)), "serve_forever") if h.as_any().is::<WsgiServer>() => Some(h.clone()),
        _ => None,
    }
}

/// The page's server, answering each request with the program's WSGI application.
fn start_serving(server: &Rc<dyn HostObject>) -> PyResult<()> {
    let Some(me) = server.as_any().downcast_ref::<WsgiServer>() else {
        return Err(python::exceptions::type_error("not a WSGI server"));
    };
    if me.serving.borrow().is_some() {
        return Ok(());
    }
    let app = me.app.clone();
    let server = Server::new(Config::new(wsgi_with(move |e| answer(&app, e)), me.port));
    let task = runtime::create_task(server.clone().serve()).map_err(|e| python_error(&e))?;
    WSGI_SERVERS.with(|s| {
        let mut servers = s.borrow_mut();
        servers.retain(|serving| serving.port != me.port);
        servers.push(Serving {
            port: me.port,
            server: server.clone(),
            task,
        });
    });
    *me.serving.borrow_mut() = Some(server);
    Ok(())
}

/// `server.serve_forever()` called by the program itself: serves; in the module body it
/// blocks until Stop, as wsgiref's does.
fn serve_forever(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let Some(Value::Host(server)) = t.cloned() else {
        return Err(python::exceptions::type_error("not a WSGI server"));
    };
    if runtime::loop_is_running() {
        start_serving(&server)?;
        return Ok(Value::None);
    }
    let serve = async move {
        start_serving(&server).map_err(|e| Error::raised(format!("{e:?}")))?;
        std::future::pending::<()>().await;
        Ok(Value::None)
    };
    run_serving(vm, "serve_forever", serve)
}

fn server_shutdown(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    if let Some(server) = this::<WsgiServer>(t)?.serving.borrow_mut().take() {
        server.exit();
    }
    Ok(Value::None)
}

/// `start_response(status, headers)`, keeping what it was given for the server.
struct StartResponse(RefCell<Started>);

impl HostObject for StartResponse {
    fn type_name(&self) -> &str {
        "function"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__call__" => method("start_response", start_response, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn start_response(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<StartResponse>(t)?;
    let status = match args.get(0, "status") {
        Some(Value::Str(s)) => s.to_string(),
        _ => {
            return Err(python::exceptions::type_error(
                "the status must be a str: '200 OK'",
            ))
        }
    };
    let mut headers = Vec::new();
    if let Some(list) = args.get(1, "headers") {
        for pair in python::iter::collect(vm, list)? {
            match python::iter::collect(vm, &pair)?.as_slice() {
                [Value::Str(n), Value::Str(v)] => headers.push((n.to_string(), v.to_string())),
                _ => {
                    return Err(python::exceptions::type_error(
                        "each header must be a (name, value) pair of str",
                    ))
                }
            }
        }
    }
    *me.0.borrow_mut() = Some((status, headers));
    Ok(Value::None)
}

/// The `environ` of a request, as wsgiref's.
fn environ_value(environ: &Environ) -> Value {
    let mut d = Dict::new();
    d.set_str("REQUEST_METHOD", Value::Str(environ.method.clone()));
    d.set_str("PATH_INFO", Value::Str(environ.path.clone()));
    d.set_str("QUERY_STRING", Value::Str(environ.query.clone()));
    d.set_str("SERVER_NAME", Value::str("127.0.0.1"));
    d.set_str("SERVER_PROTOCOL", Value::str("HTTP/1.1"));
    d.set_str("wsgi.url_scheme", Value::str("http"));
    d.set_str(
        "wsgi.version",
        Value::tuple(vec![Value::Int(1), Value::Int(0)]),
    );
    Value::Dict(Rc::new(RefCell::new(d)))
}

/// Calls the application for one request as its thread would: on the page, its waits
/// recorded as the job the server's worker performs, its body what the job returns.
fn answer(app: &Value, environ: &Environ) -> Result<Answered, Error> {
    let vm = super::asyncio::VM
        .with(|v| v.borrow().upgrade())
        .ok_or(Error::Cancelled)?;
    let mut vm = vm.borrow_mut();
    let started = Rc::new(StartResponse(RefCell::new(None)));
    let args = vec![environ_value(environ), Value::Host(started.clone())];
    let failed = |vm: &mut Vm, e: &python::Exception| {
        Error::raised(
            python::traceback::format(vm, e, "main.py")
                .trim_end()
                .to_string(),
        )
    };
    let called = call_as_job(&mut vm, app, args).map_err(|e| failed(&mut vm, &e))?;
    let (job, returned) = (called.job, called.result);
    let returned = returned.map_err(|e| failed(&mut vm, &e))?;
    let mut body = Vec::new();
    let pieces = python::iter::collect(&mut vm, &returned).map_err(|e| failed(&mut vm, &e))?;
    for piece in pieces {
        match piece {
            Value::Bytes(b) => body.extend_from_slice(&b),
            other => {
                let e = python::exceptions::type_error(format!(
                    "a WSGI application returns an iterable of bytes, not of {}",
                    python::types::type_name(&other)
                ));
                return Err(failed(&mut vm, &e));
            }
        }
    }
    let (status, headers) = started.0.borrow_mut().take().ok_or_else(|| {
        Error::raised("AssertionError: the application did not call start_response()")
    })?;
    Ok(Answered {
        status,
        headers,
        body: job.returns(String::from_utf8_lossy(&body).into_owned()),
    })
}
