//! The exchange file (design Part A): how records travel between PCs on a USB stick or a shared
//! folder, written by `export --format json` and read by `import`.
//!
//! ```json
//! {"format":"kynangso-records","version":1,"device":UUID,"exported_at":RFC3339,"events":[…]}
//! ```
//!
//! Each element of `events` is the event's `raw` object, exactly as the journal holds it, so a kind or
//! field that this version does not know is carried on untouched to a PC that may know it.
//!
//! [`parse_exchange`] is strict about the envelope and the five common fields of every event, because
//! `import` must either take a whole file or change nothing; it is lenient about everything else,
//! because later versions may add optional fields and new kinds. Its errors are typed, and
//! [`ExchangeError::render`] turns them into a plain sentence for the user.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;
use uuid::Uuid;

use std::io::Write;

use super::{Events, ExportError};
use crate::i18n::I18n;
use crate::records::Event;
use crate::records::event::{EventError, format_at};

/// The `format` value of an exchange file.
pub const FORMAT: &str = "kynangso-records";

/// The exchange format version this build writes and reads.
pub const VERSION: u64 = 1;

/// The largest exchange file accepted: 200 MiB. A class of 40 learners makes a few MB a year; a larger
/// file is not ours, and parsing it would take the PC's memory. Callers that read from disk should
/// compare the file's length with this before reading it.
pub const MAX_EXCHANGE_BYTES: u64 = 200 * 1024 * 1024;

/// The deepest nesting allowed inside one event (the event object itself is level 1). Our events are
/// at most 3 deep (`answers` → answer); 32 leaves room for later versions and stops hostile files.
pub const MAX_EVENT_DEPTH: usize = 32;

/// A checked exchange file. Its events are kept as the file's bytes and parsed again when they are
/// taken ([`Exchange::events`]): a 100,000-event file is a few tens of MB as text, and hundreds as
/// parsed events.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// The PC that wrote the file.
    pub device: Uuid,
    pub exported_at: DateTime<FixedOffset>,
    /// The file, without a byte order mark.
    bytes: Vec<u8>,
    /// How many events it holds.
    count: usize,
}

impl Exchange {
    /// How many events the file holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the file holds no event.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The events in file order, every string in NFC, parsed one at a time. They were all checked when
    /// the file was read, so none is missing.
    pub fn events(&self) -> impl Iterator<Item = Event> + '_ {
        let raws = envelope(&self.bytes)
            .ok()
            .and_then(|e| e.events)
            .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
            .unwrap_or_default();
        raws.into_iter().filter_map(|raw| event(raw, 0).ok())
    }
}

/// Why a file is not an exchange file we can import. Nothing is imported from a file that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExchangeError {
    /// Over [`MAX_EXCHANGE_BYTES`].
    TooLarge { len: u64 },
    /// Not JSON at all (another kind of file, or garbage).
    NotJson,
    /// JSON that stops early: a copy that did not finish, a full disk.
    Truncated,
    /// Nested deeper than the JSON parser's limit.
    TooDeep,
    /// JSON, but not an object with `"format": "kynangso-records"`.
    WrongFormat,
    /// `version` missing, not a whole number, or one this build cannot read (`found`).
    UnsupportedVersion { found: Option<u64> },
    /// `device`, `exported_at` or `events` missing or malformed.
    BadHeader { field: &'static str },
    /// The event at `index` (0-based) in `events` is malformed.
    BadEvent { index: usize, problem: EventProblem },
}

/// What is wrong with one event of an exchange file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventProblem {
    NotAnObject,
    /// Nested deeper than [`MAX_EVENT_DEPTH`].
    TooDeep,
    /// `id`, `at`, `device`, `learner` or `kind` missing, or not a UUID / RFC 3339 timestamp with
    /// offset in the plausible range of [`crate::records::time`] / string.
    BadField(&'static str),
}

