//! The glossary (thuật ngữ): every module's terms in one searchable side panel, opened from any lesson.
//! The current module's terms come first; the search ignores diacritics and case, like the learner search.

use crate::text;
use crate::ui::{ScreenCtx, UiExt};

/// Whether the panel is open and what is searched; part of the lesson reader's state, so it stays open
/// from one lesson to the next.
#[derive(Debug, Clone, Default)]
pub struct GlossaryState {
    pub open: bool,
    pub query: String,
}

/// The button that opens or closes the panel.
pub fn toggle_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut GlossaryState) {
    if ui.selectable_label(state.open, ctx.t.glossary_button()).clicked() {
        state.open = !state.open;
    }
}

/// The side panel, when open.
pub fn panel_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut GlossaryState, module: usize) {
    if !state.open {
        return;
    }
    let catalog = ctx.catalog;
    egui::Panel::right("glossary_panel")
        .default_size(340.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.subsection(ctx.t.glossary_title());
                if ui.button(ctx.t.glossary_close()).clicked() {
                    state.open = false;
                }
            });
            let label = ui.label(ctx.t.glossary_search());
            ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                let order =
                    std::iter::once(module).chain((0..catalog.modules.len()).filter(|&m| m != module));
                let mut shown = 0;
                for m in order.filter_map(|m| catalog.modules.get(m)) {
                    for entry in &m.glossary {
                        // A blank search matches every term.
                        let hit = text::matches(&entry.term, &state.query)
                            || text::matches(&entry.definition, &state.query);
                        if hit {
                            shown += 1;
                            ui.add_space(ui.tokens().sizes.gap_small);
                            ui.label(egui::RichText::new(&entry.term).strong());
                            ui.label(&entry.definition);
                        }
                    }
                }
                if shown == 0 {
                    ui.muted(ctx.t.glossary_none());
                }
            });
        });
}
