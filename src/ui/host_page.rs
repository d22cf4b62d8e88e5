//! What the page says to a course page that embeds it (`window.parent`): the messages of the
//! embed API listed in [`super::embed`]. Nothing is sent outside an iframe.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::analysis::predict::{Prediction, Score};

/// The page this one is embedded in, if it is in an iframe.
fn host() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!Object::is(&parent, &window)).then_some(parent)
}

/// Whether a message came from the host page (only its messages are obeyed).
pub fn is_host(source: &js_sys::Object) -> bool {
    host().is_some_and(|host| Object::is(&host, source))
}

/// A plain object with these fields.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// A message object: `{type: kind, ...fields}`.
pub fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let object = object(fields);
    let _ = Reflect::set(&object, &"type".into(), &kind.into());
    object
}

/// Posts a message to the host page, if there is one.
pub fn post(kind: &str, fields: &[(&str, JsValue)]) {
    if let Some(host) = host() {
        // The lesson's output is no secret, and the host's origin is not known in advance.
        let _ = host.post_message(&message(kind, fields), "*");
    }
}

/// Tells the host page how a prediction scored (see the module docs).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn report_prediction(prediction: &Prediction, score: &Score) {
    let first_wrong = score
        .first_wrong
        .map_or(JsValue::NULL, |line| JsValue::from(line as f64 + 1.0));
    post(
        "loopscope:prediction",
        &[
            ("lesson", prediction.lesson.into()),
            ("correct", score.all_right().into()),
            ("right", JsValue::from(score.correct as f64)),
            ("total", JsValue::from(score.total as f64)),
            ("first_wrong", first_wrong),
            ("prediction", prediction.encode().into()),
        ],
    );
}
