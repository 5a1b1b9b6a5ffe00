//! The first frame while the journal opens on a worker thread: the app's name and one line saying the
//! learning records are being opened, so a trainer's PC with a province's records shows a window at
//! once instead of nothing for seconds.

use egui::RichText;

use crate::app::App;
use crate::ui::theme;

/// Draws the waiting screen and asks for the next frame (the worker does not wake the window).
pub fn show(app: &App, ui: &mut egui::Ui) {
    let pal = theme::palette(app.settings.theme);
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            ui.label(RichText::new(app.t.app_name()).text_style(theme::h2()));
            ui.add_space(12.0);
            // One above the other, so both stay centred at every text size.
            ui.add(egui::Spinner::new().size(ui.text_style_height(&egui::TextStyle::Body) * 1.5));
            ui.add_space(8.0);
            ui.label(RichText::new(app.t.records_opening()).color(pal.muted));
        });
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(50));
}
