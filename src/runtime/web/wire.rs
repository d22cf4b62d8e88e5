//! A wire between two parts of the page: one `MessageChannel`, both of its ports held here, so
//! every message really crosses the browser's message queue (structured clone, a task of its
//! own) on its way from one side to the other.
//!
//! A message in transit holds the run's virtual clock, as every browser await does, and is
//! released when it arrives. Dropping the wire closes both ports; whatever was still in
//! transit then never arrives, and its hold on the clock is released with it (a hold left
//! behind would stop the virtual clock for the rest of the run).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::runtime::executor::RunInner;
use crate::runtime::{Error, Result};

type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// Which end of the wire: each side posts from its own port and hears the other's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// The end that opened the conversation (a client).
    Near,
    /// The other end (a server).
    Far,
}

impl Side {
    fn index(self) -> usize {
        match self {
            Side::Near => 0,
            Side::Far => 1,
        }
    }
}

struct Inner {
    ports: [web_sys::MessagePort; 2],
    run: Weak<RunInner>,
    /// Messages posted and not yet arrived, each holding the clock.
    in_transit: Cell<usize>,
    handlers: RefCell<[Option<OnMessage>; 2]>,
}

/// A `MessageChannel` whose two ends both live in the page.
pub(crate) struct Wire(Rc<Inner>);

impl Wire {
    /// A new wire for messages of `run`.
    pub(crate) fn new(run: &Rc<RunInner>) -> Result<Wire> {
        let channel = web_sys::MessageChannel::new()
            .map_err(|_| Error::raised("could not open a MessageChannel"))?;
        Ok(Wire(Rc::new(Inner {
            ports: [channel.port1(), channel.port2()],
            run: Rc::downgrade(run),
            in_transit: Cell::new(0),
            handlers: RefCell::new([None, None]),
        })))
    }

    /// Posts `[kind, text]` from `side` to the other side; it holds the clock until it
    /// arrives.
    pub(crate) fn post(&self, from: Side, kind: &str, text: &str) {
        let message: js_sys::Array = [JsValue::from_str(kind), JsValue::from_str(text)]
            .into_iter()
            .collect();
        let run = self.0.run.upgrade();
        if self.0.ports[from.index()].post_message(&message).is_err() {
            return; // a port that cannot post is a closed one: nothing would arrive
        }
        self.0.in_transit.set(self.0.in_transit.get() + 1);
        if let Some(run) = run {
            run.io_wait_begin();
        }
    }

    /// Calls `f(kind, text)` on `side` for each message the other side posts, once it
    /// arrives.
    pub(crate) fn listen(&self, at: Side, mut f: impl FnMut(&str, String) + 'static) {
        let weak = Rc::downgrade(&self.0);
        let handler = OnMessage::new(move |event: web_sys::MessageEvent| {
            let Some(inner) = weak.upgrade() else { return };
            inner.arrived();
            let data = event.data();
            let part = |i| {
                js_sys::Reflect::get_u32(&data, i)
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            f(&part(0), part(1));
        });
        self.0.ports[at.index()].set_onmessage(Some(handler.as_ref().unchecked_ref()));
        self.0.handlers.borrow_mut()[at.index()] = Some(handler);
    }
}

impl Inner {
    fn arrived(&self) {
        self.in_transit.set(self.in_transit.get().saturating_sub(1));
        if let Some(run) = self.run.upgrade() {
            run.io_wait_end();
        }
    }
}

impl Drop for Wire {
    fn drop(&mut self) {
        for port in &self.0.ports {
            port.set_onmessage(None);
            port.close();
        }
        while self.0.in_transit.get() > 0 {
            self.0.arrived();
        }
    }
}
