//! The roster as an Excel workbook (`rust_xlsxwriter`): the same table as the CSV, with a bold, frozen
//! header row and an autofilter (trainers sort and filter by unit or module first), column widths that
//! fit the text, scores and attempts as numbers, and completion dates as real Excel dates shown
//! dd/mm/yyyy, so they sort by date and not as text.
//!
//! Cells are written as typed strings, which Excel never evaluates, so the CSV's formula
//! neutralisation is not needed here and names stay exactly as typed.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook};

use super::table::{self, COLUMNS, Cell};
use super::{ExportError, OnProgress, dmy};
use crate::i18n::I18n;
use crate::records::RosterRow;

/// Column widths are clamped to this range, in Excel's character units.
const WIDTH_RANGE: (usize, usize) = (8, 48);

/// Writes the roster workbook: one sheet, header row in `t`'s language.
///
/// # Errors
/// [`ExportError::Xlsx`] if the workbook library fails. A text over Excel's 32 767 characters is cut,
/// not an error.
pub fn to_xlsx(rows: &[RosterRow], t: &I18n, progress: OnProgress<'_>) -> Result<Vec<u8>, ExportError> {
    let header_format = Format::new()
        .set_bold()
        .set_background_color(0xDDE7F2)
        .set_border_bottom(FormatBorder::Thin);
    let date_format = Format::new().set_num_format("dd/mm/yyyy");

    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(t.export_sheet_name())
            .set_author(t.app_name()),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&t.export_sheet_name()))?;

    let header = table::header(t);
    let mut widths: [usize; COLUMNS] = header.each_ref().map(|h| h.chars().count());
    for (col, text) in (0u16..).zip(&header) {
        sheet.write_string_with_format(0, col, text, &header_format)?;
    }

    progress(0, rows.len());
    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
        for ((col, cell), width) in (0u16..).zip(table::row(row, t)).zip(widths.iter_mut()) {
            match cell {
                Cell::Text(s) => {
                    // The widest line counts: a position typed with a line break is two short lines.
                    let w = s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    *width = (*width).max(w);
                    sheet.write_string(r, col, excel_text(&s))?;
                }
                Cell::Number(n) => {
                    *width = (*width).max(n.to_string().len());
                    sheet.write_number(r, col, n)?;
                }
                Cell::Date(d) => {
                    *width = (*width).max(10);
                    match excel_date(d) {
                        Some(date) => sheet.write_datetime_with_format(r, col, date, &date_format)?,
                        // Outside Excel's calendar (before 1900): keep the text rather than fail.
                        None => sheet.write_string(r, col, dmy(d))?,
                    };
                }
                Cell::Empty => {}
            }
        }
        progress(i + 1, rows.len());
    }

    for (col, width) in (0u16..).zip(widths) {
        // +2: room for the autofilter button in the header cell.
        let w = (width + 2).clamp(WIDTH_RANGE.0, WIDTH_RANGE.1);
        sheet.set_column_width(col, u32::try_from(w).unwrap_or(8))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let last_col = u16::try_from(COLUMNS - 1).unwrap_or(0);
    sheet.autofilter(0, 0, last_row, last_col)?;

    Ok(workbook.save_to_buffer()?)
}

/// Excel's limit for one cell, in UTF-16 units.
const MAX_CELL: usize = 32_767;

/// `s` cut to what one cell holds, so no single cell can fail the whole export. Profile text is already
/// cut far shorter by the fold; this guards every other text too.
pub(super) fn excel_text(s: &str) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL {
            return &s[..i];
        }
    }
    s
}

pub(super) fn excel_date(d: chrono::NaiveDate) -> Option<ExcelDateTime> {
    use chrono::Datelike as _;
    let year = u16::try_from(d.year()).ok()?;
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// A valid sheet name: Excel forbids `[]:*?/\` and more than 31 characters.
pub(super) fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet1".to_owned()
    } else {
        clean
    }
}
