//! Certificates (design Part A, "Exports"): one A4 page per learner who completed at least one module,
//! with the learner's name and unit, a table of completed modules (best score, completion date), the
//! issue date, a signature line for the trainer, and a certificate code.
//!
//! Text is set in the embedded Noto Sans (`crate::assets`), which has every Vietnamese letter as a
//! precomposed glyph; krilla embeds only the glyphs used (subsetting) with a `ToUnicode` map, so the
//! file stays small and its text can be searched and copied. Text is shaped with rustybuzz (the shaper
//! krilla uses) so centring and wrapping use the real advances.
//!
//! **Certificate code.** [`certificate_code`]: SHA-256 of the UTF-8 text `"{learner}\n{id1}\n{id2}…"`
//! (the learner id, then the ids of the learner's `module_completed` events for the modules listed,
//! sorted and without repeats; UUIDs lower-case with hyphens), in base32 (RFC 4648 alphabet
//! `A–Z2–7`), first 10 characters (50 bits). Anyone holding the same records can recompute it, so a
//! trainer can check that a printed certificate matches the records it claims; it changes when a new
//! module is completed, as the certificate does.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Face, Language, UnicodeBuffer};
use sha2::{Digest as _, Sha256};
use uuid::Uuid;

use super::{Events, ExportError, OnProgress, dmy};
use crate::assets::{FONT_BOLD, FONT_REGULAR};
use crate::i18n::I18n;
use crate::records::merge::Merges;
use crate::records::{Event, EventKind, RosterRow, Status};
use crate::text;

/// A4 in points.
pub(super) const PAGE: (f32, f32) = (595.28, 841.89);
/// Left and right edge of the text block.
const LEFT: f32 = 70.0;
const RIGHT: f32 = PAGE.0 - 70.0;
/// The table must end above this line, leaving room for the issue date, signature and code.
const TABLE_BOTTOM: f32 = PAGE.1 - 200.0;
/// Table columns: number, module, score, date (widths add up to `RIGHT - LEFT`).
const COLS: [f32; 4] = [36.0, RIGHT - LEFT - 36.0 - 70.0 - 112.0, 70.0, 112.0];
const PAD: f32 = 6.0;

pub(super) const NAVY: (u8, u8, u8) = (0x1F, 0x3A, 0x5F);
pub(super) const RED: (u8, u8, u8) = (0xA3, 0x1F, 0x24);
pub(super) const GREY: (u8, u8, u8) = (0x55, 0x5B, 0x66);
pub(super) const INK: (u8, u8, u8) = (0x1A, 0x1A, 0x1A);
pub(super) const LIGHT: (u8, u8, u8) = (0xE3, 0xEB, 0xF4);

/// One certificate: a learner and the modules they completed.
#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    pub learner: Uuid,
    pub name: String,
    pub unit: String,
    pub position: String,
    /// Completed modules in roster (catalog) order.
    pub modules: Vec<CompletedModule>,
    /// See [`certificate_code`].
    pub code: String,
}

/// One row of a certificate's table.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletedModule {
    pub title: String,
    /// Best quiz score in percent.
    pub score: Option<u32>,
    pub date: Option<NaiveDate>,
    /// The module version it was completed in, shown after the title.
    pub version: Option<u32>,
}

/// A certificate needs a name: a learner whose `learner_created` event is not on this PC (only their
/// results were imported) gets none, rather than a nameless page; the trainer is told how many.
fn certifiable(row: &RosterRow) -> bool {
    row.status == Status::Completed && !row.name.trim().is_empty()
}

/// How many learners completed a module but have no name, so get no certificate.
#[must_use]
pub fn nameless_completed(rows: &[RosterRow]) -> usize {
    rows.iter()
        .filter(|r| r.status == Status::Completed && r.name.trim().is_empty())
        .map(|r| r.learner)
        .collect::<HashSet<_>>()
        .len()
}

