//! The interpreter is not in the first download (see [`crate::lazy`]): a learner who only
//! watches the course's lessons never fetches it. The page reaches it through [`load`] (or
//! [`loaded`], once it has arrived), never by calling [`super::start`] or [`super::check`]
//! itself. Its module holds the interpreter crate, its asyncio and big integers; the bindings of
//! the libraries a program may import come with it when the program imports one (see
//! [`super::libraries`], [`load_for`]).

use super::{Started, SyntaxError};
use crate::lang::Lang;
use crate::runtime::Clock;

/// What the page calls in the interpreter.
pub struct Interpreter {
    /// Whether a program compiles (see [`super::check`]).
    pub check: fn(&str) -> Result<(), SyntaxError>,
    /// Compiles a program and starts it (see [`super::start`]).
    pub start: fn(&str, Clock, Lang) -> Started,
    /// Whether a program imports one of the libraries (see [`super::libraries::needed`]).
    pub needs_libraries: fn(&str) -> bool,
}

static INTERPRETER: Interpreter = Interpreter {
    check: super::check,
    start: super::start,
    needs_libraries: super::libraries::needed,
};

/// The interpreter, ready to start `source`: with the libraries if it imports one. `None` if
/// what it needs has not arrived.
pub fn loaded_for(source: &str) -> Option<&'static Interpreter> {
    let interpreter = loaded()?;
    let ready = !(interpreter.needs_libraries)(source) || super::libraries::loaded().is_some();
    ready.then_some(interpreter)
}

/// The interpreter, ready to start `source`, fetching its module first, and the libraries'
/// too if the program imports one, if they have not arrived.
pub async fn load_for(source: &str) -> Result<&'static Interpreter, crate::lazy::LoadFailed> {
    let interpreter = load().await?;
    if (interpreter.needs_libraries)(source) {
        super::libraries::load().await?;
    }
    Ok(interpreter)
}

crate::lazy::fetched_later!(
    python,
    crate::lazy::Part::Interpreter,
    Interpreter,
    &INTERPRETER
);
