//! Web Workers started before a pool asks for them, so a job starts when it is submitted.
//!
//! CPython starts a pool thread in well under a millisecond; a browser takes 3-6 ms of the
//! page's time per `new Worker` and, on a loaded machine, hundreds of milliseconds before the
//! worker's thread runs its first line. Started on submission, a fifth worker can print its
//! "downloading 4" after the ticker's 500 ms tick, an order the lesson never shows. So the page
//! asks for the workers a lesson will use when it opens the lesson ([`warm_up`]), each started
//! in a host task of its own; a pool takes them as jobs arrive, and gives back the ones that
//! are idle when it ends (a worker busy at Stop is terminated mid-job, and replaced).
//!
//! A spare is *ready* once its thread has answered a ping: `new Worker` returns at once, and
//! the thread may not run for hundreds of milliseconds more, so only an answer says a job
//! handed to it starts at once ([`ready`]; the browser tests wait for it before they time a
//! lesson on the real clock).
//!
//! Every worker runs the same program, from one blob URL made once per page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::super::host::{self, HostTimer};
use super::super::io::js;
use super::{Error, MAX_WORKERS};

/// The worker's whole program: perform a job's steps, report prints, and end by sending back
/// the value the job returns.
/// A step is a number or a URL: a negative number `-(i+1)` means "print step i", any other
/// is a number of milliseconds to block for, and a URL is a blocking GET (a synchronous
/// `XMLHttpRequest`, allowed in a worker) whose `[status, body]` the job returns when the
/// page sent no value of its own.
///
/// Blocking sleeps as `time.sleep` does: the thread waits in `Atomics.wait` and uses no core,
/// so five sleeping workers on a two-core machine leave the page's own thread alone. The wait
/// needs shared memory; a browser that gives none without cross-origin isolation gets the old
/// way, a thread spinning until the time is up (as busy, and as long, but using a core).
const WORKER_SOURCE: &str = "let cell = null;\
    try {\
        cell = new Int32Array(new WebAssembly.Memory({initial: 1, maximum: 1, shared: true}).buffer);\
        Atomics.wait(cell, 0, 0, 0);\
    } catch (e) { cell = null; }\
    const block = (ms) => {\
        const end = performance.now() + ms;\
        for (let left = ms; left > 0; left = end - performance.now()) {\
            if (cell) { Atomics.wait(cell, 0, 0, left); }\
        }\
    };\
    onmessage = (e) => {\
    if (e.data === 'ping') { postMessage('ready'); return; }\
    const job = e.data[0], steps = e.data[1], value = e.data[2];\
    let got = null;\
    for (let i = 0; i < steps.length; i++) {\
        const s = steps[i];\
        if (typeof s === 'string') {\
            try {\
                const x = new XMLHttpRequest();\
                x.open('GET', s, false);\
                x.responseType = 'arraybuffer';\
                x.send();\
                got = [x.status, x.response];\
            } catch (err) {\
                postMessage([job, -2, String((err && err.message) || err)]);\
                return;\
            }\
            continue;\
        }\
        if (s < 0) { postMessage([job, i]); continue; }\
        block(s);\
    }\
    postMessage([job, -1, value === undefined ? got : value]);\
};";

/// A worker started, not in any pool.
struct Spare {
    worker: web_sys::Worker,
    /// Set when its thread has answered the ping it was sent.
    ready: Rc<Cell<bool>>,
    /// What sets `ready`: the worker's message handler until a pool takes it.
    _on_ready: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Spare {
    /// Pings `worker` and waits, in its message handler, for the answer.
    fn new(worker: web_sys::Worker) -> Spare {
        let ready = Rc::new(Cell::new(false));
        let answered = Rc::clone(&ready);
        let on_ready =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| answered.set(true));
        worker.set_onmessage(Some(on_ready.as_ref().unchecked_ref()));
        // A message sent before the thread runs waits for it: the answer comes once it does.
        let _ = worker.post_message(&JsValue::from_str("ping"));
        Spare {
            worker,
            ready,
            _on_ready: on_ready,
        }
    }

