//! One SMTP conversation on the server's side, as aiosmtpd's `SMTP` protocol holds it: which
//! commands came, what the envelope holds, and the reply each line gets. Pure: what needs the
//! application (whether a recipient is accepted, what happens to a mail) is handed back as an
//! [`Action`] for the server's task to await.
//!
//! The reply texts are aiosmtpd 1.4.6's, as it answers on this machine (a CPython check of
//! the listings talks to it).

/// The largest mail the server takes, in bytes (aiosmtpd's default `data_size_limit`).
pub const SIZE_LIMIT: usize = 33_554_432;

/// What the client has asked to send, so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Envelope {
    /// `MAIL FROM:` address.
    pub mail_from: String,
    /// `RCPT TO:` addresses the application accepted.
    pub rcpt_tos: Vec<String>,
    /// The mail itself (after `DATA`), with `\r\n` line ends and the dots unstuffed.
    pub content: String,
}

/// What a line asks of the server.
#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    /// Answer with these lines.
    Reply(Vec<String>),
    /// Nothing yet: a line of the mail's text.
    Nothing,
    /// Ask the application whether this recipient is accepted (`handle_RCPT`), then answer
    /// with what it says; [`Session::accept_recipient`] records an accepted one.
    Recipient(String),
    /// The mail is complete: hand it to the application (`handle_DATA`) and answer with what
    /// it says. The session is ready for the next mail.
    Deliver(Envelope),
    /// Answer `221 Bye` and close the connection.
    Quit,
}

fn reply(text: impl Into<String>) -> Action {
    Action::Reply(vec![text.into()])
}

/// The commands the server knows, as `HELP` lists them.
const COMMANDS: &str = "DATA EHLO HELO HELP MAIL NOOP QUIT RCPT RSET VRFY";

/// The state of one connection.
#[derive(Debug)]
pub struct Session {
    hostname: String,
    /// The name the client gave in `HELO` / `EHLO`.
    greeted: Option<String>,
    /// Whether it said `EHLO`: only then may `MAIL` and `RCPT` carry parameters.
    extended: bool,
    envelope: Envelope,
    /// Whether `MAIL` has started an envelope.
    mail: bool,
    /// The mail's text while `DATA` is being read, and its size so far.
    data: Option<(Vec<String>, usize)>,
}

impl Session {
    /// A new conversation with a server called `hostname`.
    pub fn new(hostname: &str) -> Session {
        Session {
            hostname: hostname.to_string(),
            greeted: None,
            extended: false,
            envelope: Envelope::default(),
            mail: false,
            data: None,
        }
    }

    /// The greeting the server sends first.
    pub fn greeting(&self) -> String {
        format!("220 {} Python SMTP 1.4.6", self.hostname)
    }

    /// The envelope so far.
    pub fn envelope(&self) -> &Envelope {
        &self.envelope
    }

    /// Records a recipient the application accepted.
    pub fn accept_recipient(&mut self, address: &str) {
        self.envelope.rcpt_tos.push(address.to_string());
    }

    /// What the server does with one line from the client (its `\r\n` taken off).
    pub fn line(&mut self, line: &str) -> Action {
        if let Some((lines, size)) = &mut self.data {
            if line == "." {
                let (lines, size) = self.data.take().unwrap_or_default();
                let mut envelope = std::mem::take(&mut self.envelope);
                self.mail = false;
                if size > SIZE_LIMIT {
                    return reply("552 Error: Too much mail data");
                }
                envelope.content = lines.iter().map(|l| format!("{l}\r\n")).collect();
                return Action::Deliver(envelope);
            }
            let line = line.strip_prefix('.').unwrap_or(line);
            *size += line.len() + 2;
            if *size <= SIZE_LIMIT {
                lines.push(line.to_string());
            }
            return Action::Nothing;
        }
        let (verb, arg) = match line.split_once(' ') {
            Some((verb, arg)) => (verb, arg.trim()),
            None => (line, ""),
        };
        let verb = verb.to_ascii_uppercase();
        if verb.is_empty() {
            return reply("500 Error: bad syntax");
        }
        match verb.as_str() {
            "HELO" | "EHLO" => self.hello(&verb, arg),
            "NOOP" => reply("250 OK"),
            "QUIT" if arg.is_empty() => Action::Quit,
            "QUIT" => reply("501 Syntax: QUIT"),
            "HELP" => reply(format!("250 Supported commands: {COMMANDS}")),
            "VRFY" if arg.is_empty() => reply("501 Syntax: VRFY <address>"),
            "VRFY" => reply("252 Cannot VRFY user, but will accept message and attempt delivery"),
            "RSET" if arg.is_empty() => {
                self.envelope = Envelope::default();
                self.mail = false;
                reply("250 OK")
            }
            "RSET" => reply("501 Syntax: RSET"),
            "MAIL" => self.mail_from(arg),
            "RCPT" => self.rcpt_to(arg),
            "DATA" => self.start_data(arg),
            _ => reply(format!("500 Error: command \"{verb}\" not recognized")),
        }
    }

