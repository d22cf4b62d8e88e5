//! aiomysql on the page's SQL engine: `connect`, a connection's cursors (`execute`,
//! `fetchall`, `fetchone`), `commit` / `rollback`, and a pool of connections (`create_pool`,
//! `acquire`).
//!
//! Each server is SQLite's own WebAssembly build in a Web Worker of its own (`engine.js`),
//! storing its databases in the Origin Private File System, so committed rows outlive the run
//! and the page. Every call to it is a real message to that thread and back: an await point at
//! which the loop runs other tasks. Two servers listen ([`servers`]), each with the sample
//! databases, each on its own thread; a failing statement raises what pymysql raises
//! ([`MysqlError`]).
//!
//! As in MySQL with autocommit off (aiomysql's default), a change opens a transaction that
//! lasts until `commit` or `rollback`; closing or dropping the connection (Stop, a task
//! cancelled) rolls it back, and while it is open the database's other connections wait for
//! it. The server does not check passwords.

mod engine;
mod fault;
pub mod servers;
mod value;

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

pub use fault::{Fault, MysqlError};
pub use value::{Row, Rows, Value};

use super::{Error, Event, Result};
use engine::{Call, Outcome};

/// `aiomysql.connect(...)`'s keyword arguments.
#[derive(Clone, Copy, Debug)]
pub struct Connect {
    /// The server's address.
    pub host: &'static str,
    /// Its port.
    pub port: u16,
    /// The account (not checked).
    pub user: &'static str,
    /// Its password (not checked).
    pub password: &'static str,
    /// The database to use.
    pub db: &'static str,
    /// Whether each statement commits by itself (aiomysql's default: off).
    pub autocommit: bool,
}

impl Connect {
    /// aiomysql's defaults: `localhost:3306`, autocommit off.
    pub const DEFAULT: Connect = Connect {
        host: "localhost",
        port: 3306,
        user: "root",
        password: "",
        db: "mysql",
        autocommit: false,
    };
}

