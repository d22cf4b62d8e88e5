//! Which Python line a Rust line of a lesson stands for, so that every explanation can cite the
//! Python listing the learner reads (the Rust line may follow).
//!
//! A lesson's Rust listing mirrors its Python one in order and in names: `let task1 =
//! create_task(f1(f1_delay))?;` is `task1 = asyncio.create_task(f1())`. Each `print!(py N, …)`
//! says its Python line outright; those are anchors. The lines between are matched by the names
//! they share (identifiers and words of strings, a few keywords of either language aside), in
//! order: the alignment that shares the most, as a longest-common-subsequence over weighted
//! pairs. A line that shares too little with any Python line maps to none, and the words say
//! "Rust line N" only.

use super::Lesson;
use crate::lang::Lang;

/// Below this share of common names (Jaccard), two lines are not the same statement.
const MIN_SIMILARITY: f64 = 0.25;

/// An anchor outweighs any number of name matches.
const ANCHOR: f64 = 1000.0;

/// Names that say nothing about which statement a line is.
const STOP_WORDS: &[&str] = &[
    "let",
    "mut",
    "fn",
    "pub",
    "async",
    "await",
    "def",
    "return",
    "ok",
    "result",
    "i64",
    "u64",
    "f64",
    "usize",
    "as",
    "self",
    "crate",
    "use",
    "import",
    "from",
    "if",
    "else",
    "for",
    "in",
    "while",
    "py",
    "print",
    "asyncio",
    "some",
    "none",
    "true",
    "false",
    "to_string",
    "into",
    "clone",
    "format",
    "new",
    "rc",
    "str",
    "string",
    "vec",
    "unwrap",
    "box",
    "pin",
    "move",
    "with",
    "and",
    "or",
    "not",
    "is",
    "of",
    "the",
    "a",
    "s",
    "ms",
];

/// The code of a line: without its comment (prose, in either language) and without the
/// anchor's own line number.
fn code(line: &str) -> String {
    let line = match (
        line.find("//"),
        line.find(" #"),
        line.trim_start().starts_with('#'),
    ) {
        (_, _, true) => "",
        (Some(at), _, _) | (None, Some(at), _) => &line[..at],
        (None, None, false) => line,
    };
    let marked = ANCHOR_MARKS
        .iter()
        .find_map(|mark| line.find(mark).map(|at| (at, mark.len())));
    match marked {
        Some((at, len)) => {
            let rest = line[at + len..].trim_start_matches(|c: char| c.is_ascii_digit());
            format!("{}print({}", &line[..at], rest.trim_start_matches(','))
        }
        None => line.to_string(),
    }
}

/// The names on a line: identifiers, numbers and words inside strings, lowercased, minus stop
/// words.
fn names(line: &str) -> Vec<String> {
    let mut out: Vec<String> = code(line)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    let union = a.len() + b.len() - common;
    common as f64 / union as f64
}

/// How a Rust line names the Python line of its print: `print!(py N, …)` in a coroutine,
/// `.print(N, …)` in a blocking job's steps.
const ANCHOR_MARKS: [&str; 2] = ["print!(py ", ".print("];

