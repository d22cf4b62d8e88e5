//! FastAPI on the page's servers: `app = FastAPI()` and its path operations
//! (`@app.get("/items/{item_id}")`, `post`, `put`, `patch`, `delete`) on the program's functions
//! and coroutines. Each parameter is read as the signature declares it: a name in the path is
//! the path's, any other the query string's; its annotation (`int`, `float`, `bool`, `str`,
//! `Optional[...]`) is its type, a default makes it optional. The checks and their `422`
//! report in pydantic's words, the `{"detail":"Not Found"}` refusals and the router are the
//! runtime's [`FastApi`](crate::runtime::web::fastapi); what the operation returns is sent as
//! JSON, encoded by the program's `json` as FastAPI's encoder writes it. What differs from
//! FastAPI: no request bodies (pydantic models), dependencies or OpenAPI pages.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::value::HostObject;
use python::{Args, PyResult, Value, Vm};

use super::asgi::runtime_error;
use super::asyncio::VM;
use super::drive::awaited;
use super::objects::{compact_json, function, method, module, python_error, str_arg, this};
use crate::runtime::web::fastapi::{check_declared, invalid, Declared, FastApi, Kind, Source};
use crate::runtime::web::json;
use crate::runtime::web::starlette::{endpoint, Endpoint, Request, Response};
use crate::runtime::web::App;
use crate::runtime::Error;

/// `import fastapi`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    (name == "fastapi").then(|| module(name, vec![("FastAPI", function("FastAPI", fastapi))]))
}

/// A path operation the program declared.
struct Operation {
    method: &'static str,
    path: Rc<str>,
    function: Value,
}

/// `FastAPI()`: its operations, made into the runtime's application when a server takes it.
struct PyFastApi(RefCell<Vec<Operation>>);

fn fastapi(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(Rc::new(PyFastApi(RefCell::new(Vec::new())))))
}

