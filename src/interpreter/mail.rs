//! Mail on the page's servers: `email.message.EmailMessage` (headers by subscript,
//! `replace_header`, `set_content`, `get_content`, `as_string()`), aiosmtplib's client
//! (`send(message, hostname=, port=)`, `SMTP(hostname=, port=)` in `async with` with
//! `send_message`, and its exceptions) and aiosmtpd's server protocol (`SMTP(handler)` given to
//! `loop.create_server`, whose handler's `handle_RCPT` and `handle_DATA` are the program's
//! coroutines). All of them are the runtime's ([`runtime::mail`](crate::runtime::mail)), as the
//! mail lessons use them: the conversation is real SMTP over the page's message channels, and
//! each mail delivered is a row of the I/O panel. What differs: the server is the page's (a
//! mail reaches only the page's servers), and a message is text.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::dict::Dict;
use python::types::{exc_class, Exc};
use python::value::{Class, HostObject};
use python::{Args, Exception, PyResult, Value, Vm};

use super::asyncio::VM;
use super::drive::awaited;
use super::objects::{function, method, module, str_arg, this, Awaiting, ExceptionFamily};
use crate::runtime::channel::Protocol;
use crate::runtime::mail::{self, EmailMessage, Envelope, Handler, Smtp, SmtpError};
use crate::runtime::{self, Error};

thread_local! {
    static CLASSES: ExceptionFamily = const { ExceptionFamily::new("aiosmtplib.errors") };
}

/// `aiosmtplib.<name>`: `SMTPException`, and under it the errors the client raises.
fn error_class(name: &str) -> Rc<Class> {
    let base = match name {
        "SMTPException" => None,
        "SMTPConnectError" | "SMTPServerDisconnected" => Some("SMTPException"),
        "SMTPRecipientsRefused" => Some("SMTPException"),
        "SMTPResponseException" => Some("SMTPException"),
        _ => Some("SMTPResponseException"),
    };
    CLASSES.with(|classes| {
        classes.class(name, || {
            base.map_or_else(|| exc_class(Exc::Exception), error_class)
        })
    })
}

const ERRORS: [&str; 8] = [
    "SMTPException",
    "SMTPConnectError",
    "SMTPServerDisconnected",
    "SMTPResponseException",
    "SMTPHeloError",
    "SMTPSenderRefused",
    "SMTPRecipientsRefused",
    "SMTPDataError",
];

/// The client's error as aiosmtplib's exception; its text is `str(e)` as Python prints it.
fn smtp_exception(error: &SmtpError) -> Exception {
    python::exceptions::instantiate(
        &error_class(error.type_name()),
        vec![Value::str(&error.to_string())],
    )
}

/// `import email.message`, `aiosmtplib`, `aiosmtpd.smtp`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    let entries: Vec<(&str, Value)> = match name {
        "email" | "aiosmtpd" => vec![],
        "email.message" => vec![("EmailMessage", function("EmailMessage", email_message))],
        "aiosmtplib" => {
            let mut entries = vec![
                ("send", function("send", send)),
                ("SMTP", function("SMTP", smtp_client)),
            ];
            entries.extend(ERRORS.map(|name| (name, Value::Class(error_class(name)))));
            entries
        }
        "aiosmtpd.smtp" => vec![("SMTP", function("SMTP", smtp_server))],
        _ => return None,
    };
    Some(module(name, entries))
}

// ---- messages ----

/// `EmailMessage()`.
struct PyMessage(RefCell<EmailMessage>);

fn email_message(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Host(Rc::new(PyMessage(RefCell::new(
        EmailMessage::new(),
    )))))
}

fn header_name(vm: &mut Vm, key: &Value) -> PyResult<String> {
    match key {
        Value::Str(s) => Ok(s.to_string()),
        other => python::ops::str_of(vm, other),
    }
}

