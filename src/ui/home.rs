//! The home screen: one card per module with its title, summary, time, lesson count and progress.

use egui::RichText;

use crate::app::App;
use crate::command::{Command, Screen};
use crate::ui::{big_button, theme};

/// Width under which cards stack in one column.
const CARD_WIDTH: f32 = 420.0;

/// Draws the home screen.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
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
            let title =
                egui::Button::new(RichText::new(&module.meta.title).text_style(theme::h2()))
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
            ui.add(egui::ProgressBar::new(0.0).desired_height(10.0));
            ui.label(app.t.home_status_not_started());
            open |= big_button(ui, app.t.home_open())
                .on_hover_text(&module.meta.title)
                .clicked();
            if open {
                app.push(Command::Go(Screen::Module(index)));
            }
        });
}
