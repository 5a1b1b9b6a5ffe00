//! Where a class stands, from the fold alone (no file read): completion per module, the learner × module
//! grid, who needs help, and the distribution of scores. Pure and cheap (one pass over the members'
//! progress), so the dashboard can recompute it after every recorded event.
//!
//! - A cell's status: not started, in progress, quiz passed (the quiz is passed but a lesson or a
//!   required simulation is missing), completed.
//! - "Cần hỗ trợ" (needs help): a member who has not started any module, or who failed a module's quiz
//!   [`FAILS_FOR_HELP`] times or more without passing it.
//! - The histogram of a module counts each member's **best** score once (members with no attempt are
//!   left out), in ten buckets: 0–9 %, 10–19 %, …, 80–89 %, 90–100 %.

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use crate::records::progress::ModuleProgress;
use crate::records::{Class, Progress, Status};
use crate::text;

type Time = DateTime<FixedOffset>;

/// Failed attempts at one quiz, without a pass, that put a learner on the "needs help" list.
pub const FAILS_FOR_HELP: u32 = 2;

/// The buckets of a score histogram.
pub const BUCKETS: usize = 10;

/// A learner × module cell's status, by how far they got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CellStatus {
    NotStarted,
    InProgress,
    /// The quiz is passed; a lesson or a required simulation is still missing.
    QuizPassed,
    Completed,
}

/// One learner × module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub status: CellStatus,
    /// Best quiz score in percent.
    pub best_percent: Option<u32>,
    pub attempts: u32,
    /// Failed attempts (all of them, also those before a pass).
    pub failed: u32,
    pub completed_at: Option<Time>,
    /// The module version it was completed in, if known.
    pub completed_version: Option<u32>,
}

impl Cell {
    fn of(progress: &ModuleProgress) -> Cell {
        let status = match progress.status() {
            Status::Completed => CellStatus::Completed,
            Status::NotStarted => CellStatus::NotStarted,
            Status::InProgress if progress.quiz_passed() => CellStatus::QuizPassed,
            Status::InProgress => CellStatus::InProgress,
        };
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Cell {
            status,
            best_percent: progress.best_percent,
            attempts: count(progress.attempts.len()),
            failed: count(progress.attempts.iter().filter(|a| !a.passed).count()),
            completed_at: progress.completed_at,
            completed_version: progress.completed_version,
        }
    }
}

/// Why a learner is on the "needs help" list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpReason {
    /// No module started.
    NotStarted,
    /// The quiz of the module at this index (in [`ClassAnalysis::modules`]) failed `fails` times, never
    /// passed.
    FailedQuiz { module: usize, fails: u32 },
}

/// One member's row of the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerRow {
    pub learner: Uuid,
    pub name: String,
    pub unit: String,
    /// One per module, in module order.
    pub cells: Vec<Cell>,
    /// Empty when the learner needs no help.
    pub help: Vec<HelpReason>,
}

impl LearnerRow {
    /// Modules completed.
    #[must_use]
    pub fn completed(&self) -> usize {
        self.cells
            .iter()
            .filter(|c| c.status == CellStatus::Completed)
            .count()
    }
}

/// One module, over the class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleSummary {
    pub id: String,
    pub title: String,
    /// Members who completed it.
    pub completed: usize,
    /// Members who started it (completed included).
    pub started: usize,
    /// Members.
    pub total: usize,
    /// Members' best scores, in [`BUCKETS`] buckets of 10 points (the last one holds 90–100).
    pub histogram: [u32; BUCKETS],
}

impl ModuleSummary {
    /// Completed members in whole percent of the class, rounded down (0 for an empty class).
    #[must_use]
    pub fn completed_percent(&self) -> u32 {
        crate::records::progress::percent(
            u32::try_from(self.completed).unwrap_or(u32::MAX),
            u32::try_from(self.total).unwrap_or(u32::MAX),
        )
    }
}

/// The class's state from the fold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassAnalysis {
    pub class: Class,
    pub modules: Vec<ModuleSummary>,
    /// One per member, in the class's member order.
    pub rows: Vec<LearnerRow>,
}

impl ClassAnalysis {
    /// The members who need help, in row order.
    pub fn needing_help(&self) -> impl Iterator<Item = &LearnerRow> {
        self.rows.iter().filter(|r| !r.help.is_empty())
    }

    /// Members who completed every module.
    #[must_use]
    pub fn completed_all(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| !r.cells.is_empty() && r.completed() == r.cells.len())
            .count()
    }
}

/// The bucket of a percent: 0–9 → 0, …, 90–100 → 9.
#[must_use]
pub fn bucket(percent: u32) -> usize {
    (percent / 10).min(BUCKETS as u32 - 1) as usize
}

/// Analyses `class` over the fold (its members as the fold lists them).
#[must_use]
pub fn analyse(progress: &Progress, class: &Class) -> ClassAnalysis {
    let modules = progress.modules();
    let mut summaries: Vec<ModuleSummary> = modules
        .iter()
        .map(|m| ModuleSummary {
            id: m.id.clone(),
            title: m.title.clone(),
            completed: 0,
            started: 0,
            total: class.members.len(),
            histogram: [0; BUCKETS],
        })
        .collect();
    let mut rows = Vec::with_capacity(class.members.len());
    for &member in &class.members {
        let Some(learner) = progress.learner(member) else {
            continue;
        };
        let cells: Vec<Cell> = progress.progress(member).iter().map(Cell::of).collect();
        let mut help = Vec::new();
        if cells.iter().all(|c| c.status == CellStatus::NotStarted) {
            help.push(HelpReason::NotStarted);
        }
        for (index, (cell, summary)) in cells.iter().zip(&mut summaries).enumerate() {
            if cell.status == CellStatus::Completed {
                summary.completed += 1;
            }
            if cell.status != CellStatus::NotStarted {
                summary.started += 1;
            }
            if let Some(best) = cell.best_percent {
                summary.histogram[bucket(best)] += 1;
            }
            let passed = cell.attempts > cell.failed;
            if !passed && cell.failed >= FAILS_FOR_HELP {
                help.push(HelpReason::FailedQuiz {
                    module: index,
                    fails: cell.failed,
                });
            }
        }
        rows.push(LearnerRow {
            learner: learner.id,
            name: learner.name.clone(),
            unit: learner.unit.clone(),
            cells,
            help,
        });
    }
    ClassAnalysis {
        class: class.clone(),
        modules: summaries,
        rows,
    }
}

/// How the grid's rows can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// By name, ignoring diacritics and case (then with them, so the order is total).
    Name,
    /// Most modules completed first.
    Completed,
    /// By the status of the module at this index, furthest first, then best score.
    Module(usize),
}

/// Sorts rows (stable: equal rows keep their order); `descending` reverses the order.
pub fn sort_rows(rows: &mut [LearnerRow], by: SortBy, descending: bool) {
    match by {
        SortBy::Name => rows.sort_by_cached_key(|r| (text::search_key(&r.name), r.name.clone())),
        SortBy::Completed => rows.sort_by_key(|r| std::cmp::Reverse(r.completed())),
        SortBy::Module(index) => {
            let key = |r: &LearnerRow| r.cells.get(index).map(|c| (c.status, c.best_percent));
            rows.sort_by_key(|r| std::cmp::Reverse(key(r)));
        }
    }
    if descending {
        rows.reverse();
    }
}
