"""The union's life: events and delegations, photo albums, videos, member associations and the
links to related sites, in Vietnamese with their English translations.

The associations' leaders, the events' details and the pictures are fictional demo content (the
associations' descriptions say so); upcoming events are dated from the day the demo is loaded, so
the site always has some.
"""

import datetime

from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale

from demo.images import demo_image
from demo.pages import child, paragraphs
from demo.translation import translate
from events.models import EventIndexPage, EventPage, EventRelatedPage
from foreign_relations.models import PartnerPage
from galleries.models import AlbumIndexPage, AlbumPage, AlbumPicture, VideoIndexPage, VideoPage
from members.models import MemberIndexPage, MemberLeader, MemberPage
from news.models import NewsPage
from related_sites.models import RelatedSite

FICTIONAL_VI = "Thông tin lãnh đạo và hoạt động là dữ liệu mẫu của cổng thông tin."
FICTIONAL_EN = "The leadership and activities shown are demo content of the portal."

INDEXES = [
    # model, slug, title, English slug, English title, intro, English intro
    (
        EventIndexPage,
        "su-kien",
        "Sự kiện – Đoàn ra, đoàn vào",
        "events",
        "Events and delegations",
        "Các đoàn khách quốc tế đến thăm tỉnh, đoàn của tỉnh đi công tác nước ngoài, hội nghị, giao lưu và trao "
        "tặng quà từ thiện do Liên hiệp tỉnh tổ chức hoặc phối hợp.",
        "International delegations visiting the province, the province's delegations abroad, conferences, "
        "exchanges and charity handovers organised or co-organised by the Union.",
    ),
    (
        AlbumIndexPage,
        "thu-vien-anh",
        "Thư viện ảnh",
        "photos",
        "Photo gallery",
        "Hình ảnh hoạt động đối ngoại nhân dân của Liên hiệp tỉnh.",
        "Photographs of the Union's people-to-people diplomacy.",
    ),
    (
        VideoIndexPage,
        "video",
        "Video",
        "videos",
        "Videos",
        "Phóng sự và video về hoạt động hữu nghị.",
        "Reports and videos on friendship activities.",
    ),
    (
        MemberIndexPage,
        "to-chuc-thanh-vien",
        "Các tổ chức thành viên",
        "member-associations",
        "Member associations",
        "Các hội hữu nghị là thành viên của Liên hiệp các tổ chức hữu nghị tỉnh.",
        "The friendship associations that are members of the provincial Union of Friendship Organizations.",
    ),
]

