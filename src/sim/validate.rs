//! Checks a scenario for `check-content`: ids, every transition leading to a defined screen, every check
//! naming a field of its screen with an expectation the field can hold, feedback and hints present, and —
//! by walking the graph — that every screen can be reached and the scenario can be completed from any of
//! them. Each problem carries an anchor so the loader can point at the right line of the JSON file.
//!
//! Problems are data ([`SimProblem`]), worded in the interface language only when printed.

use crate::content::load::valid_id;
use crate::text;
use std::collections::HashSet;

use super::model::{Check, Expect, FieldKind, Item, Scenario, SimAction, SimScreen, When};
use super::problem::{IdOf, SimProblem};
use super::value::{self, Value};
use super::walk;

/// Where in the file a problem is: inside the screen with this id (if any), at `"key": "value"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub screen: Option<String>,
    pub key: &'static str,
    pub value: String,
}

/// One problem in a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimIssue {
    pub problem: SimProblem,
    pub anchor: Anchor,
}

impl SimIssue {
    /// The 1-based line of the anchor in the scenario file's text, or of its screen, or 1.
    #[must_use]
    pub fn line(&self, text: &str) -> usize {
        let find = |from: usize, key: &str, value: &str| {
            [
                format!("\"{key}\": \"{value}\""),
                format!("\"{key}\":\"{value}\""),
            ]
            .iter()
            .filter_map(|n| {
                text.get(from..)
                    .and_then(|t| t.find(n.as_str()))
                    .map(|i| i + from)
            })
            .min()
        };
        let start = self.anchor.screen.as_deref().and_then(|s| find(0, "id", s));
        // Search after the screen's own id, which an action may share ("dang-nhap" on screen "dang-nhap").
        let at = find(start.map_or(0, |s| s + 1), self.anchor.key, &self.anchor.value).or(start);
        at.map_or(1, |i| text[..i].matches('\n').count() + 1)
    }
}

struct Report<'a> {
    screen: Option<&'a str>,
    issues: Vec<SimIssue>,
}

