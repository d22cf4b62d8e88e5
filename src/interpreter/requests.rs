//! `requests`, the blocking HTTP library of the course's executor lesson, as its pool's threads
//! run it: `requests.get(url)` in a function handed to a pool is its job's blocking GET on the
//! worker (a synchronous `XMLHttpRequest`, which a worker may make; the listings'
//! `http://localhost:8080/` being this app, see [`super::http_client`]). The function is
//! called at once and its job run afterwards (see [`super::executor`]), so the `Response` it
//! gets is filled when the job ends: awaited, it is whole, as the lesson reads it. What
//! cannot be so is said: reading the response inside the pool's function, a second GET in one
//! function, and a GET on the loop's own thread (which would block the page).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::types::{exc_class, Exc};
use python::value::{Class, HostObject};
use python::{Args, Exception, PyResult, Value, Vm};

use super::objects::{function, method, module, str_arg, this, ExceptionFamily};
use crate::runtime::web::http::reason;
use crate::runtime::{Error, Returned};

thread_local! {
    static CLASSES: ExceptionFamily = const { ExceptionFamily::new("requests.exceptions") };
}

/// The prefix the workers give a GET that failed.
const CONNECTION_ERROR: &str = "requests.exceptions.ConnectionError: ";

/// `requests.exceptions.<name>`: `RequestException` (an `OSError`, as in requests), and under
/// it `ConnectionError` and `HTTPError`.
fn class(name: &str) -> Rc<Class> {
    CLASSES.with(|c| {
        c.class(name, || match name {
            "RequestException" => exc_class(Exc::OSError),
            _ => class("RequestException"),
        })
    })
}

/// The exception a job's failed GET stands for: requests' `ConnectionError`, or `None` for any
/// other failure.
pub(super) fn failed_get(error: &Error) -> Option<Exception> {
    let Error::Raised(text) = error else {
        return None;
    };
    let reason = text.strip_prefix(CONNECTION_ERROR)?;
    Some(python::exceptions::instantiate(
        &class("ConnectionError"),
        vec![Value::str(reason)],
    ))
}

/// `requests.Response`: empty until its job's GET has ended.
pub(super) struct Response {
    url: Rc<str>,
    got: RefCell<Option<(u16, Rc<[u8]>)>>,
}

impl Response {
    /// What the job returned: its GET's status and body.
    pub(super) fn fill(&self, returned: &Returned) {
        if let Returned::Response { status, body } = returned {
            *self.got.borrow_mut() = Some((*status, body.clone()));
        }
    }

    fn got(&self) -> PyResult<(u16, Rc<[u8]>)> {
        self.got.borrow().clone().ok_or_else(|| {
            python::exceptions::unsupported(
                "reading a requests response inside the function a pool runs (its GET is made on the worker once the function has been called: await the future, then read the response)",
            )
        })
    }

    fn text(&self) -> PyResult<String> {
        Ok(String::from_utf8_lossy(&self.got()?.1).into_owned())
    }
}

impl HostObject for Response {
    fn type_name(&self) -> &str {
        "Response"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "url" => Ok(Value::Str(self.url.clone())),
            "status_code" => self.got().map(|(status, _)| Value::Int(status.into())),
            "ok" => self.got().map(|(status, _)| Value::Bool(status < 400)),
            "reason" => self
                .got()
                .map(|(status, _)| Value::str(reason(status).unwrap_or(""))),
            "content" => self.got().map(|(_, body)| Value::Bytes(body)),
            "text" => self.text().map(|text| Value::str(&text)),
            "json" => method("json", response_json, this),
            "raise_for_status" => method("raise_for_status", raise_for_status, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(format!("<Response [{}]>", self.got()?.0))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `response.json()`: the body parsed by the program's `json` module.
fn response_json(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let text = this::<Response>(t)?.text()?;
    super::objects::json_loads(vm, Value::str(&text))
}

/// `response.raise_for_status()`: `HTTPError` for a 4xx or 5xx status, worded as requests
/// words it.
fn raise_for_status(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let response = this::<Response>(t)?;
    let (status, _) = response.got()?;
    let side = match status {
        400..=499 => "Client",
        500..=599 => "Server",
        _ => return Ok(Value::None),
    };
    let phrase = reason(status).unwrap_or("");
    Err(python::exceptions::instantiate(
        &class("HTTPError"),
        vec![Value::str(&format!(
            "{status} {side} Error: {phrase} for url: {}",
            response.url
        ))],
    ))
}

/// `requests.get(url)`: the GET of the pool's function being recorded (see the module's note).
fn get(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let url = str_arg(&args, 0, "url", "get")?;
    if let Some((name, _)) = args.kw.iter().find(|(name, _)| &**name != "timeout") {
        return Err(python::exceptions::unsupported(&format!(
            "requests.get() with {name}="
        )));
    }
    let response = Rc::new(Response {
        url: url.clone(),
        got: RefCell::new(None),
    });
    let target = super::http_client::app_url(&url);
    super::executor::record_get(&target, &response)?;
    Ok(Value::Host(response))
}

/// `import requests` (and `requests.exceptions`).
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    let exceptions = || {
        ["RequestException", "ConnectionError", "HTTPError"]
            .into_iter()
            .map(|name| (name, Value::Class(class(name))))
            .collect::<Vec<_>>()
    };
    Some(match name {
        "requests" => {
            let mut entries = vec![("get", function("get", get))];
            entries.extend(exceptions());
            match module("requests.exceptions", exceptions()) {
                Ok(submodule) => {
                    entries.push(("exceptions", submodule));
                    module(name, entries)
                }
                Err(e) => Err(e),
            }
        }
        "requests.exceptions" => module(name, exceptions()),
        _ => return None,
    })
}
