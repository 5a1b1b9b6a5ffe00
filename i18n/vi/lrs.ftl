# Sending records to a Learning Record Store (src/lrs, src/ui/trainer/lrs.rs, `kynangso push`).

trainer-nav-lrs = Gửi dữ liệu về LRS
lrs-title = Gửi dữ liệu về LRS
lrs-intro = LRS là máy chủ của tỉnh hoặc huyện nhận kết quả học tập từ mọi máy. Khi có mạng, máy này gửi các kết quả chưa gửi; khi mất mạng, kết quả được giữ lại và gửi sau, không mất và không bị gửi trùng.
lrs-endpoint = Địa chỉ LRS
lrs-endpoint-hint = https://lrs.tinh.gov.vn/xAPI
lrs-user = Tên đăng nhập (khóa)
lrs-password = Mật khẩu (bí mật)
lrs-secret-kept = Mật khẩu được cất riêng trên máy này, không nằm trong tệp xuất dữ liệu.
lrs-save = Lưu cài đặt
lrs-saved = Đã lưu cài đặt gửi dữ liệu.
lrs-save-failed = Không lưu được cài đặt gửi dữ liệu. Hãy thử lại.
lrs-check = Kiểm tra kết nối
lrs-send = Gửi ngay
lrs-auto = Tự động gửi khi có mạng
lrs-checking = Đang kiểm tra kết nối…
lrs-sending = Đang gửi…
lrs-check-ok = Kết nối được. LRS dùng xAPI phiên bản { $version }.
lrs-check-ok-no-version = Kết nối được. LRS không cho biết phiên bản xAPI.
lrs-status-counts = Đã gửi { $sent } · Đang chờ { $waiting }
lrs-status-last = Lần gửi cuối { $time }
lrs-status-error = Lỗi: { $error }
lrs-status-refused = { $count } kết quả bị LRS từ chối (không gửi lại):
lrs-refused-item = { $id }: mã { $status } — { $reason }

lrs-error-url-empty = Chưa nhập địa chỉ LRS.
lrs-error-url = Địa chỉ LRS không đúng. Địa chỉ phải bắt đầu bằng https:// hoặc http://, ví dụ https://lrs.tinh.gov.vn/xAPI.
lrs-error-host = Không tìm thấy máy chủ LRS: tên máy chủ bị gõ sai hoặc máy này chưa có mạng. Kết quả vẫn được giữ để gửi sau.
lrs-error-refused = Không kết nối được tới LRS: máy chủ không trả lời ở địa chỉ này hoặc mạng bị ngắt. Kết quả vẫn được giữ để gửi sau.
lrs-error-timeout = LRS trả lời quá chậm nên đã dừng chờ. Kết quả vẫn được giữ để gửi sau.
lrs-error-certificate = Không kết nối an toàn được tới LRS: chứng chỉ bảo mật của máy chủ không hợp lệ hoặc đồng hồ của máy này sai. Hãy kiểm tra ngày giờ của máy và hỏi người quản lý LRS. Kết quả vẫn được giữ.
lrs-error-proxy = Máy chủ trung gian (proxy) của mạng này từ chối kết nối tới LRS. Hãy hỏi người quản lý mạng. Kết quả vẫn được giữ.
lrs-error-garbage = LRS trả lời không đúng cách nên chưa gửi được. Kết quả vẫn được giữ để gửi sau.
lrs-error-auth = LRS không chấp nhận tên đăng nhập hoặc mật khẩu. Hãy kiểm tra lại hai ô này. Kết quả vẫn được giữ.
lrs-error-not-lrs = Địa chỉ này không phải một LRS (có thể là một trang web). Hãy kiểm tra lại địa chỉ, thường kết thúc bằng /xAPI. Kết quả vẫn được giữ.
lrs-error-server = LRS đang gặp lỗi (mã { $status }). Máy sẽ gửi lại sau. Kết quả vẫn được giữ.
lrs-error-busy = Một lần gửi khác tới LRS này đang chạy. Hãy chờ nó xong.
lrs-error-records = Không đọc được kết quả học tập trên máy này để gửi.
lrs-error-ledger = Không ghi được sổ theo dõi việc gửi trong thư mục dữ liệu. Hãy kiểm tra ổ đĩa còn chỗ trống.

cli-push-result = đã gửi { $sent }, đã có sẵn { $already }, bị từ chối { $refused }, đang chờ { $waiting }
cli-push-no-url = Chưa có địa chỉ LRS: hãy dùng --lrs URL hoặc biến môi trường KYNANGSO_LRS_URL.
cli-push-no-records = Không tìm thấy dữ liệu học tập trong thư mục { $folder } nên chưa gửi gì. Hãy kiểm tra lại thư mục dữ liệu ghi sau --data-dir.
