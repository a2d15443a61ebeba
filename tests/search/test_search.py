"""Site search: language, live/public pages, accent folding, ranking, filters, index upkeep."""

import datetime
import re
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from search.models import SearchEntry
from search.views import PER_PAGE
from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db


def search(client, query, language="vi", **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


# -- language, live and public ------------------------------------------------------------------


def test_each_language_searches_its_own_pages_only(client, make_page, home_en):
    make_page("Giao lưu hữu nghị Việt Nam – Campuchia tại Mũi Nai")
    make_page("Friendship exchange with Cambodia in Mui Nai", parent=home_en)

    assert result_titles(search(client, "Mui Nai", "vi")) == ["Giao lưu hữu nghị Việt Nam – Campuchia tại Mũi Nai"]
    assert result_titles(search(client, "Mui Nai", "en")) == ["Friendship exchange with Cambodia in Mui Nai"]


def test_draft_and_unpublished_pages_are_not_found(client, make_page, home_vi):
    draft = StandardPage(title="Bản nháp về hợp tác Xẻo Rô", live=False)
    home_vi.add_child(instance=draft)
    draft.save_revision()
    page = make_page("Hợp tác nghề cá Xẻo Rô")
    assert result_titles(search(client, "Xeo Ro")) == ["Hợp tác nghề cá Xẻo Rô"]

    page.unpublish()
    assert result_titles(search(client, "Xeo Ro")) == []
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_restricted_pages_are_not_found(client, make_page):
    page = make_page("Tài liệu nội bộ về Xẻo Quao")
    assert result_titles(search(client, "Xeo Quao")) == ["Tài liệu nội bộ về Xẻo Quao"]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-pw")
    assert result_titles(search(client, "Xeo Quao")) == []


def test_edited_draft_does_not_change_the_index_until_published(client, make_page):
    page = make_page("Hội thảo hữu nghị Bãi Bổn")
    page.title = "Hội thảo đã đổi tên Xẻo Nhàu"
    revision = page.save_revision()
    assert result_titles(search(client, "Xeo Nhau")) == []
    assert result_titles(search(client, "Bai Bon")) == ["Hội thảo hữu nghị Bãi Bổn"]

    revision.publish()
    assert result_titles(search(client, "Xeo Nhau")) == ["Hội thảo đã đổi tên Xẻo Nhàu"]
    assert result_titles(search(client, "Bai Bon")) == []


def test_published_translation_is_indexed_in_its_language(client, make_page, en, django_capture_on_commit_callbacks):
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    page = make_page("Đoàn thanh niên Lào thăm Bãi Bổn")
    translate_object(page, [en])
    source = TranslationSource.objects.get_for_instance(page)
    english = {page.title: "Lao youth delegation visits Bai Bon", page.slug: "lao-youth-delegation"}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in english:
            StringTranslation.objects.create(
                translation_of=segment.string, locale=en, context=segment.context, data=english[segment.string.data]
            )
    translation = Translation.objects.get(source=source, target_locale=en)
    translation.save_target(publish=False)
    assert result_titles(search(client, "Lao youth", "en")) == []  # a draft translation is not searchable

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert result_titles(search(client, "Lao youth", "en")) == ["Lao youth delegation visits Bai Bon"]
    assert result_titles(search(client, "Bai Bon", "vi")) == ["Đoàn thanh niên Lào thăm Bãi Bổn"]


def test_moved_page_keeps_being_found_and_follows_restrictions(client, make_page):
    section = make_page("Chuyên mục lưu trữ Vĩnh Thuận")
    page = make_page("Kỷ niệm ngày thành lập Liên hiệp ở Xẻo Đước")
    page.move(section, pos="last-child")
    entry = SearchEntry.objects.get(page_id=page.pk)
    assert entry.path == Page.objects.get(pk=page.pk).path
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="pw-12345")
    assert result_titles(search(client, "Xeo Duoc")) == []


