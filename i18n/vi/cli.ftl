cli-content-errors = Nội dung bài học có { $count } lỗi; xem từng dòng ở trên.
cli-smoke-ok = Kiểm tra nhanh: khung hình đầu tiên sau { $ms } ms; đã vẽ { $screens } màn hình.
cli-window-failed = Không mở được cửa sổ ứng dụng. Máy tính cần hỗ trợ OpenGL 2.0 trở lên; hãy cập nhật trình điều khiển đồ họa rồi thử lại.
cli-data-dir-failed = Không tạo được thư mục dữ liệu { $path }. Hãy chọn thư mục khác bằng --data-dir.
cli-export-done = Đã xuất dữ liệu của { $learners } học viên vào { $path }.
cli-export-write-failed = Không ghi được tệp { $path }. Nếu tệp đang mở (ví dụ trong Excel), hãy đóng tệp rồi thử lại; nếu không, hãy chọn thư mục khác hoặc kiểm tra ổ đĩa còn chỗ trống.
