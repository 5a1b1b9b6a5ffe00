//! The first frame while the journal opens on a worker thread: the app's name and one line saying the
//! learning records are being opened, so a trainer's PC with a province's records shows a window at
//! once instead of nothing for seconds. No state, no commands: nothing can be done until it is open.

use crate::i18n::I18n;
use crate::ui::UiExt;

/// Draws the waiting screen and asks for the next frame (the worker does not wake the window).
pub fn show(ui: &mut egui::Ui, t: &I18n) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.section(t.app_name());
            ui.add_space(ui.tokens().sizes.gap);
            // One above the other, so both stay centred at every text size.
            ui.add(egui::Spinner::new().size(ui.text_style_height(&egui::TextStyle::Body) * 1.5));
            ui.add_space(ui.tokens().sizes.gap);
            ui.muted(t.records_opening());
        });
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(50));
}