# -- Vietnamese folding and ranking -------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "ngoai giao nhan dan",
        "ngoại giao nhân dân",
        "NGOẠI GIAO NHÂN DÂN",
        unicodedata.normalize("NFD", "ngoại giao nhân dân"),
        "Ngoai Giao   nhan dan",
    ],
)
def test_query_with_or_without_diacritics_finds_the_page(client, make_page, query):
    make_page("Phát huy vai trò ngoại giao nhân dân trong tình hình mới")
    assert "Phát huy vai trò ngoại giao nhân dân trong tình hình mới" in result_titles(search(client, query))


@pytest.mark.parametrize("query", ["Da Nang", "da nang", "Đà Nẵng", "đà nẵng", unicodedata.normalize("NFD", "Đà Nẵng")])
def test_d_with_stroke_and_stacked_marks_are_folded(client, make_page, query):
    make_page("Đoàn công tác làm việc tại Đà Nẵng", intro="Trao đổi kinh nghiệm về đối ngoại nhân dân.")
    titles = result_titles(search(client, query))
    assert titles[0] == "Đoàn công tác làm việc tại Đà Nẵng"


def test_words_in_the_body_are_found_and_highlighted_in_the_snippet(client, make_page):
    make_page("Tin hoạt động", intro="Liên hiệp tiếp đoàn Hội Hữu nghị Nhật Bản tại Rạch Giá.")
    html = search(client, "rach gia").text
    assert "<mark>Rạch Giá</mark>" in html  # the phrase, not two lone syllables


def test_pages_matching_the_diacritics_as_typed_rank_first(client, make_page):
    typed = make_page("Lễ bàn giao nhà tình nghĩa", published=datetime.date(2023, 1, 10))
    folded_only = make_page("Ban Giáo dục tổ chức hội thảo", published=datetime.date(2024, 6, 1))
    assert typed.pk and folded_only.pk

    mine = {typed.title, folded_only.title}

    def ranked(query):
        return [title for title in result_titles(search(client, query)) if title in mine]

    # Both match once folded ("ban giao"); the one with "bàn giao" as typed comes first, though older.
    assert ranked("bàn giao") == ["Lễ bàn giao nhà tình nghĩa", "Ban Giáo dục tổ chức hội thảo"]
    assert ranked("Ban Giáo") == ["Ban Giáo dục tổ chức hội thảo", "Lễ bàn giao nhà tình nghĩa"]
    # Without diacritics neither matches as typed: newest first.
    assert ranked("ban giao") == ["Ban Giáo dục tổ chức hội thảo", "Lễ bàn giao nhà tình nghĩa"]


def test_title_matches_rank_above_body_matches(client, make_page):
    make_page("Tổng kết năm", intro="Hoạt động hữu nghị với Cuba được đẩy mạnh.", published=datetime.date(2024, 5, 1))
    make_page("Hữu nghị Việt Nam – Cuba", published=datetime.date(2020, 1, 1))
    assert result_titles(search(client, "huu nghi cuba")) == ["Hữu nghị Việt Nam – Cuba", "Tổng kết năm"]


# -- documents by number ------------------------------------------------------------------------


@pytest.fixture
def directives(home_vi):
    from foreign_relations.models import DirectiveIndexPage, DirectivePage

    library = DirectiveIndexPage.objects.child_of(home_vi).first()
    if library is None:
        library = DirectiveIndexPage(title="Văn bản", slug="van-ban-tim-kiem")
        home_vi.add_child(instance=library)
        library.save_revision().publish()

    def add(number, title, issued, summary=""):
        page = DirectivePage(title=title, document_number=number, issue_date=issued, summary=summary)
        library.add_child(instance=page)
        page.save_revision().publish()
        return page

    existing = DirectivePage.objects.live().filter(document_number="12-CT/TW", locale=home_vi.locale).first()
    target = existing or add(
        "12-CT/TW",
        "Về tăng cường sự lãnh đạo của Đảng đối với công tác đối ngoại nhân dân",
        datetime.date(2022, 1, 5),
        "Chỉ thị của Ban Bí thư về công tác đối ngoại nhân dân trong tình hình mới.",
    )
    add("120-CT/TU", "Về công tác tuyên truyền biển đảo", datetime.date(2023, 3, 1))
    add("12-NQ/TW", "Về đổi mới công tác thi đua", datetime.date(2024, 2, 1))
    add(
        "45/KH-LH",
        "Kế hoạch thực hiện Chỉ thị số 12-CT/TW năm 2024",
        datetime.date(2024, 4, 1),
        "Liên hiệp triển khai Chỉ thị 12-CT/TW của Ban Bí thư.",
    )
    return target


