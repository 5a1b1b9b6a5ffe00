//! The trainer's day across PCs: a class made on PC A, learners who join it on PCs B and C (one of them
//! renaming the class at the same time as A), the exchange files imported into the trainer's PC D in
//! every order, twice. The dashboard's numbers and the class report (XLSX read back with calamine, PDF
//! with `pdftotext`) must equal a hand count of the events.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};
use chrono::{DateTime, FixedOffset};
use kynangso::class::analysis::{self, CellStatus};
use kynangso::class::{ClassForm, questions};
use kynangso::content::model::QuestionKind;
use kynangso::learning::{NewLearner, Records};
use kynangso::records::{AnswerRecord, Chosen, EventKind};
use uuid::Uuid;

use crate::cli_records::kns;

fn kns_ok(args: &[&str]) -> String {
    ok(kns(args))
}

fn ok((code, stdout, stderr): (i32, String, String)) -> String {
    assert_eq!(code, 0, "{stderr}");
    stdout
}

/// `export --format FORMAT --class CLASS --out OUT --data-dir DATA`, then `extra`.
fn export_class(data: &str, format: &str, class: &str, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "export",
        "--format",
        format,
        "--class",
        class,
        "--out",
        out.to_str().unwrap(),
        "--data-dir",
        data,
    ];
    args.extend(extra);
    kns(&args)
}

fn clock(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}
fn at_8() -> DateTime<FixedOffset> {
    clock("2026-12-01T08:00:00.000+07:00")
}
fn at_9() -> DateTime<FixedOffset> {
    clock("2026-12-01T09:00:00.000+07:00")
}
fn at_930() -> DateTime<FixedOffset> {
    clock("2026-12-01T09:30:00.000+07:00")
}
fn at_10() -> DateTime<FixedOffset> {
    clock("2026-12-01T10:00:00.000+07:00")
}

fn open(dir: &Path, clock: kynangso::learning::Clock) -> Records {
    Records::open(dir, &kynangso::content::embedded().unwrap(), clock)
        .unwrap()
        .0
}

fn export_json(dir: &Path, out: &Path) {
    kns_ok(&[
        "export",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
        "--data-dir",
        dir.to_str().unwrap(),
    ]);
}

fn import(dir: &Path, files: &[&PathBuf]) {
    let mut args = vec!["import".to_owned()];
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_owned()));
    args.extend(["--data-dir".to_owned(), dir.to_str().unwrap().to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    kns_ok(&args);
}

/// The first five single-choice questions of `bao-cao`: (id, right option, option count).
fn questions() -> Vec<(String, u32, u32)> {
    let catalog = kynangso::content::embedded().unwrap();
    catalog
        .module("bao-cao")
        .unwrap()
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            QuestionKind::Single { options, correct } => {
                Some((q.id.clone(), *correct as u32, options.len() as u32))
            }
            _ => None,
        })
        .take(5)
        .collect()
}

/// An attempt at `bao-cao` with the first `right` questions right and the others answered with the
/// option after the right one.
fn attempt(right: usize) -> EventKind {
    let answers: Vec<AnswerRecord> = questions()
        .into_iter()
        .enumerate()
        .map(|(i, (id, correct, n))| AnswerRecord {
            question: id,
            correct: i < right,
            chosen: Some(Chosen::Indexes(vec![if i < right {
                correct
            } else {
                (correct + 1) % n
            }])),
        })
        .collect();
    EventKind::QuizAttempted {
        module: "bao-cao".into(),
        score: right as u32,
        max: 5,
        passed: right == 5,
        duration_s: 120,
        answers,
    }
}

const AN: &str = "Nguyễn Văn An";
const BINH: &str = "Trần Thị Bình";
const MAI: &str = "Lò Thị Mai";
const BAO: &str = "Phạm Gia Bảo";

/// The class form, with `name`.
fn form(name: &str) -> ClassForm {
    ClassForm::parse(name, "Xã Yên Khánh", "01/12/2026", "03/12/2026", "Nguyễn Thị Lan").unwrap()
}

