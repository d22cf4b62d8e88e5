//! Starlette's part (and so FastAPI's): [`Request`], the responses ([`Response::plain`],
//! [`Response::html`], [`Response::json`], [`Response::streaming`], [`Response::file`]),
//! [`BackgroundTask`], [`WebSocket`], and the application: a list of [`Route`]s, tried in
//! order, whose first match answers (`Route('/about/{username:str}', about)`,
//! `WebSocketRoute('/ws', ...)`, `Mount('/static', StaticFiles(directory="static"))`); no
//! match is a `404`, a match with another method a `405`, as Starlette answers them; and its
//! [`Starlette::lifespan`], the code run before the server listens and after it stops.

use std::borrow::Cow;
use std::cell::Cell;
use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use super::asgi::{Incoming, Outgoing, Receive, Scope, Send};
use super::files;
use super::http::{self, query_pairs, reason, Param, Pattern, METHODS};
use super::json;
use super::server::{app, App};
use crate::runtime::{AsyncGenerator, AsyncIterator, Error, Result};

type Boxed<T> = Pin<Box<dyn StdFuture<Output = Result<T>>>>;

/// `request`: the scope, with the route's path parameters, and the body to read.
pub struct Request {
    scope: Scope,
    receive: Rc<Receive>,
    params: Vec<(String, Param)>,
    /// The body once read: Starlette reads it once and keeps it.
    body: std::cell::RefCell<Option<Vec<u8>>>,
}

impl Request {
    /// `Request(scope, receive)`: for an ASGI app that wants Starlette's view of a request.
    pub fn new(scope: Scope, receive: Receive) -> Request {
        Request::sharing(scope, Rc::new(receive))
    }

    /// A request reading a `receive` the caller keeps too (a program's ASGI application that
    /// makes a `Request` of its own `receive`).
    pub fn sharing(scope: Scope, receive: Rc<Receive>) -> Request {
        Request {
            scope,
            receive,
            params: Vec::new(),
            body: Default::default(),
        }
    }

    /// `request.method`.
    pub fn method(&self) -> &str {
        &self.scope.method
    }

    /// `request.url`: the full URL.
    pub fn url(&self) -> String {
        self.scope.url()
    }

    /// `request.url.path`.
    pub fn path(&self) -> &str {
        &self.scope.path
    }

    /// `request.base_url`.
    pub fn base_url(&self) -> &str {
        &self.scope.base_url
    }

    /// The request as the server received it: method, path, query string, headers.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// Every path parameter of the route, in the pattern's order (`request.path_params`).
    pub fn path_params(&self) -> &[(String, Param)] {
        &self.params
    }

    /// `request.path_params['name']`; a name the route does not have is Python's `KeyError`.
    pub fn path_param(&self, name: &str) -> Result<Param> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .ok_or_else(|| Error::raised(format!("KeyError: '{name}'")))
    }

    /// `request.query_params.get('name')`.
    pub fn query_param(&self, name: &str) -> Option<String> {
        query_pairs(&self.scope.query_string)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// `request.headers.get('name')`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.scope.header(name)
    }

    /// `await request.body()`.
    pub async fn body(&self) -> Result<Vec<u8>> {
        if let Some(body) = &*self.body.borrow() {
            return Ok(body.clone());
        }
        let body = match self.receive.receive().await? {
            Incoming::Request { body, .. } => body,
            _ => return Err(Error::raised("ClientDisconnect")),
        };
        *self.body.borrow_mut() = Some(body.clone());
        Ok(body)
    }

    /// `await request.json()`: a malformed body raises `JSONDecodeError`, as Python's does.
    pub async fn json(&self) -> Result<json::Value> {
        let body = self.body().await?;
        json::parse(&String::from_utf8_lossy(&body)).map_err(Error::raised)
    }
}

/// A response body: all of it, or an async generator's pieces.
enum Content {
    Whole(Vec<u8>),
    Stream(AsyncGenerator<String>),
}

