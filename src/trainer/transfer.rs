//! Moving records in and out, shared by the trainer area and the command line (`cli_records`): an
//! export job that owns its inputs (so the UI can run it on a worker thread), reading an exchange file
//! with its size check, and finding the exchange files in a folder (a USB stick).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::content::Catalog;
use crate::durable;
use crate::export::json::{Exchange, ExchangeError, MAX_EXCHANGE_BYTES, read_exchange_bytes};
use crate::export::{self, Events, ExportError, Format, Titles};
use crate::i18n::I18n;
use crate::records::{Progress, RosterRow, roster};

/// Everything one export needs, owned. The events are not copied: they are read from their source (the
/// journal file) as the export is written.
pub struct ExportJob {
    pub format: Format,
    pub roster: Vec<RosterRow>,
    pub events: Box<dyn Events + Send + Sync>,
    pub titles: Titles,
    pub device: Uuid,
    pub now: DateTime<FixedOffset>,
    pub home_page: String,
}

/// Why an export did not reach its file.
#[derive(Debug)]
pub enum ExportFailure {
    /// The target is one of the data folder's own files (the journal, its lock, settings, backups…), or
    /// a link to one: writing it would destroy the records. Nothing was written.
    InDataFolder,
    /// The writer library failed.
    Export(ExportError),
    /// The file could not be written.
    Write(std::io::Error),
}

impl ExportFailure {
    /// The message for the user; `path` is the file that was to be written.
    #[must_use]
    pub fn render(&self, t: &I18n, path: &Path) -> String {
        let shown = path.display().to_string();
        match self {
            ExportFailure::InDataFolder => t.export_target_in_data_folder(shown),
            ExportFailure::Export(e) => e.render(t),
            ExportFailure::Write(e) => match e.kind() {
                std::io::ErrorKind::NotFound => t.export_target_no_folder(shown),
                std::io::ErrorKind::IsADirectory => t.export_target_is_folder(shown),
                _ => t.cli_export_write_failed(shown),
            },
        }
    }
}

impl std::fmt::Display for ExportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportFailure::InDataFolder => f.write_str("the target is inside the data folder"),
            ExportFailure::Export(e) => e.fmt(f),
            ExportFailure::Write(e) => write!(f, "writing the export: {e}"),
        }
    }
}

impl std::error::Error for ExportFailure {}

impl ExportJob {
    /// An export of the folded `progress` and the journal's `events`.
    #[must_use]
    pub fn new(
        format: Format,
        progress: &Progress,
        events: impl Events + Send + Sync + 'static,
        catalog: &Catalog,
        device: Uuid,
        now: DateTime<FixedOffset>,
        home_page: &str,
    ) -> ExportJob {
        ExportJob {
            format,
            roster: roster(progress),
            events: Box::new(events),
            titles: export::titles(catalog),
            device,
            now,
            home_page: home_page.to_owned(),
        }
    }

    /// How many learners with a completed module get no certificate because they have no name on this
    /// PC (their `learner_created` event is missing); 0 for the formats other than PDF.
    #[must_use]
    pub fn nameless_left_out(&self) -> usize {
        if self.format == Format::Pdf {
            export::pdf::nameless_completed(&self.roster)
        } else {
            0
        }
    }

    /// Writes the file atomically to `path` (see [`durable`]), unless that would replace a file of
    /// `data_dir` (see [`check_target`]).
    ///
    /// # Errors
    /// [`ExportFailure`]: the target was refused, or the export or the write failed; no half-written
    /// file is left at `path`.
    pub fn write(
        &self,
        t: &I18n,
        path: &Path,
        data_dir: &Path,
        progress: export::OnProgress<'_>,
    ) -> Result<(), ExportFailure> {
        check_target(path, data_dir)?;
        let records = export::Input {
            roster: &self.roster,
            events: &*self.events,
            titles: &self.titles,
            device: self.device,
            now: self.now,
            home_page: &self.home_page,
        };
        // The export streams into the temp file; its own failure is kept apart from the file's.
        let mut failed = None;
        let written = durable::replace_with(path, |out| {
            if let Err(e) = export::write(self.format, &records, t, &mut *progress, out) {
                failed = Some(ExportFailure::Export(e));
                return Err(std::io::Error::other("export failed"));
            }
            // Checked again: the export can take minutes, and the place must still be safe when the
            // temp file is renamed onto it (right after this).
            if let Err(e) = check_target(path, data_dir) {
                failed = Some(e);
                return Err(std::io::Error::other("target refused"));
            }
            Ok(())
        });
        match (failed, written) {
            (Some(failure), _) => Err(failure),
            (None, Err(e)) => Err(ExportFailure::Write(e)),
            (None, Ok(())) => Ok(()),
        }
    }
}