@pytest.mark.parametrize("query", ["12-CT/TW", "12/CT-TW", "12 CT TW", "12CT/TW", "chỉ thị 12", "Chi thi so 12"])
def test_document_number_finds_the_directive_first(client, directives, query):
    titles = result_titles(search(client, query))
    assert titles[0] == directives.title
    assert "12-CT/TW" in search(client, query).text


def test_document_number_filter_by_type(client, directives):
    response = search(client, "12-CT/TW", type="directive")
    titles = result_titles(response)
    assert titles[0] == directives.title
    assert "Kế hoạch thực hiện Chỉ thị số 12-CT/TW năm 2024" in titles
    assert result_titles(search(client, "12-CT/TW", type="page")) == []


# -- filters, pagination, empty state -----------------------------------------------------------


def test_date_range_and_content_type_filters(client, make_page, directives):
    make_page("Hội nghị đối ngoại nhân dân Mũi Nai 2021", published=datetime.date(2021, 3, 1))
    make_page("Hội nghị đối ngoại nhân dân Mũi Nai 2024", published=datetime.date(2024, 3, 1))

    query = "doi ngoai nhan dan Mui Nai"
    titles = result_titles(search(client, query, **{"from": "2024-01-01", "to": "2024-12-31"}))
    assert titles == ["Hội nghị đối ngoại nhân dân Mũi Nai 2024"]
    titles = result_titles(search(client, query, **{"from": "01/01/2021", "to": "31/12/2021"}))
    assert titles == ["Hội nghị đối ngoại nhân dân Mũi Nai 2021"]
    assert result_titles(search(client, query, type="directive")) == []
    titles = result_titles(search(client, "doi ngoai nhan dan", type="directive"))
    assert directives.title in titles
    assert not {"Hội nghị đối ngoại nhân dân Mũi Nai 2021", "Hội nghị đối ngoại nhân dân Mũi Nai 2024"} & set(titles)
    html = search(client, query, type=["page", "directive"]).text
    assert 'value="page" checked' in html and 'value="directive" checked' in html


def test_bad_filter_values_are_ignored_with_a_notice(client, make_page):
    make_page("Hội nghị Lại Sơn")
    response = search(client, "Lai Son", **{"from": "31/02/2024", "to": "not-a-date"}, type="<script>")
    assert result_titles(response) == ["Hội nghị Lại Sơn"]
    assert "search-notice" in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_pagination_and_any_page_value(client, make_page):
    for number in range(PER_PAGE + 3):
        make_page(f"Bản tin Hòn Khoai số {number}", published=datetime.date(2024, 1, 1) + datetime.timedelta(number))
    first = search(client, "hon khoai")
    assert len(result_titles(first)) == PER_PAGE
    assert f"{PER_PAGE + 3} kết quả" in first.text
    second = search(client, "hon khoai", page="2")
    assert len(result_titles(second)) == 3
    for value in ["abc", "-1", "0", "", "1.5", "%00", "9" * 40]:
        response = search(client, "hon khoai", page=value)
        assert len(result_titles(response)) in (3, PER_PAGE)
    assert result_titles(search(client, "hon khoai", page="999")) == result_titles(second)


def test_empty_state_offers_the_other_language_and_unfiltered_search(client, make_page, home_en):
    make_page("Sister province cooperation with Battambang", parent=home_en)
    response = search(client, "Battambang", "vi")
    assert result_titles(response) == []
    assert re.search(r'<a href="/en/search/\?q=Battambang" hreflang="en">1 [^<]*</a>', response.text)

    make_page("Hợp tác với tỉnh Battambang", published=datetime.date(2020, 1, 1))
    filtered = search(client, "Battambang", "vi", **{"from": "2024-01-01"})
    assert result_titles(filtered) == []
    assert 'href="/vi/search/?q=Battambang"' in filtered.text


