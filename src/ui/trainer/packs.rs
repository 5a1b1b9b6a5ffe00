//! Page "Cập nhật bài học": install a signed lesson pack (`crate::pack`). The trainer picks a `.kns`
//! (system dialog on a worker thread, or a typed path); the pack is read and verified on a worker
//! thread; the page then shows the publisher, the key's fingerprint and what changes, with "Cài đặt gói" (not "Cài đặt", the settings button's word) and
//! "Huỷ". Below: the installed packs, each with "Gỡ" (asked again before), and the trusted publishers
//! with "Thêm khoá" (pasted, or read from a `.pub` file), shown with the fingerprint and a warning.
//! Installing, removing and trusting are `trainer::Change`s applied after the frame (`app::trainer`).

use std::path::PathBuf;

use egui::RichText;

use crate::app::Notice;
use crate::command::Command;
use crate::job::{Job, Poll};
use crate::pack::{self, ModuleChange, Pack, PublicKey, Refusal, Trust, words};
use crate::trainer::Change;
use crate::ui::trainer::{TrainerState, bad, notice_ui};
use crate::ui::{Commands, NoticeKind, ScreenCtx, UiExt};

/// A verified pack waiting for "Cài đặt", with what it changes.
#[derive(Debug)]
pub struct Verified {
    pub pack: Pack,
    pub changes: Vec<ModuleChange>,
}

/// The page's state.
#[derive(Debug, Default)]
pub struct PacksState {
    /// A `.kns` path, as typed.
    pub path: String,
    dialog: Option<Job<Option<PathBuf>>>,
    checking: Option<Job<Result<Pack, Refusal>>>,
    /// The pack checked last, shown with its changes until installed or cancelled.
    pub verified: Option<Verified>,
    /// The outcome of the last check, install or removal.
    pub message: Option<Notice>,
    /// The pack id whose "Gỡ" waits for confirmation.
    pub confirm_remove: Option<String>,
    /// A public key, as pasted.
    pub key_text: String,
    key_dialog: Option<Job<Option<String>>>,
    /// The outcome of the last "Thêm khoá".
    pub key_message: Option<Notice>,
    /// The installed packs (each verified again) and the trusted keys, read when the page is first drawn
    /// and again after each change (`None` asks for a new read), not on every frame.
    listed: Option<Listed>,
}

/// What the page lists.
#[derive(Debug)]
struct Listed {
    installed: Vec<pack::install::Installed>,
    trusted: Vec<(PublicKey, String)>,
}

impl PacksState {
    /// Reads the installed packs and trusted keys again on the next frame.
    pub fn refresh(&mut self) {
        self.listed = None;
    }

    /// Forgets what was checked or asked (the area was locked).
    pub fn reset(&mut self) {
        self.verified = None;
        self.confirm_remove = None;
        self.listed = None;
    }

    /// Whether a file is being chosen or checked.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.dialog.is_some() || self.checking.is_some() || self.key_dialog.is_some()
    }
}

/// Draws the page.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    let t = ctx.t;
    let mut pick = false;
    let mut check: Option<PathBuf> = None;
    let mut pick_key = false;
    let page = &mut state.packs;
    if page.listed.is_none() {
        let trust = Trust::load(ctx.data_dir);
        page.listed = Some(Listed {
            installed: pack::install::installed(ctx.data_dir, &trust),
            trusted: trust.added,
        });
    }
    ui.page("trainer-packs", ui.tokens().sizes.page_width, |ui| {
        let page = &mut state.packs;
        ui.section(t.pack_title());
        ui.label(t.pack_body());
        ui.add_space(6.0);
        ui.add_enabled_ui(!page.busy() && page.verified.is_none(), |ui| {
            if ui.big_button(t.pack_pick()).clicked() {
                pick = true;
            }
            ui.add_space(6.0);
            let l = ui.label(t.pack_path());
            ui.horizontal_wrapped(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut page.path).desired_width(ui.available_width().min(520.0)),
                )
                .labelled_by(l.id);
                if ui.button(t.pack_check()).clicked() && !page.path.trim().is_empty() {
                    check = Some(PathBuf::from(page.path.trim()));
                }
            });
        });
        if page.checking.is_some() {
            ui.label(RichText::new(t.pack_checking()).strong());
        }
        if let Some(message) = &page.message {
            notice_ui(ui, message);
        }
        verified_ui(ui, ctx, page, out);
        ui.add_space(ui.tokens().sizes.gap_large);
        installed_ui(ui, ctx, page, out);
        ui.add_space(ui.tokens().sizes.gap_large);
        pick_key = keys_ui(ui, ctx, page, out);
    });
    if pick {
        open_dialog(state, ctx, ui.ctx());
    }
    if let Some(path) = check {
        begin(state, ctx, ui.ctx(), path);
    }
    if pick_key {
        open_key_dialog(state, ctx, ui.ctx());
    }
}

