module-audience = Dành cho: { $audience }
module-lessons = Các bài học
module-lesson-minutes = { $minutes } phút
module-quiz = Bài kiểm tra
module-quiz-info = { $draw } câu hỏi mỗi lần làm bài, cần đúng { $pass }% để đạt.
