//! Event schema v1: the JSON form, the `raw` invariant, unknown kinds and fields, NFC, timestamps.

use chrono::DateTime;
use kynangso::records::event::{AnswerRecord, Event, EventError, EventKind};
use serde_json::{Value, json};
use uuid::Uuid;

const LEARNER: &str = "5b0c1f7e-9d4a-4e55-8c1e-2b7f0a3d9e10";
const DEVICE: &str = "0f6e2d1c-3b4a-4958-8776-655443322110";
const ID: &str = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

fn at() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T09:41:27.123456+07:00").unwrap()
}

fn learner() -> Uuid {
    Uuid::parse_str(LEARNER).unwrap()
}

fn device() -> Uuid {
    Uuid::parse_str(DEVICE).unwrap()
}

fn every_kind() -> Vec<EventKind> {
    vec![
        EventKind::LearnerCreated {
            name: "Nguyễn Văn An".into(),
            unit: Some("Xã Tân Lập".into()),
            position: None,
        },
        EventKind::LearnerUpdated {
            name: None,
            unit: None,
            position: Some("Công chức tư pháp – hộ tịch".into()),
        },
        EventKind::LearnerMerged { into: device() },
        EventKind::LearnerDeleted,
        EventKind::LessonViewed {
            module: "bao-cao".into(),
            lesson: "dang-nhap".into(),
        },
        EventKind::QuizAttempted {
            module: "bao-cao".into(),
            score: 8,
            max: 10,
            passed: true,
            duration_s: 312,
            answers: vec![AnswerRecord {
                question: "q1".into(),
                correct: true,
                chosen: None,
            }],
        },
        EventKind::SimulationCompleted {
            module: "khai-sinh".into(),
            simulation: "dang-ky".into(),
            mistakes: 2,
            duration_s: 95,
        },
        EventKind::ModuleCompleted {
            module: "bao-cao".into(),
        },
    ]
}

#[test]
fn new_events_hold_their_complete_object_in_raw() {
    for kind in every_kind() {
        let event = Event::new(learner(), device(), at(), kind.clone());
        assert_eq!(event.raw["id"], json!(event.id.to_string()));
        assert_eq!(
            event.raw["at"],
            json!("2026-11-26T09:41:27.123+07:00"),
            "milliseconds, with offset"
        );
        assert_eq!(event.raw["device"], json!(DEVICE));
        assert_eq!(event.raw["learner"], json!(LEARNER));
        assert_eq!(event.raw["kind"], json!(kind.name()));
        assert_eq!(event.kind_name(), kind.name());
        // The line written is exactly `raw`, and reads back to the same event.
        let line = event.to_line();
        assert_eq!(
            serde_json::from_str::<Value>(&line).unwrap(),
            Value::Object(event.raw.clone())
        );
        assert_eq!(Event::parse_line(&line).unwrap(), event, "{line}");
        assert_eq!(
            serde_json::to_string(&event).unwrap(),
            line,
            "serde writes raw too"
        );
        assert_eq!(serde_json::from_str::<Event>(&line).unwrap(), event);
    }
}

#[test]
fn time_is_cut_to_milliseconds_so_a_new_event_equals_its_reread() {
    let event = Event::new(learner(), device(), at(), EventKind::LearnerDeleted);
    assert_eq!(
        event.at,
        DateTime::parse_from_rfc3339("2026-11-26T09:41:27.123+07:00").unwrap()
    );
    let utc = DateTime::parse_from_rfc3339("2026-11-26T02:41:27Z").unwrap();
    let event = Event::new(learner(), device(), utc, EventKind::LearnerDeleted);
    assert_eq!(event.raw["at"], json!("2026-11-26T02:41:27.000+00:00"));
}

#[test]
fn field_names_follow_the_contract() {
    let event = Event::new(
        learner(),
        device(),
        at(),
        EventKind::QuizAttempted {
            module: "m".into(),
            score: 7,
            max: 10,
            passed: false,
            duration_s: 60,
            answers: vec![AnswerRecord {
                question: "q".into(),
                correct: false,
                chosen: None,
            }],
        },
    );
    let mut keys: Vec<&str> = event.raw.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "answers",
            "at",
            "device",
            "duration_s",
            "id",
            "kind",
            "learner",
            "max",
            "module",
            "passed",
            "score"
        ]
    );
    assert_eq!(event.raw["answers"], json!([{"question": "q", "correct": false}]));
    let created = Event::new(
        learner(),
        device(),
        at(),
        EventKind::LearnerCreated {
            name: "A".into(),
            unit: None,
            position: None,
        },
    );
    assert!(
        !created.raw.contains_key("unit"),
        "absent optional fields are left out"
    );
}