/// PCs A, B and C; returns the class id and the exchange files of A, B and C.
fn three_pcs(work: &Path) -> (Uuid, [PathBuf; 3]) {
    let (a, b, c) = (work.join("a"), work.join("b"), work.join("c"));
    for d in [&a, &b, &c] {
        std::fs::create_dir_all(d).unwrap();
    }
    let first = work.join("a0.json");
    let class = {
        let mut records = open(&a, at_8);
        let form = form("Lớp tập huấn Yên Khánh");
        records.create_class(&form).unwrap()
    };
    export_json(&a, &first);

    // PC B is set to the class: its new learners join it. An completes bao-cao; Bình fails twice.
    import(&b, &[&first]);
    {
        let mut records = open(&b, at_9);
        records.pc_class = Some(class);
        let an = records
            .add_learner(NewLearner::parse(AN, "Xã Yên Khánh", "").unwrap())
            .unwrap();
        let binh = records
            .add_learner(NewLearner::parse(BINH, "", "").unwrap())
            .unwrap();
        let catalog = kynangso::content::embedded().unwrap();
        for lesson in &catalog.module("bao-cao").unwrap().lessons {
            let kind = EventKind::LessonViewed {
                module: "bao-cao".into(),
                lesson: lesson.meta.id.clone(),
            };
            records.record(an, kind).unwrap();
        }
        assert_eq!(
            records.record(an, attempt(5)).unwrap(),
            vec!["bao-cao".to_owned()]
        );
        records.record(binh, attempt(1)).unwrap();
        records.record(binh, attempt(1)).unwrap();
    }
    // PC C renames the class at 09:30 and puts two learners in it by hand; one leaves again.
    import(&c, &[&first]);
    {
        let mut records = open(&c, at_930);
        let form = form("Lớp Yên Khánh (máy C)");
        assert!(records.update_class(class, &form).unwrap());
        let mai = records
            .add_learner(NewLearner::parse(MAI, "", "").unwrap())
            .unwrap();
        let bao = records
            .add_learner(NewLearner::parse(BAO, "", "").unwrap())
            .unwrap();
        assert_eq!(records.join_class(class, &[mai, bao]).unwrap(), 2);
        assert_eq!(records.leave_class(class, &[bao]).unwrap(), 1);
    }
    // PC A renames it later, at 10:00: its name wins everywhere.
    {
        let mut records = open(&a, at_10);
        let form = form("Lớp Yên Khánh (máy A)");
        assert!(records.update_class(class, &form).unwrap());
    }
    let files = [work.join("a.json"), work.join("b.json"), work.join("c.json")];
    for (dir, file) in [&a, &b, &c].into_iter().zip(&files) {
        export_json(dir, file);
    }
    (class, files)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_class_across_four_pcs_counts_the_same_in_every_import_order() {
    let work = tempfile::tempdir().unwrap();
    let (class, files) = three_pcs(work.path());
    let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    let catalog = kynangso::content::embedded().unwrap();
    let qs = questions();
    for (n, order) in orders.iter().enumerate() {
        let d = work.path().join(format!("d{n}"));
        std::fs::create_dir_all(&d).unwrap();
        let in_order: Vec<&PathBuf> = order.iter().map(|&i| &files[i]).collect();
        // Twice: the second import changes nothing.
        import(&d, &in_order);
        import(&d, &in_order);
        let records = open(&d, at_10);
        let progress = records.progress();
        let c = progress.class(class).unwrap();
        assert_eq!(c.name, "Lớp Yên Khánh (máy A)", "order {order:?}");
        let names: Vec<&str> = c
            .members
            .iter()
            .map(|m| progress.learner(*m).unwrap().name.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, [MAI, AN, BINH], "order {order:?}");

        let a = analysis::analyse(progress, c);
        let bao_cao = a.modules.iter().find(|m| m.id == "bao-cao").unwrap();
        assert_eq!((bao_cao.completed, bao_cao.started, bao_cao.total), (1, 2, 3));
        assert_eq!(
            a.needing_help().count(),
            2,
            "Bình failed twice, Mai has not started"
        );
        let an = a.rows.iter().find(|r| r.name == AN).unwrap();
        let i = a.modules.iter().position(|m| m.id == "bao-cao").unwrap();
        assert_eq!(
            (an.cells[i].status, an.cells[i].best_percent),
            (CellStatus::Completed, Some(100))
        );

        let events = records.read_events().unwrap();
        let stats = questions::analyse(progress, c, &events, &catalog).unwrap();
        assert_eq!(stats.len(), 5);
        for s in &stats {
            // An once, Bình twice; the first question right each time, the others right only for An.
            let first = s.question == qs[0].0;
            assert_eq!(
                (s.answered, s.correct),
                (3, if first { 3 } else { 1 }),
                "{}",
                s.question
            );
            if !first {
                assert_eq!(s.most_wrong.as_ref().unwrap().1, 2);
            }
        }
        assert_eq!(stats.last().unwrap().question, qs[0].0, "the easiest last");
    }
}

#[test]
fn the_class_report_and_class_exports_on_the_command_line() {
    let work = tempfile::tempdir().unwrap();
    let (class, files) = three_pcs(work.path());
    let d = work.path().join("d");
    std::fs::create_dir_all(&d).unwrap();
    import(&d, &files.iter().collect::<Vec<_>>());
    let data = d.to_str().unwrap();

    let listed = kns_ok(&["classes", "--data-dir", data]);
    assert!(
        listed.contains("Lớp Yên Khánh (máy A) | Xã Yên Khánh | 01/12/2026 | 03/12/2026 | 3 | 0"),
        "{listed}"
    );
    assert!(listed.contains(&class.to_string()));

    // The roster of the class only: 3 learners × every module (not Phạm Gia Bảo, who left).
    let csv = work.path().join("lop.csv");
    let out = ok(export_class(data, "csv", "Lớp Yên Khánh (máy A)", &csv, &[]));
    assert!(out.contains(" 3 học viên"), "{out}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(!text.contains(BAO) && text.contains(MAI));
    // The exchange file of the class: its own events and its members', importable elsewhere.
    let json = work.path().join("lop.json");
    ok(export_class(data, "json", &class.to_string(), &json, &[]));
    let exchange = std::fs::read_to_string(&json).unwrap();
    assert!(
        exchange.contains("class_created") && exchange.contains("class_updated") && !exchange.contains(BAO)
    );

    // XLSX report, found by name.
    let xlsx = work.path().join("bao-cao-lop.xlsx");
    let out = ok(export_class(
        data,
        "class-report",
        "Lớp Yên Khánh (máy A)",
        &xlsx,
        &[],
    ));
    assert!(out.contains("3 học viên"), "{out}");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["Tổng hợp", "Học viên", "Câu hỏi"]);
    let learners = book.worksheet_range("Học viên").unwrap();
    let rows: Vec<Vec<String>> = learners
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let header = &rows[0];
    let col = |title: &str| {
        header
            .iter()
            .position(|h| h.starts_with(title) && h.ends_with("Trạng thái"))
            .unwrap()
    };
    let bao_title = kynangso::content::embedded()
        .unwrap()
        .module("bao-cao")
        .unwrap()
        .meta
        .title
        .clone();
    let status = col(&bao_title);
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[1] == name)
            .unwrap_or_else(|| panic!("{name} not in {rows:?}"))
    };
    assert_eq!(row(AN)[status], "Hoàn thành");
    assert_eq!(row(AN)[status + 1], "100");
    assert_eq!(row(BINH)[status], "Đang học");
    assert_eq!(row(BINH)[status + 1], "20");
    assert_eq!(row(BINH)[status + 2], "2");
    assert_eq!(row(MAI)[status], "Chưa học");
    assert_eq!(rows.len(), 4);
    let questions_sheet = book.worksheet_range("Câu hỏi").unwrap();
    assert_eq!(questions_sheet.rows().count(), 6, "a header and five questions");
    let summary = book.worksheet_range("Tổng hợp").unwrap();
    let summary_text: Vec<String> = summary.rows().flat_map(|r| r.iter().map(cell_text)).collect();
    assert!(summary_text.contains(&"Lớp Yên Khánh (máy A)".to_owned()));
    assert!(summary_text.contains(&"Nguyễn Thị Lan".to_owned()));

    // PDF report, found by id.
    let pdf = work.path().join("bao-cao-lop.pdf");
    ok(export_class(data, "class-report", &class.to_string(), &pdf, &[]));
    if let Some(text) = pdftotext(&pdf) {
        for needle in [
            AN,
            BINH,
            MAI,
            "Lớp Yên Khánh (máy A)",
            "Hoàn thành",
            "Chưa học",
            "100%",
            "20%",
            "GIẢNG VIÊN",
            "UBND XÃ/PHƯỜNG",
            "1/3 (33%)",
        ] {
            assert!(text.contains(needle), "{needle} not in the PDF:\n{text}");
        }
        assert!(!text.contains(BAO));
    }

    // Mistakes: no class, an unknown class, a wrong extension.
    let (code, _, stderr) = kns(&[
        "export",
        "--format",
        "class-report",
        "--out",
        pdf.to_str().unwrap(),
        "--data-dir",
        data,
    ]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = export_class(data, "class-report", "Lớp khác", &pdf, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("Không tìm thấy lớp “Lớp khác”"), "{stderr}");
    let docx = work.path().join("x.docx");
    let (code, _, stderr) = export_class(data, "class-report", &class.to_string(), &docx, &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains(".xlsx or .pdf"), "{stderr}");
}

/// The PDF's text, or `None` (with a note) where poppler's tools are not installed.
pub fn pdftotext(path: &Path) -> Option<String> {
    match Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
    {
        Ok(o) => {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            Some(String::from_utf8(o.stdout).unwrap())
        }
        Err(e) => {
            eprintln!("note: pdftotext not available ({e}); PDF text not checked");
            None
        }
    }
}

#[test]
fn a_pc_where_nobody_learnt_yet_has_no_class_and_that_is_no_error() {
    let data = tempfile::tempdir().unwrap();
    let listed = kns_ok(&["classes", "--data-dir", data.path().to_str().unwrap()]);
    assert_eq!(listed.trim(), "Chưa có lớp nào trong dữ liệu này.");
}
