//! WebSockets to the page's servers: the ASGI `websocket` conversation on the server's side
//! ([`Link`]), and the lessons' client (`websockets.connect(url)`, [`connect`]).
//!
//! A Service Worker sees fetches, never WebSocket upgrades, so a browser cannot open a real
//! WebSocket to a server in its own page. The connection is what uvicorn makes of one: a
//! handshake the application accepts or refuses, then text messages either way, then a close
//! with a code. In the browser every message crosses a `MessageChannel` ([`super::wire`]) on
//! its way, and each side's messages are read in order by the other side's task; natively
//! they go straight into the other side's mailbox.
//!
//! The rules are uvicorn's: `websocket.accept` or `websocket.close` first (a close before the
//! accept refuses the connection, and the client gets `403`), then `websocket.send` until
//! `websocket.close`, and nothing after it. An application that returns without a handshake
//! is a `500` for the client; one that raises after accepting closes the connection with
//! `1011`; Stop (or a cancelled task) drops it, and the client sees `1006`, no close frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::asgi::{Incoming, Outgoing};
use super::client::{local_target, refused};
use super::mailbox::Mailbox;
use crate::runtime::io::IoOp;
use crate::runtime::{Error, Result};

/// What the client hears from the server.
#[derive(Debug, PartialEq, Eq)]
enum Frame {
    /// The handshake succeeded.
    Accepted,
    /// The handshake failed with this HTTP status.
    Rejected(u16),
    /// A text message.
    Text(String),
    /// The connection closed with this code.
    Closed(u16),
}

/// Where a connection stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// The client asked; the application has not answered.
    Connecting,
    /// Accepted: messages go both ways.
    Open,
    /// Closed by either side, or refused.
    Closed,
}

/// One WebSocket connection between a client of the page and the page's server.
pub(crate) struct Link {
    pub(super) to_server: Mailbox<Incoming>,
    to_client: Mailbox<Frame>,
    state: Cell<State>,
    /// The connection's record in the Trace, from the request to the close.
    io: RefCell<Option<IoOp>>,
    /// The `MessageChannel` the messages cross, in the browser.
    #[cfg(target_arch = "wasm32")]
    wire: std::cell::OnceCell<super::wire::Wire>,
}

impl Link {
    fn new() -> Result<Rc<Link>> {
        let link = Rc::new(Link {
            to_server: Mailbox::default(),
            to_client: Mailbox::default(),
            state: Cell::new(State::Connecting),
            io: RefCell::new(None),
            #[cfg(target_arch = "wasm32")]
            wire: std::cell::OnceCell::new(),
        });
        #[cfg(target_arch = "wasm32")]
        link.lay_wire()?;
        link.post_to_server(Incoming::WebsocketConnect);
        Ok(link)
    }

    /// Lays the `MessageChannel` between the two sides: what arrives at each end goes into
    /// that side's mailbox.
    #[cfg(target_arch = "wasm32")]
    fn lay_wire(self: &Rc<Link>) -> Result<()> {
        use super::wire::{Side, Wire};
        let (run, _) = crate::runtime::executor::current().ok_or(Error::NoRunningLoop)?;
        let wire = Wire::new(&run)?;
        let link = Rc::downgrade(self);
        wire.listen(Side::Far, move |kind, text| {
            if let (Some(link), Some(message)) = (link.upgrade(), incoming(kind, text)) {
                link.to_server.post(message);
            }
        });
        let link = Rc::downgrade(self);
        wire.listen(Side::Near, move |kind, text| {
            if let (Some(link), Some(frame)) = (link.upgrade(), frame(kind, text)) {
                link.to_client.post(frame);
            }
        });
        let _ = self.wire.set(wire);
        Ok(())
    }

    /// Sends a message from the client to the application.
    fn post_to_server(&self, message: Incoming) {
        #[cfg(target_arch = "wasm32")]
        if let Some(wire) = self.wire.get() {
            let (kind, text) = match &message {
                Incoming::WebsocketConnect => ("connect", String::new()),
                Incoming::WebsocketReceive { text } => ("text", text.clone()),
                Incoming::WebsocketDisconnect { code } => ("close", code.to_string()),
                _ => return,
            };
            wire.post(super::wire::Side::Near, kind, &text);
            return;
        }
        self.to_server.post(message);
    }

