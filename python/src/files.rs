//! `open()`: a file the host has (its read-only folder, or a file kept from before the
//! program), read as text or bytes, or a file the program writes, kept by the host (the
//! page's private file system). What the program wrote
//! is read back from the VM's own copy ([`Vm::written`]), so a file written and then opened
//! again reads what was written, as in Python, without waiting on the host.

use std::rc::Rc;

use crate::exceptions::{self, type_error, value_error};
use crate::types::{exc_class, type_name, Exc};
use crate::value::*;
use crate::vm::Vm;

/// `open(file, mode='r', encoding=None)`. Modes `r`, `w` and `a`, text or binary; `x` and `+`
/// are a missing feature, said as such. A name that is neither written by the program nor a
/// file the host has is `FileNotFoundError`.
pub fn open(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let name = match args.get(0, "file") {
        Some(Value::Str(name)) => name.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_name(other)
            )))
        }
        None => {
            return Err(type_error(
                "open() missing required argument 'file' (pos 1)",
            ))
        }
    };
    let mode = match args.get(1, "mode") {
        None => Rc::from("r"),
        Some(Value::Str(mode)) => mode.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "open() argument 'mode' must be str, not {}",
                type_name(other)
            )))
        }
    };
    // CPython's checks, in its order, with its messages.
    let twice = mode.char_indices().any(|(i, c)| mode[i + 1..].contains(c));
    if mode.chars().any(|c| !"rwaxbt+".contains(c)) || twice {
        return Err(value_error(format!("invalid mode: '{mode}'")));
    }
    if mode.contains('b') && mode.contains('t') {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if mode.chars().filter(|c| "rwax".contains(*c)).count() != 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if mode.contains(['x', '+']) {
        return Err(exceptions::unsupported(&format!(
            "open() with mode '{mode}' (a file is opened to read, to write ('w') or to append ('a'))"
        )));
    }
    let encoding = args.get(2, "encoding").cloned().unwrap_or(Value::None);
    if mode.contains('b') && !encoding.is_none() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if mode.contains(['w', 'a']) {
        return open_to_write(vm, name, mode, encoding);
    }
    let data = match written(vm, &name) {
        Some(data) => Rc::from(data.as_slice()),
        None => match vm.host.read_file(&name) {
            Some(data) => data,
            None => {
                return Err(os_error(
                    vm,
                    vec![
                        Value::Int(2),
                        Value::str("No such file or directory"),
                        Value::Str(name),
                    ],
                ))
            }
        },
    };
    let files = vm.import("_files")?;
    let opened = crate::attr::get_attr(vm, &files, "opened")?;
    vm.call(
        &opened,
        Args::new(vec![
            Value::Str(name),
            Value::Str(mode),
            Value::Bytes(data),
            encoding,
        ]),
    )
}

/// What the program wrote to `name`.
fn written<'a>(vm: &'a Vm, name: &str) -> Option<&'a Vec<u8>> {
    vm.written
        .iter()
        .find(|(n, _)| &**n == name)
        .map(|(_, data)| data)
}

/// `open(name, "w")` (emptied, made if missing) or `open(name, "a")`: the host keeps the file,
/// and `_files`' writer hands each `write` to [`write_to`].
fn open_to_write(vm: &mut Vm, name: Str, mode: Str, encoding: Value) -> PyResult {
    let truncate = mode.contains('w');
    if let Err(message) = vm.host.write_file(&name, &[], truncate) {
        return Err(os_error(vm, vec![Value::str(&message)]));
    }
    match vm.written.iter_mut().find(|(n, _)| *n == name) {
        Some((_, data)) if truncate => data.clear(),
        Some(_) => {}
        None => {
            // Appended to, the file goes on from what it held before the program.
            let before = match truncate {
                true => None,
                false => vm.host.read_file(&name),
            };
            let data = before.map(|data| data.to_vec()).unwrap_or_default();
            vm.written.push((name.clone(), data));
        }
    }
    let write = Value::Builtin(Rc::new(Builtin {
        name: "write",
        func: write_to,
        this: Some(Value::Str(name.clone())),
    }));
    let files = vm.import("_files")?;
    let writer = crate::attr::get_attr(vm, &files, "writer")?;
    vm.call(
        &writer,
        Args::new(vec![Value::Str(name), Value::Str(mode), write, encoding]),
    )
}

/// Appends the bytes a file's `write` was given to the file named by `this`.
fn write_to(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let (Some(Value::Str(name)), Some(Value::Bytes(bytes))) = (this, args.pos.first()) else {
        return Err(type_error("a bytes-like object is required"));
    };
    if let Err(message) = vm.host.write_file(name, bytes, false) {
        return Err(os_error(vm, vec![Value::str(&message)]));
    }
    if let Some((_, data)) = vm.written.iter_mut().find(|(n, _)| n == name) {
        data.extend_from_slice(bytes);
    }
    Ok(Value::None)
}

/// `OSError(*args)`, as raised (`OSError(2, ...)` is its `FileNotFoundError`).
fn os_error(vm: &mut Vm, args: Vec<Value>) -> Exception {
    let class = Value::Class(exc_class(Exc::OSError));
    match vm.call(&class, Args::new(args)) {
        Ok(error) => crate::class::make_exception(vm, &error).unwrap_or_else(|e| e),
        Err(e) => e,
    }
}