/// Refuses an export target that is inside the data folder, or is a link (symbolic or hard) to a file
/// there. Inside, not only the known files: the data folder holds the journal, its lock, settings,
/// the device id, backups, set-aside torn lines and whatever later versions add, and an export is never
/// one of them. Paths are compared once made canonical, so `DATA/../DATA/journal.jsonl` and a link
/// from the desktop are caught too.
///
/// # Errors
/// [`ExportFailure::InDataFolder`]; [`ExportFailure::Write`] if the target's folder cannot be found.
pub fn check_target(path: &Path, data_dir: &Path) -> Result<(), ExportFailure> {
    let real = durable::resolve(path).map_err(ExportFailure::Write)?;
    let data = std::fs::canonicalize(data_dir)
        .or_else(|_| std::path::absolute(data_dir))
        .unwrap_or_else(|_| data_dir.to_path_buf());
    if real.starts_with(&data) || is_hard_link_into(&real, &data) {
        return Err(ExportFailure::InDataFolder);
    }
    Ok(())
}

/// Whether the existing file `real` is another name of a file in `data` (one level of subfolders deep,
/// where backups live). The atomic rename would only replace this name, never the journal's bytes, but
/// a trainer who linked it there meant the journal, and writing an export over it is never what they want.
#[cfg(unix)]
fn is_hard_link_into(real: &Path, data: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    let Ok(meta) = std::fs::metadata(real) else {
        return false;
    };
    if !meta.is_file() || meta.nlink() < 2 {
        return false;
    }
    let same =
        |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino());
    let Ok(entries) = std::fs::read_dir(data) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|entry| {
        let path = entry.path();
        let in_subfolder = || {
            entry.file_type().is_ok_and(|t| t.is_dir())
                && std::fs::read_dir(&path)
                    .is_ok_and(|inner| inner.filter_map(Result::ok).any(|e| same(&e.path())))
        };
        same(&path) || in_subfolder()
    })
}

/// Windows has no cheap, stable way to ask for a file's identity; the rename of
/// [`durable::replace_with`] gives the target a new file, so another name of the journal keeps its bytes.
#[cfg(not(unix))]
fn is_hard_link_into(_real: &Path, _data: &Path) -> bool {
    false
}

/// What a person should know about an import that went through: events dated in the future, and
/// events that repeat an id here with other content (kept aside).
#[must_use]
pub fn import_warnings(t: &I18n, counts: &crate::records::ImportCounts) -> Vec<String> {
    let mut warnings = Vec::new();
    if counts.future > 0 {
        warnings.push(t.import_future_dated(counts.future));
    }
    if counts.conflicts > 0 {
        let file = counts
            .conflicts_file
            .as_deref()
            .map(display_name)
            .unwrap_or_default();
        warnings.push(t.import_conflicts(counts.conflicts, file));
    }
    warnings
}

/// The file name suggested for an export made on `now`'s day: `kynangso-2026-11-26.csv`.
#[must_use]
pub fn default_file_name(format: Format, now: &DateTime<FixedOffset>) -> String {
    format!("kynangso-{}.{}", now.format("%Y-%m-%d"), format.extension())
}

/// Where an export goes when the trainer typed `typed`: a folder gets the suggested file name inside
/// it; a file name without an extension gets the format's. `None` for a blank entry (ask with a
/// dialog instead).
#[must_use]
pub fn target_path(typed: &str, format: Format, now: &DateTime<FixedOffset>) -> Option<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let path = PathBuf::from(typed);
    if path.is_dir() || typed.ends_with('/') || typed.ends_with('\\') {
        return Some(path.join(default_file_name(format, now)));
    }
    if path.extension().is_none() {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(format.extension());
        return Some(PathBuf::from(name));
    }
    Some(path)
}

/// Why one file could not be imported; nothing from it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// The file could not be read (gone, no permission, a bad USB stick).
    Unreadable,
    /// A folder, a named pipe or a device: never read (a pipe would wait forever, a device never ends).
    NotAFile,
    /// Read, but not an exchange file we can import.
    Rejected(ExchangeError),
}

