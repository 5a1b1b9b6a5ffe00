//! A `.kns` zip read into memory with every structural check before a byte is used: entry count,
//! unpacked size and ratio (zip bombs, judged on the bytes actually unpacked, not on what the zip
//! claims), names (zip slip: `..`, absolute and drive paths, backslashes, control characters, non-NFC),
//! links (the unix mode), duplicates (also names equal after case folding or Unicode normalisation),
//! encrypted entries. Nothing is written anywhere: installing writes only what was verified.

use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read as _};
use std::path::Path;

use super::limits::{MAX_FILES, MAX_RATIO, MAX_UNPACKED, RATIO_FLOOR};
use super::refusal::Refusal;
use crate::durable;

/// Reads a `.kns` file.
///
/// # Errors
/// The file cannot be read, or a [`Refusal`] of [`unzip`].
pub fn read_file(path: &Path) -> Result<BTreeMap<String, Vec<u8>>, Refusal> {
    let bytes = durable::read_regular(path, MAX_UNPACKED).map_err(|e| match e {
        durable::ReadError::TooLarge { .. } => Refusal::TooLarge,
        _ => Refusal::Unreadable,
    })?;
    unzip(&bytes)
}

/// The files of a pack's zip bytes, by name (folder entries left out).
///
/// # Errors
/// The first [`Refusal`] found.
pub fn unzip(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, Refusal> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::NotZip)?;
    if archive.len() > MAX_FILES {
        return Err(Refusal::TooManyFiles(archive.len()));
    }
    let mut files = BTreeMap::new();
    let mut folded = HashSet::new();
    let mut total: u64 = 0;
    let mut packed: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|_| Refusal::NotZip)?;
        let name = std::str::from_utf8(entry.name_raw())
            .map_err(|_| Refusal::BadPath(String::from_utf8_lossy(entry.name_raw()).into_owned()))?
            .to_owned();
        let is_dir = name.ends_with('/');
        let clean = name.trim_end_matches('/');
        check_name(clean)?;
        // S_IFLNK in the unix mode; `is_symlink` says the same for archives made on Unix.
        if entry.is_symlink() || entry.unix_mode().is_some_and(|m| m & 0o170_000 == 0o120_000) {
            return Err(Refusal::Link(name));
        }
        if !folded.insert(crate::text::nfc(clean).to_lowercase()) {
            return Err(Refusal::Duplicate(name));
        }
        if entry.encrypted() || !headers_agree(bytes, entry.header_start(), entry.central_header_start()) {
            return Err(Refusal::BadEntry(name));
        }
        if is_dir {
            continue;
        }
        let room = MAX_UNPACKED.saturating_sub(total);
        // Never more than the room left, nor more than the ratio allows, plus one byte, whatever the
        // entry claims: a bomb is stopped after reading at most 100 times its packed size.
        let ratio_room = entry.compressed_size().saturating_mul(MAX_RATIO).max(RATIO_FLOOR);
        let limit = room.min(ratio_room);
        let mut data = Vec::new();
        (&mut entry)
            .take(limit.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|_| Refusal::BadEntry(name.clone()))?;
        let len = data.len() as u64;
        if len > room {
            return Err(Refusal::TooLarge);
        }
        if len > ratio_room {
            return Err(Refusal::Ratio(name));
        }
        total += len;
        packed = packed.saturating_add(entry.compressed_size());
        drop(entry);
        files.insert(clean.to_owned(), data);
    }
    if total >= RATIO_FLOOR && total > packed.saturating_mul(MAX_RATIO) {
        return Err(Refusal::Ratio(String::new()));
    }
    Ok(files)
}

/// The entry's local header says what its central directory record says: version, flags, method, time,
/// CRC, sizes and name. Readers differ in which of the two they believe (this one the central, Windows
/// Explorer the local), so a pack whose two copies differ would not be the same pack to every tool.
fn headers_agree(zip: &[u8], local: u64, central: u64) -> bool {
    let (Ok(local), Ok(central)) = (usize::try_from(local), usize::try_from(central)) else {
        return false;
    };
    let (Some(l), Some(c)) = (
        zip.get(local..local.saturating_add(30)),
        zip.get(central..central.saturating_add(46)),
    ) else {
        return false;
    };
    if l[..4] != *b"PK\x03\x04" || c[..4] != *b"PK\x01\x02" || l[4..28] != c[6..30] {
        return false;
    }
    let name_len = usize::from(u16::from_le_bytes([l[26], l[27]]));
    let local_name = zip.get(local + 30..local + 30 + name_len);
    let central_name = zip.get(central + 46..central + 46 + name_len);
    local_name.is_some() && local_name == central_name
}

/// A name is a relative path of plain parts: no `..`, `.`, empty part, leading `/`, drive (`C:`), `\`,
/// control character; and NFC, so no two spellings of one name.
pub fn check_name(name: &str) -> Result<(), Refusal> {
    let bad = name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains(':')
        || name.chars().any(char::is_control)
        || name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        || !crate::text::is_nfc(name);
    if bad {
        Err(Refusal::BadPath(name.to_owned()))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_escape_or_hide_are_refused() {
        for bad in [
            "../x",
            "lessons/../../x",
            "/etc/passwd",
            "C:/x",
            "lessons\\x",
            "lessons//x",
            "./x",
            "lessons/a\u{0}b",
            "lessons/Nguye\u{302}\u{303}n.md",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name("lessons/01-a/bai-1.md").is_ok());
    }

    #[test]
    fn junk_is_not_a_zip() {
        assert_eq!(unzip(b"not a zip"), Err(Refusal::NotZip));
    }
}
