//! Page "Nhập dữ liệu": exchange files from other PCs, chosen one by one, as a whole folder (a USB
//! stick: every `*.json` in it), or typed. The files are read and checked on a worker thread; the
//! events of the good ones are then merged into the journal (a union by id) after the frame, and each
//! file gets one line: how many records were new and how many were already here, or why nothing was
//! taken from it.

use std::path::PathBuf;

use egui::RichText;

use crate::app::Notice;
use crate::command::Command;
use crate::export::json::Exchange;
use crate::job::{Job, Poll};
use crate::trainer::Change;
use crate::trainer::transfer::{self, FileProblem};
use crate::ui::UiExt;
use crate::ui::trainer::TrainerState;
use crate::ui::trainer::{bad, notice_ui};
use crate::ui::{Commands, ScreenCtx};

/// What the worker found for one chosen path.
#[derive(Debug)]
pub(crate) enum Read {
    /// One file, read and checked.
    File {
        name: String,
        result: Result<Exchange, FileProblem>,
    },
    /// The path does not exist.
    NotFound(String),
    /// A folder without exchange files.
    NoFiles(String),
}

/// The import page's state.
#[derive(Debug, Default)]
pub struct ImportState {
    /// A file or folder, as typed.
    pub path: String,
    /// One line per file of the last import.
    pub report: Vec<Notice>,
    reading: Option<Job<Vec<Read>>>,
    /// A file or folder dialog is open on its own thread.
    dialog: Option<Job<Option<Vec<PathBuf>>>>,
    /// Read files waiting for [`Change::ApplyImport`].
    pub(crate) pending: Vec<Read>,
}

impl ImportState {
    /// Whether files are being chosen, read or imported.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.reading.is_some() || self.dialog.is_some() || !self.pending.is_empty()
    }
}

/// Draws the import page.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState) {
    let t = ctx.t;
    let page = &mut state.import;
    let busy = page.busy();
    let mut chosen: Option<Vec<PathBuf>> = None;
    let mut pick = None;
    ui.page("trainer-import", ui.tokens().sizes.page_width, |ui| {
        ui.section(t.trainer_tab_import());
        ui.label(t.trainer_import_body());
        ui.add_space(6.0);
        ui.add_enabled_ui(!busy, |ui| {
            ui.horizontal_wrapped(|ui| {
                if ui.big_button(t.trainer_import_pick_files()).clicked() {
                    pick = Some(false);
                }
                if ui.big_button(t.trainer_import_pick_folder()).clicked() {
                    pick = Some(true);
                }
            });
            ui.add_space(6.0);
            let l = ui.label(t.trainer_import_path());
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut page.path)
                        .hint_text(t.trainer_import_path_hint())
                        .desired_width(ui.available_width().min(520.0)),
                )
                .labelled_by(l.id);
                if ui.button(t.trainer_import_start()).clicked() && !page.path.trim().is_empty() {
                    chosen = Some(vec![PathBuf::from(page.path.trim())]);
                }
            });
        });
        if busy {
            // No spinner: it would repaint 60 times a second on old PCs for as long as the files take.
            ui.label(RichText::new(t.trainer_import_running()).strong());
        }
        for line in &page.report {
            notice_ui(ui, line);
        }
    });
    if let Some(folder) = pick {
        open_dialog(state, ctx, ui.ctx(), folder);
    }
    if let Some(paths) = chosen {
        begin(state, ctx, ui.ctx(), paths);
    }
}

fn open_dialog(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, folder: bool) {
    let title = ctx.t.trainer_import_pick_title();
    let spawned = Job::spawn("open-dialog", Some(wake.clone()), move |_| {
        let dialog = rfd::FileDialog::new().set_title(title);
        if folder {
            dialog.pick_folder().map(|p| vec![p])
        } else {
            dialog.add_filter("JSON", &["json"]).pick_files()
        }
    });
    match spawned {
        Ok(job) => state.import.dialog = Some(job),
        Err(e) => {
            log::error!("open dialog thread: {e}");
            state.import.report = vec![bad(ctx.t.trainer_export_failed_start())];
        }
    }
}

/// Reads and checks the files at `paths` on a worker thread.
fn begin(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, paths: Vec<PathBuf>) {
    let spawned = Job::spawn("import", Some(wake.clone()), move |_| {
        let mut reads = Vec::new();
        for path in paths {
            let shown = path.display().to_string();
            match transfer::exchange_files(&path) {
                Err(_) => reads.push(Read::NotFound(shown)),
                Ok(files) if files.is_empty() => reads.push(Read::NoFiles(shown)),
                Ok(files) => {
                    for file in files {
                        reads.push(Read::File {
                            name: transfer::display_name(&file),
                            result: transfer::read_exchange(&file),
                        });
                    }
                }
            }
        }
        reads
    });
    let state = &mut state.import;
    match spawned {
        Ok(job) => {
            state.report.clear();
            state.reading = Some(job);
        }
        Err(e) => {
            log::error!("import thread: {e}");
            state.report = vec![bad(ctx.t.trainer_export_failed_start())];
        }
    }
}

/// Takes what the dialog and the worker reported since the last frame.
pub(super) fn poll(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, out: &mut Commands) {
    if let Some(job) = &mut state.import.dialog {
        match job.poll() {
            Poll::Done(Some(paths)) => {
                state.import.dialog = None;
                begin(state, ctx, wake, paths);
            }
            // Cancelled, or no dialog could be shown on this PC: say how to go on.
            Poll::Done(None) | Poll::Lost => {
                state.import.dialog = None;
                state.import.report = vec![bad(ctx.t.trainer_import_none_chosen())];
            }
            // The dialog's thread wakes the window when it closes.
            Poll::Running { .. } => {}
        }
    }
    let state = &mut state.import;
    if let Some(job) = &mut state.reading {
        match job.poll() {
            Poll::Done(reads) => {
                state.reading = None;
                state.pending = reads;
                out.push(Command::Trainer(Change::ApplyImport));
            }
            Poll::Lost => state.reading = None,
            // The worker wakes the window when it is done.
            Poll::Running { .. } => {}
        }
    }
}
