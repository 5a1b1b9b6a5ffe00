//! The shape of a scenario file (`lessons/NN-slug/simulations/*.json`), as written by content authors.
//!
//! A scenario is data, not code: a task card, screens of an imitation portal, the fields and actions on
//! each screen, the checks an action runs before it moves on, hints, and the feedback for each wrong
//! answer or trap. `docs/content-format.md` ("Simulations") is the authors' reference for this file;
//! unknown fields are rejected so a typo is reported instead of silently ignored.

use serde::{Deserialize, Serialize};

/// A whole scenario.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Same id as the scenario's entry in `module.json`; records refer to it.
    pub id: String,
    pub title: String,
    /// One or two sentences shown before the first screen: what the learner practises.
    pub intro: String,
    /// The name of the imitated system shown in each screen's header, e.g. "Cổng Dịch vụ công (mô phỏng)".
    pub window: String,
    pub task: Task,
    /// The id of the first screen.
    pub start: String,
    pub screens: Vec<SimScreen>,
}

/// The task card shown beside the imitation: what to do and the data to use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub text: String,
    #[serde(default)]
    pub data: Vec<DataRow>,
}

/// One line of data on the task card.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataRow {
    pub label: String,
    pub value: String,
}

/// One screen of the imitation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SimScreen {
    pub id: String,
    pub title: String,
    /// Overrides the scenario's `window` (e.g. "Ứng dụng ngân hàng trên điện thoại của bạn (mô phỏng)").
    #[serde(default)]
    pub window: Option<String>,
    /// An address bar, for screens that imitate a web page.
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub items: Vec<Item>,
    /// Buttons at the bottom of the screen (an action may instead be placed among the items).
    #[serde(default)]
    pub actions: Vec<SimAction>,
    /// Hints, revealed one at a time when the learner asks.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Reaching this screen completes the scenario.
    #[serde(default)]
    pub end: bool,
}

impl SimScreen {
    /// The fields on this screen, in order.
    pub fn fields(&self) -> impl Iterator<Item = Field<'_>> {
        self.items.iter().filter_map(Item::field)
    }

    /// A field of this screen by id.
    #[must_use]
    pub fn field(&self, id: &str) -> Option<Field<'_>> {
        self.fields().find(|f| f.spec.id == id)
    }

    /// An action of this screen by id.
    #[must_use]
    pub fn action(&self, id: &str) -> Option<&SimAction> {
        self.actions.iter().find(|a| a.id == id)
    }
}

/// Something drawn on a screen. Field kinds are items too, so a form reads top to bottom as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Item {
    /// A paragraph of text.
    Paragraph { text: String },
    /// A coloured status line ("Đã gửi", "Yêu cầu bổ sung", …).
    Notice {
        text: String,
        #[serde(default)]
        tone: Tone,
    },
    /// Read-only rows: the portal's own data (birth-notice data, amount and beneficiary, a dossier list).
    Info {
        #[serde(default)]
        title: Option<String>,
        rows: Vec<InfoRow>,
    },
    /// An SMS, an app notification, a phone call or an e-mail arriving.
    Message {
        channel: Channel,
        from: String,
        #[serde(default)]
        time: Option<String>,
        text: String,
    },
    /// Places one of the screen's actions here instead of in the button row (e.g. a link in a message).
    Action { action: String },
    /// Free text, compared after NFC normalisation, trimming and case folding; diacritics must match.
    Text(FieldSpec),
    /// A number or code (identity number, dossier code, OTP): spaces are ignored.
    Code(FieldSpec),
    /// A password: typed hidden, compared exactly (capital letters count).
    Password(FieldSpec),
    /// A web address typed by the learner: the scheme, `www.` and a trailing `/` are ignored.
    Address(FieldSpec),
    /// A date written dd/mm/yyyy.
    Date(FieldSpec),
    /// A number written the Vietnamese way: dot for thousands, comma for decimals (1.250,5).
    Number(FieldSpec),
    /// A drop-down list; needs `options`.
    Select(FieldSpec),
    /// Radio buttons; needs `options`.
    Radio(FieldSpec),
    /// One tick box, checked or not.
    Checkbox(FieldSpec),
    /// "Attach a file": choose one of `files`.
    File(FieldSpec),
}

impl Item {
    /// The field this item is, if it is one.
    #[must_use]
    pub fn field(&self) -> Option<Field<'_>> {
        let (kind, spec) = match self {
            Item::Text(s) => (FieldKind::Text, s),
            Item::Code(s) => (FieldKind::Code, s),
            Item::Password(s) => (FieldKind::Password, s),
            Item::Address(s) => (FieldKind::Address, s),
            Item::Date(s) => (FieldKind::Date, s),
            Item::Number(s) => (FieldKind::Number, s),
            Item::Select(s) => (FieldKind::Select, s),
            Item::Radio(s) => (FieldKind::Radio, s),
            Item::Checkbox(s) => (FieldKind::Checkbox, s),
            Item::File(s) => (FieldKind::File, s),
            Item::Paragraph { .. }
            | Item::Notice { .. }
            | Item::Info { .. }
            | Item::Message { .. }
            | Item::Action { .. } => {
                return None;
            }
        };
        Some(Field { kind, spec })
    }
}

