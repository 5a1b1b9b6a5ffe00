//! The quiz screen: one question at a time ("Câu 3/10"), answered with the mouse or the keyboard (1–9 to
//! choose, Enter to confirm, ↑/↓ to move the chosen step of an ordering question), feedback after each
//! answer, and at the end the score, passed or not, a review of every wrong answer, and "Làm lại".

use std::collections::BTreeSet;
use std::time::Instant;

use egui::{Key, RichText};

use crate::command::{Command, Screen};
use crate::i18n::I18n;
use crate::quiz::{Answer, Feedback, Presented, QuizResult, QuizSession, View};
use crate::ui::{Commands, NoticeKind, ScreenCtx, UiExt, theme};

/// What the learner has chosen for the current question but not yet confirmed.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    pub single: Option<usize>,
    pub multiple: BTreeSet<usize>,
    pub truth: Option<bool>,
    /// Shown step indexes in the learner's order.
    pub order: Vec<usize>,
    /// The step picked for moving with ↑/↓.
    pub picked: Option<usize>,
    /// For each left item, the chosen right item.
    pub matching: Vec<Option<usize>>,
}

impl Pending {
    pub(crate) fn for_question(p: &Presented) -> Pending {
        let mut pending = Pending::default();
        match &p.view {
            View::Ordering { steps } => pending.order = (0..steps.len()).collect(),
            View::Matching { left, .. } => pending.matching = vec![None; left.len()],
            _ => {}
        }
        pending
    }

    pub(crate) fn answer(&self, view: &View) -> Option<Answer> {
        match view {
            View::Single { .. } => self.single.map(Answer::Single),
            View::Multiple { .. } => {
                (!self.multiple.is_empty()).then(|| Answer::Multiple(self.multiple.clone()))
            }
            View::TrueFalse => self.truth.map(Answer::TrueFalse),
            View::Ordering { .. } => Some(Answer::Ordering(self.order.clone())),
            View::Matching { .. } => self
                .matching
                .iter()
                .copied()
                .collect::<Option<Vec<_>>>()
                .map(Answer::Matching),
        }
    }
}

/// A running quiz on screen.
#[derive(Debug, Clone)]
pub struct QuizState {
    pub module: usize,
    pub session: QuizSession,
    pub pending: Pending,
    pub started: Instant,
    /// Set when finished: the result, already recorded.
    pub result: Option<QuizResult>,
    pub confirm_leave: bool,
    /// Where to go once leaving is confirmed (a top-bar button pressed mid-quiz); else the module page.
    pub leave_to: Option<Screen>,
}

impl QuizState {
    /// A new quiz on module `module`.
    #[must_use]
    pub fn new(module: usize, session: QuizSession) -> QuizState {
        let pending = session.current().map(Pending::for_question).unwrap_or_default();
        QuizState {
            module,
            session,
            pending,
            started: Instant::now(),
            result: None,
            confirm_leave: false,
            leave_to: None,
        }
    }

    /// Starts over with a new draw.
    pub fn retry(&mut self, seed: u64) {
        self.session.retry(seed);
        self.pending = self
            .session
            .current()
            .map(Pending::for_question)
            .unwrap_or_default();
        self.started = Instant::now();
        self.result = None;
        self.confirm_leave = false;
    }
}

/// Draws the quiz screen.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: Option<&mut QuizState>, out: &mut Commands) {
    let Some(state) = state else {
        out.go(Screen::Home);
        return;
    };
    let Some(module) = ctx.catalog.modules.get(state.module) else {
        out.go(Screen::Home);
        return;
    };
    ui.page(("quiz", state.module), ui.tokens().sizes.page_width, |ui| {
        ui.muted(format!("{} · {}", module.meta.title, ctx.t.quiz_title()));
        if let Some(result) = state.result.clone() {
            result_ui(ui, ctx, state, &result, module.meta.pass_mark, out);
        } else {
            question_ui(ui, ctx, state, out);
        }
    });
    if state.confirm_leave {
        leave_modal(ui, ctx, state, out);
    }
}