/// The certificates to print: learners in roster order, those with a name and at least one completed
/// module.
#[must_use]
pub fn certificates(rows: &[RosterRow], events: &[Event]) -> Vec<Certificate> {
    // A slice cannot fail to be read.
    certificates_from(rows, &events).unwrap_or_default()
}

/// [`certificates`], reading the events (for the codes) from any source, without keeping them.
///
/// # Errors
/// [`ExportError::Read`] if the events cannot be read.
pub fn certificates_from(rows: &[RosterRow], events: &dyn Events) -> Result<Vec<Certificate>, ExportError> {
    let mut order: Vec<Certificate> = Vec::new();
    let mut index: HashMap<Uuid, usize> = HashMap::new();
    let mut completed: HashSet<(Uuid, &str)> = HashSet::new();
    for row in rows.iter().filter(|r| certifiable(r)) {
        let i = *index.entry(row.learner).or_insert_with(|| {
            order.push(Certificate {
                learner: row.learner,
                name: text::clean(&row.name),
                unit: text::clean(&row.unit),
                position: text::clean(&row.position),
                modules: Vec::new(),
                code: String::new(),
            });
            order.len() - 1
        });
        completed.insert((row.learner, row.module_id.as_str()));
        if let Some(cert) = order.get_mut(i) {
            cert.modules.push(CompletedModule {
                title: text::clean(&row.module_title),
                score: row.best_score,
                date: row.completed_at.map(|at| at.date_naive()),
                version: row.completed_version,
            });
        }
    }
    // Only what the codes need: the merges and the completion events, not every event.
    let mut merge_events = Vec::new();
    let mut completions: Vec<(Uuid, String, Uuid)> = Vec::new();
    events.each(&mut |event| match &event.kind {
        Some(EventKind::LearnerMerged { .. }) => merge_events.push(event.clone()),
        Some(EventKind::ModuleCompleted { module }) => {
            completions.push((event.learner, module.clone(), event.id));
        }
        _ => {}
    })?;
    let merges = Merges::from_events(&merge_events);
    let mut ids: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (learner, module, id) in completions {
        let learner = merges.resolve(learner);
        if completed.contains(&(learner, module.as_str())) {
            ids.entry(learner).or_default().push(id);
        }
    }
    for cert in &mut order {
        cert.code = certificate_code(cert.learner, ids.get(&cert.learner).map_or(&[], Vec::as_slice));
    }
    Ok(order)
}

/// The certificate code (see the module docs): 10 characters of `A–Z2–7`.
#[must_use]
pub fn certificate_code(learner: Uuid, completion_events: &[Uuid]) -> String {
    let mut ids = completion_events.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut text = learner.hyphenated().to_string();
    for id in ids {
        text.push('\n');
        text.push_str(&id.hyphenated().to_string());
    }
    let hash = Sha256::digest(text.as_bytes());
    base32(hash.get(..7).unwrap_or_default())
        .chars()
        .take(10)
        .collect()
}

/// Writes the certificates, one page each, text in `t`'s language (Part A expects Vietnamese; the
/// caller passes a Vietnamese `I18n` unless the trainer chose otherwise). `issued` is the issue date.
///
/// # Errors
/// [`ExportError::Font`] if the embedded font cannot be read; [`ExportError::Pdf`] if krilla fails.
pub fn to_certificates(
    rows: &[RosterRow],
    events: &dyn Events,
    issued: NaiveDate,
    t: &I18n,
    progress: OnProgress<'_>,
) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::embedded()?;
    let certs = certificates_from(rows, events)?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} – {}", t.export_cert_title(), t.app_name()))
            .creator(t.app_name())
            .language(t.lang().code().to_owned()),
    );
    progress(0, certs.len());
    for (i, cert) in certs.iter().enumerate() {
        draw_certificate(&mut document, &fonts, t, cert, issued)?;
        progress(i + 1, certs.len());
    }
    document.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

