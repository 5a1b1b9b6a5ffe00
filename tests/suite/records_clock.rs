//! The clock of a PC is its own: an event from another PC dated in the future (a wrong clock, or a
//! crafted file) must not move the times this PC stamps, and a time that cannot be written back must
//! never reach the journal. Before the fix, one imported event dated 9999-12-31 made every later event
//! `+10000-…`, unreadable, and so lost on the next start.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use kynangso::content::Catalog;
use kynangso::learning::{NewLearner, Records};
use kynangso::records::store::JOURNAL_FILE;
use kynangso::records::{Event, EventKind};
use serde_json::json;
use uuid::Uuid;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:00:00.000+07:00").unwrap()
}

fn created(at: &str, device: Uuid, name: &str) -> Event {
    Event::new(
        Uuid::new_v4(),
        device,
        DateTime::parse_from_rfc3339(at).unwrap(),
        EventKind::LearnerCreated {
            name: name.into(),
            unit: None,
            position: None,
        },
    )
}

fn open(dir: &Path) -> Records {
    Records::open(dir, &Catalog::default(), now).unwrap().0
}

fn names(records: &Records) -> Vec<String> {
    let mut names: Vec<String> = records
        .progress()
        .learners()
        .iter()
        .map(|l| l.name.clone())
        .collect();
    names.sort();
    names
}

#[test]
fn an_event_from_a_pc_with_a_wrong_clock_does_not_move_this_pcs_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = open(dir.path());
    let other_pc = Uuid::new_v4();
    let counts = records
        .import(vec![created(
            "2031-05-01T08:00:00.000+07:00",
            other_pc,
            "Lò Văn Páo",
        )])
        .unwrap();
    assert_eq!((counts.imported, counts.future), (1, 1));
    // The reported case: the import on one run, the new learner on the next.
    drop(records);
    let mut records = open(dir.path());
    records
        .add_learner(NewLearner::parse("Nguyễn Văn An", "", "").unwrap())
        .unwrap();
    let events = records.read_events().unwrap();
    let own = events.iter().find(|e| e.device == records.device()).unwrap();
    assert_eq!(
        own.at,
        now(),
        "stamped with this PC's clock, not the imported 2031"
    );
    drop(records);

    let records = open(dir.path());
    assert_eq!(names(&records), ["Lò Văn Páo", "Nguyễn Văn An"]);
}

#[test]
fn own_events_stamped_by_a_clock_that_was_wrong_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let device = open(dir.path()).device();
    // This PC's clock once said 2031; now it is right again.
    let line = created("2031-05-01T08:00:00.000+07:00", device, "Đỗ Thị Lan").to_line();
    std::fs::write(dir.path().join(JOURNAL_FILE), format!("{line}\n")).unwrap();

    let mut records = open(dir.path());
    records
        .add_learner(NewLearner::parse("Nguyễn Văn An", "", "").unwrap())
        .unwrap();
    assert_eq!(records.read_events().unwrap().last().unwrap().at, now());
}

#[test]
fn a_journal_line_dated_9999_is_skipped_and_later_records_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    // What an older version wrote after importing the crafted event.
    let poison = json!({
        "id": Uuid::new_v4(), "at": "9999-12-31T23:59:59.999Z", "device": Uuid::new_v4(),
        "learner": Uuid::new_v4(), "kind": "learner_created", "name": "X"
    });
    std::fs::write(dir.path().join(JOURNAL_FILE), format!("{poison}\n")).unwrap();
    let (mut records, report) = Records::open(dir.path(), &Catalog::default(), now).unwrap();
    assert!(report.torn_tail.is_some() || !report.bad_lines.is_empty());
    records
        .add_learner(NewLearner::parse("Nguyễn Văn An", "", "").unwrap())
        .unwrap();
    records
        .add_learner(NewLearner::parse("Đỗ Thị Lan", "", "").unwrap())
        .unwrap();
    drop(records);

    let (records, report) = Records::open(dir.path(), &Catalog::default(), now).unwrap();
    assert_eq!(report.torn_tail, None, "nothing new was torn");
    assert_eq!(names(&records), ["Nguyễn Văn An", "Đỗ Thị Lan"]);
}

fn exchange_with(at: &str) -> serde_json::Value {
    json!({
        "format": "kynangso-records", "version": 1, "device": Uuid::new_v4(),
        "exported_at": "2026-12-01T08:00:00.000+07:00",
        "events": [{
            "id": Uuid::new_v4(), "at": at, "device": Uuid::new_v4(), "learner": Uuid::new_v4(),
            "kind": "learner_created", "name": "Lò Văn Páo"
        }]
    })
}

#[test]
fn the_command_line_refuses_an_impossible_date_and_reports_a_future_one() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let far = files.path().join("far.json");
    std::fs::write(&far, exchange_with("9999-12-31T23:59:59.999Z").to_string()).unwrap();
    let near = files.path().join("near.json");
    std::fs::write(&near, exchange_with("2099-01-01T00:00:00.000+07:00").to_string()).unwrap();

    let run = |file: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kynangso"))
            .args(["import", file.to_str().unwrap(), "--data-dir"])
            .arg(dir.path())
            .env("LANG", "vi_VN.UTF-8")
            .output()
            .unwrap()
    };
    let out = run(&far);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ngày giờ không thể có"), "{stderr}");
    let journal = std::fs::read(dir.path().join(JOURNAL_FILE)).unwrap_or_default();
    assert!(journal.is_empty(), "nothing written on refusal");

    let out = run(&near);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 1, already present 0"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 bản ghi ghi ngày giờ muộn hơn hôm nay"),
        "{stderr}"
    );
}
