//! Creating or editing a class: name, unit (xã/phường), start and end dates (dd/mm/yyyy), trainer.
//! What is typed is checked when the app applies it (`app::trainer`); a refused field comes back as a
//! message on the form, naming what to fix, and nothing is recorded.

use uuid::Uuid;

use crate::app::Notice;
use crate::command::Command;
use crate::trainer::Change;
use crate::ui::trainer::classes::ClassInfo;
use crate::ui::trainer::{Page, TrainerState, notice_ui};
use crate::ui::{Commands, ScreenCtx, UiExt};

/// The class form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassForm {
    pub name: String,
    pub unit: String,
    /// dd/mm/yyyy
    pub starts: String,
    /// dd/mm/yyyy, or empty
    pub ends: String,
    pub trainer: String,
    pub message: Option<Notice>,
}

impl ClassForm {
    /// The form filled from a class, to edit it.
    #[must_use]
    pub fn editing(class: &ClassInfo) -> ClassForm {
        ClassForm {
            name: class.name.clone(),
            unit: class.unit.clone(),
            starts: class.starts.clone(),
            ends: class.ends.clone(),
            trainer: class.trainer.clone(),
            message: None,
        }
    }
}

/// Draws the form for a new class (`id` is `None`) or class `id`.
pub fn show(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    state: &mut TrainerState,
    id: Option<Uuid>,
    out: &mut Commands,
) {
    let t = ctx.t;
    let mut save = false;
    let mut back = false;
    let form = &mut state.classes.form;
    ui.page("trainer-class-form", ui.tokens().sizes.page_width, |ui| {
        ui.section(if id.is_some() {
            t.class_form_edit_title()
        } else {
            t.class_form_new_title()
        });
        ui.muted(t.class_form_help());
        ui.add_space(ui.tokens().sizes.gap);
        let width = ui.available_width().min(460.0);
        ui.form_grid("class_form", |ui| {
            ui.text_row(
                t.class_form_name(),
                &mut form.name,
                Some(t.class_form_name_hint()),
                width,
            );
            ui.text_row(
                t.class_form_unit(),
                &mut form.unit,
                Some(t.class_form_unit_hint()),
                width,
            );
            ui.text_row(
                t.class_form_starts(),
                &mut form.starts,
                Some(t.class_form_date_hint()),
                200.0,
            );
            ui.text_row(
                t.class_form_ends(),
                &mut form.ends,
                Some(t.class_form_date_hint()),
                200.0,
            );
            ui.text_row(t.class_form_trainer(), &mut form.trainer, None, width);
        });
        if let Some(message) = &form.message {
            ui.add_space(ui.tokens().sizes.gap_small);
            notice_ui(ui, message);
        }
        ui.add_space(ui.tokens().sizes.gap);
        ui.horizontal_wrapped(|ui| {
            save = ui.primary_button(t.class_form_save()).clicked();
            back = ui.big_button(t.trainer_cancel()).clicked();
        });
    });
    if save {
        let form = &state.classes.form;
        out.push(Command::Trainer(Change::SaveClass {
            class: id,
            name: form.name.clone(),
            unit: form.unit.clone(),
            starts: form.starts.clone(),
            ends: form.ends.clone(),
            trainer: form.trainer.clone(),
        }));
    }
    if back {
        state.classes.form = ClassForm::default();
        state.page = id.map_or(Page::Classes, Page::Class);
    }
}
