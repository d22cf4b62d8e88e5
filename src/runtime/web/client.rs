//! The client side of the page's servers: what a lesson's `aiohttp` or `httpx` client does
//! when it asks `http://127.0.0.1:5000/`.
//!
//! A URL on `127.0.0.1` or `localhost` with a port names one of the page's own servers (a
//! page cannot reach the reader's machine, and must not try). With a Service Worker the
//! request is a real `fetch` of the worker's address for that server, so what travels is
//! HTTP; without one it goes to the server straight, in the page. Any other URL is an
//! ordinary `fetch`.

use std::rc::{Rc, Weak};

use super::exchange::{Exchange, Responder};
use super::mailbox::Mailbox;
use super::server::{deliver, listening, Arrived, HOST};
use crate::runtime::{Error, Result};

/// The port and the path-and-query of a URL on this machine (`http://127.0.0.1:5000/a?b`),
/// or `None` for any other URL.
pub fn local_target(url: &str) -> Option<(u16, String)> {
    let rest = url.trim().strip_prefix("http://")?;
    let (authority, target) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (host, port) = authority.rsplit_once(':')?;
    if host != HOST && !host.eq_ignore_ascii_case("localhost") {
        return None;
    }
    let port: u16 = port.parse().ok()?;
    let target = target.split('#').next().unwrap_or("/");
    let target = if target.starts_with('/') {
        target.to_string()
    } else {
        format!("/{target}")
    };
    Some((port, target))
}

/// The error a client gets when nothing listens on the port (aiohttp's words).
pub fn refused(port: u16) -> Error {
    Error::raised(format!(
        "ClientConnectorError: Cannot connect to host {HOST}:{port} [Connect call failed ('{HOST}', {port})]"
    ))
}

/// A request to send: `session.get(url)`, `session.post(url, json=...)`.
pub struct Request {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// `GET url`.
pub fn get(url: &str) -> Request {
    Request::new("GET", url)
}

/// `POST url`.
pub fn post(url: &str) -> Request {
    Request::new("POST", url)
}

impl Request {
    /// A request with any method.
    pub fn new(method: &str, url: &str) -> Request {
        Request {
            method: method.to_string(),
            url: url.trim().to_string(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// The body, as bytes or text.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Request {
        self.body = body.into();
        self
    }

    /// A JSON body (already serialised), with its content type: `json=...`.
    pub fn json(self, text: &str) -> Request {
        self.header("content-type", "application/json").body(text)
    }

    /// Sends it and waits for the status and headers.
    pub async fn send(self) -> Result<Response> {
        let Some((port, target)) = local_target(&self.url) else {
            return self.send_out().await;
        };
        if !listening(port) {
            return Err(refused(port));
        }
        #[cfg(target_arch = "wasm32")]
        if let Some(base) = super::bridge::base() {
            return self.send_through_worker(&base, port, &target).await;
        }
        self.send_in_page(port, target).await
    }

    /// Straight to the server, in the page: no Service Worker.
    async fn send_in_page(self, port: u16, target: String) -> Result<Response> {
        let pieces = Rc::new(Pieces::default());
        let arrived = Arrived {
            method: self.method,
            target,
            headers: self.headers,
            body: self.body,
        };
        let exchange = match deliver(port, arrived, Box::new(InPage(pieces.clone()))) {
            Ok(exchange) => exchange,
            Err(_) => return Err(refused(port)),
        };
        let (status, headers) = loop {
            match pieces.next().await? {
                Piece::Head(status, headers) => break (status, headers),
                Piece::Fail(message) => return Err(Error::raised(message)),
                Piece::Chunk(_) | Piece::End => {}
            }
        };
        Ok(Response {
            status,
            headers,
            body: Body::InPage {
                pieces,
                exchange: Rc::downgrade(&exchange),
                ended: false,
            },
            partial: Vec::new(),
        })
    }

    #[cfg(target_arch = "wasm32")]
    async fn send_through_worker(self, base: &str, port: u16, target: &str) -> Result<Response> {
        let (run, _) = crate::runtime::executor::current().ok_or(Error::NoRunningLoop)?;
        let transit = super::transit::Transit::begin(&run, &super::bridge::salt());
        let url = format!("{base}{port}{target}");
        let mut headers = self.headers;
        headers.push((super::transit::HEADER.to_string(), transit.id().to_string()));
        let sending = crate::runtime::fetch::Sending {
            method: &self.method,
            headers: &headers,
            body: &self.body,
            transit: Some(transit),
        };
        let response = crate::runtime::fetch::send(&self.url, &url, sending).await?;
        Ok(Response::fetched(response))
    }

    #[cfg(target_arch = "wasm32")]
    async fn send_out(self) -> Result<Response> {
        let window = web_sys::window().ok_or_else(|| Error::raised("fetch needs a page"))?;
        let base = window.location().href().unwrap_or_default();
        let resolved = crate::runtime::fetch::check_url(&self.url, &base)?;
        let sending = crate::runtime::fetch::Sending {
            method: &self.method,
            headers: &self.headers,
            body: &self.body,
            transit: None,
        };
        let response = crate::runtime::fetch::send(&self.url, &resolved, sending).await?;
        Ok(Response::fetched(response))
    }

    #[cfg(not(target_arch = "wasm32"))]
    async fn send_out(self) -> Result<Response> {
        crate::runtime::fetch::check_url(&self.url, "http://localhost")?;
        Err(Error::raised("fetch needs a browser"))
    }
}

/// `GET url` with the browser's `fetch`, whatever listens on the page's ports: for a client
/// that maps an address onto the page's own files (the listings' `http://localhost:8080/`).
pub async fn fetch_page(url: &str) -> Result<Response> {
    let response = crate::runtime::fetch(url).await?;
    #[cfg(target_arch = "wasm32")]
    return Ok(Response::fetched(response));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = response;
        Err(Error::raised("fetch needs a browser"))
    }
}

/// A response whose body may still be coming.
pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Body,
    /// Bytes read past the last whole line (for [`Response::line`]).
    partial: Vec<u8>,
}

enum Body {
    InPage {
        pieces: Rc<Pieces>,
        exchange: Weak<Exchange>,
        ended: bool,
    },
    #[cfg(target_arch = "wasm32")]
    Fetched(crate::runtime::fetch::Response),
}

impl Response {
    #[cfg(target_arch = "wasm32")]
    fn fetched(response: crate::runtime::fetch::Response) -> Response {
        Response {
            status: response.status(),
            headers: response.headers(),
            body: Body::Fetched(response),
            partial: Vec::new(),
        }
    }

