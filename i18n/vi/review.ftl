# Bài kiểm tra công bằng, ôn tập và ôn lại câu sai (issue 14)

review-check-missing-tests = Câu hỏi "{ $id }" chưa ghi nó kiểm tra gì ("tests": "skill", "fact" hoặc "recall").
review-check-missing-lesson = Câu hỏi "{ $id }" chưa ghi thuộc bài học nào ("lesson").
review-check-lesson-not-graded = Bài "{ $id }" không có câu kỹ năng hay kiến thức nào, nên bài kiểm tra không hỏi được về bài này.
review-check-draw-below-lessons = Mỗi lần làm bài rút { $draw } câu nhưng học phần có { $lessons } bài; bài kiểm tra phải hỏi ít nhất một câu của mỗi bài.

review-wrong-again = Ôn lại các câu sai
review-section = Ôn tập
review-due = Câu cần ôn: { $count }
review-due-none = Không có câu nào cần ôn.
review-start = Ôn lại câu sai
review-due-info = Câu làm sai trong bài kiểm tra sẽ được hỏi lại. Trả lời đúng hai lần liền thì câu đó không cần ôn nữa.
review-practice-info = Luyện { $count } câu ghi nhớ (số hiệu văn bản, ngày tháng). Phần này không chấm điểm, không tính vào kết quả học phần.
review-practice-start = Ôn tập câu ghi nhớ
review-title = Ôn lại câu sai
review-practice-title = Ôn tập
review-not-graded = Không chấm điểm: trả lời sai thì câu hỏi sẽ quay lại sau vài câu khác.
review-progress = Đã xong { $done }/{ $total } câu
review-again-later = Câu này sẽ được hỏi lại sau vài câu nữa.
review-next = Câu tiếp theo
review-finished = Anh/chị đã ôn xong.
review-finished-practice = Anh/chị đã trả lời đúng tất cả các câu ghi nhớ.
review-nothing = Không có câu nào để ôn.
review-back = Về trang học phần
review-no-learner = Hãy chọn học viên để việc ôn tập được ghi lại.
