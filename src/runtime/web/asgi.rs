//! The ASGI conversation of one HTTP request: the [`Scope`] a server hands the application,
//! the [`Receive`] channel it reads the request body from, and the [`Send`] channel it answers
//! on with `http.response.start` and `http.response.body` messages.
//!
//! The rules are the ones uvicorn enforces: the start comes first and once, a body message
//! after the last one (`more_body=False`) is an error, and once the response is complete
//! `receive()` returns `http.disconnect`. What the server does with a broken rule or a
//! response never started (a `500`) lives in `server`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::exchange::Exchange;
use crate::runtime::{Error, Result};

/// `scope`: what the server knows about a request before reading its body.
#[derive(Clone, Debug)]
pub struct Scope {
    /// `scope["type"]`: always `"http"` here.
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

    fn type_name(&self) -> &'static str {
        match self {
            Outgoing::Start { .. } => "http.response.start",
            Outgoing::Body { .. } => "http.response.body",
        }
    }
}

/// The `receive` channel of one request.
pub struct Receive {
    exchange: Rc<Exchange>,
    body: RefCell<Option<Vec<u8>>>,
}

impl Receive {
    pub(super) fn new(exchange: Rc<Exchange>, body: Vec<u8>) -> Receive {
        Receive {
            exchange,
            body: RefCell::new(Some(body)),
        }
    }

    /// `await receive()`: first the request's body, then (once the client has gone or the
    /// response is complete) `http.disconnect`.
    pub async fn receive(&self) -> Result<Incoming> {
        let body = self.body.borrow_mut().take();
        if let Some(body) = body {
            return Ok(Incoming::Request {
                body,
                more_body: false,
            });
        }
        self.exchange.disconnected.wait().await?;
        Ok(Incoming::Disconnect)
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

/// The `send` channel of one request.
#[derive(Clone)]
pub struct Send {
    exchange: Rc<Exchange>,
    phase: Rc<Cell<Phase>>,
}

impl Send {
    pub(super) fn new(exchange: Rc<Exchange>) -> Send {
        Send {
            exchange,
            phase: Rc::new(Cell::new(Phase::NotStarted)),
        }
    }

    pub(super) fn phase(&self) -> Phase {
        self.phase.get()
    }

    pub(super) fn exchange(&self) -> &Rc<Exchange> {
        &self.exchange
    }

    /// `await send(message)`: sends the start or a body piece on to the client. A message out
    /// of order raises the `RuntimeError` uvicorn raises; a client that went away is ignored,
    /// as uvicorn does.
    pub async fn send(&self, message: Outgoing) -> Result<()> {
        match (self.phase.get(), message) {
            (Phase::NotStarted, Outgoing::Start { status, headers }) => {
                if !(100..=599).contains(&status) {
                    return Err(Error::raised(format!(
                        "RuntimeError: {status} is not an HTTP status (100–599)"
                    )));
                }
                self.phase.set(Phase::Started);
                self.exchange.head(status, headers);
                Ok(())
            }
            (Phase::Started, Outgoing::Body { body, more_body }) => {
                self.exchange.chunk(&body);
                if !more_body {
                    self.phase.set(Phase::Complete);
                    self.exchange.end();
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
}
