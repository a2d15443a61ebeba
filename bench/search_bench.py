"""Site search benchmark: seeds bilingual articles into a dedicated PostgreSQL database and prints
p50/p95 latency of ``/<lang>/search/`` for a fixed set of queries.

    .venv/bin/python bench/search_bench.py \
        --database-url postgres://postgres@127.0.0.1:55432/portal_search_bench --articles 20000

The database name must end in ``_bench``: the script creates it when missing, migrates it, loads
the demo site's home pages and bulk-inserts the articles (rows written directly, in batches,
with their search index rows), so seeding 20,000 articles takes a minute or two. A second run
reuses the seeded articles (``--reseed`` drops the database first). Latency is measured through
Django's test client: the whole view (query parsing, SQL, snippets, template, site chrome).
"""

import argparse
import datetime
import os
import random
import re
import sys
import time
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("vi", {"q": "ngoại giao nhân dân"}),
    ("vi", {"q": "ngoai giao nhan dan"}),
    ("vi", {"q": "Đà Nẵng"}),
    ("vi", {"q": "da nang"}),
    ("vi", {"q": "hữu nghị"}),
    ("vi", {"q": "hợp tác quốc tế Kiên Giang"}),
    ("vi", {"q": "viện trợ phi chính phủ nước ngoài"}),
    ("vi", {"q": "12-CT/TW"}),
    ("vi", {"q": "chỉ thị 12"}),
    ("vi", {"q": "hữu nghị", "type": "news", "from": "2023-01-01", "to": "2023-12-31"}),
    ("vi", {"q": "hữu nghị", "page": "40"}),
    ("vi", {"q": "hữu nghị", "sort": "date"}),
    ("vi", {"q": "không có trang nào khớp xyzw"}),
    ("en", {"q": "friendship"}),
    ("en", {"q": "people-to-people diplomacy"}),
    ("en", {"q": "Da Nang"}),
    ("en", {"q": "aid project Kien Giang"}),
    ("en", {"q": "12-CT/TW"}),
]

VI_SUBJECTS = [
    "Liên hiệp các tổ chức hữu nghị tỉnh",
    "Hội hữu nghị Việt Nam – Nhật Bản",
    "Đoàn công tác của tỉnh Kiên Giang",
    "Ủy ban nhân dân thành phố Đà Nẵng",
    "Tổ chức phi chính phủ nước ngoài",
    "Hội Liên lạc với người Việt Nam ở nước ngoài",
    "Đại sứ quán Hàn Quốc",
    "Hội hữu nghị Việt Nam – Campuchia",
    "Ban Biên tập trang thông tin điện tử",
    "Đoàn thanh niên tỉnh Phú Quốc",
]
VI_VERBS = [
    "tổ chức hội nghị về",
    "tăng cường hợp tác quốc tế trong",
    "trao quà hỗ trợ cho",
    "ký kết biên bản ghi nhớ về",
    "triển khai dự án viện trợ về",
    "tổng kết công tác ngoại giao nhân dân về",
    "tiếp đoàn đại biểu quốc tế về",
    "phát động chương trình giao lưu về",
]
VI_OBJECTS = [
    "y tế cộng đồng",
    "giáo dục vùng biên giới",
    "nước sạch nông thôn",
    "phòng chống thiên tai",
    "bảo tồn rừng U Minh Thượng",
    "du lịch biển đảo Hà Tiên",
    "sinh kế cho phụ nữ dân tộc Khmer",
    "học bổng cho học sinh nghèo",
    "thực hiện Chỉ thị số 12-CT/TW",
    "tình hữu nghị giữa nhân dân hai nước",
]
EN_SUBJECTS = [
    "The provincial Union of Friendship Organizations",
    "The Viet Nam – Japan Friendship Association",
    "A delegation from Kien Giang Province",
    "The People's Committee of Da Nang",
    "A foreign non-governmental organization",
    "The Korean Embassy",
    "The Viet Nam – Cambodia Friendship Association",
    "The editorial board of the portal",
    "Phu Quoc youth union",
]
EN_VERBS = [
    "holds a conference on",
    "strengthens international cooperation in",
    "presents gifts supporting",
    "signs a memorandum of understanding on",
    "launches an aid project for",
    "reviews people-to-people diplomacy in",
    "receives an international delegation about",
    "starts an exchange programme on",
]
EN_OBJECTS = [
    "community health",
    "education in border areas",
    "clean water for rural villages",
    "disaster prevention",
    "the U Minh Thuong forest",
    "sea and island tourism in Ha Tien",
    "livelihoods for Khmer women",
    "scholarships for poor pupils",
    "carrying out Directive No. 12-CT/TW",
    "friendship between the peoples of the two countries",
]


