//! What the class dashboard draws: the class analysis (`crate::class::analysis`, from the fold) built
//! once each time the records change (the journal's event count is the key), never per frame, so a
//! class of 500 learners scrolls at full speed; the grid's order, redone only when the trainer clicks
//! a column title; and the question analysis, counted from the journal on a worker thread
//! (`crate::class::questions`), kept with the event count it was counted at.

use uuid::Uuid;

use crate::class::analysis::{CellStatus, ClassAnalysis, HelpReason, LearnerRow, SortBy, sort_rows};
use crate::class::questions::QuestionStat;
use crate::ui::charts::Mark;

/// The grid's order and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub by: SortBy,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            by: SortBy::Name,
            descending: false,
        }
    }
}

impl Sort {
    /// What a click on a column title does: the same column flips, another one sorts its natural way
    /// (names A to Z, progress and modules furthest first).
    #[must_use]
    pub fn clicked(self, by: SortBy) -> Sort {
        Sort {
            by,
            descending: self.by == by && !self.descending,
        }
    }
}

/// One class's dashboard.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub analysis: ClassAnalysis,
    /// The order the rows are in.
    sorted: Sort,
}

impl Dashboard {
    /// The dashboard of an analysis, its rows by name.
    #[must_use]
    pub fn new(mut analysis: ClassAnalysis) -> Dashboard {
        let sorted = Sort::default();
        sort_rows(&mut analysis.rows, sorted.by, sorted.descending);
        Dashboard { analysis, sorted }
    }

    /// Puts the rows in `sort` order (nothing to do if they already are).
    pub fn sort(&mut self, sort: Sort) {
        if self.sorted != sort {
            // Names first, so equal rows of another sort stay in name order (the sort is stable).
            sort_rows(&mut self.analysis.rows, SortBy::Name, false);
            if sort.by != SortBy::Name || sort.descending {
                sort_rows(&mut self.analysis.rows, sort.by, sort.descending);
            }
            self.sorted = sort;
        }
    }

    /// The members who need help, stuck ones (failed a quiz twice) first.
    #[must_use]
    pub fn needing_help(&self) -> Vec<&LearnerRow> {
        let mut rows: Vec<&LearnerRow> = self.analysis.needing_help().collect();
        rows.sort_by_key(|r| r.help.iter().all(|h| *h == HelpReason::NotStarted));
        rows
    }
}

/// What a cell of `row` in module `m` says: needs help (failed the quiz twice, never passed) first,
/// then how far the learner got.
#[must_use]
pub fn mark(row: &LearnerRow, m: usize) -> Mark {
    let stuck = row
        .help
        .iter()
        .any(|h| matches!(h, HelpReason::FailedQuiz { module, .. } if *module == m));
    match row.cells.get(m).map(|c| c.status) {
        _ if stuck => Mark::NeedsHelp,
        Some(CellStatus::Completed) => Mark::Completed,
        Some(CellStatus::InProgress | CellStatus::QuizPassed) => Mark::InProgress,
        Some(CellStatus::NotStarted) | None => Mark::NotStarted,
    }
}

/// The question analysis of a class, with the class and the event count it was counted at.
#[derive(Debug, Clone, Default)]
pub struct Questions {
    pub key: Option<(Uuid, usize)>,
    pub stats: Vec<QuestionStat>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::analysis::Cell;

    fn row(name: &str, statuses: &[CellStatus], help: Vec<HelpReason>) -> LearnerRow {
        LearnerRow {
            learner: Uuid::new_v4(),
            name: name.to_owned(),
            unit: String::new(),
            cells: statuses
                .iter()
                .map(|&status| Cell {
                    status,
                    best_percent: None,
                    attempts: 0,
                    failed: 0,
                    completed_at: None,
                    completed_version: None,
                })
                .collect(),
            help,
        }
    }

    #[test]
    fn a_cell_says_needs_help_only_for_the_module_failed_twice() {
        let r = row(
            "An",
            &[
                CellStatus::InProgress,
                CellStatus::Completed,
                CellStatus::QuizPassed,
            ],
            vec![HelpReason::FailedQuiz { module: 0, fails: 2 }],
        );
        assert_eq!(mark(&r, 0), Mark::NeedsHelp);
        assert_eq!(mark(&r, 1), Mark::Completed);
        assert_eq!(mark(&r, 2), Mark::InProgress);
        assert_eq!(mark(&r, 9), Mark::NotStarted);
    }

    #[test]
    fn clicks_flip_the_same_column_and_start_others_their_natural_way() {
        let s = Sort::default();
        assert!(s.clicked(SortBy::Name).descending);
        assert!(!s.clicked(SortBy::Completed).descending);
        assert!(!s.clicked(SortBy::Name).clicked(SortBy::Name).descending);
    }
}
