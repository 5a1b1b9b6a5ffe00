//! "Ghi chú cho giảng viên": each module's `trainer.md` (a session plan, the mistakes learners make
//! most, discussion questions, what to show in the simulation), drawn like a lesson. The trainer picks
//! a module; a module without notes says so.

use crate::ui::markdown;
use crate::ui::trainer::TrainerState;
use crate::ui::{ScreenCtx, UiExt};

/// Draws the notes of the module chosen in `state.notes_module`.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState) {
    let t = ctx.t;
    let modules = &ctx.catalog.modules;
    let tokens = ui.tokens();
    ui.page("trainer-notes", tokens.sizes.reading_width, |ui| {
        ui.section(t.trainer_notes_title());
        ui.label(t.trainer_notes_body());
        ui.add_space(tokens.sizes.gap_small);
        ui.horizontal_wrapped(|ui| {
            ui.label(t.trainer_notes_module());
            for (i, m) in modules.iter().enumerate() {
                let label = t.trainer_notes_module_choice(i + 1, m.meta.title.clone());
                if ui.selectable_label(state.notes_module == i, label).clicked() {
                    state.notes_module = i;
                }
            }
        });
        ui.separator();
        let Some(m) = modules.get(state.notes_module) else {
            return;
        };
        ui.subsection(&m.meta.title);
        match &m.trainer_notes {
            Some(blocks) => {
                let md = markdown::Context::of(ctx, m, tokens, crate::ui::diagram::Fit::Column);
                markdown::blocks_ui(ui, &md, blocks);
            }
            None => {
                ui.muted(t.trainer_notes_none());
            }
        }
    });
}