# slug, English slug, Vietnamese name, English name, native name, language, country, founded,
# leaders [(name, position vi, position en)], description (vi, en)
ASSOCIATIONS = [
    (
        "hoi-huu-nghi-viet-nam-nhat-ban",
        "viet-nam-japan-friendship-association",
        "Hội hữu nghị Việt Nam – Nhật Bản tỉnh An Giang",
        "Viet Nam – Japan Friendship Association of An Giang",
        "ベトナム・日本友好協会アンザン省支部",
        "ja",
        "JP",
        2009,
        [("Nguyễn Thị Mai", "Chủ tịch", "Chairwoman"), ("Trần Văn Hòa", "Phó Chủ tịch", "Vice Chairman")],
        (
            "Giao lưu văn hóa, học tiếng Nhật, hợp tác đào tạo nghề với các địa phương Nhật Bản.",
            "Cultural exchange, Japanese courses and vocational training with Japanese localities.",
        ),
    ),
    (
        "hoi-huu-nghi-viet-nam-han-quoc",
        "viet-nam-korea-friendship-association",
        "Hội hữu nghị Việt Nam – Hàn Quốc tỉnh An Giang",
        "Viet Nam – Korea Friendship Association of An Giang",
        "베트남-한국 우호협회 안장성 지회",
        "ko",
        "KR",
        2012,
        [("Lê Quốc Bảo", "Chủ tịch", "Chairman")],
        (
            "Kết nối doanh nghiệp, tình nguyện viên và hỗ trợ gia đình đa văn hóa.",
            "Connects businesses and volunteers and supports multicultural families.",
        ),
    ),
    (
        "hoi-huu-nghi-viet-nam-campuchia",
        "viet-nam-cambodia-friendship-association",
        "Hội hữu nghị Việt Nam – Campuchia tỉnh An Giang",
        "Viet Nam – Cambodia Friendship Association of An Giang",
        "សមាគមមិត្តភាពវៀតណាម-កម្ពុជា ខេត្តអានយ៉ាង",
        "km",
        "KH",
        1994,
        [("Danh Sóc", "Chủ tịch", "Chairman"), ("Thạch Thị Sa Rươne", "Phó Chủ tịch", "Vice Chairwoman")],
        (
            "Giao lưu nhân dân vùng biên giới, hỗ trợ khám chữa bệnh và học bổng cho học sinh hai bên biên giới.",
            "People-to-people exchange along the border, medical aid and scholarships for pupils on both sides.",
        ),
    ),
    (
        "hoi-huu-nghi-viet-nam-lao",
        "viet-nam-laos-friendship-association",
        "Hội hữu nghị Việt Nam – Lào tỉnh An Giang",
        "Viet Nam – Laos Friendship Association of An Giang",
        "ສະມາຄົມມິດຕະພາບ ຫວຽດນາມ-ລາວ ແຂວງອານຢາງ",
        "lo",
        "LA",
        2001,
        [("Phạm Minh Tâm", "Chủ tịch", "Chairman")],
        (
            "Đón tiếp lưu học sinh Lào, giao lưu văn hóa nhân dịp Tết Bunpimay.",
            "Welcomes Lao students and holds cultural exchanges at Bunpimay.",
        ),
    ),
    (
        "hoi-huu-nghi-viet-nam-trung-quoc",
        "viet-nam-china-friendship-association",
        "Hội hữu nghị Việt Nam – Trung Quốc tỉnh An Giang",
        "Viet Nam – China Friendship Association of An Giang",
        "越中友好协会安江省分会",
        "zh",
        "CN",
        2005,
        [("Huỳnh Thanh Long", "Chủ tịch", "Chairman")],
        ("Giao lưu văn hóa, thương mại và du lịch.", "Cultural, trade and tourism exchange."),
    ),
    (
        "hoi-huu-nghi-viet-nam-nga",
        "viet-nam-russia-friendship-association",
        "Hội hữu nghị Việt Nam – Nga tỉnh An Giang",
        "Viet Nam – Russia Friendship Association of An Giang",
        "Общество вьетнамско-российской дружбы провинции Анзянг",
        "ru",
        "RU",
        1998,
        [("Võ Thị Ánh", "Chủ tịch", "Chairwoman")],
        (
            "Kết nối cựu lưu học sinh tại Nga, giao lưu văn hóa và giáo dục.",
            "Connects former students in Russia; cultural and educational exchange.",
        ),
    ),
]

