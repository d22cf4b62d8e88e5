//! Live DevTools tracks: each task's steps and waits as `performance.measure` entries with
//! the DevTools extensibility `detail`, one track per task in a "Loopscope" group (the file
//! export is `analysis::export`). Real-clock runs only (the virtual clock's times are not the
//! page's). At most [`MAX_MEASURES`] per run.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Enough for any lesson; a 100k-task run is not drawn step by step.
pub const MAX_MEASURES: usize = 10_000;

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// One entry from `start_ms` to `end_ms` (page time, `performance.now()`'s base) on the
/// track `track`.
pub fn measure(name: &str, track: &str, start_ms: f64, end_ms: f64, waiting: bool) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let devtools = Object::new();
    set(&devtools, "dataType", &"track-entry".into());
    set(&devtools, "track", &track.into());
    set(&devtools, "trackGroup", &"Loopscope".into());
    set(
        &devtools,
        "color",
        &(if waiting { "tertiary" } else { "primary" }).into(),
    );
    set(&devtools, "tooltipText", &name.into());
    let detail = Object::new();
    set(&detail, "devtools", &devtools);
    let options = Object::new();
    set(&options, "start", &start_ms.into());
    set(&options, "end", &end_ms.max(start_ms).into());
    set(&options, "detail", &detail);
    let Ok(function) = Reflect::get(&performance, &"measure".into()) else {
        return;
    };
    if let Some(function) = function.dyn_ref::<js_sys::Function>() {
        let _ = function.call2(&performance, &JsValue::from_str(name), &options);
    }
}
