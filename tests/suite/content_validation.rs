//! Each content rule of design Part A has a fixture that breaks it, and each is reported with its file and
//! line. The fixtures start from one small valid module and change one thing.

use std::path::Path;

use kynangso::content::{DirSource, Issue, Problem, load};

pub(crate) const MODULE: &str = r#"{
  "id": "thu",
  "order": 1,
  "title": "Học phần thử",
  "summary": "Một học phần nhỏ để kiểm tra.",
  "estimated_minutes": 5,
  "quiz_draw": 2,
  "lessons": [
    { "id": "mot", "title": "Bài một", "file": "01-mot.md", "minutes": 3 }
  ],
  "quiz": "quiz.json"
}
"#;

pub(crate) const LESSON: &str = "## Mở đầu\n\nNội dung bài học.\n\n![Sơ đồ](so-do.svg)\n\n## Căn cứ pháp lý và nguồn\n\n- Nghị định 09/2019/NĐ-CP\n";

pub(crate) const QUIZ: &str = r#"{
  "questions": [
    { "id": "c1", "kind": "single", "prompt": "Câu một?", "options": ["A", "B"], "correct": 1, "explanation": "Vì B." },
    { "id": "c2", "kind": "multiple", "prompt": "Câu hai?", "options": ["A", "B", "C"], "correct": [0, 2], "explanation": "Vì A và C." },
    { "id": "c3", "kind": "true_false", "prompt": "Câu ba.", "answer": true, "explanation": "Đúng." },
    { "id": "c4", "kind": "ordering", "prompt": "Xếp.", "steps": ["một", "hai", "ba"], "explanation": "Theo thứ tự." },
    { "id": "c5", "kind": "matching", "prompt": "Nối.", "pairs": [{"left": "a", "right": "1"}, {"left": "b", "right": "2"}], "explanation": "Vì vậy." }
  ]
}
"#;

pub(crate) const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><text x="5" y="25" font-size="16">Sơ đồ</text></svg>"#;

fn fixture(change: impl FnOnce(&Path)) -> Result<kynangso::content::Catalog, Vec<Issue>> {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("01-thu");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("module.json"), MODULE).unwrap();
    std::fs::write(dir.join("01-mot.md"), LESSON).unwrap();
    std::fs::write(dir.join("quiz.json"), QUIZ).unwrap();
    std::fs::write(dir.join("so-do.svg"), SVG).unwrap();
    change(tmp.path());
    load(&DirSource::new(tmp.path()))
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("01-thu").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "fixture {file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The single issue a broken fixture gives.
fn only_issue(change: impl FnOnce(&Path)) -> Issue {
    let issues = fixture(change).expect_err("the fixture must be rejected");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    issues.into_iter().next().unwrap()
}

#[test]
fn valid_fixture_loads() {
    let catalog = fixture(|_| {}).unwrap();
    assert_eq!(catalog.counts(), (1, 1, 5, 0));
    assert_eq!(catalog.images.len(), 1);
}

#[test]
fn unknown_field_is_rejected_with_its_line() {
    let issue = only_issue(|r| {
        edit(
            r,
            "module.json",
            "\"order\": 1,",
            "\"order\": 1,\n  \"colour\": \"red\",",
        )
    });
    assert!(issue.file.ends_with("01-thu/module.json"));
    assert_eq!(issue.line, 4);
    assert!(
        matches!(&issue.problem, Problem::Json(d) if d.contains("colour")),
        "{issue:?}"
    );
}

#[test]
fn unknown_field_in_a_question_is_rejected() {
    let issue = only_issue(|r| {
        edit(
            r,
            "quiz.json",
            "\"answer\": true,",
            "\"answer\": true, \"hint\": \"x\",",
        )
    });
    assert!(
        matches!(&issue.problem, Problem::Json(d) if d.contains("hint")),
        "{issue:?}"
    );
    assert_eq!(issue.line, 5);
}

#[test]
fn broken_json_is_rejected_with_its_line() {
    let issue = only_issue(|r| edit(r, "quiz.json", "\"correct\": 1,", "\"correct\": 1"));
    assert!(matches!(issue.problem, Problem::Json(_)));
    assert_eq!(issue.line, 3);
}

#[test]
fn duplicate_question_id_is_rejected() {
    let issue = only_issue(|r| edit(r, "quiz.json", "\"id\": \"c2\"", "\"id\": \"c1\""));
    assert_eq!(issue.problem, Problem::DuplicateId("c1".into()));
}

#[test]
fn duplicate_lesson_id_is_rejected() {
    let issue = only_issue(|r| {
        edit(
            r,
            "module.json",
            "\"minutes\": 3 }",
            "\"minutes\": 3 },\n    { \"id\": \"mot\", \"title\": \"Bài hai\", \"file\": \"01-mot.md\", \"minutes\": 3 }",
        );
    });
    assert_eq!(issue.problem, Problem::DuplicateId("mot".into()));
    assert_eq!(issue.line, 9);
}

