//! The runtime's asyncio semantics, natively on the virtual clock (and once on the real one).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use loopscope::lang::Lang;
use loopscope::print;
use loopscope::runtime::{
    call_later, call_soon, create_task, create_task_named, ensure_future, gather, host, live_runs,
    loop_time, sleep, stop, wait, wait_for, Clock, Condition, Error, Event, EventKind, Future,
    Lock, Queue, ReturnWhen, Run, RunStatus, Semaphore, Task, WaitOn,
};

fn texts(run: &Run) -> Vec<String> {
    run.trace()
        .printed()
        .iter()
        .map(|l| format!("{}@{}", l.text, l.at_ms()))
        .collect()
}

fn run_virtual<F, Fut>(main: F) -> Run
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<(), Error>> + 'static,
{
    let run = Run::start(Clock::Virtual, main);
    host::run_until_idle();
    run
}

async fn work(name: &'static str, seconds: f64) -> Result<&'static str, Error> {
    print!(py 1, "{name} start");
    sleep(seconds).await?;
    print!(py 1, "{name} end");
    Ok(name)
}

#[test]
fn default_names_count_every_task_like_cpython_3_11() {
    let run = run_virtual(|| async {
        let tasks = vec![
            create_task_named(work("a", 2.0), "t1")?,
            create_task_named(work("b", 2.0), "t2")?,
            ensure_future(work("c", 2.0))?,
        ];
        for t in &tasks {
            print!(py 1, "{}", t.get_name());
        }
        wait(tasks, None, ReturnWhen::AllCompleted).await?;
        Ok(())
    });
    let out = texts(&run);
    assert_eq!(&out[..3], ["t1@0", "t2@0", "Task-4@0"]);
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
}

#[test]
fn gather_gives_results_in_argument_order_not_finish_order() {
    let results = Rc::new(RefCell::new(Vec::new()));
    let seen = results.clone();
    let run = run_virtual(move || async move {
        let r = gather([work("slow", 3.0), work("fast", 1.0)]).await?;
        *seen.borrow_mut() = r;
        Ok(())
    });
    assert_eq!(*results.borrow(), ["slow", "fast"]);
    assert_eq!(
        texts(&run),
        [
            "slow start@0",
            "fast start@0",
            "fast end@1000",
            "slow end@3000"
        ]
    );
}

#[test]
fn gather_fails_fast_with_the_first_error_and_leaves_siblings_running() {
    async fn boom() -> Result<&'static str, Error> {
        sleep(1.0).await?;
        Err(Error::raised("ValueError: boom"))
    }
    let run = run_virtual(|| async {
        let sibling = create_task(work("sibling", 2.0))?;
        let err = gather([create_task(boom())?, sibling.clone()])
            .await
            .unwrap_err();
        print!(py 1, "caught {err}");
        sibling.await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "sibling start@0",
            "caught ValueError: boom@1000",
            "sibling end@2000"
        ]
    );
}

#[test]
fn wait_with_timeout_splits_done_and_pending_and_the_run_cancels_leftovers() {
    let run = run_virtual(|| async {
        let tasks = vec![create_task(work("f1", 3.0))?, create_task(work("f2", 1.0))?];
        let (done, pending) = wait(tasks, Some(2.0), ReturnWhen::AllCompleted).await?;
        for d in &done {
            print!(py 1, "done {} {}", d.done(), d.result()?);
        }
        for p in &pending {
            print!(py 1, "pending {} {:?}", p.done(), p.result().err());
        }
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "f1 start@0",
            "f2 start@0",
            "f2 end@1000",
            "done true f2@2000",
            "pending false Some(InvalidState(\"Result is not set.\"))@2000",
        ]
    );
    // asyncio.run cancels what main left running: f1 never prints its end.
    assert_eq!(common::count_events(&run, &EventKind::TaskCancelled), 1);
    assert_eq!(run.live_timers(), 0);
}

#[test]
fn wait_first_completed_returns_at_the_first_end() {
    let run = run_virtual(|| async {
        let tasks = vec![create_task(work("a", 3.0))?, create_task(work("b", 1.0))?];
        let (done, pending) = wait(tasks, None, ReturnWhen::FirstCompleted).await?;
        print!(py 1, "{} {}", done.len(), pending.len());
        Ok(())
    });
    assert!(texts(&run).contains(&"1 1@1000".to_string()));
}

#[test]
fn wait_first_exception_returns_at_the_first_error() {
    async fn fails() -> Result<&'static str, Error> {
        sleep(1.0).await?;
        Err(Error::raised("boom"))
    }
    let run = run_virtual(|| async {
        let tasks = vec![create_task(work("a", 3.0))?, create_task(fails())?];
        let (done, _) = wait(tasks, None, ReturnWhen::FirstException).await?;
        print!(py 1, "{}", done[0].result().unwrap_err());
        Ok(())
    });
    assert!(texts(&run).contains(&"boom@1000".to_string()));
}

