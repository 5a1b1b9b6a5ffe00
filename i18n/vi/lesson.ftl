lesson-position = Bài { $current }/{ $total }
lesson-prev = « Bài trước
lesson-next = Bài tiếp theo »
lesson-back-to-module = Về trang học phần
lesson-keys-hint = Bấm phím mũi tên trái hoặc phải để chuyển bài.
lesson-image-missing = Không hiển thị được hình { $name }.
lesson-link-hint = Địa chỉ này chỉ để đọc; ứng dụng không mở trang web.
