//! Requests the learner sends by hand from the page (the client pane, its load generator):
//! the browser is the client here, not a task of the run. With the Service Worker it is a
//! plain `fetch` of the server's browser URL; without one the request goes to the server
//! straight in the page. Either way what comes back is told to a callback, piece by piece.

use std::rc::Rc;

use super::exchange::Responder;
use super::server::{deliver, listening, Arrived};

/// What the client hears of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heard {
    /// The status and headers.
    Head {
        /// The status.
        status: u16,
        /// The headers, names in lower case.
        headers: Vec<(String, String)>,
    },
    /// A piece of the body.
    Chunk(Vec<u8>),
    /// The end of the body.
    End,
    /// No answer, or the connection broke: why.
    Failed(String),
}

/// The message for a port nobody listens on.
pub fn nothing_listens(port: u16) -> String {
    format!("connection refused: nothing listens on port {port} (press Run first)")
}

/// Sends `method target` (`/about/x?q=1`) with `body` to the page's server on `port`, and tells
/// `heard` each piece of the answer as it comes.
pub fn send(method: &str, port: u16, target: &str, body: Vec<u8>, heard: impl Fn(Heard) + 'static) {
    let heard: Rc<dyn Fn(Heard)> = Rc::new(heard);
    let target = if target.starts_with('/') {
        target.to_string()
    } else {
        format!("/{target}")
    };
    #[cfg(target_arch = "wasm32")]
    if let Some(url) = super::bridge::browser_url(port, &target) {
        browser::fetch(method.to_string(), url, body, heard);
        return;
    }
    if !listening(port) {
        heard(Heard::Failed(nothing_listens(port)));
        return;
    }
    let arrived = Arrived {
        method: method.to_string(),
        target,
        headers: Vec::new(),
        body,
    };
    if deliver(port, arrived, Box::new(Told(heard.clone()))).is_err() {
        heard(Heard::Failed(nothing_listens(port)));
    }
}

/// A responder that tells the callback.
struct Told(Rc<dyn Fn(Heard)>);

impl Responder for Told {
    fn head(&self, status: u16, headers: &[(String, String)]) {
        (self.0)(Heard::Head {
            status,
            headers: headers.to_vec(),
        });
    }
    fn chunk(&self, bytes: &[u8]) {
        (self.0)(Heard::Chunk(bytes.to_vec()));
    }
    fn end(&self) {
        (self.0)(Heard::End);
    }
    fn fail(&self, message: &str) {
        (self.0)(Heard::Failed(message.to_string()));
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::Heard;
    use crate::runtime::io::js;

    /// A real `fetch` of the server's browser URL, read piece by piece.
    pub(super) fn fetch(method: String, url: String, body: Vec<u8>, heard: Rc<dyn Fn(Heard)>) {
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(message) = read(&method, &url, &body, &*heard).await {
                heard(Heard::Failed(message));
            }
        });
    }

    async fn read(
        method: &str,
        url: &str,
        body: &[u8],
        heard: &dyn Fn(Heard),
    ) -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        let init = web_sys::RequestInit::new();
        init.set_method(method);
        if !body.is_empty() {
            init.set_body(&js_sys::Uint8Array::from(body));
        }
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|e| format!("network error: nothing answered ({})", js::message(&e)))?;
        let response: web_sys::Response = response.unchecked_into();
        let headers = js::pairs(&response.headers());
        heard(Heard::Head {
            status: response.status(),
            headers,
        });
        let Some(stream) = response.body() else {
            heard(Heard::End);
            return Ok(());
        };
        let reader: web_sys::ReadableStreamDefaultReader = stream
            .get_reader()
            .dyn_into()
            .map_err(|_| "the body cannot be read".to_string())?;
        loop {
            let read = JsFuture::from(reader.read())
                .await
                .map_err(|e| format!("the connection broke: {}", js::message(&e)))?;
            if js::get(&read, "done").as_bool().unwrap_or(true) {
                heard(Heard::End);
                return Ok(());
            }
            heard(Heard::Chunk(
                js_sys::Uint8Array::new(&js::get(&read, "value")).to_vec(),
            ));
        }
    }
}
