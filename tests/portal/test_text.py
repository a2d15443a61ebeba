import datetime
import unicodedata

from django.utils import timezone

from portal.text import fold, format_date, nfc, normalise_query, slugify_vi, vietnamese_sort_key


def test_fold_strips_every_vietnamese_mark_and_d_bar():
    assert fold("Đà Nẵng") == "Da Nang"
    assert fold("ngoại giao nhân dân") == "ngoai giao nhan dan"
    assert fold("Ưu tiên Ơn nghĩa") == "Uu tien On nghia"
    assert fold("đường") == "duong"


def test_fold_treats_nfd_input_like_nfc():
    decomposed = unicodedata.normalize("NFD", "Kiên Giang Đà Nẵng")
    assert decomposed != "Kiên Giang Đà Nẵng"
    assert fold(decomposed) == fold("Kiên Giang Đà Nẵng") == "Kien Giang Da Nang"
    assert nfc(decomposed) == "Kiên Giang Đà Nẵng"


def test_slug_is_ascii_folded_from_the_title():
    title = "Kiện toàn và nâng cao chất lượng hoạt động Trang thông tin điện tử (Website) Liên hiệp"
    slug = slugify_vi(title)
    assert slug.startswith("kien-toan-va-nang-cao-chat-luong-hoat-dong-trang-thong-tin-dien-tu")
    assert slug.isascii()
    assert slugify_vi("Đoàn đại biểu Đà Nẵng") == "doan-dai-bieu-da-nang"
    assert len(slugify_vi("chữ " * 100)) <= 80


def test_vietnamese_alphabetical_order():
    names = ["Ơn", "Ô tô", "Đà Nẵng", "Dung", "Em", "Anh", "Ăn", "Âm", "Bình", "Oanh"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "Anh",
        "Ăn",
        "Âm",
        "Bình",
        "Dung",
        "Đà Nẵng",
        "Em",
        "Oanh",
        "Ô tô",
        "Ơn",
    ]
    assert sorted(["Hàn Quốc", "Hà Lan"], key=vietnamese_sort_key) == ["Hà Lan", "Hàn Quốc"]
    # Tones rank after the bare letter: a, à, ả, ã, á, ạ.
    assert sorted(["mạ", "má", "mà", "ma", "mả", "mã"], key=vietnamese_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_dates_in_each_languages_style():
    day = datetime.date(2022, 9, 20)
    assert format_date(day, "vi") == "20/09/2022"
    assert format_date(day, "en") == "20 September 2022"
    # Aware datetimes are shown in Viet Nam's time zone: 20:30 UTC is the next day there.
    moment = datetime.datetime(2022, 1, 4, 20, 30, tzinfo=datetime.UTC)
    assert timezone.is_aware(moment)
    assert format_date(moment, "vi") == "05/01/2022"


def test_query_normalisation():
    assert normalise_query("  ngoại\tgiao \x00 nhân   dân ") == "ngoại giao nhân dân"
    assert normalise_query(None) == ""
