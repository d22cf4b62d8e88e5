//! UI tests: the real App mounted in headless Chromium, driven through its real buttons.
#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{
    all, by_testid, click, fire, fresh_root, has_testid, highlighted_line, mount_app, output_rows,
    run_lesson, text_of, wait_until,
};
use loopscope::runtime::live_runs;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn rows_as_strings(root: &web_sys::Element) -> Vec<String> {
    output_rows(root)
        .into_iter()
        .map(|(at, task, text)| format!("{at} {task} {text}"))
        .collect()
}

/// Presses Stop and checks it took: no run is left alive and the status says so.
async fn press_stop(root: &HtmlElement) {
    click(root, "stop");
    leptos::task::tick().await;
    assert_eq!(live_runs(), 0);
    wait_until("stopped status", 1000, || {
        by_testid(root, "status")
            .text_content()
            .unwrap_or_default()
            .starts_with("Stopped")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_first_screen_is_drawn_at_once_and_the_rest_after_the_first_frame() {
    common::dom::set_hash("#/lesson/create-task");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("loopscope.lang", "en").unwrap();
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), loopscope::ui::App);
    // In the task that mounted the page: the listing, Run and the output.
    for part in ["python", "run", "output-empty"] {
        assert!(has_testid(&root, part), "{part} is drawn at once");
    }
    // Below the first screen, each in a task of its own once the page has painted.
    for part in ["lesson-create-task", "timeline", "replay", "expected"] {
        assert!(!has_testid(&root, part), "{part} waits for the first frame");
    }
    assert!(loopscope::ui::parts_waiting() > 0);
    // Run pressed before they are there: the timeline drawn later shows the run too.
    click(&root, "clock-instant");
    click(&root, "run");
    common::dom::whole_page().await;
    for part in ["lesson-create-task", "timeline", "replay", "expected"] {
        assert!(
            has_testid(&root, part),
            "{part} is drawn after the first frame"
        );
    }
    let lines = loopscope::course::find("create-task")
        .unwrap()
        .expected
        .len();
    wait_until("the run's output", 5_000, || {
        output_rows(&root).len() == lines
    })
    .await;
    wait_until("the run's lanes", 5_000, || {
        all(&root, "[data-testid=timeline-lane]").len() >= 2
    })
    .await;
    drop(handle);
    common::dom::set_hash("");
}

#[wasm_bindgen_test]
async fn clicking_run_fills_the_output_panel_and_hover_highlights_both_listings() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "create-task", "clock-instant").await;
    wait_until("six output rows", 3000, || output_rows(&root).len() == 6).await;
    assert_eq!(
        rows_as_strings(&root),
        [
            "+0 ms Task-1 main start",
            "+0 ms Task-2 1",
            "+0 ms Task-3 3",
            "+2000 ms Task-2 2",
            "+2000 ms Task-3 4",
            "+2000 ms Task-1 main end",
        ]
    );
    wait_until("status", 1000, || {
        by_testid(&root, "status")
            .text_content()
            .unwrap_or_default()
            .contains("2000 ms")
    })
    .await;

    // Hovering "2" lights up `print(2)` (Python line 7) and its `print!` (Rust line 9).
    let rows = all(&root, "[data-testid=output-row]");
    fire(&rows[3], "mouseenter");
    leptos::task::tick().await;
    assert_eq!(highlighted_line(&root, "python"), Some(7));
    assert_eq!(highlighted_line(&root, "rust"), Some(9));
    fire(&rows[3], "mouseleave");
    leptos::task::tick().await;
    assert_eq!(highlighted_line(&root, "python"), None);
    drop(handle);
}

#[wasm_bindgen_test]
async fn stop_mid_run_on_the_real_clock_cancels_the_run() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "asyncio-run", "clock-real").await;
    wait_until("the first line", 3000, || output_rows(&root).len() == 1).await;
    // While it runs, the latest printed line is highlighted in both listings.
    wait_until("live highlight", 1000, || {
        highlighted_line(&root, "python") == Some(5)
    })
    .await;
    assert_eq!(live_runs(), 1);
    press_stop(&root).await;
    // Real clock: the first line's time is real too; allow 50 ms for the debug build's first
    // render before the loop starts.
    let rows = output_rows(&root);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].1.as_str(), rows[0].2.as_str()),
        ("Task-1", "f1 start")
    );
    let ms: u64 = rows[0]
        .0
        .trim_start_matches('+')
        .trim_end_matches(" ms")
        .parse()
        .unwrap();
    assert!(ms <= 50, "first line at {ms} ms");
    drop(handle);
}

#[wasm_bindgen_test]
async fn run_pressed_twice_shows_one_run_only() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "tasks-wait", "clock-real").await;
    wait_until("first rows", 3000, || output_rows(&root).len() >= 3).await;
    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("seven rows", 3000, || output_rows(&root).len() == 7).await;
    common::dom::sleep_ms(1200).await; // past the first run's own 1 s sleeps
    let rows = rows_as_strings(&root);
    assert_eq!(rows.len(), 7, "{rows:?}");
    assert_eq!(rows[5], "+1000 ms Task-1 2 done, 0 pending");
    assert_eq!(live_runs(), 0);
    drop(handle);
}

#[wasm_bindgen_test]
async fn leaving_a_lesson_mid_run_stops_it_and_clears_the_output() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "gevent-spawn", "clock-real").await;
    wait_until("first rows", 3000, || output_rows(&root).len() == 2).await;
    click(&root, "lesson-plain-calls");
    leptos::task::tick().await;
    assert_eq!(live_runs(), 0);
    assert!(output_rows(&root).is_empty());
    assert_eq!(
        by_testid(&root, "lesson")
            .get_attribute("data-lesson")
            .as_deref(),
        Some("plain-calls")
    );
    // Unmounting mid-run stops that run too. The owner's cleanups run when its last reference
    // goes, which pending effects may hold until the loop turns once.
    click(&root, "run");
    assert_eq!(live_runs(), 1);
    drop(handle);
    common::dom::sleep_ms(10).await;
    assert_eq!(live_runs(), 0);
}

