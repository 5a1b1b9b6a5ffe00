//! "Xuất báo cáo lớp" on the dashboard: the class report as XLSX or PDF, written on a worker thread
//! (a `job::Job`) after the system's save dialog, with a progress line and a message naming the file at
//! the end, as the export page does. The report runs on after the trainer leaves the dashboard.

use std::path::PathBuf;

use uuid::Uuid;

use crate::app::Notice;
use crate::class::report::{ClassReportJob, ReportFile as ReportFormat};
use crate::i18n::{I18n, Lang};
use crate::job::{Job, Poll};
use crate::ui::ScreenCtx;
use crate::ui::UiExt;
use crate::ui::trainer::classes::{ClassInfo, ClassesState};
use crate::ui::trainer::{TrainerState, bad, notice_ui, ok};

/// The file extension of a report type.
fn extension(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Xlsx => "xlsx",
        ReportFormat::Pdf => "pdf",
    }
}

/// The class report's state: a dialog open, a report being written, the last outcome.
#[derive(Debug, Default)]
pub struct ReportState {
    /// Where to write without asking (a folder or a file); `None` asks with the save dialog. Tests set
    /// it, as no dialog can be answered there.
    pub save_to: Option<PathBuf>,
    dialog: Option<(Uuid, ReportFormat, Job<Option<PathBuf>>)>,
    running: Option<(PathBuf, Job<Result<(), String>>)>,
    pub message: Option<Notice>,
}

impl ReportState {
    /// Whether a report is being written or a dialog is open.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.dialog.is_some() || self.running.is_some()
    }
}

/// The two report buttons.
pub fn buttons(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, info: &ClassInfo) {
    let t = ctx.t;
    let mut start = None;
    ui.add_enabled_ui(!state.classes.report.busy(), |ui| {
        if ui.big_button(t.class_report_xlsx()).clicked() {
            start = Some(ReportFormat::Xlsx);
        }
        if ui.big_button(t.class_report_pdf()).clicked() {
            start = Some(ReportFormat::Pdf);
        }
    });
    if let Some(format) = start {
        let name = file_name(info, format);
        let report = &mut state.classes.report;
        report.message = None;
        match report.save_to.clone() {
            Some(place) => {
                let path = if place.is_dir() { place.join(name) } else { place };
                begin(&mut state.classes, ctx, ui.ctx(), info.id, format, path);
            }
            None => open_dialog(report, ctx, ui.ctx(), info.id, format, name),
        }
    }
}

/// The line under the buttons: writing, or how it went.
pub fn status(ui: &mut egui::Ui, t: &I18n, report: &ReportState) {
    if let Some((_, job)) = &report.running {
        ui.label(t.class_report_running());
        let fraction = job.fraction();
        ui.progress_bar(fraction, Some(format!("{}%", (fraction * 100.0).round())));
    }
    if let Some(message) = &report.message {
        notice_ui(ui, message);
    }
}

/// A file name for the report: the class's name made safe for every file system, and the format.
fn file_name(info: &ClassInfo, format: ReportFormat) -> String {
    let safe: String = crate::text::without_diacritics(&info.name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let safe = safe.trim_matches('-');
    let safe = if safe.is_empty() { "lop" } else { safe };
    let safe: String = safe.chars().take(60).collect();
    format!("bao-cao-{safe}.{}", extension(format))
}

/// Asks where to save with the system's dialog, on a thread so the window keeps drawing.
fn open_dialog(
    report: &mut ReportState,
    ctx: &ScreenCtx,
    wake: &egui::Context,
    class: Uuid,
    format: ReportFormat,
    name: String,
) {
    let title = ctx.t.class_report_save_title();
    let spawned = Job::spawn("save-dialog", Some(wake.clone()), move |_| {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(name)
            .add_filter(extension(format).to_uppercase(), &[extension(format)])
            .save_file()
    });
    match spawned {
        Ok(job) => report.dialog = Some((class, format, job)),
        Err(e) => {
            log::error!("save dialog thread: {e}");
            report.message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Starts writing the report of `class` to `path` on a worker thread.
fn begin(
    classes: &mut ClassesState,
    ctx: &ScreenCtx,
    wake: &egui::Context,
    class: Uuid,
    format: ReportFormat,
    path: PathBuf,
) {
    let report = &mut classes.report;
    let Some((records, class)) = ctx.records.and_then(|r| Some((r, r.progress().class(class)?))) else {
        report.message = Some(bad(ctx.t.class_gone()));
        return;
    };
    // The analysis is taken from the fold now; the answers are read from the journal file on the
    // worker thread, as the report is written.
    let job = ClassReportJob::new(
        format,
        records.progress(),
        class,
        crate::export::JournalEvents(ctx.data_dir.to_path_buf()),
        ctx.catalog.clone(),
        crate::learning::now(),
    );
    let lang: Lang = ctx.t.lang();
    let target = path.clone();
    let data_dir = ctx.data_dir.to_path_buf();
    let spawned = Job::spawn("class-report", Some(wake.clone()), move |reporter| {
        let t = I18n::new(lang);
        let mut progress = |done: usize, total: usize| reporter.progress(done, total);
        job.write(&t, &target, &data_dir, &mut progress).map_err(|e| {
            log::error!("class report to {}: {e}", target.display());
            e.render(&t, &target)
        })
    });
    match spawned {
        Ok(job) => report.running = Some((path, job)),
        Err(e) => {
            log::error!("class report thread: {e}");
            report.message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Takes what the dialog and the worker reported since the last frame.
pub(super) fn poll(classes: &mut ClassesState, ctx: &ScreenCtx, wake: &egui::Context) {
    if let Some((class, format, job)) = &mut classes.report.dialog {
        let (class, format) = (*class, *format);
        match job.poll() {
            Poll::Done(Some(path)) => {
                classes.report.dialog = None;
                begin(classes, ctx, wake, class, format, path);
            }
            Poll::Done(None) | Poll::Lost => {
                classes.report.dialog = None;
                classes.report.message = Some(bad(ctx.t.class_report_no_place()));
            }
            Poll::Running { .. } => {}
        }
    }
    let report = &mut classes.report;
    let Some((path, job)) = &mut report.running else {
        return;
    };
    let outcome = match job.poll() {
        Poll::Done(outcome) => outcome,
        Poll::Lost => Err(ctx.t.trainer_export_failed_start()),
        Poll::Running { .. } => return,
    };
    report.message = Some(match outcome {
        Ok(()) => ok(ctx.t.class_report_done(path.display().to_string())),
        Err(text) => bad(text),
    });
    report.running = None;
}
