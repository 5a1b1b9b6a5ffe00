//! A quiz question projected for a class: the question, its choices labelled A, B, C… (steps to put in
//! order; items and the choices to match them with), then, once revealed, the right answer marked with a
//! colour, a drawn ✔ and the words "right answer" (never colour alone), and the explanation.

use egui::{RichText, Stroke};

use crate::content::Module;
use crate::present::quiz::{QuizPlace, letter, projected};
use crate::quiz::{Answer, View, right_answer};
use crate::ui::{ScreenCtx, UiExt, theme};

/// Draws question `place.question` of `module`; "Hiện đáp án" reveals it.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, module: &Module, place: &mut QuizPlace) {
    let t = ctx.t;
    let Some(question) = module.questions.get(place.question) else {
        ui.heading(t.present_no_questions());
        return;
    };
    let shown = projected(question, place.question);
    let right = right_answer(&shown);
    let revealed = place.revealed;
    ui.muted(t.quiz_position(place.question + 1, module.questions.len()));
    ui.add(egui::Label::new(RichText::new(&question.prompt).text_style(theme::h2())).wrap());
    ui.add_space(ui.tokens().sizes.gap_small);
    match (&shown.view, &right) {
        (View::Single { options }, Answer::Single(r)) => {
            for (i, option) in options.iter().enumerate() {
                choice(ui, ctx, &letter(i), option, revealed && i == *r);
            }
        }
        (View::Multiple { options }, Answer::Multiple(set)) => {
            ui.muted(t.present_multiple_hint());
            for (i, option) in options.iter().enumerate() {
                choice(ui, ctx, &letter(i), option, revealed && set.contains(&i));
            }
        }
        (View::TrueFalse, Answer::TrueFalse(answer)) => {
            choice(ui, ctx, &letter(0), &t.quiz_true(), revealed && *answer);
            choice(ui, ctx, &letter(1), &t.quiz_false(), revealed && !*answer);
        }
        (View::Ordering { steps }, Answer::Ordering(order)) => {
            for (i, step) in steps.iter().enumerate() {
                choice(ui, ctx, &letter(i), step, false);
            }
            if revealed {
                answer_box(ui, &t.present_right_order(), |ui| {
                    for (k, &s) in order.iter().enumerate() {
                        let text = steps.get(s).cloned().unwrap_or_default();
                        right_line(ui, &format!("{}. ({}) {text}", k + 1, letter(s)));
                    }
                });
            }
        }
        (View::Matching { left, right: sides }, Answer::Matching(chosen)) => {
            for (i, item) in left.iter().enumerate() {
                choice(ui, ctx, &(i + 1).to_string(), item, false);
            }
            ui.add_space(ui.tokens().sizes.gap_small);
            for (j, side) in sides.iter().enumerate() {
                choice(ui, ctx, &letter(j), side, false);
            }
            if revealed {
                answer_box(ui, &t.present_right_pairs(), |ui| {
                    for (i, &j) in chosen.iter().enumerate() {
                        let item = left.get(i).cloned().unwrap_or_default();
                        let side = sides.get(j).cloned().unwrap_or_default();
                        right_line(ui, &format!("{} – {}: {item} – {side}", i + 1, letter(j)));
                    }
                });
            }
        }
        _ => {}
    }
    ui.add_space(ui.tokens().sizes.gap);
    if revealed {
        let tokens = ui.tokens();
        egui::Frame::new()
            .fill(tokens.colors.note_fill)
            .stroke(Stroke::new(2.0, tokens.colors.note_stroke))
            .corner_radius(tokens.sizes.radius_small)
            .inner_margin(tokens.sizes.card_padding * 0.75)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(t.quiz_explanation()).strong());
                ui.add(egui::Label::new(&question.explanation).wrap());
            });
    } else if ui.primary_button(t.present_reveal()).clicked() {
        place.revealed = true;
    }
}

/// One choice, "B. text"; the right one (once revealed) framed in the "good" colour with a ✔ and the
/// words "right answer".
fn choice(ui: &mut egui::Ui, ctx: &ScreenCtx, label: &str, text: &str, right: bool) {
    let tokens = ui.tokens();
    let line = format!("{label}. {text}");
    if right {
        egui::Frame::new()
            .stroke(Stroke::new(tokens.sizes.focus_width, tokens.colors.good))
            .corner_radius(tokens.sizes.radius_small)
            .inner_margin(tokens.sizes.gap_small)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_top(|ui| {
                    check_mark(ui);
                    let marked = format!("{line} ({})", ctx.t.present_right_mark());
                    ui.add(egui::Label::new(RichText::new(marked).strong().color(tokens.colors.good)).wrap());
                });
            });
    } else {
        // The same margin as a framed one, so revealing does not shift the lines.
        egui::Frame::new()
            .inner_margin(tokens.sizes.gap_small + tokens.sizes.focus_width)
            .show(ui, |ui| {
                ui.add(egui::Label::new(line).wrap());
            });
    }
}

/// The revealed answer of an ordering or matching question, under a title.
fn answer_box(ui: &mut egui::Ui, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(ui.tokens().sizes.gap_small);
    ui.notice_box(crate::ui::NoticeKind::Good, title, add);
}

/// A line of a revealed answer: ✔ and the "good" colour.
fn right_line(ui: &mut egui::Ui, text: &str) {
    let color = ui.tokens().colors.good;
    ui.horizontal_top(|ui| {
        check_mark(ui);
        ui.add(egui::Label::new(RichText::new(text).strong().color(color)).wrap());
    });
}

/// A ✔ drawn with lines (the embedded fonts have no such glyph), as tall as a line of text.
fn check_mark(ui: &mut egui::Ui) {
    let tokens = ui.tokens();
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let at = |x: f32, y: f32| rect.min + egui::vec2(x * size, y * size);
    ui.painter().line(
        vec![at(0.15, 0.55), at(0.4, 0.8), at(0.9, 0.2)],
        Stroke::new(size * 0.14, tokens.colors.good),
    );
}