#[wasm_bindgen_test]
async fn the_language_toggle_switches_labels_and_notes() {
    let (root, handle) = mount_app().await;
    click(&root, "lesson-tasks-wait");
    leptos::task::tick().await;
    let before = by_testid(&root, "run").text_content().unwrap_or_default();
    click(&root, "lang-toggle");
    leptos::task::tick().await;
    let after = by_testid(&root, "run").text_content().unwrap_or_default();
    assert_ne!(before, after);
    assert!(["Run", "运行"].contains(&before.as_str()));
    assert!(["Run", "运行"].contains(&after.as_str()));
    let title = by_testid(&root, "lesson-title")
        .text_content()
        .unwrap_or_default();
    assert!(title == "Tasks and asyncio.wait" || title == "Task 与 asyncio.wait");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_run_prints_in_the_page_language_and_keeps_it_when_the_language_changes() {
    let (root, handle) = mount_app().await;
    click(&root, "lesson-create-task-values");
    leptos::task::tick().await;
    if text_of(&root, "run") != "运行" {
        click(&root, "lang-toggle");
        leptos::task::tick().await;
    }
    // The Chinese page shows the course's own listing and prints its words.
    let python = text_of(&root, "python");
    assert!(python.contains("print(\"main开始\")"), "{python}");
    run_lesson(&root, "create-task-values", "clock-instant").await;
    wait_until("the verdict", 3000, || has_testid(&root, "verdict")).await;
    let texts = |root: &HtmlElement| -> Vec<String> {
        output_rows(root)
            .into_iter()
            .map(|(_, _, text)| text)
            .collect()
    };
    assert_eq!(
        texts(&root),
        ["main开始", "main结束", "1", "1", "2", "2", "返回值 返回值"]
    );
    let matches = |root: &HtmlElement| by_testid(root, "verdict").get_attribute("data-matches");
    assert_eq!(matches(&root).as_deref(), Some("true"));
    // In English the listing and the expected output change; the run printed Chinese and is
    // still judged against the Chinese output.
    click(&root, "lang-toggle");
    leptos::task::tick().await;
    assert!(text_of(&root, "python").contains("print(\"main start\")"));
    assert_eq!(texts(&root)[0], "main开始");
    assert_eq!(matches(&root).as_deref(), Some("true"));
    // A new run speaks the page's language.
    run_lesson(&root, "create-task-values", "clock-instant").await;
    wait_until("an English run", 3000, || {
        texts(&root).last().map(String::as_str) == Some("return value return value")
    })
    .await;
    assert_eq!(matches(&root).as_deref(), Some("true"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_highlighted_line_of_a_long_listing_is_scrolled_into_view() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "greenlet-switch", "clock-instant").await;
    wait_until("four rows", 3000, || output_rows(&root).len() == 4).await;
    let rows = all(&root, "[data-testid=output-row]");
    fire(&rows[3], "mouseenter");
    leptos::task::tick().await;
    let line = highlighted_line(&root, "rust").expect("a highlighted Rust line");
    let pre: web_sys::HtmlElement = root
        .query_selector("[data-testid=rust] pre")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let lit: web_sys::HtmlElement = root
        .query_selector("[data-testid=rust] .line.hl")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        line > 40,
        "the last print is far down the listing (line {line})"
    );
    assert!(pre.scroll_top() > 0, "the listing scrolled");
    assert!(lit.offset_top() >= pre.scroll_top());
    assert!(lit.offset_top() + lit.offset_height() <= pre.scroll_top() + pre.client_height());
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_future_nobody_resolves_runs_until_stop_ends_it() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "future-pending", "clock-instant").await;
    wait_until("the waiting line", 3000, || output_rows(&root).len() == 1).await;
    // Even on the instant clock it stays running: nothing will ever resolve the future.
    common::dom::sleep_ms(200).await;
    assert_eq!(live_runs(), 1);
    assert!(by_testid(&root, "status")
        .text_content()
        .unwrap_or_default()
        .starts_with("Running"));
    assert!(!by_testid(&root, "stop").has_attribute("disabled"));
    press_stop(&root).await;
    assert_eq!(
        rows_as_strings(&root),
        ["+0 ms Task-1 waiting for the future..."]
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_timeline_draws_a_lane_per_task_with_its_waits_and_prints() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "create-task", "clock-instant").await;
    wait_until("six output rows", 3000, || output_rows(&root).len() == 6).await;
    leptos::task::tick().await;
    let lanes = all(&root, "[data-testid=timeline-lane]");
    let names = common::dom::lane_names(&root);
    // Each with the coroutine it runs, as the Python listing calls it.
    assert_eq!(names, ["Task-1 · main()", "Task-2 · f1()", "Task-3 · f2()"]);
    assert_eq!(all(&root, "[data-testid=timeline-print]").len(), 6);
    // Task-2's sleep spans the whole 2 s run: lanes are drawn in µs, and each lane's viewBox
    // is the whole run (with 1 % to spare at each end).
    let sleep = lanes[1].query_selector("rect.waiting").unwrap().unwrap();
    assert_eq!(sleep.get_attribute("x").as_deref(), Some("0"));
    assert_eq!(sleep.get_attribute("width").as_deref(), Some("2000000"));
    let track = lanes[1].query_selector("svg").unwrap().unwrap();
    assert_eq!(
        track.get_attribute("viewBox").as_deref(),
        Some("-20001 0 2040002 30")
    );
    let title = sleep
        .query_selector("title")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title, "Task-2 sleep until 2000 ms: 0–2000 ms");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_finished_run_is_marked_as_matching_the_expected_output() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "gather-order", "clock-instant").await;
    wait_until("the verdict", 3000, || has_testid(&root, "verdict")).await;
    let verdict = by_testid(&root, "verdict");
    assert_eq!(
        verdict.get_attribute("data-matches").as_deref(),
        Some("true")
    );
    assert!(verdict.text_content().unwrap().contains("order and times"));
    // The expected output is listed in full beside it.
    assert_eq!(all(&root, "[data-testid=expected] li").len(), 7);

    // A run stopped halfway is not judged.
    click(&root, "clock-real");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("first rows", 3000, || output_rows(&root).len() >= 3).await;
    click(&root, "stop");
    leptos::task::tick().await;
    assert!(!has_testid(&root, "verdict"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_real_clock_run_that_measures_its_own_lateness_is_judged_right_by_the_page() {
    // blocking-loop prints how late its ticks were ("tick 1: about 9500 ms late"); on the real
    // clock the number it measures varies (9600 at 10× speed is common), and the verdict must
    // judge it as it judges the print times: by order and words, not the exact text.
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash("#/lesson/blocking-loop?clock=real-10x")
        .unwrap();
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the verdict", 20_000, || has_testid(&root, "verdict")).await;
    let verdict = by_testid(&root, "verdict");
    let rows = output_rows(&root);
    assert_eq!(
        verdict.get_attribute("data-matches").as_deref(),
        Some("true"),
        "{}\n{rows:#?}",
        verdict.text_content().unwrap_or_default()
    );
    assert!(
        rows.iter()
            .any(|(_, _, text)| text.starts_with("tick 1: about ")),
        "{rows:#?}"
    );
    drop(handle);
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn replay_steps_through_the_trace_moving_output_timeline_and_highlight_together() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "create-task", "clock-instant").await;
    wait_until("the replay bar", 3000, || has_testid(&root, "replay")).await;
    let event = || {
        by_testid(&root, "replay-event")
            .text_content()
            .unwrap_or_default()
    };

    click(&root, "step-first");
    leptos::task::tick().await;
    assert!(output_rows(&root).is_empty());
    assert!(event().starts_with("1/"), "{}", event());
    assert!(event().contains("run started"), "{}", event());

    // Print by print: the output grows one line at a time and the highlight follows it.
    let steps = [(1, 17), (2, 5), (3, 11), (4, 7)];
    for (rows, py_line) in steps {
        click(&root, "step-next-print");
        leptos::task::tick().await;
        assert_eq!(output_rows(&root).len(), rows);
        assert_eq!(highlighted_line(&root, "python"), Some(py_line));
        assert!(event().contains("print("), "{}", event());
    }
    assert!(event().contains("+2000 ms · Task-2"), "{}", event());
    // The timeline shows a cursor in every lane that exists at this point.
    assert_eq!(
        all(&root, "[data-testid=timeline-lane] .cursor").len(),
        all(&root, "[data-testid=timeline-lane]").len()
    );

    click(&root, "step-prev");
    leptos::task::tick().await;
    assert_eq!(output_rows(&root).len(), 3);
    // One event back sits just after print "3"; the previous print is that one, then "1".
    click(&root, "step-prev-print");
    leptos::task::tick().await;
    assert_eq!(output_rows(&root).len(), 3);
    assert_eq!(highlighted_line(&root, "python"), Some(11));
    click(&root, "step-prev-print");
    leptos::task::tick().await;
    assert_eq!(output_rows(&root).len(), 2);
    assert_eq!(highlighted_line(&root, "python"), Some(5));

    click(&root, "step-last");
    leptos::task::tick().await;
    assert_eq!(output_rows(&root).len(), 6);
    assert!(all(&root, ".cursor").is_empty());
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_output_panel_keeps_100k_lines_in_a_few_dom_rows_and_scrolls_to_any_of_them() {
    use leptos::prelude::*;
    use loopscope::ui::i18n::Lang;
    use loopscope::ui::output::{OutputPanel, ROW_PX};
    use loopscope::ui::session::{ClockMode, Row, Session};

    const LINES: usize = 100_000;
    let root = fresh_root();
    let started = loopscope::runtime::host::now_ms();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(RwSignal::new(Lang::En));
        let session = Session::new("create-task", ClockMode::Instant);
        provide_context(session);
        session.rows.set(
            (0..LINES)
                .map(|i| Row {
                    seq: i as u64,
                    at_ms: i as u64,
                    task: "Task-2".into(),
                    text: format!("line {i}"),
                    rust_line: 1,
                    py_line: 1,
                })
                .collect(),
        );
        view! { <OutputPanel /> }
    });
    let texts = || -> Vec<String> {
        all(&root, "[data-testid=row-text]")
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    };
    // It follows the output: the last line is in view.
    wait_until("the last line", 3000, || {
        texts().contains(&"line 99999".to_string())
    })
    .await;
    web_sys::console::log_1(
        &format!(
            "100k rows mounted and shown in {} ms",
            (loopscope::runtime::host::now_ms() - started) as u64
        )
        .into(),
    );
    assert!(texts().len() < 60, "{} rows in the DOM", texts().len());
    let list: HtmlElement = by_testid(&root, "output");
    // Spacers plus rendered rows stand for every line; what is left is the list's padding,
    // less than a row (an error in the window would be a whole number of rows).
    let extra = list.scroll_height() - LINES as i32 * ROW_PX;
    assert!(
        (0..ROW_PX).contains(&extra),
        "scroll height off by {extra}px"
    );

    // Anywhere in the middle: the rows at that position are the ones rendered.
    list.set_scroll_top(50_000 * ROW_PX);
    wait_until("line 50000", 3000, || {
        texts().contains(&"line 50000".to_string())
    })
    .await;
    assert!(!texts().contains(&"line 99999".to_string()));
    list.set_scroll_top(0);
    wait_until("line 0", 3000, || {
        texts().first().map(String::as_str) == Some("line 0")
    })
    .await;
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_timeline_draws_at_most_sixty_lanes_and_says_how_many_more() {
    use leptos::prelude::*;
    use loopscope::analysis::lanes::Lane;
    use loopscope::ui::i18n::Lang;
    use loopscope::ui::session::{ClockMode, Session};
    use loopscope::ui::timeline::{Timeline, MAX_LANES};

    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(RwSignal::new(Lang::En));
        let session = Session::new("create-task", ClockMode::Instant);
        provide_context(session);
        session.lanes.set(
            (0..100)
                .map(|i| Lane {
                    name: format!("Task-{i}"),
                    coroutine: None,
                    has_parent: true,
                    segments: Vec::new(),
                    prints: Vec::new(),
                    end: None,
                })
                .collect(),
        );
        view! { <Timeline /> }
    });
    leptos::task::tick().await;
    assert_eq!(all(&root, "[data-testid=timeline-lane]").len(), MAX_LANES);
    assert_eq!(
        by_testid(&root, "timeline-more").text_content().as_deref(),
        Some("and 40 more tasks, not drawn")
    );
    drop(handle);
}

