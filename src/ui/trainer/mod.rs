//! "Giảng viên": the trainer area behind a PIN. Tabs for the roster (with each learner's page, where a
//! trainer renames, merges or deletes a profile), exports with a progress bar, imports from files or a
//! folder, and changing the PIN.
//!
//! The logic lives in `crate::trainer` (no window); this module draws it and keeps what is typed.
//! Changes to records and settings go through [`Change`]s that the app applies after the frame
//! ([`apply`]). Leaving the screen locks the area again, so a learner who comes to the PC next finds
//! it closed.

mod export;
mod import;
mod learner;
mod pin;
mod roster;

use egui::RichText;
use uuid::Uuid;

use crate::app::{App, Notice};
use crate::command::{Command, Screen};
use crate::settings::TrainerPin;
use crate::trainer::pin::Cost;
use crate::trainer::roster_view::{Filter, RosterView, Sort};
use crate::trainer::{self, Change, ProfileError};
use crate::ui::theme;

pub use export::ExportState;
pub use import::ImportState;
pub use learner::EditForm;
pub use pin::{PinCheck, PinForm};

/// A page of the trainer area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Roster,
    /// One learner's attempts, with rename, merge and delete.
    Learner(Uuid),
    Export,
    Import,
    /// Change the PIN.
    Pin,
}

/// A change waiting for the trainer to confirm it in a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Delete(Uuid),
    Merge { from: Uuid, into: Uuid },
}

/// Everything the trainer area remembers between frames.
#[derive(Debug, Default)]
pub struct TrainerState {
    /// The right PIN was given (or a new one set) since the area was last locked.
    pub unlocked: bool,
    /// Counts wrong PINs; locks from the third, longer each time.
    pub gate: trainer::pin::Gate,
    pub pin: PinForm,
    /// A PIN being checked or hashed on a worker thread.
    pin_check: Option<PinCheck>,
    /// The Argon2 cost of new PIN hashes: [`Cost::SHIPPED`] unless a test makes it cheap.
    pub pin_cost: Cost,
    pub page: Page,
    pub filter: Filter,
    pub sort: Sort,
    /// The roster, with the journal length it was built for (the journal only grows, so a new length
    /// means new events: rebuild).
    view: Option<(usize, RosterView)>,
    pub edit: EditForm,
    pub merge_search: String,
    pub confirm: Option<Confirm>,
    pub export: ExportState,
    pub import: ImportState,
    /// The pass this screen was last drawn in; a gap means the trainer left, and the area locks.
    last_pass: Option<u64>,
}

impl TrainerState {
    /// Closes the area: the PIN is needed again. Exports and imports under way go on.
    pub fn lock(&mut self) {
        self.unlocked = false;
        self.pin = PinForm::default();
        // A try under way stays counted as wrong; its answer is not wanted any more.
        self.pin_check = None;
        self.confirm = None;
        self.page = Page::Roster;
        self.edit = EditForm::default();
        self.merge_search.clear();
    }

    /// Whether a PIN is being checked or hashed ("checking…" on screen).
    #[must_use]
    pub fn checking_pin(&self) -> bool {
        self.pin_check.is_some()
    }

    /// The roster view, if built.
    #[must_use]
    pub fn view(&self) -> Option<&RosterView> {
        self.view.as_ref().map(|(_, v)| v)
    }
}

/// Draws the trainer area.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let pass = ui.ctx().cumulative_pass_nr();
    if app.trainer.last_pass.is_none_or(|p| p + 1 < pass) {
        app.trainer.lock();
    }
    app.trainer.last_pass = Some(pass);
    export::poll(app, ui.ctx());
    import::poll(app, ui.ctx());
    pin::poll(app);

    if !app.trainer.unlocked {
        pin::gate_ui(app, ui);
        return;
    }
    tabs_ui(app, ui);
    ui.add_space(6.0);
    match app.trainer.page {
        Page::Roster => roster::show(app, ui),
        Page::Learner(id) => learner::show(app, ui, id),
        Page::Export => export::show(app, ui),
        Page::Import => import::show(app, ui),
        Page::Pin => pin::change_ui(app, ui),
    }
    learner::confirm_ui(app, ui);
}

fn tabs_ui(app: &mut App, ui: &mut egui::Ui) {
    let t = &app.t;
    let state = &mut app.trainer;
    let mut lock = false;
    ui.horizontal_wrapped(|ui| {
        ui.heading(t.trainer_title());
        ui.separator();
        let on_roster = matches!(state.page, Page::Roster | Page::Learner(_));
        for (page, label, selected) in [
            (Page::Roster, t.trainer_tab_roster(), on_roster),
            (Page::Export, t.trainer_tab_export(), state.page == Page::Export),
            (Page::Import, t.trainer_tab_import(), state.page == Page::Import),
            (Page::Pin, t.trainer_tab_pin(), state.page == Page::Pin),
        ] {
            if ui.selectable_label(selected, label).clicked() {
                state.page = page;
                state.confirm = None;
            }
        }
        ui.separator();
        if ui.button(t.trainer_lock()).clicked() {
            lock = true;
        }
    });
    if lock {
        app.trainer.lock();
        let next = if app.learner().is_some() {
            Screen::Home
        } else {
            Screen::Learners
        };
        app.push(Command::Go(next));
    }
}

