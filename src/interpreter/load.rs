//! The interpreter is not in the first download (see [`crate::lazy`]): a learner who only
//! watches the course's lessons never fetches it. The page reaches it through [`load`] (or
//! [`loaded`], once it has arrived), never by calling [`super::start`] or [`super::check`]
//! itself. Its module holds the interpreter crate, its asyncio and big integers; the bindings of
//! the libraries a program may import come with it when the program imports one (see
//! [`super::libraries`], [`load_for`]).

use super::{Started, SyntaxError};
use crate::lang::Lang;
use crate::runtime::{storage, Clock};

/// What the page calls in the interpreter.
pub struct Interpreter {
    /// Whether a program compiles (see [`super::check`]).
    pub check: fn(&str) -> Result<(), SyntaxError>,
    /// Compiles a program and starts it (see [`super::start`]).
    pub start: fn(&str, Clock, Lang) -> Started,
    /// What a program needs before it starts (see [`needs`]).
    pub needs: fn(&str) -> Needs,
}

static INTERPRETER: Interpreter = Interpreter {
    check: super::check,
    start: super::start,
    needs,
};

/// What a program needs before it starts, besides the interpreter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    /// It imports one of the libraries (see [`super::libraries::needed`]).
    pub libraries: bool,
    /// It may read the page's private files (see [`super::files::may_read`]).
    pub files: bool,
}

/// What the program `source` needs, read off its compiled code: a program that does not
/// compile needs nothing.
pub fn needs(source: &str) -> Needs {
    python::compile(source)
        .map(|code| Needs {
            libraries: super::libraries::needed(&code),
            files: super::files::may_read(&code),
        })
        .unwrap_or_default()
}

/// The interpreter, ready to start `source`: with the libraries if it imports one, and the
/// page's private files kept if it may read them. `None` if what it needs has not arrived.
pub fn loaded_for(source: &str) -> Option<&'static Interpreter> {
    let interpreter = loaded()?;
    let needs = (interpreter.needs)(source);
    let libraries = !needs.libraries || super::libraries::loaded().is_some();
    let files = !needs.files || storage::private_files_kept();
    (libraries && files).then_some(interpreter)
}

/// The interpreter, ready to start `source`, fetching its module first, and the libraries'
/// too if the program imports one, if they have not arrived; the private files read if the
/// program may read them.
pub async fn load_for(source: &str) -> Result<&'static Interpreter, crate::lazy::LoadFailed> {
    let interpreter = load().await?;
    let needs = (interpreter.needs)(source);
    if needs.libraries {
        super::libraries::load().await?;
    }
    if needs.files {
        storage::keep_private_files().await;
    }
    Ok(interpreter)
}

crate::lazy::fetched_later!(
    python,
    crate::lazy::Part::Interpreter,
    Interpreter,
    &INTERPRETER
);