# slug, English slug, kind, days from today (upcoming) or a fixed date, hours, place (vi, en),
# countries, organiser (vi, en), associations, partners, title (vi, en), lead (vi, en)
EVENTS = [
    (
        "don-doan-tinh-kagawa",
        "delegation-from-kagawa",
        "incoming",
        12,
        3,
        ("Trụ sở UBND tỉnh, phường Rạch Giá", "Provincial People's Committee, Rach Gia ward"),
        ["JP"],
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organizations"),
        ["hoi-huu-nghi-viet-nam-nhat-ban"],
        ["hoi-huu-nghi-shimanami"],
        ("Đón đoàn đại biểu tỉnh Kagawa (Nhật Bản)", "Delegation from Kagawa Prefecture, Japan"),
        (
            "Đoàn trao đổi về hợp tác đào tạo nghề và giao lưu thanh niên; chiều cùng ngày thăm Trường Cao đẳng Kiên Giang.",
            "Talks on vocational training and youth exchange, followed by a visit to Kien Giang College.",
        ),
    ),
    (
        "hoi-nghi-van-dong-vien-tro-2027",
        "aid-mobilisation-conference-2027",
        "conference",
        30,
        4,
        ("Hội trường Liên hiệp tỉnh, Rạch Giá", "Union hall, Rach Gia"),
        ["DK", "DE"],
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organizations"),
        [],
        ["to-chuc-nuoc-sach-bac-au", "quy-hat-giong-xanh"],
        (
            "Hội nghị vận động viện trợ phi chính phủ nước ngoài năm 2027",
            "Conference on foreign non-governmental aid 2027",
        ),
        (
            "Hội nghị giới thiệu danh mục dự án kêu gọi tài trợ với các tổ chức phi chính phủ nước ngoài.",
            "The province presents the projects seeking funding to foreign non-governmental organizations.",
        ),
    ),
    (
        "giao-luu-tet-chol-chnam-thmay",
        "chol-chnam-thmay-exchange",
        "exchange",
        60,
        6,
        ("Xã Giang Thành", "Giang Thanh commune"),
        ["KH"],
        ("Hội hữu nghị Việt Nam – Campuchia tỉnh", "Viet Nam – Cambodia Friendship Association"),
        ["hoi-huu-nghi-viet-nam-campuchia"],
        [],
        ("Giao lưu hữu nghị nhân dịp Tết Chôl Chnăm Thmây", "Friendship exchange for Chol Chnam Thmay"),
        (
            "Nhân dân hai bên biên giới giao lưu văn nghệ, thể thao.",
            "People from both sides of the border meet for music and sport.",
        ),
    ),
    (
        "doan-cong-tac-han-quoc-2025",
        "delegation-to-korea-2025",
        "outgoing",
        datetime.date(2025, 10, 14),
        72,
        ("Gyeonggi, Hàn Quốc", "Gyeonggi, Korea"),
        ["KR"],
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organizations"),
        ["hoi-huu-nghi-viet-nam-han-quoc"],
        [],
        ("Đoàn công tác của tỉnh thăm và làm việc tại tỉnh Gyeonggi", "Provincial delegation to Gyeonggi Province"),
        (
            "Đoàn trao đổi kinh nghiệm hỗ trợ gia đình đa văn hóa và lao động.",
            "The delegation shared experience on multicultural families and labour.",
        ),
    ),
    (
        "trao-qua-hoc-sinh-ha-tien-2025",
        "gifts-for-ha-tien-pupils-2025",
        "charity",
        datetime.date(2025, 6, 2),
        3,
        ("Thành phố Hà Tiên", "Ha Tien city"),
        ["DK"],
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organizations"),
        [],
        ["to-chuc-nuoc-sach-bac-au"],
        ("Trao tặng máy lọc nước cho các trường học Hà Tiên", "Water filters handed over to schools in Ha Tien"),
        (
            "Mười hai trường tiểu học nhận máy lọc nước do tổ chức Nước sạch Bắc Âu tài trợ.",
            "Twelve primary schools received water filters funded by the Nordic Clean Water Initiative.",
        ),
    ),
    (
        "hoi-nghi-tong-ket-2024",
        "annual-review-2024",
        "conference",
        datetime.date(2024, 12, 20),
        4,
        ("Hội trường Liên hiệp tỉnh, Rạch Giá", "Union hall, Rach Gia"),
        [],
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organizations"),
        [],
        [],
        ("Hội nghị tổng kết công tác đối ngoại nhân dân năm 2024", "Review of people-to-people diplomacy in 2024"),
        (
            "Tổng kết hoạt động năm 2024 và triển khai nhiệm vụ năm 2025.",
            "The year's work reviewed and the 2025 plan adopted.",
        ),
    ),
    (
        "don-doan-tinh-champasak-2024",
        "delegation-from-champasak-2024",
        "incoming",
        datetime.date(2024, 4, 9),
        6,
        ("Rạch Giá", "Rach Gia"),
        ["LA"],
        ("Hội hữu nghị Việt Nam – Lào tỉnh", "Viet Nam – Laos Friendship Association"),
        ["hoi-huu-nghi-viet-nam-lao"],
        [],
        ("Đón đoàn đại biểu tỉnh Champasak (Lào)", "Delegation from Champasak Province, Laos"),
        (
            "Đoàn thăm các cơ sở giáo dục có lưu học sinh Lào đang học tập.",
            "The delegation visited schools where Lao students study.",
        ),
    ),
    (
        "giao-luu-van-hoa-nga-2023",
        "russian-culture-evening-2023",
        "exchange",
        datetime.date(2023, 11, 7),
        3,
        ("Nhà văn hóa tỉnh, Rạch Giá", "Provincial Cultural House, Rach Gia"),
        ["RU"],
        ("Hội hữu nghị Việt Nam – Nga tỉnh", "Viet Nam – Russia Friendship Association"),
        ["hoi-huu-nghi-viet-nam-nga"],
        [],
        ("Đêm giao lưu văn hóa Việt – Nga", "Viet Nam – Russia culture evening"),
        (
            "Cựu lưu học sinh tại Nga biểu diễn ca khúc Nga và Việt Nam.",
            "Former students in Russia sang Russian and Vietnamese songs.",
        ),
    ),
    (
        "trao-nha-tinh-nghia-2023",
        "charity-houses-2023",
        "charity",
        datetime.date(2023, 8, 15),
        3,
        ("Huyện An Biên", "An Bien district"),
        ["DE"],
        ("Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organizations"),
        [],
        ["quy-hat-giong-xanh"],
        ("Trao nhà tình nghĩa cho hộ nghèo ven biển", "Houses handed over to poor coastal families"),
        (
            "Năm căn nhà chống bão được bàn giao cho các hộ nghèo tại xã ven biển.",
            "Five storm-proof houses were handed over to poor families in a coastal commune.",
        ),
    ),
]

