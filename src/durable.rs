//! Files read and written safely: a whole file replaced so that a crash, a kill or a reader sees the old
//! file or the new one and never half of it, and files from outside (exchange files, a lesson folder)
//! read only when they are regular files of bounded size.
//!
//! Every file the app replaces goes through here: settings and their copies, the device id, exports and
//! the journal's daily backups. (The journal itself is appended to, not replaced; see `records::store`.)
//!
//! Replacing ([`write_atomic`], [`replace_with`], [`write_in_own_folder`]):
//! - The new bytes go to a temp file with a unique name beside the target (same file system, so the
//!   rename is atomic): two writers, or a user's own `name.tmp`, are never touched. The temp file is
//!   fsynced, renamed over the target, and the folder fsynced so the new name survives a power cut.
//! - A failed write removes the temp file. A kill between creating and renaming can leave one behind,
//!   named `.NAME.XXXXXX.tmp`; it is readable by its owner only, like every file while it is written.
//! - A target that is a symbolic link is followed: the file it points to is replaced and the link stays.
//!   A trainer who links `Desktop/roster.csv` to a shared folder expects the shared file to change.
//!   Callers that must not write somewhere check [`resolve`]'s answer, which is where the write lands.
//! - An existing target keeps its permissions (Unix); a new file is readable by its owner only, because
//!   exports hold personal data. On Windows the folder's access rules apply as usual.
//! - The rename gives the target a new file: another hard link to the old file keeps the old bytes.
//!
//! Reading ([`read_regular`]): pipes, devices and folders are refused before they are opened (opening a
//! named pipe blocks until someone writes to it; `/dev/zero` never ends), the opened file is checked again
//! (it may have been swapped since), and no more than the limit is ever read.

use std::fs::{self, File};
use std::io::{self, Read as _, Write};
use std::path::{Path, PathBuf};

/// More links than this in a row are treated as a loop, as the operating system does.
const MAX_LINKS: usize = 40;

/// The longest part of the target's name kept in the temp file's name: the whole temp name must stay
/// under the file system's limit (255 bytes on most).
const MAX_NAME_IN_TEMP: usize = 60;

/// Where a write to `path` lands: symbolic links at the end of the path followed, the folder made
/// canonical. The file itself need not exist, but its folder must.
///
/// # Errors
/// The folder does not exist or cannot be read, the path has no file name (`..`, `/`), or links loop.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = std::path::absolute(path)?;
    for _ in 0..MAX_LINKS {
        let Some(name) = current.file_name().map(std::ffi::OsStr::to_os_string) else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} does not name a file", current.display()),
            ));
        };
        let parent = current.parent().unwrap_or_else(|| Path::new("."));
        let here = fs::canonicalize(parent)?.join(name);
        match fs::symlink_metadata(&here) {
            Ok(meta) if meta.file_type().is_symlink() => {
                // A relative link is relative to the folder that holds it; `join` keeps an absolute one.
                let link = fs::read_link(&here)?;
                current = here.parent().map_or_else(|| link.clone(), |p| p.join(&link));
            }
            Ok(_) => return Ok(here),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(here),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many symbolic links",
        path.display()
    )))
}

/// Replaces the file at `path` (see [`resolve`]) with `bytes`, durably.
///
/// # Errors
/// The I/O error; the target is then unchanged and no temp file is left.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] for the app's own files (settings, device id): their folder is created first, as the
/// data folder does not exist before the first start. Exports do not use this: a mistyped folder must
/// be an error, not a new folder.
///
/// # Errors
/// The I/O error; the target is then unchanged and no temp file is left.
pub fn write_in_own_folder(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    write_atomic(path, bytes)
}

/// Whether `file_name` is a temp file [`replace_with`] left behind (killed between creating and
/// renaming it) while replacing a file whose name starts with `target_start`.
#[must_use]
pub fn is_leftover_temp(file_name: &str, target_start: &str) -> bool {
    file_name
        .strip_prefix('.')
        .is_some_and(|rest| rest.starts_with(target_start) && rest.ends_with(".tmp"))
}

/// Replaces the file at `path` (see [`resolve`]) with what `write` writes, durably. For writers that
/// stream their output instead of building it in memory first.
///
/// # Errors
/// The I/O error, or the one `write` returned; the target is then unchanged and no temp file is left.
pub fn replace_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let target = resolve(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let existing = match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("{} is a folder", target.display()),
            ));
        }
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let name: String = target
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(MAX_NAME_IN_TEMP).collect())
        .unwrap_or_default();
    // Dropping `tmp` on any early return below deletes the temp file.
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    #[cfg(unix)]
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    #[cfg(not(unix))]
    let _ = existing;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Makes a new name or a rename in `dir` durable. Only Unix can open a folder to fsync it; Windows (NTFS)
