//! Moving records in and out, shared by the trainer area and the command line (`cli_records`): an
//! export job that owns its inputs (so the UI can run it on a worker thread), reading an exchange file
//! with its size check, and finding the exchange files in a folder (a USB stick).

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::content::Catalog;
use crate::export::json::{Exchange, ExchangeError, MAX_EXCHANGE_BYTES, parse_exchange};
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
    /// The writer library failed.
    Export(ExportError),
    /// The file could not be written.
    Write(std::io::Error),
}

impl ExportFailure {
    /// The message for the user; `path` is the file that was to be written.
    #[must_use]
    pub fn render(&self, t: &I18n, path: &Path) -> String {
        match self {
            ExportFailure::Export(e) => e.render(t),
            ExportFailure::Write(_) => t.cli_export_write_failed(path.display().to_string()),
        }
    }
}

impl std::fmt::Display for ExportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
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

    /// Writes the file atomically to `path`.
    ///
    /// # Errors
    /// [`ExportFailure`]: the export or the write failed; no half-written file is left at `path`.
    pub fn write(&self, t: &I18n, path: &Path, progress: export::Progress<'_>) -> Result<(), ExportFailure> {
        let records = export::Records {
            roster: &self.roster,
            events: &*self.events,
            titles: &self.titles,
            device: self.device,
            now: self.now,
            home_page: &self.home_page,
        };
        write_streaming(path, &mut |out| {
            export::write(self.format, &records, t, &mut *progress, out)
        })
    }
}

/// Writes a file through `write`, so that the target holds the old content or the whole new one, never
/// a part: a temporary file beside it, buffered, fsynced, then renamed over it; removed on failure.
fn write_streaming(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), ExportError>,
) -> Result<(), ExportFailure> {
    let tmp = path.with_extension("tmp");
    let result = (|| {
        let file = std::fs::File::create(&tmp).map_err(ExportFailure::Write)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out).map_err(ExportFailure::Export)?;
        let file = out
            .into_inner()
            .map_err(|e| ExportFailure::Write(e.into_error()))?;
        file.sync_all().map_err(ExportFailure::Write)?;
        std::fs::rename(&tmp, path).map_err(ExportFailure::Write)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
    /// Read, but not an exchange file we can import.
    Rejected(ExchangeError),
}

impl FileProblem {
    /// The message for the user about the file shown as `name`.
    #[must_use]
    pub fn render(&self, t: &I18n, name: &str) -> String {
        match self {
            FileProblem::Unreadable => t.cli_import_unreadable(name.to_owned()),
            FileProblem::Rejected(e) => t.cli_import_rejected(name.to_owned(), e.render(t)),
        }
    }
}

/// Reads and checks an exchange file: its size first (a file over [`MAX_EXCHANGE_BYTES`] is not
/// read at all), then the strict parse.
///
/// # Errors
/// [`FileProblem`].
pub fn read_exchange(path: &Path) -> Result<Exchange, FileProblem> {
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    if len > MAX_EXCHANGE_BYTES {
        return Err(FileProblem::Rejected(ExchangeError::TooLarge { len }));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        log::error!("import {}: {e}", path.display());
        FileProblem::Unreadable
    })?;
    parse_exchange(&bytes).map_err(FileProblem::Rejected)
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
