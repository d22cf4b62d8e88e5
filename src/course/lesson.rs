//! What a lesson is: its listings, note, expected output, knobs, and how it runs and ends.
//!
//! A lesson file (`chN/<name>.rs`) holds the async Rust code that runs, then, after the line
//! [`END_OF_LISTING`], its [`Lesson`] record.

use std::future::Future;
use std::pin::Pin;

use super::knobs::{self, Knob, KnobReader, Settings};
use super::Mistake;
pub use crate::lang::{Lang, Text};
use crate::runtime::{self, Clock, Run};

/// The line that ends the part of a lesson file shown as its Rust listing.
pub const END_OF_LISTING: &str = "// ---- end of listing ----";

/// One expected output line: when (on the virtual clock), which task, what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Milliseconds since the run began.
    pub at_ms: u64,
    /// The printing task's name.
    pub task: &'static str,
    /// The printed text, in each language.
    pub words: Text,
}

impl Expected {
    /// The printed text in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.words)
    }
}

/// Shorthand for an [`Expected`] line that prints the same in both languages (numbers, reprs).
pub const fn line(at_ms: u64, task: &'static str, text: &'static str) -> Expected {
    Expected {
        at_ms,
        task,
        words: Text::same(text),
    }
}

/// Shorthand for an [`Expected`] line with words: English, then Chinese (the course's own).
pub const fn said(at_ms: u64, task: &'static str, en: &'static str, zh: &'static str) -> Expected {
    Expected {
        at_ms,
        task,
        words: Text { en, zh },
    }
}

/// How a lesson's Python listing can be checked against real CPython by the test suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cpython {
    /// It runs on the standard library alone and prints exactly the expected lines.
    Runs,
    /// It talks to Redis servers on these ports (`redis://127.0.0.1:6379`): the check starts a
    /// real `redis-server` for each, on a free port, and points the listing at it (what the
    /// listing prints of an address is mapped back).
    Redis(&'static [u16]),
    /// It needs these packages from PyPI (for example `greenlet`).
    Needs(&'static [&'static str]),
    /// It uses an API that current CPython removed; the note says which.
    Removed,
    /// It prints from several threads at once. CPython's `print` writes a line's text and its
    /// newline separately, so two threads can mix two lines into one: the check runs it with
    /// each `print` made whole (a lock around it), then compares it like the others.
    Threads,
    /// It uses a server-side library (aiohttp, aiofile, aioredis, a TCP server) that the
    /// browser replaces with its own API; its output under CPython names other things.
    Server(&'static str),
    /// It fetches pages from this app at [`APP_BASE`] with these packages from PyPI (for
    /// example `aiohttp`), and prints exactly the expected lines when the app's sample files
    /// are really served there: the check starts the test's HTTP server
    /// (`tests/fixtures/server.py`) and writes that server's address in place of [`APP_BASE`].
    FetchesFromApp(&'static [&'static str]),
    /// It runs a web server (uvicorn, aiohttp.web) on [`SERVER_PORT`] and its own client asks
    /// it, with these packages from PyPI: the check writes a free port in place of
    /// [`SERVER_PORT`], so a busy port of the machine cannot fail it.
    Serves(&'static [&'static str]),
    /// It runs an SMTP server on [`MAIL_PORT`] and sends it mail, with these packages from
    /// PyPI (aiosmtpd, aiosmtplib): the check writes a free port in place of [`MAIL_PORT`].
    Mails(&'static [&'static str]),
    /// It runs the same program on asyncio's loop and on another, uvloop (with these
    /// packages from PyPI). In the page the other loop is the `setTimeout` one, so what the
    /// listing prints as `uvloop` reads as `setTimeout` when the check compares it.
    SwapsLoop(&'static [&'static str]),
    /// It talks to MySQL servers on these ports (`port=3306`) with aiomysql: the check starts a
    /// real MariaDB server for each, on a free port, with the sample databases
    /// (`runtime::sql::servers`), and points the listing at it (what the listing prints of
    /// a port is mapped back).
    Mysql(&'static [u16]),
    /// It runs a web server on [`SERVER_PORT`] (with these packages from PyPI) whose handler
    /// queries MySQL servers on these ports: the check does both of the above.
    ServesFromMysql(&'static [&'static str], &'static [u16]),
}

/// The port the course's mail servers listen on (`port=1025`, aiosmtpd's own default), in
/// the listings and the lessons; the CPython check moves it to a free one.
pub const MAIL_PORT: u16 = 1025;

/// The port the course's web servers listen on (`port=5000`), in the listings and the
/// lessons; the CPython check moves it to a free one.
pub const SERVER_PORT: u16 = 5000;

/// Where a Python listing that fetches from this app finds it: `trunk serve`'s address
/// (Trunk.toml). A listing writes it once, as `BASE = "http://localhost:8080/"`, and joins the
/// sample file's path to it, as the Rust lesson fetches the same path from its own page.
pub const APP_BASE: &str = "http://localhost:8080/";

