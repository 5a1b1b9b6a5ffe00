//! Certificates: one A4 page per learner with a completed module, read back with `pdftotext`
//! (poppler) when it is installed: names exactly as typed (NFC, every diacritic), unit, modules,
//! issue date, certificate code.

use std::process::Command;

use crate::export_fixture::{A, B, C, NAME_A, NAME_B, NAME_C, NAME_D, event_id, events, roster};
use chrono::NaiveDate;
use kynangso::export::pdf::{certificate_code, certificates, to_certificates};
use kynangso::i18n::{I18n, Lang};

fn issued() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// The text of each page, or `None` (with a note) where poppler's tools are not installed.
fn pdf_pages(bytes: &[u8]) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("certificates.pdf");
    std::fs::write(&path, bytes).unwrap();
    let output = match Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            eprintln!("note: pdftotext not available ({e}); PDF text not checked");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    // pdftotext ends each page with a form feed.
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    Some(pages)
}

#[test]
fn one_certificate_page_per_learner_with_a_completed_module() {
    let rows = roster();
    let events = events();
    let mut calls = Vec::new();
    let bytes = to_certificates(&rows, &events, issued(), &I18n::new(Lang::Vi), &mut |d, t| {
        calls.push((d, t))
    })
    .unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(calls.first(), Some(&(0, 3)));
    assert_eq!(calls.last(), Some(&(3, 3)));

    let certs = certificates(&rows, &events);
    assert_eq!(certs.iter().map(|c| c.learner).collect::<Vec<_>>(), [A, B, C]);

    let Some(pages) = pdf_pages(&bytes) else {
        return;
    };
    assert_eq!(pages.len(), 3, "{pages:#?}");
    for (page, (cert, name)) in pages.iter().zip(certs.iter().zip([NAME_A, NAME_B, NAME_C])) {
        assert!(page.contains("GIẤY CHỨNG NHẬN"), "{page}");
        assert!(page.contains("Hoàn thành chương trình Kỹ Năng Số"), "{page}");
        assert!(page.contains(name), "{name} missing from {page}");
        assert!(page.contains("Ngày cấp: 27/11/2026"), "{page}");
        assert!(page.contains(&format!("Mã chứng nhận: {}", cert.code)), "{page}");
    }
    // B's name and unit were NFD in the roster; the page has the NFC letters.
    assert!(pages[1].contains("Đơn vị: Phường Bến Nghé"), "{}", pages[1]);
    assert!(
        pages[1].contains("Chức vụ: Chủ tịch UBND phường"),
        "line break becomes a space"
    );
    assert!(pages[0].contains("Đơn vị: Xã Tân Lập, huyện Đan Phượng"));
    // A's table: both completed modules with score and local completion date; not the open one.
    assert!(
        pages[0].contains("Hệ thống thông tin báo cáo (phiên bản 1) 90/100 20/11/2026"),
        "{}",
        pages[0]
    );
    assert!(pages[0].contains("100/100 26/11/2026"), "{}", pages[0]);
    assert!(!pages[0].contains("Thanh toán"), "in progress, not certified");
    assert!(
        pages.iter().all(|p| !p.contains(NAME_D)),
        "no completed module, no certificate"
    );
}

#[test]
fn certificate_code_covers_the_learner_and_their_completions() {
    let certs = certificates(&roster(), &events());
    // A completed module 1 (event 9) and, through the merged profile E, module 2 (event 11).
    assert_eq!(certs[0].code, certificate_code(A, &[event_id(11), event_id(9)]));
    assert_eq!(certs[1].code, certificate_code(B, &[event_id(14)]));
    assert_eq!(certs[2].code, certificate_code(C, &[event_id(17)]));
    let codes: std::collections::HashSet<_> = certs.iter().map(|c| c.code.clone()).collect();
    assert_eq!(codes.len(), 3);
}

#[test]
fn english_certificates_and_an_empty_roster() {
    let bytes = to_certificates(
        &roster(),
        &events(),
        issued(),
        &I18n::new(Lang::En),
        &mut |_, _| {},
    )
    .unwrap();
    if let Some(pages) = pdf_pages(&bytes) {
        assert!(pages[0].contains("CERTIFICATE"));
        assert!(pages[0].contains(NAME_A));
    }
    let empty = to_certificates(&[], &Vec::new(), issued(), &I18n::new(Lang::Vi), &mut |_, _| {});
    assert!(empty.is_ok(), "an empty document still writes");
}
