//! xAPI 1.0.3 statements, for a Learning Record Store (design Part A, "Exports").
//!
//! | event | verb | object |
//! |---|---|---|
//! | `quiz_attempted` | `passed` / `failed` | `{home}/activities/{module}/quiz` (assessment) |
//! | `module_completed` | `completed` | `{home}/activities/{module}` (module) |
//! | `lesson_viewed` | `experienced` | `{home}/activities/{module}/{lesson}` (lesson) |
//!
//! Every statement's context names the platform and language, the course (the whole curriculum,
//! `{home}/activities`) and each training class the learner is in (`{home}/classes/{class id}`) as
//! `grouping`, the module as `parent` of a lesson or quiz, and as extensions
//! (`{home}/extensions/…`) the learner's unit and the recording PC's id; a quiz attempt's result carries
//! its question-level answers as the extension `{home}/extensions/answers`.
//!
//! Other kinds (learner profile events, simulations, kinds this version does not know) have no
//! statement and are skipped. The statement `id` is the event id, so sending the same export twice is
//! harmless: an LRS ignores a statement id it already holds, the same rule as `import`.
//!
//! The actor is identified by exactly one inverse functional identifier, an `account` whose `name` is
//! the learner id (never an e-mail: learners on shared PCs have none, and ids are stable across
//! renames). Events of a merged profile are sent as the profile it was merged into; events of learners
//! not in the `learners` map (deleted profiles) are left out.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use serde_json::{Value, json};
use uuid::Uuid;

use super::{Events, ExportError, LearnerNames, OnProgress, Titles, nfc};
use crate::records::event::format_at;
use crate::records::merge::Merges;
use crate::records::{Event, EventKind};

/// The ADL verbs used here.
pub mod verbs {
    pub const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
    pub const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
    pub const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
    pub const EXPERIENCED: &str = "http://adlnet.gov/expapi/verbs/experienced";
}

const ACTIVITY_MODULE: &str = "http://adlnet.gov/expapi/activities/module";
const ACTIVITY_LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
const ACTIVITY_ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
const ACTIVITY_COURSE: &str = "http://adlnet.gov/expapi/activities/course";
/// A training class (lớp tập huấn): a cohort of learners, not content, so it has a type of its own.
const ACTIVITY_CLASS: &str = "https://w3id.org/xapi/kynangso/activity-types/class";
/// The course every module belongs to, and the `platform` of every statement.
const COURSE_NAME: &str = "Kỹ Năng Số";

/// Writes the statements for `events` as one JSON array.
///
/// `home_page` is the account system's URL (a setting); activity ids are built under it.
///
/// # Errors
/// [`ExportError::Json`] if serialisation fails (it cannot for JSON values).
pub fn to_statements(
    events: &[Event],
    learners: &LearnerNames,
    titles: &Titles,
    home_page: &str,
    progress: OnProgress<'_>,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write_statements(&events, learners, titles, home_page, progress, &mut out)?;
    Ok(out)
}

/// Writes the statements as one JSON array, one statement at a time as the events are read: the
/// statements of a province's journal are never in memory together.
///
/// # Errors
/// [`ExportError::Read`] if the events cannot be read, [`ExportError::Write`] if `out` fails.
pub fn write_statements(
    events: &dyn Events,
    learners: &LearnerNames,
    titles: &Titles,
    home_page: &str,
    progress: OnProgress<'_>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut first = true;
    let mut failed = None;
    out.write_all(b"[").map_err(ExportError::Write)?;
    each_statement(
        events,
        learners,
        titles,
        home_page,
        progress,
        &mut |_, statement| {
            if failed.is_some() {
                return;
            }
            let comma: &[u8] = if first { b"\n" } else { b",\n" };
            first = false;
            let result = out
                .write_all(comma)
                .map_err(ExportError::Write)
                .and_then(|()| serde_json::to_writer(&mut *out, &statement).map_err(ExportError::Json));
            if let Err(e) = result {
                failed = Some(e);
            }
        },
    )?;
    if let Some(e) = failed {
        return Err(e);
    }
    out.write_all(b"\n]\n").map_err(ExportError::Write)
}