#[test]
fn a_cancelled_task_sees_cancelled_at_its_await_and_can_clean_up() {
    async fn careful() -> Result<(), Error> {
        print!(py 1, "working");
        match sleep(10.0).await {
            Err(Error::Cancelled) => {
                print!(py 1, "cleaning up");
                Err(Error::Cancelled)
            }
            other => other,
        }
    }
    let run = run_virtual(|| async {
        let task = create_task(careful())?;
        sleep(1.0).await?;
        print!(py 1, "cancel -> {}", task.cancel());
        let outcome = (&task).await;
        print!(py 1, "{:?} cancelled={}", outcome, task.cancelled());
        print!(py 1, "again -> {}", task.cancel());
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "working@0",
            "cancel -> true@1000",
            "cleaning up@1000",
            "Err(Cancelled) cancelled=true@1000",
            "again -> false@1000",
        ]
    );
    assert_eq!(run.live_timers(), 0);
}

#[test]
fn a_task_cancelled_before_it_starts_never_runs() {
    let run = run_virtual(|| async {
        let task = create_task(work("never", 1.0))?;
        task.cancel();
        print!(py 1, "{:?}", (&task).await);
        Ok(())
    });
    assert_eq!(texts(&run), ["Err(Cancelled)@0"]);
}

#[test]
fn create_task_outside_a_running_loop_is_the_real_error() {
    let err = create_task(work("x", 1.0)).unwrap_err();
    assert_eq!(err, Error::NoRunningLoop);
    assert_eq!(err.to_string(), "RuntimeError: no running event loop");
    assert_eq!(Future::<u8>::new().err(), Some(Error::NoRunningLoop));
}

