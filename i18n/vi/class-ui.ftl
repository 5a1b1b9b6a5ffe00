# Classes in the trainer area (src/ui/trainer/classes): the list, the form, the learners of a class,
# the class dashboard and its report.

trainer-tab-classes = Lớp học

class-back-to-list = Quay lại danh sách lớp
class-gone = Lớp này không còn trên máy này.
class-tab-overview = Tổng quan
class-tab-learners = Tiến độ từng học viên
class-tab-questions = Câu hỏi cần dạy lại
class-no-learners = Lớp chưa có học viên nào. Bấm "Thêm hoặc bỏ học viên" để thêm.
class-manage-learners = Thêm hoặc bỏ học viên
class-edit = Sửa thông tin lớp

class-completion-title = Hoàn thành theo học phần
class-bar-label = { $number }. { $title }
class-bar-caption = { $done }/{ $total } học viên · { $percent }%
class-help-title = Cần hỗ trợ ({ $count })
class-help-body = Học viên chưa bắt đầu học, hoặc đã làm bài kiểm tra của một học phần từ 2 lần trở lên mà chưa đạt.
class-help-none = Không có học viên nào cần hỗ trợ.
class-help-not-started = — chưa bắt đầu học
class-help-failed = — chưa đạt bài kiểm tra sau 2 lần: { $modules }
class-scores-title = Phân bố điểm
class-scores-body = Số học viên theo điểm cao nhất của bài kiểm tra, mỗi cột là một khoảng điểm (%).
class-scores-none = Chưa có học viên nào làm bài kiểm tra.
class-pass-mark = Điểm đạt { $mark }%
class-histogram-summary = { $module }: { $count } học viên đã làm bài kiểm tra. { $bins }

class-mark-needs-help = Cần hỗ trợ
class-cell-score = { $score }% · { $status }
class-cell-label = { $name }, { $module }: { $status }
class-grid-name = Học viên
class-grid-module = Học phần { $number }
class-grid-progress = Số học phần xong
class-grid-progress-hint = Sắp xếp theo tiến độ
class-grid-done = { $done }/{ $total }

class-questions-intro = Các câu hỏi cả lớp đã trả lời, câu khó nhất (ít người trả lời đúng nhất) ở trên cùng. Hãy giảng lại vài câu đầu.
class-questions-none = Chưa có học viên nào của lớp làm bài kiểm tra.
class-questions-module = Học phần
class-questions-all-modules = Tất cả học phần
class-questions-none-in-module = Chưa có ai làm bài kiểm tra của học phần này.
class-questions-show-all = Xem tất cả { $count } câu
class-questions-fewer = Chỉ xem { $count } câu khó nhất
class-question-share = { $rank }. { $percent }% trả lời đúng ({ $correct }/{ $answered })
class-question-right = Đáp án đúng:
class-question-top-wrong = Câu trả lời sai được chọn nhiều nhất ({ $count } người):
class-question-no-wrong = Không ai trả lời sai câu này.
class-question-explanation = Giải thích:

classes-title = Lớp học
classes-intro = Mỗi lớp tập huấn là một nhóm học viên học cùng nhau. Bấm vào tên lớp để xem tiến độ của cả lớp, câu hỏi cần dạy lại và xuất báo cáo lớp.
classes-new = Tạo lớp mới
classes-empty = Máy này chưa có lớp nào. Bấm "Tạo lớp mới" để bắt đầu.
classes-this-pc-badge = (máy này)
classes-completed = { $done }/{ $total } học viên đã hoàn thành tất cả học phần

class-form-new-title = Tạo lớp mới
class-form-edit-title = Sửa thông tin lớp
class-form-help = Ngày ghi theo mẫu ngày/tháng/năm, ví dụ 12/03/2026. Ngày kết thúc có thể để trống.
class-form-name = Tên lớp
class-form-name-hint = Ví dụ: Lớp tập huấn chuyển đổi số tháng 3
class-form-unit = Đơn vị (xã/phường)
class-form-unit-hint = Ví dụ: UBND xã Yên Khánh
class-form-starts = Ngày bắt đầu
class-form-ends = Ngày kết thúc
class-form-date-hint = ngày/tháng/năm
class-form-trainer = Giảng viên
class-form-save = Lưu lớp

