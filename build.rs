//! The Rust listings the page shows: each lesson file up to its end marker, written to
//! `$OUT_DIR/listings/` (`course::listing!` includes them, so a lesson's record is not compiled in
//! a second time), and checked here to reduce to each language (`course::RustFile` reduces the
//! one file to the page's language when it is shown).

use std::path::{Path, PathBuf};

#[path = "src/course/listing_lang.rs"]
#[allow(dead_code)]
mod listing_lang;

const END_OF_LISTING: &str = "// ---- end of listing ----";

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
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "mod.rs")
        {
            found.push(path);
        }
    }
}

fn main() {
    let course = Path::new("src/course");
    println!("cargo::rerun-if-changed=src/course");
    let mut found = Vec::new();
    for chapter in std::fs::read_dir(course).expect("src/course").flatten() {
        if chapter.path().is_dir() {
            listings(&chapter.path(), &mut found);
        }
    }
    found.sort();
    let listings_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("listings");
    for path in found {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("listing");
        // Not a lesson without the marker (a helper module).
        let Some(end) = text.find(END_OF_LISTING) else {
            continue;
        };
        let listing = text[..end].trim_end();
        for second in [false, true] {
            listing_lang::one_language(listing, second)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let relative = path.strip_prefix(course).expect("under src/course");
        let target = listings_dir.join(relative);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("listings dir");
        std::fs::write(&target, listing).expect("write listing");
    }
}
