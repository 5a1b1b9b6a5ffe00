//! Version 1 extensions on the records: every event about a module carries the module's `version`, the
//! fold tells which version a module was completed in, and `answers[].chosen` reads leniently.

use chrono::{DateTime, FixedOffset};
use kynangso::learning::{NewLearner, Records};
use kynangso::records::{Chosen, Event, EventKind};

fn clock() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:00:00.000+07:00").unwrap()
}

#[test]
fn events_about_a_module_carry_its_version_and_completion_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut catalog = kynangso::content::embedded().unwrap();
    catalog.modules[0].meta.version = 3;
    let module = catalog.modules[0].clone();
    let (mut records, _) = Records::open(dir.path(), &catalog, clock).unwrap();
    let learner = records
        .add_learner(NewLearner::parse("Lò Thị Mai", "", "").unwrap())
        .unwrap();
    let id = module.meta.id.clone();
    for lesson in &module.lessons {
        let kind = EventKind::LessonViewed {
            module: id.clone(),
            lesson: lesson.meta.id.clone(),
        };
        records.record(learner, kind).unwrap();
    }
    for sim in &module.meta.simulations {
        let kind = EventKind::SimulationCompleted {
            module: id.clone(),
            simulation: sim.id.clone(),
            mistakes: 0,
            duration_s: 30,
        };
        records.record(learner, kind).unwrap();
    }
    let quiz = EventKind::QuizAttempted {
        module: id.clone(),
        score: 10,
        max: 10,
        passed: true,
        duration_s: 90,
        answers: vec![],
    };
    assert_eq!(records.record(learner, quiz).unwrap(), vec![id.clone()]);

    let events = records.read_events().unwrap();
    let kinds: Vec<&str> = events.iter().map(Event::kind_name).collect();
    assert!(kinds.contains(&"module_completed"), "{kinds:?}");
    for event in &events {
        let expected = (event.kind_name() != "learner_created").then_some(3);
        assert_eq!(event.version(), expected, "{}", event.to_line());
    }
    let progress = records.progress().module(learner, &id).unwrap();
    assert_eq!(progress.completed_version, Some(3));
}

#[test]
fn an_old_completion_without_a_version_says_none() {
    let line = r#"{"id":"6f1c1b1e-0000-4000-8000-000000000001","at":"2026-11-01T08:00:00.000+07:00","device":"6f1c1b1e-0000-4000-8000-0000000000d0","learner":"6f1c1b1e-0000-4000-8000-0000000000a1","kind":"module_completed","module":"m"}"#;
    let event = Event::parse_line(line).unwrap();
    assert_eq!(event.version(), None);
    assert_eq!(event.clone().with_version(2).version(), Some(2));
    let spec = kynangso::records::ModuleSpec {
        id: "m".into(),
        title: "M".into(),
        lessons: vec!["l".into()],
        required_simulations: vec![],
        pass_mark: 80,
        version: 5,
    };
    let progress = kynangso::records::fold(&[event], &[spec]);
    let m = progress.module(progress.learners()[0].id, "m").unwrap();
    assert!(m.completed());
    assert_eq!(m.completed_version, None);
}

#[test]
fn a_malformed_chosen_keeps_the_attempt() {
    let line = r#"{"id":"6f1c1b1e-0000-4000-8000-000000000002","at":"2026-11-01T08:00:00.000+07:00","device":"6f1c1b1e-0000-4000-8000-0000000000d0","learner":"6f1c1b1e-0000-4000-8000-0000000000a1","kind":"quiz_attempted","module":"m","score":1,"max":3,"passed":false,"duration_s":5,"answers":[{"question":"a","correct":true,"chosen":{"x":1}},{"question":"b","correct":false,"chosen":[[1,2]]},{"question":"c","correct":false,"chosen":[4,1]}]}"#;
    let event = Event::parse_line(line).unwrap();
    let Some(EventKind::QuizAttempted { answers, .. }) = &event.kind else {
        panic!("not read: {:?}", event.kind)
    };
    let chosen: Vec<_> = answers.iter().map(|a| a.chosen.clone()).collect();
    assert_eq!(
        chosen,
        [
            None,
            Some(Chosen::Pairs(vec![[1, 2]])),
            Some(Chosen::Indexes(vec![4, 1]))
        ]
    );
    // The line goes out again as it came in, the malformed detail included.
    assert_eq!(event.to_line().len(), line.len());
}
