//! Python's way of printing values, for lessons whose output must match CPython's exactly.

pub use crate::runtime::repr::{partial_call, short_repr, str_repr, timer_handle_repr};
use crate::runtime::web::json;
use crate::runtime::{loop_is_running, ConcurrentFuture, Error, Future, Gather, Returned, Task};

/// The file name the page gives a lesson's Python listing, as CPython's reprs name it
/// (`defined at main.py:4`). CPython prints the full path it ran; the matching rule
/// ([`crate::analysis::canonical`]) reads any path to a `main.py` as this.
pub const LISTING_FILE: &str = "main.py";

/// The Python class a runtime object is the twin of, as `type(x)` names it.
pub trait PyClass {
    /// Its qualified name (`_asyncio.Task`).
    const CLASS: &'static str;
    /// Whether `asyncio.isfuture(x)` is true of it: a Future or a subclass (Task, the gather's
    /// `_GatheringFuture`).
    const IS_FUTURE: bool;
}

impl<T> PyClass for Task<T> {
    const CLASS: &'static str = "_asyncio.Task";
    const IS_FUTURE: bool = true;
}

impl<T> PyClass for Future<T> {
    const CLASS: &'static str = "_asyncio.Future";
    const IS_FUTURE: bool = true;
}

impl<T> PyClass for Gather<T> {
    const CLASS: &'static str = "asyncio.tasks._GatheringFuture";
    const IS_FUTURE: bool = true;
}

impl PyClass for ConcurrentFuture {
    const CLASS: &'static str = "concurrent.futures._base.Future";
    /// A `concurrent.futures.Future` is not an asyncio future: it cannot be awaited.
    const IS_FUTURE: bool = false;
}

/// `print(type(x))`: `<class '_asyncio.Task'>`.
pub fn type_of<T: PyClass>(_value: &T) -> String {
    format!("<class '{}'>", T::CLASS)
}

/// `asyncio.isfuture(x)`.
pub fn isfuture<T: PyClass>(_value: &T) -> bool {
    T::IS_FUTURE
}

/// A value as Python's `repr` writes it, for the values lessons print inside other reprs
/// (a task's `result=`).
pub trait PyRepr {
    /// `repr(self)`.
    fn py_repr(&self) -> String;
}

impl PyRepr for String {
    fn py_repr(&self) -> String {
        str_repr(self)
    }
}

impl PyRepr for &str {
    fn py_repr(&self) -> String {
        str_repr(self)
    }
}

impl PyRepr for i64 {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}

impl PyRepr for () {
    fn py_repr(&self) -> String {
        none(()).to_string()
    }
}

/// A function of the Python listing, as reprs name it (a task's coroutine function): its name
/// and the line of its `def` or `async def`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Def {
    /// `func`.
    pub name: &'static str,
    /// The `async def` line.
    pub line: u32,
}

/// `repr(task)` as CPython 3.11 writes it once the task is done:
/// `<Task finished name='n1' coro=<func() done, defined at main.py:4> result='返回值'>`, or
/// `<Task cancelled …>`. A task still pending prints `<Task pending name='n1' coro=<func()
/// running>>`: CPython adds the line where the coroutine is suspended and what it waits for,
/// which the runtime does not know.
pub fn task_repr<T: PyRepr + Clone + 'static>(task: &Task<T>, def: Def) -> String {
    let name = str_repr(&task.get_name());
    let Def { name: func, line } = def;
    let done = format!("coro=<{func}() done, defined at {LISTING_FILE}:{line}>");
    if !task.done() {
        return format!("<Task pending name={name} coro=<{func}() running>>");
    }
    match task.result() {
        Ok(value) => format!(
            "<Task finished name={name} {done} result={}>",
            value.py_repr()
        ),
        Err(Error::Cancelled) => format!("<Task cancelled name={name} {done}>"),
        Err(error) => format!("<Task finished name={name} {done} exception={error}>"),
    }
}

/// `print(s)` of a set, its items already written as reprs: `{a, b}`, or `set()` when empty.
/// CPython orders a set of tasks by hash, which differs from run to run; the matching rule
/// ([`crate::analysis::canonical`]) compares a set's items in any order.
pub fn set_repr(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() {
        "set()".to_string()
    } else {
        format!("{{{}}}", items.join(", "))
    }
}

/// `print(tasks)` of a set of tasks, such as `asyncio.wait`'s `done` and `pending`.
pub fn task_set<T: PyRepr + Clone + 'static>(tasks: &[Task<T>], def: Def) -> String {
    set_repr(tasks.iter().map(|t| task_repr(t, def)))
}

