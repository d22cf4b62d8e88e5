//! A line-protocol server on `MessageChannel`s: the browser's twin of `loop.create_server`.
//!
//! A page cannot listen on a TCP port, but it has real asynchronous byte pipes between its
//! parts: a `MessageChannel`'s two ports. A [`Server`] registers a name; every connection
//! ([`open_connection`] from a task, or [`Console::connect`] from the page's console) is a new
//! channel, and the server speaks to it through an asyncio-style [`Protocol`]:
//! `connection_made`, `data_received`, `connection_lost`, each called as a loop callback, with
//! a [`Transport`] to `write` to and `close`.
//!
//! Messages in transit hold the virtual clock (they take no virtual time) and every connection
//! is counted as live I/O until it closes.

use super::Error;

/// The asyncio `Protocol` interface: what a server does with one connection.
pub trait Protocol {
    /// A client connected; keep the transport to answer it.
    fn connection_made(&mut self, transport: Transport);
    /// The client sent `data` (one message: a line typed or written).
    fn data_received(&mut self, data: &str);
    /// The connection closed (the client left, or the server closed it).
    fn connection_lost(&mut self) {}
}

/// What the console shows: a reply line, or the end of the connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// The server wrote this.
    Data(String),
    /// The server closed the connection (or went away).
    Closed,
}

