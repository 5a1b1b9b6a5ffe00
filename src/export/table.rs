//! The roster table shared by the CSV and XLSX exports: the header and one typed row per learner ×
//! module. Typed cells let XLSX write real numbers and dates while CSV writes their text.

use chrono::NaiveDate;

use super::nfc;
use crate::i18n::I18n;
use crate::records::{RosterRow, Status};

/// Number of columns.
pub(super) const COLUMNS: usize = 12;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    Number(u32),
    Date(NaiveDate),
    Empty,
}

/// The header row, in `t`'s language.
pub(super) fn header(t: &I18n) -> [String; COLUMNS] {
    [
        t.export_col_name(),
        t.export_col_unit(),
        t.export_col_position(),
        t.export_col_module(),
        t.export_col_status(),
        t.export_col_lessons(),
        t.export_col_best_score(),
        t.export_col_attempts(),
        t.export_col_completed_on(),
        t.export_col_learner_id(),
        t.export_col_module_id(),
        t.export_col_version(),
    ]
}

/// The status word from ui-terms, capitalised as a cell starts a sentence.
pub(super) fn status(t: &I18n, status: Status) -> String {
    match status {
        Status::NotStarted => t.export_status_not_started(),
        Status::InProgress => t.export_status_in_progress(),
        Status::Completed => t.export_status_completed(),
    }
}

/// One row. The completion date is the calendar day at the offset the event was recorded with: the
/// day the learner saw on their PC, not the day in UTC.
pub(super) fn row(r: &RosterRow, t: &I18n) -> [Cell; COLUMNS] {
    [
        Cell::Text(nfc(&r.name)),
        Cell::Text(nfc(&r.unit)),
        Cell::Text(nfc(&r.position)),
        Cell::Text(nfc(&r.module_title)),
        Cell::Text(status(t, r.status)),
        Cell::Text(format!("{}/{}", r.lessons_viewed, r.lessons_total)),
        r.best_score.map_or(Cell::Empty, Cell::Number),
        Cell::Number(u32::try_from(r.attempts).unwrap_or(u32::MAX)),
        r.completed_at
            .map_or(Cell::Empty, |at| Cell::Date(at.date_naive())),
        Cell::Text(r.learner.to_string()),
        Cell::Text(nfc(&r.module_id)),
        r.completed_version.map_or(Cell::Empty, Cell::Number),
    ]
}
