//! `fetch`: HTTP from the page, the browser's twin of `aiohttp`'s `session.get(url)`.
//!
//! [`fetch`] resolves when the response headers arrive; [`Response::chunk`] then reads the body
//! piece by piece as the network delivers it (`response.content.iter_chunked`), recording the
//! bytes received so far in the Trace, and [`Response::read`] / [`Response::text`] read all of
//! it. Dropping the request or the response (Stop, a cancelled task) aborts the download with
//! an `AbortController`. Failures are errors with a message a learner can act on: an HTTP
//! status, a network error, or a cross-origin refusal.

use std::rc::Rc;

use super::Error;

/// Why a URL cannot be fetched at all, before any request is made; `None` if it can.
///
/// Relative URLs (the app's own sample files) are fine; anything that is not http or https
/// after resolving (`javascript:`, `data:`, `file:`) is refused, as the playground promises.
pub fn check_url(url: &str, base: &str) -> Result<String, Error> {
    let url = url.trim();
    if url.is_empty() {
        return Err(Error::raised("empty URL: there is nothing to download"));
    }
    let resolved = resolve(url, base)
        .ok_or_else(|| Error::raised(format!("not a URL the browser understands: {url}")))?;
    let scheme = resolved.split(':').next().unwrap_or_default();
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(Error::raised(format!(
            "only http and https URLs are downloaded, not {scheme}: ({url})"
        )));
    }
    Ok(resolved)
}

#[cfg(target_arch = "wasm32")]
fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|u| u.href())
}

/// Natively a URL is resolved only far enough to check its scheme.
#[cfg(not(target_arch = "wasm32"))]
fn resolve(url: &str, base: &str) -> Option<String> {
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme {
        Some(url.to_string())
    } else {
        Some(format!(
            "{}/{}",
            base.trim_end_matches('/'),
            url.trim_start_matches('/')
        ))
    }
}

/// The last part of a URL's path: the file name a download is saved as
/// (`url.rsplit('/')[-1]` in the course).
pub fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    match path.trim_end_matches('/').rsplit('/').next() {
        Some(name) if !name.is_empty() => name,
        _ => url,
    }
}

/// The message for a request the browser refused without a status: it never says whether the
/// network failed or a cross-origin server did not allow the read (CORS), so neither do we,
/// except that a same-origin request cannot be a CORS refusal.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn network_message(url: &str, same_origin: bool) -> Rc<str> {
    if same_origin {
        Rc::from(format!("network error: could not reach {url}"))
    } else {
        Rc::from(format!(
            "network error or CORS refusal (the browser does not say which): {url}"
        ))
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch, Response};
#[cfg(target_arch = "wasm32")]
pub(crate) use browser::{send, Sending};

