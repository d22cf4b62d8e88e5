//! What the program's web libraries share (aiohttp's and httpx's clients, aiohttp.web's and
//! Starlette's requests): headers and queries as `multidict`'s read-only multidicts, the
//! `headers=` a call was given, and a request's body awaited.

use std::rc::Rc;

use python::{Args, PyResult, Value, Vm};

use super::objects::{python_error, Awaiting};
use crate::runtime::web::http::query_pairs;
use crate::runtime::web::starlette::Request;
use crate::runtime::web::Scope;

/// The `headers=` a call was given (a dict or a multidict), as name and value pairs; a name
/// or value that is not a `str` is the `TypeError` aiohttp raises.
pub(super) fn header_pairs(vm: &mut Vm, args: &Args) -> PyResult<Vec<(String, String)>> {
    let Some(given) = args.keyword("headers").filter(|v| !v.is_none()).cloned() else {
        return Ok(Vec::new());
    };
    let items = python::attr::get_attr(vm, &given, "items")?;
    let items = vm.call(&items, Args::default())?;
    let mut headers = Vec::new();
    for pair in python::iter::collect(vm, &items)? {
        match python::iter::collect(vm, &pair)?.as_slice() {
            [Value::Str(name), Value::Str(value)] => {
                headers.push((name.to_string(), value.to_string()))
            }
            _ => {
                let pair = python::ops::repr(vm, &pair)?;
                return Err(python::exceptions::type_error(format!(
                    "a header's name and value must be str: {pair}"
                )));
            }
        }
    }
    Ok(headers)
}

/// `pairs` as a read-only multidict (`request.headers`, `request.query`).
pub(super) fn multidict(
    vm: &mut Vm,
    class: &str,
    proxy: &str,
    pairs: &[(String, String)],
) -> PyResult {
    let module = vm.import("multidict")?;
    let items = Value::list(
        pairs
            .iter()
            .map(|(n, v)| Value::tuple(vec![Value::str(n), Value::str(v)]))
            .collect(),
    );
    let class = python::attr::get_attr(vm, &module, class)?;
    let d = vm.call(&class, Args::new(vec![items]))?;
    let proxy = python::attr::get_attr(vm, &module, proxy)?;
    vm.call(&proxy, Args::new(vec![d]))
}

/// A request's query string as a read-only multidict (`request.query`,
/// `request.query_params`).
pub(super) fn query_multidict(vm: &mut Vm, scope: &Scope) -> PyResult {
    let pairs = query_pairs(&scope.query_string);
    multidict(vm, "MultiDict", "MultiDictProxy", &pairs)
}

/// A request's headers as a read-only multidict that finds names in any case.
pub(super) fn headers_multidict(vm: &mut Vm, scope: &Scope) -> PyResult {
    let pairs: Vec<(String, String)> = scope
        .headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    multidict(vm, "CIMultiDict", "CIMultiDictProxy", &pairs)
}

/// Awaited, the request's body as bytes (`await request.read()`, `await request.body()`).
pub(super) fn body_bytes(name: &'static str, request: Rc<Request>) -> Value {
    Awaiting::value(
        name,
        Box::pin(async move {
            let body = request.body().await.map_err(|e| python_error(&e))?;
            Ok(Value::Bytes(Rc::from(body)))
        }),
    )
}