fn draw_certificate(
    document: &mut Document,
    fonts: &Fonts,
    t: &I18n,
    cert: &Certificate,
    issued: NaiveDate,
) -> Result<(), ExportError> {
    let settings = PageSettings::from_wh(PAGE.0, PAGE.1).ok_or(ExportError::Font)?;
    let mut page = document.start_page_with(settings.clone());
    let mut s = page.surface();
    frame(&mut s);
    let width = RIGHT - LEFT;

    let title = t.export_cert_title();
    fonts.bold.centred(&mut s, 30.0, RED, 125.0, &title);
    fonts
        .regular
        .centred(&mut s, 15.0, NAVY, 157.0, &t.export_cert_subtitle());
    line(
        &mut s,
        PAGE.0 / 2.0 - 60.0,
        175.0,
        PAGE.0 / 2.0 + 60.0,
        175.0,
        1.2,
        RED,
    );
    fonts
        .regular
        .centred(&mut s, 13.0, GREY, 218.0, &t.export_cert_awarded_to());

    // The name is the point of the page: large, shrunk (not cut) to fit, wrapped only if it must.
    let mut size = 26.0;
    while size > 16.0 && fonts.bold.width(&cert.name, size) > width {
        size -= 1.0;
    }
    let mut y = 260.0;
    for l in fonts.bold.wrap(&cert.name, size, width) {
        fonts.bold.centred(&mut s, size, NAVY, y, &l);
        y += size * 1.3;
    }
    y += 8.0;
    for detail in [
        (!cert.unit.is_empty()).then(|| t.export_cert_unit(cert.unit.clone())),
        (!cert.position.is_empty()).then(|| t.export_cert_position(cert.position.clone())),
    ]
    .into_iter()
    .flatten()
    {
        for l in fonts.regular.wrap(&detail, 13.0, width) {
            fonts.regular.centred(&mut s, 13.0, INK, y, &l);
            y += 18.0;
        }
    }
    y += 14.0;
    fonts
        .regular
        .centred(&mut s, 13.0, INK, y, &t.export_cert_completed());
    y += 16.0;

    y = table_header(&mut s, fonts, t, y);
    for (n, module) in cert.modules.iter().enumerate() {
        let title = module.version.map_or_else(
            || module.title.clone(),
            |v| t.export_cert_module_version(module.title.clone(), v),
        );
        let lines = fonts.regular.wrap(&title, 11.5, COLS[1] - 2.0 * PAD);
        let row_h = 15.0 * lines.len().max(1) as f32 + 10.0;
        if y + row_h > TABLE_BOTTOM {
            // A learner with more modules than fit: continue the table on a second page.
            s.finish();
            page.finish();
            page = document.start_page_with(settings.clone());
            s = page.surface();
            frame(&mut s);
            let head = format!("{} {} – {}", title, t.export_cert_continued(), cert.name);
            y = 90.0;
            for l in fonts.bold.wrap(&head, 12.0, width) {
                fonts.bold.text(&mut s, 12.0, NAVY, LEFT, y, &l);
                y += 16.0;
            }
            y = table_header(&mut s, fonts, t, y + 4.0);
        }
        let score = module
            .score
            .map_or_else(|| "—".to_owned(), |p| t.export_cert_score(p));
        let date = module.date.map_or_else(|| "—".to_owned(), dmy);
        let cells = [(n + 1).to_string(), String::new(), score, date];
        let mut x = LEFT;
        for (cell, w) in cells.iter().zip(COLS) {
            fonts.regular.text(&mut s, 11.5, INK, x + PAD, y + 17.0, cell);
            x += w;
        }
        for (k, l) in lines.iter().enumerate() {
            let ly = y + 17.0 + 15.0 * k as f32;
            fonts.regular.text(&mut s, 11.5, INK, LEFT + COLS[0] + PAD, ly, l);
        }
        y += row_h;
        line(&mut s, LEFT, y, RIGHT, y, 0.5, GREY);
    }

    // The signature block sits low on the page, as on a paper certificate, unless the table reaches it.
    y = (y + 40.0).max(PAGE.1 - 230.0);
    fonts
        .regular
        .text(&mut s, 12.0, INK, LEFT, y, &t.export_cert_issued(dmy(issued)));
    let sign_x = RIGHT - 100.0;
    fonts
        .bold
        .centred_at(&mut s, 12.0, INK, sign_x, y, &t.export_cert_signature());
    fonts.regular.centred_at(
        &mut s,
        10.0,
        GREY,
        sign_x,
        y + 16.0,
        &t.export_cert_signature_hint(),
    );

    fonts.regular.text(
        &mut s,
        10.0,
        INK,
        LEFT,
        PAGE.1 - 72.0,
        &t.export_cert_code(cert.code.clone()),
    );
    let mut ny = PAGE.1 - 58.0;
    for l in fonts.regular.wrap(&t.export_cert_code_note(), 8.0, RIGHT - LEFT) {
        fonts.regular.text(&mut s, 8.0, GREY, LEFT, ny, &l);
        ny += 10.0;
    }
    s.finish();
    page.finish();
    Ok(())
}

