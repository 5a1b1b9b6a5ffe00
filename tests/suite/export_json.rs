//! The exchange file: export → parse gives the same events (unknown kinds kept untouched), NFD comes
//! back NFC, and every kind of bad file is rejected with its own typed error.

use crate::export_fixture::{A, DEVICE, at, events, nfd, unknown_event};
use kynangso::export::json::{EventProblem, ExchangeError, MAX_EXCHANGE_BYTES, parse_exchange, to_exchange};
use kynangso::i18n::{I18n, Lang};
use serde_json::{Value, json};

const NOW: &str = "2026-11-26T17:05:00.250+07:00";

fn envelope(events: Value) -> Value {
    json!({
        "format": "kynangso-records",
        "version": 1,
        "device": DEVICE.to_string(),
        "exported_at": NOW,
        "events": events,
    })
}

fn good_event() -> Value {
    json!({
        "id": "6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5",
        "at": "2026-11-26T09:41:27.123+07:00",
        "device": DEVICE.to_string(),
        "learner": A.to_string(),
        "kind": "lesson_viewed",
        "module": "01-bao-cao",
        "lesson": "gioi-thieu",
    })
}

fn parse(value: &Value) -> Result<kynangso::export::json::Exchange, ExchangeError> {
    parse_exchange(&serde_json::to_vec(value).unwrap())
}

#[test]
fn exchange_round_trip_keeps_every_event() {
    let events = events();
    let bytes = to_exchange(&events, DEVICE, at(NOW)).unwrap();
    let root: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(root["format"], "kynangso-records");
    assert_eq!(root["version"], 1);
    assert_eq!(root["device"], DEVICE.to_string());
    assert_eq!(root["exported_at"], NOW);
    assert_eq!(root["events"].as_array().unwrap().len(), events.len());

    let back = parse_exchange(&bytes).unwrap();
    assert_eq!(back.device, DEVICE);
    assert_eq!(back.exported_at, at(NOW));
    let back_events: Vec<_> = back.events().collect();
    assert_eq!(back.len(), events.len());
    assert_eq!(back_events, events);
    // The unknown kind is kept as it was, nested fields and all, and written out again unchanged.
    let unknown = back_events.iter().find(|e| e.kind.is_none()).unwrap();
    assert_eq!(unknown, &unknown_event());
    assert_eq!(unknown.raw["detail"]["levels"][2]["x"], "y");
    assert_eq!(to_exchange(&back_events, DEVICE, at(NOW)).unwrap(), bytes);
}

#[test]
fn exchange_strings_come_back_nfc() {
    let mut event = good_event();
    event["kind"] = json!("learner_created");
    event["name"] = json!(nfd("Trần Văn Đức"));
    event["unit"] = json!(nfd("Phường Bến Nghé"));
    event[nfd("ghi chú")] = json!([nfd("Ấp Mỹ Lợi")]);
    let back = parse(&envelope(json!([event]))).unwrap();
    let e = &back.events().next().unwrap();
    assert_eq!(e.raw["name"], "Trần Văn Đức");
    assert_eq!(e.raw["unit"], "Phường Bến Nghé");
    assert_eq!(e.raw["ghi chú"][0], "Ấp Mỹ Lợi");
    assert!(e.kind.is_some());
}

#[test]
fn exchange_accepts_a_bom_and_extra_header_fields() {
    let mut file = envelope(json!([good_event()]));
    file["note"] = json!("added by a later version");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&file).unwrap());
    assert_eq!(parse_exchange(&bytes).unwrap().len(), 1);
}

