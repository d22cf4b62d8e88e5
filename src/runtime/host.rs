//! What the runtime needs from its host: a clock, a way to be called back soon, timers, and
//! whether the page is hidden (a hidden page's timers are throttled).
//!
//! In the browser (wasm32) these are the real things: `performance.now()`, a microtask
//! (`Promise.then`) to run ready tasks, a `MessageChannel` macrotask to yield to the browser so
//! it can paint (about 10 µs, where a chained `setTimeout(0)` is clamped to 4 ms), and
//! `setTimeout` through gloo-timers, and `document.hidden` with its `visibilitychange`
//! event. Natively there is no browser loop, so [`run_until_idle`]
//! plays its part; that is what lets `cargo test` run every lesson on the virtual clock.

/// How soon the runtime wants to be called back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tick {
    /// In this turn's microtask queue: nothing else runs in between.
    Micro,
    /// In a new macrotask: the browser may paint and handle input first.
    Macro,
}

#[cfg(target_arch = "wasm32")]
pub use browser::now_ms;
#[cfg(target_arch = "wasm32")]
pub(crate) use browser::{page_hidden, request_tick, set_timer, HostTimer};

#[cfg(not(target_arch = "wasm32"))]
pub use native::{now_ms, run_for, run_until_idle, set_page_hidden};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use native::{page_hidden, request_tick, set_timer, HostTimer};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::Tick;
    use gloo_timers::callback::Timeout;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The browser objects the runtime calls, made once per page and kept for its lifetime.
    struct Browser {
        performance: Option<web_sys::Performance>,
        resolved: js_sys::Promise,
        on_micro: Closure<dyn FnMut(JsValue)>,
        port: Option<web_sys::MessagePort>,
        document: Option<web_sys::Document>,
        // Kept alive with the channel and the document: dropping them would detach the
        // handlers.
        _receiver: Option<web_sys::MessagePort>,
        _on_macro: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_visibility: Closure<dyn FnMut()>,
    }

    impl Browser {
        fn new() -> Self {
            let performance = web_sys::window().and_then(|w| w.performance());
            let on_micro = Closure::<dyn FnMut(JsValue)>::new(|_| crate::runtime::executor::tick());
            let on_macro = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|_| {
                crate::runtime::executor::tick()
            });
            let (port, receiver) = match web_sys::MessageChannel::new() {
                Ok(channel) => {
                    let receiver = channel.port1();
                    receiver.set_onmessage(Some(on_macro.as_ref().unchecked_ref()));
                    (Some(channel.port2()), Some(receiver))
                }
                Err(_) => (None, None),
            };
            // Workers have no document: their pages are never hidden.
            let document = web_sys::window().and_then(|w| w.document());
            let on_visibility = Closure::<dyn FnMut()>::new(|| {
                crate::runtime::executor::page_visibility_changed(page_hidden())
            });
            if let Some(document) = &document {
                let _ = document.add_event_listener_with_callback(
                    "visibilitychange",
                    on_visibility.as_ref().unchecked_ref(),
                );
            }
            Browser {
                performance,
                resolved: js_sys::Promise::resolve(&JsValue::UNDEFINED),
                on_micro,
                port,
                document,
                _receiver: receiver,
                _on_macro: on_macro,
                _on_visibility: on_visibility,
            }
        }
    }

    thread_local! {
        static BROWSER: Browser = Browser::new();
    }

    /// Milliseconds from the page's time origin (`performance.now()`).
    pub fn now_ms() -> f64 {
        BROWSER.with(|b| match &b.performance {
            Some(p) => p.now(),
            None => js_sys::Date::now(),
        })
    }

    /// Whether the page is hidden now (`document.hidden`): another tab in front, the window
    /// minimised.
    pub(crate) fn page_hidden() -> bool {
        BROWSER.with(|b| b.document.as_ref().is_some_and(|d| d.hidden()))
    }

    pub(crate) fn request_tick(kind: Tick) {
        BROWSER.with(|b| {
            let posted = kind == Tick::Macro
                && b.port
                    .as_ref()
                    .is_some_and(|port| port.post_message(&JsValue::UNDEFINED).is_ok());
            if !posted {
                let _ = b.resolved.then(&b.on_micro);
            }
        });
    }

    /// A pending `setTimeout`; dropping it clears the timeout.
    #[must_use = "the timeout is cleared when this is dropped"]
    pub(crate) struct HostTimer(#[allow(dead_code)] Timeout);

    pub(crate) fn set_timer(delay_ms: f64, callback: impl FnOnce() + 'static) -> HostTimer {
        // setTimeout takes whole milliseconds; round up so a timer never fires before its due
        // time (the runtime re-arms if the browser still calls it a little early).
        let delay = if delay_ms.is_finite() && delay_ms > 0.0 {
            delay_ms.ceil().min(i32::MAX as f64) as u32
        } else {
            0
        };
        HostTimer(Timeout::new(delay, callback))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::Tick;
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::time::{Duration, Instant};

    #[derive(Default)]
    struct NativeHost {
        tick_requested: bool,
        next_timer: u64,
        timers: BTreeMap<(u64, u64), Box<dyn FnOnce()>>,
    }

    thread_local! {
        static HOST: RefCell<NativeHost> = RefCell::default();
        static ORIGIN: Instant = Instant::now();
        static HIDDEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Whether the (played) page is hidden: see [`set_page_hidden`].
    pub(crate) fn page_hidden() -> bool {
        HIDDEN.with(std::cell::Cell::get)
    }

    /// Plays the browser's `visibilitychange`: the page becomes hidden or visible, and the
    /// runtime hears it as it does in the browser.
    pub fn set_page_hidden(hidden: bool) {
        if HIDDEN.with(|h| h.replace(hidden)) != hidden {
            crate::runtime::executor::page_visibility_changed(hidden);
        }
    }

    /// Milliseconds since this thread first asked for the time.
    pub fn now_ms() -> f64 {
        ORIGIN.with(|origin| origin.elapsed().as_secs_f64() * 1000.0)
    }

    pub(crate) fn request_tick(_kind: Tick) {
        HOST.with(|h| h.borrow_mut().tick_requested = true);
    }

    /// A pending native timer; dropping it removes it.
    #[must_use = "the timer is removed when this is dropped"]
    pub(crate) struct HostTimer {
        key: (u64, u64),
    }

    impl Drop for HostTimer {
        fn drop(&mut self) {
            // Take the callback out first and drop it after the borrow ends: it may own
            // things whose own drop touches the host again. A run still alive when its thread
            // ends (a failed test) outlives the host's timers: nothing is left to remove then.
            let removed = HOST.try_with(|h| h.borrow_mut().timers.remove(&self.key));
            drop(removed);
        }
    }

    pub(crate) fn set_timer(delay_ms: f64, callback: impl FnOnce() + 'static) -> HostTimer {
        let delay_us = if delay_ms.is_finite() && delay_ms > 0.0 {
            (delay_ms * 1000.0) as u64
        } else {
            0
        };
        let due_us = (now_ms() * 1000.0) as u64 + delay_us;
        HOST.with(|h| {
            let mut h = h.borrow_mut();
            h.next_timer += 1;
            let key = (due_us, h.next_timer);
            h.timers.insert(key, Box::new(callback));
            HostTimer { key }
        })
    }

    /// Plays the browser's loop natively: runs requested ticks, then due timers (sleeping the
    /// thread until the next one), until nothing is left to do.
    pub fn run_until_idle() {
        run_for(Duration::MAX);
    }

    /// [`run_until_idle`], but for at most `limit` of wall time (a test of a run that might
    /// never end, such as a timer that keeps re-arming, fails instead of hanging).
    pub fn run_for(limit: Duration) {
        let started = std::time::Instant::now();
        loop {
            let tick = HOST.with(|h| std::mem::take(&mut h.borrow_mut().tick_requested));
            if tick {
                crate::runtime::executor::tick();
                continue;
            }
            let next = HOST.with(|h| h.borrow().timers.keys().next().copied());
            let Some(key) = next else { break };
            let now_us = (now_ms() * 1000.0) as u64;
            if key.0 > now_us {
                let wait = Duration::from_micros(key.0 - now_us);
                let left = limit.saturating_sub(started.elapsed());
                if wait > left {
                    std::thread::sleep(left);
                    break;
                }
                std::thread::sleep(wait);
            }
            let callback = HOST.with(|h| h.borrow_mut().timers.remove(&key));
            if let Some(callback) = callback {
                callback();
            }
        }
    }
}
