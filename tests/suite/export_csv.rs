//! The CSV roster: RFC 4180 with a BOM, read back with the csv crate, equals the roster; header and
//! status words in the UI language; formula-like cells neutralised; NFD in, NFC out.

use crate::export_fixture::{NAME_B, nfc, roster};
use kynangso::export::csv::{BOM, to_csv};
use kynangso::i18n::{I18n, Lang};
use kynangso::records::{RosterRow, Status};

/// What each row must read back as, written independently of the exporter.
fn expected(rows: &[RosterRow]) -> Vec<Vec<String>> {
    let guard = |s: String| {
        if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s
        }
    };
    rows.iter()
        .map(|r| {
            vec![
                guard(nfc(&r.name)),
                guard(nfc(&r.unit)),
                guard(nfc(&r.position)),
                nfc(&r.module_title),
                match r.status {
                    Status::NotStarted => "Chưa học",
                    Status::InProgress => "Đang học",
                    Status::Completed => "Hoàn thành",
                }
                .to_owned(),
                format!("{}/{}", r.lessons_viewed, r.lessons_total),
                r.best_score.map(|s| s.to_string()).unwrap_or_default(),
                r.attempts.to_string(),
                r.completed_at
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                r.learner.to_string(),
                r.module_id.clone(),
                r.completed_version.map(|v| v.to_string()).unwrap_or_default(),
            ]
        })
        .collect()
}

fn read_back(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix(BOM).expect("CSV starts with a UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(body);
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_reads_back_as_the_roster() {
    let rows = roster();
    let mut calls = Vec::new();
    let bytes = to_csv(&rows, &I18n::new(Lang::Vi), &mut |done, total| {
        calls.push((done, total))
    })
    .unwrap();
    let (header, back) = read_back(&bytes);
    assert_eq!(
        header,
        [
            "Họ và tên",
            "Đơn vị",
            "Chức vụ",
            "Học phần",
            "Trạng thái",
            "Bài học đã xem",
            "Điểm cao nhất",
            "Số lần làm bài",
            "Ngày hoàn thành",
            "Mã học viên",
            "Mã học phần",
            "Phiên bản hoàn thành"
        ]
    );
    assert_eq!(back, expected(&rows));
    assert_eq!(calls.first(), Some(&(0, rows.len())));
    assert_eq!(calls.last(), Some(&(rows.len(), rows.len())));
}

#[test]
fn csv_details_that_excel_users_meet() {
    let rows = roster();
    let bytes = to_csv(&rows, &I18n::new(Lang::Vi), &mut |_, _| {}).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    // RFC 4180: CRLF after every record, quotes doubled inside quoted cells.
    assert!(text.ends_with("\r\n"));
    assert!(text.contains("\"Cán bộ \"\"tư pháp\"\" – hộ tịch\""));
    let (_, back) = read_back(&bytes);
    // The `=` name, the `+` unit and the `-` position are neutralised; the rest of the text is kept.
    assert_eq!(back[6][0], "'=Lê Hoàng Yến");
    assert_eq!(back[6][1], "'+84 Hà Nội");
    assert_eq!(back[6][2], "'-Phó chủ tịch, \"kiêm\" @văn thư");
    // NFD in, NFC out, line break kept inside its cell.
    assert_eq!(back[3][0], NAME_B);
    assert!(unicode_normalization::is_nfc(text));
    assert_eq!(back[3][2], "Chủ tịch\nUBND phường");
    // Completed at 00:30 +07:00 on the 26th: the local day, not the UTC one.
    assert_eq!(back[1][8], "26/11/2026");
    assert_eq!(back[0][5], "3/3");
    assert_eq!(back[2][6], "", "no attempt, no score");
}

#[test]
fn csv_header_and_status_follow_the_ui_language() {
    let rows = roster();
    let bytes = to_csv(&rows, &I18n::new(Lang::En), &mut |_, _| {}).unwrap();
    let (header, back) = read_back(&bytes);
    assert_eq!(header[0], "Name");
    assert_eq!(header[8], "Completion date");
    assert_eq!(back[0][4], "Completed");
    assert_eq!(back[2][4], "In progress");
    assert_eq!(back[4][4], "Not started");
}

#[test]
fn csv_of_an_empty_roster_is_just_the_header() {
    let bytes = to_csv(&[], &I18n::new(Lang::Vi), &mut |_, _| {}).unwrap();
    let (header, back) = read_back(&bytes);
    assert_eq!(header.len(), 12);
    assert!(back.is_empty());
}
