//! Every shipped practice simulation, through the engine only: it validates, it can be completed by
//! walking its graph, every check fires on a wrong value (and each of its cases gives its own feedback),
//! and every trap is a mistake with feedback.

use kynangso::sim::model::{Check, Expect, Field, FieldKind, Scenario, When};
use kynangso::sim::value::parse_date;
use kynangso::sim::walk::{self, Step};
use kynangso::sim::{SimRun, Value, validate};
use kynangso::text::without_diacritics;

fn scenarios() -> Vec<Scenario> {
    let catalog = kynangso::content::embedded().expect("the embedded lessons load");
    catalog
        .modules
        .iter()
        .flat_map(|m| m.simulations.iter().cloned())
        .collect()
}

fn replay(run: &mut SimRun, steps: &[Step]) {
    for step in steps {
        match step {
            Step::Set { field, value } => assert!(run.set_value(field, value.clone()), "set {field}"),
            Step::Act { action } => assert!(run.act(action).is_ok(), "act {action} on {}", run.screen().id),
        }
    }
}

#[test]
fn the_five_scenarios_are_listed_in_their_modules() {
    let catalog = kynangso::content::embedded().unwrap();
    let listed = |module: &str| {
        let m = catalog.module(module).unwrap();
        assert_eq!(m.meta.simulations.len(), m.simulations.len());
        m.simulations.iter().map(|s| s.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(listed("bao-cao"), ["bao-cao-thang"]);
    assert_eq!(listed("khai-sinh"), ["khai-sinh-lien-thong"]);
    assert_eq!(listed("thanh-toan"), ["thanh-toan-le-phi"]);
    assert_eq!(listed("vneid"), ["vneid-muc-do-2"]);
    assert_eq!(listed("an-toan-so"), ["mot-ngay-voi-dien-thoai"]);
    for m in &catalog.modules {
        assert!(
            m.meta.simulations.iter().all(|s| !s.required),
            "practice only: completing a module does not depend on a simulation"
        );
    }
}

#[test]
fn every_scenario_is_valid_and_can_be_completed_without_mistakes() {
    let all = scenarios();
    assert_eq!(all.len(), 5);
    for s in &all {
        assert_eq!(validate(s), Vec::new(), "{}", s.id);
        let steps = walk::solve(s).unwrap_or_else(|| panic!("{} cannot be completed", s.id));
        let mut run = SimRun::new(s);
        replay(&mut run, &steps);
        assert!(run.finished(), "{}", s.id);
        assert!(run.mistakes().is_empty(), "{}", s.id);
        // Every screen is reachable and none is a dead end.
        let routes = walk::routes(s);
        let finishing = walk::can_finish_from(s);
        for screen in &s.screens {
            assert!(
                routes.contains_key(&screen.id),
                "{}: {} unreachable",
                s.id,
                screen.id
            );
            assert!(finishing.contains(&screen.id), "{}: stuck at {}", s.id, screen.id);
        }
    }
}

/// A value that is plainly wrong for `check` (not one of its recognised kinds unless it must be).
fn wrong_value(field: Field<'_>, check: &Check) -> Value {
    let other = |wrong: &str, right: &str| {
        if wrong == right {
            format!("{wrong}9")
        } else {
            wrong.to_owned()
        }
    };
    match (&check.expect, field.kind) {
        (Some(Expect::Checked(b)), _) => Value::Checked(!b),
        (None, FieldKind::Checkbox) => Value::Checked(false),
        (None, _) => Value::Text(String::new()),
        (Some(Expect::Text(e)), kind) if kind.is_choice() => {
            Value::Text(field.choices().into_iter().find(|c| c != e).unwrap().to_owned())
        }
        (Some(Expect::Text(e)), FieldKind::Date) => {
            let (d, m, y) = parse_date(e).unwrap();
            let d = if d < 28 { d + 1 } else { d - 1 };
            Value::Text(format!("{d:02}/{m:02}/{y}"))
        }
        (Some(Expect::Text(e)), FieldKind::Number) => Value::Text(other("987", e)),
        (Some(Expect::Text(e)), FieldKind::Address) => Value::Text(other("example.com", e)),
        (Some(Expect::Text(e)), FieldKind::Code) => Value::Text(other("000111", e)),
        (Some(Expect::Text(e)), _) => Value::Text(other("Lê Văn Tám", e)),
    }
}

/// A value of the kind a `when` case describes.
fn value_for(when: When, field: Field<'_>, check: &Check) -> Option<Value> {
    let expected = match &check.expect {
        Some(Expect::Text(e)) => e.clone(),
        _ => String::new(),
    };
    Some(match when {
        When::Empty => Value::empty(field.kind),
        When::Diacritics => Value::Text(without_diacritics(&expected)),
        When::Swapped => {
            let (d, m, y) = parse_date(&expected)?;
            Value::Text(format!("{m:02}/{d:02}/{y}"))
        }
        When::DecimalPoint => {
            let plain = expected.replace('.', "");
            Value::Text(if plain.contains(',') {
                plain.replace(',', ".")
            } else {
                format!("{plain}.5")
            })
        }
        When::Format => Value::Text("không rõ".to_owned()),
    })
}

/// Puts a run on `screen` with every check of `action` satisfied, then sets `field` to `value`, presses
/// the action and returns the mistake about that field.
fn mistake_for(
    s: &Scenario,
    screen: &str,
    action: &str,
    field: &str,
    value: &Value,
) -> kynangso::sim::Mistake {
    let routes = walk::routes(s);
    let sc = s.screens.iter().find(|x| x.id == screen).unwrap();
    let act = sc.action(action).unwrap();
    let mut run = SimRun::new(s);
    replay(&mut run, &routes[screen]);
    for (f, v) in walk::passing_values(sc, act).unwrap() {
        run.set_value(&f, v);
    }
    assert!(run.set_value(field, value.clone()), "{}: {field}", s.id);
    let mistakes = run
        .act(action)
        .expect_err(&format!("{}: {screen}/{action}/{field} = {value:?} passed", s.id));
    assert_eq!(run.screen().id, screen, "a wrong answer stays on the screen");
    mistakes
        .into_iter()
        .find(|m| m.field.as_ref().is_some_and(|f| f.id == field))
        .unwrap()
}

#[test]
fn every_check_fires_on_a_wrong_value_and_every_case_gives_its_feedback() {
    let mut checked = 0;
    let mut cases = 0;
    for s in &scenarios() {
        for screen in &s.screens {
            for action in &screen.actions {
                for check in &action.checks {
                    let field = screen.field(&check.field).unwrap();
                    let m = mistake_for(
                        s,
                        &screen.id,
                        &action.id,
                        &check.field,
                        &wrong_value(field, check),
                    );
                    assert!(!m.feedback.trim().is_empty() && !m.rule.trim().is_empty());
                    checked += 1;
                    for case in &check.cases {
                        let value = match (&case.value, case.when) {
                            (Some(v), _) => Value::parse(field.kind, v),
                            (None, Some(w)) => value_for(w, field, check).unwrap(),
                            (None, None) => unreachable!("validated"),
                        };
                        let m = mistake_for(s, &screen.id, &action.id, &check.field, &value);
                        assert_eq!(m.feedback, case.feedback, "{}: {} = {value:?}", s.id, check.field);
                        cases += 1;
                    }
                }
            }
        }
    }
    assert!(checked >= 30, "{checked} checks");
    assert!(cases >= 40, "{cases} cases");
}

#[test]
fn every_trap_is_a_mistake_with_its_feedback() {
    let mut traps = 0;
    for s in &scenarios() {
        let routes = walk::routes(s);
        for screen in &s.screens {
            for action in screen.actions.iter().filter(|a| a.trap.is_some()) {
                let mut run = SimRun::new(s);
                replay(&mut run, &routes[&screen.id]);
                let m = run.act(&action.id).unwrap_err();
                assert_eq!(m.len(), 1);
                assert!(m[0].is_trap());
                assert_eq!(Some(&m[0].feedback), action.trap.as_ref().map(|t| &t.feedback));
                assert_eq!(
                    run.screen().id,
                    screen.id,
                    "a trap keeps the learner on the screen"
                );
                assert_eq!(run.mistakes().len(), 1);
                traps += 1;
            }
        }
    }
    assert!(traps >= 12, "{traps} traps");
}

#[test]
fn the_lesson_facts_the_scenarios_rely_on() {
    let all = scenarios();
    let find = |id: &str| all.iter().find(|s| s.id == id).unwrap();
    let expect_of = |s: &Scenario, field: &str| {
        s.screens
            .iter()
            .flat_map(|x| x.actions.iter())
            .flat_map(|a| a.checks.iter())
            .find(|c| c.field == field)
            .and_then(|c| c.expect.clone())
    };
    let text = |v: &str| Some(Expect::Text(v.to_owned()));
    // 15 → 14 window for the March report.
    let report = find("bao-cao-thang");
    assert_eq!(expect_of(report, "tu-ngay"), text("15/02/2026"));
    assert_eq!(expect_of(report, "den-ngay"), text("14/03/2026"));
    assert_eq!(expect_of(report, "dien-tich-lua"), text("1.250,5"));
    // 7 working days after Tuesday 10/03/2026 is Thursday 19/03/2026.
    let birth = find("khai-sinh-lien-thong");
    assert_eq!(expect_of(birth, "han-bo-sung"), text("19/03/2026"));
    assert_eq!(expect_of(birth, "dia-chi"), text("dichvucong.gov.vn"));
    let pay = find("thanh-toan-le-phi");
    assert_eq!(expect_of(pay, "dia-chi"), text("dichvucong.gov.vn"));
    let json = serde_json::to_string(pay).unwrap();
    assert!(
        json.contains("dichvucongs.top"),
        "the look-alike SMS link of August 2025"
    );
}

/// The labels of the trap actions of a scenario.
fn trap_labels(s: &Scenario) -> Vec<&str> {
    s.screens
        .iter()
        .flat_map(|x| &x.actions)
        .filter(|a| a.trap.is_some())
        .map(|a| a.label.as_str())
        .collect()
}

/// Walks the right path to the end, then checks the steps passed the screens in `order`.
fn right_path_visits(s: &Scenario, order: &[&str]) {
    let steps = walk::solve(s).unwrap();
    let mut run = SimRun::new(s);
    let mut seen = vec![run.screen().id.clone()];
    for step in &steps {
        replay(&mut run, std::slice::from_ref(step));
        if seen.last() != Some(&run.screen().id) {
            seen.push(run.screen().id.clone());
        }
    }
    assert!(run.finished() && run.mistakes().is_empty(), "{}", s.id);
    assert_eq!(seen, order, "{}", s.id);
}

#[test]
fn the_vneid_scenario_registers_in_person_activates_at_home_and_signs_in_by_qr() {
    let all = scenarios();
    let s = all.iter().find(|s| s.id == "vneid-muc-do-2").unwrap();
    right_path_visits(
        s,
        &[
            "quay-tiep-dan",
            "tin-nhan",
            "tim-ung-dung",
            "ket-qua-tim",
            "kich-hoat",
            "da-kich-hoat",
            "trinh-duyet",
            "dang-nhap",
            "quet-qr",
            "xac-nhan",
            "trang-ca-nhan",
            "xong",
        ],
    );
    let traps = trap_labels(s);
    // The three traps of the issue, and sending someone else to the counter.
    for needle in [
        "Đọc mã kích hoạt cho người gọi",
        "Zalo",
        "đọc tin nhắn SMS",
        "làm hộ",
    ] {
        assert!(traps.iter().any(|t| t.contains(needle)), "{needle}: {traps:?}");
    }
    // The genuine app is installed from the store, and nothing is installed from a link.
    let install = s.screens.iter().find(|x| x.id == "ket-qua-tim").unwrap();
    let genuine: Vec<_> = install.actions.iter().filter(|a| a.to.is_some()).collect();
    assert_eq!(genuine.len(), 1);
    assert!(genuine[0].label.contains("\"VNeID\""), "{}", genuine[0].label);
    assert_eq!(
        s.screens
            .iter()
            .find(|x| x.id == "ket-qua-tim")
            .unwrap()
            .window
            .as_deref(),
        Some("CH Play trên điện thoại của chị Hồng (mô phỏng)")
    );
    let expect_of = |field: &str| {
        s.screens
            .iter()
            .flat_map(|x| &x.actions)
            .flat_map(|a| &a.checks)
            .find(|c| c.field == field)
            .and_then(|c| c.expect.clone())
    };
    let text = |v: &str| Some(Expect::Text(v.to_owned()));
    assert_eq!(expect_of("dua-the-can-cuoc"), Some(Expect::Checked(true)));
    assert_eq!(expect_of("dia-chi"), text("dichvucong.gov.vn"));
    assert_eq!(
        expect_of("cach-dang-nhap"),
        text("Tài khoản định danh điện tử (VNeID)")
    );
    assert_eq!(expect_of("hinh-thuc"), text("Quét mã QR bằng ứng dụng VNeID"));
    assert_eq!(expect_of("dung-ten"), Some(Expect::Checked(true)));
}

#[test]
fn the_phone_day_has_six_messages_each_with_one_safe_choice_and_its_rule_in_the_summary() {
    let all = scenarios();
    let s = all.iter().find(|s| s.id == "mot-ngay-voi-dien-thoai").unwrap();
    right_path_visits(
        s,
        &[
            "tin-ngan-hang-gia",
            "tin-phat-giao-thong",
            "cuoc-goi-cu-tru",
            "thong-bao-that",
            "vay-tien",
            "otp-la",
            "cuoi-ngay",
        ],
    );
    let (steps, end): (Vec<_>, Vec<_>) = s.screens.iter().partition(|x| !x.end);
    assert_eq!(steps.len(), 6);
    for screen in &steps {
        let messages = screen
            .items
            .iter()
            .filter(|i| matches!(i, kynangso::sim::model::Item::Message { .. }))
            .count();
        assert!(messages >= 1, "{}: no message", screen.id);
        let safe = screen.actions.iter().filter(|a| a.to.is_some()).count();
        assert_eq!(safe, 1, "{}: one safe choice", screen.id);
        assert!(
            screen.actions.iter().any(|a| a.trap.is_some()),
            "{}: no wrong choice",
            screen.id
        );
        assert!(screen.fields().next().is_none(), "{}: choices only", screen.id);
    }
    // The summary screen states one rule per message.
    let rules = end[0]
        .items
        .iter()
        .find_map(|i| match i {
            kynangso::sim::model::Item::Info { rows, .. } => Some(rows.len()),
            _ => None,
        })
        .unwrap();
    assert_eq!(rules, 6);
    // What the brief verifies about the "18001096" SMS: a fine demanded through a look-alike domain.
    let json = serde_json::to_string(s).unwrap();
    assert!(json.contains("\"from\":\"18001096\"") && json.contains("dichvucongs.top"));
    // After an unrequested OTP, doing nothing is itself a mistake (the audit's F26).
    let otp = s.screens.iter().find(|x| x.id == "otp-la").unwrap();
    assert!(otp.action("de-yen").and_then(|a| a.trap.as_ref()).is_some());
}

#[test]
fn the_report_scenario_signs_in_with_a_password_and_ends_accepted() {
    let all = scenarios();
    let s = all.iter().find(|s| s.id == "bao-cao-thang").unwrap();
    let login = s.screens.iter().find(|x| x.id == "dang-nhap").unwrap();
    assert_eq!(login.field("mat-khau").map(|f| f.kind), Some(FieldKind::Password));
    let end: Vec<_> = s.screens.iter().filter(|x| x.end).collect();
    assert_eq!(end.len(), 1);
    assert_eq!(end[0].id, "da-chap-nhan");
    let json = serde_json::to_string(end[0]).unwrap();
    assert!(json.contains("Nơi nhận đã chấp nhận"), "{json}");
    // Stopping at "Đã gửi" is a mistake.
    let sent = s.screens.iter().find(|x| x.id == "da-gui-lai").unwrap();
    assert!(
        sent.action("ghi-hoan-thanh")
            .and_then(|a| a.trap.as_ref())
            .is_some()
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A lessons folder holding module 02 only, with its scenario's first `"to": "xem-lai"` leading to a
/// screen that does not exist and its first check of `han-bo-sung` naming a field that does not; and the
/// scenario's broken text.
fn broken_khai_sinh() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let module = dir.path().join("02-khai-sinh");
    copy_dir(std::path::Path::new("lessons/02-khai-sinh"), &module);
    let file = module.join("simulations/khai-sinh-lien-thong.json");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replacen("\"to\": \"xem-lai\"", "\"to\": \"xem-lai-cu\"", 1)
        .replacen("\"field\": \"han-bo-sung\"", "\"field\": \"han-cuoi\"", 1);
    std::fs::write(&file, &text).unwrap();
    (dir, text)
}

#[test]
fn check_content_reports_a_broken_scenario_at_its_line() {
    use kynangso::content::{DirSource, Problem};
    use kynangso::sim::SimProblem;
    let (dir, text) = broken_khai_sinh();
    let issues = kynangso::content::load(&DirSource::new(dir.path())).unwrap_err();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let found: Vec<(usize, SimProblem)> = issues
        .iter()
        .map(|i| {
            assert!(i.file.ends_with("khai-sinh-lien-thong.json"), "{i:?}");
            let Problem::Simulation(problem) = &i.problem else {
                panic!("{i:?}")
            };
            (i.line, problem.clone())
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, line_of("\"to\": \"xem-lai-cu\""));
    assert!(
        matches!(&found[0].1, SimProblem::UnknownTarget { to, .. } if to == "xem-lai-cu"),
        "{found:?}"
    );
    assert_eq!(found[1].0, line_of("\"field\": \"han-cuoi\""));
    assert!(
        matches!(&found[1].1, SimProblem::CheckUnknownField { field, .. } if field == "han-cuoi"),
        "{found:?}"
    );
}

#[test]
fn check_content_words_simulation_problems_in_the_chosen_language() {
    let (dir, _) = broken_khai_sinh();
    let stderr_in = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kynangso"))
            .args(["check-content", dir.path().to_str().unwrap(), "--lang", lang])
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let en = stderr_in("en");
    assert!(
        en.contains("Practice simulation: the button \"")
            && en.contains("leads to the screen \"xem-lai-cu\", which the scenario does not have"),
        "{en}"
    );
    let vi = stderr_in("vi");
    assert!(
        vi.contains("Bài thực hành mô phỏng: nút \"")
            && vi.contains("dẫn tới màn hình \"xem-lai-cu\" không có trong kịch bản"),
        "{vi}"
    );
}
