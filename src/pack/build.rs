//! `pack build`: a lesson folder checked with the `check-content` rules and the pack's own text rules,
//! every file hashed into `pack.json`, `pack.json` signed, all zipped (deflate, files in name order), and
//! the result read back and verified as an installer would before it is written.

use std::collections::BTreeMap;
use std::io::{Cursor, Write as _};
use std::path::Path;

use super::format::{FORMAT, FileHash, Manifest, ModuleVersion, VERSION, sha256_hex};
use super::keys::{SecretKey, Trust};
use super::refusal::Refusal;
use super::verify::{KEY, LESSONS, MANIFEST, SIGNATURE, check_text};
use crate::content::{self, DirSource, Issue, Source as _};

/// What the publisher says about the pack.
#[derive(Debug, Clone)]
pub struct Info {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// `YYYY-MM-DD`.
    pub published: String,
}

/// Why no pack was built.
#[derive(Debug)]
pub enum BuildError {
    /// The lessons break the `check-content` rules.
    Content(Vec<Issue>),
    /// A file, or the result, breaks a pack rule.
    Refused(Refusal),
}

/// The `.kns` bytes of the lessons in `dir`, signed with `key`.
///
/// # Errors
/// [`BuildError`].
pub fn build(dir: &Path, key: &SecretKey, info: &Info) -> Result<Vec<u8>, BuildError> {
    let source = DirSource::new(dir);
    let catalog = content::load(&source).map_err(BuildError::Content)?;
    let mut files = BTreeMap::new();
    for rel in source.files() {
        let bytes = source
            .read(&rel)
            .map_err(|_| BuildError::Refused(Refusal::Unreadable))?;
        let path = format!("{LESSONS}{rel}");
        super::unzip::check_name(&path).map_err(BuildError::Refused)?;
        check_text(&path, &bytes).map_err(BuildError::Refused)?;
        files.insert(path, bytes);
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: VERSION,
        id: info.id.clone(),
        title: crate::text::into_nfc(info.title.clone()),
        publisher: crate::text::into_nfc(info.publisher.clone()),
        published: info.published.clone(),
        modules: catalog
            .modules
            .iter()
            .map(|m| ModuleVersion {
                id: m.meta.id.clone(),
                version: m.meta.version,
            })
            .collect(),
        files: files
            .iter()
            .map(|(path, bytes)| FileHash {
                path: path.clone(),
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let mut manifest_bytes = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| BuildError::Refused(Refusal::Manifest(e.to_string())))?;
    manifest_bytes.push(b'\n');
    let signature = key.sign(&manifest_bytes);
    files.insert(MANIFEST.to_owned(), manifest_bytes);
    files.insert(SIGNATURE.to_owned(), signature.to_vec());
    files.insert(KEY.to_owned(), key.public().to_line().into_bytes());
    let zipped = zip_files(&files).map_err(|_| BuildError::Refused(Refusal::NotZip))?;
    // What an installer will check, checked now, so a publisher never hands out a pack that is refused.
    let read = super::unzip::unzip(&zipped).map_err(BuildError::Refused)?;
    super::verify::verify(read, &Trust::only(key.public())).map_err(BuildError::Refused)?;
    Ok(zipped)
}

/// A zip of `files` (deflate), in name order.
///
/// # Errors
/// The zip writer's error.
pub fn zip_files(files: &BTreeMap<String, Vec<u8>>) -> zip::result::ZipResult<Vec<u8>> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (path, bytes) in files {
        writer.start_file(path.as_str(), options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}
