//! One learner going through a scenario: the current screen, the values entered, the mistakes made and
//! the hints seen. Pure state with no clock and no drawing, so every rule is tested without a window; the
//! UI (`ui::simulation`) sets values and calls [`SimRun::act`] when a button is pressed.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use super::model::{Check, Field, FieldKind, Scenario, SimAction, SimScreen, When};
use super::value::{self, Value};

/// A wrong answer or a trap, with what to tell the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// The screen it happened on.
    pub screen: String,
    pub screen_title: String,
    /// The action pressed.
    pub action: String,
    pub action_label: String,
    /// The field whose value was wrong; `None` for a trap (the action itself was the mistake).
    pub field: Option<FieldMistake>,
    pub feedback: String,
    /// The rule behind it, for the summary.
    pub rule: String,
}

impl Mistake {
    /// Whether pressing the action was the mistake (a trap) rather than a wrong value.
    #[must_use]
    pub fn is_trap(&self) -> bool {
        self.field.is_none()
    }
}

/// The wrong value behind a mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMistake {
    pub id: String,
    pub label: String,
    pub kind: FieldKind,
    pub value: Value,
    /// The kind of wrong answer, when the engine recognised one.
    pub when: Option<When>,
}

/// What the end screen shows: the mistakes with their rules, hints used and time taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub scenario: String,
    pub title: String,
    pub finished: bool,
    pub mistakes: Vec<Mistake>,
    pub hints_used: usize,
    /// Set by the caller, who owns the clock ([`SimRun::record_duration`]).
    pub duration: Option<Duration>,
}

/// The state of one run through a scenario.
#[derive(Debug, Clone)]
pub struct SimRun {
    scenario: Arc<Scenario>,
    screen: usize,
    /// The kind of every field of the scenario, by id.
    fields: HashMap<String, FieldKind>,
    values: HashMap<String, Value>,
    mistakes: Vec<Mistake>,
    last: Vec<Mistake>,
    /// The last wrong value counted for each (screen, action, field): giving the same wrong answer again
    /// shows the feedback again but is not counted twice.
    counted: HashMap<String, Option<Value>>,
    revealed: HashMap<String, usize>,
    hints_used: usize,
    attempts: u64,
    finished: bool,
    duration: Option<Duration>,
}

/// Shown if a run is ever built from a scenario with no screens (validation rules that out).
static NO_SCREEN: SimScreen = SimScreen {
    id: String::new(),
    title: String::new(),
    window: None,
    address: None,
    items: Vec::new(),
    actions: Vec::new(),
    hints: Vec::new(),
    end: false,
};

impl SimRun {
    /// A fresh run at the scenario's first screen, with pre-filled values in place.
    #[must_use]
    pub fn new(scenario: &Scenario) -> Self {
        Self::from_arc(Arc::new(scenario.clone()))
    }

    /// Like [`SimRun::new`], sharing the scenario.
    #[must_use]
    pub fn from_arc(scenario: Arc<Scenario>) -> Self {
        let mut fields = HashMap::new();
        let mut values = HashMap::new();
        for field in scenario.screens.iter().flat_map(SimScreen::fields) {
            let spec = field.spec;
            let value = spec
                .value
                .as_deref()
                .map_or_else(|| Value::empty(field.kind), |v| Value::parse(field.kind, v));
            values.insert(spec.id.clone(), value);
            fields.insert(spec.id.clone(), field.kind);
        }
        let screen = scenario
            .screens
            .iter()
            .position(|s| s.id == scenario.start)
            .unwrap_or(0);
        let finished = scenario.screens.get(screen).is_some_and(|s| s.end);
        Self {
            scenario,
            screen,
            fields,
            values,
            mistakes: Vec::new(),
            last: Vec::new(),
            counted: HashMap::new(),
            revealed: HashMap::new(),
            hints_used: 0,
            attempts: 0,
            finished,
            duration: None,
        }
    }

    /// The scenario being run.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario, shared: lets a caller read screens while changing the run's values.
    #[must_use]
    pub fn shared_scenario(&self) -> Arc<Scenario> {
        Arc::clone(&self.scenario)
    }

