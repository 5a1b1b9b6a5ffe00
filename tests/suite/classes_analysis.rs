//! The class dashboard's numbers against a hand count on a crafted journal: the grid, "needs help", the
//! score histogram, and the question analysis (facility, most chosen wrong answer, hardest first).

use chrono::{DateTime, Duration, FixedOffset};
use kynangso::class::analysis::{self, CellStatus, HelpReason, SortBy};
use kynangso::class::questions::{self, Said};
use kynangso::records::{AnswerRecord, Chosen, Event, EventKind, ModuleSpec, fold};
use uuid::Uuid;

pub const CLASS: Uuid = Uuid::from_u128(0xC1A55);
const DEVICE: Uuid = Uuid::from_u128(0xD);
pub const A: Uuid = Uuid::from_u128(0xA);
pub const B: Uuid = Uuid::from_u128(0xB);
pub const C: Uuid = Uuid::from_u128(0xC);
pub const D: Uuid = Uuid::from_u128(0xD0);
pub const E: Uuid = Uuid::from_u128(0xE);

fn at(minute: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T08:00:00.000+07:00").unwrap() + Duration::minutes(minute)
}

/// `(question, chosen indexes or pairs, right)`.
type Given<'a> = &'a [(&'a str, Chosen, bool)];

fn ix(i: &[u32]) -> Chosen {
    Chosen::Indexes(i.to_vec())
}

/// The crafted journal (see the hand count in the tests below).
pub fn journal() -> Vec<Event> {
    let mut events = Vec::new();
    let mut n = 0u128;
    let mut push = |learner: Uuid, kind: EventKind, version: Option<u32>| {
        n += 1;
        let e = Event::with_id(Uuid::from_u128(n), learner, DEVICE, at(n as i64), kind);
        events.push(match version {
            Some(v) => e.with_version(v),
            None => e,
        });
    };
    push(
        Uuid::nil(),
        EventKind::ClassCreated {
            class: CLASS,
            name: "Lớp Yên Khánh".into(),
            unit: Some("Xã Yên Khánh".into()),
            starts: "2026-12-01".into(),
            ends: Some("2026-12-03".into()),
            trainer: Some("Nguyễn Thị Lan".into()),
        },
        None,
    );
    for (who, name) in [
        (A, "Nguyễn Văn An"),
        (B, "Trần Thị Bình"),
        (C, "Lê Văn Cường"),
        (D, "Đỗ Thị Dung"),
        (E, "Phạm Gia Bảo"),
    ] {
        let created = EventKind::LearnerCreated {
            name: name.into(),
            unit: None,
            position: None,
        };
        push(who, created, None);
        if who != D {
            push(who, EventKind::ClassJoined { class: CLASS }, None);
        }
    }
    let mut quiz = |who: Uuid, given: Given<'_>, version: u32| {
        let answers: Vec<AnswerRecord> = given
            .iter()
            .map(|(q, chosen, correct)| AnswerRecord {
                question: (*q).into(),
                correct: *correct,
                chosen: Some(chosen.clone()),
            })
            .collect();
        let score = answers.iter().filter(|a| a.correct).count() as u32;
        let max = answers.len() as u32;
        let kind = EventKind::QuizAttempted {
            module: "bao-cao".into(),
            score,
            max,
            passed: score * 100 >= 80 * max,
            duration_s: 60,
            answers,
        };
        push(who, kind, Some(version));
    };
    let (nd09, loai, thong_ke, khong) = (
        "hieu-luc-nd09",
        "ba-loai-bao-cao",
        "bao-cao-thong-ke",
        "khong-thuoc-nd09",
    );
    quiz(
        A,
        &[
            (nd09, ix(&[0]), false),
            (loai, ix(&[0]), true),
            (thong_ke, ix(&[0]), false),
        ],
        1,
    );
    quiz(
        A,
        &[
            (nd09, ix(&[1]), true),
            (loai, ix(&[2]), false),
            (khong, ix(&[0, 1]), false),
        ],
        1,
    );
    quiz(
        B,
        &[
            (nd09, ix(&[0]), false),
            (loai, ix(&[0]), true),
            (thong_ke, ix(&[1]), true),
        ],
        1,
    );
    quiz(
        B,
        &[
            (nd09, ix(&[1]), true),
            (loai, ix(&[0]), true),
            (thong_ke, ix(&[1]), true),
        ],
        1,
    );
    quiz(
        C,
        &[
            (nd09, ix(&[3]), false),
            (thong_ke, ix(&[0]), false),
            (khong, ix(&[0, 1, 2]), true),
        ],
        1,
    );
    // Another version's options may differ: counted, but not for the most chosen wrong answer.
    quiz(C, &[(nd09, ix(&[3]), false)], 99);
    // Not in the class: not counted.
    quiz(D, &[(nd09, ix(&[2]), false), (loai, ix(&[3]), false)], 1);
    // A's completion of another module, recorded.
    push(
        A,
        EventKind::ModuleCompleted {
            module: "khai-sinh".into(),
        },
        Some(1),
    );
    events
}

#[test]
fn the_grid_help_list_and_histogram_match_a_hand_count() {
    let catalog = kynangso::content::embedded().unwrap();
    let progress = fold(&journal(), &ModuleSpec::from_catalog(&catalog));
    let class = progress.class(CLASS).unwrap();
    assert_eq!(class.members, vec![A, B, C, E]);
    let a = analysis::analyse(&progress, class);
    let bao_cao = a.modules.iter().position(|m| m.id == "bao-cao").unwrap();
    let khai_sinh = a.modules.iter().position(|m| m.id == "khai-sinh").unwrap();

    let m = &a.modules[bao_cao];
    assert_eq!((m.completed, m.started, m.total), (0, 3, 4));
    let mut histogram = [0; 10];
    histogram[3] = 2; // A and C: best 1/3 = 33 %
    histogram[9] = 1; // B: 3/3
    assert_eq!(m.histogram, histogram);
    let k = &a.modules[khai_sinh];
    assert_eq!(
        (k.completed, k.started, k.total, k.completed_percent()),
        (1, 1, 4, 25)
    );

    let row = |who: Uuid| a.rows.iter().find(|r| r.learner == who).unwrap();
    let b = &row(B).cells[bao_cao];
    assert_eq!(
        (b.status, b.best_percent, b.attempts, b.failed),
        (CellStatus::QuizPassed, Some(100), 2, 1)
    );
    let ca = &row(A).cells[bao_cao];
    assert_eq!(
        (ca.status, ca.best_percent, ca.attempts, ca.failed),
        (CellStatus::InProgress, Some(33), 2, 2)
    );
    assert_eq!(row(A).cells[khai_sinh].status, CellStatus::Completed);
    assert_eq!(row(A).cells[khai_sinh].completed_version, Some(1));
    assert_eq!(row(A).completed(), 1);

    assert_eq!(
        row(A).help,
        vec![HelpReason::FailedQuiz {
            module: bao_cao,
            fails: 2
        }]
    );
    assert!(row(B).help.is_empty(), "failed once, then passed");
    assert_eq!(
        row(C).help,
        vec![HelpReason::FailedQuiz {
            module: bao_cao,
            fails: 2
        }]
    );
    assert_eq!(row(E).help, vec![HelpReason::NotStarted]);
    assert_eq!(a.needing_help().count(), 3);

    let mut rows = a.rows.clone();
    analysis::sort_rows(&mut rows, SortBy::Name, false);
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Lê Văn Cường", "Nguyễn Văn An", "Phạm Gia Bảo", "Trần Thị Bình"]
    );
    analysis::sort_rows(&mut rows, SortBy::Module(bao_cao), false);
    assert_eq!(rows[0].learner, B);
    assert_eq!(rows[3].learner, E);
    analysis::sort_rows(&mut rows, SortBy::Completed, false);
    assert_eq!(rows[0].learner, A);
}