thread_local! {
    /// Connection ids are the page's, not a run's: the engine outlives runs.
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// `await aiomysql.connect(...)`: a connection to database `db` of the server at
/// `host:port`.
pub async fn connect(options: Connect) -> Result<Connection> {
    let host = options.host;
    let server = servers::server(host, options.port).ok_or_else(|| MysqlError::refused(host))?;
    let (file, seed) = servers::database(&server, options.db)
        .ok_or_else(|| MysqlError::unknown_database(options.db))?;
    let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
    let label = format!("connect {server}/{}", options.db);
    engine::call(
        label,
        &server,
        Call::Connect {
            id,
            file: &file,
            seed,
        },
        |fault| MysqlError::of(fault, host, options.db, ""),
    )
    .await?;
    Ok(Connection {
        id,
        server,
        host,
        db: options.db,
        autocommit: options.autocommit,
        in_transaction: Cell::new(false),
        open: Cell::new(true),
    })
}

/// An open connection.
pub struct Connection {
    id: u64,
    /// The server, as `127.0.0.1:3306`.
    server: String,
    host: &'static str,
    db: &'static str,
    autocommit: bool,
    in_transaction: Cell<bool>,
    open: Cell<bool>,
}

impl Connection {
    /// `await conn.cursor()`: a cursor on this connection (no I/O).
    pub fn cursor(&self) -> Cursor<&Connection> {
        Cursor::on(self)
    }

    /// Whether a change of this connection waits for `commit` (`get_transaction_status()`).
    pub fn in_transaction(&self) -> bool {
        self.in_transaction.get()
    }

    async fn end(&self, call: Call<'_>, verb: &str) -> Result<()> {
        self.check_open()?;
        engine::call(verb.to_string(), &self.server, call, |fault| {
            MysqlError::of(fault, self.host, self.db, verb)
        })
        .await?;
        self.in_transaction.set(false);
        Ok(())
    }

    /// `await conn.commit()`.
    pub async fn commit(&self) -> Result<()> {
        self.end(Call::Commit { id: self.id }, "COMMIT").await
    }

    /// `await conn.rollback()`.
    pub async fn rollback(&self) -> Result<()> {
        self.end(Call::Rollback { id: self.id }, "ROLLBACK").await
    }

    /// `conn.close()`: closes the connection now; the server rolls back what it left open.
    pub fn close(self) {}

    fn check_open(&self) -> Result<()> {
        if self.open.get() {
            Ok(())
        } else {
            Err(Error::raised("pymysql.err.InterfaceError: (0, '')"))
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if self.open.replace(false) {
            engine::close(&self.server, self.id);
        }
    }
}

/// A cursor: runs statements and holds the rows of the last one.
/// It holds its connection as `C`: borrowed (`conn.cursor()`) or shared (the interpreter's).
pub struct Cursor<C: Deref<Target = Connection>> {
    connection: C,
    rows: Vec<Row>,
    next: usize,
    /// How many rows the last statement returned or changed (`-1` before one).
    pub rowcount: i64,
    /// The id of the row the last `INSERT` made.
    pub lastrowid: i64,
}

impl<C: Deref<Target = Connection>> Cursor<C> {
    /// A cursor on `connection` (no I/O).
    pub fn on(connection: C) -> Cursor<C> {
        Cursor {
            connection,
            rows: Vec::new(),
            next: 0,
            rowcount: -1,
            lastrowid: 0,
        }
    }

    /// `await cur.execute(sql)`: runs the statement and receives all its rows; returns how
    /// many rows it returned or changed.
    pub async fn execute(&mut self, sql: &str) -> Result<u64> {
        let connection = &*self.connection;
        connection.check_open()?;
        let label: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        let label = match label.char_indices().nth(60) {
            Some((end, _)) => format!("{}…", &label[..end]),
            None => label,
        };
        let Outcome {
            rows,
            changed,
            lastrowid,
        } = engine::call(
            label,
            &connection.server,
            Call::Execute {
                id: connection.id,
                sql,
                autocommit: connection.autocommit,
            },
            |fault| MysqlError::of(fault, connection.host, connection.db, sql),
        )
        .await?;
        if changed.is_some() && !connection.autocommit {
            connection.in_transaction.set(true);
        }
        let count = changed.unwrap_or(rows.len() as u64);
        self.rows = rows;
        self.next = 0;
        self.rowcount = count as i64;
        self.lastrowid = lastrowid;
        Ok(count)
    }

    /// `await cur.fetchone()`: the next row, `None` after the last.
    pub fn fetchone(&mut self) -> Option<Row> {
        let row = self.rows.get(self.next).cloned();
        self.next += usize::from(row.is_some());
        row
    }

    /// `await cur.fetchall()`: the rows not fetched yet.
    pub fn fetchall(&mut self) -> Rows {
        let rest = self.rows[self.next.min(self.rows.len())..].to_vec();
        self.next = self.rows.len();
        Rows(rest)
    }

    /// `await cur.close()`.
    pub fn close(self) {}
}

/// The pool's state, shared by the pool and the connections it lent.
struct PoolInner {
    options: Connect,
    idle: RefCell<Vec<Connection>>,
    used: Cell<usize>,
    closing: Cell<bool>,
    all_back: Event,
}

/// `aiomysql.create_pool(...)`: connections to one database, kept for the next `acquire`.
#[derive(Clone)]
pub struct Pool {
    inner: Rc<PoolInner>,
}

/// `await aiomysql.create_pool(...)`: opens the pool's first connection (`minsize=1`).
pub async fn create_pool(options: Connect) -> Result<Pool> {
    let first = connect(options).await?;
    Ok(Pool {
        inner: Rc::new(PoolInner {
            options,
            idle: RefCell::new(vec![first]),
            used: Cell::new(0),
            closing: Cell::new(false),
            all_back: Event::new(),
        }),
    })
}

impl Pool {
    /// `async with pool.acquire() as conn`: an idle connection, or a new one.
    pub async fn acquire(&self) -> Result<Pooled> {
        if self.inner.closing.get() {
            return Err(Error::raised(
                "RuntimeError: Cannot acquire connection after closing pool",
            ));
        }
        let idle = self.inner.idle.borrow_mut().pop();
        let connection = match idle {
            Some(connection) => connection,
            None => connect(self.inner.options).await?,
        };
        self.inner.used.set(self.inner.used.get() + 1);
        Ok(Pooled {
            pool: self.inner.clone(),
            connection: Some(connection),
        })
    }

    /// How many idle connections the pool holds.
    pub fn idle_connections(&self) -> usize {
        self.inner.idle.borrow().len()
    }

    /// `pool.close()`: closes the idle connections; the lent ones close when they come back.
    pub fn close(&self) {
        self.inner.closing.set(true);
        self.inner.idle.borrow_mut().clear();
        if self.inner.used.get() == 0 {
            self.inner.all_back.set();
        }
    }

    /// `await pool.wait_closed()`: waits until every lent connection is back and closed.
    pub async fn wait_closed(&self) -> Result<()> {
        self.inner.all_back.wait().await
    }
}

/// A connection lent by a pool: leaving the `async with` block (dropping it) gives it back,
/// or closes it if it has a transaction open or the pool is closing, as aiomysql's
/// `release` does.
pub struct Pooled {
    pool: Rc<PoolInner>,
    connection: Option<Connection>,
}

impl std::ops::Deref for Pooled {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.connection
            .as_ref()
            .expect("a lent connection stays until it is given back")
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        let Some(connection) = self.connection.take() else {
            return;
        };
        if !connection.in_transaction() && !self.pool.closing.get() {
            self.pool.idle.borrow_mut().push(connection);
        }
        self.pool.used.set(self.pool.used.get() - 1);
        if self.pool.used.get() == 0 && self.pool.closing.get() {
            self.pool.all_back.set();
        }
    }
}

/// The page's "reset the sample databases" action: deletes every database of the engine, so
/// the next connection finds the sample databases as they were. Called between runs (it is
/// no run's I/O); a connection still open is lost.
pub async fn reset() -> std::result::Result<(), String> {
    for port in servers::PORTS {
        let server = servers::server("127.0.0.1", port).unwrap_or_default();
        if let Err(fault) = engine::request(&server, Call::Reset).await {
            return Err(MysqlError::of(&fault, "127.0.0.1", "", "").message);
        }
    }
    Ok(())
}

/// Ends the engine as a crash or a closed tab would: calls in flight fail with
/// `OperationalError: (2013, 'Lost connection to MySQL server during query')`, open
/// transactions are never committed, and the next call starts it again from its files.
pub fn restart_engine() {
    engine::restart();
}

/// Loads the engine's module from `url` (by default `sqlite/index.mjs` beside the page).
pub fn use_engine_at(url: &str) {
    engine::use_engine_at(url);
}
