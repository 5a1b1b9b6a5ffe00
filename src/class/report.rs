//! The class report (`kynangso export --format class-report`, and the dashboard's button): what it
//! holds, and a job that owns its inputs so the trainer area can write it on a worker thread with a
//! progress callback, like the other exports. The writers are `export::class_xlsx` and
//! `export::class_pdf`.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::analysis::{self, CellStatus, ClassAnalysis};
use super::questions::{QuestionStat, QuestionTally};
use crate::content::Catalog;
use crate::export::{Events, ExportError, OnProgress};
use crate::i18n::I18n;
use crate::records::{Class, Progress};
use crate::trainer::transfer::{ExportFailure, check_target};

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassReport {
    pub analysis: ClassAnalysis,
    /// Hardest first.
    pub questions: Vec<QuestionStat>,
    /// The day it was made.
    pub made: NaiveDate,
}

impl ClassReport {
    /// The class's name, or the words for a class without one.
    #[must_use]
    pub fn class_name(&self, t: &I18n) -> String {
        class_name(&self.analysis.class, t)
    }
}

/// A class's name for people: its name, or "(a class without a name)".
#[must_use]
pub fn class_name(class: &Class, t: &I18n) -> String {
    if class.name.is_empty() {
        t.class_no_name()
    } else {
        class.name.clone()
    }
}

/// The status word of a cell (from ui-terms).
#[must_use]
pub fn status_word(t: &I18n, status: CellStatus) -> String {
    match status {
        CellStatus::NotStarted => t.class_status_not_started(),
        CellStatus::InProgress => t.class_status_in_progress(),
        CellStatus::QuizPassed => t.class_status_quiz_passed(),
        CellStatus::Completed => t.class_status_completed(),
    }
}

/// The file types of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFile {
    Xlsx,
    Pdf,
}

impl ReportFile {
    /// The type a file name asks for by its extension (`.xlsx`, `.pdf`, any case); `None` for others.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<ReportFile> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(ReportFile::Xlsx),
            "pdf" => Some(ReportFile::Pdf),
            _ => None,
        }
    }
}

/// A class report to write, owning its inputs: the analysis is made from the fold at once; the
/// question analysis reads the events (the journal file) when the report is written.
pub struct ClassReportJob {
    pub file: ReportFile,
    pub analysis: ClassAnalysis,
    tally: QuestionTally,
    events: Box<dyn Events + Send + Sync>,
    catalog: Arc<Catalog>,
    now: DateTime<FixedOffset>,
}

impl ClassReportJob {
    /// The report of `class` over `progress`, its questions counted from `events` when written.
    #[must_use]
    pub fn new(
        file: ReportFile,
        progress: &Progress,
        class: &Class,
        events: impl Events + Send + Sync + 'static,
        catalog: Arc<Catalog>,
        now: DateTime<FixedOffset>,
    ) -> ClassReportJob {
        ClassReportJob {
            file,
            analysis: analysis::analyse(progress, class),
            tally: QuestionTally::new(progress, class),
            events: Box::new(events),
            catalog,
            now,
        }
    }

    /// Reads the events and puts the report together.
    ///
    /// # Errors
    /// [`ExportError::Read`] if the events cannot be read.
    pub fn report(&self) -> Result<ClassReport, ExportError> {
        let mut tally = self.tally.clone();
        self.events.each(&mut |event| tally.add(event))?;
        Ok(ClassReport {
            analysis: self.analysis.clone(),
            questions: tally.finish(&self.catalog),
            made: self.now.date_naive(),
        })
    }

    /// The report's bytes.
    ///
    /// # Errors
    /// [`ExportError`] if the events cannot be read or a writer fails.
    pub fn bytes(&self, t: &I18n, progress: OnProgress<'_>) -> Result<Vec<u8>, ExportError> {
        let report = self.report()?;
        match self.file {
            ReportFile::Xlsx => crate::export::class_xlsx::to_xlsx(&report, t, progress),
            ReportFile::Pdf => crate::export::class_pdf::to_pdf(&report, t, progress),
        }
    }

    /// Writes the report atomically to `path`, unless that would replace a file of `data_dir` (as
    /// every export, see [`check_target`]).
    ///
    /// # Errors
    /// [`ExportFailure`]: the target was refused, or the report or the write failed; no half-written
    /// file is left at `path`.
    pub fn write(
        &self,
        t: &I18n,
        path: &Path,
        data_dir: &Path,
        progress: OnProgress<'_>,
    ) -> Result<(), ExportFailure> {
        check_target(path, data_dir)?;
        let bytes = self.bytes(t, progress).map_err(ExportFailure::Export)?;
        check_target(path, data_dir)?;
        crate::durable::replace_with(path, |out| out.write_all(&bytes)).map_err(ExportFailure::Write)
    }
}
