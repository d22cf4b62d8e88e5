//! FastAPI's part, on Starlette's router: path operations (`@app.get("/items/{item_id}")`)
//! whose parameters are declared with their types, checked before the operation runs (a value
//! of the wrong type is a `422` naming it, in pydantic's words), and whose return value is
//! sent as JSON. FastAPI's own refusals are JSON too: `{"detail":"Not Found"}`.

use std::future::Future as StdFuture;
use std::rc::Rc;

use super::http::{self, reason};
use super::json::{self, Value};
use super::server::App;
use super::starlette::{endpoint, router, Endpoint, Request, Response, Route};
use crate::runtime::{Error, Result};

/// A declared parameter of a path operation.
#[derive(Clone, Copy, Debug)]
pub enum Param {
    /// `item_id: int`, from the path.
    PathInt(&'static str),
    /// `q: Optional[str] = None`, from the query string.
    QueryStr(&'static str),
}

impl Param {
    fn declared(self) -> Declared<'static> {
        match self {
            Param::PathInt(name) => Declared {
                name,
                source: Source::Path,
                kind: Kind::Int,
                required: true,
            },
            Param::QueryStr(name) => Declared {
                name,
                source: Source::Query,
                kind: Kind::Str,
                required: false,
            },
        }
    }
}

/// Where a parameter's value comes from: a parameter named in the path is the path's, any
/// other the query string's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `/items/{item_id}`.
    Path,
    /// `?q=...`.
    Query,
}

/// The type a parameter is declared with (`int`, `float`, `bool`, `str`, or `Optional` of
/// one with a default of `None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `bool` (`true`, `1`, `yes`, `on`, … as pydantic reads them).
    Bool,
    /// `str`.
    Str,
}

/// A parameter as a path operation's signature declares it: `item_id: int`,
/// `q: Optional[str] = None` (not required: its default is used when it is not sent).
#[derive(Clone, Copy, Debug)]
pub struct Declared<'a> {
    /// The parameter's name.
    pub name: &'a str,
    /// Where its value comes from.
    pub source: Source,
    /// Its type.
    pub kind: Kind,
    /// Whether it has no default.
    pub required: bool,
}

/// The parameters' values, checked: `{"item_id": 5, "q": None}`.
pub struct Args(Vec<(&'static str, Value)>);

impl Args {
    /// A parameter's value (`None` is JSON `null`).
    pub fn get(&self, name: &str) -> Value {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Null)
    }
}

/// `app = FastAPI()`.
#[derive(Default)]
pub struct FastApi {
    routes: Vec<Route>,
}

impl FastApi {
    /// An application with no path operation yet.
    pub fn new() -> FastApi {
        FastApi::default()
    }

    /// `@app.get(path)` on `async def operation(params...)`: `params` declares what the
    /// signature declares.
    pub fn get<F, Fut>(&mut self, path: &str, params: &'static [Param], operation: F) -> Result<()>
    where
        F: Fn(Args) -> Fut + 'static,
        Fut: StdFuture<Output = Result<Value>> + 'static,
    {
        let operation = Rc::new(operation);
        let call = endpoint(move |request: Request| {
            let operation = operation.clone();
            async move {
                match check(&request, params) {
                    Ok(args) => Ok(Response::json(json::dumps(&operation(args).await?))),
                    Err(errors) => Ok(invalid(errors)),
                }
            }
        });
        self.routes.push(Route::new(path, call)?);
        Ok(())
    }

    /// `@app.get(path)` (or `post`, `put`, …) on an operation whose endpoint reads and checks
    /// its own parameters ([`check_declared`]) and answers with its own response.
    pub fn route(&mut self, method: &str, path: &str, operation: Endpoint) -> Result<()> {
        let method = http::method(method).ok_or_else(|| {
            Error::raised(format!("ValueError: {method} is not a method HTTP has"))
        })?;
        self.routes
            .push(Route::new(path, operation)?.methods(&[method]));
        Ok(())
    }

    /// The ASGI application.
    pub fn app(self) -> App {
        router(self.routes, refusal)
    }
}

/// FastAPI's refusal: `{"detail":"Not Found"}`.
fn refusal(status: u16) -> Response {
    let detail = json::object([("detail", reason(status).unwrap_or_default().into())]);
    Response::json(json::dumps(&detail)).status(status)
}

/// Reads and checks every declared parameter, as FastAPI does before calling the operation;
/// every failure is reported, each in pydantic's words.
fn check(request: &Request, params: &[Param]) -> std::result::Result<Args, Vec<Value>> {
    let declared: Vec<Declared> = params.iter().map(|p| p.declared()).collect();
    let values = check_declared(request, &declared)?;
    let names = params.iter().map(|p| match *p {
        Param::PathInt(name) | Param::QueryStr(name) => name,
    });
    Ok(Args(
        names
            .zip(values)
            .map(|(name, value)| (name, value.unwrap_or(Value::Null)))
            .collect(),
    ))
}

/// The value of each declared parameter, in order (`None`: not sent and not required, its
/// default stands), or pydantic's report of every one that is missing or of the wrong type.
pub fn check_declared(
    request: &Request,
    params: &[Declared],
) -> std::result::Result<Vec<Option<Value>>, Vec<Value>> {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for param in params {
        let (place, text) = match param.source {
            Source::Path => (
                "path",
                request.path_param(param.name).ok().map(|p| p.to_string()),
            ),
            Source::Query => ("query", request.query_param(param.name)),
        };
        let loc = || Value::Array(vec![place.into(), param.name.into()]);
        let Some(text) = text else {
            if param.required {
                errors.push(json::object([
                    ("type", "missing".into()),
                    ("loc", loc()),
                    ("msg", "Field required".into()),
                    ("input", Value::Null),
                ]));
            }
            values.push(None);
            continue;
        };
        let parsed = match param.kind {
            Kind::Str => Ok(Value::Str(text.clone())),
            Kind::Int => text.parse::<i64>().map(Value::from).map_err(|_| {
                (
                    "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer",
                )
            }),
            Kind::Float => text.parse::<f64>().map(Value::Number).map_err(|_| {
                (
                    "float_parsing",
                    "Input should be a valid number, unable to parse string as a number",
                )
            }),
            Kind::Bool => match text.to_ascii_lowercase().as_str() {
                "1" | "true" | "t" | "yes" | "y" | "on" => Ok(Value::Bool(true)),
                "0" | "false" | "f" | "no" | "n" | "off" => Ok(Value::Bool(false)),
                _ => Err((
                    "bool_parsing",
                    "Input should be a valid boolean, unable to interpret input",
                )),
            },
        };
        match parsed {
            Ok(value) => values.push(Some(value)),
            Err((kind, msg)) => {
                errors.push(json::object([
                    ("type", kind.into()),
                    ("loc", loc()),
                    ("msg", msg.into()),
                    ("input", text.into()),
                ]));
                values.push(None);
            }
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}

/// FastAPI's answer to parameters that failed their checks: `422` with pydantic's report.
pub fn invalid(errors: Vec<Value>) -> Response {
    let detail = json::object([("detail", Value::Array(errors))]);
    Response::json(json::dumps(&detail)).status(422)
}
