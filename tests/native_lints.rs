//! Beginner lints on every runtime lesson, natively on the virtual clock: each lint fires on
//! the lesson written to make that mistake, with the right task, line and numbers, and on no
//! other lesson of the course. (`tests/lints.rs` does the same in the browser for the lessons
//! that need it, and through the page.)
#![cfg(not(target_arch = "wasm32"))]

mod common;

use loopscope::analysis::lints::{self, Finding, Lint, Mistake};
use loopscope::course::{self, KnobValue, Lesson, Needs, Settings};
use loopscope::runtime::{host, Clock};
use loopscope::ui::i18n::Lang;
use loopscope::ui::words::{lint_words, Lines};

fn lints_of(lesson: &Lesson, settings: &Settings) -> Vec<Lint> {
    let run = lesson.start_with(Clock::Virtual, settings);
    host::run_until_idle();
    let found = lints::lints(&run.trace(), lesson, settings);
    // A server lesson serves until Stop; the next one needs its port.
    run.stop();
    found
}

fn lesson(id: &str) -> &'static Lesson {
    course::find(id).unwrap()
}

fn kinds(lints: &[Lint]) -> Vec<Mistake> {
    let mut kinds: Vec<Mistake> = lints.iter().map(Lint::kind).collect();
    kinds.dedup();
    kinds
}

#[test]
fn each_lint_fires_on_its_lesson_and_on_no_other_lesson_of_the_course() {
    let mut checked = 0;
    for lesson in course::all().filter(|l| l.needs == Needs::Runtime) {
        let lints = lints_of(lesson, &Settings::defaults(lesson));
        assert_eq!(kinds(&lints), lesson.mistakes, "{}: {lints:#?}", lesson.id);
        checked += 1;
    }
    assert!(checked >= 35, "{checked}");
    // Every lint kind has a lesson that shows it, and links to a lesson that exists.
    for kind in [
        Mistake::NeverAwaited,
        Mistake::ErrorLost,
        Mistake::Blocked,
        Mistake::Sequential,
    ] {
        assert!(course::find(kind.lesson()).is_some(), "{kind:?}");
        assert!(
            course::all().any(|l| l.mistakes.contains(&kind)),
            "{kind:?}"
        );
    }
}

#[test]
fn a_coroutine_never_awaited_is_named_with_its_line() {
    let never = lesson("never-awaited");
    let lints = lints_of(never, &Settings::defaults(never));
    assert_eq!(
        lints[0].finding,
        Finding::NeverAwaited {
            name: "greet".into(),
            line: 17
        }
    );
    assert!(never
        .rust_listing(Lang::En)
        .lines()
        .nth(16)
        .unwrap()
        .contains("coroutine(greet(\"world\"))"));
    let words = lint_words(&lints[0], &Lines::of(never), Lang::En);
    assert!(words.contains("coroutine 'greet' was never awaited"));
    // The learner reads the Python listing: the hint cites its line first.
    let python_line = Lines::of(never)
        .python_of(17)
        .expect("a Python line for Rust line 17");
    assert!(never
        .python(Lang::En)
        .lines()
        .nth(python_line as usize - 1)
        .unwrap()
        .contains("greet(\"world\")"));
    assert!(
        words.contains(&format!("made at Python line {python_line} / Rust line 17")),
        "{words}"
    );
}

#[test]
fn a_lost_task_error_names_the_task_and_its_error() {
    let lost = lesson("task-error-lost");
    let lints = lints_of(lost, &Settings::defaults(lost));
    assert_eq!(
        lints[0].finding,
        Finding::ErrorLost {
            task: "Task-2".into(),
            error: "ValueError: config file is missing".into()
        }
    );
}

#[test]
fn a_blocked_loop_names_the_step_its_length_and_the_blocking_line() {
    let blocking = lesson("blocking-loop");
    let lints = lints_of(blocking, &Settings::defaults(blocking));
    assert_eq!(lints.len(), 1, "{lints:#?}");
    assert_eq!(
        lints[0].finding,
        Finding::Blocked {
            task: "Task-1".into(),
            step: 2,
            ms: 10_000,
            line: Some(30)
        }
    );
    assert!(blocking
        .rust_listing(Lang::En)
        .lines()
        .nth(29)
        .unwrap()
        .contains("run_here()"));
    // Fewer jobs, shorter block; no jobs, no lint.
    let mut settings = Settings::defaults(blocking);
    settings.set("jobs", KnobValue::Int(1));
    let lints = lints_of(blocking, &settings);
    assert!(matches!(
        lints[0].finding,
        Finding::Blocked { ms: 1000, .. }
    ));
    settings.set("jobs", KnobValue::Int(0));
    assert_eq!(lints_of(blocking, &settings), []);
}

#[test]
fn sequential_sleeps_set_by_two_knobs_are_reported_with_both_times() {
    let sequential = lesson("mistake-sequential");
    let mut settings = Settings::defaults(sequential);
    settings.set("f1", KnobValue::Int(3000));
    settings.set("f2", KnobValue::Int(5000));
    let lints = lints_of(sequential, &settings);
    assert_eq!(lints.len(), 1, "{lints:#?}");
    let Finding::Sequential {
        task,
        first,
        second,
    } = &lints[0].finding
    else {
        panic!("{lints:#?}");
    };
    assert_eq!(task, "Task-1");
    assert_eq!((first.0, first.1.en, first.2), (3000, "f1 sleeps", 8));
    assert_eq!((second.0, second.1.en, second.2), (5000, "f2 sleeps", 15));
    let words = lint_words(&lints[0], &Lines::of(sequential), Lang::En);
    assert!(words.contains("8000 ms in all"));
    assert!(words.contains("together they take 5000 ms"));
    assert!(words.contains("f1 sleeps, Python line "), "{words}");
    // The same knobs on the lesson that creates tasks: they overlap, nothing to say.
    let tasks = lesson("create-task");
    let mut settings = Settings::defaults(tasks);
    settings.set("f1", KnobValue::Int(3000));
    settings.set("f2", KnobValue::Int(5000));
    assert_eq!(lints_of(tasks, &settings), []);
}
