"""Vietnamese words of several syllables: phrases rank first, quoted phrases only, stop syllables,
and the highlighter marks phrases."""

import datetime

import pytest
from wagtail.rich_text import RichText

from search.text import highlight, parse_query
from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db


def search(client, query, language="vi", **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


@pytest.fixture
def diplomacy(make_page):
    """A page with "ngoại giao" as a phrase (older) and one with its syllables apart (newer)."""
    phrase = make_page(
        "Tổng kết năm hoạt động",
        intro="Liên hiệp phát huy vai trò ngoại giao nhân dân ở Rạch Sỏi.",
        published=datetime.date(2021, 1, 1),
    )
    scattered = make_page(
        "Đẩy mạnh đối ngoại nhân dân, giao lưu với người nước ngoài ở Rạch Sỏi",
        published=datetime.date(2024, 6, 1),
    )
    return phrase, scattered


@pytest.mark.parametrize("query", ["ngoại giao", "ngoai giao", "NGOẠI GIAO", "ngoại giao nhân dân"])
def test_the_phrase_ranks_above_scattered_syllables_even_in_a_title(client, diplomacy, query):
    phrase, scattered = diplomacy
    titles = result_titles(search(client, query))
    assert titles.index(phrase.title) < titles.index(scattered.title)


def test_quoted_query_matches_the_phrase_only(client, diplomacy):
    phrase, scattered = diplomacy
    assert set(result_titles(search(client, "ngoại giao Rạch Sỏi"))) == {phrase.title, scattered.title}
    assert result_titles(search(client, '"ngoại giao" Rạch Sỏi')) == [phrase.title]
    assert result_titles(search(client, "“ngoai giao” rach soi")) == [phrase.title]  # typographic quotes
    assert result_titles(search(client, '"giao ngoại" Rạch Sỏi')) == []


def test_title_then_lead_then_text_and_the_date_only_breaks_ties(client, make_page):
    body = make_page(
        "Bản tin tháng Sáu",
        body=[("paragraph", RichText("<p>Đoàn thăm hỏi Hội hữu nghị Việt Nam – Hàn Quốc tại Xẻo Rô.</p>"))],
        published=datetime.date(2025, 6, 1),
    )
    lead = make_page("Bản tin tháng Năm", intro="Đón đoàn Hàn Quốc tại Xẻo Rô.", published=datetime.date(2024, 5, 1))
    title = make_page("Hợp tác với Hàn Quốc ở Xẻo Rô", published=datetime.date(2020, 1, 1))
    title_newer = make_page("Giao lưu thanh niên Hàn Quốc ở Xẻo Rô", published=datetime.date(2021, 1, 1))
    # "hàn" and "quốc" apart, in the title: not about Korea.
    board = make_page("Ban Biên tập: thợ hàn Xẻo Rô đạt giải quốc gia", published=datetime.date(2025, 7, 1))
    titles = result_titles(search(client, "Hàn Quốc Xẻo Rô"))
    assert titles == [title_newer.title, title.title, lead.title, body.title, board.title]
    assert result_titles(search(client, "han quoc xeo ro"))[-1] == board.title


def test_stop_syllables_are_not_required_alone_and_do_not_lift_pages(client, make_page):
    role = make_page("Vai trò Hội hữu nghị Cái Nước", published=datetime.date(2020, 1, 1))
    filler = make_page(
        "Những hoạt động của các hội được cho là hiệu quả ở Cái Nước",
        intro="Các hội và những hội viên của các xã được khen trong năm của hội.",
        published=datetime.date(2025, 1, 1),
    )
    titles = result_titles(search(client, "vai trò của Hội hữu nghị Cái Nước"))
    assert titles == [role.title]  # "của" is not required of the page
    titles = result_titles(search(client, "những hoạt động của các hội Cái Nước"))
    assert titles[0] == filler.title  # the phrase typed still counts
    # A query of stop syllables only: nothing to look for alone.
    response = search(client, "của")
    assert result_titles(response) == [] and "search-notice" in response.text
    assert filler.title in result_titles(search(client, '"của các hội"'))


def test_english_stop_words(client, make_page, home_en):
    page = make_page("The role of friendship associations in Ca Mau", parent=home_en)
    make_page("Of all the meetings, the best was in Ca Mau", parent=home_en)
    assert result_titles(search(client, "the role of friendship Ca Mau", "en")) == [page.title]


def test_the_highlighter_marks_phrases_not_lone_syllables(client, diplomacy):
    html = search(client, "ngoai giao").text
    assert "<mark>ngoại giao</mark>" in html
    parsed = parse_query("ngoại giao nhân dân", "vi")
    text = "Công tác đối ngoại và giao lưu; phát huy ngoại giao nhân dân ở cơ sở."
    assert str(highlight(text, parsed)) == (
        "Công tác đối ngoại và giao lưu; phát huy <mark>ngoại giao nhân dân</mark> ở cơ sở."
    )
    # No phrase in this text: its words are marked where they are, stop syllables never alone.
    assert str(highlight("Đối ngoại và giao lưu", parse_query("ngoại giao và", "vi"))) == (
        "Đối <mark>ngoại</mark> và <mark>giao</mark> lưu"
    )
    assert str(highlight("Tin của Hội", parse_query("của Hội", "vi"))) == "Tin <mark>của Hội</mark>"


def test_parse_query_keeps_the_phrase_and_drops_stop_syllables_from_what_is_required():
    parsed = parse_query("Vai trò của Hội", "vi")
    assert parsed.folded == ["vai", "tro", "hoi"]
    assert parsed.phrase == ["vai", "tro", "cua", "hoi"]
    assert parsed.phrases == []
    # Typed with marks, "cửa" (door) is not the stop syllable "của"; typed without, "cua" may be.
    assert parse_query("cửa khẩu", "vi").folded == ["cua", "khau"]
    assert parse_query("cua khau", "vi").folded == ["khau"]
    assert parse_query('"ngoại giao" hợp tác', "vi").phrases == [["ngoai", "giao"]]
    assert not parse_query("của và các", "vi").folded and parse_query("của và các", "vi").phrases
    assert not parse_query("của", "vi")


def test_the_pairs_of_a_page_never_run_across_a_sentence_or_a_part():
    from search.index import pairs, sequence

    folded = sequence("Đẩy mạnh đối ngoại, giao lưu.", "Ngoại giao nhân dân")
    assert pairs(folded) == " day_manh manh_doi doi_ngoai giao_luu ngoai_giao giao_nhan nhan_dan "
    assert pairs(" ") == " "


@pytest.mark.parametrize(
    "words",
    ["ngoai giao", "ngoai giao nhan dan", "giao luu nhan dan", "nhan dan giao", "doi ngoai giao", "huu nghi"],
)
def test_the_pairs_index_finds_the_pages_that_hold_the_words_together(make_page, words):
    """Ranking asks the index of the pages' pairs of words whether a page holds a phrase anywhere;
    it finds the pages that reading their words in order finds, no more, no fewer."""
    from search.models import SearchEntry
    from search.query import _anywhere, _has_phrase

    texts = [
        "Ngoại giao nhân dân là thế mạnh.",
        "Đối ngoại, giao lưu nhân dân hai nước.",
        "Nhân dân giao lưu; ngoại giao.",
        "Giao lưu nhân dân. Ngoại giao nhân dân, hữu nghị.",
        "Công tác ngoại giao và nhân dân.",
        "Ngoại giao nhân ái; giao nhân dân quà.",  # every pair of "ngoại giao nhân dân", not the phrase
    ]
    for number, text in enumerate(texts):
        make_page(f"Trang {number}", intro="Hữu nghị.", body=[("paragraph", RichText(f"<p>{text}</p>"))])
    words = words.split()
    through_index = set(SearchEntry.objects.filter(_anywhere(words)).values_list("pk", flat=True))
    through_text = set(SearchEntry.objects.filter(_has_phrase("text_folded", words)).values_list("pk", flat=True))
    assert through_index == through_text
    assert through_text or words == ["doi", "ngoai", "giao"]  # "Đối ngoại, giao lưu": a comma between