    /// The screen shown now.
    #[must_use]
    pub fn screen(&self) -> &SimScreen {
        self.scenario.screens.get(self.screen).unwrap_or(&NO_SCREEN)
    }

    /// The current value of a field (of any screen).
    #[must_use]
    pub fn value(&self, field: &str) -> Option<&Value> {
        self.values.get(field)
    }

    /// The text of a field, `""` if none.
    #[must_use]
    pub fn text(&self, field: &str) -> &str {
        self.values.get(field).map_or("", Value::text)
    }

    /// Whether a checkbox is ticked.
    #[must_use]
    pub fn checked(&self, field: &str) -> bool {
        matches!(self.values.get(field), Some(Value::Checked(true)))
    }

    /// Sets a field's value. Returns false (and changes nothing) for an unknown field or a value of the
    /// wrong shape (text for a checkbox or the reverse).
    pub fn set_value(&mut self, field: &str, value: Value) -> bool {
        let Some(kind) = self.fields.get(field) else {
            return false;
        };
        if (*kind == FieldKind::Checkbox) != matches!(value, Value::Checked(_)) {
            return false;
        }
        self.values.insert(field.to_owned(), value);
        true
    }

    /// Sets a text, date, number, code, address or choice field.
    pub fn set_text(&mut self, field: &str, text: impl Into<String>) -> bool {
        self.set_value(field, Value::Text(text.into()))
    }

    /// Ticks or unticks a checkbox.
    pub fn set_checked(&mut self, field: &str, checked: bool) -> bool {
        self.set_value(field, Value::Checked(checked))
    }

    /// Presses an action of the current screen.
    ///
    /// # Errors
    /// The mistakes, each with its feedback: a trap, or every check that failed. The learner stays on
    /// the screen. An empty list means nothing happened: the action is not on this screen, or the run
    /// is already finished.
    pub fn act(&mut self, action_id: &str) -> Result<String, Vec<Mistake>> {
        self.attempts += 1;
        if self.finished {
            return Err(Vec::new());
        }
        let scenario = Arc::clone(&self.scenario);
        let screen = scenario.screens.get(self.screen).unwrap_or(&NO_SCREEN);
        let Some(action) = screen.action(action_id) else {
            return Err(Vec::new());
        };
        let found: Vec<Mistake> = match &action.trap {
            Some(trap) => vec![Mistake {
                screen: screen.id.clone(),
                screen_title: screen.title.clone(),
                action: action.id.clone(),
                action_label: action.label.clone(),
                field: None,
                feedback: trap.feedback.clone(),
                rule: trap.rule.clone(),
            }],
            None => action
                .checks
                .iter()
                .filter_map(|c| self.judge(screen, action, c))
                .collect(),
        };
        if !found.is_empty() {
            for m in &found {
                self.count(m);
            }
            self.last.clone_from(&found);
            return Err(found);
        }
        self.last.clear();
        let Some(to) = &action.to else {
            return Ok(screen.id.clone());
        };
        if let Some(next) = scenario.screens.iter().position(|s| &s.id == to) {
            self.screen = next;
            self.finished = scenario.screens[next].end;
        }
        Ok(to.clone())
    }

    fn judge(&self, screen: &SimScreen, action: &SimAction, check: &Check) -> Option<Mistake> {
        let field: Field<'_> = screen.field(&check.field)?;
        let value = self
            .values
            .get(&check.field)
            .cloned()
            .unwrap_or_else(|| Value::empty(field.kind));
        let unit = field.spec.unit.as_deref();
        let when = value::judge(field.kind, unit, &value, check.expect.as_ref()).err()?;
        // A case for this exact value wins over a case for its kind, which wins over the general feedback.
        let case = check
            .cases
            .iter()
            .find(|c| {
                c.value
                    .as_deref()
                    .is_some_and(|v| value::same(field.kind, unit, &value, &Value::parse(field.kind, v)))
            })
            .or_else(|| check.cases.iter().find(|c| c.when.is_some() && c.when == when));
        let (feedback, rule) = match case {
            Some(c) => (
                c.feedback.clone(),
                c.rule.clone().unwrap_or_else(|| check.rule.clone()),
            ),
            None => (check.feedback.clone(), check.rule.clone()),
        };
        Some(Mistake {
            screen: screen.id.clone(),
            screen_title: screen.title.clone(),
            action: action.id.clone(),
            action_label: action.label.clone(),
            field: Some(FieldMistake {
                id: field.spec.id.clone(),
                label: field.spec.label.clone(),
                kind: field.kind,
                value,
                when,
            }),
            feedback,
            rule,
        })
    }

