//! Programs the learner writes, run by the Python interpreter (the `loopscope-python` crate) on
//! Loopscope's own runtime.
//!
//! The interpreter knows nothing of the page: its coroutines, when stepped, hand over what they
//! wait on, and this module waits on it with the runtime's own futures (`asyncio.sleep` is the
//! runtime's sleep, `create_task` the runtime's task), so the Trace, timeline and internals
//! of an interpreted program are those of a lesson, with the Python line of each print.

pub mod aiohttp;
mod aiohttp_web;
mod asgi;
mod asyncio;
mod drive;
mod event_loop;
mod executor;
mod fastapi;
mod files;
mod gevent;
mod greenlets;
pub mod http_client;
mod httpx;
pub mod libraries;
pub mod load;
mod mail;
mod objects;
mod policy;
mod program;
mod requests;
mod sql;
mod starlette;
mod storage;
mod streams;
mod sync;
mod threads;
mod web_parts;
mod websockets;

use std::cell::RefCell;
use std::rc::Rc;

use python::{Host, PyResult, Vm};

use crate::lang::Lang;
use crate::runtime::{self, Clock, Run};

pub use python::SyntaxError;

/// What a program wrote, as CPython's differential harness writes it: `[ms] line` for standard
/// output, `[ms] !stderr: line` for standard error, then the traceback of an uncaught exception.
#[derive(Default)]
pub struct Outcome {
    lines: RefCell<Vec<String>>,
    pending: RefCell<String>,
    traceback: RefCell<Option<String>>,
}

impl Outcome {
    /// Every line so far, the traceback last.
    pub fn transcript(&self) -> String {
        let mut out = String::new();
        for line in self.lines.borrow().iter() {
            out.push_str(line);
            out.push('\n');
        }
        if let Some(tb) = &*self.traceback.borrow() {
            out.push_str(tb);
        }
        out
    }

    /// The traceback of the exception that ended the program, if one did.
    pub fn traceback(&self) -> Option<String> {
        self.traceback.borrow().clone()
    }

    fn now_ms() -> u64 {
        runtime::time_ms().unwrap_or(0)
    }

    /// What the program or the interpreter wrote to standard error.
    fn write_err(&self, text: &str) {
        for line in text.lines() {
            self.lines
                .borrow_mut()
                .push(format!("[{}] !stderr: {line}", Self::now_ms()));
        }
    }

    fn finish(&self) {
        let rest = std::mem::take(&mut *self.pending.borrow_mut());
        if !rest.is_empty() {
            runtime::print_line(0, 0, rest.clone());
            self.lines
                .borrow_mut()
                .push(format!("[{}] {rest}", Self::now_ms()));
        }
    }
}

/// The interpreter's window on the page: output becomes the runtime's prints, the clock is the
/// run's clock, `time.sleep` blocks the loop.
struct PageHost {
    outcome: Rc<Outcome>,
    /// When the current step began, in the page's milliseconds.
    step_started: std::cell::Cell<f64>,
}

/// How long one step may run without awaiting before the program is stopped: the page would
/// not answer meanwhile (a `while True: pass`).
pub const STEP_BUDGET_MS: f64 = 3000.0;

impl Host for PageHost {
    fn write(&self, text: &str, line: u32) {
        if executor::record_write(text, line) {
            return;
        }
        let mut pending = self.outcome.pending.borrow_mut();
        pending.push_str(text);
        while let Some(i) = pending.find('\n') {
            let full: String = pending.drain(..=i).collect();
            let full = full[..full.len() - 1].to_string();
            self.outcome
                .lines
                .borrow_mut()
                .push(format!("[{}] {full}", Outcome::now_ms()));
            runtime::print_line(line, 0, full);
        }
    }

    fn write_err(&self, text: &str) {
        self.outcome.write_err(text);
    }

    fn time(&self) -> f64 {
        runtime::loop_time().unwrap_or(0.0) + executor::recorded_sleep()
    }

    fn sleep_blocking(&self, secs: f64) {
        if !executor::record_sleep(secs) {
            runtime::block_loop(secs);
        }
    }

    fn import(&self, vm: &mut Vm, name: &str) -> Option<PyResult> {
        asyncio::import(vm, name)
            .or_else(|| executor::import(vm, name))
            .or_else(|| policy::import(vm, name))
            .or_else(|| match libraries::loaded() {
                Some(libraries) => (libraries.import)(vm, name),
                // The page fetches them before it starts a program that imports them.
                None if libraries::provides(name) => Some(Err(python::exceptions::runtime_error(
                    "the Python libraries have not arrived",
                ))),
                None => None,
            })
    }

    fn begin_step(&self) {
        self.step_started.set(runtime::host::now_ms());
    }

    /// `open(path)` reads a file of the page's private file system (the one its writes and
    /// aiofile's go to: an earlier run's, or this run's), or else of the servers' folder, as
    /// the web lessons' applications do.
    fn read_file(&self, path: &str) -> Option<Rc<[u8]>> {
        runtime::storage::kept_file(path)
            .map(Rc::from)
            .or_else(|| runtime::web::files::read(path).ok().map(Rc::from))
    }

    /// A file the program writes is kept in the page's private file system (see
    /// [`files`]); a write the file system refuses later is said on standard error.
    fn write_file(&self, path: &str, bytes: &[u8], truncate: bool) -> Result<(), String> {
        let (outcome, name) = (self.outcome.clone(), path.to_string());
        files::write(path, bytes, truncate, move |error| {
            outcome.write_err(&format!("OSError: writing {name}: {error}"));
        })
        .map_err(|e| e.to_string())
    }

    fn check_budget(&self, line: u32) -> Result<(), String> {
        let spent = runtime::host::now_ms() - self.step_started.get();
        if spent > STEP_BUDGET_MS {
            return Err(format!(
                "stopped: the code at line {line} ran {} s without awaiting, so nothing else could run (the page would freeze)",
                (spent / 1000.0).round()
            ));
        }
        Ok(())
    }
}

/// A started program (its run and what it writes), or why it does not compile.
pub type Started = Result<(Run, Rc<Outcome>), SyntaxError>;

/// Whether `source` compiles (the editor marks the error before any run). The page calls it
/// through [`load`], which fetches the interpreter first where it is not in the first download.
pub fn check(source: &str) -> Result<(), SyntaxError> {
    python::compile(source).map(|_| ())
}

/// Compiles `source` and starts it on `clock`; the program's output goes to the run's Trace and
/// to the returned [`Outcome`]. The page calls it through [`load`].
pub fn start(source: &str, clock: Clock, lang: Lang) -> Started {
    let code = python::compile(source)?;
    let outcome = Rc::new(Outcome::default());
    let shared = outcome.clone();
    // Module-level code runs outside the loop, as in CPython: the run is the loop, which the
    // module body hands control to when it calls `asyncio.run` (see `program`).
    let run = Run::forever_in(clock, lang, move || {
        let host = Rc::new(PageHost {
            outcome: shared.clone(),
            step_started: std::cell::Cell::new(runtime::host::now_ms()),
        });
        // CPython's recursion limit holds in the page too: `.cargo/config.toml` gives the wasm
        // a stack deep enough for it (tests/interpreter.rs recurses to it in both browsers).
        let vm = Rc::new(RefCell::new(Vm::new(host)));
        asyncio::attach(&vm);
        let body = vm.borrow_mut().main_generator(code);
        let program = Rc::new(program::Program {
            vm,
            body,
            outcome: shared,
        });
        program.resume(python::Resume::Send(python::Value::None));
        Ok(())
    });
    Ok((run, outcome))
}
