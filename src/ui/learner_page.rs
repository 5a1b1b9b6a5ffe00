//! A learner's own page: each module's status with its date, and every quiz attempt with score and date.
//! No state of its own.

use crate::records::Status;
use crate::ui::{Commands, ScreenCtx, UiExt};

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
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, out: &mut Commands) {
    let (Some(records), Some(learner)) = (ctx.records, ctx.learner()) else {
        out.go(crate::command::Screen::Learners);
        return;
    };
    ui.page("learner", ui.tokens().sizes.page_width, |ui| {
        ui.heading(&learner.name);
        progress_ui(ui, ctx.t, learner, records.progress());
    });
}

/// A learner's unit and position, then each module's status, lessons read and every quiz attempt. Shared
/// by the learner's own page and the trainer's page about a learner.
pub fn progress_ui(
    ui: &mut egui::Ui,
    t: &crate::i18n::I18n,
    learner: &crate::records::progress::Learner,
    progress: &crate::records::Progress,
) {
    let details: Vec<&str> = [learner.unit.as_str(), learner.position.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !details.is_empty() {
        ui.muted(details.join(" · "));
    }
    for (spec, mp) in progress.modules().iter().zip(progress.progress(learner.id)) {
        ui.add_space(ui.tokens().sizes.gap);
        ui.subsection(&spec.title);
        ui.status_chip(mp.status(), status_text(t, mp.status(), mp.completed_at.as_ref()));
        ui.label(t.learner_lessons_viewed(mp.lessons_viewed.len(), spec.lessons.len()));
        if mp.attempts.is_empty() {
            ui.muted(t.learner_no_attempts());
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
