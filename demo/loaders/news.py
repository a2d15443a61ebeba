"""News: the index, five sections, departments with quotas, topics, the seed article and more.

Dates are spread over the last fourteen months (several in the current month) so the archive and
the quota reports have data. Some articles are translated into English, some stay Vietnamese.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.images import demo_image
from demo.pages import child
from demo.translation import translate
from news.models import NewsIndexPage, NewsPage, NewsRelatedPage, NewsSectionPage, Topic
from portal.models import Department
from portal.text import slugify_vi

DEPARTMENTS = [
    # code, Vietnamese, English, monthly quota
    ("van-phong", "Văn phòng", "Office", 2),
    ("phong-huu-nghi", "Phòng Hữu nghị", "Friendship Department", 3),
    ("phong-du-an-phi-chinh-phu", "Phòng Dự án phi chính phủ", "Non-Governmental Projects Department", 3),
    (
        "phong-nguoi-viet-nam-o-nuoc-ngoai",
        "Phòng Công tác người Việt Nam ở nước ngoài",
        "Overseas Vietnamese Department",
        1,
    ),
]

TOPICS = [
    # Vietnamese slug, Vietnamese name, English name, English slug
    ("chi-thi-12-ct-tw", "Chỉ thị 12-CT/TW", "Directive 12-CT/TW", "directive-12-ct-tw"),
    ("giao-duc", "Giáo dục", "Education", "education"),
    ("y-te", "Y tế", "Health", "health"),
    ("bien-doi-khi-hau", "Biến đổi khí hậu", "Climate change", "climate-change"),
    ("campuchia", "Campuchia", "Cambodia", "cambodia"),
    ("han-quoc", "Hàn Quốc", "Korea", "korea"),
    ("nhat-ban", "Nhật Bản", "Japan", "japan"),
    ("an-sinh-xa-hoi", "An sinh xã hội", "Social welfare", "social-welfare"),
]

INDEX = (
    "Tin tức",
    "News",
    "news",
    "Tin hoạt động đối ngoại nhân dân của Liên hiệp các Tổ chức Hữu nghị tỉnh An Giang.",
    "News of the people-to-people diplomacy of the An Giang Union of Friendship Organizations.",
)

SECTIONS = [
    # slug, Vietnamese title, English title, English slug, Vietnamese description, English description
    (
        "doi-ngoai-nhan-dan",
        "Đối ngoại nhân dân",
        "People-to-people diplomacy",
        "people-to-people-diplomacy",
        "Hoạt động đối ngoại nhân dân, giao lưu với bạn bè quốc tế và thực hiện Chỉ thị số 12-CT/TW.",
        "People-to-people diplomacy, exchanges with international friends and Directive No. 12-CT/TW at work.",
    ),
    (
        "vien-tro-phi-chinh-phu",
        "Viện trợ phi chính phủ",
        "Foreign NGO aid",
        "foreign-ngo-aid",
        "Vận động, tiếp nhận và triển khai các dự án viện trợ của tổ chức phi chính phủ nước ngoài.",
        "Mobilising, receiving and carrying out aid projects of foreign non-governmental organizations.",
    ),
    (
        "nguoi-viet-nam-o-nuoc-ngoai",
        "Người Việt Nam ở nước ngoài",
        "Overseas Vietnamese",
        "overseas-vietnamese",
        "Kiều bào hướng về quê hương, đóng góp xây dựng An Giang.",
        "Overseas Vietnamese and their contribution to their home province.",
    ),
    (
        "huu-nghi-hop-tac",
        "Hữu nghị - Hợp tác",
        "Friendship and cooperation",
        "friendship-and-cooperation",
        "Quan hệ hữu nghị, hợp tác giữa An Giang với các địa phương, tổ chức nước ngoài.",
        "Friendship and cooperation between An Giang and foreign localities and organizations.",
    ),
    (
        "hoat-dong-lien-hiep",
        "Hoạt động Liên hiệp",
        "Union activities",
        "union-activities",
        "Hoạt động của Liên hiệp các Tổ chức Hữu nghị tỉnh và các tổ chức thành viên.",
        "The work of the provincial Union of Friendship Organizations and its member organizations.",
    ),
]

SEED_TITLE = (
    "Kiện toàn và nâng cao chất lượng hoạt động Trang thông tin điện tử (Website) "
    "Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang"
)
SEED_CAPTION = "Ban biên tập Liên hiệp các tổ chức hữu nghị tỉnh chụp ảnh lưu niệm"
SEED_AUTHOR = "TÔ VĂN DÂN"
SEED_POSITION = "Phó Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Kiên Giang"
SEED_LEAD = (
    "Ban Biên tập Trang thông tin điện tử Liên hiệp các Tổ chức Hữu nghị tỉnh được kiện toàn theo Quyết định số "
    "229/QĐ-LH ngày 13/09/2022, nhằm nâng cao chất lượng thông tin, tuyên truyền đối ngoại trên kufo.vn."
)
SEED_PARAGRAPHS = (
    "Thời gian qua Trang thông tin điện tử (Website) Liên hiệp các Tổ chức Hữu nghị tỉnh Kiên Giang (Liên hiệp), "
    "hoạt động tương đối ổn định, được các phóng viên, biên tập viên báo, đài Kiên Giang và có nhiều cộng tác viên "
    "quan tâm cộng tác, kịp thời đưa tin bài viết và hình ảnh hoạt động của Liên hiệp tỉnh đến với bạn đọc và quần "
    "chúng nhân dân trên mạng xã hội. Trong thời gian qua do ảnh hưởng của dịch bệnh Covid-19 kéo dài làm ảnh hưởng "
    "đến hoạt động của Liên hiệp, hạn chế nắm bắt thông tin tuyên truyền, thậm chí có lúc bị gián đoạn. Đến ngày 07 "
    "tháng 04 năm 2022, được Sở Thông tin và Truyền thông cấp phép hoạt động số 15/GP, chấp thuận Trang thông tin "
    "điện tử (Website) Liên hiệp tỉnh Kiên Giang, chính thức hoạt động và cấp địa chỉ tên miền.",
    "Nhằm nâng cao chất lượng hoạt động Trang thông tin điện tử (Website) Liên hiệp tỉnh Kiên Giang (tên miền: "
    "http://Kufo.vn/; Email: Lienhiepkg@kufo.vn), vừa qua Chủ tịch Liên hiệp tỉnh đã có Quyết định số 229/QĐ-LH "
    "ngày 13/09/2022 về việc kiện toàn Ban Biên tập Trang thông tin điện tử và ban hành quy chế hoạt động. Ban Biên "
    "tập được kiện toàn có 05 thành viên, do ông Tô Văn Dân - Phó Chủ tịch Liên hiệp tỉnh làm Trưởng ban, ông Nguyễn "
    "Xuân Quang – Tổng Thư ký Liên hiệp tỉnh làm Phó Trưởng ban và các thành viên là lãnh đạo, công chức của một số "
    "phòng, Ban trực thuộc. Ban Biên tập có nhiệm vụ ổn định tổ chức xây dựng, vận hành và phát triển Trang thông tin "
    "điện tử của Liên hiệp tỉnh; quản lý, kiểm duyệt thông tin, tổ chức biên tập và đưa nội dung thông tin trên Trang "
    "thông tin điện tử Liên hiệp tỉnh theo đúng quy định của pháp luật và đạt hiệu quả.",
    "Ngoài ra, nhằm nâng cao chất lượng, hiệu quả công tác phổ biến, thông tin, tuyên truyền chính sách, pháp luật và "
    "các chức năng, nhiệm vụ hoạt động của cơ quan, Ban biên tập Trang thông tin điện tử Liên hiệp tỉnh xây dựng Quy "
    "chế hoạt động cụ thể với tình hình hoạt động của cơ quan, trên nguyên tắc quy định được cho phép… Phối hợp chặt "
    "chẽ với các cộng tác viên chuyên nghiệp và không chuyên để thu thập tin, bài viết và hình ảnh minh họa thêm "
    "phong phú. Đồng thời phân công trách nhiệm rõ ràng với tất cả các thành viên và giao chỉ tiêu cho các phòng, Ban "
    "thuộc lĩnh vực phụ trách, nhiệm vụ được phân công và các đoàn thể cơ quan viết tin, bài thường xuyên để đăng "
    "trên Trang thông tin điện tử của cơ quan.",
    "Ban Biên tập theo chức năng, nhiệm vụ được giao, có trách nhiệm hướng dẫn, theo dõi, đôn đốc, biên tập các tin, "
    "bài để đăng lên Trang thông tin điện tử của cơ quan kịp thời; chịu trách nhiệm trước lãnh đạo Liên hiệp tỉnh về "
    "nội dung tin, bài đã đăng tải trên Trang thông tin điện tử. Đảm bảo các lĩnh vực, chuyên mục trên Trang Thông tin "
    "điện tử của cơ quan đều có bài viết hoặc văn bản; không để trống chuyên mục làm ảnh hưởng đến kết quả chấm điểm "
    "công nghệ thông tin năm 2022 của cơ quan. Tích cực đổi mới nội dung và hình thức để nâng cao chất lượng công tác "
    "thông tin, tuyên truyền về đường lối đối ngoại của Đảng và Nhà nước trong thời kỳ hội nhập quốc tế, những thành "
    "tựu của công cuộc đổi mới và hình ảnh đất nước, con người Việt Nam và Kiên Giang với bạn bè quốc tế. Tiếp tục tập "
    "trung tuyên truyền, thực hiện theo Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư Trung ương Đảng về “tăng "
    "cường sự lãnh đạo của Đảng, nâng cao hiệu quả của công tác đối ngoại nhân dân trong tình hình mới”. Quán triệt "
    "thực hiện quan điểm chỉ đạo của Đảng ta thúc đẩy việc mở rộng và nâng cao hiệu quả công tác đối ngoại nhân dân và "
    "vận động viện trợ các tổ chức phi chính phủ nước ngoài, tập hợp người Việt Nam ở nước ngoài hướng về đất nước, "
    "đóng góp xây dựng và bảo vệ Tổ quốc, phát triển quan hệ hữu nghị, hợp tác giữa nước ta với các nước. Nâng cao "
    "hiệu quả hợp tác với các tổ chức phi chính phủ nước ngoài và tăng cường công tác nghiên cứu, dự báo, tham mưu và "
    "thông tin đối ngoại của Liên hiệp…",
    "Để thực hiện có hiệu quả các mục tiêu trên Trang thông tin điện tử trong thời gian tới, rất mong nhận được sự "
    "phối hợp và hỗ trợ của các cấp, ngành, đoàn thể, tổ chức nhân dân và sự tham gia của các cá nhân, đóng góp về trí "
    "tuệ và vật chất để phát huy sức mạnh tổng hợp, từng bước thực hiện phương châm “ngoại giao nhân dân là sự nghiệp "
    "của toàn dân”. Với một tập thể quyết tâm, đoàn kết trên dưới một lòng, chắc chắn rằng Ban biên tập Trang thông "
    "tin điện tử Liên hiệp tỉnh sẽ tiếp tục phát triển mạnh mẽ hơn nữa để xứng đáng với lòng tin của lãnh đạo, của "
    "nhân dân./.",
)

# The seed article in English: a translation for partners, not a word-for-word rendering.
SEED_EN = {
    SEED_TITLE: "Kien Giang Union of Friendship Organizations strengthens its information portal",
    SEED_LEAD: "Decision No. 229/QĐ-LH of 13 September 2022 gives the portal of the provincial Union of Friendship "
    "Organizations a consolidated editorial board, to raise the quality of the foreign-affairs news and "
    "information published on kufo.vn.",
    SEED_PARAGRAPHS[0]: "The information portal of the Kien Giang Union of Friendship Organizations (the Union) has "
    "been running fairly steadily. Reporters and editors of the province's newspaper, radio and television, "
    "together with many volunteer contributors, have written for it, bringing news and photos of the Union's work "
    "to readers and to people on social media in good time. The long Covid-19 pandemic, however, held back the "
    "Union's work, limited the news it could gather and at times interrupted the portal altogether. On 7 April "
    "2022 the Department of Information and Communications granted the portal Licence No. 15/GP, approving it and "
    "assigning its domain name, and the portal officially went live.",
    SEED_PARAGRAPHS[1]: "To improve the portal (http://Kufo.vn/, e-mail Lienhiepkg@kufo.vn), the President of the "
    "Union has signed Decision No. 229/QĐ-LH of 13 September 2022, which consolidates the portal's editorial board "
    "and issues its regulations. The board has five members: Mr. To Van Dan, Vice President of the Union, is its "
    "head; Mr. Nguyen Xuan Quang, Secretary General of the Union, is its deputy head; the other members are "
    "leaders and officers of several of the Union's departments. The board is to put the portal on a firm "
    "footing and to build, run and develop it; to manage and check the information it carries; and to edit and "
    "publish its content lawfully and to good effect.",
    SEED_PARAGRAPHS[2]: "To make the portal a better channel for explaining policies and laws, and the Union's own "
    "mission and work, the board has also drawn up working regulations that fit the way the Union works, within "
    "what the rules allow. It works closely with professional and volunteer contributors to gather a wider range "
    "of news, articles and pictures. Every member has clear responsibilities, and each department, each unit in "
    "its field and the Union's mass organizations have a target of news and articles to write for the portal "
    "regularly.",
    SEED_PARAGRAPHS[3]: "Within its remit, the board guides contributors, follows their work, reminds them of "
    "deadlines and edits what they send, so that it is published on time; it answers to the Union's leadership "
    "for everything the portal publishes. It makes sure that every field and section of the portal carries "
    "articles or documents, so that no section is left empty and the Union's 2022 information technology "
    "assessment does not suffer. It keeps renewing the portal's content and design to explain better the foreign "
    "policy of the Party and the State in a time of international integration, the achievements of the Doi Moi "
    "reforms, and Viet Nam, Kien Giang and their people to friends abroad. It will keep promoting and carrying "
    "out Directive No. 12-CT/TW of 5 January 2022 of the Party Secretariat on strengthening the Party's "
    "leadership and making people-to-people diplomacy more effective in the new situation. Following the Party's "
    "guidance, it will help to widen people-to-people diplomacy and make it more effective, to mobilise aid from "
    "foreign non-governmental organizations, to bring overseas Vietnamese together to help build and defend their "
    "homeland, and to develop friendship and cooperation between Viet Nam and other countries; and it will "
    "strengthen the Union's cooperation with foreign non-governmental organizations and its research, "
    "forecasting, advice and external information…",
    SEED_PARAGRAPHS[4]: "To reach these goals, the portal counts on the cooperation and support of the authorities "
    "at every level, of sectors, mass organizations and people's organizations, and on the ideas and "
    "contributions of individuals, so that together they live up to the motto \u201cpeople-to-people diplomacy is "
    "the cause of the whole people\u201d. With a determined and united team, the editorial board is confident that "
    "the portal will grow stronger still and deserve the trust of the Union's leadership and of the people.",
    SEED_CAPTION: "Members of the Union's editorial board pose for a souvenir photo",
    SEED_AUTHOR: "TO VAN DAN",
    SEED_POSITION: "Vice President of the Kien Giang Union of Friendship Organizations",
}

# Each article: section, days ago (None: this month), hot, department code, topics, Vietnamese text, English text.
# "vi": (title, lead, paragraphs, caption, author, position); "en": the same in English, or None (Vietnamese only).
# "picture": what the article's photo shows (vi, en), for an article with a caption: the demo photo is generated
# from it, and its words appear in the caption and in the story (tests/demo/test_pictures.py).
ARTICLES = [
    {
        "section": "doi-ngoai-nhan-dan",
        "days": None,
        "hot": True,
        "department": "phong-huu-nghi",
        "topics": ["chi-thi-12-ct-tw"],
        "picture": ("hội nghị sơ kết", "conference"),
        "vi": (
            "Hội nghị sơ kết 3 năm thực hiện Chỉ thị số 12-CT/TW về công tác đối ngoại nhân dân",
            "Liên hiệp các Tổ chức Hữu nghị tỉnh tổ chức hội nghị sơ kết, đánh giá kết quả thực hiện Chỉ thị số "
            "12-CT/TW của Ban Bí thư và đề ra nhiệm vụ trọng tâm thời gian tới.",
            (
                "Sáng nay, tại Hội trường Liên hiệp tỉnh, hơn 80 đại biểu đại diện các sở, ngành, đoàn thể và tổ "
                "chức thành viên đã tham dự hội nghị sơ kết 3 năm thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022 của "
                "Ban Bí thư về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả công tác đối ngoại nhân dân trong "
                "tình hình mới.",
                "Báo cáo tại hội nghị cho biết, trong 3 năm qua Liên hiệp đã đón tiếp 46 đoàn khách quốc tế, tổ chức "
                "12 chương trình giao lưu hữu nghị và vận động được 27 dự án viện trợ với tổng giá trị hơn 2,1 triệu "
                "đô la Mỹ, tập trung vào y tế, giáo dục và ứng phó biến đổi khí hậu.",
                "Phát biểu kết luận, đồng chí Chủ tịch Liên hiệp đề nghị các tổ chức thành viên tiếp tục đổi mới nội "
                "dung, phương thức hoạt động, phát huy vai trò của Trang thông tin điện tử trong công tác thông tin "
                "đối ngoại.",
            ),
            "Quang cảnh hội nghị sơ kết 3 năm thực hiện Chỉ thị số 12-CT/TW",
            "NGUYỄN XUÂN QUANG",
            "Tổng Thư ký Liên hiệp các Tổ chức Hữu nghị tỉnh",
        ),
        "en": (
            "Review conference marks three years of Directive No. 12-CT/TW on people-to-people diplomacy",
            "The provincial Union of Friendship Organizations reviewed the results of the Secretariat's Directive "
            "No. 12-CT/TW and set its priorities for the coming period.",
            (
                "This morning more than 80 delegates of provincial departments, mass organizations and member "
                "organizations met at the Union's hall to review three years of Directive No. 12-CT/TW of 5 January "
                "2022 on strengthening the Party's leadership and making people-to-people diplomacy more effective.",
                "Over the three years the Union received 46 international delegations, held 12 friendship exchange "
                "programmes and mobilised 27 aid projects worth more than 2.1 million US dollars, mainly in health, "
                "education and climate change adaptation.",
                "Closing the conference, the President of the Union asked member organizations to keep renewing "
                "their work and to make full use of the information portal for external information.",
            ),
            "The conference reviewing three years of Directive No. 12-CT/TW",
            "NGUYEN XUAN QUANG",
            "Secretary General of the provincial Union of Friendship Organizations",
        ),
    },
    {
        "section": "vien-tro-phi-chinh-phu",
        "days": None,
        "hot": True,
        "department": "phong-du-an-phi-chinh-phu",
        "topics": ["y-te", "an-sinh-xa-hoi"],
        "picture": ("dụng cụ sơ cứu", "first-aid kits"),
        "vi": (
            "Tiếp nhận 500 bộ dụng cụ sơ cứu do tổ chức phi chính phủ tài trợ cho các trạm y tế xã ven biển",
            "Các trạm y tế xã ven biển vùng An Minh, An Biên được trang bị dụng cụ sơ cứu, phục vụ người dân "
            "trong mùa mưa bão.",
            (
                "Liên hiệp các Tổ chức Hữu nghị tỉnh phối hợp với Sở Y tế tổ chức lễ tiếp nhận 500 bộ dụng cụ sơ cứu "
                "và 20 máy đo huyết áp điện tử do một tổ chức phi chính phủ nước ngoài tài trợ, tổng trị giá khoảng "
                "850 triệu đồng.",
                "Các trang thiết bị được phân bổ cho 14 trạm y tế xã ven biển, nơi người dân thường gặp khó khăn khi "
                "di chuyển lên tuyến trên trong mùa mưa bão. Đại diện nhà tài trợ cho biết sẽ tiếp tục hỗ trợ tập "
                "huấn sơ cấp cứu cho nhân viên y tế thôn, ấp.",
            ),
            "Đại diện nhà tài trợ trao dụng cụ sơ cứu cho trạm y tế xã",
            "LÊ VĂN MINH",
            "Phòng Dự án phi chính phủ",
        ),
        "en": (
            "500 first-aid kits donated by a foreign NGO reach coastal commune health stations",
            "Commune health stations along the coast around An Minh and An Bien are now equipped with "
            "first-aid kits for the storm season.",
            (
                "The provincial Union of Friendship Organizations and the Department of Health received 500 first-aid "
                "kits and 20 electronic blood pressure monitors donated by a foreign non-governmental organization, "
                "worth about 850 million dong.",
                "The equipment goes to 14 coastal commune health stations, whose residents often struggle to reach "
                "regional hospitals in the storm season. The donor will also train village health workers in first aid.",
            ),
            "A donor representative hands first-aid kits to a commune health station",
            "LE VAN MINH",
            "Non-Governmental Projects Department",
        ),
    },
    {
        "section": "hoat-dong-lien-hiep",
        "days": None,
        "hot": False,
        "department": "van-phong",
        "topics": [],
        "vi": (
            "Liên hiệp tỉnh triển khai nhiệm vụ công tác tháng cuối năm",
            "Cuộc họp giao ban định kỳ thống nhất các nhiệm vụ trọng tâm, trong đó có việc hoàn thành chỉ tiêu tin, "
            "bài của các phòng.",
            (
                "Tại cuộc họp giao ban, lãnh đạo Liên hiệp tỉnh đề nghị các phòng, ban rà soát kết quả thực hiện "
                "nhiệm vụ năm, chuẩn bị hội nghị tổng kết và báo cáo kết quả vận động viện trợ.",
                "Ban Biên tập Trang thông tin điện tử nhắc các phòng hoàn thành chỉ tiêu tin, bài được giao trong "
                "tháng, bảo đảm các chuyên mục đều có bài viết mới.",
            ),
            "",
            "VĂN PHÒNG",
            "",
        ),
        "en": None,
    },
    {
        "section": "nguoi-viet-nam-o-nuoc-ngoai",
        "days": 3,
        "hot": False,
        "department": "phong-nguoi-viet-nam-o-nuoc-ngoai",
        "topics": ["giao-duc"],
        "picture": ("học bổng", "scholarships"),
        "vi": (
            "Kiều bào tại Úc trao 30 suất học bổng cho học sinh nghèo hiếu học",
            "Hội người Việt tại bang Victoria (Úc) trao học bổng cho học sinh có hoàn cảnh khó khăn ở phường "
            "Rạch Giá và các xã lân cận.",
            (
                "Mỗi suất học bổng trị giá 2 triệu đồng, kèm theo sách vở và đồ dùng học tập. Đây là năm thứ năm liên "
                "tiếp bà con kiều bào tại Úc duy trì chương trình học bổng hướng về quê hương.",
                "Đại diện Liên hiệp tỉnh cảm ơn tấm lòng của kiều bào và mong tiếp tục nhận được sự đồng hành của bà "
                "con trong các hoạt động an sinh xã hội tại địa phương.",
            ),
            "Kiều bào trao học bổng cho học sinh",
            "PHẠM THU HƯƠNG",
            "Phòng Công tác người Việt Nam ở nước ngoài",
        ),
        "en": (
            "Overseas Vietnamese in Australia give 30 scholarships to poor, hard-working pupils",
            "The Vietnamese community of Victoria, Australia, awarded scholarships to pupils in difficulty in Rach Gia "
            "ward and the neighbouring communes.",
            (
                "Each scholarship is worth 2 million dong, with books and school supplies. It is the fifth year in a "
                "row that the Vietnamese community in Australia has kept the programme going for their home province.",
                "The Union thanked the community for its generosity and hoped for its continued support of social "
                "welfare work in the province.",
            ),
            "Overseas Vietnamese present scholarships to pupils",
            "PHAM THU HUONG",
            "Overseas Vietnamese Department",
        ),
    },
    {
        "section": "huu-nghi-hop-tac",
        "days": 6,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["han-quoc"],
        "picture": ("thanh niên tình nguyện Hàn Quốc", "Korean youth volunteers"),
        "vi": (
            "Đoàn thanh niên tình nguyện Hàn Quốc giao lưu với sinh viên An Giang",
            "Hơn 40 thanh niên tình nguyện Hàn Quốc tham gia sửa chữa trường học và giao lưu văn hóa tại xã "
            "Giồng Riềng.",
            (
                "Trong 10 ngày, đoàn tình nguyện viên đã sơn sửa 6 phòng học, xây dựng sân chơi cho học sinh tiểu học "
                "và tổ chức các lớp học tiếng Hàn, kỹ năng sống cho thiếu nhi.",
                "Buổi giao lưu văn hóa với sinh viên Trường Đại học Kiên Giang diễn ra sôi nổi với các tiết mục múa "
                "truyền thống của hai nước.",
            ),
            "Thanh niên tình nguyện Hàn Quốc giao lưu cùng sinh viên Trường Đại học Kiên Giang",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": (
            "Korean youth volunteers meet An Giang students",
            "More than 40 young Korean volunteers repaired schools and took part in cultural exchanges in Giong Rieng "
            "commune.",
            (
                "In ten days the volunteers repainted six classrooms, built a playground for a primary school and ran "
                "Korean language and life-skills classes for children.",
                "A cultural exchange with students of Kien Giang University featured traditional dances of both "
                "countries.",
            ),
            "Korean youth volunteers with Kien Giang University students",
            "TRAN THI LAN",
            "Friendship Department",
        ),
    },
    {
        "section": "doi-ngoai-nhan-dan",
        "days": 12,
        "hot": True,
        "department": "phong-huu-nghi",
        "topics": ["campuchia"],
        "picture": ("giao lưu hữu nghị", "friendship exchange"),
        "vi": (
            "Giao lưu hữu nghị nhân dân hai tỉnh An Giang – Kampot",
            "Chương trình giao lưu góp phần vun đắp tình hữu nghị truyền thống, hợp tác toàn diện giữa nhân dân hai "
            "tỉnh biên giới.",
            (
                "Đoàn đại biểu tỉnh Kampot (Vương quốc Campuchia) do Phó Tỉnh trưởng dẫn đầu đã tham dự chương trình "
                "giao lưu hữu nghị tại phường Hà Tiên, với các hoạt động văn nghệ, thể thao và thăm hỏi gia đình "
                "chính sách.",
                "Hai bên trao đổi kinh nghiệm quản lý biên giới hòa bình, hợp tác phát triển du lịch và hỗ trợ người "
                "dân khu vực biên giới.",
            ),
            "Đại biểu hai tỉnh An Giang và Kampot tại chương trình giao lưu hữu nghị",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": (
            "Friendship exchange between the people of An Giang and Kampot",
            "The exchange strengthens the traditional friendship and all-round cooperation between the people of the "
            "two border provinces.",
            (
                "A delegation of Kampot Province, Kingdom of Cambodia, led by its Deputy Governor took part in a "
                "friendship programme in Ha Tien ward, with performances, sports and visits to families of war "
                "veterans.",
                "The two sides shared experience in managing a peaceful border, developing tourism together and "
                "supporting people in the border area.",
            ),
            "Delegates of An Giang and Kampot at the friendship exchange",
            "TRAN THI LAN",
            "Friendship Department",
        ),
    },
    {
        "section": "vien-tro-phi-chinh-phu",
        "days": 20,
        "hot": False,
        "department": "phong-du-an-phi-chinh-phu",
        "topics": ["bien-doi-khi-hau"],
        "picture": ("rừng ngập mặn", "mangroves"),
        "vi": (
            "Khởi động dự án trồng rừng ngập mặn thích ứng với biến đổi khí hậu tại xã An Biên",
            "Dự án do tổ chức phi chính phủ nước ngoài tài trợ sẽ trồng mới 35 ha rừng ngập mặn và hỗ trợ sinh kế "
            "cho 200 hộ dân.",
            (
                "Dự án có tổng kinh phí hơn 6 tỷ đồng, thực hiện trong 3 năm. Ngoài trồng rừng, dự án còn hỗ trợ người "
                "dân nuôi tôm – rừng bền vững và tập huấn kỹ năng phòng chống thiên tai.",
                "Liên hiệp tỉnh là cơ quan đầu mối vận động, theo dõi và giám sát việc triển khai dự án theo quy định "
                "về quản lý viện trợ phi chính phủ nước ngoài.",
            ),
            "Người dân trồng rừng ngập mặn ven biển",
            "LÊ VĂN MINH",
            "Phòng Dự án phi chính phủ",
        ),
        "en": (
            "Mangrove planting project for climate change adaptation starts in An Bien commune",
            "Funded by a foreign NGO, the project will plant 35 hectares of mangroves and support the livelihoods of "
            "200 households.",
            (
                "The project costs more than 6 billion dong over three years. Besides planting, it helps farmers run "
                "sustainable shrimp-mangrove farms and trains them in disaster preparedness.",
                "The Union mobilised the aid and monitors the project under the rules on foreign non-governmental aid.",
            ),
            "Residents plant mangroves along the coast",
            "LE VAN MINH",
            "Non-Governmental Projects Department",
        ),
    },
    {
        "section": "hoat-dong-lien-hiep",
        "days": 27,
        "hot": False,
        "department": "van-phong",
        "topics": [],
        "vi": (
            "Tập huấn nghiệp vụ viết tin, bài cho cộng tác viên Trang thông tin điện tử",
            "Hơn 30 cộng tác viên được hướng dẫn kỹ năng viết tin, chụp ảnh và chú thích ảnh đúng quy định.",
            (
                "Lớp tập huấn do Ban Biên tập Trang thông tin điện tử tổ chức, với sự tham gia giảng dạy của phóng "
                "viên Báo và Phát thanh, Truyền hình An Giang.",
                "Học viên được thực hành viết tin ngắn, đặt tít, viết sapo và ghi nguồn khi đăng lại tin, bài của cơ "
                "quan báo chí khác.",
            ),
            "",
            "VĂN PHÒNG",
            "",
        ),
        "en": None,
    },
    {
        "section": "nguoi-viet-nam-o-nuoc-ngoai",
        "days": 38,
        "hot": False,
        "department": "phong-nguoi-viet-nam-o-nuoc-ngoai",
        "topics": [],
        "picture": ("buổi gặp mặt", None),
        "vi": (
            "Gặp mặt kiều bào về quê đón Tết cổ truyền",
            "Lãnh đạo tỉnh gặp gỡ, thông tin tình hình phát triển kinh tế – xã hội của địa phương tới bà con kiều bào.",
            (
                "Buổi gặp mặt có hơn 100 kiều bào đến từ Hoa Kỳ, Úc, Pháp, Canada và Nhật Bản. Nhiều ý kiến đóng góp "
                "về thu hút đầu tư, phát triển du lịch Phú Quốc và đào tạo nguồn nhân lực.",
                "Liên hiệp tỉnh ghi nhận và sẽ tổng hợp các kiến nghị của bà con gửi các cơ quan chức năng xem xét.",
            ),
            "Kiều bào dự buổi gặp mặt đầu xuân",
            "PHẠM THU HƯƠNG",
            "Phòng Công tác người Việt Nam ở nước ngoài",
        ),
        "en": None,
    },
    {
        "section": "huu-nghi-hop-tac",
        "days": 45,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["nhat-ban", "giao-duc"],
        "picture": ("giáo viên tình nguyện người Nhật", "Japanese volunteer teacher"),
        "vi": (
            "Hội hữu nghị Việt Nam – Nhật Bản tỉnh tổ chức lớp tiếng Nhật miễn phí",
            "Lớp học dành cho thanh niên chuẩn bị đi thực tập kỹ thuật và học tập tại Nhật Bản.",
            (
                "Lớp học kéo dài 3 tháng với giáo viên tình nguyện người Nhật, kết hợp giới thiệu văn hóa, phong tục "
                "và kỹ năng làm việc tại Nhật Bản.",
                "Hội hữu nghị Việt Nam – Nhật Bản tỉnh cho biết sẽ mở thêm lớp tại đặc khu Phú Quốc trong năm tới.",
            ),
            "Giáo viên tình nguyện người Nhật đứng lớp",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": (
            "Viet Nam – Japan Friendship Association offers free Japanese classes",
            "The classes are for young people preparing to train or study in Japan.",
            (
                "The three-month course is taught by Japanese volunteer teachers and introduces Japanese culture, "
                "customs and working life.",
                "The provincial Viet Nam – Japan Friendship Association plans another class in the Phu Quoc special zone next year.",
            ),
            "A Japanese volunteer teacher in class",
            "TRAN THI LAN",
            "Friendship Department",
        ),
    },
    {
        "section": "doi-ngoai-nhan-dan",
        "days": 58,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["chi-thi-12-ct-tw"],
        "vi": (
            "Bồi dưỡng kiến thức đối ngoại nhân dân cho cán bộ cơ sở",
            "Hơn 120 cán bộ cấp xã, phường, đặc khu được cập nhật kiến thức về tình hình thế giới và công tác đối ngoại nhân dân.",
            (
                "Các báo cáo viên trình bày chuyên đề về đường lối đối ngoại của Đảng, Chỉ thị số 12-CT/TW và kỹ năng "
                "tiếp xúc, làm việc với người nước ngoài.",
                "Lớp bồi dưỡng giúp cán bộ cơ sở chủ động hơn trong việc đón tiếp, hỗ trợ các đoàn tình nguyện và tổ "
                "chức phi chính phủ tại địa phương.",
            ),
            "",
            "NGUYỄN XUÂN QUANG",
            "Tổng Thư ký Liên hiệp các Tổ chức Hữu nghị tỉnh",
        ),
        "en": None,
    },
    {
        "section": "vien-tro-phi-chinh-phu",
        "days": 71,
        "hot": False,
        "department": "phong-du-an-phi-chinh-phu",
        "topics": ["giao-duc"],
        "picture": ("trẻ em", "children"),
        "vi": (
            "Bàn giao điểm trường mầm non do tổ chức phi chính phủ tài trợ tại xã đảo",
            "Điểm trường gồm 2 phòng học, nhà vệ sinh và sân chơi, phục vụ 60 trẻ em trên đảo Hòn Nghệ.",
            (
                "Công trình có tổng kinh phí 1,2 tỷ đồng, trong đó nhà tài trợ đóng góp 1 tỷ đồng, phần còn lại do địa "
                "phương đối ứng.",
                "Phát biểu tại lễ bàn giao, đại diện Liên hiệp tỉnh cảm ơn nhà tài trợ và đề nghị địa phương quản lý, "
                "sử dụng công trình hiệu quả.",
            ),
            "Trẻ em xã đảo vui mừng trong ngôi trường mới",
            "LÊ VĂN MINH",
            "Phòng Dự án phi chính phủ",
        ),
        "en": (
            "Island kindergarten funded by a foreign NGO handed over",
            "The school has two classrooms, toilets and a playground for 60 children on Hon Nghe island.",
            (
                "The building cost 1.2 billion dong: 1 billion from the donor, the rest from the locality.",
                "At the handover the Union thanked the donor and asked the commune to look after the school well.",
            ),
            "Island children in their new school",
            "LE VAN MINH",
            "Non-Governmental Projects Department",
        ),
    },
    {
        "section": "hoat-dong-lien-hiep",
        "days": 84,
        "hot": False,
        "department": "van-phong",
        "topics": [],
        "vi": (
            "Liên hiệp tỉnh kiện toàn Ban Chấp hành nhiệm kỳ mới",
            "Hội nghị Ban Chấp hành bầu bổ sung ủy viên và thông qua chương trình công tác năm.",
            (
                "Hội nghị đã hiệp thương cử bổ sung 3 ủy viên Ban Chấp hành là đại diện các tổ chức thành viên mới "
                "thành lập.",
                "Chương trình công tác năm tập trung vào đối ngoại nhân dân, vận động viện trợ và công tác người Việt "
                "Nam ở nước ngoài.",
            ),
            "",
            "VĂN PHÒNG",
            "",
        ),
        "en": None,
    },
    {
        "section": "nguoi-viet-nam-o-nuoc-ngoai",
        "days": 97,
        "hot": True,
        "department": "phong-nguoi-viet-nam-o-nuoc-ngoai",
        "topics": ["an-sinh-xa-hoi"],
        "picture": ("nhà tình thương", "house"),
        "vi": (
            "Kiều bào Hoa Kỳ hỗ trợ xây 10 căn nhà tình thương cho hộ nghèo",
            "Mỗi căn nhà trị giá 60 triệu đồng, được bàn giao cho các hộ nghèo ở xã U Minh Thượng.",
            (
                "Nhóm kiều bào tại bang California (Hoa Kỳ) đã vận động được 600 triệu đồng để xây dựng 10 căn nhà "
                "tình thương.",
                "Những căn nhà kiên cố giúp các hộ dân yên tâm làm ăn, ổn định cuộc sống trong mùa mưa.",
            ),
            "Bàn giao nhà tình thương cho hộ nghèo",
            "PHẠM THU HƯƠNG",
            "Phòng Công tác người Việt Nam ở nước ngoài",
        ),
        "en": (
            "Overseas Vietnamese in the United States fund ten homes for poor households",
            "Each house, worth 60 million dong, was handed over to a poor household in U Minh Thuong commune.",
            (
                "A group of overseas Vietnamese in California raised 600 million dong to build ten houses.",
                "The solid houses let the families work and live safely through the rainy season.",
            ),
            "Handing a new house over to a poor household",
            "PHAM THU HUONG",
            "Overseas Vietnamese Department",
        ),
    },
    {
        "section": "huu-nghi-hop-tac",
        "days": 118,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["han-quoc"],
        "vi": (
            "Tăng cường hợp tác giữa An Giang và tỉnh Jeollanam-do (Hàn Quốc)",
            "Hai địa phương trao đổi về hợp tác nông nghiệp, thủy sản và giao lưu nhân dân.",
            (
                "Đoàn công tác tỉnh Jeollanam-do đã làm việc với Liên hiệp tỉnh và các sở, ngành về khả năng hợp tác "
                "đào tạo nghề và chế biến thủy sản.",
                "Hai bên thống nhất duy trì chương trình giao lưu thanh niên hằng năm.",
            ),
            "",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": None,
    },
    {
        "section": "doi-ngoai-nhan-dan",
        "days": 140,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["nhat-ban"],
        "vi": (
            "Đón đoàn đại biểu Hội hữu nghị Nhật – Việt tỉnh Kagawa",
            "Đoàn thăm các cơ sở giáo dục và làng nghề truyền thống tại An Giang.",
            (
                "Trong thời gian lưu lại, đoàn đã thăm Trường Trung học phổ thông chuyên Huỳnh Mẫn Đạt, làng nghề nước "
                "mắm Phú Quốc và trao quà cho học sinh khó khăn.",
                "Trưởng đoàn bày tỏ mong muốn mở rộng giao lưu học sinh giữa hai địa phương.",
            ),
            "",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": (
            "Welcoming a delegation of the Japan – Viet Nam Friendship Association of Kagawa",
            "The delegation visited schools and traditional craft villages in An Giang.",
            (
                "The delegation visited Huynh Man Dat High School for the Gifted and a Phu Quoc fish sauce village, "
                "and gave presents to pupils in difficulty.",
                "The head of the delegation hoped to expand student exchanges between the two localities.",
            ),
            "",
            "TRAN THI LAN",
            "Friendship Department",
        ),
    },
    {
        "section": "vien-tro-phi-chinh-phu",
        "days": 165,
        "hot": False,
        "department": "phong-du-an-phi-chinh-phu",
        "topics": ["y-te"],
        "vi": (
            "Khám mắt, phẫu thuật đục thủy tinh thể miễn phí cho người cao tuổi",
            "Chương trình do tổ chức phi chính phủ phối hợp với Bệnh viện Đa khoa tỉnh thực hiện.",
            (
                "Hơn 1.200 người cao tuổi được khám mắt, 150 người được phẫu thuật đục thủy tinh thể miễn phí.",
                "Chương trình góp phần giúp người cao tuổi có hoàn cảnh khó khăn cải thiện thị lực, chất lượng cuộc "
                "sống.",
            ),
            "",
            "LÊ VĂN MINH",
            "Phòng Dự án phi chính phủ",
        ),
        "en": None,
    },
    {
        "section": "hoat-dong-lien-hiep",
        "days": 190,
        "hot": False,
        "department": "van-phong",
        "topics": ["chi-thi-12-ct-tw"],
        "vi": (
            "Sơ kết công tác 6 tháng đầu năm của Liên hiệp tỉnh",
            "Liên hiệp hoàn thành tốt các chỉ tiêu đề ra, trong đó công tác vận động viện trợ vượt kế hoạch.",
            (
                "Sáu tháng đầu năm, Liên hiệp đã vận động 9 dự án viện trợ với tổng giá trị hơn 700.000 đô la Mỹ, đón "
                "14 đoàn khách quốc tế.",
                "Trang thông tin điện tử đăng tải hơn 80 tin, bài; các chuyên mục được cập nhật thường xuyên.",
            ),
            "",
            "VĂN PHÒNG",
            "",
        ),
        "en": (
            "The Union reviews its first six months",
            "The Union met its targets, and raised more aid than planned.",
            (
                "In the first six months the Union mobilised nine aid projects worth more than 700,000 US dollars and "
                "received 14 international delegations.",
                "The information portal published more than 80 articles and kept every section up to date.",
            ),
            "",
            "OFFICE",
            "",
        ),
    },
    {
        "section": "nguoi-viet-nam-o-nuoc-ngoai",
        "days": 215,
        "hot": False,
        "department": "phong-nguoi-viet-nam-o-nuoc-ngoai",
        "topics": ["giao-duc"],
        "vi": (
            "Trại hè thanh thiếu niên kiều bào tìm hiểu văn hóa quê hương",
            "30 thanh thiếu niên kiều bào tham gia trại hè tại Phú Quốc và Hà Tiên.",
            (
                "Các em được học tiếng Việt, tìm hiểu lịch sử, văn hóa và tham quan các di tích của tỉnh.",
                "Trại hè là dịp để thế hệ trẻ kiều bào gắn bó hơn với quê hương, đất nước.",
            ),
            "",
            "PHẠM THU HƯƠNG",
            "Phòng Công tác người Việt Nam ở nước ngoài",
        ),
        "en": None,
    },
    {
        "section": "huu-nghi-hop-tac",
        "days": 240,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["campuchia", "y-te"],
        "vi": (
            "Khám bệnh, cấp thuốc miễn phí cho người dân Campuchia vùng giáp biên",
            "Hơn 500 người dân tỉnh Kampot được khám bệnh, cấp thuốc miễn phí.",
            (
                "Đoàn y, bác sĩ tình nguyện của tỉnh phối hợp với Liên hiệp tổ chức chương trình tại huyện Kampong "
                "Trach.",
                "Hoạt động thể hiện tình đoàn kết, gắn bó giữa nhân dân hai nước láng giềng.",
            ),
            "",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": None,
    },
    {
        "section": "doi-ngoai-nhan-dan",
        "days": 270,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": [],
        "vi": (
            "Kỷ niệm ngày thành lập Liên hiệp các Tổ chức Hữu nghị Việt Nam",
            "Buổi lễ ôn lại truyền thống vẻ vang của công tác đối ngoại nhân dân.",
            (
                "Các đại biểu cùng ôn lại chặng đường phát triển của Liên hiệp các Tổ chức Hữu nghị Việt Nam và những "
                "đóng góp của Liên hiệp tỉnh.",
                "Nhiều tập thể, cá nhân có thành tích xuất sắc được khen thưởng.",
            ),
            "",
            "NGUYỄN XUÂN QUANG",
            "Tổng Thư ký Liên hiệp các Tổ chức Hữu nghị tỉnh",
        ),
        "en": None,
    },
    {
        "section": "vien-tro-phi-chinh-phu",
        "days": 300,
        "hot": False,
        "department": "phong-du-an-phi-chinh-phu",
        "topics": ["an-sinh-xa-hoi"],
        "vi": (
            "Hội nghị công tác phi chính phủ nước ngoài năm nay",
            "Hội nghị đánh giá tình hình quản lý, sử dụng viện trợ và định hướng vận động trong thời gian tới.",
            (
                "Trong năm, có 34 tổ chức phi chính phủ nước ngoài hoạt động tại tỉnh với tổng giá trị giải ngân hơn "
                "3 triệu đô la Mỹ.",
                "Hội nghị đề nghị các địa phương tạo điều kiện thuận lợi để các tổ chức triển khai dự án đúng tiến độ.",
            ),
            "",
            "LÊ VĂN MINH",
            "Phòng Dự án phi chính phủ",
        ),
        "en": (
            "Annual conference on foreign non-governmental aid",
            "The conference reviewed how aid is managed and used and set directions for the coming year.",
            (
                "This year 34 foreign non-governmental organizations worked in the province and disbursed more than 3 "
                "million US dollars.",
                "The conference asked communes and wards to help the organizations carry out their projects on time.",
            ),
            "",
            "LE VAN MINH",
            "Non-Governmental Projects Department",
        ),
    },
    {
        "section": "hoat-dong-lien-hiep",
        "days": 330,
        "hot": False,
        "department": "van-phong",
        "topics": [],
        "vi": (
            "Hội thi tìm hiểu công tác đối ngoại nhân dân trong cán bộ, hội viên",
            "Hội thi thu hút hơn 300 bài dự thi của cán bộ, hội viên các tổ chức thành viên.",
            (
                "Nội dung hội thi xoay quanh đường lối đối ngoại của Đảng, lịch sử ngoại giao nhân dân và các hoạt "
                "động của Liên hiệp tỉnh.",
                "Ban Tổ chức đã trao 1 giải nhất, 2 giải nhì, 3 giải ba và 10 giải khuyến khích.",
            ),
            "",
            "VĂN PHÒNG",
            "",
        ),
        "en": None,
    },
    {
        "section": "nguoi-viet-nam-o-nuoc-ngoai",
        "days": 360,
        "hot": False,
        "department": "phong-nguoi-viet-nam-o-nuoc-ngoai",
        "topics": [],
        "vi": (
            "Kiều bào đóng góp ý kiến xây dựng chính sách thu hút đầu tư",
            "Tọa đàm trực tuyến kết nối doanh nhân kiều bào với các sở, ngành của tỉnh.",
            (
                "Các doanh nhân kiều bào đề xuất nhiều giải pháp cải thiện môi trường đầu tư, nhất là trong lĩnh vực "
                "du lịch, thủy sản và năng lượng tái tạo.",
                "Liên hiệp tỉnh sẽ duy trì tọa đàm định kỳ để lắng nghe ý kiến của bà con.",
            ),
            "",
            "PHẠM THU HƯƠNG",
            "Phòng Công tác người Việt Nam ở nước ngoài",
        ),
        "en": None,
    },
    {
        "section": "huu-nghi-hop-tac",
        "days": 400,
        "hot": False,
        "department": "phong-huu-nghi",
        "topics": ["bien-doi-khi-hau"],
        "vi": (
            "Hội thảo chia sẻ kinh nghiệm ứng phó biến đổi khí hậu vùng đồng bằng",
            "Các chuyên gia quốc tế và địa phương bàn giải pháp thích ứng với xâm nhập mặn.",
            (
                "Hội thảo do Liên hiệp tỉnh phối hợp với một tổ chức phi chính phủ của Hà Lan tổ chức, với sự tham "
                "gia của các nhà khoa học và đại diện nông dân.",
                "Nhiều mô hình sản xuất lúa – tôm, trữ nước ngọt hộ gia đình được giới thiệu và đề xuất nhân rộng.",
            ),
            "",
            "TRẦN THỊ LAN",
            "Phòng Hữu nghị",
        ),
        "en": None,
    },
]


def article_picture(article):
    """The article's photo: a generated picture of what its caption says (none without a caption)."""
    caption = article["vi"][3]
    if not caption:
        return None
    picture_vi, picture_en = article["picture"]
    return demo_image(caption, label=picture_en or picture_vi)


