//! Chapter 9, the course's practice half: web applications. Their servers listen in the page
//! (`runtime::web`), and their clients' requests travel as real HTTP through the page's
//! Service Worker.

pub mod aiohttp_db_query;
pub mod aiohttp_routes;
pub mod aiohttp_static_page;
pub mod asgi_app;
pub mod asgi_class;
pub mod fastapi_hello;
pub mod fastapi_red;
pub mod starlette_app;
pub mod starlette_background;
pub mod starlette_endpoint;
pub mod starlette_file;
pub mod starlette_hello;
pub mod starlette_routes;
pub mod starlette_streaming;
pub mod wsgi_app;
