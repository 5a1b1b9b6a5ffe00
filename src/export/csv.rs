//! The roster as CSV: RFC 4180 (comma, CRLF, quotes doubled) in UTF-8 with a byte order mark, because
//! Excel on Windows reads a CSV without one in the ANSI code page and mangles every Vietnamese letter.
//!
//! Learner names, units and positions are typed by people on shared PCs, so a cell that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`: spreadsheet programs would
//! otherwise run it as a formula (CSV injection, OWASP). The apostrophe is visible in the cell; that is
//! the accepted price, and the XLSX export, which types its cells, has no such prefix.

use super::table::{self, Cell};
use super::{ExportError, OnProgress, dmy};
use crate::i18n::I18n;
use crate::records::RosterRow;

/// UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the roster: a header row in `t`'s language, then one row per learner × module.
///
/// # Errors
/// [`ExportError::Csv`] if the CSV writer fails (it writes into memory, so it should not).
pub fn to_csv(rows: &[RosterRow], t: &I18n, progress: OnProgress<'_>) -> Result<Vec<u8>, ExportError> {
    let mut out = BOM.to_vec();
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(&mut out);
    writer.write_record(table::header(t).iter().map(|h| neutralise(h)))?;
    progress(0, rows.len());
    for (i, row) in rows.iter().enumerate() {
        let cells = table::row(row, t).map(|cell| match cell {
            Cell::Text(s) => neutralise(&s),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => dmy(d),
            Cell::Empty => String::new(),
        });
        writer.write_record(&cells)?;
        progress(i + 1, rows.len());
    }
    writer.flush().map_err(|e| ExportError::Csv(e.into()))?;
    drop(writer);
    Ok(out)
}

/// The cell text, with a leading `'` if a spreadsheet would read it as a formula.
#[must_use]
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_starts_are_neutralised() {
        for s in ["=1+1", "+84", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(s), format!("'{s}"));
        }
        for s in ["Nguyễn", "", "1-2", "a=b", " =x"] {
            assert_eq!(neutralise(s), s);
        }
    }
}
