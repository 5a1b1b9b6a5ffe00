//! "Lớp học" in the trainer area: the classes on this PC ([`list`]), creating and editing one
//! ([`form`]), a class's learners, added from the roster or pasted from Excel ([`learners`]), and the
//! class dashboard ([`dashboard`], with its [`grid`], [`questions`] and [`report`]).
//!
//! The records side (class events, the fold, matching pasted names, the class analysis, the report
//! writers) is `crate::class`; these pages draw it and push `trainer::Change`s for every change.

mod dashboard;
pub mod form;
mod grid;
pub mod learners;
mod list;
mod questions;
mod report;
pub mod view;

use uuid::Uuid;

use crate::command::Command;
use crate::i18n::I18n;
use crate::trainer::Change;
use crate::ui::trainer::{Page, TrainerState};
use crate::ui::{Commands, ScreenCtx, UiExt};

pub use report::ReportState;
use view::{Dashboard, Sort};

use crate::class::questions::QuestionTally;
use crate::job::{Job, Poll};

/// A count of a class's answers on a worker thread: the tally, or why the journal could not be read.
type CountJob = Job<Result<QuestionTally, String>>;

/// The tab shown on a class's dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Overview,
    Learners,
    Questions,
}

/// What the class pages remember.
#[derive(Debug, Default)]
pub struct ClassesState {
    pub form: form::ClassForm,
    pub learners: learners::LearnersForm,
    pub tab: Tab,
    pub sort: Sort,
    /// The dashboard, with the class and the journal length it was built for (the journal only
    /// grows, so a new length means new events: rebuild).
    dashboard: Option<(Uuid, usize, Dashboard)>,
    /// The question analysis shown, and the one being counted on a worker thread (for a class and an
    /// event count).
    questions: view::Questions,
    counting: Option<((Uuid, usize), CountJob)>,
    /// The count for this class and event count could not read the journal.
    questions_failed: Option<(Uuid, usize)>,
    pub questions_view: questions::QuestionsState,
    pub report: ReportState,
}

impl ClassesState {
    /// Forgets what was typed (the area was locked). A report being written goes on.
    pub fn reset(&mut self) {
        let report = std::mem::take(&mut self.report);
        *self = ClassesState {
            report,
            ..ClassesState::default()
        };
    }
}

/// Draws the page of the class area that `state.page` names.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, state: &mut TrainerState, out: &mut Commands) {
    if ctx.records.is_none() {
        ui.tone_label(crate::ui::NoticeKind::Bad, ctx.t.trainer_records_unavailable());
        return;
    }
    match state.page {
        Page::ClassForm(id) => form::show(ui, ctx, state, id, out),
        Page::ClassLearners(id) => learners::show(ui, ctx, state, id, out),
        Page::Class(id) => dashboard::show(ui, ctx, state, id, out),
        _ => list::show(ui, ctx, state, out),
    }
}

/// Takes what the report job and the question count reported since the last frame.
pub fn poll(state: &mut TrainerState, ctx: &ScreenCtx, wake: &egui::Context) {
    report::poll(&mut state.classes, ctx, wake);
    let classes = &mut state.classes;
    let Some((key, job)) = &mut classes.counting else {
        return;
    };
    let key = *key;
    match job.poll() {
        Poll::Running { .. } => {}
        Poll::Done(Ok(tally)) => {
            classes.counting = None;
            classes.questions = view::Questions {
                key: Some(key),
                stats: tally.finish(ctx.catalog),
            };
        }
        Poll::Done(Err(_)) | Poll::Lost => {
            // Said on the questions tab; tried again when the records next change.
            classes.counting = None;
            classes.questions = view::Questions {
                key: Some(key),
                stats: Vec::new(),
            };
            classes.questions_failed = Some(key);
        }
    }
}

/// A class as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassInfo {
    pub id: Uuid,
    pub name: String,
    pub unit: String,
    /// dd/mm/yyyy
    pub starts: String,
    /// dd/mm/yyyy, or empty
    pub ends: String,
    pub trainer: String,
    pub learners: usize,
    /// Learners who completed every module.
    pub completed: usize,
    /// This PC is in this class.
    pub this_pc: bool,
}