/// makes names durable with its own journal.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = File::open(dir).and_then(|d| d.sync_all()) {
        // The file is in place; only its survival of a power cut in the next seconds is less certain.
        log::warn!("fsync {}: {e}", dir.display());
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    /// A folder, a named pipe, a device: not a file to read.
    NotAFile,
    /// Larger than the limit (`len` is at least limit + 1).
    TooLarge { len: u64 },
    /// The operating system refused (missing, no permission, a link that loops).
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotAFile => f.write_str("not a regular file"),
            ReadError::TooLarge { len } => write!(f, "too large ({len} bytes or more)"),
            ReadError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// The bytes of the regular file at `path` (symbolic links followed), at most `limit` of them.
///
/// # Errors
/// [`ReadError`].
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    check_regular(&fs::metadata(path)?, limit)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    check_regular(&meta, limit)?;
    // The length is a hint only: files in /proc say 0, and a file may grow while it is read.
    let hint = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > limit {
        return Err(ReadError::TooLarge { len });
    }
    Ok(bytes)
}

fn check_regular(meta: &fs::Metadata, limit: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { len: meta.len() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_without_touching_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("roster.csv");
        let own = dir.path().join("roster.tmp");
        fs::write(&own, b"mine").unwrap();
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        assert_eq!(fs::read(&own).unwrap(), b"mine");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temp file is left: {names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.csv");
        fs::write(&target, b"old").unwrap();
        let failed = replace_with(&target, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("the exporter failed"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(
            write_atomic(dir.path(), b"x").is_err(),
            "a folder is not replaced"
        );
        assert!(write_atomic(&dir.path().join("no/such/folder.csv"), b"x").is_err());
    }

    #[test]
    fn the_app_s_own_files_get_their_folder() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new/data/device-id");
        write_in_own_folder(&target, b"id").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"id");
    }

    #[test]
    fn a_temp_file_left_by_a_kill_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let names = || -> Vec<String> {
            fs::read_dir(dir.path())
                .unwrap()
                .filter_map(|e| e.unwrap().file_name().into_string().ok())
                .collect()
        };
        // While the bytes are written, the temp file is what a kill would leave behind.
        let mut during = Vec::new();
        replace_with(&dir.path().join("journal-2026-11-01.jsonl"), |w| {
            during = names();
            w.write_all(b"x")
        })
        .unwrap();
        assert_eq!(during.len(), 1, "{during:?}");
        assert!(is_leftover_temp(&during[0], "journal-"), "{during:?}");
        assert!(!is_leftover_temp(&during[0], "settings"));
        assert_eq!(names(), ["journal-2026-11-01.jsonl"]);
        assert!(!is_leftover_temp("journal-2026-11-01.jsonl", "journal-"));
    }

    #[test]
    fn reads_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        fs::write(&file, b"12345").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadError::TooLarge { len: 5 })
        ));
        assert!(matches!(read_regular(dir.path(), 9), Err(ReadError::NotAFile)));
        assert!(matches!(
            read_regular(&dir.path().join("gone"), 9),
            Err(ReadError::Io(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_permissions_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        fs::write(&real, b"old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink("real.csv", &link).unwrap();
        assert_eq!(resolve(&link).unwrap(), fs::canonicalize(&real).unwrap());
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        let fresh = dir.path().join("fresh.csv");
        write_atomic(&fresh, b"x").unwrap();
        assert_eq!(fs::metadata(&fresh).unwrap().permissions().mode() & 0o077, 0);

        let looped = dir.path().join("loop.csv");
        std::os::unix::fs::symlink("loop.csv", &looped).unwrap();
        assert!(write_atomic(&looped, b"x").is_err());
        // A dangling link: the file it names is created.
        let dangling = dir.path().join("later.csv");
        std::os::unix::fs::symlink("made-later.csv", &dangling).unwrap();
        write_atomic(&dangling, b"x").unwrap();
        assert_eq!(fs::read(dir.path().join("made-later.csv")).unwrap(), b"x");
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 9),
            Err(ReadError::NotAFile)
        ));
    }
}
