//! The bar at the top of every screen: the app name, home, settings and the language switch.

use crate::app::App;
use crate::command::{Command, Screen};
use crate::i18n::Lang;

/// Draws the top bar.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(app.t.app_name());
            ui.separator();
            if ui
                .selectable_label(app.screen == Screen::Home, app.t.nav_home())
                .clicked()
            {
                app.push(Command::Go(Screen::Home));
            }
            if ui
                .selectable_label(app.screen == Screen::Settings, app.t.nav_settings())
                .clicked()
            {
                app.push(Command::Go(Screen::Settings));
            }
            if ui
                .selectable_label(app.screen == Screen::Trainer, app.t.nav_trainer())
                .clicked()
            {
                app.push(Command::Go(Screen::Trainer));
            }
            ui.separator();
            let name = app
                .records
                .as_ref()
                .and_then(|r| {
                    r.current
                        .and_then(|id| r.progress().learner(r.progress().resolve(id)))
                })
                .map(|l| l.name.clone());
            if let Some(name) = name {
                if ui
                    .selectable_label(app.screen == Screen::LearnerPage, name)
                    .clicked()
                {
                    app.push(Command::Go(Screen::LearnerPage));
                }
                if ui.button(app.t.learners_switch()).clicked() {
                    app.push(Command::Go(Screen::Learners));
                }
                ui.separator();
            }
            // One button naming the other language, in that language: it reads right to someone who
            // switched by mistake, and keeps the bar on one line at 200% text size.
            let current = app.t.lang();
            for lang in Lang::ALL.into_iter().filter(|l| *l != current) {
                if ui
                    .button(lang.native_name())
                    .on_hover_text(app.t.nav_language())
                    .clicked()
                {
                    app.push(Command::SetLanguage(lang));
                }
            }
        });
        ui.add_space(4.0);
    });
}
