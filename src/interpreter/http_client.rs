//! Where the program's HTTP clients (aiohttp's, httpx's) send a request: to one of the page's
//! servers when one listens on the URL's port of this machine, else with the browser's
//! `fetch`. The course's listings call this app's own server `http://localhost:8080/`: unless a
//! server of the page listens there, a GET of a URL under it is a file of the page's own
//! directory, where the app serves its samples.

use std::cell::RefCell;

use crate::runtime::web::client::{self, local_target};
use crate::runtime::web::server::listening;
use crate::runtime::Error;

/// The server the course's listings name: this app itself.
const APP_SERVER: &str = "http://localhost:8080/";

thread_local! {
    /// Where [`APP_SERVER`] is: the page's own directory (`""`) unless told otherwise.
    static APP_BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Serves the listings' `http://localhost:8080/` from `base` instead of the page's own
/// directory (the browser tests' fixture server, which has the app's samples).
pub fn serve_app_server_from(base: &str) {
    APP_BASE.with(|b| *b.borrow_mut() = base.to_string());
}

/// Where a listing's URL is fetched from: under [`APP_SERVER`], the app's own files.
pub(super) fn app_url(url: &str) -> String {
    match url.strip_prefix(APP_SERVER) {
        Some(path) => APP_BASE.with(|b| format!("{}{path}", b.borrow())),
        None => url.to_string(),
    }
}

/// Sends a request and waits for its status and headers.
pub(super) async fn send(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Vec<u8>,
) -> Result<client::Response, Error> {
    // A WSGI server the program made has bound its port: wait until it accepts.
    if let Some((port, _)) = local_target(url) {
        super::threads::bound(port).await;
    }
    let to_page_server =
        local_target(url).is_some_and(|(port, _)| listening(port) || !url.starts_with(APP_SERVER));
    if !to_page_server && method == "GET" {
        return client::fetch_page(&app_url(url)).await;
    }
    let mut request = client::Request::new(method, url).body(body);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    request.send().await
}
