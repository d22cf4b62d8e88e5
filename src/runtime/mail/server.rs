//! aiosmtpd's `SMTP` protocol on the page's message channels: each connection gets a task
//! that reads its lines in order and answers them (aiosmtpd's `_handle_client`), awaiting the
//! application's [`Handler`] where the protocol asks it.

use std::rc::Rc;

use super::session::{Action, Envelope, Session};
use crate::runtime::channel::{create_server, Protocol, Server, Transport};
use crate::runtime::{create_task, Queue, Result};

/// What the application does with mail: aiosmtpd's handler hooks.
// One thread, one loop: the futures need no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait Handler: 'static {
    /// `handle_RCPT`: the reply to `RCPT TO:<address>`. A `250` reply accepts the recipient
    /// into the envelope; the default accepts everyone.
    async fn handle_rcpt(&self, _envelope: &Envelope, _address: &str) -> Result<String> {
        Ok("250 OK".to_string())
    }

    /// `handle_DATA`: what to do with a complete mail, and the reply to its final `.`.
    async fn handle_data(&self, envelope: &Envelope) -> Result<String>;
}

/// A listening SMTP server; dropping it (or [`SmtpServer::close`]) closes every connection.
pub struct SmtpServer {
    server: Server,
}

impl SmtpServer {
    /// `server.close()`.
    pub fn close(&self) {
        self.server.close();
    }

    /// The name clients connect to: `host:port`.
    pub fn name(&self) -> &str {
        self.server.name()
    }
}

/// `await loop.create_server(lambda: SMTP(handler), hostname, port)`.
pub async fn serve<H: Handler>(handler: Rc<H>, hostname: &str, port: u16) -> Result<SmtpServer> {
    let host: Rc<str> = Rc::from(hostname);
    let server = create_server(
        move || -> Box<dyn Protocol> {
            Box::new(Connection {
                handler: handler.clone(),
                hostname: host.clone(),
                lines: Queue::new(0),
            })
        },
        &format!("{hostname}:{port}"),
    )
    .await?;
    Ok(SmtpServer { server })
}

/// One client's connection: its lines, queued for its task.
struct Connection<H> {
    handler: Rc<H>,
    hostname: Rc<str>,
    /// What the client sent, line by line; `None` once it left.
    lines: Queue<Option<String>>,
}

impl<H: Handler> Protocol for Connection<H> {
    fn connection_made(&mut self, transport: Transport) {
        let session = Session::new(&self.hostname);
        transport.write(&format!("{}\r\n", session.greeting()));
        // Not awaited: it lives as long as the connection (aiosmtpd keeps it the same way).
        let _conversation = create_task(converse(
            self.handler.clone(),
            session,
            self.lines.clone(),
            transport,
        ));
    }

    fn data_received(&mut self, data: &str) {
        // A message is one or more lines; one without a line end (typed in the console) is
        // a whole line too.
        for line in data.split_terminator('\n') {
            let _ = self
                .lines
                .put_nowait(Some(line.trim_end_matches('\r').to_string()));
        }
    }

    fn connection_lost(&mut self) {
        let _ = self.lines.put_nowait(None);
    }
}

/// Answers one connection's lines in order until the client quits or leaves.
async fn converse<H: Handler>(
    handler: Rc<H>,
    mut session: Session,
    lines: Queue<Option<String>>,
    transport: Transport,
) -> Result<()> {
    let write = |line: &str| transport.write(&format!("{line}\r\n"));
    while let Some(line) = lines.get().await? {
        match session.line(&line) {
            Action::Reply(replies) => replies.iter().for_each(|r| write(r)),
            Action::Nothing => {}
            Action::Recipient(address) => {
                let answer = handler.handle_rcpt(session.envelope(), &address).await?;
                if answer.starts_with("250") {
                    session.accept_recipient(&address);
                }
                write(&answer);
            }
            Action::Deliver(envelope) => write(&handler.handle_data(&envelope).await?),
            Action::Quit => {
                write("221 Bye");
                transport.close();
                break;
            }
        }
    }
    Ok(())
}