/// The table's header row; returns the y below it.
fn table_header(s: &mut Surface<'_>, fonts: &Fonts, t: &I18n, y: f32) -> f32 {
    let h = 24.0;
    if let Some(path) = Rect::from_xywh(LEFT, y, RIGHT - LEFT, h).and_then(|r| {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        pb.finish()
    }) {
        s.set_stroke(None);
        s.set_fill(Some(fill(LIGHT)));
        s.draw_path(&path);
    }
    let heads = [
        t.export_cert_col_number(),
        t.export_cert_col_module(),
        t.export_cert_col_score(),
        t.export_cert_col_date(),
    ];
    let mut x = LEFT;
    for (head, w) in heads.iter().zip(COLS) {
        fonts.bold.text(s, 11.0, NAVY, x + PAD, y + 16.0, head);
        x += w;
    }
    line(s, LEFT, y + h, RIGHT, y + h, 0.8, NAVY);
    y + h
}

/// The double border of a certificate page.
fn frame(s: &mut Surface<'_>) {
    for (inset, width) in [(22.0, 3.0), (29.0, 0.8)] {
        let rect = Rect::from_xywh(inset, inset, PAGE.0 - 2.0 * inset, PAGE.1 - 2.0 * inset);
        if let Some(path) = rect.and_then(|r| {
            let mut pb = PathBuilder::new();
            pb.push_rect(r);
            pb.finish()
        }) {
            s.set_fill(None);
            s.set_stroke(Some(stroke(NAVY, width)));
            s.draw_path(&path);
        }
    }
}

pub(super) fn line(
    s: &mut Surface<'_>,
    x1: f32,
    y1: f32,
    x2: f32,
    y2: f32,
    width: f32,
    colour: (u8, u8, u8),
) {
    let mut pb = PathBuilder::new();
    pb.move_to(x1, y1);
    pb.line_to(x2, y2);
    if let Some(path) = pb.finish() {
        s.set_fill(None);
        s.set_stroke(Some(stroke(colour, width)));
        s.draw_path(&path);
    }
}

pub(super) fn fill((r, g, b): (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }
}

fn stroke((r, g, b): (u8, u8, u8), width: f32) -> Stroke {
    Stroke {
        paint: rgb::Color::new(r, g, b).into(),
        width,
        ..Stroke::default()
    }
}

pub(super) struct Fonts {
    pub(super) regular: Typeface,
    pub(super) bold: Typeface,
}

impl Fonts {
    /// The embedded Noto Sans, regular and bold.
    pub(super) fn embedded() -> Result<Fonts, ExportError> {
        Ok(Fonts {
            regular: Typeface::new(FONT_REGULAR)?,
            bold: Typeface::new(FONT_BOLD)?,
        })
    }
}

/// A font for krilla and the same font for rustybuzz.
pub(super) struct Typeface {
    font: Font,
    face: Face<'static>,
    units_per_em: f32,
}