fn question_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut QuizState, out: &mut Commands) {
    let t = ctx.t;
    let sizes = ui.tokens().sizes;
    let total = state.session.len();
    let index = state.session.index();
    let Some(presented) = state.session.current().cloned() else {
        return;
    };
    let answered = state.session.feedback().cloned();

    ui.horizontal_wrapped(|ui| {
        ui.heading(t.quiz_position(index + 1, total));
        if ui.button(t.quiz_leave()).clicked() {
            state.confirm_leave = true;
        }
    });
    ui.progress_bar(index as f32 / total.max(1) as f32, None);
    ui.add_space(sizes.gap_small);
    let locked = answered.is_some();
    let keys = !locked && !state.confirm_leave;
    question_body(ui, t, &mut state.pending, &presented, locked, keys);

    match answered {
        None => {
            let answer = state.pending.answer(&presented.view);
            let enter = !state.confirm_leave && ui.input(|i| i.key_pressed(Key::Enter));
            let clicked = ui
                .add_enabled_ui(answer.is_some(), |ui| ui.primary_button(t.quiz_confirm()))
                .inner
                .clicked();
            if (clicked || enter)
                && let Some(answer) = answer
                && let Err(e) = state.session.answer(answer)
            {
                log::error!("quiz answer refused: {e:?}");
            }
        }
        Some(feedback) => {
            feedback_box(ui, t, &presented, &feedback);
            let last = index + 1 >= total;
            let label = if last { t.quiz_see_result() } else { t.quiz_next() };
            let enter = !state.confirm_leave && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.primary_button(label).clicked() || enter {
                state.session.next();
                if state.session.finished() {
                    out.push(Command::FinishQuiz);
                } else if let Some(p) = state.session.current() {
                    state.pending = Pending::for_question(p);
                }
            }
        }
    }
}

/// The prompt, the kind of answer asked for and the choices (locked once answered); the keys 1–9 and
/// ↑/↓ work while `keys` is set. Shared by the quiz and the review and practice screens.
pub(crate) fn question_body(
    ui: &mut egui::Ui,
    t: &I18n,
    pending: &mut Pending,
    presented: &Presented,
    locked: bool,
    keys: bool,
) {
    let sizes = ui.tokens().sizes;
    ui.subsection(&presented.question.prompt);
    ui.muted(kind_hint(t, &presented.view));
    ui.add_space(sizes.gap_small);
    if keys {
        keyboard(ui, pending, &presented.view);
    }
    ui.add_enabled_ui(!locked, |ui| choices_ui(ui, t, pending, &presented.view));
    ui.add_space(sizes.gap);
}

/// Right or wrong, the right answer when wrong, and the explanation.
pub(crate) fn feedback_box(ui: &mut egui::Ui, t: &I18n, presented: &Presented, feedback: &Feedback) {
    let tokens = ui.tokens();
    let (c, sizes) = (tokens.colors, tokens.sizes);
    let (text, color) = if feedback.correct {
        (t.quiz_right(), c.good)
    } else {
        (t.quiz_wrong(), c.bad)
    };
    egui::Frame::new()
        .fill(c.note_fill)
        .stroke(egui::Stroke::new(2.0, color))
        .corner_radius(sizes.radius_small)
        .inner_margin(sizes.card_padding * 0.75)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).color(color).text_style(theme::h3()));
            if !feedback.correct {
                ui.label(RichText::new(t.quiz_right_answer()).strong());
                answer_text_ui(ui, t, &presented.view, &feedback.right);
            }
            ui.label(RichText::new(t.quiz_explanation()).strong());
            ui.label(&presented.question.explanation);
        });
}

fn kind_hint(t: &I18n, view: &View) -> String {
    match view {
        View::Single { .. } => t.quiz_hint_single(),
        View::Multiple { .. } => t.quiz_hint_multiple(),
        View::TrueFalse => t.quiz_hint_true_false(),
        View::Ordering { .. } => t.quiz_hint_ordering(),
        View::Matching { .. } => t.quiz_hint_matching(),
    }
}

/// The keys 1–9 that choose an option, in order.
pub const NUMBER_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

