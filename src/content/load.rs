//! Loads every module from a [`Source`] and checks it against the content contract (design Part A):
//! unknown fields, duplicate ids, questions without a right answer, missing lessons and images, text
//! that is not NFC, lessons without the sources section. All problems are collected, each with its line.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::markdown::{self, Block};
use super::model::{Catalog, GlossaryEntry, Lesson, Module, ModuleMeta, Question, QuestionKind, QuizFile};
use super::problem::{Issue, Problem};
use super::source::{ReadProblem, Source};

/// The title the last `##` section of every lesson must have.
pub const SOURCES_HEADING: &str = "Căn cứ pháp lý và nguồn";

struct Checker<'a> {
    source: &'a dyn Source,
    issues: Vec<Issue>,
}

impl Checker<'_> {
    fn issue(&mut self, path: &str, line: usize, problem: Problem) {
        self.issues.push(Issue {
            file: self.source.display(path),
            line: line.max(1),
            problem,
        });
    }

    /// Reads a text file, reporting a file that is missing or cannot be read (at the line that lists
    /// it, if any), bad UTF-8 and the first line that is not NFC.
    fn text(&mut self, path: &str, listed_in: Option<(&str, usize)>) -> Option<String> {
        let bytes = match self.source.read(path) {
            Ok(bytes) => bytes,
            Err(problem) => {
                let (file, line) = listed_in.unwrap_or((path, 1));
                let name = path.rsplit('/').next().unwrap_or(path).to_owned();
                let problem = match problem {
                    ReadProblem::Missing => Problem::MissingFile(name),
                    ReadProblem::NotAFile => Problem::NotAFile(name),
                    ReadProblem::OutsideFolder => Problem::OutsideFolder(name),
                    ReadProblem::TooLarge => Problem::TooLarge(name),
                    ReadProblem::Unreadable => Problem::Unreadable(name),
                };
                self.issue(file, line, problem);
                return None;
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            self.issue(path, 1, Problem::NotUtf8);
            return None;
        };
        if let Some(line) = first_non_nfc_line(&text) {
            self.issue(path, line, Problem::NotNfc);
        }
        Some(text)
    }

    fn json<T: serde::de::DeserializeOwned>(&mut self, path: &str, text: &str) -> Option<T> {
        match serde_json::from_str(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let detail = e.to_string();
                // serde_json appends " at line L column C"; the line is already in the prefix.
                let detail = detail.split(" at line ").next().unwrap_or(&detail).to_owned();
                let line = unknown_field_line(text, &detail, e.line()).unwrap_or(e.line());
                self.issue(path, line, Problem::Json(detail));
                None
            }
        }
    }
}

/// serde reports an unknown field in a tagged question at the end of the object; point at the field itself
/// (its last occurrence at or before the reported line).
fn unknown_field_line(text: &str, detail: &str, reported: usize) -> Option<usize> {
    let name = detail.strip_prefix("unknown field `")?.split('`').next()?;
    let quoted = format!("\"{name}\"");
    text.lines()
        .enumerate()
        .take(reported)
        .filter(|(_, l)| l.contains(&quoted))
        .map(|(i, _)| i + 1)
        .last()
}

fn first_non_nfc_line(text: &str) -> Option<usize> {
    if crate::text::is_nfc(text) {
        return None;
    }
    text.lines().position(|l| !crate::text::is_nfc(l)).map(|i| i + 1)
}

/// The 1-based line where `needle` first occurs in `text`, or 1.
#[must_use]
pub fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(1, |i| text[..i].matches('\n').count() + 1)
}

fn json_key_line(text: &str, key: &str, value: &str) -> usize {
    let compact = format!("\"{key}\": \"{value}\"");
    let tight = format!("\"{key}\":\"{value}\"");
    if text.contains(&compact) {
        line_of(text, &compact)
    } else {
        line_of(text, &tight)
    }
}

/// Ids of modules, lessons, questions and simulations: lowercase ASCII letters, digits, inner dashes.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn valid_folder(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 3
        && bytes[0].is_ascii_digit()
        && bytes[1].is_ascii_digit()
        && bytes[2] == b'-'
        && valid_id(&name[3..])
}

