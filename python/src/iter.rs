//! The iteration protocols: `iter`, `next`, `aiter`/`anext`, `await`'s awaitables, and the
//! helpers that drain an iterable into a list.

use std::cell::RefCell;
use std::rc::Rc;

use crate::class::lookup_special;
use crate::exceptions::{self, type_error};
use crate::types::{exc_class, type_name, Exc};
use crate::value::*;
use crate::vm::Vm;

fn iter_value(i: Iter) -> Value {
    Value::Iter(Rc::new(RefCell::new(i)))
}

/// `iter(v)`
pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            iter_value(Iter::Seq {
                seq: v.clone(),
                index: 0,
            })
        }
        Value::Range(r) => iter_value(Iter::Range {
            next: r.start,
            stop: r.stop,
            step: r.step,
        }),
        Value::Dict(d) => iter_value(Iter::Keys {
            items: d.borrow().keys(),
            index: 0,
        }),
        Value::Set(s) => iter_value(Iter::Keys {
            items: s.borrow().members(),
            index: 0,
        }),
        Value::FrozenSet(s) => iter_value(Iter::Keys {
            items: s.members(),
            index: 0,
        }),
        Value::Iter(_) => v.clone(),
        Value::Generator(g) if g.kind == GenKind::Generator => v.clone(),
        Value::Instance(_) => {
            if let Some(f) = lookup_special(v, "__iter__") {
                let it = vm.call_bound(&f, v, Args::default())?;
                let ok = match &it {
                    Value::Iter(_) => true,
                    Value::Generator(g) => g.kind == GenKind::Generator,
                    other => lookup_special(other, "__next__").is_some(),
                };
                if !ok {
                    return Err(type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        type_name(&it)
                    )));
                }
                return Ok(it);
            }
            if lookup_special(v, "__getitem__").is_some() {
                return Ok(iter_value(Iter::GetItem {
                    obj: v.clone(),
                    index: 0,
                }));
            }
            return Err(not_iterable(v));
        }
        Value::Host(h) if h.iter(vm).is_some() => return h.iter(vm).unwrap_or(Ok(Value::None)),
        Value::Host(_) => match crate::attr::get_attr(vm, v, "__iter__") {
            Ok(f) => vm.call(&f, Args::default())?,
            Err(_) => return Err(not_iterable(v)),
        },
        _ => return Err(not_iterable(v)),
    })
}

fn not_iterable(v: &Value) -> Exception {
    type_error(format!("'{}' object is not iterable", type_name(v)))
}

/// The next value of a built-in iterator.
pub fn next_builtin(vm: &mut Vm, it: &Rc<RefCell<Iter>>) -> PyResult<Option<Value>> {
    let mut state = it.borrow_mut();
    match &mut *state {
        Iter::Seq { seq, index } => {
            let i = *index;
            let v = match seq {
                Value::List(l) => l.borrow().get(i).cloned(),
                Value::Tuple(t) => t.get(i).cloned(),
                Value::Str(s) => {
                    // Walk by characters: `index` counts bytes for strings.
                    let rest = &s[i.min(s.len())..];
                    match rest.chars().next() {
                        Some(c) => {
                            *index += c.len_utf8();
                            return Ok(Some(Value::str(c.encode_utf8(&mut [0u8; 4]))));
                        }
                        None => None,
                    }
                }
                Value::Bytes(b) => b.get(i).map(|x| Value::Int(*x as i64)),
                _ => None,
            };
            *index += 1;
            if v.is_none() {
                *state = Iter::Exhausted;
            }
            Ok(v)
        }
        Iter::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next += *step;
                Ok(Some(Value::Int(v)))
            } else {
                Ok(None)
            }
        }
        Iter::Keys { items, index } => {
            let v = items.get(*index).cloned();
            *index += 1;
            Ok(v)
        }
        Iter::Reversed { seq, index } => {
            if *index == 0 {
                return Ok(None);
            }
            *index -= 1;
            let i = *index;
            Ok(match seq {
                Value::List(l) => l.borrow().get(i).cloned(),
                Value::Tuple(t) => t.get(i).cloned(),
                Value::Range(r) => Some(Value::Int(r.start + r.step * i as i64)),
                Value::Str(s) => s
                    .chars()
                    .nth(i)
                    .map(|c| Value::str(c.encode_utf8(&mut [0u8; 4]))),
                _ => None,
            })
        }
        Iter::Count { next, step } => {
            let v = next.clone();
            let n = crate::ops::binary(vm, next, crate::ast::BinOp::Add, step)?;
            *next = n;
            Ok(Some(v))
        }
        Iter::Exhausted => Ok(None),
        _ => {
            // The others call back into Python: release the borrow first.
            let taken = std::mem::replace(&mut *state, Iter::Exhausted);
            drop(state);
            let (result, back) = next_calling(vm, taken);
            *it.borrow_mut() = back;
            result
        }
    }
}

