//! The page's HTTP server: uvicorn's part. A [`Server`] listens on a port of the page (a
//! number, as `uvicorn.run(app, port=5000)` takes one) while its `serve()` task runs; each
//! request that reaches it becomes a task named by its method and path (`GET /red`) that
//! calls the ASGI application, as uvicorn runs one per connection.
//!
//! What a real server does with bad input, it does here: an unknown method is a `400`, a body
//! over [`MAX_BODY`] a `413`, an application that raises before answering a `500` (and the
//! error goes to the output, as uvicorn logs it), one that returns without answering a
//! `500` too. Stop cancels the request tasks, and their clients see a broken connection.
//!
//! Requests arrive from the Service Worker (`bridge`) or straight from a client in the page
//! (`client`, when the browser has no Service Worker); the server does not know which.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::{Rc, Weak};

use super::asgi::{Phase, Receive, Scope, Send};
use super::exchange::{Exchange, Responder};
use super::http::{Target, MAX_BODY, METHODS};
use super::lifespan;
use super::transit::{Transit, HEADER};
use super::websocket::Link;
use crate::runtime::executor::{self, RunInner};
use crate::runtime::io::IoOp;
use crate::runtime::task::spawn_in;
use crate::runtime::{create_task, sleep, Error, Event, IoKind, Result, Task};

/// The host every page server says it listens on (`scope["server"]`, `request.base_url`):
/// what uvicorn would print, whatever URL the browser really used to reach it.
pub const HOST: &str = "127.0.0.1";

/// An ASGI application: `async def app(scope, receive, send)`.
pub type App = Rc<dyn Fn(Scope, Receive, Send) -> Pin<Box<dyn StdFuture<Output = Result<()>>>>>;

/// Makes an [`App`] of an `async fn app(scope, receive, send)` (or a closure returning one).
pub fn app<F, Fut>(f: F) -> App
where
    F: Fn(Scope, Receive, Send) -> Fut + 'static,
    Fut: StdFuture<Output = Result<()>> + 'static,
{
    Rc::new(move |scope, receive, send| Box::pin(f(scope, receive, send)))
}

thread_local! {
    /// The page's listening ports.
    static LISTENERS: RefCell<BTreeMap<u16, Weak<ServerInner>>> = const { RefCell::new(BTreeMap::new()) };
}

/// The server listening on `port`, if one is and its run is still going.
fn listener(port: u16) -> Option<(Rc<ServerInner>, Rc<RunInner>)> {
    let server = LISTENERS.with(|l| l.borrow().get(&port).and_then(Weak::upgrade))?;
    let run = server
        .run
        .borrow()
        .upgrade()
        .filter(|run| run.is_running())?;
    Some((server, run))
}

/// The ports the page's servers listen on, lowest first.
pub fn listening_ports() -> Vec<u16> {
    let ports: Vec<u16> = LISTENERS.with(|l| l.borrow().keys().copied().collect());
    ports.into_iter().filter(|port| listening(*port)).collect()
}

/// Whether a server of this page listens on `port`.
pub fn listening(port: u16) -> bool {
    listener(port).is_some()
}

/// `uvicorn.Config(app, host="127.0.0.1", port=5000)`.
pub struct Config {
    app: App,
    port: u16,
}

impl Config {
    /// The application on the given port.
    pub fn new(app: App, port: u16) -> Config {
        Config { app, port }
    }
}

struct ServerInner {
    app: App,
    port: u16,
    run: RefCell<Weak<RunInner>>,
    started: Cell<bool>,
    should_exit: Event,
    /// Requests being answered, and the event set when the last one ends.
    in_flight: Cell<usize>,
    drained: Event,
}

/// `uvicorn.Server(config)`: call [`Server::serve`] in a task, read [`Server::started`], end it
/// with [`Server::exit`] (`server.should_exit = True`).
#[derive(Clone)]
pub struct Server(Rc<ServerInner>);

impl Server {
    /// A server for `config`, not listening yet.
    pub fn new(config: Config) -> Server {
        Server(Rc::new(ServerInner {
            app: config.app,
            port: config.port,
            run: RefCell::new(Weak::new()),
            started: Cell::new(false),
            should_exit: Event::new(),
            in_flight: Cell::new(0),
            drained: Event::new(),
        }))
    }

    /// `server.started`: whether it listens.
    pub fn started(&self) -> bool {
        self.0.started.get()
    }

    /// `server.should_exit = True`: `serve()` stops listening, lets the requests in flight
    /// finish, and returns.
    pub fn exit(&self) {
        self.0.should_exit.set();
    }

