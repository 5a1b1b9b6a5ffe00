//! Preferences kept in `settings.json` in the data folder: language, text size, theme, and the
//! trainer's settings (the PIN's hash, the wrong PINs in a row and the wait they caused, the xAPI home
//! page).
//!
//! One bad field must not cost the others, least of all the PIN: a forgotten PIN is reset only by
//! deleting its line (see the README), never because a file could not be read. So the file is read
//! field by field, by a scanner that also keeps the fields before the point where a truncated or
//! garbled file stops making sense ([`scan`]). Every save also writes `settings.last-good.json`; a
//! field that cannot be read from `settings.json` is taken from that copy, and when neither has a
//! readable PIN where one may have been, the PIN is [`TrainerPin::Unreadable`] and the trainer area
//! stays closed and says how to reset it. Fields this version does not know (a newer version's) are
//! written back as they were. A damaged file is kept as `settings.damaged.json` before the next save
//! replaces it.
//!
//! Files are replaced whole through [`crate::durable`], so a crash never leaves half a file. Reading is
//! never fatal (the worst case is the defaults); a failed save is returned, for the window to say so.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::durable;
use crate::i18n::Lang;
use crate::trainer::pin::{self, Remembered};

/// The file name inside the data folder.
pub const FILE: &str = "settings.json";
/// The copy written with every save, used for what `settings.json` no longer says readably.
pub const GOOD_COPY: &str = "settings.last-good.json";
/// Where a damaged `settings.json` is kept when it is replaced.
pub const DAMAGED_COPY: &str = "settings.damaged.json";

/// Smallest and largest text size, in percent.
pub const TEXT_SIZE_RANGE: (u16, u16) = (100, 200);

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    /// Every theme, in the order shown.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];
}

/// The trainer's PIN as the settings know it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum TrainerPin {
    /// None set: a fresh install, or the README's reset. The trainer area offers to set one.
    #[default]
    NotSet,
    /// The Argon2id hash of the PIN (a PHC string, see `trainer::pin`); the PIN itself is never stored.
    Set(String),
    /// A PIN may be set but cannot be read (a damaged file and no good copy of it). The trainer area
    /// stays closed and explains the reset; what the file had is written back unchanged, so the next
    /// start knows it too.
    Unreadable(Value),
}

impl TrainerPin {
    /// The hash, when there is a readable one.
    #[must_use]
    pub fn hash(&self) -> Option<&str> {
        match self {
            TrainerPin::Set(phc) => Some(phc),
            TrainerPin::NotSet | TrainerPin::Unreadable(_) => None,
        }
    }
}

/// Everything remembered between runs that is not a learner record.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// First in the file, so that deleting its one line (how the README resets a forgotten PIN)
    /// leaves valid JSON.
    pub trainer_pin: TrainerPin,
    /// Wrong PINs in a row and the end of the wait they caused, so that closing and reopening the app
    /// gives no fresh tries (see `trainer::pin::Gate::resume`).
    pub trainer_gate: Remembered,
    pub language: Lang,
    /// Text size in percent, 100–200.
    pub text_size: u16,
    pub theme: Theme,
    /// The `account.homePage` of xAPI actors; the trainer sets their organisation's address.
    pub xapi_home_page: String,
    /// "This PC is in class X": learners created on this PC join that class (`Records::pc_class`).
    pub pc_class: Option<uuid::Uuid>,
    /// Fields this version does not know, written back as they were.
    pub other: Map<String, Value>,
}

/// The placeholder xAPI home page until a trainer sets a real one.
pub const XAPI_HOME_PAGE_PLACEHOLDER: &str = "https://kynangso.invalid";

impl Default for Settings {
    fn default() -> Self {
        Self {
            trainer_pin: TrainerPin::NotSet,
            trainer_gate: Remembered::default(),
            language: Lang::Vi,
            text_size: 120,
            theme: Theme::Light,
            xapi_home_page: XAPI_HOME_PAGE_PLACEHOLDER.to_owned(),
            pc_class: None,
            other: Map::new(),
        }
    }
}

/// How the settings were found at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// No settings yet: a fresh install.
    Fresh,
    /// `settings.json` was read whole.
    Good,
    /// `settings.json` was missing, damaged or had fields that could not be read; these fields came
    /// from the good copy or are back to their defaults (or, for the PIN, unreadable).
    Repaired(Vec<&'static str>),
}