    fn count(&mut self, m: &Mistake) {
        let field = m.field.as_ref();
        let key = format!(
            "{}/{}/{}",
            m.screen,
            m.action,
            field.map_or("", |f| f.id.as_str())
        );
        let value = field.map(|f| f.value.clone());
        if self.counted.get(&key) != Some(&value) {
            self.counted.insert(key, value);
            self.mistakes.push(m.clone());
        }
    }

    /// Reveals the next hint of the current screen and returns it; once all are shown, the last one again.
    /// `None` when the screen has no hint.
    pub fn hint(&mut self) -> Option<&str> {
        let scenario = Arc::clone(&self.scenario);
        let screen = scenario.screens.get(self.screen)?;
        let shown = self.revealed.get(&screen.id).copied().unwrap_or(0);
        if shown < screen.hints.len() {
            self.revealed.insert(screen.id.clone(), shown + 1);
            self.hints_used += 1;
        }
        let index = self
            .revealed
            .get(&screen.id)
            .copied()
            .unwrap_or(0)
            .checked_sub(1)?;
        self.screen().hints.get(index).map(String::as_str)
    }

    /// The hints already revealed on the current screen, in order.
    #[must_use]
    pub fn hints_shown(&self) -> &[String] {
        let screen = self.screen();
        let n = self
            .revealed
            .get(&screen.id)
            .copied()
            .unwrap_or(0)
            .min(screen.hints.len());
        &screen.hints[..n]
    }

    /// Every mistake counted so far, in order.
    #[must_use]
    pub fn mistakes(&self) -> &[Mistake] {
        &self.mistakes
    }

    /// The mistakes of the last action pressed, for the feedback box (empty after a successful action).
    #[must_use]
    pub fn last_mistakes(&self) -> &[Mistake] {
        &self.last
    }

    /// How many times an action was pressed; lets the UI notice a new result.
    #[must_use]
    pub fn attempts(&self) -> u64 {
        self.attempts
    }

    /// Whether an end screen was reached.
    #[must_use]
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Keeps the time the learner took (the caller owns the clock).
    pub fn record_duration(&mut self, duration: Duration) {
        self.duration = Some(duration);
    }

    /// The time recorded with [`SimRun::record_duration`].
    #[must_use]
    pub fn duration(&self) -> Option<Duration> {
        self.duration
    }

    /// The summary for the end screen.
    #[must_use]
    pub fn summary(&self) -> Summary {
        Summary {
            scenario: self.scenario.id.clone(),
            title: self.scenario.title.clone(),
            finished: self.finished,
            mistakes: self.mistakes.clone(),
            hints_used: self.hints_used,
            duration: self.duration,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::fixture;

    fn fill_right(run: &mut SimRun) {
        assert!(run.set_text("ten", "Phạm Gia Bảo"));
        assert!(run.set_text("ngay", "05/03/2026"));
        assert!(run.set_text("so", "8,5"));
        assert!(run.set_checked("dong-y", true));
        assert!(run.set_text("chon", "Kinh"));
    }

    #[test]
    fn right_answers_move_on_and_reaching_the_end_finishes() {
        let mut run = SimRun::new(&fixture::scenario());
        assert_eq!(run.screen().id, "mot");
        fill_right(&mut run);
        assert_eq!(run.act("tiep"), Ok("hai".to_owned()));
        assert_eq!(run.screen().id, "hai");
        assert!(!run.finished());
        // Going back keeps what was typed.
        assert_eq!(run.act("lui"), Ok("mot".to_owned()));
        assert_eq!(run.text("ten"), "Phạm Gia Bảo");
        assert_eq!(run.act("tiep"), Ok("hai".to_owned()));
        assert_eq!(run.act("gui"), Ok("ba".to_owned()));
        assert!(run.finished());
        assert!(run.mistakes().is_empty());
        // Nothing more happens once finished.
        assert_eq!(run.act("gui"), Err(Vec::new()));
        let summary = run.summary();
        assert!(summary.finished);
        assert_eq!(summary.scenario, "mau");
    }

    #[test]
    fn every_failing_check_is_reported_with_its_case_feedback() {
        let mut run = SimRun::new(&fixture::scenario());
        run.set_text("ten", "Pham Gia Bao");
        run.set_text("ngay", "03/05/2026");
        run.set_text("so", "8.5");
        let mistakes = run.act("tiep").unwrap_err();
        let feedback: Vec<&str> = mistakes.iter().map(|m| m.feedback.as_str()).collect();
        assert_eq!(
            feedback,
            [
                "Thiếu dấu.",
                "Đảo ngày tháng.",
                "Dùng dấu phẩy.",
                "Chưa đối chiếu.",
                "Chưa chọn."
            ]
        );
        assert_eq!(run.screen().id, "mot", "a wrong answer stays on the screen");
        assert_eq!(run.mistakes().len(), 5);
        assert_eq!(run.last_mistakes().len(), 5);
        let first = mistakes[0].field.as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.when), ("ten", Some(When::Diacritics)));
        assert_eq!(
            mistakes[0].rule, "Tên đúng dấu.",
            "a case without a rule keeps the check's rule"
        );
    }

