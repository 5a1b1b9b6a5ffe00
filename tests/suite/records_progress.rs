//! The fold: completion rules, completion dates, merges (transitive, order-independent), deletion,
//! profile updates, the roster and "where to continue".

use chrono::{DateTime, Duration, FixedOffset};
use kynangso::records::event::{Event, EventKind};
use kynangso::records::progress::{ModuleSpec, fold, newly_completed};
use kynangso::records::resume::{Resume, resume};
use kynangso::records::roster::{RosterRow, Status, roster};
use kynangso::records::store::Journal;
use rand::SeedableRng as _;
use rand::seq::SliceRandom as _;
use uuid::Uuid;

fn specs() -> Vec<ModuleSpec> {
    vec![
        ModuleSpec {
            id: "khai-sinh".into(),
            title: "Đăng ký khai sinh".into(),
            lessons: vec!["l1".into(), "l2".into()],
            required_simulations: vec!["s1".into()],
            pass_mark: 80,
            version: 1,
        },
        ModuleSpec {
            id: "le-phi".into(),
            title: "Nộp lệ phí".into(),
            lessons: vec!["a".into()],
            required_simulations: vec![],
            pass_mark: 80,
            version: 1,
        },
    ]
}

const A: Uuid = Uuid::from_u128(0xA);
const B: Uuid = Uuid::from_u128(0xB);
const C: Uuid = Uuid::from_u128(0xC);
const DEVICE: Uuid = Uuid::from_u128(0xD);

/// Builds events with increasing times and ids.
struct Log {
    events: Vec<Event>,
}

impl Log {
    fn new() -> Log {
        Log { events: Vec::new() }
    }

    fn at(minute: usize) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-26T08:00:00.000+07:00").unwrap()
            + Duration::minutes(minute as i64)
    }

    /// Adds an event at minute = its position; returns that time.
    fn add(&mut self, learner: Uuid, kind: EventKind) -> DateTime<FixedOffset> {
        let n = self.events.len();
        let at = Log::at(n);
        self.events.push(Event::with_id(
            Uuid::from_u128(1000 + n as u128),
            learner,
            DEVICE,
            at,
            kind,
        ));
        at
    }

    fn create(&mut self, learner: Uuid, name: &str) {
        self.add(
            learner,
            EventKind::LearnerCreated {
                name: name.into(),
                unit: Some("Xã Tân Lập".into()),
                position: None,
            },
        );
    }

    fn view(&mut self, learner: Uuid, module: &str, lesson: &str) -> DateTime<FixedOffset> {
        self.add(
            learner,
            EventKind::LessonViewed {
                module: module.into(),
                lesson: lesson.into(),
            },
        )
    }

    fn quiz(&mut self, learner: Uuid, module: &str, score: u32, passed: bool) -> DateTime<FixedOffset> {
        self.add(
            learner,
            EventKind::QuizAttempted {
                module: module.into(),
                score,
                max: 10,
                passed,
                duration_s: 60,
                answers: vec![],
            },
        )
    }

    fn sim(&mut self, learner: Uuid, module: &str, simulation: &str) -> DateTime<FixedOffset> {
        self.add(
            learner,
            EventKind::SimulationCompleted {
                module: module.into(),
                simulation: simulation.into(),
                mistakes: 0,
                duration_s: 30,
            },
        )
    }
}

fn row<'a>(rows: &'a [RosterRow], learner: Uuid, module: &str) -> &'a RosterRow {
    rows.iter()
        .find(|r| r.learner == learner && r.module_id == module)
        .unwrap()
}

#[test]
fn a_module_completes_only_with_every_lesson_the_quiz_and_required_simulations() {
    let mut log = Log::new();
    log.create(A, "Lò Thị Mai");
    let check = |log: &Log, status: Status| {
        let p = fold(&log.events, &specs());
        assert_eq!(row(&roster(&p), A, "khai-sinh").status, status);
        p
    };
    check(&log, Status::NotStarted);
    log.view(A, "khai-sinh", "l1");
    check(&log, Status::InProgress);
    log.view(A, "khai-sinh", "l2");
    log.view(A, "khai-sinh", "l2");
    log.quiz(A, "khai-sinh", 7, false);
    let p = check(&log, Status::InProgress);
    assert!(newly_completed(&p, A).is_empty());
    let passed_at = log.quiz(A, "khai-sinh", 9, true);
    let p = check(&log, Status::InProgress);
    assert!(
        !p.module(A, "khai-sinh").unwrap().completed(),
        "the required simulation is missing"
    );
    assert_eq!(p.module(A, "khai-sinh").unwrap().completed_at, None);

    let sim_at = log.sim(A, "khai-sinh", "s1");
    assert!(sim_at > passed_at);
    let p = check(&log, Status::Completed);
    let m = p.module(A, "khai-sinh").unwrap();
    assert_eq!(m.completed_at, Some(sim_at), "completed when the last piece came");
    assert_eq!(m.best_percent, Some(90));
    assert_eq!(m.attempts.len(), 2);
    assert_eq!(newly_completed(&p, A), ["khai-sinh"]);

    let r = row(&roster(&p), A, "khai-sinh").clone();
    assert_eq!(
        (r.lessons_viewed, r.lessons_total, r.best_score, r.attempts),
        (2, 2, Some(90), 2)
    );
    assert_eq!(
        (r.name.as_str(), r.unit.as_str(), r.position.as_str()),
        ("Lò Thị Mai", "Xã Tân Lập", "")
    );
    assert_eq!(r.module_title, "Đăng ký khai sinh");

    // The app records it once; then it is no longer new and the date is the event's.
    let recorded_at = log.add(
        A,
        EventKind::ModuleCompleted {
            module: "khai-sinh".into(),
        },
    );
    let p = fold(&log.events, &specs());
    assert!(newly_completed(&p, A).is_empty());
    assert_eq!(p.module(A, "khai-sinh").unwrap().completed_at, Some(recorded_at));
    assert_eq!(row(&roster(&p), A, "le-phi").status, Status::NotStarted);
}

