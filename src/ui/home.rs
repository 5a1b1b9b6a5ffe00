//! The home screen: "Tiếp tục" back to where the learner left off, then one card per module with its
//! icon, a progress ring, title, summary, time, lesson count and status. It has no state of its own.

use crate::command::{Command, Screen};
use crate::content::Module;
use crate::records::{Resume, Status};
use crate::ui::{Commands, ScreenCtx, UiExt, learner_page};

/// Draws the home screen.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, out: &mut Commands) {
    let sizes = ui.tokens().sizes;
    ui.page("home", sizes.page_width * 1.4, |ui| {
        continue_ui(ui, ctx, out);
        ui.heading(ctx.t.home_title());
        ui.label(ctx.t.home_intro());
        ui.add_space(sizes.gap);
        let columns = ((ui.available_width() / sizes.card_width).floor() as usize).clamp(1, 3);
        let modules: Vec<(usize, &Module)> = ctx.catalog.modules.iter().enumerate().collect();
        for row in modules.chunks(columns) {
            ui.columns(columns, |cols| {
                for (col, (index, module)) in cols.iter_mut().zip(row) {
                    card(col, ctx, *index, module, out);
                }
            });
            ui.add_space(sizes.gap);
        }
    });
}

fn card(ui: &mut egui::Ui, ctx: &ScreenCtx, index: usize, module: &Module, out: &mut Commands) {
    let (fraction, status, status_text) = module_status(ctx, module);
    ui.card(|ui| {
        let mut open = false;
        ui.horizontal(|ui| {
            crate::ui::diagram::icon(ui, ctx.catalog, module);
            ui.vertical(|ui| {
                let title = egui::Button::new(
                    egui::RichText::new(&module.meta.title).text_style(crate::ui::theme::h2()),
                )
                .frame(false)
                .wrap();
                open |= ui
                    .add(title)
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .clicked();
            });
        });
        ui.label(&module.meta.summary);
        ui.muted(format!(
            "{} · {}",
            ctx.t.home_minutes(module.meta.estimated_minutes),
            ctx.t.home_lesson_count(module.lessons.len())
        ));
        ui.horizontal(|ui| {
            ui.progress_ring(fraction, &format!("{}%", (fraction * 100.0).round()));
            ui.status_chip(status, status_text);
        });
        let label = if status == Status::NotStarted {
            ctx.t.home_open()
        } else {
            ctx.t.home_open_again()
        };
        open |= ui
            .primary_button(label)
            .on_hover_text(&module.meta.title)
            .clicked();
        if open {
            out.go(Screen::Module(index));
        }
    });
}

/// Progress through a module (lessons read and quiz passed, as a fraction), its status and its words.
fn module_status(ctx: &ScreenCtx, module: &Module) -> (f32, Status, String) {
    let Some(p) = ctx.progress_in(module) else {
        return (0.0, Status::NotStarted, ctx.t.home_status_not_started());
    };
    let steps = module.lessons.len() + 1;
    let done = p.lessons_viewed.len() + usize::from(p.quiz_passed());
    let fraction = if p.completed() {
        1.0
    } else {
        done as f32 / steps as f32
    };
    let status = p.status();
    (
        fraction,
        status,
        learner_page::status_text(ctx.t, status, p.completed_at.as_ref()),
    )
}

/// "Tiếp tục": straight back to where the learner left off.
fn continue_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, out: &mut Commands) {
    let Some(resume) = ctx.resume_point() else {
        return;
    };
    let title = |id: &str| {
        ctx.catalog
            .module(id)
            .map(|m| m.meta.title.clone())
            .unwrap_or_default()
    };
    let what = match &resume {
        Resume::Lesson { module, lesson } => {
            let lesson_title = ctx
                .catalog
                .module(module)
                .and_then(|m| m.lessons.iter().find(|l| &l.meta.id == lesson))
                .map(|l| l.meta.title.clone())
                .unwrap_or_default();
            ctx.t.continue_lesson(lesson_title, title(module))
        }
        Resume::Quiz { module } => ctx.t.continue_quiz(title(module)),
        Resume::Simulation { module, .. } => ctx.t.continue_simulation(title(module)),
        Resume::AllDone => {
            ui.notice(crate::ui::NoticeKind::Good, ctx.t.continue_all_done());
            ui.add_space(ui.tokens().sizes.gap);
            return;
        }
    };
    ui.card(|ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.primary_button(ctx.t.continue_button()).clicked() {
                out.push(Command::Continue);
            }
            ui.label(what);
        });
    });
    ui.add_space(ui.tokens().sizes.gap);
}