/// `BackgroundTask(func, *args)`: runs once the response has been sent.
pub struct BackgroundTask(Box<dyn FnOnce() -> Boxed<()>>);

impl BackgroundTask {
    /// The task: a closure that starts the work (`lambda: send_welcome_email(to_address)`).
    pub fn new<F, Fut>(work: F) -> BackgroundTask
    where
        F: FnOnce() -> Fut + 'static,
        Fut: StdFuture<Output = Result<()>> + 'static,
    {
        BackgroundTask(Box::new(move || Box::pin(work())))
    }
}

/// `Response(content, status_code, media_type)` and its kinds.
pub struct Response {
    status: u16,
    media_type: Option<Cow<'static, str>>,
    headers: Vec<(String, String)>,
    content: Content,
    background: Option<BackgroundTask>,
}

impl Response {
    fn of(media_type: Option<Cow<'static, str>>, content: Content) -> Response {
        Response {
            status: 200,
            media_type,
            headers: Vec::new(),
            content,
            background: None,
        }
    }

    /// `Response(content)` with no media type.
    pub fn new(content: impl Into<Vec<u8>>) -> Response {
        Response::of(None, Content::Whole(content.into()))
    }

    /// `PlainTextResponse(text)`.
    pub fn plain(text: impl Into<String>) -> Response {
        Response::of(
            Some("text/plain".into()),
            Content::Whole(text.into().into_bytes()),
        )
    }

    /// `HTMLResponse(html)`.
    pub fn html(html: impl Into<String>) -> Response {
        Response::of(
            Some("text/html".into()),
            Content::Whole(html.into().into_bytes()),
        )
    }

    /// `JSONResponse(content)`, given the JSON text Starlette's `json.dumps` would write
    /// (compact: `{"hello":"world"}`).
    pub fn json(json: impl Into<String>) -> Response {
        Response::of(
            Some("application/json".into()),
            Content::Whole(json.into().into_bytes()),
        )
    }

    /// `StreamingResponse(generator, media_type=...)`: each item is sent as it is yielded.
    pub fn streaming(
        generator: AsyncGenerator<String>,
        media_type: impl Into<Cow<'static, str>>,
    ) -> Response {
        Response::of(Some(media_type.into()), Content::Stream(generator))
    }

    /// `FileResponse(path)`: a file of the servers' folder, its media type guessed from its
    /// name; a missing file is the error Starlette raises (a `500` for the client).
    pub fn file(path: &str) -> Result<Response> {
        let bytes = files::read(path).map_err(|_| {
            Error::raised(format!("RuntimeError: File at path {path} does not exist."))
        })?;
        Ok(Response::of(
            Some(files::media_type(path).into()),
            Content::Whole(bytes.to_vec()),
        ))
    }

    /// The media type, as Starlette sets it.
    pub fn media_type(mut self, media_type: impl Into<Cow<'static, str>>) -> Response {
        self.media_type = Some(media_type.into());
        self
    }

    /// No `content-type` header: a `StreamingResponse` given no media type.
    pub fn without_media_type(mut self) -> Response {
        self.media_type = None;
        self
    }

    /// `status_code=...`.
    pub fn status(mut self, status: u16) -> Response {
        self.status = status;
        self
    }

