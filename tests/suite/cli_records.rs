//! `kynangso export` and `kynangso import` as a trainer runs them: records from one PC exported as JSON,
//! imported on another, imported twice without change, and a bad file refused with nothing changed.

use std::path::Path;
use std::process::Command;

use kynangso::learning::{NewLearner, Records};
use kynangso::records::EventKind;

fn kns(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kynangso"))
        .args(args)
        .env("LANG", "vi_VN.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn seed(dir: &Path) {
    let catalog = kynangso::content::embedded().unwrap();
    let (mut records, _) = Records::open(dir, &catalog, kynangso::learning::now).unwrap();
    let id = records
        .add_learner(NewLearner::parse("Nguyễn Văn An", "Xã Yên Khánh", "Công chức").unwrap())
        .unwrap();
    records
        .record(
            id,
            EventKind::LessonViewed {
                module: "bao-cao".into(),
                lesson: "gioi-thieu".into(),
            },
        )
        .unwrap();
}

#[test]
fn export_json_import_elsewhere_twice_and_refuse_bad_files() {
    let pc1 = tempfile::tempdir().unwrap();
    let pc2 = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    seed(pc1.path());
    let json = out.path().join("pc1.json");
    let (code, stdout, stderr) = kns(&[
        "export",
        "--format",
        "json",
        "--out",
        json.to_str().unwrap(),
        "--data-dir",
        pc1.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Đã xuất dữ liệu"), "{stdout}");

    let (code, stdout, _) = kns(&[
        "import",
        json.to_str().unwrap(),
        "--data-dir",
        pc2.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("imported 2, already present 0"), "{stdout}");
    let (code, stdout, _) = kns(&[
        "import",
        json.to_str().unwrap(),
        "--data-dir",
        pc2.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("imported 0, already present 2"), "{stdout}");

    // The roster on the second PC is the first PC's.
    let csv1 = out.path().join("1.csv");
    let csv2 = out.path().join("2.csv");
    for (dir, csv) in [(pc1.path(), &csv1), (pc2.path(), &csv2)] {
        let (code, _, stderr) = kns(&[
            "export",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
            "--data-dir",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
    }
    let a = std::fs::read_to_string(&csv1).unwrap();
    assert_eq!(a, std::fs::read_to_string(&csv2).unwrap());
    assert!(a.contains("Nguyễn Văn An"));

    let journal = std::fs::read(pc2.path().join("journal.jsonl")).unwrap();
    let bad = out.path().join("hong.json");
    std::fs::write(&bad, &std::fs::read(&json).unwrap()[..40]).unwrap();
    let (code, _, stderr) = kns(&[
        "import",
        bad.to_str().unwrap(),
        "--data-dir",
        pc2.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("Không có gì bị thay đổi"), "{stderr}");
    assert_eq!(std::fs::read(pc2.path().join("journal.jsonl")).unwrap(), journal);
}

#[test]
fn a_merge_of_duplicate_profiles_survives_export_and_import() {
    let pc1 = tempfile::tempdir().unwrap();
    let pc2 = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    {
        let catalog = kynangso::content::embedded().unwrap();
        let (mut records, _) = Records::open(pc1.path(), &catalog, kynangso::learning::now).unwrap();
        let keep = records
            .add_learner(NewLearner::parse("Trần Thị Hoa", "Xã Kim Sơn", "").unwrap())
            .unwrap();
        let dup = records
            .add_learner(NewLearner::parse("Tran Thi Hoa", "Xã Kim Sơn", "").unwrap())
            .unwrap();
        let quiz = EventKind::QuizAttempted {
            module: "vneid".into(),
            score: 9,
            max: 10,
            passed: true,
            duration_s: 60,
            answers: vec![],
        };
        records.record(dup, quiz).unwrap();
        records
            .record(dup, EventKind::LearnerMerged { into: keep })
            .unwrap();
    }
    let json = out.path().join("pc1.json");
    let d1 = pc1.path().to_str().unwrap();
    let d2 = pc2.path().to_str().unwrap();
    assert_eq!(
        kns(&[
            "export",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
            "--data-dir",
            d1
        ])
        .0,
        0
    );
    assert_eq!(kns(&["import", json.to_str().unwrap(), "--data-dir", d2]).0, 0);
    let csv = |dir: &str, name: &str| {
        let path = out.path().join(name);
        assert_eq!(
            kns(&[
                "export",
                "--format",
                "csv",
                "--out",
                path.to_str().unwrap(),
                "--data-dir",
                dir
            ])
            .0,
            0
        );
        std::fs::read_to_string(path).unwrap()
    };
    let (a, b) = (csv(d1, "1.csv"), csv(d2, "2.csv"));
    assert_eq!(a, b);
    assert!(
        !a.contains("Tran Thi Hoa"),
        "the duplicate profile is merged away:\n{a}"
    );
    // The duplicate's passed quiz counts for the kept profile.
    assert!(
        a.lines().any(|l| l.contains("Trần Thị Hoa") && l.contains("90")),
        "{a}"
    );
}

#[test]
fn check_content_prints_the_summary_line() {
    let (code, stdout, _) = kns(&["check-content"]);
    assert_eq!(code, 0);
    assert!(stdout.trim_end().ends_with("simulations"), "{stdout}");
    assert!(stdout.starts_with("5 modules, "), "{stdout}");
}

#[test]
fn bad_usage_exits_with_2() {
    let (code, _, _) = kns(&["export", "--format", "doc", "--out", "x"]);
    assert_eq!(code, 2);
}