impl Report<'_> {
    fn add(&mut self, key: &'static str, value: &str, problem: SimProblem) {
        let screen = self.screen.map(str::to_owned);
        self.issues.push(SimIssue {
            problem,
            anchor: Anchor {
                screen,
                key,
                value: value.to_owned(),
            },
        });
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Every problem in `s`; empty when the scenario is sound.
#[must_use]
pub fn validate(s: &Scenario) -> Vec<SimIssue> {
    let mut r = Report {
        screen: None,
        issues: Vec::new(),
    };
    if !valid_id(&s.id) {
        r.add(
            "id",
            &s.id,
            SimProblem::BadId {
                of: IdOf::Scenario,
                id: s.id.clone(),
            },
        );
    }
    for (key, text) in [
        ("title", &s.title),
        ("intro", &s.intro),
        ("window", &s.window),
        ("text", &s.task.text),
    ] {
        if blank(text) {
            r.add(key, "", SimProblem::EmptyText { key });
        }
    }
    for row in &s.task.data {
        if blank(&row.label) || blank(&row.value) {
            r.add("label", &row.label, SimProblem::TaskRowIncomplete);
        }
    }
    if s.screens.is_empty() {
        r.add("screens", "", SimProblem::NoScreens);
        return r.issues;
    }
    let screen_ids: HashSet<&str> = s.screens.iter().map(|x| x.id.as_str()).collect();
    if !screen_ids.contains(s.start.as_str()) {
        r.add(
            "start",
            &s.start,
            SimProblem::UnknownStart {
                start: s.start.clone(),
            },
        );
    }
    let all_fields: HashSet<&str> = s
        .screens
        .iter()
        .flat_map(SimScreen::fields)
        .map(|f| f.spec.id.as_str())
        .collect();
    let mut seen_screens = HashSet::new();
    let mut seen_fields = HashSet::new();
    for screen in &s.screens {
        r.screen = Some(&screen.id);
        if !seen_screens.insert(screen.id.as_str()) {
            r.add(
                "id",
                &screen.id,
                SimProblem::DuplicateScreen {
                    screen: screen.id.clone(),
                },
            );
        }
        check_screen(&mut r, screen, &screen_ids, &all_fields, &mut seen_fields);
    }
    r.screen = None;
    if !s.screens.iter().any(|x| x.end) {
        r.add("screens", "", SimProblem::NoEndScreen);
    }
    if r.issues.is_empty() {
        check_graph(&mut r, s);
    }
    r.issues
}

fn check_screen<'a>(
    r: &mut Report<'_>,
    screen: &'a SimScreen,
    screen_ids: &HashSet<&str>,
    all_fields: &HashSet<&str>,
    seen_fields: &mut HashSet<&'a str>,
) {
    let id = screen.id.as_str();
    if !valid_id(id) {
        r.add(
            "id",
            id,
            SimProblem::BadId {
                of: IdOf::Screen,
                id: id.to_owned(),
            },
        );
    }
    if blank(&screen.title) {
        r.add(
            "id",
            id,
            SimProblem::ScreenNoTitle {
                screen: id.to_owned(),
            },
        );
    }
    if !screen.end && screen.hints.is_empty() {
        r.add(
            "id",
            id,
            SimProblem::ScreenNoHints {
                screen: id.to_owned(),
            },
        );
    }
    if screen.hints.iter().any(|h| blank(h)) {
        r.add(
            "hints",
            "",
            SimProblem::EmptyHint {
                screen: id.to_owned(),
            },
        );
    }
    if screen.end && !screen.actions.is_empty() {
        r.add(
            "id",
            id,
            SimProblem::EndScreenActions {
                screen: id.to_owned(),
            },
        );
    }
    // Labels are accessible names: two widgets with one name cannot be told apart by a screen reader.
    let mut labels = HashSet::new();
    let mut placed = HashSet::new();
    for item in &screen.items {
        check_item(r, screen, item, all_fields, &mut placed);
        if let Some(field) = item.field() {
            let fid = field.spec.id.as_str();
            if !valid_id(fid) {
                r.add(
                    "id",
                    fid,
                    SimProblem::BadId {
                        of: IdOf::Field,
                        id: fid.to_owned(),
                    },
                );
            }
            if !seen_fields.insert(fid) {
                r.add(
                    "id",
                    fid,
                    SimProblem::DuplicateField {
                        field: fid.to_owned(),
                    },
                );
            }
            if !labels.insert(text::fold(&field.spec.label)) {
                r.add(
                    "id",
                    fid,
                    SimProblem::DuplicateLabel {
                        label: field.spec.label.clone(),
                        screen: id.to_owned(),
                    },
                );
            }
            // Radio buttons and files are drawn as widgets named by their text (a drop-down's options
            // only appear in its pop-up).
            if matches!(field.kind, FieldKind::Radio | FieldKind::File) {
                for choice in field.choices() {
                    if !labels.insert(text::fold(choice)) {
                        r.add(
                            "id",
                            fid,
                            SimProblem::DuplicateLabel {
                                label: (*choice).to_owned(),
                                screen: id.to_owned(),
                            },
                        );
                    }
                }
            }
        }
    }
    let mut action_ids = HashSet::new();
    for action in &screen.actions {
        if !action_ids.insert(action.id.as_str()) {
            r.add(
                "id",
                &action.id,
                SimProblem::DuplicateAction {
                    action: action.id.clone(),
                    screen: id.to_owned(),
                },
            );
        }
        if !labels.insert(text::fold(&action.label)) {
            r.add(
                "id",
                &action.id,
                SimProblem::DuplicateLabel {
                    label: action.label.clone(),
                    screen: id.to_owned(),
                },
            );
        }
        check_action(r, screen, action, screen_ids);
    }
}

fn check_item<'a>(
    r: &mut Report<'_>,
    screen: &SimScreen,
    item: &'a Item,
    all_fields: &HashSet<&str>,
    placed: &mut HashSet<&'a str>,
) {
    match item {
        Item::Paragraph { text } | Item::Notice { text, .. } => {
            if blank(text) {
                r.add(
                    "kind",
                    "",
                    SimProblem::EmptyParagraph {
                        screen: screen.id.clone(),
                    },
                );
            }
        }
        Item::Message { from, text, .. } => {
            if blank(from) || blank(text) {
                r.add("kind", "message", SimProblem::MessageIncomplete);
            }
        }
        Item::Info { rows, .. } => {
            for row in rows {
                match (&row.value, &row.field) {
                    (Some(_), None) => {}
                    (None, Some(f)) if all_fields.contains(f.as_str()) => {}
                    (None, Some(f)) => r.add(
                        "field",
                        f,
                        SimProblem::RowUnknownField {
                            label: row.label.clone(),
                            field: f.clone(),
                        },
                    ),
                    _ => r.add(
                        "label",
                        &row.label,
                        SimProblem::RowValueOrField {
                            label: row.label.clone(),
                        },
                    ),
                }
            }
        }
        Item::Action { action } => {
            if screen.action(action).is_none() {
                r.add(
                    "action",
                    action,
                    SimProblem::UnknownPlacedAction {
                        action: action.clone(),
                        screen: screen.id.clone(),
                    },
                );
            } else if !placed.insert(action.as_str()) {
                r.add(
                    "action",
                    action,
                    SimProblem::ActionPlacedTwice {
                        action: action.clone(),
                    },
                );
            }
        }
        _ => check_field(r, item),
    }
}

