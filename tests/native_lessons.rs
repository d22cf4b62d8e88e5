//! Every lesson on the virtual clock, natively: the whole runtime without a browser, driven by
//! `host::run_until_idle`. The same checks run in headless Chromium in `tests/lessons.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use loopscope::examples::{self, Lesson, Needs};
use loopscope::runtime::{host, live_runs, Clock, Run};

/// The lessons that need nothing but the runtime (the others need a browser: fetch, storage,
/// message channels, Web Workers; they are tested in headless Chromium).
fn runtime_lessons() -> impl Iterator<Item = &'static Lesson> {
    examples::all().filter(|l| l.needs == Needs::Runtime)
}

#[test]
fn every_lesson_prints_its_expected_lines_at_the_expected_times() {
    assert_eq!(examples::all().count(), 42);
    let mut count = 0;
    for lesson in runtime_lessons() {
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        common::assert_lesson_run(lesson, &run);
        count += 1;
    }
    assert_eq!(count, 35);
    assert_eq!(live_runs(), 0);
}

#[test]
fn virtual_runs_repeat_exactly() {
    for lesson in runtime_lessons() {
        let runs: Vec<Run> = (0..2)
            .map(|_| {
                let run = lesson.start(Clock::Virtual);
                host::run_until_idle();
                run
            })
            .collect();
        let (first, second) = (&runs[0], &runs[1]);
        let strip = |run: &Run| {
            run.trace()
                .events()
                .iter()
                .skip(1) // RunStarted carries the generation, which differs
                .map(|e| (e.seq, e.at_us, e.task, e.kind.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(first), strip(second), "{}", lesson.id);
        assert_ne!(first.generation(), second.generation());
    }
}

#[test]
fn lesson_ids_are_unique_and_listings_are_cut_at_the_marker() {
    let mut ids: Vec<_> = examples::all().map(|l| l.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), examples::all().count());
    for lesson in examples::all() {
        assert!(!lesson.rust_listing().contains("LESSON"), "{}", lesson.id);
        let entry = match lesson.entry {
            examples::Entry::Run(_) => "pub async fn main",
            examples::Entry::Forever(_) => "pub fn setup",
        };
        assert!(lesson.rust_listing().contains(entry), "{}", lesson.id);
        assert_eq!(examples::find(lesson.id).map(|l| l.id), Some(lesson.id));
    }
}

#[test]
fn browser_lessons_fail_natively_with_a_clear_message() {
    for lesson in examples::all().filter(|l| l.needs != Needs::Runtime) {
        let run = lesson.start(Clock::Virtual);
        host::run_until_idle();
        // Either the run fails with the message, or (downloads) each file reports it.
        let said = format!("{:?} {:?}", run.status(), common::printed_texts(&run));
        assert!(said.contains("needs a browser"), "{}: {said}", lesson.id);
        assert_eq!(common::live_counters(&run), [0; 7], "{}", lesson.id);
    }
}
