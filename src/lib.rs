//! Loopscope: an in-browser playground for an asyncio course.
//!
//! Every lesson runs as Rust futures on the browser's own event loop, and the page shows what
//! was printed, in which order and when, next to the source line that printed it. Four layers,
//! one direction of flow, with the course on top of the runtime:
//!
//! - [`lang`]: the two languages, which every layer speaks (and [`base64`], which the runtime's
//!   mail and the page's links both write);
//! - [`trace`]: the contract between the layers, a closed list of typed events and ids;
//! - [`runtime`]: the asyncio-shaped executor and its primitives, which record into a Trace;
//! - [`course`]: the lessons and what a lesson is (expected output, knobs, mistakes);
//! - [`analysis`]: pure functions from a Trace (and a lesson's record) to what is shown or
//!   judged;
//! - [`ui`]: the page, which renders what analysis returns.
//!
//! The binary (`src/main.rs`) only mounts [`ui::App`]; everything lives here so the tests can
//! reach it.
#![deny(missing_docs)]

pub mod analysis;
pub mod base64;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
pub mod course;
pub mod interpreter;
pub mod lang;
pub mod lazy;
pub mod runtime;
pub mod trace;
pub mod ui;