class-back-to-dashboard = Quay lại lớp { $name }
class-learners-title = Học viên của lớp { $name }
class-pick-title = Chọn từ danh sách học viên
class-pick-search = Tìm học viên để thêm
class-pick-none = Không có học viên nào khác khớp với ô tìm kiếm.
class-pick-add = Thêm { $count } học viên đã chọn vào lớp
class-paste-title = Dán danh sách tên từ Excel
class-paste-help = Trong Excel, chọn cột họ tên, bấm Ctrl+C, rồi bấm vào ô dưới đây và bấm Ctrl+V. Mỗi dòng là một người. Sau đó bấm "Kiểm tra danh sách".
class-paste-box = Danh sách họ tên, mỗi dòng một người
class-paste-check = Kiểm tra danh sách
class-paste-empty = Danh sách không có tên nào. Hãy dán danh sách họ tên, mỗi dòng một người.
class-paste-add = Thêm { $count } học viên vào lớp
class-review-summary = Trùng tên với học viên đã có: { $known } · Đã ở trong lớp: { $members } · Học viên mới: { $new } · Dòng bỏ qua: { $skipped }
class-review-same-name = Trên máy đã có học viên tên "{ $name }". Đây có phải cùng một người không?
class-review-same = Cùng một người: { $name }
class-review-same-unit = Cùng một người: { $name } — { $unit }
class-review-new = Người khác, tạo học viên mới
class-review-new-list = Học viên mới sẽ được tạo ({ $count })
class-review-members = Đã ở trong lớp, không thêm lại: { $names }
class-review-skipped = Các dòng sau không được thêm:
class-members-title = Học viên trong lớp ({ $count })
class-remove = Bỏ { $name } khỏi lớp
classes-dates = { $starts } – { $ends }
classes-dates-from = từ { $starts }
class-trainer-line = Giảng viên: { $name }
class-learner-count = { $count } học viên
classes-this-pc = Máy này thuộc lớp: { $name }
classes-this-pc-none = Máy này chưa thuộc lớp nào. Mở một lớp và bấm "Đặt máy này thuộc lớp này" để học viên mới tạo trên máy này tự vào lớp đó.
classes-this-pc-set = Đặt máy này thuộc lớp này
classes-this-pc-clear = Bỏ chọn lớp cho máy này
classes-this-pc-help = Khi máy thuộc một lớp, mỗi học viên mới tạo trên máy này sẽ tự vào lớp đó.

class-report-xlsx = Xuất báo cáo lớp (Excel)
class-report-pdf = Xuất báo cáo lớp (PDF)
class-report-save-title = Lưu báo cáo lớp
class-report-running = Đang xuất báo cáo lớp…
class-report-done = Đã lưu báo cáo lớp vào { $path }.
class-report-no-place = Chưa chọn nơi lưu nên chưa xuất báo cáo. Hãy bấm lại nút xuất báo cáo và chọn nơi lưu.

class-error-name = Hãy nhập tên lớp.
class-error-long = Mỗi ô chỉ được dài tối đa { $max } ký tự. Hãy viết ngắn lại.
class-error-no-start = Hãy nhập ngày bắt đầu của lớp, theo mẫu ngày/tháng/năm, ví dụ 12/03/2026.
class-error-date = Ngày không đúng. Hãy nhập ngày theo mẫu ngày/tháng/năm, ví dụ 12/03/2026.
class-error-ends-before = Ngày kết thúc đang ở trước ngày bắt đầu. Hãy sửa lại một trong hai ngày.
class-created = Đã tạo lớp { $name }.
class-saved = Đã lưu thông tin lớp { $name }.
class-unchanged = Thông tin lớp không có gì thay đổi.
class-joined = Đã thêm { $count } học viên vào lớp.
class-left = Đã bỏ { $name } khỏi lớp. Kết quả học của học viên vẫn được giữ nguyên.
class-pc-set = Từ giờ, học viên mới tạo trên máy này sẽ tự vào lớp { $name }.
class-pc-cleared = Máy này không còn thuộc lớp nào.
class-paste-too-many = Danh sách có { $lines } tên, nhiều hơn mức { $max } tên một lần. Hãy chia thành nhiều lần dán.
class-review-repeat = Dòng { $line }: "{ $name }" lặp lại một tên ở trên.
class-review-bad = Dòng { $line }: "{ $name }" — { $why }
class-questions-counting = Đang tính lại từ các bài kiểm tra mới nhất…
class-questions-failed = Không đọc được sổ ghi kết quả học nên chưa phân tích được câu hỏi. Hãy thử mở lại lớp này.
class-question-wrong-unknown = Không biết học viên đã chọn câu trả lời sai nào (kết quả từ phiên bản cũ của ứng dụng).
