//! A class's learners: the list with "Bỏ khỏi lớp" on each, and two ways to add:
//!
//! - pick from the roster: a search that ignores diacritics and case, a tick on each learner wanted,
//!   then one button adds them all;
//! - paste names copied from Excel (one a line), then a review: a name equal to a learner already on
//!   this PC is offered as the same person (the default) or a new one, so nobody is silently doubled;
//!   names already in the class and empty lines are said and left out. Nothing is recorded before
//!   "Thêm … vào lớp".
//!
//! Long lists (a roster of 10,000, a paste of 5,000 lines) lay out only the rows on screen.

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::app::Notice;
use crate::command::Command;
use crate::trainer::{Change, PastedChoice};
use crate::ui::trainer::classes::ClassInfo;
use crate::ui::trainer::{Page, TrainerState, count, display_name, notice_ui};
use crate::ui::{Commands, ScreenCtx, UiExt};

/// One pasted line, after matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteLine {
    /// The name as it will be recorded (cleaned, NFC).
    pub name: String,
    /// Learners on this PC with the same name (ignoring diacritics and case): id, name, unit.
    pub matches: Vec<(Uuid, String, String)>,
    /// The learner (one of `matches`) is already in the class.
    pub member: Option<Uuid>,
    /// What the trainer chose: one of `matches`, or `None` for a new learner.
    pub same_as: Option<Uuid>,
}

/// What the learners page remembers.
#[derive(Debug, Clone, Default)]
pub struct LearnersForm {
    pub search: String,
    /// Ticked learners of the roster.
    pub picked: BTreeSet<Uuid>,
    pub paste: String,
    /// The pasted names under review, if "Kiểm tra danh sách" was pressed.
    pub review: Option<Review>,
    pub message: Option<Notice>,
}

/// The review of a paste.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub lines: Vec<PasteLine>,
    /// Lines left out, each said (a name repeated in the paste, a name too long), never silently.
    pub skipped: Vec<String>,
    /// Why the paste as a whole was refused (nothing in it, too many lines).
    pub problem: Option<String>,
}

impl Review {
    /// What adding this review does, in the change's terms: every line not already in the class.
    #[must_use]
    pub fn choices(&self) -> Vec<PastedChoice> {
        self.lines
            .iter()
            .filter(|l| l.member.is_none())
            .map(|l| match l.same_as {
                Some(id) => PastedChoice::Existing(id),
                None => PastedChoice::New(l.name.clone()),
            })
            .collect()
    }
}

/// Draws the learners page of class `id`.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, id: Uuid, out: &mut Commands) {
    let t = ctx.t;
    let Some(info) = super::class_info(ctx, id) else {
        state.page = Page::Classes;
        return;
    };
    let members = super::members(ctx, id);
    let mut back = false;
    let form = &mut state.classes.learners;
    ui.page(
        ("trainer-class-learners", id),
        ui.tokens().sizes.page_width,
        |ui| {
            back = ui.button(t.class_back_to_dashboard(info.name.clone())).clicked();
            ui.section(t.class_learners_title(info.name.clone()));
            if let Some(message) = &form.message {
                notice_ui(ui, message);
            }
            let gap = ui.tokens().sizes.gap_large;
            ui.add_space(gap);
            pick_ui(ui, ctx, &info, &members, form, out);
            ui.add_space(gap);
            ui.separator();
            paste_ui(ui, ctx, &info, form, out);
            ui.add_space(gap);
            ui.separator();
            members_ui(ui, ctx, &info, &members, out);
        },
    );
    if back {
        state.page = Page::Class(id);
    }
}

/// Pick from the roster: search, tick, add.
fn pick_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    info: &ClassInfo,
    members: &BTreeSet<Uuid>,
    form: &mut LearnersForm,
    out: &mut Commands,
) {
    let t = ctx.t;
    let Some(records) = ctx.records else { return };
    ui.subsection(t.class_pick_title());
    let l = ui.label(t.class_pick_search());
    ui.add(
        egui::TextEdit::singleline(&mut form.search)
            .hint_text(t.trainer_search_hint())
            .desired_width(ui.available_width().min(420.0)),
    )
    .labelled_by(l.id);
    let found: Vec<_> = records
        .learners_matching(&form.search)
        .into_iter()
        .filter(|l| !members.contains(&l.id))
        .collect();
    if found.is_empty() {
        ui.muted(t.class_pick_none());
    } else {
        let row_height = ui
            .spacing()
            .interact_size
            .y
            .max(ui.text_style_height(&egui::TextStyle::Body))
            + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("class_pick")
            .max_height(row_height * 8.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, found.len(), |ui, range| {
                for learner in &found[range] {
                    let mut ticked = form.picked.contains(&learner.id);
                    let mut label = display_name(t, &learner.name);
                    if !learner.unit.is_empty() {
                        label = format!("{label} — {}", learner.unit);
                    }
                    if ui.checkbox(&mut ticked, label).changed() {
                        if ticked {
                            form.picked.insert(learner.id);
                        } else {
                            form.picked.remove(&learner.id);
                        }
                    }
                }
            });
    }
    // Ticks of learners who meanwhile joined (or were deleted) do not count.
    form.picked
        .retain(|id| !members.contains(id) && records.progress().learner(*id).is_some());
    let n = form.picked.len();
    ui.add_enabled_ui(n > 0, |ui| {
        if ui.primary_button(t.class_pick_add(n)).clicked() {
            out.push(Command::Trainer(Change::JoinClass {
                class: info.id,
                learners: form.picked.iter().copied().collect(),
            }));
        }
    });
}

