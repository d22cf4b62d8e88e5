//! The page's entry point: a panic hook for readable errors, then the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(loopscope::ui::App);
}
