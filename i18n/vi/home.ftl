home-title = Chọn học phần
home-intro = Mỗi học phần gồm các bài học ngắn và một bài kiểm tra. Học theo thứ tự hoặc chọn phần anh/chị cần.
home-minutes = Khoảng { $minutes } phút
home-lesson-count = { $count } bài học
home-open = Mở học phần
home-status-not-started = Chưa học
