//! The class report's writers on their own: a hostile class name stays text (XLSX cells are strings,
//! never formulas; the PDF shows it as written), a class of 60 learners runs over several PDF pages
//! with every name on them, and a class nobody named gets the words for that.

use std::io::Cursor;
use std::sync::Arc;

use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};
use chrono::{DateTime, Duration, FixedOffset};
use kynangso::class::report::{ClassReportJob, ReportFile};
use kynangso::i18n::{I18n, Lang};
use kynangso::records::{Event, EventKind, ModuleSpec, fold};
use uuid::Uuid;

const CLASS: Uuid = Uuid::from_u128(0xC1A55);
const HOSTILE: &str = "=cmd|' /C calc'!A0";

fn at(n: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T08:00:00.000+07:00").unwrap() + Duration::seconds(n)
}

/// A class named `name` (none: no `class_created`) with `learners` members, NFD names on purpose.
fn journal(name: Option<&str>, learners: usize) -> Vec<Event> {
    let device = Uuid::from_u128(0xD);
    let mut events = Vec::new();
    if let Some(name) = name {
        events.push(Event::with_id(
            Uuid::from_u128(1),
            Uuid::nil(),
            device,
            at(0),
            EventKind::ClassCreated {
                class: CLASS,
                name: name.into(),
                unit: Some("+Xã @Yên Khánh".into()),
                starts: "2026-12-01".into(),
                ends: None,
                trainer: Some("-Cô Lan".into()),
            },
        ));
    }
    for i in 0..learners {
        let who = Uuid::from_u128(0x1000 + i as u128);
        let n = 10 + 2 * i as u128;
        let created = EventKind::LearnerCreated {
            name: format!("Nguye\u{302}\u{303}n Thi\u{323} Học Viên {i:02}"),
            unit: None,
            position: None,
        };
        events.push(Event::with_id(
            Uuid::from_u128(n),
            who,
            device,
            at(n as i64),
            created,
        ));
        let joined = EventKind::ClassJoined { class: CLASS };
        events.push(Event::with_id(
            Uuid::from_u128(n + 1),
            who,
            device,
            at(n as i64 + 1),
            joined,
        ));
    }
    events
}

fn report(events: Vec<Event>, file: ReportFile, t: &I18n) -> Vec<u8> {
    let catalog = Arc::new(kynangso::content::embedded().unwrap());
    let progress = fold(&events, &ModuleSpec::from_catalog(&catalog));
    let class = progress.class(CLASS).unwrap().clone();
    let job = ClassReportJob::new(file, &progress, &class, events, catalog, at(0));
    let mut calls = Vec::new();
    let bytes = job
        .bytes(t, &mut |done, total| calls.push((done, total)))
        .unwrap();
    assert_eq!(calls.first().map(|c| c.0), Some(0), "{calls:?}");
    assert!(calls.last().is_some_and(|(d, t)| d == t), "{calls:?}");
    bytes
}

#[test]
fn a_hostile_class_name_is_text_in_the_workbook() {
    let t = I18n::new(Lang::Vi);
    let bytes = report(journal(Some(HOSTILE), 3), ReportFile::Xlsx, &t);
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{sheet} has formulas"
        );
    }
    let summary = book.worksheet_range("Tổng hợp").unwrap();
    let cells: Vec<&Data> = summary.used_cells().map(|(_, _, c)| c).collect();
    assert!(cells.contains(&&Data::String(HOSTILE.into())), "{cells:?}");
    assert!(cells.contains(&&Data::String("+Xã @Yên Khánh".into())));
    let learners = book.worksheet_range("Học viên").unwrap();
    let names: Vec<String> = learners
        .rows()
        .skip(1)
        .map(|r| match &r[1] {
            Data::String(s) => s.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names[0], "Nguyễn Thị Học Viên 00", "NFC");
    assert!(names.iter().all(|n| kynangso::text::is_nfc(n)));
}

#[test]
fn a_long_class_runs_over_pages_with_every_name() {
    let t = I18n::new(Lang::Vi);
    let bytes = report(journal(Some(HOSTILE), 60), ReportFile::Pdf, &t);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lop.pdf");
    std::fs::write(&path, bytes).unwrap();
    let Some(text) = crate::classes_multi_pc::pdftotext(&path) else {
        return;
    };
    assert!(text.contains(HOSTILE), "{text}");
    for i in 0..60 {
        let name = format!("Nguyễn Thị Học Viên {i:02}");
        assert!(text.contains(&name), "{name} missing");
    }
    assert!(
        text.matches('\u{c}').count() >= 3,
        "a summary and at least two pages of names"
    );
    assert!(text.contains("(tiếp theo)") && text.contains("UBND XÃ/PHƯỜNG"));
}

#[test]
fn a_class_nobody_named_is_reported_as_such() {
    let t = I18n::new(Lang::En);
    let bytes = report(journal(None, 2), ReportFile::Xlsx, &t);
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let summary = book.worksheet_range("Summary").unwrap();
    assert!(
        summary
            .used_cells()
            .any(|(_, _, c)| *c == Data::String("(Class without a name)".into()))
    );
    assert_eq!(book.worksheet_range("Learners").unwrap().rows().count(), 3);
}

/// The trainer area runs the report and the question count on a worker thread (`job::Job`).
#[test]
fn the_report_job_and_the_tally_can_go_to_a_worker_thread() {
    fn send<T: Send + 'static>() {}
    send::<ClassReportJob>();
    send::<kynangso::class::questions::QuestionTally>();
    send::<kynangso::class::analysis::ClassAnalysis>();
}
