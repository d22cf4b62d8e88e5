//! Three mails one after another on one connection, then three at once on three: the server
//! takes a second per mail, and only the second way overlaps those seconds.

use std::rc::Rc;

use crate::print;
use crate::runtime::mail::{self, EmailMessage, Envelope, Handler, Smtp};
use crate::runtime::{gather, sleep, time_ms, Result};

struct Mailbox;

impl Handler for Mailbox {
    async fn handle_data(&self, _envelope: &Envelope) -> Result<String> {
        sleep(1.0).await?; // storing a mail takes 1 s
        Ok("250 Message accepted for delivery".into())
    }
}

fn letter(number: u32) -> Result<EmailMessage> {
    let mut message = EmailMessage::new();
    message.set("From", "root@localhost")?;
    message.set("To", "somebody@example.com")?;
    message.set("Subject", &format!("Hello {number}!"))?;
    message.set_content("Sent via aiosmtplib");
    Ok(message)
}

/// `send(letter(n), hostname="127.0.0.1", port=1025)`, on a connection of its own.
async fn send_letter(number: u32) -> Result<()> {
    mail::send(&letter(number)?, "127.0.0.1", 1025).await?;
    Ok(())
}

/// Whole seconds since `start` (Python's `round`).
fn seconds_since(start: u64) -> Result<u64> {
    Ok((time_ms()?.saturating_sub(start) + 500) / 1000)
}

/// The lesson: one by one, then at once.
pub async fn main() -> Result<()> {
    let server = mail::serve(Rc::new(Mailbox), "127.0.0.1", 1025).await?;

    let start = time_ms()?;
    let mut smtp_client = Smtp::new("127.0.0.1", 1025);
    smtp_client.connect().await?; // one connection, one mail after another
    for number in 0..3 {
        smtp_client.send_message(&letter(number)?).await?;
    }
    smtp_client.quit().await?;
    let took = seconds_since(start)?;
    print!(py 32, "one by one: about {took} s" | "一封接一封：约 {took} 秒");

    let start = time_ms()?; // three connections, all at once
    gather((0..3).map(send_letter)).await?;
    let took = seconds_since(start)?;
    print!(py 36, "at once: about {took} s" | "同时发：约 {took} 秒");
    server.close();
    Ok(())
}

// ---- end of listing ----

use super::super::{said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "smtp-concurrent",
    title: Text {
        en: "Mail one by one, or at once",
        zh: "一封接一封，还是同时发",
    },
    note: Text {
        en: "The server takes a second to store each mail. On one connection (SMTP, entered \
             with async with) the mails go one after another: the conversation waits for each \
             250 before the next MAIL FROM, so three mails take 3 s. With one send per mail, \
             gathered, there are three connections, each with its own task on the server, and \
             their seconds overlap: 1 s. The timeline shows the server's three tasks waiting \
             at once. The text's SMTP program sends one mail; the server here is aiosmtpd's \
             protocol on the page's message channels (see smtp-send), and the CPython check \
             runs this listing with aiosmtpd and aiosmtplib from PyPI.",
        zh:
            "服务器存好一封信要 1 秒。在一个连接上（用 async with 进入的 SMTP）信是一封接一封发的：\
             对话要等到每封信的 250 回复，才发下一条 MAIL FROM，所以三封信要 3 秒。每封信各用一次 \
             send，再用 gather 一起等，就有三个连接，服务器上各有一个任务，它们的 1 秒互相重叠：\
             一共 1 秒。时间线上能看到服务器的三个任务同时在等。课文的 SMTP 程序只发一封信；这里的\
             服务器是网页消息通道上的 aiosmtpd 协议（见 smtp-send），CPython 检查用 PyPI 上的 \
             aiosmtpd 和 aiosmtplib 运行这段程序。",
    },
    python: Text {
        en: include_str!("smtp_concurrent.en.py"),
        zh: include_str!("smtp_concurrent.py"),
    },
    rust_file: super::super::listing!("ch7/smtp_concurrent.rs"),
    expected: &[
        said(
            3000,
            "Task-1",
            "one by one: about 3 s",
            "一封接一封：约 3 秒",
        ),
        said(4000, "Task-1", "at once: about 1 s", "同时发：约 1 秒"),
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
