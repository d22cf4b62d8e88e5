//! Helpers shared by the native and the browser test files.
#![allow(dead_code)]

use loopscope::analysis::matching::{compare, Line, Seen, Timing};
use loopscope::course::{Ends, Expected, KnobValue, Lesson, Settings};
use loopscope::lang::Lang;
use loopscope::runtime::{EventKind, IoKind, Run, RunStatus};
use loopscope::trace::PrintedLine;

/// The printed lines as (ms, task, text), the shape lessons state their expectations in.
pub fn observed(lines: &[PrintedLine]) -> Vec<(u64, String, String)> {
    lines
        .iter()
        .map(|l| (l.at_ms(), l.task_name.to_string(), l.text.to_string()))
        .collect()
}

/// Where the fixture server (`tests/fixtures/server.py`, started by `scripts/test`) listens.
pub const FIXTURES: &str = match option_env!("LOOPSCOPE_FIXTURES") {
    Some(base) => base,
    None => "http://127.0.0.1:8765/",
};

/// The lesson's own settings, with its URL list (if it has one) pointed at the fixture server.
pub fn fixture_settings(lesson: &Lesson) -> Settings {
    let mut settings = Settings::defaults(lesson);
    if let Some(KnobValue::Urls(urls)) = settings.get("urls") {
        let urls = urls.iter().map(|u| format!("{FIXTURES}{u}")).collect();
        settings.set("urls", KnobValue::Urls(urls));
    }
    settings
}

/// The printed lines as the shared comparison reports them.
pub fn seen(lines: &[PrintedLine]) -> Vec<Seen> {
    lines.iter().map(Seen::of).collect()
}

/// The timing a test judges by: exact for a tolerance of 0 (the virtual clock), else within it.
pub fn timing(tolerance_ms: u64) -> Timing {
    match tolerance_ms {
        0 => Timing::Exact,
        ms => Timing::Within(ms),
    }
}

/// Asserts the run printed the lesson's expected lines in an allowed order, with times within
/// `tolerance_ms` (0 on the virtual clock).
pub fn assert_output(lesson: &Lesson, run: &Run, tolerance_ms: u64) {
    assert_printed(
        lesson,
        lesson.expected,
        run.lang(),
        &run.trace().printed(),
        tolerance_ms,
    );
}

/// [`assert_output`] against `expected` lines in place of the lesson's own (the same texts at
/// adjusted times), in `lang`, under the lesson's order rule.
pub fn assert_printed(
    lesson: &Lesson,
    expected: &[Expected],
    lang: Lang,
    lines: &[impl Line],
    tolerance_ms: u64,
) {
    if let Err(mismatch) = compare(expected, lang, lines, lesson.order, timing(tolerance_ms)) {
        let all: Vec<Seen> = lines.iter().map(Seen::of).collect();
        panic!(
            "{}: line {} differs: expected {:?}, printed {:?}\nall printed: {all:#?}",
            lesson.id, mismatch.line, mismatch.expected, mismatch.actual,
        );
    }
}

/// Every live counter of the run: tasks, timers, callbacks, fetches, worker jobs, storage
/// calls, channel connections and calls to the SQL servers.
pub fn live_counters(run: &Run) -> [usize; 8] {
    [
        run.live_tasks(),
        run.live_timers(),
        run.live_callbacks(),
        run.live_io(IoKind::Fetch),
        run.live_io(IoKind::Worker),
        run.live_io(IoKind::Storage),
        run.live_io(IoKind::Channel),
        run.live_io(IoKind::Sql),
    ]
}

/// The lesson's expected lines in `lang`, in the same shape.
pub fn expected(lesson: &Lesson, lang: Lang) -> Vec<(u64, String, String)> {
    lesson
        .expected
        .iter()
        .map(|e| (e.at_ms, e.task.to_string(), e.text(lang).to_string()))
        .collect()
}

/// Checks that every printed line points at a `print(` in the Python listing and a `print!(`
/// in the Rust listing (in both languages), so hovering a line in the page highlights the
/// right source.
pub fn assert_source_lines(lesson: &Lesson, lines: &[PrintedLine]) {
    let listings = Lang::ALL.map(|lang| {
        [
            ("Python", lesson.python(lang), "print("),
            ("Rust", lesson.rust_listing(lang), "print!("),
        ]
    });
    let listings = listings.iter().flatten().copied();
    // A print from a worker is a job step: `.print(` in Rust.
    for line in lines {
        for (language, listing, call) in listings.clone() {
            let number = match language {
                "Python" => line.py_line,
                _ => line.rust_line,
            };
            let text = listing.lines().nth(number as usize - 1).unwrap_or("");
            let job_step = language == "Rust" && text.contains(".print(");
            // `functools.partial(print, "Hello World!")`: print called later, by the loop.
            let partial_print = language == "Python" && text.contains("partial(print, ");
            assert!(
                text.contains(call) || job_step || partial_print,
                "{}: {:?} names {language} line {number}, which is {text:?}",
                lesson.id,
                line.text,
            );
        }
    }
}

