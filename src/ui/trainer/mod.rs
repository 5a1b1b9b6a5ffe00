//! "Giảng viên": the trainer area behind a PIN. Tabs for the roster (with each learner's page, where a
//! trainer renames, merges or deletes a profile), exports with a progress bar, imports from files or a
//! folder, and changing the PIN.
//!
//! The logic lives in `crate::trainer` (no window); this module draws it and keeps what is typed.
//! Changes to records and settings go through `trainer::Change`s that the app applies after the frame
//! (`app::trainer`); exports, imports and PIN checks run as `job::Job`s kept in [`TrainerState`] and
//! polled before each frame ([`poll`]). Leaving the screen locks the area again (`App::open`), so a
//! learner who comes to the PC next finds it closed.

pub mod classes;
mod export;
mod import;
mod learner;
mod lrs;
mod notes;
mod packs;
mod pin;
mod roster;

use uuid::Uuid;

use crate::app::Notice;
use crate::command::Screen;
use crate::trainer;
use crate::trainer::pin::Cost;
use crate::trainer::roster_view::{Filter, RosterView, Sort};
use crate::ui::{Commands, ScreenCtx, UiExt};

pub use export::ExportState;
pub use import::ImportState;
pub(crate) use import::Read;
pub use learner::EditForm;
pub(crate) use learner::invalid_message;
pub use lrs::LrsState;
pub use packs::{PacksState, Verified};
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
    /// "Cập nhật bài học": lesson packs and trusted publishers.
    Packs,
    /// Change the PIN.
    Pin,
    /// Each module's notes for trainers.
    Notes,
    /// "Lớp học": the classes on this PC.
    Classes,
    /// Create a class (`None`) or edit one.
    ClassForm(Option<Uuid>),
    /// A class's learners: add from the roster or a paste, remove.
    ClassLearners(Uuid),
    /// A class's dashboard.
    Class(Uuid),
    /// Send records to a Learning Record Store.
    Lrs,
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
    /// The module whose trainer notes are shown (an index into the catalog).
    pub notes_module: usize,
    /// The class pages: forms, the dashboard and its cache, the class report.
    pub classes: classes::ClassesState,
    /// Where "back" on a learner's page goes when it was opened from elsewhere than the roster (a
    /// class dashboard).
    pub learner_back: Option<Page>,
    pub lrs: LrsState,
    pub packs: PacksState,
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
        self.classes.reset();
        self.learner_back = None;
        self.packs.reset();
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

/// Takes what the area's background jobs (PIN checks, exports, dialogs, file reads) reported since the
/// last frame. Called by the app before drawing, whichever screen is shown: an export goes on after the
/// trainer has left the area.
pub fn poll(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context, out: &mut Commands) {
    export::poll(state, ctx, wake);
    import::poll(state, ctx, wake, out);
    classes::poll(state, ctx, wake);
    packs::poll(state, ctx, wake);
    pin::poll(state, ctx, out);
    lrs::poll(state, ctx, wake);
}

/// Draws the trainer area.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    if !state.unlocked {
        pin::gate_ui(ui, ctx, state, out);
        return;
    }
    tabs_ui(ui, ctx, state, out);
    ui.add_space(ui.tokens().sizes.gap_small);
    match state.page {
        Page::Roster => roster::show(ui, ctx, state, out),
        Page::Learner(id) => learner::show(ui, ctx, state, id, out),
        Page::Export => export::show(ui, ctx, state, out),
        Page::Import => import::show(ui, ctx, state),
        Page::Packs => packs::show(ui, ctx, state, out),
        Page::Pin => pin::change_ui(ui, ctx, state, out),
        Page::Notes => notes::show(ui, ctx, state),
        Page::Classes | Page::ClassForm(_) | Page::ClassLearners(_) | Page::Class(_) => {
            classes::show(ui, ctx, state, out);
        }
        Page::Lrs => lrs::show(ui, ctx, state),
    }
    learner::confirm_ui(ui, ctx, state, out);
}

fn tabs_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    let t = ctx.t;
    let on_classes = matches!(
        state.page,
        Page::Classes | Page::ClassForm(_) | Page::ClassLearners(_) | Page::Class(_)
    ) || (matches!(state.page, Page::Learner(_)) && state.learner_back.is_some());
    let on_roster = matches!(state.page, Page::Roster | Page::Learner(_)) && !on_classes;
    let tabs = [
        (Page::Roster, t.trainer_tab_roster(), on_roster),
        (Page::Classes, t.trainer_tab_classes(), on_classes),
        (Page::Export, t.trainer_tab_export(), state.page == Page::Export),
        (Page::Import, t.trainer_tab_import(), state.page == Page::Import),
        (Page::Packs, t.pack_title(), state.page == Page::Packs),
        (Page::Pin, t.trainer_tab_pin(), state.page == Page::Pin),
        (Page::Notes, t.trainer_tab_notes(), state.page == Page::Notes),
        (Page::Lrs, t.trainer_nav_lrs(), state.page == Page::Lrs),
    ];
    // Nine tabs wrap to four rows at 200% on a 1366-pixel screen and push the page off it; past two rows
    // the pages go into one drop-down list instead.
    let font = egui::TextStyle::Button.resolve(ui.style());
    let color = ui.visuals().text_color();
    let padding = 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x;
    let needed: f32 = tabs
        .iter()
        .map(|(_, label, _)| {
            ui.fonts_mut(|f| f.layout_no_wrap(label.clone(), font.clone(), color))
                .size()
                .x
                + padding
        })
        .sum();
    let compact = needed > 1.6 * ui.available_width();
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(t.trainer_title());
        ui.separator();
        if compact {
            let current = tabs
                .iter()
                .find(|(_, _, selected)| *selected)
                .map(|(_, label, _)| label.clone())
                .unwrap_or_default();
            egui::ComboBox::new("trainer-pages", t.trainer_page_menu())
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (page, label, selected) in &tabs {
                        if ui.selectable_label(*selected, label.as_str()).clicked() {
                            chosen = Some(*page);
                        }
                    }
                });
        } else {
            for (page, label, selected) in &tabs {
                if ui.selectable_label(*selected, label.as_str()).clicked() {
                    chosen = Some(*page);
                }
            }
        }
        ui.separator();
        // Leaving the area locks it (`App::open`).
        if ui.button(t.trainer_lock()).clicked() {
            out.go(if ctx.learner().is_some() {
                Screen::Home
            } else {
                Screen::Learners
            });
        }
    });
    if let Some(page) = chosen {
        state.page = page;
        state.confirm = None;
        state.learner_back = None;
    }
}

/// A learner's name for messages: the name, or "(chưa có tên)" when the profile has none here.
fn learner_name(ctx: &ScreenCtx, id: Uuid) -> String {
    ctx.records
        .and_then(|r| r.progress().learner(id))
        .map(|l| display_name(ctx.t, &l.name))
        .unwrap_or_default()
}

pub(crate) fn display_name(t: &crate::i18n::I18n, name: &str) -> String {
    if name.is_empty() {
        t.trainer_no_name()
    } else {
        name.to_owned()
    }
}

pub(crate) fn ok(text: String) -> Notice {
    Notice {
        text,
        is_error: false,
    }
}

pub(crate) fn bad(text: String) -> Notice {
    Notice { text, is_error: true }
}

/// Shows a message in the trainer area's colours.
fn notice_ui(ui: &mut egui::Ui, notice: &Notice) {
    let kind = if notice.is_error {
        crate::ui::NoticeKind::Bad
    } else {
        crate::ui::NoticeKind::Good
    };
    ui.tone_label(kind, &notice.text);
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
