//! Training classes in the records: the fold of class events (latest field wins, deterministic ties,
//! merges followed, unknown classes listed), the Records API the trainer area uses, the PC's class, and
//! pasted name lists.

use chrono::{DateTime, Duration, FixedOffset};
use kynangso::class::paste::{self, PasteError};
use kynangso::class::{self, ClassError, ClassForm, FindError};
use kynangso::learning::{NewLearner, Records};
use kynangso::records::{Event, EventKind, fold};
use uuid::Uuid;

const CLASS: Uuid = Uuid::from_u128(0xC1A55);
const DEVICE: Uuid = Uuid::from_u128(0xD);

fn at(minute: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T08:00:00.000+07:00").unwrap() + Duration::minutes(minute)
}

fn event(id: u128, minute: i64, learner: Uuid, kind: EventKind) -> Event {
    Event::with_id(Uuid::from_u128(id), learner, DEVICE, at(minute), kind)
}

fn created(id: u128, minute: i64, name: &str) -> Event {
    event(
        id,
        minute,
        Uuid::nil(),
        EventKind::ClassCreated {
            class: CLASS,
            name: name.into(),
            unit: Some("Xã Yên Khánh".into()),
            starts: "2026-12-01".into(),
            ends: None,
            trainer: Some("Cô Lan".into()),
        },
    )
}

fn renamed(id: u128, minute: i64, name: &str) -> Event {
    event(
        id,
        minute,
        Uuid::nil(),
        EventKind::ClassUpdated {
            class: CLASS,
            name: Some(name.into()),
            unit: None,
            starts: None,
            ends: None,
            trainer: None,
        },
    )
}

fn learner(id: u128, minute: i64, who: Uuid, name: &str) -> Event {
    event(
        id,
        minute,
        who,
        EventKind::LearnerCreated {
            name: name.into(),
            unit: None,
            position: None,
        },
    )
}

fn joined(id: u128, minute: i64, who: Uuid) -> Event {
    event(id, minute, who, EventKind::ClassJoined { class: CLASS })
}

fn left(id: u128, minute: i64, who: Uuid) -> Event {
    event(id, minute, who, EventKind::ClassLeft { class: CLASS })
}

/// Every rotation and the reverse of `events`: the fold must not depend on the order.
fn orders(events: &[Event]) -> Vec<Vec<Event>> {
    let mut all = Vec::new();
    for r in 0..events.len() {
        let mut v = events.to_vec();
        v.rotate_left(r);
        all.push(v.clone());
        v.reverse();
        all.push(v);
    }
    all
}

#[test]
fn the_latest_rename_wins_and_a_tie_is_broken_by_event_id_in_any_order() {
    let events = [
        created(1, 0, "Lớp A"),
        renamed(3, 10, "Lớp B (máy 2)"),
        renamed(2, 10, "Lớp B (máy 1)"),
        renamed(4, 5, "Lớp cũ"),
        event(
            5,
            6,
            Uuid::nil(),
            EventKind::ClassUpdated {
                class: CLASS,
                name: None,
                unit: None,
                starts: Some("01/12/2026".into()),
                ends: Some("2026-12-05".into()),
                trainer: Some("".into()),
            },
        ),
    ];
    for order in orders(&events) {
        let progress = fold(&order, &[]);
        let classes = progress.classes();
        assert_eq!(classes.len(), 1);
        let c = &classes[0];
        // Minute 10 twice: the event whose id sorts last (3) wins on every PC.
        assert_eq!(c.name, "Lớp B (máy 2)");
        assert_eq!(c.unit, "Xã Yên Khánh");
        assert_eq!(c.trainer, "", "an empty trainer clears it");
        assert_eq!(
            c.starts.unwrap().to_string(),
            "2026-12-01",
            "a malformed date is ignored"
        );
        assert_eq!(c.ends.unwrap().to_string(), "2026-12-05");
        assert!(c.is_known());
        // Class events are about the nil learner, who is nobody.
        assert!(progress.learners().is_empty(), "{:?}", progress.learners());
    }
}

#[test]
fn members_follow_the_latest_join_or_leave_and_merges() {
    let (a, b, c, d) = (
        Uuid::from_u128(0xA),
        Uuid::from_u128(0xB),
        Uuid::from_u128(0xC),
        Uuid::from_u128(0xD0),
    );
    let events = vec![
        created(1, 0, "Lớp A"),
        learner(10, 1, a, "Nguyễn Văn An"),
        learner(11, 1, b, "Nguyễn Văn An (máy 2)"),
        learner(12, 1, c, "Trần Thị Bình"),
        learner(13, 1, d, "Lê Văn Cường"),
        joined(20, 2, a),
        joined(21, 2, c),
        joined(22, 2, d),
        left(23, 3, c),
        joined(24, 4, c),
        left(25, 5, d),
        // a is merged into b: a's join counts for b.
        event(30, 6, a, EventKind::LearnerMerged { into: b }),
    ];
    for order in orders(&events) {
        let progress = fold(&order, &[]);
        let class = progress.class(CLASS).unwrap();
        assert_eq!(class.members, vec![b, c], "in roster order");
        assert_eq!(
            progress.classes_of(a).len(),
            1,
            "a merged id finds its profile's classes"
        );
        assert!(progress.classes_of(d).is_empty());
    }
    // A deleted learner is not listed; restoring brings them back.
    let mut deleted = events.clone();
    deleted.push(event(40, 7, c, EventKind::LearnerDeleted));
    assert_eq!(fold(&deleted, &[]).class(CLASS).unwrap().members, vec![b]);
    deleted.push(event(41, 8, c, EventKind::LearnerRestored));
    assert_eq!(fold(&deleted, &[]).class(CLASS).unwrap().members, vec![b, c]);
}

