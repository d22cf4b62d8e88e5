//! The bridge to the SQL servers (`engine.js`): each call is a message to its server's Web
//! Worker and an I/O operation of kind `sql` (in the Trace, counted while in flight, holding
//! the virtual clock), answered by the worker's message.
//!
//! Natively there is no worker: every call fails, saying so.

use super::fault::{Fault, MysqlError};
use super::value::Row;
#[cfg(target_arch = "wasm32")]
use super::value::Value;
use super::Error;

/// What a statement returned.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    /// Its rows (none for a statement that changes data).
    pub rows: Vec<Row>,
    /// How many rows it changed, `None` for a query.
    pub changed: Option<u64>,
    /// The rowid of the last row inserted on the connection.
    pub lastrowid: i64,
}

/// One call to the engine.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(super) enum Call<'a> {
    /// Opens connection `id` to the database stored in `file`, made by `seed` if new.
    Connect {
        id: u64,
        file: &'a str,
        seed: &'a str,
    },
    /// Runs `sql` on connection `id`; with `autocommit` off, a change begins a transaction.
    Execute {
        id: u64,
        sql: &'a str,
        autocommit: bool,
    },
    /// Commits connection `id`'s transaction.
    Commit { id: u64 },
    /// Rolls back connection `id`'s transaction.
    Rollback { id: u64 },
    /// Deletes every database of the server: the next connection finds the sample
    /// databases again.
    Reset,
}

#[cfg(target_arch = "wasm32")]
pub(super) use browser::{call, close, request, restart, use_engine_at};

#[cfg(not(target_arch = "wasm32"))]
pub(super) use native::{call, close, request, restart, use_engine_at};