# Places, partners and topics give each article its own words: a place name is in a few percent of
# the articles, while "hữu nghị" / "friendship" is in nearly all of them, as on the real site.
PLACES = [
    ("Đà Nẵng", "Da Nang"),
    ("Hà Tiên", "Ha Tien"),
    ("Phú Quốc", "Phu Quoc"),
    ("Rạch Giá", "Rach Gia"),
    ("Kiên Lương", "Kien Luong"),
    ("Hòn Đất", "Hon Dat"),
    ("Tân Hiệp", "Tan Hiep"),
    ("Châu Thành", "Chau Thanh"),
    ("Giồng Riềng", "Giong Rieng"),
    ("Gò Quao", "Go Quao"),
    ("An Biên", "An Bien"),
    ("An Minh", "An Minh"),
    ("Vĩnh Thuận", "Vinh Thuan"),
    ("U Minh Thượng", "U Minh Thuong"),
    ("Giang Thành", "Giang Thanh"),
    ("Kiên Hải", "Kien Hai"),
    ("Cần Thơ", "Can Tho"),
    ("Cà Mau", "Ca Mau"),
    ("An Giang", "An Giang"),
    ("Hà Nội", "Ha Noi"),
    ("Huế", "Hue"),
    ("Hải Phòng", "Hai Phong"),
    ("Đồng Tháp", "Dong Thap"),
    ("Bạc Liêu", "Bac Lieu"),
    ("Sóc Trăng", "Soc Trang"),
    ("Trà Vinh", "Tra Vinh"),
    ("Vĩnh Long", "Vinh Long"),
    ("Bến Tre", "Ben Tre"),
    ("Long An", "Long An"),
    ("Tiền Giang", "Tien Giang"),
]
PARTNERS = [
    ("Nhật Bản", "Japan"),
    ("Hàn Quốc", "Korea"),
    ("Campuchia", "Cambodia"),
    ("Lào", "Laos"),
    ("Cuba", "Cuba"),
    ("Pháp", "France"),
    ("Đức", "Germany"),
    ("Úc", "Australia"),
    ("Hoa Kỳ", "the United States"),
    ("Thái Lan", "Thailand"),
    ("Singapore", "Singapore"),
    ("Ấn Độ", "India"),
    ("Nga", "Russia"),
    ("Trung Quốc", "China"),
    ("Canada", "Canada"),
    ("Hà Lan", "the Netherlands"),
    ("Bỉ", "Belgium"),
    ("Thụy Điển", "Sweden"),
    ("Na Uy", "Norway"),
    ("Ý", "Italy"),
]
TOPICS = [
    ("y tế cộng đồng", "community health"),
    ("giáo dục vùng biên giới", "education in border areas"),
    ("nước sạch nông thôn", "clean rural water"),
    ("phòng chống thiên tai", "disaster prevention"),
    ("bảo tồn rừng ngập mặn", "mangrove conservation"),
    ("du lịch biển đảo", "island tourism"),
    ("sinh kế cho phụ nữ", "livelihoods for women"),
    ("học bổng cho học sinh nghèo", "scholarships for poor pupils"),
    ("thực hiện Chỉ thị số 12-CT/TW", "carrying out Directive No. 12-CT/TW"),
    ("khắc phục hậu quả chất độc da cam", "overcoming the consequences of Agent Orange"),
    ("hỗ trợ người khuyết tật", "support for people with disabilities"),
    ("nhà tình nghĩa", "charity houses"),
    ("ứng phó biến đổi khí hậu", "climate change adaptation"),
    ("nuôi trồng thủy sản", "aquaculture"),
    ("văn hóa Khmer", "Khmer culture"),
    ("người Việt Nam ở nước ngoài", "overseas Vietnamese"),
    ("tìm kiếm hài cốt liệt sĩ", "repatriating remains of fallen soldiers"),
    ("xóa đói giảm nghèo", "poverty reduction"),
    ("đào tạo nghề", "vocational training"),
    ("chăm sóc sức khỏe bà mẹ trẻ em", "mother and child health care"),
]
VI_OPENINGS = [
    "Liên hiệp các tổ chức hữu nghị tỉnh",
    "Hội hữu nghị",
    "Đoàn công tác của tỉnh",
    "Ủy ban nhân dân",
    "Tổ chức phi chính phủ nước ngoài",
    "Ban Biên tập",
    "Đoàn thanh niên",
    "Hội Liên hiệp phụ nữ",
]
VI_VERBS = [
    "tổ chức hội nghị về",
    "tăng cường hợp tác quốc tế về",
    "trao quà hỗ trợ",
    "ký kết biên bản ghi nhớ về",
    "triển khai dự án viện trợ về",
    "tổng kết công tác ngoại giao nhân dân về",
    "tiếp đoàn đại biểu về",
    "phát động chương trình giao lưu về",
]
EN_OPENINGS = [
    "The provincial Union of Friendship Organizations",
    "The friendship association",
    "A provincial delegation",
    "The People's Committee",
    "A foreign non-governmental organization",
    "The editorial board",
    "The youth union",
    "The Women's Union",
]
EN_VERBS = [
    "holds a conference on",
    "strengthens international cooperation on",
    "presents gifts for",
    "signs a memorandum of understanding on",
    "launches an aid project on",
    "reviews people-to-people diplomacy on",
    "receives a delegation about",
    "starts an exchange programme on",
]


