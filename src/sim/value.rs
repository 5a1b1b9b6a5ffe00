//! Field values and how a learner's answer is compared with the expected one.
//!
//! Comparison is forgiving about what does not matter on a real form (extra spaces, upper or lower case,
//! the way a keyboard composes Vietnamese letters — NFC or not, `https://` before an address) and strict
//! about what does: diacritics in a name, the order of day and month, a decimal comma. Wrong answers of a
//! recognisable kind are reported as a [`When`], so a scenario can give each its own feedback.

use crate::text::{self, fold, without_diacritics};

use super::model::{Expect, FieldKind, When};

/// The value of one field during a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text typed, or the option / file name chosen (empty when none).
    Text(String),
    /// A checkbox.
    Checked(bool),
}

impl Value {
    /// The empty value for a field kind.
    #[must_use]
    pub fn empty(kind: FieldKind) -> Self {
        if kind == FieldKind::Checkbox {
            Value::Checked(false)
        } else {
            Value::Text(String::new())
        }
    }

    /// A value written in a scenario file (`value`, `expect`, a case's `value`) for a field kind.
    #[must_use]
    pub fn parse(kind: FieldKind, written: &str) -> Self {
        if kind == FieldKind::Checkbox {
            Value::Checked(written.trim() == "true")
        } else {
            Value::Text(written.to_owned())
        }
    }

    /// The text, or `""` for a checkbox.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Value::Text(s) => s,
            Value::Checked(_) => "",
        }
    }

    /// Whether nothing was entered or chosen (an unticked box counts as empty).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(s) => s.trim().is_empty(),
            Value::Checked(b) => !b,
        }
    }
}

fn code(s: &str) -> String {
    fold(s).chars().filter(|c| !c.is_whitespace()).collect()
}

/// An address as typed in a browser, reduced to what identifies the site and page.
#[must_use]
pub fn address(s: &str) -> String {
    let mut a = fold(s).replace(' ', "");
    for prefix in ["https://", "http://", "www."] {
        if let Some(rest) = a.strip_prefix(prefix) {
            a = rest.to_owned();
        }
    }
    a.trim_end_matches('/').to_owned()
}

/// A date written d/m/yyyy or dd/mm/yyyy, as (day, month, year), if it is a real calendar date.
#[must_use]
pub fn parse_date(s: &str) -> Option<(u32, u32, i32)> {
    let t = text::clean(s);
    let mut parts = t.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits =
        |p: &str, lo: usize, hi: usize| (lo..=hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(d, 1, 2) || !digits(m, 1, 2) || !digits(y, 4, 4) {
        return None;
    }
    let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((d, m, y))
}

/// A number written the Vietnamese way: `1.250,5`, `1250,5`, `8,5`, `12.505.000`. A unit typed after it
/// (`8,5 %`, `1.250,5 ha`) is ignored when it is the field's unit.
///
/// # Errors
/// [`When::DecimalPoint`] for a dot used as a decimal mark (`8.5`, `1,250.5`), [`When::Format`] for
/// anything else that is not a number, [`When::Empty`] for nothing.
pub fn parse_number(s: &str, unit: Option<&str>) -> Result<f64, When> {
    let mut t = text::clean(s);
    if let Some(unit) = unit.map(text::clean).filter(|u| !u.is_empty()) {
        let cut = t.len().saturating_sub(unit.len());
        if let (Some(head), Some(tail)) = (t.get(..cut), t.get(cut..))
            && fold(tail) == fold(&unit)
        {
            t = head.trim().to_owned();
        }
    }
    if t.is_empty() {
        return Err(When::Empty);
    }
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    if !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(When::Format);
    }
    let (int, frac) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if let Some(f) = frac {
        if f.contains('.') {
            return Err(When::DecimalPoint);
        }
        if f.is_empty() || f.contains(',') {
            return Err(When::Format);
        }
    }
    let groups: Vec<&str> = int.split('.').collect();
    let grouped = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3));
    if int.is_empty() || groups.iter().any(|g| g.is_empty() && groups.len() > 1) {
        return Err(if frac.is_none() && int.contains('.') {
            When::DecimalPoint
        } else {
            When::Format
        });
    }
    if !grouped {
        // "8.5" or "1250.5": a dot that cannot be a thousands separator is a decimal point.
        return Err(if frac.is_none() {
            When::DecimalPoint
        } else {
            When::Format
        });
    }
    let plain = format!("{}.{}", groups.concat(), frac.unwrap_or("0"));
    let n: f64 = plain.parse().map_err(|_| When::Format)?;
    Ok(if negative { -n } else { n })
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Whether two values of a field kind are the same answer (used for a case's `value`).
#[must_use]
pub fn same(kind: FieldKind, unit: Option<&str>, a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Checked(x), Value::Checked(y)) => x == y,
        (Value::Text(x), Value::Text(y)) => match kind {
            FieldKind::Text => fold(x) == fold(y),
            FieldKind::Code => code(x) == code(y),
            FieldKind::Address => address(x) == address(y),
            FieldKind::Date => match (parse_date(x), parse_date(y)) {
                (Some(p), Some(q)) => p == q,
                _ => text::clean(x) == text::clean(y),
            },
            FieldKind::Number => match (parse_number(x, unit), parse_number(y, unit)) {
                (Ok(p), Ok(q)) => same_number(p, q),
                _ => text::clean(x) == text::clean(y),
            },
            FieldKind::Password
            | FieldKind::Select
            | FieldKind::Radio
            | FieldKind::File
            | FieldKind::Checkbox => text::clean(x) == text::clean(y),
        },
        _ => false,
    }
}

