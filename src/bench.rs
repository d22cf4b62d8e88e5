//! What `scripts/bench` measures inside the page, exported to JavaScript (`window.wasmBindings`
//! in the release build), so the same page can time plain JavaScript next to it.

use wasm_bindgen::prelude::*;

use crate::runtime::{gather, host, set_event_loop_policy, sleep, Clock, LoopKind, Run, RunStatus};

/// Runs `n` tasks that each yield once (`await asyncio.sleep(0)`) and finish, gathered, with
/// the Trace on or off; returns the wall time in milliseconds.
#[wasm_bindgen(js_name = benchTasks)]
pub async fn bench_tasks(n: u32, traced: bool) -> Result<f64, JsValue> {
    time_tasks(n, traced, LoopKind::Asyncio).await
}

/// [`bench_tasks`] with the Trace on, on the second loop implementation: every ready callback
/// waits for a `setTimeout(0)` of its own (the `swap-loop` lesson's, and Pyodide's WebLoop's
/// way); returns the wall time in milliseconds.
#[wasm_bindgen(js_name = benchTasksOnTimeouts)]
pub async fn bench_tasks_on_timeouts(n: u32) -> Result<f64, JsValue> {
    time_tasks(n, true, LoopKind::SetTimeout).await
}

/// `n` tasks that yield once, gathered, on `kind`'s loop: the wall time of the whole run.
async fn time_tasks(n: u32, traced: bool, kind: LoopKind) -> Result<f64, JsValue> {
    let start = host::now_ms();
    let run = Run::start_traced(Clock::Real { scale: 1.0 }, traced, move || async move {
        set_event_loop_policy(kind)?;
        gather((0..n).map(|_| async {
            sleep(0.0).await?;
            Ok(())
        }))
        .await?;
        Ok(())
    });
    match run.finished().await {
        RunStatus::Finished(Ok(())) => Ok(host::now_ms() - start),
        other => Err(JsValue::from_str(&format!("{other:?}"))),
    }
}

/// Sleeps of `delays_ms` (all started at once, on the real clock); returns how late each one
/// woke, in milliseconds (the runtime's own clock, from `performance.now()`).
#[wasm_bindgen(js_name = benchTimers)]
pub async fn bench_timers(delays_ms: Vec<u32>) -> Result<Vec<f64>, JsValue> {
    let lateness = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = lateness.clone();
    let run = Run::start(Clock::Real { scale: 1.0 }, move || async move {
        gather(delays_ms.into_iter().map(|delay| {
            let sink = sink.clone();
            async move {
                let due = host::now_ms() + f64::from(delay);
                sleep(f64::from(delay) / 1000.0).await?;
                sink.borrow_mut().push(host::now_ms() - due);
                Ok(())
            }
        }))
        .await?;
        Ok(())
    });
    match run.finished().await {
        RunStatus::Finished(Ok(())) => Ok(lateness.take()),
        other => Err(JsValue::from_str(&format!("{other:?}"))),
    }
}

/// The page's two MySQL servers (each SQLite in a Web Worker of its own): a query that keeps a
/// server busy (`WITH RECURSIVE` counting to `rows`) on each server, one after the other and
/// then both at once. Returns `[first connection (the engine's start), one after the other,
/// both at once]` in milliseconds.
#[wasm_bindgen(js_name = benchSqlTwoServers)]
pub async fn bench_sql_two_servers(rows: u32) -> Result<Vec<f64>, JsValue> {
    use crate::runtime::sql::{self, Connect};
    let times = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = times.clone();
    let run = Run::start(Clock::Real { scale: 1.0 }, move || async move {
        let query: std::rc::Rc<str> = format!(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {rows}) \
             SELECT COUNT(*) FROM c"
        )
        .into();
        let start = host::now_ms();
        let mut connections = Vec::new();
        for port in [3306, 3307] {
            let options = Connect {
                host: "127.0.0.1",
                port,
                ..Connect::DEFAULT
            };
            connections.push(std::rc::Rc::new(sql::connect(options).await?));
        }
        sink.borrow_mut().push(host::now_ms() - start);
        let count = |conn: &std::rc::Rc<sql::Connection>| {
            let (conn, query) = (conn.clone(), query.clone());
            async move {
                conn.cursor().execute(&query).await?;
                Ok(())
            }
        };
        let start = host::now_ms();
        for conn in &connections {
            count(conn).await?;
        }
        sink.borrow_mut().push(host::now_ms() - start);
        let start = host::now_ms();
        gather(connections.iter().map(count)).await?;
        sink.borrow_mut().push(host::now_ms() - start);
        Ok(())
    });
    match run.finished().await {
        RunStatus::Finished(Ok(())) => Ok(times.take()),
        other => Err(JsValue::from_str(&format!("{other:?}"))),
    }
}

/// Runs a Python program on the interpreter, on the real clock (as the page runs edited code),
/// with the Trace on; returns what it printed, as [`Outcome::transcript`] writes it
/// (`[ms] line`). The caller times the call: compiling is part of what a learner waits for.
///
/// [`Outcome::transcript`]: crate::interpreter::Outcome::transcript
#[wasm_bindgen(js_name = benchPython)]
pub async fn bench_python(source: String) -> Result<String, JsValue> {
    let (run, outcome) =
        crate::interpreter::start(&source, Clock::Real { scale: 1.0 }, crate::lang::Lang::En)
            .map_err(|e| JsValue::from_str(&e.headline()))?;
    match run.finished().await {
        RunStatus::Finished(Ok(())) => Ok(outcome.transcript()),
        other => Err(JsValue::from_str(&format!(
            "{other:?}\n{}",
            outcome.transcript()
        ))),
    }
}
