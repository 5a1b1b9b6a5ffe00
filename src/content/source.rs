//! Where lesson files come from: embedded in the binary (the normal case) or a folder on disk
//! (`check-content DIR`, and tests with broken fixtures).

use std::path::{Path, PathBuf};

use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "lessons/"]
struct Embedded;

/// A read-only tree of content files with `/`-separated relative paths.
pub trait Source {
    /// Every file, relative path, sorted.
    fn files(&self) -> Vec<String>;
    /// The bytes of a file, if it exists.
    fn read(&self, path: &str) -> Option<Vec<u8>>;
    /// How to name a file in a `path:line: message` error.
    fn display(&self, path: &str) -> String;
}

/// The lessons compiled into the binary.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmbeddedSource;

impl Source for EmbeddedSource {
    fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = Embedded::iter().map(std::borrow::Cow::into_owned).collect();
        v.sort();
        v
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        Embedded::get(path).map(|f| f.data.into_owned())
    }

    fn display(&self, path: &str) -> String {
        format!("lessons/{path}")
    }
}

/// A lesson folder on disk.
#[derive(Debug, Clone)]
pub struct DirSource {
    root: PathBuf,
}

impl DirSource {
    /// A source reading from `root`.
    #[must_use]
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
        }
    }
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let path = entry.path();
        if path.is_dir() {
            walk(&path, &rel, out);
        } else {
            out.push(rel);
        }
    }
}

impl Source for DirSource {
    fn files(&self) -> Vec<String> {
        let mut v = Vec::new();
        walk(&self.root, "", &mut v);
        v.sort();
        v
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(self.root.join(path)).ok()
    }

    fn display(&self, path: &str) -> String {
        self.root.join(path).display().to_string()
    }
}