#[test]
fn a_join_to_a_class_nobody_created_is_kept_with_its_members() {
    let a = Uuid::from_u128(0xA);
    let other = Uuid::from_u128(0x0DD);
    let events = vec![
        learner(10, 1, a, "Phạm Gia Bảo"),
        joined(20, 2, a),
        event(21, 3, a, EventKind::ClassLeft { class: other }),
    ];
    let progress = fold(&events, &[]);
    assert_eq!(progress.classes().len(), 2);
    let unknown = progress.class(CLASS).unwrap();
    assert!(!unknown.is_known());
    assert_eq!(unknown.name, "");
    assert_eq!(unknown.members, vec![a]);
    assert!(progress.class(other).unwrap().members.is_empty());
    // The creation arrives later (an import): the same class gets its name.
    let mut later = events.clone();
    later.push(created(1, 0, "Lớp A"));
    let class = fold(&later, &[]).class(CLASS).cloned().unwrap();
    assert_eq!((class.name.as_str(), class.members), ("Lớp A", vec![a]));
}

#[test]
fn class_text_from_a_file_is_cleaned_and_nfc() {
    let mut e = created(1, 0, "Lớp\u{0}  A\tđặc\u{1b}biệt");
    // An NFD name from a file, read as any event is.
    e.raw.insert("trainer".into(), "Co\u{302} Lan".into());
    let e = Event::parse_line(&e.to_line()).unwrap();
    let progress = fold(&[e], &[]);
    let c = &progress.classes()[0];
    assert_eq!(c.name, "Lớp A đặcbiệt");
    assert_eq!(c.trainer, "Cô Lan");
}

#[test]
fn a_class_is_found_by_id_or_exact_name() {
    let mut events = vec![created(1, 0, "Lớp A")];
    let progress = fold(&events, &[]);
    assert_eq!(class::find(&progress, "Lớp A").unwrap().id, CLASS);
    assert_eq!(class::find(&progress, &CLASS.to_string()).unwrap().id, CLASS);
    assert_eq!(class::find(&progress, "lop a"), Err(FindError::NotFound));
    assert_eq!(
        class::find(&progress, &Uuid::from_u128(9).to_string()),
        Err(FindError::NotFound)
    );
    let twin = Uuid::from_u128(0x7);
    events.push(event(
        2,
        1,
        Uuid::nil(),
        EventKind::ClassCreated {
            class: twin,
            name: "Lớp A".into(),
            unit: None,
            starts: "2026-11-01".into(),
            ends: None,
            trainer: None,
        },
    ));
    let progress = fold(&events, &[]);
    assert!(matches!(class::find(&progress, "Lớp A"), Err(FindError::Ambiguous(ids)) if ids.len() == 2));
}

fn clock() -> DateTime<FixedOffset> {
    at(0)
}

fn open(dir: &std::path::Path) -> Records {
    Records::open(dir, &kynangso::content::Catalog::default(), clock)
        .unwrap()
        .0
}

#[test]
fn the_trainer_creates_edits_fills_and_empties_a_class() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = open(dir.path());
    let form = ClassForm::parse(" Lớp  Yên Khánh ", "Xã Yên Khánh", "01/12/2026", "5/12/2026", "").unwrap();
    let class = records.create_class(&form).unwrap();
    let c = records.progress().class(class).unwrap();
    assert_eq!(
        (c.name.as_str(), c.unit.as_str()),
        ("Lớp Yên Khánh", "Xã Yên Khánh")
    );
    assert_eq!(c.ends.unwrap().to_string(), "2026-12-05");

    // Only what changed is recorded.
    assert!(!records.update_class(class, &form).unwrap());
    let edit = ClassForm {
        trainer: "Cô Lan".into(),
        ends: None,
        ..form.clone()
    };
    assert!(records.update_class(class, &edit).unwrap());
    let events = records.read_events().unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.kind_name(), "class_updated");
    assert_eq!(last.raw.get("name"), None);
    assert_eq!(last.raw.get("trainer").unwrap(), "Cô Lan");
    assert_eq!(last.raw.get("ends").unwrap(), "");
    assert_eq!(last.learner, Uuid::nil());
    let c = records.progress().class(class).unwrap();
    assert_eq!((c.trainer.as_str(), c.ends), ("Cô Lan", None));

    let a = records
        .add_learner(NewLearner::parse("Nguyễn Văn An", "", "").unwrap())
        .unwrap();
    let b = records
        .add_learner(NewLearner::parse("Trần Thị Bình", "", "").unwrap())
        .unwrap();
    assert_eq!(
        records.join_class(class, &[a, b, a, Uuid::from_u128(5)]).unwrap(),
        2
    );
    assert_eq!(records.join_class(class, &[a]).unwrap(), 0, "already in");
    let pasted = records
        .add_learners_to_class(class, vec![NewLearner::parse("Lò Thị Mai", "", "").unwrap()])
        .unwrap();
    assert_eq!(
        records.progress().class(class).unwrap().members,
        vec![a, b, pasted[0]]
    );
    assert_eq!(records.leave_class(class, &[b, b]).unwrap(), 1);
    assert_eq!(
        records.progress().class(class).unwrap().members,
        vec![a, pasted[0]]
    );
    // Reopened: the same from the journal.
    drop(records);
    let records = open(dir.path());
    assert_eq!(
        records.progress().class(class).unwrap().members,
        vec![a, pasted[0]]
    );
}

