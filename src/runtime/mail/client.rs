//! aiosmtplib: `SMTP(hostname=..., port=...)` used with `async with`, its `send_message`, and
//! `aiosmtplib.send(message, hostname=..., port=...)`, over the page's message channels.
//!
//! The conversation is aiosmtplib's: read the greeting, `EHLO`, then per mail `MAIL FROM`
//! (with `SIZE=` when the server offers it), one `RCPT TO` per recipient, `DATA` and the mail
//! with its dots stuffed, and `QUIT` at the end. A refusal is aiosmtplib's exception, with its
//! own text, and the envelope is reset with `RSET` so the connection can go on.

use std::fmt;

use super::message::EmailMessage;
use crate::runtime::channel::{open_connection, Reader, Writer};
use crate::runtime::repr::str_repr;
use crate::runtime::Error;

/// The name the client gives in `EHLO`.
const CLIENT_NAME: &str = "localhost";

/// aiosmtplib's exceptions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SmtpError {
    /// `SMTPConnectError`: nothing listens there.
    Connect(String),
    /// `SMTPServerDisconnected`: the connection ended mid-conversation.
    ServerDisconnected(String),
    /// `SMTPHeloError`: the server refused `EHLO`.
    Helo(u16, String),
    /// `SMTPSenderRefused`: `MAIL FROM` refused.
    SenderRefused(u16, String, String),
    /// `SMTPRecipientsRefused`: every `RCPT TO` refused: (code, message, recipient) each.
    RecipientsRefused(Vec<(u16, String, String)>),
    /// `SMTPDataError`: `DATA` or the mail refused.
    Data(u16, String),
    /// `SMTPResponseException`: any other refusal.
    Response(u16, String),
}

impl SmtpError {
    /// `type(e).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            SmtpError::Connect(_) => "SMTPConnectError",
            SmtpError::ServerDisconnected(_) => "SMTPServerDisconnected",
            SmtpError::Helo(..) => "SMTPHeloError",
            SmtpError::SenderRefused(..) => "SMTPSenderRefused",
            SmtpError::RecipientsRefused(_) => "SMTPRecipientsRefused",
            SmtpError::Data(..) => "SMTPDataError",
            SmtpError::Response(..) => "SMTPResponseException",
        }
    }
}

/// `str(e)`, as Python prints an exception's arguments.
impl fmt::Display for SmtpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pair = |code: &u16, message: &str| format!("({code}, {})", str_repr(message));
        match self {
            SmtpError::Connect(text) | SmtpError::ServerDisconnected(text) => f.write_str(text),
            SmtpError::Helo(code, message)
            | SmtpError::Data(code, message)
            | SmtpError::Response(code, message) => f.write_str(&pair(code, message)),
            SmtpError::SenderRefused(code, message, sender) => {
                write!(f, "({code}, {}, {})", str_repr(message), str_repr(sender))
            }
            SmtpError::RecipientsRefused(refused) => {
                let each: Vec<String> = refused
                    .iter()
                    .map(|(code, message, to)| {
                        format!(
                            "SMTPRecipientRefused({code}, {}, {})",
                            str_repr(message),
                            str_repr(to)
                        )
                    })
                    .collect();
                write!(f, "[{}]", each.join(", "))
            }
        }
    }
}

/// Uncaught, it is the exception's last traceback line.
impl From<SmtpError> for Error {
    fn from(error: SmtpError) -> Error {
        Error::raised(format!("{}: {error}", error.type_name()))
    }
}

/// A reply: its code, and its lines' texts joined by newlines (aiosmtplib's `SMTPResponse`).
#[derive(Debug)]
struct Response {
    code: u16,
    message: String,
}

/// `send_message`'s errors dict: each refused recipient with its reply's code and message.
pub type Refusals = Vec<(String, u16, String)>;

/// `repr(errors)`: `{'a@x': SMTPResponse(code=550, message='…')}`.
pub fn refusals_repr(refusals: &Refusals) -> String {
    let each: Vec<String> = refusals
        .iter()
        .map(|(to, code, message)| {
            format!(
                "{}: SMTPResponse(code={code}, message={})",
                str_repr(to),
                str_repr(message)
            )
        })
        .collect();
    format!("{{{}}}", each.join(", "))
}

/// An open conversation.
struct Connection {
    reader: Reader,
    writer: Writer,
    /// Whether the server offers `SIZE`.
    size: bool,
}

impl Connection {
    fn write(&self, line: &str) -> Result<(), SmtpError> {
        self.writer
            .write(&format!("{line}\r\n"))
            .map_err(|_| SmtpError::ServerDisconnected("Connection lost".to_string()))
    }

    /// Reads one reply, however many lines it has (`250-…` continues, `250 …` ends it).
    async fn reply(&mut self) -> Result<Response, SmtpError> {
        let mut lines = Vec::new();
        loop {
            let line = self.reader.readline().await.map_err(|error| match error {
                Error::Cancelled => SmtpError::ServerDisconnected("Cancelled".to_string()),
                other => SmtpError::ServerDisconnected(other.to_string()),
            })?;
            let Some(line) = line else {
                return Err(SmtpError::ServerDisconnected(
                    "Unexpected EOF received".to_string(),
                ));
            };
            let line = line.trim_end_matches(['\r', '\n']);
            let code = line
                .get(..3)
                .and_then(|c| c.parse::<u16>().ok())
                .ok_or_else(|| {
                    SmtpError::ServerDisconnected(format!("Malformed SMTP response line: {line}"))
                })?;
            let last = line.as_bytes().get(3) != Some(&b'-');
            lines.push(line.get(4..).unwrap_or_default().to_string());
            if last {
                return Ok(Response {
                    code,
                    message: lines.join("\n"),
                });
            }
        }
    }

