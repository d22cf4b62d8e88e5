//! One request in the server's hands: where its response goes (a [`Responder`]), its record in
//! the Trace, and whether its client is still there.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::transit::Transit;
use crate::runtime::io::IoOp;
use crate::runtime::Event;

/// Where a response goes: the Service Worker's port for the request, or the in-page client.
pub(crate) trait Responder {
    /// The status and headers.
    fn head(&self, status: u16, headers: &[(String, String)]);
    /// A piece of the body.
    fn chunk(&self, bytes: &[u8]);
    /// The end of the body.
    fn end(&self);
    /// The connection broke before the response was complete: the client sees an error.
    fn fail(&self, message: &str);
}

/// One request being answered.
pub(crate) struct Exchange {
    responder: Box<dyn Responder>,
    /// Set when the client went away or the response is complete (`http.disconnect`).
    pub(super) disconnected: Event,
    io: RefCell<Option<IoOp>>,
    transit: Option<Rc<Transit>>,
    status: Cell<u16>,
    sent: Cell<u64>,
    complete: Cell<bool>,
    /// A `HEAD` request: the body the app sends is counted, not sent (as a server does).
    head_only: Cell<bool>,
}

impl Exchange {
    pub(crate) fn new(responder: Box<dyn Responder>, transit: Option<Rc<Transit>>) -> Rc<Exchange> {
        Rc::new(Exchange {
            responder,
            disconnected: Event::new(),
            io: RefCell::new(None),
            transit,
            status: Cell::new(0),
            sent: Cell::new(0),
            complete: Cell::new(false),
            head_only: Cell::new(false),
        })
    }

    /// Answers a `HEAD` request: headers only.
    pub(super) fn set_head_only(&self) {
        self.head_only.set(true);
    }

    /// Records the request as outside work in the Trace (the I/O panel lists it).
    pub(super) fn set_io(&self, io: IoOp) {
        *self.io.borrow_mut() = Some(io);
    }

    pub(super) fn head(&self, status: u16, headers: Vec<(String, String)>) {
        self.status.set(status);
        if let Some(io) = &*self.io.borrow() {
            io.status(status);
        }
        if let Some(transit) = &self.transit {
            transit.head_sent();
        }
        self.responder.head(status, &headers);
    }

    pub(super) fn chunk(&self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.sent.set(self.sent.get() + bytes.len() as u64);
        if let Some(io) = &*self.io.borrow() {
            io.progress(self.sent.get(), None);
        }
        if self.head_only.get() {
            return;
        }
        if let Some(transit) = &self.transit {
            transit.sent(bytes.len() as u64);
        }
        self.responder.chunk(bytes);
    }

    pub(super) fn end(&self) {
        if self.complete.replace(true) {
            return;
        }
        if let Some(transit) = &self.transit {
            transit.end_sent();
        }
        self.responder.end();
        let status = self.status.get();
        if let Some(io) = self.io.borrow_mut().take() {
            if status >= 500 {
                let reason = super::http::status_line(status);
                io.end(Some(&crate::runtime::Error::raised(reason)));
            } else {
                io.end(None);
            }
        }
        self.disconnected.set();
    }

    /// A whole response at once: head, body, end.
    pub(super) fn respond(&self, status: u16, content_type: &str, body: &str) {
        self.head(
            status,
            vec![
                ("content-type".into(), content_type.into()),
                ("content-length".into(), body.len().to_string()),
            ],
        );
        self.chunk(body.as_bytes());
        self.end();
    }

    /// The client went away (it aborted, or its page closed).
    pub(crate) fn client_left(&self) {
        self.disconnected.set();
    }
}

impl Drop for Exchange {
    fn drop(&mut self) {
        if self.complete.get() {
            return;
        }
        // The handler ended (Stop, a cancelled task, an error after the head) without
        // finishing the response: the client sees a broken connection, as with a real server.
        if let Some(transit) = &self.transit {
            transit.end_sent();
        }
        self.responder
            .fail("the server closed the connection before the response was complete");
        if let Some(io) = self.io.borrow_mut().take() {
            io.end(Some(&crate::runtime::Error::raised(
                "the connection closed before the response was complete",
            )));
        }
    }
}
