//! The lessons shipped in the binary pass validation and meet the size the course promises.

use std::collections::BTreeSet;

use kynangso::content::{self, markdown::Block};

#[test]
fn shipped_content_is_valid_and_complete() {
    let catalog = content::embedded().unwrap_or_else(|issues| panic!("{issues:#?}"));
    let (modules, lessons, questions, _) = catalog.counts();
    assert!(
        modules >= 5 && lessons >= 20 && questions >= 75,
        "{:?}",
        catalog.counts()
    );
    let ids: Vec<&str> = catalog
        .modules
        .iter()
        .map(kynangso::content::Module::id)
        .collect();
    assert_eq!(ids, ["bao-cao", "khai-sinh", "thanh-toan", "vneid", "an-toan-so"]);
    for m in &catalog.modules {
        assert!(m.lessons.len() >= 4, "{}", m.id());
        assert!(m.questions.len() >= 15, "{}", m.id());
        let kinds: BTreeSet<&str> = m.questions.iter().map(|q| q.kind.name()).collect();
        assert!(kinds.len() >= 4, "{}: {kinds:?}", m.id());
        let has_diagram = m
            .lessons
            .iter()
            .any(|l| l.blocks.iter().any(|b| matches!(b, Block::Image { .. })));
        assert!(has_diagram, "{} has no diagram", m.id());
        for l in &m.lessons {
            assert!(
                (350..=1400).contains(&l.words),
                "{}/{}: {} words",
                m.id(),
                l.meta.id,
                l.words
            );
        }
    }
}