/// The iterators whose step runs program code (a `map` function, a nested iterator).
fn next_calling(vm: &mut Vm, state: Iter) -> (PyResult<Option<Value>>, Iter) {
    match state {
        Iter::Enumerate { iter, count } => match vm.next(&iter) {
            Ok(Some(v)) => {
                let next = crate::int::add(&count, &Value::Int(1)).unwrap_or(Value::Int(0));
                (
                    Ok(Some(Value::tuple(vec![count, v]))),
                    Iter::Enumerate { iter, count: next },
                )
            }
            other => (other, Iter::Exhausted),
        },
        Iter::Zip { iters } => {
            let mut out = Vec::with_capacity(iters.len());
            for it in &iters {
                match vm.next(it) {
                    Ok(Some(v)) => out.push(v),
                    Ok(None) => return (Ok(None), Iter::Exhausted),
                    Err(e) => return (Err(e), Iter::Exhausted),
                }
            }
            if iters.is_empty() {
                return (Ok(None), Iter::Exhausted);
            }
            (Ok(Some(Value::tuple(out))), Iter::Zip { iters })
        }
        Iter::Map { func, iters } => {
            let mut args = Vec::with_capacity(iters.len());
            for it in &iters {
                match vm.next(it) {
                    Ok(Some(v)) => args.push(v),
                    Ok(None) => return (Ok(None), Iter::Exhausted),
                    Err(e) => return (Err(e), Iter::Exhausted),
                }
            }
            let r = vm.call(&func, Args::new(args));
            match r {
                Ok(v) => (Ok(Some(v)), Iter::Map { func, iters }),
                Err(e) => (Err(e), Iter::Map { func, iters }),
            }
        }
        Iter::Filter { func, iter } => loop {
            match vm.next(&iter) {
                Ok(Some(v)) => {
                    let keep = if func.is_none() {
                        crate::ops::truthy(vm, &v)
                    } else {
                        vm.call1(&func, v.clone())
                            .and_then(|r| crate::ops::truthy(vm, &r))
                    };
                    match keep {
                        Ok(true) => return (Ok(Some(v)), Iter::Filter { func, iter }),
                        Ok(false) => {}
                        Err(e) => return (Err(e), Iter::Filter { func, iter }),
                    }
                }
                other => return (other, Iter::Exhausted),
            }
        },
        Iter::GetItem { obj, index } => match crate::ops::get_item(vm, &obj, &Value::Int(index)) {
            Ok(v) => (
                Ok(Some(v)),
                Iter::GetItem {
                    obj,
                    index: index + 1,
                },
            ),
            Err(e) if e.is(&exc_class(Exc::IndexError)) || e.is(&exc_class(Exc::StopIteration)) => {
                (Ok(None), Iter::Exhausted)
            }
            Err(e) => (Err(e), Iter::Exhausted),
        },
        other => (Ok(None), other),
    }
}

/// Every value of an iterable.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok(t.to_vec()),
        _ => {}
    }
    let it = get_iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
        if out.len() > 50_000_000 {
            return Err(exceptions::new(Exc::MemoryError, ""));
        }
    }
    Ok(out)
}