/// Everything a virtual-clock run of a lesson must satisfy once the loop is idle: it ended
/// well (or, for a lesson that waits forever, it is still waiting, and Stop then ends it),
/// printed the expected lines at the expected times from the right source lines, and left
/// nothing behind.
pub fn assert_lesson_run(lesson: &Lesson, run: &Run) {
    let status = match lesson.ends {
        Ends::ByItself => RunStatus::Finished(Ok(())),
        Ends::OnlyWhenStopped => RunStatus::Running,
    };
    assert_eq!(run.status(), status, "{}", lesson.id);
    assert_output(lesson, run, 0);
    assert_source_lines(lesson, &run.trace().printed());
    if lesson.ends == Ends::OnlyWhenStopped {
        assert!(run.stop(), "{}", lesson.id);
        assert_eq!(run.status(), RunStatus::Stopped, "{}", lesson.id);
    }
    assert_eq!(live_counters(run), [0; 8], "{}", lesson.id);
}

/// The texts the run printed, in order.
pub fn printed_texts(run: &Run) -> Vec<String> {
    run.trace()
        .printed()
        .iter()
        .map(|l| l.text.to_string())
        .collect()
}

/// How many events of this kind the run recorded.
pub fn count_events(run: &Run, kind: &EventKind) -> usize {
    run.trace()
        .events()
        .iter()
        .filter(|e| e.kind == *kind)
        .count()
}

/// Browser-only helpers: waiting on the real event loop and reading the page.
#[cfg(target_arch = "wasm32")]
pub mod dom {
    use gloo_timers::future::TimeoutFuture;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    /// Waits on the real clock for `ms` milliseconds.
    pub async fn sleep_ms(ms: u32) {
        TimeoutFuture::new(ms).await;
    }

    /// Polls `condition` every 5 ms until it holds; fails after `limit_ms`.
    pub async fn wait_until(what: &str, limit_ms: u32, condition: impl Fn() -> bool) {
        let mut waited = 0;
        while !condition() {
            assert!(
                waited < limit_ms,
                "timed out after {limit_ms} ms waiting for {what}"
            );
            sleep_ms(5).await;
            waited += 5;
        }
    }

    /// Has the runtime start the Web Workers a run of `lesson` with `settings` will use and
    /// waits until they are there, as the page does when it opens the lesson (a test that
    /// starts runs itself would otherwise time the browser's thread start-up).
    pub async fn warm_workers(lesson: &loopscope::course::Lesson, settings: &super::Settings) {
        let wanted = lesson.workers_used(settings);
        loopscope::runtime::worker::warm_up(wanted);
        wait_until("spare workers", 10_000, || {
            loopscope::runtime::worker::spare_workers() >= wanted
        })
        .await;
    }

    /// The page's real stylesheet, so layout-dependent behaviour (scrolling listings) is
    /// tested as users get it.
    const STYLESHEET: &str = include_str!("../../style/main.css");

    /// A fresh element appended to the body, to mount a component into. The first call also
    /// installs the app's stylesheet in the test page.
    pub fn fresh_root() -> HtmlElement {
        let document = web_sys::window().unwrap().document().unwrap();
        if document.get_element_by_id("loopscope-css").is_none() {
            let style = document.create_element("style").unwrap();
            style.set_id("loopscope-css");
            style.set_text_content(Some(STYLESHEET));
            document.head().unwrap().append_child(&style).unwrap();
        }
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        root
    }

    /// Mounts a fresh App in English (the language is remembered across mounts in this page,
    /// so each test starts from a known one); dropping the returned handle unmounts it (and
    /// stops its run).
    /// Sets the page's fragment (the route the app reads when it mounts).
    pub fn set_hash(hash: &str) {
        web_sys::window()
            .unwrap()
            .location()
            .set_hash(hash)
            .unwrap();
    }

