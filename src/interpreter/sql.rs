//! `aiomysql` on the page's SQL servers (a real SQL engine in a Web Worker, see
//! [`runtime::sql`](crate::runtime::sql)): `connect`, `create_pool` with `acquire`, cursors
//! with `execute`, `fetchone` and `fetchall`, `commit`/`rollback`, and pymysql's exceptions by
//! class name. Each statement is a message to the server and back, recorded in the Trace as
//! the lessons' are. What differs from MariaDB is the runtime's: its engine is SQLite with
//! MariaDB's error texts, and its servers are the page's.

use std::any::Any;
use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use python::dict::Dict;
use python::types::{exc_class, new_class, Exc};
use python::value::{BuiltinType, Class, HostObject};
use python::{Args, Exception, PyResult, Value, Vm};

use super::drive::to_exception;
use super::objects::{function, method, module, ready, this, Awaiting};
use crate::runtime::sql::{self, Connect, Connection, Cursor, Pool, Pooled, Row};
use crate::runtime::Error;

thread_local! {
    /// pymysql's exception classes, by name, made as they are first raised.
    static CLASSES: RefCell<Vec<Rc<Class>>> = const { RefCell::new(Vec::new()) };
}

/// `pymysql.err.<name>`, under `pymysql.err.MySQLError`.
fn error_class(name: &str) -> Rc<Class> {
    CLASSES.with(|classes| {
        let find = |classes: &Vec<Rc<Class>>, name: &str| {
            classes.iter().find(|c| &*c.name == name).cloned()
        };
        let (known, base) = {
            let classes = classes.borrow();
            (find(&classes, name), find(&classes, "MySQLError"))
        };
        if let Some(class) = known {
            return class;
        }
        let base = match base {
            Some(base) => base,
            None => {
                let base = make_class("MySQLError", exc_class(Exc::Exception));
                classes.borrow_mut().push(base.clone());
                base
            }
        };
        if name == "MySQLError" {
            return base;
        }
        let class = make_class(name, base);
        classes.borrow_mut().push(class.clone());
        class
    })
}

fn make_class(name: &str, base: Rc<Class>) -> Rc<Class> {
    new_class(
        name,
        "pymysql.err",
        vec![base.clone()],
        Dict::new(),
        BuiltinType::BaseException,
    )
    .unwrap_or(base)
}

/// The runtime's error as pymysql's exception: its text is `Class: (code, 'message')`.
fn sql_exception(error: &Error) -> Exception {
    let Error::Raised(text) = error else {
        return to_exception(error, None);
    };
    let text = text.strip_prefix("pymysql.err.").unwrap_or(text);
    match text.split_once(": ") {
        Some(("RuntimeError", message)) => python::exceptions::runtime_error(message),
        Some((class, args)) if class.ends_with("Error") && !class.contains(' ') => {
            python::exceptions::instantiate(&error_class(class), vec![Value::str(args)])
        }
        _ => python::exceptions::instantiate(
            &error_class("OperationalError"),
            vec![Value::str(text)],
        ),
    }
}

fn io<T>(result: Result<T, Error>) -> PyResult<T> {
    result.map_err(|e| sql_exception(&e))
}

