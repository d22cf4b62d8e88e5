//! Everything that turns a run's Trace into something to show or to judge: the loop model,
//! the timeline's lanes, the I/O rows, whether an output matches, the lints, predict's score
//! and explanation, the trace export.
//!
//! Pure functions and plain values: no Leptos, no browser, so all of it is tested natively.
//! It reads the Trace and the course's lesson records (what a lesson expects, its knobs) and
//! never the executor; the page (`ui`) renders what it returns, in words of its own.

pub mod canonical;
pub mod export;
pub mod hidden;
pub mod io_rows;
pub mod lanes;
pub mod lints;
pub mod load;
pub mod matching;
pub mod model;
pub mod output;
pub mod predict;
pub mod replay;