/// "12/03/2026 – 14/03/2026", or "từ 12/03/2026" without an end.
fn dates(t: &I18n, class: &ClassInfo) -> String {
    if class.ends.is_empty() {
        t.classes_dates_from(class.starts.clone())
    } else {
        t.classes_dates(class.ends.clone(), class.starts.clone())
    }
}

/// The line under a class's name: unit, dates, trainer, learners.
fn describe(t: &I18n, class: &ClassInfo) -> String {
    let mut parts = Vec::new();
    if !class.unit.is_empty() {
        parts.push(class.unit.clone());
    }
    parts.push(dates(t, class));
    if !class.trainer.is_empty() {
        parts.push(t.class_trainer_line(class.trainer.clone()));
    }
    parts.push(t.class_learner_count(crate::ui::trainer::count(t, class.learners)));
    parts.join(" · ")
}

/// "Máy này thuộc lớp X" with a button to clear it, or "in no class".
fn this_pc_line(ui: &mut egui::Ui, ctx: &ScreenCtx, classes: &[ClassInfo], out: &mut Commands) {
    let t = ctx.t;
    match classes.iter().find(|c| c.this_pc) {
        Some(class) => {
            ui.horizontal_wrapped(|ui| {
                ui.tone_label(crate::ui::NoticeKind::Info, t.classes_this_pc(class.name.clone()));
                if ui.button(t.classes_this_pc_clear()).clicked() {
                    out.push(Command::Trainer(Change::SetPcClass(None)));
                }
            });
            ui.muted(t.classes_this_pc_help());
        }
        None => {
            ui.muted(t.classes_this_pc_none());
        }
    }
}

/// "Đặt máy này thuộc lớp này", or "Bỏ chọn" when it already is.
fn this_pc_button(ui: &mut egui::Ui, ctx: &ScreenCtx, class: &ClassInfo, out: &mut Commands) {
    let t = ctx.t;
    let (label, change) = if class.this_pc {
        (t.classes_this_pc_clear(), Change::SetPcClass(None))
    } else {
        (t.classes_this_pc_set(), Change::SetPcClass(Some(class.id)))
    };
    if ui
        .big_button(label)
        .on_hover_text(t.classes_this_pc_help())
        .clicked()
    {
        out.push(Command::Trainer(change));
    }
}

/// Every class on this PC, as the list shows it.
fn all_classes(ctx: &ScreenCtx) -> Vec<ClassInfo> {
    let Some(records) = ctx.records else {
        return Vec::new();
    };
    records
        .progress()
        .classes()
        .iter()
        .map(|c| info(ctx, records, c))
        .collect()
}

/// One class, if it is on this PC.
fn class_info(ctx: &ScreenCtx, id: Uuid) -> Option<ClassInfo> {
    let records = ctx.records?;
    records.progress().class(id).map(|c| info(ctx, records, c))
}

fn info(
    ctx: &ScreenCtx,
    records: &crate::learning::Records,
    class: &crate::records::class::Class,
) -> ClassInfo {
    let progress = records.progress();
    let completed = class
        .members
        .iter()
        .filter(|&&l| {
            let modules = progress.progress(l);
            !modules.is_empty()
                && modules
                    .iter()
                    .all(crate::records::progress::ModuleProgress::completed)
        })
        .count();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
    ClassInfo {
        id: class.id,
        name: crate::class::report::class_name(class, ctx.t),
        unit: class.unit.clone(),
        starts: date(class.starts),
        ends: date(class.ends),
        trainer: class.trainer.clone(),
        learners: class.members.len(),
        completed,
        this_pc: ctx.settings.pc_class == Some(class.id),
    }
}

/// A class's name, for messages and the back button.
pub fn class_name(ctx: &ScreenCtx, id: Uuid) -> String {
    class_info(ctx, id).map(|c| c.name).unwrap_or_default()
}

/// The learners in a class now.
fn members(ctx: &ScreenCtx, id: Uuid) -> std::collections::BTreeSet<Uuid> {
    ctx.records
        .and_then(|r| r.progress().class(id))
        .map(|c| c.members.iter().copied().collect())
        .unwrap_or_default()
}