#[test]
fn the_question_analysis_matches_a_hand_count() {
    let catalog = kynangso::content::embedded().unwrap();
    let events = journal();
    let progress = fold(&events, &ModuleSpec::from_catalog(&catalog));
    let class = progress.class(CLASS).unwrap();
    let stats = questions::analyse(&progress, class, &events, &catalog).unwrap();
    let got: Vec<(&str, u32, u32, u32)> = stats
        .iter()
        .map(|s| (s.question.as_str(), s.answered, s.correct, s.facility_percent()))
        .collect();
    // hieu-luc-nd09: A✗ A✓ B✗ B✓ C✗ C(v99)✗ = 2/6; bao-cao-thong-ke: A✗ B✓ B✓ C✗ = 2/4;
    // khong-thuoc-nd09: A✗ C✓ = 1/2 (a tie at 50 %: the more answered first); ba-loai: A✓ A✗ B✓ B✓.
    assert_eq!(
        got,
        [
            ("hieu-luc-nd09", 6, 2, 33),
            ("bao-cao-thong-ke", 4, 2, 50),
            ("khong-thuoc-nd09", 2, 1, 50),
            ("ba-loai-bao-cao", 4, 3, 75),
        ]
    );
    let wrong = |i: usize| {
        stats[i]
            .most_wrong
            .as_ref()
            .map(|(said, n)| (said.text("Đúng", "Sai"), *n))
    };
    // [0] twice (A, B); [3] once from version 1 (C), once from version 99 (not counted).
    assert_eq!(wrong(0), Some(("24/01/2019".into(), 2)));
    assert_eq!(stats[0].right.text("Đúng", "Sai"), "12/03/2019");
    assert_eq!(wrong(1), Some(("Đúng".into(), 2)));
    assert_eq!(stats[1].right, Said::TrueFalse(false));
    assert_eq!(
        wrong(2),
        Some((
            "Báo cáo thống kê theo pháp luật về thống kê; Báo cáo mật theo pháp luật về bảo vệ bí mật nhà nước"
                .into(),
            1
        ))
    );
    assert_eq!(wrong(3).unwrap().1, 1);
    assert!(
        stats
            .iter()
            .all(|s| !s.explanation.is_empty() && !s.prompt.is_empty())
    );
    assert!(
        stats
            .iter()
            .all(|s| s.module_title == catalog.module("bao-cao").unwrap().meta.title)
    );
}

#[test]
fn chosen_answers_that_do_not_fit_the_question_are_not_named() {
    let catalog = kynangso::content::embedded().unwrap();
    let module = catalog.module("bao-cao").unwrap();
    let single = module.questions.iter().find(|q| q.id == "hieu-luc-nd09").unwrap();
    assert_eq!(Said::chosen(single, &ix(&[9])), None);
    assert_eq!(Said::chosen(single, &ix(&[0, 1])), None);
    assert_eq!(Said::chosen(single, &Chosen::Pairs(vec![[0, 0]])), None);
    let tf = module
        .questions
        .iter()
        .find(|q| q.id == "bao-cao-thong-ke")
        .unwrap();
    assert_eq!(Said::chosen(tf, &ix(&[1])), Some(Said::TrueFalse(false)));
    assert_eq!(Said::chosen(tf, &ix(&[2])), None);
}