#[test]
fn sleep_zero_gives_other_ready_tasks_a_turn() {
    async fn ticker(name: &'static str) -> Result<(), Error> {
        for i in 0..3 {
            print!(py 1, "{name}{i}");
            sleep(0.0).await?;
        }
        Ok(())
    }
    let run = run_virtual(|| async {
        gather([ticker("a"), ticker("b")]).await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        ["a0@0", "b0@0", "a1@0", "b1@0", "a2@0", "b2@0"]
    );
}

#[test]
fn a_future_nobody_resolves_waits_until_stop_which_ends_everything() {
    let run = Run::start(Clock::Virtual, || async {
        let fut = Future::<u32>::new()?;
        let _sleeper = create_task(work("sleeper", f64::INFINITY))?;
        fut.await?;
        Ok(())
    });
    host::run_until_idle();
    assert_eq!(run.status(), RunStatus::Running);
    assert_eq!(run.live_tasks(), 2);
    assert_eq!(run.live_timers(), 1);
    assert!(live_runs() >= 1);
    assert!(run.stop());
    assert!(!run.stop());
    assert_eq!(run.status(), RunStatus::Stopped);
    assert_eq!((run.live_tasks(), run.live_timers()), (0, 0));
    let trace = run.trace();
    let last = trace.events().last().map(|e| e.kind.clone());
    assert_eq!(last, Some(EventKind::RunStopped));
}

#[test]
fn set_result_from_another_task_resolves_the_future() {
    let run = run_virtual(|| async {
        let fut = Future::new()?;
        let setter = fut.clone();
        let task = create_task(async move {
            sleep(2.0).await?;
            setter.set_result("ready")?;
            Ok(())
        })?;
        let value = fut.clone().await?;
        print!(py 1, "{value}");
        print!(py 1, "{:?}", fut.set_result("twice"));
        task.await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        ["ready@2000", "Err(InvalidState(\"invalid state\"))@2000"]
    );
}

#[test]
fn an_error_in_main_ends_the_run_with_it() {
    let run = run_virtual(|| async { Err(Error::raised("ValueError: bad")) });
    assert_eq!(
        run.status(),
        RunStatus::Finished(Err(Error::raised("ValueError: bad")))
    );
}

#[test]
fn the_real_clock_keeps_time_within_tolerance_at_a_small_scale() {
    // 0.1: a 2 s lesson sleep takes 200 ms of wall time. Timers are never early; they may be
    // late by scheduling noise (a loaded 2-core CI machine), so the tolerance is stated in
    // lesson time: 500 ms (50 ms real), half the gap between the lines it checks.
    let run = Run::start(Clock::Real { scale: 0.1 }, || async {
        gather([work("a", 2.0), work("b", 1.0)]).await?;
        Ok(())
    });
    host::run_until_idle();
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    let lines = run.trace().printed();
    let order: Vec<_> = lines.iter().map(|l| l.text.to_string()).collect();
    assert_eq!(order, ["a start", "b start", "b end", "a end"]);
    for (line, want) in lines.iter().zip([0u64, 0, 1000, 2000]) {
        let got = line.at_ms();
        assert!(
            got >= want && got <= want + 500,
            "{} at {got} ms, want {want}",
            line.text
        );
    }
}

#[test]
fn call_soon_runs_after_the_current_step_in_fifo_order() {
    let run = run_virtual(|| async {
        call_soon(|| print!(py 1, "first callback"))?;
        call_soon(|| print!(py 1, "second callback"))?;
        print!(py 1, "still in main");
        sleep(0.0).await?;
        print!(py 1, "main again");
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "still in main@0",
            "first callback@0",
            "second callback@0",
            "main again@0"
        ]
    );
    assert_eq!(run.live_callbacks(), 0);
}

#[test]
fn call_later_fires_at_its_delay_and_a_cancelled_handle_never_runs() {
    let run = run_virtual(|| async {
        call_later(2.0, || print!(py 1, "two"))?;
        call_later(1.0, || print!(py 1, "one"))?;
        let never = call_later(1.5, || print!(py 1, "never"))?;
        print!(py 1, "cancel -> {}", never.cancel());
        print!(py 1, "again -> {}", never.cancel());
        sleep(3.0).await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "cancel -> true@0",
            "again -> false@0",
            "one@1000",
            "two@2000"
        ]
    );
    assert_eq!((run.live_callbacks(), run.live_timers()), (0, 0));
}

#[test]
fn run_forever_ends_when_a_done_callback_stops_the_loop() {
    let run = Run::forever(Clock::Virtual, || {
        let task = create_task(work("f1", 3.0))?;
        task.add_done_callback(|t| {
            print!(py 1, "stopping after {:?}", t.result());
            let _ = stop();
        });
        Ok(())
    });
    host::run_until_idle();
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(
        texts(&run),
        [
            "f1 start@0",
            "f1 end@3000",
            "stopping after Ok(\"f1\")@3000"
        ]
    );
    assert_eq!(live_runs(), 0);
}

#[test]
fn a_run_prints_in_the_language_it_was_started_in() {
    for (lang, want) in [
        (Lang::En, ["1 done@0", "value@0"]),
        (Lang::Zh, ["1 完成@0", "返回值@0"]),
    ] {
        let run = Run::start_in(Clock::Virtual, lang, || async {
            let n = 1;
            print!(py 1, "{n} done" | "{n} 完成");
            let value = loopscope::tr!("value" | "返回值");
            print!(py 2, "{value}");
            Ok(())
        });
        host::run_until_idle();
        assert_eq!(run.lang(), lang);
        assert_eq!(texts(&run), want);
    }
    // Outside a run there is no language but the default.
    assert_eq!(loopscope::runtime::language(), Lang::En);
}

#[test]
fn the_loop_is_running_in_tasks_and_callbacks_and_not_before_run_forever() {
    let run = Run::forever(Clock::Virtual, || {
        print!(py 1, "setup {}", loopscope::runtime::loop_is_running());
        call_soon(|| {
            print!(py 2, "callback {}", loopscope::runtime::loop_is_running());
            create_task(async {
                print!(py 3, "task {}", loopscope::runtime::loop_is_running());
                let _ = stop();
                Ok(())
            })
            .map(|_| ())
            .unwrap_or(());
        })?;
        Ok(())
    });
    host::run_until_idle();
    assert_eq!(
        texts(&run),
        ["setup false@0", "callback true@0", "task true@0"]
    );
    assert!(!loopscope::runtime::loop_is_running(), "outside any run");
}

#[test]
fn run_forever_with_only_timers_keeps_time_on_the_real_clock() {
    // A setup that only calls call_later (no task, nothing ready): the loop's clock must start
    // with the setup, or the timers wait for a time that never comes (they re-arm forever, so
    // the host loop is given 5 s at most).
    let run = Run::forever(Clock::Real { scale: 0.1 }, || {
        call_later(2.0, || {
            print!(py 1, "after 2 s");
            let _ = stop();
        })?;
        call_later(1.0, || print!(py 1, "after 1 s"))?;
        Ok(())
    });
    host::run_for(std::time::Duration::from_secs(5));
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    let lines = run.trace().printed();
    let order: Vec<_> = lines.iter().map(|l| l.text.to_string()).collect();
    assert_eq!(order, ["after 1 s", "after 2 s"]);
    for (line, want) in lines.iter().zip([1000u64, 2000]) {
        let got = line.at_ms();
        assert!(
            got >= want && got <= want + 500,
            "{} at {got} ms",
            line.text
        );
    }
}

#[test]
fn done_callbacks_run_in_order_with_bound_arguments_like_partial() {
    fn callback2(extra: u32, task: &Task<&'static str>) {
        print!(py 1, "done: {extra} {}", task.result().unwrap_or("?"));
    }
    let run = run_virtual(|| async {
        let task = create_task(work("f1", 2.0))?;
        task.add_done_callback(|t| print!(py 1, "done: {}", t.result().unwrap_or("?")));
        task.add_done_callback(move |t| callback2(1111, t));
        gather([task.clone()]).await?;
        // Added after the end, it still runs (on the next turn).
        task.add_done_callback(|_| print!(py 1, "late"));
        sleep(0.0).await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "f1 start@0",
            "f1 end@2000",
            "done: f1@2000",
            "done: 1111 f1@2000",
            "late@2000"
        ]
    );
}

#[test]
fn wait_for_times_out_cancels_the_inner_task_and_lets_it_clean_up() {
    async fn slow() -> Result<&'static str, Error> {
        match sleep(10.0).await {
            Err(e) => {
                print!(py 1, "slow cleans up");
                Err(e)
            }
            Ok(()) => Ok("slow"),
        }
    }
    let run = run_virtual(|| async {
        print!(py 1, "{:?}", wait_for(slow(), Some(1.5)).await);
        print!(py 1, "{:?}", wait_for(work("quick", 1.0), Some(5.0)).await);
        print!(py 1, "{:?}", wait_for(work("unbounded", 1.0), None).await);
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "slow cleans up@1500",
            "Err(Timeout)@1500",
            "quick start@1500",
            "quick end@2500",
            "Ok(\"quick\")@2500",
            "unbounded start@2500",
            "unbounded end@3500",
            "Ok(\"unbounded\")@3500",
        ]
    );
}

/// CPython 3.11 prints these lines in this order (the same program in Python, run when this
/// test was written): a task awaiting `gather` or `wait` resumes two loop steps after the
/// child that completed it (the child's done callback, then the combinator's future), one
/// awaiting the child itself one step after, and `wait_for(..., timeout=0)` cancels a task
/// that has not started before it runs.
#[test]
fn combinators_resume_their_waiter_through_a_done_callback_as_asyncio_does() {
    async fn child(name: &'static str) -> Result<(), Error> {
        print!(py 1, "{name} ends");
        Ok(())
    }
    async fn spinner() -> Result<(), Error> {
        for i in 0..8 {
            print!(py 1, "spin {i}");
            sleep(0.0).await?;
        }
        Ok(())
    }
    let run = run_virtual(|| async {
        let spin = create_task(spinner())?;
        gather([create_task(child("gathered"))?]).await?;
        print!(py 1, "gather returned");
        create_task(child("awaited"))?.await?;
        print!(py 1, "await returned");
        wait(
            [create_task(child("waited"))?],
            None,
            ReturnWhen::AllCompleted,
        )
        .await?;
        print!(py 1, "wait returned");
        if wait_for(child("never started"), Some(0.0)).await == Err(Error::Timeout) {
            print!(py 1, "wait_for timed out");
        }
        spin.await
    });
    let out: Vec<String> = run
        .trace()
        .printed()
        .iter()
        .map(|l| l.text.to_string())
        .collect();
    assert_eq!(
        out,
        [
            "spin 0",
            "gathered ends",
            "spin 1",
            "spin 2",
            "gather returned",
            "spin 3",
            "awaited ends",
            "spin 4",
            "await returned",
            "spin 5",
            "waited ends",
            "spin 6",
            "spin 7",
            "wait returned",
            "wait_for timed out",
        ]
    );
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
}

/// CPython 3.11 prints these lines (the same program in Python, run when this test was
/// written): cancelling a task that awaits another cancels that one, and the await gives its
/// outcome, so an inner task that declines the cancellation hands its value to the outer one,
/// which is then not cancelled.
#[test]
fn cancelling_a_task_that_awaits_a_task_cancels_that_one_and_waits_for_it() {
    async fn inner(declines: bool) -> Result<&'static str, Error> {
        if let Err(error) = sleep(1.0).await {
            print!(py 1, "inner cancelled");
            if !declines {
                return Err(error);
            }
        }
        Ok("inner's value")
    }
    async fn outer(declines: bool) -> Result<(), Error> {
        let t = create_task(inner(declines))?;
        match (&t).await {
            Ok(value) => print!(py 1, "outer got {value}"),
            Err(error) => {
                print!(py 1, "outer cancelled, inner cancelled? {}", t.cancelled());
                return Err(error);
            }
        }
        Ok(())
    }
    let run = run_virtual(|| async {
        for declines in [false, true] {
            let o = create_task(outer(declines))?;
            sleep(0.2).await?;
            o.cancel();
            gather([o.clone()]).return_exceptions().await?;
            print!(py 1, "outer cancelled? {}", o.cancelled());
        }
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "inner cancelled@200",
            "outer cancelled, inner cancelled? true@200",
            "outer cancelled? true@200",
            "inner cancelled@400",
            "outer got inner's value@400",
            "outer cancelled? false@400",
        ]
    );
}