def sentence(rng, language, place=None, partner=None, topic=None):
    i = 0 if language == "vi" else 1
    place = place or rng.choice(PLACES)
    partner = partner or rng.choice(PARTNERS)
    topic = topic or rng.choice(TOPICS)
    if language == "vi":
        return (
            f"{rng.choice(VI_OPENINGS)} {rng.choice(VI_VERBS)} {topic[i]} tại {place[i]} "
            f"cùng đối tác {partner[i]}, vì tình hữu nghị giữa nhân dân hai nước."
        )
    return (
        f"{rng.choice(EN_OPENINGS)} {rng.choice(EN_VERBS)} {topic[i]} in {place[i]} "
        f"with partners from {partner[i]}, for friendship between the two peoples."
    )


def paragraph(rng, language, count, **subject):
    return " ".join(sentence(rng, language, **subject) for _ in range(count))


def ensure_database(url):
    import psycopg2

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        raise SystemExit(f"Refusing to seed {name!r}: the benchmark database name must end in '_bench'.")
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
    return admin, name, exists


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()


def article_model():
    """NewsPage under a news section when the news app has it, else StandardPage under the home."""
    from django.apps import apps

    try:
        return apps.get_model("news", "NewsPage")
    except LookupError:
        return None


def parents(homes):
    """The page each language's articles go under."""
    from home.models import StandardPage

    model = article_model()
    result = {}
    for language, home in homes.items():
        if model is None:
            parent = StandardPage.objects.child_of(home).filter(slug="bench-articles").first()
            if parent is None:
                parent = StandardPage(title="Bench articles", slug="bench-articles")
                home.add_child(instance=parent)
                parent.save_revision().publish()
            result[language] = parent
            continue
        from news.models import NewsIndexPage, NewsSectionPage

        index = NewsIndexPage.objects.child_of(home).first()
        if index is None:
            index = NewsIndexPage(title="Tin tức" if language == "vi" else "News", slug=f"bench-news-{language}")
            home.add_child(instance=index)
            index.save_revision().publish()
        section = NewsSectionPage.objects.child_of(index).filter(slug="bench-section").first()
        if section is None:
            section = NewsSectionPage(title="Bench", slug="bench-section")
            index.add_child(instance=section)
            section.save_revision().publish()
        result[language] = section
    return result