    /// `headers={...}`: one more header.
    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_string()));
        self
    }

    /// `background=task`.
    pub fn background(mut self, task: BackgroundTask) -> Response {
        self.background = Some(task);
        self
    }

    /// The headers Starlette writes: `content-length` for a whole body, and `content-type`
    /// with `; charset=utf-8` for text.
    fn headers(&self) -> Vec<(String, String)> {
        let mut headers = self.headers.clone();
        if let Content::Whole(body) = &self.content {
            headers.push(("content-length".to_string(), body.len().to_string()));
        }
        if let Some(media_type) = &self.media_type {
            let value = if media_type.starts_with("text/") {
                format!("{media_type}; charset=utf-8")
            } else {
                media_type.to_string()
            };
            headers.push(("content-type".to_string(), value));
        }
        headers
    }

    /// `await response(scope, receive, send)`: sends the start and the body (piece by piece
    /// for a stream), then runs the background task.
    pub async fn send_to(self, send: &Send) -> Result<()> {
        send.send(Outgoing::Start {
            status: self.status,
            headers: self.headers(),
        })
        .await?;
        match self.content {
            Content::Whole(body) => send.send(Outgoing::body(body)).await?,
            Content::Stream(mut generator) => {
                while let Some(piece) = generator.anext().await? {
                    send.send(Outgoing::chunk(piece)).await?;
                }
                send.send(Outgoing::body(Vec::new())).await?;
            }
        }
        if let Some(BackgroundTask(work)) = self.background {
            work().await?;
        }
        Ok(())
    }
}

/// An endpoint: `async def homepage(request)`.
pub type Endpoint = Rc<dyn Fn(Request) -> Boxed<Response>>;

/// Makes an [`Endpoint`] of an `async fn(Request) -> Result<Response>`.
pub fn endpoint<F, Fut>(f: F) -> Endpoint
where
    F: Fn(Request) -> Fut + 'static,
    Fut: StdFuture<Output = Result<Response>> + 'static,
{
    Rc::new(move |request| Box::pin(f(request)))
}

/// An entry of the routing list.
pub struct Route {
    pattern: Pattern,
    methods: Vec<&'static str>,
    handler: Handler,
}

/// What answers a route.
enum Handler {
    /// `Route(path, endpoint)`: an HTTP endpoint.
    Http(Endpoint),
    /// `WebSocketRoute(path, endpoint)`.
    Socket(SocketEndpoint),
    /// `Mount(path, StaticFiles(directory=...))`: the files of a directory.
    Files(StaticFiles),
}

impl Route {
    /// `Route(path, endpoint)`: for `GET` (and `HEAD`), as a function endpoint's default is;
    /// a malformed path is the error Starlette raises when the route is declared.
    pub fn new(path: &str, endpoint: Endpoint) -> Result<Route> {
        Ok(Route {
            pattern: Pattern::parse(path).map_err(Error::raised)?,
            methods: vec!["GET", "HEAD"],
            handler: Handler::Http(endpoint),
        })
    }

    /// `WebSocketRoute(path, endpoint)`.
    pub fn websocket(path: &str, endpoint: SocketEndpoint) -> Result<Route> {
        Ok(Route {
            pattern: Pattern::parse(path).map_err(Error::raised)?,
            methods: Vec::new(),
            handler: Handler::Socket(endpoint),
        })
    }

    /// `Mount(path, StaticFiles(...))`: every path under `path` is a file of the directory.
    pub fn mount(path: &str, files: StaticFiles) -> Result<Route> {
        let under = format!("{}/{{path:path}}", path.trim_end_matches('/'));
        Ok(Route {
            pattern: Pattern::parse(&under).map_err(Error::raised)?,
            methods: vec!["GET", "HEAD"],
            handler: Handler::Files(files),
        })
    }

    /// `methods=["GET", "POST"]` (`HEAD` comes with `GET`).
    pub fn methods(mut self, methods: &[&'static str]) -> Route {
        self.methods = methods.to_vec();
        if methods.contains(&"GET") && !methods.contains(&"HEAD") {
            self.methods.push("HEAD");
        }
        self
    }
}

/// `StaticFiles(directory="static")`: serves the files of a directory of the servers' folder.
pub struct StaticFiles {
    directory: String,
}

impl StaticFiles {
    /// The directory must exist, as Starlette checks when the app is built.
    pub fn new(directory: &str) -> Result<StaticFiles> {
        if !files::is_directory(directory) {
            return Err(Error::raised(format!(
                "RuntimeError: Directory '{directory}' does not exist"
            )));
        }
        Ok(StaticFiles {
            directory: directory.to_string(),
        })
    }