fn keyboard(ui: &egui::Ui, p: &mut Pending, view: &View) {
    if ui.ctx().text_edit_focused() {
        return;
    }
    let pressed: Option<usize> = ui.input(|i| NUMBER_KEYS.iter().position(|k| i.key_pressed(*k)));
    let (up, down) = ui.input(|i| (i.key_pressed(Key::ArrowUp), i.key_pressed(Key::ArrowDown)));
    match view {
        View::Single { options } => {
            if let Some(n) = pressed.filter(|n| *n < options.len()) {
                p.single = Some(n);
            }
        }
        View::Multiple { options } => {
            if let Some(n) = pressed.filter(|n| *n < options.len())
                && !p.multiple.remove(&n)
            {
                p.multiple.insert(n);
            }
        }
        View::TrueFalse => match pressed {
            Some(0) => p.truth = Some(true),
            Some(1) => p.truth = Some(false),
            _ => {}
        },
        View::Ordering { steps } => {
            if let Some(n) = pressed.filter(|n| *n < steps.len()) {
                p.picked = Some(n);
            }
            if let Some(pos) = p.picked {
                if up && pos > 0 {
                    p.order.swap(pos, pos - 1);
                    p.picked = Some(pos - 1);
                } else if down && pos + 1 < p.order.len() {
                    p.order.swap(pos, pos + 1);
                    p.picked = Some(pos + 1);
                }
            }
        }
        View::Matching { .. } => {}
    }
}

fn choices_ui(ui: &mut egui::Ui, t: &I18n, p: &mut Pending, view: &View) {
    match view {
        View::Single { options } => {
            for (i, option) in options.iter().enumerate() {
                if ui
                    .radio(p.single == Some(i), format!("{}. {option}", i + 1))
                    .clicked()
                {
                    p.single = Some(i);
                }
            }
        }
        View::Multiple { options } => {
            for (i, option) in options.iter().enumerate() {
                let mut on = p.multiple.contains(&i);
                if ui.checkbox(&mut on, format!("{}. {option}", i + 1)).changed() {
                    if on {
                        p.multiple.insert(i)
                    } else {
                        p.multiple.remove(&i)
                    };
                }
            }
        }
        View::TrueFalse => {
            if ui
                .radio(p.truth == Some(true), format!("1. {}", t.quiz_true()))
                .clicked()
            {
                p.truth = Some(true);
            }
            if ui
                .radio(p.truth == Some(false), format!("2. {}", t.quiz_false()))
                .clicked()
            {
                p.truth = Some(false);
            }
        }
        View::Ordering { steps } => {
            let count = p.order.len();
            for pos in 0..count {
                let Some(step) = p.order.get(pos).and_then(|&s| steps.get(s)) else {
                    continue;
                };
                ui.horizontal_wrapped(|ui| {
                    let up = ui.add_enabled(pos > 0, egui::Button::new(t.quiz_move_up()));
                    let down = ui.add_enabled(pos + 1 < count, egui::Button::new(t.quiz_move_down()));
                    let picked = p.picked == Some(pos);
                    if ui
                        .selectable_label(picked, format!("{}. {step}", pos + 1))
                        .clicked()
                    {
                        p.picked = Some(pos);
                    }
                    if up.clicked() {
                        p.order.swap(pos, pos - 1);
                        p.picked = Some(pos - 1);
                    } else if down.clicked() {
                        p.order.swap(pos, pos + 1);
                        p.picked = Some(pos + 1);
                    }
                });
            }
        }
        View::Matching { left, right } => {
            // One item under the other, its choice below it: a two-column grid squeezed the items into
            // a narrow column that broke words apart at large text sizes.
            let width = ui.available_width().min(ui.tokens().sizes.reading_width * 0.6);
            for (i, l) in left.iter().enumerate() {
                let label = ui.add(egui::Label::new(RichText::new(l).strong()).wrap());
                let chosen = p.matching.get(i).copied().flatten();
                let text = chosen
                    .and_then(|c| right.get(c))
                    .cloned()
                    .unwrap_or_else(|| t.quiz_choose());
                let combo = egui::ComboBox::from_id_salt(("match", i))
                    .selected_text(text)
                    .width(width)
                    .wrap_mode(egui::TextWrapMode::Wrap)
                    .show_ui(ui, |ui| {
                        for (j, r) in right.iter().enumerate() {
                            if ui.selectable_label(chosen == Some(j), r).clicked()
                                && let Some(slot) = p.matching.get_mut(i)
                            {
                                *slot = Some(j);
                            }
                        }
                    });
                combo.response.labelled_by(label.id);
                ui.add_space(ui.tokens().sizes.gap_small);
            }
        }
    }
}

