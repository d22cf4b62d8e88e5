//! Every lesson on the virtual clock, natively: the whole runtime without a browser, driven by
//! `host::run_until_idle`. The same checks run in headless Chromium in `tests/lessons.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use loopscope::analysis::canonical::canonical;
use loopscope::course::{self, Lesson, Needs};
use loopscope::lang::Lang;
use loopscope::runtime::{host, live_runs, Clock, Error, EventKind, Run, RunStatus};

/// The lessons that need nothing but the runtime (the others need a browser: fetch, storage,
/// message channels, Web Workers; they are tested in headless Chromium).
fn runtime_lessons() -> impl Iterator<Item = &'static Lesson> {
    course::all().filter(|l| l.needs == Needs::Runtime)
}

#[test]
fn every_lesson_prints_its_expected_lines_at_the_expected_times() {
    assert_eq!(course::all().count(), 87);
    let mut count = 0;
    for lesson in runtime_lessons() {
        for lang in Lang::ALL {
            let defaults = course::Settings::defaults(lesson);
            let run = lesson.start_in(lang, Clock::Virtual, &defaults);
            host::run_until_idle();
            common::assert_lesson_run(lesson, &run);
        }
        count += 1;
    }
    assert_eq!(count, 62);
    assert_eq!(live_runs(), 0);
}