/// What a field holds and how its value is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    Text,
    Code,
    Password,
    Address,
    Date,
    Number,
    Select,
    Radio,
    Checkbox,
    File,
}

impl FieldKind {
    /// The name used for `kind` in the scenario file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Code => "code",
            FieldKind::Password => "password",
            FieldKind::Address => "address",
            FieldKind::Date => "date",
            FieldKind::Number => "number",
            FieldKind::Select => "select",
            FieldKind::Radio => "radio",
            FieldKind::Checkbox => "checkbox",
            FieldKind::File => "file",
        }
    }

    /// Whether the learner picks the value from a list (`options` or `files`).
    #[must_use]
    pub fn is_choice(self) -> bool {
        matches!(self, FieldKind::Select | FieldKind::Radio | FieldKind::File)
    }
}

/// A field item with its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub kind: FieldKind,
    pub spec: &'a FieldSpec,
}

impl Field<'_> {
    /// The values the learner can choose, for choice fields (file names for `file`).
    #[must_use]
    pub fn choices(&self) -> Vec<&str> {
        match self.kind {
            FieldKind::File => self.spec.files.iter().map(|f| f.name.as_str()).collect(),
            _ => self.spec.options.iter().map(String::as_str).collect(),
        }
    }
}

/// What every field kind shares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Unique in the scenario: values are kept per field id for the whole run.
    pub id: String,
    /// The visible label; also the field's accessible name, so keep it unique on its screen.
    pub label: String,
    /// A short line under the field.
    #[serde(default)]
    pub help: Option<String>,
    /// The unit shown after a number field ("ha", "%", "đồng"); a unit typed after the number is ignored.
    #[serde(default)]
    pub unit: Option<String>,
    /// Options of a `select` or `radio`.
    #[serde(default)]
    pub options: Vec<String>,
    /// Files offered by a `file` field.
    #[serde(default)]
    pub files: Vec<FileChoice>,
    /// A pre-filled value (an option, a file name, `"true"` for a ticked box, or text).
    #[serde(default)]
    pub value: Option<String>,
}

/// A file the learner may attach.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileChoice {
    pub name: String,
    /// What the file is (shown under its name), e.g. "ảnh chụp lại, rõ nét, đủ 2 trang".
    #[serde(default)]
    pub note: Option<String>,
}

/// A read-only row: a fixed value, or the current value of a field (for a "review before sending" page).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InfoRow {
    pub label: String,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub field: Option<String>,
}

/// How a notice is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    #[default]
    Info,
    Success,
    Warning,
    Error,
}

/// How a message arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    App,
    Call,
    Email,
}

/// How an action is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Look {
    #[default]
    Button,
    /// Underlined text, as links in a message or a search result look.
    Link,
}

/// A button or link. It either moves to another screen (after its checks pass) or is a trap.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SimAction {
    /// Unique on its screen.
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub look: Look,
    /// The screen to go to when every check passes.
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub checks: Vec<Check>,
    /// Pressing this is a mistake in itself (a look-alike link, reading out an OTP, a new dossier instead
    /// of a supplement…): the learner stays on the screen and sees the feedback.
    #[serde(default)]
    pub trap: Option<Trap>,
}

/// The feedback for a trap action.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    pub feedback: String,
    /// The rule behind it, repeated in the end summary.
    pub rule: String,
}

/// A check an action runs on one field of its screen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub field: String,
    /// The right value: text, or `true`/`false` for a checkbox. Without it the field only has to be filled.
    #[serde(default)]
    pub expect: Option<Expect>,
    /// Shown when the value is wrong and no case below says more.
    pub feedback: String,
    /// The rule behind it, repeated in the end summary.
    pub rule: String,
    /// Particular wrong answers with their own feedback.
    #[serde(default)]
    pub cases: Vec<Case>,
}

/// The right value of a check.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Expect {
    Checked(bool),
    Text(String),
}

/// A particular wrong answer: a value, or a kind of mistake (`when`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub when: Option<When>,
    pub feedback: String,
    /// Defaults to the check's rule.
    #[serde(default)]
    pub rule: Option<String>,
}

/// A kind of wrong answer the engine recognises by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// Nothing entered, nothing chosen, box not ticked.
    Empty,
    /// Text that matches except for the Vietnamese diacritics ("Pham Gia Bao", "Phạm Gia Bão").
    Diacritics,
    /// A date with day and month swapped (03/05 for 05/03).
    Swapped,
    /// A number with a decimal point (8.5) instead of a comma (8,5).
    DecimalPoint,
    /// A date or number that cannot be read at all.
    Format,
}

impl When {
    /// The name used in the scenario file.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            When::Empty => "empty",
            When::Diacritics => "diacritics",
            When::Swapped => "swapped",
            When::DecimalPoint => "decimal_point",
            When::Format => "format",
        }
    }
}
