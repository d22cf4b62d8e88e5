//! `aiohttp.web`'s part: an [`Application`] whose router takes handlers by method and path
//! (`app.router.add_get('/', hello)`), and `web.Response(text=..., status=...)`. aiohttp
//! runs its own server, not ASGI; here the page's server calls the application the ASGI way,
//! which changes nothing a client sees: aiohttp's `404: Not Found` and `405: Method Not
//! Allowed` bodies included.

use std::future::Future as StdFuture;

use super::http::reason;
use super::server::App;
use super::starlette::{endpoint, router, Request, Response, Route};
use crate::runtime::Result;

/// `web.Application()`.
#[derive(Default)]
pub struct Application {
    routes: Vec<Route>,
}

impl Application {
    /// An application with no routes.
    pub fn new() -> Application {
        Application::default()
    }

    /// `app.router.add_get(path, handler)`; a malformed path is the error aiohttp raises.
    pub fn add_get<F, Fut>(&mut self, path: &str, handler: F) -> Result<()>
    where
        F: Fn(Request) -> Fut + 'static,
        Fut: StdFuture<Output = Result<Response>> + 'static,
    {
        self.routes.push(Route::new(path, endpoint(handler))?);
        Ok(())
    }

    /// The application, for the server (`web.run_app(app)`).
    pub fn into_app(self) -> App {
        router(self.routes, refusal)
    }
}

/// aiohttp's refusal: `404: Not Found`, `405: Method Not Allowed`, as plain text.
fn refusal(status: u16) -> Response {
    let reason = reason(status).unwrap_or_default();
    Response::plain(format!("{status}: {reason}")).status(status)
}

/// `web.Response(text=text)`: `text/plain; charset=utf-8`, status 200; chain
/// [`Response::status`] and [`Response::media_type`] for `status=` and `content_type=`.
pub fn response(text: impl Into<String>) -> Response {
    Response::plain(text)
}