/// Paste names, review, add.
fn paste_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    info: &ClassInfo,
    form: &mut LearnersForm,
    out: &mut Commands,
) {
    let t = ctx.t;
    ui.subsection(t.class_paste_title());
    ui.label(t.class_paste_help());
    let l = ui.label(t.class_paste_box());
    ui.add(
        egui::TextEdit::multiline(&mut form.paste)
            .desired_rows(6)
            .desired_width(ui.available_width().min(520.0)),
    )
    .labelled_by(l.id);
    if ui.big_button(t.class_paste_check()).clicked() {
        let review = super::review_paste(ctx, info.id, &form.paste);
        form.message = None;
        form.review = Some(review);
    }
    let Some(review) = &mut form.review else { return };
    ui.add_space(ui.tokens().sizes.gap);
    review_ui(ui, ctx, review);
    let choices = review.choices();
    ui.add_enabled_ui(!choices.is_empty(), |ui| {
        if ui.primary_button(t.class_paste_add(choices.len())).clicked() {
            out.push(Command::Trainer(Change::AddPasted {
                class: info.id,
                choices,
            }));
        }
    });
}

/// The review: the names that need a choice in full, the others counted and listed.
fn review_ui(ui: &mut egui::Ui, ctx: &ScreenCtx, review: &mut Review) {
    let t = ctx.t;
    let new = review.lines.iter().filter(|l| l.matches.is_empty()).count();
    let known = review
        .lines
        .iter()
        .filter(|l| !l.matches.is_empty() && l.member.is_none())
        .count();
    let members = review.lines.iter().filter(|l| l.member.is_some()).count();
    ui.label(egui::RichText::new(t.class_review_summary(known, members, new, review.skipped.len())).strong());
    if let Some(problem) = &review.problem {
        ui.tone_label(crate::ui::NoticeKind::Bad, problem);
        return;
    }
    for (i, line) in review
        .lines
        .iter_mut()
        .enumerate()
        .filter(|(_, l)| !l.matches.is_empty() && l.member.is_none())
    {
        ui.push_id(("paste", i), |ui| {
            ui.card(|ui| {
                ui.label(egui::RichText::new(t.class_review_same_name(line.name.clone())).strong());
                for (id, name, unit) in &line.matches {
                    let label = if unit.is_empty() {
                        t.class_review_same(name.clone())
                    } else {
                        t.class_review_same_unit(name.clone(), unit.clone())
                    };
                    ui.radio_value(&mut line.same_as, Some(*id), label);
                }
                ui.radio_value(&mut line.same_as, None, t.class_review_new());
            });
        });
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    if new > 0 {
        egui::CollapsingHeader::new(t.class_review_new_list(count(t, new)))
            .id_salt("paste_new")
            .show(ui, |ui| {
                let names: Vec<&str> = review
                    .lines
                    .iter()
                    .filter(|l| l.matches.is_empty())
                    .map(|l| l.name.as_str())
                    .collect();
                egui::ScrollArea::vertical()
                    .id_salt("paste_new_rows")
                    .max_height(row_height * 10.0)
                    .show_rows(ui, row_height, names.len(), |ui, range| {
                        for name in &names[range] {
                            ui.label(*name);
                        }
                    });
            });
    }
    if members > 0 {
        let names: Vec<String> = review
            .lines
            .iter()
            .filter(|l| l.member.is_some())
            .map(|l| l.name.clone())
            .collect();
        ui.muted(t.class_review_members(names.join(", ")));
    }
    if !review.skipped.is_empty() {
        ui.tone_label(crate::ui::NoticeKind::Warn, t.class_review_skipped());
        for line in &review.skipped {
            ui.label(line);
        }
    }
}

/// The class's learners, each with "Bỏ khỏi lớp".
fn members_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    info: &ClassInfo,
    members: &BTreeSet<Uuid>,
    out: &mut Commands,
) {
    let t = ctx.t;
    let Some(records) = ctx.records else { return };
    ui.subsection(t.class_members_title(count(t, members.len())));
    if members.is_empty() {
        ui.muted(t.class_no_learners());
        return;
    }
    let progress = records.progress();
    let mut list: Vec<_> = members.iter().filter_map(|&id| progress.learner(id)).collect();
    list.sort_by_cached_key(|l| (crate::text::search_key(&l.name), l.name.clone()));
    let row_height = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Body))
        + 8.0;
    egui::ScrollArea::vertical()
        .id_salt("class_members")
        .max_height(row_height * 12.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, list.len(), |ui, range| {
            for learner in &list[range] {
                ui.horizontal(|ui| {
                    let name = display_name(t, &learner.name);
                    if ui.button(t.class_remove(name.clone())).clicked() {
                        out.push(Command::Trainer(Change::LeaveClass {
                            class: info.id,
                            learner: learner.id,
                        }));
                    }
                    ui.label(name);
                    if !learner.unit.is_empty() {
                        ui.muted(&learner.unit);
                    }
                });
            }
        });
}
