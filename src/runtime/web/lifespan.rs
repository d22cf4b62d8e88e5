//! The application's life, as uvicorn runs it (`LifespanOn`, `lifespan="auto"`): before the
//! server listens it calls the application once more with a `lifespan` scope, in a task of its
//! own, and sends `lifespan.startup`; the application runs its startup code (Starlette's
//! `lifespan` context up to its `yield`) and answers `lifespan.startup.complete`. After the
//! server stopped listening and its requests are done, `lifespan.shutdown` runs the rest.
//!
//! An application that does not speak the protocol (a bare ASGI app that asserts
//! `scope['type'] == 'http'`) raises on that scope; uvicorn then serves without it, and says so
//! only at the `info` log level, which the course's listings do not show.

use std::cell::Cell;
use std::rc::Rc;

use super::asgi::{Incoming, Outgoing, Receive, Scope, Send};
use super::mailbox::Mailbox;
use super::server::App;
use crate::runtime::{create_task, Error, Result, Task};

/// What the server hears from the lifespan task.
enum Report {
    /// The application sent a lifespan message.
    Sent(Outgoing),
    /// The application's call ended (before answering, if the server is still waiting).
    Returned,
}

/// The lifespan conversation between the server and the application's task.
pub(super) struct Cycle {
    pub(super) to_app: Mailbox<Incoming>,
    to_server: Mailbox<Report>,
    /// Which answer the application owes: `lifespan.startup.*`, then `lifespan.shutdown.*`.
    shutting_down: Cell<bool>,
}

impl Cycle {
    /// `await send(message)` from the application: only the answer it owes is accepted.
    pub(super) fn sent_by_app(&self, message: Outgoing) -> Result<()> {
        let expected = matches!(
            (self.shutting_down.get(), &message),
            (
                false,
                Outgoing::LifespanStartupComplete | Outgoing::LifespanStartupFailed { .. }
            ) | (
                true,
                Outgoing::LifespanShutdownComplete | Outgoing::LifespanShutdownFailed { .. }
            )
        );
        if !expected {
            return Err(Error::raised(format!(
                "AssertionError: unexpected ASGI message '{}' in the lifespan",
                message.type_name()
            )));
        }
        self.to_server.post(Report::Sent(message));
        Ok(())
    }
}

/// The application's life while the server runs: its task, and whether it speaks the
/// protocol.
pub(super) struct Lifespan {
    cycle: Rc<Cycle>,
    task: Task<()>,
    supported: bool,
}

/// Starts the application's life: `Ok` once its startup is complete (or it does not speak
/// the protocol), `Err` with the application's message if its startup failed.
pub(super) async fn startup(app: &App, server: (Rc<str>, u16)) -> Result<Lifespan> {
    let cycle = Rc::new(Cycle {
        to_app: Mailbox::default(),
        to_server: Mailbox::default(),
        shutting_down: Cell::new(false),
    });
    cycle.to_app.post(Incoming::LifespanStartup);
    let call = app(
        Scope::lifespan(server),
        Receive::lifespan(cycle.clone()),
        Send::lifespan(cycle.clone()),
    );
    let reporting = cycle.clone();
    let task = create_task(async move {
        // uvicorn's `LifespanOn.main`: an error only means the protocol is not spoken.
        let _ = call.await;
        reporting.to_server.post(Report::Returned);
        Ok(())
    })?;
    let supported = match cycle.to_server.next().await? {
        Report::Sent(Outgoing::LifespanStartupFailed { message }) => {
            return Err(Error::raised(message))
        }
        Report::Sent(_) => true,
        Report::Returned => false,
    };
    Ok(Lifespan {
        cycle,
        task,
        supported,
    })
}

impl Lifespan {
    /// Ends the application's life: sends `lifespan.shutdown` and waits for its answer;
    /// `Err` with the application's message if its shutdown failed.
    pub(super) async fn shutdown(self) -> Result<()> {
        if !self.supported {
            return Ok(());
        }
        self.cycle.shutting_down.set(true);
        self.cycle.to_app.post(Incoming::LifespanShutdown);
        let outcome = match self.cycle.to_server.next().await? {
            Report::Sent(Outgoing::LifespanShutdownFailed { message }) => {
                Err(Error::raised(message))
            }
            Report::Sent(_) | Report::Returned => Ok(()),
        };
        let _ = self.task.await;
        outcome
    }
}
