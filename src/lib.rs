//! Loopscope: an in-browser playground for an asyncio course.
//!
//! Every lesson runs as Rust futures on the browser's own event loop ([`runtime`]), and the
//! page ([`ui`]) shows what was printed, in which order and when, next to the source line that
//! printed it. The binary (`src/main.rs`) only mounts [`ui::App`]; everything lives here so the
//! tests can reach it.
#![deny(missing_docs)]

pub mod analysis;
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
pub mod course;
pub mod runtime;
pub mod trace;
pub mod ui;
