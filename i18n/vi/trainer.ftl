# The trainer area (src/ui/trainer): PIN, roster, learner page, exports, imports.

nav-trainer = Giảng viên
trainer-title = Khu vực giảng viên

trainer-pin-setup-title = Đặt mã PIN giảng viên
trainer-pin-setup-body = Khu vực giảng viên dùng để xem danh sách học viên, xuất dữ liệu và nhập dữ liệu. Hãy đặt một mã PIN gồm 6 đến 8 chữ số và không cho học viên biết.
trainer-pin-enter-body = Khu vực này chỉ dành cho giảng viên. Hãy nhập mã PIN giảng viên.
trainer-pin = Mã PIN
trainer-pin-current = Mã PIN đang dùng
trainer-pin-new = Mã PIN mới
trainer-pin-again = Nhập lại mã PIN mới
trainer-pin-save = Lưu mã PIN
trainer-pin-open = Mở khu vực giảng viên
trainer-pin-wrong = Mã PIN không đúng. Anh/chị còn { $tries } lần thử.
trainer-pin-locked = Đã nhập sai mã PIN { $wrong } lần. Hãy chờ { $wait } rồi thử lại.
trainer-wait = { $minutes ->
        [0] { $seconds } giây
       *[other] { $seconds ->
            [0] { $minutes } phút
           *[other] { $minutes } phút { $seconds } giây
        }
    }
trainer-pin-checking = Đang kiểm tra mã PIN, xin chờ một chút…
trainer-pin-saving = Đang lưu mã PIN, xin chờ một chút…
trainer-pin-short = Mã PIN giảng viên đang dùng quá ngắn, dễ bị dò ra. Hãy vào "Đổi mã PIN" và đặt mã PIN mới gồm ít nhất { $digits } chữ số.
trainer-pin-unreadable-title = Không đọc được mã PIN giảng viên
trainer-pin-unreadable-body = Tệp cài đặt trên máy này bị hỏng nên không đọc được mã PIN. Để bảo vệ dữ liệu, khu vực giảng viên tạm khóa và không cho đặt mã PIN mới tại đây. Kết quả học tập không bị ảnh hưởng.
trainer-pin-unreadable-steps = Để đặt lại mã PIN, người có quyền mở các tệp trên máy này hãy: 1. Đóng ứng dụng. 2. Mở tệp settings.json trong thư mục dữ liệu (ghi ở dưới) bằng Notepad hoặc một chương trình soạn văn bản khác. 3. Xóa cả dòng có chữ "trainer_pin" rồi lưu tệp. 4. Mở lại ứng dụng và đặt mã PIN mới.
trainer-data-folder = Thư mục dữ liệu: { $folder }
trainer-pin-error-format = Mã PIN mới phải gồm { $min } đến { $max } chữ số (từ 0 đến 9). Hãy nhập lại.
trainer-pin-error-mismatch = Hai lần nhập mã PIN mới không giống nhau. Hãy nhập lại.
trainer-pin-error-hash = Không tạo được mã PIN. Hãy thử lại.
trainer-pin-error-save = Mã PIN dùng được cho lần này nhưng chưa lưu được vào máy. Hãy kiểm tra thư mục dữ liệu còn ghi được rồi đổi mã PIN lại.
trainer-pin-changed = Đã lưu mã PIN mới.
trainer-lock = Khóa khu vực giảng viên

trainer-tab-roster = Danh sách học viên
trainer-tab-export = Xuất dữ liệu
trainer-tab-import = Nhập dữ liệu
trainer-page-menu = Trang
trainer-tab-pin = Đổi mã PIN

trainer-filter-unit = Lọc theo đơn vị
trainer-filter-status = Lọc theo trạng thái
trainer-filter-all-units = Tất cả đơn vị
trainer-filter-all-statuses = Tất cả trạng thái
trainer-search = Tìm học viên
trainer-search-hint = Gõ tên hoặc đơn vị, có dấu hay không dấu đều được
trainer-roster-summary = { $learners } học viên · đang hiện { $rows } dòng. Bấm vào tên cột để sắp xếp, bấm vào tên học viên để xem chi tiết.
trainer-roster-empty = Máy này chưa có học viên nào.
trainer-roster-no-match = Không có học viên nào khớp với bộ lọc. Hãy chọn lại đơn vị, trạng thái hoặc xóa ô tìm kiếm.
trainer-no-name = (chưa có tên)
trainer-records-unavailable = Không mở được sổ ghi kết quả học nên chưa xem được danh sách học viên.