/// CPython 3.11 on the differential harness's virtual clock prints these (the same program in
/// Python, run when this test was written): `b`'s timer, set after `a`'s, is due at the float
/// 0.06 and `a`'s at 0.060000000000000005, the same microsecond; `b` fires first, and the
/// loop's time is `b`'s float. Ten `sleep(0.1)` then add up as floats do.
#[test]
fn the_virtual_clock_keeps_asyncios_float_of_seconds() {
    async fn sleeps(name: &'static str, delays: &'static [f64]) -> Result<(), Error> {
        for delay in delays {
            sleep(*delay).await?;
        }
        print!(py 1, "{name} {:?}", loop_time()?);
        Ok(())
    }
    let run = run_virtual(|| async {
        gather([
            create_task(sleeps("a", &[0.01, 0.05]))?,
            create_task(sleeps("b", &[0.01, 0.01, 0.04]))?,
        ])
        .await?;
        for _ in 0..10 {
            sleep(0.1).await?;
        }
        print!(py 1, "{:?}", loop_time()?);
        Ok(())
    });
    assert_eq!(
        texts(&run),
        ["b 0.06@60", "a 0.06@60", "1.0599999999999998@1060"]
    );
}

#[test]
fn gather_return_exceptions_keeps_a_cancelled_group_in_place() {
    let run = run_virtual(|| async {
        let group1 = gather([work("f1", 3.0), work("f1", 3.0)]).return_exceptions();
        let group2 = gather([work("f2", 3.0), work("f2", 3.0)]);
        group1.cancel();
        let results = gather([
            create_task(async move {
                let outcomes = group1.await?;
                Ok(outcomes
                    .into_iter()
                    .map(|o| format!("{o:?}"))
                    .collect::<Vec<_>>())
            })?,
            create_task(
                async move { Ok(group2.await?.into_iter().map(|s| s.to_string()).collect()) },
            )?,
        ])
        .return_exceptions()
        .await?;
        print!(py 1, "{results:?}");
        Ok(())
    });
    let out = texts(&run);
    assert_eq!(out[..2], ["f2 start@0", "f2 start@0"]);
    assert_eq!(
        out.last().unwrap(),
        "[Ok([\"Err(Cancelled)\", \"Err(Cancelled)\"]), Ok([\"f2\", \"f2\"])]@3000"
    );
}

