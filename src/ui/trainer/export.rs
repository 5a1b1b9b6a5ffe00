//! Page "Xuất dữ liệu": one button per format. The file goes where the trainer typed (a folder or a
//! file), or, with the box empty, where the system's save dialog says. The export runs on a worker
//! thread and reports its progress to a bar here; the message at the end names the file. A place inside
//! the data folder is refused with a message (the export would replace the records).
//!
//! Also here: the xAPI home page (`account.homePage` of every statement), a setting.

use std::path::PathBuf;

use crate::app::Notice;
use crate::command::Command;
use crate::export::Format;
use crate::i18n::{I18n, Lang};
use crate::job::{Job, Poll};
use crate::trainer::Change;
use crate::trainer::transfer::{self, ExportJob};
use crate::ui::UiExt;
use crate::ui::trainer::TrainerState;
use crate::ui::trainer::{bad, notice_ui, ok};
use crate::ui::{Commands, ScreenCtx};

/// An export under way.
#[derive(Debug)]
struct Running {
    path: PathBuf,
    /// The outcome: done, or the message that says why not.
    job: Job<Result<(), String>>,
    /// Learners left out of the certificates for want of a name (said once the export is done).
    nameless: usize,
}

/// The export page's state.
#[derive(Debug, Default)]
pub struct ExportState {
    /// Where to save, as typed: a folder or a file; empty to be asked.
    pub path: String,
    /// The home page being edited; `None` until the page is first drawn (then the setting).
    pub home_page: Option<String>,
    /// The outcome of the last export.
    pub message: Option<Notice>,
    pub home_message: Option<Notice>,
    running: Option<Running>,
    /// A save dialog is open (on its own thread) for this format.
    dialog: Option<(Format, Job<Option<PathBuf>>)>,
}

impl ExportState {
    /// Whether an export is running or a save dialog is open.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.running.is_some() || self.dialog.is_some()
    }
}

fn format_label(t: &I18n, format: Format) -> String {
    match format {
        Format::Xlsx => t.trainer_export_xlsx(),
        Format::Csv => t.trainer_export_csv(),
        Format::Pdf => t.trainer_export_pdf(),
        Format::Json => t.trainer_export_json(),
        Format::Xapi => t.trainer_export_xapi(),
    }
}

/// Draws the export page.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    let mut start = None;
    let mut save_home = None;
    {
        let t = ctx.t;
        let state = &mut state.export;
        let home = state
            .home_page
            .get_or_insert_with(|| ctx.settings.xapi_home_page.clone());
        ui.page("trainer-export", ui.tokens().sizes.page_width, |ui| {
            ui.section(t.trainer_tab_export());
            ui.label(t.trainer_export_body());
            ui.add_space(6.0);
            let l = ui.label(t.trainer_export_path());
            ui.add(
                egui::TextEdit::singleline(&mut state.path)
                    .hint_text(t.trainer_export_path_hint())
                    .desired_width(ui.available_width().min(600.0)),
            )
            .labelled_by(l.id);
            ui.add_space(6.0);
            let busy = state.running.is_some() || state.dialog.is_some();
            ui.horizontal_wrapped(|ui| {
                ui.add_enabled_ui(!busy, |ui| {
                    for format in Format::ALL {
                        if ui.big_button(format_label(t, format)).clicked() {
                            start = Some(format);
                        }
                    }
                });
            });
            if let Some(running) = &state.running {
                ui.add_space(6.0);
                ui.label(t.trainer_export_running());
                let fraction = running.job.fraction();
                ui.progress_bar(fraction, Some(format!("{}%", (fraction * 100.0).round())));
            }
            if let Some(message) = &state.message {
                ui.add_space(6.0);
                notice_ui(ui, message);
            }

            ui.add_space(16.0);
            ui.separator();
            let l = ui.label(t.trainer_home_page());
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::TextEdit::singleline(home)
                        .hint_text(t.trainer_home_page_hint())
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                if ui.button(t.trainer_home_page_save()).clicked() {
                    save_home = Some(home.clone());
                }
            });
            if let Some(message) = &state.home_message {
                notice_ui(ui, message);
            }
        });
    }
    if let Some(url) = save_home {
        out.push(Command::Trainer(Change::SetHomePage(url)));
    }
    if let Some(format) = start {
        let now = crate::learning::now();
        match transfer::target_path(&state.export.path, format, &now) {
            Some(path) => begin(state, ctx, ui.ctx(), format, path),
            None => open_dialog(state, ctx, ui.ctx(), format),
        }
    }
}

