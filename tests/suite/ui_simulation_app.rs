//! A practice simulation played inside the app as a learner: started from the module page, finished
//! without a mistake, recorded in the journal, shown as done on the module page — and still done after a
//! restart on the same data folder.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use kynangso::app::App;
use kynangso::command::Screen;
use kynangso::records::EventKind;

use crate::common;

use crate::common::{click, press, type_into};

fn harness(data_dir: &Path) -> Harness<'static, App> {
    common::app_harness(data_dir, [1300.0, 900.0])
}

const TITLE_PREFIX: &str = "Bắt đầu thực hành: ";

#[test]
fn payment_simulation_is_recorded_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    common::start_adding_learner(&mut h);
    type_into(&mut h, "Họ và tên", "Nguyễn Thị Thu");
    click(&mut h, Role::Button, "Lưu và bắt đầu học");
    h.state_mut().open(Screen::Module(2));
    h.run();
    let title = h.state().catalog.modules[2].simulations[0].title.clone();
    click(&mut h, Role::Button, &format!("{TITLE_PREFIX}{title}"));
    assert!(matches!(
        h.state().screen,
        Screen::Simulation { module: 2, sim: 0 }
    ));

    type_into(&mut h, "Địa chỉ trang web", "https://dichvucong.gov.vn/");
    press(&mut h, "Mở trang");
    press(&mut h, "Đăng nhập bằng tài khoản VNeID của tôi");
    press(&mut h, "Quản lý hồ sơ");
    click(&mut h, Role::RadioButton, "Hồ sơ G37-260312-0107");
    press(&mut h, "Mở yêu cầu thanh toán");
    press(&mut h, "Thanh toán");
    click(&mut h, Role::RadioButton, "Quét mã QR bằng ứng dụng ngân hàng");
    press(&mut h, "Tiếp tục");
    click(&mut h, Role::RadioButton, "Khớp");
    click(&mut h, Role::RadioButton, "Một cơ quan nhà nước");
    press(&mut h, "Tiếp tục xác nhận");
    press(&mut h, "Không bấm, xóa tin nhắn, quay lại ứng dụng ngân hàng");
    type_into(&mut h, "Nhập mã OTP trong ứng dụng ngân hàng", "482 913");
    press(&mut h, "Xác nhận thanh toán");
    press(&mut h, "Về danh sách hồ sơ");
    click(&mut h, Role::RadioButton, "Đã thanh toán");
    press(&mut h, "Mở");
    type_into(
        &mut h,
        "Tên tệp biên lai khi lưu về máy",
        "bien-lai-chung-thuc-12-03-2026",
    );
    press(&mut h, "Tải biên lai điện tử");
    assert!(h.state().sim.as_ref().unwrap().run.finished());
    h.get_by_label_contains("Tổng số lỗi: 0");

    let recorded = h.state().records.as_ref().unwrap().read_events().unwrap().iter().any(|e| {
        matches!(&e.kind, Some(EventKind::SimulationCompleted { module, mistakes: 0, .. }) if module == "thanh-toan")
    });
    assert!(recorded);

    press(&mut h, "Quay lại học phần");
    assert_eq!(h.state().screen, Screen::Module(2));
    h.get_by_label("Đã hoàn thành");

    drop(h);
    let mut h = harness(dir.path());
    click(&mut h, Role::Button, "Nguyễn Thị Thu");
    h.state_mut().open(Screen::Module(2));
    h.run();
    h.get_by_label("Đã hoàn thành");
}
