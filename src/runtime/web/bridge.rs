//! Whether the page's servers are reached through the Service Worker, and the page's side of
//! it: requests the worker posts become [`deliver`](super::server::deliver) calls, and the
//! server's answer goes back through the request's `MessagePort` (`bridge.js`, `sw.js`).
//!
//! The worker is started once, by the first server that listens. If the browser refuses
//! (a private window, a sandboxed frame, no `sw.js` beside the page), the page's servers
//! still answer its own clients, straight in the page; [`in_page_reason`] says why.

use std::cell::RefCell;
use std::rc::Rc;

/// How the page's servers are reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Through the Service Worker: real HTTP requests to this URL prefix, then the port.
    ServiceWorker {
        /// `https://site/app/http/<page>/`.
        base: Rc<str>,
    },
    /// Straight in the page, for this reason.
    InPage {
        /// Why the browser gave the page no Service Worker.
        reason: Rc<str>,
    },
}

thread_local! {
    static MODE: RefCell<Option<Mode>> = const { RefCell::new(None) };
}

/// How the page's servers are reached, once the first one has started.
pub fn mode() -> Option<Mode> {
    MODE.with(|m| m.borrow().clone())
}

/// The URL prefix of the page's servers through the Service Worker, if it runs.
pub fn base() -> Option<Rc<str>> {
    match mode()? {
        Mode::ServiceWorker { base } => Some(base),
        Mode::InPage { .. } => None,
    }
}

/// Why the page's servers are reached in the page, not through the Service Worker.
pub fn in_page_reason() -> Option<Rc<str>> {
    match mode()? {
        Mode::InPage { reason } => Some(reason),
        Mode::ServiceWorker { .. } => None,
    }
}

/// The URL a browser (an address bar, an iframe, `fetch`) uses for `path` on the page's
/// server on `port`, when the Service Worker runs.
pub fn browser_url(port: u16, path: &str) -> Option<String> {
    base().map(|base| format!("{base}{port}/{}", path.trim_start_matches('/')))
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) async fn ready() -> crate::runtime::Result<()> {
    MODE.with(|m| {
        m.borrow_mut().get_or_insert(Mode::InPage {
            reason: Rc::from("there is no browser here"),
        });
    });
    Ok(())
}

#[cfg(target_arch = "wasm32")]
pub(super) use browser::{ready, salt};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::rc::Rc;

    use super::super::exchange::Responder;
    use super::super::server::{deliver, Arrived};
    use super::{Mode, MODE};
    use crate::runtime::io::{js, IoOp};
    use crate::runtime::{IoKind, Result};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/runtime/web/bridge.js")]
    extern "C" {
        fn bridge_start(script: &str, on_request: &JsValue, timeout_ms: u32) -> js_sys::Promise;
        fn reply_head(port: &web_sys::MessagePort, status: u16, headers: &js_sys::Array);
        fn reply_chunk(port: &web_sys::MessagePort, bytes: &js_sys::Uint8Array);
        fn reply_end(port: &web_sys::MessagePort);
        fn reply_fail(port: &web_sys::MessagePort, message: &str);
        fn reply_refused(port: &web_sys::MessagePort);
        fn on_client_left(port: &web_sys::MessagePort, callback: JsValue);
    }

    /// The worker's file, beside the page (a file of the build: `assets/sw.js`).
    const SCRIPT: &str = "sw.js";

    /// How long starting the worker may take before the page answers in-page instead.
    const TIMEOUT_MS: u32 = 5_000;

    thread_local! {
        static SALT: Rc<str> = Rc::from(format!("{:08x}", (js_sys::Math::random() * 4294967295.0) as u32));
    }

    /// A random tag of this page, so another page's request never claims one of ours.
    pub(in crate::runtime::web) fn salt() -> Rc<str> {
        SALT.with(Rc::clone)
    }

    /// Starts the Service Worker once (the first server to listen waits for it; on the
    /// virtual clock this takes no time) and records the [`Mode`].
    pub(in crate::runtime::web) async fn ready() -> Result<()> {
        if super::mode().is_some() {
            return Ok(());
        }
        let on_request = Closure::<
            dyn FnMut(String, String, js_sys::Array, js_sys::Uint8Array, web_sys::MessagePort),
        >::new(
            |method: String,
             url: String,
             headers: js_sys::Array,
             body: js_sys::Uint8Array,
             port: web_sys::MessagePort| {
                arrived(method, url, headers, body.to_vec(), port);
            },
        );
        // One handler for the page's lifetime: JavaScript owns it from here.
        let on_request = on_request.into_js_value();
        let op = IoOp::begin(IoKind::Http, "starting the Service Worker")?;
        let started = op
            .wait(js::Promise::new(bridge_start(
                SCRIPT,
                &on_request,
                TIMEOUT_MS,
            )))
            .await;
        let started = match started {
            Ok(value) => value,
            Err(error) => {
                op.end(Some(&error));
                return Err(error);
            }
        };
        op.end(None);
        let mode = match js::get(&started, "base").as_string() {
            Some(base) => Mode::ServiceWorker {
                base: Rc::from(base),
            },
            None => Mode::InPage {
                reason: Rc::from(
                    js::get(&started, "error")
                        .as_string()
                        .unwrap_or_else(|| "the Service Worker did not start".into()),
                ),
            },
        };
        MODE.with(|m| *m.borrow_mut() = Some(mode));
        Ok(())
    }

    /// A request the worker posted: hands it to the server on its port.
    fn arrived(
        method: String,
        url: String,
        headers: js_sys::Array,
        body: Vec<u8>,
        port: web_sys::MessagePort,
    ) {
        let Some(base) = super::base() else {
            reply_refused(&port);
            return;
        };
        let Some((server_port, target)) = url.strip_prefix(&*base).and_then(split_port) else {
            reply_refused(&port);
            return;
        };
        let headers = js::pairs(&headers);
        let request = Arrived {
            method,
            target,
            headers,
            body,
        };
        match deliver(server_port, request, Box::new(PortResponder(port.clone()))) {
            Err(_) => reply_refused(&port),
            Ok(exchange) => {
                let exchange = Rc::downgrade(&exchange);
                let left = Closure::once_into_js(move || {
                    if let Some(exchange) = exchange.upgrade() {
                        exchange.client_left();
                    }
                });
                on_client_left(&port, left);
            }
        }
    }

    /// `5000/about/x?q=1` → `(5000, "/about/x?q=1")`.
    fn split_port(rest: &str) -> Option<(u16, String)> {
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let port = rest[..end].parse().ok()?;
        let target = &rest[end..];
        Some((
            port,
            if target.starts_with('/') {
                target.to_string()
            } else {
                format!("/{target}")
            },
        ))
    }

    /// Answers through the request's port.
    struct PortResponder(web_sys::MessagePort);

    impl Responder for PortResponder {
        fn head(&self, status: u16, headers: &[(String, String)]) {
            let list: js_sys::Array = headers
                .iter()
                .map(|(n, v)| -> JsValue {
                    [JsValue::from_str(n), JsValue::from_str(v)]
                        .into_iter()
                        .collect::<js_sys::Array>()
                        .into()
                })
                .collect();
            reply_head(&self.0, status, &list);
        }
        fn chunk(&self, bytes: &[u8]) {
            reply_chunk(&self.0, &js_sys::Uint8Array::from(bytes));
        }
        fn end(&self) {
            reply_end(&self.0);
        }
        fn fail(&self, message: &str) {
            reply_fail(&self.0, message);
        }
    }
}
