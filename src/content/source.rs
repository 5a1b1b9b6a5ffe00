//! Where lesson files come from: embedded in the binary (the normal case) or a folder on disk
//! (`check-content DIR`, and tests with broken fixtures).
//!
//! A folder on disk comes from anyone (a lesson writer, a USB stick), so it is read with care: only
//! regular files are read (a named pipe would block, a device never ends), each at most
//! [`MAX_CONTENT_FILE_BYTES`], and only inside the folder: a path with `..`, or a link that leads out of
//! the folder, is refused rather than followed. Folder links inside it are followed once each, so a
//! link loop ends.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use rust_embed::RustEmbed;

use crate::durable;

#[derive(RustEmbed)]
#[folder = "lessons/"]
struct Embedded;

/// The largest content file read from a folder. The largest today (a simulation scenario) is under 40 KB;
/// an SVG diagram with embedded drawings stays well under this.
pub const MAX_CONTENT_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How deep a lesson folder is walked: modules are one level down, their simulations two.
const MAX_DEPTH: usize = 8;

/// Why a content file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadProblem {
    /// There is no such file.
    Missing,
    /// A folder, a named pipe or a device.
    NotAFile,
    /// The path, or a link on it, leads out of the folder being checked.
    OutsideFolder,
    /// Over [`MAX_CONTENT_FILE_BYTES`].
    TooLarge,
    /// The operating system refused (no permission, a link that loops).
    Unreadable,
}

/// A read-only tree of content files with `/`-separated relative paths.
pub trait Source {
    /// Every file, relative path, sorted.
    fn files(&self) -> Vec<String>;
    /// The bytes of a file.
    ///
    /// # Errors
    /// [`ReadProblem`].
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadProblem>;
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

    fn read(&self, path: &str) -> Result<Vec<u8>, ReadProblem> {
        Embedded::get(path)
            .map(|f| f.data.into_owned())
            .ok_or(ReadProblem::Missing)
    }

    fn display(&self, path: &str) -> String {
        format!("lessons/{path}")
    }
}

/// A lesson folder on disk.
#[derive(Debug, Clone)]
pub struct DirSource {
    root: PathBuf,
    /// `root` made canonical, to tell inside from outside; `None` if it cannot be (it does not exist).
    real_root: Option<PathBuf>,
}

impl DirSource {
    /// A source reading from `root`.
    #[must_use]
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            real_root: std::fs::canonicalize(root).ok(),
        }
    }

    /// Every file below `dir` (canonical `real`), as `prefix/name`. Links are listed, not followed, unless
    /// they lead to a folder inside the root not walked yet; a link to a file is judged when it is read.
    fn walk(
        &self,
        real: &Path,
        prefix: &str,
        depth: usize,
        seen: &mut HashSet<PathBuf>,
        out: &mut Vec<String>,
    ) {
        let Some(root) = &self.real_root else { return };
        if depth > MAX_DEPTH || !seen.insert(real.to_path_buf()) {
            return;
        }
        let Ok(entries) = std::fs::read_dir(real) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}/{name}")
            };
            let Ok(kind) = entry.file_type() else { continue };
            let folder = if kind.is_dir() {
                Some(entry.path())
            } else if kind.is_symlink() {
                std::fs::canonicalize(entry.path())
                    .ok()
                    .filter(|target| target.starts_with(root) && target.is_dir())
            } else {
                None
            };
            match folder {
                Some(folder) => self.walk(&folder, &rel, depth + 1, seen, out),
                None => out.push(rel),
            }
        }
    }
}

impl Source for DirSource {
    fn files(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(root) = &self.real_root {
            self.walk(root, "", 0, &mut HashSet::new(), &mut v);
        }
        v.sort();
        v
    }

    fn read(&self, path: &str) -> Result<Vec<u8>, ReadProblem> {
        let relative = Path::new(path);
        if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(ReadProblem::OutsideFolder);
        }
        let root = self.real_root.as_ref().ok_or(ReadProblem::Missing)?;
        let real = match std::fs::canonicalize(self.root.join(relative)) {
            Ok(real) => real,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // A link whose target is missing is a link leading nowhere, not a missing file.
                return Err(if std::fs::symlink_metadata(self.root.join(relative)).is_ok() {
                    ReadProblem::Unreadable
                } else {
                    ReadProblem::Missing
                });
            }
            Err(_) => return Err(ReadProblem::Unreadable),
        };
        if !real.starts_with(root) {
            return Err(ReadProblem::OutsideFolder);
        }
        durable::read_regular(&real, MAX_CONTENT_FILE_BYTES).map_err(|e| match e {
            durable::ReadError::NotAFile => ReadProblem::NotAFile,
            durable::ReadError::TooLarge { .. } => ReadProblem::TooLarge,
            durable::ReadError::Io(_) => ReadProblem::Unreadable,
        })
    }

    fn display(&self, path: &str) -> String {
        self.root.join(path).display().to_string()
    }
}