/// Calls `f` with each statement and its id (the event id), in event order, each id once, reading the
/// events twice (first the merges, few, and the count for `progress`). The export and the LRS sender
/// (`crate::lrs::push`) both stream through here.
///
/// # Errors
/// [`ExportError::Read`] if the events cannot be read.
pub fn each_statement(
    events: &dyn Events,
    learners: &LearnerNames,
    titles: &Titles,
    home_page: &str,
    progress: OnProgress<'_>,
    f: &mut dyn FnMut(Uuid, Value),
) -> Result<(), ExportError> {
    let mut merge_events = Vec::new();
    let mut class_events = Vec::new();
    let mut total = 0;
    events.each(&mut |e| {
        total += 1;
        match e.kind {
            Some(EventKind::LearnerMerged { .. }) => merge_events.push(e.clone()),
            Some(
                EventKind::ClassCreated { .. }
                | EventKind::ClassUpdated { .. }
                | EventKind::ClassJoined { .. }
                | EventKind::ClassLeft { .. },
            ) => class_events.push(e.clone()),
            _ => {}
        }
    })?;
    let merges = Merges::from_events(&merge_events);
    let base = home_page.trim_end_matches('/');
    let classes = Classes::from_events(&class_events, &merges, base);
    let mut seen = HashSet::new();
    let mut done = 0;
    progress(0, total);
    events.each(&mut |event| {
        done += 1;
        if let Some(statement) = statement(event, &merges, &classes, learners, titles, base, home_page)
            && seen.insert(event.id)
        {
            f(event.id, statement);
        }
        progress(done, total);
    })
}

/// The statements for `events`, in event order, one per event that has one, without repeats of an
/// event id (an LRS rejects a batch that holds the same id twice).
#[must_use]
pub fn statements(
    events: &[Event],
    learners: &LearnerNames,
    titles: &Titles,
    home_page: &str,
    progress: OnProgress<'_>,
) -> Vec<Value> {
    let merges = Merges::from_events(events);
    let base = home_page.trim_end_matches('/');
    let classes = Classes::from_events(events, &merges, base);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    progress(0, events.len());
    for (i, event) in events.iter().enumerate() {
        if let Some(statement) = statement(event, &merges, &classes, learners, titles, base, home_page)
            && seen.insert(event.id)
        {
            out.push(statement);
        }
        progress(i + 1, events.len());
    }
    out
}

/// The statement of one event, if its kind has one and its learner is in `learners`.
fn statement(
    event: &Event,
    merges: &Merges,
    classes: &Classes,
    learners: &LearnerNames,
    titles: &Titles,
    base: &str,
    home_page: &str,
) -> Option<Value> {
    let learner = merges.resolve(event.learner);
    let (name, unit) = learners.get(&learner)?;
    let (verb, object, result, parent) = describe(event.kind.as_ref()?, base, titles)?;
    let mut statement = json!({
        "id": event.id.to_string(),
        "actor": {
            "objectType": "Agent",
            "name": nfc(name),
            "account": { "homePage": home_page, "name": learner.to_string() },
        },
        "verb": verb,
        "object": object,
        "timestamp": format_at(&event.at),
        "context": context(base, unit, parent, event.device, classes.of(learner)),
    });
    if let (Some(result), Value::Object(map)) = (result, &mut statement) {
        map.insert("result".to_owned(), result);
    }
    Some(statement)
}