    /// The file at `path`, or `404 Not Found` (a path leaving the directory included).
    fn respond(&self, path: &str) -> Response {
        match files::lookup(&self.directory, path) {
            Some((name, bytes)) => Response::of(
                Some(files::media_type(&name).into()),
                Content::Whole(bytes.to_vec()),
            ),
            None => refusal(404),
        }
    }
}

/// `class User(HTTPEndpoint)`: a handler per method (`async def get(self, request)`); a
/// `HEAD` goes to `get`, and a method it has no handler for is answered `405 Method Not
/// Allowed` with an `allow` header, by the endpoint itself.
#[derive(Default)]
pub struct HttpEndpoint {
    handlers: Vec<(&'static str, Endpoint)>,
}

impl HttpEndpoint {
    /// A class endpoint with no handler yet.
    pub fn new() -> HttpEndpoint {
        HttpEndpoint::default()
    }

    /// `async def get(self, request)`.
    pub fn get(self, handler: Endpoint) -> HttpEndpoint {
        self.with("GET", handler)
    }

    /// `async def post(self, request)`.
    pub fn post(self, handler: Endpoint) -> HttpEndpoint {
        self.with("POST", handler)
    }

    /// A handler for any method HTTP has (`async def put(self, request)`); another name is
    /// not a handler, as in Starlette.
    pub fn method(self, method: &str, handler: Endpoint) -> HttpEndpoint {
        match http::method(method) {
            Some(method) => self.with(method, handler),
            None => self,
        }
    }

    fn with(mut self, method: &'static str, handler: Endpoint) -> HttpEndpoint {
        self.handlers.push((method, handler));
        self
    }

    /// `dispatch()`: the handler named by the request's method.
    async fn dispatch(&self, request: Request) -> Result<Response> {
        let method = match request.method() {
            "HEAD" => "GET",
            other => other,
        };
        match self.handlers.iter().find(|(m, _)| *m == method) {
            Some((_, handler)) => handler(request).await,
            None => {
                let mut allowed: Vec<&str> = self.handlers.iter().map(|(m, _)| *m).collect();
                if allowed.contains(&"GET") {
                    allowed.push("HEAD");
                }
                Ok(refusal(405).header("allow", &allowed.join(", ")))
            }
        }
    }
}

impl Route {
    /// `Route(path, User)` with a class endpoint: every method reaches it, and it picks the
    /// handler.
    pub fn class(path: &str, class: HttpEndpoint) -> Result<Route> {
        let class = Rc::new(class);
        let dispatching = endpoint(move |request| {
            let class = class.clone();
            async move { class.dispatch(request).await }
        });
        Ok(Route::new(path, dispatching)?.methods(&METHODS))
    }
}

/// The code of the application's life: Starlette's `lifespan` context, the part before its
/// `yield` and the part after.
type Hook = Rc<dyn Fn() -> Boxed<()>>;

/// `Starlette(routes=routes, lifespan=lifespan)`.
pub struct Starlette {
    routes: Vec<Route>,
    startup: Option<Hook>,
    shutdown: Option<Hook>,
}

impl Starlette {
    /// An application with these routes and no lifespan code.
    pub fn new(routes: Vec<Route>) -> Starlette {
        Starlette {
            routes,
            startup: None,
            shutdown: None,
        }
    }

    /// `lifespan=lifespan`: `startup` runs before the server listens (the context up to its
    /// `yield`, what `on_startup` did before Starlette 1.0), `shutdown` after it stopped.
    pub fn lifespan<S, SF, E, EF>(mut self, startup: S, shutdown: E) -> Starlette
    where
        S: Fn() -> SF + 'static,
        SF: StdFuture<Output = Result<()>> + 'static,
        E: Fn() -> EF + 'static,
        EF: StdFuture<Output = Result<()>> + 'static,
    {
        self.startup = Some(Rc::new(move || Box::pin(startup())));
        self.shutdown = Some(Rc::new(move || Box::pin(shutdown())));
        self
    }

