//! Helpers for the lesson-pack tests: a small module written in a temp folder (at a version, with or
//! without a third lesson, with a question changed or not), packs built from it with a key made in the
//! test, packs re-signed after a hostile edit, and a snapshot of a whole folder tree to show what a
//! refused pack did not change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kynangso::pack::build::{Info, build, zip_files};
use kynangso::pack::format::{FileHash, Manifest, sha256_hex};
use kynangso::pack::{SecretKey, Trust};

/// The test module's id.
pub const MODULE: &str = "tinh-thu";

/// Writes module `tinh-thu` at `version` into `root/80-tinh-thu/`: lessons `bai-1`, `bai-2` (and `bai-3`
/// when `third`), three questions (the first reworded when `reworded`).
pub fn write_module(root: &Path, version: u32, third: bool, reworded: bool) {
    let dir = root.join("80-tinh-thu");
    std::fs::create_dir_all(&dir).unwrap();
    let mut lessons = vec![
        r#"{ "id": "bai-1", "title": "Bài một", "file": "bai-1.md", "minutes": 3 }"#,
        r#"{ "id": "bai-2", "title": "Bài hai", "file": "bai-2.md", "minutes": 3 }"#,
    ];
    if third {
        lessons.push(r#"{ "id": "bai-3", "title": "Bài ba", "file": "bai-3.md", "minutes": 3 }"#);
    }
    let module = format!(
        r#"{{ "id": "{MODULE}", "order": 80, "version": {version}, "title": "Học phần của tỉnh thử",
  "summary": "Một học phần nhỏ để kiểm thử gói bài học.", "estimated_minutes": 9, "quiz_draw": 3,
  "lessons": [{}], "quiz": "quiz.json" }}"#,
        lessons.join(", ")
    );
    std::fs::write(dir.join("module.json"), module).unwrap();
    for (id, n) in [("bai-1", "một"), ("bai-2", "hai"), ("bai-3", "ba")] {
        if id == "bai-3" && !third {
            continue;
        }
        let text = format!(
            "Đây là bài {n}, xem ![sơ đồ](so-do.svg).\n\nTrang [Cổng](https://dichvucong.gov.vn).\n\n## Căn cứ pháp lý và nguồn\n\n- Nguồn thử.\n"
        );
        std::fs::write(dir.join(format!("{id}.md")), text).unwrap();
    }
    std::fs::write(
        dir.join("so-do.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10" fill="#0d47a1"/></svg>"##,
    )
    .unwrap();
    let prompt = if reworded {
        "Câu một (đã sửa)?"
    } else {
        "Câu một?"
    };
    // Every lesson has a graded question (the third lesson, when there is one, takes q3).
    let q3_lesson = if third { "bai-3" } else { "bai-1" };
    let quiz = format!(
        r#"{{ "questions": [
  {{ "id": "q1", "kind": "true_false", "tests": "skill", "lesson": "bai-1", "prompt": "{prompt}", "answer": true, "explanation": "Vì thế." }},
  {{ "id": "q2", "kind": "true_false", "tests": "skill", "lesson": "bai-2", "prompt": "Câu hai?", "answer": false, "explanation": "Vì thế." }},
  {{ "id": "q3", "kind": "single", "tests": "fact", "lesson": "{q3_lesson}", "prompt": "Câu ba?", "options": ["A", "B"], "correct": 0, "explanation": "Vì thế." }}
] }}"#
    );
    std::fs::write(dir.join("quiz.json"), quiz).unwrap();
}