/// Compares an answer with a check's expectation.
///
/// # Errors
/// The answer is wrong: `Some(kind)` when it is a wrong answer of a kind the engine recognises, `None`
/// for a plainly different answer.
pub fn judge(
    kind: FieldKind,
    unit: Option<&str>,
    value: &Value,
    expect: Option<&Expect>,
) -> Result<(), Option<When>> {
    if value.is_empty() {
        // An unticked box is right only when the check wants it unticked.
        return if matches!(expect, Some(Expect::Checked(false))) {
            Ok(())
        } else {
            Err(Some(When::Empty))
        };
    }
    let expected = match expect {
        None => return pre_check(kind, unit, value),
        Some(Expect::Checked(want)) => {
            return if *value == Value::Checked(*want) {
                Ok(())
            } else {
                Err(None)
            };
        }
        Some(Expect::Text(e)) => e,
    };
    let Value::Text(v) = value else { return Err(None) };
    match kind {
        FieldKind::Text => {
            let (v, e) = (fold(v), fold(expected));
            if v == e {
                Ok(())
            } else if without_diacritics(&v) == without_diacritics(&e) {
                Err(Some(When::Diacritics))
            } else {
                Err(None)
            }
        }
        FieldKind::Date => {
            let got = parse_date(v).ok_or(Some(When::Format))?;
            let want = parse_date(expected).ok_or(None)?;
            if got == want {
                Ok(())
            } else if got.0 != got.1 && (got.1, got.0, got.2) == want {
                Err(Some(When::Swapped))
            } else {
                Err(None)
            }
        }
        FieldKind::Number => {
            let got = parse_number(v, unit).map_err(Some)?;
            let want = parse_number(expected, unit).map_err(|_| None)?;
            if same_number(got, want) { Ok(()) } else { Err(None) }
        }
        _ => {
            if same(kind, unit, value, &Value::Text(expected.clone())) {
                Ok(())
            } else {
                Err(None)
            }
        }
    }
}