# slug, English slug, title (vi, en), event slug or "news" (attached to), pictures [(caption vi, en)], photographer
ALBUMS = [
    (
        "anh-don-doan-champasak",
        "photos-champasak-delegation",
        ("Ảnh: Đón đoàn tỉnh Champasak", "Photos: the Champasak delegation"),
        "don-doan-tinh-champasak-2024",
        [
            ("Lễ đón đoàn tại trụ sở Liên hiệp tỉnh", "Welcoming the delegation at the Union's office"),
            ("Hai đoàn trao đổi tại buổi làm việc", "The two delegations in talks"),
            ("Thăm lưu học sinh Lào tại Trường Cao đẳng Kiên Giang", "Visiting Lao students at Kien Giang College"),
            ("Chụp ảnh lưu niệm", "Souvenir photo"),
        ],
        "Thanh Tùng",
    ),
    (
        "anh-trao-may-loc-nuoc-ha-tien",
        "photos-water-filters-ha-tien",
        ("Ảnh: Trao máy lọc nước tại Hà Tiên", "Photos: water filters for Ha Tien schools"),
        "trao-qua-hoc-sinh-ha-tien-2025",
        [
            ("Học sinh nhận máy lọc nước", "Pupils receive the water filters"),
            ("Đại diện nhà tài trợ phát biểu", "The donor's representative speaks"),
            ("Lắp đặt máy lọc tại trường", "Installing a filter at a school"),
        ],
        "Ngọc Hân",
    ),
    (
        "anh-hoat-dong-lien-hiep",
        "photos-union-activities",
        ("Ảnh: Hoạt động của Liên hiệp tỉnh", "Photos: the Union at work"),
        "news",
        [
            ("Ban Biên tập họp triển khai nhiệm vụ", "The editorial board plans its work"),
            ("Tập huấn cộng tác viên", "Training for contributors"),
            ("Đại hội đại biểu Liên hiệp tỉnh", "The Union's congress"),
            ("Giao lưu với tình nguyện viên quốc tế", "Meeting international volunteers"),
            ("Trao học bổng hữu nghị", "Friendship scholarships"),
        ],
        "Tô Văn Dân",
    ),
]

