//! Publisher keys: Ed25519 key pairs (`pack keygen`), their short fingerprint, the project's own public
//! key (built in), and the trusted keys a trainer added (kept in the data folder).
//!
//! Files are one line of text, so a key can be pasted, mailed or read aloud for checking:
//! `kynangso-public-key <64 hex>` and `kynangso-secret-key <64 hex>` (the secret is the 32-byte seed).
//! The fingerprint is the first 8 bytes of the SHA-256 of the public key, as `1A2B-3C4D-5E6F-7081`:
//! what a trainer compares with what the publisher says on the phone.

use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::format::{hex, unhex};
use crate::durable;

const PUBLIC_TAG: &str = "kynangso-public-key";
const SECRET_TAG: &str = "kynangso-secret-key";
/// The trusted keys a trainer added, in the data folder's `packs/`.
pub const TRUSTED_FILE: &str = "trusted-keys.json";
/// A key file is one line; anything longer is not one.
const MAX_KEY_FILE: u64 = 4096;

/// The project's own public key (the secret is kept by the maintainer, never in the repository).
pub const PROJECT_KEY: &str = include_str!("../../keys/kynangso-project.pub");

/// A publisher's public key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey(pub [u8; 32]);

impl PublicKey {
    /// Reads a public key as written in a `.pub` file or pasted: `kynangso-public-key HEX`, or the 64 hex
    /// digits alone; spaces and line ends around are ignored.
    #[must_use]
    pub fn parse(text: &str) -> Option<PublicKey> {
        let text = text.trim();
        let hex_part = text.strip_prefix(PUBLIC_TAG).map_or(text, str::trim);
        let bytes: [u8; 32] = unhex(hex_part)?.try_into().ok()?;
        // Only a point on the curve is a key at all.
        VerifyingKey::from_bytes(&bytes).ok()?;
        Some(PublicKey(bytes))
    }

    /// The key as a `.pub` file's line.
    #[must_use]
    pub fn to_line(&self) -> String {
        format!("{PUBLIC_TAG} {}\n", hex(&self.0))
    }

    /// The short fingerprint, `1A2B-3C4D-5E6F-7081`.
    #[must_use]
    pub fn fingerprint(&self) -> String {
        let digest = super::format::sha256_hex(&self.0).to_ascii_uppercase();
        digest.as_bytes()[..16]
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether `signature` (64 bytes) is this key's signature of `message` (strict: no malleable forms).
    #[must_use]
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(key) = VerifyingKey::from_bytes(&self.0) else {
            return false;
        };
        let Ok(sig) = Signature::from_slice(signature) else {
            return false;
        };
        key.verify_strict(message, &sig).is_ok()
    }

    /// The project's own key.
    #[must_use]
    pub fn project() -> Option<PublicKey> {
        PublicKey::parse(PROJECT_KEY)
    }
}

/// A publisher's secret key.
pub struct SecretKey(SigningKey);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

impl SecretKey {
    /// A new random key.
    #[must_use]
    pub fn generate() -> SecretKey {
        let seed: [u8; 32] = rand::random();
        SecretKey(SigningKey::from_bytes(&seed))
    }

    /// Reads a secret key file's text.
    #[must_use]
    pub fn parse(text: &str) -> Option<SecretKey> {
        let hex_part = text.trim().strip_prefix(SECRET_TAG)?.trim();
        let seed: [u8; 32] = unhex(hex_part)?.try_into().ok()?;
        Some(SecretKey(SigningKey::from_bytes(&seed)))
    }

    /// The key as its file's line.
    #[must_use]
    pub fn to_line(&self) -> String {
        format!("{SECRET_TAG} {}\n", hex(&self.0.to_bytes()))
    }

    /// The matching public key.
    #[must_use]
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key().to_bytes())
    }

    /// The signature of `message`.
    #[must_use]
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }
}

