import datetime

import pytest

from importer import html
from importer.dates import parse_date

VN = datetime.timezone(datetime.timedelta(hours=7))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ngày: 20.09.2022", datetime.datetime(2022, 9, 20, tzinfo=VN)),
        ("20/09/2022 08:15", datetime.datetime(2022, 9, 20, 8, 15, tzinfo=VN)),
        ("Thứ ba, 20/9/2022", datetime.datetime(2022, 9, 20, tzinfo=VN)),
        ("Cập nhật: 08:15 - 20/09/2022", datetime.datetime(2022, 9, 20, 8, 15, tzinfo=VN)),
        ("Thứ Hai, ngày 5 tháng 12 năm 2022, 14h30", datetime.datetime(2022, 12, 5, 14, 30, tzinfo=VN)),
        ("2022-09-20T08:15:00+07:00", datetime.datetime(2022, 9, 20, 8, 15, tzinfo=VN)),
        ("Tue, 20 Sep 2022 01:15:00 +0000", datetime.datetime(2022, 9, 20, 8, 15, tzinfo=VN)),
        ("20-09-2022 3:05 PM", datetime.datetime(2022, 9, 20, 15, 5, tzinfo=VN)),
    ],
)
def test_vietnamese_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "không có ngày", "31/02/2022", "0000-00-00 00:00:00"])
def test_no_date(text):
    assert parse_date(text) is None


class Pictures(html.Resolver):
    def __init__(self):
        self.asked = []

    def image(self, url, alt="", caption=""):
        self.asked.append(url)
        return type("Image", (), {"pk": len(self.asked)})()


def blocks(source, resolver=None):
    return [
        (kind, str(value) if kind == "paragraph" else value)
        for kind, value in html.clean(source, resolver or html.Resolver(), "https://kufo.vn/a/b.html")
    ]


def test_office_markup_is_flattened():
    source = (
        "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        '<p class="MsoNormal" style="mso-margin-top-alt:auto"><b><span lang="VI" style="font-size:13pt">'
        'Liên hiệp</span></b><span style="mso-spacerun:yes">&nbsp; </span>tỉnh<o:p></o:p></p>'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        '<h4 style="color:red">Tiêu đề phụ</h4>'
        '<font face="Arial">chữ</font>'
    )
    assert blocks(source) == [("paragraph", "<p><b>Liên hiệp</b> tỉnh</p><h3>Tiêu đề phụ</h3><p>chữ</p>")]


def test_scripts_handlers_and_pixels_are_dropped():
    resolver = Pictures()
    source = (
        '<p onclick="x()" onmouseover="y()">An <a href="javascript:alert(1)">toàn</a> '
        '<a href="/lien-he" onclick="z()" style="color:red">liên hệ</a></p>'
        '<script>alert(1)</script><style>p{}</style><iframe src="https://ads.example"></iframe>'
        '<img src="https://www.facebook.com/tr?id=1" width="1" height="1">'
        '<img src="/pixel.gif"><img src="/a.jpg" width="1" height="1"><img src="/anh.jpg" alt="Ảnh">'
        '<form><input name="q"></form>'
    )
    result = blocks(source, resolver)
    assert result[0] == ("paragraph", '<p>An toàn <a href="https://kufo.vn/lien-he">liên hệ</a></p>')
    assert [kind for kind, _value in result] == ["paragraph", "image"]
    assert resolver.asked == ["https://kufo.vn/anh.jpg"]
    assert result[1][1]["alt_text"] == "Ảnh"


def test_text_is_nfc_and_pictures_split_paragraphs():
    decomposed = "Vie\u0323\u0302t Nam"
    result = blocks(f"<p><b>{decomposed} trước<img src='x.jpg'> sau</b></p>", Pictures())
    assert result[0] == ("paragraph", "<p><b>Việt Nam trước</b></p>")
    assert result[1][0] == "image"
    assert result[2] == ("paragraph", "<p><b>sau</b></p>")


def test_wordpress_paragraphs_and_lists():
    text = 'Đoạn một\ndòng hai\n\nĐoạn ba\n\n<ul><li>Một<ul><li>Hai</li></ul></li></ul>\n\n[gallery ids="1,2"]'
    assert blocks(html.wpautop(text)) == [
        ("paragraph", "<p>Đoạn một<br/>dòng hai</p><p>Đoạn ba</p><ul><li>Một</li><li>Hai</li></ul>")
    ]


class Terminal:
    def __init__(self):
        self.written = []

    def write(self, text, ending="\n"):
        self.written.append(text + ending)

    def flush(self):
        pass


def test_progress_bar_on_a_terminal_and_plain_lines_otherwise():
    from django.utils import translation

    from importer.progress import Progress

    terminal = Terminal()
    with translation.override("en"):
        progress = Progress(terminal, 2, tty=True)
        progress.step("created", "“A”")
        progress.step("failed", "“B”", "the date cannot be read")
        progress.finish()
    text = "".join(terminal.written)
    assert "2/2" in text and "/s" in text and "left" in text and "█" in text
    assert "failed: “B”: the date cannot be read" in text
    plain = Terminal()
    with translation.override("en"):
        progress = Progress(plain, 2, tty=False, dry_run=True)
        progress.step("created", "“A”", "section “Tin”")
    assert plain.written == ["[1/2] would create: “A” — section “Tin”\n"]
    assert "█" not in "".join(plain.written)


def test_only_wordpress_shortcodes_are_removed():
    text = "Xem [video] và [xem tiếp] [vc_row][vc_column]nội dung[/vc_column][/vc_row] [1]"
    assert html.wpautop(text) == "<p>Xem  và [xem tiếp] nội dung [1]</p>"
    assert html.wpautop(text, shortcodes=False) == f"<p>{text}</p>"
