//! The LRS settings of this PC, in the data folder: `lrs.json` holds the address, the user (key) and
//! whether to send automatically. The password (secret) is kept apart from it, so `lrs.json` can be shown
//! or copied without it:
//! - on Windows, in the Credential Manager (the Windows user's own vault; "Kỹ Năng Số LRS", one entry
//!   per data folder), falling back to the file below if the vault refuses;
//! - elsewhere, in `lrs-secret` in the data folder, created readable by its owner only.
//!
//! Neither goes into any export, and the secret is never logged.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::durable;

/// The settings file.
pub const CONFIG_FILE: &str = "lrs.json";
/// The secret's file.
pub const SECRET_FILE: &str = "lrs-secret";

/// What the trainer set on the "Gửi dữ liệu về LRS" page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LrsConfig {
    /// As typed (checked when used).
    pub endpoint: String,
    pub user: String,
    /// Send after new records and at start-up.
    pub auto: bool,
}

impl LrsConfig {
    /// The saved settings; none saved (or unreadable: logged) gives the defaults.
    #[must_use]
    pub fn load(data_dir: &Path) -> LrsConfig {
        let path = data_dir.join(CONFIG_FILE);
        match durable::read_regular(&path, 64 * 1024) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                log::warn!("{}: {e}", path.display());
                LrsConfig::default()
            }),
            Err(durable::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                LrsConfig::default()
            }
            Err(e) => {
                log::warn!("{}: {e}", path.display());
                LrsConfig::default()
            }
        }
    }

    /// Saves the settings durably.
    ///
    /// # Errors
    /// The file could not be written.
    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        durable::write_in_own_folder(&data_dir.join(CONFIG_FILE), &bytes)
    }
}

/// The saved secret, or an empty one.
#[must_use]
pub fn load_secret(data_dir: &Path) -> String {
    #[cfg(windows)]
    if let Some(secret) = vault::load(data_dir) {
        return secret;
    }
    durable::read_regular(&data_dir.join(SECRET_FILE), 4096)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// Saves the secret (an empty one forgets it).
///
/// # Errors
/// The file could not be written or removed.
pub fn save_secret(data_dir: &Path, secret: &str) -> std::io::Result<()> {
    #[cfg(windows)]
    if vault::save(data_dir, secret) {
        // In the vault now: no copy stays in a file.
        return remove_secret_file(data_dir);
    }
    if secret.is_empty() {
        return remove_secret_file(data_dir);
    }
    durable::write_in_own_folder(&data_dir.join(SECRET_FILE), secret.as_bytes())
}

fn remove_secret_file(data_dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(data_dir.join(SECRET_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The Windows Credential Manager, through `keyring`.
#[cfg(windows)]
mod vault {
    use std::path::Path;

    const SERVICE: &str = "Kỹ Năng Số LRS";

    /// One entry per data folder (a portable stick and the PC's own folder may point at two LRSs).
    fn entry(data_dir: &Path) -> Option<keyring::Entry> {
        let folder = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
        keyring::Entry::new(SERVICE, &folder.display().to_string())
            .map_err(|e| log::warn!("credential store: {e}"))
            .ok()
    }

    pub fn load(data_dir: &Path) -> Option<String> {
        match entry(data_dir)?.get_password() {
            Ok(secret) => Some(secret),
            Err(keyring::Error::NoEntry) => None,
            Err(e) => {
                log::warn!("credential store: {e}");
                None
            }
        }
    }

    /// Whether the vault now holds `secret` (or, for an empty one, nothing).
    pub fn save(data_dir: &Path, secret: &str) -> bool {
        let Some(entry) = entry(data_dir) else {
            return false;
        };
        let done = if secret.is_empty() {
            match entry.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(e),
            }
        } else {
            entry.set_password(secret)
        };
        done.map_err(|e| log::warn!("credential store: {e}")).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_secret_round_trip_apart() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(LrsConfig::load(dir.path()), LrsConfig::default());
        let config = LrsConfig {
            endpoint: "https://lrs.tinh.vn/xapi".into(),
            user: "xa-1".into(),
            auto: true,
        };
        config.save(dir.path()).unwrap();
        save_secret(dir.path(), "bí mật").unwrap();
        assert_eq!(LrsConfig::load(dir.path()), config);
        assert_eq!(load_secret(dir.path()), "bí mật");
        let text = std::fs::read_to_string(dir.path().join(CONFIG_FILE)).unwrap();
        assert!(!text.contains("bí mật"));
        #[cfg(unix)]
        {
            // Windows keeps it in the Credential Manager instead.
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(dir.path().join(SECRET_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "only the owner reads the secret");
        }
        save_secret(dir.path(), "").unwrap();
        assert_eq!(load_secret(dir.path()), "");
    }
}
