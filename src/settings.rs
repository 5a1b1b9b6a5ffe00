//! Preferences kept in `settings.json` in the data folder: language, text size and theme (and, later, the
//! trainer's settings). Written atomically (temporary file, fsync, rename) so a crash never leaves half a
//! file; a missing or unreadable file gives the defaults and is never fatal.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The file name inside the data folder.
pub const FILE: &str = "settings.json";

/// Smallest and largest text size, in percent.
pub const TEXT_SIZE_RANGE: (u16, u16) = (100, 200);

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    /// Every theme, in the order shown.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];
}

/// Everything remembered between runs that is not a learner record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The trainer's PIN as an Argon2id hash (PHC string, see `trainer::pin`); `None` until a trainer
    /// sets one. The PIN itself is never stored. First in the file, so that deleting its one line (how
    /// the README resets a forgotten PIN) leaves valid JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer_pin: Option<String>,
    /// After three wrong PINs, when the wait ends: kept here so that closing and reopening the app
    /// does not give three more tries at once (see `trainer::pin::Gate::resume`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainer_locked_until: Option<chrono::DateTime<chrono::Utc>>,
    pub language: Lang,
    /// Text size in percent, 100–200.
    pub text_size: u16,
    pub theme: Theme,
    /// The `account.homePage` of xAPI actors; the trainer sets their organisation's address.
    pub xapi_home_page: String,
}

/// The placeholder xAPI home page until a trainer sets a real one.
pub const XAPI_HOME_PAGE_PLACEHOLDER: &str = "https://kynangso.invalid";

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Lang::Vi,
            text_size: 120,
            theme: Theme::Light,
            xapi_home_page: XAPI_HOME_PAGE_PLACEHOLDER.to_owned(),
            trainer_pin: None,
            trainer_locked_until: None,
        }
    }
}

impl Settings {
    /// Text size clamped to the allowed range.
    #[must_use]
    pub fn text_size(&self) -> u16 {
        self.text_size.clamp(TEXT_SIZE_RANGE.0, TEXT_SIZE_RANGE.1)
    }

    /// Reads the settings from the data folder; defaults if the file is missing or unreadable.
    #[must_use]
    pub fn load(data_dir: &Path) -> Self {
        let path = data_dir.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                log::warn!("{}: {e}; using default settings", path.display());
                Self::default()
            }),
            Err(_) => Self::default(),
        }
    }

    /// Writes the settings atomically.
    ///
    /// # Errors
    /// The I/O error if the folder cannot be written.
    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(&data_dir.join(FILE), &json)
    }
}

/// Writes a whole file so that readers see the old or the new content, never a mix.
///
/// # Errors
/// The I/O error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&dir)?;
    let tmp = path.with_extension("tmp");
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        let s = Settings {
            language: Lang::En,
            text_size: 180,
            theme: Theme::HighContrast,
            xapi_home_page: "https://lrs.example.vn".into(),
            trainer_pin: Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into()),
            trainer_locked_until: None,
        };
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), s);
        std::fs::write(dir.path().join(FILE), b"{not json").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        std::fs::write(dir.path().join(FILE), br#"{"text_size": 500, "future": 1}"#).unwrap();
        assert_eq!(Settings::load(dir.path()).text_size(), 200);
    }

    /// The README's reset of a forgotten PIN: delete the line naming it; everything else is kept.
    #[test]
    fn deleting_the_pin_line_resets_only_the_pin() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings {
            language: Lang::En,
            text_size: 160,
            theme: Theme::Dark,
            xapi_home_page: "https://lrs.example.vn".into(),
            trainer_pin: Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into()),
            trainer_locked_until: None,
        };
        s.save(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        let without: Vec<&str> = text.lines().filter(|l| !l.contains("trainer_pin")).collect();
        assert_eq!(without.len() + 1, text.lines().count());
        std::fs::write(dir.path().join(FILE), without.join("\n")).unwrap();
        let reset = Settings::load(dir.path());
        assert_eq!(
            reset,
            Settings {
                trainer_pin: None,
                ..s
            }
        );
    }
}