/// Applies a trainer's change after the frame.
pub fn apply(app: &mut App, action: Change) {
    match action {
        Change::SetPin(phc) => {
            app.settings.trainer_pin = TrainerPin::Set(phc);
            app.trainer.unlocked = true;
            app.trainer.pin = PinForm::default();
            let saved = save_settings(app);
            app.notice = Some(if saved {
                ok(app.t.trainer_pin_changed())
            } else {
                bad(app.t.trainer_pin_error_save())
            });
        }
        Change::RehashPin(phc) => {
            app.settings.trainer_pin = TrainerPin::Set(phc);
            // Logged if it fails; the old hash still opens the area.
            save_settings(app);
        }
        Change::SaveGate(kept) => {
            if app.settings.trainer_gate != kept {
                app.settings.trainer_gate = kept;
                // Logged if it fails; the wait still holds for as long as the app stays open.
                save_settings(app);
            }
        }
        Change::SetHomePage(url) => {
            let url = url.trim().to_owned();
            let valid = ["http://", "https://"]
                .iter()
                .any(|p| url.len() > p.len() && url.to_ascii_lowercase().starts_with(p));
            app.trainer.export.home_message = Some(if !valid {
                bad(app.t.trainer_home_page_invalid())
            } else {
                app.settings.xapi_home_page = url;
                if save_settings(app) {
                    ok(app.t.trainer_home_page_saved())
                } else {
                    bad(app.t.trainer_settings_save_failed())
                }
            });
        }
        Change::Rename {
            learner,
            name,
            unit,
            position,
        } => learner::apply_rename(app, learner, &name, &unit, &position),
        Change::Merge { from, into } => {
            let (from_name, into_name) = (learner_name(app, from), learner_name(app, into));
            let Some(records) = &mut app.records else { return };
            match trainer::merge(records, from, into) {
                Ok(()) => {
                    app.notice = Some(ok(app.t.trainer_merged(from_name, into_name)));
                    app.trainer.merge_search.clear();
                    app.trainer.page = Page::Learner(into);
                }
                Err(e) => app.notice = Some(bad(profile_message(app, &e))),
            }
        }
        Change::Delete(learner) => {
            let name = learner_name(app, learner);
            let Some(records) = &mut app.records else { return };
            match trainer::delete(records, learner) {
                Ok(()) => {
                    app.notice = Some(ok(app.t.trainer_deleted(name)));
                    app.trainer.page = Page::Roster;
                }
                Err(e) => app.notice = Some(bad(profile_message(app, &e))),
            }
        }
        Change::Restore(learner) => {
            let Some(records) = &mut app.records else { return };
            let name = records
                .progress()
                .deleted()
                .iter()
                .find(|l| l.id == learner)
                .map(|l| display_name(&app.t, &l.name))
                .unwrap_or_default();
            match trainer::restore(records, learner) {
                Ok(()) => app.notice = Some(ok(app.t.trainer_restored(name))),
                Err(e) => app.notice = Some(bad(profile_message(app, &e))),
            }
        }
        Change::ApplyImport => import::apply(app),
    }
}

/// Saves the settings; false (and logged) if they could not be written.
fn save_settings(app: &App) -> bool {
    match app.settings.save(&app.data_dir) {
        Ok(()) => true,
        Err(e) => {
            log::error!("saving settings in {}: {e}", app.data_dir.display());
            false
        }
    }
}

/// A learner's name for messages: the name, or "(chưa có tên)" when the profile has none here.
fn learner_name(app: &App, id: Uuid) -> String {
    app.records
        .as_ref()
        .and_then(|r| r.progress().learner(id))
        .map(|l| display_name(&app.t, &l.name))
        .unwrap_or_default()
}

fn display_name(t: &crate::i18n::I18n, name: &str) -> String {
    if name.is_empty() {
        t.trainer_no_name()
    } else {
        name.to_owned()
    }
}

fn profile_message(app: &App, e: &ProfileError) -> String {
    let t = &app.t;
    match e {
        ProfileError::Invalid(e) => learner::invalid_message(t, *e),
        ProfileError::Unknown => t.trainer_learner_unknown(),
        ProfileError::SameProfile => t.trainer_same_profile(),
        ProfileError::Store(e) => crate::app::store_message(t, e),
    }
}

fn ok(text: String) -> Notice {
    Notice {
        text,
        is_error: false,
    }
}

fn bad(text: String) -> Notice {
    Notice { text, is_error: true }
}

/// Shows a message in the trainer area's colours.
fn notice_ui(ui: &mut egui::Ui, pal: &theme::Colors, notice: &Notice) {
    let color = if notice.is_error { pal.bad } else { pal.good };
    ui.label(RichText::new(&notice.text).color(color).strong());
}

/// A whole number the way the UI language writes it: 10.000 in Vietnamese, 10,000 in English.
fn count(t: &crate::i18n::I18n, n: usize) -> String {
    let sep = match t.lang() {
        crate::i18n::Lang::Vi => '.',
        crate::i18n::Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_the_language_separator() {
        let vi = crate::i18n::I18n::new(crate::i18n::Lang::Vi);
        let en = crate::i18n::I18n::new(crate::i18n::Lang::En);
        assert_eq!(count(&vi, 0), "0");
        assert_eq!(count(&vi, 999), "999");
        assert_eq!(count(&vi, 1250), "1.250");
        assert_eq!(count(&vi, 10_000), "10.000");
        assert_eq!(count(&en, 1_234_567), "1,234,567");
    }
}
