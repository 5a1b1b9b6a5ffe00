//! Question analysis: for each question a class answered, how many got it right (the facility), the
//! right answer, the wrong answer chosen most often and by how many, and the explanation; hardest first,
//! so a trainer with ten minutes left knows what to teach again (after Moodle's quiz statistics and
//! Kolibri's "difficult questions").
//!
//! Counted: every answer in the `quiz_attempted` events of the class's members (profiles merged into a
//! member count for them), whenever the attempt was taken. The fold keeps no answers, so the events are
//! read again ([`QuestionTally::add`] one by one, e.g. from `export::Events`). Questions are found by
//! id in the catalog; answers to questions it no longer has are left out. The most chosen wrong answer
//! comes from `answers[].chosen` (in the content's indexes), taken only from attempts of the module's
//! current version or of no recorded version: another version's options may be in another order.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::content::Catalog;
use crate::content::model::{Question, QuestionKind};
use crate::records::{Chosen, Class, Event, EventKind, Progress};

/// An answer in words: what a learner chose, or the right answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// Single or multiple choice: the options chosen, in the content's order.
    Options(Vec<String>),
    TrueFalse(bool),
    /// Ordering: the steps in the order given.
    Steps(Vec<String>),
    /// Matching: each left item with the right-hand item given for it.
    Pairs(Vec<(String, String)>),
}