impl HostObject for PyMessage {
    fn type_name(&self) -> &str {
        "EmailMessage"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "replace_header" => method("replace_header", message_replace_header, this),
            "set_content" => method("set_content", message_set_content, this),
            "get_content" => method("get_content", message_get_content, this),
            "get" => method("get", message_get, this),
            "as_string" => method("as_string", message_as_string, this),
            _ => return None,
        })
    }
    fn get_item(&self, vm: &mut Vm, key: &Value) -> Option<PyResult> {
        Some(
            header_name(vm, key)
                .map(|name| self.0.borrow().get(&name).map_or(Value::None, Value::str)),
        )
    }
    fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> Option<PyResult<()>> {
        Some((|| {
            let name = header_name(vm, &key)?;
            let value = python::ops::str_of(vm, &value)?;
            self.0
                .borrow_mut()
                .set(&name, &value)
                .map_err(|e| super::objects::python_error(&e))
        })())
    }
    fn str(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(self.0.borrow().as_sent().replace("\r\n", "\n"))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn message_replace_header(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<PyMessage>(t)?;
    let name = str_arg(&args, 0, "_name", "replace_header")?;
    let value = args.get(1, "_value").cloned().unwrap_or(Value::None);
    let value = python::ops::str_of(vm, &value)?;
    me.0.borrow_mut()
        .replace_header(&name, &value)
        .map_err(|e| super::objects::python_error(&e))?;
    Ok(Value::None)
}

fn message_set_content(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<PyMessage>(t)?;
    let text = str_arg(&args, 0, "content", "set_content")?;
    me.0.borrow_mut().set_content(&text);
    Ok(Value::None)
}

fn message_get_content(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<PyMessage>(t)?;
    let content = me.0.borrow().content().map(str::to_string);
    Ok(content.map_or(Value::None, |c| Value::str(&c)))
}

fn message_get(vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let me = this::<PyMessage>(t)?;
    let name = str_arg(&args, 0, "name", "get")?;
    let found = me.0.borrow().get(&name).map(str::to_string);
    match found {
        Some(value) => Ok(Value::str(&value)),
        None => {
            let _ = vm;
            Ok(args.get(1, "failobj").cloned().unwrap_or(Value::None))
        }
    }
}

fn message_as_string(vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = this::<PyMessage>(t)?;
    Ok(Value::str(&me.str(vm)?))
}

fn message_of(value: Option<&Value>) -> PyResult<EmailMessage> {
    this::<PyMessage>(value)
        .map(|m| m.0.borrow().clone())
        .map_err(|_| python::exceptions::type_error("an email.message.EmailMessage is needed"))
}

// ---- the client ----

/// `SMTPResponse(code, message)`, printed as `250 Message accepted for delivery`.
struct SmtpResponse(String);

impl HostObject for SmtpResponse {
    fn type_name(&self) -> &str {
        "SMTPResponse"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        let (code, message) = self.0.split_once(' ').unwrap_or((&self.0, ""));
        Some(Ok(match name {
            "code" => code.parse::<i64>().map_or(Value::None, Value::Int),
            "message" => Value::str(message),
            _ => return None,
        }))
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        let (code, message) = self.0.split_once(' ').unwrap_or((&self.0, ""));
        Ok(format!("SMTPResponse(code={code}, message='{message}')"))
    }
    fn str(&self, _vm: &mut Vm) -> PyResult<String> {
        Ok(self.0.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `(errors, message)`: the refused recipients by address (each an `SMTPResponse`), and the
/// text of the server's reply to the mail.
fn sent_value(refusals: mail::client::Refusals, response: String) -> Value {
    let mut errors = Dict::new();
    for (to, code, message) in refusals {
        errors.set_str(
            &to,
            Value::Host(Rc::new(SmtpResponse(format!("{code} {message}")))),
        );
    }
    Value::tuple(vec![
        Value::Dict(Rc::new(RefCell::new(errors))),
        Value::str(&response),
    ])
}

/// `hostname=` and `port=` (positional from `at`, if given).
fn hostname_and_port(args: &Args, at: Option<usize>) -> PyResult<(String, u16)> {
    let (host_at, port_at) = at.map_or((usize::MAX, usize::MAX), |i| (i, i + 1));
    let hostname = match args.get(host_at, "hostname") {
        Some(Value::Str(s)) => s.to_string(),
        _ => "localhost".to_string(),
    };
    let port = match args.get(port_at, "port") {
        None | Some(Value::None) => 25,
        Some(v) => python::int::to_i64(v)
            .filter(|n| (0..=65535).contains(n))
            .ok_or_else(|| python::exceptions::value_error("port must be 0-65535"))?
            as u16,
    };
    Ok((hostname, port))
}

/// `await aiosmtplib.send(message, hostname=..., port=...)`.
fn send(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let message = message_of(args.get(0, "message"))?;
    let (hostname, port) = hostname_and_port(&args, None)?;
    Ok(Awaiting::value(
        "send",
        Box::pin(async move {
            let (refusals, response) = mail::send(&message, &hostname, port)
                .await
                .map_err(|e| smtp_exception(&e))?;
            Ok(sent_value(refusals, response))
        }),
    ))
}

/// `aiosmtplib.SMTP(hostname=..., port=...)`: connected in `async with` (or `connect()`),
/// closed with `quit()` when the block ends. The client is taken out while a command awaits.
struct PySmtp(Rc<RefCell<Option<Smtp>>>);

fn smtp_client(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let (hostname, port) = hostname_and_port(&args, Some(0))?;
    Ok(Value::Host(Rc::new(PySmtp(Rc::new(RefCell::new(Some(
        Smtp::new(&hostname, port),
    )))))))
}

impl HostObject for PySmtp {
    fn type_name(&self) -> &str {
        "SMTP"
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "connect" => method("connect", smtp_connect, this),
            "send_message" => method("send_message", smtp_send_message, this),
            "quit" => method("quit", smtp_quit, this),
            "__aenter__" => method("__aenter__", smtp_enter, this),
            "__aexit__" => method("__aexit__", smtp_quit, this),
            _ => return None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Runs `step` with the client taken out of `slot`, and puts it back.
async fn with_client<T>(
    slot: Rc<RefCell<Option<Smtp>>>,
    step: impl AsyncFnOnce(&mut Smtp) -> Result<T, SmtpError>,
) -> PyResult<T> {
    let Some(mut client) = slot.borrow_mut().take() else {
        return Err(python::exceptions::runtime_error(
            "the client is busy with another command",
        ));
    };
    let done = step(&mut client).await;
    *slot.borrow_mut() = Some(client);
    done.map_err(|e| smtp_exception(&e))
}

fn smtp_connect(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let slot = this::<PySmtp>(t)?.0.clone();
    Ok(Awaiting::value(
        "connect",
        Box::pin(async move {
            with_client(slot, async |c: &mut Smtp| c.connect().await).await?;
            Ok(Value::None)
        }),
    ))
}

fn smtp_enter(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let me = t.cloned().unwrap_or(Value::None);
    let slot = this::<PySmtp>(t)?.0.clone();
    Ok(Awaiting::value(
        "__aenter__",
        Box::pin(async move {
            with_client(slot, async |c: &mut Smtp| c.connect().await).await?;
            Ok(me)
        }),
    ))
}

fn smtp_send_message(_vm: &mut Vm, t: Option<&Value>, args: Args) -> PyResult {
    let slot = this::<PySmtp>(t)?.0.clone();
    let message = message_of(args.get(0, "message"))?;
    Ok(Awaiting::value(
        "send_message",
        Box::pin(async move {
            let (refusals, response) =
                with_client(slot, async |c: &mut Smtp| c.send_message(&message).await).await?;
            Ok(sent_value(refusals, response))
        }),
    ))
}

fn smtp_quit(_vm: &mut Vm, t: Option<&Value>, _args: Args) -> PyResult {
    let slot = this::<PySmtp>(t)?.0.clone();
    Ok(Awaiting::value(
        "quit",
        Box::pin(async move {
            with_client(slot, async |c: &mut Smtp| c.quit().await).await?;
            Ok(Value::None)
        }),
    ))
}

// ---- the server ----

/// `aiosmtpd.smtp.SMTP(handler)`: what a protocol factory gives `loop.create_server`; each
/// connection gets the runtime's SMTP protocol with the program's handler.
pub(super) struct PySmtpServer(Rc<PyHandler>);

fn smtp_server(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let handler = args.get(0, "handler").cloned().ok_or_else(|| {
        python::exceptions::type_error("SMTP() missing 1 required positional argument: 'handler'")
    })?;
    Ok(Value::Host(Rc::new(PySmtpServer(Rc::new(PyHandler(
        handler,
    ))))))
}

impl HostObject for PySmtpServer {
    fn type_name(&self) -> &str {
        "SMTP"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "event_handler" => self.0 .0.clone(),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The runtime's protocol for what a protocol factory made, if it is aiosmtpd's `SMTP`.
pub(super) fn runtime_protocol(made: &Value, hostname: &str) -> Option<Box<dyn Protocol>> {
    let Value::Host(h) = made else { return None };
    let server = h.as_any().downcast_ref::<PySmtpServer>()?;
    Some(mail::server::protocol(server.0.clone(), Rc::from(hostname)))
}

/// The program's handler object, whose `handle_RCPT` / `handle_DATA` the server awaits.
struct PyHandler(Value);

/// aiosmtpd's `Envelope`, as a hook gets it: a copy of the runtime's.
struct PyEnvelope {
    mail_from: String,
    rcpt_tos: Value,
    content: String,
}

impl PyEnvelope {
    fn value(envelope: &Envelope) -> Value {
        Value::Host(Rc::new(PyEnvelope {
            mail_from: envelope.mail_from.clone(),
            rcpt_tos: Value::list(envelope.rcpt_tos.iter().map(|t| Value::str(t)).collect()),
            content: envelope.content.clone(),
        }))
    }
}

impl HostObject for PyEnvelope {
    fn type_name(&self) -> &str {
        "Envelope"
    }
    fn get_attr(&self, _vm: &mut Vm, _this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(Ok(match name {
            "mail_from" => Value::str(&self.mail_from),
            "rcpt_tos" => self.rcpt_tos.clone(),
            "content" | "original_content" => Value::Bytes(Rc::from(self.content.as_bytes())),
            _ => return None,
        }))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl PyHandler {
    /// Calls the hook `name` with aiosmtpd's arguments, if the handler has it: its reply.
    async fn hook(&self, name: &str, args: Vec<Value>) -> Option<runtime::Result<String>> {
        let vm = VM.with(|v| v.borrow().upgrade())?;
        let hook = python::attr::get_attr(&mut vm.borrow_mut(), &self.0, name).ok()?;
        let called = vm.borrow_mut().call(&hook, Args::new(args));
        let replied = match called {
            Ok(v) => awaited(vm.clone(), v).await,
            Err(e) => Err(e),
        };
        Some(match replied {
            Ok(reply) => python::ops::str_of(&mut vm.borrow_mut(), &reply)
                .map_err(|e| exception_error(&vm, &e)),
            Err(e) => Err(exception_error(&vm, &e)),
        })
    }
}

/// An exception a hook raised, as the runtime's error the server answers with
/// (`500 Error: (ValueError) …`).
fn exception_error(vm: &Rc<RefCell<Vm>>, e: &Exception) -> Error {
    if super::asyncio::is_cancelled_error(e) {
        return Error::Cancelled;
    }
    let summary = python::traceback::summary(&mut vm.borrow_mut(), e);
    Error::raised(summary)
}

impl Handler for PyHandler {
    async fn handle_rcpt(&self, envelope: &Envelope, address: &str) -> runtime::Result<String> {
        let args = vec![
            Value::None,
            Value::None,
            PyEnvelope::value(envelope),
            Value::str(address),
            Value::list(Vec::new()),
        ];
        // Without the hook, aiosmtpd accepts every recipient.
        self.hook("handle_RCPT", args)
            .await
            .unwrap_or_else(|| Ok("250 OK".to_string()))
    }

    async fn handle_data(&self, envelope: &Envelope) -> runtime::Result<String> {
        let args = vec![Value::None, Value::None, PyEnvelope::value(envelope)];
        self.hook("handle_DATA", args)
            .await
            .unwrap_or_else(|| Ok("250 OK".to_string()))
    }
}