#[test]
fn bad_exchange_files_are_rejected_with_their_error() {
    use ExchangeError as X;
    let bad_event = |problem| X::BadEvent { index: 1, problem };
    let with_event = |f: &dyn Fn(&mut Value)| {
        let mut e = good_event();
        f(&mut e);
        envelope(json!([good_event(), e]))
    };
    let nested = |levels: usize| {
        let mut v = json!("leaf");
        for _ in 0..levels {
            v = json!([v]);
        }
        v
    };

    assert_eq!(parse_exchange(b"PK\x03\x04 not json"), Err(X::NotJson));
    assert_eq!(parse_exchange(b"kynangso,records\r\n1,2\r\n"), Err(X::NotJson));
    let full = serde_json::to_vec(&envelope(json!([good_event()]))).unwrap();
    assert_eq!(parse_exchange(&full[..full.len() - 30]), Err(X::Truncated));
    assert_eq!(parse_exchange(b""), Err(X::Truncated));
    assert_eq!(parse(&json!([1, 2])), Err(X::WrongFormat));
    let mut wrong = envelope(json!([]));
    wrong["format"] = json!("other-app");
    assert_eq!(parse(&wrong), Err(X::WrongFormat));
    wrong = envelope(json!([]));
    wrong["version"] = json!(2);
    assert_eq!(parse(&wrong), Err(X::UnsupportedVersion { found: Some(2) }));
    wrong["version"] = json!("1");
    assert_eq!(parse(&wrong), Err(X::UnsupportedVersion { found: None }));
    wrong = envelope(json!([]));
    wrong["device"] = json!("PC-3");
    assert_eq!(parse(&wrong), Err(X::BadHeader { field: "device" }));
    wrong = envelope(json!({}));
    assert_eq!(parse(&wrong), Err(X::BadHeader { field: "events" }));

    // Depth: a deep document that is not an envelope is skimmed without recursion and refused, and
    // an event past our limit is refused.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(parse_exchange(deep.as_bytes()), Err(X::WrongFormat));
    let deep_field = format!(
        r#"{{"x":{}{},"format":"kynangso-records"}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(
        parse_exchange(deep_field.as_bytes()),
        Err(X::UnsupportedVersion { found: None })
    );
    assert_eq!(
        parse(&with_event(&|e| e["extra"] = nested(40))),
        Err(bad_event(EventProblem::TooDeep))
    );
    assert!(
        parse(&with_event(&|e| e["extra"] = nested(20))).is_ok(),
        "20 levels are fine"
    );

    for field in ["id", "at", "device", "learner", "kind"] {
        let missing = with_event(&|e| {
            e.as_object_mut().unwrap().remove(field);
        });
        assert_eq!(
            parse(&missing),
            Err(bad_event(EventProblem::BadField(field))),
            "{field}"
        );
    }
    assert_eq!(
        parse(&with_event(&|e| e["id"] = json!("not-a-uuid"))),
        Err(bad_event(EventProblem::BadField("id")))
    );
    assert_eq!(
        parse(&with_event(&|e| e["learner"] = json!(42))),
        Err(bad_event(EventProblem::BadField("learner")))
    );
    for stamp in ["26/11/2026", "2026-11-26T09:41:27", "2026-13-26T09:41:27+07:00"] {
        assert_eq!(
            parse(&with_event(&|e| e["at"] = json!(stamp))),
            Err(bad_event(EventProblem::BadField("at"))),
            "{stamp}"
        );
    }
    assert_eq!(
        parse(&envelope(json!([good_event(), "text"]))),
        Err(bad_event(EventProblem::NotAnObject))
    );
}

#[test]
fn oversized_files_are_rejected_before_parsing() {
    // Not JSON at all: if it were parsed first, the error would be NotJson.
    let len = usize::try_from(MAX_EXCHANGE_BYTES).unwrap() + 1;
    let bytes = vec![b'x'; len];
    assert_eq!(
        parse_exchange(&bytes),
        Err(ExchangeError::TooLarge { len: len as u64 })
    );
}

#[test]
fn exchange_errors_have_plain_messages() {
    let t = I18n::new(Lang::Vi);
    let message = ExchangeError::Truncated.render(&t);
    assert!(message.contains("chép"), "{message}");
    let bad = ExchangeError::BadEvent {
        index: 4,
        problem: EventProblem::BadField("at"),
    };
    assert!(bad.render(&t).contains('5'), "1-based for people");
    let newer = ExchangeError::UnsupportedVersion { found: Some(2) }.render(&I18n::new(Lang::En));
    assert!(newer.contains("newer"), "{newer}");
}
