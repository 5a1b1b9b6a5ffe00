//! A learner's own page: each module's status with its date, and every quiz attempt with score and date.

use egui::RichText;

use crate::app::App;
use crate::records::Status;
use crate::ui::theme;

/// A date as dd/mm/yyyy.
#[must_use]
pub fn date(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    at.format("%d/%m/%Y").to_string()
}

/// The status word for a module, with the completion date.
#[must_use]
pub fn status_text(
    t: &crate::i18n::I18n,
    status: Status,
    completed: Option<&chrono::DateTime<chrono::FixedOffset>>,
) -> String {
    match (status, completed) {
        (Status::Completed, Some(at)) => t.status_completed_on(date(at)),
        (Status::Completed, None) => t.status_completed(),
        (Status::InProgress, _) => t.status_in_progress(),
        (Status::NotStarted, _) => t.home_status_not_started(),
    }
}

/// Draws the current learner's page.
pub fn show(app: &mut App, ui: &mut egui::Ui) {
    let pal = theme::palette(app.settings.theme);
    let Some(records) = &app.records else { return };
    let Some(id) = records.current else { return };
    let progress = records.progress();
    let Some(learner) = progress.learner(id) else {
        return;
    };
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        ui.heading(&learner.name);
        progress_ui(ui, &app.t, pal, learner, progress);
    });
}

/// A learner's unit and position, then each module's status, lessons read and every quiz attempt. Shared
/// by the learner's own page and the trainer's page about a learner.
pub fn progress_ui(
    ui: &mut egui::Ui,
    t: &crate::i18n::I18n,
    pal: theme::Palette,
    learner: &crate::records::progress::Learner,
    progress: &crate::records::Progress,
) {
    let details: Vec<&str> = [learner.unit.as_str(), learner.position.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !details.is_empty() {
        ui.label(RichText::new(details.join(" · ")).color(pal.muted));
    }
    for (spec, mp) in progress.modules().iter().zip(progress.progress(learner.id)) {
        ui.add_space(8.0);
        ui.label(RichText::new(&spec.title).text_style(theme::h3()));
        ui.label(status_text(t, mp.status(), mp.completed_at.as_ref()));
        ui.label(t.learner_lessons_viewed(mp.lessons_viewed.len(), spec.lessons.len()));
        if mp.attempts.is_empty() {
            ui.label(RichText::new(t.learner_no_attempts()).color(pal.muted));
        }
        for (n, a) in mp.attempts.iter().enumerate() {
            let verdict = if a.passed {
                t.quiz_passed_short()
            } else {
                t.quiz_not_passed_short()
            };
            ui.label(t.learner_attempt(date(&a.at), a.max, n + 1, a.percent(), a.score, verdict));
        }
    }
}
