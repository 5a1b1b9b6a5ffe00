//! xAPI statements: every statement passes a checker of the xAPI 1.0.3 rules this export promises,
//! and the statements are the right ones (verbs per event, merged profiles, skipped kinds).

use std::collections::{HashMap, HashSet};

use crate::export_fixture::{A, B, C, E, F, HOME, NAME_A, NAME_B, NAME_C, event_id, events, roster, titles};
use chrono::DateTime;
use kynangso::export::learners_from_roster;
use kynangso::export::xapi::{statements, to_statements};
use kynangso::records::{Event, EventKind};
use serde_json::Value;

const VERBS: [&str; 4] = [
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/failed",
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/experienced",
];

/// `^PT(nH)?(nM)?(nS)?$` with at least one part: the ISO 8601 durations this export writes.
fn is_iso_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("PT") else {
        return false;
    };
    let mut parts = 0;
    let mut digits = 0;
    let mut last = ' ';
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if "HMS".contains(c) && digits > 0 && (last == ' ' || "HMS".find(c) > "HMS".find(last)) {
            parts += 1;
            digits = 0;
            last = c;
        } else {
            return false;
        }
    }
    parts > 0 && digits == 0
}

/// Checks one statement against the rules; returns the problems.
fn check(s: &Value, events: &HashMap<String, &Event>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |p: String| problems.push(p);
    let actor = &s["actor"];
    if actor["objectType"] != "Agent" {
        fail("actor is not an Agent".into());
    }
    let ifis = ["mbox", "mbox_sha1sum", "openid", "account"]
        .iter()
        .filter(|k| actor.get(**k).is_some())
        .count();
    if ifis != 1 {
        fail(format!("actor has {ifis} identifiers"));
    }
    if actor["account"]["homePage"] != HOME || !actor["account"]["name"].is_string() {
        fail("account needs homePage and name".into());
    }
    if !actor["name"]
        .as_str()
        .is_some_and(|n| unicode_normalization::is_nfc(n) && !n.is_empty())
    {
        fail("actor name missing or not NFC".into());
    }
    let verb = s["verb"]["id"].as_str().unwrap_or_default();
    if !VERBS.contains(&verb) {
        fail(format!("verb {verb}"));
    }
    for lang in ["vi-VN", "en-US"] {
        if !s["verb"]["display"][lang].is_string() {
            fail(format!("verb display {lang}"));
        }
    }
    let object = &s["object"];
    let base = HOME.trim_end_matches('/');
    if object["objectType"] != "Activity"
        || !object["id"]
            .as_str()
            .is_some_and(|id| id.starts_with(&format!("{base}/activities/")))
        || !object["definition"]["name"]["vi-VN"].is_string()
    {
        fail(format!("object {object}"));
    }
    match DateTime::parse_from_rfc3339(s["timestamp"].as_str().unwrap_or_default()) {
        Ok(_) if s["timestamp"].as_str().is_some_and(|t| t.ends_with("+07:00")) => {}
        other => fail(format!("timestamp {other:?}")),
    }
    let id = s["id"].as_str().unwrap_or_default();
    let Some(event) = events.get(id) else {
        fail(format!("id {id} is no event id"));
        return problems;
    };
    if DateTime::parse_from_rfc3339(s["timestamp"].as_str().unwrap_or_default()).ok() != Some(event.at) {
        fail("timestamp is not the event's".into());
    }
    if verb.ends_with("passed") || verb.ends_with("failed") {
        let result = &s["result"];
        let Some(EventKind::QuizAttempted {
            score,
            max,
            passed,
            duration_s,
            ..
        }) = &event.kind
        else {
            fail("passed/failed for a non-quiz event".into());
            return problems;
        };
        let scaled = result["score"]["scaled"].as_f64().unwrap_or(f64::NAN);
        if !(-1.0..=1.0).contains(&scaled) {
            fail(format!("scaled {scaled}"));
        }
        let expected = (f64::from(*score) / f64::from(*max) * 10_000.0).round() / 10_000.0;
        if (scaled - expected).abs() > 1e-9 {
            fail(format!("scaled {scaled} ≠ {expected}"));
        }
        if result["score"]["raw"] != *score || result["score"]["min"] != 0 || result["score"]["max"] != *max {
            fail(format!("score {}", result["score"]));
        }
        if result["success"] != *passed || verb.ends_with("passed") != *passed {
            fail("success / verb disagree with the event".into());
        }
        let duration = result["duration"].as_str().unwrap_or_default();
        if !is_iso_duration(duration) {
            fail(format!("duration {duration} (event: {duration_s} s)"));
        }
    }
    problems
}