    /// The status: `resp.status`.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Every header, in the order received: `resp.headers`.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// A header by name, in any case: `resp.headers['content-type']`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The next piece of the body as it arrives, `None` at the end:
    /// `resp.content.iter_any()`.
    pub async fn chunk(&mut self) -> Result<Option<Vec<u8>>> {
        match &mut self.body {
            Body::InPage { pieces, ended, .. } => {
                if *ended {
                    return Ok(None);
                }
                loop {
                    match pieces.next().await? {
                        Piece::Chunk(bytes) => return Ok(Some(bytes)),
                        Piece::End => {
                            *ended = true;
                            return Ok(None);
                        }
                        Piece::Fail(message) => {
                            *ended = true;
                            return Err(Error::raised(message));
                        }
                        Piece::Head(..) => {}
                    }
                }
            }
            #[cfg(target_arch = "wasm32")]
            Body::Fetched(response) => response.chunk().await,
        }
    }

    /// The next line of the body as soon as it is whole, without its line break; the rest
    /// after the last break at the end; `None` after that: httpx's `resp.aiter_lines()`.
    pub async fn line(&mut self) -> Result<Option<String>> {
        loop {
            if let Some(end) = self.partial.iter().position(|b| *b == b'\n') {
                let rest = self.partial.split_off(end + 1);
                let mut line = std::mem::replace(&mut self.partial, rest);
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Some(String::from_utf8_lossy(&line).into_owned()));
            }
            match self.chunk().await? {
                Some(bytes) => self.partial.extend_from_slice(&bytes),
                None if self.partial.is_empty() => return Ok(None),
                None => {
                    let line = std::mem::take(&mut self.partial);
                    return Ok(Some(String::from_utf8_lossy(&line).into_owned()));
                }
            }
        }
    }

    /// The whole body: `await resp.read()`.
    pub async fn read(mut self) -> Result<Vec<u8>> {
        let mut body = std::mem::take(&mut self.partial);
        while let Some(chunk) = self.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// The whole body as text: `await resp.text()`.
    pub async fn text(self) -> Result<String> {
        let body = self.read().await?;
        Ok(String::from_utf8_lossy(&body).into_owned())
    }
}

impl Drop for Response {
    fn drop(&mut self) {
        // A response dropped before its end: the client leaves, and the server's `receive()`
        // says `http.disconnect`.
        if let Body::InPage {
            exchange,
            ended: false,
            ..
        } = &self.body
        {
            if let Some(exchange) = exchange.upgrade() {
                exchange.client_left();
            }
        }
    }
}

/// What the server sent an in-page client, in order.
enum Piece {
    Head(u16, Vec<(String, String)>),
    Chunk(Vec<u8>),
    End,
    Fail(String),
}

/// The in-page client's inbox.
type Pieces = Mailbox<Piece>;

/// A responder that hands the pieces to an in-page client.
struct InPage(Rc<Pieces>);

impl Responder for InPage {
    fn head(&self, status: u16, headers: &[(String, String)]) {
        self.0.post(Piece::Head(status, headers.to_vec()));
    }
    fn chunk(&self, bytes: &[u8]) {
        self.0.post(Piece::Chunk(bytes.to_vec()));
    }
    fn end(&self) {
        self.0.post(Piece::End);
    }
    fn fail(&self, message: &str) {
        self.0.post(Piece::Fail(message.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::local_target;

    #[test]
    fn only_this_machine_with_a_port_is_local() {
        assert_eq!(
            local_target("http://127.0.0.1:5000/about/x?q=1#f"),
            Some((5000, "/about/x?q=1".into()))
        );
        assert_eq!(
            local_target("http://localhost:8000"),
            Some((8000, "/".into()))
        );
        assert_eq!(
            local_target("http://127.0.0.1:5000?x=1"),
            Some((5000, "?x=1".replace('?', "/?")))
        );
        assert_eq!(local_target("http://127.0.0.1/"), None);
        assert_eq!(local_target("http://127.0.0.1:99999/"), None);
        assert_eq!(local_target("https://example.com:5000/"), None);
        assert_eq!(local_target("samples/a.png"), None);
    }
}