#[test]
fn duplicate_module_id_is_rejected() {
    let issues = fixture(|r| {
        let other = r.join("02-khac");
        std::fs::create_dir(&other).unwrap();
        for f in ["01-mot.md", "quiz.json", "so-do.svg"] {
            std::fs::copy(r.join("01-thu").join(f), other.join(f)).unwrap();
        }
        std::fs::write(
            other.join("module.json"),
            MODULE.replace("\"order\": 1", "\"order\": 2"),
        )
        .unwrap();
    })
    .unwrap_err();
    assert!(
        issues
            .iter()
            .any(|i| i.problem == Problem::DuplicateId("thu".into())),
        "{issues:#?}"
    );
}

#[test]
fn question_without_a_correct_answer_is_rejected() {
    let issue = only_issue(|r| edit(r, "quiz.json", "\"correct\": [0, 2]", "\"correct\": []"));
    assert_eq!(issue.problem, Problem::NoCorrectAnswer("c2".into()));
    assert_eq!(issue.line, 4);
}

#[test]
fn correct_index_outside_the_options_is_rejected() {
    let issue = only_issue(|r| edit(r, "quiz.json", "\"correct\": 1,", "\"correct\": 2,"));
    assert_eq!(issue.problem, Problem::CorrectOutOfRange("c1".into()));
}

#[test]
fn missing_image_is_rejected_at_its_line() {
    let issue = only_issue(|r| std::fs::remove_file(r.join("01-thu/so-do.svg")).unwrap());
    assert_eq!(issue.problem, Problem::MissingImage("so-do.svg".into()));
    assert!(issue.file.ends_with("01-mot.md"));
    assert_eq!(issue.line, 5);
}

#[test]
fn text_not_in_nfc_is_rejected_at_its_line() {
    // "Bài" with a combining grave accent (NFD).
    let issue = only_issue(|r| edit(r, "01-mot.md", "Nội dung bài học.", "Nội dung ba\u{300}i học."));
    assert_eq!(issue.problem, Problem::NotNfc);
    assert_eq!(issue.line, 3);
}

#[test]
fn listed_lesson_that_is_missing_is_rejected() {
    let issue = only_issue(|r| std::fs::remove_file(r.join("01-thu/01-mot.md")).unwrap());
    assert_eq!(issue.problem, Problem::MissingFile("01-mot.md".into()));
    assert!(issue.file.ends_with("module.json"));
    assert_eq!(issue.line, 9);
}

#[test]
fn lesson_without_sources_section_is_rejected() {
    let issue = only_issue(|r| edit(r, "01-mot.md", "## Căn cứ pháp lý và nguồn", "## Nguồn"));
    assert_eq!(issue.problem, Problem::NoSourcesSection);
    assert_eq!(issue.line, 7);
}

#[test]
fn lesson_with_level_one_heading_is_rejected() {
    let issue = only_issue(|r| edit(r, "01-mot.md", "## Mở đầu", "# Mở đầu"));
    assert_eq!(issue.problem, Problem::LessonH1);
}

#[test]
fn image_that_is_not_svg_is_rejected() {
    let issue = only_issue(|r| edit(r, "01-mot.md", "so-do.svg", "anh.png"));
    assert_eq!(issue.problem, Problem::ImageNotSvg("anh.png".into()));
}

#[test]
fn drawing_more_questions_than_the_bank_has_is_rejected() {
    let issue = only_issue(|r| edit(r, "module.json", "\"quiz_draw\": 2", "\"quiz_draw\": 9"));
    assert_eq!(issue.problem, Problem::BadDraw { draw: 9, have: 5 });
}

#[test]
fn badly_named_folder_is_rejected() {
    let issues = fixture(|r| std::fs::rename(r.join("01-thu"), r.join("Thu")).unwrap()).unwrap_err();
    assert_eq!(issues[0].problem, Problem::BadFolderName);
}

#[test]
fn issues_render_as_path_line_message() {
    let issue = only_issue(|r| edit(r, "quiz.json", "\"correct\": 1,", "\"correct\": 2,"));
    let text = issue.render(&kynangso::i18n::I18n::new(kynangso::i18n::Lang::Vi));
    assert!(text.contains("01-thu/quiz.json:3: "), "{text}");
    assert!(text.contains("c1"), "{text}");
}

/// The issues of a broken fixture, or a failed test if loading does not finish within 20 seconds (a
/// loader that hangs must not hang the test run).
fn issues_within_20s(change: impl FnOnce(&Path) + Send + 'static) -> Vec<Issue> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(fixture(change).map(|_| ()));
    });
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading the lesson folder hangs")
        .expect_err("the fixture must be rejected")
}

