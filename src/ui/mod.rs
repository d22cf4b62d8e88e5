//! The page: Leptos components that render what `analysis` makes of a run, and never write to
//! its Trace.
//!
//! [`session::Session`] is the one bridge: it starts and stops runs and copies what the Trace
//! gained into signals at most once per animation frame. Components get it with
//! [`session::use_session`]. Every sentence built from a run's facts is in [`words`], every
//! link the page reads or writes in [`urls`]; no component uses another's helpers.

mod app;
mod catalog;
pub mod code_edit;
pub mod code_tokens;
mod console;
mod controls;
#[cfg(target_arch = "wasm32")]
pub mod devtools;
mod editor;
mod embed;
mod focus;
pub mod highlight;
mod host_page;
mod http_pane;
pub mod i18n;
pub mod internals;
mod intro;
pub mod io;
mod knobs;
mod later;
mod link_notice;
pub mod lints;
mod offline;
pub mod output;
pub mod parts;
pub mod predict;
mod prefs;
pub mod progress;
mod replay;
mod scroll;
pub mod session;
mod snippet;
mod source;
pub mod timeline;
pub mod urls;
pub mod verdict;
pub mod words;

pub use app::App;
pub use later::parts_waiting;
