//! Mail: an SMTP server in the page and the lessons' client, speaking real SMTP to each other.
//!
//! A page cannot open a TCP port, so the server listens on a name (`127.0.0.1:1025`) of the
//! page's message-channel servers ([`super::channel`]): every connection is a real
//! `MessageChannel`, and every command and reply is a line of SMTP crossing it, in order,
//! with the reply codes a real server gives ([`session`], aiosmtpd's). The page's console
//! can talk to the same server by hand.
//!
//! - [`message`]: `email.message.EmailMessage`, and the text sent for it.
//! - [`session`]: one conversation on the server's side, pure.
//! - [`server`]: aiosmtpd's `SMTP` protocol: a task per connection, and the application's
//!   [`Handler`] (`handle_RCPT`, `handle_DATA`) awaited in it.
//! - [`client`]: aiosmtplib's `SMTP` and `send`, with its exceptions ([`SmtpError`]).

pub mod client;
pub mod message;
pub mod server;
pub mod session;

pub use client::{send, Smtp, SmtpError};
pub use message::EmailMessage;
pub use server::{serve, Handler, SmtpServer};
pub use session::Envelope;
