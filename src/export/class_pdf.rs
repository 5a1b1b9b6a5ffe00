//! The class report as a PDF (A4, the embedded Noto Sans, as the certificates in `export::pdf`): a
//! one-page summary (the class, its counts, and a bar chart of completion per module drawn with shapes),
//! then the list of learners with, per module, the status, best score and completion date, and at the
//! end the signature lines for the trainer and the commune (“Giảng viên”, “UBND xã/phường”).

use krilla::Document;
use krilla::geom::{PathBuilder, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;

use super::pdf::{Fonts, GREY, INK, LIGHT, NAVY, PAGE, RED, fill, line};
use super::{ExportError, OnProgress, dmy};
use crate::class::report::{ClassReport, status_word};
use crate::i18n::I18n;
use crate::text;

const LEFT: f32 = 50.0;
const RIGHT: f32 = PAGE.0 - 50.0;
const TOP: f32 = 60.0;
const BOTTOM: f32 = PAGE.1 - 60.0;
/// The list's fixed columns: number, name.
const NUMBER_W: f32 = 26.0;
const NAME_W: f32 = 130.0;
const GREEN: (u8, u8, u8) = (0x2E, 0x7D, 0x32);

fn rect(s: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32, colour: (u8, u8, u8)) {
    if let Some(path) = Rect::from_xywh(x, y, w, h).and_then(|r| {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        pb.finish()
    }) {
        s.set_stroke(None);
        s.set_fill(Some(fill(colour)));
        s.draw_path(&path);
    }
}

/// Writes the report, text in `t`'s language.
///
/// # Errors
/// [`ExportError::Font`] if the embedded font cannot be read; [`ExportError::Pdf`] if krilla fails.
pub fn to_pdf(report: &ClassReport, t: &I18n, progress: OnProgress<'_>) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::embedded()?;
    let settings = PageSettings::from_wh(PAGE.0, PAGE.1).ok_or(ExportError::Font)?;
    let mut document = Document::new();
    let name = text::clean(&report.class_name(t));
    document.set_metadata(
        Metadata::new()
            .title(format!("{} – {}", t.report_title(), name))
            .creator(t.app_name())
            .language(t.lang().code().to_owned()),
    );
    let rows = report.analysis.rows.len();
    progress(0, rows + 1);
    let ctx = Ctx {
        settings,
        fonts,
        t,
        report,
        name,
    };
    summary_page(&mut document, &ctx);
    progress(1, rows + 1);
    learner_pages(&mut document, &ctx, &mut |done| {
        progress(1 + done, rows + 1);
    });
    document.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// What every page is drawn with.
struct Ctx<'a> {
    settings: PageSettings,
    fonts: Fonts,
    t: &'a I18n,
    report: &'a ClassReport,
    name: String,
}

fn summary_page(document: &mut Document, ctx: &Ctx<'_>) {
    let Ctx {
        settings,
        fonts,
        t,
        report,
        name,
    } = ctx;
    let a = &report.analysis;
    let class = &a.class;
    let mut page = document.start_page_with(settings.clone());
    let mut s = page.surface();
    let width = RIGHT - LEFT;
    fonts
        .bold
        .centred(&mut s, 18.0, RED, TOP + 20.0, &t.report_title());
    let mut y = TOP + 50.0;
    for l in fonts.bold.wrap(name, 15.0, width) {
        fonts.bold.centred(&mut s, 15.0, NAVY, y, &l);
        y += 20.0;
    }
    y += 10.0;
    let dates = match (class.starts, class.ends) {
        (Some(from), Some(to)) => format!("{} – {}", dmy(from), dmy(to)),
        (Some(from), None) => dmy(from),
        (None, _) => String::new(),
    };
    let facts = [
        (t.report_unit(), text::clean(&class.unit)),
        (t.report_dates(), dates),
        (t.report_trainer(), text::clean(&class.trainer)),
        (t.report_learners(), a.rows.len().to_string()),
        (t.report_completed_all(), a.completed_all().to_string()),
        (t.report_needs_help(), a.needing_help().count().to_string()),
    ];
    for (label, value) in facts {
        fonts.bold.text(&mut s, 11.0, INK, LEFT, y, &format!("{label}:"));
        for l in fonts.regular.wrap(&value, 11.0, width - 170.0) {
            fonts.regular.text(&mut s, 11.0, INK, LEFT + 170.0, y, &l);
            y += 16.0;
        }
        if value.is_empty() {
            y += 16.0;
        }
    }

    // The completion chart: one bar per module, the numbers beside it.
    y += 20.0;
    fonts
        .bold
        .text(&mut s, 13.0, NAVY, LEFT, y, &t.report_chart_title());
    y += 14.0;
    let label_w = 190.0;
    let bar_x = LEFT + label_w + 8.0;
    let bar_w = width - label_w - 8.0 - 80.0;
    for m in &a.modules {
        let lines = fonts.regular.wrap(&text::clean(&m.title), 10.0, label_w);
        let h = (13.0 * lines.len().min(2) as f32).max(18.0) + 8.0;
        if y + h > BOTTOM - 30.0 {
            break;
        }
        for (k, l) in lines.iter().take(2).enumerate() {
            fonts
                .regular
                .text(&mut s, 10.0, INK, LEFT, y + 13.0 + 13.0 * k as f32, l);
        }
        rect(&mut s, bar_x, y + 3.0, bar_w, 14.0, LIGHT);
        let share = if m.total == 0 {
            0.0
        } else {
            m.completed as f32 / m.total as f32
        };
        if share > 0.0 {
            rect(&mut s, bar_x, y + 3.0, bar_w * share.min(1.0), 14.0, GREEN);
        }
        let label = format!("{}/{} ({}%)", m.completed, m.total, m.completed_percent());
        fonts
            .bold
            .text(&mut s, 10.0, INK, bar_x + bar_w + 6.0, y + 14.0, &label);
        y += h;
    }
    fonts.regular.text(
        &mut s,
        9.0,
        GREY,
        LEFT,
        BOTTOM,
        &t.report_made_on(dmy(report.made)),
    );
    s.finish();
    page.finish();
}

/// The learners list, as many pages as it takes, then the signatures.
#[expect(clippy::too_many_lines, reason = "one table laid out top to bottom")]
fn learner_pages(document: &mut Document, ctx: &Ctx<'_>, progress: &mut dyn FnMut(usize)) {
    let Ctx {
        settings,
        fonts,
        t,
        report,
        name,
    } = ctx;
    let a = &report.analysis;
    let modules = a.modules.len().max(1);
    let cell_w = (RIGHT - LEFT - NUMBER_W - NAME_W) / modules as f32;
    let size = 8.0;
    let line_h = 10.0;
    let mut page = document.start_page_with(settings.clone());
    let mut s = page.surface();

    let header = |s: &mut Surface<'_>, y: f32, first: bool| -> f32 {
        let mut y = y;
        let title = if first {
            t.report_learner_list()
        } else {
            format!("{} {}", t.report_learner_list(), t.report_continued())
        };
        fonts.bold.text(s, 13.0, NAVY, LEFT, y, &title);
        y += 6.0;
        for l in fonts.regular.wrap(name, 9.0, RIGHT - LEFT).into_iter().take(1) {
            fonts.regular.text(s, 9.0, GREY, LEFT, y + 10.0, &l);
        }
        y += 18.0;
        let titles: Vec<Vec<String>> = a
            .modules
            .iter()
            .map(|m| fonts.bold.wrap(&text::clean(&m.title), 7.5, cell_w - 4.0))
            .collect();
        let lines = titles.iter().map(Vec::len).max().unwrap_or(1).clamp(1, 4);
        let h = 9.0 * lines as f32 + 8.0;
        rect(s, LEFT, y, RIGHT - LEFT, h, LIGHT);
        fonts
            .bold
            .text(s, 8.0, NAVY, LEFT + 2.0, y + 12.0, &t.report_col_number());
        fonts.bold.text(
            s,
            8.0,
            NAVY,
            LEFT + NUMBER_W + 2.0,
            y + 12.0,
            &t.report_col_name(),
        );
        for (i, title) in titles.iter().enumerate() {
            let x = LEFT + NUMBER_W + NAME_W + cell_w * i as f32 + 2.0;
            for (k, l) in title.iter().take(4).enumerate() {
                fonts.bold.text(s, 7.5, NAVY, x, y + 12.0 + 9.0 * k as f32, l);
            }
        }
        line(s, LEFT, y + h, RIGHT, y + h, 0.8, NAVY);
        y + h
    };

    let mut y = header(&mut s, TOP, true);
    for (n, row) in a.rows.iter().enumerate() {
        let names = fonts.regular.wrap(&text::clean(&row.name), 9.0, NAME_W - 4.0);
        let unit = text::clean(&row.unit);
        let units = if unit.is_empty() {
            Vec::new()
        } else {
            fonts.regular.wrap(&unit, 7.5, NAME_W - 4.0)
        };
        let cells: Vec<Vec<String>> = row
            .cells
            .iter()
            .map(|c| {
                let mut lines = fonts.regular.wrap(&status_word(t, c.status), size, cell_w - 4.0);
                if let Some(best) = c.best_percent {
                    lines.push(format!("{best}%"));
                }
                if let Some(at) = c.completed_at {
                    lines.push(dmy(at.date_naive()));
                }
                lines
            })
            .collect();
        let lines = cells
            .iter()
            .map(Vec::len)
            .chain([names.len() + units.len()])
            .max()
            .unwrap_or(1);
        let h = line_h * lines as f32 + 8.0;
        if y + h > BOTTOM {
            s.finish();
            page.finish();
            page = document.start_page_with(settings.clone());
            s = page.surface();
            y = header(&mut s, TOP, false);
        }
        let base = y + 12.0;
        fonts
            .regular
            .text(&mut s, 9.0, INK, LEFT + 2.0, base, &(n + 1).to_string());
        let mut ny = base;
        for l in &names {
            fonts.regular.text(&mut s, 9.0, INK, LEFT + NUMBER_W + 2.0, ny, l);
            ny += line_h;
        }
        for l in &units {
            fonts
                .regular
                .text(&mut s, 7.5, GREY, LEFT + NUMBER_W + 2.0, ny, l);
            ny += line_h;
        }
        for (i, lines) in cells.iter().enumerate() {
            let x = LEFT + NUMBER_W + NAME_W + cell_w * i as f32 + 2.0;
            for (k, l) in lines.iter().enumerate() {
                fonts
                    .regular
                    .text(&mut s, size, INK, x, base + line_h * k as f32, l);
            }
        }
        y += h;
        line(&mut s, LEFT, y, RIGHT, y, 0.4, GREY);
        progress(n + 1);
    }

    // Signatures: the trainer on the left, the commune on the right, with room to sign.
    if y + 110.0 > BOTTOM {
        s.finish();
        page.finish();
        page = document.start_page_with(settings.clone());
        s = page.surface();
        y = TOP;
    }
    let y = y + 40.0;
    let left = LEFT + (RIGHT - LEFT) * 0.25;
    let right = LEFT + (RIGHT - LEFT) * 0.75;
    for (x, title) in [(left, t.report_sign_trainer()), (right, t.report_sign_commune())] {
        fonts.bold.centred_at(&mut s, 11.0, INK, x, y, &title);
        fonts
            .regular
            .centred_at(&mut s, 9.0, GREY, x, y + 14.0, &t.report_sign_hint());
        line(&mut s, x - 80.0, y + 80.0, x + 80.0, y + 80.0, 0.6, GREY);
    }
    s.finish();
    page.finish();
}
