//! HTTP servers in the page: the course's web lessons (WSGI, ASGI, uvicorn, Starlette,
//! FastAPI, aiohttp.web) on real HTTP.
//!
//! - [`server`] is uvicorn: it listens on a port of the page and runs each request as a task
//!   that calls an ASGI application ([`asgi`]: `scope`, `receive`, `send`).
//! - [`bridge`] makes the port a real HTTP endpoint: a Service Worker (`assets/sw.js`) turns
//!   fetches of `./http/<page>/<port>/...` into requests for the page's server and streams
//!   its answer back as a real `Response`. Without one, the page's own clients still reach
//!   the server straight in the page.
//! - [`client`] is the lessons' `aiohttp` / `httpx`: a URL on `127.0.0.1:<port>` goes to the
//!   page's server (through the worker when it runs), any other URL is a plain `fetch`.
//! - [`http`] is what all of them share and needs no browser: methods, statuses, targets,
//!   route patterns. [`transit`] keeps the virtual clock exact for requests the page sends
//!   itself.

pub mod aiohttp_web;
pub mod asgi;
pub mod bridge;
pub mod by_hand;
pub mod client;
mod exchange;
pub mod fastapi;
pub mod files;
pub mod http;
pub mod json;
mod lifespan;
mod mailbox;
pub mod server;
pub mod starlette;
pub(crate) mod transit;
pub mod websocket;
#[cfg(target_arch = "wasm32")]
mod wire;
pub mod wsgi;

pub use asgi::{Incoming, Outgoing, Receive, Scope, Send};
pub use server::{app, App, Config, Server};
