//! The differential corpus, for the programs that need no event loop: each `tests/cases/*.py`
//! runs under CPython (on the harness's virtual clock) and here, and the transcripts must be
//! the same. The asyncio programs run through Loopscope's own runtime, in the main crate's tests.

use std::cell::{Cell, RefCell};
use std::path::Path;
use std::process::Command;
use std::rc::Rc;

use python::{Host, PyResult, Vm};

/// A host with a virtual clock that writes the harness's transcript.
#[derive(Default)]
struct Transcript {
    lines: RefCell<Vec<String>>,
    pending: RefCell<String>,
    now: Cell<f64>,
}

impl Transcript {
    fn stamp(&self) -> i64 {
        (self.now.get() * 1000.0).round() as i64
    }
    fn finish(&self) {
        let rest = std::mem::take(&mut *self.pending.borrow_mut());
        if !rest.is_empty() {
            let line = format!("[{}] {rest}", self.stamp());
            self.lines.borrow_mut().push(line);
        }
    }
}

impl Host for Transcript {
    fn write(&self, text: &str, _line: u32) {
        let mut pending = self.pending.borrow_mut();
        pending.push_str(text);
        while let Some(i) = pending.find('\n') {
            let line: String = pending.drain(..=i).collect();
            let stamped = format!("[{}] {}", self.stamp(), &line[..line.len() - 1]);
            self.lines.borrow_mut().push(stamped);
        }
    }
    fn write_err(&self, text: &str) {
        for line in text.lines() {
            let stamped = format!("[{}] !stderr: {line}", self.stamp());
            self.lines.borrow_mut().push(stamped);
        }
    }
    fn time(&self) -> f64 {
        self.now.get()
    }
    fn sleep_blocking(&self, secs: f64) {
        self.now.set(self.now.get() + secs);
    }
    fn import(&self, _vm: &mut Vm, _name: &str) -> Option<PyResult> {
        None
    }
    /// The files a program writes live in its VM's own copy only.
    fn write_file(&self, _path: &str, _bytes: &[u8], _truncate: bool) -> Result<(), String> {
        Ok(())
    }
}

fn run(source: &str) -> String {
    let host = Rc::new(Transcript::default());
    let mut out = String::new();
    match python::compile(source) {
        Err(e) => out.push_str(&e.display(source, "main.py")),
        Ok(code) => {
            let mut vm = Vm::new(host.clone());
            let result = vm.run_main(code);
            host.finish();
            for line in host.lines.borrow().iter() {
                out.push_str(line);
                out.push('\n');
            }
            if let Err(e) = result {
                out.push_str(&python::traceback::format(&mut vm, &e, "main.py"));
            }
        }
    }
    out
}

fn cpython(path: &Path) -> String {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/harness/vtime.py");
    let out = Command::new("python3")
        .arg(harness)
        .arg(path)
        .output()
        .expect("python3 runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The programs known to differ, with why: the list the runtime-backed test in the main crate
/// reads too (`tests/known-differences.txt`).
fn known() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-differences.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn programs_without_a_loop_print_what_cpython_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let only = std::env::var("CASE").ok();
    let mut failures = Vec::new();
    let known = known();
    let mut passed = 0;
    let mut known_seen = 0;
    for path in paths {
        let source = std::fs::read_to_string(&path).expect("read");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if source.contains("asyncio") || name.starts_with("lib_") {
            continue;
        }
        if let Some(o) = &only {
            if !name.contains(o.as_str()) {
                continue;
            }
        }
        let src = source.clone();
        let ours = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || run(&src))
            .expect("thread")
            .join();
        let ours = match ours {
            Ok(t) => t,
            Err(_) => "<panicked>\n".to_string(),
        };
        let theirs = cpython(&path);
        let known = known.iter().any(|k| format!("{k}.py") == name);
        match (ours == theirs, known) {
            (true, false) => passed += 1,
            (true, true) => failures.push(format!(
                "--- {name}: listed as a known difference but now passes"
            )),
            (false, true) => known_seen += 1,
            (false, false) => failures.push(format!(
                "--- {name}\n=== CPython:\n{theirs}=== Loopscope:\n{ours}"
            )),
        }
    }
    let n = failures.len();
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!("{passed} passed, {known_seen} known differences, {n} failed");
    assert!(failures.is_empty(), "{n} programs differ from CPython");
}