fn check_field(r: &mut Report<'_>, item: &Item) {
    let Some(field) = item.field() else { return };
    let spec = field.spec;
    let id = spec.id.as_str();
    if blank(&spec.label) {
        r.add("id", id, SimProblem::FieldNoLabel { field: id.to_owned() });
    }
    let kind = field.kind;
    match kind {
        FieldKind::Select | FieldKind::Radio => {
            if spec.options.len() < 2 || !spec.files.is_empty() {
                r.add("id", id, SimProblem::ChoiceNeedsOptions { field: id.to_owned() });
            }
        }
        FieldKind::File => {
            if spec.files.len() < 2 || !spec.options.is_empty() {
                r.add("id", id, SimProblem::FileNeedsFiles { field: id.to_owned() });
            }
        }
        _ => {
            if !spec.options.is_empty() || !spec.files.is_empty() {
                r.add(
                    "id",
                    id,
                    SimProblem::FieldTakesNoChoices {
                        field: id.to_owned(),
                        kind: kind.name(),
                    },
                );
            }
        }
    }
    let choices = field.choices();
    let unique: HashSet<String> = choices.iter().map(|c| text::clean(c)).collect();
    if unique.len() != choices.len() || choices.iter().any(|c| blank(c)) {
        r.add("id", id, SimProblem::BadChoices { field: id.to_owned() });
    }
    if spec.unit.is_some() && kind != FieldKind::Number {
        r.add("id", id, SimProblem::UnitNotOnNumber { field: id.to_owned() });
    }
    if let Some(v) = &spec.value {
        let ok = match kind {
            FieldKind::Checkbox => v == "true" || v == "false",
            k if k.is_choice() => choices.contains(&v.as_str()),
            FieldKind::Date => value::parse_date(v).is_some(),
            FieldKind::Number => value::parse_number(v, spec.unit.as_deref()).is_ok(),
            _ => true,
        };
        if !ok {
            r.add(
                "value",
                v,
                SimProblem::BadPresetValue {
                    value: v.clone(),
                    field: id.to_owned(),
                },
            );
        }
    }
}

fn check_action(r: &mut Report<'_>, screen: &SimScreen, action: &SimAction, screen_ids: &HashSet<&str>) {
    let aid = action.id.as_str();
    if !valid_id(aid) {
        r.add(
            "id",
            aid,
            SimProblem::BadId {
                of: IdOf::Action,
                id: aid.to_owned(),
            },
        );
    }
    if blank(&action.label) {
        r.add(
            "id",
            aid,
            SimProblem::ActionNoLabel {
                action: aid.to_owned(),
            },
        );
    }
    match (&action.to, &action.trap) {
        (Some(to), None) => {
            if !screen_ids.contains(to.as_str()) {
                r.add(
                    "to",
                    to,
                    SimProblem::UnknownTarget {
                        action: aid.to_owned(),
                        to: to.clone(),
                    },
                );
            }
        }
        (None, Some(trap)) => {
            if !action.checks.is_empty() {
                r.add(
                    "id",
                    aid,
                    SimProblem::TrapWithChecks {
                        action: aid.to_owned(),
                    },
                );
            }
            if blank(&trap.feedback) || blank(&trap.rule) {
                r.add(
                    "id",
                    aid,
                    SimProblem::TrapIncomplete {
                        action: aid.to_owned(),
                    },
                );
            }
        }
        _ => r.add(
            "id",
            aid,
            SimProblem::ActionToOrTrap {
                action: aid.to_owned(),
            },
        ),
    }
    for check in &action.checks {
        check_check(r, screen, aid, check);
    }
}

