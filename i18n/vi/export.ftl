# Exports (src/export): roster columns, status words (ui-terms), certificates, and why an exchange file
# cannot be imported.

export-col-name = Họ và tên
export-col-unit = Đơn vị
export-col-position = Chức vụ
export-col-module = Học phần
export-col-status = Trạng thái
export-col-lessons = Bài học đã xem
export-col-best-score = Điểm cao nhất
export-col-attempts = Số lần làm bài
export-col-completed-on = Ngày hoàn thành
export-col-learner-id = Mã học viên
export-col-module-id = Mã học phần
export-status-not-started = Chưa học
export-status-in-progress = Đang học
export-status-completed = Hoàn thành
export-sheet-name = Danh sách học viên

export-cert-title = GIẤY CHỨNG NHẬN
export-cert-subtitle = Hoàn thành chương trình Kỹ Năng Số
export-cert-awarded-to = Chứng nhận học viên
export-cert-unit = Đơn vị: { $unit }
export-cert-position = Chức vụ: { $position }
export-cert-completed = đã hoàn thành các học phần sau:
export-cert-col-number = STT
export-cert-col-module = Học phần
export-cert-col-score = Điểm
export-cert-col-date = Ngày hoàn thành
export-cert-score = { $percent }/100
export-cert-issued = Ngày cấp: { $date }
export-cert-signature = GIẢNG VIÊN
export-cert-signature-hint = (ký và ghi rõ họ tên)
export-cert-code = Mã chứng nhận: { $code }
export-cert-code-note = Mã chứng nhận được tính từ hồ sơ học tập của học viên, nên có thể kiểm tra lại bằng ứng dụng Kỹ Năng Số.
export-cert-continued = (tiếp theo)

export-error = Không tạo được tệp xuất dữ liệu. Hãy thử lại; nếu vẫn không được, hãy báo cho giảng viên.

exchange-error-too-large = Tệp lớn hơn { $limit } MB nên không phải tệp dữ liệu Kỹ Năng Số.
exchange-error-not-json = Tệp bị hỏng hoặc không phải tệp dữ liệu Kỹ Năng Số.
exchange-error-truncated = Tệp chưa được chép hết (bị cắt ngang). Hãy chép lại tệp từ máy gốc rồi nhập lại.
exchange-error-wrong-format = Đây không phải tệp dữ liệu Kỹ Năng Số. Hãy chọn tệp đã xuất bằng "Xuất dữ liệu" dạng JSON.
exchange-error-version-newer = Tệp được tạo bằng phiên bản Kỹ Năng Số mới hơn. Hãy cập nhật ứng dụng rồi nhập lại.
exchange-error-damaged = Phần đầu của tệp bị hỏng. Hãy xuất lại tệp trên máy gốc.
exchange-error-bad-event = Bản ghi thứ { $number } trong tệp bị hỏng. Hãy xuất lại tệp trên máy gốc.
exchange-error-bad-time = Bản ghi thứ { $number } trong tệp có ngày giờ không thể có (trước năm 1970 hoặc sau năm 2199). Hãy sửa đồng hồ của máy gốc rồi xuất lại tệp.
# An import took events dated more than a day after today: the other PC's clock is wrong.
import-future-dated = Có { $count } bản ghi ghi ngày giờ muộn hơn hôm nay: đồng hồ của máy đã xuất tệp có thể bị sai. Các bản ghi này vẫn được nhập, nhưng ngày hoàn thành của chúng có thể không đúng.
# Learners with a completed module but no name on this PC (only their results were imported).
export-nameless-left-out = { $count } học viên chưa có tên nên chưa được in giấy chứng nhận. Hãy nhập tệp dữ liệu có hồ sơ của họ, hoặc đặt tên cho họ trong danh sách học viên, rồi xuất lại.
# An import held events whose id is already here with other content: the one here is kept.
import-conflicts = Có { $count } bản ghi trùng mã với bản ghi đã có trên máy nhưng khác nội dung. Máy giữ bản ghi đã có; các bản ghi kia được cất riêng trong tệp { $file } trong thư mục dữ liệu để kiểm tra.