    fn hello(&mut self, verb: &str, arg: &str) -> Action {
        if arg.is_empty() {
            return reply(format!("501 Syntax: {verb} hostname"));
        }
        self.greeted = Some(arg.to_string());
        self.extended = verb == "EHLO";
        self.envelope = Envelope::default();
        self.mail = false;
        if verb == "HELO" {
            return reply(format!("250 {}", self.hostname));
        }
        Action::Reply(vec![
            format!("250-{}", self.hostname),
            format!("250-SIZE {SIZE_LIMIT}"),
            "250-8BITMIME".to_string(),
            "250 HELP".to_string(),
        ])
    }

    /// The syntax reply for `MAIL FROM:` or `RCPT TO:`, with parameters only after `EHLO`.
    fn syntax(&self, command: &str) -> Action {
        let params = if self.extended {
            " [SP <mail-parameters>]"
        } else {
            ""
        };
        reply(format!("501 Syntax: {command} <address>{params}"))
    }

    fn mail_from(&mut self, arg: &str) -> Action {
        if self.greeted.is_none() {
            return reply("503 Error: send HELO first");
        }
        let Some((address, params)) = path(arg, "FROM:") else {
            return self.syntax("MAIL FROM:");
        };
        if !self.extended && !params.is_empty() {
            return self.syntax("MAIL FROM:");
        }
        if self.mail {
            return reply("503 Error: nested MAIL command");
        }
        for param in params.split_whitespace() {
            let (name, value) = param.split_once('=').unwrap_or((param, ""));
            match name.to_ascii_uppercase().as_str() {
                "SIZE" => match value.parse::<u64>() {
                    Ok(size) if size > SIZE_LIMIT as u64 => {
                        return reply("552 Error: message size exceeds fixed maximum message size")
                    }
                    Ok(_) => {}
                    Err(_) => return self.syntax("MAIL FROM:"),
                },
                "BODY" if ["7BIT", "8BITMIME"].contains(&value.to_ascii_uppercase().as_str()) => {}
                _ => return reply("555 MAIL FROM parameters not recognized or not implemented"),
            }
        }
        self.mail = true;
        self.envelope.mail_from = address;
        reply("250 OK")
    }

    fn rcpt_to(&mut self, arg: &str) -> Action {
        if self.greeted.is_none() {
            return reply("503 Error: send HELO first");
        }
        if !self.mail {
            return reply("503 Error: need MAIL command");
        }
        match path(arg, "TO:") {
            Some((address, params)) if params.is_empty() => Action::Recipient(address),
            Some(_) if self.extended => {
                reply("555 RCPT TO parameters not recognized or not implemented")
            }
            _ => self.syntax("RCPT TO:"),
        }
    }

    fn start_data(&mut self, arg: &str) -> Action {
        if self.greeted.is_none() {
            return reply("503 Error: send HELO first");
        }
        if self.envelope.rcpt_tos.is_empty() {
            return reply("503 Error: need RCPT command");
        }
        if !arg.is_empty() {
            return reply("501 Syntax: DATA");
        }
        self.data = Some((Vec::new(), 0));
        reply("354 End data with <CR><LF>.<CR><LF>")
    }
}

