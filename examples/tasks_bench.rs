//! The runtime's per-task cost natively, without a browser: 100,000 tasks that yield once
//! (`await asyncio.sleep(0)`), gathered, with the Trace on and off, best of seven runs.
//! `cargo run --release --example tasks_bench` (the browser's own figures, against
//! `Promise.all`, are `scripts/bench`'s).

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    run();
}

#[cfg(not(target_arch = "wasm32"))]
fn run() {
    use loopscope::runtime::{gather, host, sleep, Clock, Run, RunStatus};
    use std::time::Instant;

    const TASKS: u32 = 100_000;
    for traced in [true, false] {
        let mut best = f64::INFINITY;
        for _ in 0..7 {
            let start = Instant::now();
            let run = Run::start_traced(Clock::Virtual, traced, || async {
                gather((0..TASKS).map(|_| async {
                    sleep(0.0).await?;
                    Ok(())
                }))
                .await?;
                Ok(())
            });
            host::run_until_idle();
            assert_eq!(run.status(), RunStatus::Finished(Ok(())));
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        let trace = if traced { "on " } else { "off" };
        println!("{TASKS} tasks gathered, Trace {trace}: {best:.1} ms (best of 7)");
    }
}