/// The right (or given) answer in words.
fn answer_text_ui(ui: &mut egui::Ui, t: &I18n, view: &View, answer: &Answer) {
    match (view, answer) {
        (View::Single { options }, Answer::Single(i)) => {
            ui.label(options.get(*i).cloned().unwrap_or_default());
        }
        (View::Multiple { options }, Answer::Multiple(set)) => {
            for i in set {
                ui.label(format!("• {}", options.get(*i).cloned().unwrap_or_default()));
            }
        }
        (View::TrueFalse, Answer::TrueFalse(b)) => {
            ui.label(if *b { t.quiz_true() } else { t.quiz_false() });
        }
        (View::Ordering { steps }, Answer::Ordering(order)) => {
            for (pos, s) in order.iter().enumerate() {
                ui.label(format!(
                    "{}. {}",
                    pos + 1,
                    steps.get(*s).cloned().unwrap_or_default()
                ));
            }
        }
        (View::Matching { left, right }, Answer::Matching(chosen)) => {
            for (l, r) in left.iter().zip(chosen) {
                ui.label(format!("{l} — {}", right.get(*r).cloned().unwrap_or_default()));
            }
        }
        _ => {}
    }
}

fn result_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    state: &QuizState,
    result: &QuizResult,
    pass_mark: u8,
    out: &mut Commands,
) {
    let t = ctx.t;
    let c = ui.tokens().colors;
    ui.heading(t.quiz_result_title());
    ui.section(t.quiz_score(result.max, result.percent, result.score));
    let (verdict, kind) = if result.passed {
        (t.quiz_passed(pass_mark), NoticeKind::Good)
    } else {
        (t.quiz_not_passed(pass_mark), NoticeKind::Bad)
    };
    ui.notice(kind, verdict);
    ui.horizontal_wrapped(|ui| {
        if ui.primary_button(t.quiz_retry()).clicked() {
            out.push(Command::RetryQuiz);
        }
        if ui.big_button(t.lesson_back_to_module()).clicked() {
            out.go(Screen::Module(state.module));
        }
        // The wrong answers are on the learner's review list once the attempt is recorded.
        if !result.wrong.is_empty()
            && ctx.learner().is_some()
            && ui.big_button(t.review_wrong_again()).clicked()
        {
            out.go(Screen::Drill {
                module: state.module,
                review: true,
            });
        }
    });
    if !result.wrong.is_empty() {
        ui.add_space(ui.tokens().sizes.gap);
        ui.section(t.quiz_review());
        for review in &result.wrong {
            ui.card(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{}. {}",
                        review.index + 1,
                        review.presented.question.prompt
                    ))
                    .strong(),
                );
                ui.label(RichText::new(t.quiz_your_answer()).color(c.bad));
                match &review.given {
                    Some(given) => answer_text_ui(ui, t, &review.presented.view, given),
                    None => {
                        ui.label("—");
                    }
                }
                ui.label(RichText::new(t.quiz_right_answer()).color(c.good));
                answer_text_ui(ui, t, &review.presented.view, &review.right);
                ui.label(RichText::new(t.quiz_explanation()).strong());
                ui.label(&review.presented.question.explanation);
            });
        }
    }
}

fn leave_modal(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut QuizState, out: &mut Commands) {
    let t = ctx.t;
    let mut leave = false;
    let modal = egui::Modal::new(egui::Id::unique("leave_quiz")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.subsection(t.quiz_leave_title());
        ui.label(t.quiz_leave_body());
        ui.horizontal_wrapped(|ui| {
            if ui.big_button(t.quiz_leave_confirm()).clicked() {
                leave = true;
            }
            // Staying is the safe choice, so it is the one Enter and Esc give.
            let stay = ui.primary_button(t.quiz_leave_cancel());
            if ui.memory(|m| m.focused().is_none()) {
                stay.request_focus();
            }
            if stay.clicked() {
                state.confirm_leave = false;
                state.leave_to = None;
            }
        });
    });
    if modal.should_close() {
        state.confirm_leave = false;
        state.leave_to = None;
    }
    if leave {
        out.push(Command::LeaveQuiz);
    }
}