/// Loads and validates everything. Returns the catalog only when there is no problem at all.
///
/// # Errors
/// Every problem found, each with its file and line.
pub fn load(source: &dyn Source) -> Result<Catalog, Vec<Issue>> {
    let mut c = Checker {
        source,
        issues: Vec::new(),
    };
    let files = source.files();
    let mut dirs: Vec<String> = files
        .iter()
        .filter_map(|f| f.split_once('/').map(|(d, _)| d.to_owned()))
        .collect();
    dirs.dedup();
    let mut catalog = Catalog::default();
    for dir in &dirs {
        if !valid_folder(dir) {
            c.issue(dir, 1, Problem::BadFolderName);
            continue;
        }
        if let Some(module) = load_module(&mut c, dir, &files, &mut catalog.images) {
            catalog.modules.push(module);
        }
    }
    if dirs.is_empty() {
        c.issue("", 1, Problem::NoModules);
    }
    check_across_modules(&mut c, &catalog);
    catalog.modules.sort_by_key(|m| m.meta.order);
    if c.issues.is_empty() {
        Ok(catalog)
    } else {
        Err(c.issues)
    }
}

fn check_across_modules(c: &mut Checker<'_>, catalog: &Catalog) {
    let mut ids = HashSet::new();
    let mut orders = HashSet::new();
    for m in &catalog.modules {
        let path = format!("{}/module.json", m.dir);
        if !ids.insert(m.meta.id.clone()) {
            c.issue(&path, 1, Problem::DuplicateId(m.meta.id.clone()));
        }
        if !orders.insert(m.meta.order) {
            c.issue(&path, 1, Problem::DuplicateOrder(m.meta.order));
        }
    }
}

fn load_module(
    c: &mut Checker<'_>,
    dir: &str,
    files: &[String],
    images: &mut HashMap<String, Arc<[u8]>>,
) -> Option<Module> {
    let meta_path = format!("{dir}/module.json");
    let meta_text = c.text(&meta_path, None)?;
    let meta: ModuleMeta = c.json(&meta_path, &meta_text)?;
    check_meta(c, &meta_path, &meta_text, &meta);
    if let Some(icon) = &meta.icon {
        let line = json_key_line(&meta_text, "icon", icon);
        load_svg(c, (dir, files), (&meta_path, line), icon, images);
    }

    let mut lessons = Vec::new();
    let mut lesson_ids = HashSet::new();
    for lm in &meta.lessons {
        let line = json_key_line(&meta_text, "id", &lm.id);
        if !valid_id(&lm.id) {
            c.issue(&meta_path, line, Problem::BadId(lm.id.clone()));
        }
        if !lesson_ids.insert(lm.id.clone()) {
            c.issue(&meta_path, line, Problem::DuplicateId(lm.id.clone()));
        }
        let path = format!("{dir}/{}", lm.file);
        let file_line = json_key_line(&meta_text, "file", &lm.file);
        let Some(text) = c.text(&path, Some((&meta_path, file_line))) else {
            continue;
        };
        let parsed = check_lesson(c, dir, &path, &text, files, images);
        lessons.push(Lesson {
            meta: lm.clone(),
            blocks: parsed.blocks,
            words: parsed.words,
        });
    }

    let quiz_path = format!("{dir}/{}", meta.quiz);
    let quiz_line = json_key_line(&meta_text, "quiz", &meta.quiz);
    // A quiz that could not be read is already reported; the draw is checked only against a real bank.
    let questions = c
        .text(&quiz_path, Some((&meta_path, quiz_line)))
        .and_then(|text| {
            let quiz: QuizFile = c.json(&quiz_path, &text)?;
            Some(check_quiz(c, &quiz_path, &text, quiz, &lesson_ids))
        });
    if let Some(qs) = &questions
        && (qs.is_empty() || meta.quiz_draw == 0 || meta.quiz_draw > qs.len())
    {
        let line = line_of(&meta_text, "\"quiz_draw\"");
        c.issue(
            &meta_path,
            line,
            Problem::BadDraw {
                draw: meta.quiz_draw,
                have: qs.len(),
            },
        );
    }
    let questions = questions.unwrap_or_default();

    let glossary_path = format!("{dir}/glossary.json");
    let glossary: Vec<GlossaryEntry> = if files.contains(&glossary_path) {
        c.text(&glossary_path, None)
            .and_then(|t| c.json(&glossary_path, &t))
            .unwrap_or_default()
    } else {
        Vec::new()
    };

    let mut simulations = Vec::new();
    let mut sim_ids = HashSet::new();
    for sim in &meta.simulations {
        let path = format!("{dir}/{}", sim.file);
        let line = json_key_line(&meta_text, "file", &sim.file);
        let id_line = json_key_line(&meta_text, "id", &sim.id);
        if !valid_id(&sim.id) {
            c.issue(&meta_path, id_line, Problem::BadId(sim.id.clone()));
        }
        if !sim_ids.insert(sim.id.clone()) {
            c.issue(&meta_path, id_line, Problem::DuplicateId(sim.id.clone()));
        }
        let Some(text) = c.text(&path, Some((&meta_path, line))) else {
            continue;
        };
        let Some(scenario) = c.json::<crate::sim::Scenario>(&path, &text) else {
            continue;
        };
        if scenario.id != sim.id {
            let problem = crate::sim::SimProblem::IdMismatch {
                in_file: scenario.id.clone(),
                listed: sim.id.clone(),
            };
            c.issue(&path, line_of(&text, "\"id\""), Problem::Simulation(problem));
        }
        for issue in crate::sim::validate(&scenario) {
            c.issue(&path, issue.line(&text), Problem::Simulation(issue.problem));
        }
        simulations.push(scenario);
    }

    let trainer_notes = load_trainer_notes(c, dir, files, images);

    Some(Module {
        dir: dir.to_owned(),
        meta,
        lessons,
        questions,
        glossary,
        simulations,
        trainer_notes,
    })
}

