//! The bar at the top of every screen: the app name, home, settings, the trainer area, the current
//! learner, and the language switch. No state of its own.

use crate::command::{Command, Screen};
use crate::i18n::Lang;
use crate::ui::{Commands, ScreenCtx, UiExt};

/// Draws the top bar.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, out: &mut Commands) {
    let t = ctx.t;
    let gap = ui.tokens().sizes.gap_small;
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(gap);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t.app_name());
            ui.separator();
            for (screen, label) in [
                (Screen::Home, t.nav_home()),
                (Screen::Settings, t.nav_settings()),
                (Screen::Trainer, t.nav_trainer()),
            ] {
                if ui.selectable_label(ctx.screen == screen, label).clicked() {
                    out.go(screen);
                }
            }
            ui.separator();
            if let Some(learner) = ctx.learner() {
                if ui
                    .selectable_label(ctx.screen == Screen::LearnerPage, &learner.name)
                    .clicked()
                {
                    out.go(Screen::LearnerPage);
                }
                if ui.button(t.learners_switch()).clicked() {
                    out.go(Screen::Learners);
                }
                ui.separator();
            }
            // One button naming the other language, in that language: it reads right to someone who
            // switched by mistake, and keeps the bar on one line at 200% text size.
            let current = t.lang();
            for lang in Lang::ALL.into_iter().filter(|l| *l != current) {
                if ui
                    .button(lang.native_name())
                    .on_hover_text(t.nav_language())
                    .clicked()
                {
                    out.push(Command::SetLanguage(lang));
                }
            }
        });
        ui.add_space(gap);
    });
}