/// Asks where to save with the system's dialog, on a thread so the window keeps drawing.
fn open_dialog(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, format: Format) {
    let name = transfer::default_file_name(format, &crate::learning::now());
    let title = ctx.t.trainer_export_save_title();
    let spawned = Job::spawn("save-dialog", Some(wake.clone()), move |_| {
        let extension = format.extension().rsplit('.').next().unwrap_or("json").to_owned();
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(name)
            .add_filter(format.name().to_uppercase(), &[extension])
            .save_file()
    });
    match spawned {
        Ok(job) => {
            state.export.message = None;
            state.export.dialog = Some((format, job));
        }
        Err(e) => {
            log::error!("save dialog thread: {e}");
            state.export.message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Starts an export of the current records to `path` on a worker thread.
fn begin(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, format: Format, path: PathBuf) {
    let Some(records) = ctx.records else { return };
    // The events are read again from the journal file on the worker thread, not copied from memory.
    let job = ExportJob::new(
        format,
        records.progress(),
        crate::export::JournalEvents(ctx.data_dir.to_path_buf()),
        ctx.catalog,
        records.device(),
        crate::learning::now(),
        &ctx.settings.xapi_home_page,
    );
    let nameless = job.nameless_left_out();
    let lang: Lang = ctx.t.lang();
    let target = path.clone();
    let data_dir = ctx.data_dir.to_path_buf();
    let spawned = Job::spawn("export", Some(wake.clone()), move |reporter| {
        let t = I18n::new(lang);
        let mut progress = |done: usize, total: usize| reporter.progress(done, total);
        job.write(&t, &target, &data_dir, &mut progress).map_err(|e| {
            log::error!("export to {}: {e}", target.display());
            e.render(&t, &target)
        })
    });
    let state = &mut state.export;
    match spawned {
        Ok(job) => {
            state.message = None;
            state.running = Some(Running { path, job, nameless });
        }
        Err(e) => {
            log::error!("export thread: {e}");
            state.message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Takes what the dialog and the worker reported since the last frame.
pub(super) fn poll(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context) {
    if let Some((format, job)) = &mut state.export.dialog {
        let format = *format;
        match job.poll() {
            Poll::Done(Some(path)) => {
                state.export.dialog = None;
                begin(state, ctx, wake, format, path);
            }
            // Cancelled, or no dialog could be shown on this PC (no portal, no zenity): say how to go on.
            Poll::Done(None) | Poll::Lost => {
                state.export.dialog = None;
                state.export.message = Some(bad(ctx.t.trainer_export_no_place()));
            }
            // The dialog's thread wakes the window when it closes.
            Poll::Running { .. } => {}
        }
    }
    let t = ctx.t;
    let state = &mut state.export;
    let Some(running) = &mut state.running else {
        return;
    };
    let outcome = match running.job.poll() {
        Poll::Done(outcome) => outcome,
        Poll::Lost => Err(t.trainer_export_failed_start()),
        // The worker wakes the window at each percent and at the end.
        Poll::Running { .. } => return,
    };
    state.message = Some(match outcome {
        Ok(()) => {
            let mut text = t.trainer_export_done(running.path.display().to_string());
            if running.nameless > 0 {
                text = format!("{text} {}", t.export_nameless_left_out(running.nameless));
            }
            ok(text)
        }
        Err(text) => bad(text),
    });
    state.running = None;
}
