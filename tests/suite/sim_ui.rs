//! The practice simulations through the real learner's view (no GPU): each is completed by typing,
//! choosing and clicking as a learner would, makes every trap's mistake once and a few typical wrong
//! answers, sees the feedback, and ends on the summary. Each runs side by side at 100 % text size and
//! stacked at 200 %, and a keyboard-only walk checks Tab / Enter / Space.

use crate::common::{click, press, type_into, type_into_role};
use std::time::Instant;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use kynangso::i18n::{I18n, Lang};
use kynangso::settings::Theme;
use kynangso::sim::model::Scenario;
use kynangso::sim::walk;
use kynangso::sim::{SimRun, Step};
use kynangso::ui::simulation::{SimOutcome, run_ui as show};

const BANNER: &str = "Mô phỏng — không phải trang thật";

struct State {
    run: SimRun,
    t: I18n,
    started: Instant,
    outcomes: Vec<SimOutcome>,
}

type H = Harness<'static, State>;

fn scenario(id: &str) -> Scenario {
    let catalog = kynangso::content::embedded().unwrap();
    catalog
        .modules
        .iter()
        .flat_map(|m| m.simulations.iter())
        .find(|s| s.id == id)
        .unwrap()
        .clone()
}

fn harness_with(run: SimRun, large_text: bool) -> H {
    let state = State {
        run,
        t: I18n::new(Lang::Vi),
        started: Instant::now(),
        outcomes: Vec::new(),
    };
    // The harness size is in points. 200 % text on a common 1366 × 768 laptop leaves 683 × 384 points
    // (the app's text size is egui's zoom factor): the layout must stack and scroll.
    let size = if large_text {
        [683.0, 384.0]
    } else {
        [1280.0, 1000.0]
    };
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .with_context_setup(move |ctx| {
            kynangso::ui::theme::install_fonts(ctx);
            if large_text {
                kynangso::ui::theme::apply(ctx, Theme::Light, 200);
            }
        })
        .build_ui_state(
            |ui, s: &mut State| {
                if let Some(outcome) = show(ui, &mut s.run, &s.t, s.started) {
                    s.outcomes.push(outcome);
                }
            },
            state,
        );
    h.run();
    h
}

fn harness(id: &str, large_text: bool) -> H {
    harness_with(SimRun::new(&scenario(id)), large_text)
}

fn screen(h: &H) -> String {
    h.state().run.screen().id.clone()
}

fn see(h: &H, text: &str) {
    assert!(
        h.query_all_by_label_contains(text).next().is_some(),
        "not on screen: {text:?} (screen {})",
        screen(h)
    );
}

fn choose(h: &mut H, option: &str) {
    click(h, Role::RadioButton, option);
}