#[test]
fn loop_stop_under_asyncio_run_is_the_error_python_raises() {
    let run = run_virtual(|| async {
        stop()?;
        sleep(1.0).await?;
        print!(py 1, "never");
        Ok(())
    });
    assert_eq!(
        run.status(),
        RunStatus::Finished(Err(Error::raised(
            "RuntimeError: Event loop stopped before Future completed."
        )))
    );
    assert!(texts(&run).is_empty());
}

#[test]
fn a_woken_getter_that_is_cancelled_hands_the_item_to_the_next_getter() {
    let run = run_virtual(|| async {
        let queue = Queue::<u32>::new(0);
        let getter = |name: &'static str, queue: Queue<u32>| async move {
            let item = queue.get().await?;
            print!(py 1, "{name} got {item}");
            Ok(())
        };
        let g1 = create_task(getter("g1", queue.clone()))?;
        let g2 = create_task(getter("g2", queue.clone()))?;
        sleep(0.0).await?; // both are now waiting, g1 first
        queue.put_nowait(7)?; // wakes g1...
        g1.cancel(); // ...which is cancelled before it can take the item
        let _ = (&g1).await;
        g2.await?;
        print!(py 1, "left {}", queue.qsize());
        Ok(())
    });
    assert_eq!(texts(&run), ["g2 got 7@0", "left 0@0"]);
}

#[test]
fn a_lock_is_taken_in_fifo_order_and_released_when_its_holder_is_cancelled() {
    let run = run_virtual(|| async {
        let lock = Lock::new();
        let holder = |name: &'static str, lock: Lock, seconds: f64| async move {
            let _held = lock.acquire().await?;
            print!(py 1, "{name} holds");
            sleep(seconds).await?;
            print!(py 1, "{name} releases");
            Ok(())
        };
        let a = create_task(holder("a", lock.clone(), 10.0))?;
        let b = create_task(holder("b", lock.clone(), 1.0))?;
        let c = create_task(holder("c", lock.clone(), 1.0))?;
        sleep(2.0).await?;
        print!(py 1, "locked {}", lock.locked());
        a.cancel(); // its permit is dropped: b gets the lock
        gather([b, c]).await?;
        print!(py 1, "locked {}", lock.locked());
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "a holds@0",
            "locked true@2000",
            "b holds@2000",
            "b releases@3000",
            "c holds@3000",
            "c releases@4000",
            "locked false@4000",
        ]
    );
}