impl ExchangeError {
    /// The reason for the user, in `t`'s language: one sentence, to follow "cannot read file X:".
    #[must_use]
    pub fn render(&self, t: &I18n) -> String {
        match *self {
            ExchangeError::TooLarge { .. } => t.exchange_error_too_large(MAX_EXCHANGE_BYTES / (1024 * 1024)),
            ExchangeError::NotJson => t.exchange_error_not_json(),
            ExchangeError::Truncated => t.exchange_error_truncated(),
            ExchangeError::TooDeep | ExchangeError::WrongFormat => t.exchange_error_wrong_format(),
            ExchangeError::UnsupportedVersion { found: Some(v) } if v > VERSION => {
                t.exchange_error_version_newer()
            }
            ExchangeError::UnsupportedVersion { .. } | ExchangeError::BadHeader { .. } => {
                t.exchange_error_damaged()
            }
            ExchangeError::BadEvent {
                index,
                problem: EventProblem::BadField("at"),
            } => t.exchange_error_bad_time(index + 1),
            ExchangeError::BadEvent { index, .. } => t.exchange_error_bad_event(index + 1),
        }
    }
}

impl std::fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExchangeError::TooLarge { len } => write!(f, "file of {len} bytes is over the limit"),
            ExchangeError::NotJson => f.write_str("not JSON"),
            ExchangeError::Truncated => f.write_str("JSON ends early"),
            ExchangeError::TooDeep => f.write_str("JSON nested too deep"),
            ExchangeError::WrongFormat => write!(f, "not a {FORMAT} file"),
            ExchangeError::UnsupportedVersion { found } => {
                write!(f, "unsupported version {found:?}")
            }
            ExchangeError::BadHeader { field } => write!(f, "missing or malformed `{field}`"),
            ExchangeError::BadEvent { index, problem } => write!(f, "event {index}: {problem:?}"),
        }
    }
}

impl std::error::Error for ExchangeError {}

#[derive(Serialize)]
struct Header {
    format: &'static str,
    version: u64,
    device: Uuid,
    exported_at: String,
}

/// Writes `events` (their `raw` objects, in the order given) as an exchange file from `device`.
///
/// # Errors
/// [`ExportError::Json`] if serialisation fails (it cannot for JSON values; kept for honesty).
pub fn to_exchange(
    events: &[Event],
    device: Uuid,
    exported_at: DateTime<FixedOffset>,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    write_exchange(&events, device, exported_at, &mut out)?;
    Ok(out)
}

/// Writes the exchange file event by event: a province's journal is never in memory as a whole. The
/// header's fields come first, as serde would write them, then `"events": [...]`.
///
/// # Errors
/// [`ExportError::Read`] if the events cannot be read, [`ExportError::Write`] if `out` fails.
pub fn write_exchange(
    events: &dyn Events,
    device: Uuid,
    exported_at: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let header = serde_json::to_vec(&Header {
        format: FORMAT,
        version: VERSION,
        device,
        exported_at: format_at(&exported_at),
    })?;
    // `{...}` without its closing brace, to continue with the events.
    let open = header.strip_suffix(b"}").unwrap_or(&header);
    out.write_all(open).map_err(ExportError::Write)?;
    out.write_all(b",\"events\":[").map_err(ExportError::Write)?;
    let mut first = true;
    let mut failed = None;
    events.each(&mut |event| {
        if failed.is_some() {
            return;
        }
        let comma: &[u8] = if first { b"" } else { b"," };
        first = false;
        let result = out
            .write_all(comma)
            .map_err(ExportError::Write)
            .and_then(|()| serde_json::to_writer(&mut *out, &event.raw).map_err(ExportError::Json));
        if let Err(e) = result {
            failed = Some(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    out.write_all(b"]}").map_err(ExportError::Write)
}

/// The envelope's fields, each as raw JSON text borrowed from the file; unknown fields are ignored.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    format: Option<&'a RawValue>,
    #[serde(borrow)]
    version: Option<&'a RawValue>,
    #[serde(borrow)]
    device: Option<&'a RawValue>,
    #[serde(borrow)]
    exported_at: Option<&'a RawValue>,
    #[serde(borrow)]
    events: Option<&'a RawValue>,
}

/// The envelope of `bytes` (without a BOM). Events are left as raw text, so reading the envelope does
/// not build every event.
fn envelope(bytes: &[u8]) -> Result<Envelope<'_>, ExchangeError> {
    // Only an object is an envelope (serde would also read a struct from an array); anything else is
    // told apart as bad JSON or the wrong format.
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        return match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            Ok(_) => Err(ExchangeError::WrongFormat),
            Err(e) => Err(json_error(&e)),
        };
    }
    serde_json::from_slice(bytes).map_err(|e| json_error(&e))
}

