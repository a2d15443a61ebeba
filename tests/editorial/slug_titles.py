"""Real Vietnamese titles (every tone on every vowel, stacked marks, đ/Đ, punctuation, long ones)."""

import unicodedata

TITLES = [
    "Đoàn đại biểu tỉnh Kampot thăm và làm việc tại Kiên Giang",
    "Lễ kỷ niệm Quốc khánh Việt Nam",
    "Đoàn đại biểu tỉnh Kampot… thăm và làm việc",
    "Hội nghị tổng kết công tác đối ngoại nhân dân năm 2025",
    "Gặp mặt hữu nghị Việt – Lào nhân dịp Tết cổ truyền Bunpimay",
    "Trao tặng 50 suất quà cho học sinh nghèo vượt khó (đợt 2)",
    "Ủy ban MTTQ tỉnh: “Tăng cường hợp tác, hữu nghị”",
    "Thư chúc mừng của Chủ tịch Liên hiệp nhân ngày 2/9",
    "Ăn ở ấm êm, ơn ưa, ừ ứ ự ử ữ",
    "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ đ",
    "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ Đ",
    "Khuyến học – khuyến tài: Quỹ “Vì người nghèo” tiếp nhận 1.250.000.000 đồng từ các nhà hảo tâm trong và ngoài nước",
    "   Nâng cao chất lượng   hoạt động ",
    "Việt Nam & Campuchia: 50 năm quan hệ ngoại giao (1967–2017)",
    unicodedata.normalize("NFD", "Đoàn công tác thăm hữu nghị tỉnh bạn — Phnôm Pênh"),
]
