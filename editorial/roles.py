"""The editorial board's groups. Names are Vietnamese: they are what the board calls them."""

COLLABORATORS = "Cộng tác viên"
EDITORS = "Biên tập viên"
LEADERSHIP = "Lãnh đạo Ban Biên tập"
TRANSLATORS = "Biên dịch viên"

ALL_GROUPS = (COLLABORATORS, EDITORS, LEADERSHIP, TRANSLATORS)