fn select(h: &mut H, field: &str, option: &str) {
    click(h, Role::ComboBox, field);
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

/// Nothing sticks out past the right edge of the window: at 200 % text size the layout must wrap.
fn fits_width(h: &H) {
    let width = h.ctx.content_rect().width();
    for node in h.root().children_recursive() {
        let Some(rect) = node.accesskit_node().bounding_box() else {
            continue;
        };
        let right = rect.x1 as f32 / h.ctx.pixels_per_point();
        assert!(
            right <= width + 1.0,
            "{node:?} ends at {right} > {width} on screen {}",
            screen(h)
        );
    }
}

/// Presses an action that must lead to another screen, which carries the simulation banner.
fn advance(h: &mut H, label: &str) {
    let before = screen(h);
    press(h, label);
    assert_ne!(
        screen(h),
        before,
        "{label:?} did not move on; feedback: {:?}",
        h.state().run.last_mistakes()
    );
    see(h, BANNER);
    fits_width(h);
}

/// Makes a trap's mistake once and checks its feedback is shown.
fn trap(h: &mut H, label: &str) {
    let before = screen(h);
    let feedback = {
        let run = &h.state().run;
        let action = run.screen().actions.iter().find(|a| a.label == label).unwrap();
        action.trap.as_ref().unwrap().feedback.clone()
    };
    press(h, label);
    assert_eq!(screen(h), before, "a trap keeps the learner on the screen");
    see(h, &feedback);
}

fn traps_in(h: &H) -> usize {
    h.state()
        .run
        .scenario()
        .screens
        .iter()
        .flat_map(|s| &s.actions)
        .filter(|a| a.trap.is_some())
        .count()
}

/// The end: every trap was made once, the summary shows the count and the rules, the outcome was
/// reported once, and "Quay lại học phần" leaves.
fn finish(h: &mut H, mistakes: usize) {
    let run = &h.state().run;
    assert!(run.finished());
    let trap_mistakes = run.mistakes().iter().filter(|m| m.is_trap()).count();
    assert_eq!(trap_mistakes, traps_in(h), "every trap made once");
    assert_eq!(run.mistakes().len(), mistakes);
    see(h, "Hoàn thành bài thực hành");
    see(h, &format!("Tổng số lỗi: {mistakes}"));
    see(h, "Thời gian làm bài:");
    let rules: Vec<String> = run
        .mistakes()
        .iter()
        .map(|m| format!("Quy tắc: {}", m.rule))
        .collect();
    for rule in &rules {
        see(h, rule);
    }
    assert!(
        matches!(h.state().outcomes.as_slice(), [SimOutcome::Finished { mistakes: m, .. }] if *m == mistakes)
    );
    press(h, "Quay lại học phần");
    assert_eq!(h.state().outcomes.last(), Some(&SimOutcome::Left));
}

fn birth(large_text: bool) {
    let mut h = harness("khai-sinh-lien-thong", large_text);
    see(&h, BANNER);
    see(&h, "Hoàng Ngọc Ánh"); // the task card beside (or above) the imitation
    trap(
        &mut h,
        "dichvucong-gov.top: Đăng ký khai sinh online nhanh, có người làm hộ",
    );
    type_into(&mut h, "Địa chỉ trang web", "dichvucongs.top");
    press(&mut h, "Mở trang");
    see(&h, "\"dichvucongs.top\" là trang giả");
    type_into(&mut h, "Địa chỉ trang web", "dichvucong.gov.vn");
    advance(&mut h, "Mở trang");

    choose(&mut h, "Tài khoản định danh điện tử VNeID");
    type_into(&mut h, "Số định danh cá nhân", "036 090 012 345");
    // The password box is a hidden one (found by its role) and compares exactly: a lower-case first
    // letter is refused.
    type_into_role(&mut h, Role::PasswordInput, "Mật khẩu VNeID", "duc@2026");
    press(&mut h, "Đăng nhập");
    see(&h, "Mật khẩu chưa đúng");
    type_into_role(&mut h, Role::PasswordInput, "Mật khẩu VNeID", "Duc@2026");
    advance(&mut h, "Đăng nhập");

    trap(&mut h, "Đọc mã xác thực cho người gọi");
    advance(&mut h, "Từ chối cuộc gọi, bấm Xác nhận trong ứng dụng");
    trap(&mut h, "Đăng ký khai sinh");
    advance(&mut h, "Dịch vụ công liên thông khai sinh, khai tử");
    choose(
        &mut h,
        "Khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
    );
    advance(&mut h, "Tiếp tục");

    // The form: a name typed without diacritics and a date with day and month swapped.
    press(&mut h, "Gợi ý");
    see(&h, "Lấy từng thông tin trên thẻ nhiệm vụ");
    type_into(&mut h, "Họ, chữ đệm, tên của trẻ *", "Hoang Ngoc Anh");
    choose(&mut h, "Nữ");
    type_into(&mut h, "Ngày, tháng, năm sinh *", "03/02/2026");
    select(&mut h, "Nơi sinh *", "Bệnh viện Sản – Nhi tỉnh Ninh Bình");
    select(&mut h, "Quê quán *", "Xã Yên Khánh, tỉnh Ninh Bình");
    select(&mut h, "Dân tộc *", "Kinh");
    select(&mut h, "Quốc tịch *", "Việt Nam");
    press(&mut h, "Tiếp tục");
    see(&h, "Tên gõ thiếu dấu hoặc sai dấu");
    see(&h, "Ngày và tháng bị đảo");
    type_into(&mut h, "Họ, chữ đệm, tên của trẻ *", "Hoàng Ngọc Ánh");
    type_into(&mut h, "Ngày, tháng, năm sinh *", "02/03/2026");
    advance(&mut h, "Tiếp tục");

    type_into(&mut h, "Họ, chữ đệm, tên của mẹ *", "Ngô Thị Hạnh");
    type_into(&mut h, "Số định danh cá nhân của mẹ *", "036192008765");
    advance(&mut h, "Tiếp tục");

    trap(&mut h, "Tải lên ảnh bản photo công chứng giấy chứng sinh");
    click(
        &mut h,
        Role::CheckBox,
        "Tôi đã đối chiếu: dữ liệu giấy chứng sinh khớp với tờ khai",
    );
    advance(&mut h, "Tiếp tục");

    choose(&mut h, "Nơi khác với nơi thường trú của cha mẹ");
    choose(&mut h, "giay-to-cu-tru.jpg");
    choose(&mut h, "Bản điện tử trên Cổng và ứng dụng VNeID");
    advance(&mut h, "Xem lại tờ khai");
    see(&h, "036192008765");
    advance(&mut h, "Gửi hồ sơ");

    type_into(
        &mut h,
        "Chép lại mã hồ sơ vào sổ (gõ lại mã ở đây)",
        "G37-260310-0042",
    );
    advance(&mut h, "Đã ghi mã hồ sơ");
    trap(&mut h, "Để khi nào rảnh sẽ xem");
    advance(&mut h, "Tự mở Cổng Dịch vụ công, vào hồ sơ của mình");

    // Answering in time: 7 working days, not 7 calendar days.
    trap(&mut h, "Nộp một hồ sơ mới");
    type_into(&mut h, "Hạn cuối để bổ sung (tự tính ra ngày)", "17/03/2026");
    press(&mut h, "Bổ sung vào hồ sơ này");
    see(&h, "Đó là 7 ngày theo lịch");
    type_into(&mut h, "Hạn cuối để bổ sung (tự tính ra ngày)", "19/03/2026");
    advance(&mut h, "Bổ sung vào hồ sơ này");
    choose(&mut h, "giay-to-cu-tru-2-trang.jpg");
    advance(&mut h, "Gửi bổ sung");
    see(&h, "trong hạn 7 ngày làm việc");
    // 6 traps; the look-alike address, the password, the name, the date and the deadline.
    finish(&mut h, 11);
}

fn payment(large_text: bool) {
    let mut h = harness("thanh-toan-le-phi", large_text);
    see(&h, BANNER);
    trap(&mut h, "dichvucongg.top: Nộp phí, lệ phí dịch vụ công nhanh");
    type_into(&mut h, "Địa chỉ trang web", "https://dichvucong.gov.vn/");
    advance(&mut h, "Mở trang");
    trap(&mut h, "Dùng tài khoản VNeID của cháu đã lưu sẵn");
    advance(&mut h, "Đăng nhập bằng tài khoản VNeID của tôi");
    trap(&mut h, "Nộp hồ sơ mới");
    advance(&mut h, "Quản lý hồ sơ");

    choose(&mut h, "Hồ sơ G37-260305-0021");
    press(&mut h, "Mở yêu cầu thanh toán");
    see(&h, "Mở nhầm hồ sơ");
    choose(&mut h, "Hồ sơ G37-260312-0107");
    advance(&mut h, "Mở yêu cầu thanh toán");
    see(&h, "20.000 đồng");
    advance(&mut h, "Thanh toán");
    choose(&mut h, "Quét mã QR bằng ứng dụng ngân hàng");
    advance(&mut h, "Tiếp tục");

    // In the bank app: read the amount and the beneficiary.
    choose(&mut h, "Khớp");
    choose(&mut h, "Một cơ quan nhà nước");
    advance(&mut h, "Tiếp tục xác nhận");

    // The look-alike SMS link must be refused.
    see(&h, "Tin nhắn SMS từ DVC-ThanhToan");
    trap(&mut h, "dichvucongs.top/xacnhan");
    trap(&mut h, "Trả lời tin nhắn để hỏi lại");
    advance(&mut h, "Không bấm, xóa tin nhắn, quay lại ứng dụng ngân hàng");

    // The OTP goes into one's own bank app only.
    trap(&mut h, "Đọc mã OTP cho người gọi");
    type_into(&mut h, "Nhập mã OTP trong ứng dụng ngân hàng", "482 913");
    advance(&mut h, "Xác nhận thanh toán");
    see(&h, "Kết quả giao dịch thành công");
    trap(&mut h, "Thanh toán lại lần nữa cho chắc");
    advance(&mut h, "Về danh sách hồ sơ");
    choose(&mut h, "Đã thanh toán");
    advance(&mut h, "Mở");
    type_into(
        &mut h,
        "Tên tệp biên lai khi lưu về máy",
        "bien-lai-chung-thuc-12-03-2026",
    );
    advance(&mut h, "Tải biên lai điện tử");
    see(&h, "Đã tải biên lai điện tử về máy.");
    // 7 traps; the wrong dossier.
    finish(&mut h, 8);
}

fn report(large_text: bool) {
    let mut h = harness("bao-cao-thang", large_text);
    see(&h, BANNER);
    trap(&mut h, "Đăng nhập nhờ tài khoản của xã bên cho nhanh");
    type_into(&mut h, "Tên đăng nhập", "ubnd.yenkhanh");
    // Capital letters count in a password.
    type_into_role(&mut h, Role::PasswordInput, "Mật khẩu", "yenkhanh#2026");
    press(&mut h, "Đăng nhập");
    see(&h, "Thiếu chữ hoa");
    type_into_role(&mut h, Role::PasswordInput, "Mật khẩu", "YenKhanh#2026");
    advance(&mut h, "Đăng nhập");

    choose(&mut h, "Báo cáo kinh tế – xã hội tháng 2/2026 (đã gửi)");
    press(&mut h, "Mở báo cáo");
    see(&h, "Đó là báo cáo tháng 2");
    choose(
        &mut h,
        "Báo cáo kinh tế – xã hội tháng 3/2026 (hạn gửi 18/03/2026)",
    );
    advance(&mut h, "Mở báo cáo");

    // The calendar month instead of the 15 → 14 window.
    type_into(&mut h, "Chốt số liệu từ ngày", "01/03/2026");
    type_into(&mut h, "Đến ngày", "31/03/2026");
    press(&mut h, "Tiếp tục");
    see(&h, "Đó là đầu tháng dương lịch");
    see(&h, "Đó là cuối tháng dương lịch");
    type_into(&mut h, "Chốt số liệu từ ngày", "15/02/2026");
    type_into(&mut h, "Đến ngày", "14/03/2026");
    advance(&mut h, "Tiếp tục");

    // Decimal points, and an event after the 14th counted.
    type_into(&mut h, "Diện tích lúa đông xuân đã gieo cấy", "1250.5");
    type_into(&mut h, "Tỷ lệ hộ dùng thanh toán không dùng tiền mặt", "8.5");
    type_into(&mut h, "Số hộ kinh doanh đăng ký mới trong kỳ", "4");
    press(&mut h, "Lưu nháp");
    see(&h, "Số thập phân phải viết bằng dấu phẩy");
    see(&h, "Viết 8,5 với dấu phẩy");
    see(&h, "Hộ đăng ký ngày 20/03 đã qua ngày chốt");
    type_into(&mut h, "Diện tích lúa đông xuân đã gieo cấy", "1.250,5");
    type_into(&mut h, "Tỷ lệ hộ dùng thanh toán không dùng tiền mặt", "8,5");
    type_into(&mut h, "Số hộ kinh doanh đăng ký mới trong kỳ", "3");
    advance(&mut h, "Lưu nháp");

    trap(&mut h, "Gửi ngay, không cần trình ký");
    choose(&mut h, "giai-trinh-thang-3-2026.pdf");
    advance(&mut h, "Trình lãnh đạo ký số");
    trap(&mut h, "Lấy USB ký số, ký hộ anh Tuấn");
    advance(&mut h, "Gọi báo anh Tuấn, chờ anh tự ký số");
    advance(&mut h, "Gửi báo cáo");

    // The report comes back: read the comment, correct, sign again, resend before the deadline.
    trap(&mut h, "Gửi lại ngay, chưa cần đọc ý kiến");
    advance(&mut h, "Mở báo cáo bị trả lại");
    see(&h, "Thôn Bắc có 2 hộ đăng ký");
    trap(&mut h, "Lưu rồi gửi luôn, không ký lại");
    type_into(
        &mut h,
        "Số hộ kinh doanh đăng ký mới trong kỳ (sau khi rà soát)",
        "5",
    );
    type_into(
        &mut h,
        "Ghi vào sổ theo dõi: lý do bị trả lại",
        "Thiếu hộ thôn Bắc ngày 12/03; kỳ tháng tính từ 15 đến 14.",
    );
    press(&mut h, "Lưu nháp và trình ký lại");
    see(&h, "Hộ đăng ký ngày 16/03 đã qua ngày chốt 14/03");
    type_into(
        &mut h,
        "Số hộ kinh doanh đăng ký mới trong kỳ (sau khi rà soát)",
        "4",
    );
    advance(&mut h, "Lưu nháp và trình ký lại");
    trap(&mut h, "Để 19/03/2026 gửi cùng báo cáo khác");
    advance(&mut h, "Gửi lại ngay");
    see(&h, "trong hạn");
    // "Đã gửi" is not the end: follow the report until the receiver accepts it.
    trap(&mut h, "Ghi sổ là đã hoàn thành, không cần xem lại");
    advance(&mut h, "Sáng hôm sau, mở lại danh sách báo cáo xem trạng thái");
    see(&h, "Nơi nhận đã chấp nhận");
    // 7 traps; the password, the wrong period, both window dates, the three figures and the recount.
    finish(&mut h, 15);
}

fn vneid(large_text: bool) {
    let mut h = harness("vneid-muc-do-2", large_text);
    see(&h, BANNER);
    trap(&mut h, "Nhờ con trai mang thẻ của chị đi làm hộ, chị ở nhà");
    click(&mut h, Role::CheckBox, "Đưa thẻ căn cước của chị cho cán bộ");
    type_into(&mut h, "Số điện thoại nhận tin nhắn", "0987 654 321");
    press(&mut h, "Để cán bộ chụp ảnh chân dung và thu nhận vân tay");
    see(&h, "Đó là số của con trai chị");
    type_into(&mut h, "Số điện thoại nhận tin nhắn", "0912 345 678");
    advance(&mut h, "Để cán bộ chụp ảnh chân dung và thu nhận vân tay");

    see(&h, "Mã kích hoạt: 483920");
    trap(&mut h, "Tải VNeID bản mới (đường dẫn trong Zalo)");
    advance(&mut h, "Tự mở CH Play để cài VNeID");
    type_into(&mut h, "Tìm ứng dụng", "vneid");
    advance(&mut h, "Tìm");
    trap(
        &mut h,
        "Cài \"Kích hoạt VNeID nhanh\", nhà phát triển cá nhân: xin quyền đọc tin nhắn SMS để tự điền mã",
    );
    advance(
        &mut h,
        "Cài \"VNeID\", nhà phát triển: Trung tâm dữ liệu quốc gia về dân cư (Bộ Công an)",
    );

    trap(&mut h, "Đọc mã kích hoạt cho người gọi");
    type_into(&mut h, "Số định danh cá nhân", "036 174 005 678");
    type_into(&mut h, "Mã kích hoạt trong tin nhắn", "483920");
    type_into_role(&mut h, Role::PasswordInput, "Đặt mật khẩu", "Hong#Lua2026");
    advance(&mut h, "Cúp máy, tự bấm Kích hoạt");
    see(&h, "Kích hoạt thành công");
    advance(&mut h, "Mở trình duyệt trên máy tính");

    type_into(&mut h, "Địa chỉ trang web", "dichvucong.gov.vn");
    advance(&mut h, "Mở trang");
    choose(&mut h, "Tài khoản định danh điện tử (VNeID)");
    choose(&mut h, "Quét mã QR bằng ứng dụng VNeID");
    advance(&mut h, "Tiếp tục");
    advance(&mut h, "Mở VNeID trên điện thoại, quét mã QR");
    advance(&mut h, "Xác nhận");
    press(&mut h, "Bắt đầu tìm thủ tục");
    see(&h, "xem tên chủ tài khoản");
    click(
        &mut h,
        Role::CheckBox,
        "Tôi đã xem: tên chủ tài khoản đúng là tên tôi",
    );
    advance(&mut h, "Bắt đầu tìm thủ tục");
    // 4 traps; the son's number and the unticked name check.
    finish(&mut h, 6);
}

fn phone_day(large_text: bool) {
    let mut h = harness("mot-ngay-voi-dien-thoai", large_text);
    see(&h, BANNER);
    for (wrong, right) in [
        (
            [
                "Đường dẫn: xác minh tài khoản ngay",
                "Nhắn lại số tài khoản để họ kiểm tra",
            ]
            .as_slice(),
            "Không bấm; tự mở ứng dụng ngân hàng hoặc gọi số in trên thẻ để hỏi",
        ),
        (
            ["dichvucongs.top/tracuu", "Chuyển khoản nộp phạt ngay cho xong"].as_slice(),
            "Không bấm; nếu muốn kiểm tra thì tự gõ dichvucong.gov.vn",
        ),
        (
            [
                "Chuyển 22.000 đồng, phí nhỏ thôi",
                "Bấm đường dẫn Zalo để cài VNeID bản mới",
            ]
            .as_slice(),
            "Nói sẽ tự đến công an xã, cúp máy, rồi đến hỏi công an xã",
        ),
        (
            ["Xóa đi, tin nào về hồ sơ cũng là lừa đảo"].as_slice(),
            "Tự mở VNeID hoặc tự gõ dichvucong.gov.vn, vào hồ sơ của mình để xem",
        ),
        (
            ["Chuyển ngay, con mình đang cần", "Gọi vào số mới để hỏi cho chắc"].as_slice(),
            "Chưa chuyển; gọi anh Minh theo số quen thuộc 0978 111 222 để hỏi",
        ),
        (
            [
                "Đọc mã để người gọi \"hủy giao dịch\"",
                "Cúp máy rồi thôi, mã vẫn trong tay mình nên không sao",
            ]
            .as_slice(),
            "Không đọc mã, cúp máy; tự gọi ngân hàng theo số in trên thẻ để báo và khóa hoặc đổi mật khẩu",
        ),
    ] {
        for label in wrong {
            trap(&mut h, label);
        }
        advance(&mut h, right);
    }
    see(&h, "Quy tắc cho từng tin");
    see(&h, "Người thân hỏi vay từ số mới");
    finish(&mut h, 11);
}

#[test]
fn vneid_level_two_side_by_side() {
    vneid(false);
}

#[test]
fn vneid_level_two_at_200_percent() {
    vneid(true);
}

#[test]
fn phone_day_side_by_side() {
    phone_day(false);
}

#[test]
fn phone_day_at_200_percent() {
    phone_day(true);
}

#[test]
fn birth_registration_side_by_side() {
    birth(false);
}

#[test]
fn birth_registration_at_200_percent() {
    birth(true);
}

#[test]
fn fee_payment_side_by_side() {
    payment(false);
}

#[test]
fn fee_payment_at_200_percent() {
    payment(true);
}

#[test]
fn monthly_report_side_by_side() {
    report(false);
}

#[test]
fn monthly_report_at_200_percent() {
    report(true);
}

#[test]
fn leaving_part_way_asks_first() {
    let mut h = harness("thanh-toan-le-phi", false);
    press(&mut h, "Thoát bài thực hành");
    see(&h, "Thoát bây giờ?");
    press(&mut h, "Ở lại làm tiếp");
    assert!(h.state().outcomes.is_empty());
    assert!(
        h.query_by_label("Thoát bây giờ? Kết quả bài thực hành này sẽ không được lưu.")
            .is_none()
    );
    press(&mut h, "Thoát bài thực hành");
    press(&mut h, "Thoát");
    assert_eq!(h.state().outcomes, [SimOutcome::Left]);
}

fn tab_until(h: &mut H, what: &str, focused: impl Fn(&H) -> bool) {
    for _ in 0..40 {
        h.key_press(Key::Tab);
        h.run();
        if focused(h) {
            return;
        }
    }
    panic!("Tab never reached {what}");
}

#[test]
fn keyboard_only_tab_enter_and_space() {
    let mut h = harness("thanh-toan-le-phi", false);
    tab_until(&mut h, "the address field", |h| {
        h.get_by_role_and_label(Role::TextInput, "Địa chỉ trang web")
            .is_focused()
    });
    h.get_by_role_and_label(Role::TextInput, "Địa chỉ trang web")
        .type_text("dichvucong.gov.vn");
    h.run();
    tab_until(&mut h, "Mở trang", |h| {
        h.get_by_role_and_label(Role::Button, "Mở trang").is_focused()
    });
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(screen(&h), "dang-nhap");
    // A new screen puts the keyboard on its first control.
    assert!(
        h.get_by_role_and_label(Role::Button, "Dùng tài khoản VNeID của cháu đã lưu sẵn")
            .is_focused()
    );
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::Button, "Đăng nhập bằng tài khoản VNeID của tôi")
            .is_focused()
    );
    h.key_press(Key::Space);
    h.run();
    assert_eq!(screen(&h), "trang-ca-nhan");
    assert!(h.state().run.mistakes().is_empty());
}

