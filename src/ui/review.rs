//! The review and practice screen ("Ôn lại câu sai" / "Ôn tập"): one question at a time, drawn and
//! answered as in the quiz (`ui::quiz`'s question body and feedback), but ungraded: no score, no pass,
//! no `quiz_attempted`. Each answer is recorded as a `question_practised` event at once, so leaving midway
//! keeps what was done; a question answered wrong comes back after a few others (`quiz::Drill`).

use egui::Key;

use crate::command::{Command, Screen};
use crate::content::Module;
use crate::quiz::Drill;
use crate::records::event::PracticeMode;
use crate::records::progress::ModuleProgress;
use crate::ui::quiz::{Pending, feedback_box, question_body};
use crate::ui::{Commands, NoticeKind, ScreenCtx, UiExt};

/// A running review or practice on screen.
#[derive(Debug, Clone)]
pub struct DrillState {
    pub module: usize,
    pub drill: Drill,
    pub pending: Pending,
}

impl DrillState {
    /// A drill on module `module`.
    #[must_use]
    pub fn new(module: usize, drill: Drill) -> DrillState {
        let pending = drill.current().map(Pending::for_question).unwrap_or_default();
        DrillState {
            module,
            drill,
            pending,
        }
    }
}

/// Draws the review or practice screen.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: Option<&mut DrillState>, out: &mut Commands) {
    let t = ctx.t;
    let Some(state) = state else {
        out.go(Screen::Home);
        return;
    };
    let Some(module) = ctx.catalog.modules.get(state.module) else {
        out.go(Screen::Home);
        return;
    };
    let review = state.drill.mode() == PracticeMode::Review;
    let title = if review {
        t.review_title()
    } else {
        t.review_practice_title()
    };
    ui.page(("drill", state.module), ui.tokens().sizes.page_width, |ui| {
        ui.muted(format!("{} · {title}", module.meta.title));
        let (done, total) = state.drill.progress();
        ui.horizontal_wrapped(|ui| {
            ui.heading(t.review_progress(done, total));
            // Once done, the back button is the big one under the message.
            if !state.drill.finished() && ui.button(t.review_back()).clicked() {
                out.go(Screen::Module(state.module));
            }
        });
        ui.progress_bar(done as f32 / total.max(1) as f32, None);
        if ctx.learner().is_none() {
            ui.notice(NoticeKind::Info, t.review_no_learner());
        }
        let Some(presented) = state.drill.current().cloned() else {
            finished_ui(ui, ctx, state, total, review, out);
            return;
        };
        ui.muted(t.review_not_graded());
        ui.add_space(ui.tokens().sizes.gap_small);
        let answered = state.drill.feedback().cloned();
        question_body(
            ui,
            t,
            &mut state.pending,
            &presented,
            answered.is_some(),
            answered.is_none(),
        );
        let enter = ui.input(|i| i.key_pressed(Key::Enter));
        match answered {
            None => {
                let answer = state.pending.answer(&presented.view);
                let clicked = ui
                    .add_enabled_ui(answer.is_some(), |ui| ui.primary_button(t.quiz_confirm()))
                    .inner
                    .clicked();
                if (clicked || enter)
                    && let Some(answer) = answer
                {
                    match state.drill.answer(&answer) {
                        Ok((_, event)) => out.push(Command::Practised(event)),
                        Err(e) => log::error!("practice answer refused: {e:?}"),
                    }
                }
            }
            Some(feedback) => {
                feedback_box(ui, t, &presented, &feedback);
                if !feedback.correct || (review && state.drill.needs_more()) {
                    ui.muted(t.review_again_later());
                }
                if ui.primary_button(t.review_next()).clicked() || enter {
                    state.drill.next();
                    if let Some(p) = state.drill.current() {
                        state.pending = Pending::for_question(p);
                    }
                }
            }
        }
    });
}

fn finished_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    state: &DrillState,
    total: usize,
    review: bool,
    out: &mut Commands,
) {
    let t = ctx.t;
    let text = match (total, review) {
        (0, _) => t.review_nothing(),
        (_, true) => t.review_finished(),
        (_, false) => t.review_finished_practice(),
    };
    ui.notice(NoticeKind::Good, text);
    if ui.primary_button(t.review_back()).clicked() {
        out.go(Screen::Module(state.module));
    }
}

/// The module page's part: "Câu cần ôn: N" with the button that starts the review, and the recall
/// practice when the module has recall questions. Counts only questions the module still has.
pub fn module_section(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    module: &Module,
    index: usize,
    mine: Option<&ModuleProgress>,
    out: &mut Commands,
) {
    let t = ctx.t;
    let due = mine.map_or(0, |p| {
        p.to_review
            .iter()
            .filter(|d| module.questions.iter().any(|q| q.id == d.question))
            .count()
    });
    let recall = module.questions.iter().filter(|q| !q.tests.graded()).count();
    if due == 0 && recall == 0 {
        return;
    }
    ui.add_space(ui.tokens().sizes.gap);
    ui.subsection(t.review_section());
    if due > 0 {
        ui.label(t.review_due(due));
        ui.muted(t.review_due_info());
        if ui.big_button(t.review_start()).clicked() {
            out.go(Screen::Drill {
                module: index,
                review: true,
            });
        }
    } else if mine.is_some_and(|p| !p.attempts.is_empty()) {
        ui.muted(t.review_due_none());
    }
    if recall > 0 {
        ui.muted(t.review_practice_info(recall));
        if ui.big_button(t.review_practice_start()).clicked() {
            out.go(Screen::Drill {
                module: index,
                review: false,
            });
        }
    }
}
