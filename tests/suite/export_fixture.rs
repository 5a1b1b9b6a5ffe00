//! The records every export test uses: Vietnamese names in NFC and in NFD, commas, quotes and line
//! breaks in cells, a name that starts with `=` (and a unit with `+`, a position with `-`), a learner
//! with no progress, a profile merged into another, a deleted learner's stray event, and an event kind
//! this version does not know.

use chrono::{DateTime, FixedOffset};
use kynangso::export::Titles;
use kynangso::records::{Event, EventKind, RosterRow, Status};
use serde_json::json;
use unicode_normalization::UnicodeNormalization as _;
use uuid::Uuid;

pub const DEVICE: Uuid = Uuid::from_u128(0x00d1_ce00_0000_4000_8000_0000_0000_00d1);
pub const A: Uuid = Uuid::from_u128(0xaaaa_0000_0000_4000_8000_0000_0000_000a);
pub const B: Uuid = Uuid::from_u128(0xbbbb_0000_0000_4000_8000_0000_0000_000b);
pub const C: Uuid = Uuid::from_u128(0xcccc_0000_0000_4000_8000_0000_0000_000c);
pub const D: Uuid = Uuid::from_u128(0xdddd_0000_0000_4000_8000_0000_0000_000d);
/// Merged into `A`.
pub const E: Uuid = Uuid::from_u128(0xeeee_0000_0000_4000_8000_0000_0000_000e);
/// Deleted: in no roster row.
pub const F: Uuid = Uuid::from_u128(0xffff_0000_0000_4000_8000_0000_0000_000f);

pub const HOME: &str = "https://lrs.example.org/kynangso/";

pub const NAME_A: &str = "Nguyễn Thị Ánh";
/// NFC here; the roster holds it in NFD.
pub const NAME_B: &str = "Trần Văn Đức";
pub const NAME_C: &str = "=Lê Hoàng Yến";
pub const NAME_D: &str = "Phạm Quốc Việt";

pub const MODULES: [(&str, &str, usize); 3] = [
    ("01-bao-cao", "Hệ thống thông tin báo cáo", 3),
    ("02-khai-sinh", "Đăng ký khai sinh, cấp bản sao điện tử", 4),
    ("03-thanh-toan", "Thanh toán \"phí, lệ phí\" trực tuyến", 2),
];

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn nfd(s: &str) -> String {
    s.nfd().collect()
}

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

#[allow(clippy::too_many_arguments)] // a table row reads best as one call per line
fn row(
    learner: Uuid,
    (name, unit, position): (&str, &str, &str),
    module: usize,
    status: Status,
    viewed: usize,
    best: Option<u32>,
    attempts: usize,
    completed: Option<&str>,
) -> RosterRow {
    let (id, title, total) = MODULES[module];
    RosterRow {
        learner,
        name: name.to_owned(),
        unit: unit.to_owned(),
        position: position.to_owned(),
        module_id: id.to_owned(),
        module_title: title.to_owned(),
        status,
        lessons_viewed: viewed,
        lessons_total: total,
        best_score: best,
        attempts,
        completed_at: completed.map(at),
        completed_version: completed.map(|_| 1),
    }
}

/// The roster: 4 learners × 3 modules. `B`'s name, unit and position are in NFD.
pub fn roster() -> Vec<RosterRow> {
    let a = (
        NAME_A,
        "Xã Tân Lập, huyện Đan Phượng",
        "Cán bộ \"tư pháp\" – hộ tịch",
    );
    let b_name = nfd(NAME_B);
    let b_unit = nfd("Phường Bến Nghé");
    let b_pos = nfd("Chủ tịch\nUBND phường");
    let b = (b_name.as_str(), b_unit.as_str(), b_pos.as_str());
    let c = (NAME_C, "+84 Hà Nội", "-Phó chủ tịch, \"kiêm\" @văn thư");
    let d = (NAME_D, "", "");
    use Status::{Completed, InProgress, NotStarted};
    vec![
        row(
            A,
            a,
            0,
            Completed,
            3,
            Some(90),
            2,
            Some("2026-11-20T09:41:27.123+07:00"),
        ),
        // 00:30 in Hà Nội is still the 25th in UTC: the date must be the 26th.
        row(
            A,
            a,
            1,
            Completed,
            4,
            Some(100),
            1,
            Some("2026-11-26T00:30:00+07:00"),
        ),
        row(A, a, 2, InProgress, 1, None, 0, None),
        row(
            B,
            b,
            0,
            Completed,
            3,
            Some(80),
            3,
            Some("2026-11-21T14:05:00+07:00"),
        ),
        row(B, b, 1, NotStarted, 0, None, 0, None),
        row(B, b, 2, NotStarted, 0, None, 0, None),
        row(C, c, 0, InProgress, 2, Some(60), 1, None),
        row(
            C,
            c,
            1,
            Completed,
            4,
            Some(85),
            1,
            Some("2026-11-22T08:00:00+07:00"),
        ),
        row(C, c, 2, NotStarted, 0, None, 0, None),
        row(D, d, 0, NotStarted, 0, None, 0, None),
        row(D, d, 1, NotStarted, 0, None, 0, None),
        row(D, d, 2, NotStarted, 0, None, 0, None),
    ]
}

