//! Page "Nhập dữ liệu": exchange files from other PCs, chosen one by one, as a whole folder (a USB
//! stick: every `*.json` in it), or typed. The files are read and checked on a worker thread; the
//! events of the good ones are then merged into the journal (a union by id) after the frame, and each
//! file gets one line: how many records were new and how many were already here, or why nothing was
//! taken from it.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::RichText;

use crate::app::{App, Notice};
use crate::command::Command;
use crate::export::json::Exchange;
use crate::trainer::Change;
use crate::trainer::transfer::{self, FileProblem};
use crate::ui::trainer::{bad, notice_ui, ok};
use crate::ui::{UiExt, theme};

/// What the worker found for one chosen path.
#[derive(Debug)]
enum Read {
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
    reading: Option<Receiver<Vec<Read>>>,
    /// A file or folder dialog is open on its own thread.
    dialog: Option<Receiver<Option<Vec<PathBuf>>>>,
    /// Read files waiting for [`Change::ApplyImport`].
    pending: Vec<Read>,
}

impl ImportState {
    /// Whether files are being chosen, read or imported.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.reading.is_some() || self.dialog.is_some() || !self.pending.is_empty()
    }
}

/// Draws the import page.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let pal = crate::ui::theme::Tokens::of(app.settings.theme).colors;
    let t = &app.t;
    let state = &mut app.trainer.import;
    let busy = state.busy();
    let mut chosen: Option<Vec<PathBuf>> = None;
    let mut pick = None;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        ui.label(RichText::new(t.trainer_tab_import()).text_style(theme::h2()));
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
                    egui::TextEdit::singleline(&mut state.path)
                        .hint_text(t.trainer_import_path_hint())
                        .desired_width(ui.available_width().min(520.0)),
                )
                .labelled_by(l.id);
                if ui.button(t.trainer_import_start()).clicked() && !state.path.trim().is_empty() {
                    chosen = Some(vec![PathBuf::from(state.path.trim())]);
                }
            });
        });
        if busy {
            // No spinner: it would repaint 60 times a second on old PCs for as long as the files take.
            ui.label(RichText::new(t.trainer_import_running()).strong());
        }
        for line in &state.report {
            notice_ui(ui, &pal, line);
        }
    });
    if let Some(folder) = pick {
        open_dialog(app, ui.ctx(), folder);
    }
    if let Some(paths) = chosen {
        begin(app, ui.ctx(), paths);
    }
}

fn open_dialog(app: &mut App, ctx: &egui::Context, folder: bool) {
    let (tx, rx) = mpsc::channel();
    let title = app.t.trainer_import_pick_title();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("open-dialog".into())
        .spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(title);
            let paths = if folder {
                dialog.pick_folder().map(|p| vec![p])
            } else {
                dialog.add_filter("JSON", &["json"]).pick_files()
            };
            let _ = tx.send(paths);
            ctx.request_repaint();
        });
    match spawned {
        Ok(_) => app.trainer.import.dialog = Some(rx),
        Err(e) => {
            log::error!("open dialog thread: {e}");
            app.trainer.import.report = vec![bad(app.t.trainer_export_failed_start())];
        }
    }
}

/// Reads and checks the files at `paths` on a worker thread.
fn begin(app: &mut App, ctx: &egui::Context, paths: Vec<PathBuf>) {
    let (tx, rx) = mpsc::channel();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new().name("import".into()).spawn(move || {
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
        let _ = tx.send(reads);
        ctx.request_repaint();
    });
    let state = &mut app.trainer.import;
    match spawned {
        Ok(_) => {
            state.report.clear();
            state.reading = Some(rx);
        }
        Err(e) => {
            log::error!("import thread: {e}");
            state.report = vec![bad(app.t.trainer_export_failed_start())];
        }
    }
}

/// Takes what the dialog and the worker reported since the last frame.
pub(super) fn poll(app: &mut App, ctx: &egui::Context) {
    if let Some(rx) = &app.trainer.import.dialog {
        match rx.try_recv() {
            Ok(Some(paths)) => {
                app.trainer.import.dialog = None;
                begin(app, ctx, paths);
            }
            // Cancelled, or no dialog could be shown on this PC: say how to go on.
            Ok(None) | Err(TryRecvError::Disconnected) => {
                app.trainer.import.dialog = None;
                app.trainer.import.report = vec![bad(app.t.trainer_import_none_chosen())];
            }
            // The dialog's thread wakes the window when it closes.
            Err(TryRecvError::Empty) => {}
        }
    }
    let state = &mut app.trainer.import;
    if let Some(rx) = &state.reading {
        match rx.try_recv() {
            Ok(reads) => {
                state.reading = None;
                state.pending = reads;
                app.push(Command::Trainer(Change::ApplyImport));
            }
            Err(TryRecvError::Disconnected) => state.reading = None,
            // The worker wakes the window when it is done.
            Err(TryRecvError::Empty) => {}
        }
    }
}

/// Merges the events of the files read into the journal, one file at a time, and reports each.
pub(super) fn apply(app: &mut App) {
    let reads = std::mem::take(&mut app.trainer.import.pending);
    let t = &app.t;
    // "Nothing was changed" is only true when no file of this import is taken.
    let any_taken = reads
        .iter()
        .any(|r| matches!(r, Read::File { result: Ok(_), .. }));
    let mut report = Vec::with_capacity(reads.len());
    for read in reads {
        let mut warnings = Vec::new();
        report.push(match read {
            Read::NotFound(path) => bad(t.trainer_import_not_found(path)),
            Read::NoFiles(path) => bad(t.trainer_import_no_files(path)),
            Read::File {
                name,
                result: Err(problem),
            } if any_taken => bad(problem.render_skipped(t, &name)),
            Read::File {
                name,
                result: Err(problem),
            } => bad(problem.render(t, &name)),
            Read::File {
                name,
                result: Ok(exchange),
            } => match app.records.as_mut().map(|r| r.import(exchange.events())) {
                Some(Ok(c)) => {
                    warnings = transfer::import_warnings(t, &c);
                    ok(t.trainer_import_file_done(c.imported, name, c.already_present))
                }
                Some(Err(e)) => {
                    log::error!("import {name}: {e}");
                    bad(crate::app::store_message(t, &e))
                }
                None => bad(app.records_error.clone().unwrap_or_default()),
            },
        });
        report.extend(warnings.into_iter().map(bad));
    }
    app.trainer.import.report = report;
}
