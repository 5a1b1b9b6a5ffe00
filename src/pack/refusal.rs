//! Why a pack is refused, as data: the command line and the trainer's page word it through i18n
//! (`pack::words`), tests match the variants.

use crate::content::Issue;

/// Why a pack was refused. Nothing is installed or changed when a pack is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The `.kns` file could not be read (missing, a folder, no permission).
    Unreadable,
    /// Not a zip archive, or a damaged one.
    NotZip,
    /// Over [`super::limits::MAX_FILES`] entries.
    TooManyFiles(usize),
    /// Over [`super::limits::MAX_UNPACKED`] bytes once unpacked (or the `.kns` itself is).
    TooLarge,
    /// An entry that unpacks to over [`super::limits::MAX_RATIO`] times its packed size: a zip bomb.
    Ratio(String),
    /// A name with `..`, an absolute or drive path, a backslash, a control character, not UTF-8 or not NFC.
    BadPath(String),
    /// A symbolic link.
    Link(String),
    /// Two entries with the same name, or names equal but for case or Unicode form.
    Duplicate(String),
    /// An encrypted entry, or one whose data does not unpack (bad CRC, unknown method).
    BadEntry(String),
    /// A file other than Markdown, JSON or SVG.
    FileType(String),
    /// `pack.json`, `pack.sig` or `pack.pub` is missing.
    Missing(&'static str),
    /// `pack.pub` is not a public key.
    BadKey,
    /// `pack.sig` is not the signature of `pack.json` by `pack.pub`.
    BadSignature,
    /// Signed by a key this PC does not trust; the fingerprint names it.
    Untrusted { fingerprint: String, publisher: String },
    /// `pack.json` cannot be read (the parser's words), or has a wrong format, version, id or date.
    Manifest(String),
    /// A file whose SHA-256 is not the one listed.
    HashMismatch(String),
    /// A file in the pack that `pack.json` does not list.
    Unlisted(String),
    /// A file `pack.json` lists that the pack does not hold.
    ListedMissing(String),
    /// Text that is not UTF-8.
    NotUtf8(String),
    /// Text that is not NFC.
    NotNfc(String),
    /// An SVG with a script, an event handler, an external reference or a DTD/entity declaration.
    UnsafeSvg { file: String, what: String },
    /// A Markdown link or image that could open something (anything but a plain `https://` address), or
    /// raw HTML.
    UnsafeLink { file: String, target: String },
    /// The modules in `pack.json` are not those in the pack's folders (id or version).
    ModulesMismatch(String),
    /// The lessons break the `check-content` rules.
    Content(Vec<Issue>),
}
