# check-content: a glossary term explained twice with different meanings ($first is path:line).
content-glossary-conflict = Thuật ngữ "{ $term }" đã được giải thích khác ở { $first }. Mỗi thuật ngữ chỉ có một nghĩa trong cả khóa học: viết cùng một lời giải thích, hoặc đặt tên thuật ngữ khác đi.