#[test]
fn an_event_wakes_every_waiter_and_stays_set_until_cleared() {
    let run = run_virtual(|| async {
        let event = Event::new();
        let waiter = |name: &'static str, event: Event| async move {
            event.wait().await?;
            print!(py 1, "{name} saw it");
            Ok(())
        };
        let waiters = vec![
            create_task(waiter("w1", event.clone()))?,
            create_task(waiter("w2", event.clone()))?,
        ];
        sleep(1.0).await?;
        event.set();
        gather(waiters).await?;
        event.wait().await?; // already set: returns at once
        event.clear();
        print!(py 1, "set {}", event.is_set());
        Ok(())
    });
    assert_eq!(
        texts(&run),
        ["w1 saw it@1000", "w2 saw it@1000", "set false@1000"]
    );
}

#[test]
fn a_full_queue_makes_put_wait_and_task_done_counts() {
    let run = run_virtual(|| async {
        let queue = Queue::new(1);
        queue.put_nowait("a")?;
        print!(py 1, "{:?}", queue.put_nowait("b"));
        let q = queue.clone();
        let putter = create_task(async move {
            q.put("b").await?;
            print!(py 1, "put b");
            Ok(())
        })?;
        sleep(1.0).await?;
        print!(py 1, "got {}", queue.get().await?);
        putter.await?;
        print!(py 1, "got {}", queue.get_nowait()?);
        queue.task_done()?;
        queue.task_done()?;
        print!(py 1, "{:?}", queue.task_done());
        queue.join().await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "Err(Raised(\"QueueFull\"))@0",
            "got a@1000",
            "put b@1000",
            "got b@1000",
            "Err(Raised(\"ValueError: task_done() called too many times\"))@1000",
        ]
    );
}

/// How many times a task of the run suspended on `on`.
fn suspensions(run: &Run, on: &WaitOn) -> usize {
    common::count_events(run, &EventKind::TaskSuspended { on: on.clone() })
}

#[test]
fn a_condition_waiter_gives_the_lock_back_and_takes_it_again_after_notify() {
    let run = run_virtual(|| async {
        let cond = Condition::new(Lock::new());
        let waiter = |name: &'static str, cond: Condition| async move {
            let permit = cond.lock().acquire().await?;
            print!(py 1, "{name} waits");
            let (permit, result) = cond.wait(permit).await;
            result?;
            print!(py 1, "{name} notified, locked {}", cond.lock().locked());
            sleep(1.0).await?;
            drop(permit);
            Ok(())
        };
        let waiters = vec![
            create_task(waiter("w1", cond.clone()))?,
            create_task(waiter("w2", cond.clone()))?,
            create_task(waiter("w3", cond.clone()))?,
        ];
        sleep(1.0).await?;
        print!(py 1, "{:?}", cond.notify(1));
        let permit = cond.lock().acquire().await?;
        cond.notify(1)?;
        print!(py 1, "main notified one, locked {}", cond.lock().locked());
        sleep(1.0).await?;
        drop(permit);
        sleep(2.0).await?;
        let permit = cond.lock().acquire().await?;
        cond.notify_all()?;
        drop(permit);
        gather(waiters).await?;
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "w1 waits@0",
            "w2 waits@0",
            "w3 waits@0",
            "Err(Raised(\"RuntimeError: cannot notify on un-acquired lock\"))@1000",
            "main notified one, locked true@1000",
            "w1 notified, locked true@2000",
            "w2 notified, locked true@4000",
            "w3 notified, locked true@5000",
        ]
    );
    // Three waits to be notified; w1 waits for main's lock, w3 for w2's.
    assert_eq!(suspensions(&run, &WaitOn::Event), 3);
    assert_eq!(suspensions(&run, &WaitOn::Lock), 2);
}

#[test]
fn a_cancelled_condition_waiter_still_takes_the_lock_back() {
    let run = run_virtual(|| async {
        let cond = Condition::new(Lock::new());
        let c = cond.clone();
        let waiter = create_task(async move {
            let permit = c.lock().acquire().await?;
            let (permit, result) = c.wait(permit).await;
            print!(py 1, "{result:?}, locked {}", c.lock().locked());
            drop(permit);
            result
        })?;
        sleep(1.0).await?;
        let permit = cond.lock().acquire().await?;
        waiter.cancel();
        sleep(1.0).await?;
        drop(permit);
        print!(py 1, "{:?}", waiter.await);
        Ok(())
    });
    assert_eq!(
        texts(&run),
        ["Err(Cancelled), locked true@2000", "Err(Cancelled)@2000"]
    );
}

