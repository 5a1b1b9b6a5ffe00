//! Journal events, schema version 1 (design Part A, "Records"). Events are immutable and travel between
//! PCs that may run other versions, so an unknown `kind` or unknown fields are kept as they are and
//! written back out unchanged.
//!
//! The invariant the rest of the app relies on: [`Event::raw`] always holds the complete JSON object of
//! the event exactly as it is written to the journal or an exchange file. Serialising an [`Event`]
//! writes `raw` and nothing else, so a field or kind this version does not understand survives a
//! load → export round trip byte for byte (apart from key order and NFC, which the contract fixes).

use crate::text::into_nfc;
use chrono::{DateTime, FixedOffset, SecondsFormat, SubsecRound as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use uuid::Uuid;

/// One answer in a quiz attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub question: String,
    pub correct: bool,
    /// What the learner answered, in the content's indexes (see [`Chosen`]); `None` in files written
    /// before version 1's extensions, for a question left unanswered, or when the field is malformed
    /// (the answer and its event are kept all the same).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "Chosen::lenient"
    )]
    pub chosen: Option<Chosen>,
}

/// What was answered (`answers[].chosen`), always in the **content's** indexes (the order of
/// `quiz.json`), never the shuffled order shown:
///
/// - single and multiple choice: the chosen option indexes (sorted for multiple);
/// - true/false: `[0]` for "Đúng" (true), `[1]` for "Sai" (false);
/// - ordering: the content indexes of the steps, in the order the learner put them;
/// - matching: one pair `[left index, content index of the right-hand item chosen for it]` per left item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Chosen {
    Indexes(Vec<u32>),
    Pairs(Vec<[u32; 2]>),
}

impl Chosen {
    /// Reads `chosen` from any JSON: a value that fits neither form is `None`, not an error, so a
    /// malformed answer detail never costs the attempt.
    fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Chosen>, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(Chosen::from_value(&value))
    }

    /// `chosen` as read from a JSON value; `None` when it is neither a list of indexes nor of pairs.
    #[must_use]
    pub fn from_value(value: &Value) -> Option<Chosen> {
        let items = value.as_array()?;
        let index = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
        if let Some(indexes) = items.iter().map(index).collect::<Option<Vec<u32>>>() {
            return Some(Chosen::Indexes(indexes));
        }
        items
            .iter()
            .map(|pair| match pair.as_array()?.as_slice() {
                [a, b] => Some([index(a)?, index(b)?]),
                _ => None,
            })
            .collect::<Option<Vec<[u32; 2]>>>()
            .map(Chosen::Pairs)
    }
}

/// What happened. Field names and kind names are the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    LearnerCreated {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<String>,
    },
    LearnerUpdated {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<String>,
    },
    LearnerMerged {
        into: Uuid,
    },
    LearnerDeleted,
    /// Undoes a `learner_deleted` that came before it (a mistaken delete, or a delete imported from
    /// another PC). Version 1 readers that do not know it keep it as an unknown kind.
    LearnerRestored,
    LessonViewed {
        module: String,
        lesson: String,
    },
    QuizAttempted {
        module: String,
        score: u32,
        max: u32,
        passed: bool,
        duration_s: u64,
        answers: Vec<AnswerRecord>,
    },
    SimulationCompleted {
        module: String,
        simulation: String,
        mistakes: u32,
        duration_s: u64,
    },
    ModuleCompleted {
        module: String,
    },
    /// A training class (lớp tập huấn), design "Version 1 extensions". Recorded about the nil learner;
    /// `starts` and `ends` are `YYYY-MM-DD`.
    ClassCreated {
        class: Uuid,
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        starts: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ends: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        trainer: Option<String>,
    },
    /// Changes a class's fields (each optional; an empty text clears `unit`, `ends` or `trainer`).
    ClassUpdated {
        class: Uuid,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        starts: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ends: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        trainer: Option<String>,
    },
    /// The learner joins a class.
    ClassJoined {
        class: Uuid,
    },
    /// The learner leaves a class.
    ClassLeft {
        class: Uuid,
    },
}

