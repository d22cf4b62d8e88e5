//! Parts of the app that are not in the learner's first download.
//!
//! The release build (`scripts/build`, cargo feature `split`) cuts what only a split point
//! reaches out of the main wasm into a module of its own, which shares the main module's memory
//! and function table and is fetched the first time the split point is awaited
//! (`wasm_split_helpers` and `wasm-split-cli`, as Leptos's `#[lazy]`; `scripts/split-wasm.mjs`).
//! Other builds (`trunk serve`, the tests, the benchmark's own build) carry everything in the
//! one wasm, and a part is always there. [`fetched_later!`] makes a part's `loaded` and `load`.

use crate::lang::Lang;

/// A part fetched after the first download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The Python interpreter ([`crate::interpreter::load`]).
    Interpreter,
    /// The lessons' code and what only it uses of the runtime ([`crate::course::entries`]).
    Lessons,
}

/// A part's module could not be fetched (the network failed, or the build was replaced on the
/// host meanwhile). Nothing is cached: the next `load` tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed(pub Part);

impl Part {
    /// What the page says while it is on its way, in `lang`.
    pub fn loading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Part::Interpreter, Lang::En) => "Loading the Python interpreter…",
            (Part::Interpreter, Lang::Zh) => "正在加载 Python 解释器……",
            (Part::Lessons, Lang::En) => "Loading the lessons' code…",
            (Part::Lessons, Lang::Zh) => "正在加载课程示例的代码……",
        }
    }
}

impl LoadFailed {
    /// What the page says, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        let what = match (self.0, lang) {
            (Part::Interpreter, Lang::En) => "The Python interpreter",
            (Part::Interpreter, Lang::Zh) => "Python 解释器",
            (Part::Lessons, Lang::En) => "The lessons' code",
            (Part::Lessons, Lang::Zh) => "课程示例的代码",
        };
        match lang {
            Lang::En => format!(
                "{what} could not be downloaded (is the network down?). Press Run to try again."
            ),
            Lang::Zh => format!("无法下载{what}（网络断开了吗？）。按“运行”重试。"),
        }
    }
}

/// `fetched_later!(split_name, Part::X, Type, &VALUE)` defines, in the calling module,
/// `loaded() -> Option<&'static Type>` (the part, if it is here) and
/// `async load() -> Result<&'static Type, LoadFailed>` (the part, fetching its module first if
/// it has not arrived; concurrent callers share one download). What only `VALUE` reaches is cut
/// out of the first download by the `split` build.
macro_rules! fetched_later {
    ($split:ident, $part:expr, $ty:ty, $value:expr) => {
        /// The part, if it is here already.
        #[cfg(not(feature = "split"))]
        pub fn loaded() -> Option<&'static $ty> {
            Some($value)
        }

        /// The part, fetching its module first if it is not here yet.
        #[cfg(not(feature = "split"))]
        pub async fn load() -> Result<&'static $ty, $crate::lazy::LoadFailed> {
            Ok($value)
        }

        #[cfg(feature = "split")]
        pub use split::{load, loaded};

        #[cfg(feature = "split")]
        mod split {
            use std::cell::Cell;

            use wasm_split_helpers::SplitLoaderError;

            use super::*;

            thread_local! {
                static LOADED: Cell<Option<&'static $ty>> = const { Cell::new(None) };
            }

            /// The split point: what only this function reaches goes to the part's module.
            #[wasm_split_helpers::wasm_split($split, fallible)]
            fn entry() -> Result<&'static $ty, SplitLoaderError> {
                Ok($value)
            }

            /// The part, if its module has arrived.
            pub fn loaded() -> Option<&'static $ty> {
                LOADED.with(Cell::get)
            }

            /// The part, fetching its module first if it has not arrived.
            pub async fn load() -> Result<&'static $ty, $crate::lazy::LoadFailed> {
                if let Some(part) = loaded() {
                    return Ok(part);
                }
                let part = entry().await.map_err(|_| $crate::lazy::LoadFailed($part))?;
                LOADED.with(|slot| slot.set(Some(part)));
                Ok(part)
            }
        }
    };
}
pub(crate) use fetched_later;
