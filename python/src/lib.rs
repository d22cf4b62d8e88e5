//! A Python interpreter for the course's listings.
//!
//! The source is parsed (`lexer`, `parser`) into a syntax tree (`ast`), compiled to code objects
//! (`scope`, `compile`, `code`) and run by a virtual machine (`vm`) whose frames can be suspended:
//! a coroutine, when stepped, hands its host what it waits on, and the host's loop does the
//! waiting, as CPython's `Task.__step` does. The host (the page's runtime, or a test) provides
//! `asyncio`, the clock and the output through the `Host` trait.

pub mod ast;
pub mod attr;
pub mod builtins;
mod bytes_methods;
pub mod class;
pub mod code;
pub mod compile;
pub mod dict;
pub mod exceptions;
mod files;
pub mod format;
pub mod generator;
pub mod int;
pub mod iter;
pub mod lexer;
mod math;
pub mod methods;
pub mod modules;
pub mod ops;
pub mod parser;
pub mod random;
pub mod repr;
pub mod scope;
pub mod strings;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

use std::rc::Rc;

pub use value::{Args, Exception, HostObject, PyResult, Value};
pub use vm::{Exit, Host, Resume, Vm};

/// A program Python refuses before running it.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: &'static str,
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 0-based column of the caret.
    pub col: u32,
}

/// Parses and compiles a program.
pub fn compile(source: &str) -> Result<Rc<code::Code>, SyntaxError> {
    let module = parser::parse(source).map_err(|e| SyntaxError {
        kind: e.kind(),
        msg: e.msg.clone(),
        line: e.pos.line,
        col: e.pos.col,
    })?;
    compile::compile_module(&module).map_err(|e| SyntaxError {
        kind: "SyntaxError",
        msg: e.msg,
        line: e.pos.line,
        col: e.pos.col,
    })
}

impl SyntaxError {
    /// `Kind: message`, the error's last line.
    pub fn headline(&self) -> String {
        format!("{}: {}", self.kind, self.msg)
    }

    /// The error as CPython prints it for a file: where, the source line, a caret under the
    /// column, then `Kind: message`.
    pub fn display(&self, source: &str, file: &str) -> String {
        let text = source
            .lines()
            .nth(self.line.saturating_sub(1) as usize)
            .unwrap_or("");
        let trimmed = text.trim_start();
        let caret = (self.col as usize).saturating_sub(text.len() - trimmed.len());
        // CPython points at nothing on a line that should not be indented, or mixes tabs.
        let no_caret = (self.kind == "IndentationError" && self.msg == "unexpected indent")
            || self.kind == "TabError";
        let caret = if no_caret {
            String::new()
        } else {
            format!("    {}^\n", " ".repeat(caret))
        };
        format!(
            "  File \"{file}\", line {}\n    {}\n{caret}{}: {}\n",
            self.line,
            trimmed.trim_end(),
            self.kind,
            self.msg
        )
    }
}