#[test]
fn a_failed_quiz_does_not_complete_and_a_recorded_completion_stays() {
    let mut log = Log::new();
    log.create(A, "A");
    log.view(A, "le-phi", "a");
    log.quiz(A, "le-phi", 7, false);
    let p = fold(&log.events, &specs());
    assert!(!p.module(A, "le-phi").unwrap().completed());
    assert_eq!(p.module(A, "le-phi").unwrap().best_percent, Some(70));

    // A module_completed from an older version whose module had fewer lessons still counts.
    let mut specs = specs();
    specs[1].lessons.push("b-new".into());
    log.quiz(A, "le-phi", 8, true);
    let p = fold(&log.events, &specs);
    assert!(
        !p.module(A, "le-phi").unwrap().completed(),
        "new lesson b-new not viewed"
    );
    log.add(
        A,
        EventKind::ModuleCompleted {
            module: "le-phi".into(),
        },
    );
    let p = fold(&log.events, &specs);
    assert!(p.module(A, "le-phi").unwrap().completed());
    assert!(!p.module(A, "le-phi").unwrap().rule_met);
}

#[test]
fn unknown_modules_lessons_and_kinds_are_ignored() {
    let mut log = Log::new();
    log.create(A, "A");
    log.view(A, "khai-sinh", "removed-lesson");
    log.view(A, "old-module", "x");
    let future = serde_json::json!({
        "id": Uuid::from_u128(77).to_string(), "at": "2026-11-26T10:00:00.000+07:00",
        "device": DEVICE.to_string(), "learner": A.to_string(), "kind": "badge_earned"
    });
    log.events.push(Event::parse_line(&future.to_string()).unwrap());
    let p = fold(&log.events, &specs());
    let rows = roster(&p);
    assert_eq!(row(&rows, A, "khai-sinh").lessons_viewed, 0);
    assert_eq!(roster(&p).len(), 2, "one learner × two modules");
}

fn merge_chain() -> Vec<Event> {
    let mut log = Log::new();
    log.create(A, "Trần Văn A (máy 1)");
    log.create(B, "Trần Văn A (máy 2)");
    log.create(C, "Trần Văn A");
    log.view(A, "khai-sinh", "l1");
    log.view(B, "khai-sinh", "l2");
    log.quiz(B, "khai-sinh", 8, true);
    log.sim(A, "khai-sinh", "s1");
    log.view(C, "le-phi", "a");
    log.add(A, EventKind::LearnerMerged { into: B });
    log.add(B, EventKind::LearnerMerged { into: C });
    log.events
}

#[test]
fn merges_are_transitive() {
    let events = merge_chain();
    let p = fold(&events, &specs());
    let ids: Vec<Uuid> = p.learners().iter().map(|l| l.id).collect();
    assert_eq!(ids, [C], "merged profiles are hidden");
    let c = p.learner(C).unwrap();
    assert_eq!(c.name, "Trần Văn A");
    assert_eq!(c.merged, [A, B]);
    assert_eq!(p.learner(A).unwrap().id, C, "a merged id finds its profile");
    assert_eq!(p.resolve(A), C);
    let rows = roster(&p);
    assert_eq!(rows.len(), 2);
    let m = row(&rows, C, "khai-sinh");
    assert_eq!(
        m.status,
        Status::Completed,
        "A's lesson and simulation and B's quiz count for C"
    );
    assert_eq!(m.lessons_viewed, 2);
    assert_eq!(row(&rows, C, "le-phi").status, Status::InProgress);
    assert_eq!(newly_completed(&p, C), ["khai-sinh"]);
    assert_eq!(c.last_activity, Some(events.last().unwrap().at));
}

