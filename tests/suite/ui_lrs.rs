//! "Gửi dữ liệu về LRS" through the real UI (no GPU), against an LRS in the test process: the settings
//! typed and saved (the password apart, never in `lrs.json`), "Kiểm tra kết nối" showing the LRS's xAPI
//! version, "Gửi ngay" updating the status line, a refused password named, and automatic sending after a
//! new record.

use std::path::Path;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::learning::NewLearner;
use kynangso::records::EventKind;
use kynangso::trainer::pin::Cost;

use crate::common::{catalog, click, harness_on, type_into, type_into_role};
use crate::lrs_fake::{FakeLrs, journal};

type H = Harness<'static, App>;

fn harness(data_dir: &Path) -> H {
    let mut app = App::new(catalog(), data_dir.to_path_buf());
    app.trainer.pin_cost = Cost::TESTS_ONLY;
    harness_on(app, [1400.0, 1800.0])
}

fn has(h: &H, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// Steps frames until `text` shows (a worker thread is busy), for at most 30 s. Frames are stepped one
/// by one: the worker's answer wakes the window in the middle of a run.
fn wait_for_text(h: &mut H, text: &str) {
    for _ in 0..1500 {
        h.step();
        if has(h, text) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let page = &h.state().trainer.lrs;
    panic!(
        "never shown: {text}; endpoint {:?}, notice {:?}, busy {}",
        page.endpoint,
        page.notice,
        page.busy()
    );
}

/// Steps frames until no job runs.
fn wait_idle(h: &mut H) {
    for _ in 0..1500 {
        h.step();
        if !h.state().trainer.lrs.busy() {
            h.step();
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the job never ended");
}

/// Clicks a button that starts a job (no settling run after it: the job wakes the window, maybe in the
/// middle of a run).
fn press(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).scroll_to_me();
    h.step();
    h.get_by_role_and_label(Role::Button, label).click();
    h.step();
}

/// Sets the PIN (or gives it, the second time) and opens the LRS page.
fn open_page(h: &mut H) {
    click(h, Role::Button, "Giảng viên");
    if has(h, "Mã PIN mới") {
        type_into_role(h, Role::PasswordInput, "Mã PIN mới", "246813");
        type_into_role(h, Role::PasswordInput, "Nhập lại mã PIN mới", "246813");
        press(h, "Lưu mã PIN");
    } else {
        type_into_role(h, Role::PasswordInput, "Mã PIN", "246813");
        press(h, "Mở khu vực giảng viên");
    }
    // The PIN is hashed or checked on a worker: frames one by one until it answers.
    for _ in 0..1500 {
        h.step();
        if h.state().trainer.unlocked && !h.state().trainer.checking_pin() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    for _ in 0..3 {
        h.step();
    }
    // Opening the page counts what waits on a worker: no settling run after this click.
    h.get_by_role_and_label(Role::Button, "Gửi dữ liệu về LRS")
        .click();
    h.step();
    h.step();
    assert!(has(h, "Địa chỉ LRS"));
}

fn fill(h: &mut H, url: &str, password: &str) {
    type_into(h, "Địa chỉ LRS", url);
    type_into(h, "Tên đăng nhập (khóa)", "xa-tan-hoa");
    type_into_role(h, Role::PasswordInput, "Mật khẩu (bí mật)", password);
}

#[test]
fn check_then_send_now_updates_the_status() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 3);
    let lrs = FakeLrs::start(|_| None);
    let mut h = harness(dir.path());
    open_page(&mut h);
    fill(&mut h, &lrs.url, "bí-mật-123");
    press(&mut h, "Kiểm tra kết nối");
    wait_for_text(&mut h, "LRS dùng xAPI phiên bản 1.0.3");

    press(&mut h, "Gửi ngay");
    wait_for_text(&mut h, "Đã gửi 9 · Đang chờ 0 · Lần gửi cuối");
    assert_eq!(lrs.stored().len(), 9);

    let saved = std::fs::read_to_string(dir.path().join("lrs.json")).unwrap();
    assert!(
        saved.contains(&lrs.url) && saved.contains("xa-tan-hoa"),
        "{saved}"
    );
    assert!(!saved.contains("bí-mật-123"), "the secret is not in lrs.json");
    assert_eq!(kynangso::lrs::config::load_secret(dir.path()), "bí-mật-123");

    // Reopened, the page remembers everything and counts again from the ledger.
    drop(h);
    let mut h = harness(dir.path());
    open_page(&mut h);
    wait_for_text(&mut h, "Đã gửi 9 · Đang chờ 0");
    assert_eq!(h.state().trainer.lrs.password, "bí-mật-123");
}

#[test]
fn a_refused_password_and_a_wrong_address_are_named() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 2);
    let lrs = FakeLrs::start(|seen| seen.path.contains("statements").then(|| (401, String::new())));
    let mut h = harness(dir.path());
    open_page(&mut h);
    fill(&mut h, &lrs.url, "sai");
    press(&mut h, "Kiểm tra kết nối");
    wait_for_text(&mut h, "LRS không chấp nhận tên đăng nhập hoặc mật khẩu");
    press(&mut h, "Gửi ngay");
    wait_idle(&mut h);
    assert!(has(&h, "Đã gửi 0 · Đang chờ 6"));
    assert!(has(&h, "Lỗi: LRS không chấp nhận"));

    type_into(&mut h, "Địa chỉ LRS", "lrs.tinh.gov.vn");
    assert_eq!(h.state().trainer.lrs.endpoint, "lrs.tinh.gov.vn");
    press(&mut h, "Kiểm tra kết nối");
    wait_for_text(&mut h, "Địa chỉ LRS không đúng");
}

#[test]
fn automatic_sending_follows_new_records() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 1);
    let lrs = FakeLrs::start(|_| None);
    let mut h = harness(dir.path());
    open_page(&mut h);
    fill(&mut h, &lrs.url, "p");
    h.get_by_role_and_label(Role::CheckBox, "Tự động gửi khi có mạng")
        .click();
    h.step();
    wait_for_text(&mut h, "Đã gửi 3 · Đang chờ 0");
    assert!(kynangso::lrs::config::LrsConfig::load(dir.path()).auto);

    // A new record anywhere in the app: the worker sends it without a click.
    let module = catalog().modules[0].meta.id.clone();
    let records = h.state_mut().records.as_mut().unwrap();
    let learner = records
        .add_learner(NewLearner::parse("Lê Văn Mới", "Xã Tân Hòa", "").unwrap())
        .unwrap();
    records
        .record(learner, EventKind::ModuleCompleted { module })
        .unwrap();
    wait_for_text(&mut h, "Đã gửi 4 · Đang chờ 0");
    assert_eq!(lrs.stored().len(), 4);
}

#[test]
fn automatic_sending_tries_again_after_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    journal(dir.path(), 1);
    // The first push's three tries fail; the next push, after the wait, gets through.
    let lrs = FakeLrs::start(|seen| (seen.method == "POST" && seen.posts < 3).then(|| (503, String::new())));
    let mut h = harness(dir.path());
    h.state_mut().trainer.lrs.first_backoff = Some(Duration::from_millis(200));
    open_page(&mut h);
    fill(&mut h, &lrs.url, "p");
    h.get_by_role_and_label(Role::CheckBox, "Tự động gửi khi có mạng")
        .click();
    h.step();
    wait_for_text(&mut h, "Lỗi: LRS đang gặp lỗi (mã 503)");
    wait_for_text(&mut h, "Đã gửi 3 · Đang chờ 0");
    assert_eq!(
        lrs.log.lock().unwrap().posts.len(),
        4,
        "no new record was needed for the second push"
    );
}
