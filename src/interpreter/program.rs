//! The program's module body, run as CPython runs it: outside the event loop. It runs to its
//! end, or until it hands the loop control (`asyncio.run(main())`, `loop.run_until_complete`,
//! `loop.run_forever()`); the loop then runs until what it was given is done, or until
//! `loop.stop()`, and the module body goes on from there. So module-level code is no task (it
//! prints on the loop's lane, and `asyncio.create_task` there raises "no running event loop"),
//! `asyncio.run`'s coroutine is `Task-1`, and tasks left when it returns are cancelled, as
//! `asyncio.run` does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use python::value::Generator;
use python::{Exception, Exit, PyResult, Resume, Value, Vm};

use crate::runtime::{self, ConcurrentFuture, Error, Task};

use super::asyncio::{self, Blocking};
use super::drive::{self, to_exception, to_runtime_error};
use super::Outcome;

/// The module body and what it writes to.
pub(super) struct Program {
    pub vm: Rc<RefCell<Vm>>,
    pub body: Rc<Generator>,
    pub outcome: Rc<Outcome>,
}

impl Program {
    /// Steps the module body with `how`, until it hands the loop control or ends.
    pub fn resume(self: Rc<Self>, how: Resume) {
        let step = {
            let mut vm = self.vm.borrow_mut();
            let step = vm.resume(&self.body, how);
            vm.flush_warnings();
            step
        };
        let blocking = match step {
            Ok(Exit::Return(_)) => return self.end(Ok(())),
            Err(e) => return self.end(Err(e)),
            Ok(Exit::Yield(v)) => asyncio::blocking(&v),
        };
        let handed = match blocking {
            Some(Blocking::Run(task)) => self.clone().run_until(task, true),
            Some(Blocking::UntilComplete(task)) => self.clone().run_until(task, false),
            Some(Blocking::Forever) => {
                let program = self.clone();
                runtime::run_forever_then(move || program.resume(Resume::Send(Value::None)))
            }
            Some(Blocking::Until(future)) => {
                future.add_done_callback(|_| {
                    let _ = runtime::stop();
                });
                let program = self.clone();
                runtime::run_forever_then(move || {
                    let how = match future.result() {
                        Ok(v) => Resume::Send(v),
                        Err(Error::InvalidState(_)) => {
                            Resume::Throw(python::exceptions::runtime_error(
                                "Event loop stopped before Future completed.",
                            ))
                        }
                        Err(e) => Resume::Throw(to_exception(&e, None)),
                    };
                    program.resume(how)
                })
            }
            Some(Blocking::Jobs(jobs)) => {
                let program = self.clone();
                until_ended(&jobs, move || program.resume(Resume::Send(Value::None)))
            }
            None => Err(Error::raised("the program yielded outside a coroutine")),
        };
        if let Err(e) = handed {
            self.resume(Resume::Throw(to_exception(&e, None)));
        }
    }

    /// `loop.run_until_complete(task)`, and `asyncio.run` when `shutdown` (which then cancels
    /// the tasks left and waits for them, as `asyncio.Runner.close` does): the loop runs until
    /// `task` is done, then the module body goes on with its result.
    fn run_until(self: Rc<Self>, task: Task<Value>, shutdown: bool) -> Result<(), Error> {
        // `_run_until_complete_cb`: the task's end stops the loop.
        task.add_done_callback(|_| {
            let _ = runtime::stop();
        });
        runtime::run_forever_then(move || {
            if shutdown {
                self.shut_down(task);
            } else {
                self.returned(&task);
            }
        })
    }

    /// `asyncio.run`'s end: what is left is cancelled, and the loop runs until it has ended.
    fn shut_down(self: Rc<Self>, main: Task<Value>) {
        let left: Vec<Task<Value>> = drive::unfinished_tasks();
        if left.is_empty() {
            return self.after_run(&main);
        }
        let waiting = Rc::new(Cell::new(left.len()));
        for task in &left {
            task.cancel();
            let waiting = waiting.clone();
            task.add_done_callback(move |_| {
                waiting.set(waiting.get() - 1);
                if waiting.get() == 0 {
                    let _ = runtime::stop();
                }
            });
        }
        let handed = runtime::run_forever_then(move || self.after_run(&main));
        debug_assert!(handed.is_ok(), "called from the loop's own stop");
    }

    fn after_run(self: Rc<Self>, main: &Task<Value>) {
        // The tasks `asyncio.run` makes as it closes (`shutdown_asyncgens`,
        // `shutdown_default_executor`) take the next two names.
        runtime::use_up_task_names(2);
        super::event_loop::close_run_loop();
        self.returned(main);
    }

    /// Goes on with the module body, with what `task` gave (or the error of a loop stopped
    /// before it was done).
    fn returned(self: Rc<Self>, task: &Task<Value>) {
        let how = if !task.done() {
            Resume::Throw(python::exceptions::runtime_error(
                "Event loop stopped before Future completed.",
            ))
        } else {
            match task.result() {
                Ok(v) => Resume::Send(v),
                Err(e) => Resume::Throw(to_exception(&e, Some(task.id()))),
            }
        };
        self.resume(how);
    }

    /// The module body returned or raised: the run ends with it, once the jobs it handed to
    /// pools have ended (CPython's interpreter waits for the pools' threads as it exits; their
    /// prints and done callbacks come meanwhile) and its files are written.
    fn end(self: Rc<Self>, result: PyResult<()>) {
        let jobs = super::executor::jobs_in_flight(None);
        let program = self.clone();
        let handed = if !jobs.is_empty() {
            until_ended(&jobs, move || program.end(result))
        } else if super::files::when_written(|| {
            let _ = runtime::stop();
        }) {
            runtime::run_forever_then(move || program.finish(result))
        } else {
            return self.finish(result);
        };
        debug_assert!(handed.is_ok(), "a program runs inside its run");
    }

    /// The run ends with the module body's outcome.
    fn finish(&self, result: PyResult<()>) {
        self.vm.borrow().flush_warnings();
        self.outcome.finish();
        let outcome = result.map_err(|e: Exception| {
            let mut vm = self.vm.borrow_mut();
            let text = python::traceback::format(&mut vm, &e, "main.py");
            *self.outcome.traceback.borrow_mut() = Some(text);
            to_runtime_error(&mut vm, &e)
        });
        let ended = runtime::end_program(outcome);
        debug_assert!(ended.is_ok(), "a program runs inside its run");
    }
}

/// Hands the loop control until every one of `jobs` has ended, then calls `then`.
fn until_ended(jobs: &[ConcurrentFuture], then: impl FnOnce() + 'static) -> Result<(), Error> {
    let waiting = Rc::new(Cell::new(jobs.len()));
    for job in jobs {
        let waiting = waiting.clone();
        job.add_done_callback(move |_| {
            waiting.set(waiting.get() - 1);
            if waiting.get() == 0 {
                let _ = runtime::stop();
            }
        });
    }
    runtime::run_forever_then(then)
}