    /// The ASGI application.
    pub fn app(self) -> App {
        Routing {
            routes: self.routes,
            startup: self.startup,
            shutdown: self.shutdown,
            refusal,
        }
        .app()
    }
}

/// `Starlette(routes=routes)`: an ASGI app that routes each request.
pub fn starlette(routes: Vec<Route>) -> App {
    Starlette::new(routes).app()
}

/// Starlette's refusal: `404 Not Found`, `405 Method Not Allowed`, as plain text.
pub fn refusal(status: u16) -> Response {
    Response::plain(reason(status).unwrap_or_default()).status(status)
}

/// An ASGI app that routes each request to the first route that matches, and answers a path no
/// route has (`404`), or a method the route does not take (`405`, with `allow`), with
/// `refusal(status)`: each framework words them its own way.
pub(super) fn router(routes: Vec<Route>, refusal: fn(u16) -> Response) -> App {
    Routing {
        routes,
        startup: None,
        shutdown: None,
        refusal,
    }
    .app()
}

/// Starlette's `Router`: the routes, the lifespan code and how it words its refusals.
struct Routing {
    routes: Vec<Route>,
    startup: Option<Hook>,
    shutdown: Option<Hook>,
    refusal: fn(u16) -> Response,
}

impl Routing {
    fn app(self) -> App {
        let routing = Rc::new(self);
        app(move |scope, receive, send| {
            let routing = routing.clone();
            async move {
                match scope.kind {
                    "lifespan" => routing.lifespan(receive, send).await,
                    "websocket" => routing.websocket(scope, receive, send).await,
                    _ => routing.http(scope, receive, send).await,
                }
            }
        })
    }

    /// The lifespan conversation: the startup code on `lifespan.startup`, the shutdown code on
    /// `lifespan.shutdown`; an error is reported as `...failed` and raised, as Starlette does.
    async fn lifespan(&self, receive: Receive, send: Send) -> Result<()> {
        loop {
            match receive.receive().await? {
                Incoming::LifespanStartup => {
                    let failed = |message| Outgoing::LifespanStartupFailed { message };
                    run_hook(&self.startup, &send, failed).await?;
                    send.send(Outgoing::LifespanStartupComplete).await?;
                }
                Incoming::LifespanShutdown => {
                    let failed = |message| Outgoing::LifespanShutdownFailed { message };
                    run_hook(&self.shutdown, &send, failed).await?;
                    return send.send(Outgoing::LifespanShutdownComplete).await;
                }
                _ => {}
            }
        }
    }

    /// A WebSocket goes to the first `WebSocketRoute` that matches; with none, Starlette
    /// closes it before accepting (the client gets `403`).
    async fn websocket(&self, scope: Scope, receive: Receive, send: Send) -> Result<()> {
        for route in &self.routes {
            let Handler::Socket(endpoint) = &route.handler else {
                continue;
            };
            if let Some(params) = route.pattern.matches(&scope.path) {
                let socket = WebSocket {
                    scope,
                    receive,
                    send,
                    params,
                    accepted: Cell::new(false),
                };
                return endpoint(socket).await;
            }
        }
        send.send(Outgoing::WebsocketClose { code: 1000 }).await
    }