trainer-back = Quay lại danh sách học viên
trainer-learner-gone = Học viên này không còn trong danh sách (có thể vừa bị xóa hoặc gộp vào hồ sơ khác).
trainer-edit-title = Sửa thông tin học viên
trainer-edit-save = Lưu thay đổi
trainer-edit-unchanged = Thông tin không có gì thay đổi.
trainer-renamed = Đã lưu thông tin của học viên { $name }.
trainer-merge-title = Gộp hồ sơ trùng
trainer-merge-body = Nếu một người có hai hồ sơ (ví dụ đã học trên hai máy), hãy tìm hồ sơ kia rồi gộp vào hồ sơ này. Kết quả học của cả hai hồ sơ đều được giữ lại.
trainer-merge-search = Tìm hồ sơ cần gộp
trainer-merge-candidate = Gộp hồ sơ: { $name }
trainer-merge-none = Không tìm thấy hồ sơ nào khác khớp.
trainer-merge-confirm-title = Gộp hồ sơ { $from } vào hồ sơ { $into }?
trainer-merge-confirm-body = Kết quả học của hồ sơ { $from } sẽ được tính cho hồ sơ { $into }, và hồ sơ { $from } sẽ không còn trong danh sách.
trainer-merge-confirm = Gộp hồ sơ
trainer-merged = Đã gộp hồ sơ { $from } vào hồ sơ { $into }.
trainer-delete = Xóa học viên
trainer-delete-confirm-title = Xóa học viên { $name }?
trainer-delete-confirm-body = Học viên { $name } sẽ không còn trong danh sách học viên và trong dữ liệu xuất ra. Nếu chỉ là hồ sơ trùng, hãy dùng "Gộp hồ sơ trùng" để giữ lại kết quả học.
trainer-delete-confirm = Xóa
trainer-deleted = Đã xóa học viên { $name }.
trainer-cancel = Hủy
trainer-learner-unknown = Không tìm thấy học viên này; có thể hồ sơ vừa bị xóa hoặc gộp. Hãy mở lại danh sách học viên.
trainer-same-profile = Hai hồ sơ này đã là một. Hãy chọn một hồ sơ khác để gộp.

trainer-export-body = Chọn dạng tệp cần xuất. Excel và CSV là danh sách học viên; PDF là giấy chứng nhận cho học viên đã hoàn thành ít nhất một học phần; JSON dùng để nhập dữ liệu vào máy khác; xAPI dùng cho hệ thống quản lý học tập.
trainer-export-path = Lưu vào (thư mục hoặc tệp)
trainer-export-path-hint = Để trống thì ứng dụng sẽ hỏi nơi lưu
trainer-export-xlsx = Excel (XLSX)
trainer-export-csv = CSV
trainer-export-pdf = Giấy chứng nhận (PDF)
trainer-export-json = Dữ liệu cho máy khác (JSON)
trainer-export-xapi = xAPI
trainer-export-running = Đang xuất dữ liệu…
trainer-export-done = Đã xuất dữ liệu vào tệp { $path }.
trainer-export-failed-start = Không bắt đầu xuất được. Hãy thử lại.
trainer-export-save-title = Lưu tệp xuất dữ liệu
trainer-home-page = Địa chỉ trang chủ của đơn vị đào tạo (dùng trong dữ liệu xAPI)
trainer-home-page-hint = Ví dụ: https://sotttt.example.gov.vn
trainer-home-page-save = Lưu địa chỉ
trainer-home-page-saved = Đã lưu địa chỉ trang chủ.
trainer-home-page-invalid = Địa chỉ phải bắt đầu bằng http:// hoặc https://. Hãy nhập lại.
trainer-settings-save-failed = Không lưu được cài đặt vào máy. Hãy kiểm tra thư mục dữ liệu còn ghi được rồi thử lại.

trainer-import-body = Nhập các tệp JSON đã xuất bằng "Xuất dữ liệu" trên máy khác. Có thể chọn từng tệp hoặc cả một thư mục (ví dụ ổ USB): mọi tệp .json trong đó sẽ được nhập. Nhập lại cùng một tệp không làm trùng kết quả.
trainer-import-pick-files = Chọn tệp…
trainer-import-pick-folder = Chọn thư mục…
trainer-import-path = Hoặc gõ đường dẫn tệp hoặc thư mục
trainer-import-path-hint = Ví dụ: E:\
trainer-import-start = Bắt đầu nhập
trainer-import-running = Đang đọc tệp…
trainer-import-file-done = { $name }: đã nhập { $imported } bản ghi mới, { $present } bản ghi đã có sẵn.
trainer-import-not-found = Không tìm thấy tệp hoặc thư mục { $path }. Hãy kiểm tra lại đường dẫn.
trainer-import-no-files = Thư mục { $path } không có tệp .json nào. Hãy chọn thư mục khác.
trainer-import-pick-title = Chọn tệp dữ liệu Kỹ Năng Số
trainer-export-no-place = Chưa chọn nơi lưu nên chưa xuất dữ liệu. Nếu không thấy hộp chọn nơi lưu, hãy gõ thư mục vào ô "Lưu vào" rồi bấm lại.
trainer-import-none-chosen = Chưa chọn tệp nào nên chưa nhập dữ liệu. Nếu không thấy hộp chọn tệp, hãy gõ đường dẫn vào ô bên dưới rồi bấm "Bắt đầu nhập".
# Deleted learners, above the roster: a folded list with a button each.
trainer-deleted-list = Học viên đã xóa ({ $count })
trainer-deleted-help = Kết quả học của những học viên này vẫn được giữ. Bấm "Khôi phục" để đưa học viên trở lại danh sách.
trainer-restore = Khôi phục
trainer-restored = Đã khôi phục học viên { $name }.
trainer-pin-keys-hint = Bấm Enter để tiếp tục, Esc để quay lại học.