def _article_date(days, now, index):
    if days is None:
        start = now.replace(day=1, hour=8, minute=0, second=0, microsecond=0)
        return min(now - datetime.timedelta(minutes=5 * (index + 1)), start + datetime.timedelta(hours=3 * index))
    return now - datetime.timedelta(days=days, hours=index % 5)


def _body(paragraphs, image=None, caption="", split=1):
    blocks = [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs[:split]]
    if image is not None:
        blocks.append(("image", {"image": image, "caption": caption, "credit": "", "alt_text": ""}))
    blocks += [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs[split:]]
    return blocks


def _departments(en):
    vi = Locale.objects.get(language_code="vi")
    result = {}
    for code, name_vi, name_en, quota in DEPARTMENTS:
        department, created = Department.objects.get_or_create(
            locale=vi, code=code, defaults={"name": name_vi, "monthly_quota": quota}
        )
        translate(department, {name_vi: name_en})
        result[code] = department
    return result


def _topics():
    vi = Locale.objects.get(language_code="vi")
    result = {}
    for slug, name_vi, name_en, slug_en in TOPICS:
        topic, _ = Topic.objects.get_or_create(locale=vi, slug=slug, defaults={"name": name_vi})
        translate(topic, {name_vi: name_en, slug: slug_en})
        result[slug] = topic
    return result


