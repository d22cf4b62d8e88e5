//! The ASGI conversations: the [`Scope`] a server hands the application, the [`Receive`]
//! channel it reads from and the [`Send`] channel it answers on. A scope is of one of three
//! types, and each has its messages:
//!
//! - `http`, one request: `http.request` in, `http.response.start` and `http.response.body`
//!   out. The rules are the ones uvicorn enforces: the start comes first and once, a body
//!   message after the last one (`more_body=False`) is an error, and once the response is
//!   complete `receive()` returns `http.disconnect`.
//! - `websocket`, one connection (`websocket`): `websocket.connect`, `websocket.receive`,
//!   `websocket.disconnect` in; `websocket.accept`, `websocket.send`, `websocket.close` out.
//! - `lifespan`, the application's life (`lifespan`): `lifespan.startup` and
//!   `lifespan.shutdown` in, each answered `...complete` or `...failed`.
//!
//! What the server does with a broken rule or a response never started (a `500`) lives in
//! `server`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::exchange::Exchange;
use super::lifespan::Cycle;
use super::websocket::Link;
use crate::runtime::{Error, Result};

/// `scope`: what the server knows about a request before reading its body.
#[derive(Clone, Debug)]
pub struct Scope {
    /// `scope["type"]`: `"http"`, `"websocket"` or `"lifespan"`.
    pub kind: &'static str,
    /// `scope["method"]`, upper case: `GET`.
    pub method: Rc<str>,
    /// `scope["path"]`, percent-decoded: `/about/John`.
    pub path: Rc<str>,
    /// `scope["query_string"]` as sent, without `?`.
    pub query_string: Rc<str>,
    /// `scope["headers"]`: names in lower case, in the order sent.
    pub headers: Rc<[(Rc<str>, Rc<str>)]>,
    /// `scope["server"]`: the host and port the server listens on.
    pub server: (Rc<str>, u16),
    /// The URL the server is reached at, ending in `/` (`request.base_url`).
    pub base_url: Rc<str>,
}

impl Scope {
    /// The scope of the application's life: no request, only the server.
    pub(super) fn lifespan(server: (Rc<str>, u16)) -> Scope {
        Scope {
            kind: "lifespan",
            method: Rc::from(""),
            path: Rc::from(""),
            query_string: Rc::from(""),
            headers: Rc::from(Vec::new()),
            base_url: Rc::from(format!("http://{}:{}/", server.0, server.1)),
            server,
        }
    }

    /// A header's value by name, in any case; the first if sent twice.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| &**v)
    }

    /// The full URL of the request (`request.url`).
    pub fn url(&self) -> String {
        let path = self.path.trim_start_matches('/');
        if self.query_string.is_empty() {
            format!("{}{path}", self.base_url)
        } else {
            format!("{}{path}?{}", self.base_url, self.query_string)
        }
    }
}

/// What `await receive()` gives the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// `http.request`: the body (whole: the page's server reads it before calling the app).
    Request {
        /// The bytes.
        body: Vec<u8>,
        /// Whether more is coming (never, here).
        more_body: bool,
    },
    /// `http.disconnect`: the client went away, or the response is complete.
    Disconnect,
    /// `websocket.connect`: a client asks to open a WebSocket.
    WebsocketConnect,
    /// `websocket.receive`: a text message from the client.
    WebsocketReceive {
        /// The text.
        text: String,
    },
    /// `websocket.disconnect`: the connection closed, with this code.
    WebsocketDisconnect {
        /// 1000 for a normal close.
        code: u16,
    },
    /// `lifespan.startup`: the server is about to listen.
    LifespanStartup,
    /// `lifespan.shutdown`: the server stopped listening and its requests are done.
    LifespanShutdown,
}

/// What the application passes to `await send(...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outgoing {
    /// `http.response.start`: the status and headers.
    Start {
        /// The status code.
        status: u16,
        /// The headers, in order.
        headers: Vec<(String, String)>,
    },
    /// `http.response.body`: a piece of the body; the last has `more_body: false`.
    Body {
        /// The bytes.
        body: Vec<u8>,
        /// Whether more pieces follow.
        more_body: bool,
    },
    /// `websocket.accept`: the application takes the connection.
    WebsocketAccept,
    /// `websocket.send`: a text message to the client.
    WebsocketSend {
        /// The text.
        text: String,
    },
    /// `websocket.close`: before `accept` a refusal (the client gets `403`), after it the end.
    WebsocketClose {
        /// 1000 for a normal close.
        code: u16,
    },
    /// `lifespan.startup.complete`.
    LifespanStartupComplete,
    /// `lifespan.startup.failed`, with the error.
    LifespanStartupFailed {
        /// What went wrong.
        message: String,
    },
    /// `lifespan.shutdown.complete`.
    LifespanShutdownComplete,
    /// `lifespan.shutdown.failed`, with the error.
    LifespanShutdownFailed {
        /// What went wrong.
        message: String,
    },
}