    /// The URL of `path` on this server, as the application sees it:
    /// `http://127.0.0.1:5000/path`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://{HOST}:{}/{}",
            self.0.port,
            path.trim_start_matches('/')
        )
    }

    /// `await site.start()` (aiohttp's `TCPSite`): serves in a task of its own, and returns
    /// that task once the server listens; a port already taken is the `OSError` it raises
    /// (to its caller, which may catch it: aiohttp does not end the program as uvicorn does).
    pub async fn start(&self) -> Result<Task<()>> {
        let serving = create_task(self.clone().listen(OnTaken::Raise))?;
        while !self.started() {
            if serving.done() {
                serving.result()?;
            }
            sleep(0.0).await?;
        }
        Ok(serving)
    }

    /// `await server.serve()`: listens until [`Server::exit`]; a port another server of the
    /// page holds is the `OSError` uvicorn reports.
    pub async fn serve(self) -> Result<()> {
        self.listen(OnTaken::Exit).await
    }

    /// Listens until [`Server::exit`]; `on_taken` says what a port another server of the page
    /// holds does.
    async fn listen(self, on_taken: OnTaken) -> Result<()> {
        let port = self.0.port;
        if port == 0 {
            return Err(Error::raised(
                "OSError: a port from 1 to 65535, please (the page picks none by itself)",
            ));
        }
        let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
        // The Service Worker, if the browser has one, is ready before the first request.
        super::bridge::ready().await?;
        // uvicorn runs the application's startup before it binds its socket.
        let lifespan = match lifespan::startup(&self.0.app, (Rc::from(HOST), port)).await {
            Ok(lifespan) => lifespan,
            Err(error) => {
                log_error(&error.to_string());
                log_error("Application startup failed. Exiting.");
                run.request_stop();
                return Err(error);
            }
        };
        if listening(port) {
            let error = format!(
                "OSError: [Errno 98] error while attempting to bind on address ('{HOST}', {port}): address already in use"
            );
            if on_taken == OnTaken::Exit {
                // uvicorn logs it and exits the program (`sys.exit(1)`, which ends
                // `asyncio.run`): a client polling `server.started` would otherwise wait
                // forever.
                log_error(&error);
                run.request_stop();
            }
            return Err(Error::raised(error));
        }
        *self.0.run.borrow_mut() = Rc::downgrade(&run);
        LISTENERS.with(|l| l.borrow_mut().insert(port, Rc::downgrade(&self.0)));
        let _bound = Bound(port, Rc::downgrade(&self.0));
        self.0.started.set(true);
        self.0.should_exit.wait().await?;
        drop(_bound);
        self.0.started.set(false);
        if self.0.in_flight.get() > 0 {
            self.0.drained.clear();
            self.0.drained.wait().await?;
        }
        if let Err(error) = lifespan.shutdown().await {
            log_error(&error.to_string());
            log_error("Application shutdown failed. Exiting.");
        }
        Ok(())
    }
}

/// What binding a port another server of the page holds does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnTaken {
    /// uvicorn's: log the error and end the program.
    Exit,
    /// aiohttp's `TCPSite.start()`: raise the error to its caller.
    Raise,
}

/// A line of uvicorn's error log, which the course's listings show (`log_level="warning"`).
fn log_error(message: &str) {
    crate::runtime::print_line(0, line!(), format!("ERROR:    {message}"));
}

/// Stops listening when dropped: `serve()` returned, or its task was cancelled. A stopped
/// run's server no longer counts as listening, so the next run may bind the port before this
/// is dropped: only its own server's entry is removed.
struct Bound(u16, Weak<ServerInner>);

impl Drop for Bound {
    fn drop(&mut self) {
        let _ = LISTENERS.try_with(|l| {
            let mut listeners = l.borrow_mut();
            if listeners.get(&self.0).is_some_and(|w| w.ptr_eq(&self.1)) {
                listeners.remove(&self.0);
            }
        });
    }
}

/// Counts a request as in flight while its task lives.
struct InFlight(Rc<ServerInner>);

impl InFlight {
    fn new(server: Rc<ServerInner>) -> InFlight {
        server.in_flight.set(server.in_flight.get() + 1);
        InFlight(server)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let left = self.0.in_flight.get().saturating_sub(1);
        self.0.in_flight.set(left);
        if left == 0 {
            self.0.drained.set();
        }
    }
}

/// A request as it reaches the page.
pub(crate) struct Arrived {
    /// `GET`, as sent.
    pub(crate) method: String,
    /// The path and query, as sent: `/about/x?q=1`.
    pub(crate) target: String,
    /// The headers, in order.
    pub(crate) headers: Vec<(String, String)>,
    /// The body.
    pub(crate) body: Vec<u8>,
}

