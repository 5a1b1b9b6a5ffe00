//! "Lớp học": the classes on this PC, newest first (name, unit, dates, learners, how many completed
//! every module), which class this PC is in, and "Tạo lớp mới". A click on a name opens the class's
//! dashboard.

use crate::ui::trainer::classes::{ClassInfo, all_classes, form};
use crate::ui::trainer::{Page, TrainerState, count};
use crate::ui::{Commands, ScreenCtx, UiExt};

/// Draws the list of classes.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    let t = ctx.t;
    let classes = all_classes(ctx);
    ui.page("trainer-classes", ui.tokens().sizes.page_width, |ui| {
        ui.section(t.classes_title());
        ui.label(t.classes_intro());
        ui.add_space(ui.tokens().sizes.gap);
        super::this_pc_line(ui, ctx, &classes, out);
        ui.add_space(ui.tokens().sizes.gap);
        if ui.primary_button(t.classes_new()).clicked() {
            state.classes.form = form::ClassForm::default();
            state.page = Page::ClassForm(None);
        }
        ui.add_space(ui.tokens().sizes.gap);
        if classes.is_empty() {
            ui.muted(t.classes_empty());
            return;
        }
        let mut open = None;
        // One card a class: the name to click, then what it is; cards fit any width and text size.
        for class in &classes {
            card(ui, ctx, class, &mut open);
            ui.add_space(ui.tokens().sizes.gap_small);
        }
        if let Some(id) = open {
            state.classes.tab = super::Tab::Overview;
            state.page = Page::Class(id);
        }
    });
}

fn card(ui: &mut egui::Ui, ctx: &ScreenCtx, class: &ClassInfo, open: &mut Option<uuid::Uuid>) {
    let t = ctx.t;
    ui.card(|ui| {
        ui.horizontal_wrapped(|ui| {
            let name = egui::RichText::new(&class.name)
                .text_style(crate::ui::theme::h3())
                .color(ui.visuals().hyperlink_color);
            if ui.link(name).clicked() {
                *open = Some(class.id);
            }
            if class.this_pc {
                ui.muted(t.classes_this_pc_badge());
            }
        });
        ui.muted(super::describe(t, class));
        ui.label(t.classes_completed(count(t, class.completed), count(t, class.learners)));
    });
}