/// The Python line a print on this Rust line names, if any.
fn anchor(line: &str) -> Option<u32> {
    ANCHOR_MARKS.iter().find_map(|mark| {
        let rest = &line[line.find(mark)? + mark.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// For each Rust line (1-based, index 0 unused), the Python line it stands for.
pub fn python_lines(rust: &str, python: &str, use_anchors: bool) -> Vec<Option<u32>> {
    let rust: Vec<&str> = rust.lines().collect();
    let python: Vec<&str> = python.lines().collect();
    let rust_names: Vec<Vec<String>> = rust.iter().map(|l| names(l)).collect();
    let python_names: Vec<Vec<String>> = python.iter().map(|l| names(l)).collect();
    let anchors: Vec<Option<u32>> = rust
        .iter()
        .map(|l| if use_anchors { anchor(l) } else { None })
        .collect();
    let weight = |i: usize, j: usize| -> f64 {
        match anchors[i] {
            Some(py) if py as usize == j + 1 => ANCHOR,
            Some(_) => 0.0,
            None => {
                let s = similarity(&rust_names[i], &python_names[j]);
                if s >= MIN_SIMILARITY {
                    s
                } else {
                    0.0
                }
            }
        }
    };
    let (n, m) = (rust.len(), python.len());
    // best[i][j]: the best total aligning the first i Rust lines with the first j Python ones.
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let pair = weight(i - 1, j - 1);
            let paired = if pair > 0.0 {
                best[i - 1][j - 1] + pair
            } else {
                f64::MIN
            };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(paired);
        }
    }
    let mut map = vec![None; n + 1];
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let pair = weight(i - 1, j - 1);
        if pair > 0.0 && best[i][j] == best[i - 1][j - 1] + pair {
            map[i] = Some(j as u32);
            i -= 1;
            j -= 1;
        } else if best[i][j] == best[i - 1][j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    map
}

/// The Python line that Rust line `rust_line` of `lesson` stands for, if one does. Both
/// languages' listings have the same lines (a test holds every lesson to it), so the English
/// ones align both.
pub fn python_line(lesson: &Lesson, rust_line: u32) -> Option<u32> {
    python_lines(lesson.rust_listing(Lang::En), lesson.python(Lang::En), true)
        .get(rust_line as usize)
        .copied()
        .flatten()
}

/// The coroutine the run's first task runs, as the Python listing writes it: `main()` for
/// `asyncio.run(main())` (the Rust side passes it boxed, with no name of its own).
pub fn main_coroutine(lesson: &Lesson) -> Option<String> {
    let code = lesson
        .python(Lang::En)
        .lines()
        .rev()
        .map(code)
        .find(|l| l.contains("asyncio.run(") || l.contains("run_until_complete("))?;
    let after = code
        .split_once(".run(")
        .or_else(|| code.split_once("run_until_complete("))?
        .1;
    let name: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .collect();
    let called = after.trim_start()[name.len()..].starts_with('(');
    (!name.is_empty() && called).then(|| format!("{name}()"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course;

    #[test]
    fn create_task_lines_map_to_their_python_statements() {
        let lesson = course::find("create-task").unwrap();
        // print!(py 17, "main start") anchors; the rest follow by their names.
        let want = [(22, 17), (23, 18), (24, 19), (25, 20), (26, 21), (27, 22)];
        for (rust, python) in want {
            assert_eq!(python_line(lesson, rust), Some(python), "Rust line {rust}");
        }
        assert_eq!(python_line(lesson, 1), None, "a module comment");
    }

    #[test]
    fn without_their_anchors_most_print_lines_are_found_by_their_names_alone() {
        // Every `print!(py N, …)` says its Python line: hide those and see how many the names
        // find. The anchors make the real mapping exact; this measures the rest of the rule.
        let (mut found, mut total) = (0, 0);
        let mut missed = Vec::new();
        for lesson in course::all() {
            let rust = lesson.rust_listing(Lang::En);
            let guessed = python_lines(rust, lesson.python(Lang::En), false);
            for (i, line) in rust.lines().enumerate() {
                if let Some(py) = anchor(line) {
                    total += 1;
                    if guessed[i + 1] == Some(py) {
                        found += 1;
                    } else {
                        missed.push(format!("{}:{}", lesson.id, i + 1));
                    }
                }
            }
        }
        println!("print lines found by names alone: {found} of {total}; missed {missed:?}");
        assert!(total > 100, "{total}");
        assert!(found * 10 >= total * 8, "{found} of {total}: {missed:?}");
    }

    // Native only: it drives the runs with the native host.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn tasks_are_named_by_the_coroutine_they_run() {
        use crate::runtime::{host, Clock, EventKind};
        let (mut named, mut tasks) = (0, 0);
        let mut seen = Vec::new();
        for lesson in course::all().filter(|l| l.needs == course::Needs::Runtime) {
            let run = lesson.start(Clock::Virtual);
            host::run_until_idle();
            for event in run.trace().events() {
                if let EventKind::TaskSpawned {
                    name,
                    parent,
                    coroutine,
                    ..
                } = &event.kind
                {
                    tasks += 1;
                    let coroutine = match (coroutine, parent) {
                        (Some(f), _) => Some(format!("{f}()")),
                        (None, None) => main_coroutine(lesson),
                        (None, Some(_)) => None,
                    };
                    if let Some(coroutine) = coroutine {
                        named += 1;
                        seen.push(format!("{}: {name} {coroutine}", lesson.id));
                    }
                }
            }
        }
        println!("tasks named by their coroutine: {named} of {tasks}");
        for want in [
            "create-task: Task-1 main()",
            "create-task: Task-2 f1()",
            "create-task: Task-3 f2()",
            "async-await: Task-2 f1()",
            "async-await: Task-3 f2()",
            "gather-order: Task-2 work()",
            "gather-order: Task-4 work()",
            "producer-consumer: Task-3 consumer()",
        ] {
            assert!(seen.iter().any(|s| s == want), "{want} in {seen:?}");
        }
    }

    #[test]
    fn every_anchor_maps_to_its_own_python_line() {
        for (lesson, lang) in course::all().flat_map(|l| Lang::ALL.map(|lang| (l, lang))) {
            let rust = lesson.rust_listing(lang);
            let map = python_lines(rust, lesson.python(lang), true);
            for (i, line) in rust.lines().enumerate() {
                if let Some(py) = anchor(line) {
                    assert_eq!(map[i + 1], Some(py), "{} line {}", lesson.id, i + 1);
                }
            }
        }
    }
}
