//! The interpreter is not in the first download: a learner who only watches the course's
//! lessons never fetches it. The page reaches it through [`load`] (or [`loaded`], once it has
//! arrived), never by calling [`super::start`] or [`super::check`] itself.
//!
//! The release build (`scripts/build`, cargo feature `split`) cuts everything only this entry
//! reaches (the interpreter crate, its bindings to asyncio, aiohttp, the storage and SQL
//! libraries, big integers) out of the main wasm into a module of its own, which shares the main
//! module's memory and function table and is fetched the first time [`load`] is awaited
//! (`wasm_split_helpers`, as Leptos's `#[lazy]`). Other builds (`trunk serve`, the tests, the
//! benchmark's own build) carry the interpreter in the main wasm, and [`loaded`] always has it.

use super::{Started, SyntaxError};
use crate::lang::Lang;
use crate::runtime::Clock;

/// What the page calls in the interpreter.
pub struct Interpreter {
    /// Whether a program compiles (see [`super::check`]).
    pub check: fn(&str) -> Result<(), SyntaxError>,
    /// Compiles a program and starts it (see [`super::start`]).
    pub start: fn(&str, Clock, Lang) -> Started,
}

static INTERPRETER: Interpreter = Interpreter {
    check: super::check,
    start: super::start,
};

/// The interpreter's module could not be fetched (the network failed, or the build was
/// replaced on the host meanwhile). Nothing is cached: the next [`load`] tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

impl LoadFailed {
    /// What the page says, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        match lang {
            Lang::En => "The Python interpreter could not be downloaded (is the network down?). Press Run to try again.",
            Lang::Zh => "无法下载 Python 解释器（网络断开了吗？）。按“运行”重试。",
        }
        .to_string()
    }
}

/// The interpreter, if it is here already.
#[cfg(not(feature = "split"))]
pub fn loaded() -> Option<&'static Interpreter> {
    Some(&INTERPRETER)
}

/// The interpreter, fetching its module first if it is not here yet.
#[cfg(not(feature = "split"))]
pub async fn load() -> Result<&'static Interpreter, LoadFailed> {
    Ok(&INTERPRETER)
}

#[cfg(feature = "split")]
pub use split::{load, loaded};

#[cfg(feature = "split")]
mod split {
    use std::cell::Cell;

    use wasm_split_helpers::SplitLoaderError;

    use super::{Interpreter, LoadFailed, INTERPRETER};

    thread_local! {
        static LOADED: Cell<Option<&'static Interpreter>> = const { Cell::new(None) };
    }

    impl From<SplitLoaderError> for LoadFailed {
        fn from(_: SplitLoaderError) -> Self {
            LoadFailed
        }
    }

    /// The split point: what only this function reaches goes to the interpreter's module.
    #[wasm_split_helpers::wasm_split(python, fallible)]
    fn entry() -> Result<&'static Interpreter, LoadFailed> {
        Ok(&INTERPRETER)
    }

    /// The interpreter, if its module has arrived.
    pub fn loaded() -> Option<&'static Interpreter> {
        LOADED.with(Cell::get)
    }

    /// The interpreter, fetching its module first if it has not arrived. Concurrent callers
    /// share one download.
    pub async fn load() -> Result<&'static Interpreter, LoadFailed> {
        if let Some(interpreter) = loaded() {
            return Ok(interpreter);
        }
        let interpreter = entry().await?;
        LOADED.with(|slot| slot.set(Some(interpreter)));
        Ok(interpreter)
    }
}
