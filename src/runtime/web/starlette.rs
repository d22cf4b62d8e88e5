//! Starlette's part (and so FastAPI's): [`Request`], the responses ([`Response::plain`],
//! [`Response::html`], [`Response::json`], [`Response::streaming`]), [`BackgroundTask`], and
//! the router: a list of [`Route`]s, tried in order, whose first match answers
//! (`Route('/about/{username:str}', about)`); no match is a `404`, a match with another
//! method a `405`, as Starlette answers them.

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::Rc;

use super::asgi::{Incoming, Outgoing, Receive, Scope, Send};
use super::http::{query_pairs, Param, Pattern, METHODS};
use super::json;
use super::server::{app, App};
use crate::runtime::{AsyncGenerator, AsyncIterator, Error, Result};

type Boxed<T> = Pin<Box<dyn StdFuture<Output = Result<T>>>>;

/// `request`: the scope, with the route's path parameters, and the body to read.
pub struct Request {
    scope: Scope,
    receive: Receive,
    params: Vec<(String, Param)>,
    /// The body once read: Starlette reads it once and keeps it.
    body: std::cell::RefCell<Option<Vec<u8>>>,
}

impl Request {
    /// `Request(scope, receive)`: for an ASGI app that wants Starlette's view of a request.
    pub fn new(scope: Scope, receive: Receive) -> Request {
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
            Incoming::Disconnect => return Err(Error::raised("ClientDisconnect")),
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
    media_type: Option<&'static str>,
    headers: Vec<(String, String)>,
    content: Content,
    background: Option<BackgroundTask>,
}

impl Response {
    fn of(media_type: Option<&'static str>, content: Content) -> Response {
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
        Response::of(Some("text/plain"), Content::Whole(text.into().into_bytes()))
    }

    /// `HTMLResponse(html)`.
    pub fn html(html: impl Into<String>) -> Response {
        Response::of(Some("text/html"), Content::Whole(html.into().into_bytes()))
    }

    /// `JSONResponse(content)`, given the JSON text Starlette's `json.dumps` would write
    /// (compact: `{"hello":"world"}`).
    pub fn json(json: impl Into<String>) -> Response {
        Response::of(
            Some("application/json"),
            Content::Whole(json.into().into_bytes()),
        )
    }

    /// `StreamingResponse(generator, media_type=...)`: each item is sent as it is yielded.
    pub fn streaming(generator: AsyncGenerator<String>, media_type: &'static str) -> Response {
        Response::of(Some(media_type), Content::Stream(generator))
    }

    /// The media type, as Starlette sets it.
    pub fn media_type(mut self, media_type: &'static str) -> Response {
        self.media_type = Some(media_type);
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
        if let Some(media_type) = self.media_type {
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

/// `Route(path, endpoint, methods=[...])`.
pub struct Route {
    pattern: Pattern,
    methods: Vec<&'static str>,
    endpoint: Endpoint,
}

impl Route {
    /// A route for `GET` (and `HEAD`), as a function endpoint's default is; a malformed path
    /// is the error Starlette raises when the route is declared.
    pub fn new(path: &str, endpoint: Endpoint) -> Result<Route> {
        Ok(Route {
            pattern: Pattern::parse(path).map_err(Error::raised)?,
            methods: vec!["GET", "HEAD"],
            endpoint,
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
                Ok(Response::plain("Method Not Allowed")
                    .status(405)
                    .header("allow", &allowed.join(", ")))
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
        Ok(Route {
            methods: METHODS.to_vec(),
            ..Route::new(path, dispatching)?
        })
    }
}

/// `Starlette(routes=routes)`: an ASGI app that routes each request.
pub fn starlette(routes: Vec<Route>) -> App {
    router(routes, "Not Found", "Method Not Allowed")
}

/// An ASGI app that routes each request to the first route that matches, and answers a path no
/// route has with a `404` saying `not_found`, a method the route does not take with a `405`
/// saying `not_allowed` (each framework words them its own way).
pub(super) fn router(
    routes: Vec<Route>,
    not_found: &'static str,
    not_allowed: &'static str,
) -> App {
    let routes = Rc::new(routes);
    app(move |scope, receive, send| {
        let routes = routes.clone();
        async move { dispatch(&routes, scope, receive, send, not_found, not_allowed).await }
    })
}

async fn dispatch(
    routes: &[Route],
    scope: Scope,
    receive: Receive,
    send: Send,
    not_found: &'static str,
    not_allowed: &'static str,
) -> Result<()> {
    let mut allowed: Option<&Route> = None;
    for route in routes {
        let Some(params) = route.pattern.matches(&scope.path) else {
            continue;
        };
        if !route.methods.contains(&&*scope.method) {
            allowed.get_or_insert(route);
            continue;
        }
        let request = Request {
            scope,
            receive,
            params,
            body: Default::default(),
        };
        let response = (route.endpoint)(request).await?;
        return response.send_to(&send).await;
    }
    match allowed {
        Some(route) => {
            Response::plain(not_allowed)
                .status(405)
                .header("allow", &route.methods.join(", "))
                .send_to(&send)
                .await
        }
        None => Response::plain(not_found).status(404).send_to(&send).await,
    }
}