fn check_meta(c: &mut Checker<'_>, path: &str, text: &str, meta: &ModuleMeta) {
    if !valid_id(&meta.id) {
        c.issue(
            path,
            json_key_line(text, "id", &meta.id),
            Problem::BadId(meta.id.clone()),
        );
    }
    for (field, value) in [("title", &meta.title), ("summary", &meta.summary)] {
        if value.trim().is_empty() {
            c.issue(
                path,
                line_of(text, &format!("\"{field}\"")),
                Problem::EmptyText(field.to_owned()),
            );
        }
    }
    if meta.pass_mark == 0 || meta.pass_mark > 100 {
        c.issue(
            path,
            line_of(text, "\"pass_mark\""),
            Problem::BadPassMark(meta.pass_mark),
        );
    }
    if meta.lessons.is_empty() {
        c.issue(
            path,
            line_of(text, "\"lessons\""),
            Problem::EmptyText("lessons".to_owned()),
        );
    }
}

fn check_lesson(
    c: &mut Checker<'_>,
    dir: &str,
    path: &str,
    text: &str,
    files: &[String],
    images: &mut HashMap<String, Arc<[u8]>>,
) -> markdown::Parsed {
    let parsed = markdown::parse(text);
    if let Some(h1) = parsed.headings.iter().find(|h| h.level == 1) {
        c.issue(path, h1.line, Problem::LessonH1);
    }
    match parsed.headings.iter().rev().find(|h| h.level == 2) {
        Some(h) if h.text == SOURCES_HEADING => {}
        Some(h) => c.issue(path, h.line, Problem::NoSourcesSection),
        None => c.issue(path, text.lines().count(), Problem::NoSourcesSection),
    }
    for img in &parsed.images {
        load_svg(c, (dir, files), (path, img.line), &img.src, images);
    }
    parsed
}

/// The file of a module's notes for trainers, beside `module.json`.
pub const TRAINER_NOTES_FILE: &str = "trainer.md";

/// Reads `trainer.md` when the module has one: NFC like every text, no `#` heading (the app shows its own
/// title), and every image it shows must be a checked SVG of the module folder, as in a lesson.
fn load_trainer_notes(
    c: &mut Checker<'_>,
    dir: &str,
    files: &[String],
    images: &mut HashMap<String, Arc<[u8]>>,
) -> Option<Vec<Block>> {
    let path = format!("{dir}/{TRAINER_NOTES_FILE}");
    if !files.contains(&path) {
        return None;
    }
    let text = c.text(&path, None)?;
    let parsed = markdown::parse(&text);
    if let Some(h1) = parsed.headings.iter().find(|h| h.level == 1) {
        c.issue(&path, h1.line, Problem::LessonH1);
    }
    for img in &parsed.images {
        load_svg(c, (dir, files), (&path, img.line), &img.src, images);
    }
    Some(parsed.blocks)
}