fn python_line(root: &HtmlElement, number: u32) -> String {
    root.query_selector(&format!(
        "[data-testid=python] [data-line=\"{number}\"] code"
    ))
    .unwrap()
    .and_then(|e| e.text_content())
    .unwrap_or_default()
}

fn current_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn knobs_refuse_bad_values_with_a_reason_and_show_good_ones_in_the_listing_and_url() {
    let (root, handle) = mount_app().await;
    click(&root, "lesson-executor-sequential");
    leptos::task::tick().await;
    assert_eq!(
        python_line(&root, 4).trim_end(),
        "JOBS = 10                              # 10 blocking one-second jobs"
    );
    for (bad, why) in [
        ("abc", "is not a whole number"),
        ("NaN", "is not a whole number"),
        ("2.5", "is not a whole number"),
        ("0", "must be at least 1"),
        ("-4", "must be at least 1"),
        ("100000000000000000000", "is not a whole number"),
        ("21", "must be at most 20"),
    ] {
        common::dom::type_into(&root, "knob-jobs", bad);
        leptos::task::tick().await;
        let said = common::dom::text_of(&root, "knob-error-jobs");
        assert!(said.contains(why), "{bad:?}: {said:?}");
        assert!(
            python_line(&root, 4).starts_with("JOBS = 10"),
            "the last valid value stays"
        );
    }
    common::dom::type_into(&root, "knob-jobs", " 3 ");
    leptos::task::tick().await;
    assert_eq!(common::dom::text_of(&root, "knob-error-jobs"), "");
    let line = python_line(&root, 4);
    assert!(
        line.starts_with("JOBS = 3 ") && line.ends_with("# 10 blocking one-second jobs"),
        "{line}"
    );
    wait_until("the URL to carry the value", 1000, || {
        current_hash() == "#/lesson/executor-sequential?jobs=3"
    })
    .await;

    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("seven rows", 3000, || output_rows(&root).len() == 7).await;
    assert_eq!(
        rows_as_strings(&root).last().map(String::as_str),
        Some("+3000 ms loop 3 jobs took about 3 s")
    );
    wait_until("the verdict", 1000, || has_testid(&root, "verdict")).await;
    assert_eq!(
        by_testid(&root, "verdict")
            .get_attribute("data-matches")
            .as_deref(),
        Some("n/a")
    );

    click(&root, "knobs-reset");
    leptos::task::tick().await;
    assert!(python_line(&root, 4).starts_with("JOBS = 10"));
    wait_until("the URL to drop the value", 1000, || {
        current_hash() == "#/lesson/executor-sequential"
    })
    .await;
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_shared_link_restores_the_knobs_clock_speed_and_language_and_makes_the_same_link() {
    let window = web_sys::window().unwrap();
    let shared = "#/lesson/tasks-wait?f1=3&clock=real-5x&lang=zh";
    window.location().set_hash(shared).unwrap();
    let (root, handle) = mount_app().await; // stores English; the link's Chinese wins
    leptos::task::tick().await;
    let checked = |id: &str| {
        by_testid(&root, id)
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .checked()
    };
    assert!(checked("clock-real"));
    let speed = by_testid(&root, "speed")
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap();
    assert_eq!(speed.value(), "5");
    assert_eq!(
        by_testid(&root, "lang-toggle").text_content().unwrap(),
        "English"
    );
    let knob = by_testid(&root, "knob-f1")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap();
    assert_eq!(knob.value(), "3");
    // The page's own share link says the same.
    let link = by_testid(&root, "share-link")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .value();
    assert!(link.ends_with(shared), "{link}");
    // Change the clock: the link follows.
    click(&root, "clock-instant");
    leptos::task::tick().await;
    let link = by_testid(&root, "share-link")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .value();
    assert!(
        link.ends_with("#/lesson/tasks-wait?f1=3&clock=instant&lang=zh"),
        "{link}"
    );
    drop(handle);
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_a_lesson_with_its_knobs_and_back_returns_to_the_previous_values() {
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash("#/lesson/run-in-executor?workers=2&jobs=4")
        .unwrap();
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert_eq!(
        by_testid(&root, "lesson")
            .get_attribute("data-lesson")
            .as_deref(),
        Some("run-in-executor")
    );
    let value = |id: &str| {
        by_testid(&root, id)
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value()
    };
    assert_eq!(value("knob-workers"), "2");
    assert_eq!(value("knob-jobs"), "4");
    assert!(python_line(&root, 5).starts_with("MAX_WORKERS = 2"));
    // The worker lesson runs on the real clock only, and says so.
    assert!(has_testid(&root, "clock-note"));
    assert!(by_testid(&root, "clock-instant")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .disabled());

    common::dom::type_into(&root, "knob-jobs", "6");
    wait_until("the new URL", 1000, || {
        current_hash() == "#/lesson/run-in-executor?workers=2&jobs=6"
    })
    .await;
    window.history().unwrap().back().unwrap();
    wait_until("Back to restore jobs=4", 2000, || value("knob-jobs") == "4").await;
    assert!(python_line(&root, 6).starts_with("JOBS = 4"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_console_talks_to_the_running_server_and_shutdown_ends_the_run() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "command-server", "clock-instant").await;
    wait_until("the scripted client", 3000, || {
        rows_as_strings(&root)
            .last()
            .is_some_and(|r| r.ends_with("Connection closed"))
    })
    .await;
    for (line, answer) in [
        ("add 7", "< Current total: 7"),
        (
            "multiply <i>2</i>",
            "< Invalid multiply command. Usage: multiply <number>",
        ),
    ] {
        console_answers(&root, line, answer).await;
    }
    // Markup typed or answered stays text.
    assert!(all(&root, "[data-testid=console-log] i").is_empty());
    shutdown_in_the_console_ends_the_run(&root).await;
    // With the server gone, the console says so instead of failing.
    common::dom::type_into(&root, "console-input", "add 1");
    click(&root, "console-send");
    wait_until("a note", 1000, || {
        common::dom::text_of(&root, "console-log").contains("not running")
    })
    .await;
    drop(handle);
}

/// Sends `line` from the console and waits for `answer` in its log.
async fn console_answers(root: &web_sys::Element, line: &str, answer: &str) {
    common::dom::type_into(root, "console-input", line);
    click(root, "console-send");
    wait_until(answer, 2000, || {
        common::dom::text_of(root, "console-log").contains(answer)
    })
    .await;
}

/// `shutdown` sent from the console: the server says so, and the run finishes, leaving nothing.
async fn shutdown_in_the_console_ends_the_run(root: &web_sys::Element) {
    common::dom::type_into(root, "console-input", "shutdown");
    click(root, "console-send");
    wait_until("the run to finish", 3000, || {
        common::dom::text_of(root, "status").starts_with("Finished")
    })
    .await;
    assert!(rows_as_strings(root)
        .iter()
        .any(|r| r.ends_with("Shutting down the server...")));
    assert_eq!(live_runs(), 0);
}

/// The command-server lesson's Python, run from the editor: its `asyncio.Protocol` server on
/// `127.0.0.1:8888` answers the listing's own client, then the page's console (which talks to
/// the server the edited program started), and `shutdown` typed there ends the program.
#[wasm_bindgen_test]
async fn the_console_talks_to_the_server_of_the_edited_python() {
    let (root, handle) = mount_app().await;
    edit_lessons_python(&root, "command-server").await;
    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the listing's client", 5000, || {
        rows_as_strings(&root)
            .last()
            .is_some_and(|r| r.ends_with("Connection closed"))
    })
    .await;
    assert!(rows_as_strings(&root)
        .iter()
        .any(|r| r.ends_with("Serving on ('127.0.0.1', 8888)")));
    console_answers(&root, "add 7", "Current total: 7").await;
    shutdown_in_the_console_ends_the_run(&root).await;
    click(&root, "restore-python");
    leptos::task::tick().await;
    drop(handle);
}

#[wasm_bindgen_test]
async fn downloads_show_a_progress_row_per_file_with_its_error() {
    let base = common::FIXTURES;
    let (root, handle) = mount_app().await;
    click(&root, "lesson-downloads");
    leptos::task::tick().await;
    let urls = format!("{base}samples/lantern.png\n{base}samples/missing.png\njavascript:alert(1)");
    common::dom::type_into(&root, "knob-urls", &urls);
    leptos::task::tick().await;
    assert!(
        common::dom::text_of(&root, "knob-error-urls").contains("line 3"),
        "javascript: is refused"
    );
    let urls = format!("{base}samples/lantern.png\n{base}samples/missing.png");
    common::dom::type_into(&root, "knob-urls", &urls);
    leptos::task::tick().await;
    assert_eq!(common::dom::text_of(&root, "knob-error-urls"), "");
    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the run to finish", 5000, || {
        common::dom::text_of(&root, "status").starts_with("Finished")
    })
    .await;
    wait_until("four I/O rows", 1000, || {
        all(&root, "[data-testid=io-row]").len() == 4
    })
    .await;
    let states: Vec<String> = all(&root, "[data-testid=io-row]")
        .iter()
        .map(|r| r.get_attribute("data-state").unwrap_or_default())
        .collect();
    assert_eq!(states, ["done", "failed", "done", "failed"]);
    let errors = all(&root, "[data-testid=io-error]");
    assert!(errors[0]
        .text_content()
        .unwrap_or_default()
        .contains("HTTP 404 Not Found"));
    assert_eq!(
        rows_as_strings(&root).last().map(String::as_str),
        Some("+512 ms Task-1 concurrent: about 300 ms")
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn every_timeline_lane_is_reachable_by_keyboard_and_reads_as_words() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "create-task", "clock-instant").await;
    wait_until("three lanes", 3000, || {
        all(&root, "[data-testid=timeline-lane]").len() == 3
    })
    .await;
    let lanes = all(&root, "[data-testid=timeline-lane]");
    for lane in &lanes {
        assert_eq!(lane.get_attribute("tabindex").as_deref(), Some("0"));
        assert!(lane
            .get_attribute("aria-label")
            .is_some_and(|l| l.starts_with("Task-")));
    }
    lanes[1].dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    leptos::task::tick().await;
    let detail = common::dom::text_of(&root, "lane-detail");
    assert!(
        detail.starts_with("Task-2; waits: 0–2000 ms sleep until 2000 ms"),
        "{detail}"
    );
    lanes[1].dyn_ref::<HtmlElement>().unwrap().blur().unwrap();
    leptos::task::tick().await;
    assert!(common::dom::text_of(&root, "lane-detail").starts_with("Select a lane"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn frames_of_a_running_real_clock_run_change_one_attribute_per_lane() {
    use wasm_bindgen::closure::Closure;
    // tasks-wait: three tasks that sleep for a second. While they sleep no event comes, but
    // the run's length grows every frame: only each lane's viewBox may change, nothing else
    // is drawn again.
    let (root, handle) = mount_app().await;
    run_lesson(&root, "tasks-wait", "clock-real").await;
    wait_until("three lanes", 3000, || {
        all(&root, "[data-testid=timeline-lane]").len() == 3
    })
    .await;
    common::dom::sleep_ms(150).await;
    let records = std::rc::Rc::new(std::cell::RefCell::new(Vec::<(String, String)>::new()));
    let seen = records.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |list: js_sys::Array| {
        for record in list.iter() {
            let record: web_sys::MutationRecord = record.unchecked_into();
            let target = record
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.tag_name())
                .unwrap_or_default();
            let what = match record.type_().as_str() {
                "attributes" => record.attribute_name().unwrap_or_default(),
                kind => kind.to_string(),
            };
            seen.borrow_mut().push((target, what));
        }
    });
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_attributes(true);
    options.set_child_list(true);
    options.set_character_data(true);
    observer
        .observe_with_options(&by_testid(&root, "timeline"), &options)
        .unwrap();
    common::dom::sleep_ms(300).await;
    observer.disconnect();
    let status = by_testid(&root, "status")
        .text_content()
        .unwrap_or_default();
    assert!(!status.starts_with("Finished"), "the run ended too soon");
    let records = records.borrow();
    let frames = records.len() / 3;
    assert!(frames >= 3, "only {} changes in 300 ms", records.len());
    for (target, what) in records.iter() {
        assert_eq!(
            (target.as_str(), what.as_str()),
            ("svg", "viewBox"),
            "{records:?}"
        );
    }
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_link_to_a_lesson_the_course_does_not_have_says_so_beside_the_catalog() {
    let window = web_sys::window().unwrap();
    for (hash, named) in [
        ("#/lesson/nonexistent", "nonexistent"),
        ("#/lessons/create-task", "/lessons/create-task"),
    ] {
        window.location().set_hash(hash).unwrap();
        let (root, handle) = mount_app().await;
        leptos::task::tick().await;
        assert!(has_testid(&root, "missing-lesson"), "{hash}");
        assert!(
            !has_testid(&root, "lesson"),
            "{hash}: no lesson in its place"
        );
        assert!(text_of(&root, "missing-lesson").contains(named), "{hash}");
        assert_eq!(current_hash(), hash, "the link stays to be read");
        // The catalog is there, and choosing a lesson opens it.
        click(&root, "lesson-create-task");
        wait_until("the chosen lesson", 1000, || has_testid(&root, "lesson")).await;
        assert!(!has_testid(&root, "missing-lesson"));
        wait_until("its URL", 1000, || current_hash() == "#/lesson/create-task").await;
        drop(handle);
    }
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn an_embed_of_a_lesson_the_course_does_not_have_links_to_the_course_and_has_no_run() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/embed/nope").unwrap();
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert!(text_of(&root, "missing-lesson").contains("nope"));
    assert!(has_testid(&root, "missing-course-link"));
    assert!(
        !has_testid(&root, "lesson"),
        "never another lesson in its place"
    );
    assert!(!has_testid(&root, "run"), "nothing to run");
    assert_eq!(live_runs(), 0);
    drop(handle);
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_link_with_a_lesson_s_former_id_opens_the_lesson_and_names_its_id_now() {
    let window = web_sys::window().unwrap();
    let links = loopscope::course::FORMER_IDS
        .iter()
        .flat_map(|&(former, now)| [(former, now, false), (former, now, true)]);
    for (former, now, embed) in links {
        let route = if embed { "embed" } else { "lesson" };
        window
            .location()
            .set_hash(&format!("#/{route}/{former}?clock=instant"))
            .unwrap();
        let (root, handle) = mount_app().await;
        leptos::task::tick().await;
        assert!(
            !has_testid(&root, "missing-lesson"),
            "{former}: not missing"
        );
        assert_eq!(
            by_testid(&root, "lesson")
                .get_attribute("data-lesson")
                .as_deref(),
            Some(now)
        );
        wait_until("the lesson's link now", 1000, || {
            current_hash().starts_with(&format!("#/{route}/{now}"))
        })
        .await;
        click(&root, "run");
        let lines = loopscope::course::find(now).unwrap().expected.len();
        wait_until("its output", 5_000, || output_rows(&root).len() == lines).await;
        drop(handle);
    }
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_value_a_link_sets_that_a_knob_refuses_is_named_and_holds_run() {
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash("#/lesson/executor-sequential?jobs=999")
        .unwrap();
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert!(text_of(&root, "knob-error-jobs").contains("must be at most 20"));
    assert!(by_testid(&root, "run")
        .dyn_into::<web_sys::HtmlButtonElement>()
        .unwrap()
        .disabled());
    assert!(
        python_line(&root, 4).starts_with("JOBS = 10"),
        "the lesson's own value stays in use"
    );
    drop(handle);
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn the_client_pane_asks_the_running_server_and_measures_a_load() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "starlette-routes", "clock-instant").await;
    wait_until("the lesson's own client", 5000, || {
        rows_as_strings(&root).len() == 4
    })
    .await;
    // The test harness serves no sw.js: the page says so, and its server answers in the page.
    wait_until("the route", 2000, || {
        common::dom::text_of(&root, "http-route").contains("straight in the page")
    })
    .await;
    common::dom::type_into(&root, "http-path", "/about/<b>Ada");
    click(&root, "http-send");
    wait_until("the answer", 2000, || {
        common::dom::has_testid(&root, "http-time")
    })
    .await;
    let status = common::dom::by_testid(&root, "http-status");
    assert_eq!(status.get_attribute("data-status").as_deref(), Some("200"));
    assert_eq!(common::dom::text_of(&root, "http-body"), "<b>Ada");
    assert!(
        all(&root, "[data-testid=http-body] b").is_empty(),
        "a body is text"
    );
    assert!(common::dom::text_of(&root, "http-headers")
        .contains("content-type: text/plain; charset=utf-8"));
    // The verdict judges the lesson's own four lines, not what the pane's requests print.
    assert_eq!(
        common::dom::by_testid(&root, "verdict")
            .get_attribute("data-matches")
            .as_deref(),
        Some("true")
    );
    // The I/O panel lists the lesson's requests with what each was answered.
    let statuses: Vec<String> = all(&root, "[data-testid=io-status]")
        .iter()
        .filter_map(|e| e.get_attribute("data-status"))
        .collect();
    for status in ["200", "404", "405"] {
        assert!(statuses.iter().any(|s| s == status), "{statuses:?}");
    }
    // A bounded load test: 4 clients × 3 requests, each a task of the server's run.
    common::dom::type_into(&root, "http-path", "/");
    common::dom::type_into(&root, "load-clients", "4");
    common::dom::type_into(&root, "load-each", "3");
    click(&root, "load-go");
    wait_until("the load report", 5000, || {
        common::dom::has_testid(&root, "load-report")
            && common::dom::by_testid(&root, "load-report")
                .get_attribute("data-answered")
                .as_deref()
                == Some("12")
    })
    .await;
    assert!(common::dom::text_of(&root, "load-report").contains("200 ×12"));
    // Absurd counts get a message, not a thousand requests.
    common::dom::type_into(&root, "load-clients", "100000");
    click(&root, "load-go");
    wait_until("the refusal", 1000, || {
        common::dom::text_of(&root, "load-report").contains("Clients: 1–50")
    })
    .await;
    // Stop: nothing listens any more, and the pane says so.
    click(&root, "stop");
    leptos::task::tick().await;
    click(&root, "http-send");
    wait_until("the refused connection", 2000, || {
        common::dom::has_testid(&root, "http-error")
            && common::dom::text_of(&root, "http-error").contains("nothing listens on port 5000")
    })
    .await;
    assert_eq!(live_runs(), 0);
    drop(handle);
}

/// A server the learner writes on the code page gets the client pane too: a FastAPI
/// application on port 5050 (no lesson names that port), asked by hand from the pane; the
/// pane goes once the run is stopped.
#[wasm_bindgen_test]
async fn the_client_pane_asks_a_server_written_on_the_code_page() {
    let code = "import asyncio\n\nimport uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get('/items/{item_id}')\nasync def item(item_id: int, q: str = 'none'):\n    return {'item_id': item_id, 'q': q}\n\n\nasync def main():\n    server = uvicorn.Server(uvicorn.Config(app, port=5050))\n    print('serving')\n    await server.serve()\n\n\nasyncio.run(main())\n";
    let src = loopscope::ui::urls::encode_source(code);
    common::dom::set_hash(&format!("#/code?src={src}&clock=instant&lang=en"));
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert!(!has_testid(&root, "http-send"), "no server, no pane");
    click(&root, "run");
    wait_until("the pane for the program's server", 5000, || {
        has_testid(&root, "http-send")
    })
    .await;
    common::dom::type_into(&root, "http-path", "/items/7?q=hi");
    click(&root, "http-send");
    wait_until("the answer", 2000, || has_testid(&root, "http-time")).await;
    let status = by_testid(&root, "http-status");
    assert_eq!(status.get_attribute("data-status").as_deref(), Some("200"));
    assert_eq!(
        common::dom::text_of(&root, "http-body"),
        r#"{"item_id":7,"q":"hi"}"#
    );
    common::dom::type_into(&root, "http-path", "/items/x");
    click(&root, "http-send");
    wait_until("the refusal", 2000, || {
        by_testid(&root, "http-status")
            .get_attribute("data-status")
            .as_deref()
            == Some("422")
    })
    .await;
    click(&root, "stop");
    wait_until("no pane once stopped", 2000, || {
        !has_testid(&root, "http-send")
    })
    .await;
    assert_eq!(live_runs(), 0);
    drop(handle);
}

/// The mailbox view: after `smtp-send`, the I/O panel shows the mail the page's SMTP server
/// received, with its envelope, subject and SMTP reply code; the verdict is right.
#[wasm_bindgen_test]
async fn the_io_panel_shows_the_mail_the_smtp_server_received() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "smtp-send", "clock-instant").await;
    wait_until("the four lines", 5000, || rows_as_strings(&root).len() == 4).await;
    wait_until("the mail row", 2000, || {
        !all(&root, "[data-testid=io-status][data-status='250']").is_empty()
    })
    .await;
    let mail = all(&root, "[data-testid=io-row]")
        .into_iter()
        .find(|row| row.text_content().unwrap_or_default().starts_with("mail"))
        .expect("a mail row");
    let text = mail.text_content().unwrap_or_default();
    assert!(
        text.contains("root@localhost → somebody@example.com · Hello world!")
            && text.contains("SMTP 250"),
        "{text}"
    );
    assert_eq!(mail.get_attribute("data-state").as_deref(), Some("done"));
    assert_eq!(
        common::dom::by_testid(&root, "verdict")
            .get_attribute("data-matches")
            .as_deref(),
        Some("true")
    );
    drop(handle);
}