# -- promotions, logging, report ----------------------------------------------------------------


def test_promoted_results_show_first_in_their_language(client, make_page, home_en):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    promoted = make_page("Giới thiệu Liên hiệp hữu nghị")
    english = make_page("About the union", parent=home_en)
    query = Query.get("hữu nghị")
    SearchPromotion.objects.create(query=query, page=promoted, description="Trang giới thiệu", sort_order=0)
    SearchPromotion.objects.create(query=query, page=english, sort_order=1)

    for typed in ("hữu nghị", "huu nghi", "HỮU NGHỊ"):
        html = search(client, typed).text
        assert 'class="search-promotions"' in html
        promotions = html.split('class="search-promotions"', 1)[1].split("</section>", 1)[0]
        assert "Giới thiệu Liên hiệp hữu nghị" in promotions and "Trang giới thiệu" in promotions
        assert "About the union" not in promotions
    assert 'class="search-promotions"' not in search(client, "huu nghi", page="2").text


def test_searches_are_logged_once_per_search(client, make_page):
    from search.models import SearchLog

    make_page("Hội Hữu nghị Xẻo Lá")
    search(client, "Xẻo Lá")
    search(client, "xẺo  lá")
    search(client, "Xẻo Lá", page="2")
    search(client, "")
    log = SearchLog.objects.get(query="xẻo lá")
    assert log.hits == 2 and log.results == 1 and log.language == "vi"
    assert SearchLog.objects.count() == 1


def test_popular_searches_report(client, make_page, django_user_model):
    from search.models import SearchLog

    make_page("Hội Hữu nghị Việt – Lào")
    for _ in range(3):
        search(client, "Việt Lào")
    search(client, "không có gì khớp xyz")
    admin = django_user_model.objects.filter(is_superuser=True).first()
    client.force_login(admin)
    report = client.get("/admin/reports/popular-searches/")
    assert report.status_code == 200
    assert "việt lào" in report.text and "không có gì khớp xyz" in report.text
    only_empty = client.get("/admin/reports/popular-searches/", {"no_results": "true"})
    assert "không có gì khớp xyz" in only_empty.text and "việt lào" not in only_empty.text
    csv = client.get("/admin/reports/popular-searches/", {"export": "csv"})
    assert csv.status_code == 200 and "việt lào" in b"".join(csv.streaming_content).decode()
    assert SearchLog.objects.get(query="việt lào").hits == 3


def test_popular_searches_report_is_not_for_everyone(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="reader-password-1")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/reports/popular-searches/")
    assert response.status_code in (302, 403)


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "x" * 10000,
        "ngoại giao " * 1000,
        "\x00",
        "a\x00b",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "'",
        '"',
        "' OR 1=1 --",
        "'; DROP TABLE portal_search_searchentry; --",
        "a & b | !c <-> d:* (",
        "%",
        "_",
        "\\",
        "🙂",
    ],
)
def test_bad_input_answers_normally_and_safely(client, make_page, query):
    import time

    make_page("Cảnh giác với <script>alert(2)</script> trong tin giả")
    for language in ("vi", "en"):
        started = time.monotonic()
        response = search(client, query, language)
        assert time.monotonic() - started < 2
        main = response.text.split("<main", 1)[1]
        assert "<script>alert" not in main
        assert "<img src=x" not in main
    assert SearchEntry.objects.exists()


def test_highlighted_title_is_escaped(client, make_page):
    make_page("Cảnh giác với <script>alert(2)</script> trong tin giả")
    html = search(client, "<script>").text
    assert "&lt;<mark>script</mark>&gt;alert(2)&lt;/<mark>script</mark>&gt;" in html


def test_percent_encoded_nul_in_the_url(client):
    response = client.get("/vi/search/?q=%00&page=%00&type=%00&from=%00")
    assert response.status_code == 200


# -- query count --------------------------------------------------------------------------------


