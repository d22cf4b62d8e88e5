//! Beginner lints in the browser: on every lesson of the course (the ones that need the
//! browser or workers included), exactly the lints the lesson makes on purpose, none on the
//! others; the blocked-loop lint on the real clock, and none on the worker lessons there; the
//! hints panel in the real App and in an embed. (`tests/native_lints.rs` checks the runtime lessons' findings in detail.)
#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{
    all, by_testid, click, has_testid, mount_app, run_lesson, sleep_ms, type_into, wait_until,
};
use loopscope::analysis::lints::{self, Finding, Mistake};
use loopscope::course::{self, Ends, KnobValue, Settings};
use loopscope::runtime::{Clock, RunStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn each_lint_fires_on_its_lesson_and_on_no_other_lesson_in_the_browser() {
    let mut checked = 0;
    common::use_fixture_engine();
    for lesson in course::all() {
        let settings = common::fixture_settings(lesson);
        let run = lesson.start_with(Clock::Virtual, &settings);
        match lesson.ends {
            Ends::ByItself => {
                run.finished().await;
            }
            Ends::OnlyWhenStopped => {
                sleep_ms(100).await;
                run.stop();
            }
        }
        let found = lints::lints(&run.trace(), lesson, &settings);
        // One kind once, however often it was made (three requests that block are three
        // findings of one mistake), as the native test counts them.
        let mut kinds: Vec<Mistake> = found.iter().map(|l| l.kind()).collect();
        kinds.dedup();
        assert_eq!(kinds, lesson.mistakes, "{}: {found:#?}", lesson.id);
        checked += 1;
    }
    assert_eq!(checked, 87);
}

#[wasm_bindgen_test]
async fn a_blocked_loop_is_measured_on_the_real_clock() {
    // One blocking second at 5× speed: 200 ms of wall time, well over the 50 ms limit.
    let lesson = course::find("blocking-loop").unwrap();
    let mut settings = Settings::defaults(lesson);
    settings.set("jobs", KnobValue::Int(1));
    let run = lesson.start_with(Clock::Real { scale: 0.2 }, &settings);
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let found = lints::lints(&run.trace(), lesson, &settings);
    assert_eq!(found.len(), 1, "{found:#?}");
    let Finding::Blocked { task, ms, line, .. } = &found[0].finding else {
        panic!("{found:#?}");
    };
    assert_eq!((task.as_str(), *line), ("Task-1", Some(30)));
    // Lesson time; the spin is never short, and a loaded machine may add some.
    assert!((1000..1400).contains(ms), "{ms} ms");
}

#[wasm_bindgen_test]
async fn the_worker_lessons_raise_no_blocked_loop_hint_on_the_real_clock() {
    // On the real clock a step is judged by the wall time it holds the page. Starting a Web
    // Worker holds it for a few ms, so workers start outside the lesson's steps; the steps
    // here measured 3-11 ms (20-24 ms when the workers started inside them), the limit is 50.
    for id in ["run-in-executor", "pool-callbacks"] {
        let lesson = course::find(id).unwrap();
        let settings = Settings::defaults(lesson);
        let run = lesson.start_with(Clock::Real { scale: 0.5 }, &settings);
        assert_eq!(run.finished().await, RunStatus::Finished(Ok(())), "{id}");
        let found = lints::lints(&run.trace(), lesson, &settings);
        assert!(found.is_empty(), "{id}: {found:#?}");
    }
}

/// The hints shown after running `lesson` on the instant clock.
async fn hints_after_running(root: &web_sys::HtmlElement, lesson: &str) -> Vec<String> {
    run_lesson(root, lesson, "clock-instant").await;
    wait_until(&format!("the hints of {lesson}"), 3000, || {
        has_testid(root, "lints") || has_testid(root, "lints-clean")
    })
    .await;
    all(root, "[data-testid=lint]")
        .iter()
        .map(|l| l.get_attribute("data-lint").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_page_shows_each_lint_with_its_fix_and_teaching_lesson_and_none_on_a_correct_one() {
    let (root, handle) = mount_app().await;
    for (lesson, kind) in [
        ("never-awaited", Mistake::NeverAwaited),
        ("task-error-lost", Mistake::ErrorLost),
        ("mistake-sequential", Mistake::Sequential),
        ("blocking-loop", Mistake::Blocked),
    ] {
        assert_eq!(
            hints_after_running(&root, lesson).await,
            [kind.id()],
            "{lesson}"
        );
        let fix = by_testid(&root, "lint-fix").text_content().unwrap();
        assert!(fix.starts_with("Fix: "), "{fix}");
        let link = by_testid(&root, "lint-lesson");
        assert_eq!(
            link.get_attribute("href").unwrap(),
            format!("#/lesson/{}", kind.lesson())
        );
    }
    let message = by_testid(&root, "lint-message").text_content().unwrap();
    assert!(
        message.contains(
            "Step 2 of Task-1 held the loop for 10000 ms, at Python line 26 / Rust line 30"
        ),
        "{message}"
    );
    // Show in replay: the step that blocked.
    click(&root, "lint-show");
    leptos::task::tick().await;
    let at = by_testid(&root, "replay-event").text_content().unwrap();
    assert!(at.contains("Task-1"), "{at}");

    // A correct lesson: no hint, and a word that the run was checked.
    assert!(hints_after_running(&root, "create-task").await.is_empty());
    assert!(has_testid(&root, "lints-clean"));

    // The same mistake in another lesson links to the lesson that teaches it: following the
    // link opens it.
    assert_eq!(
        hints_after_running(&root, "executor-sequential").await,
        ["blocked-loop"]
    );
    let link = by_testid(&root, "lint-lesson");
    assert!(link
        .text_content()
        .unwrap()
        .contains("Blocking inside a coroutine"));
    link.click();
    wait_until("the teaching lesson", 2000, || {
        by_testid(&root, "lesson")
            .get_attribute("data-lesson")
            .as_deref()
            == Some("blocking-loop")
    })
    .await;
    // Changed knobs are judged as run: one job blocks for one second.
    type_into(&root, "knob-jobs", "1");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the hint of one job", 3000, || {
        has_testid(&root, "lint-message")
            && by_testid(&root, "lint-message")
                .text_content()
                .unwrap()
                .contains("held the loop for 1000 ms")
    })
    .await;
    drop(handle);
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn in_an_embed_a_lint_links_to_the_full_page_in_a_new_tab() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/embed/never-awaited")
        .unwrap();
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the hint", 3000, || has_testid(&root, "lint")).await;
    let link = by_testid(&root, "lint-lesson")
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .unwrap();
    assert_eq!(link.target(), "_blank");
    assert!(
        link.href().ends_with("#/lesson/never-awaited"),
        "{}",
        link.href()
    );
    assert!(link.text_content().unwrap().contains("(this one)"));
    drop(handle);
    web_sys::window().unwrap().location().set_hash("").unwrap();
}
