//! From a pack's files (read from a `.kns` zip, or from an installed pack's folder) to a verified pack:
//! the signature over the exact bytes of `pack.json`, a trusted key, the manifest, every file listed
//! and with its hash, nothing unlisted, NFC text, the SVG and link rules ([`super::security`]), and the
//! `check-content` rules on the modules, which are loaded from memory ([`MemSource`]).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::format::{FORMAT, Manifest, VERSION, sha256_hex};
use super::keys::{PublicKey, Trust};
use super::refusal::Refusal;
use super::security;
use crate::content::{self, Catalog, ReadProblem, Source};

/// The manifest.
pub const MANIFEST: &str = "pack.json";
/// The signature of the manifest's bytes (64 raw bytes).
pub const SIGNATURE: &str = "pack.sig";
/// The publisher's public key (a `.pub` line).
pub const KEY: &str = "pack.pub";
/// Where the module folders are.
pub const LESSONS: &str = "lessons/";

/// A pack whose every check passed.
#[derive(Debug, Clone)]
pub struct Pack {
    pub manifest: Manifest,
    pub key: PublicKey,
    /// Every file, `pack.*` included, by path.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The modules, loaded and validated.
    pub catalog: Catalog,
}

impl Pack {
    /// The publisher's key fingerprint.
    #[must_use]
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint()
    }
}

/// Content files in memory, relative to `lessons/`.
pub struct MemSource<'a> {
    pub files: &'a BTreeMap<String, Vec<u8>>,
}

impl Source for MemSource<'_> {
    fn files(&self) -> Vec<String> {
        self.files
            .keys()
            .filter_map(|p| p.strip_prefix(LESSONS).map(str::to_owned))
            .collect()
    }

    fn read(&self, path: &str) -> Result<Vec<u8>, ReadProblem> {
        self.files
            .get(&format!("{LESSONS}{path}"))
            .cloned()
            .ok_or(ReadProblem::Missing)
    }

    fn display(&self, path: &str) -> String {
        format!("{LESSONS}{path}")
    }
}

/// Checks the signature and trust of a pack's files, then everything else.
///
/// # Errors
/// The first reason to refuse it.
pub fn verify(files: BTreeMap<String, Vec<u8>>, trust: &Trust) -> Result<Pack, Refusal> {
    let manifest_bytes = files.get(MANIFEST).ok_or(Refusal::Missing(MANIFEST))?;
    let signature = files.get(SIGNATURE).ok_or(Refusal::Missing(SIGNATURE))?;
    let key_text = files.get(KEY).ok_or(Refusal::Missing(KEY))?;
    let key = std::str::from_utf8(key_text)
        .ok()
        .and_then(PublicKey::parse)
        .ok_or(Refusal::BadKey)?;
    if !key.verifies(manifest_bytes, signature) {
        return Err(Refusal::BadSignature);
    }
    let manifest: Manifest =
        serde_json::from_slice(manifest_bytes).map_err(|e| Refusal::Manifest(e.to_string()))?;
    if !trust.trusts(&key) {
        return Err(Refusal::Untrusted {
            fingerprint: key.fingerprint(),
            publisher: manifest.publisher,
        });
    }
    check_manifest(&manifest)?;
    check_files(&manifest, &files)?;
    let catalog = content::load(&MemSource { files: &files }).map_err(Refusal::Content)?;
    check_modules(&manifest, &catalog)?;
    Ok(Pack {
        manifest,
        key,
        files,
        catalog,
    })
}

fn check_manifest(m: &Manifest) -> Result<(), Refusal> {
    if m.format != FORMAT || m.version != VERSION {
        return Err(Refusal::Manifest(format!(
            "format {} version {}",
            m.format, m.version
        )));
    }
    if !content::load::valid_id(&m.id) {
        return Err(Refusal::Manifest(format!("id {}", m.id)));
    }
    if chrono::NaiveDate::parse_from_str(&m.published, "%Y-%m-%d").is_err() {
        return Err(Refusal::Manifest(format!("published {}", m.published)));
    }
    for text in [&m.title, &m.publisher] {
        if text.trim().is_empty() || !crate::text::is_nfc(text) {
            return Err(Refusal::Manifest(text.clone()));
        }
    }
    Ok(())
}

/// Every listed file is there with its hash, nothing else is, and every text passes the safety rules.
fn check_files(m: &Manifest, files: &BTreeMap<String, Vec<u8>>) -> Result<(), Refusal> {
    let mut listed: HashMap<&str, &str> = HashMap::new();
    for f in &m.files {
        if listed.insert(f.path.as_str(), f.sha256.as_str()).is_some() {
            return Err(Refusal::Duplicate(f.path.clone()));
        }
    }
    for path in files.keys() {
        if [MANIFEST, SIGNATURE, KEY].contains(&path.as_str()) {
            continue;
        }
        if !listed.contains_key(path.as_str()) {
            return Err(Refusal::Unlisted(path.clone()));
        }
    }
    for f in &m.files {
        let bytes = files
            .get(&f.path)
            .ok_or_else(|| Refusal::ListedMissing(f.path.clone()))?;
        if sha256_hex(bytes) != f.sha256.to_ascii_lowercase() {
            return Err(Refusal::HashMismatch(f.path.clone()));
        }
        check_text(&f.path, bytes)?;
    }
    Ok(())
}

/// A file of the lessons: Markdown, JSON or SVG under `lessons/`, UTF-8, NFC, and safe.
pub fn check_text(path: &str, bytes: &[u8]) -> Result<(), Refusal> {
    let lower = path.to_ascii_lowercase();
    let kind = [".md", ".json", ".svg"]
        .into_iter()
        .find(|ext| lower.ends_with(ext));
    let (Some(kind), true) = (kind, path.starts_with(LESSONS)) else {
        return Err(Refusal::FileType(path.to_owned()));
    };
    let text = std::str::from_utf8(bytes).map_err(|_| Refusal::NotUtf8(path.to_owned()))?;
    if !crate::text::is_nfc(text) {
        return Err(Refusal::NotNfc(path.to_owned()));
    }
    let problem = match kind {
        ".svg" => security::svg_problem(text).map(|what| Refusal::UnsafeSvg {
            file: path.to_owned(),
            what,
        }),
        ".md" => security::markdown_problem(text).map(|target| Refusal::UnsafeLink {
            file: path.to_owned(),
            target,
        }),
        _ => None,
    };
    problem.map_or(Ok(()), Err)
}

/// The modules `pack.json` names are exactly those in the folders, at the same versions.
fn check_modules(m: &Manifest, catalog: &Catalog) -> Result<(), Refusal> {
    let listed: HashSet<(&str, u32)> = m.modules.iter().map(|v| (v.id.as_str(), v.version)).collect();
    let found: HashSet<(&str, u32)> = catalog
        .modules
        .iter()
        .map(|module| (module.meta.id.as_str(), module.meta.version))
        .collect();
    if listed.len() != m.modules.len() || listed != found {
        let names: Vec<String> = catalog
            .modules
            .iter()
            .map(|module| format!("{} v{}", module.meta.id, module.meta.version))
            .collect();
        return Err(Refusal::ModulesMismatch(names.join(", ")));
    }
    Ok(())
}