#[test]
fn a_queue_takes_items_where_its_caller_says_and_a_semaphore_can_count_past_its_start() {
    let run = run_virtual(|| async {
        let lifo = Queue::new(0);
        for i in 0..3 {
            lifo.put_nowait_by(i, |items, i| {
                items.push_back(i);
                Ok(())
            })?;
        }
        let mut out = Vec::new();
        while let Ok(i) = lifo.get_nowait_by(|items| Ok(items.pop_back())) {
            out.push(i);
        }
        print!(py 1, "{out:?}");
        let refused = lifo.put_nowait_by(9, |_, _| Err(Error::raised("TypeError: no")));
        print!(py 1, "{refused:?} {}", lifo.qsize());
        let sem = Semaphore::new(0);
        sem.release();
        let permit = sem.acquire().await?;
        print!(py 1, "value {} locked {}", sem.value(), sem.locked());
        drop(permit);
        print!(py 1, "value {}", sem.value());
        Ok(())
    });
    assert_eq!(
        texts(&run),
        [
            "[2, 1, 0]@0",
            "Err(Raised(\"TypeError: no\")) 0@0",
            "value 0 locked true@0",
            "value 1@0",
        ]
    );
}

#[test]
fn an_untraced_run_does_the_same_work_and_records_only_its_start_and_end() {
    use loopscope::runtime::{gather, sleep};
    let run = Run::start_traced(Clock::Virtual, false, || async {
        let values = gather((0..1000u32).map(|i| async move {
            sleep(0.0).await?;
            Ok(i)
        }))
        .await?;
        assert_eq!(values.iter().sum::<u32>(), 999 * 1000 / 2);
        Ok(())
    });
    host::run_until_idle();
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(run.trace().len(), 2);
    assert_eq!(run.live_tasks(), 0);
}

#[test]
fn a_real_clock_run_records_when_its_page_was_hidden_and_a_virtual_one_does_not() {
    // The host plays the browser's `visibilitychange` here; in the browser the same entry is
    // called by the document's listener (tests/ui.rs hides a real tab in Firefox).
    let lesson = || async {
        sleep(1.0).await?;
        host::set_page_hidden(true);
        sleep(1.0).await?;
        host::set_page_hidden(false);
        print!(py 1, "done");
        Ok(())
    };
    let real = Run::start(Clock::Real { scale: 0.01 }, lesson);
    host::run_for(std::time::Duration::from_secs(5));
    assert_eq!(real.status(), RunStatus::Finished(Ok(())));
    let marks: Vec<(EventKind, u64)> = real
        .trace()
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::PageHidden | EventKind::PageShown))
        .map(|e| (e.kind.clone(), e.at_ms()))
        .collect();
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert_eq!(marks[0].0, EventKind::PageHidden);
    assert_eq!(marks[1].0, EventKind::PageShown);
    assert!((1000..1500).contains(&marks[0].1), "{marks:?}");
    assert!((2000..2500).contains(&marks[1].1), "{marks:?}");

    let virtual_run = run_virtual(lesson);
    assert!(!virtual_run
        .trace()
        .events()
        .iter()
        .any(|e| matches!(e.kind, EventKind::PageHidden | EventKind::PageShown)));
}

#[test]
fn a_real_clock_run_begun_in_a_hidden_page_says_so_at_once() {
    host::set_page_hidden(true);
    let run = Run::start(Clock::Real { scale: 0.01 }, || async {
        sleep(0.5).await?;
        Ok(())
    });
    host::run_for(std::time::Duration::from_secs(5));
    host::set_page_hidden(false);
    let kinds: Vec<EventKind> = run.trace().events()[..2]
        .iter()
        .map(|e| e.kind.clone())
        .collect();
    assert!(matches!(kinds[0], EventKind::RunStarted { .. }));
    assert_eq!(kinds[1], EventKind::PageHidden);
    // Ended while hidden: no PageShown after the end.
    assert!(!run
        .trace()
        .events()
        .iter()
        .any(|e| e.kind == EventKind::PageShown));
}

