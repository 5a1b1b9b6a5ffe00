//! The roster: one row per learner × module, as the trainer sees it and as CSV/XLSX exports write it.

use chrono::{DateTime, FixedOffset};
use uuid::Uuid;

use super::progress::Progress;

/// A module's status for a learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

/// One learner × module.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub learner: Uuid,
    pub name: String,
    pub unit: String,
    pub position: String,
    pub module_id: String,
    pub module_title: String,
    pub status: Status,
    pub lessons_viewed: usize,
    pub lessons_total: usize,
    /// Best quiz score in percent (0–100), if any attempt.
    pub best_score: Option<u32>,
    pub attempts: usize,
    pub completed_at: Option<DateTime<FixedOffset>>,
    /// The module version it was completed in (`None` when not completed, or recorded before versions).
    pub completed_version: Option<u32>,
}

/// The roster: every visible learner × every module, learners in [`Progress::learners`] order and
/// modules in catalog order.
#[must_use]
pub fn roster(progress: &Progress) -> Vec<RosterRow> {
    let mut rows = Vec::with_capacity(progress.learners().len() * progress.modules().len());
    for learner in progress.learners() {
        for (spec, module) in progress.modules().iter().zip(progress.progress(learner.id)) {
            rows.push(RosterRow {
                learner: learner.id,
                name: learner.name.clone(),
                unit: learner.unit.clone(),
                position: learner.position.clone(),
                module_id: spec.id.clone(),
                module_title: spec.title.clone(),
                status: module.status(),
                lessons_viewed: module.lessons_viewed.len(),
                lessons_total: spec.lessons.len(),
                best_score: module.best_percent,
                attempts: module.attempts.len(),
                completed_at: module.completed_at,
                completed_version: module.completed_version,
            });
        }
    }
    rows
}
