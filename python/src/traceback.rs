//! The text of an uncaught exception, as CPython prints it: the chain of causes and contexts,
//! each with its frames outermost first and its `Type: message` line.

use crate::ops;
use crate::value::{Exception, Value};
use crate::vm::Vm;

/// One exception of a chain, ready to print.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// `(function, line)` outermost first; the line is the listing's.
    pub frames: Vec<(String, u32)>,
    /// `ValueError: boom`
    pub summary: String,
    /// How this one leads to the next one printed after it, if any.
    pub link: Option<&'static str>,
}

pub const CAUSE: &str = "The above exception was the direct cause of the following exception:";
pub const CONTEXT: &str = "During handling of the above exception, another exception occurred:";

/// `Type: message` (just `Type` when the message is empty).
pub fn summary(vm: &mut Vm, exc: &Exception) -> String {
    let class = exc.class();
    // Exceptions of other modules than builtins and the program are named with their module.
    let name = match &*class.module {
        "builtins" | "__main__" => class.name.to_string(),
        module => format!("{module}.{}", class.name),
    };
    let message = ops::str_of(vm, &exc.value()).unwrap_or_default();
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}

/// The reports of an exception and those it was raised from, in the order CPython prints them.
pub fn reports(vm: &mut Vm, exc: &Exception) -> Vec<Report> {
    let mut chain: Vec<(Exception, Option<&'static str>)> = Vec::new();
    let mut current = Some(exc.clone());
    let mut link = None;
    while let Some(e) = current.take() {
        if chain
            .iter()
            .any(|(seen, _)| std::rc::Rc::ptr_eq(&seen.0, &e.0))
            || chain.len() > 50
        {
            break;
        }
        chain.push((e.clone(), link));
        let state = e.state();
        let (next, how) = match (&state.cause, &state.context) {
            (Some(Value::Instance(c)), _) => (Some(Exception(c.clone())), Some(CAUSE)),
            (None, Some(Value::Instance(c))) if !state.suppress_context => {
                (Some(Exception(c.clone())), Some(CONTEXT))
            }
            _ => (None, None),
        };
        drop(state);
        current = next;
        link = how;
    }
    chain
        .into_iter()
        .rev()
        .map(|(e, link)| {
            let frames = e
                .state()
                .traceback
                .iter()
                .rev()
                .map(|t| (t.name.to_string(), t.line))
                .collect();
            Report {
                frames,
                summary: summary(vm, &e),
                link,
            }
        })
        .collect()
}

/// The whole text without source lines (the form the differential tests compare).
pub fn format(vm: &mut Vm, exc: &Exception, file: &str) -> String {
    let mut out = String::new();
    for r in reports(vm, exc) {
        if !r.frames.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut previous: Option<&(String, u32)> = None;
            let mut repeats = 0;
            for frame in &r.frames {
                if previous == Some(frame) {
                    repeats += 1;
                    if repeats >= 3 {
                        continue;
                    }
                } else {
                    flush_repeats(&mut out, repeats);
                    repeats = 0;
                }
                previous = Some(frame);
                out.push_str(&format!(
                    "  File \"{file}\", line {}, in {}\n",
                    frame.1, frame.0
                ));
            }
            flush_repeats(&mut out, repeats);
        }
        out.push_str(&r.summary);
        out.push('\n');
        if let Some(link) = r.link {
            out.push('\n');
            out.push_str(link);
            out.push_str("\n\n");
        }
    }
    out
}

/// CPython prints a frame repeated more than three times once per time for three, then counts.
fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let more = repeats - 2;
        let s = if more == 1 { "" } else { "s" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}
