//! Moving keyboard focus where a reader's action leads (the skip link to Run, a chosen lesson
//! to its title).

/// Moves keyboard focus to the element with this `data-testid`, if it is on the page.
pub fn focus_testid(testid: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-testid=\"{testid}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
