//! Scrolling a box, never the page, so that one of its children shows.

use wasm_bindgen::JsCast;

/// Scrolls `container` (only it) so that its first child matching `selector` is in view,
/// centred if it was out of view; nothing if there is no such child.
pub fn reveal_within(container: &web_sys::HtmlElement, selector: &str) {
    let Ok(Some(child)) = container.query_selector(selector) else {
        return;
    };
    let Ok(child) = child.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let (top, height) = (child.offset_top(), child.offset_height());
    let (view_top, view_height) = (container.scroll_top(), container.client_height());
    if top < view_top || top + height > view_top + view_height {
        container.set_scroll_top(top - (view_height - height) / 2);
    }
}