# slug, English slug, title (vi, en), url, duration, attached event, description (vi, en), transcript (vi, en)
VIDEOS = [
    (
        "phong-su-giao-luu-chol-chnam-thmay",
        "report-chol-chnam-thmay",
        ("Phóng sự: Giao lưu hữu nghị biên giới", "Report: friendship on the border"),
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "4:12",
        "giao-luu-tet-chol-chnam-thmay",
        (
            "Phóng sự về hoạt động giao lưu nhân dân hai bên biên giới.",
            "A report on people-to-people exchange on both sides of the border.",
        ),
        (
            "Người dẫn: Chào mừng quý vị đến với chương trình. Hôm nay chúng ta cùng về xã Giang Thành…",
            "Presenter: Welcome to the programme. Today we travel to Giang Thanh commune…",
        ),
    ),
    (
        "video-gioi-thieu-lien-hiep",
        "union-introduction-video",
        ("Giới thiệu Liên hiệp các tổ chức hữu nghị tỉnh", "Introducing the provincial Union"),
        "https://vimeo.com/76979871",
        "2:45",
        None,
        ("Video giới thiệu chức năng, nhiệm vụ của Liên hiệp tỉnh.", "A short film on the Union's role and work."),
        (
            "Giọng đọc: Liên hiệp các tổ chức hữu nghị tỉnh là tổ chức chính trị – xã hội…",
            "Narrator: The provincial Union of Friendship Organizations is a socio-political organization…",
        ),
    ),
]

RELATED_SITES = [
    (
        "Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO)",
        "Viet Nam Union of Friendship Organizations (VUFO)",
        "https://vufo.org.vn/",
    ),
    ("Bộ Ngoại giao", "Ministry of Foreign Affairs", "https://www.mofa.gov.vn/"),
    ("Cổng thông tin điện tử tỉnh", "Provincial portal", "https://angiang.gov.vn/"),
    (
        "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
        "State Committee for Overseas Vietnamese",
        "https://quehuongonline.vn/",
    ),
]


def _embed(url, title):
    """A stored embed for ``url``, so the demo shows the player without asking the provider."""
    from urllib.parse import parse_qs, urlsplit

    if "youtube" in url:
        video_id = parse_qs(urlsplit(url).query)["v"][0]
        src = f"https://www.youtube-nocookie.com/embed/{video_id}"
        provider = "YouTube"
    else:
        src = f"https://player.vimeo.com/video/{urlsplit(url).path.strip('/')}"
        provider = "Vimeo"
    html = (
        f'<iframe width="640" height="360" src="{src}" title="{title}" '
        'allow="encrypted-media; picture-in-picture; fullscreen" loading="lazy"></iframe>'
    )
    Embed.objects.update_or_create(
        hash=get_embed_hash(url, None, None),
        defaults={
            "url": url,
            "type": "video",
            "html": html,
            "title": title,
            "provider_name": provider,
            "width": 640,
            "height": 360,
        },
    )


