//! aiosmtpd's `SMTP` protocol on the page's message channels: each connection gets a task
//! that reads its lines in order and answers them (aiosmtpd's `_handle_client`), awaiting the
//! application's [`Handler`] where the protocol asks it.

use std::rc::Rc;

use super::session::{Action, Envelope, Session};
use crate::runtime::channel::{create_server, Protocol, Server, Transport};
use crate::runtime::io::IoOp;
use crate::runtime::{create_task, Error, IoKind, Queue, Result};

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
        move || protocol(handler.clone(), host.clone()),
        &format!("{hostname}:{port}"),
    )
    .await?;
    Ok(SmtpServer { server })
}

/// `SMTP(handler)`: the protocol of one connection to a server named `hostname`, for a
/// server made by `loop.create_server` (the interpreter's).
pub fn protocol<H: Handler>(handler: Rc<H>, hostname: Rc<str>) -> Box<dyn Protocol> {
    Box::new(Connection {
        handler,
        hostname,
        lines: Queue::new(0),
    })
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
                let answer = answered(handler.handle_rcpt(session.envelope(), &address).await)?;
                if answer.starts_with("250") {
                    session.accept_recipient(&address);
                }
                write(&answer);
            }
            Action::Deliver(envelope) => write(&deliver(&*handler, &envelope).await?),
            Action::Quit => {
                write("221 Bye");
                transport.close();
                break;
            }
        }
    }
    Ok(())
}

/// Hands a complete mail to the application, as a row of the I/O panel (the mailbox view):
/// who from, to whom, its subject and size, and the reply code it got.
async fn deliver<H: Handler>(handler: &H, envelope: &Envelope) -> Result<String> {
    let op = IoOp::begin(IoKind::Mail, mailbox_label(envelope))?;
    let answer = answered(handler.handle_data(envelope).await)?;
    let code = answer.get(..3).and_then(|c| c.parse::<u16>().ok());
    if let Some(code) = code {
        op.status(code);
    }
    match code {
        Some(200..=299) => op.end(None),
        _ => op.end(Some(&Error::raised(answer.clone()))),
    }
    Ok(answer)
}

/// A hook's reply; a hook that raised is answered as aiosmtpd answers it,
/// `500 Error: (ValueError) …`, and the conversation goes on. Only a cancellation (Stop) ends
/// it.
fn answered(reply: Result<String>) -> Result<String> {
    match reply {
        Ok(reply) => Ok(reply),
        Err(Error::Cancelled) => Err(Error::Cancelled),
        Err(error) => Ok(failure_reply(&error.to_string())),
    }
}

/// `ValueError: bad` as aiosmtpd's reply: `500 Error: (ValueError) bad`.
fn failure_reply(error: &str) -> String {
    match error.split_once(": ") {
        Some((kind, message)) if !kind.is_empty() && !kind.contains(' ') => {
            format!("500 Error: ({kind}) {message}")
        }
        _ => format!("500 Error: (Exception) {error}"),
    }
}

/// `root@localhost → somebody@example.com · Hello world! · 245 B`.
pub fn mailbox_label(envelope: &Envelope) -> String {
    let subject = envelope
        .content
        .split("\r\n")
        .take_while(|line| !line.is_empty())
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("subject").then(|| value.trim())
        })
        .unwrap_or("(no subject)");
    format!(
        "{} → {} · {subject} · {} B",
        envelope.mail_from,
        envelope.rcpt_tos.join(", "),
        envelope.content.len()
    )
}

#[cfg(test)]
mod tests {
    use super::{failure_reply, mailbox_label, Envelope};

    #[test]
    fn a_hook_that_raised_is_answered_as_aiosmtpd_answers_it() {
        assert_eq!(
            failure_reply("ValueError: mailbox full"),
            "500 Error: (ValueError) mailbox full"
        );
        assert_eq!(
            failure_reply("the disk is gone"),
            "500 Error: (Exception) the disk is gone"
        );
    }

    #[test]
    fn a_mail_is_labelled_by_its_envelope_subject_and_size() {
        let envelope = Envelope {
            mail_from: "root@localhost".into(),
            rcpt_tos: vec!["a@example.com".into(), "b@example.com".into()],
            content: "From: x\r\nSubject: Hello world!\r\n\r\nSubject: not this\r\n".into(),
        };
        assert_eq!(
            mailbox_label(&envelope),
            "root@localhost → a@example.com, b@example.com · Hello world! · 53 B"
        );
        let bare = Envelope {
            content: "\r\nbody\r\n".into(),
            ..envelope
        };
        assert!(mailbox_label(&bare).contains("(no subject)"));
    }
}
