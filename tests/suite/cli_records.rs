//! `kynangso export` and `kynangso import` as a trainer runs them: records from one PC exported as JSON,
//! imported on another, imported twice without change, and a bad file refused with nothing changed.

use std::path::Path;
use std::process::Command;

use kynangso::learning::{NewLearner, Records};
use kynangso::records::EventKind;

/// Runs the program with `args`, in Vietnamese: (exit code, stdout, stderr).
pub fn kns(args: &[&str]) -> (i32, String, String) {
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
    let (code, _, stderr) = kns(&["export", "--format", "doc", "--out", "x"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("possible values: csv, xlsx, json, xapi, pdf"),
        "{stderr}"
    );
    // The spellings are the lowercase names only, as scripts have always written them.
    let (code, _, _) = kns(&["export", "--format", "CSV", "--out", "x"]);
    assert_eq!(code, 2);
}

#[test]
fn export_help_lists_every_format() {
    let (code, stdout, _) = kns(&["export", "--help"]);
    assert_eq!(code, 0);
    for format in ["csv", "xlsx", "json", "xapi", "pdf"] {
        assert!(stdout.contains(&format!("- {format}:")), "{format} in:\n{stdout}");
    }
}

/// Runs the program like [`kns`], but fails the test instead of hanging when it takes longer than `secs`.
fn kns_within(secs: u64, args: &[&str], lang: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kynangso"))
        .args(args)
        .env("LANG", lang)
        .env_remove("RUST_LOG")
        .env_remove("KYNANGSO_DATA_DIR")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kynangso {args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn export_to(data: &Path, format: &str, out: &Path) -> (i32, String, String) {
    kns_within(
        120,
        &[
            "export",
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
        ],
        "vi_VN.UTF-8",
    )
}

fn import_into(data: &Path, files: &[&Path]) -> (i32, String, String) {
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["--data-dir", data.to_str().unwrap()]);
    kns_within(60, &args, "vi_VN.UTF-8")
}

/// Issue 9, defect 4: `export --out DATA/journal.jsonl` replaced every record with CSV.
#[test]
fn export_never_writes_into_the_data_folder() {
    let pc = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    seed(pc.path());
    let journal_path = pc.path().join("journal.jsonl");
    let journal = std::fs::read(&journal_path).unwrap();
    let sub = pc.path().join("backups");
    std::fs::create_dir_all(&sub).unwrap();
    let dotted = pc.path().join("..").join(pc.path().file_name().unwrap());
    for target in [
        journal_path.clone(),
        pc.path().join("settings.json"),
        pc.path().join("new.csv"),
        sub.join("journal-2026-12-01.jsonl"),
        dotted.join("journal.jsonl"),
    ] {
        let (code, _, stderr) = export_to(pc.path(), "csv", &target);
        assert_eq!(code, 1, "{} was accepted", target.display());
        assert!(stderr.contains("thư mục dữ liệu"), "{stderr}");
        assert!(!stderr.contains("ERROR"), "{stderr}");
    }
    #[cfg(unix)]
    {
        let link = elsewhere.path().join("link.csv");
        std::os::unix::fs::symlink(&journal_path, &link).unwrap();
        assert_eq!(export_to(pc.path(), "csv", &link).0, 1, "a link to the journal");
        let hard = elsewhere.path().join("hard.csv");
        std::fs::hard_link(&journal_path, &hard).unwrap();
        assert_eq!(
            export_to(pc.path(), "csv", &hard).0,
            1,
            "a hard link to the journal"
        );
        assert_eq!(std::fs::read(&hard).unwrap(), journal);
    }
    assert_eq!(std::fs::read(&journal_path).unwrap(), journal);
    assert!(!pc.path().join("new.csv").exists());
    // The same data folder exports anywhere else.
    let (code, _, stderr) = export_to(pc.path(), "csv", &elsewhere.path().join("ok.csv"));
    assert_eq!(code, 0, "{stderr}");
}

/// The window's export page refuses the data folder too, with a message in the window's language.
#[test]
fn the_export_job_refuses_the_data_folder() {
    use kynangso::i18n::{I18n, Lang};
    use kynangso::trainer::transfer::{ExportFailure, ExportJob};
    let pc = tempfile::tempdir().unwrap();
    seed(pc.path());
    let catalog = kynangso::content::embedded().unwrap();
    let (records, _) = Records::open(pc.path(), &catalog, kynangso::learning::now).unwrap();
    let job = ExportJob::new(
        kynangso::export::Format::Csv,
        records.progress(),
        kynangso::export::JournalEvents(pc.path().to_path_buf()),
        &catalog,
        records.device(),
        kynangso::learning::now(),
        "",
    );
    let journal = pc.path().join("journal.jsonl");
    let before = std::fs::read(&journal).unwrap();
    let t = I18n::new(Lang::En);
    let failure = job.write(&t, &journal, pc.path(), &mut |_, _| {}).unwrap_err();
    assert!(matches!(failure, ExportFailure::InDataFolder), "{failure}");
    let message = failure.render(&t, &journal);
    assert!(
        message.contains("data folder") && message.contains("Nothing was changed"),
        "{message}"
    );
    assert_eq!(std::fs::read(&journal).unwrap(), before);
}

/// Issue 9, defect 8: the temp file was `<name>.tmp` (a user's own `roster.tmp` was deleted), the new file
/// did not keep the old one's permissions, and a link was replaced by a plain file.
#[test]
fn exports_use_their_own_temp_files_and_respect_the_target() {
    let pc = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    seed(pc.path());
    let own = out.path().join("roster.tmp");
    std::fs::write(&own, "the trainer's own notes").unwrap();
    let roster = out.path().join("roster.csv");
    assert_eq!(export_to(pc.path(), "csv", &roster).0, 0);
    assert_eq!(std::fs::read_to_string(&own).unwrap(), "the trainer's own notes");
    assert_eq!(export_to(pc.path(), "pdf", &out.path().join("roster.pdf")).0, 0);
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["roster.csv", "roster.pdf", "roster.tmp"],
        "no temp file is left"
    );
    // A folder as the target: refused with a message, nothing left behind.
    let (code, _, stderr) = export_to(pc.path(), "csv", out.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("là một thư mục"), "{stderr}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 3);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&roster, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(export_to(pc.path(), "csv", &roster).0, 0);
        let mode = std::fs::metadata(&roster).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the existing file's permissions are kept");

        let shared = tempfile::tempdir().unwrap();
        let real = shared.path().join("lop.csv");
        std::fs::write(&real, "old").unwrap();
        let link = out.path().join("lop.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(export_to(pc.path(), "csv", &link).0, 0);
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(&real).unwrap().contains("Nguyễn Văn An"));
    }
}

/// Issue 9, defect 9: `import` of a named pipe hung while holding the journal's lock.
#[cfg(unix)]
#[test]
fn import_of_a_named_pipe_neither_hangs_nor_locks() {
    let pc = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    seed(pc.path());
    let fifo = dir.path().join("pc3.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let journal = std::fs::read(pc.path().join("journal.jsonl")).unwrap();
    let (code, _, stderr) = import_into(pc.path(), &[&fifo]);
    assert_eq!(code, 1);
    assert!(stderr.contains("không phải là một tệp thông thường"), "{stderr}");
    assert!(stderr.contains("Không có gì bị thay đổi"), "{stderr}");
    assert_eq!(std::fs::read(pc.path().join("journal.jsonl")).unwrap(), journal);
}

/// Issue 9, defect 9: `import /dev/zero` read until memory ran out.
#[cfg(unix)]
#[test]
fn import_of_a_device_is_refused_at_once() {
    let pc = tempfile::tempdir().unwrap();
    seed(pc.path());
    let (code, _, stderr) = import_into(pc.path(), &[Path::new("/dev/zero")]);
    assert_eq!(code, 1);
    assert!(stderr.contains("không phải là một tệp thông thường"), "{stderr}");
}

/// Issue 9, defect 9: `check-content` hung on a pipe named as the quiz and on folder links that loop, and
/// read files outside the folder.
#[cfg(unix)]
#[test]
fn check_content_never_hangs_on_a_pipe() {
    let lessons = tempfile::tempdir().unwrap();
    let module = lessons.path().join("01-thu");
    std::fs::create_dir(&module).unwrap();
    std::fs::write(
        module.join("module.json"),
        r#"{"id": "thu", "order": 1, "title": "T", "summary": "S", "estimated_minutes": 5, "quiz_draw": 1,
  "lessons": [{"id": "mot", "title": "Bài một", "file": "../../../../../../../etc/hostname", "minutes": 3}],
  "quiz": "quiz.json"}"#,
    )
    .unwrap();
    // Folder links that loop: walking them must end.
    std::os::unix::fs::symlink(".", lessons.path().join("vong")).unwrap();
    std::os::unix::fs::symlink("..", module.join("len")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(module.join("quiz.json"))
            .status()
            .unwrap()
            .success()
    );
    let (code, _, stderr) = kns_within(
        30,
        &["check-content", lessons.path().to_str().unwrap(), "--lang", "en"],
        "vi_VN.UTF-8",
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("not an ordinary file"), "{stderr}");
    assert!(stderr.contains("outside the lesson folder"), "{stderr}");
}

/// A PC with records, and a folder holding its exchange file `pc.json`.
fn seeded_pc_and_its_export() -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let pc = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    seed(pc.path());
    let json = out.path().join("pc.json");
    assert_eq!(export_to(pc.path(), "json", &json).0, 0);
    (pc, out, json)
}