/// Event ids are `0x…0001`, `0x…0002`, … in journal order.
pub fn event_id(n: u128) -> Uuid {
    Uuid::from_u128(0x1000_0000_0000_4000_8000_0000_0000_0000 | n)
}

/// The journal behind the roster (plus a merged profile, a deleted learner and an unknown kind).
pub fn events() -> Vec<Event> {
    let m = |i: usize| MODULES[i].0.to_owned();
    let quiz = |i: usize, score, passed, duration_s| EventKind::QuizAttempted {
        module: m(i),
        score,
        max: 10,
        passed,
        duration_s,
        answers: vec![],
    };
    let created = |name: &str, unit: &str| EventKind::LearnerCreated {
        name: name.to_owned(),
        unit: Some(unit.to_owned()),
        position: None,
    };
    let plan: Vec<(Uuid, &str, EventKind)> = vec![
        (
            A,
            "2026-11-19T08:00:00+07:00",
            created(NAME_A, "Xã Tân Lập, huyện Đan Phượng"),
        ),
        (B, "2026-11-19T08:01:00+07:00", created(NAME_B, "Phường Bến Nghé")),
        (C, "2026-11-19T08:02:00+07:00", created(NAME_C, "+84 Hà Nội")),
        (D, "2026-11-19T08:03:00+07:00", created(NAME_D, "")),
        (E, "2026-11-19T08:04:00+07:00", created("Ánh (máy 2)", "")),
        (
            A,
            "2026-11-20T09:00:00+07:00",
            EventKind::LessonViewed {
                module: m(0),
                lesson: "gioi-thieu".into(),
            },
        ),
        (A, "2026-11-20T09:10:00+07:00", quiz(0, 7, false, 270)),
        (A, "2026-11-20T09:40:00+07:00", quiz(0, 9, true, 200)),
        (
            A,
            "2026-11-20T09:41:27.123+07:00",
            EventKind::ModuleCompleted { module: m(0) },
        ),
        (E, "2026-11-26T00:20:00+07:00", quiz(1, 10, true, 3661)),
        (
            E,
            "2026-11-26T00:30:00+07:00",
            EventKind::ModuleCompleted { module: m(1) },
        ),
        (
            E,
            "2026-11-26T09:00:00+07:00",
            EventKind::LearnerMerged { into: A },
        ),
        (B, "2026-11-21T14:00:00+07:00", quiz(0, 8, true, 0)),
        (
            B,
            "2026-11-21T14:05:00+07:00",
            EventKind::ModuleCompleted { module: m(0) },
        ),
        (
            B,
            "2026-11-21T14:06:00+07:00",
            EventKind::SimulationCompleted {
                module: m(0),
                simulation: "bao-cao-thang".into(),
                mistakes: 1,
                duration_s: 300,
            },
        ),
        (C, "2026-11-22T07:50:00+07:00", quiz(0, 6, false, 95)),
        (
            C,
            "2026-11-22T08:00:00+07:00",
            EventKind::ModuleCompleted { module: m(1) },
        ),
        (
            F,
            "2026-11-22T08:10:00+07:00",
            EventKind::LessonViewed {
                module: m(0),
                lesson: "gioi-thieu".into(),
            },
        ),
    ];
    let mut events: Vec<Event> = plan
        .into_iter()
        .zip(1u128..)
        .map(|((learner, when, kind), n)| Event::with_id(event_id(n), learner, DEVICE, at(when), kind))
        .collect();
    events.push(unknown_event());
    events
}

/// A kind from a later version, with nested fields: must travel untouched.
pub fn unknown_event() -> Event {
    let raw = json!({
        "id": event_id(99).to_string(),
        "at": "2026-11-23T10:00:00.000+07:00",
        "device": DEVICE.to_string(),
        "learner": A.to_string(),
        "kind": "badge_awarded",
        "badge": "Ngôi sao số",
        "detail": { "levels": [1, 2, { "x": "y" }], "ok": true, "none": null },
    });
    serde_json::from_value(raw).unwrap()
}

pub fn titles() -> Titles {
    let mut titles = Titles::new();
    for (id, title, _) in MODULES {
        titles.insert(id.to_owned(), title.to_owned());
    }
    titles.insert(
        format!("{}/gioi-thieu", MODULES[0].0),
        "Giới thiệu hệ thống".to_owned(),
    );
    titles
}
