//! Imported records are checked for sense: a pass must agree with the score and the module's pass
//! mark, a learner with no name gets no certificate, and no name from a file can break an export or
//! reach it with control characters.

use chrono::{DateTime, FixedOffset};
use kynangso::export::csv::to_csv;
use kynangso::export::pdf::{certificates, nameless_completed};
use kynangso::export::xlsx::to_xlsx;
use kynangso::i18n::{I18n, Lang};
use kynangso::records::{Event, EventKind, ModuleSpec, Status, fold, roster};
use uuid::Uuid;

fn at(minute: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:00:00.000+07:00").unwrap() + chrono::Duration::minutes(minute)
}

fn spec() -> ModuleSpec {
    ModuleSpec {
        id: "m".into(),
        title: "Học phần".into(),
        lessons: vec!["l".into()],
        required_simulations: vec![],
        pass_mark: 80,
        version: 1,
    }
}

fn ev(learner: Uuid, minute: i64, kind: EventKind) -> Event {
    Event::new(learner, Uuid::from_u128(9), at(minute), kind)
}

fn created(learner: Uuid, name: &str) -> Event {
    ev(
        learner,
        0,
        EventKind::LearnerCreated {
            name: name.into(),
            unit: Some("Xã A".into()),
            position: None,
        },
    )
}

fn viewed(learner: Uuid) -> Event {
    ev(
        learner,
        1,
        EventKind::LessonViewed {
            module: "m".into(),
            lesson: "l".into(),
        },
    )
}

fn attempt(learner: Uuid, score: u32, max: u32, passed: bool) -> Event {
    ev(
        learner,
        2,
        EventKind::QuizAttempted {
            module: "m".into(),
            score,
            max,
            passed,
            duration_s: 60,
            answers: vec![],
        },
    )
}

#[test]
fn a_claimed_pass_counts_only_when_the_score_agrees() {
    let cases = [
        (0, 10, true, false),
        (7, 10, true, false),
        (8, 10, true, true),
        (11, 10, true, false),
        (0, 0, true, false),
        (10, 10, false, false),
    ];
    for (score, max, claimed, counts) in cases {
        let learner = Uuid::new_v4();
        let events = [
            created(learner, "An"),
            viewed(learner),
            attempt(learner, score, max, claimed),
        ];
        let progress = fold(&events, &[spec()]);
        let module = &progress.progress(learner)[0];
        assert_eq!(module.quiz_passed(), counts, "{score}/{max} passed={claimed}");
        assert_eq!(module.completed(), counts, "{score}/{max} passed={claimed}");
    }
}

#[test]
fn a_learner_without_a_name_gets_no_certificate_and_is_counted() {
    let (named, nameless) = (Uuid::new_v4(), Uuid::new_v4());
    let events = [
        created(named, "Đỗ Thị Lan"),
        viewed(named),
        attempt(named, 10, 10, true),
        viewed(nameless),
        attempt(nameless, 10, 10, true),
    ];
    let progress = fold(&events, &[spec()]);
    let rows = roster(&progress);
    assert_eq!(rows.iter().filter(|r| r.status == Status::Completed).count(), 2);
    let certs = certificates(&rows, &events);
    assert_eq!(
        certs.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Đỗ Thị Lan"]
    );
    assert_eq!(nameless_completed(&rows), 1);
}

#[test]
fn an_overlong_name_with_control_characters_cannot_break_an_export() {
    let learner = Uuid::new_v4();
    let name = format!("Lò\u{0}Văn\u{1b}[2J Páo {}", "A".repeat(40_000));
    let events = [created(learner, &name)];
    let progress = fold(&events, &[spec()]);
    let stored = &progress.learner(learner).unwrap().name;
    assert!(
        stored.chars().count() <= kynangso::text::MAX_FIELD,
        "{}",
        stored.len()
    );
    assert!(stored.starts_with("LòVăn[2J Páo A"), "{stored}");

    let rows = roster(&progress);
    let t = I18n::new(Lang::Vi);
    let csv = to_csv(&rows, &t, &mut |_, _| {}).unwrap();
    assert!(
        !csv.contains(&0) && !csv.contains(&0x1b),
        "control characters reach the CSV"
    );
    let xlsx = to_xlsx(&rows, &t, &mut |_, _| {});
    assert!(xlsx.is_ok(), "{xlsx:?}");
}