/// Checks the SVG `src` of module folder `dir` (named at `at`, a file and line) and keeps its bytes in
/// `images` under `dir/src`: diagrams in lessons, and a module's icon.
fn load_svg(
    c: &mut Checker<'_>,
    (dir, files): (&str, &[String]),
    (path, line): (&str, usize),
    src: &str,
    images: &mut HashMap<String, Arc<[u8]>>,
) {
    let key = format!("{dir}/{src}");
    if images.contains_key(&key) {
        return;
    }
    if !src.to_ascii_lowercase().ends_with(".svg") {
        c.issue(path, line, Problem::ImageNotSvg(src.to_owned()));
    } else if !files.contains(&key) {
        c.issue(path, line, Problem::MissingImage(src.to_owned()));
    } else if let Some(svg) = c.text(&key, None) {
        match crate::content::svg::parse(svg.as_bytes()) {
            Ok(_) => {
                images.insert(key, Arc::from(svg.into_bytes()));
            }
            Err(e) => c.issue(path, line, Problem::BadSvg(src.to_owned(), e)),
        }
    }
}

fn check_quiz(
    c: &mut Checker<'_>,
    path: &str,
    text: &str,
    quiz: QuizFile,
    lessons: &HashSet<String>,
) -> Vec<Question> {
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for raw in quiz.questions {
        let q = Question::from(raw);
        let line = json_key_line(text, "id", &q.id);
        let bad = |c: &mut Checker<'_>, p: Problem| c.issue(path, line, p);
        if !valid_id(&q.id) {
            bad(c, Problem::BadId(q.id.clone()));
        }
        if !ids.insert(q.id.clone()) {
            bad(c, Problem::DuplicateId(q.id.clone()));
        }
        if q.prompt.trim().is_empty() {
            bad(c, Problem::EmptyText(format!("{}: prompt", q.id)));
        }
        if q.explanation.trim().is_empty() {
            bad(c, Problem::EmptyText(format!("{}: explanation", q.id)));
        }
        if let Some(lesson) = &q.lesson
            && !lessons.contains(lesson)
        {
            bad(c, Problem::UnknownLesson(lesson.clone()));
        }
        if let Some(p) = kind_problem(&q) {
            bad(c, p);
        }
        out.push(q);
    }
    out
}

fn has_duplicates<'a>(items: impl IntoIterator<Item = &'a String>) -> bool {
    let mut seen = HashSet::new();
    items.into_iter().any(|s| !seen.insert(s.trim()))
}

fn kind_problem(q: &Question) -> Option<Problem> {
    let id = q.id.clone();
    match &q.kind {
        QuestionKind::Single { options, correct } => {
            if options.len() < 2 {
                Some(Problem::TooFewChoices(id))
            } else if *correct >= options.len() {
                Some(Problem::CorrectOutOfRange(id))
            } else if has_duplicates(options) {
                Some(Problem::DuplicateChoice(id))
            } else {
                None
            }
        }
        QuestionKind::Multiple { options, correct } => {
            if options.len() < 2 {
                Some(Problem::TooFewChoices(id))
            } else if correct.is_empty() {
                Some(Problem::NoCorrectAnswer(id))
            } else if correct.iter().any(|&i| i >= options.len()) {
                Some(Problem::CorrectOutOfRange(id))
            } else if has_duplicates(options) || correct.iter().collect::<HashSet<_>>().len() != correct.len()
            {
                Some(Problem::DuplicateChoice(id))
            } else {
                None
            }
        }
        QuestionKind::TrueFalse { .. } => None,
        QuestionKind::Ordering { steps } => {
            if steps.len() < 2 {
                Some(Problem::TooFewChoices(id))
            } else if has_duplicates(steps) {
                Some(Problem::DuplicateChoice(id))
            } else {
                None
            }
        }
        QuestionKind::Matching { pairs } => {
            if pairs.len() < 2 {
                Some(Problem::TooFewChoices(id))
            } else if has_duplicates(pairs.iter().map(|p| &p.right))
                || has_duplicates(pairs.iter().map(|p| &p.left))
            {
                Some(Problem::DuplicateChoice(id))
            } else {
                None
            }
        }
    }
}