/// `(verb, object, result, parent activity)` for an event kind that has a statement.
fn describe(
    kind: &EventKind,
    base: &str,
    titles: &Titles,
) -> Option<(Value, Value, Option<Value>, Option<Value>)> {
    match kind {
        EventKind::QuizAttempted {
            module,
            score,
            max,
            passed,
            duration_s,
            answers,
        } => {
            let verb = if *passed {
                verb(verbs::PASSED, "đạt", "passed")
            } else {
                verb(verbs::FAILED, "chưa đạt", "failed")
            };
            let module_title = title(titles, module);
            let object = activity(
                &format!("{}/quiz", module_iri(base, module)),
                &format!("Bài kiểm tra: {module_title}"),
                ACTIVITY_ASSESSMENT,
            );
            let mut result = json!({ "success": passed, "duration": duration(*duration_s) });
            // xAPI requires min ≤ raw ≤ max and a scaled score; a record breaking that (an empty
            // quiz, a score over the maximum) keeps its success and duration but no score.
            if *max > 0
                && score <= max
                && let Value::Object(map) = &mut result
            {
                map.insert(
                    "score".to_owned(),
                    json!({ "scaled": scaled(*score, *max), "raw": score, "min": 0, "max": max }),
                );
            }
            // Question-level results: an extension (an IRI key under the home page, any JSON value) is
            // the place xAPI leaves for them in one statement; a statement per answer would multiply
            // a province's statements by the quiz length.
            if !answers.is_empty()
                && let Value::Object(map) = &mut result
            {
                let list: Vec<Value> = answers
                    .iter()
                    .map(|a| json!({ "question": a.question, "correct": a.correct }))
                    .collect();
                map.insert(
                    "extensions".to_owned(),
                    json!({ format!("{base}/extensions/answers"): list }),
                );
            }
            let parent = activity(&module_iri(base, module), &module_title, ACTIVITY_MODULE);
            Some((verb, object, Some(result), Some(parent)))
        }
        EventKind::ModuleCompleted { module } => Some((
            verb(verbs::COMPLETED, "hoàn thành", "completed"),
            activity(&module_iri(base, module), &title(titles, module), ACTIVITY_MODULE),
            Some(json!({ "completion": true })),
            None,
        )),
        EventKind::LessonViewed { module, lesson } => Some((
            verb(verbs::EXPERIENCED, "đã xem", "experienced"),
            activity(
                &format!("{}/{}", module_iri(base, module), segment(lesson)),
                &title(titles, &format!("{module}/{lesson}")),
                ACTIVITY_LESSON,
            ),
            None,
            Some(activity(
                &module_iri(base, module),
                &title(titles, module),
                ACTIVITY_MODULE,
            )),
        )),
        EventKind::LearnerCreated { .. }
        | EventKind::LearnerUpdated { .. }
        | EventKind::LearnerMerged { .. }
        | EventKind::LearnerDeleted
        | EventKind::LearnerRestored
        | EventKind::SimulationCompleted { .. }
        | EventKind::QuestionPractised { .. }
        | EventKind::ClassCreated { .. }
        | EventKind::ClassUpdated { .. }
        | EventKind::ClassJoined { .. }
        | EventKind::ClassLeft { .. } => None,
    }
}

fn verb(id: &str, vi: &str, en: &str) -> Value {
    json!({ "id": id, "display": { "vi-VN": vi, "en-US": en } })
}

fn activity(id: &str, name: &str, kind: &str) -> Value {
    json!({
        "objectType": "Activity",
        "id": id,
        "definition": { "name": { "vi-VN": nfc(name) }, "type": kind },
    })
}

/// The context: the platform, the content language, the module a lesson or quiz belongs to (`parent`),
/// the course — the app's whole curriculum — as `grouping`, and as extensions the learner's unit
/// (xã/phường), so an LRS report can group by commune, and the PC that recorded it.
fn context(base: &str, unit: &str, parent: Option<Value>, device: Uuid, classes: &[Value]) -> Value {
    let mut grouping = vec![activity(
        &format!("{base}/activities"),
        COURSE_NAME,
        ACTIVITY_COURSE,
    )];
    grouping.extend(classes.iter().cloned());
    let mut activities = json!({ "grouping": grouping });
    let mut extensions = json!({ format!("{base}/extensions/device"): device.to_string() });
    if let (Some(parent), Value::Object(map)) = (parent, &mut activities) {
        map.insert("parent".to_owned(), json!([parent]));
    }
    if !unit.trim().is_empty()
        && let Value::Object(map) = &mut extensions
    {
        map.insert(format!("{base}/extensions/unit"), json!(nfc(unit)));
    }
    json!({
        "platform": COURSE_NAME,
        "language": "vi-VN",
        "contextActivities": activities,
        "extensions": extensions,
    })
}

