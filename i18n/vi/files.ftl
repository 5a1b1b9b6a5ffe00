# Files from outside and the data folder on the command line (src/durable.rs, src/cli_records.rs,
# src/trainer/transfer.rs, src/content/source.rs).

cli-import-unreadable = Không đọc được tệp { $name }.
cli-import-not-a-file = { $name } không phải là một tệp thông thường (có thể là thư mục hoặc thiết bị) nên không được đọc. Hãy chọn tệp .json đã xuất từ máy khác.
cli-import-rejected = Không nhập tệp { $name }: { $reason }
# A file was refused and nothing at all changed.
cli-import-refused = { $reason } Không có gì bị thay đổi.
# A file was refused while other files of the same import were taken.
cli-import-skipped = { $reason } Không có bản ghi nào từ tệp này được nhập.
cli-no-records = Không tìm thấy dữ liệu học tập trong thư mục { $path } nên chưa xuất gì. Hãy kiểm tra lại thư mục dữ liệu ghi sau --data-dir.
cli-data-dir-missing = Không có thư mục { $path }. Hãy kiểm tra lại thư mục dữ liệu ghi sau --data-dir. Không có gì bị thay đổi.
cli-data-dir-not-records = Thư mục { $path } không phải thư mục dữ liệu của Kỹ Năng Số. Hãy chọn đúng thư mục dữ liệu, hoặc một thư mục trống để bắt đầu mới. Không có gì bị thay đổi.
cli-journal-unreadable = Không đọc được dữ liệu học tập trong thư mục { $path }. Hãy kiểm tra ổ đĩa và thư mục dữ liệu rồi thử lại. Không có gì bị thay đổi.
cli-journal-open-failed = Không mở được dữ liệu học tập trong thư mục { $path }. Hãy kiểm tra thư mục dữ liệu còn đọc và ghi được rồi thử lại. Không có gì bị thay đổi.
cli-journal-locked = Kỹ Năng Số đang mở trên máy này nên chưa nhập được. Hãy đóng ứng dụng rồi chạy lại lệnh. Không có gì bị thay đổi.
cli-journal-torn-moved = Dòng cuối của sổ ghi kết quả bị hỏng (có thể do mất điện) nên đã được cất riêng vào tệp { $file }; mọi kết quả khác vẫn còn nguyên.
cli-journal-torn-skipped = Dòng cuối của sổ ghi kết quả bị hỏng (có thể do mất điện) nên không được xuất; mọi kết quả khác đã được xuất. Hãy mở ứng dụng một lần để cất riêng dòng này.
cli-journal-bad-lines = Có { $count } dòng hỏng trong sổ ghi kết quả nên đã được bỏ qua; các dòng đó vẫn được giữ nguyên trong tệp.
cli-smoke-no-frame = Kiểm tra nhanh: sau 60 giây cửa sổ vẫn chưa vẽ được khung hình nào.

export-target-in-data-folder = Không xuất vào { $path } vì chỗ này thuộc thư mục dữ liệu của Kỹ Năng Số, nơi lưu kết quả học. Hãy chọn thư mục khác, ví dụ thư mục Tài liệu hoặc ổ USB. Không có gì bị thay đổi.
export-target-no-folder = Không có thư mục để lưu { $path }. Hãy chọn thư mục khác.
export-target-is-folder = { $path } là một thư mục. Hãy gõ thêm tên tệp cần lưu, ví dụ danh-sach.xlsx.

content-not-a-file = { $file } không phải là một tệp thông thường (có thể là thư mục hoặc thiết bị) nên không được đọc.
content-outside-folder = { $file } nằm ngoài thư mục bài học nên không được đọc. Hãy đặt tệp vào trong thư mục của học phần.
content-too-large = Tệp { $file } lớn hơn { $limit } MB nên không được đọc.
content-unreadable = Không đọc được tệp { $file } (có thể là liên kết hỏng hoặc không có quyền đọc).