fn check_check(r: &mut Report<'_>, screen: &SimScreen, aid: &str, check: &Check) {
    let fid = check.field.as_str();
    let Some(field) = screen.field(fid) else {
        r.add(
            "field",
            fid,
            SimProblem::CheckUnknownField {
                action: aid.to_owned(),
                field: fid.to_owned(),
                screen: screen.id.clone(),
            },
        );
        return;
    };
    if blank(&check.feedback) || blank(&check.rule) {
        r.add(
            "field",
            fid,
            SimProblem::CheckIncomplete {
                field: fid.to_owned(),
            },
        );
    }
    let shape_ok = matches!(
        (&check.expect, field.kind),
        (None, _) | (Some(Expect::Checked(_)), FieldKind::Checkbox)
    ) || matches!(&check.expect, Some(Expect::Text(_))) && field.kind != FieldKind::Checkbox;
    if !shape_ok {
        r.add(
            "field",
            fid,
            SimProblem::ExpectShape {
                field: fid.to_owned(),
            },
        );
    } else if walk::satisfying(field, check).is_none() {
        r.add(
            "field",
            fid,
            SimProblem::ExpectImpossible {
                field: fid.to_owned(),
                kind: field.kind.name(),
            },
        );
    }
    for case in &check.cases {
        let ok_when = |w: When| match w {
            When::Empty => true,
            When::Diacritics => field.kind == FieldKind::Text,
            When::Swapped => field.kind == FieldKind::Date,
            When::DecimalPoint => field.kind == FieldKind::Number,
            When::Format => matches!(field.kind, FieldKind::Date | FieldKind::Number),
        };
        if blank(&case.feedback) {
            r.add(
                "field",
                fid,
                SimProblem::CaseNoFeedback {
                    field: fid.to_owned(),
                },
            );
        }
        match (&case.value, case.when) {
            (Some(v), None) => {
                let answer = Value::parse(field.kind, v);
                let right = value::judge(
                    field.kind,
                    field.spec.unit.as_deref(),
                    &answer,
                    check.expect.as_ref(),
                )
                .is_ok();
                if right {
                    r.add(
                        "value",
                        v,
                        SimProblem::CaseIsRight {
                            value: v.clone(),
                            field: fid.to_owned(),
                        },
                    );
                } else if field.kind.is_choice() && !field.choices().contains(&v.as_str()) {
                    r.add(
                        "value",
                        v,
                        SimProblem::CaseNotAChoice {
                            value: v.clone(),
                            field: fid.to_owned(),
                        },
                    );
                }
            }
            (None, Some(w)) if ok_when(w) => {}
            (None, Some(w)) => {
                r.add(
                    "when",
                    w.name(),
                    SimProblem::WhenNotForKind {
                        when: w.name(),
                        kind: field.kind.name(),
                    },
                );
            }
            _ => r.add(
                "field",
                fid,
                SimProblem::CaseValueOrWhen {
                    field: fid.to_owned(),
                },
            ),
        }
    }
}

