//! `aiohttp.web`'s part: an [`Application`] whose router takes handlers by method and path
//! (`app.router.add_get('/', hello)`), and `web.Response(text=..., status=...)`. aiohttp
//! runs its own server, not ASGI; here the page's server calls the application the ASGI way,
//! which changes nothing a client sees: aiohttp's `404: Not Found` and `405: Method Not
//! Allowed` bodies included.

use std::future::Future as StdFuture;

use super::http::{self, reason, METHODS};
use super::server::App;
use super::starlette::{endpoint, router, Endpoint, Request, Response, Route};
use crate::runtime::{Error, Result};

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

    /// `app.router.add_route(method, path, handler)` (`add_post`, `add_put`, …), for a handler
    /// made by [`endpoint`]: `GET` takes `HEAD` too, as aiohttp's `add_get` does, and `*` takes
    /// any method. A method HTTP has not is the `ValueError` aiohttp raises.
    pub fn add_route(&mut self, method: &str, path: &str, handler: Endpoint) -> Result<()> {
        let route = Route::new(path, handler)?;
        let route = if method == "*" {
            route.methods(&METHODS)
        } else {
            let Some(method) = http::method(method) else {
                return Err(Error::raised(format!(
                    "ValueError: {method} is not allowed HTTP method"
                )));
            };
            route.methods(&[method])
        };
        self.routes.push(route);
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

/// What aiohttp answers when a handler raises: `500`, with its own words (it logs the
/// traceback as "Error handling request").
pub fn server_error() -> Response {
    Response::plain("500 Internal Server Error\n\nServer got itself in trouble").status(500)
}
