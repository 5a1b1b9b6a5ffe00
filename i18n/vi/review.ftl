# Bài kiểm tra công bằng, ôn tập và ôn lại câu sai (issue 14)

review-check-missing-tests = Câu hỏi "{ $id }" chưa ghi nó kiểm tra gì ("tests": "skill", "fact" hoặc "recall").
review-check-missing-lesson = Câu hỏi "{ $id }" chưa ghi thuộc bài học nào ("lesson").
review-check-lesson-not-graded = Bài "{ $id }" không có câu kỹ năng hay kiến thức nào, nên bài kiểm tra không hỏi được về bài này.
review-check-draw-below-lessons = Mỗi lần làm bài rút { $draw } câu nhưng học phần có { $lessons } bài; bài kiểm tra phải hỏi ít nhất một câu của mỗi bài.
