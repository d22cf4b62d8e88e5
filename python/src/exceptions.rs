//! Making exceptions: the errors the interpreter raises itself, with CPython's texts.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::types::{exc_class, Exc};
use crate::value::{Class, ExcState, Exception, Instance, Value};

/// An instance of an exception class with the given arguments.
pub fn instantiate(class: &Rc<Class>, args: Vec<Value>) -> Exception {
    Exception(Rc::new(Instance {
        class: class.clone(),
        dict: RefCell::new(Dict::new()),
        exc: Some(RefCell::new(ExcState {
            args,
            ..ExcState::default()
        })),
    }))
}

/// A built-in exception with one message argument.
pub fn new(kind: Exc, msg: impl Into<String>) -> Exception {
    instantiate(&exc_class(kind), vec![Value::str(&msg.into())])
}

pub fn type_error(msg: impl Into<String>) -> Exception {
    new(Exc::TypeError, msg)
}

pub fn value_error(msg: impl Into<String>) -> Exception {
    new(Exc::ValueError, msg)
}

pub fn attribute_error(msg: impl Into<String>) -> Exception {
    new(Exc::AttributeError, msg)
}

pub fn index_error(msg: impl Into<String>) -> Exception {
    new(Exc::IndexError, msg)
}

pub fn key_error(key: Value) -> Exception {
    instantiate(&exc_class(Exc::KeyError), vec![key])
}

pub fn zero_division(msg: impl Into<String>) -> Exception {
    new(Exc::ZeroDivisionError, msg)
}

pub fn runtime_error(msg: impl Into<String>) -> Exception {
    new(Exc::RuntimeError, msg)
}

pub fn overflow_error(msg: impl Into<String>) -> Exception {
    new(Exc::OverflowError, msg)
}

pub fn name_error(name: &str) -> Exception {
    new(Exc::NameError, format!("name '{name}' is not defined"))
}

/// `StopIteration(value)`: what a generator's `return value` raises to its caller.
pub fn stop_iteration(value: Value) -> Exception {
    let args = if value.is_none() {
        Vec::new()
    } else {
        vec![value]
    };
    instantiate(&exc_class(Exc::StopIteration), args)
}

/// Python's own word for a feature the interpreter does not have: it names the feature, so a
/// program never gets a wrong result instead.
pub fn unsupported(feature: &str) -> Exception {
    new(
        Exc::NotImplementedError,
        format!("{feature} is not supported by Loopscope's Python"),
    )
}