#[test]
fn a_timer_held_back_while_the_page_was_hidden_is_inside_the_hidden_span_when_it_fires_after_the_page_is_shown(
) {
    // The browser may run a timer it held back after its `visibilitychange` event: the line that
    // timer wakes is late too, so the span ends after it, and the next line is on time again.
    use loopscope::analysis::hidden::{extend_hidden_spans, throttled};
    let run = Run::start(Clock::Real { scale: 0.01 }, || async {
        sleep(1.0).await?;
        print!(py 1, "late");
        sleep(1.0).await?;
        print!(py 2, "on time");
        Ok(())
    });
    host::run_for(std::time::Duration::from_millis(2));
    host::set_page_hidden(true);
    // Past the 10 ms deadline with the host's timer held back (nothing runs the host meanwhile).
    std::thread::sleep(std::time::Duration::from_millis(30));
    host::set_page_hidden(false);
    assert!(
        !run.trace()
            .events()
            .iter()
            .any(|e| e.kind == EventKind::PageShown),
        "not before the held-back timer fires"
    );
    host::run_for(std::time::Duration::from_secs(2));
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    let trace = run.trace();
    let events = trace.events();
    let seq_of =
        |wanted: &dyn Fn(&EventKind) -> bool| events.iter().position(|e| wanted(&e.kind)).unwrap();
    let late = seq_of(&|k| matches!(k, EventKind::Print { text, .. } if &**text == "late"));
    let on_time = seq_of(&|k| matches!(k, EventKind::Print { text, .. } if &**text == "on time"));
    let shown = seq_of(&|k| *k == EventKind::PageShown);
    assert!(late < shown && shown < on_time, "{late} {shown} {on_time}");
    let mut spans = Vec::new();
    extend_hidden_spans(&mut spans, events);
    assert!(throttled(&spans, late as u64));
    assert!(!throttled(&spans, on_time as u64));
}

#[test]
fn a_run_that_ends_before_its_held_back_timers_fire_closes_its_hidden_span_at_its_end() {
    let run = Run::start(Clock::Real { scale: 0.01 }, || async {
        sleep(1.0).await?;
        print!(py 1, "late");
        Ok(())
    });
    host::run_for(std::time::Duration::from_millis(2));
    host::set_page_hidden(true);
    std::thread::sleep(std::time::Duration::from_millis(30));
    host::set_page_hidden(false);
    host::run_for(std::time::Duration::from_secs(1));
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    let trace = run.trace();
    let kinds: Vec<&EventKind> = trace.events().iter().map(|e| &e.kind).collect();
    let n = kinds.len();
    assert_eq!(kinds[n - 2], &EventKind::PageShown, "{kinds:?}");
    assert!(matches!(kinds[n - 1], EventKind::RunFinished { .. }));
}

#[test]
fn a_renamed_task_is_known_by_its_new_name_to_its_handles_the_trace_and_the_loop_model() {
    use loopscope::analysis::model::LoopModel;
    let run = run_virtual(|| async {
        let t = create_task(async {
            sleep(1.0).await?;
            print!(py 1, "{}", loopscope::runtime::task_name(loopscope::runtime::current_task_id().unwrap()).unwrap());
            Ok(())
        })?;
        let other = t.clone();
        t.set_name("renamed");
        print!(py 2, "{}", other.get_name());
        t.await
    });
    assert_eq!(texts(&run), ["renamed@0", "renamed@1000"]);
    let trace = run.trace();
    let renamed = trace
        .events()
        .iter()
        .find(|e| matches!(&e.kind, EventKind::TaskRenamed { name } if &**name == "renamed"))
        .expect("recorded");
    let task = renamed.task.unwrap();
    assert_eq!(&*trace.task_name(task), "renamed");
    let before = LoopModel::at(&trace, Some(renamed.seq - 1));
    assert_eq!(&*before.tasks[task.index()].name, "Task-2");
    let after = LoopModel::at(&trace, Some(renamed.seq));
    assert_eq!(&*after.tasks[task.index()].name, "renamed");
}

#[test]
fn a_removed_done_callback_never_runs_and_leaves_the_loop_model() {
    use loopscope::analysis::model::LoopModel;
    let calls = Rc::new(RefCell::new(Vec::new()));
    let seen = calls.clone();
    let run = run_virtual(move || async move {
        let t = create_task(async {
            sleep(1.0).await?;
            Ok(())
        })?;
        let (a, b) = (seen.clone(), seen.clone());
        let kept = t.add_done_callback_at(move |_| a.borrow_mut().push("kept"), 7);
        let removed = t.add_done_callback_at(move |_| b.borrow_mut().push("removed"), 8);
        assert!(t.remove_done_callback(removed));
        assert!(!t.remove_done_callback(removed), "once");
        let _ = kept;
        t.clone().await?;
        sleep(0.0).await?;
        assert!(!t.remove_done_callback(kept), "it has run");
        Ok(())
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(*calls.borrow(), ["kept"]);
    let trace = run.trace();
    let removed = trace
        .events()
        .iter()
        .find(|e| matches!(e.kind, EventKind::DoneCallbackRemoved { line: 8, .. }))
        .expect("recorded");
    let model = LoopModel::at(&trace, Some(removed.seq));
    assert_eq!(model.tasks[1].done_callbacks, [7]);
}
