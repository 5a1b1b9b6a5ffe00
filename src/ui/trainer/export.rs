//! Page "Xuất dữ liệu": one button per format. The file goes where the trainer typed (a folder or a
//! file), or, with the box empty, where the system's save dialog says. The export runs on a worker
//! thread and reports its progress to a bar here; the message at the end names the file. A place inside
//! the data folder is refused with a message (the export would replace the records).
//!
//! Also here: the xAPI home page (`account.homePage` of every statement), a setting.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::RichText;

use crate::app::{App, Notice};
use crate::command::Command;
use crate::export::Format;
use crate::i18n::{I18n, Lang};
use crate::trainer::Change;
use crate::trainer::transfer::{self, ExportJob};
use crate::ui::trainer::{bad, notice_ui, ok};
use crate::ui::{UiExt, theme};

/// What the worker thread reports.
#[derive(Debug)]
enum Report {
    Progress { done: usize, total: usize },
    Finished(Result<(), String>),
}

/// An export under way.
#[derive(Debug)]
struct Running {
    path: PathBuf,
    rx: Receiver<Report>,
    done: usize,
    total: usize,
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
    dialog: Option<(Format, Receiver<Option<PathBuf>>)>,
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
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let pal = crate::ui::theme::Tokens::of(app.settings.theme).colors;
    let mut start = None;
    let mut save_home = None;
    {
        let t = &app.t;
        let state = &mut app.trainer.export;
        let home = state
            .home_page
            .get_or_insert_with(|| app.settings.xapi_home_page.clone());
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(900.0));
            ui.label(RichText::new(t.trainer_tab_export()).text_style(theme::h2()));
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
                let fraction = if running.total == 0 {
                    0.0
                } else {
                    running.done as f32 / running.total as f32
                };
                ui.add(egui::ProgressBar::new(fraction).show_percentage());
            }
            if let Some(message) = &state.message {
                ui.add_space(6.0);
                notice_ui(ui, &pal, message);
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
                notice_ui(ui, &pal, message);
            }
        });
    }
    if let Some(url) = save_home {
        app.push(Command::Trainer(Change::SetHomePage(url)));
    }
    if let Some(format) = start {
        let now = crate::learning::now();
        match transfer::target_path(&app.trainer.export.path, format, &now) {
            Some(path) => begin(app, ui.ctx(), format, path),
            None => open_dialog(app, ui.ctx(), format),
        }
    }
}

/// Asks where to save with the system's dialog, on a thread so the window keeps drawing.
fn open_dialog(app: &mut App, ctx: &egui::Context, format: Format) {
    let (tx, rx) = mpsc::channel();
    let name = transfer::default_file_name(format, &crate::learning::now());
    let title = app.t.trainer_export_save_title();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("save-dialog".into())
        .spawn(move || {
            let extension = format.extension().rsplit('.').next().unwrap_or("json").to_owned();
            let path = rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(name)
                .add_filter(format.name().to_uppercase(), &[extension])
                .save_file();
            let _ = tx.send(path);
            ctx.request_repaint();
        });
    match spawned {
        Ok(_) => {
            app.trainer.export.message = None;
            app.trainer.export.dialog = Some((format, rx));
        }
        Err(e) => {
            log::error!("save dialog thread: {e}");
            app.trainer.export.message = Some(bad(app.t.trainer_export_failed_start()));
        }
    }
}

/// Starts an export of the current records to `path` on a worker thread.
fn begin(app: &mut App, ctx: &egui::Context, format: Format, path: PathBuf) {
    let Some(records) = &app.records else { return };
    // The events are read again from the journal file on the worker thread, not copied from memory.
    let job = ExportJob::new(
        format,
        records.progress(),
        crate::export::JournalEvents(app.data_dir.clone()),
        &app.catalog,
        records.device(),
        crate::learning::now(),
        &app.settings.xapi_home_page,
    );
    let nameless = job.nameless_left_out();
    let (tx, rx) = mpsc::channel();
    let lang: Lang = app.t.lang();
    let target = path.clone();
    let data_dir = app.data_dir.clone();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new().name("export".into()).spawn(move || {
        let t = I18n::new(lang);
        let mut last = None;
        let mut progress = |done: usize, total: usize| {
            // One report per percent is plenty for a bar, and keeps the channel short.
            let percent = done * 100 / total.max(1);
            if last != Some(percent) {
                last = Some(percent);
                let _ = tx.send(Report::Progress { done, total });
                ctx.request_repaint();
            }
        };
        let result = job.write(&t, &target, &data_dir, &mut progress).map_err(|e| {
            log::error!("export to {}: {e}", target.display());
            e.render(&t, &target)
        });
        let _ = tx.send(Report::Finished(result));
        ctx.request_repaint();
    });
    let state = &mut app.trainer.export;
    match spawned {
        Ok(_) => {
            state.message = None;
            state.running = Some(Running {
                path,
                rx,
                done: 0,
                total: 0,
                nameless,
            });
        }
        Err(e) => {
            log::error!("export thread: {e}");
            state.message = Some(bad(app.t.trainer_export_failed_start()));
        }
    }
}

/// Takes what the dialog and the worker reported since the last frame.
pub(super) fn poll(app: &mut App, ctx: &egui::Context) {
    if let Some((format, rx)) = &app.trainer.export.dialog {
        match rx.try_recv() {
            Ok(Some(path)) => {
                let format = *format;
                app.trainer.export.dialog = None;
                begin(app, ctx, format, path);
            }
            // Cancelled, or no dialog could be shown on this PC (no portal, no zenity): say how to go on.
            Ok(None) | Err(TryRecvError::Disconnected) => {
                app.trainer.export.dialog = None;
                app.trainer.export.message = Some(bad(app.t.trainer_export_no_place()));
            }
            // The dialog's thread wakes the window when it closes.
            Err(TryRecvError::Empty) => {}
        }
    }
    let t = &app.t;
    let state = &mut app.trainer.export;
    let Some(running) = &mut state.running else {
        return;
    };
    let mut finished = None;
    loop {
        match running.rx.try_recv() {
            Ok(Report::Progress { done, total }) => {
                running.done = done;
                running.total = total;
            }
            Ok(Report::Finished(result)) => {
                finished = Some(result);
                break;
            }
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => {
                finished = Some(Err(t.trainer_export_failed_start()));
                break;
            }
        }
    }
    match finished {
        Some(Ok(())) => {
            let mut text = t.trainer_export_done(running.path.display().to_string());
            if running.nameless > 0 {
                text = format!("{text} {}", t.export_nameless_left_out(running.nameless));
            }
            state.message = Some(ok(text));
            state.running = None;
        }
        Some(Err(text)) => {
            state.message = Some(bad(text));
            state.running = None;
        }
        // The worker wakes the window at each percent and at the end.
        None => {}
    }
}
