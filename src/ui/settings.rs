//! Settings: language, text size (100–200%, applied to the whole interface) and colour theme. Every
//! change takes effect at once and is saved.

use egui::RichText;

use crate::app::App;
use crate::command::Command;
use crate::i18n::Lang;
use crate::settings::{TEXT_SIZE_RANGE, Theme};
use crate::ui::theme;

/// Draws the settings screen.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.heading(app.t.settings_title());
        ui.add_space(6.0);

        ui.label(RichText::new(app.t.settings_language()).text_style(theme::h3()));
        ui.horizontal_wrapped(|ui| {
            for lang in Lang::ALL {
                if ui.radio(app.t.lang() == lang, lang.native_name()).clicked() {
                    app.push(Command::SetLanguage(lang));
                }
            }
        });
        ui.add_space(10.0);

        ui.label(RichText::new(app.t.settings_text_size()).text_style(theme::h3()));
        let current = app.settings.text_size();
        ui.horizontal_wrapped(|ui| {
            if ui.button("A−").on_hover_text(app.t.settings_smaller()).clicked() {
                app.push(Command::SetTextSize(current.saturating_sub(10)));
            }
            let mut size = current;
            let slider = egui::Slider::new(&mut size, TEXT_SIZE_RANGE.0..=TEXT_SIZE_RANGE.1)
                .step_by(10.0)
                .suffix("%")
                .text(app.t.settings_text_size());
            // Apply on release so the layout does not jump under the pointer while dragging.
            let response = ui.add(slider);
            if response.drag_stopped() || (response.changed() && !response.dragged()) {
                app.push(Command::SetTextSize(size));
            }
            if ui.button("A+").on_hover_text(app.t.settings_larger()).clicked() {
                app.push(Command::SetTextSize(current + 10));
            }
        });
        ui.label(app.t.settings_text_size_value(current));
        ui.add_space(10.0);

        ui.label(RichText::new(app.t.settings_theme()).text_style(theme::h3()));
        ui.horizontal_wrapped(|ui| {
            for th in Theme::ALL {
                let name = match th {
                    Theme::Light => app.t.theme_light(),
                    Theme::Dark => app.t.theme_dark(),
                    Theme::HighContrast => app.t.theme_high_contrast(),
                };
                if ui.radio(app.settings.theme == th, name).clicked() {
                    app.push(Command::SetTheme(th));
                }
            }
        });
        ui.add_space(14.0);
        egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
            ui.label(app.t.settings_preview());
        });
    });
}