impl HostObject for PyFastApi {
    fn type_name(&self) -> &str {
        "FastAPI"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "get" => method("get", app_get, this),
            "post" => method("post", app_post, this),
            "put" => method("put", app_put, this),
            "patch" => method("patch", app_patch, this),
            "delete" => method("delete", app_delete, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `@app.get(path)`: the decorator, which records the operation and gives the function back.
struct Decorator {
    app: Rc<dyn HostObject>,
    method: &'static str,
    path: Rc<str>,
}

fn decorator(t: Option<&Value>, args: &Args, method: &'static str) -> PyResult {
    let Some(Value::Host(app)) = t.cloned() else {
        return Err(python::exceptions::type_error("wrong object"));
    };
    this::<PyFastApi>(t)?;
    let path = str_arg(args, 0, "path", &method.to_ascii_lowercase())?;
    Ok(Value::Host(Rc::new(Decorator { app, method, path })))
}

fn app_get(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    decorator(t, &args, "GET")
}

fn app_post(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    decorator(t, &args, "POST")
}

fn app_put(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    decorator(t, &args, "PUT")
}

fn app_patch(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    decorator(t, &args, "PATCH")
}

fn app_delete(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    decorator(t, &args, "DELETE")
}

impl HostObject for Decorator {
    fn type_name(&self) -> &str {
        "function"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__call__" => method("decorator", decorate, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn decorate(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<Decorator>(t)?;
    let function = args.pos.first().cloned().ok_or_else(|| {
        python::exceptions::type_error("decorator() missing 1 required positional argument: 'func'")
    })?;
    if let Some(app) = me.app.as_any().downcast_ref::<PyFastApi>() {
        app.0.borrow_mut().push(Operation {
            method: me.method,
            path: me.path.clone(),
            function: function.clone(),
        });
    }
    Ok(function)
}

/// The runtime's application for a `FastAPI()` of the program's, if `h` is one.
pub(super) fn host_app(vm: &mut Vm, h: &Rc<dyn HostObject>) -> Option<PyResult<App>> {
    let app = h.as_any().downcast_ref::<PyFastApi>()?;
    let mut made = FastApi::new();
    for operation in app.0.borrow().iter() {
        let declared = match parameters(vm, &operation.function, &operation.path) {
            Ok(declared) => declared,
            Err(e) => return Some(Err(e)),
        };
        let endpoint = python_operation(operation.function.clone(), declared);
        if let Err(e) = made.route(operation.method, &operation.path, endpoint) {
            return Some(Err(python_error(&e)));
        }
    }
    Some(Ok(made.app()))
}

/// A parameter of an operation, as its signature declares it.
struct Parameter {
    name: String,
    source: Source,
    kind: Kind,
    required: bool,
}

/// The type an annotation declares: `int`, `float`, `bool`, `str` (or no annotation), or
/// `Optional[...]` of one.
fn kind_of(vm: &mut Vm, annotation: Option<&Value>) -> PyResult<Kind> {
    let Some(annotation) = annotation else {
        return Ok(Kind::Str);
    };
    if let Value::Class(c) = annotation {
        return Ok(match &*c.name {
            "int" => Kind::Int,
            "float" => Kind::Float,
            "bool" => Kind::Bool,
            _ => Kind::Str,
        });
    }
    // `Optional[X]` is `Union[X, None]`: its first argument.
    if let Ok(args) = python::attr::get_attr(vm, annotation, "__args__") {
        if let Some(first) = python::iter::collect(vm, &args)?.first() {
            return kind_of(vm, Some(first));
        }
    }
    Ok(Kind::Str)
}

/// The parameters of `function`'s signature, as FastAPI reads them for `path`.
fn parameters(vm: &mut Vm, function: &Value, path: &str) -> PyResult<Vec<Parameter>> {
    let Value::Function(f) = function else {
        return Err(python::exceptions::unsupported(
            "a path operation that is not a def or async def function",
        ));
    };
    let count = f.code.argcount as usize;
    let names: Vec<String> = f.code.varnames[..count]
        .iter()
        .map(|n| n.to_string())
        .collect();
    let annotations = python::attr::get_attr(vm, function, "__annotations__")?;
    let first_default = count - f.defaults.len().min(count);
    let mut parameters = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let annotation = match &annotations {
            Value::Dict(d) => d.borrow().get_str(&name),
            _ => None,
        };
        let in_path = path.contains(&format!("{{{name}}}")) || path.contains(&format!("{{{name}:"));
        parameters.push(Parameter {
            kind: kind_of(vm, annotation.as_ref())?,
            source: if in_path { Source::Path } else { Source::Query },
            required: i < first_default,
            name,
        });
    }
    Ok(parameters)
}

/// A JSON value of the runtime's as the program's.
fn python_value(value: json::Value) -> Value {
    match value {
        json::Value::Null => Value::None,
        json::Value::Bool(b) => Value::Bool(b),
        json::Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::Int(n as i64),
        json::Value::Number(n) => Value::Float(n),
        json::Value::Str(s) => Value::str(&s),
        json::Value::Array(items) => Value::list(items.into_iter().map(python_value).collect()),
        json::Value::Object(pairs) => {
            let mut d = python::dict::Dict::new();
            for (k, v) in pairs {
                d.set_str(&k, python_value(v));
            }
            Value::Dict(Rc::new(RefCell::new(d)))
        }
    }
}

/// The operation as the runtime's endpoint: its parameters checked (a `422` if any fails),
/// the function called with them in the request's task, what it returns sent as JSON.
fn python_operation(function: Value, parameters: Vec<Parameter>) -> Endpoint {
    let parameters = Rc::new(parameters);
    endpoint(move |request: Request| {
        let (function, parameters) = (function.clone(), parameters.clone());
        async move {
            let declared: Vec<Declared> = parameters
                .iter()
                .map(|p| Declared {
                    name: &p.name,
                    source: p.source,
                    kind: p.kind,
                    required: p.required,
                })
                .collect();
            let values = match check_declared(&request, &declared) {
                Ok(values) => values,
                Err(errors) => return Ok(invalid(errors)),
            };
            let Some(vm) = VM.with(|v| v.borrow().upgrade()) else {
                return Err(Error::Cancelled);
            };
            let mut args = Args::default();
            for (p, value) in parameters.iter().zip(values) {
                if let Some(value) = value {
                    args.kw
                        .push((Rc::from(p.name.as_str()), python_value(value)));
                }
            }
            let called = vm.borrow_mut().call(&function, args);
            let returned = match called {
                Ok(v) => awaited(vm.clone(), v).await,
                Err(e) => Err(e),
            };
            let returned = returned.map_err(|e| runtime_error(&vm, &e))?;
            let text = {
                let mut vm = vm.borrow_mut();
                compact_json(&mut vm, returned)
            };
            let text = text.map_err(|e| runtime_error(&vm, &e))?;
            Ok(Response::json(text))
        }
    })
}