    /// Sends `line` and reads its reply.
    async fn command(&mut self, line: &str) -> Result<Response, SmtpError> {
        self.write(line)?;
        self.reply().await
    }

    /// `RSET` after a refusal, so the next mail starts clean; its own failure is not the
    /// caller's.
    async fn reset(&mut self) {
        let _ = self.command("RSET").await;
    }
}

/// `aiosmtplib.SMTP(hostname=..., port=...)`.
pub struct Smtp {
    hostname: String,
    port: u16,
    connection: Option<Connection>,
}

impl Smtp {
    /// A client for the server at `hostname:port`; nothing is connected yet.
    pub fn new(hostname: &str, port: u16) -> Smtp {
        Smtp {
            hostname: hostname.to_string(),
            port,
            connection: None,
        }
    }

    /// Entering `async with`: connects, reads the greeting, says `EHLO`.
    pub async fn connect(&mut self) -> Result<(), SmtpError> {
        let (host, port) = (&self.hostname, self.port);
        let (reader, writer) = open_connection(&format!("{host}:{port}"))
            .await
            .map_err(|_| {
                SmtpError::Connect(format!(
                    "Error connecting to {host} on port {port}: [Errno 111] Connect call failed ('{host}', {port})"
                ))
            })?;
        let mut connection = Connection {
            reader,
            writer,
            size: false,
        };
        let greeting = connection.reply().await?;
        if greeting.code != 220 {
            return Err(SmtpError::Connect(format!(
                "Error connecting to {host} on port {port}: {}",
                greeting.message
            )));
        }
        let hello = connection.command(&format!("EHLO {CLIENT_NAME}")).await?;
        if hello.code != 250 {
            return Err(SmtpError::Helo(hello.code, hello.message));
        }
        connection.size = hello
            .message
            .lines()
            .any(|l| l.to_ascii_uppercase().starts_with("SIZE"));
        self.connection = Some(connection);
        Ok(())
    }

    fn connection(&mut self) -> Result<&mut Connection, SmtpError> {
        self.connection.as_mut().ok_or_else(|| {
            SmtpError::ServerDisconnected("Not connected to SMTP server".to_string())
        })
    }

    /// `await client.send_message(message)`: the refused recipients (when some were
    /// accepted) with their replies, and the server's last reply.
    pub async fn send_message(
        &mut self,
        message: &EmailMessage,
    ) -> Result<(Refusals, String), SmtpError> {
        let sender = message.sender().unwrap_or_default();
        let recipients = message.recipients();
        let text = message.as_sent();
        let connection = self.connection()?;
        let size = if connection.size {
            format!(" SIZE={}", text.len())
        } else {
            String::new()
        };
        let from = connection
            .command(&format!("MAIL FROM:<{sender}>{size}"))
            .await?;
        if from.code != 250 {
            connection.reset().await;
            return Err(SmtpError::SenderRefused(from.code, from.message, sender));
        }
        let mut refused = Vec::new();
        for recipient in &recipients {
            let to = connection
                .command(&format!("RCPT TO:<{recipient}>"))
                .await?;
            if !matches!(to.code, 250 | 251) {
                refused.push((to.code, to.message, recipient.clone()));
            }
        }
        if refused.len() == recipients.len() {
            connection.reset().await;
            return Err(SmtpError::RecipientsRefused(refused));
        }
        let data = connection.command("DATA").await?;
        if data.code != 354 {
            connection.reset().await;
            return Err(SmtpError::Data(data.code, data.message));
        }
        for line in text.split_terminator("\r\n") {
            let stuffed = if line.starts_with('.') { "." } else { "" };
            connection.write(&format!("{stuffed}{line}"))?;
        }
        let done = connection.command(".").await?;
        if done.code != 250 {
            connection.reset().await;
            return Err(SmtpError::Data(done.code, done.message));
        }
        let refusals = refused
            .into_iter()
            .map(|(code, message, to)| (to, code, message))
            .collect();
        Ok((refusals, done.message))
    }

    /// Leaving `async with`: `QUIT`, then the connection closes.
    pub async fn quit(&mut self) -> Result<(), SmtpError> {
        let Some(mut connection) = self.connection.take() else {
            return Ok(());
        };
        let bye = connection.command("QUIT").await;
        connection.writer.close();
        match bye {
            Ok(bye) if bye.code == 221 => Ok(()),
            Ok(other) => Err(SmtpError::Response(other.code, other.message)),
            Err(error) => Err(error),
        }
    }
}

/// `await aiosmtplib.send(message, hostname=..., port=...)`: connect, send, quit.
pub async fn send(
    message: &EmailMessage,
    hostname: &str,
    port: u16,
) -> Result<(Refusals, String), SmtpError> {
    let mut client = Smtp::new(hostname, port);
    client.connect().await?;
    let sent = client.send_message(message).await;
    let quit = client.quit().await;
    let sent = sent?;
    quit?;
    Ok(sent)
}
