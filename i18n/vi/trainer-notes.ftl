# Trainer notes (src/ui/trainer/notes.rs): each module's trainer.md in the trainer area.

trainer-tab-notes = Ghi chú cho giảng viên
trainer-notes-title = Ghi chú cho giảng viên
trainer-notes-body = Kế hoạch một buổi học 90 phút, những lỗi học viên hay mắc, câu hỏi thảo luận và việc cần làm mẫu trong bài thực hành mô phỏng. Học viên không thấy trang này.
trainer-notes-module = Học phần:
trainer-notes-module-choice = { $number }. { $title }
trainer-notes-none = Học phần này chưa có ghi chú cho giảng viên.