#[test]
fn merges_give_the_same_roster_whatever_the_import_order() {
    let events = merge_chain();
    let expected = roster(&fold(&events, &specs()));
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for round in 0..30 {
        let mut shuffled = events.clone();
        shuffled.shuffle(&mut rng);
        assert_eq!(roster(&fold(&shuffled, &specs())), expected, "round {round}");
    }
    // The real path: two PCs import halves in opposite orders, through the journal.
    let (first, second) = events.split_at(events.len() / 2);
    let mut rosters = Vec::new();
    for order in [[first, second], [second, first]] {
        let tmp = tempfile::tempdir().unwrap();
        let (mut journal, _) = Journal::open(tmp.path(), Log::at(0)).unwrap();
        for part in order {
            journal.import(part.iter().rev().cloned(), &Log::at(0)).unwrap();
        }
        journal.import(events.clone(), &Log::at(0)).unwrap(); // again: changes nothing
        rosters.push(roster(&fold(&journal.read_events().unwrap(), &specs())));
    }
    assert_eq!(rosters[0], expected);
    assert_eq!(rosters[1], expected);
}

#[test]
fn deleted_learners_are_hidden() {
    let mut log = Log::new();
    log.create(A, "A");
    log.create(B, "B");
    log.view(A, "le-phi", "a");
    log.add(A, EventKind::LearnerDeleted);
    let p = fold(&log.events, &specs());
    assert_eq!(p.learners().iter().map(|l| l.id).collect::<Vec<_>>(), [B]);
    assert!(p.learner(A).is_none());
    assert!(roster(&p).iter().all(|r| r.learner == B));
}

#[test]
fn profile_updates_apply_in_time_order_whatever_the_file_order() {
    let mut log = Log::new();
    log.create(A, "Nguyen Van An");
    log.add(
        A,
        EventKind::LearnerUpdated {
            name: Some("Nguyễn Văn An".into()),
            unit: None,
            position: None,
        },
    );
    log.add(
        A,
        EventKind::LearnerUpdated {
            name: None,
            unit: Some("Phường 3".into()),
            position: Some("Cán bộ".into()),
        },
    );
    let mut reversed = log.events.clone();
    reversed.reverse();
    for events in [&log.events, &reversed] {
        let p = fold(events, &specs());
        let a = p.learner(A).unwrap();
        assert_eq!(
            (a.name.as_str(), a.unit.as_str(), a.position.as_str()),
            ("Nguyễn Văn An", "Phường 3", "Cán bộ")
        );
        assert_eq!(a.created_at, Some(Log::at(0)));
        assert_eq!(a.last_activity, Some(Log::at(2)));
    }
}

#[test]
fn where_to_continue_follows_lessons_then_quiz_then_simulations_then_the_next_module() {
    let mut log = Log::new();
    let at = |log: &Log| resume(&fold(&log.events, &specs()), A);
    let lesson = |m: &str, l: &str| Resume::Lesson {
        module: m.into(),
        lesson: l.into(),
    };
    assert_eq!(
        at(&log),
        lesson("khai-sinh", "l1"),
        "a new learner starts at the beginning"
    );
    log.create(A, "A");
    log.view(A, "khai-sinh", "l2");
    assert_eq!(at(&log), lesson("khai-sinh", "l1"), "the first unviewed lesson");
    log.view(A, "khai-sinh", "l1");
    assert_eq!(
        at(&log),
        Resume::Quiz {
            module: "khai-sinh".into()
        }
    );
    log.quiz(A, "khai-sinh", 5, false);
    assert_eq!(
        at(&log),
        Resume::Quiz {
            module: "khai-sinh".into()
        }
    );
    log.quiz(A, "khai-sinh", 10, true);
    assert_eq!(
        at(&log),
        Resume::Simulation {
            module: "khai-sinh".into(),
            simulation: "s1".into()
        }
    );
    log.sim(A, "khai-sinh", "s1");
    assert_eq!(at(&log), lesson("le-phi", "a"));
    log.view(A, "le-phi", "a");
    log.quiz(A, "le-phi", 8, true);
    assert_eq!(at(&log), Resume::AllDone);
}

#[test]
fn specs_come_from_the_embedded_catalog_in_order() {
    let catalog = kynangso::content::embedded().unwrap();
    let specs = ModuleSpec::from_catalog(&catalog);
    assert_eq!(specs.len(), catalog.modules.len());
    for (spec, module) in specs.iter().zip(&catalog.modules) {
        assert_eq!(spec.id, module.meta.id);
        assert_eq!(spec.lessons.len(), module.lessons.len());
        assert_eq!(spec.pass_mark, module.meta.pass_mark);
        let required = module.meta.simulations.iter().filter(|s| s.required).count();
        assert_eq!(spec.required_simulations.len(), required);
    }
}
