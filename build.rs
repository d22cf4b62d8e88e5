//! Build-time syntax highlighting of every lesson listing (Python and Rust) with syntect, the
//! highlighter of `bat` and many editors, using its bundled Sublime Text grammars.
//!
//! For each listing it writes a table of token spans (line, byte range, class) into
//! `$OUT_DIR/highlight.rs`, keyed by a hash of the listing's text. The page looks a listing up by
//! the same hash and wraps each token in a `<span class="tok-…">`; a listing without a table
//! (or a line changed by a knob) is shown plain.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};

#[path = "src/course/listing_lang.rs"]
#[allow(dead_code)]
mod listing_lang;

const END_OF_LISTING: &str = "// ---- end of listing ----";

/// FNV-1a, 64-bit: the same function as `ui::highlight::key`.
fn key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The token class of the innermost scope that has one (see style/main.css `.tok-*`).
fn class(stack: &ScopeStack) -> Option<u8> {
    for scope in stack.as_slice().iter().rev() {
        let name = scope.build_string();
        let found = if name.starts_with("comment") {
            Some(b'c')
        } else if name.starts_with("string") {
            Some(b's')
        } else if name.starts_with("constant.numeric") || name.starts_with("constant.language") {
            Some(b'n')
        } else if name.starts_with("keyword")
            || name.starts_with("storage.modifier")
            || (name.starts_with("storage.type") && !name.contains("numeric"))
        {
            Some(b'k')
        } else if name.starts_with("support.macro") || name.contains("macro") {
            Some(b'm')
        } else if name.starts_with("entity.name.function")
            || name.starts_with("support.function")
            || name.starts_with("variable.function")
        {
            Some(b'f')
        } else if name.starts_with("entity.name")
            || name.starts_with("support.type")
            || name.starts_with("support.class")
        {
            Some(b't')
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Token spans of one listing: (line index, start byte, end byte, class).
fn spans(syntaxes: &SyntaxSet, extension: &str, text: &str) -> Vec<(u32, u32, u32, u8)> {
    let syntax = syntaxes
        .find_syntax_by_extension(extension)
        .unwrap_or_else(|| panic!("syntect has no grammar for .{extension}"));
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let with_newline = format!("{line}\n");
        let ops = state
            .parse_line(&with_newline, syntaxes)
            .expect("listing parses");
        let mut at = 0;
        let push = |from: usize, to: usize, stack: &ScopeStack, out: &mut Vec<_>| {
            let to = to.min(line.len());
            if from < to {
                if let Some(class) = class(stack) {
                    out.push((index as u32, from as u32, to as u32, class));
                }
            }
        };
        for (position, op) in ops {
            push(at, position, &stack, &mut out);
            stack.apply(&op).expect("scope stack");
            at = position;
        }
        push(at, line.len(), &stack, &mut out);
    }
    // Merge neighbours of the same class on the same line.
    let mut merged: Vec<(u32, u32, u32, u8)> = Vec::new();
    for span in out {
        match merged.last_mut() {
            Some(last) if last.0 == span.0 && last.2 == span.1 && last.3 == span.3 => {
                last.2 = span.2
            }
            _ => merged.push(span),
        }
    }
    merged
}

fn listings(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/course")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            listings(&path, found);
        } else if path.extension().is_some_and(|e| e == "py" || e == "rs")
            && path.file_name().is_some_and(|n| n != "mod.rs")
        {
            found.push(path);
        }
    }
}

fn main() {
    let course = Path::new("src/course");
    println!("cargo::rerun-if-changed=src/course");
    let syntaxes = SyntaxSet::load_defaults_newlines();
    let mut found = Vec::new();
    for chapter in std::fs::read_dir(course).expect("src/course").flatten() {
        if chapter.path().is_dir() {
            listings(&chapter.path(), &mut found);
        }
    }
    found.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let listings_dir = out_dir.join("listings");
    let mut code = String::from(
        "/// Token spans of every lesson listing, by hash of its text: (line, start, end, class).\n\
         pub static TABLES: &[(u64, &[Span])] = &[\n",
    );
    for path in found {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("listing");
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let listing = match (extension, text.find(END_OF_LISTING)) {
            ("rs", Some(end)) => text[..end].trim_end().to_string(),
            ("rs", None) => continue, // not a lesson (a helper module)
            _ => text.clone(),
        };
        let shown = if extension == "rs" {
            // The Rust listings the page shows, one per language: the lesson file up to the
            // end marker (so the lesson's record is not compiled in a second time), with each
            // pair of words reduced to that language's.
            // The page carries the file once, with both languages' words, and reduces it
            // to one language when it shows it (`course::RustFile`).
            let relative = path.strip_prefix(course).expect("under src/course");
            let target = listings_dir.join(relative);
            std::fs::create_dir_all(target.parent().expect("a parent")).expect("listings dir");
            std::fs::write(&target, &listing).expect("write listing");
            let mut both = Vec::new();
            for second in [false, true] {
                let one = listing_lang::one_language(&listing, second)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                both.push(one);
            }
            both
        } else {
            vec![listing]
        };
        for listing in shown {
            let spans = spans(&syntaxes, extension, &listing);
            let _ = write!(code, "    ({}, &[", key(&listing));
            for (line, start, end, class) in spans {
                let _ = write!(code, "({line},{start},{end},{class}),");
            }
            code.push_str("]),\n");
        }
    }
    code.push_str("];\n");
    let out = out_dir.join("highlight.rs");
    std::fs::write(out, code).expect("write highlight.rs");
}
