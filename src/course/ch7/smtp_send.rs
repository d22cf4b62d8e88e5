//! Sending a mail with aiosmtplib to an SMTP server of the page (aiosmtpd's protocol, with a
//! handler that keeps what it receives), and a recipient the server refuses.

use std::cell::RefCell;
use std::rc::Rc;

use crate::course::py;
use crate::print;
use crate::runtime::mail::{self, EmailMessage, Envelope, Handler, SmtpError};
use crate::runtime::{sleep, Result};

/// aiosmtpd's handler: the mail it receives goes here.
#[derive(Default)]
struct Mailbox {
    messages: RefCell<Vec<Envelope>>,
}

impl Handler for Mailbox {
    async fn handle_rcpt(&self, _envelope: &Envelope, address: &str) -> Result<String> {
        if !address.ends_with("@example.com") {
            return Ok("550 not relaying to that domain".into()); // it relays for no other domain
        }
        Ok("250 OK".into())
    }

    async fn handle_data(&self, envelope: &Envelope) -> Result<String> {
        sleep(1.0).await?; // storing a mail takes 1 s
        self.messages.borrow_mut().push(envelope.clone());
        let to = py::str_list(&envelope.rcpt_tos);
        print!(py 21, "received {} -> {to}" | "收到 {} -> {to}", envelope.mail_from);
        Ok("250 Message accepted for delivery".into())
    }
}

/// The lesson: one mail delivered, one refused.
pub async fn main() -> Result<()> {
    let mailbox = Rc::new(Mailbox::default());
    let server = mail::serve(mailbox.clone(), "127.0.0.1", 1025).await?;

    let mut message = EmailMessage::new();
    message.set("From", "root@localhost")?;
    message.set("To", "somebody@example.com")?;
    message.set("Subject", "Hello world!")?;
    message.set_content("Sent via aiosmtplib");
    let (errors, response) = mail::send(&message, "127.0.0.1", 1025).await?;
    print!(py 36, "{} {response}", mail::client::refusals_repr(&errors));

    message.replace_header("To", "somebody@elsewhere.org")?;
    match mail::send(&message, "127.0.0.1", 1025).await {
        Err(e @ SmtpError::RecipientsRefused(_)) => {
            // every recipient refused
            print!(py 42, "{} {e}", e.type_name());
        }
        other => {
            other?;
        }
    }
    let count = mailbox.messages.borrow().len();
    print!(py 43, "in the mailbox: {count} mail" | "信箱里有 {count} 封信");
    server.close();
    Ok(())
}

// ---- end of listing ----

use super::super::{line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "smtp-send",
    title: Text {
        en: "Sending mail: aiosmtplib and an SMTP server",
        zh: "异步发邮件：aiosmtplib 与 SMTP 服务器",
    },
    note: Text {
        en: "aiosmtplib.send connects, says EHLO, and sends MAIL FROM, RCPT TO for each \
             recipient, DATA, the mail and QUIT, awaiting each reply: every step is network \
             I/O. The server is aiosmtpd's SMTP protocol: for each connection it starts a task \
             (Task-2 here) that reads the commands in order and awaits its handler, whose \
             handle_RCPT refuses other domains with 550 and whose handle_DATA takes a second to \
             store the mail, so the client's await lasts that second. A refused recipient comes \
             back as aiosmtplib's SMTPRecipientsRefused. A page cannot open a TCP port, so the \
             server listens on a name of the page (127.0.0.1:1025) and each connection is a \
             MessageChannel that every SMTP line crosses; the replies are aiosmtpd's own. The \
             text's address is the reader's own mail server; here, the CPython check runs this \
             listing with aiosmtpd and aiosmtplib from PyPI.",
        zh: "aiosmtplib.send 先连接、说 EHLO，再依次发 MAIL FROM、每个收信人一条 RCPT TO、DATA、\
             信的内容和 QUIT，每一步都等服务器回复：每一步都是网络 IO。服务器是 aiosmtpd 的 SMTP \
             协议：每来一个连接，它就启动一个任务（这里是 Task-2），按顺序读命令并 await 它的 \
             handler；handler 的 handle_RCPT 用 550 拒绝别的域名，handle_DATA 存一封信要 1 秒，\
             所以客户端的 await 也要等这 1 秒。被拒绝的收信人以 aiosmtplib 的 \
             SMTPRecipientsRefused 异常返回。网页不能打开 TCP 端口，所以服务器在网页里以一个名字\
             （127.0.0.1:1025）监听，每个连接是一个 MessageChannel，每一行 SMTP 都从它经过；回复\
             是 aiosmtpd 自己的回复。课文里的地址是读者自己的邮件服务器；这里 CPython 检查用 PyPI \
             上的 aiosmtpd 和 aiosmtplib 运行这段程序。",
    },
    python: Text {
        en: include_str!("smtp_send.en.py"),
        zh: include_str!("smtp_send.py"),
    },
    rust_file: super::super::listing!("ch7/smtp_send.rs"),
    expected: &[
        said(
            1000,
            "Task-2",
            "received root@localhost -> ['somebody@example.com']",
            "收到 root@localhost -> ['somebody@example.com']",
        ),
        line(1000, "Task-1", "{} Message accepted for delivery"),
        line(
            1000,
            "Task-1",
            "SMTPRecipientsRefused [SMTPRecipientRefused(550, 'not relaying to that domain', \
             'somebody@elsewhere.org')]",
        ),
        said(1000, "Task-1", "in the mailbox: 1 mail", "信箱里有 1 封信"),
    ],
    cpython: Cpython::Mails(&["aiosmtplib", "aiosmtpd"]),
    ends: Ends::ByItself,
    needs: Needs::Browser,
    mistakes: &[],
    console: None,
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
