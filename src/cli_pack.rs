//! `kynangso pack …` (design Part A): keygen, build, verify, trust, install, list, remove. A refused
//! pack exits 1 with its reason and nothing changed; `check-content FILE.kns` checks a pack too
//! ([`check_pack`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use crate::content;
use crate::i18n::I18n;
use crate::pack::{self, PublicKey, Refusal, SecretKey, Trust, words};
use crate::paths;

/// `pack` sub-commands.
#[derive(Debug, Subcommand)]
pub enum PackCmd {
    /// Make a publisher key pair: KEY (secret) and KEY.pub (public); prints the fingerprint
    Keygen {
        /// Where to write the secret key (never overwritten)
        #[arg(long, value_name = "KEY")]
        out: PathBuf,
    },
    /// Check a lesson folder with the check-content rules, then write a signed pack
    Build {
        /// The lessons folder (NN-slug module folders)
        dir: PathBuf,
        /// The publisher's secret key (from `pack keygen`)
        #[arg(long, value_name = "KEY")]
        key: PathBuf,
        /// The .kns file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The publisher's name, shown to trainers (default: the key's fingerprint)
        #[arg(long)]
        publisher: Option<String>,
        /// The pack's id (default: the file name)
        #[arg(long)]
        id: Option<String>,
        /// The pack's title (default: its modules' titles)
        #[arg(long)]
        title: Option<String>,
    },
    /// Check a pack: publisher, fingerprint, modules and versions, or why it is refused
    Verify { file: PathBuf },
    /// Trust a publisher's public key (a .pub file)
    Trust { key: PathBuf },
    /// Verify, then install a pack into the data folder
    Install { file: PathBuf },
    /// List the installed packs
    List,
    /// Remove an installed pack (its modules fall back to the built-in ones)
    Remove { id: String },
}

/// Runs a `pack` sub-command.
#[must_use]
pub fn run(t: &I18n, data_dir: Option<&Path>, command: PackCmd) -> ExitCode {
    let data = paths::data_dir(data_dir);
    match command {
        PackCmd::Keygen { out } => keygen(t, &out),
        PackCmd::Build {
            dir,
            key,
            out,
            publisher,
            id,
            title,
        } => build(t, &dir, &key, &out, publisher, id, title),
        PackCmd::Verify { file } => match pack::open(&file, &data) {
            Ok(p) => {
                summary(t, &p);
                changes(t, &p, &data);
                ExitCode::SUCCESS
            }
            Err(why) => refused(t, &why),
        },
        PackCmd::Trust { key } => trust(t, &key, &data),
        PackCmd::Install { file } => install(t, &file, &data),
        PackCmd::List => {
            list(t, &data);
            ExitCode::SUCCESS
        }
        PackCmd::Remove { id } => match pack::install::remove(&data, &id) {
            Ok(true) => {
                println!("{}", t.cli_pack_removed(id));
                ExitCode::SUCCESS
            }
            Ok(false) => {
                eprintln!("{}", t.cli_pack_not_installed(id));
                ExitCode::from(1)
            }
            Err(e) => data_failed(t, &data, &e),
        },
    }
}

fn refused(t: &I18n, why: &Refusal) -> ExitCode {
    if let Refusal::Content(issues) = why {
        for issue in issues {
            eprintln!("{}", issue.render(t));
        }
    }
    eprintln!("{}", t.pack_refused(words::refusal(t, why)));
    ExitCode::from(1)
}

fn data_failed(t: &I18n, data: &Path, e: &std::io::Error) -> ExitCode {
    log::error!("packs in {}: {e}", data.display());
    eprintln!("{}", t.cli_pack_data_failed(data.display().to_string()));
    ExitCode::from(1)
}

fn summary(t: &I18n, p: &pack::Pack) {
    let m = &p.manifest;
    println!("{}", t.pack_summary(words::date(&m.published), m.title.clone()));
    println!("{}", t.pack_publisher(m.publisher.clone()));
    println!("{}", t.pack_fingerprint(p.fingerprint()));
    for module in &m.modules {
        println!("{}", t.cli_pack_module(module.id.clone(), module.version));
    }
}

/// "What changes" against what this PC shows now (built-in lessons and installed packs).
fn changes(t: &I18n, p: &pack::Pack, data: &Path) {
    let Ok(embedded) = content::embedded() else { return };
    let (current, _) = pack::catalog::with_installed(embedded, data);
    println!("{}", t.pack_changes());
    for change in pack::changes(&current, p) {
        println!("  {}", words::change(t, &change));
    }
}

fn keygen(t: &I18n, out: &Path) -> ExitCode {
    let public_path = PathBuf::from(format!("{}.pub", out.display()));
    for path in [out, public_path.as_path()] {
        if path.exists() {
            eprintln!("{}", t.cli_pack_key_exists(path.display().to_string()));
            return ExitCode::from(1);
        }
    }
    let secret = SecretKey::generate();
    let public = secret.public();
    for (path, line) in [(out, secret.to_line()), (public_path.as_path(), public.to_line())] {
        if let Err(e) = write_new(path, line.as_bytes()) {
            log::error!("{}: {e}", path.display());
            eprintln!("{}", t.cli_pack_write_failed(path.display().to_string()));
            return ExitCode::from(1);
        }
    }
    println!(
        "{}",
        t.cli_pack_keygen_done(public_path.display().to_string(), out.display().to_string())
    );
    print!("{}", public.to_line());
    println!("{}", t.cli_pack_fingerprint(public.fingerprint()));
    ExitCode::SUCCESS
}

