//! Event loop policies as interpreted programs see them: `asyncio.DefaultEventLoopPolicy()`,
//! `asyncio.set_event_loop_policy` / `get_event_loop_policy`, and `uvloop`
//! (`uvloop.EventLoopPolicy()`, `uvloop.install()`, `uvloop.run()`).
//!
//! A policy chooses the loop implementation the program's next steps run on: the runtime's
//! own loop, or its second one, where every ready callback waits for a `setTimeout(0)` of its
//! own (the `swap-loop` lesson's mapping). A page has no uvloop, a loop written in C on
//! libuv: `uvloop`'s policy gives that second loop, so swapping it in changes how fast the same
//! code runs, as the lesson teaches, but here it makes the code slower, not faster. The loop
//! internals panel names the loop that runs.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use python::value::HostObject;
use python::{Args, PyResult, Value, Vm};

use super::drive::to_exception;
use super::objects::{function, method, module, this};
use crate::runtime::{self, LoopKind};

/// A policy object: which loop implementation it makes.
struct Policy {
    kind: LoopKind,
}

thread_local! {
    /// The policy `set_event_loop_policy` was last given (`None`: the default, made on demand).
    static CHOSEN: RefCell<Option<Rc<dyn HostObject>>> = const { RefCell::new(None) };
}

/// A new program starts on the default policy.
pub(super) fn forget() {
    CHOSEN.with(|c| c.borrow_mut().take());
}

fn policy(kind: LoopKind) -> Value {
    Value::Host(Rc::new(Policy { kind }))
}

impl HostObject for Policy {
    fn type_name(&self) -> &str {
        match self.kind {
            LoopKind::Asyncio => "_UnixDefaultEventLoopPolicy",
            LoopKind::SetTimeout => "EventLoopPolicy",
        }
    }
    fn get_attr(&self, _vm: &mut Vm, this: &Rc<dyn HostObject>, name: &str) -> Option<PyResult> {
        Some(match name {
            "new_event_loop" => method("new_event_loop", policy_new_event_loop, this),
            "get_event_loop" => method("get_event_loop", policy_get_event_loop, this),
            _ => return None,
        })
    }
    fn repr(&self, _vm: &mut Vm) -> PyResult<String> {
        // Where the object lives, as CPython writes an object's address.
        let at = self as *const Policy as usize;
        Ok(match self.kind {
            LoopKind::Asyncio => {
                format!("<asyncio.unix_events._UnixDefaultEventLoopPolicy object at {at:#x}>")
            }
            LoopKind::SetTimeout => format!("<uvloop.EventLoopPolicy object at {at:#x}>"),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `asyncio.DefaultEventLoopPolicy()`.
pub(super) fn default_policy(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(policy(LoopKind::Asyncio))
}

/// `uvloop.EventLoopPolicy()`: the page's second loop (see the module doc).
fn uvloop_policy(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(policy(LoopKind::SetTimeout))
}

/// Runs the program's next steps on `kind`'s loop.
fn choose(kind: LoopKind) -> PyResult<()> {
    runtime::set_event_loop_policy(kind).map_err(|e| to_exception(&e, None))
}

/// `asyncio.set_event_loop_policy(policy)`; `None` puts the default back.
pub(super) fn set_event_loop_policy(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let chosen = match args.pos.first() {
        None => {
            return Err(python::exceptions::type_error(
                "set_event_loop_policy() missing 1 required positional argument: 'policy'",
            ))
        }
        Some(Value::None) => None,
        Some(Value::Host(h)) if h.as_any().is::<Policy>() => Some(h.clone()),
        Some(other) => {
            return Err(python::exceptions::type_error(format!(
                "policy must be an instance of AbstractEventLoopPolicy or None, not '{}'",
                python::types::type_name(other)
            )))
        }
    };
    let kind = chosen
        .as_ref()
        .and_then(|h| h.as_any().downcast_ref::<Policy>())
        .map_or(LoopKind::Asyncio, |p| p.kind);
    choose(kind)?;
    CHOSEN.with(|c| *c.borrow_mut() = chosen);
    Ok(Value::None)
}

/// `asyncio.get_event_loop_policy()`: the one set last, else the default.
pub(super) fn get_event_loop_policy(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    let chosen = CHOSEN.with(|c| c.borrow().clone());
    Ok(chosen.map_or_else(|| policy(LoopKind::Asyncio), Value::Host))
}

fn policy_new_event_loop(vm: &mut Vm, this_: Option<&Value>, args: Args) -> PyResult {
    choose(this::<Policy>(this_)?.kind)?;
    super::event_loop::new_event_loop(vm, None, args)
}

fn policy_get_event_loop(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    super::event_loop::get_event_loop(vm, None, args)
}

/// `uvloop.install()`: `set_event_loop_policy(uvloop.EventLoopPolicy())`.
fn uvloop_install(vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    let chosen = policy(LoopKind::SetTimeout);
    set_event_loop_policy(vm, None, Args::new(vec![chosen]))
}

/// `uvloop.new_event_loop()`: a loop of uvloop's kind.
fn uvloop_new_event_loop(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    choose(LoopKind::SetTimeout)?;
    super::event_loop::new_event_loop(vm, None, args)
}

/// `uvloop.run(main())`: `asyncio.run` on uvloop's loop.
fn uvloop_run(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    choose(LoopKind::SetTimeout)?;
    super::asyncio::run(vm, None, args)
}

/// `import uvloop`.
pub(super) fn import(_vm: &mut Vm, name: &str) -> Option<PyResult> {
    (name == "uvloop").then(|| {
        module(
            name,
            vec![
                (
                    "EventLoopPolicy",
                    function("EventLoopPolicy", uvloop_policy),
                ),
                ("install", function("install", uvloop_install)),
                (
                    "new_event_loop",
                    function("new_event_loop", uvloop_new_event_loop),
                ),
                ("run", function("run", uvloop_run)),
            ],
        )
    })
}
