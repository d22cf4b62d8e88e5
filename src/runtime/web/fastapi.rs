//! FastAPI's part, on Starlette's router: path operations (`@app.get("/items/{item_id}")`)
//! whose parameters are declared with their types, checked before the operation runs (a value
//! of the wrong type is a `422` naming it, in pydantic's words), and whose return value is
//! sent as JSON. FastAPI's own refusals are JSON too: `{"detail":"Not Found"}`.

use std::future::Future as StdFuture;
use std::rc::Rc;

use super::http::reason;
use super::json::{self, Value};
use super::server::App;
use super::starlette::{endpoint, router, Request, Response, Route};
use crate::runtime::Result;

/// A declared parameter of a path operation.
#[derive(Clone, Copy, Debug)]
pub enum Param {
    /// `item_id: int`, from the path.
    PathInt(&'static str),
    /// `q: Optional[str] = None`, from the query string.
    QueryStr(&'static str),
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
                    Err(errors) => {
                        let detail = json::object([("detail", Value::Array(errors))]);
                        Ok(Response::json(json::dumps(&detail)).status(422))
                    }
                }
            }
        });
        self.routes.push(Route::new(path, call)?);
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
    let mut args = Vec::new();
    let mut errors = Vec::new();
    for param in params {
        match *param {
            Param::PathInt(name) => {
                let text = request
                    .path_param(name)
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                match text.parse::<i64>() {
                    Ok(n) => args.push((name, n.into())),
                    Err(_) => errors.push(json::object([
                        ("type", "int_parsing".into()),
                        ("loc", Value::Array(vec!["path".into(), name.into()])),
                        (
                            "msg",
                            "Input should be a valid integer, unable to parse string as an integer"
                                .into(),
                        ),
                        ("input", text.into()),
                    ])),
                }
            }
            Param::QueryStr(name) => args.push((name, request.query_param(name).into())),
        }
    }
    if errors.is_empty() {
        Ok(Args(args))
    } else {
        Err(errors)
    }
}
