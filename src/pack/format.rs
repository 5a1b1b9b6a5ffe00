//! `pack.json`, the signed list of a lesson pack (design Part A, "Lesson packs"): what the pack is, who
//! published it, which module versions it brings, and the SHA-256 of every file. Unknown fields are
//! refused, as in `module.json`: a pack this version does not understand is not half-read.

use serde::{Deserialize, Serialize};

/// The `format` value of every pack.
pub const FORMAT: &str = "kynangso-pack";
/// The one `version` of the pack format this program reads.
pub const VERSION: u32 = 1;

/// The manifest, signed byte for byte by `pack.sig`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// The pack's id (a content id: lowercase letters, digits, inner dashes); installing a pack with the
    /// same id replaces the one installed.
    pub id: String,
    pub title: String,
    /// The publisher's name, as the publisher wrote it (the key is what is trusted, not the name).
    pub publisher: String,
    /// `YYYY-MM-DD`.
    pub published: String,
    pub modules: Vec<ModuleVersion>,
    pub files: Vec<FileHash>,
}

/// A module the pack brings, at a version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleVersion {
    pub id: String,
    pub version: u32,
}

/// A file of the pack (a path under `lessons/`) and the lowercase hex SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FileHash {
    pub path: String,
    pub sha256: String,
}

/// Lowercase hex of `bytes`.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The bytes of a hex string (either case, no separators), if it is one.
#[must_use]
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// Lowercase hex SHA-256 of `bytes`.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex(&sha2::Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_junk() {
        assert_eq!(hex(&[0, 0xab, 0xff]), "00abff");
        assert_eq!(unhex("00ABff"), Some(vec![0, 0xab, 0xff]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex("é1"), None);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let json = r#"{"format":"kynangso-pack","version":1,"id":"a","title":"t","publisher":"p",
            "published":"2026-12-01","modules":[],"files":[],"extra":1}"#;
        assert!(serde_json::from_str::<Manifest>(json).is_err());
    }
}