/// `FROM:<a@b> SIZE=10` read as the address and the parameters after it; `None` if `arg` does
/// not start with `keyword` or names no address.
fn path(arg: &str, keyword: &str) -> Option<(String, String)> {
    let head = arg.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = arg[keyword.len()..].trim_start();
    let (address, params) = if let Some(inner) = rest.strip_prefix('<') {
        let close = inner.find('>')?;
        (&inner[..close], &inner[close + 1..])
    } else {
        match rest.split_once(' ') {
            Some((address, params)) => (address, params),
            None => (rest, ""),
        }
    };
    if address.is_empty() && !rest.starts_with('<') {
        return None;
    }
    Some((address.to_string(), params.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replies(session: &mut Session, line: &str) -> Vec<String> {
        match session.line(line) {
            Action::Reply(lines) => lines,
            other => panic!("{line}: {other:?}"),
        }
    }

    /// The replies aiosmtpd 1.4.6 gave to the same lines, one after another, on this machine
    /// (but for `HELP`, whose list leaves out the `AUTH` this server does not offer).
    #[test]
    fn commands_out_of_order_get_aiosmtpds_replies() {
        let mut s = Session::new("mail.example");
        assert_eq!(s.greeting(), "220 mail.example Python SMTP 1.4.6");
        for (line, want) in [
            ("FOO bar", "500 Error: command \"FOO\" not recognized"),
            ("MAIL FROM:<a@b>", "503 Error: send HELO first"),
            ("HELO", "501 Syntax: HELO hostname"),
            ("RCPT TO:<x@y>", "503 Error: send HELO first"),
            ("HELO client.example", "250 mail.example"),
            ("RCPT TO:<x@y>", "503 Error: need MAIL command"),
            ("DATA", "503 Error: need RCPT command"),
            ("MAIL", "501 Syntax: MAIL FROM: <address>"),
            ("MAIL FROM:", "501 Syntax: MAIL FROM: <address>"),
            (
                "MAIL FROM:<root@localhost> SIZE=10",
                "501 Syntax: MAIL FROM: <address>",
            ),
            ("MAIL FROM:<x@y>", "250 OK"),
            ("RCPT", "501 Syntax: RCPT TO: <address>"),
            ("RCPT TO:", "501 Syntax: RCPT TO: <address>"),
            ("DATA x", "503 Error: need RCPT command"),
            ("NOOP", "250 OK"),
            (
                "VRFY x",
                "252 Cannot VRFY user, but will accept message and attempt delivery",
            ),
            (
                "HELP",
                "250 Supported commands: DATA EHLO HELO HELP MAIL NOOP QUIT RCPT RSET VRFY",
            ),
            ("RSET", "250 OK"),
        ] {
            assert_eq!(replies(&mut s, line), [want], "{line}");
        }
        assert_eq!(
            replies(&mut s, "EHLO c"),
            [
                "250-mail.example",
                "250-SIZE 33554432",
                "250-8BITMIME",
                "250 HELP"
            ]
        );
        for (line, want) in [
            (
                "MAIL FROM:<a@b> SIZE=99999999999",
                "552 Error: message size exceeds fixed maximum message size",
            ),
            ("MAIL FROM:<again@localhost>", "250 OK"),
            ("MAIL FROM:<b@c> FOO=1", "503 Error: nested MAIL command"),
            ("RSET", "250 OK"),
            ("MAIL FROM:<b@c> BODY=8BITMIME", "250 OK"),
            (
                "RCPT TO:<a@b> X=1",
                "555 RCPT TO parameters not recognized or not implemented",
            ),
            ("", "500 Error: bad syntax"),
            ("QUIT x", "501 Syntax: QUIT"),
        ] {
            assert_eq!(replies(&mut s, line), [want], "{line}");
        }
        assert_eq!(s.line("QUIT"), Action::Quit);
    }

    #[test]
    fn a_mail_is_delivered_with_its_dots_unstuffed_and_the_session_is_ready_again() {
        let mut s = Session::new("mail.example");
        replies(&mut s, "EHLO c");
        replies(&mut s, "mail from:<root@localhost>");
        assert_eq!(
            s.line("RCPT TO:<somebody@example.com>"),
            Action::Recipient("somebody@example.com".into())
        );
        s.accept_recipient("somebody@example.com");
        assert_eq!(
            replies(&mut s, "DATA"),
            ["354 End data with <CR><LF>.<CR><LF>"]
        );
        for line in ["Subject: hi", "", "body", "..dot"] {
            assert_eq!(s.line(line), Action::Nothing);
        }
        assert_eq!(
            s.line("."),
            Action::Deliver(Envelope {
                mail_from: "root@localhost".into(),
                rcpt_tos: vec!["somebody@example.com".into()],
                content: "Subject: hi\r\n\r\nbody\r\n.dot\r\n".into(),
            })
        );
        assert_eq!(replies(&mut s, "DATA"), ["503 Error: need RCPT command"]);
        assert_eq!(replies(&mut s, "MAIL FROM:<again@localhost>"), ["250 OK"]);
    }
}