#[test]
fn unknown_kind_is_kept_whole_and_never_an_error() {
    let line = json!({
        "id": ID, "at": "2026-11-26T09:41:27.123+07:00", "device": DEVICE, "learner": LEARNER,
        "kind": "certificate_printed", "certificate": "KNS-2026-0001", "copies": 2
    })
    .to_string();
    let event = Event::parse_line(&line).unwrap();
    assert_eq!(event.kind, None);
    assert_eq!(event.kind_name(), "certificate_printed");
    assert_eq!(event.id, Uuid::parse_str(ID).unwrap());
    assert_eq!(event.raw["certificate"], json!("KNS-2026-0001"));
    assert_eq!(
        serde_json::from_str::<Value>(&event.to_line()).unwrap(),
        serde_json::from_str::<Value>(&line).unwrap()
    );
}

#[test]
fn extra_fields_on_a_known_kind_are_kept_in_raw() {
    let line = json!({
        "id": ID, "at": "2026-11-26T09:41:27.123+07:00", "device": DEVICE, "learner": LEARNER,
        "kind": "lesson_viewed", "module": "bao-cao", "lesson": "dang-nhap", "seconds_on_page": 140,
        "source": {"app": "kynangso", "version": "2.0"}
    })
    .to_string();
    let event = Event::parse_line(&line).unwrap();
    assert_eq!(
        event.kind,
        Some(EventKind::LessonViewed {
            module: "bao-cao".into(),
            lesson: "dang-nhap".into()
        })
    );
    assert_eq!(event.raw["seconds_on_page"], json!(140));
    assert_eq!(
        serde_json::from_str::<Value>(&event.to_line()).unwrap(),
        serde_json::from_str::<Value>(&line).unwrap()
    );
}

#[test]
fn a_unit_kind_with_extra_fields_still_parses() {
    let line = json!({
        "id": ID, "at": "2026-11-26T09:41:27+07:00", "device": DEVICE, "learner": LEARNER,
        "kind": "learner_deleted", "reason": "trùng hồ sơ"
    })
    .to_string();
    assert_eq!(
        Event::parse_line(&line).unwrap().kind,
        Some(EventKind::LearnerDeleted)
    );
}

#[test]
fn text_is_nfc_on_creation_and_on_parse() {
    // "Nguyễn" decomposed: e + combining circumflex + combining tilde.
    let nfd = "Nguye\u{302}\u{303}n";
    let nfc = "Nguyễn";
    assert_ne!(nfd, nfc);
    let created = Event::new(
        learner(),
        device(),
        at(),
        EventKind::LearnerCreated {
            name: nfd.into(),
            unit: Some(nfd.into()),
            position: None,
        },
    );
    assert_eq!(
        created.kind,
        Some(EventKind::LearnerCreated {
            name: nfc.into(),
            unit: Some(nfc.into()),
            position: None
        })
    );
    assert_eq!(created.raw["name"], json!(nfc));

    let line = json!({
        "id": ID, "at": "2026-11-26T09:41:27.123+07:00", "device": DEVICE, "learner": LEARNER,
        "kind": "learner_updated", "name": nfd, "note": {"list": [nfd]}
    })
    .to_string();
    let parsed = Event::parse_line(&line).unwrap();
    assert_eq!(
        parsed.kind,
        Some(EventKind::LearnerUpdated {
            name: Some(nfc.into()),
            unit: None,
            position: None
        })
    );
    assert_eq!(parsed.raw["name"], json!(nfc), "raw agrees with kind");
    assert_eq!(parsed.raw["note"], json!({"list": [nfc]}), "unknown fields too");
}

#[test]
fn a_line_without_its_common_fields_is_an_error() {
    let good = json!({"id": ID, "at": "2026-11-26T09:41:27.123+07:00", "device": DEVICE, "learner": LEARNER, "kind": "learner_deleted"});
    assert!(Event::parse_line(&good.to_string()).is_ok());
    for (field, error) in [
        ("id", "id"),
        ("at", "at"),
        ("device", "device"),
        ("learner", "learner"),
        ("kind", "kind"),
    ] {
        let mut bad = good.clone();
        bad.as_object_mut().unwrap().remove(field);
        assert_eq!(
            Event::parse_line(&bad.to_string()),
            Err(EventError::BadField(error))
        );
    }
    let mut bad_time = good.clone();
    bad_time["at"] = json!("26/11/2026 09:41");
    assert_eq!(
        Event::parse_line(&bad_time.to_string()),
        Err(EventError::BadField("at"))
    );
    assert_eq!(Event::parse_line("[1, 2]"), Err(EventError::NotAnObject));
    assert!(matches!(
        Event::parse_line("{\"id\": \"9a8b"),
        Err(EventError::NotJson(_))
    ));
}

#[test]
fn a_known_kind_with_malformed_fields_is_kept_untyped() {
    let line = json!({
        "id": ID, "at": "2026-11-26T09:41:27.123+07:00", "device": DEVICE, "learner": LEARNER,
        "kind": "quiz_attempted", "module": "m", "score": "tám"
    })
    .to_string();
    let event = Event::parse_line(&line).unwrap();
    assert_eq!(event.kind, None);
    assert_eq!(event.kind_name(), "quiz_attempted");
}