impl EventKind {
    /// The `kind` string as written in the journal.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::LearnerCreated { .. } => "learner_created",
            EventKind::LearnerUpdated { .. } => "learner_updated",
            EventKind::LearnerMerged { .. } => "learner_merged",
            EventKind::LearnerDeleted => "learner_deleted",
            EventKind::LearnerRestored => "learner_restored",
            EventKind::LessonViewed { .. } => "lesson_viewed",
            EventKind::QuizAttempted { .. } => "quiz_attempted",
            EventKind::SimulationCompleted { .. } => "simulation_completed",
            EventKind::ModuleCompleted { .. } => "module_completed",
            EventKind::ClassCreated { .. } => "class_created",
            EventKind::ClassUpdated { .. } => "class_updated",
            EventKind::ClassJoined { .. } => "class_joined",
            EventKind::ClassLeft { .. } => "class_left",
        }
    }

    /// The module the event is about, for the kinds that name one.
    #[must_use]
    pub fn module(&self) -> Option<&str> {
        match self {
            EventKind::LessonViewed { module, .. }
            | EventKind::QuizAttempted { module, .. }
            | EventKind::SimulationCompleted { module, .. }
            | EventKind::ModuleCompleted { module } => Some(module),
            EventKind::LearnerCreated { .. }
            | EventKind::LearnerUpdated { .. }
            | EventKind::LearnerMerged { .. }
            | EventKind::LearnerDeleted
            | EventKind::LearnerRestored
            | EventKind::ClassCreated { .. }
            | EventKind::ClassUpdated { .. }
            | EventKind::ClassJoined { .. }
            | EventKind::ClassLeft { .. } => None,
        }
    }
}

/// One journal line. `kind` is `None` for an event kind this version does not know (or a known kind
/// whose fields do not fit, e.g. written by a broken tool); `raw` then holds the whole original object
/// so it can be re-exported untouched, and the fold ignores the event.
///
/// Build events with [`Event::new`] (or [`Event::with_id`]) and read them with [`Event::parse_line`] or
/// serde, so `raw` and the typed fields always agree; the fields are public for reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: Uuid,
    pub at: DateTime<FixedOffset>,
    pub device: Uuid,
    pub learner: Uuid,
    pub kind: Option<EventKind>,
    pub raw: Map<String, Value>,
}

/// Why a JSON text is not an event. Only whole-line problems: a missing or malformed `id`, `at`,
/// `device`, `learner` or `kind`. Unknown kinds and extra fields are not errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventError {
    /// Not a JSON object at all (a torn line, garbage).
    NotJson(String),
    /// A JSON value that is not an object.
    NotAnObject,
    /// A required field is missing or has the wrong type or format.
    BadField(&'static str),
}

impl std::fmt::Display for EventError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EventError::NotJson(e) => write!(f, "not JSON: {e}"),
            EventError::NotAnObject => f.write_str("not a JSON object"),
            EventError::BadField(field) => write!(f, "missing or malformed field `{field}`"),
        }
    }
}

impl std::error::Error for EventError {}

/// Formats a timestamp as the contract wants: RFC 3339, milliseconds, numeric offset.
#[must_use]
pub fn format_at(at: &DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, false)
}

impl Event {
    /// A new event with a fresh random id. Text is normalised to NFC and `at` is cut to milliseconds,
    /// so the event equals what is read back from disk.
    #[must_use]
    pub fn new(learner: Uuid, device: Uuid, at: DateTime<FixedOffset>, kind: EventKind) -> Event {
        Event::with_id(Uuid::new_v4(), learner, device, at, kind)
    }

    /// Like [`Event::new`] with a given id (tests, benchmarks, and tools that derive ids).
    #[must_use]
    pub fn with_id(
        id: Uuid,
        learner: Uuid,
        device: Uuid,
        at: DateTime<FixedOffset>,
        kind: EventKind,
    ) -> Event {
        let at = at.trunc_subsecs(3);
        let kind = kind.into_nfc();
        let mut raw = match serde_json::to_value(&kind) {
            Ok(Value::Object(map)) => map,
            // Cannot happen for this enum (a derived internally tagged enum of plain fields always
            // serialises to an object); keep at least the kind so the line stays readable.
            _ => Map::from_iter([("kind".to_owned(), Value::String(kind.name().to_owned()))]),
        };
        raw.insert("id".to_owned(), Value::String(id.to_string()));
        raw.insert("at".to_owned(), Value::String(format_at(&at)));
        raw.insert("device".to_owned(), Value::String(device.to_string()));
        raw.insert("learner".to_owned(), Value::String(learner.to_string()));
        Event {
            id,
            at,
            device,
            learner,
            kind: Some(kind),
            raw,
        }
    }