impl FileProblem {
    /// The message for the user about the file shown as `name`, when nothing at all was changed.
    #[must_use]
    pub fn render(&self, t: &I18n, name: &str) -> String {
        t.cli_import_refused(self.reason(t, name))
    }

    /// The message for the user about the file shown as `name`, when other files of the same import
    /// were taken: the records did change, only not from this file.
    #[must_use]
    pub fn render_skipped(&self, t: &I18n, name: &str) -> String {
        t.cli_import_skipped(self.reason(t, name))
    }

    fn reason(&self, t: &I18n, name: &str) -> String {
        match self {
            FileProblem::Unreadable => t.cli_import_unreadable(name.to_owned()),
            FileProblem::NotAFile => t.cli_import_not_a_file(name.to_owned()),
            FileProblem::Rejected(e) => t.cli_import_rejected(name.to_owned(), e.render(t)),
        }
    }
}

/// Reads and checks an exchange file: only a regular file, at most [`MAX_EXCHANGE_BYTES`] of it (see
/// [`durable::read_regular`]), then the strict parse.
///
/// # Errors
/// [`FileProblem`].
pub fn read_exchange(path: &Path) -> Result<Exchange, FileProblem> {
    let bytes = durable::read_regular(path, MAX_EXCHANGE_BYTES).map_err(|e| {
        log::error!("import {}: {e}", path.display());
        match e {
            durable::ReadError::NotAFile => FileProblem::NotAFile,
            durable::ReadError::TooLarge { len } => FileProblem::Rejected(ExchangeError::TooLarge { len }),
            durable::ReadError::Io(_) => FileProblem::Unreadable,
        }
    })?;
    read_exchange_bytes(bytes).map_err(FileProblem::Rejected)
}

/// The exchange files at `path`: the file itself, or every `*.json` file directly inside a folder, by
/// name. xAPI exports (`*.xapi.json`) are left out: they are statements for a Learning Record Store,
/// never an exchange file, and a USB stick often holds both.
///
/// # Errors
/// The I/O error if `path` does not exist or the folder cannot be listed.
pub fn exchange_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            name.ends_with(".json") && !name.ends_with(".xapi.json") && p.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The name to show for an imported file: its file name, or the whole path if it has none.
#[must_use]
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn now() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 26, 9, 41, 0)
            .unwrap()
    }

    #[test]
    fn target_paths() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(target_path("  ", Format::Csv, &now()), None);
        assert_eq!(
            target_path(&d.display().to_string(), Format::Csv, &now()),
            Some(d.join("kynangso-2026-11-26.csv"))
        );
        assert_eq!(
            target_path(&d.join("lop-1").display().to_string(), Format::Xlsx, &now()),
            Some(d.join("lop-1.xlsx"))
        );
        assert_eq!(
            target_path(&d.join("lop.csv").display().to_string(), Format::Csv, &now()),
            Some(d.join("lop.csv"))
        );
        assert_eq!(
            default_file_name(Format::Xapi, &now()),
            "kynangso-2026-11-26.xapi.json"
        );
    }

    #[test]
    fn folder_scan_takes_json_files_only() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.json", "a.JSON", "c.xapi.json", "notes.txt"] {
            std::fs::write(dir.path().join(name), b"{}").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub.json")).unwrap();
        let files = exchange_files(dir.path()).unwrap();
        let names: Vec<String> = files.iter().map(|p| display_name(p)).collect();
        assert_eq!(names, ["a.JSON", "b.json"]);
        let one = dir.path().join("notes.txt");
        assert_eq!(exchange_files(&one).unwrap(), [one]);
        assert!(exchange_files(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn bad_files_are_problems_not_panics() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("pc3.json");
        std::fs::write(&bad, b"not json").unwrap();
        assert_eq!(
            read_exchange(&bad),
            Err(FileProblem::Rejected(ExchangeError::NotJson))
        );
        assert_eq!(
            read_exchange(&dir.path().join("gone.json")),
            Err(FileProblem::Unreadable)
        );
        let t = I18n::new(crate::i18n::Lang::Vi);
        let message = FileProblem::Rejected(ExchangeError::NotJson).render(&t, "pc3.json");
        assert!(
            message.contains("pc3.json") && message.contains("Không có gì bị thay đổi"),
            "{message}"
        );
    }
}