    #[test]
    fn a_value_case_wins_over_a_kind_case_and_the_general_feedback_covers_the_rest() {
        let mut run = SimRun::new(&fixture::scenario());
        fill_right(&mut run);
        run.set_text("ten", "Phạm Gia Bão");
        let m = run.act("tiep").unwrap_err();
        assert_eq!(
            (m[0].feedback.as_str(), m[0].rule.as_str()),
            ("Bão khác Bảo.", "Một dấu sai là tên khác.")
        );
        run.set_text("ten", "Lê Văn Tám");
        let m = run.act("tiep").unwrap_err();
        assert_eq!(m[0].feedback, "Sai tên.");
    }

    #[test]
    fn traps_are_mistakes_and_repeats_are_not_counted_twice() {
        let mut run = SimRun::new(&fixture::scenario());
        let m = run.act("bay").unwrap_err();
        assert_eq!(m.len(), 1);
        assert!(m[0].is_trap());
        assert_eq!(m[0].feedback, "Đường dẫn giả.");
        assert_eq!(run.screen().id, "mot");
        assert!(run.act("bay").is_err());
        assert_eq!(run.mistakes().len(), 1, "the same trap twice counts once");
        // The same wrong value twice counts once; a new wrong value counts again.
        fill_right(&mut run);
        run.set_text("so", "9");
        assert!(run.act("tiep").is_err());
        assert!(run.act("tiep").is_err());
        assert_eq!(run.mistakes().len(), 2);
        run.set_text("so", "10");
        assert!(run.act("tiep").is_err());
        assert_eq!(run.mistakes().len(), 3);
        // A successful action clears the feedback box.
        run.set_text("so", "8,5");
        assert!(run.act("tiep").is_ok());
        assert!(run.last_mistakes().is_empty());
        assert_eq!(run.summary().mistakes.len(), 3);
    }

    #[test]
    fn hints_are_revealed_one_at_a_time_and_counted() {
        let mut run = SimRun::new(&fixture::scenario());
        assert!(run.hints_shown().is_empty());
        assert_eq!(run.hint(), Some("Gợi ý một."));
        assert_eq!(run.hint(), Some("Gợi ý hai."));
        assert_eq!(run.hint(), Some("Gợi ý hai."), "the last hint stays");
        assert_eq!(run.hints_shown().len(), 2);
        assert_eq!(run.summary().hints_used, 2);
    }

    #[test]
    fn unknown_fields_actions_and_wrong_shapes_change_nothing() {
        let mut run = SimRun::new(&fixture::scenario());
        assert!(!run.set_text("khong-co", "x"));
        assert!(!run.set_text("dong-y", "true"), "a checkbox takes a bool");
        assert!(!run.set_checked("ten", true));
        assert_eq!(run.act("khong-co"), Err(Vec::new()));
        assert!(run.mistakes().is_empty());
        run.record_duration(Duration::from_secs(75));
        assert_eq!(run.summary().duration, Some(Duration::from_secs(75)));
    }
}
