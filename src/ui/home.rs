//! The home screen: one card per module with its title, summary, time, lesson count and progress.

use egui::RichText;

use crate::app::App;
use crate::command::{Command, Screen};
use crate::ui::{big_button, theme};

/// Width under which cards stack in one column.
const CARD_WIDTH: f32 = 420.0;

/// Draws the home screen.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        continue_ui(app, ui);
        ui.heading(app.t.home_title());
        ui.label(app.t.home_intro());
        ui.add_space(8.0);
        let columns = ((ui.available_width() / CARD_WIDTH).floor() as usize).clamp(1, 3);
        let catalog = app.catalog.clone();
        for row in catalog
            .modules
            .iter()
            .enumerate()
            .collect::<Vec<_>>()
            .chunks(columns)
        {
            ui.columns(columns, |cols| {
                for (col, (index, module)) in cols.iter_mut().zip(row) {
                    card(app, col, *index, module);
                }
            });
            ui.add_space(6.0);
        }
    });
}

fn card(app: &mut App, ui: &mut egui::Ui, index: usize, module: &crate::content::Module) {
    let pal = theme::palette(app.settings.theme);
    egui::Frame::group(ui.style())
        .inner_margin(14.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = egui::Button::new(RichText::new(&module.meta.title).text_style(theme::h2()))
                .frame(false)
                .wrap();
            let mut open = ui
                .add(title)
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .clicked();
            ui.label(&module.meta.summary);
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    app.t.home_minutes(module.meta.estimated_minutes),
                    app.t.home_lesson_count(module.lessons.len())
                ))
                .color(pal.muted),
            );
            let (fraction, status) = module_status(app, module);
            // A strong colour for a finished module, visible from the back of a training room.
            let bar = egui::ProgressBar::new(fraction).desired_height(10.0);
            ui.add(if fraction >= 1.0 { bar.fill(pal.good) } else { bar });
            ui.label(RichText::new(status).strong());
            open |= big_button(ui, app.t.home_open())
                .on_hover_text(&module.meta.title)
                .clicked();
            if open {
                app.push(Command::Go(Screen::Module(index)));
            }
        });
}

/// Progress through a module (lessons viewed and quiz passed, as a fraction) and its status words.
fn module_status(app: &App, module: &crate::content::Module) -> (f32, String) {
    let progress = app
        .records
        .as_ref()
        .and_then(|r| r.current.map(|id| (r, r.progress().resolve(id))))
        .and_then(|(r, id)| r.progress().module(id, module.id()).cloned());
    let Some(p) = progress else {
        return (0.0, app.t.home_status_not_started());
    };
    let steps = module.lessons.len() + 1;
    let done = p.lessons_viewed.len() + usize::from(p.quiz_passed());
    let fraction = if p.completed() {
        1.0
    } else {
        done as f32 / steps as f32
    };
    (
        fraction,
        crate::ui::learner_page::status_text(&app.t, p.status(), p.completed_at.as_ref()),
    )
}

/// "Tiếp tục": straight back to where the learner left off.
fn continue_ui(app: &mut App, ui: &mut egui::Ui) {
    let Some(resume) = app.resume_point() else { return };
    let catalog = app.catalog.clone();
    let title = |id: &str| {
        catalog
            .module(id)
            .map(|m| m.meta.title.clone())
            .unwrap_or_default()
    };
    let what = match &resume {
        crate::records::Resume::Lesson { module, lesson } => {
            let lesson_title = catalog
                .module(module)
                .and_then(|m| m.lessons.iter().find(|l| &l.meta.id == lesson))
                .map(|l| l.meta.title.clone())
                .unwrap_or_default();
            app.t.continue_lesson(lesson_title, title(module))
        }
        crate::records::Resume::Quiz { module } => app.t.continue_quiz(title(module)),
        crate::records::Resume::Simulation { module, .. } => app.t.continue_simulation(title(module)),
        crate::records::Resume::AllDone => {
            ui.label(RichText::new(app.t.continue_all_done()).text_style(theme::h3()));
            return;
        }
    };
    egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if big_button(ui, app.t.continue_button()).clicked() {
                app.push(Command::Continue);
            }
            ui.label(what);
        });
    });
    ui.add_space(6.0);
}