def load(ctx):
    home = ctx.homes["vi"]
    vi = Locale.objects.get(language_code="vi")
    today = timezone.localdate()

    indexes = {}
    for model, slug, title, slug_en, title_en, intro, intro_en in INDEXES:
        page = model.objects.child_of(home).first() or child(
            home, model, slug, title=title, intro=f"<p>{intro}</p>", show_in_menus=True
        )
        translate(page, {title: title_en, slug: slug_en, intro: intro_en})
        indexes[model] = page

    associations = {}
    for slug, slug_en, name_vi, name_en, native, language, country, founded, leaders, (desc, desc_en) in ASSOCIATIONS:
        page = MemberPage.objects.child_of(indexes[MemberIndexPage]).filter(slug=slug).first()
        if page is None:
            page = MemberPage(
                slug=slug,
                title=name_vi,
                name_vietnamese=name_vi,
                name_english=name_en,
                name_native=native,
                native_language=language,
                country=country,
                founded_year=founded,
                description=f"<p>{desc}</p><p>{FICTIONAL_VI}</p>",
                phone="0297 3862 000",
                email="lienhiep@example.vn",
                address="Số 1 Nguyễn Trung Trực, Rạch Giá",
            )
            page.leaders = [MemberLeader(name=name, position=position, locale=vi) for name, position, _e in leaders]
            indexes[MemberIndexPage].add_child(instance=page)
            page.save_revision().publish()
        english = {name_vi: name_en, slug: slug_en, desc: desc_en, FICTIONAL_VI: FICTIONAL_EN}
        english.update({position: position_en for _n, position, position_en in leaders})
        english["Số 1 Nguyễn Trung Trực, Rạch Giá"] = "1 Nguyen Trung Truc Street, Rach Gia"
        translate(page, english)
        associations[slug] = page

    partners = {p.slug: p for p in PartnerPage.objects.filter(locale=vi)}
    first_news = NewsPage.objects.filter(locale=vi).live().order_by("-date").first()

    events = {}
    for slug, slug_en, kind, when, hours, (place, place_en), countries, (
        organiser,
        organiser_en,
    ), member_slugs, partner_slugs, (title, title_en), (lead, lead_en) in EVENTS:
        page = EventPage.objects.child_of(indexes[EventIndexPage]).filter(slug=slug).first()
        if page is None:
            day = today + datetime.timedelta(days=when) if isinstance(when, int) else when
            starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 30)))
            page = EventPage(
                slug=slug,
                title=title,
                kind=kind,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=hours),
                place=place,
                countries=countries,
                organiser=organiser,
                lead=lead,
                body=paragraphs(lead),
            )
            page.associations = [associations[s] for s in member_slugs]
            page.partners = [partners[s] for s in partner_slugs if s in partners]
            if first_news is not None and kind in ("incoming", "charity"):
                page.related_links = [EventRelatedPage(target=first_news)]
            indexes[EventIndexPage].add_child(instance=page)
            page.save_revision().publish()
        translate(
            page,
            {title: title_en, slug: slug_en, lead: lead_en, place: place_en, organiser: organiser_en},
        )
        events[slug] = page

    for slug, slug_en, (title, title_en), attach, captions, photographer in ALBUMS:
        page = AlbumPage.objects.child_of(indexes[AlbumIndexPage]).filter(slug=slug).first()
        if page is None:
            target = first_news if attach == "news" else events.get(attach)
            date = timezone.localtime(target.starts_at).date() if isinstance(target, EventPage) else today
            page = AlbumPage(slug=slug, title=title, date=date, photographer=photographer, attached_to=target)
            page.pictures = [
                AlbumPicture(
                    image=demo_image(f"{title} {n + 1}", label=caption_en, size=(1200, 800)),
                    caption=caption,
                    locale=vi,
                )
                for n, (caption, caption_en) in enumerate(captions)
            ]
            indexes[AlbumIndexPage].add_child(instance=page)
            page.save_revision().publish()
        english = {title: title_en, slug: slug_en}
        english.update(dict(captions))
        translate(page, english)

    for slug, slug_en, (title, title_en), url, duration, attach, (desc, desc_en), (text, text_en) in VIDEOS:
        _embed(url, title_en)  # one stored player for both languages, titled in English
        page = VideoPage.objects.child_of(indexes[VideoIndexPage]).filter(slug=slug).first()
        if page is None:
            page = VideoPage(
                slug=slug,
                title=title,
                video_url=url,
                duration=duration,
                attached_to=events.get(attach),
                description=f"<p>{desc}</p>",
                transcript=f"<p>{text}</p>",
                listing_image=demo_image(f"Video {title}", label=title_en, size=(1200, 675)),
            )
            indexes[VideoIndexPage].add_child(instance=page)
            page.save_revision().publish()
        translate(page, {title: title_en, slug: slug_en, desc: desc_en, text: text_en})

    en = Locale.objects.get(language_code="en")
    for position, (name, name_en, url) in enumerate(RELATED_SITES):
        site = RelatedSite.objects.filter(locale=vi, url=url).first()
        if site is None:
            site = RelatedSite.objects.create(locale=vi, name=name, url=url, sort_order=position)
        if site.get_translation_or_none(en) is None:
            RelatedSite.objects.create(
                locale=en, name=name_en, url=url, sort_order=position, translation_key=site.translation_key
            )