/// What a lesson needs to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Only the runtime: it runs natively too, on either clock.
    Runtime,
    /// Browser APIs (fetch, storage, message channels); either clock.
    Browser,
    /// Web Workers, whose blocking takes real time: the real clock only.
    Workers,
    /// The page's SQL server (`runtime::sql`, a Web Worker loaded only for these lessons);
    /// either clock.
    Database,
}

/// How strictly the printed order is fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Exactly the expected order.
    Exact,
    /// Lines expected at the same time may come in any order among themselves (threads,
    /// concurrent downloads); lines at different times keep their order.
    SameTimeAnyOrder,
    /// Lines expected at the same time may interleave across tasks (two requests whose answers
    /// race), but each task's own lines keep their order; lines at different times keep theirs.
    EachTaskInOrder,
}

/// The future a lesson's `main` returns.
pub type LessonFuture = Pin<Box<dyn Future<Output = runtime::Result<()>>>>;

/// How a lesson's run ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    /// It finishes on its own.
    ByItself,
    /// It waits forever, as its Python twin does; only Stop ends it.
    OnlyWhenStopped,
}

/// How a lesson starts its loop.
#[derive(Clone, Copy)]
pub enum Entry {
    /// `asyncio.run(main())`: the run ends when `main` does. It gets the knobs' values.
    Run(fn(&KnobReader) -> LessonFuture),
    /// `loop.run_forever()` after module-level setup: the run ends when something calls
    /// `loop.stop()` (or Stop is pressed). The setup gets the knobs' values.
    Forever(fn(&KnobReader) -> runtime::Result<()>),
    /// A program without an event loop: module-level code only, run outside any task (as
    /// CPython runs it); the run ends when it returns. It gets the knobs' values.
    Script(fn(&KnobReader) -> runtime::Result<()>),
}

/// The error of a lesson whose entry reads a knob it does not have (a misspelt id).
fn unknown_knob(id: &str) -> String {
    format!("RuntimeError: the lesson has no knob {id:?}")
}

/// A lesson file's Rust listing with its words in both languages (`"…" | "…"`, see
/// [`super::listing_lang`]): one text for both, reduced to one language when shown.
#[derive(Clone, Copy)]
pub struct RustFile(pub &'static str);

thread_local! {
    /// Each listing shown so far, in each language: (where its text is, Chinese?) → listing.
    static SHOWN: std::cell::RefCell<std::collections::HashMap<(usize, bool), &'static str>> =
        std::cell::RefCell::default();
}

impl RustFile {
    /// The listing in `lang` (made once, then kept: a lesson's listing is shown again and again).
    pub fn in_lang(self, lang: Lang) -> &'static str {
        let second = lang == Lang::Zh;
        let key = (self.0.as_ptr() as usize, second);
        SHOWN.with(|shown| {
            *shown.borrow_mut().entry(key).or_insert_with(|| {
                // build.rs reduced every lesson file already: this cannot fail for one of them.
                match super::listing_lang::one_language(self.0, second) {
                    Ok(one) => Box::leak(one.into_boxed_str()),
                    Err(_) => self.0,
                }
            })
        })
    }
}

/// One lesson of the course.
#[derive(Clone, Copy)]
pub struct Lesson {
    /// Stable id, used in URLs and tests (`"gather-order"`).
    pub id: &'static str,
    /// Its title.
    pub title: Text,
    /// A short explanation of what to notice.
    pub note: Text,
    /// The Python listing, in the course's style, in each language (`<name>.en.py` and the
    /// course's own `<name>.py`: the same lines, with their words and comments translated).
    pub python: Text,
    /// The Rust listing: the lesson file up to [`END_OF_LISTING`] (see `listing!`).
    pub rust_file: RustFile,
    /// The output expected on the virtual clock, in order.
    pub expected: &'static [Expected],
    /// How its Python listing can be checked against CPython.
    pub cpython: Cpython,
    /// How its run ends.
    pub ends: Ends,
    /// What it needs to run.
    pub needs: Needs,
    /// The beginner mistakes it makes on purpose (a lint for each shows after its run); a
    /// correct lesson makes none, and the tests hold every lesson to its list.
    pub mistakes: &'static [Mistake],
    /// The server the learner talks to through the page's console, by the name the lesson
    /// serves on, if it has one.
    pub console: Option<&'static str>,
    /// The port the lesson's web server listens on, if it has one: the page shows a client
    /// pane that sends it requests by hand.
    pub http_port: Option<u16>,
    /// How strictly its output order is fixed.
    pub order: Order,
    /// The values a learner can change, with their bounds.
    pub knobs: &'static [Knob],
}