def _create_article(section, fields, topics, related=()):
    slug = slugify_vi(fields["title"])
    existing = NewsPage.objects.child_of(section).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = NewsPage(slug=slug, **fields)
    page.topics = topics
    page.related_links = [NewsRelatedPage(target=target) for target in related]
    section.add_child(instance=page)
    page.save_revision().publish()
    _backdate(page, page.date)
    return page, True


def _translate_article(page, english):
    """An English translation through wagtail-localize, published; like ``demo.translation.translate``
    but without re-saving the article's topics and department (already translated), which keeps the
    loader fast."""
    en = Locale.objects.get(language_code="en")
    existing = page.get_translation_or_none(en)
    if existing is not None:
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=en,
                context=segment.context,
                defaults={"data": english[segment.string.data]},
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=en)
    translation.save_target(publish=False)
    translated = NewsPage.objects.get(translation_key=page.translation_key, locale=en)
    translated.get_latest_revision().publish()
    _backdate(translated, page.date)
    return translated


def _backdate(page, date):
    """First and last publication at the article's date, as if it had been published then."""
    NewsPage.objects.filter(pk=page.pk).update(first_published_at=date, last_published_at=date)


def _english(article_vi, en_text):
    title, lead, paragraphs, caption, author, position = en_text
    vi_title, vi_lead, vi_paragraphs, vi_caption, vi_author, vi_position = article_vi
    mapping = {vi_title: title, slugify_vi(vi_title): slugify_vi(title), vi_lead: lead}
    mapping.update(zip(vi_paragraphs, paragraphs, strict=True))
    for source, target in ((vi_caption, caption), (vi_author, author), (vi_position, position)):
        if source:
            mapping[source] = target
    return mapping