/// The checked pack: publisher, fingerprint, what changes, "Cài đặt gói" / "Huỷ".
fn verified_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, page: &mut PacksState, out: &mut Commands) {
    let t = ctx.t;
    let Some(v) = &page.verified else { return };
    let m = &v.pack.manifest;
    let mut cancel = false;
    ui.card(|ui| {
        ui.subsection(t.pack_summary(words::date(&m.published), m.title.clone()));
        ui.label(t.pack_publisher(m.publisher.clone()));
        ui.label(t.pack_fingerprint(v.pack.fingerprint()));
        ui.add_space(6.0);
        ui.label(RichText::new(t.pack_changes()).strong());
        for change in &v.changes {
            let kind = match change {
                ModuleChange::NotNewer { .. } => NoticeKind::Bad,
                _ => NoticeKind::Good,
            };
            ui.tone_label(kind, format!("• {}", words::change(t, change)));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.primary_button(t.pack_install()).clicked() {
                out.push(Command::Trainer(Change::InstallPack));
            }
            if ui.big_button(t.pack_cancel()).clicked() {
                cancel = true;
            }
        });
    });
    if cancel {
        page.verified = None;
        page.message = None;
    }
}

fn installed_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, page: &mut PacksState, out: &mut Commands) {
    let t = ctx.t;
    ui.subsection(t.pack_installed_title());
    let Some(listed) = &page.listed else { return };
    if listed.installed.is_empty() {
        ui.muted(t.pack_installed_none());
    }
    let mut confirm = None;
    for item in &listed.installed {
        let id = &item.entry.id;
        let title = match &item.pack {
            Ok(p) => p.manifest.title.clone(),
            Err(_) => id.clone(),
        };
        ui.card(|ui| {
            match &item.pack {
                Ok(p) => {
                    let m = &p.manifest;
                    ui.label(t.pack_installed_row(
                        words::date(&item.entry.installed),
                        m.publisher.clone(),
                        m.title.clone(),
                    ));
                    ui.muted(t.pack_fingerprint(p.fingerprint()));
                }
                Err(why) => {
                    ui.tone_label(
                        NoticeKind::Bad,
                        t.pack_installed_damaged(id.clone(), words::refusal(t, why)),
                    );
                }
            }
            if page.confirm_remove.as_deref() == Some(id.as_str()) {
                ui.label(t.pack_remove_confirm(title));
                ui.horizontal(|ui| {
                    if ui.primary_button(t.pack_remove_yes()).clicked() {
                        out.push(Command::Trainer(Change::RemovePack(id.clone())));
                        confirm = Some(None);
                    }
                    if ui.big_button(t.pack_cancel()).clicked() {
                        confirm = Some(None);
                    }
                });
            } else if ui.button(t.pack_remove()).clicked() {
                confirm = Some(Some(id.clone()));
            }
        });
    }
    if let Some(c) = confirm {
        page.confirm_remove = c;
    }
}

/// The trusted publishers and "Thêm khoá"; true when the key file dialog is asked for.
fn keys_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, page: &mut PacksState, out: &mut Commands) -> bool {
    let t = ctx.t;
    ui.subsection(t.pack_keys_title());
    if let Some(project) = PublicKey::project() {
        ui.label(t.pack_keys_project(project.fingerprint()));
    }
    for (key, added) in page.listed.iter().flat_map(|l| &l.trusted) {
        ui.label(t.pack_keys_row(words::date(added), key.fingerprint()));
    }
    ui.add_space(6.0);
    ui.notice(NoticeKind::Bad, t.pack_keys_warning());
    let l = ui.label(t.pack_keys_paste());
    ui.add(egui::TextEdit::singleline(&mut page.key_text).desired_width(ui.available_width().min(640.0)))
        .labelled_by(l.id);
    let mut pick = false;
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(!page.busy(), egui::Button::new(t.pack_keys_from_file()))
            .clicked()
        {
            pick = true;
        }
        if ui.button(t.pack_keys_show()).clicked() {
            page.key_message = Some(match PublicKey::parse(&page.key_text) {
                Some(key) => Notice {
                    text: t.pack_keys_check(key.fingerprint()),
                    is_error: false,
                },
                None => bad(t.pack_keys_bad()),
            });
        }
        if ui.primary_button(t.pack_keys_add()).clicked() {
            match PublicKey::parse(&page.key_text) {
                Some(_) => out.push(Command::Trainer(Change::TrustKey(page.key_text.clone()))),
                None => page.key_message = Some(bad(t.pack_keys_bad())),
            }
        }
    });
    if let Some(message) = &page.key_message {
        notice_ui(ui, message);
    }
    pick
}