/// `repr(loop)` of the running program's loop, as CPython's default loop on Linux writes it.
/// It is the browser's event loop here; what it says (running or not) is the runtime's.
pub fn loop_repr() -> String {
    crate::runtime::repr::loop_repr(loop_is_running(), false)
}

/// `repr(fut)` of a `concurrent.futures.Future`, as CPython 3.11 writes it:
/// `<Future at 0x7f68474267d0 state=running>`, `state=pending` while its job waits for a
/// thread, `state=finished returned str` once it returned. The address is where the future
/// lives in this page's memory; the matching rule ([`crate::analysis::canonical`]) reads any
/// address as the same.
pub fn concurrent_future_repr(future: &ConcurrentFuture) -> String {
    let state = if !future.done() {
        if future.running() {
            "running".to_string()
        } else {
            "pending".to_string()
        }
    } else {
        match future.result() {
            Ok(value) => format!("finished returned {}", type_name(&value)),
            Err(Error::Cancelled) => "cancelled".to_string(),
            Err(error) => format!("finished raised {error}"),
        }
    };
    format!("<Future at {:#x} state={state}>", future.address())
}

/// The Python type of what a blocking function returned: `type(value).__name__`.
pub fn type_name(value: &Returned) -> &'static str {
    match value {
        Returned::None => "NoneType",
        Returned::Int(_) => "int",
        Returned::Str(_) => "str",
        Returned::Response { .. } => "Response",
    }
}

/// `print(True)` / `print(False)`.
pub fn bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// `print(x)` of a Python `None`, which Rust writes as `()`: what `await asyncio.sleep(2)`
/// gives back.
pub fn none(_unit: ()) -> &'static str {
    "None"
}

/// `print(["a", "b"])`: a list of strings, as Python's `repr` writes it.
pub fn str_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| str_repr(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

/// `print({"a": "1"})`: a dict of strings, in its order, as Python's `repr` writes it.
pub fn str_dict<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    let pairs: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}: {}", str_repr(k.as_ref()), str_repr(v.as_ref())))
        .collect();
    format!("{{{}}}", pairs.join(", "))
}

/// What `print(json.loads(text))` shows of a parsed JSON value: `{'status': 'ok'}`,
/// `[1, 2.5]`, `True`, `None`.
pub fn json_repr(value: &json::Value) -> String {
    match value {
        json::Value::Null => "None".into(),
        json::Value::Bool(b) => bool(*b).into(),
        json::Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        json::Value::Number(n) => format!("{n}"),
        json::Value::Str(s) => str_repr(s),
        json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_repr).collect();
            format!("[{}]", items.join(", "))
        }
        json::Value::Object(pairs) => {
            let pairs: Vec<String> = pairs
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), json_repr(v)))
                .collect();
            format!("{{{}}}", pairs.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_print_as_python_prints_what_json_loads_made() {
        let v = json::parse(
            r#"{"username": "Ada", "n": -1.5e1, "ok": true, "x": null, "l": [1, "\u00e9\n"]}"#,
        )
        .unwrap();
        assert_eq!(
            json_repr(&v),
            r#"{'username': 'Ada', 'n': -15, 'ok': True, 'x': None, 'l': [1, 'é\n']}"#
        );
        assert_eq!(
            json_repr(&json::parse(r#"["it's", 2.5]"#).unwrap()),
            r#"["it's", 2.5]"#
        );
    }

    #[test]
    fn values_print_as_cpython_prints_them() {
        assert_eq!(bool(true), "True");
        assert_eq!(str_list(&["slow", "fast"]), "['slow', 'fast']");
        assert_eq!(str_list::<&str>(&[]), "[]");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("line\nnext"), "'line\\nnext'");
        assert_eq!(set_repr(Vec::new()), "set()");
        assert_eq!(set_repr(["1".to_string(), "2".to_string()]), "{1, 2}");
        assert_eq!(7i64.py_repr(), "7");
        assert_eq!("返回值".py_repr(), "'返回值'");
        assert_eq!(
            short_repr("<_UnixSelectorEventLoop running=False closed=False debug=False>"),
            "<_UnixSelecto...e debug=False>"
        );
        assert_eq!(short_repr("short"), "short");
        assert_eq!(partial_call("stop_loop", &["1"]), "stop_loop(1)()");
    }
}