    /// The worker, for a pool (which sets its own message handler).
    fn into_worker(self) -> web_sys::Worker {
        self.worker.set_onmessage(None);
        self.worker
    }
}

#[derive(Default)]
struct Spares {
    /// The program's blob URL, made at the first worker and kept for the page's lifetime.
    url: Option<String>,
    /// Started, not in any pool.
    idle: Vec<Spare>,
    /// How many the open lesson will use.
    wanted: usize,
    /// The host task that will start the next spare, if one is due.
    starting: Option<HostTimer>,
}

thread_local! {
    static SPARES: RefCell<Spares> = RefCell::new(Spares::default());
}

/// Keep `workers` spare workers ready (at most [`MAX_WORKERS`]): more are started one per host
/// task, extra idle ones are terminated.
pub fn warm_up(workers: usize) {
    SPARES.with(|spares| {
        let mut spares = spares.borrow_mut();
        spares.wanted = workers.min(MAX_WORKERS);
        while spares.idle.len() > spares.wanted {
            if let Some(spare) = spares.idle.pop() {
                spare.into_worker().terminate();
            }
        }
        schedule(&mut spares);
    });
}

/// Spare workers whose threads run: a job handed to one starts at once.
pub fn ready() -> usize {
    SPARES.with(|spares| {
        spares
            .borrow()
            .idle
            .iter()
            .filter(|s| s.ready.get())
            .count()
    })
}

/// Spare workers started, ready or not: taking one costs the page nothing.
pub fn stocked() -> usize {
    SPARES.with(|spares| spares.borrow().idle.len())
}

/// A spare worker (a ready one first), or a new one if there is none.
pub fn take() -> Result<web_sys::Worker, Error> {
    SPARES.with(|spares| {
        let mut spares = spares.borrow_mut();
        let ready = spares.idle.iter().rposition(|s| s.ready.get());
        match ready.or_else(|| spares.idle.len().checked_sub(1)) {
            Some(at) => Ok(spares.idle.remove(at).into_worker()),
            None => start(&mut spares),
        }
    })
}

/// A pool's idle worker, back for the next pool (terminated if no more are wanted); then the
/// stock is brought back to what the lesson wants.
pub fn give_back(worker: web_sys::Worker) {
    SPARES.with(|spares| {
        let mut spares = spares.borrow_mut();
        if spares.idle.len() < spares.wanted {
            spares.idle.push(Spare::new(worker));
        } else {
            worker.terminate();
        }
    });
}

/// Starts the missing spares again (after a pool that had to terminate busy workers).
pub fn refill() {
    SPARES.with(|spares| schedule(&mut spares.borrow_mut()));
}

fn schedule(spares: &mut Spares) {
    if spares.idle.len() < spares.wanted && spares.starting.is_none() {
        spares.starting = Some(host::set_timer(0.0, start_one));
    }
}

/// One host task: one more spare, then the next task if more are wanted. A browser that
/// refuses workers stops the warm-up; a pool then reports the reason itself.
fn start_one() {
    let fired = SPARES.with(|spares| {
        let mut spares = spares.borrow_mut();
        let fired = spares.starting.take();
        match start(&mut spares) {
            Ok(worker) => {
                spares.idle.push(Spare::new(worker));
                schedule(&mut spares);
            }
            Err(_) => spares.wanted = spares.idle.len(),
        }
        fired
    });
    // This callback's own timer, dropped once it is done.
    drop(fired);
}

fn start(spares: &mut Spares) -> Result<web_sys::Worker, Error> {
    let url = match &spares.url {
        Some(url) => url.clone(),
        None => {
            let url = program_url()?;
            spares.url = Some(url.clone());
            url
        }
    };
    web_sys::Worker::new(&url)
        .map_err(|e| Error::raised(format!("could not start a Web Worker: {}", js::message(&e))))
}

fn program_url() -> Result<String, Error> {
    let parts: js_sys::Array = std::iter::once(JsValue::from_str(WORKER_SOURCE)).collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| Error::raised(js::message(&e)))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| Error::raised(js::message(&e)))
}
