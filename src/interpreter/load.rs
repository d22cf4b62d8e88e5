//! The interpreter is not in the first download (see [`crate::lazy`]): a learner who only
//! watches the course's lessons never fetches it. The page reaches it through [`load`] (or
//! [`loaded`], once it has arrived), never by calling [`super::start`] or [`super::check`]
//! itself. Its module holds the interpreter crate, its bindings to asyncio, aiohttp, the storage
//! and SQL libraries, and big integers.

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

crate::lazy::fetched_later!(
    python,
    crate::lazy::Part::Interpreter,
    Interpreter,
    &INTERPRETER
);