/// `aiomysql.connect(...)`'s and `create_pool(...)`'s keyword arguments.
fn connect_options(args: &Args) -> PyResult<Connect> {
    let mut options = Connect::DEFAULT;
    for (key, value) in &args.kw {
        let text = || match value {
            Value::Str(s) => Ok(crate::runtime::intern(s)),
            other => Err(python::exceptions::type_error(format!(
                "{key} must be a str, not {}",
                python::types::type_name(other)
            ))),
        };
        match &**key {
            "host" => options.host = text()?,
            "user" => options.user = text()?,
            "password" => options.password = text()?,
            "db" => options.db = text()?,
            "port" => {
                options.port = python::int::to_i64(value)
                    .and_then(|p| u16::try_from(p).ok())
                    .ok_or_else(|| python::exceptions::value_error("port must be 0-65535"))?
            }
            "autocommit" => options.autocommit = matches!(value, Value::Bool(true)),
            // Sizes and timeouts of a real client's sockets and pools: nothing to set here.
            "minsize" | "maxsize" | "loop" | "connect_timeout" | "charset" => {}
            other => {
                return Err(python::exceptions::type_error(format!(
                    "connect() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    Ok(options)
}

/// `import aiomysql`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    if name != "aiomysql" {
        return None;
    }
    let mut entries = vec![
        ("connect", function("connect", aiomysql_connect)),
        ("create_pool", function("create_pool", aiomysql_create_pool)),
    ];
    for class in [
        "MySQLError",
        "OperationalError",
        "ProgrammingError",
        "IntegrityError",
    ] {
        entries.push((class, Value::Class(error_class(class))));
    }
    Some(module(name, entries))
}

/// A connection of the program: its own, or one a pool lent.
enum Link {
    Own(Connection),
    Lent(Pooled),
}

/// What a cursor holds: the connection, shared with the program's connection object.
#[derive(Clone)]
struct Shared(Rc<Link>);

impl Deref for Shared {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match &*self.0 {
            Link::Own(connection) => connection,
            Link::Lent(pooled) => pooled,
        }
    }
}

/// A cursor's state, shared by the program's cursor object and its connection (which closes
/// it when it is closed).
type CursorSlot = Rc<CursorCell>;
type CursorCell = RefCell<Option<Cursor<Shared>>>;

/// `conn`: a connection; a lent one goes back to its pool when its `async with` ends.
struct PyConnection {
    shared: RefCell<Option<Shared>>,
    cursors: RefCell<Vec<std::rc::Weak<CursorCell>>>,
}

impl PyConnection {
    fn shared(&self) -> PyResult<Shared> {
        self.shared.borrow().clone().ok_or_else(|| {
            python::exceptions::instantiate(
                &error_class("InterfaceError"),
                vec![Value::str("(0, '')")],
            )
        })
    }
}

impl HostObject for PyConnection {
    fn type_name(&self) -> &str {
        "Connection"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "cursor" => method("cursor", connection_cursor, this),
            "commit" => method("commit", connection_commit, this),
            "rollback" => method("rollback", connection_rollback, this),
            "close" => method("close", connection_close, this),
            "__aenter__" => method("__aenter__", connection_enter, this),
            "__aexit__" => method("__aexit__", connection_exit, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn connection(link: Link) -> Value {
    Value::Host(Rc::new(PyConnection {
        shared: RefCell::new(Some(Shared(Rc::new(link)))),
        cursors: RefCell::new(Vec::new()),
    }))
}

fn aiomysql_connect(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let options = connect_options(&args)?;
    Ok(Awaiting::value(
        "connect",
        Box::pin(async move { Ok(connection(Link::Own(io(sql::connect(options).await)?))) }),
    ))
}

fn connection_cursor(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let conn = this::<PyConnection>(t)?;
    let slot: CursorSlot = Rc::new(RefCell::new(Some(Cursor::on(conn.shared()?))));
    conn.cursors.borrow_mut().push(Rc::downgrade(&slot));
    Ok(Value::Host(Rc::new(CursorContext(slot))))
}

/// What `conn.cursor()` returns (aiomysql's `_ContextManager`): awaited, the cursor; in
/// `async with`, the cursor, closed when the block ends.
struct CursorContext(CursorSlot);

impl CursorContext {
    fn cursor(&self) -> Value {
        Value::Host(Rc::new(PyCursor(self.0.clone())))
    }
}

impl HostObject for CursorContext {
    fn type_name(&self) -> &str {
        "_ContextManager"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", cursor_context_enter, this),
            "__aexit__" => method("__aexit__", cursor_context_exit, this),
            _ => return None,
        })
    }
    fn awaitable(&self) -> bool {
        true
    }
    fn start_wait(&self, _this: &Rc<dyn HostObject>) -> Option<python::value::HostWait> {
        let cursor = self.cursor();
        Some(Box::pin(async move { Ok(cursor) }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn cursor_context_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    Ok(ready("__aenter__", this::<CursorContext>(t)?.cursor()))
}

fn cursor_context_exit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<CursorContext>(t)?.0.borrow_mut().take();
    Ok(ready("__aexit__", Value::None))
}

fn connection_commit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let shared = this::<PyConnection>(t)?.shared()?;
    Ok(Awaiting::value(
        "commit",
        Box::pin(async move {
            io(shared.commit().await)?;
            Ok(Value::None)
        }),
    ))
}

fn connection_rollback(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let shared = this::<PyConnection>(t)?.shared()?;
    Ok(Awaiting::value(
        "rollback",
        Box::pin(async move {
            io(shared.rollback().await)?;
            Ok(Value::None)
        }),
    ))
}

/// `conn.close()`, and the end of a lent connection's `async with`: the program lets go of
/// it, and its cursors close (a lent one goes back to its pool).
fn connection_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let conn = this::<PyConnection>(t)?;
    let shared = conn.shared.borrow_mut().take();
    let cursors = std::mem::take(&mut *conn.cursors.borrow_mut());
    let closed: Vec<_> = cursors
        .iter()
        .filter_map(|c| c.upgrade().and_then(|slot| slot.borrow_mut().take()))
        .collect();
    drop((closed, shared));
    Ok(Value::None)
}

fn connection_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyConnection>(t)?;
    Ok(ready("__aenter__", t.cloned().unwrap_or(Value::None)))
}

fn connection_exit(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    connection_close(vm, t, args)?;
    Ok(ready("__aexit__", Value::None))
}

/// `cur`: a cursor; its rows are the last statement's.
struct PyCursor(CursorSlot);

impl HostObject for PyCursor {
    fn type_name(&self) -> &str {
        "Cursor"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "execute" => method("execute", cursor_execute, this),
            "fetchone" => method("fetchone", cursor_fetchone, this),
            "fetchall" => method("fetchall", cursor_fetchall, this),
            "close" => method("close", cursor_close, this),
            "rowcount" => Ok(self
                .0
                .borrow()
                .as_ref()
                .map_or(Value::Int(-1), |c| Value::Int(c.rowcount))),
            "lastrowid" => Ok(self
                .0
                .borrow()
                .as_ref()
                .map_or(Value::None, |c| Value::Int(c.lastrowid))),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn closed_cursor() -> Exception {
    python::exceptions::instantiate(
        &error_class("ProgrammingError"),
        vec![Value::str("Cursor closed")],
    )
}

fn cursor_execute(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let slot = this::<PyCursor>(t)?.0.clone();
    let statement = match args.get(0, "query") {
        Some(Value::Str(s)) => s.clone(),
        _ => {
            return Err(python::exceptions::type_error(
                "execute() takes the SQL as a str",
            ))
        }
    };
    Ok(Awaiting::value(
        "execute",
        Box::pin(async move {
            // Out of its slot while the statement runs: one statement at a time per cursor.
            let Some(mut cursor) = slot.borrow_mut().take() else {
                return Err(closed_cursor());
            };
            let ran = cursor.execute(&statement).await;
            *slot.borrow_mut() = Some(cursor);
            Ok(Value::Int(io(ran)? as i64))
        }),
    ))
}

fn row_value(row: &Row) -> Value {
    Value::tuple(
        row.0
            .iter()
            .map(|v| match v {
                sql::Value::Null => Value::None,
                sql::Value::Int(n) => Value::Int(*n),
                sql::Value::Float(x) => Value::Float(*x),
                sql::Value::Text(s) => Value::str(s),
            })
            .collect(),
    )
}

fn cursor_fetchone(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let slot = this::<PyCursor>(t)?.0.clone();
    let row = slot
        .borrow_mut()
        .as_mut()
        .ok_or_else(closed_cursor)?
        .fetchone();
    Ok(ready(
        "fetchone",
        row.as_ref().map_or(Value::None, row_value),
    ))
}

fn cursor_fetchall(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let slot = this::<PyCursor>(t)?.0.clone();
    let rows = slot
        .borrow_mut()
        .as_mut()
        .ok_or_else(closed_cursor)?
        .fetchall();
    Ok(ready(
        "fetchall",
        Value::tuple(rows.0.iter().map(row_value).collect()),
    ))
}

fn cursor_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyCursor>(t)?.0.borrow_mut().take();
    Ok(ready("close", Value::None))
}

/// `pool`: `acquire()` in `async with`, `close()`, `wait_closed()`.
struct PyPool(Pool);

impl HostObject for PyPool {
    fn type_name(&self) -> &str {
        "Pool"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "acquire" => method("acquire", pool_acquire, this),
            "close" => method("close", pool_close, this),
            "wait_closed" => method("wait_closed", pool_wait_closed, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn aiomysql_create_pool(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let options = connect_options(&args)?;
    Ok(Awaiting::value(
        "create_pool",
        Box::pin(async move {
            Ok(Value::Host(Rc::new(PyPool(io(
                sql::create_pool(options).await
            )?))))
        }),
    ))
}

/// What `pool.acquire()` returns: entered, a lent connection, given back at the block's end.
struct Acquire {
    pool: Pool,
    lent: Rc<RefCell<Option<Value>>>,
}

impl HostObject for Acquire {
    fn type_name(&self) -> &str {
        "_PoolAcquireContextManager"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "__aenter__" => method("__aenter__", acquire_enter, this),
            "__aexit__" => method("__aexit__", acquire_exit, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn pool_acquire(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let pool = this::<PyPool>(t)?.0.clone();
    Ok(Value::Host(Rc::new(Acquire {
        pool,
        lent: Rc::new(RefCell::new(None)),
    })))
}

fn acquire_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<Acquire>(t)?;
    let (pool, slot) = (me.pool.clone(), me.lent.clone());
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move {
            let lent = connection(Link::Lent(io(pool.acquire().await)?));
            *slot.borrow_mut() = Some(lent.clone());
            Ok(lent)
        }),
    ))
}

fn acquire_exit(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let lent = this::<Acquire>(t)?.lent.borrow_mut().take();
    if let Some(conn) = lent {
        connection_close(vm, Some(&conn), Args::default())?;
    }
    Ok(ready("__aexit__", Value::None))
}

fn pool_close(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    this::<PyPool>(t)?.0.close();
    Ok(Value::None)
}

fn pool_wait_closed(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let pool = this::<PyPool>(t)?.0.clone();
    Ok(Awaiting::value(
        "wait_closed",
        Box::pin(async move {
            io(pool.wait_closed().await)?;
            Ok(Value::None)
        }),
    ))
}
