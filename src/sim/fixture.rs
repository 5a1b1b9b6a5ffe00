//! A small scenario for the engine's unit tests: three screens, a trap, checks of several kinds and a
//! back link, so transitions, checks, traps and completion are each exercised without the real lessons.

use super::model::Scenario;

pub const JSON: &str = r#"{
  "id": "mau",
  "title": "Kịch bản mẫu",
  "intro": "Dùng cho kiểm thử.",
  "window": "Cổng mẫu (mô phỏng)",
  "task": { "text": "Điền tên bé và ngày sinh.", "data": [ { "label": "Tên", "value": "Phạm Gia Bảo" } ] },
  "start": "mot",
  "screens": [
    {
      "id": "mot", "title": "Màn hình một",
      "items": [
        { "kind": "text", "id": "ten", "label": "Họ tên" },
        { "kind": "date", "id": "ngay", "label": "Ngày sinh" },
        { "kind": "number", "id": "so", "label": "Tỷ lệ", "unit": "%" },
        { "kind": "checkbox", "id": "dong-y", "label": "Đã đối chiếu" },
        { "kind": "select", "id": "chon", "label": "Dân tộc", "options": ["Kinh", "Tày"] }
      ],
      "actions": [
        { "id": "bay", "label": "Bấm đường dẫn lạ", "look": "link",
          "trap": { "feedback": "Đường dẫn giả.", "rule": "Không bấm đường dẫn lạ." } },
        { "id": "tiep", "label": "Tiếp tục", "to": "hai",
          "checks": [
            { "field": "ten", "expect": "Phạm Gia Bảo", "feedback": "Sai tên.", "rule": "Tên đúng dấu.",
              "cases": [ { "when": "diacritics", "feedback": "Thiếu dấu." }, { "value": "Phạm Gia Bão", "feedback": "Bão khác Bảo.", "rule": "Một dấu sai là tên khác." } ] },
            { "field": "ngay", "expect": "05/03/2026", "feedback": "Sai ngày.", "rule": "Ngày/tháng/năm.",
              "cases": [ { "when": "swapped", "feedback": "Đảo ngày tháng." } ] },
            { "field": "so", "expect": "8,5", "feedback": "Sai số.", "rule": "Dấu phẩy thập phân.",
              "cases": [ { "when": "decimal_point", "feedback": "Dùng dấu phẩy." } ] },
            { "field": "dong-y", "expect": true, "feedback": "Chưa đối chiếu.", "rule": "Đối chiếu trước khi gửi." },
            { "field": "chon", "feedback": "Chưa chọn.", "rule": "Không bỏ trống." }
          ] }
      ],
      "hints": ["Gợi ý một.", "Gợi ý hai."]
    },
    {
      "id": "hai", "title": "Màn hình hai",
      "items": [ { "kind": "info", "rows": [ { "label": "Tên", "field": "ten" } ] } ],
      "actions": [
        { "id": "lui", "label": "Quay lại", "to": "mot" },
        { "id": "gui", "label": "Gửi", "to": "ba" }
      ],
      "hints": ["Bấm Gửi."]
    },
    { "id": "ba", "title": "Xong", "end": true, "items": [ { "kind": "notice", "tone": "success", "text": "Đã gửi." } ] }
  ]
}"#;

pub fn scenario() -> Scenario {
    serde_json::from_str(JSON).unwrap()
}