def load(ctx):
    home = ctx.homes["vi"]
    now = timezone.now()
    departments = _departments(None)
    topics = _topics()

    index_title, index_en, index_slug_en, intro_vi, intro_en = INDEX
    index = child(home, NewsIndexPage, "tin-tuc", title=index_title, intro=intro_vi, show_in_menus=True)
    translate(index, {index_title: index_en, "tin-tuc": index_slug_en, intro_vi: intro_en})

    sections = {}
    for slug, title_vi, title_en, slug_en, description_vi, description_en in SECTIONS:
        section = child(index, NewsSectionPage, slug, title=title_vi, description=description_vi)
        translate(section, {title_vi: title_en, slug: slug_en, description_vi: description_en})
        sections[slug] = section

    seed_image = demo_image(SEED_CAPTION, label="Ban Bien tap Lien hiep")

    created = 0
    seed_date = timezone.make_aware(datetime.datetime(2022, 9, 20, 8, 0))
    seed, is_new = _create_article(
        sections["hoat-dong-lien-hiep"],
        {
            "title": SEED_TITLE,
            "lead": SEED_LEAD,
            # As in the original, the photo sits in the text with its caption; lists and feeds show it too.
            "listing_image": seed_image,
            "body": _body(SEED_PARAGRAPHS, seed_image, SEED_CAPTION, split=2),
            "date": seed_date,
            "author_name": SEED_AUTHOR,
            "author_position": SEED_POSITION,
            "is_hot": True,
            "department": departments["van-phong"],
        },
        [topics["chi-thi-12-ct-tw"]],
    )
    created += is_new
    _translate_article(seed, {**SEED_EN, slugify_vi(SEED_TITLE): slugify_vi(SEED_EN[SEED_TITLE])})

    previous = seed
    for n, article in enumerate(ARTICLES):
        title, lead, paragraphs, caption, author, position = article["vi"]
        image = article_picture(article)
        page, is_new = _create_article(
            sections[article["section"]],
            {
                "title": title,
                "lead": lead,
                "hero_image": image,
                "hero_caption": caption,
                "hero_credit": "Ảnh: Liên hiệp tỉnh" if image else "",
                "body": _body(paragraphs),
                "date": _article_date(article["days"], now, n),
                "author_name": author,
                "author_position": position,
                "is_hot": article["hot"],
                "department": departments[article["department"]],
            },
            [topics[slug] for slug in article["topics"]],
            related=[previous] if article["section"] == "doi-ngoai-nhan-dan" else (),
        )
        created += is_new
        if article["en"] is not None:
            mapping = _english(article["vi"], article["en"])
            if image:
                mapping["Ảnh: Liên hiệp tỉnh"] = "Photo: Provincial Union"
            _translate_article(page, mapping)
        if article["section"] == "doi-ngoai-nhan-dan":
            previous = page

    ctx.news_index = index
    ctx.news_sections = sections
    ctx.stdout.write(f"  news: {NewsPage.objects.filter(locale=home.locale).count()} articles ({created} new)")
