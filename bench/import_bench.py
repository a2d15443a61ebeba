"""Import benchmark: generates a WordPress export of N Vietnamese articles, each with a main photo
and a picture in its text (files generated locally), imports it with ``import_content`` into a
dedicated PostgreSQL database and prints articles per second.

    .venv/bin/python bench/import_bench.py \
        --database-url postgres://postgres@127.0.0.1:55432/portal_import_bench --articles 2000

The database name must end in ``_bench``: it is created when missing, migrated, and given the demo
site once (a few minutes the first time). Each run imports new articles (its own identifiers), so
the figure is for creating pages, images, revisions, log entries, topics and redirects; a second
import of the same file is measured too (nothing changes: every item is recognised and skipped).
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = [
    ("tin-hoat-dong", "Tin hoạt động", "hoat-dong-lien-hiep"),
    ("doi-ngoai", "Đối ngoại nhân dân", "doi-ngoai-nhan-dan"),
    ("vien-tro", "Viện trợ phi chính phủ", "vien-tro-phi-chinh-phu"),
]
TAGS = ["Campuchia", "Hàn Quốc", "Nhật Bản", "Giáo dục", "Y tế", "Biến đổi khí hậu", "Chỉ thị 12-CT/TW", "Kiều bào"]
SUBJECTS = [
    "Liên hiệp các tổ chức hữu nghị tỉnh",
    "Hội hữu nghị Việt Nam – Nhật Bản",
    "Đoàn công tác của tỉnh Kiên Giang",
    "Tổ chức phi chính phủ nước ngoài",
    "Hội Liên lạc với người Việt Nam ở nước ngoài",
]
VERBS = ["tổ chức hội nghị về", "trao quà hỗ trợ cho", "ký kết biên bản ghi nhớ về", "triển khai dự án về"]
OBJECTS = [
    "y tế cộng đồng",
    "giáo dục vùng biên giới",
    "nước sạch nông thôn",
    "phòng chống thiên tai",
    "du lịch Hà Tiên",
]


def ensure_database(url, reseed):
    import psycopg2

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        raise SystemExit(f"Refusing to use {name!r}: the benchmark database name must end in '_bench'.")
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password, dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and reseed:
            cursor.execute(f'DROP DATABASE "{name}"')
            exists = False
        if not exists:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def picture(path, rng):
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Image.new("RGB", (1200, 800), tuple(rng.randrange(40, 200) for _ in range(3)))
    ImageDraw.Draw(canvas).rectangle([100, 100, 1100, 700], outline="#f2c94c", width=8)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=80)
    path.write_bytes(buffer.getvalue())


def sentence(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, vì tình hữu nghị giữa nhân dân hai nước."


def generate(folder, count, run_id, rng):
    """A WXR file of ``count`` posts, two pictures each, and the pictures in ``folder/media``."""
    media = folder / "media"
    items = []
    for n in range(count):
        post_id = 10 * n + 1
        hero = f"wp-content/uploads/bench/{run_id}/anh-{n}.jpg"
        inner = f"wp-content/uploads/bench/{run_id}/noi-dung-{n}.jpg"
        picture(media / hero, rng)
        picture(media / inner, rng)
        slug, category, _section = rng.choice(SECTIONS)
        tags = rng.sample(TAGS, 2)
        title = f"{sentence(rng)[:-1]} ({run_id} số {n})"
        body = "\n\n".join(sentence(rng) + " " + sentence(rng) for _ in range(4))
        body += (
            f'\n\n[caption id="attachment_{post_id + 2}" width="800"]<img src="http://kufo.vn/{inner}" '
            f'alt="Ảnh {n}" width="800" height="533" /> Quang cảnh buổi lễ số {n}[/caption]\n\n'
        )
        if n:
            body += f'Xem thêm <a href="http://kufo.vn/{run_id}/bai-{n - 1}/">bài trước</a>.'
        day = 1 + n % 28
        items.append(
            f"""<item><title>{escape(hero)}</title><wp:post_id>{post_id + 1}</wp:post_id>