/// `a, b = v`: exactly `n` values, with CPython's errors.
pub fn unpack(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        _ => {
            let it = get_iter(vm, v).map_err(|_| {
                type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(v)
                ))
            })?;
            let mut out = Vec::with_capacity(n);
            while let Some(x) = vm.next(&it)? {
                out.push(x);
                if out.len() > n {
                    return Err(exceptions::value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
            }
            out
        }
    };
    if items.len() > n {
        return Err(exceptions::value_error(format!(
            "too many values to unpack (expected {n})"
        )));
    }
    if items.len() < n {
        return Err(exceptions::value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    Ok(items)
}

/// The (key, value) pairs of a mapping (`**m`, `dict.update(m)`), or of an iterable of pairs.
pub fn mapping_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::Dict(d) => Ok(d.borrow().items()),
        Value::Instance(_) if lookup_special(v, "keys").is_some() => {
            let keys = crate::attr::get_attr(vm, v, "keys")?;
            let keys = vm.call(&keys, Args::default())?;
            let mut out = Vec::new();
            for k in collect(vm, &keys)? {
                let val = crate::ops::get_item(vm, v, &k)?;
                out.push((k, val));
            }
            Ok(out)
        }
        _ => {
            let items = collect(vm, v)
                .map_err(|_| type_error(format!("'{}' object is not a mapping", type_name(v))))?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let pair = collect(vm, item).map_err(|_| {
                    type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(exceptions::value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                out.push((pair[0].clone(), pair[1].clone()));
            }
            Ok(out)
        }
    }
}

/// What `await v` waits on: a coroutine, a host awaitable, or what `__await__` returns.
pub fn get_awaitable(vm: &mut Vm, v: &Value) -> PyResult {
    match v {
        Value::Generator(g) if g.kind == GenKind::Coroutine => {
            g.awaited.set(true);
            if g.state.get() == GenState::Running {
                return Err(exceptions::runtime_error(
                    "coroutine is being awaited already",
                ));
            }
            Ok(v.clone())
        }
        Value::Host(h) if h.awaitable() => Ok(iter_value(Iter::HostAwait {
            obj: v.clone(),
            yielded: false,
        })),
        Value::Iter(i) if matches!(*i.borrow(), Iter::HostAwait { .. } | Iter::ASend { .. }) => {
            Ok(v.clone())
        }
        Value::Instance(_) => match lookup_special(v, "__await__") {
            Some(f) => {
                let it = vm.call_bound(&f, v, Args::default())?;
                match &it {
                    Value::Generator(g) if g.kind == GenKind::Coroutine => {
                        Err(type_error("__await__() returned a coroutine"))
                    }
                    Value::Generator(_) | Value::Iter(_) => Ok(it),
                    other if lookup_special(other, "__next__").is_some() => Ok(it),
                    other => Err(type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        type_name(other)
                    ))),
                }
            }
            None => Err(not_awaitable(v)),
        },
        _ => Err(not_awaitable(v)),
    }
}

fn not_awaitable(v: &Value) -> Exception {
    type_error(format!(
        "object {} can't be used in 'await' expression",
        type_name(v)
    ))
}

/// `aiter(v)`: the async iterator of an `async for`.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult {
    match v {
        Value::Generator(g) if g.kind == GenKind::AsyncGenerator => Ok(v.clone()),
        Value::Instance(_) | Value::Host(_) => match special(vm, v, "__aiter__") {
            Some(f) => vm.call(&f, Args::default()),
            None => Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                type_name(v)
            ))),
        },
        _ => Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(v)
        ))),
    }
}

fn special(vm: &mut Vm, v: &Value, name: &str) -> Option<Value> {
    crate::attr::special_method(vm, v, name).ok()
}

/// `anext(it)`: the awaitable of the next value of an async iterator.
pub fn anext(vm: &mut Vm, it: &Value) -> PyResult {
    match it {
        Value::Generator(g) if g.kind == GenKind::AsyncGenerator => Ok(crate::generator::asend(g, Value::None)),
        _ => match special(vm, it, "__anext__") {
            Some(f) => vm.call(&f, Args::default()),
            None => Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                type_name(it)
            ))),
        },
    }
}
