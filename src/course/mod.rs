//! The course: its lessons, one file each, listed by chapter in [`CATALOG`], and what a
//! lesson is made of ([`Lesson`], its [`knobs`]).
//!
//! A lesson file holds the async Rust code that runs, then, after the line
//! [`END_OF_LISTING`], its [`Lesson`] record: the Python listing (a `.py` file beside it), a
//! short note in Chinese and English, and the expected output with its virtual-clock times.
//! The Rust listing shown in the page is `include_str!` of that very file, cut at the marker,
//! so a printed line's `line!()` points at the line that really ran.

pub mod align;
pub mod catalog;
pub mod ch1;
pub mod ch2;
pub mod ch3;
pub mod ch4;
pub mod ch5;
pub mod ch6;
pub mod ch7;
pub mod ch8;
pub mod ch9;
pub mod entries;
pub mod knobs;
pub mod lesson;
pub mod listing_lang;
pub mod mistake;
pub mod py;
pub mod snippet;

pub use catalog::{all, chapter_of, find, Chapter, CATALOG, FORMER_IDS};
pub use knobs::{seconds, spot, Knob, KnobKind, KnobReader, KnobValue, Settings, Spot, Unit};
pub use lesson::{
    line, said, Cpython, Ends, Entry, Expected, Lesson, LessonFuture, Needs, Order, RustFile, Text,
    APP_BASE, END_OF_LISTING, MAIL_PORT, SERVER_PORT,
};
pub use mistake::Mistake;

/// The Rust listing of a lesson file (`listing!("ch3/create_task.rs")`): the file up to
/// [`END_OF_LISTING`], cut by `build.rs`, so line numbers are the file's own and the record after
/// the marker is not compiled in twice; its words are in both languages until the page shows it
/// in one ([`RustFile`]).
macro_rules! listing {
    ($path:literal) => {
        $crate::course::RustFile(include_str!(concat!(env!("OUT_DIR"), "/listings/", $path)))
    };
}
pub(crate) use listing;
