//! The virtual clock and a request the page sends to its own server through the Service
//! Worker.
//!
//! Outside work takes no virtual time: while a message is in the browser's hands the virtual
//! clock holds still (`io_ledger`). A request to the page's own server is outside work only
//! while it travels: from `fetch` to the page's server, and from each `send` of the response
//! back to the client's read of it. While the *handler* runs (and sleeps on the virtual
//! clock), the client's await is not outside work: holding the clock then would wait forever.
//!
//! So the client's awaits on such a request do not hold the clock themselves; a [`Transit`]
//! shared by the client and the server holds it exactly while something is on the way:
//! the request has not arrived, or the head, some bytes or the end were sent and not yet
//! read. Both ends find it by the id the client sends in the [`HEADER`] header.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use crate::runtime::executor::RunInner;

/// The request header that names a request's transit.
pub(crate) const HEADER: &str = "x-loopscope-transit";

thread_local! {
    static TRANSITS: RefCell<BTreeMap<Rc<str>, Weak<Transit>>> = const { RefCell::new(BTreeMap::new()) };
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// What of one request and its response is on the way between the page and its server.
pub(crate) struct Transit {
    id: Rc<str>,
    run: Weak<RunInner>,
    holding: Cell<bool>,
    arrived: Cell<bool>,
    head_sent: Cell<bool>,
    head_read: Cell<bool>,
    sent: Cell<u64>,
    read: Cell<u64>,
    end_sent: Cell<bool>,
    end_read: Cell<bool>,
}

impl Transit {
    /// A request about to be sent by a task of `run`: it holds the clock until it arrives.
    pub(crate) fn begin(run: &Rc<RunInner>, salt: &str) -> Rc<Transit> {
        let n = NEXT.with(|next| {
            next.set(next.get() + 1);
            next.get()
        });
        let transit = Rc::new(Transit {
            id: Rc::from(format!("{salt}-{n}")),
            run: Rc::downgrade(run),
            holding: Cell::new(false),
            arrived: Cell::new(false),
            head_sent: Cell::new(false),
            head_read: Cell::new(false),
            sent: Cell::new(0),
            read: Cell::new(0),
            end_sent: Cell::new(false),
            end_read: Cell::new(false),
        });
        TRANSITS.with(|t| {
            t.borrow_mut()
                .insert(transit.id.clone(), Rc::downgrade(&transit))
        });
        transit.update();
        transit
    }

    /// The transit a request names in its [`HEADER`], if it is one of this page's.
    pub(crate) fn find(id: &str) -> Option<Rc<Transit>> {
        TRANSITS.with(|t| t.borrow().get(id).and_then(Weak::upgrade))
    }

    /// Its id, for the header.
    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// The server has the request.
    pub(crate) fn arrived(&self) {
        self.arrived.set(true);
        self.update();
    }

    /// The server sent the status and headers.
    pub(crate) fn head_sent(&self) {
        self.head_sent.set(true);
        self.update();
    }

    /// The client has the status and headers.
    pub(crate) fn head_read(&self) {
        self.head_read.set(true);
        self.update();
    }

    /// The server sent `n` more bytes of the body.
    pub(crate) fn sent(&self, n: u64) {
        self.sent.set(self.sent.get() + n);
        self.update();
    }

    /// The client read `n` more bytes of the body.
    pub(crate) fn read(&self, n: u64) {
        self.read.set(self.read.get() + n);
        self.update();
    }

    /// The server ended the response (or the connection).
    pub(crate) fn end_sent(&self) {
        self.end_sent.set(true);
        self.update();
    }

    /// The client saw the end.
    pub(crate) fn end_read(&self) {
        self.end_read.set(true);
        self.update();
    }

    fn on_the_way(&self) -> bool {
        !self.arrived.get()
            || (self.head_sent.get() && !self.head_read.get())
            || self.sent.get() > self.read.get()
            || (self.end_sent.get() && !self.end_read.get())
    }

    fn update(&self) {
        let hold = self.on_the_way();
        if hold == self.holding.get() {
            return;
        }
        self.holding.set(hold);
        if let Some(run) = self.run.upgrade() {
            if hold {
                run.io_wait_begin();
            } else {
                run.io_wait_end();
            }
        }
    }
}

impl Drop for Transit {
    fn drop(&mut self) {
        if self.holding.get() {
            if let Some(run) = self.run.upgrade() {
                run.io_wait_end();
            }
        }
        let _ = TRANSITS.try_with(|t| t.borrow_mut().remove(&self.id));
    }
}
