//! Hostile lesson packs (a USB stick may be infected): each refused with its reason and nothing
//! written — scripts and external references in SVG, links in Markdown, non-NFC text, unlisted files,
//! zip slip, links, duplicate names by case or Unicode form, too many files, a real zip bomb, a pack.json
//! that lies — and a property test throwing random and mutated zips and manifests at the reader: no
//! panic, no hang, nothing written.

use std::collections::BTreeMap;
use std::io::{Cursor, Write as _};
use std::time::{Duration, Instant};

use kynangso::pack::{Refusal, SecretKey};
use proptest::prelude::*;

use super::pack_fixture::{check, files_of, pack_of, resign, tree, zip};

const LESSON: &str = "lessons/80-tinh-thu/bai-1.md";
const SVG: &str = "lessons/80-tinh-thu/so-do.svg";

fn good(key: &SecretKey) -> BTreeMap<String, Vec<u8>> {
    files_of(&pack_of(key, 1, false, false))
}

/// The good pack with `path` set to `text`, re-signed by the trusted publisher.
fn with(key: &SecretKey, path: &str, text: &str) -> Result<kynangso::pack::Pack, Refusal> {
    let mut files = good(key);
    files.insert(path.to_owned(), text.as_bytes().to_vec());
    check(&zip(&resign(files, key)), key)
}

fn lesson_with(extra: &str) -> String {
    format!("Bài có {extra}.\n\n## Căn cứ pháp lý và nguồn\n\n- Nguồn.\n")
}

#[test]
fn unsafe_diagrams_are_refused() {
    let key = SecretKey::generate();
    for svg in [
        r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="http://ví-dụ.vn/a.png"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///C:/Windows/win.ini"/></svg>"#,
        r#"<!DOCTYPE svg [<!ENTITY lol "lol">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol;</text></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://a.vn/x.svg#p)"/></svg>"#,
    ] {
        let why = with(&key, SVG, svg).unwrap_err();
        assert!(matches!(why, Refusal::UnsafeSvg { .. }), "{svg}: {why:?}");
    }
}

#[test]
fn markdown_that_would_open_anything_is_refused() {
    let key = SecretKey::generate();
    for md in [
        "[trang](http://dichvucong.gov.vn)",
        "[tệp](file:///C:/a.exe)",
        "[mã](javascript:alert(1))",
        "<a href=\"https://a.vn\">đây</a>",
        "<http://a.vn>",
        "[thư](mailto:a@b.vn)",
    ] {
        let why = with(&key, LESSON, &lesson_with(md)).unwrap_err();
        assert!(matches!(why, Refusal::UnsafeLink { .. }), "{md}: {why:?}");
    }
    // A plain https address is shown as text: allowed.
    assert!(with(&key, LESSON, &lesson_with("[Cổng](https://dichvucong.gov.vn)")).is_ok());
}

#[test]
fn text_and_listing_rules() {
    let key = SecretKey::generate();
    let nfd = lesson_with("chữ Nguye\u{302}\u{303}n");
    assert!(matches!(with(&key, LESSON, &nfd), Err(Refusal::NotNfc(_))));
    assert!(matches!(
        with(&key, "lessons/80-tinh-thu/chay.exe", "MZ"),
        Err(Refusal::FileType(_))
    ));
    assert!(matches!(
        with(&key, "ngoai-lessons.md", "x"),
        Err(Refusal::FileType(_))
    ));
    let broken = "Không có mục nguồn.\n";
    assert!(matches!(with(&key, LESSON, broken), Err(Refusal::Content(_))));
    // Not re-signed: the file is not listed.
    let mut files = good(&key);
    files.insert(
        "lessons/80-tinh-thu/them.md".into(),
        lesson_with("x").into_bytes(),
    );
    assert!(matches!(check(&zip(&files), &key), Err(Refusal::Unlisted(_))));
    let mut files = good(&key);
    files.remove("pack.sig");
    assert_eq!(
        check(&zip(&files), &key).unwrap_err(),
        Refusal::Missing("pack.sig")
    );
}

/// A pack.json that lies, signed all the same.
fn with_manifest(
    key: &SecretKey,
    edit: impl FnOnce(&mut serde_json::Value),
) -> Result<kynangso::pack::Pack, Refusal> {
    let mut files = good(key);
    let mut manifest: serde_json::Value = serde_json::from_slice(&files["pack.json"]).unwrap();
    edit(&mut manifest);
    let bytes = serde_json::to_vec(&manifest).unwrap();
    files.insert("pack.sig".into(), key.sign(&bytes).to_vec());
    files.insert("pack.json".into(), bytes);
    check(&zip(&files), key)
}

#[test]
fn a_lying_manifest_is_refused() {
    let key = SecretKey::generate();
    assert!(matches!(
        with_manifest(&key, |m| m["modules"][0]["version"] = 7.into()),
        Err(Refusal::ModulesMismatch(_))
    ));
    assert!(matches!(
        with_manifest(&key, |m| m["extra"] = true.into()),
        Err(Refusal::Manifest(_))
    ));
    assert!(matches!(
        with_manifest(&key, |m| m["format"] = "zip".into()),
        Err(Refusal::Manifest(_))
    ));
    assert!(matches!(
        with_manifest(&key, |m| m["id"] = "../x".into()),
        Err(Refusal::Manifest(_))
    ));
    assert!(matches!(
        with_manifest(&key, |m| m["files"][0]["sha256"] = "00".into()),
        Err(Refusal::HashMismatch(_))
    ));
    // Signed by another key than the one trusted.
    let other = SecretKey::generate();
    let files = resign(good(&key), &other);
    assert!(matches!(
        check(&zip(&files), &key),
        Err(Refusal::Untrusted { .. })
    ));
}