/// Issue 9, defect 9: a lesson listed as `../../x` was read from outside the folder being checked.
#[test]
fn files_outside_the_lesson_folder_are_not_read() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("bi-mat.md"), LESSON).unwrap();
    let name = outside.path().file_name().unwrap().to_string_lossy().into_owned();
    let issues = issues_within_20s(move |r| {
        edit(r, "module.json", "01-mot.md", &format!("../../{name}/bi-mat.md"));
    });
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].problem, Problem::OutsideFolder("bi-mat.md".into()));
    assert!(issues[0].file.ends_with("module.json"));
    drop(outside);
}

/// Issue 9, defect 9: a link leading out of the folder is refused, and links that loop end.
#[cfg(unix)]
#[test]
fn links_out_of_the_folder_and_link_loops_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("bi-mat.md"), LESSON).unwrap();
    let secret = outside.path().join("bi-mat.md");
    let issues = issues_within_20s(move |r| {
        let dir = r.join("01-thu");
        std::fs::remove_file(dir.join("01-mot.md")).unwrap();
        std::os::unix::fs::symlink(&secret, dir.join("01-mot.md")).unwrap();
        std::fs::remove_file(dir.join("quiz.json")).unwrap();
        std::os::unix::fs::symlink("quiz.json", dir.join("quiz.json")).unwrap();
        // Folders that link back up: walking them must end.
        std::os::unix::fs::symlink("..", dir.join("len")).unwrap();
        std::os::unix::fs::symlink(".", r.join("vong")).unwrap();
    });
    let problems: Vec<_> = issues.iter().map(|i| i.problem.clone()).collect();
    assert!(
        problems.contains(&Problem::OutsideFolder("01-mot.md".into())),
        "{issues:#?}"
    );
    assert!(
        problems.contains(&Problem::Unreadable("quiz.json".into())),
        "{issues:#?}"
    );
    drop(outside);
}

/// Issue 9, defect 9: a named pipe as the quiz blocked `check-content` for ever.
#[cfg(unix)]
#[test]
fn a_pipe_named_as_the_quiz_is_refused_without_waiting() {
    let issues = issues_within_20s(|r| {
        let quiz = r.join("01-thu").join("quiz.json");
        std::fs::remove_file(&quiz).unwrap();
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&quiz)
                .status()
                .unwrap()
                .success()
        );
    });
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].problem, Problem::NotAFile("quiz.json".into()));
}

#[test]
fn a_module_icon_is_loaded_and_a_missing_one_is_rejected_at_its_line() {
    let with_icon = |r: &Path| {
        edit(
            r,
            "module.json",
            "\"estimated_minutes\"",
            "\"icon\": \"bieu-tuong.svg\",\n  \"estimated_minutes\"",
        );
    };
    let catalog = fixture(|r| {
        with_icon(r);
        std::fs::write(r.join("01-thu/bieu-tuong.svg"), SVG).unwrap();
    })
    .unwrap();
    assert_eq!(catalog.modules[0].meta.icon.as_deref(), Some("bieu-tuong.svg"));
    assert_eq!(catalog.images.len(), 2);

    let issue = only_issue(with_icon);
    assert_eq!(issue.problem, Problem::MissingImage("bieu-tuong.svg".into()));
    assert!(issue.file.ends_with("module.json"));
    assert!(issue.line > 1);
}

#[test]
fn trainer_notes_are_loaded_when_present_and_checked_like_a_lesson() {
    let catalog = fixture(|_| {}).unwrap();
    assert!(catalog.modules[0].trainer_notes.is_none());

    let notes = "## Kế hoạch buổi học\n\n1. Mở đầu (10 phút)\n\n![Sơ đồ](so-do.svg)\n";
    let catalog = fixture(|r| std::fs::write(r.join("01-thu/trainer.md"), notes).unwrap()).unwrap();
    let blocks = catalog.modules[0].trainer_notes.as_ref().unwrap();
    assert!(blocks.len() >= 3, "{blocks:#?}");

    let issue = only_issue(|r| {
        std::fs::write(
            r.join("01-thu/trainer.md"),
            "## Ghi chú\n\n![Ảnh](khong-co.svg)\n",
        )
        .unwrap()
    });
    assert_eq!(issue.problem, Problem::MissingImage("khong-co.svg".into()));
    assert!(issue.file.ends_with("trainer.md"));
    assert_eq!(issue.line, 3);

    let issue = only_issue(|r| {
        std::fs::write(r.join("01-thu/trainer.md"), "## Ghi chú\n\nBa\u{300}i một.\n").unwrap()
    });
    assert_eq!(issue.problem, Problem::NotNfc);
    assert!(issue.file.ends_with("trainer.md"));
    assert_eq!(issue.line, 3);
}