/// A link's `theme=` fixes the colour scheme whatever the system's (a course author's light
/// page gets a light embed), with the page's real stylesheet; the page's own link keeps it, and
/// without it the system's scheme is followed again.
#[wasm_bindgen_test]
async fn a_links_theme_fixes_the_colour_scheme_of_an_embed() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/main.css")));
    document.head().unwrap().append_child(&style).unwrap();
    let root_element = document.document_element().unwrap();
    let background = || {
        window
            .get_computed_style(&document.body().unwrap())
            .unwrap()
            .unwrap()
            .get_property_value("background-color")
            .unwrap()
    };
    for (theme, colour) in [("dark", "rgb(22, 24, 28)"), ("light", "rgb(251, 251, 250)")] {
        window
            .location()
            .set_hash(&format!("#/embed/create-task?theme={theme}"))
            .unwrap();
        let (_root, handle) = mount_app().await;
        leptos::task::tick().await;
        assert_eq!(
            root_element.get_attribute("data-theme").as_deref(),
            Some(theme)
        );
        assert_eq!(background(), colour, "{theme}");
        wait_until("the theme kept in the page's link", 1000, || {
            window
                .location()
                .hash()
                .unwrap_or_default()
                .contains(&format!("theme={theme}"))
        })
        .await;
        drop(handle);
    }
    window.location().set_hash("#/embed/create-task").unwrap();
    let (_root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert_eq!(root_element.get_attribute("data-theme"), None);
    drop(handle);
    style.remove();
    window.location().set_hash("").unwrap();
}