/// The training classes each learner is in, as grouping activities, from the class events: a class's
/// name is its latest `class_created`/`class_updated` name, membership each learner's latest
/// `class_joined`/`class_left` (ties broken by event id, as the fold does; merged profiles followed).
/// Statements name the classes the learner is in when they are sent.
#[derive(Default)]
struct Classes {
    of: HashMap<Uuid, Vec<Value>>,
}

impl Classes {
    fn from_events(events: &[Event], merges: &Merges, base: &str) -> Classes {
        let mut sorted: Vec<&Event> = events.iter().collect();
        sorted.sort_by_key(|e| (e.at, e.id));
        let mut names: HashMap<Uuid, String> = HashMap::new();
        let mut member: HashMap<(Uuid, Uuid), bool> = HashMap::new();
        for event in sorted {
            match &event.kind {
                Some(
                    EventKind::ClassCreated { class, name, .. }
                    | EventKind::ClassUpdated {
                        class,
                        name: Some(name),
                        ..
                    },
                ) => {
                    names.insert(*class, name.clone());
                }
                Some(EventKind::ClassJoined { class }) => {
                    member.insert((merges.resolve(event.learner), *class), true);
                }
                Some(EventKind::ClassLeft { class }) => {
                    member.insert((merges.resolve(event.learner), *class), false);
                }
                _ => {}
            }
        }
        let mut of: HashMap<Uuid, Vec<Value>> = HashMap::new();
        let mut joined: Vec<(Uuid, Uuid)> = member
            .into_iter()
            .filter(|&(_, is_in)| is_in)
            .map(|(key, _)| key)
            .collect();
        joined.sort_unstable();
        for (learner, class) in joined {
            let name = names.get(&class).map_or("", String::as_str);
            let iri = format!("{base}/classes/{class}");
            of.entry(learner)
                .or_default()
                .push(activity(&iri, name, ACTIVITY_CLASS));
        }
        Classes { of }
    }

    fn of(&self, learner: Uuid) -> &[Value] {
        self.of.get(&learner).map_or(&[], Vec::as_slice)
    }
}

fn module_iri(base: &str, module: &str) -> String {
    format!("{base}/activities/{}", segment(module))
}

fn title(titles: &Titles, key: &str) -> String {
    titles.get(key).cloned().unwrap_or_else(|| key.to_owned())
}

/// `score / max`, rounded to 4 decimals (enough for any quiz; avoids 0.30000000000000004 in the file).
#[must_use]
pub fn scaled(score: u32, max: u32) -> f64 {
    if max == 0 {
        return 0.0;
    }
    (f64::from(score) / f64::from(max) * 10_000.0).round() / 10_000.0
}

/// Seconds as an ISO 8601 duration: 270 → `PT4M30S`, 0 → `PT0S`, 3600 → `PT1H`.
#[must_use]
pub fn duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        let _ = write!(out, "{h}H");
    }
    if m > 0 {
        let _ = write!(out, "{m}M");
    }
    if s > 0 || seconds == 0 {
        let _ = write!(out, "{s}S");
    }
    out
}

/// A path segment for an IRI: ids from `module.json` are slugs, but percent-encode anything else so
/// the activity id stays a valid IRI whatever a content author typed.
fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{duration, scaled, segment};

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(0), "PT0S");
        assert_eq!(duration(270), "PT4M30S");
        assert_eq!(duration(3600), "PT1H");
        assert_eq!(duration(3661), "PT1H1M1S");
        assert_eq!(duration(120), "PT2M");
    }

    #[test]
    fn scaled_is_rounded_ratio() {
        assert!((scaled(8, 10) - 0.8).abs() < 1e-12);
        assert!((scaled(1, 3) - 0.3333).abs() < 1e-12);
        assert!((scaled(0, 0)).abs() < 1e-12);
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("01-bao-cao"), "01-bao-cao");
        assert_eq!(segment("a b/ễ"), "a%20b%2F%E1%BB%85");
    }
}