/// Reads a key file (a regular file of one line).
///
/// # Errors
/// The file could not be read.
pub fn read_key_file(path: &Path) -> Result<String, durable::ReadError> {
    let bytes = durable::read_regular(path, MAX_KEY_FILE)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// One trusted key in `trusted-keys.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TrustedEntry {
    key: String,
    /// When it was added, `YYYY-MM-DD`.
    added: String,
}

/// The keys packs are accepted from: the project's, then those a trainer added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trust {
    /// Added by a trainer, with the date, oldest first.
    pub added: Vec<(PublicKey, String)>,
}

impl Trust {
    fn path(data_dir: &Path) -> PathBuf {
        super::install::packs_dir(data_dir).join(TRUSTED_FILE)
    }

    /// The trusted keys of `data_dir`. A damaged file trusts nothing more than the project's key (and is
    /// logged): refusing a good pack is better than accepting a forged one.
    #[must_use]
    pub fn load(data_dir: &Path) -> Trust {
        let path = Trust::path(data_dir);
        let Ok(bytes) = durable::read_regular(&path, 1024 * 1024) else {
            return Trust::default();
        };
        let Ok(entries) = serde_json::from_slice::<Vec<TrustedEntry>>(&bytes) else {
            log::warn!(
                "{}: not a list of keys; only the project's key is trusted",
                path.display()
            );
            return Trust::default();
        };
        let added = entries
            .into_iter()
            .filter_map(|e| PublicKey::parse(&e.key).map(|k| (k, e.added)))
            .collect();
        Trust { added }
    }

    /// Trust in `key` alone (and the project's): for checking a pack just built, and tests.
    #[must_use]
    pub fn only(key: PublicKey) -> Trust {
        Trust {
            added: vec![(key, String::new())],
        }
    }

    /// Whether packs signed with `key` are accepted.
    #[must_use]
    pub fn trusts(&self, key: &PublicKey) -> bool {
        PublicKey::project().as_ref() == Some(key) || self.added.iter().any(|(k, _)| k == key)
    }

    /// Adds `key` (dated `today`) and saves the list; true if it was new.
    ///
    /// # Errors
    /// The list could not be written; it is then unchanged.
    pub fn add(data_dir: &Path, key: PublicKey, today: &str) -> std::io::Result<bool> {
        let mut trust = Trust::load(data_dir);
        if trust.trusts(&key) {
            return Ok(false);
        }
        trust.added.push((key, today.to_owned()));
        let entries: Vec<TrustedEntry> = trust
            .added
            .iter()
            .map(|(k, added)| TrustedEntry {
                key: hex(&k.0),
                added: added.clone(),
            })
            .collect();
        let json = serde_json::to_vec_pretty(&entries).map_err(std::io::Error::other)?;
        durable::write_in_own_folder(&Trust::path(data_dir), &json)?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_sign() {
        let secret = SecretKey::generate();
        let again = SecretKey::parse(&secret.to_line()).unwrap();
        assert_eq!(again.public(), secret.public());
        let public = PublicKey::parse(&secret.public().to_line()).unwrap();
        let sig = secret.sign(b"pack.json bytes");
        assert!(public.verifies(b"pack.json bytes", &sig));
        assert!(!public.verifies(b"pack.json byteS", &sig));
        assert!(!public.verifies(b"pack.json bytes", &sig[..63]));
        let fp = public.fingerprint();
        assert_eq!(fp.len(), 19);
        assert_eq!(fp.matches('-').count(), 3);
    }

    #[test]
    fn the_project_key_is_a_key() {
        assert!(PublicKey::project().is_some());
    }

    #[test]
    fn trust_is_kept_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let key = SecretKey::generate().public();
        assert!(!Trust::load(dir.path()).trusts(&key));
        assert!(Trust::add(dir.path(), key, "2026-12-02").unwrap());
        assert!(!Trust::add(dir.path(), key, "2026-12-02").unwrap());
        let trust = Trust::load(dir.path());
        assert!(trust.trusts(&key));
        assert_eq!(trust.added.len(), 1);
    }
}
