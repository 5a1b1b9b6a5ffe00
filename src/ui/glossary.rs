//! The glossary (thuật ngữ): every module's terms in one searchable side panel, opened from any lesson.
//! The current module's terms come first; the search ignores diacritics and case, like the learner search.

use egui::RichText;

use crate::content::Catalog;
use crate::i18n::I18n;
use crate::text;
use crate::ui::theme::{self, Palette};

/// Whether the panel is open and what is typed, kept in egui's memory: it belongs to the reader's view,
/// not to the app's records.
#[derive(Debug, Clone, Default)]
struct State {
    open: bool,
    query: String,
}

fn state_id() -> egui::Id {
    egui::Id::unique("glossary")
}

/// The button that opens or closes the panel.
pub fn toggle_ui(ui: &mut egui::Ui, t: &I18n) {
    let mut state: State = ui.data(|d| d.get_temp(state_id())).unwrap_or_default();
    if ui.selectable_label(state.open, t.glossary_button()).clicked() {
        state.open = !state.open;
        ui.data_mut(|d| d.insert_temp(state_id(), state));
    }
}

/// The side panel, when open.
pub fn panel_ui(ui: &mut egui::Ui, t: &I18n, catalog: &Catalog, module: usize, pal: Palette) {
    let mut state: State = ui.data(|d| d.get_temp(state_id())).unwrap_or_default();
    if !state.open {
        return;
    }
    egui::Panel::right("glossary_panel")
        .default_size(340.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.glossary_title()).text_style(theme::h3()));
                if ui.button(t.glossary_close()).clicked() {
                    state.open = false;
                }
            });
            let label = ui.label(t.glossary_search());
            ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                let order =
                    std::iter::once(module).chain((0..catalog.modules.len()).filter(|&m| m != module));
                let mut shown = 0;
                for m in order.filter_map(|m| catalog.modules.get(m)) {
                    for entry in &m.glossary {
                        let hit = state.query.trim().is_empty()
                            || text::matches(&entry.term, &state.query)
                            || text::matches(&entry.definition, &state.query);
                        if hit {
                            shown += 1;
                            ui.add_space(4.0);
                            ui.label(RichText::new(&entry.term).strong());
                            ui.label(&entry.definition);
                        }
                    }
                }
                if shown == 0 {
                    ui.label(RichText::new(t.glossary_none()).color(pal.muted));
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(state_id(), state));
}