impl Typeface {
    pub(super) fn new(data: &'static [u8]) -> Result<Typeface, ExportError> {
        let face = Face::from_slice(data, 0).ok_or(ExportError::Font)?;
        let font = Font::new(data.into(), 0).ok_or(ExportError::Font)?;
        let units_per_em = face.units_per_em() as f32;
        Ok(Typeface {
            font,
            face,
            units_per_em,
        })
    }

    /// Shapes one line, left to right, as Vietnamese (the font's `locl` forms apply). Each glyph maps
    /// back to its cluster of the text, which krilla turns into the PDF's `ToUnicode` map.
    fn shape(&self, text: &str) -> Vec<KrillaGlyph> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(Direction::LeftToRight);
        if let Ok(lang) = "vi".parse::<Language>() {
            buffer.set_language(lang);
        }
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(&self.face, &[], buffer);
        let infos = output.glyph_infos();
        let upem = self.units_per_em;
        infos
            .iter()
            .zip(output.glyph_positions())
            .enumerate()
            .map(|(i, (info, pos))| {
                let start = info.cluster as usize;
                let end = infos
                    .iter()
                    .skip(i + 1)
                    .map(|next| next.cluster as usize)
                    .find(|&c| c != start)
                    .unwrap_or(text.len());
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / upem,
                    pos.x_offset as f32 / upem,
                    pos.y_offset as f32 / upem,
                    pos.y_advance as f32 / upem,
                    start..end,
                    None,
                )
            })
            .collect()
    }

    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        self.shape(text).iter().map(|g| g.x_advance).sum::<f32>() * size
    }

    /// Draws one line with its baseline at `y`.
    pub(super) fn text(
        &self,
        s: &mut Surface<'_>,
        size: f32,
        colour: (u8, u8, u8),
        x: f32,
        y: f32,
        text: &str,
    ) {
        let glyphs = self.shape(text);
        s.set_stroke(None);
        s.set_fill(Some(fill(colour)));
        s.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            self.font.clone(),
            text,
            size,
            false,
        );
    }

    pub(super) fn centred_at(
        &self,
        s: &mut Surface<'_>,
        size: f32,
        colour: (u8, u8, u8),
        cx: f32,
        y: f32,
        text: &str,
    ) {
        let x = cx - self.width(text, size) / 2.0;
        self.text(s, size, colour, x, y, text);
    }

    pub(super) fn centred(&self, s: &mut Surface<'_>, size: f32, colour: (u8, u8, u8), y: f32, text: &str) {
        self.centred_at(s, size, colour, PAGE.0 / 2.0, y, text);
    }

    /// Greedy word wrap to `max` points; a word longer than a line is broken between letters.
    pub(super) fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if self.width(&candidate, size) <= max {
                current = candidate;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            for c in word.chars() {
                current.push(c);
                if self.width(&current, size) > max && current.chars().count() > 1 {
                    current.pop();
                    lines.push(std::mem::replace(&mut current, c.to_string()));
                }
            }
        }
        if !current.is_empty() || lines.is_empty() {
            lines.push(current);
        }
        lines
    }
}

/// RFC 4648 base32 without padding.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
        buffer &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{base32, certificate_code};
    use uuid::Uuid;

    #[test]
    fn base32_matches_rfc_4648_vectors() {
        assert_eq!(base32(b"f"), "MY");
        assert_eq!(base32(b"fo"), "MZXQ");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
    }

    #[test]
    fn code_ignores_order_and_repeats() {
        let learner = Uuid::from_u128(1);
        let (a, b) = (Uuid::from_u128(2), Uuid::from_u128(3));
        let code = certificate_code(learner, &[a, b]);
        assert_eq!(code.len(), 10);
        assert!(
            code.chars()
                .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))
        );
        assert_eq!(code, certificate_code(learner, &[b, a, b]));
        assert_ne!(code, certificate_code(learner, &[a]));
    }
}