    /// Mounts the app as a reader who chose English and opened the Rust listing, and waits
    /// until the parts drawn after the first screen are there too.
    pub async fn mount_app() -> (HtmlElement, Box<dyn std::any::Any>) {
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        storage.set_item("loopscope.lang", "en").unwrap();
        storage.set_item("loopscope.rust-listing", "open").unwrap();
        let root = fresh_root();
        let handle = leptos::mount::mount_to(root.clone(), loopscope::ui::App);
        whole_page().await;
        (root, Box::new(handle))
    }

    /// Waits until the parts of the page drawn after its first screen are drawn.
    pub async fn whole_page() {
        wait_until("the page's later parts", 5_000, || {
            loopscope::ui::parts_waiting() == 0
        })
        .await;
    }

    /// Opens a lesson from the catalog, picks a clock (`clock-instant` or `clock-real`) and
    /// presses Run, as a learner would.
    pub async fn run_lesson(root: &HtmlElement, lesson: &str, clock: &str) {
        click(root, &format!("lesson-{lesson}"));
        click(root, clock);
        leptos::task::tick().await;
        click(root, "run");
    }

    /// All elements under `root` matching `selector`.
    pub fn all(root: &Element, selector: &str) -> Vec<Element> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    /// The one element under `root` with this `data-testid`.
    pub fn by_testid(root: &Element, id: &str) -> HtmlElement {
        root.query_selector(&format!("[data-testid=\"{id}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no element with data-testid={id}"))
            .unchecked_into()
    }

    /// Whether an element with this `data-testid` is under `root` now.
    pub fn has_testid(root: &Element, id: &str) -> bool {
        root.query_selector(&format!("[data-testid=\"{id}\"]"))
            .ok()
            .flatten()
            .is_some()
    }

    /// Clicks the element with this `data-testid`.
    pub fn click(root: &Element, id: &str) {
        by_testid(root, id).click();
    }

    /// Sends a bare DOM event (`mouseenter`, `change`, …) to an element.
    pub fn fire(element: &Element, kind: &str) {
        let event = web_sys::Event::new(kind).unwrap();
        element.dispatch_event(&event).unwrap();
    }

    /// Types `text` into the input or textarea with this `data-testid`, as a learner does: the
    /// value changes, then `input` and `change` events bubble up from it.
    pub fn type_into(root: &Element, id: &str, text: &str) {
        let element = by_testid(root, id);
        if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(text);
        } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(text);
        } else {
            panic!("{id} is not a text field");
        }
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
            element.dispatch_event(&event).unwrap();
        }
    }

    /// The text of the element with this `data-testid`.
    pub fn text_of(root: &Element, id: &str) -> String {
        by_testid(root, id).text_content().unwrap_or_default()
    }

    /// The output panel as (time, task, text) strings.
    pub fn output_rows(root: &Element) -> Vec<(String, String, String)> {
        all(root, "[data-testid=output-row]")
            .iter()
            .map(|row| {
                let cell = |id: &str| {
                    row.query_selector(&format!("[data-testid={id}]"))
                        .unwrap()
                        .and_then(|e| e.text_content())
                        .unwrap_or_default()
                };
                (cell("row-time"), cell("row-task"), cell("row-text"))
            })
            .collect()
    }

    /// The timeline's lane names as shown (`Task-2 · f1()`, `loop`), top to bottom.
    pub fn lane_names(root: &Element) -> Vec<String> {
        all(root, "[data-testid=timeline-lane] .lane-name")
            .iter()
            .map(|name| name.text_content().unwrap_or_default())
            .collect()
    }

    /// The highlighted line number in a listing (`python` or `rust`), if any.
    pub fn highlighted_line(root: &Element, listing: &str) -> Option<u32> {
        root.query_selector(&format!("[data-testid={listing}] .line.hl"))
            .unwrap()
            .and_then(|e| e.get_attribute("data-line"))
            .and_then(|n| n.parse().ok())
    }
}

/// Points the page's SQL engine at the fixture server's copy (the test page has no
/// `sqlite/` beside it).
pub fn use_fixture_engine() {
    loopscope::runtime::sql::use_engine_at(&format!("{FIXTURES}sqlite/index.mjs"));
}

/// The loop implementations the run chose while it ran (`LoopChosen`), in order.
pub fn loops_chosen(trace: &loopscope::trace::Trace) -> Vec<loopscope::trace::LoopKind> {
    trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::LoopChosen { kind } => Some(kind),
            _ => None,
        })
        .collect()
}
