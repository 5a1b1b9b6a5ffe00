//! One learner in the trainer area: every module with its status and every quiz attempt (score,
//! date, passed), then the trainer's changes: edit the name, unit and position; merge a duplicate
//! profile into this one; delete the learner after a dialog that names them.

use uuid::Uuid;

use crate::app::Notice;
use crate::command::Command;
use crate::learning::LearnerError;
use crate::trainer::Change;
use crate::ui::UiExt;
use crate::ui::trainer::TrainerState;
use crate::ui::trainer::{Confirm, Page, display_name, learner_name, notice_ui};
use crate::ui::{Commands, ScreenCtx};

/// The edit form of the learner page.
#[derive(Debug, Clone, Default)]
pub struct EditForm {
    /// The learner the fields were filled from.
    pub learner: Option<Uuid>,
    pub name: String,
    pub unit: String,
    pub position: String,
    pub message: Option<Notice>,
}

/// The words for a refused name, unit or position.
pub(crate) fn invalid_message(t: &crate::i18n::I18n, e: LearnerError) -> String {
    match e {
        LearnerError::EmptyName => t.learners_error_empty(),
        LearnerError::NameTooLong => t.learners_error_long(crate::learning::MAX_TEXT),
        LearnerError::FieldTooLong => t.learners_error_field_long(crate::learning::MAX_TEXT),
    }
}

/// Draws a learner's page.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, id: Uuid, out: &mut Commands) {
    let t = ctx.t;
    let Some(records) = &ctx.records else { return };
    let progress = records.progress();
    let mut actions = Vec::new();
    ui.page("trainer-learner", ui.tokens().sizes.page_width, |ui| {
        // Back where the page was opened from: the roster, or a class's dashboard.
        let back = match state.learner_back {
            Some(Page::Class(class)) => t.class_back_to_dashboard(super::classes::class_name(ctx, class)),
            _ => t.trainer_back(),
        };
        if ui.button(back).clicked() {
            state.page = state.learner_back.take().unwrap_or(Page::Roster);
        }
        let Some(learner) = progress.learner(id) else {
            ui.muted(t.trainer_learner_gone());
            return;
        };
        let id = learner.id;
        if state.edit.learner != Some(id) {
            state.edit = EditForm {
                learner: Some(id),
                name: learner.name.clone(),
                unit: learner.unit.clone(),
                position: learner.position.clone(),
                message: None,
            };
            state.merge_search.clear();
        }
        ui.heading(display_name(t, &learner.name));
        crate::ui::learner_page::progress_ui(ui, t, learner, progress);

        ui.add_space(12.0);
        ui.separator();
        ui.section(t.trainer_edit_title());
        let form = &mut state.edit;
        ui.form_grid("trainer_edit", |ui| {
            for (label, value) in [
                (t.learners_name(), &mut form.name),
                (t.learners_unit(), &mut form.unit),
                (t.learners_position(), &mut form.position),
            ] {
                let l = ui.label(label);
                ui.add(egui::TextEdit::singleline(value).desired_width(380.0))
                    .labelled_by(l.id);
                ui.end_row();
            }
        });
        if let Some(message) = &form.message {
            notice_ui(ui, message);
        }
        if ui.big_button(t.trainer_edit_save()).clicked() {
            actions.push(Change::Rename {
                learner: id,
                name: form.name.clone(),
                unit: form.unit.clone(),
                position: form.position.clone(),
            });
        }

        ui.add_space(12.0);
        ui.separator();
        ui.section(t.trainer_merge_title());
        ui.label(t.trainer_merge_body());
        let l = ui.label(t.trainer_merge_search());
        ui.add(
            egui::TextEdit::singleline(&mut state.merge_search)
                .hint_text(t.trainer_search_hint())
                .desired_width(380.0),
        )
        .labelled_by(l.id);
        if !state.merge_search.trim().is_empty() {
            let found: Vec<_> = records
                .learners_matching(&state.merge_search)
                .into_iter()
                .filter(|l| l.id != id)
                .take(8)
                .collect();
            if found.is_empty() {
                ui.muted(t.trainer_merge_none());
            }
            for other in found {
                let mut name = display_name(t, &other.name);
                if !other.unit.is_empty() {
                    name = format!("{name} — {}", other.unit);
                }
                if ui.button(t.trainer_merge_candidate(name)).clicked() {
                    state.confirm = Some(Confirm::Merge {
                        from: other.id,
                        into: id,
                    });
                }
            }
        }

        ui.add_space(12.0);
        ui.separator();
        if ui.big_button(t.trainer_delete()).clicked() {
            state.confirm = Some(Confirm::Delete(id));
        }
        ui.add_space(12.0);
    });
    for action in actions {
        out.push(Command::Trainer(action));
    }
}

/// The confirmation dialog of a delete or a merge, naming the learners.
pub fn confirm_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    let Some(confirm) = state.confirm else {
        return;
    };
    let t = ctx.t;
    let (title, body, button, action) = match confirm {
        Confirm::Delete(id) => {
            let name = learner_name(ctx, id);
            (
                t.trainer_delete_confirm_title(name.clone()),
                t.trainer_delete_confirm_body(name),
                t.trainer_delete_confirm(),
                Change::Delete(id),
            )
        }
        Confirm::Merge { from, into } => {
            let (f, i) = (learner_name(ctx, from), learner_name(ctx, into));
            (
                t.trainer_merge_confirm_title(f.clone(), i.clone()),
                t.trainer_merge_confirm_body(f, i),
                t.trainer_merge_confirm(),
                Change::Merge { from, into },
            )
        }
    };
    let mut chosen = None;
    let modal = egui::Modal::new(egui::Id::unique("trainer_confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.subsection(title);
        ui.label(body);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.big_button(button).clicked() {
                chosen = Some(true);
            }
            if ui.big_button(t.trainer_cancel()).clicked() {
                chosen = Some(false);
            }
        });
    });
    if modal.should_close() && chosen.is_none() {
        chosen = Some(false);
    }
    if let Some(go) = chosen {
        state.confirm = None;
        if go {
            out.push(Command::Trainer(action));
        }
    }
}