fn open_dialog(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context) {
    let title = ctx.t.pack_pick_title();
    let spawned = Job::spawn("open-dialog", Some(wake.clone()), move |_| {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("Kỹ Năng Số (.kns)", &["kns"])
            .pick_file()
    });
    match spawned {
        Ok(job) => state.packs.dialog = Some(job),
        Err(e) => {
            log::error!("open dialog thread: {e}");
            state.packs.message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

fn open_key_dialog(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context) {
    let title = ctx.t.pack_keys_from_file();
    let spawned = Job::spawn("open-dialog", Some(wake.clone()), move |_| {
        let path = rfd::FileDialog::new()
            .set_title(title)
            .add_filter("Kỹ Năng Số (.pub)", &["pub"])
            .pick_file()?;
        pack::keys::read_key_file(&path).ok()
    });
    match spawned {
        Ok(job) => state.packs.key_dialog = Some(job),
        Err(e) => {
            log::error!("open dialog thread: {e}");
            state.packs.key_message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Reads and verifies the pack at `path` on a worker thread.
pub(crate) fn begin(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, path: PathBuf) {
    let data_dir = ctx.data_dir.to_path_buf();
    let spawned = Job::spawn("pack-verify", Some(wake.clone()), move |_| {
        pack::open(&path, &data_dir)
    });
    let page = &mut state.packs;
    match spawned {
        Ok(job) => {
            page.message = None;
            page.verified = None;
            page.checking = Some(job);
        }
        Err(e) => {
            log::error!("pack thread: {e}");
            page.message = Some(bad(ctx.t.trainer_export_failed_start()));
        }
    }
}

/// Takes what the dialogs and the checker reported since the last frame.
pub(super) fn poll(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context) {
    if let Some(job) = &mut state.packs.dialog {
        match job.poll() {
            Poll::Done(Some(path)) => {
                state.packs.dialog = None;
                state.packs.path = path.display().to_string();
                begin(state, ctx, wake, path);
            }
            Poll::Done(None) | Poll::Lost => {
                state.packs.dialog = None;
                state.packs.message = Some(bad(ctx.t.pack_none_chosen()));
            }
            Poll::Running { .. } => {}
        }
    }
    let page = &mut state.packs;
    if let Some(job) = &mut page.key_dialog {
        match job.poll() {
            Poll::Done(Some(text)) => {
                page.key_dialog = None;
                page.key_text = text.trim().to_owned();
                page.key_message = Some(match PublicKey::parse(&text) {
                    Some(key) => Notice {
                        text: ctx.t.pack_keys_check(key.fingerprint()),
                        is_error: false,
                    },
                    None => bad(ctx.t.pack_keys_bad()),
                });
            }
            Poll::Done(None) | Poll::Lost => page.key_dialog = None,
            Poll::Running { .. } => {}
        }
    }
    if let Some(job) = &mut page.checking {
        match job.poll() {
            Poll::Done(Ok(pack)) => {
                page.checking = None;
                let changes = pack::changes(ctx.catalog, &pack);
                page.verified = Some(Verified { pack, changes });
            }
            Poll::Done(Err(why)) => {
                page.checking = None;
                log::warn!("pack refused: {why:?}");
                page.message = Some(bad(ctx.t.pack_refused(words::refusal(ctx.t, &why))));
            }
            Poll::Lost => {
                page.checking = None;
                page.message = Some(bad(ctx
                    .t
                    .pack_refused(words::refusal(ctx.t, &Refusal::Unreadable))));
            }
            Poll::Running { .. } => {}
        }
    }
}