/// Reads a paste against the roster and the class, for the review: each name with the learners of the
/// same name (the first is the default choice), names already in the class, lines left out and why.
fn review_paste(ctx: &ScreenCtx, id: Uuid, pasted: &str) -> learners::Review {
    use crate::class::paste::{self, MAX_LINES, PasteError};
    let t = ctx.t;
    let Some(records) = ctx.records else {
        return learners::Review::default();
    };
    let progress = records.progress();
    let members = members(ctx, id);
    let names = match paste::read(pasted, progress) {
        Ok(names) => names,
        Err(e) => {
            let problem = match e {
                PasteError::Empty => t.class_paste_empty(),
                PasteError::TooMany { lines } => t.class_paste_too_many(
                    crate::ui::trainer::count(t, lines),
                    crate::ui::trainer::count(t, MAX_LINES),
                ),
            };
            return learners::Review {
                problem: Some(problem),
                ..learners::Review::default()
            };
        }
    };
    let mut review = learners::Review::default();
    for name in names {
        if name.repeats.is_some() {
            review.skipped.push(t.class_review_repeat(name.line, name.name));
            continue;
        }
        if let Some(e) = name.problem {
            let why = crate::ui::trainer::invalid_message(t, e);
            review.skipped.push(t.class_review_bad(name.line, name.name, why));
            continue;
        }
        let matches: Vec<(Uuid, String, String)> = name
            .same_name
            .iter()
            .filter_map(|&l| progress.learner(l))
            .map(|l| (l.id, l.name.clone(), l.unit.clone()))
            .collect();
        let member = name.same_name.iter().copied().find(|l| members.contains(l));
        review.lines.push(learners::PasteLine {
            same_as: matches.first().map(|m| m.0),
            name: name.name,
            matches,
            member,
        });
    }
    review
}

/// The dashboard of class `id`, built again only when the journal has grown since (or another class
/// is shown): never per frame.
fn cached<'a>(
    ctx: &ScreenCtx,
    cache: &'a mut Option<(Uuid, usize, Dashboard)>,
    id: Uuid,
) -> Option<&'a mut Dashboard> {
    let records = ctx.records?;
    let class = records.progress().class(id)?;
    let events = records.event_count();
    if cache.as_ref().is_none_or(|(c, n, _)| *c != id || *n != events) {
        let analysis = crate::class::analysis::analyse(records.progress(), class);
        *cache = Some((id, events, Dashboard::new(analysis)));
    }
    cache.as_mut().map(|(_, _, d)| d)
}

/// Starts counting the answers of class `id` when the journal has grown since the last count (the
/// answers are not in the fold, so the journal file is read again, on a worker thread), and says where
/// the count stands; the last count stays in `classes.questions` meanwhile.
fn count_questions(ctx: &ScreenCtx, classes: &mut ClassesState, id: Uuid, wake: &egui::Context) -> Counting {
    if let Some(records) = ctx.records
        && let Some(class) = records.progress().class(id)
    {
        let key = (id, records.event_count());
        let counted = classes.questions.key == Some(key) || classes.questions_failed == Some(key);
        // One count at a time: one that ends outdated is followed by another (a count of a big
        // class's journal takes seconds).
        if !counted && classes.counting.is_none() {
            let mut tally = QuestionTally::new(records.progress(), class);
            let events = crate::export::JournalEvents(ctx.data_dir.to_path_buf());
            let spawned = Job::spawn("class-questions", Some(wake.clone()), move |_| {
                use crate::export::Events as _;
                events.each(&mut |event| tally.add(event)).map_err(|e| {
                    log::error!("class question analysis: {e}");
                    e.to_string()
                })?;
                Ok(tally)
            });
            match spawned {
                Ok(job) => classes.counting = Some((key, job)),
                Err(e) => {
                    log::error!("class question thread: {e}");
                    classes.questions_failed = Some(key);
                }
            }
        }
        if classes.questions.key.is_some_and(|(c, _)| c != id) {
            classes.questions = view::Questions::default();
        }
    }
    if classes.counting.is_some() {
        Counting::Running
    } else if classes.questions_failed.is_some_and(|(c, _)| c == id) {
        Counting::Failed
    } else {
        Counting::Done
    }
}

/// Where the question count of the class shown stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    Done,
    /// A newer count is under way (the last one, if any, is shown meanwhile).
    Running,
    /// The journal could not be read.
    Failed,
}
