//! Both languages format every message to real text without isolation marks (they would leak invisible
//! characters into labels and exported files). That both languages have the same keys and variables is
//! checked by build.rs, and so is that every key is used in src/; that every key used exists is checked by
//! the compiler (typed accessors).

use kynangso::i18n::{ALL_KEYS, I18n, Lang};

#[test]
fn messages_have_no_isolation_marks_and_differ_by_language() {
    assert!(ALL_KEYS.len() > 40);
    let vi = I18n::new(Lang::Vi);
    let en = I18n::new(Lang::En);
    let samples = [
        (vi.lesson_position(2, 5), en.lesson_position(2, 5)),
        (vi.home_minutes(64), en.home_minutes(64)),
        (vi.module_quiz_info(10, 80), en.module_quiz_info(10, 80)),
        (vi.content_bad_draw(9, 5), en.content_bad_draw(9, 5)),
    ];
    for (v, e) in &samples {
        for s in [v, e] {
            assert!(!s.contains(['\u{2068}', '\u{2069}']), "isolation mark in {s:?}");
        }
        assert_ne!(v, e);
    }
    assert_eq!(samples[0].0, "Bài 2/5");
    assert_eq!(samples[0].1, "Lesson 2/5");
    assert_eq!(en.home_lesson_count(1), "1 lesson");
    assert_eq!(en.home_lesson_count(5), "5 lessons");
    assert_eq!(
        en.cli_content_errors(1),
        "The lesson content has one problem; see each line above."
    );
    assert_eq!(
        en.cli_content_errors(3),
        "The lesson content has 3 problems; see each line above."
    );
}

#[test]
fn locale_strings_choose_the_language() {
    assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_locale("vi_VN"), Some(Lang::Vi));
    assert_eq!(Lang::from_locale("C.UTF-8"), None);
}