/// A small raw value (a header field) parsed.
fn small(raw: Option<&RawValue>) -> Option<Value> {
    raw.and_then(|r| serde_json::from_str(r.get()).ok())
}

/// One event of the file, checked as `import` needs it.
fn event(raw: &RawValue, index: usize) -> Result<Event, ExchangeError> {
    let bad = |problem| ExchangeError::BadEvent { index, problem };
    let mut value: Value = serde_json::from_str(raw.get()).map_err(|e| match json_error(&e) {
        ExchangeError::TooDeep => bad(EventProblem::TooDeep),
        _ => bad(EventProblem::NotAnObject),
    })?;
    if depth(&value) > MAX_EVENT_DEPTH {
        return Err(bad(EventProblem::TooDeep));
    }
    // Keys too: `Event::from_map` normalises the values only.
    crate::text::nfc_json(&mut value);
    let Value::Object(map) = value else {
        return Err(bad(EventProblem::NotAnObject));
    };
    Event::from_map(map).map_err(|e| {
        bad(match e {
            EventError::BadField(field) => EventProblem::BadField(field),
            EventError::NotJson(_) | EventError::NotAnObject => EventProblem::NotAnObject,
        })
    })
}

/// Reads an exchange file. A UTF-8 byte order mark (a file saved by Notepad) is allowed. Every string
/// (keys too) comes back in NFC. Unknown kinds, unknown fields and known kinds with fields this version
/// cannot read are kept as untyped events (`kind: None`), as the journal does.
///
/// # Errors
/// [`ExchangeError`]; the length is checked before anything is parsed.
pub fn parse_exchange(bytes: &[u8]) -> Result<Exchange, ExchangeError> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_EXCHANGE_BYTES {
        return Err(ExchangeError::TooLarge { len });
    }
    read_exchange_bytes(bytes.to_vec())
}

/// [`parse_exchange`] of bytes the caller owns (no copy): every event is checked, one at a time, and
/// none is kept.
///
/// # Errors
/// [`ExchangeError`].
pub fn read_exchange_bytes(mut bytes: Vec<u8>) -> Result<Exchange, ExchangeError> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if len > MAX_EXCHANGE_BYTES {
        return Err(ExchangeError::TooLarge { len });
    }
    if bytes.starts_with(super::csv::BOM) {
        bytes.drain(..super::csv::BOM.len());
    }
    let (device, exported_at, count) = {
        let root = envelope(&bytes)?;
        if small(root.format).as_ref().and_then(Value::as_str) != Some(FORMAT) {
            return Err(ExchangeError::WrongFormat);
        }
        let version = small(root.version).as_ref().and_then(Value::as_u64);
        if version != Some(VERSION) {
            return Err(ExchangeError::UnsupportedVersion { found: version });
        }
        let device = small(root.device)
            .as_ref()
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
            .ok_or(ExchangeError::BadHeader { field: "device" })?;
        let exported_at = small(root.exported_at)
            .as_ref()
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .ok_or(ExchangeError::BadHeader { field: "exported_at" })?;
        let raws: Vec<&RawValue> = root
            .events
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .ok_or(ExchangeError::BadHeader { field: "events" })?;
        for (index, raw) in raws.iter().enumerate() {
            event(raw, index)?;
        }
        (device, exported_at, raws.len())
    };
    Ok(Exchange {
        device,
        exported_at,
        bytes,
        count,
    })
}

/// Maps `serde_json`'s error to ours. `serde_json` does not expose its error codes, only categories; its
/// recursion limit (128 levels) is a syntax error told apart by its message, which is stable.
fn json_error(e: &serde_json::Error) -> ExchangeError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => ExchangeError::Truncated,
        Category::Syntax if e.to_string().starts_with("recursion limit exceeded") => ExchangeError::TooDeep,
        Category::Syntax | Category::Data | Category::Io => ExchangeError::NotJson,
    }
}

/// Nesting depth: a scalar is 0, an empty object or array 1. Bounded by `serde_json`'s recursion limit,
/// so this recursion cannot overflow the stack.
fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => 0,
    }
}
