"""The editorial board's groups, collection and workflows. Names are Vietnamese: they are what the
board calls them, and data migrations look them up by these names."""

COLLABORATORS = "Cộng tác viên"
EDITORS = "Biên tập viên"
LEADERSHIP = "Lãnh đạo Ban Biên tập"
TRANSLATORS = "Biên dịch viên"

ALL_GROUPS = (COLLABORATORS, EDITORS, LEADERSHIP, TRANSLATORS)

# Wagtail's root collection (created as "Root"), where pictures and documents go by default.
ROOT_COLLECTION = "Gốc"
# The image and document collection collaborators upload into.
COLLABORATORS_COLLECTION = "Cộng tác viên"

# Workflows and their tasks.
NEWS_WORKFLOW = "Duyệt tin"
TRANSLATION_WORKFLOW = "Duyệt bản dịch"
EDITOR_REVIEW_TASK = "Biên tập viên duyệt"
LEADERSHIP_APPROVAL_TASK = "Lãnh đạo duyệt đăng"
TRANSLATION_APPROVAL_TASK = "Lãnh đạo duyệt bản dịch"
