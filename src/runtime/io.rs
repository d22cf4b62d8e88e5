//! Outside work: what a fetch, a worker job, a storage call or a posted message has in common.
//!
//! Each one is an [`IoOp`]: registered with its run while in flight (so the virtual clock
//! waits for it and the live counters see it), recorded in the Trace when it starts, makes
//! progress and ends, and ended as "cancelled" if its owner drops it first (Stop, a cancelled
//! task). [`IoWait`] is how a task awaits one: it records what the task waits on and turns a
//! cancellation into `Err(Cancelled)` at that await, like every other await point.
//!
//! Natively there is no outside work (no browser), so only the browser build uses this.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::future::Future as StdFuture;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use super::executor::{self, RunInner};
use super::Error;
use crate::trace::{IoId, IoKind, WaitOn};

/// One piece of outside work in flight, owned by whoever waits for it.
pub(crate) struct IoOp {
    run: Weak<RunInner>,
    id: IoId,
    kind: IoKind,
    ended: bool,
}

impl IoOp {
    /// Starts an operation in the running run; `Err(NoRunningLoop)` outside one.
    pub(crate) fn begin(kind: IoKind, label: impl Into<Rc<str>>) -> Result<IoOp, Error> {
        let (run, task) = executor::current().ok_or(Error::NoRunningLoop)?;
        Ok(Self::begin_in(&run, task, kind, label.into()))
    }

    /// Starts an operation in a given run (for work started outside a task step, such as a
    /// message arriving at a pool).
    pub(crate) fn begin_in(
        run: &Rc<RunInner>,
        task: Option<super::TaskId>,
        kind: IoKind,
        label: Rc<str>,
    ) -> IoOp {
        let id = run.begin_io(task, kind, label);
        IoOp {
            run: Rc::downgrade(run),
            id,
            kind,
            ended: false,
        }
    }

    /// Records progress (bytes so far, and the total if known).
    pub(crate) fn progress(&self, done: u64, total: Option<u64>) {
        if let Some(run) = self.run.upgrade() {
            run.io_progress(self.id, done, total);
        }
    }

    /// Records the HTTP status it was answered with.
    pub(crate) fn status(&self, status: u16) {
        if let Some(run) = self.run.upgrade() {
            run.io_status(self.id, status);
        }
    }

    /// Ends it: successfully, or with the error it failed with.
    pub(crate) fn end(mut self, error: Option<&Error>) {
        self.finish(error.map(|e| Rc::from(e.to_string())));
    }

    fn finish(&mut self, error: Option<Rc<str>>) {
        if std::mem::replace(&mut self.ended, true) {
            return;
        }
        if let Some(run) = self.run.upgrade() {
            run.end_io(self.id, error);
        }
    }

    /// A future that awaits `inner` as this operation: see [`IoWait`].
    pub(crate) fn wait<F>(&self, inner: F) -> IoWait<F> {
        IoWait {
            inner,
            on: WaitOn::Io {
                io: self.id,
                kind: self.kind,
            },
            waiting: None,
            holds_clock: true,
        }
    }

    /// Like [`IoOp::wait`], but the await does not hold the virtual clock: for work whose
    /// time in transit something else accounts for (a request to the page's own server,
    /// see `web::transit`).
    pub(crate) fn wait_without_holding<F>(&self, inner: F) -> IoWait<F> {
        let mut wait = self.wait(inner);
        wait.holds_clock = false;
        wait
    }
}

impl Drop for IoOp {
    fn drop(&mut self) {
        self.finish(Some(Rc::from("cancelled")));
    }
}

/// Awaits outside work as a runtime await point: the task is shown waiting on the operation,
/// and a cancellation ends the wait with `Err(Cancelled)` (the caller's drop of the operation
/// then aborts it).
#[must_use = "futures do nothing unless awaited"]
pub(crate) struct IoWait<F> {
    inner: F,
    on: WaitOn,
    /// The run told that this await is outstanding, until it ends or is dropped.
    waiting: Option<Weak<RunInner>>,
    /// Whether the virtual clock holds still while it is outstanding.
    holds_clock: bool,
}

impl<F> IoWait<F> {
    fn stop_waiting(&mut self) {
        if let Some(run) = self.waiting.take().and_then(|w| w.upgrade()) {
            run.io_wait_end();
        }
    }
}

impl<F> Drop for IoWait<F> {
    fn drop(&mut self) {
        self.stop_waiting();
    }
}

impl<F, T> StdFuture for IoWait<F>
where
    F: StdFuture<Output = Result<T, Error>> + Unpin,
{
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if executor::take_cancel() {
            self.stop_waiting();
            return Poll::Ready(Err(Error::Cancelled));
        }
        match Pin::new(&mut self.inner).poll(cx) {
            Poll::Ready(result) => {
                self.stop_waiting();
                Poll::Ready(result)
            }
            Poll::Pending => {
                if self.holds_clock && self.waiting.is_none() {
                    if let Some((run, _)) = executor::current() {
                        run.io_wait_begin();
                        self.waiting = Some(Rc::downgrade(&run));
                    }
                }
                executor::set_wait_reason(self.on.clone());
                Poll::Pending
            }
        }
    }
}

/// The browser side: JavaScript promises as runtime futures, and JavaScript errors as text.
#[cfg(target_arch = "wasm32")]
pub(crate) mod js {
    use std::future::Future as StdFuture;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::Error;

    /// A promise whose rejection becomes an [`Error`] carrying the JavaScript message.
    pub(crate) struct Promise(JsFuture);

    impl Promise {
        pub(crate) fn new(promise: js_sys::Promise) -> Self {
            Promise(JsFuture::from(promise))
        }
    }

    impl StdFuture for Promise {
        type Output = Result<JsValue, Error>;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            Pin::new(&mut self.0)
                .poll(cx)
                .map(|r| r.map_err(|e| Error::raised(message(&e))))
        }
    }

    /// `Name: message` of a thrown JavaScript value (a `DOMException`, a `TypeError`...).
    pub(crate) fn message(value: &JsValue) -> String {
        if let Some(error) = value.dyn_ref::<js_sys::Error>() {
            let name = String::from(error.name());
            let text = String::from(error.message());
            if text.is_empty() {
                name
            } else {
                format!("{name}: {text}")
            }
        } else if let Some(text) = value.as_string() {
            text
        } else {
            "an unknown JavaScript error".to_string()
        }
    }

    /// The `[name, value]` string pairs of an iterable (a `Headers`, an array of pairs), in
    /// order; an entry that is not a pair of strings is skipped.
    pub(crate) fn pairs(iterable: &JsValue) -> Vec<(String, String)> {
        let Ok(Some(entries)) = js_sys::try_iter(iterable) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|entry| {
                let name = js_sys::Reflect::get_u32(&entry, 0).ok()?.as_string()?;
                let value = js_sys::Reflect::get_u32(&entry, 1).ok()?.as_string()?;
                Some((name, value))
            })
            .collect()
    }

    /// `Reflect.get(target, key)`, `undefined` if it throws.
    pub(crate) fn get(target: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Calls `target[method](...args)` and returns what it returned, or the thrown error.
    pub(crate) fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, Error> {
        let function = get(target, method)
            .dyn_into::<js_sys::Function>()
            .map_err(|_| Error::raised(format!("this browser has no {method}()")))?;
        let args: js_sys::Array = args.iter().collect();
        function
            .apply(target, &args)
            .map_err(|e| Error::raised(message(&e)))
    }
}
