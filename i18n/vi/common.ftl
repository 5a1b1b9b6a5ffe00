app-name = Kỹ Năng Số
nav-home = Trang chủ
nav-settings = Cài đặt
nav-language = Ngôn ngữ
error-settings-save = Không lưu được cài đặt. Hãy kiểm tra thư mục dữ liệu còn ghi được không; lần sau mở ứng dụng sẽ dùng cài đặt cũ.
error-content = Nội dung bài học bị lỗi nên không mở được ứng dụng. Hãy cài lại Kỹ Năng Số hoặc báo cho giảng viên.
dismiss = Đóng thông báo
form-keys-hint = Bấm Enter để lưu, Esc để hủy.
