//! The class report as an Excel workbook: a summary sheet (the class, its counts, completion per
//! module), a learners × modules sheet (status, best score, attempts, completion date per module), and
//! the question analysis, hardest first. Numbers and dates are typed cells, columns are sized to their
//! text, headers are bold and frozen. Every text (a class named `=cmd|' /C calc'!A0` too) is written as
//! a string cell, which Excel never evaluates, as in the roster workbook (`export::xlsx`).

use rust_xlsxwriter::{DocProperties, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::xlsx::{excel_date, excel_text, sheet_name};
use super::{ExportError, OnProgress, dmy, nfc};
use crate::class::analysis::HelpReason;
use crate::class::report::{ClassReport, status_word};
use crate::i18n::I18n;

/// Column widths are clamped to this range, in Excel's character units.
const WIDTH_RANGE: (usize, usize) = (6, 60);

/// One typed cell.
enum Cell {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDate),
    Empty,
}

fn text(s: &str) -> Cell {
    Cell::Text(nfc(s))
}

fn number(n: impl Into<f64>) -> Cell {
    Cell::Number(n.into())
}

fn count(n: usize) -> Cell {
    Cell::Number(n as f64)
}

/// A sheet being written: tracks column widths.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    widths: Vec<usize>,
    date: Format,
    header: Format,
}

impl Sheet<'_> {
    fn header(&mut self, row: u32, heads: &[String]) -> Result<(), XlsxError> {
        for (col, head) in (0u16..).zip(heads) {
            self.sheet
                .write_string_with_format(row, col, excel_text(head), &self.header)?;
            self.widen(col, head.chars().count() + 2);
        }
        Ok(())
    }

    fn row(&mut self, row: u32, cells: Vec<Cell>) -> Result<(), XlsxError> {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(s) => {
                    self.widen(col, s.lines().map(|l| l.chars().count()).max().unwrap_or(0));
                    self.sheet.write_string(row, col, excel_text(&s))?;
                }
                Cell::Number(n) => {
                    self.widen(col, n.to_string().len());
                    self.sheet.write_number(row, col, n)?;
                }
                Cell::Date(d) => {
                    self.widen(col, 10);
                    match excel_date(d) {
                        Some(date) => self
                            .sheet
                            .write_datetime_with_format(row, col, date, &self.date)?,
                        None => self.sheet.write_string(row, col, dmy(d))?,
                    };
                }
                Cell::Empty => {}
            }
        }
        Ok(())
    }

    fn widen(&mut self, col: u16, width: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(width);
    }

    fn finish(self) -> Result<(), XlsxError> {
        for (col, width) in (0u16..).zip(self.widths) {
            let w = (width + 1).clamp(WIDTH_RANGE.0, WIDTH_RANGE.1);
            self.sheet.set_column_width(col, u32::try_from(w).unwrap_or(8))?;
        }
        Ok(())
    }
}

fn new_sheet_writer<'a>(
    workbook: &'a mut Workbook,
    index: usize,
    header: &Format,
    date: &Format,
) -> Result<Sheet<'a>, XlsxError> {
    Ok(Sheet {
        sheet: workbook.worksheet_from_index(index)?,
        widths: Vec::new(),
        date: date.clone(),
        header: header.clone(),
    })
}

