//! "Ai đang học?": the learners on this PC as large buttons (most recent first), a search that ignores
//! diacritics and case, and the form to add a learner (full name, unit with suggestions, position).
//! On a PC with no learner yet it greets the newcomer and offers one button to begin.

use egui::{Key, RichText};

use crate::command::Command;
use crate::text;
use crate::ui::{Commands, NoticeKind, ScreenCtx, UiExt, theme};

/// What is typed on the screen.
#[derive(Debug, Clone, Default)]
pub struct LearnersState {
    pub search: String,
    pub adding: bool,
    pub name: String,
    pub unit: String,
    pub position: String,
    pub error: Option<String>,
    /// The form was just opened: its first box takes the keyboard on the next frame.
    focus_name: bool,
}

impl LearnersState {
    /// Opens the form to add a learner, ready to type the name.
    pub fn open_form(&mut self) {
        self.adding = true;
        self.error = None;
        self.focus_name = true;
    }
}

/// Draws the learner picker.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut LearnersState, out: &mut Commands) {
    let sizes = ui.tokens().sizes;
    ui.page("learners", sizes.page_width, |ui| {
        let Some(records) = ctx.records else {
            ui.heading(ctx.t.learners_title());
            ui.notice(NoticeKind::Bad, ctx.records_error.unwrap_or_default());
            return;
        };
        if state.adding {
            ui.heading(ctx.t.learners_title());
            add_form(ui, ctx, state, out);
            return;
        }
        if records.progress().learners().is_empty() {
            welcome_ui(ui, ctx, state);
            return;
        }
        ui.heading(ctx.t.learners_title());
        if ui.primary_button(ctx.t.learners_add()).clicked() {
            state.open_form();
        }
        ui.add_space(sizes.gap);
        let search_label = ui.label(ctx.t.learners_search());
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(ctx.t.learners_search_hint())
                .desired_width(ui.available_width().min(600.0)),
        )
        .labelled_by(search_label.id);
        ui.add_space(sizes.gap);
        let found = records.learners_matching(&state.search);
        if found.is_empty() {
            ui.muted(ctx.t.learners_no_match());
        }
        for learner in found {
            let text = if learner.unit.is_empty() {
                learner.name.clone()
            } else {
                format!("{} — {}", learner.name, learner.unit)
            };
            let button = egui::Button::new(RichText::new(text).text_style(theme::h3()))
                .min_size(egui::vec2(ui.available_width().min(600.0), sizes.primary_height));
            if ui.add(button).clicked() {
                out.push(Command::SelectLearner(learner.id));
            }
        }
    });
}

/// The first screen on a new PC: who the app is for, what happens next, and one button.
fn welcome_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut LearnersState) {
    let sizes = ui.tokens().sizes;
    ui.add_space(sizes.gap_large);
    ui.card(|ui| {
        ui.heading(ctx.t.welcome_title());
        ui.add_space(sizes.gap_small);
        ui.label(ctx.t.welcome_body());
        ui.add_space(sizes.gap);
        for (n, step) in [
            ctx.t.welcome_step_name(),
            ctx.t.welcome_step_learn(),
            ctx.t.welcome_step_quiz(),
        ]
        .into_iter()
        .enumerate()
        {
            ui.horizontal_wrapped(|ui| {
                ui.subsection(format!("{}.", n + 1));
                ui.label(step);
            });
        }
        ui.add_space(sizes.gap);
        let start = ui.primary_button(ctx.t.welcome_start());
        // Enter begins, as the button says; the first screen needs no mouse.
        if ui.memory(|m| m.focused().is_none()) {
            start.request_focus();
        }
        if start.clicked() {
            state.open_form();
        }
        ui.add_space(sizes.gap_small);
        ui.muted(ctx.t.welcome_privacy());
    });
}

fn add_form(ui: &mut egui::Ui, ctx: &ScreenCtx, form: &mut LearnersState, out: &mut Commands) {
    ui.section(ctx.t.learners_add());
    let units = ctx
        .records
        .map(crate::learning::Records::units)
        .unwrap_or_default();
    let field_width = ui.available_width().min(420.0);
    let mut submitted = false;
    ui.form_grid("add_learner", |ui| {
        let t = ctx.t;
        let name = ui.text_row(t.learners_name(), &mut form.name, None, field_width);
        // The form opens ready to type the name.
        if std::mem::take(&mut form.focus_name) {
            name.request_focus();
        }
        let unit = ui.text_row(
            t.learners_unit(),
            &mut form.unit,
            Some(t.learners_unit_hint()),
            field_width,
        );
        let position = ui.text_row(
            t.learners_position(),
            &mut form.position,
            Some(t.learners_optional()),
            field_width,
        );
        submitted |= [name, unit, position].iter().any(|r| entered(ui, r));
    });
    let typed = text::search_key(&form.unit);
    let suggestions: Vec<&String> = units
        .iter()
        .filter(|u| text::search_key(u).contains(&typed) && **u != form.unit)
        .take(6)
        .collect();
    if !suggestions.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.muted(ctx.t.learners_suggestions());
            for u in suggestions {
                if ui.button(u).clicked() {
                    form.unit.clone_from(u);
                }
            }
        });
    }
    if let Some(error) = &form.error {
        ui.notice(NoticeKind::Bad, error);
    }
    let mut cancel = ui.input(|i| i.key_pressed(Key::Escape));
    ui.horizontal_wrapped(|ui| {
        submitted |= ui.primary_button(ctx.t.learners_save()).clicked();
        cancel |= ui.big_button(ctx.t.learners_cancel()).clicked();
    });
    ui.muted(ctx.t.form_keys_hint());
    if cancel {
        form.adding = false;
        form.error = None;
    } else if submitted {
        out.push(Command::AddLearner);
    }
}

/// Enter pressed in this one-line box: the form is sent, as in any desktop dialog.
pub fn entered(ui: &egui::Ui, field: &egui::Response) -> bool {
    field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
}