/// The names of the fields in the file, in the order written.
const PIN: &str = "trainer_pin";
const WRONG_PINS: &str = "trainer_wrong_pins";
const LOCKED_UNTIL: &str = "trainer_locked_until";
const LANGUAGE: &str = "language";
const TEXT_SIZE: &str = "text_size";
const THEME: &str = "theme";
const HOME_PAGE: &str = "xapi_home_page";
const PC_CLASS: &str = "pc_class";
const KNOWN: [&str; 8] = [
    PIN,
    WRONG_PINS,
    LOCKED_UNTIL,
    LANGUAGE,
    TEXT_SIZE,
    THEME,
    HOME_PAGE,
    PC_CLASS,
];

/// What is written for a PIN when nothing of it could be read: not a hash, so it stays unreadable
/// until someone deletes the line.
const UNREADABLE_PIN: &str = "unreadable";

impl Settings {
    /// Text size clamped to the allowed range.
    #[must_use]
    pub fn text_size(&self) -> u16 {
        self.text_size.clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1)
    }

    /// Reads the settings from the data folder, keeping every field that can be read.
    #[must_use]
    pub fn load(data_dir: &Path) -> Self {
        Self::read(data_dir).0
    }

    /// Reads the settings from the data folder, and says what had to be repaired (logged here).
    #[must_use]
    pub fn read(data_dir: &Path) -> (Self, Health) {
        let path = data_dir.join(FILE);
        let main = read_file(&path);
        let good = read_file(&data_dir.join(GOOD_COPY));
        let (settings, health) = decode(main.as_deref(), good.as_deref());
        if let Health::Repaired(fields) = &health {
            log::warn!(
                "{} is missing or damaged; fields taken from {GOOD_COPY} or set to their defaults: {}",
                path.display(),
                fields.join(", ")
            );
        }
        (settings, health)
    }

    /// Writes the settings atomically, and the good copy with them. A damaged `settings.json` is kept
    /// aside first.
    ///
    /// # Errors
    /// The I/O error if `settings.json` cannot be written (the copies only log theirs).
    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        let json = self.to_json()?;
        let path = data_dir.join(FILE);
        if let Some(old) = read_file(&path).filter(|old| loses_something(old))
            && let Err(e) = durable::write_in_own_folder(&data_dir.join(DAMAGED_COPY), &old)
        {
            log::warn!("keeping the damaged {}: {e}", path.display());
        }
        durable::write_in_own_folder(&path, &json)?;
        self.keep_good_copy(data_dir);
        Ok(())
    }

    /// Writes these settings as the good copy, unless the copy already says the same or the PIN is
    /// unreadable (the copy holds only what was read). Called after each save, and at start-up when
    /// `settings.json` was read whole: it may have been edited by hand, as in the PIN reset.
    pub fn keep_good_copy(&self, data_dir: &Path) {
        if matches!(self.trainer_pin, TrainerPin::Unreadable(_)) {
            return;
        }
        let path = data_dir.join(GOOD_COPY);
        let result = self.to_json().and_then(|json| {
            if read_file(&path).as_deref() == Some(json.as_slice()) {
                return Ok(());
            }
            durable::write_in_own_folder(&path, &json)
        });
        if let Err(e) = result {
            log::warn!("writing {}: {e}", path.display());
        }
    }

    /// The file's content: the known fields in a fixed order (the PIN first), then the others.
    fn to_json(&self) -> std::io::Result<Vec<u8>> {
        fn json<T: Serialize>(value: &T) -> std::io::Result<Value> {
            serde_json::to_value(value).map_err(std::io::Error::other)
        }
        let mut fields: Vec<(&str, Value)> = Vec::with_capacity(KNOWN.len() + self.other.len());
        match &self.trainer_pin {
            TrainerPin::NotSet => {}
            TrainerPin::Set(phc) => fields.push((PIN, json(phc)?)),
            TrainerPin::Unreadable(raw) => fields.push((PIN, raw.clone())),
        }
        if self.trainer_gate.wrong > 0 {
            fields.push((WRONG_PINS, json(&self.trainer_gate.wrong)?));
        }
        if let Some(until) = &self.trainer_gate.locked_until {
            fields.push((LOCKED_UNTIL, json(until)?));
        }
        fields.push((LANGUAGE, json(&self.language)?));
        fields.push((TEXT_SIZE, json(&self.text_size)?));
        fields.push((THEME, json(&self.theme)?));
        fields.push((HOME_PAGE, json(&self.xapi_home_page)?));
        if let Some(class) = &self.pc_class {
            fields.push((PC_CLASS, json(class)?));
        }
        fields.extend(self.other.iter().map(|(k, v)| (k.as_str(), v.clone())));
        let mut out = serde_json::to_vec_pretty(&Ordered(&fields)).map_err(std::io::Error::other)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// Whether replacing this `settings.json` would lose something: it was not read whole, and it is not
/// what this version writes for what it read (a file it wrote itself with an unreadable PIN loses
/// nothing).
fn loses_something(bytes: &[u8]) -> bool {
    let (settings, health) = decode(Some(bytes), None);
    health != Health::Good && settings.to_json().ok().as_deref() != Some(bytes)
}

/// Fields serialised as one JSON object in the given order (`serde_json::Map` would sort them).
struct Ordered<'a>(&'a [(&'a str, Value)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A file's bytes; `None` when it does not exist. Any other error reads as an empty, damaged file
/// (logged), so that a PIN is never taken for "not set" because its file could not be opened.
fn read_file(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            log::warn!("reading {}: {e}", path.display());
            Some(Vec::new())
        }
    }
}

/// The fields of a settings file as far as they can be read.
#[derive(Debug, Default)]
struct Scanned {
    fields: Map<String, Value>,
    /// The whole file is one JSON object (a UTF-8 BOM, as Notepad writes, and a trailing comma are
    /// forgiven). When it is not, a field that is missing may just have been cut off.
    complete: bool,
}

/// Reads a JSON object field by field and stops at the first thing that does not fit: a truncated or
/// garbled file still gives the fields before the damage.
fn scan(bytes: &[u8]) -> Scanned {
    let mut scanned = Scanned::default();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(mut rest) = skip_space(bytes).strip_prefix(b"{") else {
        return scanned;
    };
    loop {
        rest = skip_space(rest);
        if let Some(after) = rest.strip_prefix(b"}") {
            scanned.complete = skip_space(after).is_empty();
            return scanned;
        }
        let Some((key, after)) = next::<String>(rest) else {
            return scanned;
        };
        let Some(after) = skip_space(after).strip_prefix(b":") else {
            return scanned;
        };
        let Some((value, after)) = next::<Value>(skip_space(after)) else {
            return scanned;
        };
        rest = skip_space(after);
        let comma = rest.strip_prefix(b",");
        let closed = comma.is_some() || rest.starts_with(b"}");
        // A number cut off by a truncation still reads as a (smaller) number: it counts only when
        // what follows shows it is whole. Strings, objects and arrays carry their own end.
        if closed || !value.is_number() {
            scanned.fields.insert(key, value);
        }
        match comma {
            Some(after) => rest = after,
            None if closed => {}
            None => return scanned,
        }
    }
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The JSON value at the start of `bytes`, and what follows it.
fn next<T: DeserializeOwned>(bytes: &[u8]) -> Option<(T, &[u8])> {
    let mut stream = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
    let value = stream.next()?.ok()?;
    Some((value, bytes.get(stream.byte_offset()..)?))
}

/// A field of a type that serde reads.
fn read_as<T: DeserializeOwned>(value: &Value) -> Option<T> {
    T::deserialize(value).ok()
}

/// A PIN field: a hash this version can check.
fn read_pin(value: &Value) -> Option<String> {
    value
        .as_str()
        .filter(|phc| pin::is_readable(phc))
        .map(str::to_owned)
}

/// One field's value after looking at both files.
enum Found<T> {
    Read(T),
    /// Not in a whole file: the default (for the PIN: not set).
    Default,
    /// Unreadable in `settings.json` (with what it had there, if anything) and not in the copy.
    Lost(Option<Value>),
}

impl<T> Found<T> {
    fn or(self, default: T) -> T {
        match self {
            Found::Read(value) => value,
            Found::Default | Found::Lost(_) => default,
        }
    }
}

/// Reads one field: from `settings.json` when it is readable there or surely absent (the file is
/// whole); else from the good copy.
fn pick<T>(
    main: &Scanned,
    good: &Scanned,
    key: &'static str,
    read: fn(&Value) -> Option<T>,
    repaired: &mut Vec<&'static str>,
) -> Found<T> {
    let mine = main.fields.get(key);
    match mine.map(read) {
        Some(Some(value)) => return Found::Read(value),
        None if main.complete => return Found::Default,
        Some(None) | None => repaired.push(key),
    }
    match good.fields.get(key).map(read) {
        Some(Some(value)) => Found::Read(value),
        // A whole copy without the field says it was not set, unless settings.json has a value for
        // it that cannot be read: a PIN is not given up for that.
        None if good.complete && mine.is_none() => Found::Default,
        Some(None) | None => Found::Lost(mine.cloned()),
    }
}

/// Reads settings from the bytes of `settings.json` and of the good copy (`None`: no such file).
fn decode(main: Option<&[u8]>, good: Option<&[u8]>) -> (Settings, Health) {
    // Without settings.json the good copy is all there is (someone deleted the file, or a tool moved
    // it away): the PIN and the xAPI home page are worth keeping.
    let (main, good, from_copy) = match (main, good) {
        (None, None) => return (Settings::default(), Health::Fresh),
        (None, Some(good)) => (scan(good), Scanned::default(), true),
        (Some(main), good) => (scan(main), good.map(scan).unwrap_or_default(), false),
    };
    let mut repaired = Vec::new();
    let r = &mut repaired;
    let trainer_pin = match pick(&main, &good, PIN, read_pin, r) {
        Found::Read(phc) => TrainerPin::Set(phc),
        Found::Default => TrainerPin::NotSet,
        Found::Lost(raw) => TrainerPin::Unreadable(raw.unwrap_or_else(|| UNREADABLE_PIN.into())),
    };
    let defaults = Settings::default();
    let trainer_gate = Remembered {
        wrong: pick(&main, &good, WRONG_PINS, read_as, r).or(0),
        locked_until: pick(&main, &good, LOCKED_UNTIL, read_as, r).or(None),
    };
    let language = pick(&main, &good, LANGUAGE, read_as, r).or(defaults.language);
    let text_size = pick(&main, &good, TEXT_SIZE, read_as, r).or(defaults.text_size);
    let theme = pick(&main, &good, THEME, read_as, r).or(defaults.theme);
    let xapi_home_page = pick(&main, &good, HOME_PAGE, read_as, r).or(defaults.xapi_home_page);
    let pc_class = pick(&main, &good, PC_CLASS, read_as, r).or(None);
    let unknown = |s: &Scanned| {
        s.fields
            .iter()
            .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    let mut other = Map::new();
    if !main.complete {
        other.extend(unknown(&good));
    }
    other.extend(unknown(&main));
    let health = if main.complete && repaired.is_empty() && !from_copy {
        Health::Good
    } else {
        Health::Repaired(repaired)
    };
    let settings = Settings {
        trainer_pin,
        trainer_gate,
        language,
        text_size,
        theme,
        xapi_home_page,
        pc_class,
        other,
    };
    (settings, health)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PIN hash as an earlier version wrote it (the crate's default cost): readable, cheap to check.
    const PHC: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    fn trainer_settings() -> Settings {
        Settings {
            trainer_pin: TrainerPin::Set(PHC.into()),
            trainer_gate: Remembered {
                wrong: 2,
                locked_until: None,
            },
            language: Lang::En,
            text_size: 160,
            theme: Theme::Dark,
            xapi_home_page: "https://lrs.example.vn".into(),
            pc_class: Some(uuid::Uuid::from_u128(0x1a55)),
            other: Map::new(),
        }
    }

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    /// The README's reset: the line naming the PIN deleted from settings.json, and nothing else.
    fn delete_pin_line(dir: &Path) {
        let text = std::fs::read_to_string(dir.join(FILE)).unwrap();
        let without: Vec<&str> = text.lines().filter(|l| !l.contains("trainer_pin")).collect();
        assert_eq!(without.len() + 1, text.lines().count(), "{text}");
        write(dir, FILE, &without.join("\n"));
    }

    #[test]
    fn round_trip_and_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::read(dir.path()), (Settings::default(), Health::Fresh));
        let s = trainer_settings();
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::read(dir.path()), (s.clone(), Health::Good));
        // The good copy is written with it.
        assert_eq!(
            std::fs::read(dir.path().join(GOOD_COPY)).unwrap(),
            std::fs::read(dir.path().join(FILE)).unwrap()
        );
        write(dir.path(), FILE, r#"{"text_size": 500}"#);
        assert_eq!(Settings::load(dir.path()).text_size(), 200);
    }

    /// The README's reset of a forgotten PIN: delete the line naming it; everything else is kept, and
    /// the good copy does not bring the PIN back.
    #[test]
    fn deleting_the_pin_line_resets_only_the_pin() {
        let dir = tempfile::tempdir().unwrap();
        let s = trainer_settings();
        s.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        assert!(text.lines().nth(1).unwrap().contains("trainer_pin"), "{text}");
        delete_pin_line(dir.path());
        let (reset, health) = Settings::read(dir.path());
        assert_eq!(health, Health::Good);
        let expected = Settings {
            trainer_pin: TrainerPin::NotSet,
            ..s
        };
        assert_eq!(reset, expected);
        // At start-up the edited file becomes the good copy, so a later damage cannot undo the reset.
        reset.keep_good_copy(dir.path());
        write(dir.path(), FILE, "{\"trainer_wrong_pins\": 2,\n  \"lang");
        assert_eq!(Settings::load(dir.path()), expected);
    }

    /// Issue 9, defect 3: one field of the wrong type cost every setting and the PIN.
    #[test]
    fn one_bad_field_keeps_the_others_and_the_pin() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!(
            r#"{{"trainer_pin": "{PHC}", "language": "en", "text_size": "140", "theme": "sepia",
                "xapi_home_page": "https://lrs.example.vn"}}"#
        );
        write(dir.path(), FILE, &text);
        let (s, health) = Settings::read(dir.path());
        assert_eq!(health, Health::Repaired(vec![TEXT_SIZE, THEME]));
        assert_eq!(s.trainer_pin, TrainerPin::Set(PHC.into()));
        assert_eq!(s.language, Lang::En);
        assert_eq!(s.xapi_home_page, "https://lrs.example.vn");
        assert_eq!((s.text_size, s.theme), (120, Theme::Light));
        // Saving keeps the PIN and the home page, and the damaged file aside.
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::read(dir.path()), (s, Health::Good));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(DAMAGED_COPY)).unwrap(),
            text
        );
    }

    #[test]
    fn a_bad_field_is_taken_from_the_good_copy() {
        let dir = tempfile::tempdir().unwrap();
        let s = trainer_settings();
        s.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        write(
            dir.path(),
            FILE,
            &text.replace("160", "\"160\"").replace(PHC, "$argon2id$broken"),
        );
        let (read, health) = Settings::read(dir.path());
        assert_eq!(health, Health::Repaired(vec![PIN, TEXT_SIZE]));
        assert_eq!(read, s);
    }

    #[test]
    fn a_truncated_file_falls_back_on_the_good_copy() {
        let dir = tempfile::tempdir().unwrap();
        let s = trainer_settings();
        s.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        // Cut in the middle of the text size: "16" must not be read as the size.
        let cut = text.find("160").unwrap() + 2;
        write(dir.path(), FILE, &text[..cut]);
        let (read, health) = Settings::read(dir.path());
        assert!(matches!(health, Health::Repaired(_)), "{health:?}");
        assert_eq!(read, s);
        // Without the copy, what comes before the cut is kept: the PIN is first.
        std::fs::remove_file(dir.path().join(GOOD_COPY)).unwrap();
        let read = Settings::load(dir.path());
        assert_eq!(read.trainer_pin, TrainerPin::Set(PHC.into()));
        assert_eq!(read.language, Lang::En);
        assert_eq!(read.text_size, 120);
        // Without settings.json, the copy is used whole.
        s.save(dir.path()).unwrap();
        std::fs::remove_file(dir.path().join(FILE)).unwrap();
        assert_eq!(Settings::load(dir.path()), s);
    }

    /// A damaged file with no readable PIN and no good copy: the PIN is unreadable, not "not set", and
    /// it stays so across saves until the README's reset.
    #[test]
    fn an_unreadable_pin_is_never_taken_for_no_pin() {
        let dir = tempfile::tempdir().unwrap();
        for damaged in [
            "",
            "{",
            "\0\0\0",
            "{\"trainer_pin\": 12345, \"language\": \"en\"}",
            "[1, 2]",
        ] {
            write(dir.path(), FILE, damaged);
            let s = Settings::load(dir.path());
            assert!(
                matches!(s.trainer_pin, TrainerPin::Unreadable(_)),
                "{damaged:?}: {s:?}"
            );
            assert_eq!(s.trainer_pin.hash(), None);
            s.save(dir.path()).unwrap();
            assert_eq!(
                Settings::load(dir.path()).trainer_pin,
                s.trainer_pin,
                "{damaged:?}"
            );
            assert!(!dir.path().join(GOOD_COPY).exists());
        }
        delete_pin_line(dir.path());
        assert_eq!(Settings::load(dir.path()).trainer_pin, TrainerPin::NotSet);
    }

    #[test]
    fn unknown_fields_are_written_back() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            FILE,
            "\u{feff}{\"text_size\": 140, \"future\": {\"a\": [1, 2]}, \"zzz\": \"x\",}\n",
        );
        let (mut s, health) = Settings::read(dir.path());
        assert_eq!(health, Health::Good, "a BOM and a trailing comma are forgiven");
        assert_eq!(s.text_size, 140);
        s.theme = Theme::Dark;
        s.save(dir.path()).unwrap();
        let saved: Value = serde_json::from_slice(&std::fs::read(dir.path().join(FILE)).unwrap()).unwrap();
        assert_eq!(saved["future"], serde_json::json!({"a": [1, 2]}));
        assert_eq!(saved["zzz"], "x");
        assert_eq!(saved["theme"], "dark");
    }

    #[test]
    fn the_wrong_pin_count_and_wait_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let until = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
            .unwrap()
            .to_utc();
        let s = Settings {
            trainer_gate: Remembered {
                wrong: 4,
                locked_until: Some(until),
            },
            ..trainer_settings()
        };
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()).trainer_gate, s.trainer_gate);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn valid_file() -> String {
            String::from_utf8(trainer_settings().to_json().unwrap()).unwrap()
        }

        /// Where the PIN's line ends (after its comma): what follows may be garbage.
        fn after_pin(text: &str) -> usize {
            text.find(PHC).unwrap() + PHC.len() + 2
        }

        /// Random edits of what follows `start` (0: change a byte, 1: insert one, 2: delete one); then
        /// perhaps a cut.
        type Edits = Vec<(prop::sample::Index, u8, u8)>;

        fn edits() -> impl Strategy<Value = (Edits, Option<prop::sample::Index>)> {
            (
                proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..12),
                proptest::option::of(any::<prop::sample::Index>()),
            )
        }

        fn mutate(
            mut bytes: Vec<u8>,
            start: usize,
            (edits, cut): (Edits, Option<prop::sample::Index>),
        ) -> Vec<u8> {
            for (at, byte, how) in edits {
                let at = start + at.index(bytes.len() - start + 1);
                match how {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => {}
                }
            }
            if let Some(cut) = cut {
                bytes.truncate(start + cut.index(bytes.len() - start + 1));
            }
            bytes
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// Any bytes, as settings.json or as the good copy: no panic, and no "not set" PIN unless
            /// a whole file says so.
            #[test]
            fn random_bytes_never_panic(main in proptest::collection::vec(any::<u8>(), 0..300),
                                        good in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..300))) {
                let (s, _) = decode(Some(&main), good.as_deref());
                if s.trainer_pin == TrainerPin::NotSet {
                    prop_assert!(scan(&main).complete || good.as_deref().is_some_and(|g| scan(g).complete));
                }
                let _ = s.to_json();
            }

            /// A valid file changed anywhere: no panic, and the PIN is "not set" only when what is
            /// left is a whole file without it.
            #[test]
            fn a_mutated_file_never_panics(edits in edits()) {
                let bytes = mutate(valid_file().into_bytes(), 0, edits);
                let (s, _) = decode(Some(&bytes), None);
                if s.trainer_pin == TrainerPin::NotSet {
                    let scanned = scan(&bytes);
                    prop_assert!(scanned.complete && !scanned.fields.contains_key(PIN));
                }
            }

            /// A valid file with bytes changed, inserted or cut after the PIN's line: the PIN survives
            /// loading and saving, whatever became of the other fields.
            #[test]
            fn a_readable_pin_survives_garbage_after_it(edits in edits()) {
                let text = valid_file();
                let start = after_pin(&text);
                let bytes = mutate(text.into_bytes(), start, edits);
                let dir = tempfile::tempdir().unwrap();
                std::fs::write(dir.path().join(FILE), &bytes).unwrap();
                let loaded = Settings::load(dir.path());
                prop_assert_eq!(&loaded.trainer_pin, &TrainerPin::Set(PHC.into()));
                loaded.save(dir.path()).unwrap();
                let (again, health) = Settings::read(dir.path());
                prop_assert_eq!(health, Health::Good);
                prop_assert_eq!(again, loaded);
            }
        }
    }
}