impl Outgoing {
    /// `{'type': 'http.response.start', 'status': status, 'headers': headers}`.
    pub fn start(status: u16, headers: &[(&str, &str)]) -> Outgoing {
        Outgoing::Start {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// `{'type': 'http.response.body', 'body': body}`: the whole (or last) body.
    pub fn body(body: impl Into<Vec<u8>>) -> Outgoing {
        Outgoing::Body {
            body: body.into(),
            more_body: false,
        }
    }

    /// `{'type': 'http.response.body', 'body': chunk, 'more_body': True}`.
    pub fn chunk(body: impl Into<Vec<u8>>) -> Outgoing {
        Outgoing::Body {
            body: body.into(),
            more_body: true,
        }
    }

    /// The message's `type`, as ASGI names it.
    pub(super) fn type_name(&self) -> &'static str {
        match self {
            Outgoing::Start { .. } => "http.response.start",
            Outgoing::Body { .. } => "http.response.body",
            Outgoing::WebsocketAccept => "websocket.accept",
            Outgoing::WebsocketSend { .. } => "websocket.send",
            Outgoing::WebsocketClose { .. } => "websocket.close",
            Outgoing::LifespanStartupComplete => "lifespan.startup.complete",
            Outgoing::LifespanStartupFailed { .. } => "lifespan.startup.failed",
            Outgoing::LifespanShutdownComplete => "lifespan.shutdown.complete",
            Outgoing::LifespanShutdownFailed { .. } => "lifespan.shutdown.failed",
        }
    }
}

/// The `receive` channel of one conversation.
pub struct Receive(Inbox);

enum Inbox {
    Http {
        exchange: Rc<Exchange>,
        body: RefCell<Option<Vec<u8>>>,
    },
    Websocket(Rc<Link>),
    Lifespan(Rc<Cycle>),
}

impl Receive {
    pub(super) fn new(exchange: Rc<Exchange>, body: Vec<u8>) -> Receive {
        Receive(Inbox::Http {
            exchange,
            body: RefCell::new(Some(body)),
        })
    }

    pub(super) fn websocket(link: Rc<Link>) -> Receive {
        Receive(Inbox::Websocket(link))
    }

    pub(super) fn lifespan(cycle: Rc<Cycle>) -> Receive {
        Receive(Inbox::Lifespan(cycle))
    }

    /// `await receive()`. For a request: first its body, then (once the client has gone or
    /// the response is complete) `http.disconnect`. For a WebSocket: `websocket.connect`,
    /// then the client's messages, then `websocket.disconnect`. For the lifespan:
    /// `lifespan.startup`, then `lifespan.shutdown`.
    pub async fn receive(&self) -> Result<Incoming> {
        match &self.0 {
            Inbox::Http { exchange, body } => {
                let body = body.borrow_mut().take();
                if let Some(body) = body {
                    return Ok(Incoming::Request {
                        body,
                        more_body: false,
                    });
                }
                exchange.disconnected.wait().await?;
                Ok(Incoming::Disconnect)
            }
            Inbox::Websocket(link) => link.to_server.next().await,
            Inbox::Lifespan(cycle) => cycle.to_app.next().await,
        }
    }
}

/// Where a response stands, as uvicorn tracks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    /// Nothing sent yet.
    NotStarted,
    /// `http.response.start` sent; the body is being sent.
    Started,
    /// The last body piece sent.
    Complete,
}

/// The `send` channel of one conversation.
#[derive(Clone)]
pub struct Send(Outbox);

#[derive(Clone)]
enum Outbox {
    Http {
        exchange: Rc<Exchange>,
        phase: Rc<Cell<Phase>>,
    },
    Websocket(Rc<Link>),
    Lifespan(Rc<Cycle>),
}

impl Send {
    pub(super) fn new(exchange: Rc<Exchange>) -> Send {
        Send(Outbox::Http {
            exchange,
            phase: Rc::new(Cell::new(Phase::NotStarted)),
        })
    }

    pub(super) fn websocket(link: Rc<Link>) -> Send {
        Send(Outbox::Websocket(link))
    }

    pub(super) fn lifespan(cycle: Rc<Cycle>) -> Send {
        Send(Outbox::Lifespan(cycle))
    }

    /// Where an HTTP response stands (`Complete` for the other conversations).
    pub(super) fn phase(&self) -> Phase {
        match &self.0 {
            Outbox::Http { phase, .. } => phase.get(),
            _ => Phase::Complete,
        }
    }

    /// The request being answered, for an HTTP conversation.
    pub(super) fn exchange(&self) -> Option<&Rc<Exchange>> {
        match &self.0 {
            Outbox::Http { exchange, .. } => Some(exchange),
            _ => None,
        }
    }

    /// `await send(message)`. A message out of order raises the `RuntimeError` uvicorn
    /// raises; a client that went away is ignored, as uvicorn does.
    pub async fn send(&self, message: Outgoing) -> Result<()> {
        match &self.0 {
            Outbox::Http { exchange, phase } => send_http(exchange, phase, message),
            Outbox::Websocket(link) => link.sent_by_app(message),
            Outbox::Lifespan(cycle) => cycle.sent_by_app(message),
        }
    }
}

/// The HTTP rules: the start, then body pieces up to the last.
fn send_http(exchange: &Exchange, phase: &Cell<Phase>, message: Outgoing) -> Result<()> {
    match (phase.get(), message) {
        (Phase::NotStarted, Outgoing::Start { status, headers }) => {
            if !(100..=599).contains(&status) {
                return Err(Error::raised(format!(
                    "RuntimeError: {status} is not an HTTP status (100–599)"
                )));
            }
            phase.set(Phase::Started);
            exchange.head(status, headers);
            Ok(())
        }
        (Phase::Started, Outgoing::Body { body, more_body }) => {
            exchange.chunk(&body);
            if !more_body {
                phase.set(Phase::Complete);
                exchange.end();
            }
            Ok(())
        }
        (Phase::NotStarted, message) => Err(Error::raised(format!(
            "RuntimeError: Expected ASGI message 'http.response.start', but got '{}'.",
            message.type_name()
        ))),
        (Phase::Started, message) => Err(Error::raised(format!(
            "RuntimeError: Expected ASGI message 'http.response.body', but got '{}'.",
            message.type_name()
        ))),
        (Phase::Complete, message) => Err(Error::raised(format!(
            "RuntimeError: Unexpected ASGI message '{}' sent, after response already completed.",
            message.type_name()
        ))),
    }
}
