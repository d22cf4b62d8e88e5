//! The course's lessons, one file each, listed by chapter in [`CATALOG`].
//!
//! A lesson file holds the async Rust code that runs, then, after the line
//! [`END_OF_LISTING`], its [`Lesson`] record: the Python listing (a `.py` file beside it), a
//! short note in Chinese and English, and the expected output with its virtual-clock times.
//! The Rust listing shown in the page is `include_str!` of that very file, cut at the marker,
//! so a printed line's `line!()` points at the line that really ran.

use std::future::Future;
use std::pin::Pin;

use crate::runtime::{self, Clock, Run};

pub mod ch1;
pub mod ch2;
pub mod ch3;
pub mod ch4;
pub mod ch5;
pub mod ch6;
pub mod ch7;
pub mod ch8;
pub mod knobs;
pub mod lint;
pub mod order;
pub mod py;

pub use knobs::{seconds, spot, Knob, KnobKind, KnobValue, Settings, Spot};

/// The Rust listing of a lesson file (`listing!("ch3/create_task.rs")`): the file up to
/// [`END_OF_LISTING`], cut by `build.rs`, so line numbers are the file's own and the record
/// after the marker is not compiled in twice.
macro_rules! listing {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/listings/", $path))
    };
}
pub(crate) use listing;

/// The line that ends the part of a lesson file shown as its Rust listing.
pub const END_OF_LISTING: &str = "// ---- end of listing ----";

/// A text in both of the UI's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Chinese.
    pub zh: &'static str,
}

/// One expected output line: when (on the virtual clock), which task, what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Milliseconds since the run began.
    pub at_ms: u64,
    /// The printing task's name.
    pub task: &'static str,
    /// The printed text.
    pub text: &'static str,
}

/// Shorthand for an [`Expected`] line.
pub const fn line(at_ms: u64, task: &'static str, text: &'static str) -> Expected {
    Expected { at_ms, task, text }
}

/// How a lesson's Python listing can be checked against real CPython by the test suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cpython {
    /// It runs on the standard library alone and prints exactly the expected lines.
    Runs,
    /// It needs these packages from PyPI (for example `greenlet`).
    Needs(&'static [&'static str]),
    /// It uses an API that current CPython removed; the note says which.
    Removed,
    /// It prints from several threads at once, and CPython's `print` from threads may mix
    /// two lines into one, so the check cannot compare its lines.
    Threads,
    /// It uses a server-side library (aiohttp, aiofile, aioredis, a TCP server) that the
    /// browser replaces with its own API; its output under CPython names other things.
    Server(&'static str),
}

/// What a lesson needs to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Only the runtime: it runs natively too, on either clock.
    Runtime,
    /// Browser APIs (fetch, storage, message channels); either clock.
    Browser,
    /// Web Workers, whose blocking takes real time: the real clock only.
    Workers,
}

/// How strictly the printed order is fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Exactly the expected order.
    Exact,
    /// Lines expected at the same time may come in any order among themselves (threads,
    /// concurrent downloads); lines at different times keep their order.
    SameTimeAnyOrder,
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
    Run(fn(&Settings) -> LessonFuture),
    /// `loop.run_forever()` after module-level setup: the run ends when something calls
    /// `loop.stop()` (or Stop is pressed).
    Forever(fn() -> runtime::Result<()>),
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
    /// The Python listing, in the course's style.
    pub python: &'static str,
    /// The Rust listing: the lesson file up to [`END_OF_LISTING`] (see `listing!`).
    pub rust_file: &'static str,
    /// The output expected on the virtual clock, in order.
    pub expected: &'static [Expected],
    /// How its Python listing can be checked against CPython.
    pub cpython: Cpython,
    /// How it starts.
    pub entry: Entry,
    /// How its run ends.
    pub ends: Ends,
    /// What it needs to run.
    pub needs: Needs,
    /// How strictly its output order is fixed.
    pub order: Order,
    /// The values a learner can change, with their bounds.
    pub knobs: &'static [Knob],
}

impl Lesson {
    /// Runs the lesson on `clock` with its knobs at their defaults.
    #[track_caller]
    pub fn start(&self, clock: Clock) -> Run {
        self.start_with(clock, &Settings::defaults(self))
    }

    /// Runs the lesson on `clock` with these knob values. A lesson that needs workers always
    /// runs on the real clock (at the scale asked for, or 1.0): blocking takes real time.
    #[track_caller]
    pub fn start_with(&self, clock: Clock, settings: &Settings) -> Run {
        let clock = match (self.needs, clock) {
            (Needs::Workers, Clock::Virtual) => Clock::Real { scale: 1.0 },
            (_, clock) => clock,
        };
        match self.entry {
            Entry::Run(main) => {
                let settings = settings.clone();
                Run::start(clock, move || main(&settings))
            }
            Entry::Forever(setup) => Run::forever(clock, setup),
        }
    }