fn check_graph<'a>(r: &mut Report<'a>, s: &'a Scenario) {
    for screen in &s.screens {
        for action in screen.actions.iter().filter(|a| a.to.is_some()) {
            if walk::passing_values(screen, action).is_none() {
                r.screen = Some(&screen.id);
                r.add(
                    "id",
                    &action.id,
                    SimProblem::ActionUnpassable {
                        action: action.id.clone(),
                    },
                );
            }
        }
    }
    r.screen = None;
    let routes = walk::routes(s);
    let finishing = walk::can_finish_from(s);
    if !finishing.contains(&s.start) {
        r.add("start", &s.start, SimProblem::CannotFinish);
    }
    for screen in &s.screens {
        r.screen = Some(&screen.id);
        if !routes.contains_key(&screen.id) {
            r.add(
                "id",
                &screen.id,
                SimProblem::Unreachable {
                    screen: screen.id.clone(),
                },
            );
        } else if !finishing.contains(&screen.id) {
            r.add(
                "id",
                &screen.id,
                SimProblem::DeadEnd {
                    screen: screen.id.clone(),
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::fixture;

    fn problems(s: &Scenario) -> Vec<SimProblem> {
        validate(s).into_iter().map(|i| i.problem).collect()
    }

    fn parse(text: &str) -> Scenario {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn the_fixture_is_sound_and_solvable() {
        let s = fixture::scenario();
        assert_eq!(problems(&s), Vec::new());
        let steps = walk::solve(&s).unwrap();
        let mut run = crate::sim::SimRun::new(&s);
        for step in steps {
            match step {
                walk::Step::Set { field, value } => assert!(run.set_value(&field, value)),
                walk::Step::Act { action } => assert!(run.act(&action).is_ok(), "{action}"),
            }
        }
        assert!(run.finished());
    }

    #[test]
    fn a_transition_to_a_missing_screen_is_reported_at_its_line() {
        let text = fixture::JSON.replace("\"to\": \"ba\"", "\"to\": \"bon\"");
        let issues = validate(&parse(&text));
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(
            issues[0].problem,
            SimProblem::UnknownTarget {
                action: "gui".into(),
                to: "bon".into()
            }
        );
        let line = text.lines().position(|l| l.contains("\"to\": \"bon\"")).unwrap() + 1;
        assert_eq!(issues[0].line(&text), line);
    }

    #[test]
    fn a_check_on_a_field_that_does_not_exist_is_reported() {
        let text = fixture::JSON.replace("{ \"field\": \"chon\"", "{ \"field\": \"ma\"");
        let p = problems(&parse(&text));
        assert!(
            p.iter().any(|x| matches!(
                x,
                SimProblem::CheckUnknownField { field, .. } if field == "ma"
            )),
            "{p:?}"
        );
    }

    #[test]
    fn a_scenario_that_cannot_be_completed_is_reported() {
        // An impossible expectation: "Hoa" is not an option, so "Tiếp tục" can never pass.
        let text = fixture::JSON.replace(
            "\"feedback\": \"Chưa chọn.\"",
            "\"expect\": \"Hoa\", \"feedback\": \"Chưa chọn.\"",
        );
        let p = problems(&parse(&text));
        assert!(
            p.iter().any(|x| matches!(
                x,
                SimProblem::ExpectImpossible { field, kind: "select" | "radio" } if field == "chon"
            )),
            "{p:?}"
        );
        // A dead end: the second screen loses its way forward.
        let text = fixture::JSON.replace(
            "{ \"id\": \"gui\", \"label\": \"Gửi\", \"to\": \"ba\" }",
            "{ \"id\": \"gui\", \"label\": \"Gửi\", \"to\": \"mot\" }",
        );
        let p = problems(&parse(&text));
        assert!(p.contains(&SimProblem::CannotFinish), "{p:?}");
        assert!(
            p.contains(&SimProblem::Unreachable { screen: "ba".into() }),
            "{p:?}"
        );
    }

    #[test]
    fn bad_cases_ids_and_duplicates_are_reported() {
        let text = fixture::JSON
            .replace("{ \"when\": \"swapped\"", "{ \"when\": \"decimal_point\"")
            .replace("\"value\": \"Phạm Gia Bão\"", "\"value\": \"phạm gia bảo\"")
            .replace("\"id\": \"hai\", \"title\"", "\"id\": \"Hai\", \"title\"");
        let p = problems(&parse(&text));
        assert!(
            p.iter().any(|x| matches!(
                x,
                SimProblem::WhenNotForKind {
                    when: "decimal_point",
                    kind: "date"
                }
            )),
            "{p:?}"
        );
        assert!(
            p.iter().any(|x| matches!(
                x,
                SimProblem::CaseIsRight { value, .. } if value == "phạm gia bảo"
            )),
            "{p:?}"
        );
        assert!(
            p.contains(&SimProblem::BadId {
                of: IdOf::Screen,
                id: "Hai".into()
            }),
            "{p:?}"
        );
        assert!(
            p.iter().any(|x| matches!(
                x,
                SimProblem::UnknownTarget { to, .. } if to == "hai"
            )),
            "{p:?}"
        );
        let text = fixture::JSON.replace("\"label\": \"Tỷ lệ\"", "\"label\": \"Họ tên\"");
        let p = problems(&parse(&text));
        assert!(
            p.iter().any(|x| matches!(
                x,
                SimProblem::DuplicateLabel { label, .. } if label == "Họ tên"
            )),
            "{p:?}"
        );
    }

    #[test]
    fn unknown_fields_are_rejected_when_parsing() {
        let text = fixture::JSON.replace("\"look\": \"link\"", "\"look\": \"link\", \"colour\": \"red\"");
        assert!(serde_json::from_str::<Scenario>(&text).is_err());
        let text = fixture::JSON.replace("\"unit\": \"%\"", "\"unit\": \"%\", \"colour\": \"red\"");
        assert!(
            serde_json::from_str::<Scenario>(&text).is_err(),
            "unknown keys inside a field item too"
        );
    }
}