def test_search_page_query_count_is_small_and_independent_of_size(client, make_page):
    def count_queries():
        client.get("/vi/search/", {"q": "Vĩnh Hòa Hưng"})  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/vi/search/", {"q": "Vĩnh Hòa Hưng"})
        assert response.status_code == 200
        return len(queries)

    for number in range(3):
        make_page(f"Tin Vĩnh Hòa Hưng {number}")
    small = count_queries()
    for number in range(3, 25):
        make_page(f"Tin Vĩnh Hòa Hưng {number}")
    large = count_queries()
    assert small == large
    assert large <= 12


def test_rebuild_command_restores_the_index(client, make_page):
    from django.core.management import call_command

    make_page("Hội chợ hữu nghị Vĩnh Thạnh")
    SearchEntry.objects.all().delete()
    assert result_titles(search(client, "Vinh Thanh")) == []
    call_command("rebuild_site_search", stdout=open("/dev/null", "w"))
    assert result_titles(search(client, "Vinh Thanh")) == ["Hội chợ hữu nghị Vĩnh Thạnh"]


def test_alias_in_the_english_tree_is_not_indexed(client, make_page, home_en):
    page = make_page("Trang chỉ có tiếng Việt về Thổ Chu")
    alias = page.create_alias(parent=home_en, update_slug="tho-chu-alias", update_locale=home_en.locale)
    assert alias.live
    assert not SearchEntry.objects.filter(page_id=alias.pk).exists()
    assert result_titles(search(client, "Tho Chu", "en")) == []
    assert result_titles(search(client, "Tho Chu", "vi")) == ["Trang chỉ có tiếng Việt về Thổ Chu"]


def test_search_is_not_served_from_the_page_cache(client, make_page, settings):
    from search.models import SearchLog

    settings.PORTAL_PAGE_CACHE = True
    make_page("Hội Hữu nghị Việt – Cuba tỉnh Kiên Giang")
    for _ in range(3):
        response = search(client, "Việt Cuba")
        assert response.get("X-Portal-Cache") in (None, "bypass")
    assert SearchLog.objects.get(query="việt cuba").hits == 3


def test_large_results_rank_the_newest_window_and_page_through_every_match(client, make_page, monkeypatch):
    from search import views

    monkeypatch.setattr(views, "LARGE_RESULT", 5)
    monkeypatch.setattr(views, "RANK_WINDOW", 10)
    monkeypatch.setattr(views, "PER_PAGE", 5)
    titled = make_page("Hồ Tà Pạ hữu nghị", published=datetime.date(2020, 1, 1))  # title match, but old
    for number in range(14):
        make_page(f"Bản tin số {number}", intro="Tin về hồ Tà Pạ.", published=datetime.date(2024, 1, 1 + number))

    seen = []
    for page in (1, 2, 3):
        seen += result_titles(search(client, "ta pa", page=str(page)))
    assert len(seen) == len(set(seen)) == 15
    first = result_titles(search(client, "ta pa"))
    assert first[0] == "Bản tin số 13"  # outside the window of the newest, the title match comes later
    assert titled.title in seen
    window = [f"Bản tin số {n}" for n in range(4, 14)]
    assert seen[:10] == sorted(window, key=lambda t: -int(t.rsplit(" ", 1)[1]))


def test_a_repeated_search_is_answered_from_memory_and_still_counted(client, make_page):
    """The results of a search are remembered for the publish generation: the same search again
    reads no index row but is still logged; a publish brings new pages in at once."""
    from search.models import SearchLog

    make_page("Hợp tác hữu nghị Vĩnh Điều")
    assert result_titles(search(client, "Vinh Dieu")) == ["Hợp tác hữu nghị Vĩnh Điều"]
    with CaptureQueriesContext(connection) as queries:
        assert result_titles(search(client, "Vinh Dieu")) == ["Hợp tác hữu nghị Vĩnh Điều"]
    assert not any("portal_search_searchentry" in q["sql"] for q in queries.captured_queries)
    assert SearchLog.objects.get(query="vinh dieu").hits == 2
    make_page("Giao lưu nhân dân xã Vĩnh Điều")
    assert sorted(result_titles(search(client, "Vinh Dieu"))) == [
        "Giao lưu nhân dân xã Vĩnh Điều",
        "Hợp tác hữu nghị Vĩnh Điều",
    ]
