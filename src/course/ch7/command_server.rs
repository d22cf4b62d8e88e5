//! A line-protocol server (`add`, `multiply`, `reset`, `shutdown`) on `MessageChannel`s.

use crate::print;
use crate::runtime::channel::{create_server, open_connection, Protocol, Transport};
use crate::runtime::{sleep, Event, Result};

/// One connection's state: the running total, and how to answer.
struct CommandServer {
    total: i64,
    transport: Option<Transport>,
    stop: Event,
}

impl CommandServer {
    fn reply(&self, text: &str) {
        if let Some(transport) = &self.transport {
            transport.write(text);
        }
    }
}

impl Protocol for CommandServer {
    fn connection_made(&mut self, transport: Transport) {
        print!(py 11, "Connection from {}", transport.peername());
        self.transport = Some(transport);
    }

    fn data_received(&mut self, data: &str) {
        let words: Vec<&str> = data.split_whitespace().collect();
        let (command, args) = words.split_first().map_or(("", &[][..]), |(c, a)| (*c, a));
        match command {
            "add" | "multiply" => {
                let Some(number) = args.first().and_then(|a| a.parse::<i64>().ok()) else {
                    return self.reply(&format!(
                        "Invalid {command} command. Usage: {command} <number>"
                    ));
                };
                if command == "add" {
                    self.total = self.total.saturating_add(number);
                    self.reply(&format!("Current total: {}", self.total));
                } else {
                    self.total = self.total.saturating_mul(number);
                    let total = self.total;
                    self.reply(&format!("Current total after multiplication: {total}"));
                }
            }
            "reset" => {
                self.total = 0;
                self.reply("Total has been reset to 0.");
            }
            "shutdown" => {
                print!(py 33, "Shutting down the server...");
                if let Some(transport) = &self.transport {
                    transport.close();
                }
                self.stop.set();
            }
            _ => self.reply(
                "Unknown command. Available commands: \
                 add <number>, multiply <number>, reset, shutdown",
            ),
        }
    }

    fn connection_lost(&mut self) {
        print!(py 44, "Connection closed");
    }
}

/// A scripted client: sends each command and prints the answer.
async fn client(commands: &[&str]) -> Result<()> {
    let (mut reader, writer) = open_connection("command-server").await?;
    for command in commands {
        print!(py 50, "> {command}");
        writer.write(command)?;
        let answer = reader.readline().await?.unwrap_or_default();
        print!(py 52, "< {}", answer.trim());
        sleep(0.5).await?;
    }
    writer.close();
    Ok(())
}

/// The lesson: serve, let the scripted client talk, then serve until someone says shutdown.
pub async fn main() -> Result<()> {
    let stop = Event::new();
    let protocol_stop = stop.clone();
    let server = create_server(
        move || {
            Box::new(CommandServer {
                total: 0,
                transport: None,
                stop: protocol_stop.clone(),
            })
        },
        "command-server",
    )
    .await?;
    print!(py 62, "Serving on {}", server.name());
    client(&["add 5", "multiply 3", "divide 2", "add x", "reset"]).await?;
    stop.wait().await?; // keep serving until someone sends shutdown
    server.close();
    Ok(())
}

// ---- end of listing ----

use super::super::{line, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text};

/// The name `main` serves on, which the page's console connects to.
const SERVER: &str = "command-server";

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "command-server",
    title: Text {
        en: "A command server (MessageChannel)",
        zh: "命令服务器（MessageChannel）",
    },
    note: Text {
        en: "The course's TCP server, in a page: a page cannot listen on a port, so each \
             connection is a MessageChannel, a real asynchronous pipe, and the server is the \
             same Protocol object (connection_made, data_received, connection_lost). A scripted \
             client sends five commands, a wrong one included; then the server keeps serving: \
             type commands in the console below, and shutdown to end the run.",
        zh: "课程里的 TCP 服务器，搬进网页：网页不能监听端口，所以每个连接是一个 MessageChannel——\
             真实的异步管道；服务器仍是同样的 Protocol 对象（connection_made、data_received、\
             connection_lost）。一个脚本客户端先发送五条命令，其中有一条是错的；之后服务器继续服务：\
             在下面的控制台里输入命令，输入 shutdown 结束运行。",
    },
    python: Text {
        en: include_str!("command_server.en.py"),
        zh: include_str!("command_server.py"),
    },
    rust_file: super::super::listing!("ch7/command_server.rs"),
    expected: &[
        line(0, "Task-1", "Serving on command-server"),
        line(0, "loop", "Connection from client-1"),
        line(0, "Task-1", "> add 5"),
        line(0, "Task-1", "< Current total: 5"),
        line(500, "Task-1", "> multiply 3"),
        line(500, "Task-1", "< Current total after multiplication: 15"),
        line(1000, "Task-1", "> divide 2"),
        line(
            1000,
            "Task-1",
            "< Unknown command. Available commands: add <number>, multiply <number>, reset, shutdown",
        ),
        line(1500, "Task-1", "> add x"),
        line(1500, "Task-1", "< Invalid add command. Usage: add <number>"),
        line(2000, "Task-1", "> reset"),
        line(2000, "Task-1", "< Total has been reset to 0."),
        line(2500, "loop", "Connection closed"),
    ],
    cpython: Cpython::Server("a TCP server"),
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Browser,
    mistakes: &[],
    console: Some(SERVER),
    http_port: None,
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