impl Said {
    /// One line of text; `yes` and `no` are the words for true and false ("Đúng", "Sai").
    #[must_use]
    pub fn text(&self, yes: &str, no: &str) -> String {
        match self {
            Said::Options(options) => options.join("; "),
            Said::TrueFalse(value) => (if *value { yes } else { no }).to_owned(),
            Said::Steps(steps) => steps.join(" → "),
            Said::Pairs(pairs) => pairs
                .iter()
                .map(|(left, right)| format!("{left} — {right}"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// The right answer of `question`.
    #[must_use]
    pub fn right(question: &Question) -> Said {
        match &question.kind {
            QuestionKind::Single { options, correct } => {
                Said::Options(options.get(*correct).cloned().into_iter().collect())
            }
            QuestionKind::Multiple { options, correct } => {
                let mut correct = correct.clone();
                correct.sort_unstable();
                Said::Options(correct.iter().filter_map(|&i| options.get(i).cloned()).collect())
            }
            QuestionKind::TrueFalse { answer } => Said::TrueFalse(*answer),
            QuestionKind::Ordering { steps } => Said::Steps(steps.clone()),
            QuestionKind::Matching { pairs } => {
                Said::Pairs(pairs.iter().map(|p| (p.left.clone(), p.right.clone())).collect())
            }
        }
    }

    /// What `chosen` says for `question`; `None` when it does not fit the question (an index out of
    /// range, the wrong shape).
    #[must_use]
    pub fn chosen(question: &Question, chosen: &Chosen) -> Option<Said> {
        let pick = |items: &[String], indexes: &[u32]| {
            indexes
                .iter()
                .map(|&i| items.get(i as usize).cloned())
                .collect::<Option<Vec<_>>>()
        };
        match (&question.kind, chosen) {
            (QuestionKind::Single { options, .. }, Chosen::Indexes(i)) if i.len() == 1 => {
                pick(options, i).map(Said::Options)
            }
            (QuestionKind::Multiple { options, .. }, Chosen::Indexes(i)) => {
                pick(options, i).map(Said::Options)
            }
            (QuestionKind::TrueFalse { .. }, Chosen::Indexes(i)) => match i.as_slice() {
                [0] => Some(Said::TrueFalse(true)),
                [1] => Some(Said::TrueFalse(false)),
                _ => None,
            },
            (QuestionKind::Ordering { steps }, Chosen::Indexes(i)) if i.len() == steps.len() => {
                pick(steps, i).map(Said::Steps)
            }
            (QuestionKind::Matching { pairs }, Chosen::Pairs(given)) => given
                .iter()
                .map(|&[left, right]| {
                    let left = pairs.get(left as usize)?.left.clone();
                    Some((left, pairs.get(right as usize)?.right.clone()))
                })
                .collect::<Option<Vec<_>>>()
                .map(Said::Pairs),
            _ => None,
        }
    }
}

/// One question over the class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionStat {
    pub module: String,
    pub module_title: String,
    pub question: String,
    pub prompt: String,
    /// Answers counted (every attempt that drew the question).
    pub answered: u32,
    /// Of those, right.
    pub correct: u32,
    pub right: Said,
    /// The wrong answer chosen most often and how many chose it; `None` when no wrong answer recorded
    /// what was chosen (older files, or every answer right).
    pub most_wrong: Option<(Said, u32)>,
    pub explanation: String,
}

impl QuestionStat {
    /// Right answers in whole percent, rounded down.
    #[must_use]
    pub fn facility_percent(&self) -> u32 {
        crate::records::progress::percent(self.correct, self.answered)
    }
}

#[derive(Debug, Clone, Default)]
struct Tally {
    answered: u32,
    correct: u32,
    /// `(version of the attempt, what was chosen)` → how many, for wrong answers.
    wrong: HashMap<(Option<u32>, Chosen), u32>,
}

/// Counts a class's answers, event by event; owns what it needs, so it can run on a worker thread.
#[derive(Debug, Clone)]
pub struct QuestionTally {
    /// Members and the profiles merged into them.
    learners: HashSet<Uuid>,
    tallies: HashMap<(String, String), Tally>,
    seen: HashSet<Uuid>,
}

impl QuestionTally {
    /// A tally for the members of `class` as `progress` knows them.
    #[must_use]
    pub fn new(progress: &Progress, class: &Class) -> QuestionTally {
        QuestionTally {
            learners: super::filter::learners_of(progress, class),
            tallies: HashMap::new(),
            seen: HashSet::new(),
        }
    }

    /// Counts `event` if it is a member's quiz attempt (each event id once).
    pub fn add(&mut self, event: &Event) {
        let Some(EventKind::QuizAttempted {
            module,
            answers,
            score,
            max,
            ..
        }) = &event.kind
        else {
            return;
        };
        // The fold's sense check: an attempt it does not count is not counted here either.
        if *max == 0 || score > max || !self.learners.contains(&event.learner) || !self.seen.insert(event.id)
        {
            return;
        }
        let version = event.version();
        for answer in answers {
            let tally = self
                .tallies
                .entry((module.clone(), answer.question.clone()))
                .or_default();
            tally.answered += 1;
            if answer.correct {
                tally.correct += 1;
            } else if let Some(chosen) = &answer.chosen {
                *tally.wrong.entry((version, chosen.clone())).or_default() += 1;
            }
        }
    }

    /// The questions answered, hardest first (lowest share right; then the most answered; then in
    /// the catalog's order).
    #[must_use]
    pub fn finish(&self, catalog: &Catalog) -> Vec<QuestionStat> {
        let mut stats: Vec<((usize, usize), QuestionStat)> = Vec::new();
        for (m, module) in catalog.modules.iter().enumerate() {
            let version = module.meta.version;
            for (q, question) in module.questions.iter().enumerate() {
                let Some(tally) = self.tallies.get(&(module.meta.id.clone(), question.id.clone())) else {
                    continue;
                };
                let mut wrong: HashMap<&Chosen, u32> = HashMap::new();
                for ((v, chosen), count) in &tally.wrong {
                    if v.is_none_or(|v| v == version) {
                        *wrong.entry(chosen).or_default() += count;
                    }
                }
                // Most chosen; a tie goes to the smallest answer, so the result does not depend on
                // hashing.
                let most_wrong = wrong
                    .into_iter()
                    .filter_map(|(chosen, n)| Some((Said::chosen(question, chosen)?, n, chosen)))
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.cmp(a.2)))
                    .map(|(said, n, _)| (said, n));
                stats.push((
                    (m, q),
                    QuestionStat {
                        module: module.meta.id.clone(),
                        module_title: module.meta.title.clone(),
                        question: question.id.clone(),
                        prompt: question.prompt.clone(),
                        answered: tally.answered,
                        correct: tally.correct,
                        right: Said::right(question),
                        most_wrong,
                        explanation: question.explanation.clone(),
                    },
                ));
            }
        }
        stats.sort_by(|(pa, a), (pb, b)| {
            // a.correct / a.answered < b.correct / b.answered, without division.
            let left = u64::from(a.correct) * u64::from(b.answered);
            let right = u64::from(b.correct) * u64::from(a.answered);
            left.cmp(&right)
                .then_with(|| b.answered.cmp(&a.answered))
                .then_with(|| pa.cmp(pb))
        });
        stats.into_iter().map(|(_, s)| s).collect()
    }
}

/// The question analysis of `class` over `events` (see [`QuestionTally`]).
///
/// # Errors
/// [`crate::export::ExportError::Read`] if the events cannot be read.
pub fn analyse(
    progress: &Progress,
    class: &Class,
    events: &dyn crate::export::Events,
    catalog: &Catalog,
) -> Result<Vec<QuestionStat>, crate::export::ExportError> {
    let mut tally = QuestionTally::new(progress, class);
    events.each(&mut |event| tally.add(event))?;
    Ok(tally.finish(catalog))
}