/// Opens `lesson` and its Python in the editor, which starts from the lesson's code.
async fn edit_lessons_python(root: &web_sys::Element, lesson: &str) {
    click(root, &format!("lesson-{lesson}"));
    leptos::task::tick().await;
    click(root, "edit-python");
    leptos::task::tick().await;
    wait_until("the editor to start from the lesson's code", 1000, || {
        let editor: web_sys::HtmlTextAreaElement =
            by_testid(root, "python-editor").unchecked_into();
        editor.value().starts_with("import asyncio")
    })
    .await;
}

#[wasm_bindgen_test]
async fn edited_python_runs_on_the_same_loop_and_a_syntax_error_is_marked_on_its_line() {
    let (root, handle) = mount_app().await;
    edit_lessons_python(&root, "create-task").await;

    let program = "import asyncio\n\nasync def work(n):\n    await asyncio.sleep(n)\n    print('done', n)\n\nasync def main():\n    await asyncio.gather(work(2), work(1))\n    print('all done')\n\nasyncio.run(main())\n";
    common::dom::type_into(&root, "python-editor", program);
    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("three output rows", 3000, || output_rows(&root).len() == 3).await;
    assert_eq!(
        rows_as_strings(&root),
        [
            "+1000 ms Task-3 done 1",
            "+2000 ms Task-2 done 2",
            "+2000 ms Task-1 all done",
        ]
    );
    // The timeline has a lane for each of the program's own tasks.
    wait_until("a lane per task", 1000, || {
        let names: Vec<String> = all(&root, "[data-testid=lane-name]")
            .iter()
            .map(|n| n.text_content().unwrap_or_default())
            .collect();
        ["Task-1", "Task-2", "Task-3"]
            .iter()
            .all(|t| names.iter().any(|n| n.contains(t)))
    })
    .await;
    assert!(
        !has_testid(&root, "expected"),
        "the lesson's expected output is not the edited program's"
    );

    common::dom::type_into(&root, "python-editor", "x = 1\ndef f(:\n    pass\n");
    click(&root, "run");
    leptos::task::tick().await;
    let error = text_of(&root, "code-error");
    assert!(
        error.starts_with("line 2, column 7: SyntaxError"),
        "{error}"
    );
    let marked = all(&root, ".gutter li.error-line");
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].get_attribute("data-line").as_deref(), Some("2"));
    assert_eq!(live_runs(), 0);

    click(&root, "restore-python");
    leptos::task::tick().await;
    assert!(!has_testid(&root, "python-editor"));
    assert!(python_line(&root, 1).contains("import asyncio"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_step_that_never_awaits_is_stopped_and_the_page_answers_again() {
    let (root, handle) = mount_app().await;
    click(&root, "lesson-create-task");
    leptos::task::tick().await;
    click(&root, "edit-python");
    leptos::task::tick().await;
    common::dom::type_into(
        &root,
        "python-editor",
        "import asyncio\n\nasync def main():\n    print('spinning')\n    while True:\n        pass\n\nasyncio.run(main())\n",
    );
    click(&root, "clock-instant");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the run to be stopped", 10000, || {
        by_testid(&root, "status")
            .text_content()
            .unwrap_or_default()
            .contains("line 6")
    })
    .await;
    assert_eq!(live_runs(), 0);
    // The page runs again at once.
    click(&root, "restore-python");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("six output rows", 3000, || output_rows(&root).len() == 6).await;
    drop(handle);
}

