//! What can be wrong with a simulation scenario, as data. Like [`crate::content::Problem`], the words
//! are chosen only when the problem is printed, in the interface language, so `check-content --lang en`
//! speaks English and tests match on the variant.
//!
//! Ids, labels and values are the author's own text from the scenario file; `kind` and `when` are the
//! file's spellings (`"number"`, `"decimal_point"`), which an author types and so must see unchanged.

use crate::i18n::I18n;

/// Which kind of id a [`SimProblem::BadId`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Scenario,
    Screen,
    Field,
    Action,
}

impl IdOf {
    /// The selector the Fluent messages branch on.
    fn key(self) -> &'static str {
        match self {
            IdOf::Scenario => "scenario",
            IdOf::Screen => "screen",
            IdOf::Field => "field",
            IdOf::Action => "action",
        }
    }
}

/// One thing wrong with a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimProblem {
    /// An id that is not lowercase ASCII letters, digits and dashes.
    BadId { of: IdOf, id: String },
    /// The scenario's id differs from the one module.json lists it under.
    IdMismatch { in_file: String, listed: String },
    /// A required text (`title`, `intro`, `window`, the task's `text`) left empty.
    EmptyText { key: &'static str },
    /// A row of the task's data without its label or value.
    TaskRowIncomplete,
    /// No screens at all.
    NoScreens,
    /// `start` names a screen that does not exist.
    UnknownStart { start: String },
    /// Two screens with one id.
    DuplicateScreen { screen: String },
    /// No screen with `"end": true`.
    NoEndScreen,
    /// A screen without a title.
    ScreenNoTitle { screen: String },
    /// A screen the learner can be on without a hint to ask for.
    ScreenNoHints { screen: String },
    /// An empty hint.
    EmptyHint { screen: String },
    /// An end screen with buttons.
    EndScreenActions { screen: String },
    /// Two fields with one id anywhere in the scenario.
    DuplicateField { field: String },
    /// Two widgets on one screen with one label (a screen reader could not tell them apart).
    DuplicateLabel { label: String, screen: String },
    /// Two buttons on one screen with one id.
    DuplicateAction { action: String, screen: String },
    /// A paragraph or notice with no text.
    EmptyParagraph { screen: String },
    /// A message without its sender or text.
    MessageIncomplete,
    /// An information row showing a field that does not exist.
    RowUnknownField { label: String, field: String },
    /// An information row with both or neither of `value` and `field`.
    RowValueOrField { label: String },
    /// A button placed among the items that the screen does not have.
    UnknownPlacedAction { action: String, screen: String },
    /// A button placed twice among the items.
    ActionPlacedTwice { action: String },
    /// A field without a label.
    FieldNoLabel { field: String },
    /// A drop-down or radio field without two options (or with files).
    ChoiceNeedsOptions { field: String },
    /// A file field without two files (or with options).
    FileNeedsFiles { field: String },
    /// A field of another kind with options or files.
    FieldTakesNoChoices { field: String, kind: &'static str },
    /// Two identical choices, or an empty one.
    BadChoices { field: String },
    /// A `unit` on a field that is not a number.
    UnitNotOnNumber { field: String },
    /// A preset value the field cannot hold.
    BadPresetValue { value: String, field: String },
    /// A button without a label.
    ActionNoLabel { action: String },
    /// A button leading to a screen that does not exist.
    UnknownTarget { action: String, to: String },
    /// A trap button with checks (a trap is never passed, so its checks would never run).
    TrapWithChecks { action: String },
    /// A trap button without its feedback or rule.
    TrapIncomplete { action: String },
    /// A button with both or neither of `to` and `trap`.
    ActionToOrTrap { action: String },
    /// A check on a field that is not on the button's screen.
    CheckUnknownField {
        action: String,
        field: String,
        screen: String,
    },
    /// A check without its feedback or rule.
    CheckIncomplete { field: String },
    /// An `expect` of the wrong shape: true/false for a checkbox, text for the others.
    ExpectShape { field: String },
    /// An `expect` no answer of the field's kind can meet.
    ExpectImpossible { field: String, kind: &'static str },
    /// A case without feedback.
    CaseNoFeedback { field: String },
    /// A case for a wrong answer whose value is in fact right.
    CaseIsRight { value: String, field: String },
    /// A case whose value is not one of the field's choices.
    CaseNotAChoice { value: String, field: String },
    /// A `when` that cannot happen for the field's kind.
    WhenNotForKind { when: &'static str, kind: &'static str },
    /// A case with both or neither of `value` and `when`.
    CaseValueOrWhen { field: String },
    /// A button whose checks contradict each other, so it can never be passed.
    ActionUnpassable { action: String },
    /// The end cannot be reached from the start screen.
    CannotFinish,
    /// A screen no button leads to.
    Unreachable { screen: String },
    /// A screen from which the end cannot be reached.
    DeadEnd { screen: String },
}

impl SimProblem {
    /// The problem in the interface language.
    #[must_use]
    pub fn message(&self, t: &I18n) -> String {
        use SimProblem as P;
        let s = String::clone;
        match self {
            P::BadId { of, id } => t.content_sim_bad_id(s(id), of.key()),
            P::IdMismatch { in_file, listed } => t.content_sim_id_mismatch(s(in_file), s(listed)),
            P::EmptyText { key } => t.content_sim_empty_text(*key),
            P::TaskRowIncomplete => t.content_sim_task_row(),
            P::NoScreens => t.content_sim_no_screens(),
            P::UnknownStart { start } => t.content_sim_unknown_start(s(start)),
            P::DuplicateScreen { screen } => t.content_sim_duplicate_screen(s(screen)),
            P::NoEndScreen => t.content_sim_no_end(),
            P::ScreenNoTitle { screen } => t.content_sim_screen_no_title(s(screen)),
            P::ScreenNoHints { screen } => t.content_sim_screen_no_hints(s(screen)),
            P::EmptyHint { screen } => t.content_sim_empty_hint(s(screen)),
            P::EndScreenActions { screen } => t.content_sim_end_actions(s(screen)),
            P::DuplicateField { field } => t.content_sim_duplicate_field(s(field)),
            P::DuplicateLabel { label, screen } => t.content_sim_duplicate_label(s(label), s(screen)),
            P::DuplicateAction { action, screen } => t.content_sim_duplicate_action(s(action), s(screen)),
            P::EmptyParagraph { screen } => t.content_sim_empty_paragraph(s(screen)),
            P::MessageIncomplete => t.content_sim_message_incomplete(),
            P::RowUnknownField { label, field } => t.content_sim_row_unknown_field(s(field), s(label)),
            P::RowValueOrField { label } => t.content_sim_row_value_or_field(s(label)),
            P::UnknownPlacedAction { action, screen } => t.content_sim_unknown_placed(s(action), s(screen)),
            P::ActionPlacedTwice { action } => t.content_sim_placed_twice(s(action)),
            P::FieldNoLabel { field } => t.content_sim_field_no_label(s(field)),
            P::ChoiceNeedsOptions { field } => t.content_sim_choice_needs_options(s(field)),
            P::FileNeedsFiles { field } => t.content_sim_file_needs_files(s(field)),
            P::FieldTakesNoChoices { field, kind } => t.content_sim_field_no_choices(s(field), *kind),
            P::BadChoices { field } => t.content_sim_bad_choices(s(field)),
            P::UnitNotOnNumber { field } => t.content_sim_unit_not_number(s(field)),
            P::BadPresetValue { value, field } => t.content_sim_bad_preset(s(field), s(value)),
            P::ActionNoLabel { action } => t.content_sim_action_no_label(s(action)),
            P::UnknownTarget { action, to } => t.content_sim_unknown_target(s(action), s(to)),
            P::TrapWithChecks { action } => t.content_sim_trap_with_checks(s(action)),
            P::TrapIncomplete { action } => t.content_sim_trap_incomplete(s(action)),
            P::ActionToOrTrap { action } => t.content_sim_to_or_trap(s(action)),
            P::CheckUnknownField {
                action,
                field,
                screen,
            } => t.content_sim_check_unknown_field(s(action), s(field), s(screen)),
            P::CheckIncomplete { field } => t.content_sim_check_incomplete(s(field)),
            P::ExpectShape { field } => t.content_sim_expect_shape(s(field)),
            P::ExpectImpossible { field, kind } => t.content_sim_expect_impossible(s(field), *kind),
            P::CaseNoFeedback { field } => t.content_sim_case_no_feedback(s(field)),
            P::CaseIsRight { value, field } => t.content_sim_case_is_right(s(field), s(value)),
            P::CaseNotAChoice { value, field } => t.content_sim_case_not_a_choice(s(field), s(value)),
            P::WhenNotForKind { when, kind } => t.content_sim_when_not_for_kind(*kind, *when),
            P::CaseValueOrWhen { field } => t.content_sim_case_value_or_when(s(field)),
            P::ActionUnpassable { action } => t.content_sim_unpassable(s(action)),
            P::CannotFinish => t.content_sim_cannot_finish(),
            P::Unreachable { screen } => t.content_sim_unreachable(s(screen)),
            P::DeadEnd { screen } => t.content_sim_dead_end(s(screen)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_problem_is_worded_in_either_language_with_its_data() {
        let p = SimProblem::UnknownTarget {
            action: "gui".into(),
            to: "bon".into(),
        };
        let vi = p.message(&I18n::new(Lang::Vi));
        let en = p.message(&I18n::new(Lang::En));
        assert_eq!(vi, "nút \"gui\" dẫn tới màn hình \"bon\" không có trong kịch bản");
        assert_eq!(
            en,
            "the button \"gui\" leads to the screen \"bon\", which the scenario does not have"
        );
    }

    #[test]
    fn the_kind_of_a_bad_id_chooses_the_words() {
        let vi = I18n::new(Lang::Vi);
        let en = I18n::new(Lang::En);
        let bad = |of| SimProblem::BadId { of, id: "Hai".into() };
        assert!(bad(IdOf::Screen).message(&vi).starts_with("mã màn hình \"Hai\""));
        assert!(bad(IdOf::Field).message(&vi).starts_with("mã ô \"Hai\""));
        assert!(bad(IdOf::Action).message(&vi).starts_with("mã nút \"Hai\""));
        assert!(bad(IdOf::Scenario).message(&vi).starts_with("mã \"Hai\""));
        assert!(
            bad(IdOf::Screen)
                .message(&en)
                .starts_with("the screen id \"Hai\"")
        );
        assert!(bad(IdOf::Scenario).message(&en).starts_with("the id \"Hai\""));
    }
}