/// Longest message accepted from a client (a console line).
pub const MAX_MESSAGE: usize = 1000;

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn check_message(data: &str) -> Result<(), Error> {
    if data.len() > MAX_MESSAGE {
        Err(Error::raised(format!(
            "a message may be at most {MAX_MESSAGE} bytes (this one has {})",
            data.len()
        )))
    } else {
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{
    create_server, listening, open_connection, Console, Reader, Server, Transport, Writer,
};

#[cfg(not(target_arch = "wasm32"))]
pub use native::{
    create_server, listening, open_connection, Console, Reader, Server, Transport, Writer,
};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use std::rc::{Rc, Weak};

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::super::executor::{self, RunInner};
    use super::super::io::IoOp;
    use super::super::sync::Queue;
    use super::{check_message, Error, Protocol, Reply};
    use crate::trace::IoKind;

    type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;

    /// What both ends of a connection share: how many messages are on their way to each end,
    /// and whether each end has closed. A message posted to a closed port is never delivered,
    /// so the end that closes releases the clock holds of what was still on its way to it,
    /// and nothing sent to it afterwards holds the clock (each side may close while the
    /// other's last message crosses: a server's `221 Bye` and close, the client's close).
    #[derive(Default)]
    struct Pair {
        in_transit: [Cell<usize>; 2],
        gone: [Cell<bool>; 2],
    }

    /// One end of a connection: a port, the run whose clock its messages hold, whether it is
    /// closed, and (set when it receives) its message handler.
    struct End {
        port: web_sys::MessagePort,
        pair: Rc<Pair>,
        /// Which end of the pair this is (0: the server's).
        side: usize,
        run: Weak<RunInner>,
        closed: Cell<bool>,
        handler: RefCell<Option<OnMessage>>,
        /// The connection's I/O record, held by the server's end.
        op: RefCell<Option<IoOp>>,
        /// What to do once when this end closes, either way (the server's end: schedule the
        /// protocol's `connection_lost`).
        on_close: RefCell<Option<Box<dyn FnOnce()>>>,
    }

    impl End {
        fn new(
            port: web_sys::MessagePort,
            pair: Rc<Pair>,
            side: usize,
            run: Weak<RunInner>,
        ) -> Rc<End> {
            Rc::new(End {
                port,
                pair,
                side,
                run,
                closed: Cell::new(false),
                handler: RefCell::new(None),
                op: RefCell::new(None),
                on_close: RefCell::new(None),
            })
        }

        /// Posts `[kind, text]` to the other end; the message holds the clock until delivered.
        fn send(&self, kind: &str, text: &str) -> Result<(), Error> {
            if self.closed.get() {
                return Err(Error::raised("the connection is closed"));
            }
            let message: js_sys::Array = [JsValue::from_str(kind), JsValue::from_str(text)]
                .into_iter()
                .collect();
            let other = 1 - self.side;
            if self.pair.gone[other].get() {
                // The other end has closed: like a write to a closed socket, it goes nowhere.
                return Ok(());
            }
            let run = self.run.upgrade();
            if let Some(run) = &run {
                run.io_wait_begin();
            }
            if self.port.post_message(&message).is_err() {
                if let Some(run) = &run {
                    run.io_wait_end();
                }
                return Err(Error::raised("the message could not be sent"));
            }
            if run.is_some() {
                let in_transit = &self.pair.in_transit[other];
                in_transit.set(in_transit.get() + 1);
            }
            Ok(())
        }

        /// Calls `f(kind, text)` for each message that arrives, releasing its hold on the clock.
        fn listen(self: &Rc<End>, mut f: impl FnMut(&str, String) + 'static) {
            let weak = Rc::downgrade(self);
            let handler = OnMessage::new(move |event: web_sys::MessageEvent| {
                let Some(end) = weak.upgrade() else { return };
                let data = event.data();
                let kind = js_sys::Reflect::get_u32(&data, 0)
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let text = js_sys::Reflect::get_u32(&data, 1)
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                if !end.closed.get() {
                    let eof = kind == "eof";
                    f(&kind, text);
                    if eof {
                        // The other side left: this end closes too (no `eof` back).
                        end.shut();
                    }
                }
                end.arrived();
            });
            self.port
                .set_onmessage(Some(handler.as_ref().unchecked_ref()));
            *self.handler.borrow_mut() = Some(handler);
        }

        /// Closes this end: tells the other one (`eof`) and stops listening.
        fn close(&self) {
            if self.closed.get() {
                return;
            }
            let _ = self.send("eof", "");
            self.closed.set(true);
            self.shut();
        }

        /// A message reached this end: its hold on the clock ends.
        fn arrived(&self) {
            let in_transit = &self.pair.in_transit[self.side];
            if in_transit.get() == 0 {
                return;
            }
            in_transit.set(in_transit.get() - 1);
            if let Some(run) = self.run.upgrade() {
                run.io_wait_end();
            }
        }

        fn shut(&self) {
            self.closed.set(true);
            // What was still on its way here will never arrive.
            self.pair.gone[self.side].set(true);
            while self.pair.in_transit[self.side].get() > 0 {
                self.arrived();
            }
            self.port.set_onmessage(None);
            self.port.close();
            let op = self.op.borrow_mut().take();
            if let Some(op) = op {
                op.end(None);
            }
            let on_close = self.on_close.borrow_mut().take();
            if let Some(on_close) = on_close {
                on_close();
            }
        }
    }

    impl Drop for End {
        fn drop(&mut self) {
            self.port.set_onmessage(None);
            self.port.close();
        }
    }

    /// The server's side of one connection: `transport.write(...)`, `transport.close()`.
    #[derive(Clone)]
    pub struct Transport {
        end: Rc<End>,
        peer: Rc<str>,
    }

    impl Transport {
        /// `transport.write(data)`: sends a reply to the client.
        pub fn write(&self, data: &str) {
            let _ = self.end.send("data", data);
        }

        /// `transport.close()`: ends the connection; `connection_lost` follows.
        pub fn close(&self) {
            self.end.close();
        }

        /// `transport.get_extra_info('peername')`: who is connected.
        pub fn peername(&self) -> &str {
            &self.peer
        }
    }

    struct ServerInner {
        name: Rc<str>,
        run: Weak<RunInner>,
        factory: Box<dyn Fn() -> Box<dyn Protocol>>,
        connections: RefCell<Vec<Rc<End>>>,
        next_peer: Cell<u32>,
        closed: Cell<bool>,
    }

    thread_local! {
        static SERVERS: RefCell<BTreeMap<Rc<str>, Weak<ServerInner>>> = RefCell::default();
    }

    /// A listening server: `loop.create_server(protocol_factory, ...)`. Dropping it (or
    /// [`Server::close`]) stops accepting and closes every connection.
    pub struct Server {
        inner: Rc<ServerInner>,
    }

    /// Starts a server called `name` that makes a protocol with `factory` for each client.
    /// Fails if another live server already has that name.
    pub async fn create_server(
        factory: impl Fn() -> Box<dyn Protocol> + 'static,
        name: &str,
    ) -> Result<Server, Error> {
        let (run, _) = executor::current().ok_or(Error::NoRunningLoop)?;
        let name: Rc<str> = Rc::from(name);
        let taken = SERVERS.with(|s| {
            s.borrow()
                .get(&name)
                .is_some_and(|w| w.upgrade().is_some_and(|s| !s.closed.get()))
        });
        if taken {
            return Err(Error::raised(format!(
                "OSError: address already in use: {name}"
            )));
        }
        let inner = Rc::new(ServerInner {
            name: name.clone(),
            run: Rc::downgrade(&run),
            factory: Box::new(factory),
            connections: RefCell::new(Vec::new()),
            next_peer: Cell::new(0),
            closed: Cell::new(false),
        });
        SERVERS.with(|s| s.borrow_mut().insert(name, Rc::downgrade(&inner)));
        Ok(Server { inner })
    }

    impl Server {
        /// The name clients connect to.
        pub fn name(&self) -> &str {
            &self.inner.name
        }

        /// Stops accepting and closes every connection.
        pub fn close(&self) {
            self.inner.close();
        }
    }

    impl ServerInner {
        fn close(&self) {
            if self.closed.replace(true) {
                return;
            }
            SERVERS.with(|s| {
                let mut servers = s.borrow_mut();
                if servers
                    .get(&self.name)
                    .is_some_and(|w| std::ptr::eq(w.as_ptr(), self))
                {
                    servers.remove(&self.name);
                }
            });
            let connections = std::mem::take(&mut *self.connections.borrow_mut());
            for end in connections {
                end.close();
            }
        }

        /// Accepts a new connection; returns the client's port and what its two ends share.
        fn accept(self: &Rc<Self>, kind: &str) -> Result<(web_sys::MessagePort, Rc<Pair>), Error> {
            let run = self
                .run
                .upgrade()
                .filter(|r| r.is_running())
                .ok_or_else(|| {
                    Error::raised("ConnectionRefusedError: the server is not running")
                })?;
            let channel = web_sys::MessageChannel::new()
                .map_err(|_| Error::raised("could not open a MessageChannel"))?;
            self.next_peer.set(self.next_peer.get() + 1);
            let peer: Rc<str> = Rc::from(format!("{kind}-{}", self.next_peer.get()));
            let pair = Rc::new(Pair::default());
            let end = End::new(channel.port1(), pair.clone(), 0, self.run.clone());
            *end.op.borrow_mut() = Some(IoOp::begin_in(
                &run,
                executor::current().and_then(|(_, t)| t),
                IoKind::Channel,
                Rc::from(format!("connection {peer} to {}", self.name)),
            ));
            let protocol: Rc<RefCell<Box<dyn Protocol>>> = Rc::new(RefCell::new((self.factory)()));
            let transport = Transport {
                end: end.clone(),
                peer,
            };
            {
                let protocol = protocol.clone();
                let weak_run = self.run.clone();
                end.listen(move |kind, text| {
                    // An `eof` closes the end, and closing schedules `connection_lost`.
                    let Some(run) = weak_run.upgrade().filter(|r| r.is_running()) else {
                        return;
                    };
                    if kind != "data" {
                        return;
                    }
                    let protocol = protocol.clone();
                    run.add_callback(
                        Box::new(move || protocol.borrow_mut().data_received(&text)),
                        None,
                        0,
                        None,
                    );
                });
            }
            {
                let protocol = protocol.clone();
                let weak_run = self.run.clone();
                *end.on_close.borrow_mut() = Some(Box::new(move || {
                    if let Some(run) = weak_run.upgrade().filter(|r| r.is_running()) {
                        run.add_callback(
                            Box::new(move || protocol.borrow_mut().connection_lost()),
                            None,
                            0,
                            None,
                        );
                    }
                }));
            }
            run.add_callback(
                Box::new(move || protocol.borrow_mut().connection_made(transport)),
                None,
                0,
                None,
            );
            // When the client leaves, the server's end closes and releases its record.
            self.connections.borrow_mut().push(end);
            Ok((channel.port2(), pair))
        }
    }

    impl Drop for Server {
        fn drop(&mut self) {
            self.inner.close();
        }
    }

    /// The names of the servers accepting connections now.
    pub fn listening() -> Vec<Rc<str>> {
        SERVERS.with(|s| {
            s.borrow()
                .iter()
                .filter(|(_, w)| w.upgrade().is_some_and(|s| !s.closed.get()))
                .map(|(name, _)| name.clone())
                .collect()
        })
    }

    fn find(name: &str) -> Result<Rc<ServerInner>, Error> {
        SERVERS
            .with(|s| s.borrow().get(name).and_then(Weak::upgrade))
            .filter(|s| !s.closed.get())
            .ok_or_else(|| {
                Error::raised(format!(
                    "ConnectionRefusedError: no server called {name} is running"
                ))
            })
    }

    /// Reads what the server wrote: `reader.readline()`.
    pub struct Reader {
        queue: Queue<Option<String>>,
        eof: bool,
        _end: Rc<End>,
    }

    /// Writes to the server: `writer.write(...)`, `writer.close()`.
    pub struct Writer {
        end: Rc<End>,
    }

    /// `await asyncio.open_connection(...)`: connects a task to the server called `name`.
    pub async fn open_connection(name: &str) -> Result<(Reader, Writer), Error> {
        let server = find(name)?;
        let (port, pair) = server.accept("client")?;
        // Connecting takes a turn of the loop, so the server's `connection_made` runs first.
        super::super::sleep(0.0).await?;
        let end = End::new(port, pair, 1, server.run.clone());
        let queue: Queue<Option<String>> = Queue::new(0);
        {
            let queue = queue.clone();
            end.listen(move |kind, text| {
                let _ = queue.put_nowait(if kind == "eof" { None } else { Some(text) });
            });
        }
        {
            // Closing the connection from this side ends its reading too, as a socket's: a
            // read waiting (or made later) gets the end.
            let queue = queue.clone();
            *end.on_close.borrow_mut() = Some(Box::new(move || {
                let _ = queue.put_nowait(None);
            }));
        }
        Ok((
            Reader {
                queue,
                eof: false,
                _end: end.clone(),
            },
            Writer { end },
        ))
    }

    impl Reader {
        /// The next message from the server; `None` once it closed the connection.
        pub async fn readline(&mut self) -> Result<Option<String>, Error> {
            if self.eof {
                return Ok(None);
            }
            let message = self.queue.get().await?;
            self.eof = message.is_none();
            Ok(message)
        }
    }

    impl Writer {
        /// Sends one message (a command line) to the server.
        pub fn write(&self, data: &str) -> Result<(), Error> {
            check_message(data)?;
            self.end.send("data", data)
        }

        /// Closes the connection: the server's protocol gets `connection_lost`.
        pub fn close(&self) {
            self.end.close();
        }
    }

    impl Drop for Writer {
        fn drop(&mut self) {
            self.end.close();
        }
    }

    /// The page's console: a connection from outside any task, whose replies go to a
    /// callback (the UI appends them to the console).
    pub struct Console {
        end: Rc<End>,
    }

    impl Console {
        /// Connects to the server called `name`; `on_reply` gets every reply and the close.
        pub fn connect(name: &str, on_reply: impl Fn(Reply) + 'static) -> Result<Console, Error> {
            let server = find(name)?;
            let (port, pair) = server.accept("console")?;
            let end = End::new(port, pair, 1, server.run.clone());
            end.listen(move |kind, text| {
                on_reply(if kind == "eof" {
                    Reply::Closed
                } else {
                    Reply::Data(text)
                })
            });
            Ok(Console { end })
        }

        /// Sends a line typed into the console.
        pub fn send(&self, line: &str) -> Result<(), Error> {
            check_message(line)?;
            self.end.send("data", line)
        }

        /// Whether the connection is still open.
        pub fn is_open(&self) -> bool {
            !self.end.closed.get()
        }
    }

    impl Drop for Console {
        fn drop(&mut self) {
            self.end.close();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{Error, Protocol, Reply};

    fn no_browser<T>() -> Result<T, Error> {
        Err(Error::raised("a message channel needs a browser"))
    }

    /// See the browser version.
    pub struct Transport {
        _private: (),
    }
    impl Transport {
        /// See the browser version.
        pub fn write(&self, _data: &str) {}
        /// See the browser version.
        pub fn close(&self) {}
        /// See the browser version.
        pub fn peername(&self) -> &str {
            ""
        }
    }
    /// See the browser version.
    pub struct Server {
        _private: (),
    }
    impl Server {
        /// See the browser version.
        pub fn name(&self) -> &str {
            ""
        }
        /// See the browser version.
        pub fn close(&self) {}
    }
    /// Natively there are no message channels.
    pub async fn create_server(
        _factory: impl Fn() -> Box<dyn Protocol> + 'static,
        _name: &str,
    ) -> Result<Server, Error> {
        no_browser()
    }
    /// See the browser version.
    pub struct Reader {
        _private: (),
    }
    impl Reader {
        /// See the browser version.
        pub async fn readline(&mut self) -> Result<Option<String>, Error> {
            no_browser()
        }
    }
    /// See the browser version.
    pub struct Writer {
        _private: (),
    }
    impl Writer {
        /// See the browser version.
        pub fn write(&self, _data: &str) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub fn close(&self) {}
    }
    /// Natively no server listens.
    pub fn listening() -> Vec<std::rc::Rc<str>> {
        Vec::new()
    }
    /// Natively there are no message channels.
    pub async fn open_connection(_name: &str) -> Result<(Reader, Writer), Error> {
        no_browser()
    }
    /// See the browser version.
    pub struct Console {
        _private: (),
    }
    impl Console {
        /// Natively there are no message channels.
        pub fn connect(_name: &str, _on_reply: impl Fn(Reply) + 'static) -> Result<Console, Error> {
            no_browser()
        }
        /// See the browser version.
        pub fn send(&self, _line: &str) -> Result<(), Error> {
            no_browser()
        }
        /// See the browser version.
        pub fn is_open(&self) -> bool {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_messages_are_refused_with_their_size() {
        assert!(super::check_message("add 5").is_ok());
        let long = "x".repeat(super::MAX_MESSAGE + 1);
        let error = super::check_message(&long).unwrap_err().to_string();
        assert!(error.contains("at most 1000"), "{error}");
    }
}