/// A value of a result row, as the worker sends it: a number, a string, `null`, or a real
/// number wrapped as `{real: x}` (SQLite keeps `2.0` apart from `2`).
#[cfg(target_arch = "wasm32")]
fn value_of(js: &wasm_bindgen::JsValue) -> Value {
    use super::super::io::js;
    if js.is_null() || js.is_undefined() {
        Value::Null
    } else if let Some(text) = js.as_string() {
        Value::Text(text)
    } else if let Some(n) = js.as_f64() {
        Value::Int(n as i64)
    } else {
        Value::Float(js::get(js, "real").as_f64().unwrap_or(f64::NAN))
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::future::Future as StdFuture;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::super::super::io::{js, IoOp};
    use super::{value_of, Call, Error, Fault, MysqlError, Outcome, Row};
    use crate::trace::IoKind;

    #[wasm_bindgen(module = "/src/runtime/sql/engine.js")]
    extern "C" {
        fn sql_call(server: &str, op: &str, args: &js_sys::Array) -> js_sys::Promise;
        fn sql_post(server: &str, op: &str, args: &js_sys::Array);
        fn sql_restart();
        fn sql_use_engine(url: &str);
    }

    /// The worker's answer: the value, or why the call failed.
    struct Answer(JsFuture);

    impl StdFuture for Answer {
        type Output = Result<Result<JsValue, Fault>, Error>;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            Pin::new(&mut self.0)
                .poll(cx)
                .map(|answer| Ok(answer.map_err(|e| fault_of(&e))))
        }
    }

    fn fault_of(value: &JsValue) -> Fault {
        if js::get(value, "lost").is_truthy() {
            return Fault::Lost;
        }
        if let Some(why) = js::get(value, "fatal").as_string() {
            return Fault::Unavailable(why);
        }
        match js::get(value, "message").as_string() {
            Some(message) => Fault::Sqlite {
                code: js::get(value, "code").as_f64().unwrap_or(1.0) as i32,
                message,
                offset: js::get(value, "offset").as_f64().unwrap_or(-1.0) as i32,
            },
            None => Fault::Unavailable(js::message(value)),
        }
    }

    fn message(call: &Call<'_>) -> (&'static str, js_sys::Array) {
        let n = |id: u64| JsValue::from_f64(id as f64);
        let (op, args): (_, Vec<JsValue>) = match *call {
            Call::Connect { id, file, seed } => ("connect", vec![n(id), file.into(), seed.into()]),
            Call::Execute {
                id,
                sql,
                autocommit,
            } => ("execute", vec![n(id), sql.into(), autocommit.into()]),
            Call::Commit { id } => ("commit", vec![n(id)]),
            Call::Rollback { id } => ("rollback", vec![n(id)]),
            Call::Reset => ("reset", Vec::new()),
        };
        (op, args.into_iter().collect())
    }

    /// Makes the call to `server` (`127.0.0.1:3306`) as an I/O operation labelled `label`;
    /// a failure is the exception `error` makes of it.
    pub(in super::super) async fn call(
        label: String,
        server: &str,
        call: Call<'_>,
        error: impl FnOnce(&Fault) -> MysqlError,
    ) -> Result<Outcome, Error> {
        let op = IoOp::begin(IoKind::Sql, label)?;
        let (name, args) = message(&call);
        let answer = op
            .wait(Answer(JsFuture::from(sql_call(server, name, &args))))
            .await;
        let value = match answer {
            Err(Error::Cancelled) => return Err(Error::Cancelled),
            Err(failed) => {
                op.end(Some(&failed));
                return Err(failed);
            }
            Ok(Err(fault)) => {
                let failed = Error::from(error(&fault));
                op.end(Some(&failed));
                return Err(failed);
            }
            Ok(Ok(value)) => {
                op.end(None);
                value
            }
        };
        Ok(outcome(&value))
    }

    /// The call without a run: no I/O operation, nothing in any Trace (the page's reset
    /// action, between runs).
    pub(in super::super) async fn request(server: &str, call: Call<'_>) -> Result<Outcome, Fault> {
        let (name, args) = message(&call);
        match JsFuture::from(sql_call(server, name, &args)).await {
            Ok(value) => Ok(outcome(&value)),
            Err(error) => Err(fault_of(&error)),
        }
    }

    fn outcome(value: &JsValue) -> Outcome {
        if value.is_null() || value.is_undefined() {
            return Outcome::default();
        }
        let rows: js_sys::Array = js::get(value, "rows").unchecked_into();
        let changes = js::get(value, "changes").as_f64().unwrap_or(-1.0);
        Outcome {
            rows: rows
                .iter()
                .map(|row| {
                    let row: js_sys::Array = row.unchecked_into();
                    Row(row.iter().map(|v| value_of(&v)).collect())
                })
                .collect(),
            changed: (changes >= 0.0).then_some(changes as u64),
            lastrowid: js::get(value, "lastrowid").as_f64().unwrap_or(0.0) as i64,
        }
    }

    /// Closes connection `id` to `server` without waiting: the server rolls back what it
    /// left open.
    pub(in super::super) fn close(server: &str, id: u64) {
        let args: js_sys::Array = std::iter::once(JsValue::from_f64(id as f64)).collect();
        sql_post(server, "close", &args);
    }

    /// Ends every server as a crash or a closed tab would (see `engine.js`).
    pub(in super::super) fn restart() {
        sql_restart();
    }

    /// Loads the engine's module from `url` from now on.
    pub(in super::super) fn use_engine_at(url: &str) {
        sql_use_engine(url);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{Call, Error, Fault, MysqlError, Outcome};

    /// Natively there is no engine: the call fails as a refused connection would.
    pub(in super::super) async fn call(
        _label: String,
        _server: &str,
        _call: Call<'_>,
        error: impl FnOnce(&Fault) -> MysqlError,
    ) -> Result<Outcome, Error> {
        let fault =
            Fault::Unavailable("the SQL engine needs a browser: it runs in a Web Worker".into());
        Err(error(&fault).into())
    }

    /// Natively there is no engine.
    pub(in super::super) async fn request(
        _server: &str,
        _call: Call<'_>,
    ) -> Result<Outcome, Fault> {
        Err(Fault::Unavailable(
            "the SQL engine runs in a browser's Web Worker".into(),
        ))
    }

    /// Nothing to close natively.
    pub(in super::super) fn close(_server: &str, _id: u64) {}

    /// Nothing to restart natively.
    pub(in super::super) fn restart() {}

    /// Natively there is no engine to load.
    pub(in super::super) fn use_engine_at(_url: &str) {}
}