/// Issue 9, defect 10: a mistyped `--data-dir` exported an empty file with success, or quietly made a new
/// data folder on import.
#[test]
fn a_mistyped_data_folder_is_refused() {
    let (_pc, out, json) = seeded_pc_and_its_export();
    let typo = out.path().join("kynangso-dta");
    let csv = out.path().join("roster.csv");
    let (code, _, stderr) = export_to(&typo, "csv", &csv);
    assert_eq!(code, 1);
    assert!(stderr.contains("Không tìm thấy dữ liệu học tập"), "{stderr}");
    assert!(!csv.exists() && !typo.exists());
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        export_to(empty.path(), "csv", &csv).0,
        1,
        "a folder without records"
    );
    assert!(!csv.exists());

    let (code, _, stderr) = import_into(&typo, &[&json]);
    assert_eq!(code, 1);
    assert!(stderr.contains("Không có thư mục"), "{stderr}");
    assert!(!typo.exists(), "no new data folder is made");
    let documents = tempfile::tempdir().unwrap();
    std::fs::write(documents.path().join("letter.docx"), "x").unwrap();
    let (code, _, stderr) = import_into(documents.path(), &[&json]);
    assert_eq!(code, 1);
    assert!(stderr.contains("không phải thư mục dữ liệu"), "{stderr}");
    assert!(!documents.path().join("journal.jsonl").exists());
    // An empty folder is where a trainer starts gathering a district's records.
    let (code, stdout, stderr) = import_into(empty.path(), &[&json]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("imported 2"), "{stdout}");
}

