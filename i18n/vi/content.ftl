content-no-modules = Không tìm thấy học phần nào (cần các thư mục dạng 01-ten-hoc-phan).
content-bad-folder = Tên thư mục học phần phải có dạng 01-ten-hoc-phan (hai chữ số, gạch ngang, chữ thường không dấu).
content-not-utf8 = Tệp không phải văn bản UTF-8.
content-json = Tệp JSON sai: { $detail }.
content-not-nfc = Dòng này không ở dạng Unicode NFC; hãy chuẩn hóa văn bản sang NFC.
content-bad-id = Mã "{ $id }" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang.
content-duplicate-id = Mã "{ $id }" bị trùng.
content-duplicate-order = Thứ tự { $order } đã được học phần khác dùng.
content-missing-file = Không có tệp { $name }.
content-missing-image = Không có hình { $name }.
content-image-not-svg = Hình { $name } phải là tệp SVG.
content-bad-svg = Không vẽ được hình { $name }: { $detail }.
content-lesson-h1 = Bài học không dùng tiêu đề cấp 1 (#); tên bài lấy từ module.json.
content-no-sources = Mục cuối (##) của bài học phải là "Căn cứ pháp lý và nguồn".
content-empty-text = Trường { $field } đang để trống.
content-no-correct = Câu hỏi "{ $id }" không có đáp án đúng.
content-correct-range = Câu hỏi "{ $id }" chỉ đáp án đúng ngoài danh sách lựa chọn.
content-too-few = Câu hỏi "{ $id }" cần ít nhất hai lựa chọn, bước hoặc cặp.
content-duplicate-choice = Câu hỏi "{ $id }" có hai lựa chọn giống nhau.
content-unknown-lesson = Không có bài học mã "{ $id }" trong học phần này.
content-bad-pass-mark = Điểm đạt { $mark } phải từ 1 đến 100.
content-bad-draw = Mỗi lần làm bài rút { $draw } câu nhưng ngân hàng chỉ có { $have } câu kỹ năng và kiến thức (câu ghi nhớ không tính điểm).
content-simulation = Bài thực hành mô phỏng: { $detail }

# Problems in a practice simulation's scenario, shown after content-simulation. The ids, labels and values
# are the author's; "kind" and "when" are the file's own spellings (number, decimal_point).
content-sim-bad-id = { $what ->
        [screen] mã màn hình
        [field] mã ô
        [action] mã nút
       *[other] mã
    } "{ $id }" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang
content-sim-id-mismatch = mã "{ $found }" trong tệp khác mã "{ $listed }" ghi ở module.json
content-sim-empty-text = trường "{ $key }" đang để trống
content-sim-task-row = một dòng dữ liệu của nhiệm vụ thiếu "label" hoặc "value"
content-sim-no-screens = kịch bản không có màn hình nào
content-sim-unknown-start = màn hình bắt đầu "{ $start }" không có trong "screens"
content-sim-duplicate-screen = màn hình "{ $screen }" bị trùng mã
content-sim-no-end = không có màn hình kết thúc ("end": true)
content-sim-screen-no-title = màn hình "{ $screen }" thiếu "title"
content-sim-screen-no-hints = màn hình "{ $screen }" cần ít nhất một gợi ý ("hints")
content-sim-empty-hint = màn hình "{ $screen }" có gợi ý để trống
content-sim-end-actions = màn hình kết thúc "{ $screen }" không được có nút ("actions")
content-sim-duplicate-field = mã ô "{ $field }" đã dùng ở chỗ khác trong kịch bản
content-sim-duplicate-label = nhãn "{ $label }" bị trùng trên màn hình "{ $screen }"
content-sim-duplicate-action = nút "{ $action }" bị trùng mã trên màn hình "{ $screen }"
content-sim-empty-paragraph = màn hình "{ $screen }" có đoạn văn để trống
content-sim-message-incomplete = tin nhắn thiếu "from" hoặc "text"
content-sim-row-unknown-field = dòng "{ $label }" nói tới ô "{ $field }" không có trong kịch bản
content-sim-row-value-or-field = dòng "{ $label }" cần đúng một trong "value" hoặc "field"
content-sim-unknown-placed = không có nút "{ $action }" trên màn hình "{ $screen }"
content-sim-placed-twice = nút "{ $action }" được đặt hai lần
content-sim-field-no-label = ô "{ $field }" thiếu "label"
content-sim-choice-needs-options = ô chọn "{ $field }" cần ít nhất hai "options" (và không có "files")
content-sim-file-needs-files = ô đính kèm "{ $field }" cần ít nhất hai tệp trong "files" (và không có "options")
content-sim-field-no-choices = ô "{ $field }" kiểu { $kind } không dùng "options" hay "files"
content-sim-bad-choices = ô "{ $field }" có lựa chọn trùng nhau hoặc để trống
content-sim-unit-not-number = chỉ ô số mới có "unit" (ô "{ $field }")
content-sim-bad-preset = giá trị sẵn "{ $value }" không hợp với ô "{ $field }"
content-sim-action-no-label = nút "{ $action }" thiếu "label"
content-sim-unknown-target = nút "{ $action }" dẫn tới màn hình "{ $to }" không có trong kịch bản
content-sim-trap-with-checks = nút bẫy "{ $action }" không được có "checks"
content-sim-trap-incomplete = nút bẫy "{ $action }" cần "feedback" và "rule"
content-sim-to-or-trap = nút "{ $action }" cần đúng một trong "to" hoặc "trap"
content-sim-check-unknown-field = nút "{ $action }" kiểm tra ô "{ $field }" không có trên màn hình "{ $screen }"
content-sim-check-incomplete = phần kiểm tra ô "{ $field }" cần "feedback" và "rule"
content-sim-expect-shape = "expect" của ô "{ $field }" phải là true/false cho ô tích, là chữ cho ô khác
content-sim-expect-impossible = "expect" của ô "{ $field }" không phải là câu trả lời hợp lệ cho ô kiểu { $kind }
content-sim-case-no-feedback = một trường hợp của ô "{ $field }" thiếu "feedback"
content-sim-case-is-right = trường hợp "{ $value }" của ô "{ $field }" thực ra là câu trả lời đúng
content-sim-case-not-a-choice = trường hợp "{ $value }" không phải là một lựa chọn của ô "{ $field }"
content-sim-when-not-for-kind = "when": "{ $when }" không dùng được cho ô kiểu { $kind }
content-sim-case-value-or-when = mỗi trường hợp của ô "{ $field }" cần đúng một trong "value" hoặc "when"
content-sim-unpassable = không thể qua được nút "{ $action }": các điều kiện kiểm tra mâu thuẫn nhau
content-sim-cannot-finish = không thể hoàn thành kịch bản: từ màn hình bắt đầu không đi tới được màn hình kết thúc
content-sim-unreachable = không có đường nào dẫn tới màn hình "{ $screen }"
content-sim-dead-end = học viên bị kẹt ở màn hình "{ $screen }": từ đây không tới được màn hình kết thúc