<guid>http://kufo.vn/{hero}</guid><wp:post_type>attachment</wp:post_type>
<wp:attachment_url>http://kufo.vn/{hero}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Ảnh đại diện {n}</wp:meta_value></wp:postmeta>
</item>
<item><title>{escape(title)}</title><link>http://kufo.vn/{run_id}/bai-{n}/</link>
<guid isPermaLink="false">http://kufo.vn/?p={run_id}-{post_id}</guid><dc:creator>bbt</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[{sentence(rng)}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>2022-{1 + n % 12:02d}-{day:02d} 08:15:00</wp:post_date>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="{slug}"><![CDATA[{category}]]></category>
<category domain="post_tag" nicename="t1"><![CDATA[{tags[0]}]]></category>
<category domain="post_tag" nicename="t2"><![CDATA[{tags[1]}]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{post_id + 1}</wp:meta_value></wp:postmeta>
</item>"""
        )
    wxr = folder / "bench.xml"
    wxr.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
        "<channel><title>Bench</title><link>http://kufo.vn</link><wp:base_site_url>http://kufo.vn</wp:base_site_url>\n"
        "<wp:author><wp:author_login>bbt</wp:author_login><wp:author_display_name>Ban Biên tập</wp:author_display_name></wp:author>\n"
        + "\n".join(items)
        + "\n</channel></rss>\n",
        encoding="utf-8",
    )
    return wxr, media


def backend_cpu(pid):
    """CPU seconds used so far by the PostgreSQL backend ``pid`` (same machine, Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:55432/portal_import_bench")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--reseed", action="store_true", help="Drop and recreate the benchmark database first.")
    parser.add_argument(
        "--profile", metavar="FILE", help="Write the first import's cProfile statistics to FILE (read with pstats)."
    )
    args = parser.parse_args()

    ensure_database(args.database_url, args.reseed)
    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["MEDIA_ROOT"] = str(work / "storage")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from news.models import NewsIndexPage

    if not NewsIndexPage.objects.exists():
        print("Loading the demo site into the benchmark database (once)…", flush=True)
        call_command("load_demo_content", password="bench-password", skip_index=True, stdout=io.StringIO())

    run_id = uuid.uuid4().hex[:8]
    rng = random.Random(run_id)
    started = time.monotonic()
    wxr, media = generate(work, args.articles, run_id, rng)
    print(f"Generated {args.articles} articles and {2 * args.articles} pictures in {time.monotonic() - started:.1f} s")
    mapping = ",".join(f"{slug}={section}" for slug, _name, section in SECTIONS)

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    for label in ("first import", "second import (unchanged)"):
        out = io.StringIO()
        started, cpu, pg_cpu = time.monotonic(), time.process_time(), backend_cpu(backend)
        command = ("import_content", str(wxr), "--media-dir", str(media), "--map", mapping)
        if args.profile and label == "first import":
            import cProfile

            with cProfile.Profile() as profiler:
                call_command(*command, stdout=out, verbosity=0)
            profiler.dump_stats(args.profile)
        else:
            call_command(*command, stdout=out, verbosity=0)
        elapsed = time.monotonic() - started
        cpu, pg_cpu = time.process_time() - cpu, backend_cpu(backend) - pg_cpu if pg_cpu is not None else None
        summary = [line for line in out.getvalue().splitlines() if line.strip()][:3]
        print(f"{label}: {args.articles} articles in {elapsed:.1f} s = {args.articles / elapsed:.1f} articles/s")
        if pg_cpu is not None:
            # On a shared machine the wall-clock figure depends on the others' load; the CPU time
            # spent by this process and its PostgreSQL backend does not (much).
            print(
                f"    CPU: import {cpu:.1f} s + PostgreSQL {pg_cpu:.1f} s = "
                f"{args.articles / (cpu + pg_cpu):.1f} articles per CPU-second"
            )
        for line in summary:
            print("   ", line)
    print(f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU(s); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
