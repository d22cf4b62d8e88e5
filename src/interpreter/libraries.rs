//! The interpreter's bindings of the libraries a program imports (aiohttp and its server,
//! uvicorn, Starlette, FastAPI, httpx, websockets, the mail libraries, threading and wsgiref,
//! aiomysql, aiofile and redis, requests, greenlet, gevent) are not in the interpreter's module
//! either (see [`crate::lazy`]): a program that imports none of them, most of the course's and
//! most a learner writes, never fetches them. [`needed`] tells from a program's source whether
//! it imports one; the page then fetches them with the interpreter ([`super::load::load_for`]).

use python::{PyResult, Vm};

/// What the interpreter calls in the libraries.
pub struct Libraries {
    /// `import name` of a module the libraries provide: `None` for another.
    pub import: fn(&mut Vm, &str) -> Option<PyResult>,
}

/// The top-level modules the libraries provide: a program importing one of them needs them.
pub const MODULES: &[&str] = &[
    "aiofile",
    "aiohttp",
    "aiomysql",
    "aiosmtpd",
    "aiosmtplib",
    "email",
    "fastapi",
    "gevent",
    "greenlet",
    "httpx",
    "os",
    "redis",
    "requests",
    "starlette",
    "threading",
    "uvicorn",
    "websockets",
    "wsgiref",
];

/// Whether `name` (`aiohttp.web`) is a module of the libraries.
pub fn provides(name: &str) -> bool {
    MODULES.contains(&name.split('.').next().unwrap_or(name))
}

fn import(vm: &mut Vm, name: &str) -> Option<PyResult> {
    if !provides(name) {
        return None;
    }
    super::aiohttp::import(vm, name)
        .or_else(|| super::storage::import(vm, name))
        .or_else(|| super::sql::import(vm, name))
        .or_else(|| super::asgi::import(vm, name))
        .or_else(|| super::httpx::import(vm, name))
        .or_else(|| super::starlette::import(vm, name))
        .or_else(|| super::fastapi::import(vm, name))
        .or_else(|| super::websockets::import(vm, name))
        .or_else(|| super::mail::import(vm, name))
        .or_else(|| super::threads::import(vm, name))
        .or_else(|| super::requests::import(vm, name))
        .or_else(|| super::greenlets::import(vm, name))
        .or_else(|| super::gevent::import(vm, name))
}

static LIBRARIES: Libraries = Libraries { import };

crate::lazy::fetched_later!(
    python_libraries,
    crate::lazy::Part::Interpreter,
    Libraries,
    &LIBRARIES
);

/// Whether the compiled program `code` imports a module of the libraries (anywhere in it: a
/// function's `import` too).
pub fn needed(code: &python::code::Code) -> bool {
    python::code::imported(code)
        .iter()
        .any(|name| provides(name))
}
