//! `email.message.EmailMessage`, as far as the course's mail lessons use it: headers set by
//! name, a plain-text body (`set_content`), and the text Python sends for it.

use super::super::Error;

/// One mail: its headers in the order they were set, and its text body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmailMessage {
    headers: Vec<(String, String)>,
    content: Option<String>,
}

impl EmailMessage {
    /// `EmailMessage()`.
    pub fn new() -> EmailMessage {
        EmailMessage::default()
    }

    /// `message[name] = value`: adds a header (Python adds, it does not replace). A value with
    /// a line break is refused, as Python's policy refuses it.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Error> {
        if value.contains(['\r', '\n']) {
            return Err(Error::raised(format!(
                "ValueError: Header values may not contain linefeed or carriage return characters: {value:?}"
            )));
        }
        self.headers.push((name.to_string(), value.to_string()));
        Ok(())
    }

    /// `message.replace_header(name, value)`: the first header called `name` gets `value`.
    pub fn replace_header(&mut self, name: &str, value: &str) -> Result<(), Error> {
        match self
            .headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some((_, old)) => {
                *old = value.to_string();
                Ok(())
            }
            None => Err(Error::raised(format!("KeyError: {name:?}"))),
        }
    }

    /// `message[name]`: the first header called `name` (any case).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `message.set_content(text)`: a `text/plain` body, ending with a newline.
    pub fn set_content(&mut self, text: &str) {
        let mut text = text.replace("\r\n", "\n");
        if !text.ends_with('\n') {
            text.push('\n');
        }
        self.content = Some(text);
    }

    /// The body, as set.
    pub fn content(&self) -> Option<&str> {
        self.content.as_deref()
    }

    /// Who it is from: the address in `From` (aiosmtplib's sender).
    pub fn sender(&self) -> Option<String> {
        self.get("From")
            .and_then(|from| addresses(from).into_iter().next())
    }

    /// Whom it goes to: the addresses in `To`, `Cc` and `Bcc` (aiosmtplib's recipients).
    pub fn recipients(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| ["to", "cc", "bcc"].contains(&n.to_ascii_lowercase().as_str()))
            .flat_map(|(_, v)| addresses(v))
            .collect()
    }

    /// The message as sent, with `\r\n` line ends: what `message.as_bytes()` writes with
    /// SMTP's line ends (aiosmtplib leaves out `Bcc`). A body of plain ASCII is `7bit`, any
    /// other `8bit` (the server says `8BITMIME`); a header with other than ASCII is written
    /// as an RFC 2047 encoded word, as Python writes it.
    pub fn as_sent(&self) -> String {
        let mut out = String::new();
        for (name, value) in &self.headers {
            if name.eq_ignore_ascii_case("bcc") {
                continue;
            }
            out.push_str(&format!("{name}: {}\r\n", encoded_word(value)));
        }
        if let Some(content) = &self.content {
            let transfer = if content.is_ascii() { "7bit" } else { "8bit" };
            out.push_str("Content-Type: text/plain; charset=\"utf-8\"\r\n");
            out.push_str(&format!("Content-Transfer-Encoding: {transfer}\r\n"));
            out.push_str("MIME-Version: 1.0\r\n\r\n");
            out.push_str(&content.replace('\n', "\r\n"));
        } else {
            out.push_str("\r\n");
        }
        out
    }
}

/// A header value as Python writes it: unchanged if ASCII, else `=?utf-8?b?…?=`.
fn encoded_word(value: &str) -> String {
    if value.is_ascii() {
        value.to_string()
    } else {
        format!("=?utf-8?b?{}?=", crate::base64::encode(value.as_bytes()))
    }
}

/// The addresses of a header value: `a@x, "B" <b@y>` gives `a@x` and `b@y`
/// (`email.utils.getaddresses`, for the shapes mail headers take).
pub fn addresses(value: &str) -> Vec<String> {
    value
        .split(',')
        .filter_map(|part| {
            let part = part.trim();
            let address = match (part.rfind('<'), part.rfind('>')) {
                (Some(open), Some(close)) if open < close => &part[open + 1..close],
                _ => part,
            };
            let address = address.trim();
            (!address.is_empty()).then(|| address.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hello() -> EmailMessage {
        let mut message = EmailMessage::new();
        message.set("From", "root@localhost").unwrap();
        message.set("To", "somebody@example.com").unwrap();
        message.set("Subject", "Hello world!").unwrap();
        message.set_content("Sent via aiosmtplib");
        message
    }

    #[test]
    fn a_message_is_sent_as_python_writes_it() {
        // What CPython 3.11's `message.as_bytes()` gives, with \r\n line ends.
        assert_eq!(
            hello().as_sent(),
            "From: root@localhost\r\nTo: somebody@example.com\r\nSubject: Hello world!\r\n\
             Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 7bit\r\n\
             MIME-Version: 1.0\r\n\r\nSent via aiosmtplib\r\n"
        );
    }

    #[test]
    fn other_than_ascii_is_8bit_in_the_body_and_an_encoded_word_in_a_header() {
        let mut message = EmailMessage::new();
        message.set("Subject", "你好").unwrap();
        message.set_content("通过 aiosmtplib 发送");
        let sent = message.as_sent();
        // `str(Header('你好', 'utf-8'))`'s encoded word, as Python writes it.
        assert!(
            sent.starts_with("Subject: =?utf-8?b?5L2g5aW9?=\r\n"),
            "{sent}"
        );
        assert!(
            sent.contains("Content-Transfer-Encoding: 8bit\r\n"),
            "{sent}"
        );
    }

    #[test]
    fn sender_and_recipients_come_from_the_headers() {
        let mut message = hello();
        message
            .set("Cc", "\"B\" <b@example.com>, c@example.com")
            .unwrap();
        message.set("Bcc", "d@example.com").unwrap();
        assert_eq!(message.sender().as_deref(), Some("root@localhost"));
        assert_eq!(
            message.recipients(),
            [
                "somebody@example.com",
                "b@example.com",
                "c@example.com",
                "d@example.com"
            ]
        );
        assert!(!message.as_sent().contains("d@example.com"));
        message.replace_header("to", "x@example.org").unwrap();
        assert_eq!(message.get("TO"), Some("x@example.org"));
        assert!(message.replace_header("Reply-To", "x").is_err());
        assert!(message.set("Subject", "two\nlines").is_err());
    }
}
