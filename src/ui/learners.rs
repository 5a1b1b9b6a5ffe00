//! "Ai đang học?": the learners on this PC as large buttons (most recent first), a search that ignores
//! diacritics and case, and the form to add a learner (full name, unit with suggestions, position).

use egui::RichText;

use crate::app::App;
use crate::command::Command;
use crate::text;
use crate::ui::{big_button, theme};

/// What is typed on the screen.
#[derive(Debug, Clone, Default)]
pub struct LearnerForm {
    pub search: String,
    pub adding: bool,
    pub name: String,
    pub unit: String,
    pub position: String,
    pub error: Option<String>,
}

/// Draws the learner picker.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let pal = theme::palette(app.settings.theme);
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        ui.heading(app.t.learners_title());
        let Some(records) = &app.records else {
            ui.label(RichText::new(app.records_error.clone().unwrap_or_default()).color(pal.bad));
            return;
        };
        if app.form.adding {
            add_form(app, ui);
            return;
        }
        if big_button(ui, app.t.learners_add()).clicked() {
            app.form.adding = true;
            app.form.error = None;
        }
        ui.add_space(6.0);
        let search_label = ui.label(app.t.learners_search());
        ui.add(
            egui::TextEdit::singleline(&mut app.form.search)
                .hint_text(app.t.learners_search_hint())
                .desired_width(420.0),
        )
        .labelled_by(search_label.id);
        ui.add_space(6.0);
        let found: Vec<(uuid::Uuid, String, String)> = records
            .learners_matching(&app.form.search)
            .into_iter()
            .map(|l| (l.id, l.name.clone(), l.unit.clone()))
            .collect();
        if found.is_empty() {
            let none = if app.form.search.trim().is_empty() {
                app.t.learners_none()
            } else {
                app.t.learners_no_match()
            };
            ui.label(RichText::new(none).color(pal.muted));
        }
        for (id, name, unit) in found {
            let text = if unit.is_empty() {
                name
            } else {
                format!("{name} — {unit}")
            };
            let button = egui::Button::new(RichText::new(text).size(20.0))
                .min_size(egui::vec2(ui.available_width().min(600.0), 48.0));
            if ui.add(button).clicked() {
                app.push(Command::SelectLearner(id));
            }
        }
    });
}

fn add_form(app: &mut App, ui: &mut egui::Ui) {
    let pal = theme::palette(app.settings.theme);
    ui.label(RichText::new(app.t.learners_add()).text_style(theme::h2()));
    let units = app
        .records
        .as_ref()
        .map(crate::learning::Records::units)
        .unwrap_or_default();
    let form = &mut app.form;
    egui::Grid::new("add_learner")
        .num_columns(2)
        .spacing([12.0, 10.0])
        .show(ui, |ui| {
            let l = ui.label(app.t.learners_name());
            let name = ui
                .add(egui::TextEdit::singleline(&mut form.name).desired_width(380.0))
                .labelled_by(l.id);
            // The form opens ready to type the name.
            if ui.memory(|m| m.focused().is_none()) {
                name.request_focus();
            }
            ui.end_row();
            let l = ui.label(app.t.learners_unit());
            ui.add(
                egui::TextEdit::singleline(&mut form.unit)
                    .hint_text(app.t.learners_unit_hint())
                    .desired_width(380.0),
            )
            .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(app.t.learners_position());
            ui.add(
                egui::TextEdit::singleline(&mut form.position)
                    .hint_text(app.t.learners_optional())
                    .desired_width(380.0),
            )
            .labelled_by(l.id);
            ui.end_row();
        });
    let typed = text::search_key(&form.unit);
    let suggestions: Vec<&String> = units
        .iter()
        .filter(|u| text::search_key(u).contains(&typed) && **u != form.unit)
        .take(6)
        .collect();
    if !suggestions.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(app.t.learners_suggestions()).color(pal.muted));
            for u in suggestions {
                if ui.button(u).clicked() {
                    form.unit.clone_from(u);
                }
            }
        });
    }
    if let Some(error) = &form.error {
        ui.label(RichText::new(error).color(pal.bad).strong());
    }
    let mut save = false;
    ui.horizontal(|ui| {
        if big_button(ui, app.t.learners_save()).clicked() {
            save = true;
        }
        if big_button(ui, app.t.learners_cancel()).clicked() {
            form.adding = false;
            form.error = None;
        }
    });
    if save {
        app.push(Command::AddLearner);
    }
}
