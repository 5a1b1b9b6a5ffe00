//! The learner × module grid of the class dashboard: one row per learner, one cell per module showing
//! the status by colour, symbol and word (with the best score), and the count of modules completed.
//! Sorted by a click on a column title; a click on a name or a cell opens the learner's page. Only the
//! rows on screen are laid out (`egui_extras` table rows), so 500 learners scroll smoothly.

use egui::RichText;
use uuid::Uuid;

use crate::class::analysis::{Cell, SortBy};
use crate::i18n::I18n;
use crate::ui::UiExt;
use crate::ui::charts::{self, Mark};
use crate::ui::trainer::classes::view::{Dashboard, Sort, mark};
use crate::ui::trainer::display_name;

/// The word of a status in a cell.
pub fn mark_word(t: &I18n, mark: Mark) -> String {
    match mark {
        Mark::NotStarted => t.export_status_not_started(),
        Mark::InProgress => t.export_status_in_progress(),
        Mark::Completed => t.export_status_completed(),
        Mark::NeedsHelp => t.class_mark_needs_help(),
    }
}

/// A cell's text: the status word, and the best score when there is one.
fn cell_text(t: &I18n, mark: Mark, cell: Option<&Cell>) -> String {
    match cell.and_then(|c| c.best_percent) {
        Some(best) => t.class_cell_score(best, mark_word(t, mark)),
        None => mark_word(t, mark),
    }
}

/// Draws the grid; returns the learner whose name or cell was clicked.
pub fn show(ui: &mut egui::Ui, t: &I18n, dashboard: &mut Dashboard, sort: &mut Sort) -> Option<Uuid> {
    dashboard.sort(*sort);
    let dashboard: &Dashboard = dashboard;
    let mut open = None;
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let modules = dashboard.analysis.modules.len();
    ui.scope(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let spacing = ui.spacing().item_spacing.x;
        #[allow(clippy::cast_precision_loss)]
        let width = ui.available_width() - (modules + 2) as f32 * spacing;
        // The name a little wider than a module; the count of modules completed narrower.
        #[allow(clippy::cast_precision_loss)]
        let share = 1.0 / (modules as f32 + 1.9);
        let mut table = egui_extras::TableBuilder::new(ui)
            .id_salt("class_grid")
            // The dashboard's page scrolls; rows off screen are still skipped.
            .vscroll(false)
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(egui_extras::Column::exact((width * share * 1.3).max(60.0)).clip(true));
        for _ in 0..modules {
            table = table.column(egui_extras::Column::exact((width * share).max(40.0)).clip(true));
        }
        table = table.column(egui_extras::Column::remainder().at_least(40.0).clip(true));
        table
            .header(2.0 * row_height, |mut header| {
                let mut title = |ui: &mut egui::Ui, text: String, hover: String, by: SortBy| {
                    let button = egui::Button::new(RichText::new(text).strong())
                        .frame(false)
                        .wrap();
                    if ui.add(button).on_hover_text(hover).clicked() {
                        clicked = Some(by);
                    }
                    if sort.by == by {
                        crate::ui::trainer::roster::sort_arrow(ui, sort.descending);
                    }
                };
                header.col(|ui| title(ui, t.class_grid_name(), t.class_grid_name(), SortBy::Name));
                for (m, module) in dashboard.analysis.modules.iter().enumerate() {
                    header.col(|ui| {
                        title(
                            ui,
                            t.class_grid_module(m + 1),
                            module.title.clone(),
                            SortBy::Module(m),
                        );
                    });
                }
                header.col(|ui| {
                    title(
                        ui,
                        t.class_grid_progress(),
                        t.class_grid_progress_hint(),
                        SortBy::Completed,
                    );
                });
            })
            .body(|body| {
                let rows = &dashboard.analysis.rows;
                body.rows(row_height, rows.len(), |mut row| {
                    let Some(r) = rows.get(row.index()) else {
                        return;
                    };
                    let name = display_name(t, &r.name);
                    row.col(|ui| {
                        if ui.link(&name).on_hover_text(&r.unit).clicked() {
                            open = Some(r.learner);
                        }
                    });
                    for (m, module) in dashboard.analysis.modules.iter().enumerate() {
                        row.col(|ui| {
                            let mark = mark(r, m);
                            let text = cell_text(t, mark, r.cells.get(m));
                            let label = t.class_cell_label(module.title.clone(), name.clone(), text.clone());
                            if charts::status_cell(ui, mark, &text, label).clicked() {
                                open = Some(r.learner);
                            }
                        });
                    }
                    row.col(|ui| {
                        ui.label(t.class_grid_done(r.completed(), modules));
                    });
                });
            });
    });
    if let Some(by) = clicked {
        *sort = sort.clicked(by);
    }
    open
}

/// A legend under the grid: each status's symbol and word, so the colours are never the only key.
pub fn legend(ui: &mut egui::Ui, t: &I18n) {
    ui.horizontal_wrapped(|ui| {
        for mark in [
            Mark::NotStarted,
            Mark::InProgress,
            Mark::Completed,
            Mark::NeedsHelp,
        ] {
            charts::mark_label(ui, mark, mark_word(t, mark));
            ui.add_space(ui.tokens().sizes.gap);
        }
    });
}