/// A filled field with no expected value is still wrong when it cannot be read (a date or a number).
fn pre_check(kind: FieldKind, unit: Option<&str>, value: &Value) -> Result<(), Option<When>> {
    match (kind, value) {
        (FieldKind::Date, Value::Text(v)) if parse_date(v).is_none() => Err(Some(When::Format)),
        (FieldKind::Number, Value::Text(v)) => parse_number(v, unit).map(|_| ()).map_err(Some),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    fn expect(s: &str) -> Expect {
        Expect::Text(s.to_owned())
    }

    #[test]
    fn names_need_diacritics_but_not_case_or_spaces_or_nfc() {
        let e = expect("Phạm Gia Bảo");
        assert_eq!(
            judge(FieldKind::Text, None, &text("  phạm   gia BẢO "), Some(&e)),
            Ok(())
        );
        // The same letters typed as base letter + combining marks (NFD).
        let nfd = "Pha\u{323}m Gia Ba\u{309}o";
        assert_eq!(judge(FieldKind::Text, None, &text(nfd), Some(&e)), Ok(()));
        assert_eq!(
            judge(FieldKind::Text, None, &text("Pham Gia Bao"), Some(&e)),
            Err(Some(When::Diacritics))
        );
        assert_eq!(
            judge(FieldKind::Text, None, &text("Phạm Gia Bão"), Some(&e)),
            Err(Some(When::Diacritics))
        );
        assert_eq!(
            judge(FieldKind::Text, None, &text("Phạm Gia Huy"), Some(&e)),
            Err(None)
        );
        assert_eq!(
            judge(FieldKind::Text, None, &text("   "), Some(&e)),
            Err(Some(When::Empty))
        );
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(parse_date("03/03/2026"), Some((3, 3, 2026)));
        assert_eq!(parse_date("3/3/2026"), Some((3, 3, 2026)));
        assert_eq!(parse_date("29/02/2026"), None);
        assert_eq!(parse_date("29/02/2024"), Some((29, 2, 2024)));
        assert_eq!(parse_date("2026-03-03"), None);
        assert_eq!(parse_date("03/03/26"), None);
        let e = expect("05/03/2026");
        assert_eq!(judge(FieldKind::Date, None, &text("5/3/2026"), Some(&e)), Ok(()));
        assert_eq!(
            judge(FieldKind::Date, None, &text("03/05/2026"), Some(&e)),
            Err(Some(When::Swapped))
        );
        assert_eq!(
            judge(FieldKind::Date, None, &text("5-3-2026"), Some(&e)),
            Err(Some(When::Format))
        );
        assert_eq!(
            judge(FieldKind::Date, None, &text("06/03/2026"), Some(&e)),
            Err(None)
        );
    }

    #[test]
    fn numbers_use_a_decimal_comma() {
        assert_eq!(parse_number("1.250,5", None), Ok(1250.5));
        assert_eq!(parse_number("1250,5", None), Ok(1250.5));
        assert_eq!(parse_number("12.505.000", None), Ok(12_505_000.0));
        assert_eq!(parse_number("8,5 %", Some("%")), Ok(8.5));
        assert_eq!(parse_number("1.250,5 ha", Some("ha")), Ok(1250.5));
        assert_eq!(parse_number("-3", None), Ok(-3.0));
        assert_eq!(parse_number("8.5", None), Err(When::DecimalPoint));
        assert_eq!(parse_number("1250.5", None), Err(When::DecimalPoint));
        assert_eq!(parse_number("1,250.5", None), Err(When::DecimalPoint));
        assert_eq!(parse_number("tám", None), Err(When::Format));
        assert_eq!(parse_number("8,", None), Err(When::Format));
        assert_eq!(parse_number("", None), Err(When::Empty));
        let e = expect("8,5");
        assert_eq!(
            judge(FieldKind::Number, Some("%"), &text("8,50"), Some(&e)),
            Ok(())
        );
        assert_eq!(
            judge(FieldKind::Number, Some("%"), &text("8.5"), Some(&e)),
            Err(Some(When::DecimalPoint))
        );
        assert_eq!(
            judge(FieldKind::Number, Some("%"), &text("85"), Some(&e)),
            Err(None)
        );
    }

    #[test]
    fn addresses_and_codes_ignore_what_a_browser_ignores() {
        let e = expect("dichvucong.gov.vn");
        for ok in [
            "dichvucong.gov.vn",
            "https://dichvucong.gov.vn/",
            "www.DichVuCong.gov.vn",
        ] {
            assert_eq!(
                judge(FieldKind::Address, None, &text(ok), Some(&e)),
                Ok(()),
                "{ok}"
            );
        }
        assert_eq!(
            judge(FieldKind::Address, None, &text("dichvucongs.top"), Some(&e)),
            Err(None)
        );
        let e = expect("036090012345");
        assert_eq!(
            judge(FieldKind::Code, None, &text("036 090 012 345"), Some(&e)),
            Ok(())
        );
        assert_eq!(
            judge(FieldKind::Code, None, &text("036090012346"), Some(&e)),
            Err(None)
        );
    }

    #[test]
    fn passwords_are_exact() {
        let e = expect("Duc@2026");
        assert_eq!(
            judge(FieldKind::Password, None, &text("Duc@2026"), Some(&e)),
            Ok(())
        );
        for wrong in ["duc@2026", "Duc@ 2026", "Duc2026"] {
            assert_eq!(
                judge(FieldKind::Password, None, &text(wrong), Some(&e)),
                Err(None),
                "{wrong}"
            );
        }
        assert_eq!(
            judge(FieldKind::Password, None, &text(""), Some(&e)),
            Err(Some(When::Empty))
        );
    }

    #[test]
    fn checkboxes_and_filled_fields() {
        let yes = Expect::Checked(true);
        assert_eq!(
            judge(FieldKind::Checkbox, None, &Value::Checked(true), Some(&yes)),
            Ok(())
        );
        assert_eq!(
            judge(FieldKind::Checkbox, None, &Value::Checked(false), Some(&yes)),
            Err(Some(When::Empty))
        );
        let no = Expect::Checked(false);
        assert_eq!(
            judge(FieldKind::Checkbox, None, &Value::Checked(false), Some(&no)),
            Ok(())
        );
        assert_eq!(
            judge(FieldKind::Checkbox, None, &Value::Checked(true), Some(&no)),
            Err(None)
        );
        assert_eq!(judge(FieldKind::Text, None, &text("bất kỳ"), None), Ok(()));
        assert_eq!(
            judge(FieldKind::Text, None, &text(""), None),
            Err(Some(When::Empty))
        );
        assert_eq!(
            judge(FieldKind::Date, None, &text("hôm nay"), None),
            Err(Some(When::Format))
        );
    }
}
