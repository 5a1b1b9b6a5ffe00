//! "Câu hỏi cần dạy lại": the questions the class answered, hardest first, each on a card with the
//! share answered right (as a number and a bar), the question, the right answer, the wrong answer
//! chosen most often and by how many, and the explanation to teach from. The five hardest show first,
//! so a trainer with ten minutes left picks three at a glance; "show all" opens the rest. A module
//! choice narrows the list to one module.

use crate::class::questions::QuestionStat;
use crate::i18n::I18n;
use crate::ui::trainer::classes::Counting;
use crate::ui::trainer::classes::view::Dashboard;
use crate::ui::{NoticeKind, UiExt};

/// How many questions show before "show all".
pub const FIRST: usize = 5;

/// What the questions tab remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionsState {
    /// Show every question, not just the first [`FIRST`].
    pub all: bool,
    /// Only this module's questions (its title), or every module's.
    pub module: Option<String>,
}

/// Draws the questions tab: `stats` as last counted, `counting` where a newer count stands.
pub fn show(
    ui: &mut egui::Ui,
    t: &I18n,
    dashboard: &Dashboard,
    stats: &[QuestionStat],
    counting: Counting,
    state: &mut QuestionsState,
) {
    ui.label(t.class_questions_intro());
    match counting {
        // Words, not a spinner: the worker wakes the window when it is done.
        Counting::Running => {
            ui.muted(t.class_questions_counting());
        }
        Counting::Failed => {
            ui.tone_label(NoticeKind::Bad, t.class_questions_failed());
        }
        Counting::Done => {}
    }
    if stats.is_empty() {
        if counting == Counting::Running {
            return;
        }
        ui.add_space(ui.tokens().sizes.gap);
        ui.muted(t.class_questions_none());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t.class_questions_module());
        let all = t.class_questions_all_modules();
        egui::ComboBox::from_id_salt("class_question_module")
            .selected_text(state.module.clone().unwrap_or_else(|| all.clone()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.module, None, all);
                for module in &dashboard.analysis.modules {
                    ui.selectable_value(&mut state.module, Some(module.title.clone()), &module.title);
                }
            })
            .response
            .labelled_by(l.id);
    });
    let shown: Vec<&QuestionStat> = stats
        .iter()
        .filter(|q| state.module.as_ref().is_none_or(|m| *m == q.module_title))
        .collect();
    if shown.is_empty() {
        ui.muted(t.class_questions_none_in_module());
        return;
    }
    let gap = ui.tokens().sizes.gap;
    let limit = if state.all {
        shown.len()
    } else {
        FIRST.min(shown.len())
    };
    for (i, q) in shown.iter().take(limit).enumerate() {
        ui.add_space(gap);
        question_card(ui, t, i + 1, q);
    }
    if shown.len() > FIRST {
        ui.add_space(gap);
        let label = if state.all {
            t.class_questions_fewer(FIRST)
        } else {
            t.class_questions_show_all(shown.len())
        };
        if ui.big_button(label).clicked() {
            state.all = !state.all;
        }
    }
}

/// One question: its rank, the share right, then what to teach.
fn question_card(ui: &mut egui::Ui, t: &I18n, rank: usize, q: &QuestionStat) {
    let (yes, no) = (t.quiz_true(), t.quiz_false());
    ui.card(|ui| {
        let percent = q.facility_percent();
        // Below half right: the class has not got it (said in words too, not by colour alone).
        let kind = if percent < 50 {
            NoticeKind::Bad
        } else if percent < 80 {
            NoticeKind::Warn
        } else {
            NoticeKind::Good
        };
        ui.horizontal_wrapped(|ui| {
            ui.tone_label(kind, t.class_question_share(q.answered, q.correct, percent, rank));
            ui.muted(&q.module_title);
        });
        #[allow(clippy::cast_precision_loss)]
        ui.progress_bar(percent as f32 / 100.0, None);
        ui.add_space(ui.tokens().sizes.gap_small);
        ui.label(egui::RichText::new(&q.prompt).strong());
        ui.horizontal_wrapped(|ui| {
            ui.tone_label(NoticeKind::Good, t.class_question_right());
            ui.label(q.right.text(&yes, &no));
        });
        match &q.most_wrong {
            Some((answer, chosen)) => {
                ui.horizontal_wrapped(|ui| {
                    ui.tone_label(NoticeKind::Bad, t.class_question_top_wrong(*chosen));
                    ui.label(answer.text(&yes, &no));
                });
            }
            None if q.correct >= q.answered => {
                ui.muted(t.class_question_no_wrong());
            }
            // Wrong answers from files written before what was chosen was recorded.
            None => {
                ui.muted(t.class_question_wrong_unknown());
            }
        }
        if !q.explanation.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(t.class_question_explanation()).strong());
                ui.label(&q.explanation);
            });
        }
    });
}
