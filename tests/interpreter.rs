//! The interpreter in the browser: what a page's stack and clock mean for it.
#![cfg(target_arch = "wasm32")]

use loopscope::interpreter;
use loopscope::lang::Lang;
use loopscope::runtime::{Clock, RunStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn run_to_end(source: &str) -> String {
    let (run, outcome) = interpreter::start(source, Clock::Virtual, Lang::En).expect("compiles");
    for _ in 0..500 {
        if run.status() != RunStatus::Running {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    assert_ne!(run.status(), RunStatus::Running, "the program ended");
    outcome.transcript()
}

#[wasm_bindgen_test]
async fn deep_recursion_raises_recursion_error_within_the_pages_stack() {
    let text = run_to_end(
        "import asyncio\n\ndef down(n):\n    return down(n + 1)\n\nasync def main():\n    try:\n        down(0)\n    except RecursionError as e:\n        print('caught', type(e).__name__, e)\n\nasyncio.run(main())\n",
    )
    .await;
    assert_eq!(
        text,
        "[0] caught RecursionError maximum recursion depth exceeded\n"
    );
}

#[wasm_bindgen_test]
async fn markup_in_printed_text_and_errors_stays_text() {
    let text =
        run_to_end("print('<b>bold</b> & <script>x</script>')\nraise ValueError('<i>no</i>')\n")
            .await;
    assert!(
        text.starts_with("[0] <b>bold</b> & <script>x</script>\n"),
        "{text}"
    );
    assert!(text.ends_with("ValueError: <i>no</i>\n"), "{text}");
}
