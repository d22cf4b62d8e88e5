//! What a learner meets on the page, through its real components: an empty output that says
//! what to do, the answer hidden while predicting, a refused value that holds Run back, the
//! Rust listing one click away (closed in Chinese, remembered), finding lessons by keyboard and
//! by steps, and the document's language and title.
#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{
    all, by_testid, click, fresh_root, has_testid, mount_app, set_hash, text_of, type_into,
    wait_until,
};
use loopscope::runtime::live_runs;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn focused_testid() -> Option<String> {
    document().active_element()?.get_attribute("data-testid")
}

fn open_lesson(root: &HtmlElement) -> String {
    by_testid(root, "lesson")
        .get_attribute("data-lesson")
        .unwrap_or_default()
}

async fn settle() {
    leptos::task::tick().await;
    common::dom::whole_page().await;
    common::dom::sleep_ms(20).await;
}

#[wasm_bindgen_test]
async fn an_empty_output_says_to_press_run_and_goes_once_lines_come() {
    set_hash("#/lesson/create-task");
    let (root, handle) = mount_app().await;
    settle().await;
    assert!(text_of(&root, "output-empty").contains("press Run"));
    click(&root, "clock-instant");
    click(&root, "run");
    wait_until("the output", 3000, || !has_testid(&root, "output-empty")).await;
    assert!(!all(&root, "[data-testid=output-row]").is_empty());
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn the_intro_shows_until_dismissed_and_stays_dismissed() {
    storage().remove_item("loopscope.intro").unwrap();
    let (root, handle) = mount_app().await;
    settle().await;
    assert!(text_of(&root, "intro").contains("Predict the order"));
    click(&root, "intro-dismiss");
    settle().await;
    assert!(!has_testid(&root, "intro"));
    drop(handle);
    let (root, handle) = mount_app().await;
    settle().await;
    assert!(!has_testid(&root, "intro"), "remembered");
    drop(handle);
}

#[wasm_bindgen_test]
async fn predict_mode_hides_the_note_and_the_expected_output_until_the_prediction_is_scored() {
    set_hash("#/lesson/gather-order?predict=1");
    let (root, handle) = mount_app().await;
    settle().await;
    assert!(has_testid(&root, "predict"));
    // "fast ends first, slow last…" would give the answer away.
    assert!(!has_testid(&root, "lesson-note"));
    assert!(!has_testid(&root, "expected"));
    click(&root, "clock-instant");
    click(&root, "run");
    wait_until("the score", 5000, || has_testid(&root, "predict-score")).await;
    assert!(has_testid(&root, "lesson-note"));
    assert!(has_testid(&root, "expected"));
    // The verdict under the score says what it compares with: not the prediction.
    let bar = root.query_selector(".verdict-bar").unwrap().unwrap();
    assert!(
        bar.text_content()
            .unwrap_or_default()
            .starts_with("Against the course's expected output:"),
        "{:?}",
        bar.text_content()
    );
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_refused_value_holds_run_back_until_it_is_fixed_or_the_lesson_values_return() {
    set_hash("#/lesson/create-task");
    let (root, handle) = mount_app().await;
    settle().await;
    let run_disabled = || by_testid(&root, "run").has_attribute("disabled");
    assert!(!run_disabled());
    type_into(&root, "knob-f1", "99");
    settle().await;
    assert!(run_disabled(), "a refused value disables Run");
    assert!(text_of(&root, "knob-error-f1").contains("30"));
    click(&root, "run");
    settle().await;
    assert_eq!(live_runs(), 0, "nothing ran with the old value");
    type_into(&root, "knob-f1", "3");
    settle().await;
    assert!(!run_disabled());
    assert_eq!(text_of(&root, "knob-error-f1"), "");
    type_into(&root, "knob-f2", "soon");
    settle().await;
    assert!(run_disabled());
    click(&root, "knobs-reset");
    settle().await;
    assert!(!run_disabled(), "the lesson's own values are never refused");
    assert_eq!(text_of(&root, "knob-error-f2"), "");
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn the_rust_listing_is_closed_in_chinese_opens_with_one_click_and_is_remembered() {
    set_hash("#/lesson/create-task");
    storage().set_item("loopscope.lang", "zh").unwrap();
    storage().remove_item("loopscope.rust-listing").unwrap();
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), loopscope::ui::App);
    settle().await;
    assert!(has_testid(&root, "python"));
    assert!(!has_testid(&root, "rust"), "closed by default in Chinese");
    // The document speaks the page's language.
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert!(document().title().starts_with("create_task 之后逐个 await"));
    click(&root, "rust-toggle");
    wait_until("the Rust listing", 2000, || has_testid(&root, "rust")).await;
    assert_eq!(
        storage()
            .get_item("loopscope.rust-listing")
            .unwrap()
            .as_deref(),
        Some("open")
    );
    click(&root, "lang-toggle");
    settle().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert!(document()
        .title()
        .starts_with("create_task, then await each task"));
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn the_catalog_is_one_tab_stop_with_arrow_keys_and_choosing_a_lesson_moves_focus_to_it() {
    set_hash("#/lesson/create-task");
    let (root, handle) = mount_app().await;
    settle().await;
    let links = all(&root, ".catalog a");
    assert!(links.len() > 40);
    let tabbable: Vec<_> = links
        .iter()
        .filter(|a| a.get_attribute("tabindex").as_deref() == Some("0"))
        .collect();
    assert_eq!(
        tabbable.len(),
        1,
        "only the open lesson's link is in the Tab order"
    );
    assert_eq!(
        tabbable[0].get_attribute("data-testid").as_deref(),
        Some("lesson-create-task")
    );
    let current: HtmlElement = tabbable[0].clone().unchecked_into();
    current.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowDown");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let down = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    current.dispatch_event(&down).unwrap();
    assert_eq!(
        focused_testid().as_deref(),
        Some("lesson-create-task-values")
    );
    click(&root, "lesson-create-task-values");
    settle().await;
    assert_eq!(open_lesson(&root), "create-task-values");
    assert_eq!(focused_testid().as_deref(), Some("lesson-title"));
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn previous_next_and_the_lesson_menu_open_the_neighbouring_and_the_chosen_lesson() {
    set_hash("#/lesson/create-task");
    let (root, handle) = mount_app().await;
    settle().await;
    click(&root, "lesson-next");
    settle().await;
    assert_eq!(open_lesson(&root), "create-task-values");
    click(&root, "lesson-prev");
    click(&root, "lesson-prev");
    settle().await;
    let before = open_lesson(&root);
    assert_ne!(before, "create-task");
    let menu: web_sys::HtmlSelectElement = by_testid(&root, "lesson-menu").unchecked_into();
    assert_eq!(menu.value(), before, "the menu shows the open lesson");
    menu.set_value("run-in-executor");
    common::dom::fire(&menu, "change");
    settle().await;
    assert_eq!(open_lesson(&root), "run-in-executor");
    // The first lesson has no previous one.
    let first = loopscope::course::all().next().unwrap().id;
    menu.set_value(first);
    common::dom::fire(&menu, "change");
    settle().await;
    assert!(by_testid(&root, "lesson-prev").has_attribute("disabled"));
    drop(handle);
    set_hash("");
}

/// Mounts the app on `hash`, runs its lesson on the instant clock and waits for the end (the
/// replay bar).
async fn run_instantly(hash: &str) -> (HtmlElement, Box<dyn std::any::Any>) {
    set_hash(hash);
    let (root, handle) = mount_app().await;
    settle().await;
    click(&root, "clock-instant");
    click(&root, "run");
    wait_until("the replay bar", 3000, || has_testid(&root, "replay")).await;
    (root, handle)
}

/// The create-task lesson run on the virtual clock outside the page: the same events, event
/// for event, as the page's instant run.
async fn reference_run() -> loopscope::runtime::Run {
    let run = loopscope::course::find("create-task")
        .unwrap()
        .start(loopscope::runtime::Clock::Virtual);
    run.finished().await;
    run
}

fn replay_position(root: &HtmlElement) -> u64 {
    let text = text_of(root, "replay-event");
    let (position, _) = text.split_once('/').unwrap();
    position.trim().parse::<u64>().unwrap() - 1
}

#[wasm_bindgen_test]
async fn a_click_on_an_output_row_replays_the_moment_it_was_printed_and_lights_its_dot() {
    let (root, handle) = run_instantly("#/lesson/create-task").await;
    let seq = reference_run().await.trace().printed()[3].seq;
    let rows = all(&root, "[data-testid=output-row]");
    rows[3].unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(replay_position(&root), seq);
    // The output says why it shows four lines of six.
    assert!(text_of(&root, "output-replaying").contains("4 of 6"));
    assert_eq!(all(&root, "[data-testid=output-row]").len(), 4);
    let lit = all(&root, "[data-testid=timeline-print].lit");
    assert_eq!(lit.len(), 1);
    assert_eq!(
        lit[0].get_attribute("data-seq").as_deref(),
        Some(seq.to_string().as_str())
    );
    click(&root, "step-last");
    settle().await;
    assert!(!has_testid(&root, "output-replaying"));
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn the_timeline_draws_steps_by_step_and_a_click_on_a_lane_seeks_there() {
    let (root, handle) = run_instantly("#/lesson/create-task").await;
    let events = reference_run().await.trace().len() as u64;
    // By time, every step of the virtual clock takes no time: a 4 px mark shows it.
    let marks = all(&root, "[data-testid=timeline-lane] line.running-mark");
    assert!(!marks.is_empty());
    let window = web_sys::window().unwrap();
    for mark in &marks {
        let style = window.get_computed_style(mark).unwrap().unwrap();
        assert_eq!(style.get_property_value("stroke-width").unwrap(), "4px");
    }
    let ticks: Vec<String> = all(&root, "[data-testid=timeline-tick]")
        .iter()
        .map(|t| t.text_content().unwrap_or_default())
        .collect();
    assert_eq!(ticks, ["0 ms", "500 ms", "1000 ms", "1500 ms", "2000 ms"]);
    // By step, each step spans its events.
    click(&root, "axis-steps");
    settle().await;
    let track = root
        .query_selector("[data-testid=timeline-lane] svg")
        .unwrap()
        .unwrap();
    let pad = events / 100 + 1;
    assert_eq!(
        track.get_attribute("viewBox").unwrap(),
        format!("-{pad} 0 {} 30", events + 2 * pad)
    );
    for rect in all(&root, "[data-testid=timeline-lane] rect.running") {
        let width: u64 = rect.get_attribute("width").unwrap().parse().unwrap();
        assert!(width >= 1, "a step spans at least one event");
    }
    assert_eq!(
        text_of(&root, "timeline-tick"),
        "step 0",
        "the axis counts steps"
    );
    // A click in the middle of a lane moves the cursor to the middle of the run.
    let rect = track.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_client_x((rect.left() + rect.width() / 2.0) as i32);
    init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
    init.set_bubbles(true);
    let click_event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    track.dispatch_event(&click_event).unwrap();
    settle().await;
    let at = replay_position(&root);
    assert!(
        at.abs_diff(events / 2) <= 2,
        "clicked the middle of {events} events, the cursor is at {at}"
    );
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn opening_the_internals_after_a_run_starts_at_the_first_interesting_step() {
    let (root, handle) = run_instantly("#/lesson/create-task").await;
    click(&root, "internals-toggle");
    wait_until("the internals", 2000, || {
        has_testid(&root, "internals-ready")
    })
    .await;
    let reference = reference_run().await;
    let want = loopscope::analysis::replay::first_interesting(&reference.trace()).unwrap();
    assert_eq!(replay_position(&root), want);
    // Two tasks queued behind main, as the runtime had them.
    assert_eq!(all(&root, "[data-testid=ready-entry]").len(), 2);
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn callbacks_the_loop_runs_get_a_loop_lane_with_their_prints() {
    let (root, handle) = run_instantly("#/lesson/call-later").await;
    let lanes = all(&root, "[data-testid=timeline-lane]");
    let names = common::dom::lane_names(&root);
    assert_eq!(names.last().map(String::as_str), Some("loop"), "{names:?}");
    let lane = lanes.last().unwrap();
    assert_eq!(lane.query_selector_all("rect.running").unwrap().length(), 2);
    assert_eq!(
        lane.query_selector_all("[data-testid=timeline-print]")
            .unwrap()
            .length(),
        2
    );
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn a_seconds_knob_takes_half_a_second() {
    set_hash("#/lesson/create-task");
    let (root, handle) = mount_app().await;
    settle().await;
    type_into(&root, "knob-f1", "0.5");
    settle().await;
    assert_eq!(text_of(&root, "knob-error-f1"), "");
    assert!(!by_testid(&root, "run").has_attribute("disabled"));
    let python = text_of(&root, "python");
    assert!(python.contains("asyncio.sleep(0.5)"), "{python}");
    wait_until("the link to carry it", 1000, || {
        web_sys::window()
            .unwrap()
            .location()
            .hash()
            .unwrap()
            .contains("f1=0.5")
    })
    .await;
    click(&root, "clock-instant");
    click(&root, "run");
    wait_until("six rows", 3000, || {
        all(&root, "[data-testid=output-row]").len() == 6
    })
    .await;
    let rows = common::dom::output_rows(&root);
    assert_eq!(
        (rows[3].0.as_str(), rows[3].1.as_str(), rows[3].2.as_str()),
        ("+500 ms", "Task-2", "2")
    );
    // A comma is not a decimal point here: it says what it wants.
    type_into(&root, "knob-f2", "1,5");
    settle().await;
    assert!(text_of(&root, "knob-error-f2").contains("is not a number of seconds"));
    drop(handle);
    set_hash("");
}