    /// The Python listing with the knobs' current values written in (`JOBS = 10`).
    pub fn python_with(&self, settings: &Settings) -> String {
        knobs::substitute(self.python, self.knobs, settings)
    }

    /// The Rust listing shown in the page: the file up to [`END_OF_LISTING`], so its line
    /// numbers are the file's own.
    pub fn rust_listing(&self) -> &'static str {
        match self.rust_file.find(END_OF_LISTING) {
            Some(end) => self.rust_file[..end].trim_end(),
            None => self.rust_file,
        }
    }

    /// When the last expected line is printed, in milliseconds.
    pub fn expected_duration_ms(&self) -> u64 {
        self.expected.last().map_or(0, |e| e.at_ms)
    }
}

/// A chapter of the course.
#[derive(Clone, Copy)]
pub struct Chapter {
    /// Its number, from 1.
    pub number: u8,
    /// Its title.
    pub title: Text,
    /// Its lessons, in teaching order.
    pub lessons: &'static [&'static Lesson],
}

/// Every lesson, by chapter.
pub static CATALOG: &[Chapter] = &[
    Chapter {
        number: 1,
        title: Text {
            en: "Before asyncio",
            zh: "asyncio 之前",
        },
        lessons: &[
            &ch1::plain_calls::LESSON,
            &ch1::yield_from::LESSON,
            &ch1::greenlet_switch::LESSON,
            &ch1::gevent_spawn::LESSON,
        ],
    },
    Chapter {
        number: 2,
        title: Text {
            en: "asyncio basics",
            zh: "asyncio 基础",
        },
        lessons: &[
            &ch2::ensure_future::LESSON,
            &ch2::async_await::LESSON,
            &ch2::asyncio_run::LESSON,
            &ch2::coroutine_object::LESSON,
            &ch2::never_awaited::LESSON,
            &ch2::await_values::LESSON,
            &ch2::await_twice::LESSON,
        ],
    },
    Chapter {
        number: 3,
        title: Text {
            en: "Tasks",
            zh: "Task 对象",
        },
        lessons: &[
            &ch3::create_task::LESSON,
            &ch3::tasks_wait::LESSON,
            &ch3::mistake_no_loop::LESSON,
            &ch3::mistake_sequential::LESSON,
            &ch3::task_error_lost::LESSON,
            &ch3::wait_timeout::LESSON,
            &ch3::gather_order::LESSON,
            &ch3::gather_groups::LESSON,
            &ch3::task_names::LESSON,
            &ch3::done_callbacks::LESSON,
            &ch3::run_forever::LESSON,
            &ch3::factorial::LESSON,
        ],
    },
    Chapter {
        number: 4,
        title: Text {
            en: "Futures and executors",
            zh: "Future 与执行器",
        },
        lessons: &[
            &ch4::future_pending::LESSON,
            &ch4::future_set_result::LESSON,
            &ch4::pool_callbacks::LESSON,
            &ch4::executor_sequential::LESSON,
            &ch4::blocking_loop::LESSON,
            &ch4::run_in_executor::LESSON,
        ],
    },
    Chapter {
        number: 5,
        title: Text {
            en: "Loop callbacks",
            zh: "事件循环的回调",
        },
        lessons: &[
            &ch5::call_soon::LESSON,
            &ch5::call_later::LESSON,
            &ch5::partial::LESSON,
        ],
    },
    Chapter {
        number: 6,
        title: Text {
            en: "Async protocols",
            zh: "异步协议",
        },
        lessons: &[
            &ch6::async_with::LESSON,
            &ch6::async_range::LESSON,
            &ch6::reader::LESSON,
        ],
    },
    Chapter {
        number: 7,
        title: Text {
            en: "Real I/O in the browser",
            zh: "浏览器里的真实 I/O",
        },
        lessons: &[
            &ch7::downloads::LESSON,
            &ch7::gather_pages::LESSON,
            &ch7::opfs_files::LESSON,
            &ch7::indexeddb_kv::LESSON,
            &ch7::command_server::LESSON,
        ],
    },
    Chapter {
        number: 8,
        title: Text {
            en: "Next steps: coordinating tasks",
            zh: "进阶：任务之间的协作",
        },
        lessons: &[
            &ch8::producer_consumer::LESSON,
            &ch8::semaphore_limit::LESSON,
            &ch8::as_completed::LESSON,
            &ch8::timeout_cleanup::LESSON,
        ],
    },
];

/// Every lesson in catalog order.
pub fn all() -> impl Iterator<Item = &'static Lesson> {
    CATALOG.iter().flat_map(|c| c.lessons.iter().copied())
}

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    all().find(|l| l.id == id)
}

/// The chapter a lesson belongs to.
pub fn chapter_of(id: &str) -> Option<&'static Chapter> {
    CATALOG
        .iter()
        .find(|c| c.lessons.iter().any(|l| l.id == id))
}