/// A program whose two tasks print in an order set by their sleeps.
const SNIPPET: &str = "import asyncio\n\nasync def tick(name, delay):\n    await asyncio.sleep(delay)\n    print(name, 'after', delay)\n\nasync def main():\n    await asyncio.gather(tick('slow', 0.3), tick('fast', 0.1))\n    print('both done')\n\nasyncio.run(main())\n";

fn editor_value(root: &HtmlElement) -> String {
    if !has_testid(root, "python-editor") {
        return String::new();
    }
    by_testid(root, "python-editor")
        .unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

/// The id of the lesson the page shows.
fn lesson_shown(root: &HtmlElement) -> Option<String> {
    by_testid(root, "lesson").get_attribute("data-lesson")
}

/// Waits for the editor to show `code` (it is drawn on the next frames).
async fn wait_for_code(root: &HtmlElement, code: &str) {
    wait_until("the code in the editor", 1000, || {
        editor_value(root) == code
    })
    .await;
}

fn share_link_value(root: &HtmlElement) -> String {
    by_testid(root, "share-link")
        .unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// The code a share link carries.
fn code_in(link: &str) -> Option<String> {
    let query = link.split_once('?')?.1;
    loopscope::ui::urls::source_in(query)?.ok()
}

#[wasm_bindgen_test]
async fn the_code_page_opens_a_links_code_runs_it_and_shares_it_back() {
    let src = loopscope::ui::urls::encode_source(SNIPPET);
    common::dom::set_hash(&format!("#/code?src={src}&clock=instant&lang=en"));
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert_eq!(lesson_shown(&root).as_deref(), Some("code"));
    assert_eq!(editor_value(&root), SNIPPET);
    // The code is coloured as the lessons' listings are, letter over letter under the text.
    let shade = by_testid(&root, "editor-highlight");
    assert_eq!(shade.text_content().as_deref(), Some(SNIPPET));
    let keywords: Vec<String> = all(&root, "[data-testid=editor-highlight] .tok-k")
        .iter()
        .filter_map(|k| k.text_content())
        .collect();
    assert_eq!(keywords[..4], ["import", "async", "def", "await"]);
    let (under, over) = (
        shade.get_bounding_client_rect(),
        by_testid(&root, "python-editor").get_bounding_client_rect(),
    );
    assert_eq!(
        (under.left(), under.top(), under.width()),
        (over.left(), over.top(), over.width())
    );
    let window = web_sys::window().unwrap();
    let style = |e: &HtmlElement, property: &str| {
        window
            .get_computed_style(e)
            .unwrap()
            .unwrap()
            .get_property_value(property)
            .unwrap()
    };
    let area = by_testid(&root, "python-editor");
    for property in [
        "font-family",
        "font-size",
        "line-height",
        "padding-left",
        "padding-top",
        "tab-size",
        "letter-spacing",
        "white-space",
    ] {
        assert_eq!(
            style(&shade, property),
            style(&area, property),
            "{property}"
        );
    }
    // A snippet has no Rust twin and no lesson's code to go back to.
    assert!(!has_testid(&root, "rust-listing"));
    assert!(!has_testid(&root, "restore-python"));
    click(&root, "run");
    wait_until("three rows", 3000, || output_rows(&root).len() == 3).await;
    assert_eq!(
        rows_as_strings(&root),
        [
            "+100 ms Task-3 fast after 0.1",
            "+300 ms Task-2 slow after 0.3",
            "+300 ms Task-1 both done",
        ]
    );
    // The page's own link drops the code (the page keeps it as a draft); the share link
    // carries it.
    wait_until("the page's own link", 1000, || {
        web_sys::window().unwrap().location().hash().unwrap() == "#/code"
    })
    .await;
    let link = share_link_value(&root);
    assert!(link.contains("#/code?clock=instant&lang=en&src="), "{link}");
    assert_eq!(code_in(&link).as_deref(), Some(SNIPPET));

    // The catalog's code page keeps the draft: another lesson, then back.
    click(&root, "lesson-create-task");
    leptos::task::tick().await;
    assert!(!has_testid(&root, "python-editor"));
    click(&root, "lesson-code");
    wait_for_code(&root, SNIPPET).await;
    drop(handle);
    common::dom::set_hash("");
}

#[wasm_bindgen_test]
async fn a_changed_lesson_is_shared_with_its_code_and_the_link_restores_it() {
    common::dom::set_hash("#/lesson/create-task");
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    click(&root, "edit-python");
    wait_until("the editor", 1000, || {
        editor_value(&root).starts_with("import asyncio")
    })
    .await;
    common::dom::type_into(&root, "python-editor", SNIPPET);
    wait_until("the share link to carry the code", 1000, || {
        code_in(&share_link_value(&root)).as_deref() == Some(SNIPPET)
    })
    .await;
    let link = share_link_value(&root);
    assert!(link.contains("#/lesson/create-task?"), "{link}");
    assert_eq!(code_in(&link).as_deref(), Some(SNIPPET));
    drop(handle);

    // Opened by someone else: the lesson, with the changed code in the editor.
    let fragment = link.split_once('#').unwrap().1.to_string();
    common::dom::set_hash(&fragment);
    let (root, handle) = mount_app().await;
    wait_for_code(&root, SNIPPET).await;
    assert_eq!(lesson_shown(&root).as_deref(), Some("create-task"));
    assert!(has_testid(&root, "restore-python"));

    // Code too long for a link gets a message, not a link that would arrive cut.
    let mut seed = 12345u32;
    let noise: String = (0..12_000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            char::from(b'a' + (seed >> 16) as u8 % 26)
        })
        .collect();
    common::dom::type_into(&root, "python-editor", &format!("x = '{noise}'\n"));
    wait_until("no share link", 1000, || !has_testid(&root, "share-link")).await;
    let message = text_of(&root, "share-too-long");
    assert!(message.contains("links over 8000"), "{message}");
    drop(handle);
    common::dom::set_hash("");
}

#[wasm_bindgen_test]
async fn a_damaged_code_link_says_so_and_opens_other_code() {
    common::dom::set_hash("#/embed/code?src=not-deflate");
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert_eq!(
        by_testid(&root, "code-notice")
            .get_attribute("data-notice")
            .as_deref(),
        Some("link")
    );
    assert!(text_of(&root, "code-notice").contains("could not be read"));
    // An embed keeps no draft: the starter program.
    wait_until("the starter program", 1000, || {
        editor_value(&root).contains("asyncio.gather(worker(\"A\", 2)")
    })
    .await;
    drop(handle);
    common::dom::set_hash("");
}

/// A compact embed (`show=python,output`) shows the Python listing and the output, with Run;
/// the timeline, replay and the knobs are under "More", drawn once it is opened; on a phone
/// the two parts are tabs, and Run turns to the output. The page's own link keeps `show=`.
#[wasm_bindgen_test]
async fn a_compact_embed_shows_code_and_output_and_keeps_the_rest_one_click_away() {
    common::dom::set_hash("#/embed/gather-order?show=python,output&clock=instant");
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    assert!(has_testid(&root, "python"));
    assert!(has_testid(&root, "output"));
    assert!(has_testid(&root, "run"));
    for hidden in ["replay", "knobs", "lesson-note", "rust-listing"] {
        assert!(!has_testid(&root, hidden), "{hidden} is not shown at once");
    }
    assert!(all(&root, "section.timeline").is_empty());
    let more = by_testid(&root, "embed-more");
    let summary = text_of(&root, "embed-more");
    assert!(
        summary.starts_with("More: the note, the knobs, the Rust code, the timeline"),
        "{summary}"
    );
    assert_eq!(
        by_testid(&root, "tab-python")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    click(&root, "run");
    wait_until("the run's output", 3000, || output_rows(&root).len() == 7).await;
    assert_eq!(
        by_testid(&root, "tab-output")
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true"),
        "Run turns to the output"
    );
    assert_eq!(
        root.query_selector("main")
            .unwrap()
            .unwrap()
            .get_attribute("data-tab")
            .as_deref(),
        Some("output")
    );
    // Opening "More" draws the rest, with this run in it.
    more.set_attribute("open", "").unwrap();
    wait_until("the timeline under More", 2000, || {
        !all(&root, "[data-testid=embed-more] section.timeline").is_empty()
    })
    .await;
    wait_until("replay and the knobs under More", 2000, || {
        has_testid(&root, "replay") && has_testid(&root, "knobs")
    })
    .await;
    assert!(has_testid(&root, "timeline"), "the run's lanes");
    wait_until("show= kept in the page's link", 1000, || {
        web_sys::window()
            .unwrap()
            .location()
            .hash()
            .unwrap_or_default()
            .contains("show=python,output")
    })
    .await;
    drop(handle);
    common::dom::set_hash("");
}

/// What a link asks for and the page does not do is named, and stays named after the page
/// writes its own link: an unknown key, a refused theme, a part that does not exist, next to
/// a knob's refused value (Run waits for it).
#[wasm_bindgen_test]
async fn a_link_names_what_it_asks_for_that_the_page_does_not_do() {
    common::dom::set_hash(
        "#/lesson/executor-sequential?jobs=999&wrokers=2&theme=blue&hide=timeline,outptu",
    );
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    // Long enough for the page to write its own link (and hear that hashchange).
    common::dom::sleep_ms(300).await;
    let notice = text_of(&root, "link-notice");
    for named in ["“wrokers”", "theme=blue", "“outptu”"] {
        assert!(notice.contains(named), "{named} in {notice}");
    }
    assert!(text_of(&root, "knob-error-jobs").contains("must be at most 20"));
    assert!(
        by_testid(&root, "run")
            .dyn_into::<web_sys::HtmlButtonElement>()
            .unwrap()
            .disabled(),
        "the refused value still holds Run"
    );
    click(&root, "link-notice-close");
    leptos::task::tick().await;
    assert!(!has_testid(&root, "link-notice"));
    drop(handle);
    common::dom::set_hash("");
}

/// The embed box chooses the parts, the language and the compact preset, and its code says
/// them in the frame's link.
#[wasm_bindgen_test]
async fn the_embed_box_chooses_the_parts_and_the_language() {
    common::dom::set_hash("#/lesson/gather-order");
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    let code = || {
        by_testid(&root, "embed-code")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
            .value()
    };
    assert!(code().contains("#/embed/gather-order\""), "{}", code());
    click(&root, "embed-compact");
    leptos::task::tick().await;
    assert!(
        code().contains("#/embed/gather-order?show=python,output\""),
        "{}",
        code()
    );
    click(&root, "embed-show-timeline");
    let lang = by_testid(&root, "embed-lang")
        .dyn_into::<web_sys::HtmlSelectElement>()
        .unwrap();
    lang.set_value("zh");
    fire(&lang, "change");
    leptos::task::tick().await;
    assert!(
        code().contains("#/embed/gather-order?show=python,output,timeline&lang=zh\""),
        "{}",
        code()
    );
    drop(handle);
    common::dom::set_hash("");
}

/// The row of the output panel whose text is `text`, if it is drawn.
fn row_with_text(root: &HtmlElement, text: &str) -> Option<web_sys::Element> {
    all(root, "[data-testid=output-row]")
        .into_iter()
        .find(|row| text_of(row, "row-text") == text)
}

#[wasm_bindgen_test]
async fn a_real_clock_run_marks_the_times_it_recorded_while_its_tab_was_hidden() {
    // A real visibility change: the test opens another tab in front of its own, which closes
    // itself 900 ms later, and the browser hides the test's tab meanwhile (headless Firefox
    // and Chromium both do). The new tab keeps the time: the test's own timers are throttled
    // while its tab is hidden.
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    window
        .location()
        .set_hash("#/lesson/gather-order?clock=real")
        .unwrap();
    let (root, handle) = mount_app().await;
    leptos::task::tick().await;
    click(&root, "run");
    // gather-order prints at 0, 1000, 2000 and 3000 ms: the tab is hidden from about 300 ms
    // to about 1300 ms, over "fast end" only.
    wait_until("the first lines", 3000, || output_rows(&root).len() >= 3).await;
    common::dom::sleep_ms(200).await;
    let front = window
        .open_with_url_and_target("about:blank", "_blank")
        .unwrap()
        .expect("a new tab");
    let close = {
        let front = front.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || front.close().unwrap())
    };
    front
        .set_timeout_with_callback_and_timeout_and_arguments_0(close.unchecked_ref(), 900)
        .unwrap();
    // Not a wait for the "fast end" row: a hidden page gets no animation frames, so the
    // panel shows it only once the page is visible again.
    let mut was_hidden = false;
    for _ in 0..20 {
        common::dom::sleep_ms(25).await;
        was_hidden |= document.hidden();
    }
    assert!(was_hidden, "the tab behind the new one is hidden");
    wait_until("the verdict", 10_000, || has_testid(&root, "verdict")).await;
    let note = text_of(&root, "output-throttled");
    assert!(note.contains("The page was hidden from +"), "{note}");
    assert!(note.contains(" ms to +"), "closed again: {note}");
    web_sys::console::log_1(&note.clone().into());
    let marked = |text: &str| {
        let row = row_with_text(&root, text).unwrap();
        has_testid(&row, "row-throttled") && row.class_list().contains("throttled")
    };
    assert!(!marked("fast start"), "printed before the tab was hidden");
    assert!(marked("fast end"), "printed while it was hidden");
    assert!(!marked("mid end"), "printed after it was shown again");
    assert!(!marked("slow end"));
    assert_eq!(all(&root, "[data-testid=timeline-hidden]").len(), 1);
    // The exported trace carries both moments.
    click(&root, "download-trace");
    let href = by_testid(&root, "download-trace")
        .get_attribute("href")
        .unwrap();
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&href))
            .await
            .unwrap()
            .unchecked_into();
    let trace = wasm_bindgen_futures::JsFuture::from(response.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        trace.contains("page hidden: the browser throttles"),
        "{trace}"
    );
    assert!(trace.contains("page visible again"), "{trace}");
    drop(handle);
    window.location().set_hash("").unwrap();
}