#[cfg(not(target_arch = "wasm32"))]
pub use native::{fetch, Response};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::rc::Rc;

    use wasm_bindgen::JsCast;

    use super::super::io::{js, IoOp};
    use super::super::web::transit::Transit;
    use super::{check_url, network_message, Error};
    use crate::trace::IoKind;

    /// An HTTP response whose body has not been read yet.
    pub struct Response {
        url: Rc<str>,
        status: u16,
        status_text: String,
        total: Option<u64>,
        headers: web_sys::Headers,
        reader: Option<web_sys::ReadableStreamDefaultReader>,
        received: u64,
        op: Option<IoOp>,
        controller: web_sys::AbortController,
        transit: Option<Rc<Transit>>,
    }

    /// `await session.get(url)`: sends a GET request and waits for the response headers.
    ///
    /// An HTTP error status is still a response (check [`Response::status`], or use
    /// [`Response::error_for_status`], the twin of `raise_for_status()`); a bad URL, a network
    /// error or a CORS refusal is an `Err`.
    pub async fn fetch(url: &str) -> Result<Response, Error> {
        let window = web_sys::window().ok_or_else(|| Error::raised("fetch needs a page"))?;
        let base = window.location().href().unwrap_or_default();
        let resolved = check_url(url, &base)?;
        let sending = Sending {
            method: "GET",
            headers: &[],
            body: &[],
            transit: None,
        };
        send(url, &resolved, sending).await
    }

    /// What a request sends besides its URL.
    pub(crate) struct Sending<'a> {
        pub(crate) method: &'a str,
        pub(crate) headers: &'a [(String, String)],
        pub(crate) body: &'a [u8],
        /// Set for a request to the page's own server: its awaits then leave the virtual
        /// clock to the transit (`web::transit`).
        pub(crate) transit: Option<Rc<Transit>>,
    }

    /// Sends a request to `resolved` (a checked URL; `url` is how the lesson wrote it) and
    /// waits for the response headers.
    pub(crate) async fn send(
        url: &str,
        resolved: &str,
        sending: Sending<'_>,
    ) -> Result<Response, Error> {
        let window = web_sys::window().ok_or_else(|| Error::raised("fetch needs a page"))?;
        let origin = window.location().origin().unwrap_or_default();
        let same_origin = resolved.starts_with(&format!("{origin}/"));
        let label = if sending.method == "GET" {
            url.trim().to_string()
        } else {
            format!("{} {}", sending.method, url.trim())
        };
        let op = IoOp::begin(IoKind::Fetch, label)?;
        let controller =
            web_sys::AbortController::new().map_err(|e| Error::raised(js::message(&e)))?;
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        init.set_method(sending.method);
        let headers = web_sys::Headers::new().map_err(|e| Error::raised(js::message(&e)))?;
        for (name, value) in sending.headers {
            headers
                .append(name, value)
                .map_err(|e| Error::raised(js::message(&e)))?;
        }
        init.set_headers(&headers);
        if !sending.body.is_empty() {
            let body = js_sys::Uint8Array::from(sending.body);
            init.set_body(&body);
        }
        let promise = window.fetch_with_str_and_init(resolved, &init);
        let transit = sending.transit;
        let sent = if transit.is_some() {
            op.wait_without_holding(js::Promise::new(promise)).await
        } else {
            op.wait(js::Promise::new(promise)).await
        };
        let response = match sent {
            Ok(value) => value.unchecked_into::<web_sys::Response>(),
            Err(Error::Cancelled) => {
                controller.abort();
                return Err(Error::Cancelled);
            }
            Err(_) => {
                let error = match &transit {
                    Some(_) => Error::raised(format!(
                        "ServerDisconnectedError: the server closed the connection: {}",
                        url.trim()
                    )),
                    None => Error::Raised(network_message(url.trim(), same_origin)),
                };
                op.end(Some(&error));
                return Err(error);
            }
        };
        if let Some(transit) = &transit {
            transit.head_read();
        }
        op.status(response.status());
        let headers = response.headers();
        let total = headers
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse::<u64>().ok());
        let reader = response
            .body()
            .and_then(|body| body.get_reader().dyn_into().ok());
        Ok(Response {
            url: Rc::from(url.trim()),
            status: response.status(),
            status_text: response.status_text(),
            total,
            headers,
            reader,
            received: 0,
            op: Some(op),
            controller,
            transit,
        })
    }

    impl Response {
        /// The HTTP status (`200`, `404`...).
        pub fn status(&self) -> u16 {
            self.status
        }

        /// Whether the status is 2xx.
        pub fn ok(&self) -> bool {
            (200..300).contains(&self.status)
        }

        /// Every header the page may read, in order, names in lower case.
        pub fn headers(&self) -> Vec<(String, String)> {
            js::pairs(&self.headers)
        }

        /// The body's length from `Content-Length`, when the server sent it.
        pub fn content_length(&self) -> Option<u64> {
            self.total
        }

        /// A response header by name, in any case (`response.headers['content-type']`), or
        /// `None` if the server did not send it. A cross-origin page reads only the headers
        /// its server exposes (CORS); `Content-Type` and `Content-Length` always are.
        pub fn header(&self, name: &str) -> Option<String> {
            self.headers.get(name).ok().flatten()
        }

        /// The response itself if its status is 2xx, else an error naming the status:
        /// `response.raise_for_status()`.
        pub fn error_for_status(mut self) -> Result<Self, Error> {
            if self.ok() {
                return Ok(self);
            }
            let error = Error::HttpStatus {
                status: self.status,
                reason: Rc::from(
                    crate::runtime::web::http::reason(self.status).unwrap_or(&self.status_text),
                ),
                url: self.url.clone(),
            };
            if let Some(op) = self.op.take() {
                op.end(Some(&error));
            }
            Err(error)
        }

        /// The next piece of the body as the network delivers it, `None` at the end:
        /// `response.content.iter_chunked(...)`. Each piece is recorded as progress.
        pub async fn chunk(&mut self) -> Result<Option<Vec<u8>>, Error> {
            let (Some(reader), Some(op)) = (&self.reader, &self.op) else {
                return Ok(None);
            };
            let read = if self.transit.is_some() {
                op.wait_without_holding(js::Promise::new(reader.read()))
                    .await
            } else {
                op.wait(js::Promise::new(reader.read())).await
            };
            let value = match read {
                Ok(value) => value,
                Err(Error::Cancelled) => return Err(Error::Cancelled),
                Err(_) => {
                    let error = Error::raised(format!(
                        "the connection broke after {} bytes: {}",
                        self.received, self.url
                    ));
                    if let Some(op) = self.op.take() {
                        op.end(Some(&error));
                    }
                    return Err(error);
                }
            };
            if js::get(&value, "done").as_bool().unwrap_or(true) {
                self.reader = None;
                if let Some(transit) = &self.transit {
                    transit.end_read();
                }
                if let Some(op) = self.op.take() {
                    op.end(None);
                }
                return Ok(None);
            }
            let bytes = js_sys::Uint8Array::new(&js::get(&value, "value")).to_vec();
            self.received += bytes.len() as u64;
            if let Some(transit) = &self.transit {
                transit.read(bytes.len() as u64);
            }
            op.progress(self.received, self.total);
            Ok(Some(bytes))
        }

        /// The whole body: `await response.read()`.
        pub async fn read(mut self) -> Result<Vec<u8>, Error> {
            let mut body = Vec::new();
            while let Some(chunk) = self.chunk().await? {
                body.extend_from_slice(&chunk);
            }
            Ok(body)
        }

        /// The whole body as text (UTF-8, invalid bytes replaced): `await response.text()`.
        pub async fn text(self) -> Result<String, Error> {
            let body = self.read().await?;
            Ok(String::from_utf8_lossy(&body).into_owned())
        }
    }

    impl Drop for Response {
        fn drop(&mut self) {
            // A body nobody finished reading: stop the download, as closing an aiohttp
            // response does. The op, dropped with it, records the fetch as cancelled.
            if self.op.is_some() {
                self.controller.abort();
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::Error;

    /// A response (natively there is no browser to fetch with, so there are none).
    pub struct Response {
        _private: (),
    }

    /// Natively there is no browser: every fetch fails with a message saying so.
    pub async fn fetch(url: &str) -> Result<Response, Error> {
        super::check_url(url, "http://localhost")?;
        Err(Error::raised("fetch needs a browser"))
    }

    impl Response {
        /// The HTTP status.
        pub fn status(&self) -> u16 {
            0
        }
        /// Whether the status is 2xx.
        pub fn ok(&self) -> bool {
            false
        }
        /// The body's declared length.
        pub fn content_length(&self) -> Option<u64> {
            None
        }
        /// See the browser version.
        pub fn headers(&self) -> Vec<(String, String)> {
            Vec::new()
        }
        /// A response header.
        pub fn header(&self, _name: &str) -> Option<String> {
            None
        }
        /// See the browser version.
        pub fn error_for_status(self) -> Result<Self, Error> {
            Err(Error::raised("fetch needs a browser"))
        }
        /// See the browser version.
        pub async fn chunk(&mut self) -> Result<Option<Vec<u8>>, Error> {
            Ok(None)
        }
        /// See the browser version.
        pub async fn read(self) -> Result<Vec<u8>, Error> {
            Ok(Vec::new())
        }
        /// See the browser version.
        pub async fn text(self) -> Result<String, Error> {
            Ok(String::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{check_url, file_name};

    #[test]
    fn urls_are_checked_before_any_request() {
        let base = "http://localhost:8080/index.html";
        assert!(check_url("", base)
            .unwrap_err()
            .to_string()
            .contains("empty URL"));
        assert!(check_url("   ", base).is_err());
        let js = check_url("javascript:alert(1)", base)
            .unwrap_err()
            .to_string();
        assert!(js.contains("only http and https"), "{js}");
        assert!(check_url("data:text/plain,hi", base).is_err());
        assert!(check_url("file:///etc/passwd", base).is_err());
        assert!(check_url("samples/a.png", base).is_ok());
        assert!(check_url("https://example.com/x.jpg", base).is_ok());
        assert!(check_url("HTTP://example.com/x.jpg", base).is_ok());
    }

    #[test]
    fn file_names_are_the_last_path_part() {
        assert_eq!(file_name("samples/cat.png"), "cat.png");
        assert_eq!(file_name("https://a.b/c/d.jpg?x=1#y"), "d.jpg");
        assert_eq!(file_name("https://a.b/dir/"), "dir");
        assert_eq!(file_name("x"), "x");
    }
}