/// A zip with entries as given (name, data), and symlinks.
fn raw_zip(entries: &[(&str, &[u8])], links: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    for (name, target) in links {
        w.add_symlink(*name, *target, options).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_slip_links_and_duplicate_names_are_refused_and_nothing_is_written() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let before = tree(root.path());
    let key = SecretKey::generate();
    type Case = (Vec<u8>, fn(&Refusal) -> bool);
    let cases: Vec<Case> = vec![
        (raw_zip(&[("../evil.md", b"x")], &[]), |r| {
            matches!(r, Refusal::BadPath(_))
        }),
        (raw_zip(&[("lessons/../../evil.md", b"x")], &[]), |r| {
            matches!(r, Refusal::BadPath(_))
        }),
        (raw_zip(&[("/tmp/evil.md", b"x")], &[]), |r| {
            matches!(r, Refusal::BadPath(_))
        }),
        (raw_zip(&[("C:/evil.md", b"x")], &[]), |r| {
            matches!(r, Refusal::BadPath(_))
        }),
        (raw_zip(&[("lessons\\..\\evil.md", b"x")], &[]), |r| {
            matches!(r, Refusal::BadPath(_))
        }),
        (
            raw_zip(&[], &[("lessons/80-tinh-thu/bai-1.md", "/etc/passwd")]),
            |r| matches!(r, Refusal::Link(_)),
        ),
        (
            raw_zip(
                &[
                    ("lessons/80-tinh-thu/bai-1.md", b"a"),
                    ("lessons/80-tinh-thu/BAI-1.md", b"b"),
                ],
                &[],
            ),
            |r| matches!(r, Refusal::Duplicate(_)),
        ),
        (raw_zip(&[("lessons/Nguye\u{302}\u{303}n.md", b"a")], &[]), |r| {
            matches!(r, Refusal::BadPath(_))
        }),
    ];
    for (i, (bytes, expected)) in cases.iter().enumerate() {
        let why = check(bytes, &key).unwrap_err();
        assert!(expected(&why), "case {i}: {why:?}");
        let file = root.path().join(format!("hostile-{i}.kns"));
        std::fs::write(&file, bytes).unwrap();
        let (code, _, err) = super::cli_records::kns(&[
            "pack",
            "install",
            file.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "case {i}");
        assert!(err.contains("Không có gì bị thay đổi"), "{err}");
        std::fs::remove_file(&file).unwrap();
    }
    assert_eq!(
        tree(root.path()),
        before,
        "nothing written, inside or outside the data folder"
    );
}

#[test]
fn too_many_files_and_a_real_zip_bomb_are_refused() {
    let key = SecretKey::generate();
    let names: Vec<String> = (0..2001).map(|i| format!("lessons/f{i}.md")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"x".as_slice())).collect();
    assert_eq!(
        check(&raw_zip(&entries, &[]), &key).unwrap_err(),
        Refusal::TooManyFiles(2001)
    );

    // 300 MB of zeros packed into a few hundred KB: refused after reading a little of it.
    let zeros = vec![0u8; 300 * 1024 * 1024];
    let bomb = raw_zip(&[("lessons/80-tinh-thu/bai-1.md", &zeros)], &[]);
    drop(zeros);
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let started = Instant::now();
    assert!(matches!(check(&bomb, &key), Err(Refusal::Ratio(_))));
    assert!(started.elapsed() < Duration::from_secs(20));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let key = SecretKey::generate();
        let started = Instant::now();
        let _ = check(&bytes, &key);
        prop_assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn mutated_packs_are_refused_or_unchanged_and_write_nothing(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..8),
    ) {
        let key = SecretKey::generate();
        let bytes = pack_of(&key, 1, false, false);
        let good = check(&bytes, &key).unwrap();
        let mut bad = bytes.clone();
        for (at, x) in &flips {
            let i = at.index(bad.len());
            bad[i] ^= x;
        }
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        kynangso::pack::Trust::add(&data, key.public(), "2026-12-02").unwrap();
        let file = root.path().join("p.kns");
        std::fs::write(&file, &bad).unwrap();
        let before = tree(root.path());
        let started = Instant::now();
        let opened = kynangso::pack::open(&file, &data);
        prop_assert!(started.elapsed() < Duration::from_secs(10));
        prop_assert_eq!(tree(root.path()), before.clone(), "reading writes nothing");
        if let Ok(p) = opened {
            // Harmless bookkeeping bytes only: the same files, installed under packs/ and nowhere else.
            prop_assert_eq!(&p.files, &good.files);
            kynangso::pack::install::install(&data, &p, "2026-12-02").unwrap();
            let after = tree(root.path());
            for (path, bytes) in &after {
                if before.get(path) != Some(bytes) {
                    prop_assert!(path.starts_with("data/packs"), "{}", path.display());
                }
            }
        }
    }

    #[test]
    fn random_manifests_signed_by_a_trusted_key_never_panic(text in ".{0,400}", cut in 0usize..2000) {
        let key = SecretKey::generate();
        let mut files = good(&key);
        // Either free text or the real manifest cut short, both signed.
        let manifest = if cut % 2 == 0 {
            text.into_bytes()
        } else {
            let real = files["pack.json"].clone();
            real[..cut.min(real.len())].to_vec()
        };
        files.insert("pack.sig".into(), key.sign(&manifest).to_vec());
        files.insert("pack.json".into(), manifest);
        let _ = check(&zip(&files), &key);
    }
}