    /// Sends a frame from the application to the client.
    fn post_to_client(&self, frame: Frame) {
        #[cfg(target_arch = "wasm32")]
        if let Some(wire) = self.wire.get() {
            let (kind, text) = match &frame {
                Frame::Accepted => ("accept", String::new()),
                Frame::Rejected(status) => ("reject", status.to_string()),
                Frame::Text(text) => ("text", text.clone()),
                Frame::Closed(code) => ("close", code.to_string()),
            };
            wire.post(super::wire::Side::Far, kind, &text);
            return;
        }
        self.to_client.post(frame);
    }

    /// Records the connection as outside work in the Trace (the I/O panel lists it).
    pub(super) fn set_io(&self, io: IoOp) {
        *self.io.borrow_mut() = Some(io);
    }

    /// Closes the connection (once): the client hears `frame`, the application's next
    /// `receive()` is `websocket.disconnect` with `code`.
    fn close(&self, frame: Frame, code: u16, error: Option<&str>) {
        if self.state.replace(State::Closed) == State::Closed {
            return;
        }
        self.post_to_client(frame);
        self.post_to_server(Incoming::WebsocketDisconnect { code });
        if let Some(io) = self.io.borrow_mut().take() {
            io.end(error.map(Error::raised).as_ref());
        }
    }

    /// `await send(message)` from the application, by uvicorn's rules.
    pub(super) fn sent_by_app(&self, message: Outgoing) -> Result<()> {
        match (self.state.get(), message) {
            (State::Connecting, Outgoing::WebsocketAccept) => {
                self.state.set(State::Open);
                self.post_to_client(Frame::Accepted);
                Ok(())
            }
            (State::Connecting, Outgoing::WebsocketClose { code }) => {
                self.close(Frame::Rejected(403), code, Some("403 Forbidden"));
                Ok(())
            }
            (State::Open, Outgoing::WebsocketSend { text }) => {
                self.post_to_client(Frame::Text(text));
                Ok(())
            }
            (State::Open, Outgoing::WebsocketClose { code }) => {
                self.close(Frame::Closed(code), code, None);
                Ok(())
            }
            (State::Connecting, message) => Err(Error::raised(format!(
                "RuntimeError: Expected ASGI message 'websocket.accept' or 'websocket.close', but got '{}'.",
                message.type_name()
            ))),
            (State::Open, message) => Err(Error::raised(format!(
                "RuntimeError: Expected ASGI message 'websocket.send' or 'websocket.close', but got '{}'.",
                message.type_name()
            ))),
            (State::Closed, message) => Err(Error::raised(format!(
                "RuntimeError: Unexpected ASGI message '{}', after sending 'websocket.close' or response already completed.",
                message.type_name()
            ))),
        }
    }

    /// What the server does once the application's call is over: a connection never
    /// accepted is a `500`, an accepted one still open is closed (`1000` if the call
    /// returned, `1011` if it raised).
    pub(super) fn finish(&self, failed: bool) {
        match self.state.get() {
            State::Connecting => self.close(
                Frame::Rejected(500),
                1006,
                Some("500 Internal Server Error"),
            ),
            State::Open if failed => self.close(Frame::Closed(1011), 1011, Some("1011")),
            State::Open => self.close(Frame::Closed(1000), 1000, None),
            State::Closed => {}
        }
    }

    /// The application's task is gone without finishing (Stop, a cancelled task): the
    /// connection drops, with no close frame.
    pub(super) fn dropped(&self) {
        self.close(Frame::Closed(1006), 1006, Some("the connection dropped"));
    }
}

