//! Lesson packs end to end: keygen → build → verify → trust → install on a fresh data folder (command
//! line), the new module in the catalog and completable; a byte changed anywhere refused; the update
//! path (completion kept, the new lesson "Mới", versions in exports); removal falling back; an older pack
//! never replacing newer content; a crash midway leaving the old state.

use std::path::Path;

use kynangso::content::Catalog;
use kynangso::learning::{NewLearner, Records};
use kynangso::pack::{self, ModuleChange, Refusal, SecretKey, Trust};
use kynangso::records::{AnswerRecord, EventKind};

use super::cli_records::kns;
use super::pack_fixture::{MODULE, check, copy_dir, files_of, pack_of, tree, write_module, zip};

/// A data folder trusting `key`, with version 1 of the test module installed.
fn installed_v1(key: &SecretKey) -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    Trust::add(data.path(), key.public(), "2026-12-02").unwrap();
    let v1 = pack::verify::verify(
        files_of(&pack_of(key, 1, false, false)),
        &Trust::load(data.path()),
    )
    .unwrap();
    pack::install::install(data.path(), &v1, "2026-12-02").unwrap();
    data
}

fn catalog_of(data: &Path) -> Catalog {
    pack::catalog::with_installed(kynangso::content::embedded().unwrap(), data).0
}

/// Views every lesson of `module` and passes its quiz; returns the learner.
fn complete(records: &mut Records, catalog: &Catalog, module: &str) -> uuid::Uuid {
    let learner = records
        .add_learner(NewLearner::parse("Trần Thị Bình", "Xã Gia Viễn", "Công chức").unwrap())
        .unwrap();
    let m = catalog.module(module).unwrap();
    for lesson in &m.lessons {
        let kind = EventKind::LessonViewed {
            module: module.into(),
            lesson: lesson.meta.id.clone(),
        };
        records.record(learner, kind).unwrap();
    }
    let answers = m
        .questions
        .iter()
        .map(|q| AnswerRecord {
            question: q.id.clone(),
            correct: true,
            chosen: None,
        })
        .collect::<Vec<_>>();
    let n = u32::try_from(answers.len()).unwrap();
    let kind = EventKind::QuizAttempted {
        module: module.into(),
        score: n,
        max: n,
        passed: true,
        duration_s: 60,
        answers,
    };
    let done = records.record(learner, kind).unwrap();
    assert_eq!(done, vec![module.to_owned()], "the module is completed");
    learner
}