#[test]
fn virtual_runs_repeat_exactly() {
    for lesson in runtime_lessons() {
        let runs: Vec<Run> = (0..2)
            .map(|_| {
                let run = lesson.start(Clock::Virtual);
                host::run_until_idle();
                // A server lesson serves until Stop; the next run needs its port.
                run.stop();
                run
            })
            .collect();
        let (first, second) = (&runs[0], &runs[1]);
        // Event for event, and word for word but for what the machine decides (a speed it
        // measured: `swap-loop`'s times).
        let strip = |run: &Run| {
            run.trace()
                .events()
                .iter()
                .skip(1) // RunStarted carries the generation, which differs
                .map(|e| {
                    let kind = match &e.kind {
                        EventKind::Print {
                            text,
                            rust_line,
                            py_line,
                        } => EventKind::Print {
                            text: canonical(text).into(),
                            rust_line: *rust_line,
                            py_line: *py_line,
                        },
                        other => other.clone(),
                    };
                    (e.seq, e.at_us, e.task, kind)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(first), strip(second), "{}", lesson.id);
        assert_ne!(first.generation(), second.generation());
    }
}

#[test]
fn lesson_ids_are_unique_listings_cut_at_the_marker_and_entries_found() {
    let mut ids: Vec<_> = course::all().map(|l| l.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), course::all().count());
    for lesson in course::all() {
        assert!(
            !lesson.rust_listing(Lang::En).contains("LESSON"),
            "{}",
            lesson.id
        );
        let entry = match course::entries::of(lesson.id).expect("every lesson has an entry") {
            course::Entry::Run(_) => "pub async fn main",
            course::Entry::Forever(_) => "pub fn setup",
            course::Entry::Script(_) => "pub fn main",
        };
        assert!(
            lesson.rust_listing(Lang::En).contains(entry),
            "{}",
            lesson.id
        );
        assert_eq!(course::find(lesson.id).map(|l| l.id), Some(lesson.id));
    }
}

#[test]
fn browser_lessons_fail_natively_with_a_clear_message() {
    for lesson in course::all().filter(|l| l.needs != Needs::Runtime) {
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        // Either the run fails with the message, or (downloads) each file reports it, or a
        // task fails with it and `asyncio.wait` leaves it unretrieved, which the hint names.
        let settings = course::Settings::defaults(lesson);
        let lost: Vec<_> = loopscope::analysis::lints::lints(&run.trace(), lesson, &settings)
            .into_iter()
            .map(|lint| lint.finding)
            .collect();
        let said = format!(
            "{:?} {:?} {lost:?}",
            run.status(),
            common::printed_texts(&run)
        );
        assert!(said.contains("needs a browser"), "{}: {said}", lesson.id);
        // A server lesson still serves (its requests failed, each with a 500): Stop ends it.
        if lesson.ends == course::Ends::OnlyWhenStopped {
            run.stop();
        }
        assert_eq!(common::live_counters(&run), [0; 8], "{}", lesson.id);
    }
}

#[test]
fn every_knob_points_at_its_value_in_the_python_listing() {
    let mut knobs = 0;
    for lesson in course::all() {
        for knob in lesson.knobs {
            knobs += 1;
            let default = knob.format(&knob.default_value());
            for spot in knob.spots {
                let line = lesson
                    .python(Lang::En)
                    .lines()
                    .nth(spot.line as usize - 1)
                    .unwrap_or("");
                let shown = format!("{}{}", spot.after, spot.literal);
                assert!(
                    line.contains(&shown),
                    "{}: {} not on line {}: {line:?}",
                    lesson.id,
                    shown,
                    spot.line
                );
                assert_eq!(spot.literal, default, "{}: {}", lesson.id, knob.id);
            }
            if !knob.python.is_empty() {
                let constant = format!("{} = ", knob.python);
                assert!(
                    lesson
                        .python(Lang::En)
                        .lines()
                        .any(|l| l.starts_with(&constant)),
                    "{}: {constant}",
                    lesson.id
                );
            }
            assert!(
                !knob.spots.is_empty() || !knob.python.is_empty(),
                "{}: {} is shown nowhere",
                lesson.id,
                knob.id
            );
        }
        // At the lesson's own values, the listing is exactly the file.
        assert_eq!(
            lesson.python_with(&course::Settings::defaults(lesson), Lang::En),
            lesson.python(Lang::En),
            "{}",
            lesson.id
        );
    }
    assert!(knobs >= 20, "{knobs} knobs");
}

/// Runs a lesson natively with knob values from a query and returns (ms, text) lines.
fn run_with(id: &str, query: &str) -> Vec<(u64, String)> {
    let lesson = course::find(id).unwrap();
    let (settings, refused) = course::Settings::from_query(lesson, query);
    assert!(refused.is_empty(), "{refused:?}");
    let run = lesson.start_with(Clock::Virtual, &settings);
    host::run_until_idle();
    let lines = run.trace().printed();
    lines
        .iter()
        .map(|l| (l.at_ms(), l.text.to_string()))
        .collect()
}

#[test]
fn knobs_change_what_the_lessons_do() {
    let lines = |v: &[(u64, &str)]| -> Vec<(u64, String)> {
        v.iter().map(|(t, s)| (*t, s.to_string())).collect()
    };
    // f1 now sleeps longest: 4 comes before 2.
    assert_eq!(
        run_with("create-task", "f1=3&f2=1"),
        lines(&[
            (0, "main start"),
            (0, "1"),
            (0, "3"),
            (1000, "4"),
            (3000, "2"),
            (3000, "main end")
        ])
    );
    // A timeout longer than both tasks: both are done.
    let texts: Vec<String> = run_with("wait-timeout", "timeout=5")
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        texts.iter().filter(|t| t.starts_with("True")).count(),
        2,
        "{texts:?}"
    );
    // Results keep argument order, whoever is fastest.
    assert_eq!(
        run_with("gather-order", "slow=0&fast=4&mid=2")
            .last()
            .unwrap(),
        &(4000, "['slow', 'fast', 'mid']".to_string())
    );
    assert_eq!(
        run_with("semaphore-limit", "limit=5").last().unwrap().0,
        1000
    );
    assert_eq!(run_with("async-range", "total=3").len(), 3);
    assert_eq!(
        run_with("timeout-cleanup", "download=1&timeout=2").len(),
        2,
        "finishes in time: no give-up line"
    );
    assert_eq!(
        run_with("timeout-cleanup", "timeout=3").last().unwrap(),
        &(3000, "gave up after 3 s".to_string())
    );
    assert_eq!(
        run_with("executor-sequential", "jobs=2").last().unwrap(),
        &(2000, "2 jobs took about 2 s".to_string())
    );
}

#[test]
fn a_lesson_asking_for_a_knob_it_does_not_have_fails_its_run_by_name() {
    use loopscope::course::{Entry, KnobReader, LessonFuture};
    fn misspelt(knobs: &KnobReader) -> LessonFuture {
        let seconds = knobs.int("f3"); // the lesson's knobs are f1 and f2
        Box::pin(async move { loopscope::runtime::sleep(seconds as f64).await })
    }
    let lesson = course::find("create-task").unwrap();
    let settings = course::Settings::defaults(lesson);
    let run = lesson.start_entry(Entry::Run(misspelt), Lang::En, Clock::Virtual, &settings);
    host::run_until_idle();
    assert_eq!(
        run.status(),
        RunStatus::Finished(Err(Error::raised(
            "RuntimeError: the lesson has no knob \"f3\""
        )))
    );
    assert!(run.trace().printed().is_empty());
}
