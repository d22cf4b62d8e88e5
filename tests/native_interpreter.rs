//! The interpreter on Loopscope's runtime, against CPython: every program of the differential
//! corpus (`python/tests/cases/`, the asyncio ones included) and the code page's starter runs on the virtual clock here and
//! under CPython with the harness's virtual clock, and both must print the same lines at the
//! same milliseconds, with the same traceback.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use loopscope::interpreter;
use loopscope::lang::Lang;
use loopscope::runtime::{host, Clock};

/// The corpus, and the code page's starter programs (`src/course/snippet/`).
fn cases() -> Vec<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("python/tests/cases");
    let mut paths = Vec::new();
    for dir in [
        root.clone(),
        root.join("generated"),
        manifest.join("src/course/snippet"),
    ] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            paths.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "py")),
            );
        }
    }
    paths.sort();
    paths
}

fn ours(source: &str) -> String {
    match interpreter::start(source, Clock::Virtual, Lang::En) {
        Err(e) => e.display(source, "main.py"),
        Ok((run, outcome)) => {
            host::run_until_idle();
            run.stop();
            host::run_until_idle();
            outcome.transcript()
        }
    }
}

/// CPython's transcripts of every case, in one batch (the harness forks per program).
fn theirs(paths: &[PathBuf]) -> PathBuf {
    let out = std::env::temp_dir().join(format!("loopscope-cpython-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&out);
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tests/harness/vtime.py");
    let status = Command::new("python3")
        .arg(harness)
        .arg("--batch")
        .arg(&out)
        .args(paths)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "the CPython harness failed");
    out
}

/// The programs that still differ, one name per line with the reason after `#` (the gaps of the
/// interpreter, listed so the test states them; a listed program that starts agreeing must be
/// taken off the list, so it stays true).
fn known_differences() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tests/known-differences.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_corpus_program_prints_what_cpython_prints_at_the_same_virtual_times() {
    let paths = cases();
    assert!(
        paths.len() >= 300,
        "the corpus has {} programs",
        paths.len()
    );
    let dir = theirs(&paths);
    let only = std::env::var("CASE").ok();
    let known = known_differences();
    let (mut passed, mut failed, mut known_seen, mut fixed) = (
        0,
        Vec::<String>::new(),
        Vec::<String>::new(),
        Vec::<String>::new(),
    );
    for path in &paths {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let source = std::fs::read_to_string(path).expect("read case");
        let expected =
            std::fs::read_to_string(dir.join(format!("{name}.transcript"))).unwrap_or_default();
        // Deep recursion needs the stack a page has (the interpreter stops at 1000 calls).
        let got = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || ours(&source))
            .expect("thread")
            .join()
            .unwrap_or_else(|_| "<panicked>\n".to_string());
        let diff = format!("--- {name}\n=== CPython:\n{expected}=== Loopscope:\n{got}");
        match (got == expected, known.contains(&name)) {
            (true, false) => passed += 1,
            (true, true) => fixed.push(name),
            (false, true) => known_seen.push(diff),
            (false, false) => failed.push(diff),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    for f in &failed {
        eprintln!("{f}");
    }
    let summary = format!(
        "{passed} agree with CPython, {} known differences, {} new differences, {} listed but agreeing now",
        known_seen.len(),
        failed.len(),
        fixed.len()
    );
    eprintln!("{summary}");
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/differential.txt");
    let _ = std::fs::write(
        report,
        format!(
            "{summary}\n{}\n{}\n",
            failed.join("\n"),
            known_seen.join("\n")
        ),
    );
    assert!(
        failed.is_empty(),
        "{} programs differ from CPython",
        failed.len()
    );
    assert!(
        fixed.is_empty(),
        "take these off python/tests/known-differences.txt: {fixed:?}"
    );
}
