//! The servers' folder: the files the web lessons' applications read (`open('index.html')`,
//! `FileResponse(...)`, `StaticFiles(directory="static")`).
//!
//! A page cannot read the reader's disk, so the folder is `assets/site/`, shipped inside the
//! app the way Pyodide preloads its file system: read-only, the same bytes in every browser and
//! in the native tests. The CPython check copies the same folder next to each listing, so
//! both read the same files.

use crate::runtime::{Error, Result};

/// Every file of the folder, by its path in it.
const FILES: &[(&str, &[u8])] = &[
    (
        "index.html",
        include_bytes!("../../../assets/site/index.html"),
    ),
    (
        "static/hello.txt",
        include_bytes!("../../../assets/site/static/hello.txt"),
    ),
];

/// The folder's paths, for the test that checks the list against `assets/site/`.
pub fn paths() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(path, _)| *path)
}

/// `open(path).read()`: a path relative to the folder (`./` allowed); one that is not there is
/// Python's `FileNotFoundError`.
pub fn read(path: &str) -> Result<&'static [u8]> {
    let wanted = path.trim_start_matches("./");
    FILES
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, bytes)| *bytes)
        .ok_or_else(|| {
            Error::raised(format!(
                "FileNotFoundError: [Errno 2] No such file or directory: '{path}'"
            ))
        })
}

/// Whether the folder has a directory of this name (`StaticFiles(directory="static")`).
pub fn is_directory(directory: &str) -> bool {
    let prefix = format!("{}/", directory.trim_matches('/'));
    FILES.iter().any(|(name, _)| name.starts_with(&prefix))
}

/// The file at `path` inside `directory`, as `StaticFiles` looks it up: `None` for a path
/// that is not a file there, or that tries to leave the directory (`../main.py`).
pub fn lookup(directory: &str, path: &str) -> Option<(String, &'static [u8])> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() || segments.iter().any(|s| *s == ".." || *s == ".") {
        return None;
    }
    let full = format!("{}/{}", directory.trim_matches('/'), segments.join("/"));
    let bytes = read(&full).ok()?;
    Some((full, bytes))
}

/// The media type a server guesses from a file's name, as Python's `mimetypes` does.
pub fn media_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html",
        "txt" => "text/plain",
        "css" => "text/css",
        "js" => "text/javascript",
        "json" => "application/json",
        "py" => "text/x-python",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_lists_every_file_of_assets_site() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/site");
        let mut on_disk = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(root)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let name = path.strip_prefix(root).unwrap().to_string_lossy();
                    on_disk.push(name.replace('\\', "/"));
                }
            }
        }
        on_disk.sort();
        let mut listed: Vec<String> = paths().map(String::from).collect();
        listed.sort();
        assert_eq!(listed, on_disk);
    }

    #[test]
    fn reads_files_and_refuses_what_is_not_there() {
        assert!(read("index.html").unwrap().starts_with(b"<!DOCTYPE html>"));
        assert_eq!(read("./index.html").unwrap(), read("index.html").unwrap());
        assert_eq!(
            read("missing.html").unwrap_err().to_string(),
            "FileNotFoundError: [Errno 2] No such file or directory: 'missing.html'"
        );
    }

    #[test]
    fn static_lookup_stays_inside_its_directory() {
        assert!(is_directory("static"));
        assert!(!is_directory("stat"));
        assert_eq!(lookup("static", "hello.txt").unwrap().0, "static/hello.txt");
        assert_eq!(
            lookup("static", "/hello.txt").unwrap().0,
            "static/hello.txt"
        );
        assert!(lookup("static", "../index.html").is_none());
        assert!(lookup("static", "nope.txt").is_none());
        assert!(lookup("static", "").is_none());
        assert_eq!(media_type("static/hello.txt"), "text/plain");
        assert_eq!(media_type("index.html"), "text/html");
        assert_eq!(media_type("README"), "application/octet-stream");
    }
}
