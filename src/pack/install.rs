//! Installed packs in the data folder's `packs/`: each verified pack unpacked in a folder of its own,
//! and `installed.json`, the list of which folder holds which pack.
//!
//! Installing is atomic: the files are written into a hidden staging folder inside `packs/` and
//! fsynced, the folder is renamed into place, and only then is `installed.json` replaced (through
//! `durable`, temp file + fsync + rename): that replacement is the moment the pack is installed. A crash
//! before it leaves the old list, so the old content; the unlisted folder is removed by the next
//! install. Removing ("Gỡ") is the same in reverse: the list first, then the folder.
//!
//! At start-up each listed pack is read again and verified in full ([`super::verify`]: signature,
//! trust, hashes, content rules; a few milliseconds for today's lessons); a damaged one is skipped and
//! reported, never fatal.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::format::Manifest;
use super::keys::Trust;
use super::refusal::Refusal;
use super::verify::{MANIFEST, Pack, verify};
use crate::content::{DirSource, Source as _};
use crate::durable;

/// The list of installed packs, in `packs/`.
pub const INSTALLED_FILE: &str = "installed.json";

/// The data folder's `packs/`.
#[must_use]
pub fn packs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("packs")
}

/// One line of `installed.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The pack's id.
    pub id: String,
    /// Its folder's name in `packs/`.
    pub folder: String,
    /// `YYYY-MM-DD`.
    pub installed: String,
}

/// An installed pack as listed, with what its folder holds now.
#[derive(Debug, Clone)]
pub struct Installed {
    pub entry: Entry,
    /// The verified pack, or why it is skipped.
    pub pack: Result<Pack, Refusal>,
}

/// The list in `installed.json` (empty when there is none; a damaged list is logged and read as empty,
/// which falls back to the embedded lessons).
#[must_use]
pub fn entries(data_dir: &Path) -> Vec<Entry> {
    let path = packs_dir(data_dir).join(INSTALLED_FILE);
    match durable::read_regular(&path, 1024 * 1024) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            log::warn!("{}: {e}; no pack is used", path.display());
            Vec::new()
        }),
        Err(_) => Vec::new(),
    }
}

fn save_entries(data_dir: &Path, entries: &[Entry]) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(entries).map_err(std::io::Error::other)?;
    durable::write_in_own_folder(&packs_dir(data_dir).join(INSTALLED_FILE), &json)
}

/// Every installed pack, each read from its folder and verified again.
#[must_use]
pub fn installed(data_dir: &Path, trust: &Trust) -> Vec<Installed> {
    let dir = packs_dir(data_dir);
    entries(data_dir)
        .into_iter()
        .map(|entry| {
            let pack = read_folder(&dir.join(&entry.folder)).and_then(|files| verify(files, trust));
            if let Err(why) = &pack {
                log::warn!("pack {} in {}: skipped: {why:?}", entry.id, entry.folder);
            }
            Installed { entry, pack }
        })
        .collect()
}

/// The files of an installed pack's folder.
fn read_folder(folder: &Path) -> Result<BTreeMap<String, Vec<u8>>, Refusal> {
    let source = DirSource::new(folder);
    let names = source.files();
    if names.len() > super::limits::MAX_FILES {
        return Err(Refusal::TooManyFiles(names.len()));
    }
    let mut files = BTreeMap::new();
    for name in names {
        let bytes = source.read(&name).map_err(|_| Refusal::Unreadable)?;
        files.insert(name, bytes);
    }
    if files.is_empty() {
        return Err(Refusal::Missing(MANIFEST));
    }
    Ok(files)
}

/// Installs a verified pack (replacing an installed pack with the same id), atomically.
///
/// # Errors
/// The I/O error; the packs installed before are then unchanged.
pub fn install(data_dir: &Path, pack: &Pack, today: &str) -> std::io::Result<()> {
    let dir = packs_dir(data_dir);
    std::fs::create_dir_all(&dir)?;
    let mut list = entries(data_dir);
    remove_unlisted(&dir, &list);
    let staging = tempfile::Builder::new().prefix(".staging-").tempdir_in(&dir)?;
    for (name, bytes) in &pack.files {
        // Names were checked when the pack was read; checked again where they become paths.
        super::unzip::check_name(name).map_err(|_| std::io::Error::other(format!("bad name {name}")))?;
        let path = staging.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = std::fs::File::create_new(&path)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    sync_tree(staging.path());
    let suffix: u32 = rand::random();
    let folder = format!("{}-{suffix:08x}", pack.manifest.id);
    let target = dir.join(&folder);
    std::fs::rename(staging.path(), &target)?;
    // Renamed away: nothing left for the TempDir to delete.
    let _ = staging.keep();
    durable::sync_dir(&dir);
    let old: Vec<Entry> = list
        .iter()
        .filter(|e| e.id == pack.manifest.id)
        .cloned()
        .collect();
    list.retain(|e| e.id != pack.manifest.id);
    list.push(Entry {
        id: pack.manifest.id.clone(),
        folder,
        installed: today.to_owned(),
    });
    if let Err(e) = save_entries(data_dir, &list) {
        let _ = std::fs::remove_dir_all(&target);
        return Err(e);
    }
    for e in old {
        remove_folder(&dir, &e.folder);
    }
    Ok(())
}

/// Removes the installed pack `id`; false if none is installed with that id.
///
/// # Errors
/// The list could not be written; nothing is then removed.
pub fn remove(data_dir: &Path, id: &str) -> std::io::Result<bool> {
    let mut list = entries(data_dir);
    let Some(at) = list.iter().position(|e| e.id == id) else {
        return Ok(false);
    };
    let gone = list.remove(at);
    save_entries(data_dir, &list)?;
    remove_folder(&packs_dir(data_dir), &gone.folder);
    Ok(true)
}

/// Removes a pack folder (only a plain name inside `packs/`); a failure is logged, and the folder,
/// unlisted, is removed by the next install.
fn remove_folder(dir: &Path, folder: &str) {
    if super::unzip::check_name(folder).is_err() || folder.contains('/') {
        return;
    }
    if let Err(e) = std::fs::remove_dir_all(dir.join(folder)) {
        log::warn!("removing {folder}: {e}");
    }
}

/// Folders in `packs/` that the list does not name: a staging folder or a replaced pack left by a crash.
fn remove_unlisted(dir: &Path, list: &[Entry]) {
    let Ok(read) = std::fs::read_dir(dir) else { return };
    for entry in read.filter_map(Result::ok) {
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_dir && !list.iter().any(|e| e.folder == name) {
            remove_folder(dir, &name);
        }
    }
}

/// Fsyncs every folder of a freshly written tree, so its names survive a power cut.
fn sync_tree(root: &Path) {
    durable::sync_dir(root);
    let Ok(read) = std::fs::read_dir(root) else { return };
    for entry in read.filter_map(Result::ok) {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            sync_tree(&entry.path());
        }
    }
}

/// The manifest of an installed entry, read without verifying (for listing a damaged pack's title).
#[must_use]
pub fn manifest_of(data_dir: &Path, entry: &Entry) -> Option<Manifest> {
    let path = packs_dir(data_dir).join(&entry.folder).join(MANIFEST);
    let bytes = durable::read_regular(&path, 1024 * 1024).ok()?;
    serde_json::from_slice(&bytes).ok()
}