    /// Reads one journal line (without its newline).
    ///
    /// # Errors
    /// [`EventError`] when the line is not a JSON object with a valid `id`, `at`, `device`, `learner`
    /// and string `kind`. An unknown kind or unknown fields are fine.
    pub fn parse_line(line: &str) -> Result<Event, EventError> {
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => Event::from_map(map),
            Ok(_) => Err(EventError::NotAnObject),
            Err(e) => Err(EventError::NotJson(e.to_string())),
        }
    }

    /// Builds an event from a JSON object, normalising every string in it to NFC.
    ///
    /// # Errors
    /// As [`Event::parse_line`].
    pub fn from_map(mut raw: Map<String, Value>) -> Result<Event, EventError> {
        for value in raw.values_mut() {
            crate::text::nfc_json(value);
        }
        let id = uuid_field(&raw, "id")?;
        let device = uuid_field(&raw, "device")?;
        let learner = uuid_field(&raw, "learner")?;
        let at = raw
            .get("at")
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .filter(super::time::is_plausible)
            .ok_or(EventError::BadField("at"))?;
        if !raw.get("kind").is_some_and(Value::is_string) {
            return Err(EventError::BadField("kind"));
        }
        // An unknown kind (or a known one with fields that do not fit) is kept, untyped.
        let kind = super::kind_read::kind_from_map(&raw);
        Ok(Event {
            id,
            at,
            device,
            learner,
            kind,
            raw,
        })
    }

    /// The `kind` string as written, known to this version or not.
    #[must_use]
    pub fn kind_name(&self) -> &str {
        self.raw.get("kind").and_then(Value::as_str).unwrap_or_default()
    }

    /// The `version` of the module when the event happened (design "Version 1 extensions"); `None` when
    /// the event has none (written before the field existed, or not about a module).
    #[must_use]
    pub fn version(&self) -> Option<u32> {
        self.raw
            .get("version")
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
    }

    /// The same event carrying the module `version` it happened in.
    #[must_use]
    pub fn with_version(mut self, version: u32) -> Event {
        self.raw.insert("version".to_owned(), Value::from(version));
        self
    }

    /// The JSON line for the journal (no newline).
    #[must_use]
    pub fn to_line(&self) -> String {
        // Serialising a map of JSON values cannot fail.
        serde_json::to_string(&self.raw).unwrap_or_default()
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Map::<String, Value>::deserialize(deserializer)?;
        Event::from_map(raw).map_err(serde::de::Error::custom)
    }
}

impl EventKind {
    /// The same kind with every text field in NFC.
    fn into_nfc(self) -> EventKind {
        match self {
            EventKind::LearnerCreated { name, unit, position } => EventKind::LearnerCreated {
                name: into_nfc(name),
                unit: unit.map(into_nfc),
                position: position.map(into_nfc),
            },
            EventKind::LearnerUpdated { name, unit, position } => EventKind::LearnerUpdated {
                name: name.map(into_nfc),
                unit: unit.map(into_nfc),
                position: position.map(into_nfc),
            },
            EventKind::LessonViewed { module, lesson } => EventKind::LessonViewed {
                module: into_nfc(module),
                lesson: into_nfc(lesson),
            },
            EventKind::QuizAttempted {
                module,
                score,
                max,
                passed,
                duration_s,
                answers,
            } => EventKind::QuizAttempted {
                module: into_nfc(module),
                score,
                max,
                passed,
                duration_s,
                answers: answers
                    .into_iter()
                    .map(|a| AnswerRecord {
                        question: into_nfc(a.question),
                        ..a
                    })
                    .collect(),
            },
            EventKind::SimulationCompleted {
                module,
                simulation,
                mistakes,
                duration_s,
            } => EventKind::SimulationCompleted {
                module: into_nfc(module),
                simulation: into_nfc(simulation),
                mistakes,
                duration_s,
            },
            EventKind::ModuleCompleted { module } => EventKind::ModuleCompleted {
                module: into_nfc(module),
            },
            EventKind::ClassCreated {
                class,
                name,
                unit,
                starts,
                ends,
                trainer,
            } => EventKind::ClassCreated {
                class,
                name: into_nfc(name),
                unit: unit.map(into_nfc),
                starts: into_nfc(starts),
                ends: ends.map(into_nfc),
                trainer: trainer.map(into_nfc),
            },
            EventKind::ClassUpdated {
                class,
                name,
                unit,
                starts,
                ends,
                trainer,
            } => EventKind::ClassUpdated {
                class,
                name: name.map(into_nfc),
                unit: unit.map(into_nfc),
                starts: starts.map(into_nfc),
                ends: ends.map(into_nfc),
                trainer: trainer.map(into_nfc),
            },
            other @ (EventKind::LearnerMerged { .. }
            | EventKind::LearnerDeleted
            | EventKind::LearnerRestored
            | EventKind::ClassJoined { .. }
            | EventKind::ClassLeft { .. }) => other,
        }
    }
}

fn uuid_field(raw: &Map<String, Value>, field: &'static str) -> Result<Uuid, EventError> {
    raw.get(field)
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or(EventError::BadField(field))
}