#[test]
fn keygen_build_verify_trust_install_on_a_fresh_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("tinh.key");
    let (code, out, _) = kns(&["pack", "keygen", "--out", key.to_str().unwrap()]);
    assert_eq!(code, 0);
    let public =
        pack::PublicKey::parse(&std::fs::read_to_string(tmp.path().join("tinh.key.pub")).unwrap()).unwrap();
    assert!(out.contains(&public.fingerprint()), "{out}");
    // keygen never overwrites a key.
    assert_eq!(kns(&["pack", "keygen", "--out", key.to_str().unwrap()]).0, 1);

    let src = tmp.path().join("src");
    write_module(&src, 1, false, false);
    let file = tmp.path().join("tinh.kns");
    let (code, out, err) = kns(&[
        "pack",
        "build",
        src.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--out",
        file.to_str().unwrap(),
        "--publisher",
        "Sở thử nghiệm",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        kns(&["check-content", file.to_str().unwrap()]).1.trim(),
        "1 modules, 2 lessons, 3 questions, 0 simulations"
    );

    let data = tmp.path().join("data");
    let d = data.to_str().unwrap();
    // Not trusted yet: refused, naming the fingerprint, and nothing written.
    for cmd in ["verify", "install"] {
        let (code, _, err) = kns(&["pack", cmd, file.to_str().unwrap(), "--data-dir", d]);
        assert_eq!(code, 1, "{cmd}");
        assert!(
            err.contains(&public.fingerprint()) && err.contains("chưa được tin cậy"),
            "{err}"
        );
    }
    assert!(!data.join("packs").join("installed.json").exists());

    let (code, out, _) = kns(&[
        "pack",
        "trust",
        tmp.path().join("tinh.key.pub").to_str().unwrap(),
        "--data-dir",
        d,
    ]);
    assert_eq!(code, 0);
    assert!(out.contains(&public.fingerprint()));
    let (code, out, err) = kns(&["pack", "verify", file.to_str().unwrap(), "--data-dir", d]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Sở thử nghiệm") && out.contains(&public.fingerprint()),
        "{out}"
    );
    assert!(
        out.contains("tinh-thu: phiên bản 1") && out.contains("Thêm học phần “Học phần của tỉnh thử”"),
        "{out}"
    );
    let (code, out, err) = kns(&["pack", "install", file.to_str().unwrap(), "--data-dir", d]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Đã cài gói tinh"), "{out}");
    let (_, out, _) = kns(&["pack", "list", "--data-dir", d]);
    assert!(
        out.contains("Học phần của tỉnh thử") || out.contains("tinh"),
        "{out}"
    );

    // The new module is in the catalog the app shows, and can be completed.
    let catalog = catalog_of(&data);
    assert_eq!(catalog.modules.len(), 6);
    let m = catalog.module(MODULE).unwrap();
    assert!(
        catalog.images.contains_key(&format!("{}/so-do.svg", m.dir)),
        "its diagram is there"
    );
    let (mut records, _) = Records::open(&data, &catalog, kynangso::learning::now).unwrap();
    let learner = complete(&mut records, &catalog, MODULE);
    let p = records.progress().module(learner, MODULE).unwrap();
    assert!(p.completed());
    assert_eq!(p.completed_version, Some(1));

    // Removed: the module is gone, the records stay.
    let (code, _, _) = kns(&["pack", "remove", "tinh", "--data-dir", d]);
    assert_eq!(code, 0);
    assert_eq!(kns(&["pack", "remove", "tinh", "--data-dir", d]).0, 1);
    assert!(catalog_of(&data).module(MODULE).is_none());
}

#[test]
fn the_sample_province_pack_matches_its_folder_and_installs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs");
    let public =
        pack::PublicKey::parse(&std::fs::read_to_string(root.join("test-only-publisher.pub")).unwrap())
            .unwrap();
    let data = tempfile::tempdir().unwrap();
    let refused = pack::open(&root.join("ninh-binh-test-only.kns"), data.path()).unwrap_err();
    assert!(matches!(refused, Refusal::Untrusted { .. }));
    Trust::add(data.path(), public, "2026-12-02").unwrap();
    let p = pack::open(&root.join("ninh-binh-test-only.kns"), data.path()).unwrap();
    // Built from the folder beside it: same files, same bytes.
    let folder = kynangso::content::DirSource::new(&root.join("ninh-binh"));
    for name in kynangso::content::Source::files(&folder) {
        assert_eq!(
            p.files[&format!("lessons/{name}")],
            kynangso::content::Source::read(&folder, &name).unwrap(),
            "{name}: rebuild the fixture (tests/fixtures/packs/README.md)"
        );
    }
    pack::install::install(data.path(), &p, "2026-12-02").unwrap();
    let catalog = catalog_of(data.path());
    let m = catalog.module("ninh-binh-bao-cao").unwrap();
    assert_eq!(
        m.meta.title,
        "Hệ thống báo cáo của tỉnh Ninh Bình — màn hình riêng"
    );
}

#[test]
fn one_byte_changed_anywhere_is_refused_or_changes_nothing() {
    let key = SecretKey::generate();
    let bytes = pack_of(&key, 1, false, false);
    let good = check(&bytes, &key).unwrap();
    // Every byte of the zip: refused, or (zip bookkeeping such as a timestamp) exactly the same files.
    let mut refused = 0;
    let mut accepted = Vec::new();
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x01;
        match check(&bad, &key) {
            Err(_) => refused += 1,
            Ok(p) => {
                accepted.push(i);
                assert_eq!(p.files, good.files, "byte {i} changed what is installed");
            }
        }
    }
    // What is left changes nothing any reader installs: in each central directory record the "version
    // made by", the disk number and the file attributes (a link would be refused), and the end record's
    // disk numbers. Local headers must agree with the central directory byte for byte.
    assert!(
        refused * 100 > bytes.len() * 95,
        "{refused} of {}: {accepted:?}",
        bytes.len()
    );

    // pack.json, a lesson, the signature, the key: each one byte.
    let files = files_of(&bytes);
    for (name, at) in [
        ("pack.json", 10),
        ("lessons/80-tinh-thu/bai-1.md", 3),
        ("pack.sig", 0),
        ("pack.sig", 63),
        ("pack.pub", 30),
    ] {
        let mut f = files.clone();
        f.get_mut(name).unwrap()[at] ^= 0x02;
        let why = check(&zip(&f), &key).unwrap_err();
        let expected = match name {
            "lessons/80-tinh-thu/bai-1.md" => matches!(why, Refusal::HashMismatch(_)),
            "pack.pub" => matches!(why, Refusal::BadKey | Refusal::BadSignature),
            _ => matches!(why, Refusal::BadSignature),
        };
        assert!(expected, "{name}: {why:?}");
    }
    // A file added, or one removed, even re-zipped.
    let mut f = files.clone();
    f.insert("lessons/80-tinh-thu/them.md".into(), b"x".to_vec());
    assert_eq!(
        check(&zip(&f), &key).unwrap_err(),
        Refusal::Unlisted("lessons/80-tinh-thu/them.md".into())
    );
    let mut f = files;
    f.remove("lessons/80-tinh-thu/so-do.svg");
    assert!(matches!(
        check(&zip(&f), &key).unwrap_err(),
        Refusal::ListedMissing(_)
    ));
}

