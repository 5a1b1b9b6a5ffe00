//! The class dashboard: the screen a trainer looks at during and after the class. Under the class's
//! name and its buttons (learners, edit, this PC, the class report), three tabs:
//!
//! - "Tổng quan": completion per module as bars with the numbers on them, "Cần hỗ trợ" (learners who
//!   have not started, or failed a quiz twice), and the score histogram of each module;
//! - "Học viên": the learner × module grid ([`super::grid`]);
//! - "Câu hỏi cần dạy lại": the question analysis ([`super::questions`]).
//!
//! What is drawn comes from a [`Dashboard`] built once per change of the records ([`super::cached`]).

use uuid::Uuid;

use crate::class::analysis::{HelpReason, ModuleSummary};
use crate::i18n::I18n;
use crate::ui::charts::{self, Bar, Mark};
use crate::ui::trainer::classes::view::Dashboard;
use crate::ui::trainer::classes::{ClassInfo, Tab, grid, questions, report};
use crate::ui::trainer::{Page, TrainerState, display_name};
use crate::ui::{Commands, ScreenCtx, UiExt};

/// Draws the dashboard of class `id`.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, id: Uuid, out: &mut Commands) {
    let t = ctx.t;
    let Some(info) = super::class_info(ctx, id) else {
        if ui.button(t.class_back_to_list()).clicked() {
            state.page = Page::Classes;
        }
        ui.muted(t.class_gone());
        return;
    };
    // One scrolling page for the header, the tabs and the tab's content: at 200 % the header alone
    // fills the window, and the grid's rows are still laid out only when on screen.
    let width = if state.classes.tab == Tab::Learners {
        f32::INFINITY
    } else {
        ui.tokens().sizes.page_width
    };
    let mut open = None;
    ui.page(("class-dashboard", id), width, |ui| {
        header(ui, ctx, state, &info, out);
        let classes = &mut state.classes;
        ui.add_space(ui.tokens().sizes.gap_small);
        ui.horizontal_wrapped(|ui| {
            for (tab, label) in [
                (Tab::Overview, t.class_tab_overview()),
                (Tab::Learners, t.class_tab_learners()),
                (Tab::Questions, t.class_tab_questions()),
            ] {
                if ui.selectable_label(classes.tab == tab, label).clicked() {
                    classes.tab = tab;
                }
            }
        });
        ui.separator();
        // The answers are counted only when looked at: reading a big class's journal takes seconds.
        let counting = if classes.tab == Tab::Questions {
            super::count_questions(ctx, classes, id, ui.ctx())
        } else {
            super::Counting::Done
        };
        let Some(dashboard) = super::cached(ctx, &mut classes.dashboard, id) else {
            return;
        };
        match classes.tab {
            Tab::Overview => open = overview(ui, ctx, dashboard),
            Tab::Learners => {
                if dashboard.analysis.rows.is_empty() {
                    ui.muted(t.class_no_learners());
                } else {
                    grid::legend(ui, t);
                    open = grid::show(ui, t, dashboard, &mut classes.sort);
                }
            }
            Tab::Questions => {
                questions::show(
                    ui,
                    t,
                    dashboard,
                    &classes.questions.stats,
                    counting,
                    &mut classes.questions_view,
                );
            }
        }
    });
    if let Some(learner) = open {
        state.learner_back = Some(Page::Class(id));
        state.page = Page::Learner(learner);
    }
}

/// The class's name, what it is, and its buttons.
fn header(
    ui: &mut egui::Ui,
    ctx: &ScreenCtx,
    state: &mut TrainerState,
    info: &ClassInfo,
    out: &mut Commands,
) {
    let t = ctx.t;
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.class_back_to_list()).clicked() {
            state.page = Page::Classes;
        }
        ui.subsection(&info.name);
    });
    ui.muted(super::describe(t, info));
    ui.horizontal_wrapped(|ui| {
        if ui.big_button(t.class_manage_learners()).clicked() {
            state.classes.learners = Default::default();
            state.page = Page::ClassLearners(info.id);
        }
        if ui.big_button(t.class_edit()).clicked() {
            state.classes.form = super::form::ClassForm::editing(info);
            state.page = Page::ClassForm(Some(info.id));
        }
        super::this_pc_button(ui, ctx, info, out);
        report::buttons(ui, ctx, state, info);
    });
    report::status(ui, t, &state.classes.report);
}