/// `websockets.connect(url)`: opens a WebSocket to one of the page's servers
/// (`ws://127.0.0.1:5000/ws`) and waits for the handshake.
pub async fn connect(url: &str) -> Result<ClientSocket> {
    let url = url.trim();
    let http = url
        .strip_prefix("ws://")
        .map(|rest| format!("http://{rest}"))
        .ok_or_else(|| {
            Error::raised(format!(
                "InvalidURI: {url} isn't a valid URI: the page's servers take ws:// URLs"
            ))
        })?;
    let Some((port, target)) = local_target(&http) else {
        return Err(Error::raised(format!(
            "InvalidURI: {url}: a WebSocket here reaches only the page's own servers (127.0.0.1 or localhost, with a port)"
        )));
    };
    let link = Link::new()?;
    super::server::deliver_websocket(port, &target, link.clone()).map_err(|_| refused(port))?;
    match link.to_client.next().await? {
        Frame::Accepted => Ok(ClientSocket {
            link,
            closed: false,
        }),
        Frame::Rejected(status) => Err(Error::raised(format!(
            "InvalidStatus: server rejected WebSocket connection: HTTP {status}"
        ))),
        Frame::Closed(_) | Frame::Text(_) => Err(Error::raised(
            "InvalidMessage: did not receive a valid HTTP response",
        )),
    }
}

/// The client's side of an open WebSocket: `ws.recv()`, `ws.send(text)`, `ws.close()`.
/// Dropping it closes the connection (leaving `async with`).
pub struct ClientSocket {
    link: Rc<Link>,
    /// Whether the close has reached the client (what was sent before it has too).
    closed: bool,
}

impl ClientSocket {
    /// The next message, or `None` once the server closed the connection normally
    /// (`async for message in ws` ends); a close with another code is the error `websockets`
    /// raises.
    pub async fn next(&mut self) -> Result<Option<String>> {
        if self.closed {
            return Ok(None);
        }
        let frame = self.link.to_client.next().await?;
        self.closed = !matches!(frame, Frame::Text(_));
        match frame {
            Frame::Text(text) => Ok(Some(text)),
            Frame::Closed(1000 | 1001) => Ok(None),
            Frame::Closed(1006) => Err(Error::raised(
                "ConnectionClosedError: no close frame received or sent",
            )),
            Frame::Closed(code) => Err(Error::raised(format!(
                "ConnectionClosedError: received {code} ({}); then sent {code} ({})",
                close_reason(code),
                close_reason(code)
            ))),
            Frame::Accepted | Frame::Rejected(_) => Ok(None),
        }
    }

    /// `await ws.send(text)`; on a closed connection the error `websockets` raises.
    pub fn send(&self, text: &str) -> Result<()> {
        if self.link.state.get() != State::Open {
            return Err(Error::raised(
                "ConnectionClosedOK: received 1000 (OK); then sent 1000 (OK)",
            ));
        }
        self.link.post_to_server(Incoming::WebsocketReceive {
            text: text.to_string(),
        });
        Ok(())
    }

    /// `await ws.close()`: a normal close (`1000`).
    pub fn close(&self) {
        self.link.close(Frame::Closed(1000), 1000, None);
    }
}

impl Drop for ClientSocket {
    fn drop(&mut self) {
        self.close();
    }
}

/// A message from the client, as it crossed the wire.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn incoming(kind: &str, text: String) -> Option<Incoming> {
    Some(match kind {
        "connect" => Incoming::WebsocketConnect,
        "text" => Incoming::WebsocketReceive { text },
        "close" => Incoming::WebsocketDisconnect {
            code: text.parse().ok()?,
        },
        _ => return None,
    })
}

/// A frame from the application, as it crossed the wire.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn frame(kind: &str, text: String) -> Option<Frame> {
    Some(match kind {
        "accept" => Frame::Accepted,
        "reject" => Frame::Rejected(text.parse().ok()?),
        "text" => Frame::Text(text),
        "close" => Frame::Closed(text.parse().ok()?),
        _ => return None,
    })
}

/// The name RFC 6455 gives a close code, as `websockets` prints it.
fn close_reason(code: u16) -> &'static str {
    match code {
        1000 => "OK",
        1001 => "going away",
        1006 => "connection closed abnormally",
        1011 => "internal error",
        _ => "unknown",
    }
}
