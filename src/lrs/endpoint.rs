//! An LRS address: what the trainer typed, checked and written one way, so `https://LRS.tinh.vn/xapi/`
//! and `https://lrs.tinh.vn/xapi` share one ledger.

use sha2::{Digest as _, Sha256};

/// A checked LRS endpoint: `http` or `https`, a host, an optional path; no trailing slash, scheme and
/// host in lower case, no user or password in it (those go in the settings, not in a URL that is shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(String);

/// Why a typed address is not an LRS endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    Empty,
    /// Not `http://` or `https://` (a bare host, `ftp://`, a file path).
    Scheme,
    /// No host after the scheme, spaces, or a user:password part.
    Malformed,
}

impl Endpoint {
    /// Checks and normalises `typed`.
    ///
    /// # Errors
    /// [`UrlProblem`].
    pub fn parse(typed: &str) -> Result<Endpoint, UrlProblem> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Err(UrlProblem::Empty);
        }
        let (scheme, rest) = typed.split_once("://").ok_or(UrlProblem::Scheme)?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(UrlProblem::Scheme);
        }
        let rest = rest.trim_end_matches('/');
        let (host, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
        if host.is_empty()
            || host.contains('@')
            || rest.chars().any(char::is_whitespace)
            || path.starts_with(['?', '#'])
        {
            return Err(UrlProblem::Malformed);
        }
        Ok(Endpoint(format!(
            "{scheme}://{}{path}",
            host.to_ascii_lowercase()
        )))
    }

    /// The normalised address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `<endpoint>/<resource>`.
    #[must_use]
    pub fn join(&self, resource: &str) -> String {
        format!("{}/{resource}", self.0)
    }

    /// The name of this endpoint's files in the data folder: 16 hex digits of the address's SHA-256
    /// (an address holds characters a file name cannot).
    #[must_use]
    pub fn key(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::{Endpoint, UrlProblem};

    #[test]
    fn addresses_are_normalised() {
        let a = Endpoint::parse(" HTTPS://LRS.Tinh.vn/xAPI/ ").unwrap();
        assert_eq!(a.as_str(), "https://lrs.tinh.vn/xAPI");
        assert_eq!(
            a.key(),
            Endpoint::parse("https://lrs.tinh.vn/xAPI").unwrap().key()
        );
        assert_ne!(
            a.key(),
            Endpoint::parse("https://lrs.tinh.vn/xapi").unwrap().key()
        );
        assert_eq!(a.key().len(), 16);
        assert_eq!(a.join("statements"), "https://lrs.tinh.vn/xAPI/statements");
        assert_eq!(
            Endpoint::parse("http://127.0.0.1:8100").unwrap().as_str(),
            "http://127.0.0.1:8100"
        );
    }

    #[test]
    fn wrong_addresses_are_named() {
        assert_eq!(Endpoint::parse("  "), Err(UrlProblem::Empty));
        assert_eq!(Endpoint::parse("lrs.tinh.vn"), Err(UrlProblem::Scheme));
        assert_eq!(Endpoint::parse("ftp://lrs.tinh.vn"), Err(UrlProblem::Scheme));
        assert_eq!(Endpoint::parse("https://"), Err(UrlProblem::Malformed));
        assert_eq!(Endpoint::parse("https://a b.vn"), Err(UrlProblem::Malformed));
        assert_eq!(Endpoint::parse("https://u:p@lrs.vn"), Err(UrlProblem::Malformed));
    }
}