impl Lesson {
    /// How many Web Workers a run with `settings` will start: its pool's size, or fewer if it
    /// has fewer jobs (a pool starts workers only as jobs arrive); for a lesson with no pool
    /// size of its own (its jobs go to the default pool), one per job; none without workers.
    pub fn workers_used(&self, settings: &Settings) -> usize {
        if self.needs != Needs::Workers {
            return 0;
        }
        let int = |id| match settings.get(id) {
            Some(knobs::KnobValue::Int(n)) => Some(usize::try_from(*n).unwrap_or(0)),
            _ => None,
        };
        // Its jobs: a count, or one per URL it downloads.
        let jobs = int("jobs").or(match settings.get("urls") {
            Some(knobs::KnobValue::Urls(urls)) => Some(urls.len()),
            _ => None,
        });
        // A lesson with no pool of its own uses the default one (at least 5 workers, more
        // than any lesson's URLs), for its jobs or a single one.
        match (int("workers"), jobs) {
            (Some(workers), Some(jobs)) => workers.min(jobs),
            (Some(workers), None) => workers,
            (None, Some(jobs)) => jobs,
            (None, None) => 1,
        }
    }

    /// Runs the lesson on `clock` with its knobs at their defaults.
    #[track_caller]
    pub fn start(&self, clock: Clock) -> Run {
        self.start_with(clock, &Settings::defaults(self))
    }

    /// Runs the lesson on `clock` with these knob values. A lesson that needs workers always
    /// runs on the real clock (at the scale asked for, or 1.0): blocking takes real time.
    #[track_caller]
    pub fn start_with(&self, clock: Clock, settings: &Settings) -> Run {
        self.start_in(Lang::En, clock, settings)
    }

    /// Runs the lesson on `clock` with these knob values, printing in `lang`. (The page, whose
    /// release build fetches the lessons' code when one first runs, goes through
    /// [`entries::load`](super::entries::load) and [`Lesson::start_entry`].)
    #[track_caller]
    pub fn start_in(&self, lang: Lang, clock: Clock, settings: &Settings) -> Run {
        let entry = super::entries::of(self.id)
            .unwrap_or_else(|| panic!("the lesson {:?} has no entry in course::entries", self.id));
        self.start_entry(entry, lang, clock, settings)
    }

    /// Runs the lesson from `entry` (its own, from [`super::entries`]) on `clock` with these
    /// knob values, printing in `lang`.
    #[track_caller]
    pub fn start_entry(&self, entry: Entry, lang: Lang, clock: Clock, settings: &Settings) -> Run {
        let clock = match (self.needs, clock) {
            (Needs::Workers, Clock::Virtual) => Clock::Real { scale: 1.0 },
            (_, clock) => clock,
        };
        match entry {
            Entry::Run(main) => {
                let settings = settings.clone();
                Run::start_in(clock, lang, move || {
                    let knobs = KnobReader::new(&settings);
                    let future = main(&knobs);
                    match knobs.unknown() {
                        // A misspelt knob id in the lesson's entry: say so, loudly, instead
                        // of running with a silent 0.
                        Some(id) => {
                            drop(future);
                            let message = unknown_knob(&id);
                            Box::pin(async move { Err(runtime::Error::raised(message)) })
                        }
                        None => future,
                    }
                })
            }
            Entry::Script(body) => {
                let settings = settings.clone();
                Run::forever_in(clock, lang, move || {
                    let knobs = KnobReader::new(&settings);
                    let result = body(&knobs);
                    let result = match knobs.unknown() {
                        Some(id) => Err(runtime::Error::raised(unknown_knob(&id))),
                        None => result,
                    };
                    runtime::end_program(result)
                })
            }
            Entry::Forever(setup) => {
                let settings = settings.clone();
                Run::forever_in(clock, lang, move || {
                    let knobs = KnobReader::new(&settings);
                    let result = setup(&knobs);
                    match knobs.unknown() {
                        Some(id) => Err(runtime::Error::raised(unknown_knob(&id))),
                        None => result,
                    }
                })
            }
        }
    }

    /// The Python listing in `lang`.
    pub fn python(&self, lang: Lang) -> &'static str {
        lang.pick(self.python)
    }

    /// The Python listing in `lang` with the knobs' current values written in (`JOBS = 10`).
    pub fn python_with(&self, settings: &Settings, lang: Lang) -> String {
        knobs::listing::substitute(self.python(lang), self.knobs, settings)
    }

    /// The Rust listing shown in the page, in `lang`: the file up to [`END_OF_LISTING`], so its
    /// line numbers are the file's own.
    pub fn rust_listing(&self, lang: Lang) -> &'static str {
        let file = self.rust_file.in_lang(lang);
        match file.find(END_OF_LISTING) {
            Some(end) => file[..end].trim_end(),
            None => file,
        }
    }

    /// When the last expected line is printed, in milliseconds.
    pub fn expected_duration_ms(&self) -> u64 {
        self.expected.last().map_or(0, |e| e.at_ms)
    }
}