#[test]
fn update_keeps_completion_flags_new_lessons_and_exports_name_versions() {
    let key = SecretKey::generate();
    let data = installed_v1(&key);
    let catalog = catalog_of(data.path());
    let (mut records, _) = Records::open(data.path(), &catalog, kynangso::learning::now).unwrap();
    let learner = complete(&mut records, &catalog, MODULE);

    // Version 2: a third lesson, the first question reworded, and q3 moved to the new lesson (so it can be
    // drawn for it).
    let v2 =
        pack::verify::verify(files_of(&pack_of(&key, 2, true, true)), &Trust::load(data.path())).unwrap();
    let changes = pack::changes(&catalog, &v2);
    let ModuleChange::Updated {
        from: 1,
        to: 2,
        counts,
        ..
    } = &changes[0]
    else {
        panic!("{changes:?}")
    };
    assert_eq!(
        (
            counts.lessons_added,
            counts.lessons_changed,
            counts.questions_changed,
            counts.questions_added
        ),
        (1, 0, 2, 0)
    );
    let t = kynangso::i18n::I18n::new(kynangso::i18n::Lang::Vi);
    assert_eq!(
        pack::words::change(&t, &changes[0]),
        "Cập nhật “Học phần của tỉnh thử” từ phiên bản 1 lên 2: 1 bài mới, 2 câu hỏi sửa"
    );
    pack::install::install(data.path(), &v2, "2026-12-03").unwrap();
    let catalog = catalog_of(data.path());
    assert_eq!(catalog.module(MODULE).unwrap().meta.version, 2);
    records.set_catalog(&catalog);

    let p = records.progress().module(learner, MODULE).unwrap();
    assert!(p.completed(), "completion stays after the update");
    assert_eq!(p.completed_version, Some(1), "completed in version 1");
    assert!(p.is_new_lesson("bai-3"), "the new lesson is shown new");
    assert!(!p.is_new_lesson("bai-1"));

    // Exports name the version: CSV column and the certificate line.
    let rows = kynangso::records::roster(records.progress());
    let row = rows
        .iter()
        .find(|r| r.learner == learner && r.module_id == MODULE)
        .unwrap();
    assert_eq!(row.completed_version, Some(1));
    let csv = kynangso::export::csv::to_csv(&rows, &t, &mut |_, _| {}).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.lines().next().unwrap().ends_with("Phiên bản hoàn thành"));
    let line = csv.lines().find(|l| l.contains(MODULE)).unwrap();
    assert!(line.ends_with(",1"), "{line}");

    // What is recorded now carries version 2.
    records
        .record(
            learner,
            EventKind::LessonViewed {
                module: MODULE.into(),
                lesson: "bai-3".into(),
            },
        )
        .unwrap();
    let last = records.read_events().unwrap().into_iter().last().unwrap();
    assert_eq!(last.version(), Some(2));
}

#[test]
fn an_older_pack_never_replaces_newer_content_and_removal_falls_back() {
    let key = SecretKey::generate();
    let data = tempfile::tempdir().unwrap();
    let trust = Trust::only(key.public());
    // A pack of the embedded "bao-cao" at version 2, then one at version 1.
    let src = tempfile::tempdir().unwrap();
    let copy = src.path().join("01-bao-cao");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/01-bao-cao"),
        &copy,
    );
    let meta = std::fs::read_to_string(copy.join("module.json")).unwrap();
    std::fs::write(
        copy.join("module.json"),
        meta.replace("\"version\": 1", "\"version\": 2"),
    )
    .unwrap();
    let v2 = pack::build::build(src.path(), &key, &super::pack_fixture::info("bao-cao-moi")).unwrap();
    let v2 = pack::verify::verify(files_of(&v2), &trust).unwrap();
    let embedded = kynangso::content::embedded().unwrap();
    assert!(matches!(
        pack::changes(&embedded, &v2)[0],
        ModuleChange::Updated { from: 1, to: 2, .. }
    ));
    Trust::add(data.path(), key.public(), "2026-12-02").unwrap();
    pack::install::install(data.path(), &v2, "2026-12-02").unwrap();
    let catalog = catalog_of(data.path());
    let m = catalog.module("bao-cao").unwrap();
    assert_eq!(m.meta.version, 2);
    assert!(m.dir.starts_with("pack-bao-cao-moi/"));
    assert_eq!(catalog.modules.len(), 5);
    assert!(
        !catalog.images.contains_key("01-bao-cao/icon.svg"),
        "the replaced module's pictures left"
    );
    assert!(
        catalog
            .images
            .contains_key("pack-bao-cao-moi/01-bao-cao/icon.svg")
    );

    std::fs::write(copy.join("module.json"), meta).unwrap();
    let v1 = pack::build::build(src.path(), &key, &super::pack_fixture::info("bao-cao-cu")).unwrap();
    let v1 = pack::verify::verify(files_of(&v1), &trust).unwrap();
    assert!(matches!(
        pack::changes(&catalog, &v1)[0],
        ModuleChange::NotNewer { have: 2, pack: 1, .. }
    ));
    pack::install::install(data.path(), &v1, "2026-12-02").unwrap();
    assert_eq!(
        catalog_of(data.path()).module("bao-cao").unwrap().meta.version,
        2,
        "older never wins"
    );

    assert!(pack::install::remove(data.path(), "bao-cao-moi").unwrap());
    let back = catalog_of(data.path()).module("bao-cao").unwrap().clone();
    assert_eq!(
        (back.meta.version, back.dir.as_str()),
        (1, "01-bao-cao"),
        "falls back to the embedded one"
    );
}

