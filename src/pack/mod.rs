//! Signed lesson packs (`.kns`, design Part A "Lesson packs"): a zip of module folders with `pack.json`
//! (every file's SHA-256, the module versions), `pack.sig` (Ed25519 over the exact bytes of `pack.json`)
//! and `pack.pub` (the publisher's key, which must be trusted on this PC).
//!
//! - [`format`]: `pack.json`; [`keys`]: key pairs, fingerprints, the project's key, the trust list;
//! - [`unzip`]: the zip read with its limits and name rules; [`verify`]: signature, trust, hashes,
//!   listing, text safety ([`security`]) and the content rules; [`refusal`]: why a pack is refused;
//! - [`build`]: `pack build`; [`install`]: installing, removing, listing in the data folder's `packs/`;
//! - [`catalog`]: the catalog the app shows (embedded + packs); [`diff`]: "what changes".

pub mod build;
pub mod catalog;
pub mod diff;
pub mod format;
pub mod install;
pub mod keys;
pub mod limits;
pub mod refusal;
pub mod security;
pub mod unzip;
pub mod verify;
pub mod words;

use std::path::Path;

pub use diff::{ModuleChange, changes};
pub use keys::{PublicKey, SecretKey, Trust};
pub use refusal::Refusal;
pub use verify::Pack;

/// Reads and verifies the `.kns` file at `path` against the keys trusted in `data_dir`.
///
/// # Errors
/// Why it is refused.
pub fn open(path: &Path, data_dir: &Path) -> Result<Pack, Refusal> {
    let files = unzip::read_file(path)?;
    verify::verify(files, &Trust::load(data_dir))
}

/// Today's date as packs write it.
#[must_use]
pub fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}
