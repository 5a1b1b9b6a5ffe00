//! The roster table: every learner × module, filtered by unit and status, searched without
//! diacritics, sorted by a click on a column title. Only the rows on screen are laid out
//! (`egui_extras` table rows), so 10,000 learners scroll smoothly.

use egui::RichText;

use crate::command::Command;
use crate::records::{RosterRow, Status};
use crate::trainer::Change;
use crate::trainer::roster_view::{Column, RosterView};
use crate::ui::UiExt;
use crate::ui::learner_page::date;
use crate::ui::trainer::TrainerState;
use crate::ui::trainer::{Page, count, display_name};
use crate::ui::{Commands, ScreenCtx};

/// Every status, in the order offered in the filter.
const STATUSES: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Completed];

fn status_word(t: &crate::i18n::I18n, status: Status) -> String {
    match status {
        Status::NotStarted => t.export_status_not_started(),
        Status::InProgress => t.export_status_in_progress(),
        Status::Completed => t.export_status_completed(),
    }
}

fn column_title(t: &crate::i18n::I18n, column: Column) -> String {
    match column {
        Column::Name => t.export_col_name(),
        Column::Unit => t.export_col_unit(),
        Column::Module => t.export_col_module(),
        Column::Status => t.export_col_status(),
        Column::BestScore => t.export_col_best_score(),
        Column::Attempts => t.export_col_attempts(),
        Column::CompletedOn => t.export_col_completed_on(),
    }
}

