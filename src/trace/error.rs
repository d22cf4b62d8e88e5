//! The exceptions of a run: the Rust twins of those an asyncio lesson can meet. They live
//! beside the Trace because the Trace records them (a task's failure, a run's outcome); the
//! runtime raises them and re-exports this type as `runtime::Error`.

use std::fmt;
use std::rc::Rc;

/// An error raised inside a run. Lessons propagate it with `?`, as Python propagates exceptions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The task (or the whole run) was cancelled: Python's `asyncio.CancelledError`.
    Cancelled,
    /// A timeout expired: Python's `TimeoutError`.
    Timeout,
    /// A task was created with no loop running: the `RuntimeError` of `create_task` at module level.
    NoRunningLoop,
    /// A result was asked of something not done, or set twice: `asyncio.InvalidStateError`.
    InvalidState(&'static str),
    /// An HTTP response with an error status: aiohttp's `ClientResponseError`.
    HttpStatus {
        /// The status code (`404`).
        status: u16,
        /// Its reason phrase (`Not Found`).
        reason: Rc<str>,
        /// The URL as given.
        url: Rc<str>,
    },
    /// An error a lesson raises itself, with its message.
    Raised(Rc<str>),
}

impl Error {
    /// An error a lesson raises itself, like `raise ValueError("...")`.
    pub fn raised(message: impl Into<Rc<str>>) -> Self {
        Error::Raised(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Cancelled => f.write_str("CancelledError"),
            Error::Timeout => f.write_str("TimeoutError"),
            Error::NoRunningLoop => f.write_str("RuntimeError: no running event loop"),
            Error::InvalidState(what) => write!(f, "InvalidStateError: {what}"),
            Error::HttpStatus {
                status,
                reason,
                url,
            } if reason.is_empty() => write!(f, "HTTP {status}: {url}"),
            Error::HttpStatus {
                status,
                reason,
                url,
            } => write!(f, "HTTP {status} {reason}: {url}"),
            Error::Raised(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}