/// A pack as a province might publish it, for the "what changes" view: "Hệ thống thông tin báo cáo"
/// at version 2 (a lesson reworded, a question reworded, one dropped) and the sample Ninh Bình module
/// (new), signed by `key`.
pub fn demo_pack(key: &SecretKey) -> kynangso::pack::Pack {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = tempfile::tempdir().unwrap();
    let bao_cao = src.path().join("01-bao-cao");
    copy_dir(&root.join("lessons/01-bao-cao"), &bao_cao);
    copy_dir(
        &root.join("tests/fixtures/packs/ninh-binh/90-ninh-binh"),
        &src.path().join("90-ninh-binh"),
    );
    let meta = std::fs::read_to_string(bao_cao.join("module.json")).unwrap();
    std::fs::write(
        bao_cao.join("module.json"),
        meta.replace("\"version\": 1", "\"version\": 2"),
    )
    .unwrap();
    let lesson = bao_cao.join("02-chot-so-lieu.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, format!("Bài đã được cập nhật.\n\n{text}")).unwrap();
    let quiz_path = bao_cao.join("quiz.json");
    let mut quiz: serde_json::Value = serde_json::from_slice(&std::fs::read(&quiz_path).unwrap()).unwrap();
    let questions = quiz["questions"].as_array_mut().unwrap();
    questions.pop();
    questions[0]["prompt"] = "Nghị định 09/2019/NĐ-CP có hiệu lực từ ngày nào?".into();
    std::fs::write(&quiz_path, serde_json::to_vec_pretty(&quiz).unwrap()).unwrap();
    let info = Info {
        id: "ninh-binh-2026-12".to_owned(),
        title: "Cập nhật bài học tháng 12/2026".to_owned(),
        publisher: "Sở Khoa học và Công nghệ tỉnh Ninh Bình (gói mẫu)".to_owned(),
        published: "2026-12-01".to_owned(),
    };
    let bytes = build(src.path(), key, &info).unwrap();
    check(&bytes, key).unwrap()
}

/// The committed test-only publisher key (tests/fixtures/packs), for images that must not change.
pub fn test_only_key() -> SecretKey {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/test-only-publisher.key");
    SecretKey::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Pack info for tests.
pub fn info(id: &str) -> Info {
    Info {
        id: id.to_owned(),
        title: "Gói thử".to_owned(),
        publisher: "Sở thử nghiệm".to_owned(),
        published: "2026-12-02".to_owned(),
    }
}

/// A `.kns` of module `tinh-thu` at `version` signed by `key`.
pub fn pack_of(key: &SecretKey, version: u32, third: bool, reworded: bool) -> Vec<u8> {
    let src = tempfile::tempdir().unwrap();
    write_module(src.path(), version, third, reworded);
    build(src.path(), key, &info("tinh-thu")).unwrap()
}

/// The files of a good pack (`pack.*` and `lessons/…`).
pub fn files_of(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    kynangso::pack::unzip::unzip(bytes).unwrap()
}

/// `files` with `pack.json` rewritten to list exactly the `lessons/` files (their hashes) and signed by
/// `key`: a hostile pack that a trusted publisher signed, so only the later checks can refuse it.
pub fn resign(mut files: BTreeMap<String, Vec<u8>>, key: &SecretKey) -> BTreeMap<String, Vec<u8>> {
    let mut manifest: Manifest = serde_json::from_slice(&files["pack.json"]).unwrap();
    manifest.files = files
        .iter()
        .filter(|(p, _)| !p.starts_with("pack."))
        .map(|(p, b)| FileHash {
            path: p.clone(),
            sha256: sha256_hex(b),
        })
        .collect();
    let bytes = serde_json::to_vec_pretty(&manifest).unwrap();
    files.insert("pack.sig".into(), key.sign(&bytes).to_vec());
    files.insert("pack.pub".into(), key.public().to_line().into_bytes());
    files.insert("pack.json".into(), bytes);
    files
}

/// Zips files as the builder does.
pub fn zip(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    zip_files(files).unwrap()
}

/// Reads and verifies zip bytes with `key` trusted.
pub fn check(bytes: &[u8], key: &SecretKey) -> Result<kynangso::pack::Pack, kynangso::pack::Refusal> {
    let files = kynangso::pack::unzip::unzip(bytes)?;
    kynangso::pack::verify::verify(files, &Trust::only(key.public()))
}

/// Every file under `root` with its bytes (folders as empty entries), to compare before and after.
pub fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in read.filter_map(Result::ok) {
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if entry.file_type().unwrap().is_dir() {
                out.insert(rel, Vec::new());
                stack.push(path);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap_or_default());
            }
        }
    }
    out
}
