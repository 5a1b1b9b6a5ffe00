//! Walking a scenario's graph of screens: which screens a learner can reach by answering correctly, the
//! steps that get there, and whether the end can be reached from everywhere. `check-content` uses it to
//! prove each scenario can be completed; tests use the steps to drive a run and the UI.

use std::collections::{HashMap, HashSet, VecDeque};

use super::model::{Check, Expect, Field, FieldKind, Scenario, SimAction, SimScreen};
use super::value::{self, Value};

/// One thing a learner does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Enter or choose a value.
    Set { field: String, value: Value },
    /// Press an action of the current screen.
    Act { action: String },
}

/// A value that passes `check` on `field`, if one exists: the expected value, or, when the check only
/// wants the field filled, a plausible filler.
#[must_use]
pub fn satisfying(field: Field<'_>, check: &Check) -> Option<Value> {
    let candidate = match (&check.expect, field.kind) {
        (Some(Expect::Checked(b)), FieldKind::Checkbox) => Value::Checked(*b),
        (Some(Expect::Checked(_)), _) | (Some(Expect::Text(_)), FieldKind::Checkbox) => return None,
        (Some(Expect::Text(e)), _) => Value::Text(e.clone()),
        (None, FieldKind::Checkbox) => Value::Checked(true),
        (None, kind) if kind.is_choice() => Value::Text((*field.choices().first()?).to_owned()),
        (None, FieldKind::Date) => Value::Text("01/01/2026".to_owned()),
        (None, FieldKind::Number) => Value::Text("1".to_owned()),
        (None, _) => Value::Text("Có".to_owned()),
    };
    if field.kind.is_choice() && !field.choices().contains(&candidate.text()) {
        return None;
    }
    let unit = field.spec.unit.as_deref();
    value::judge(field.kind, unit, &candidate, check.expect.as_ref()).ok()?;
    Some(candidate)
}

/// The values that make every check of `action` pass, or `None` if some check cannot pass (a field that
/// does not exist, an impossible expectation, two checks on one field that disagree).
#[must_use]
pub fn passing_values(screen: &SimScreen, action: &SimAction) -> Option<Vec<(String, Value)>> {
    if action.trap.is_some() {
        return None;
    }
    let mut out: Vec<(String, Value)> = Vec::new();
    for check in &action.checks {
        let field = screen.field(&check.field)?;
        let v = satisfying(field, check)?;
        if !out.iter().any(|(f, _)| f == &check.field) {
            out.push((check.field.clone(), v));
        }
    }
    // Every check must accept the value chosen for its field.
    for check in &action.checks {
        let field = screen.field(&check.field)?;
        let (_, v) = out.iter().find(|(f, _)| f == &check.field)?;
        value::judge(field.kind, field.spec.unit.as_deref(), v, check.expect.as_ref()).ok()?;
    }
    Some(out)
}

/// An edge a learner can take: (from, action, to, values to enter first).
type Edge<'a> = (&'a str, &'a SimAction, &'a str, Vec<(String, Value)>);

/// Edges a learner can take.
fn edges(s: &Scenario) -> Vec<Edge<'_>> {
    let ids: HashSet<&str> = s.screens.iter().map(|x| x.id.as_str()).collect();
    let mut out = Vec::new();
    for screen in &s.screens {
        for action in &screen.actions {
            let Some(to) = action.to.as_deref().filter(|t| ids.contains(t)) else {
                continue;
            };
            if let Some(values) = passing_values(screen, action) {
                out.push((screen.id.as_str(), action, to, values));
            }
        }
    }
    out
}

/// For every screen reachable from the start, the shortest list of steps that reaches it.
#[must_use]
pub fn routes(s: &Scenario) -> HashMap<String, Vec<Step>> {
    let edges = edges(s);
    let mut routes: HashMap<String, Vec<Step>> = HashMap::new();
    if !s.screens.iter().any(|x| x.id == s.start) {
        return routes;
    }
    routes.insert(s.start.clone(), Vec::new());
    let mut queue = VecDeque::from([s.start.as_str()]);
    while let Some(at) = queue.pop_front() {
        let is_end = s.screens.iter().any(|x| x.id == at && x.end);
        if is_end {
            continue;
        }
        let base = routes.get(at).cloned().unwrap_or_default();
        for (_, action, to, values) in edges.iter().filter(|e| e.0 == at) {
            if routes.contains_key(*to) {
                continue;
            }
            let mut steps = base.clone();
            steps.extend(values.iter().map(|(f, v)| Step::Set {
                field: f.clone(),
                value: v.clone(),
            }));
            steps.push(Step::Act {
                action: action.id.clone(),
            });
            routes.insert((*to).to_owned(), steps);
            queue.push_back(to);
        }
    }
    routes
}

/// The steps of a shortest correct run from the start to an end screen.
#[must_use]
pub fn solve(s: &Scenario) -> Option<Vec<Step>> {
    let routes = routes(s);
    s.screens
        .iter()
        .filter(|x| x.end)
        .filter_map(|x| routes.get(&x.id))
        .min_by_key(|r| r.len())
        .cloned()
}

/// Screens from which an end screen can be reached by answering correctly.
#[must_use]
pub fn can_finish_from(s: &Scenario) -> HashSet<String> {
    let edges = edges(s);
    let mut done: HashSet<String> = s.screens.iter().filter(|x| x.end).map(|x| x.id.clone()).collect();
    loop {
        let before = done.len();
        for (from, _, to, _) in &edges {
            if done.contains(*to) {
                done.insert((*from).to_owned());
            }
        }
        if done.len() == before {
            return done;
        }
    }
}
