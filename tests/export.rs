//! "Open in pro tools": the Chrome trace JSON of a run parses, has one track per task (plus the
//! loop's) and the right events; the page's download link serves it; real-clock runs leave
//! `performance.measure` entries on a DevTools track per task.
#![cfg(target_arch = "wasm32")]

mod common;

use common::dom::{by_testid, click, has_testid, mount_app, run_lesson, wait_until};
use js_sys::{Array, Reflect, JSON};
use loopscope::analysis::export::chrome_trace;
use loopscope::course;
use loopscope::runtime::Clock;
use loopscope::trace::FORMAT_VERSION;
use loopscope::ui::i18n::Lang;
use loopscope::ui::words::wait_words;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn str_of(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

/// The parsed file's trace events.
fn trace_events(json: &str) -> Vec<JsValue> {
    let parsed = JSON::parse(json).expect("the export is valid JSON");
    let events: Array = get(&parsed, "traceEvents").dyn_into().unwrap();
    events.iter().collect()
}

fn count(events: &[JsValue], ph: &str, name_prefix: &str, tid: Option<f64>) -> usize {
    events
        .iter()
        .filter(|e| str_of(e, "ph") == ph && str_of(e, "name").starts_with(name_prefix))
        .filter(|e| tid.is_none_or(|t| get(e, "tid").as_f64() == Some(t)))
        .count()
}

#[wasm_bindgen_test]
async fn the_exported_trace_has_one_track_per_task_and_every_print_and_step() {
    for (id, tasks, prints) in [("create-task", 3, 6), ("gather-groups", 0, 0)] {
        let lesson = course::find(id).unwrap();
        let run = lesson.start(Clock::Virtual);
        run.finished().await;
        let trace = run.trace();
        let json = chrome_trace(&trace, id, &|on, names| wait_words(on, &names, Lang::En));
        let events = trace_events(&json);
        // The file says which Trace format it was made from.
        let parsed = JSON::parse(&json).unwrap();
        assert_eq!(
            get(&get(&parsed, "otherData"), "loopscope_trace_format").as_f64(),
            Some(f64::from(FORMAT_VERSION))
        );
        let names: Vec<String> = trace.task_names().map(str::to_string).collect();
        if tasks > 0 {
            assert_eq!(names.len(), tasks, "{id}");
        }
        // One named track per task, plus the loop's.
        let tracks: Vec<String> = events
            .iter()
            .filter(|e| str_of(e, "name") == "thread_name")
            .map(|e| str_of(&get(e, "args"), "name"))
            .collect();
        let mut want = vec!["event loop".to_string()];
        want.extend(names.iter().cloned());
        assert_eq!(tracks, want, "{id}");
        // Every print is an instant on its task's track, with its text.
        let printed = run.trace().printed_since(0).count();
        if prints > 0 {
            assert_eq!(printed, prints, "{id}");
        }
        assert_eq!(count(&events, "i", "print ", None), printed, "{id}");
        // Each task's steps: one complete event per poll of it.
        for (index, _) in names.iter().enumerate() {
            let polls = trace
                .events()
                .iter()
                .filter(|e| {
                    e.task.map(|t| t.index()) == Some(index)
                        && matches!(e.kind, loopscope::trace::EventKind::TaskPolled)
                })
                .count();
            let steps = count(&events, "X", "step", Some((index + 1) as f64));
            assert_eq!(steps, polls, "{id}: task {index}");
        }
        // Timers: every set and every firing is there.
        let timers_set = trace
            .events()
            .iter()
            .filter(|e| matches!(e.kind, loopscope::trace::EventKind::TimerSet { .. }))
            .count();
        assert!(count(&events, "i", "timer ", None) >= timers_set, "{id}");
    }
}

#[wasm_bindgen_test]
async fn the_download_link_serves_the_run_as_a_trace_file() {
    let (root, handle) = mount_app().await;
    run_lesson(&root, "create-task", "clock-instant").await;
    wait_until("the replay bar", 3000, || has_testid(&root, "replay")).await;
    let link = by_testid(&root, "download-trace");
    assert_eq!(
        link.get_attribute("download").as_deref(),
        Some("loopscope-create-task.json")
    );
    click(&root, "download-trace");
    let href = link.get_attribute("href").unwrap();
    assert!(href.starts_with("blob:"), "{href}");
    let window = web_sys::window().unwrap();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&href))
        .await
        .unwrap()
        .unchecked_into();
    let text = JsFuture::from(response.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap();
    let events = trace_events(&text);
    assert_eq!(count(&events, "i", "print ", None), 6);
    assert_eq!(count(&events, "M", "thread_name", None), 4);
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_real_clock_run_leaves_a_devtools_track_per_task() {
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance.clear_measures();
    let (root, handle) = mount_app().await;
    // Ten times faster than real time: the 2 s lesson takes about 200 ms.
    click(&root, "lesson-create-task");
    click(&root, "clock-real");
    leptos::task::tick().await;
    let speed: web_sys::HtmlSelectElement = by_testid(&root, "speed").unchecked_into();
    speed.set_value("10");
    common::dom::fire(&speed, "change");
    leptos::task::tick().await;
    click(&root, "run");
    wait_until("the run to finish", 5000, || {
        by_testid(&root, "status")
            .text_content()
            .unwrap_or_default()
            .starts_with("Finished")
    })
    .await;
    let entries = performance.get_entries_by_type("measure");
    let mut tracks: Vec<String> = entries
        .iter()
        .filter_map(|entry| {
            let devtools = get(&get(&entry, "detail"), "devtools");
            (str_of(&devtools, "trackGroup") == "Loopscope").then(|| str_of(&devtools, "track"))
        })
        .collect();
    assert!(!tracks.is_empty(), "no measures");
    tracks.sort();
    tracks.dedup();
    assert_eq!(tracks, ["Task-1", "Task-2", "Task-3"]);
    // Task-2's sleep is a measure of about 200 ms of page time.
    let sleep: Vec<f64> = entries
        .iter()
        .filter(|e| str_of(e, "name").starts_with("Task-2: sleep"))
        .map(|e| get(&e, "duration").as_f64().unwrap())
        .collect();
    assert_eq!(sleep.len(), 1, "{sleep:?}");
    assert!((150.0..400.0).contains(&sleep[0]), "{sleep:?}");
    drop(handle);
}