/// A run already on the birth form, so the keyboard test starts where the radio buttons and lists are.
fn run_at(id: &str, screen_id: &str) -> SimRun {
    let s = scenario(id);
    let mut run = SimRun::new(&s);
    for step in &walk::routes(&s)[screen_id] {
        match step {
            Step::Set { field, value } => assert!(run.set_value(field, value.clone())),
            Step::Act { action } => assert!(run.act(action).is_ok()),
        }
    }
    run
}

#[test]
fn keyboard_only_radio_buttons_and_drop_down_lists() {
    let mut h = harness_with(run_at("khai-sinh-lien-thong", "to-khai-tre"), true);
    let focused =
        |role: Role, label: &'static str| move |h: &H| h.get_by_role_and_label(role, label).is_focused();
    tab_until(
        &mut h,
        "the name field",
        focused(Role::TextInput, "Họ, chữ đệm, tên của trẻ *"),
    );
    h.get_by_role_and_label(Role::TextInput, "Họ, chữ đệm, tên của trẻ *")
        .type_text("Hoàng Ngọc Ánh");
    h.run();
    tab_until(&mut h, "Nữ", focused(Role::RadioButton, "Nữ"));
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().run.text("gioi-tinh"), "Nữ");
    tab_until(
        &mut h,
        "the date field",
        focused(Role::TextInput, "Ngày, tháng, năm sinh *"),
    );
    h.get_by_role_and_label(Role::TextInput, "Ngày, tháng, năm sinh *")
        .type_text("02/03/2026");
    h.run();
    for (list, option, field) in [
        ("Nơi sinh *", "Bệnh viện Sản – Nhi tỉnh Ninh Bình", "noi-sinh"),
        ("Quê quán *", "Xã Yên Khánh, tỉnh Ninh Bình", "que-quan"),
        ("Dân tộc *", "Kinh", "dan-toc"),
        ("Quốc tịch *", "Việt Nam", "quoc-tich"),
    ] {
        tab_until(&mut h, list, focused(Role::ComboBox, list));
        h.key_press(Key::Space);
        h.run();
        tab_until(&mut h, option, move |h: &H| {
            h.get_by_role_and_label(Role::Button, option).is_focused()
        });
        h.key_press(Key::Space);
        h.run();
        assert_eq!(h.state().run.text(field), option);
    }
    tab_until(&mut h, "Tiếp tục", focused(Role::Button, "Tiếp tục"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        screen(&h),
        "to-khai-cha-me",
        "{:?}",
        h.state().run.last_mistakes()
    );
}
