//! Settings: language, text size (100–200%, applied to the whole interface) and colour theme. Every
//! change takes effect at once and is saved. No state of its own: every change is a command.

use crate::command::Command;
use crate::i18n::Lang;
use crate::settings::{TEXT_SIZE_RANGE, Theme};
use crate::ui::{Commands, ScreenCtx, UiExt};

/// Draws the settings screen.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, out: &mut Commands) {
    let (t, settings) = (ctx.t, ctx.settings);
    let sizes = ui.tokens().sizes;
    ui.page("settings", sizes.page_width, |ui| {
        ui.heading(t.settings_title());
        ui.add_space(sizes.gap_small);

        ui.subsection(t.settings_language());
        ui.horizontal_wrapped(|ui| {
            for lang in Lang::ALL {
                if ui.radio(t.lang() == lang, lang.native_name()).clicked() {
                    out.push(Command::SetLanguage(lang));
                }
            }
        });
        ui.add_space(sizes.gap);

        ui.subsection(t.settings_text_size());
        let current = settings.text_size();
        ui.horizontal_wrapped(|ui| {
            if ui.button("A−").on_hover_text(t.settings_smaller()).clicked() {
                out.push(Command::SetTextSize(current.saturating_sub(10)));
            }
            let mut size = current;
            let slider = egui::Slider::new(&mut size, TEXT_SIZE_RANGE.0..=TEXT_SIZE_RANGE.1)
                .step_by(10.0)
                .suffix("%")
                .text(t.settings_text_size());
            // Apply on release so the layout does not jump under the pointer while dragging.
            let response = ui.add(slider);
            if response.drag_stopped() || (response.changed() && !response.dragged()) {
                out.push(Command::SetTextSize(size));
            }
            if ui.button("A+").on_hover_text(t.settings_larger()).clicked() {
                out.push(Command::SetTextSize(current + 10));
            }
        });
        ui.label(t.settings_text_size_value(current));
        ui.add_space(sizes.gap);

        ui.subsection(t.settings_theme());
        ui.horizontal_wrapped(|ui| {
            for th in Theme::ALL {
                let name = match th {
                    Theme::Light => t.theme_light(),
                    Theme::Dark => t.theme_dark(),
                    Theme::HighContrast => t.theme_high_contrast(),
                };
                if ui.radio(settings.theme == th, name).clicked() {
                    out.push(Command::SetTheme(th));
                }
            }
        });
        ui.add_space(sizes.gap_large);
        ui.card(|ui| {
            ui.label(t.settings_preview());
        });
    });
}