#[test]
fn every_statement_passes_the_checker() {
    let events = events();
    let by_id: HashMap<String, &Event> = events.iter().map(|e| (e.id.to_string(), e)).collect();
    let mut calls = Vec::new();
    let bytes = to_statements(
        &events,
        &learners_from_roster(&roster()),
        &titles(),
        HOME,
        &mut |d, t| calls.push((d, t)),
    )
    .unwrap();
    assert_eq!(calls.last(), Some(&(events.len(), events.len())));
    let list: Vec<Value> = serde_json::from_slice(&bytes).unwrap();
    assert!(!list.is_empty());
    let mut ids = HashSet::new();
    for s in &list {
        let problems = check(s, &by_id);
        assert!(problems.is_empty(), "{problems:?} in {s:#}");
        assert!(
            ids.insert(s["id"].as_str().unwrap().to_owned()),
            "repeated id {}",
            s["id"]
        );
    }
}

#[test]
fn statements_are_the_right_ones() {
    let events = events();
    let list = statements(
        &events,
        &learners_from_roster(&roster()),
        &titles(),
        HOME,
        &mut |_, _| {},
    );
    let find = |n: u128| list.iter().find(|s| s["id"] == event_id(n).to_string());
    // Profiles, simulations, the deleted learner's lesson and the unknown kind have no statement.
    for n in [1, 2, 3, 4, 5, 12, 15, 18, 99] {
        assert!(find(n).is_none(), "event {n} should have no statement");
    }
    assert_eq!(list.len(), 10);

    let lesson = find(6).unwrap();
    assert_eq!(lesson["verb"]["id"], VERBS[3]);
    assert_eq!(
        lesson["object"]["id"],
        "https://lrs.example.org/kynangso/activities/01-bao-cao/gioi-thieu"
    );
    assert_eq!(
        lesson["object"]["definition"]["name"]["vi-VN"],
        "Giới thiệu hệ thống"
    );
    assert_eq!(lesson["actor"]["name"], NAME_A);
    assert_eq!(lesson["actor"]["account"]["name"], A.to_string());
    assert_eq!(lesson["timestamp"], "2026-11-20T09:00:00.000+07:00");

    let failed = find(7).unwrap();
    assert_eq!(failed["verb"]["id"], VERBS[1]);
    assert_eq!(failed["result"]["success"], false);
    assert_eq!(failed["result"]["score"]["scaled"], 0.7);
    assert_eq!(failed["result"]["duration"], "PT4M30S");
    assert_eq!(find(8).unwrap()["verb"]["id"], VERBS[0]);

    // The merged profile's quiz and completion count for the profile it was merged into.
    let merged = find(10).unwrap();
    assert_eq!(merged["actor"]["account"]["name"], A.to_string());
    assert_ne!(merged["actor"]["account"]["name"], E.to_string());
    assert_eq!(find(10).unwrap()["result"]["duration"], "PT1H1M1S");
    let completed = find(11).unwrap();
    assert_eq!(completed["verb"]["id"], VERBS[2]);
    assert_eq!(
        completed["object"]["id"],
        "https://lrs.example.org/kynangso/activities/02-khai-sinh"
    );
    assert_eq!(completed["result"]["completion"], true);

    // NFD in the roster, NFC in the statement; the `=` name is not altered (JSON is no spreadsheet).
    assert_eq!(find(13).unwrap()["actor"]["name"], NAME_B);
    assert_eq!(find(13).unwrap()["actor"]["account"]["name"], B.to_string());
    assert_eq!(find(13).unwrap()["result"]["duration"], "PT0S");
    assert_eq!(find(16).unwrap()["actor"]["name"], NAME_C);
    assert_eq!(find(16).unwrap()["actor"]["account"]["name"], C.to_string());
    assert!(
        list.iter()
            .all(|s| s["actor"]["account"]["name"] != F.to_string())
    );
}