def seed(total, stdout=print):
    """Insert ``total`` live articles (60 % Vietnamese, 40 % English translations) and index them."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    from bench.bulk import child_path, insert_pages
    from demo.loaders import site
    from home.models import StandardPage
    from search.index import build_entry
    from search.models import SearchEntry

    ctx = SimpleNamespace(password="bench-password", hostname="127.0.0.1", port=8000, stdout=sys.stdout, homes={})
    site.load(ctx)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    model = article_model() or StandardPage
    content_type = ContentType.objects.get_for_model(model)
    under = parents(ctx.homes)
    existing = SearchEntry.objects.filter(content_type=content_type).count()
    if existing >= total:
        stdout(f"{existing} articles already seeded.")
        return existing
    rng = random.Random(20260101)
    vi_count = int(total * 0.6)
    keys = [uuid.uuid4() for _ in range(vi_count)]
    plan = [("vi", keys[i]) for i in range(vi_count)] + [("en", keys[i]) for i in range(total - vi_count)]
    start = time.monotonic()
    batch_size = 1000
    with transaction.atomic():
        for language in ("vi", "en"):
            parent = Page.objects.get(pk=under[language].pk)
            items = [key for lang, key in plan if lang == language]
            step = parent.numchild
            for offset in range(0, len(items), batch_size):
                base_rows = []
                for key in items[offset : offset + batch_size]:
                    step += 1
                    subject = {
                        "place": rng.choice(PLACES),
                        "partner": rng.choice(PARTNERS),
                        "topic": rng.choice(TOPICS),
                    }
                    title = sentence(rng, language, **subject).split(",")[0]
                    slug = f"bai-{step}"
                    moment = timezone.make_aware(
                        datetime.datetime(2019, 1, 1, 8) + datetime.timedelta(hours=rng.randrange(0, 7 * 365 * 24))
                    )
                    page = model(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=child_path(parent, step),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        locale=locales[language],
                        translation_key=key,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=moment,
                        last_published_at=moment,
                        show_in_menus=False,
                    )
                    body = [
                        ("paragraph", RichText(f"<p>{paragraph(rng, language, rng.randint(3, 5), **subject)}</p>"))
                        for _ in range(rng.randint(2, 4))
                    ]
                    if hasattr(page, "lead"):
                        page.lead = paragraph(rng, language, 2, **subject)
                        page.date = moment
                        page.body = body
                    else:
                        page.intro = paragraph(rng, language, 2, **subject)
                        page.body = body
                    base_rows.append(page)
                specific_rows = insert_pages(base_rows)
                SearchEntry.objects.bulk_create([build_entry(page) for page in specific_rows])
                stdout(f"  {language}: {offset + len(specific_rows)} / {len(items)}")
            Page.objects.filter(pk=parent.pk).update(numchild=step)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    stdout(f"Seeded {total} articles in {time.monotonic() - start:.1f} s.")
    return total


def percentile(values, fraction):
    values = sorted(values)
    index = max(0, min(len(values) - 1, round(fraction * (len(values) - 1))))
    return values[index]


def engine_call(language, params):
    """The search's own database work for one request (no template, no site chrome)."""
    import datetime as dt

    from wagtail.models import Locale

    from portal.text import normalise_query
    from search import views
    from search.index import search_models
    from search.query import Search
    from search.text import parse_query

    locale = Locale.objects.get(language_code=language)
    parsed = parse_query(normalise_query(params["q"]), language)
    type_ids = []
    if params.get("type"):
        from django.contrib.contenttypes.models import ContentType

        models = [model for key, model, _label in search_models() if key == params["type"]]
        type_ids = [ContentType.objects.get_for_model(m).pk for m in models]
    date_from = dt.date.fromisoformat(params["from"]) if params.get("from") else None
    date_to = dt.date.fromisoformat(params["to"]) if params.get("to") else None
    found = Search(locale.pk, parsed, (), date_from, date_to, type_ids)
    counts = found.counts()
    total = sum(counts.get(pk, 0) for pk in type_ids) if type_ids else sum(counts.values())
    if not total:
        return 0
    ranked_ids = views.RankedIds(found, total, by_date=params.get("sort") == "date")
    start = (min(int(params.get("page", 1)), (total - 1) // views.PER_PAGE + 1) - 1) * views.PER_PAGE
    ids = ranked_ids[start : start + views.PER_PAGE]
    return len(views._result_rows(ids))


class CpuClock:
    """CPU time spent on the search's own work: this process's, plus the PostgreSQL backend's
    when the server runs on this machine (``/proc/<pid>/schedstat``, nanoseconds on the CPU).

    On a shared machine wall-clock time mostly measures the wait for a free core; CPU time
    measures the work, and moves far less with the load."""

    def __init__(self):
        self.path = None
        self.start()

    @property
    def available(self):
        return self.path is not None

    def start(self):
        """The current backend (a connection may have been replaced since), then :meth:`read`."""
        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                (pid,) = cursor.fetchone()
            path = Path(f"/proc/{pid}/schedstat")
            self.path = path if path.exists() else None
        return self.read()

    def read(self):
        backend = int(self.path.read_text().split()[0]) / 1e6 if self.path else 0.0
        return time.process_time() * 1000 + backend


def measure(runs):
    from django.test import Client

    client = Client()
    engine_call("vi", {"q": "warm-up"})  # opens the connection whose backend the clock reads
    clock = CpuClock()
    rows = []
    for language, params in QUERIES:
        url = f"/{language}/search/"
        for _ in range(2):  # warm-up
            response = client.get(url, params)
            engine_call(language, params)
        timings, engine, cpu = [], [], []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
            started_cpu = clock.start()
            started = time.perf_counter()
            engine_call(language, params)
            engine.append((time.perf_counter() - started) * 1000)
            cpu.append(clock.read() - started_cpu)
        found = re.search(r'class="search-count">([\d.,]+)', response.content.decode())
        count = int(re.sub(r"\D", "", found.group(1))) if found else 0
        rows.append(
            SimpleNamespace(
                language=language,
                params=params,
                count=count,
                page=[percentile(timings, f) for f in (0.5, 0.95)],
                search=[percentile(engine, f) for f in (0.5, 0.95, 0.99)],
                cpu=[percentile(cpu, f) for f in (0.5, 0.95, 0.99)] if clock.available else None,
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:55432/portal_search_bench")
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--reseed", action="store_true", help="Drop and recreate the benchmark database first.")
    args = parser.parse_args()

    admin, name, exists = ensure_database(args.database_url)
    with admin.cursor() as cursor:
        if exists and args.reseed:
            cursor.execute(f'DROP DATABASE "{name}"')
            exists = False
        if not exists:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()

    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    print(f"Migrated in {time.monotonic() - started:.1f} s.")
    seed(args.articles)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM portal_search_searchentry")
        (indexed,) = cursor.fetchone()
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('portal_search_searchentry'))")
        (size,) = cursor.fetchone()
    print(f"Search index: {indexed} rows, {size}. {args.runs} timed runs per query (after 2 warm-ups).")
    print()
    load = os.getloadavg()[0]
    print(f"Load average at start: {load:.1f} on {os.cpu_count()} cores.")
    print("page: the whole view through Django's test client (wall clock); search: its own work only")
    print("(query parsing, SQL, reading the page of results), wall clock and CPU time (this process and")
    print("the PostgreSQL backend, when it runs on this machine); ms.")
    print(
        f"{'lang':4} {'query':46} {'results':>7} {'page p50':>8} {'p95':>6}  "
        f"{'search p50':>10} {'p95':>6} {'p99':>6}  {'CPU p50':>7} {'p95':>6} {'p99':>6}"
    )
    worst = worst_engine = worst_cpu = 0
    for row in measure(args.runs):
        label = " ".join(f"{k}={v}" for k, v in row.params.items())
        cpu = "  ".join(f"{value:6.1f}" for value in row.cpu) if row.cpu else "      -"
        print(
            f"{row.language:4} {label[:46]:46} {row.count:7d} {row.page[0]:8.1f} {row.page[1]:6.1f}  "
            f"{row.search[0]:10.1f} {row.search[1]:6.1f} {row.search[2]:6.1f}  {cpu}"
        )
        worst, worst_engine = max(worst, row.page[1]), max(worst_engine, row.search[1])
        worst_cpu = max(worst_cpu, row.cpu[1]) if row.cpu else worst_cpu
    print()
    print(
        f"Worst p95: page {worst:.1f} ms, search {worst_engine:.1f} ms, search CPU {worst_cpu:.1f} ms "
        "(target: search under 50 ms)."
    )
    print(f"Load average at end: {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()
