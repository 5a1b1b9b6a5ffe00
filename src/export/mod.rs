//! Exports (design Part A, "Exports"): pure functions from records to the bytes of a file.
//!
//! - [`csv`] and [`xlsx`]: the trainer's roster table, one row per learner × module;
//! - [`json`]: the exchange file that `import` reads on another PC, and its strict parser;
//! - [`xapi`]: xAPI 1.0.3 statements for a Learning Record Store;
//! - [`pdf`]: one certificate page per learner who completed at least one module;
//! - [`class_xlsx`] and [`class_pdf`]: the class report (see `class::report`).
//!
//! Nothing here touches a window, a file dialog or the disk: callers (the UI, the CLI) pick the path and
//! write the bytes, and pass in the clock, so every export is reproducible in a test. The slow
//! exporters take a progress callback `(done, total)`; it is called with `(0, total)` first and
//! `(total, total)` last.
//!
//! Text goes out in Unicode NFC whatever came in: an NFD name typed on one PC (or pasted from a web
//! page) would otherwise sort, filter and search differently in Excel from the same name in NFC.

pub mod class_pdf;
pub mod class_xlsx;
pub mod csv;
pub mod json;
pub mod pdf;
pub mod source;
mod table;
pub mod xapi;
pub mod xlsx;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::content::Catalog;
use crate::i18n::I18n;
use crate::records::RosterRow;
use std::io::Write;

/// A progress callback: `(done, total)`.
pub type OnProgress<'a> = &'a mut dyn FnMut(usize, usize);

/// Titles of activities for the xAPI export: module id → module title, and `"module/lesson"` → lesson
/// title. A missing title falls back to the id.
pub type Titles = HashMap<String, String>;

/// Learner id → (name, unit), as the xAPI actor and its context need them.
pub type LearnerNames = HashMap<Uuid, (String, String)>;

/// The export formats of `kynangso export --format …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
    Xapi,
    Pdf,
}

impl Format {
    /// Every format, in the order the UI lists them.
    pub const ALL: [Format; 5] = [Format::Xlsx, Format::Csv, Format::Pdf, Format::Json, Format::Xapi];

    /// The name used on the command line (`--format NAME`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Xapi => "xapi",
            Format::Pdf => "pdf",
        }
    }

    /// The file extension to suggest, without the dot. xAPI statements are JSON too, but a distinct
    /// suffix keeps them from being fed to `import` by mistake.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Xapi => "xapi.json",
            Format::Pdf => "pdf",
        }
    }
}

pub use source::{Events, JournalEvents};

/// Everything an export may need, so the UI and the CLI can call [`write`] for any format.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// The roster (learners × modules) as the fold computed it.
    pub roster: &'a [RosterRow],
    /// Every event of the journal, in journal order: read as the export goes, never all at once.
    pub events: &'a dyn Events,
    /// Module and lesson titles (see [`titles`]).
    pub titles: &'a Titles,
    /// This PC's device id (the exchange file's `device`).
    pub device: Uuid,
    /// The clock: the exchange file's `exported_at` and the certificates' issue date.
    pub now: DateTime<FixedOffset>,
    /// The xAPI `account.homePage`, a setting (the LRS's or the training programme's URL).
    pub home_page: &'a str,
}

/// Writes `records` in `format` to `out`. Text (headers, status words, certificates) is in `t`'s
/// language. The exchange file and the xAPI statements are written as the events are read, so their
/// size does not depend on memory; the others are built from the roster, which is small.
///
/// # Errors
/// [`ExportError`] when reading the events, a writer library or `out` fails; see there.
pub fn write(
    format: Format,
    records: &Input<'_>,
    t: &I18n,
    progress: OnProgress<'_>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let bytes = match format {
        Format::Csv => csv::to_csv(records.roster, t, progress)?,
        Format::Xlsx => xlsx::to_xlsx(records.roster, t, progress)?,
        Format::Json => {
            progress(0, 1);
            json::write_exchange(records.events, records.device, records.now, out)?;
            progress(1, 1);
            return Ok(());
        }
        Format::Xapi => {
            return xapi::write_statements(
                records.events,
                &learners_from_roster(records.roster),
                records.titles,
                records.home_page,
                progress,
                out,
            );
        }
        Format::Pdf => pdf::to_certificates(
            records.roster,
            records.events,
            records.now.date_naive(),
            t,
            progress,
        )?,
    };
    out.write_all(&bytes).map_err(ExportError::Write)
}

/// [`write`] into memory.
///
/// # Errors
/// As [`write`].
pub fn export(
    format: Format,
    records: &Input<'_>,
    t: &I18n,
    progress: OnProgress<'_>,
) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    write(format, records, t, progress, &mut bytes)?;
    Ok(bytes)
}

/// Module and lesson titles from the lesson catalog, for [`xapi::to_statements`].
#[must_use]
pub fn titles(catalog: &Catalog) -> Titles {
    let mut titles = Titles::new();
    for module in &catalog.modules {
        titles.insert(module.meta.id.clone(), module.meta.title.clone());
        for lesson in &module.meta.lessons {
            titles.insert(format!("{}/{}", module.meta.id, lesson.id), lesson.title.clone());
        }
    }
    titles
}

/// Learner id → (name, unit) from the roster, for [`xapi::to_statements`]. The roster holds only
/// visible learners (merged and deleted profiles are gone), so the xAPI export leaves those out too.
#[must_use]
pub fn learners_from_roster(rows: &[RosterRow]) -> LearnerNames {
    rows.iter()
        .map(|r| (r.learner, (r.name.clone(), r.unit.clone())))
        .collect()
}

/// Why an export could not be made. These are failures of the writer libraries (none is expected with
/// well-formed records); [`ExportError::render`] gives the user one plain sentence, the `Display` text
/// is for the log.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportError {
    Csv(::csv::Error),
    Xlsx(rust_xlsxwriter::XlsxError),
    Json(serde_json::Error),
    /// krilla could not write the PDF (its error, as debug text: it holds font handles).
    Pdf(String),
    /// The embedded font could not be read (a broken build).
    Font,
    /// The journal could not be read again for the events (the path and the system's reason).
    Read(String),
    /// Writing the file failed.
    Write(std::io::Error),
}

impl ExportError {
    /// The message for the user, in `t`'s language.
    #[must_use]
    pub fn render(&self, t: &I18n) -> String {
        t.export_error()
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Csv(e) => write!(f, "csv export: {e}"),
            ExportError::Xlsx(e) => write!(f, "xlsx export: {e}"),
            ExportError::Json(e) => write!(f, "json export: {e}"),
            ExportError::Pdf(e) => write!(f, "pdf export: {e}"),
            ExportError::Font => f.write_str("pdf export: the embedded font cannot be read"),
            ExportError::Read(e) => write!(f, "reading the journal: {e}"),
            ExportError::Write(e) => write!(f, "writing the export: {e}"),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        ExportError::Csv(e)
    }
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(e)
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Json(e)
    }
}

/// `s` in NFC, owned (for a cell or a JSON field).
fn nfc(s: &str) -> String {
    crate::text::nfc(s).into_owned()
}

/// A date the way Vietnamese (and this app) writes it: dd/mm/yyyy.
pub fn dmy(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}
