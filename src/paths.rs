//! Which folder holds this PC's data, chosen as design Part A says: `--data-dir`, then the
//! `KYNANGSO_DATA_DIR` environment variable, then a `kynangso-data` folder next to the program (portable
//! mode, for a USB stick), then the operating system's data folder.

use std::path::{Path, PathBuf};

/// The environment variable that names the data folder.
pub const ENV_VAR: &str = "KYNANGSO_DATA_DIR";
/// The folder name that turns on portable mode when it sits next to the program.
pub const PORTABLE_DIR: &str = "kynangso-data";

/// Resolves the data folder from its inputs (passed in so tests need not touch the real environment).
#[must_use]
pub fn resolve(flag: Option<&Path>, env: Option<&str>, exe: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_path_buf();
    }
    if let Some(dir) = env.filter(|d| !d.trim().is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(portable) = exe.and_then(Path::parent).map(|d| d.join(PORTABLE_DIR))
        && portable.is_dir()
    {
        return portable;
    }
    directories::ProjectDirs::from("vn", "KyNangSo", "kynangso")
        .map_or_else(|| PathBuf::from(PORTABLE_DIR), |p| p.data_dir().to_path_buf())
}

/// Resolves the data folder for this process.
#[must_use]
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    let env = std::env::var(ENV_VAR).ok();
    let exe = std::env::current_exe().ok();
    resolve(flag, env.as_deref(), exe.as_deref())
}

/// Whether the user named the data folder (`--data-dir` or the environment variable), rather than this
/// process choosing it: a named folder that does not exist is more likely a typing mistake than a wish
/// for a new one.
#[must_use]
pub fn named_by_user(flag: Option<&Path>) -> bool {
    flag.is_some() || std::env::var(ENV_VAR).is_ok_and(|d| !d.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_flag_env_portable_os() {
        let tmp = tempfile::tempdir().unwrap();
        let exe = tmp.path().join("kynangso.exe");
        let flag = tmp.path().join("flag");
        assert_eq!(resolve(Some(&flag), Some("/env"), Some(&exe)), flag);
        assert_eq!(resolve(None, Some("/env"), Some(&exe)), PathBuf::from("/env"));
        let os = resolve(None, None, Some(&exe));
        assert_ne!(os, tmp.path().join(PORTABLE_DIR));
        std::fs::create_dir(tmp.path().join(PORTABLE_DIR)).unwrap();
        assert_eq!(resolve(None, Some(""), Some(&exe)), tmp.path().join(PORTABLE_DIR));
    }
}