    /// An HTTP request goes to the first HTTP route (or mount) that matches.
    async fn http(&self, scope: Scope, receive: Receive, send: Send) -> Result<()> {
        let mut allowed: Option<&Route> = None;
        for route in &self.routes {
            if matches!(route.handler, Handler::Socket(_)) {
                continue;
            }
            let Some(params) = route.pattern.matches(&scope.path) else {
                continue;
            };
            if !route.methods.contains(&&*scope.method) {
                allowed.get_or_insert(route);
                continue;
            }
            let response = match &route.handler {
                Handler::Http(endpoint) => {
                    let request = Request {
                        scope,
                        receive: Rc::new(receive),
                        params,
                        body: Default::default(),
                    };
                    endpoint(request).await?
                }
                Handler::Files(files) => {
                    let path = params
                        .iter()
                        .find(|(name, _)| name == "path")
                        .map(|(_, p)| p.to_string())
                        .unwrap_or_default();
                    files.respond(&path)
                }
                Handler::Socket(_) => continue,
            };
            return response.send_to(&send).await;
        }
        match allowed {
            Some(route) => {
                (self.refusal)(405)
                    .header("allow", &route.methods.join(", "))
                    .send_to(&send)
                    .await
            }
            None => (self.refusal)(404).send_to(&send).await,
        }
    }
}

/// Runs a part of the lifespan code, if there is one; its error is reported to the server
/// as `failed(message)`, then raised.
async fn run_hook(hook: &Option<Hook>, send: &Send, failed: fn(String) -> Outgoing) -> Result<()> {
    let Some(hook) = hook else { return Ok(()) };
    if let Err(error) = hook().await {
        send.send(failed(error.to_string())).await?;
        return Err(error);
    }
    Ok(())
}

/// `async def websocket_endpoint(websocket)`.
pub type SocketEndpoint = Rc<dyn Fn(WebSocket) -> Boxed<()>>;

/// Makes a [`SocketEndpoint`] of an `async fn(WebSocket) -> Result<()>`.
pub fn socket_endpoint<F, Fut>(f: F) -> SocketEndpoint
where
    F: Fn(WebSocket) -> Fut + 'static,
    Fut: StdFuture<Output = Result<()>> + 'static,
{
    Rc::new(move |socket| Box::pin(f(socket)))
}

/// Starlette's `WebSocket`: the connection as its endpoint sees it.
pub struct WebSocket {
    scope: Scope,
    receive: Receive,
    send: Send,
    params: Vec<(String, Param)>,
    accepted: Cell<bool>,
}

impl WebSocket {
    /// `websocket.url.path`.
    pub fn path(&self) -> &str {
        &self.scope.path
    }

    /// Every path parameter of the route, in the pattern's order (`websocket.path_params`).
    pub fn path_params(&self) -> &[(String, Param)] {
        &self.params
    }

    /// `websocket.path_params['name']`.
    pub fn path_param(&self, name: &str) -> Result<Param> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .ok_or_else(|| Error::raised(format!("KeyError: '{name}'")))
    }

    /// `await websocket.accept()`: reads the client's `websocket.connect`, then accepts.
    pub async fn accept(&self) -> Result<()> {
        if !self.accepted.get() {
            match self.receive.receive().await? {
                Incoming::WebsocketConnect => {}
                other => {
                    return Err(Error::raised(format!(
                    "RuntimeError: Expected ASGI message \"websocket.connect\", but got {other:?}"
                )))
                }
            }
            self.accepted.set(true);
        }
        self.send.send(Outgoing::WebsocketAccept).await
    }

    /// `await websocket.send_text(text)`.
    pub async fn send_text(&self, text: &str) -> Result<()> {
        self.send
            .send(Outgoing::WebsocketSend {
                text: text.to_string(),
            })
            .await
    }

    /// `await websocket.receive_text()`; the client leaving is Starlette's
    /// `WebSocketDisconnect`.
    pub async fn receive_text(&self) -> Result<String> {
        match self.receive.receive().await? {
            Incoming::WebsocketReceive { text } => Ok(text),
            Incoming::WebsocketDisconnect { code } => {
                Err(Error::raised(format!("WebSocketDisconnect: {code}")))
            }
            other => Err(Error::raised(format!(
                "RuntimeError: Expected ASGI message \"websocket.receive\", but got {other:?}"
            ))),
        }
    }

    /// `await websocket.close()`: a normal close (`1000`).
    pub async fn close(&self) -> Result<()> {
        self.send
            .send(Outgoing::WebsocketClose { code: 1000 })
            .await
    }
}