fn row_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Writes the class report workbook, text in `t`'s language.
///
/// # Errors
/// [`ExportError::Xlsx`] if the workbook library fails.
pub fn to_xlsx(report: &ClassReport, t: &I18n, progress: OnProgress<'_>) -> Result<Vec<u8>, ExportError> {
    let a = &report.analysis;
    let total = 3;
    progress(0, total);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{} – {}", t.report_title(), nfc(&report.class_name(t))))
            .set_author(t.app_name()),
    );
    let new_sheet = |workbook: &mut Workbook, name: String| -> Result<(), XlsxError> {
        workbook.add_worksheet().set_name(sheet_name(&name))?;
        Ok(())
    };
    new_sheet(&mut workbook, t.report_sheet_summary())?;
    new_sheet(&mut workbook, t.report_sheet_learners())?;
    new_sheet(&mut workbook, t.report_sheet_questions())?;
    let header = Format::new()
        .set_bold()
        .set_background_color(0xDDE7F2)
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    // Summary.
    let mut s = new_sheet_writer(&mut workbook, 0, &header, &date)?;
    let class = &a.class;
    let facts: [(String, Cell); 9] = [
        (t.report_class(), text(&report.class_name(t))),
        (t.report_unit(), text(&class.unit)),
        (t.report_starts(), class.starts.map_or(Cell::Empty, Cell::Date)),
        (t.report_ends(), class.ends.map_or(Cell::Empty, Cell::Date)),
        (t.report_trainer(), text(&class.trainer)),
        (t.report_learners(), count(a.rows.len())),
        (t.report_completed_all(), count(a.completed_all())),
        (t.report_needs_help(), count(a.needing_help().count())),
        (t.report_made_on(dmy(report.made)), Cell::Empty),
    ];
    let top = row_index(facts.len() + 1);
    for (i, (label, value)) in facts.into_iter().enumerate() {
        s.sheet
            .write_string_with_format(row_index(i), 0, excel_text(&label), &s.header)?;
        s.widen(0, label.chars().count());
        s.row(row_index(i), vec![Cell::Empty, value])?;
    }
    s.header(
        top,
        &[
            t.report_col_module(),
            t.report_col_completed(),
            t.report_col_started(),
            t.report_col_total(),
            t.report_col_percent(),
        ],
    )?;
    for (i, m) in a.modules.iter().enumerate() {
        let cells = vec![
            text(&m.title),
            count(m.completed),
            count(m.started),
            count(m.total),
            number(m.completed_percent()),
        ];
        s.row(top + 1 + row_index(i), cells)?;
    }
    s.sheet.set_freeze_panes(top + 1, 0)?;
    s.finish()?;
    progress(1, total);

    // Learners × modules.
    let mut s = new_sheet_writer(&mut workbook, 1, &header, &date)?;
    let mut heads = vec![t.report_col_number(), t.report_col_name(), t.report_unit()];
    for m in &a.modules {
        for col in [
            t.report_col_status(),
            t.report_col_score(),
            t.report_col_attempts(),
            t.report_col_date(),
        ] {
            heads.push(format!("{} – {col}", nfc(&m.title)));
        }
    }
    heads.push(t.report_needs_help());
    s.header(0, &heads)?;
    for (i, r) in a.rows.iter().enumerate() {
        let mut cells = vec![count(i + 1), text(&r.name), text(&r.unit)];
        for c in &r.cells {
            cells.push(Cell::Text(status_word(t, c.status)));
            cells.push(c.best_percent.map_or(Cell::Empty, number));
            cells.push(number(c.attempts));
            cells.push(
                c.completed_at
                    .map_or(Cell::Empty, |at| Cell::Date(at.date_naive())),
            );
        }
        let help: Vec<String> = r
            .help
            .iter()
            .map(|h| match h {
                HelpReason::NotStarted => t.class_status_not_started(),
                HelpReason::FailedQuiz { module, fails } => a
                    .modules
                    .get(*module)
                    .map_or_else(String::new, |m| format!("{} ({fails}×)", nfc(&m.title))),
            })
            .collect();
        cells.push(Cell::Text(help.join("; ")));
        s.row(row_index(i + 1), cells)?;
    }
    s.sheet.set_freeze_panes(1, 2)?;
    let last_col = u16::try_from(heads.len().saturating_sub(1)).unwrap_or(0);
    s.sheet.autofilter(0, 0, row_index(a.rows.len()), last_col)?;
    s.finish()?;
    progress(2, total);

    // Question analysis.
    let mut s = new_sheet_writer(&mut workbook, 2, &header, &date)?;
    let heads = [
        t.report_col_module(),
        t.report_col_question(),
        t.report_col_answered(),
        t.report_col_correct(),
        t.report_col_facility(),
        t.report_col_right_answer(),
        t.report_col_wrong_answer(),
        t.report_col_wrong_count(),
        t.report_col_explanation(),
    ];
    s.header(0, &heads)?;
    let (yes, no) = (t.class_answer_true(), t.class_answer_false());
    for (i, q) in report.questions.iter().enumerate() {
        let (wrong, chose) = match &q.most_wrong {
            Some((said, n)) => (text(&said.text(&yes, &no)), number(*n)),
            None => (Cell::Empty, Cell::Empty),
        };
        let cells = vec![
            text(&q.module_title),
            text(&q.prompt),
            number(q.answered),
            number(q.correct),
            number(q.facility_percent()),
            text(&q.right.text(&yes, &no)),
            wrong,
            chose,
            text(&q.explanation),
        ];
        s.row(row_index(i + 1), cells)?;
    }
    s.sheet.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(heads.len() - 1).unwrap_or(0);
    s.sheet
        .autofilter(0, 0, row_index(report.questions.len()), last_col)?;
    s.finish()?;
    progress(3, total);

    Ok(workbook.save_to_buffer()?)
}
