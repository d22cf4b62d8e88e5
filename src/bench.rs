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