#[test]
fn a_learner_added_on_a_pc_in_a_class_joins_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = open(dir.path());
    let a = records
        .add_learner(NewLearner::parse("Ngoài lớp", "", "").unwrap())
        .unwrap();
    records.pc_class = Some(CLASS);
    let b = records
        .add_learner(NewLearner::parse("Trong lớp", "", "").unwrap())
        .unwrap();
    let class = records.progress().class(CLASS).unwrap();
    assert_eq!(class.members, vec![b]);
    assert!(records.progress().classes_of(a).is_empty());

    // The setting is kept with the PC's settings.
    let settings = kynangso::settings::Settings {
        pc_class: Some(CLASS),
        ..Default::default()
    };
    settings.save(dir.path()).unwrap();
    assert_eq!(
        kynangso::settings::Settings::load(dir.path()).pc_class,
        Some(CLASS)
    );
    drop(records);
    // The app hands the setting to the records it opens.
    let app = kynangso::app::App::with_clock(crate::common::catalog(), dir.path().to_path_buf(), clock);
    assert_eq!(app.records.as_ref().unwrap().pc_class, Some(CLASS));
}

#[test]
fn class_forms_are_checked() {
    let ok = |s: &str, e: &str| ClassForm::parse("Lớp", "", s, e, "");
    assert_eq!(ok("2026-12-01", "").unwrap().starts.to_string(), "2026-12-01");
    assert_eq!(ok("1/12/2026", "").unwrap().starts.to_string(), "2026-12-01");
    assert_eq!(ok("", ""), Err(ClassError::NoStart));
    assert_eq!(ok("31/02/2026", ""), Err(ClassError::BadDate));
    assert_eq!(ok("01/12/26", ""), Err(ClassError::BadDate));
    assert_eq!(ok("02/12/2026", "01/12/2026"), Err(ClassError::EndsBeforeStart));
    assert_eq!(
        ClassForm::parse(" \u{7} ", "", "1/1/2026", "", ""),
        Err(ClassError::EmptyName)
    );
    assert_eq!(
        ClassForm::parse(&"x".repeat(101), "", "1/1/2026", "", ""),
        Err(ClassError::TooLong)
    );
}

#[test]
fn a_pasted_list_is_cleaned_and_matched_ignoring_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = open(dir.path());
    let an = records
        .add_learner(NewLearner::parse("Nguyễn Văn An", "", "").unwrap())
        .unwrap();
    let pasted = "  nguyen van AN \r\n\r\n\tTrần\u{0} Thị\u{1b} Bình\nTran thi binh\n   \nNguye\u{302}\u{303}n Văn An\n"
        .to_owned()
        + &"y".repeat(150);
    let lines = paste::read(&pasted, records.progress()).unwrap();
    let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "nguyen van AN",
            "Trần Thị Bình",
            "Tran thi binh",
            "Nguyễn Văn An",
            &"y".repeat(150)
        ]
    );
    assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [1, 3, 4, 6, 7]);
    assert_eq!(lines[0].same_name, vec![an]);
    assert_eq!(lines[3].same_name, vec![an]);
    assert!(lines[1].same_name.is_empty());
    assert_eq!(
        lines.iter().map(|l| l.repeats).collect::<Vec<_>>(),
        [None, None, Some(1), Some(0), None]
    );
    assert!(lines[4].problem.is_some() && lines[4].new_learner("").is_none());
    assert!(lines[1].new_learner("Xã A").is_some());

    assert_eq!(paste::read(" \n\t\n", records.progress()), Err(PasteError::Empty));
    assert_eq!(paste::read("", records.progress()), Err(PasteError::Empty));
    let big: String = (0..5_000).map(|i| format!("Học viên {i}\n")).collect();
    assert_eq!(
        paste::read(&big, records.progress()),
        Err(PasteError::TooMany { lines: 5_000 })
    );
    let most: String = (0..paste::MAX_LINES).map(|i| format!("Học viên {i}\n")).collect();
    assert_eq!(
        paste::read(&most, records.progress()).unwrap().len(),
        paste::MAX_LINES
    );
}