/// Writes a new file (never over an existing one), readable by its owner only on Unix.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn read_secret(t: &I18n, path: &Path) -> Option<SecretKey> {
    let key = pack::keys::read_key_file(path)
        .ok()
        .and_then(|text| SecretKey::parse(&text));
    if key.is_none() {
        eprintln!("{}", t.cli_pack_key_unreadable(path.display().to_string()));
    }
    key
}

fn build(
    t: &I18n,
    dir: &Path,
    key: &Path,
    out: &Path,
    publisher: Option<String>,
    id: Option<String>,
    title: Option<String>,
) -> ExitCode {
    let Some(secret) = read_secret(t, key) else {
        return ExitCode::from(1);
    };
    // Without a name the pack still says who signed it: the fingerprint trainers compare anyway.
    let publisher = publisher.unwrap_or_else(|| secret.public().fingerprint());
    let id = id.unwrap_or_else(|| {
        out.file_stem()
            .map(|s| s.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    });
    let title = title.unwrap_or_else(|| {
        content::load(&content::DirSource::new(dir))
            .map(|c| {
                c.modules
                    .iter()
                    .map(|m| m.meta.title.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default()
    });
    let info = pack::build::Info {
        id,
        title,
        publisher,
        published: pack::today(),
    };
    let bytes = match pack::build::build(dir, &secret, &info) {
        Ok(bytes) => bytes,
        Err(pack::build::BuildError::Content(issues)) => {
            crate::cli::print_issues(t, &issues);
            return ExitCode::from(1);
        }
        Err(pack::build::BuildError::Refused(why)) => return refused(t, &why),
    };
    if let Err(e) = crate::durable::write_atomic(out, &bytes) {
        log::error!("{}: {e}", out.display());
        eprintln!("{}", t.cli_pack_write_failed(out.display().to_string()));
        return ExitCode::from(1);
    }
    let (modules, files) = pack::unzip::unzip(&bytes)
        .ok()
        .and_then(|f| pack::verify::verify(f, &Trust::only(secret.public())).ok())
        .map_or((0, 0), |p| (p.manifest.modules.len(), p.manifest.files.len()));
    println!(
        "{}",
        t.cli_pack_built(
            files,
            secret.public().fingerprint(),
            modules,
            out.display().to_string()
        )
    );
    ExitCode::SUCCESS
}

fn trust(t: &I18n, key: &Path, data: &Path) -> ExitCode {
    let Some(public) = pack::keys::read_key_file(key)
        .ok()
        .and_then(|text| PublicKey::parse(&text))
    else {
        eprintln!("{}", t.cli_pack_key_unreadable(key.display().to_string()));
        return ExitCode::from(1);
    };
    match Trust::add(data, public, &pack::today()) {
        Ok(true) => println!("{}", t.pack_keys_added(public.fingerprint())),
        Ok(false) => println!("{}", t.pack_keys_already(public.fingerprint())),
        Err(e) => return data_failed(t, data, &e),
    }
    ExitCode::SUCCESS
}

fn install(t: &I18n, file: &Path, data: &Path) -> ExitCode {
    let p = match pack::open(file, data) {
        Ok(p) => p,
        Err(why) => return refused(t, &why),
    };
    summary(t, &p);
    changes(t, &p, data);
    match pack::install::install(data, &p, &pack::today()) {
        Ok(()) => {
            println!("{}", t.cli_pack_installed(p.manifest.id.clone()));
            ExitCode::SUCCESS
        }
        Err(e) => data_failed(t, data, &e),
    }
}

fn list(t: &I18n, data: &Path) {
    let all = pack::install::installed(data, &Trust::load(data));
    if all.is_empty() {
        println!("{}", t.pack_installed_none());
    }
    for item in all {
        match item.pack {
            Ok(p) => {
                let m = &p.manifest;
                println!(
                    "{}: {}",
                    m.id,
                    t.pack_installed_row(
                        words::date(&item.entry.installed),
                        m.publisher.clone(),
                        m.title.clone()
                    )
                );
                println!("  {}", t.pack_fingerprint(p.fingerprint()));
                for module in &m.modules {
                    println!("  {}", t.cli_pack_module(module.id.clone(), module.version));
                }
            }
            Err(why) => println!(
                "{}",
                t.cli_pack_list_damaged(item.entry.id, words::refusal(t, &why))
            ),
        }
    }
}

/// `check-content FILE.kns`: every rule of a pack except trust (a publisher checks a pack before anyone
/// trusts the key), then the usual one-line summary.
///
/// # Errors
/// Why the pack is refused.
pub fn check_pack(path: &Path) -> Result<content::Catalog, Refusal> {
    let files = pack::unzip::read_file(path)?;
    let key = files
        .get(pack::verify::KEY)
        .and_then(|k| std::str::from_utf8(k).ok())
        .and_then(PublicKey::parse)
        .ok_or(Refusal::BadKey)?;
    pack::verify::verify(files, &Trust::only(key)).map(|p| p.catalog)
}

/// `check-content` on a pack: prints like `check-content DIR`.
#[must_use]
pub fn check_content_pack(t: &I18n, path: &Path) -> ExitCode {
    match check_pack(path) {
        Ok(catalog) => {
            let (m, l, q, s) = catalog.counts();
            println!("{m} modules, {l} lessons, {q} questions, {s} simulations");
            ExitCode::SUCCESS
        }
        Err(why) => refused(t, &why),
    }
}
