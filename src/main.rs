//! The page's entry point: a panic hook for readable errors, then the app in place of the
//! loading shell.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(loopscope::ui::App);
    // The static loading shell of index.html has done its job.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        shell.remove();
    }
    // The lessons' code is not in the release build's first download (`loopscope::lazy`): it is
    // fetched once the page has settled, so that the first Run need not wait for it.
    leptos::prelude::set_timeout(
        || {
            leptos::task::spawn_local(async {
                let _ = loopscope::course::entries::load().await;
            })
        },
        std::time::Duration::from_millis(1000),
    );
}