#[test]
fn a_crash_midway_leaves_the_old_state_and_damage_is_skipped() {
    let key = SecretKey::generate();
    let data = installed_v1(&key);
    let packs = data.path().join("packs");
    // A crash while installing version 2: its staging folder and an unlisted folder are left.
    std::fs::create_dir_all(packs.join(".staging-x/lessons")).unwrap();
    std::fs::write(packs.join(".staging-x/pack.json"), b"{").unwrap();
    std::fs::create_dir_all(packs.join("tinh-thu-deadbeef")).unwrap();
    assert_eq!(
        catalog_of(data.path()).module(MODULE).unwrap().meta.version,
        1,
        "the old state"
    );
    // The next install tidies them away.
    let v2 = pack::verify::verify(
        files_of(&pack_of(&key, 2, true, false)),
        &Trust::load(data.path()),
    )
    .unwrap();
    pack::install::install(data.path(), &v2, "2026-12-02").unwrap();
    let names: Vec<String> = std::fs::read_dir(&packs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        3,
        "installed.json, trusted-keys.json, one pack folder: {names:?}"
    );
    assert_eq!(catalog_of(data.path()).module(MODULE).unwrap().meta.version, 2);

    // A lesson changed on disk after installing: the pack is skipped, the app still starts.
    let entry = &pack::install::entries(data.path())[0];
    let lesson = packs.join(&entry.folder).join("lessons/80-tinh-thu/bai-1.md");
    std::fs::write(&lesson, "Đã bị sửa.\n\n## Căn cứ pháp lý và nguồn\n").unwrap();
    let (catalog, skipped) =
        pack::catalog::with_installed(kynangso::content::embedded().unwrap(), data.path());
    assert!(catalog.module(MODULE).is_none());
    assert!(matches!(skipped[0].pack, Err(Refusal::HashMismatch(_))));
    let before = tree(data.path());
    let (code, out, _) = kns(&["pack", "list", "--data-dir", data.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("bị hỏng"), "{out}");
    assert_eq!(tree(data.path()), before, "listing changes nothing");
}

#[test]
fn the_project_pack_of_the_embedded_lessons_builds_and_verifies() {
    // What `kynangso pack build lessons --key … --out kynangso-lessons.kns` does, with a test key: every
    // embedded lesson passes the pack rules (links, diagrams, NFC).
    let key = SecretKey::generate();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let bytes = pack::build::build(&dir, &key, &super::pack_fixture::info("kynangso-lessons")).unwrap();
    let p = check(&bytes, &key).unwrap();
    assert_eq!(p.catalog.modules.len(), 5);
}

#[test]
fn build_as_the_design_writes_it_needs_no_publisher_name() {
    // `pack build DIR --key KEY --out FILE.kns`, exactly as design Part A writes it: the publisher is then
    // the key's fingerprint.
    let tmp = tempfile::tempdir().unwrap();
    let key = tmp.path().join("k");
    assert_eq!(kns(&["pack", "keygen", "--out", key.to_str().unwrap()]).0, 0);
    let public = pack::PublicKey::parse(&std::fs::read_to_string(tmp.path().join("k.pub")).unwrap()).unwrap();
    let src = tmp.path().join("src");
    write_module(&src, 1, false, false);
    let file = tmp.path().join("p.kns");
    let (code, out, err) = kns(&[
        "pack",
        "build",
        src.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = kns(&["pack", "verify", file.to_str().unwrap()]);
    assert_eq!(code, 1, "not trusted yet");
    // The refusal names the publisher and the key: here both are the fingerprint.
    let said = format!("{out}{err}");
    assert_eq!(said.matches(&public.fingerprint()).count(), 2, "{said}");
}