/// The overview tab; returns a learner whose name was clicked.
fn overview(ui: &mut egui::Ui, ctx: &ScreenCtx, dashboard: &Dashboard) -> Option<Uuid> {
    let t = ctx.t;
    let analysis = &dashboard.analysis;
    let gap = ui.tokens().sizes.gap_large;
    ui.section(t.class_completion_title());
    if analysis.rows.is_empty() {
        ui.muted(t.class_no_learners());
    } else {
        let bars: Vec<Bar> = analysis
            .modules
            .iter()
            .enumerate()
            .map(|(m, module)| completion_bar(t, m, module))
            .collect();
        charts::bars(ui, &bars);
    }

    ui.add_space(gap);
    let help = dashboard.needing_help();
    ui.section(t.class_help_title(help.len()));
    ui.muted(t.class_help_body());
    let mut open = None;
    if help.is_empty() && !analysis.rows.is_empty() {
        ui.tone_label(crate::ui::NoticeKind::Good, t.class_help_none());
    }
    for row in help {
        ui.horizontal_wrapped(|ui| {
            let failed: Vec<String> = row
                .help
                .iter()
                .filter_map(|h| match h {
                    HelpReason::FailedQuiz { module, .. } => {
                        analysis.modules.get(*module).map(|m| m.title.clone())
                    }
                    HelpReason::NotStarted => None,
                })
                .collect();
            let (mark, kind, why) = if failed.is_empty() {
                (
                    Mark::NotStarted,
                    crate::ui::NoticeKind::Warn,
                    t.class_help_not_started(),
                )
            } else {
                (
                    Mark::NeedsHelp,
                    crate::ui::NoticeKind::Bad,
                    t.class_help_failed(failed.join(", ")),
                )
            };
            charts::mark_symbol(ui, mark);
            if ui.link(display_name(t, &row.name)).clicked() {
                open = Some(row.learner);
            }
            ui.tone_label(kind, why);
        });
    }

    ui.add_space(gap);
    ui.section(t.class_scores_title());
    ui.muted(t.class_scores_body());
    let pass_marks: Vec<u8> = ctx
        .records
        .map(|r| r.progress().modules().iter().map(|m| m.pass_mark).collect())
        .unwrap_or_default();
    // One under the other, each as wide as a line of text is easy to follow.
    let width = ui.available_width().min(ui.tokens().sizes.reading_width * 0.8);
    let mut any = false;
    for (m, module) in analysis.modules.iter().enumerate() {
        let attempted: u32 = module.histogram.iter().sum();
        if attempted == 0 {
            continue;
        }
        any = true;
        let pass_mark = pass_marks.get(m).copied().unwrap_or(0);
        ui.add_space(ui.tokens().sizes.gap);
        ui.label(egui::RichText::new(t.class_bar_label(m + 1, module.title.clone())).strong());
        let summary = t.class_histogram_summary(
            histogram_words(&module.histogram),
            attempted,
            module.title.clone(),
        );
        ui.scope(|ui| {
            ui.set_max_width(width);
            charts::histogram(
                ui,
                &module.histogram,
                pass_mark,
                &t.class_pass_mark(pass_mark),
                &summary,
            );
        });
    }
    if !any {
        ui.muted(t.class_scores_none());
    }
    open
}

/// "18/30 học viên · 60%" on module `m`'s bar.
fn completion_bar(t: &I18n, m: usize, module: &ModuleSummary) -> Bar {
    Bar {
        label: t.class_bar_label(m + 1, module.title.clone()),
        value: module.completed,
        total: module.total,
        caption: t.class_bar_caption(module.completed, module.completed_percent(), module.total),
    }
}

/// A histogram in words for screen readers: "0–9: 1, …".
fn histogram_words(counts: &[u32]) -> String {
    counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| {
            let (from, to) = charts::bin_range(i, counts.len());
            format!("{from}–{to}%: {n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}
