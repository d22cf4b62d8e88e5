//! Predict the order, in the real App: lines arranged by drag and drop, the keyboard and the
//! arrow buttons; a wrong prediction is scored wrong at the right line and explained; progress
//! is kept across mounts; links open the mode (in the page and in an embed) and carry the
//! arrangement; real runs on Web Workers are scored by the one matching rule (any worker for
//! any worker, lines due at the same moment in any order).
#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{
    all, by_testid, click, has_testid, mount_app, output_rows, set_hash, type_into, wait_until,
    warm_workers,
};
use loopscope::analysis::matching::Timing;
use loopscope::analysis::output::Row;
use loopscope::analysis::predict::{score, Prediction};
use loopscope::course::{self, Lesson, Order, Settings};
use loopscope::lang::Lang;
use loopscope::runtime::worker::{spare_workers, warm_up};
use loopscope::runtime::{Clock, RunStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const LESSON: &str = "gather-order";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The expected-line indices in the order shown.
fn arrangement(root: &Element) -> Vec<usize> {
    all(root, "[data-testid=predict-line]")
        .iter()
        .map(|li| li.get_attribute("data-index").unwrap().parse().unwrap())
        .collect()
}

/// The line whose `data-<attribute>` is `value` (`index`: which expected line it shows;
/// `position`: where it stands now).
fn line_where(root: &Element, attribute: &str, value: usize) -> HtmlElement {
    root.query_selector(&format!(
        "[data-testid=predict-line][data-{attribute}=\"{value}\"]"
    ))
    .unwrap()
    .unwrap()
    .unchecked_into()
}

fn line_showing(root: &Element, index: usize) -> HtmlElement {
    line_where(root, "index", index)
}

fn line_at(root: &Element, position: usize) -> HtmlElement {
    line_where(root, "position", position)
}

/// Drags a line onto another with real DragEvents carrying a DataTransfer.
fn drag(from: &HtmlElement, onto: &HtmlElement) {
    let transfer = web_sys::DataTransfer::new().unwrap();
    for (target, kind) in [
        (from, "dragstart"),
        (onto, "dragover"),
        (onto, "drop"),
        (from, "dragend"),
    ] {
        let init = web_sys::DragEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_data_transfer(Some(&transfer));
        let event = web_sys::DragEvent::new_with_event_init_dict(kind, &init).unwrap();
        target.dispatch_event(&event).unwrap();
    }
}

fn key(target: &HtmlElement, key: &str, alt: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_alt_key(alt);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

async fn settle() {
    leptos::task::tick().await;
    common::dom::sleep_ms(20).await;
}

/// Puts the lines in `target` order, alternating drag and drop with Alt+↑ presses.
async fn arrange(root: &Element, target: &[usize]) {
    for (position, &index) in target.iter().enumerate() {
        let now = arrangement(root).iter().position(|&i| i == index).unwrap();
        if now == position {
            continue;
        }
        if position % 2 == 0 {
            drag(&line_showing(root, index), &line_at(root, position));
            settle().await;
        } else {
            for _ in position..now {
                key(&line_showing(root, index), "ArrowUp", true);
                settle().await;
            }
        }
        assert_eq!(arrangement(root)[position], index, "placing line {index}");
    }
    assert_eq!(arrangement(root), target);
}

async fn run_and_score(root: &Element) {
    click(root, "clock-instant");
    leptos::task::tick().await;
    click(root, "run");
    wait_until("the prediction's score", 3000, || {
        has_testid(root, "predict-score")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_wrong_prediction_is_scored_wrong_at_the_right_line_explained_and_kept() {
    storage()
        .remove_item(&format!("loopscope.predict.{LESSON}"))
        .unwrap();
    set_hash(&format!("#/lesson/{LESSON}?predict=1"));
    let (root, handle) = mount_app().await;
    settle().await;
    assert!(has_testid(&root, "predict"));
    assert_eq!(
        by_testid(&root, "predict-toggle")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // The expected output would give the answer away: hidden until a run ends.
    assert!(!has_testid(&root, "expected"));
    let shown = arrangement(&root);
    assert_eq!(shown.len(), 7);
    assert_ne!(shown, (0..7).collect::<Vec<_>>(), "it starts scrambled");

    // Right up to "mid end" placed before "fast end".
    arrange(&root, &[0, 1, 2, 4, 3, 5, 6]).await;
    // Focus moves with the line, and the move is announced.
    let announced = by_testid(&root, "predict-announce").text_content().unwrap();
    assert!(announced.contains("is now line"), "{announced}");
    // A rough time for "fast end" (1000 ms really) is optional. It is taken when the field is
    // left (Tab to the next line's field); the field Tab went to keeps the focus.
    let next_field = by_testid(&line_at(&root, 5), "predict-time")
        .dyn_into::<HtmlElement>()
        .unwrap();
    next_field.focus().unwrap();
    type_into(&line_showing(&root, 3), "predict-time", "900");
    settle().await;
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(focused.as_ref(), Some(next_field.as_ref()), "focus lost");
    assert!(next_field.is_connected());

    run_and_score(&root).await;
    let score = by_testid(&root, "predict-score");
    assert_eq!(
        score.get_attribute("data-first-wrong").as_deref(),
        Some("4")
    );
    assert_eq!(score.get_attribute("data-correct").as_deref(), Some("5"));
    let marks: Vec<String> = all(&root, "[data-testid=predict-row]")
        .iter()
        .map(|r| r.get_attribute("data-ok").unwrap())
        .collect();
    assert_eq!(
        marks,
        ["true", "true", "true", "false", "false", "true", "true"]
    );
    let explain = by_testid(&root, "predict-explain");
    assert_eq!(explain.get_attribute("data-line").as_deref(), Some("4"));
    let text = explain.text_content().unwrap();
    assert!(text.contains("Task-3 had been waiting"), "{text}");
    assert!(
        text.contains("Task-4, which prints “mid end”, was still waiting"),
        "{text}"
    );
    // The expected output is back once the run has ended.
    assert!(has_testid(&root, "expected"));
    // The cause opens in replay: Task-3's wake at +1000 ms.
    click(&root, "predict-replay");
    settle().await;
    let at = by_testid(&root, "replay-event").text_content().unwrap();
    assert!(at.contains("Task-3"), "{at}");
    settle().await;
    let progress = by_testid(&root, "predict-progress").text_content().unwrap();
    assert!(progress.contains("1 · best 5 / 7"), "{progress}");

    // Fix it with the ↑ button on line 5 ("fast end"), run again: all right, solved.
    let up: HtmlElement = line_at(&root, 4)
        .query_selector("[data-testid=predict-up]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    up.click();
    settle().await;
    assert_eq!(arrangement(&root), (0..7).collect::<Vec<_>>());
    run_and_score(&root).await;
    wait_until("a full score", 3000, || {
        by_testid(&root, "predict-score")
            .get_attribute("data-correct")
            .as_deref()
            == Some("7")
    })
    .await;
    assert_eq!(
        by_testid(&root, "predict-score")
            .get_attribute("data-first-wrong")
            .as_deref(),
        Some("")
    );
    assert!(!has_testid(&root, "predict-explain"));
    settle().await;
    let progress = by_testid(&root, "predict-progress").text_content().unwrap();
    assert!(progress.contains("2 · best 7 / 7 · solved"), "{progress}");
    // The share link carries the arrangement and its rough time.
    let link = by_testid(&root, "share-link")
        .dyn_into::<web_sys::HtmlInputElement>()
        .unwrap()
        .value();
    assert!(link.ends_with("&predict=0.1.2.3~900.4.5.6"), "{link}");
    drop(handle);

    // Kept across visits: a new page in predict mode shows the last arrangement.
    set_hash(&format!("#/lesson/{LESSON}?predict=1"));
    let (root, handle) = mount_app().await;
    settle().await;
    assert_eq!(arrangement(&root), (0..7).collect::<Vec<_>>());
    drop(handle);

    // A link's own arrangement wins; the toggle turns the mode off and the panel goes.
    set_hash(&format!("#/lesson/{LESSON}?predict=6.5.4.3.2.1.0"));
    let (root, handle) = mount_app().await;
    settle().await;
    assert_eq!(arrangement(&root), [6, 5, 4, 3, 2, 1, 0]);
    // Every line has its ↓ button (the last one's disabled); it moves the line down one.
    let downs = all(&root, "[data-testid=predict-down]");
    assert_eq!(downs.len(), 7);
    assert!(downs[6].has_attribute("disabled") && !downs[0].has_attribute("disabled"));
    downs[0].unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(arrangement(&root), [5, 6, 4, 3, 2, 1, 0]);
    line_at(&root, 1)
        .query_selector("[data-testid=predict-up]")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(arrangement(&root), [6, 5, 4, 3, 2, 1, 0]);
    // Plain arrows move the focus, not the line.
    let first = line_at(&root, 0);
    first.focus().unwrap();
    key(&first, "ArrowDown", false);
    settle().await;
    assert_eq!(arrangement(&root), [6, 5, 4, 3, 2, 1, 0]);
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(focused.get_attribute("data-position").as_deref(), Some("1"));
    click(&root, "predict-toggle");
    settle().await;
    assert!(!has_testid(&root, "predict"));
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn predict_mode_opens_in_an_embed_and_changed_knobs_are_not_scored() {
    storage()
        .remove_item("loopscope.predict.mistake-sequential")
        .unwrap();
    set_hash("#/embed/mistake-sequential?predict=1");
    let (root, handle) = mount_app().await;
    settle().await;
    assert_eq!(
        by_testid(&root, "app")
            .get_attribute("data-embed")
            .as_deref(),
        Some("true")
    );
    assert!(has_testid(&root, "predict"));
    let n = arrangement(&root).len();
    arrange(&root, &(0..n).collect::<Vec<_>>()).await;
    run_and_score(&root).await;
    assert_eq!(
        by_testid(&root, "predict-score")
            .get_attribute("data-correct")
            .as_deref(),
        Some(n.to_string().as_str())
    );
    // Other knob values print other times: the panel says so and does not score.
    type_into(&root, "knob-f1", "3");
    settle().await;
    assert!(has_testid(&root, "predict-knobs"));
    click(&root, "run");
    wait_until("the run's end", 3000, || {
        by_testid(&root, "status")
            .text_content()
            .unwrap_or_default()
            .starts_with("Finished")
    })
    .await;
    assert!(!has_testid(&root, "predict-score"));
    drop(handle);
    set_hash("");
}

/// The text with a measured number ("about 300 ms late") left out.
fn measured_aside(text: &str) -> String {
    match text.split_once("about ") {
        Some((before, after)) => format!(
            "{before}about {}",
            after.trim_start_matches(|c: char| c.is_ascii_digit())
        ),
        None => text.to_string(),
    }
}

/// `lesson` run for real, its printed lines as the page's rows.
async fn real_rows(id: &str) -> (&'static Lesson, Vec<Row>) {
    let lesson = course::find(id).unwrap();
    warm_workers(lesson, &Settings::defaults(lesson)).await;
    let run = lesson.start(Clock::Real { scale: 1.0 });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())), "{id}");
    let rows = run.trace().printed().into_iter().map(Row::from).collect();
    (lesson, rows)
}

fn in_order(lesson: &'static Lesson, order: Vec<usize>) -> Prediction {
    let n = order.len();
    Prediction {
        lesson: lesson.id,
        order,
        times: vec![None; n],
    }
}

#[wasm_bindgen_test]
async fn a_real_run_of_run_in_executor_is_scored_right_whichever_worker_printed_a_line() {
    // Through the page: the right order, given by a link, scored against a real run on real
    // Web Workers (which worker takes which job is the browser's business).
    let id = "run-in-executor";
    let n = course::find(id).unwrap().expected.len();
    let order: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    storage()
        .remove_item(&format!("loopscope.predict.{id}"))
        .unwrap();
    set_hash(&format!("#/lesson/{id}?predict={}", order.join(".")));
    warm_up(0);
    assert_eq!(spare_workers(), 0);
    let (root, handle) = mount_app().await;
    settle().await;
    // The page starts the lesson's five workers when it opens the lesson, before Run.
    wait_until("the page's spare workers", 10_000, || spare_workers() >= 5).await;
    click(&root, "run");
    wait_until("the prediction's score", 20_000, || {
        has_testid(&root, "predict-score")
    })
    .await;
    let shown = by_testid(&root, "predict-score");
    // On a machine loaded enough to hold the page's thread for half a second, the real run
    // itself prints another order (the ticker's 1500 ms line after a 2000 ms one); then "all
    // right" is not the answer and the workers-moved check below carries the test.
    let printed: Vec<String> = output_rows(&root)
        .into_iter()
        .map(|(_, _, text)| text)
        .collect();
    let expected = course::find(id).unwrap().expected;
    let in_text_order = printed.len() == n
        && printed.iter().zip(expected).all(|(text, at)| {
            expected.iter().any(|e| {
                e.at_ms == at.at_ms && measured_aside(e.text(Lang::En)) == measured_aside(text)
            })
        });
    if in_text_order {
        assert_eq!(
            shown.get_attribute("data-correct").as_deref(),
            Some(n.to_string().as_str()),
            "{}",
            shown.text_content().unwrap_or_default()
        );
    } else {
        console_log!("the real run printed another order than the text's: {printed:?}");
    }
    drop(handle);
    set_hash("");

    // And with every line moved to another worker than the one that printed it.
    let (lesson, mut rows) = real_rows(id).await;
    let mut moved = 0;
    for row in rows.iter_mut() {
        if let Some(n) = row.task.strip_prefix("worker-") {
            let n: u32 = n.parse().unwrap();
            row.task = format!("worker-{}", n % 5 + 1);
            moved += 1;
        }
    }
    assert!(moved >= 10, "{moved} worker lines");
    let right = in_order(lesson, (0..lesson.expected.len()).collect());
    let scored = score(lesson, Lang::En, &right, &rows, Timing::Ignore);
    assert!(scored.all_right(), "{scored:#?}");
}

#[wasm_bindgen_test]
async fn lines_at_the_same_moment_may_be_predicted_in_any_order_in_a_real_run() {
    let lessons: Vec<&str> = course::all()
        .filter(|l| l.order == Order::SameTimeAnyOrder)
        .map(|l| l.id)
        .collect();
    assert_eq!(
        lessons,
        [
            "pool-callbacks",
            "pool-submit",
            "run-in-executor",
            "executor-downloads"
        ]
    );
    for id in lessons {
        let (lesson, rows) = real_rows(id).await;
        // Reverse every group of lines expected at the same time.
        let mut order: Vec<usize> = Vec::new();
        let mut start = 0;
        while start < lesson.expected.len() {
            let at = lesson.expected[start].at_ms;
            let end = start
                + lesson.expected[start..]
                    .iter()
                    .take_while(|e| e.at_ms == at)
                    .count();
            order.extend((start..end).rev());
            start = end;
        }
        let reversed = in_order(lesson, order.clone());
        let scored = score(lesson, Lang::En, &reversed, &rows, Timing::Ignore);
        assert!(scored.all_right(), "{id}: {scored:#?}");
        // Across different times the order still counts.
        order.rotate_left(1);
        assert!(
            !score(
                lesson,
                Lang::En,
                &in_order(lesson, order),
                &rows,
                Timing::Ignore
            )
            .all_right(),
            "{id}"
        );
    }
}

/// Three tasks whose lines come in the order of their sleeps, not of their creation.
const SNIPPET: &str = "import asyncio\n\nasync def job(name, delay):\n    print(name, 'starts')\n    await asyncio.sleep(delay)\n    print(name, 'ends')\n\nasync def main():\n    await asyncio.gather(job('A', 0.3), job('B', 0.1))\n    print('done')\n\nasyncio.run(main())\n";

/// The text of each line in the order shown.
fn arranged_texts(root: &Element) -> Vec<String> {
    all(root, "[data-testid=predict-line]")
        .iter()
        .map(|li| {
            li.query_selector("code.text")
                .unwrap()
                .and_then(|t| t.text_content())
                .unwrap_or_else(|| li.text_content().unwrap_or_default())
        })
        .collect()
}

#[wasm_bindgen_test]
async fn predict_mode_on_an_embedded_snippet_arranges_the_lines_of_a_hidden_first_run() {
    let src = loopscope::ui::urls::encode_source(SNIPPET);
    set_hash(&format!("#/embed/code?src={src}&predict=1"));
    let (root, handle) = mount_app().await;
    wait_until("the lines to arrange", 3000, || {
        has_testid(&root, "predict")
    })
    .await;
    settle().await;
    // The hidden run showed nothing: the output is empty, and its lines are the snippet's.
    assert!(output_rows(&root).is_empty());
    let shown = arranged_texts(&root);
    assert_eq!(shown.len(), 5, "{shown:?}");
    for text in ["A starts", "B starts", "B ends", "A ends", "done"] {
        assert!(
            shown.iter().any(|s| s.contains(text)),
            "{text} in {shown:?}"
        );
    }
    // The first run's order is the right answer; the shown one is scrambled.
    assert_ne!(arrangement(&root), (0..5).collect::<Vec<_>>());
    arrange(&root, &[0, 1, 2, 3, 4]).await;
    run_and_score(&root).await;
    assert_eq!(
        by_testid(&root, "predict-score")
            .get_attribute("data-correct")
            .as_deref(),
        Some("5")
    );
    // Changing the code ends predict mode: its lines were the old code's.
    type_into(&root, "python-editor", "print('other')\n");
    settle().await;
    assert!(!has_testid(&root, "predict"));
    drop(handle);
    set_hash("");
}

#[wasm_bindgen_test]
async fn predict_mode_on_a_snippet_that_never_ends_or_prints_nothing_says_so() {
    let forever = "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(60)\n\nasyncio.run(main())\n";
    for (code, notice) in [(forever, "does-not-end"), ("x = 1\n", "prints-nothing")] {
        let src = loopscope::ui::urls::encode_source(code);
        set_hash(&format!("#/embed/code?src={src}&predict=1"));
        let (root, handle) = mount_app().await;
        wait_until(notice, 10_000, || {
            by_testid(&root, "code-notice")
                .get_attribute("data-notice")
                .as_deref()
                == Some(notice)
        })
        .await;
        assert!(!has_testid(&root, "predict"));
        assert_eq!(loopscope::runtime::live_runs(), 0);
        drop(handle);
    }
    set_hash("");
}