/// Hands a request to the server on `port`. `Err` gives the responder back if nothing listens
/// there (the caller reports a refused connection); otherwise the responder gets the answer,
/// and the exchange is returned so the caller can say when the client leaves.
pub(crate) fn deliver(
    port: u16,
    request: Arrived,
    responder: Box<dyn Responder>,
) -> std::result::Result<Rc<Exchange>, Box<dyn Responder>> {
    let Some((server, run)) = listener(port) else {
        return Err(responder);
    };
    let transit = request
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(HEADER))
        .and_then(|(_, id)| Transit::find(id));
    if let Some(transit) = &transit {
        transit.arrived();
    }
    let exchange = Exchange::new(responder, transit);
    let method = request.method.to_ascii_uppercase();
    if !METHODS.contains(&method.as_str()) {
        exchange.respond(
            400,
            "text/plain; charset=utf-8",
            "Invalid HTTP request received.",
        );
        return Ok(exchange);
    }
    if request.body.len() > MAX_BODY {
        let message = format!(
            "The request body is {} bytes; this server accepts at most {MAX_BODY}.",
            request.body.len()
        );
        exchange.respond(413, "text/plain; charset=utf-8", &message);
        return Ok(exchange);
    }
    if method == "HEAD" {
        exchange.set_head_only();
    }
    let target = Target::parse(&request.target);
    let headers: Rc<[(Rc<str>, Rc<str>)]> = request
        .headers
        .iter()
        .filter(|(name, _)| !name.eq_ignore_ascii_case(HEADER))
        .map(|(n, v)| (Rc::from(n.to_ascii_lowercase()), Rc::from(v.as_str())))
        .collect();
    let scope = Scope {
        kind: "http",
        method: Rc::from(method.as_str()),
        path: Rc::from(target.path.as_str()),
        query_string: Rc::from(target.query.as_str()),
        headers,
        server: (Rc::from(HOST), port),
        base_url: Rc::from(format!("http://{HOST}:{port}/")),
    };
    let label: Rc<str> = Rc::from(format!("{method} {}", target.path));
    let receive = Receive::new(exchange.clone(), request.body);
    let send = Send::new(exchange.clone());
    let in_flight = InFlight::new(server.clone());
    let handling = run_asgi(server.app.clone(), scope, receive, send, in_flight);
    let task = spawn_in(&run, handling, Some(&label), None, line!());
    exchange.set_io(IoOp::begin_in(&run, Some(task.id()), IoKind::Http, label));
    Ok(exchange)
}

/// Hands a WebSocket connection to the server on `port`; `Err` if nothing listens there.
pub(crate) fn deliver_websocket(
    port: u16,
    target: &str,
    link: Rc<Link>,
) -> std::result::Result<(), ()> {
    let (server, run) = listener(port).ok_or(())?;
    let target = Target::parse(target);
    let scope = Scope {
        kind: "websocket",
        method: Rc::from("GET"),
        path: Rc::from(target.path.as_str()),
        query_string: Rc::from(target.query.as_str()),
        headers: Rc::from(Vec::new()),
        server: (Rc::from(HOST), port),
        base_url: Rc::from(format!("ws://{HOST}:{port}/")),
    };
    let label: Rc<str> = Rc::from(format!("WS {}", target.path));
    let in_flight = InFlight::new(server.clone());
    let call = (server.app)(
        scope,
        Receive::websocket(link.clone()),
        Send::websocket(link.clone()),
    );
    let talking = run_websocket(call, Connection(link.clone()), in_flight);
    let task = spawn_in(&run, talking, Some(&label), None, line!());
    link.set_io(IoOp::begin_in(
        &run,
        Some(task.id()),
        IoKind::Channel,
        label,
    ));
    Ok(())
}

/// A WebSocket connection as long as its task lives: dropped with it, the connection drops.
struct Connection(Rc<Link>);

impl Drop for Connection {
    fn drop(&mut self) {
        self.0.dropped();
    }
}

/// One WebSocket connection's task: calls the app, then ends the connection as uvicorn does
/// (an error is logged, as for a request).
async fn run_websocket(
    call: Pin<Box<dyn StdFuture<Output = Result<()>>>>,
    connection: Connection,
    in_flight: InFlight,
) -> Result<()> {
    let _in_flight = in_flight;
    let outcome = call.await;
    match &outcome {
        Err(Error::Cancelled) => return Err(Error::Cancelled),
        Err(error) => {
            log_error("Exception in ASGI application");
            crate::runtime::print_line(0, line!(), error.to_string());
        }
        Ok(()) => {}
    }
    connection.0.finish(outcome.is_err());
    Ok(())
}

/// One request's task, named as uvicorn's (`RequestResponseCycle.run_asgi`): calls the app,
/// then answers for it if it failed to.
async fn run_asgi(
    app: App,
    scope: Scope,
    receive: Receive,
    send: Send,
    in_flight: InFlight,
) -> Result<()> {
    let _in_flight = in_flight;
    let outcome = app(scope, receive, send.clone()).await;
    answer_failures(&send, outcome)
}

/// What uvicorn does when the application is done: nothing if it answered; a `500` if it
/// raised or returned before starting a response (the error is logged to the output); a
/// broken connection if it stopped in the middle of one.
fn answer_failures(send: &Send, outcome: Result<()>) -> Result<()> {
    let error = match outcome {
        Ok(()) if send.phase() == Phase::Complete => return Ok(()),
        Ok(()) if send.phase() == Phase::NotStarted => {
            log_error("ASGI callable returned without starting response.");
            None
        }
        Ok(()) => {
            log_error("ASGI callable returned without completing response.");
            return Ok(());
        }
        Err(Error::Cancelled) => return Err(Error::Cancelled),
        Err(error) => Some(error),
    };
    if let Some(error) = &error {
        log_error("Exception in ASGI application");
        crate::runtime::print_line(0, line!(), error.to_string());
    }
    if let (Phase::NotStarted, Some(exchange)) = (send.phase(), send.exchange()) {
        exchange.respond(500, "text/plain; charset=utf-8", "Internal Server Error");
    }
    Ok(())
}