/// Issue 9, defect 10: the command line never told of journal repairs, and said "nothing was changed"
/// after it had moved a torn last line aside.
#[test]
fn journal_repairs_are_reported_and_refusals_change_nothing() {
    let (pc, out, json) = seeded_pc_and_its_export();
    let journal_path = pc.path().join("journal.jsonl");
    let mut torn = std::fs::read(&journal_path).unwrap();
    torn.extend_from_slice(br#"{"id":"5b1e0c1a-"#);
    std::fs::write(&journal_path, &torn).unwrap();

    let (code, _, stderr) = export_to(pc.path(), "csv", &out.path().join("a.csv"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("không được xuất"), "{stderr}");

    let bad = out.path().join("hong.json");
    std::fs::write(&bad, "not json").unwrap();
    let (code, _, stderr) = import_into(pc.path(), &[&bad]);
    assert_eq!(code, 1);
    assert!(stderr.contains("Không có gì bị thay đổi"), "{stderr}");
    assert_eq!(
        std::fs::read(&journal_path).unwrap(),
        torn,
        "nothing was changed, truly"
    );

    let (code, _, stderr) = import_into(pc.path(), &[&bad, &json]);
    assert_eq!(code, 1, "one file was refused");
    assert!(stderr.contains("cất riêng vào tệp"), "{stderr}");
    assert!(stderr.contains("Không có bản ghi nào từ tệp này"), "{stderr}");
    assert!(!stderr.contains("Không có gì bị thay đổi"), "{stderr}");
}

/// Issue 9, defect 10: technical log lines (`[ERROR …]`) reached users on the terminal, and messages
/// follow `--lang en`.
#[test]
fn errors_are_plain_sentences_in_the_chosen_language() {
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("gone.json");
    let empty = tempfile::tempdir().unwrap();
    let (code, _, stderr) = kns_within(
        60,
        &[
            "import",
            missing.to_str().unwrap(),
            "--data-dir",
            empty.path().to_str().unwrap(),
            "--lang",
            "en",
        ],
        "vi_VN.UTF-8",
    );
    assert_eq!(code, 1);
    assert!(
        !stderr.contains("ERROR") && !stderr.contains("import "),
        "{stderr}"
    );
    assert_eq!(
        stderr.trim(),
        "The file gone.json could not be read. Nothing was changed."
            .replace("gone.json", &missing.display().to_string())
    );
}
