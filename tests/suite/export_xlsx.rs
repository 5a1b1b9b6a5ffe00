//! The XLSX roster read back with calamine: the same table as the roster, numbers as numbers, dates
//! as real dates, header in the UI language, an autofilter; NFD in, NFC out; no formula prefix.

use std::io::Cursor;

use crate::export_fixture::{NAME_B, NAME_C, nfc, roster};
use calamine::{Data, DataType as _, Reader as _, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use kynangso::export::xlsx::to_xlsx;
use kynangso::i18n::{I18n, Lang};
use kynangso::records::Status;

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, got {other:?}"),
    }
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::Empty => None,
        other => panic!("expected a number, got {other:?}"),
    }
}

#[test]
fn xlsx_reads_back_as_the_roster() {
    let rows = roster();
    let mut calls = Vec::new();
    let bytes = to_xlsx(&rows, &I18n::new(Lang::Vi), &mut |d, t| calls.push((d, t))).unwrap();
    assert_eq!(calls.first(), Some(&(0, rows.len())));
    assert_eq!(calls.last(), Some(&(rows.len(), rows.len())));

    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Danh sách học viên"]);
    // rust_xlsxwriter records the autofilter as the sheet's _FilterDatabase name.
    assert!(
        book.defined_names()
            .iter()
            .any(|(name, _)| name.contains("_FilterDatabase")),
        "autofilter: {:?}",
        book.defined_names()
    );
    let range = book.worksheet_range("Danh sách học viên").unwrap();
    assert_eq!(range.get_size(), (rows.len() + 1, 12));
    let sheet: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = sheet[0].iter().map(text).collect();
    assert_eq!(header[0], "Họ và tên");
    assert_eq!(header[4], "Trạng thái");
    assert_eq!(header[8], "Ngày hoàn thành");
    assert_eq!(header[11], "Phiên bản hoàn thành");

    for (r, cells) in rows.iter().zip(&sheet[1..]) {
        assert_eq!(text(&cells[0]), nfc(&r.name));
        assert_eq!(text(&cells[1]), nfc(&r.unit));
        assert_eq!(text(&cells[2]), nfc(&r.position));
        assert_eq!(text(&cells[3]), r.module_title);
        let status = match r.status {
            Status::NotStarted => "Chưa học",
            Status::InProgress => "Đang học",
            Status::Completed => "Hoàn thành",
        };
        assert_eq!(text(&cells[4]), status);
        assert_eq!(
            text(&cells[5]),
            format!("{}/{}", r.lessons_viewed, r.lessons_total)
        );
        assert_eq!(number(&cells[6]), r.best_score.map(f64::from));
        assert_eq!(number(&cells[7]), Some(r.attempts as f64));
        match r.completed_at {
            Some(at) => {
                assert!(
                    matches!(cells[8], Data::DateTime(_)),
                    "a real date: {:?}",
                    cells[8]
                );
                assert_eq!(cells[8].as_date(), Some(at.date_naive()));
            }
            None => assert_eq!(cells[8], Data::Empty),
        }
        assert_eq!(text(&cells[9]), r.learner.to_string());
        assert_eq!(text(&cells[10]), r.module_id);
        // The version the module was completed in: a number, empty when not completed.
        assert_eq!(number(&cells[11]), r.completed_version.map(f64::from));
    }
    // Typed strings are never formulas in Excel, so names stay as typed; NFD came in, NFC goes out.
    assert_eq!(text(&sheet[7][0]), NAME_C);
    assert_eq!(text(&sheet[4][0]), NAME_B);
    assert_eq!(text(&sheet[4][2]), "Chủ tịch\nUBND phường");
    assert_eq!(sheet[2][8].as_date(), NaiveDate::from_ymd_opt(2026, 11, 26));
}

#[test]
fn xlsx_header_follows_the_ui_language() {
    let bytes = to_xlsx(&roster(), &I18n::new(Lang::En), &mut |_, _| {}).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Roster").unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("Name".into())));
    assert_eq!(range.get((1, 4)), Some(&Data::String("Completed".into())));
}

#[test]
fn xlsx_of_an_empty_roster_has_the_header() {
    let bytes = to_xlsx(&[], &I18n::new(Lang::Vi), &mut |_, _| {}).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Danh sách học viên").unwrap();
    assert_eq!(range.get_size(), (1, 12));
}