#[test]
fn repeated_events_give_one_statement() {
    let mut events = events();
    events.extend(events.clone());
    let list = statements(
        &events,
        &learners_from_roster(&roster()),
        &titles(),
        HOME,
        &mut |_, _| {},
    );
    assert_eq!(list.len(), 10);
}

#[test]
fn the_duration_checker_itself_works() {
    for good in ["PT4M30S", "PT0S", "PT1H", "PT1H1M1S"] {
        assert!(is_iso_duration(good), "{good}");
    }
    for bad in ["", "PT", "P4M", "PT4S30M", "PT4.5S", "4M30S", "PTM"] {
        assert!(!is_iso_duration(bad), "{bad}");
    }
}

type Breakage = fn(&mut Value);

#[test]
fn the_checker_catches_broken_statements() {
    let events = events();
    let by_id: HashMap<String, &Event> = events.iter().map(|e| (e.id.to_string(), e)).collect();
    let list = statements(
        &events,
        &learners_from_roster(&roster()),
        &titles(),
        HOME,
        &mut |_, _| {},
    );
    let quiz = list.iter().find(|s| s["id"] == event_id(7).to_string()).unwrap();
    let breakages: [(&str, Breakage); 6] = [
        ("two identifiers", |s| {
            s["actor"]["mbox"] = "mailto:a@b.c".into();
        }),
        ("unknown verb", |s| {
            s["verb"]["id"] = "http://example.org/verbs/liked".into();
        }),
        ("scaled off", |s| {
            s["result"]["score"]["scaled"] = 0.75.into();
        }),
        ("bad duration", |s| {
            s["result"]["duration"] = "270".into();
        }),
        ("no offset", |s| {
            s["timestamp"] = "2026-11-20T09:10:00".into();
        }),
        ("foreign id", |s| {
            s["id"] = "00000000-0000-4000-8000-000000000000".into();
        }),
    ];
    assert!(check(quiz, &by_id).is_empty());
    for (what, breakage) in breakages {
        let mut broken = quiz.clone();
        breakage(&mut broken);
        assert!(!check(&broken, &by_id).is_empty(), "checker missed: {what}");
    }
}

#[test]
fn statements_name_the_classes_their_learner_is_in() {
    let class = uuid::Uuid::from_u128(0xc1a55);
    let at = DateTime::parse_from_rfc3339("2026-11-19T08:00:00+07:00").unwrap();
    let later = DateTime::parse_from_rfc3339("2026-11-19T08:05:00+07:00").unwrap();
    let device = uuid::Uuid::from_u128(0xde);
    let mut events = events();
    events.push(Event::new(
        uuid::Uuid::nil(),
        device,
        at,
        EventKind::ClassCreated {
            class,
            name: "Lớp tập huấn xã Gia Viễn".into(),
            unit: None,
            starts: "2026-11-19".into(),
            ends: None,
            trainer: None,
        },
    ));
    events.push(Event::new(A, device, at, EventKind::ClassJoined { class }));
    events.push(Event::new(B, device, at, EventKind::ClassJoined { class }));
    events.push(Event::new(B, device, later, EventKind::ClassLeft { class }));
    let list = statements(
        &events,
        &learners_from_roster(&roster()),
        &titles(),
        HOME,
        &mut |_, _| {},
    );
    let of = |learner: uuid::Uuid| {
        list.iter()
            .filter(move |s| s["actor"]["account"]["name"] == learner.to_string())
    };
    let class_iri = format!("{}/classes/{class}", HOME.trim_end_matches('/'));
    let a: Vec<_> = of(A).collect();
    assert!(!a.is_empty());
    for s in a {
        let grouping = s["context"]["contextActivities"]["grouping"].as_array().unwrap();
        assert_eq!(grouping.len(), 2, "the course and the class: {s}");
        assert_eq!(grouping[1]["id"], class_iri.as_str());
        assert_eq!(
            grouping[1]["definition"]["name"]["vi-VN"],
            "Lớp tập huấn xã Gia Viễn"
        );
    }
    // B left the class: only the course.
    for s in of(B) {
        let grouping = s["context"]["contextActivities"]["grouping"].as_array().unwrap();
        assert_eq!(grouping.len(), 1, "{s}");
    }
    // The class events themselves have no statement.
    assert_eq!(list.len(), 10);
}