/// Draws the roster page.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    if let Some(learner) = deleted_ui(ui, ctx) {
        out.push(Command::Trainer(Change::Restore(learner)));
    }
    let t = ctx.t;
    let Some(records) = &ctx.records else {
        ui.tone_label(crate::ui::NoticeKind::Bad, t.trainer_records_unavailable());
        if let Some(e) = &ctx.records_error {
            ui.tone_label(crate::ui::NoticeKind::Bad, *e);
        }
        return;
    };
    let events = records.event_count();
    if state.view.as_ref().is_none_or(|(n, _)| *n != events) {
        state.view = Some((events, RosterView::new(records.progress())));
    }
    let Some((_, view)) = &mut state.view else { return };

    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t.trainer_filter_unit());
        let all_units = t.trainer_filter_all_units();
        egui::ComboBox::from_id_salt("trainer_unit")
            .selected_text(state.filter.unit.clone().unwrap_or_else(|| all_units.clone()))
            .height(400.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.unit, None, all_units);
                for unit in view.units() {
                    ui.selectable_value(&mut state.filter.unit, Some(unit.clone()), unit);
                }
            })
            .response
            .labelled_by(l.id);
        ui.add_space(12.0);
        let l = ui.label(t.trainer_filter_status());
        let all_statuses = t.trainer_filter_all_statuses();
        egui::ComboBox::from_id_salt("trainer_status")
            .selected_text(
                state
                    .filter
                    .status
                    .map_or_else(|| all_statuses.clone(), |s| status_word(t, s)),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.status, None, all_statuses);
                for status in STATUSES {
                    ui.selectable_value(&mut state.filter.status, Some(status), status_word(t, status));
                }
            })
            .response
            .labelled_by(l.id);
    });
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t.trainer_search());
        ui.add(
            egui::TextEdit::singleline(&mut state.filter.query)
                .hint_text(t.trainer_search_hint())
                .desired_width(360.0),
        )
        .labelled_by(l.id);
    });
    view.apply(&state.filter, state.sort);
    ui.muted(t.trainer_roster_summary(count(t, view.learner_count()), count(t, view.visible().len())));
    if view.learner_count() == 0 {
        ui.muted(t.trainer_roster_empty());
        return;
    }
    if view.visible().is_empty() {
        ui.muted(t.trainer_roster_no_match());
        return;
    }
    ui.add_space(4.0);

    let mut sort = state.sort;
    let mut open = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let view: &RosterView = view;
    ui.scope(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let width = ui.available_width() - 7.0 * ui.spacing().item_spacing.x;
        let mut table = egui_extras::TableBuilder::new(ui)
            .id_salt("trainer_roster")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        // Shares of the width, so the table fits the window at every text size (the text truncates,
        // with the whole text on hover): name, unit, module, status, best score, attempts; the
        // completion date takes the rest.
        for share in [0.19, 0.15, 0.23, 0.11, 0.10, 0.10] {
            table = table.column(egui_extras::Column::exact((width * share).max(40.0)).clip(true));
        }
        table = table.column(egui_extras::Column::remainder().at_least(40.0).clip(true));
        table
            // Two lines: the longer titles wrap rather than hide.
            .header(2.0 * row_height, |mut header| {
                for column in Column::ALL {
                    header.col(|ui| {
                        let title = RichText::new(column_title(t, column)).strong();
                        if ui.add(egui::Button::new(title).frame(false).wrap()).clicked() {
                            sort = sort.clicked(column);
                        }
                        if sort.column == column {
                            sort_arrow(ui, sort.descending);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, view.visible().len(), |mut row| {
                    let Some(r) = view.visible().get(row.index()).and_then(|&i| view.row(i)) else {
                        return;
                    };
                    row.col(|ui| {
                        if ui.link(display_name(t, &r.name)).clicked() {
                            open = Some(r.learner);
                        }
                    });
                    for text in cells(t, r) {
                        row.col(|ui| {
                            ui.label(text);
                        });
                    }
                });
            });
    });
    state.sort = sort;
    if let Some(learner) = open {
        state.page = Page::Learner(learner);
    }
}

/// The deleted learners, folded away under one line, each with a button to bring them back (a delete
/// by mistake, or one imported from another PC). Returns the learner whose button was clicked.
fn deleted_ui(ui: &mut egui::Ui, ctx: &ScreenCtx) -> Option<uuid::Uuid> {
    let t = ctx.t;
    let deleted = ctx.records.as_ref()?.progress().deleted();
    if deleted.is_empty() {
        return None;
    }
    let mut restore = None;
    egui::CollapsingHeader::new(t.trainer_deleted_list(count(t, deleted.len())))
        .id_salt("trainer_deleted")
        .show(ui, |ui| {
            ui.muted(t.trainer_deleted_help());
            for learner in deleted {
                ui.horizontal_wrapped(|ui| {
                    if ui.button(t.trainer_restore()).clicked() {
                        restore = Some(learner.id);
                    }
                    let name = display_name(t, &learner.name);
                    if learner.unit.is_empty() {
                        ui.label(name);
                    } else {
                        ui.label(format!("{name} – {}", learner.unit));
                    }
                });
            }
        });
    ui.add_space(4.0);
    restore
}

/// A small triangle after the title of the sorted column: pointing up when ascending. Painted, because
/// the embedded font has no arrow glyphs.
pub(super) fn sort_arrow(ui: &mut egui::Ui, descending: bool) {
    let size = ui.text_style_height(&egui::TextStyle::Body) * 0.5;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let (c, w, h) = (rect.center(), size * 0.5, size * 0.35);
    let (tip, base) = if descending { (h, -h) } else { (-h, h) };
    let points = vec![
        c + egui::vec2(-w, base),
        c + egui::vec2(w, base),
        c + egui::vec2(0.0, tip),
    ];
    let color = ui.visuals().strong_text_color();
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
}

/// The cells after the name, in column order.
fn cells(t: &crate::i18n::I18n, r: &RosterRow) -> [String; 6] {
    [
        r.unit.clone(),
        r.module_title.clone(),
        status_word(t, r.status),
        r.best_score.map(|s| s.to_string()).unwrap_or_default(),
        r.attempts.to_string(),
        r.completed_at.as_ref().map(date).unwrap_or_default(),
    ]
}
