//! Parts of the page drawn after its first screen: the page's start is split into tasks the
//! browser can paint and answer input between.
//!
//! Drawing the whole lesson page at once was one long task (319 ms on Lighthouse's simulated
//! phone CPU, two thirds of it V8 compiling on first call the wasm functions that draw), and the
//! layout of all of it a second. What the first screen shows (the listing, Run, the output)
//! is drawn at once; each [`Later`] part in a task of its own after the first frame, in the
//! order they were made.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// How many [`Later`] parts are made and not drawn yet.
    static WAITING: Cell<usize> = const { Cell::new(0) };
}

/// How many parts of the page wait for their turn to be drawn (0 once the page is whole).
pub fn parts_waiting() -> usize {
    WAITING.with(Cell::get)
}

/// A browser that paints no frame (an embed's frame scrolled far out of view, where animation
/// frames are held back, or a tab opened in the background) still gets the whole page this soon.
const AT_THE_LATEST: Duration = Duration::from_millis(200);

/// Its children, drawn once the page has painted what was drawn before it: after the next
/// animation frame (or [`AT_THE_LATEST`], if no frame comes), in a task of their own.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    WAITING.with(|waiting| waiting.set(waiting.get() + 1));
    // Whichever comes first of the frame and the deadline draws the part; the other finds it
    // drawn.
    let due = Rc::new(Cell::new(true));
    let draw = move || {
        if due.replace(false) {
            WAITING.with(|waiting| waiting.set(waiting.get().saturating_sub(1)));
            // A part unmounted before its turn (a route changed at once) is not drawn.
            let _ = ready.try_set(true);
        }
    };
    let after_frame = draw.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(draw, AT_THE_LATEST);
    move || ready.get().then(|| children())
}
