//! Checks the Fluent files in `i18n/` and generates typed accessors.
//!
//! Every `i18n/vi/*.ftl` file must have a twin in `i18n/en/` with the same message keys, and each message
//! must take the same variables in both languages. A key may be defined once only. The generated
//! `i18n_keys.rs` (included by `src/i18n/mod.rs`) holds one method per message, so a misspelt key or a
//! missing variable is a compile error rather than a blank label at run time.
//!
//! Every key must also be used: its accessor has to be called somewhere under `src/` (as
//! `.key_name(` or `I18n::key_name`), so a message left behind by a changed screen fails the build
//! instead of waiting, untranslated into the next wording, for a screen that never shows it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

const LANGS: [&str; 2] = ["vi", "en"];

type Messages = BTreeMap<String, (BTreeSet<String>, String)>;

fn main() {
    println!("cargo:rerun-if-changed=i18n");
    println!("cargo:rerun-if-changed=src");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut per_lang: Vec<Messages> = Vec::new();
    let mut errors = Vec::new();
    for lang in LANGS {
        per_lang.push(read_lang(&root.join("i18n").join(lang), &mut errors));
    }
    let (vi, en) = (&per_lang[0], &per_lang[1]);
    for (key, (vars, file)) in vi {
        match en.get(key) {
            None => errors.push(format!("i18n/en: key `{key}` (from i18n/vi/{file}) is missing")),
            Some((en_vars, _)) if en_vars != vars => errors.push(format!(
                "i18n: key `{key}` takes {vars:?} in vi but {en_vars:?} in en"
            )),
            Some(_) => {}
        }
    }
    for (key, (_, file)) in en {
        if !vi.contains_key(key) {
            errors.push(format!("i18n/vi: key `{key}` (from i18n/en/{file}) is missing"));
        }
    }
    match rust_sources(&root.join("src")) {
        Ok(sources) => {
            for (key, (_, file)) in vi {
                if !sources.iter().any(|text| calls(text, &ident(key))) {
                    errors.push(format!(
                        "i18n: key `{key}` (i18n/*/{file}) is not used in src/: call `I18n::{}` or remove the key from both languages",
                        ident(key)
                    ));
                }
            }
        }
        Err(e) => errors.push(format!("src: {e}")),
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        eprintln!("i18n check failed:\n{}", errors.join("\n"));
        std::process::exit(1);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    if let Err(e) = std::fs::write(out.join("i18n_keys.rs"), generate(vi)) {
        eprintln!("cannot write generated i18n accessors: {e}");
        std::process::exit(1);
    }
}

/// The text of every `.rs` file under `dir`, the generated accessors excepted (they live in `OUT_DIR`).
fn rust_sources(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut texts = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                texts.push(std::fs::read_to_string(&path)?);
            }
        }
    }
    Ok(texts)
}

/// Whether `text` calls or names the accessor `method`: `.method` or `::method` (rustfmt may put the
/// dot on the line above), followed by something that cannot continue an identifier. A method name
/// alone is not enough: `dismiss` or `learners_title` could be a local variable.
fn calls(text: &str, method: &str) -> bool {
    let method = method.trim_start_matches("r#");
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(method).any(|(at, _)| {
        let before = text[..at].trim_end();
        let after = text[at + method.len()..].chars().next();
        (before.ends_with('.') || before.ends_with("::")) && !after.is_some_and(is_ident)
    })
}

fn read_lang(dir: &Path, errors: &mut Vec<String>) -> Messages {
    let mut messages = Messages::new();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect(),
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            return messages;
        }
    };
    files.sort();
    for path in files {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((_, errs)) => {
                for e in errs {
                    let line = text[..e.pos.start.min(text.len())].lines().count().max(1);
                    errors.push(format!("{}:{line}: {:?}", path.display(), e.kind));
                }
                continue;
            }
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let key = m.id.name.to_owned();
                if !m.attributes.is_empty() {
                    errors.push(format!(
                        "{}: `{key}`: attributes are not used here",
                        path.display()
                    ));
                }
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    collect_vars(p, &mut vars);
                } else {
                    errors.push(format!("{}: `{key}` has no value", path.display()));
                }
                if let Some((_, other)) = messages.get(&key) {
                    errors.push(format!(
                        "{}: duplicate key `{key}` (also in {other})",
                        path.display()
                    ));
                }
                messages.insert(key, (vars, file.clone()));
            }
        }
    }
    messages
}

fn collect_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expr(expression, vars);
        }
    }
}

fn collect_expr(expr: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expr {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for v in variants {
                collect_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, vars),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expr(expression, vars),
        _ => {}
    }
}

fn ident(name: &str) -> String {
    let s = name.replace('-', "_");
    if s == "type" || s == "mod" || s == "match" {
        format!("r#{s}")
    } else {
        s
    }
}

fn generate(messages: &Messages) -> String {
    let mut code = String::from("// Generated by build.rs from i18n/*.ftl. Do not edit.\n\n");
    code.push_str("/// Every message key, for tests.\npub const ALL_KEYS: &[&str] = &[\n");
    for key in messages.keys() {
        let _ = writeln!(code, "    {key:?},");
    }
    code.push_str("];\n\nimpl I18n {\n");
    for (key, (vars, file)) in messages {
        let method = ident(key);
        let _ = writeln!(code, "    /// `{key}` (i18n/*/{file})");
        if vars.is_empty() {
            let _ = writeln!(
                code,
                "    #[must_use]\n    pub fn {method}(&self) -> String {{\n        self.message({key:?}, None)\n    }}"
            );
        } else {
            let params: Vec<String> = vars
                .iter()
                .map(|v| format!("{}: impl Into<FluentValue<'static>>", ident(v)))
                .collect();
            let _ = writeln!(
                code,
                "    #[must_use]\n    pub fn {method}(&self, {}) -> String {{\n        let mut args = FluentArgs::new();",
                params.join(", ")
            );
            for v in vars {
                let _ = writeln!(code, "        args.set({v:?}, {}.into());", ident(v));
            }
            let _ = writeln!(code, "        self.message({key:?}, Some(&args))\n    }}");
        }
    }
    code.push_str("}\n");
    code
}
