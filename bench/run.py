#!/usr/bin/env python3
"""`make bench`: page throughput under load, measured against a trivial view in the same server.

Everything runs on 127.0.0.1 and is removed at the end:

1. a throwaway PostgreSQL cluster (port 55210 unless ``--pg-port``) and, when ``redis-server`` is
   installed, a Redis server for the shared cache;
2. the bilingual demo site, then bulk-seeded content: ``--articles`` news articles in Vietnamese
   and English (the search benchmark's seeder, bench/search_bench.py), ``--partners`` partners and
   ``--directives`` directives in both languages, and ``--images`` generated images used as the
   articles' pictures (their renditions are made by the first views);
3. gunicorn with the production settings (DEBUG off, a generated SECRET_KEY,
   ALLOWED_HOSTS=127.0.0.1, 2 workers, ``gunicorn.conf.py``, worker recycling off), with ``PORTAL_BENCH=1``, which routes
   the trivial view ``/bench/trivial/`` (the whole middleware stack, no database, no template);
4. wrk (installed from Debian's packages when missing) against the home page, a news section, an
   article, the partner directory, a directive, a search and the trivial view, for ``--duration``
   seconds each, with the page cache on, then off, then off with one more mechanism off at a time
   (fragment cache, remembered values, path routing); the trivial view is
   measured before and after the pages of each mode;
5. a memory probe: each worker's resident memory over ``--memory-requests`` views (worker
   recycling in gunicorn.conf.py is set from it).

It prints requests per second, p50/p95/p99 latency and each page's throughput as a ratio to the
trivial view of the same run (the mean of its two measurements), the ablation table (what each
mechanism buys per page; under 10 % on every page, it has not earned its place), and writes the
figures to bench/results/bench-<time>.json.

    .venv/bin/python bench/run.py [--articles 12000] [--duration 12] [--threads 2] [--connections 16]
"""

import argparse
import datetime
import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGETS = ["home", "section", "article", "partners", "directive", "search"]
# Targets as ratios to the trivial view: page cache on ≥ 0.5; page cache off (fragment caches
# warm) article ≥ 0.08, the others ≥ 0.04. The search view opts out of the page cache (every
# search is logged): its goal is the uncached one in both modes.
GOALS = {
    "cached": {**dict.fromkeys(TARGETS, 0.5), "search": 0.04},
    "uncached": {**dict.fromkeys(TARGETS, 0.04), "article": 0.08},
}
# What each mode changes in the production settings. After "cached" and "uncached", each mode
# switches one mechanism off (the page cache off too), for the ablation table.
MODE_ENV = {
    "cached": {"PAGE_CACHE": "true"},
    "uncached": {"PAGE_CACHE": "false"},
    "no-fragments": {"PAGE_CACHE": "false", "FRAGMENT_CACHE": "false"},
    "no-remember": {"PAGE_CACHE": "false", "REMEMBER": "false"},
    "no-path-routing": {"PAGE_CACHE": "false", "PATH_ROUTING": "false"},
}
# The mechanism each mode measures, against which mode (the page cache: cached against uncached).
ABLATIONS = {
    "page cache (delivery.middleware)": ("cached", "uncached"),
    "fragment cache ({% cache %})": ("uncached", "no-fragments"),
    "remembered values (portal.generation)": ("uncached", "no-remember"),
    "path routing (home.routing)": ("uncached", "no-path-routing"),
}
NEVER_CACHED = {"trivial", "search"}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def as_root(command):
    return command if os.geteuid() == 0 else ["sudo", *command]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Services ---------------------------------------------------------------------------------------


class Postgres:
    def __init__(self, base, port):
        self.base, self.port = Path(base) / "pg", port
        bins = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: [int(x) for x in p.parent.name.split(".")]
        )
        if not bins:
            raise SystemExit("PostgreSQL server binaries are missing: apt-get install -y postgresql")
        self.bin = bins[-1]

    def _run(self, *command):
        command = [str(self.bin / command[0]), *command[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def start(self):
        fresh = not (self.base / "data" / "PG_VERSION").exists()
        if fresh:
            (self.base / "data").mkdir(parents=True)
            (self.base / "sock").mkdir()
            if os.geteuid() == 0:
                subprocess.run(["chown", "-R", "postgres:postgres", str(self.base)], check=True)
            self._run(
                "initdb",
                "-D",
                str(self.base / "data"),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
        options = (
            f"-p {self.port} -k {self.base / 'sock'} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=256MB"
        )
        self._run(
            "pg_ctl", "-D", str(self.base / "data"), "-l", str(self.base / "server.log"), "-w", "-o", options, "start"
        )
        if fresh:
            self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "portal_bench")
        return f"postgres://postgres@127.0.0.1:{self.port}/portal_bench"

    def stop(self):
        try:
            self._run("pg_ctl", "-D", str(self.base / "data"), "-m", "fast", "stop")
        except (subprocess.CalledProcessError, FileNotFoundError):
            pass


class Redis:
    def __init__(self, base):
        self.process, self.url = None, None
        binary = shutil.which("redis-server")
        if binary is None:
            return
        port = free_port()
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(base),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"redis://127.0.0.1:{port}/0"
        wait_for_port(port)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def wait_for_port(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    log("Installing wrk from Debian's packages")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(as_root(["apt-get", "install", "-y", "-qq", "wrk"]), check=False, env=env)
    if not shutil.which("wrk"):
        subprocess.run(as_root(["apt-get", "update", "-qq"]), check=True, env=env)
        subprocess.run(as_root(["apt-get", "install", "-y", "-qq", "wrk"]), check=True, env=env)
    return shutil.which("wrk")


# Seeding (runs in a child process with Django set up) -------------------------------------------


def clone_pages(template, copies, language_keys, images, title_of):
    """Bulk-insert live copies of ``template`` (its specific fields) under its parent, one per
    translation key, each with its own title and slug and a picture from ``images``."""
    from django.utils import timezone
    from wagtail.models import Page

    from bench.bulk import child_path, insert_pages, last_child_step

    model = type(template)
    parent = Page.objects.get(pk=template.get_parent().pk)
    step = last_child_step(parent)
    image_fields = [
        f.attname
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model and f.related_model._meta.label == "wagtailimages.Image"
    ]
    now = timezone.now()
    rows = []
    for number, key in enumerate(language_keys[:copies]):
        step += 1
        page = model()
        for f in model._meta.concrete_fields:
            setattr(page, f.attname, getattr(template, f.attname))
        title = title_of(number)
        slug = f"{template.slug[:40]}-{number + 1}"
        for name, value in {
            "id": None,
            "page_ptr_id": None,
            "title": title,
            "draft_title": title,
            "slug": slug,
            "path": child_path(parent, step),
            "depth": parent.depth + 1,
            "numchild": 0,
            "url_path": f"{parent.url_path}{slug}/",
            "translation_key": key,
            "live": True,
            "has_unpublished_changes": False,
            "latest_revision_id": None,
            "live_revision_id": None,
            "first_published_at": now - datetime.timedelta(hours=number),
            "last_published_at": now - datetime.timedelta(hours=number),
            "locked": False,
            "locked_by_id": None,
            "locked_at": None,
            "alias_of_id": None,
        }.items():
            if hasattr(page, name):
                setattr(page, name, value)
        for attname in image_fields:
            if getattr(template, attname) is not None or attname == "listing_image_id":
                setattr(page, attname, images[number % len(images)].pk)
        rows.append(page)
    insert_pages(rows)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.get_children().count())
    return rows


def seed(args):
    import uuid

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Page

    sys.path.insert(0, str(ROOT / "bench"))
    import search_bench

    from demo.images import demo_image

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    log(f"migrated in {time.monotonic() - started:.0f} s")
    call_command("load_demo_content", password=secrets.token_urlsafe(12), skip_index=True, stdout=open(os.devnull, "w"))
    log(f"demo site loaded ({time.monotonic() - started:.0f} s)")

    palette = ["#0b5394", "#b45f06", "#38761d", "#741b47", "#134f5c", "#7f6000"]
    images = [
        demo_image(f"Ảnh thử tải {n + 1}", label=f"{n + 1}", color=palette[n % len(palette)], size=(1200, 800))
        for n in range(args.images)
    ]
    log(f"{len(images)} images generated")

    search_bench.seed(args.articles, stdout=lambda message: None)
    from django.apps import apps

    news_page = apps.get_model("news", "NewsPage")
    image_fields = [
        f.attname
        for f in news_page._meta.concrete_fields
        if f.is_relation and f.related_model and f.related_model._meta.label == "wagtailimages.Image"
    ]
    ids = list(news_page.objects.filter(**{f"{image_fields[0]}__isnull": True}).values_list("pk", flat=True))
    with transaction.atomic():
        for index, image in enumerate(images):
            chunk = ids[index :: len(images)]
            news_page.objects.filter(pk__in=chunk).update(**dict.fromkeys(image_fields, image.pk))
    log(f"{news_page.objects.count()} articles, with pictures ({time.monotonic() - started:.0f} s)")

    from search.index import build_entry
    from search.models import SearchEntry

    clones = {}
    for model_name, count, noun_vi, noun_en in [
        ("PartnerPage", args.partners, "Đối tác hữu nghị", "Friendship partner"),
        ("DirectivePage", args.directives, "Văn bản chỉ đạo về công tác đối ngoại số", "Foreign affairs directive No."),
    ]:
        model = apps.get_model("foreign_relations", model_name)
        keys = [uuid.uuid4() for _ in range(count)]
        total = 0
        with transaction.atomic():
            for language, noun in (("vi", noun_vi), ("en", noun_en)):
                template = model.objects.live().filter(locale__language_code=language).order_by("path").first()
                rows = clone_pages(template, count, keys, images, lambda n, noun=noun: f"{noun} {n + 1}")
                for page in rows:
                    page._state.adding = False
                SearchEntry.objects.bulk_create([build_entry(page) for page in rows])
                total += len(rows)
        clones[model_name] = total
    log(f"partners and directives seeded: {clones} ({time.monotonic() - started:.0f} s)")
    with connection.cursor() as cursor:
        # Fresh statistics and visibility maps, as a site that has been running would have:
        # without them the first minutes of load race autovacuum over 13,000 new rows.
        cursor.execute("VACUUM ANALYZE")

    def first(model_label, **filters):
        model = apps.get_model(model_label)
        page = model.objects.live().filter(locale__language_code="vi", **filters).order_by("path").first()
        return page.url

    section = Page.objects.get(
        pk=search_bench.parents({"vi": Page.objects.get(depth=2, locale__language_code="vi")})["vi"].pk
    )
    counts = {
        "articles": news_page.objects.count(),
        "articles_vi": news_page.objects.filter(locale__language_code="vi").count(),
        "articles_en": news_page.objects.filter(locale__language_code="en").count(),
        "partners": apps.get_model("foreign_relations", "PartnerPage").objects.count(),
        "directives": apps.get_model("foreign_relations", "DirectivePage").objects.count(),
        "images": apps.get_model("wagtailimages", "Image").objects.count(),
        "pages": Page.objects.count(),
    }
    urls = {
        "home": "/vi/",
        "section": section.url,
        "article": first("news.NewsPage", **{f"{image_fields[0]}__isnull": False}),
        "partners": first("foreign_relations.PartnerIndexPage"),
        "directive": first("foreign_relations.DirectivePage"),
        "search": "/vi/search/?q=" + quote("hữu nghị"),
        "trivial": "/bench/trivial/",
    }
    print("BENCH-SEED " + json.dumps({"urls": urls, "counts": counts}), flush=True)


# Load -------------------------------------------------------------------------------------------


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("X-Portal-Cache"), body


def start_server(env, port, workdir, mode):
    log_file = open(Path(workdir) / f"gunicorn-{mode}.log", "wb")
    process = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "portal.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((Path(workdir) / f"gunicorn-{mode}.log").read_text()[-3000:])
        try:
            if fetch(port, "/healthz/")[0] == 200:
                return process
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_wrk(wrk, port, path, args):
    command = [
        wrk,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
        f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    report = json.loads([line for line in output.splitlines() if line.startswith("{")][-1])
    report["rps"] = report["requests"] / (report["duration_us"] / 1e6)
    return report


def measure(mode, env, urls, wrk, args, workdir):
    port = free_port()
    process = start_server({**env, **MODE_ENV[mode]}, port, workdir, mode)
    try:
        for name, path in urls.items():
            for _ in range(3):  # renditions, chrome cache, page cache
                status, verdict, _body = fetch(port, path)
            if status != 200:
                log_tail = (Path(workdir) / f"gunicorn-{mode}.log").read_text(errors="replace")[-4000:]
                raise RuntimeError(f"{name} {path} answered {status}\n{log_tail}")
            if mode == "cached" and name not in NEVER_CACHED and verdict != "hit":
                raise RuntimeError(f"{name} {path} is not served from the cache ({verdict})")
        results = {}
        # The trivial view before and after the pages: ratios are to the mean of the two, and a
        # machine whose speed changes during a mode shows as two different trivial rows.
        for name in ["trivial", *TARGETS, "trivial-end"]:
            path = urls["trivial" if name == "trivial-end" else name]
            log(f"{mode}: {name} {path}")
            results[name] = run_wrk(wrk, port, path, args)
            results[name]["url"] = path
    finally:
        stop_server(process)
    trivial = (results["trivial"]["rps"] + results["trivial-end"]["rps"]) / 2
    for name, report in results.items():
        report["ratio"] = report["rps"] / trivial if trivial else 0.0
        report["goal"] = GOALS.get(mode, {}).get(name)
        report["meets_goal"] = report["goal"] is None or report["ratio"] >= report["goal"]
    return results


def table(all_results):
    lines = [
        f"{'mode':9} {'page':10} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'ratio':>7} {'goal':>6}  ok",
    ]
    for mode, results in all_results.items():
        for name in ["trivial", *TARGETS, "trivial-end"]:
            r = results[name]
            goal = f"{r['goal']:.2f}" if r["goal"] is not None else "-"
            lines.append(
                f"{mode:9} {name:10} {r['rps']:9.1f} {r['p50_us'] / 1000:8.2f} {r['p95_us'] / 1000:8.2f} "
                f"{r['p99_us'] / 1000:8.2f} {r['ratio']:7.3f} {goal:>6}  "
                f"{'' if r['goal'] is None else 'yes' if r['meets_goal'] else 'NO'}"
            )
    return "\n".join(lines)


def ablation_table(all_results):
    """What each mechanism buys per page: the throughput (ratio to the trivial view) with it, without
    it, and the gain; a mechanism under 10 % on every page has not earned its place."""
    lines = [f"{'mechanism':42} " + " ".join(f"{name:>10}" for name in TARGETS) + "  earns its place"]
    for mechanism, (on, off) in ABLATIONS.items():
        if on not in all_results or off not in all_results:
            continue
        gains = []
        for name in TARGETS:
            with_it, without = all_results[on][name]["ratio"], all_results[off][name]["ratio"]
            gains.append(with_it / without - 1 if without else 0.0)
        cells = " ".join(f"{gain * 100:+9.0f}%" for gain in gains)
        lines.append(f"{mechanism:42} {cells}  {'yes' if max(gains) >= 0.10 else 'NO (< 10 % on every page)'}")
    return "\n".join(lines)


def memory_probe(env, urls, args, workdir):
    """Resident memory of each worker as it serves ``--memory-requests`` views, most of them listing
    pages of a section (each shows ten articles' cards, new to the fragment cache), to tell how
    often workers need recycling (gunicorn.conf.py)."""
    port = free_port()
    process = start_server({**env, **MODE_ENV["uncached"]}, port, workdir, "memory")
    samples = []
    try:
        workers = [int(pid) for pid in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
        paths = [urls[name] for name in TARGETS] + [f"{urls['section']}?page={n}" for n in range(1, 400)]
        step = max(args.memory_requests // 10, 1)
        with ThreadPoolExecutor(max_workers=args.connections) as pool:
            for start in range(0, args.memory_requests + 1, step):
                rss = [_rss_mb(pid) for pid in workers]
                samples.append({"requests": start, "rss_mb": rss})
                log(f"memory: {start} requests, workers' RSS {rss} MB")
                batch = range(start, min(start + step, args.memory_requests))
                list(pool.map(lambda n: fetch(port, paths[n % len(paths)]), batch))
    finally:
        stop_server(process)
    return samples


def _rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="run", choices=["run", "seed"])
    parser.add_argument("--articles", type=int, default=12000, help="news articles (60 %% Vietnamese, 40 %% English)")
    parser.add_argument("--partners", type=int, default=200, help="partners per language")
    parser.add_argument("--directives", type=int, default=500, help="directives per language")
    parser.add_argument("--images", type=int, default=60)
    parser.add_argument("--duration", type=int, default=12, help="seconds of load per page and mode")
    parser.add_argument(
        "--memory-requests", type=int, default=20000, help="views for the workers' memory probe (0: none)"
    )
    parser.add_argument(
        "--modes",
        default=",".join(MODE_ENV),
        help="comma-separated: cached (page cache on), uncached (off), then the page cache off and one more "
        "mechanism off: " + ", ".join(list(MODE_ENV)[2:]),
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--pg-port", type=int, default=55210)
    parser.add_argument("--no-redis", action="store_true", help="local-memory cache in each worker")
    parser.add_argument(
        "--workdir", help="keep the database, media and logs here and reuse them next time (default: a temporary one)"
    )
    args = parser.parse_args()
    unknown = set(args.modes.split(",")) - set(MODE_ENV)
    if unknown:
        parser.error(f"unknown mode(s): {', '.join(sorted(unknown))}; known: {', '.join(MODE_ENV)}")

    if args.command == "seed":
        seed(args)
        return

    wrk = ensure_wrk()
    keep = bool(args.workdir)
    workdir = Path(args.workdir).resolve() if keep else Path(tempfile.mkdtemp(prefix="portal-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)
    postgres = Postgres(workdir, args.pg_port)
    redis = None
    try:
        database_url = postgres.start()
        log(f"PostgreSQL on 127.0.0.1:{args.pg_port}")
        redis = Redis(workdir) if not args.no_redis else None
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(workdir),
            "DATABASE_URL": database_url,
            "DB_CONN_MAX_AGE": "600",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "PORTAL_BENCH": "1",
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "LOG_LEVEL": "ERROR",
            "GUNICORN_WORKERS": str(args.workers),
            "GUNICORN_ACCESS_LOG": "off",
            "GUNICORN_LOG_LEVEL": "warning",
            # No worker recycling during a measurement: at 2,000 requests a second the production
            # setting would restart each worker every second, measuring restarts, not pages.
            "GUNICORN_MAX_REQUESTS": "0",
        }
        if redis is not None and redis.url:
            env["REDIS_URL"] = redis.url
            log(f"Redis at {redis.url}")
        seed_file = workdir / "seed.json"
        if seed_file.exists():
            seed_info = json.loads(seed_file.read_text())
            log(f"reusing the seeded database in {workdir}: {seed_info['counts']}")
            subprocess.run(
                [PYTHON, "manage.py", "migrate", "-v0"],
                cwd=ROOT,
                env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "false"},
                check=True,
            )
        else:
            seed_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "false"}
            started = time.monotonic()
            seeded = subprocess.run(
                [PYTHON, str(Path(__file__).resolve()), "seed", *[a for a in sys.argv[1:] if a != "run"]],
                cwd=ROOT,
                env={**seed_env, "PYTHONPATH": str(ROOT)},
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            line = [x for x in seeded.stdout.splitlines() if x.startswith("BENCH-SEED ")][-1]
            seed_info = json.loads(line.removeprefix("BENCH-SEED "))
            seed_file.write_text(json.dumps(seed_info))
            log(f"seeded in {time.monotonic() - started:.0f} s: {seed_info['counts']}")

        prod_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=prod_env, check=True)
        log("static files collected (hashed and compressed)")

        results = {}
        for mode in args.modes.split(","):
            results[mode] = measure(mode, prod_env, seed_info["urls"], wrk, args, workdir)
        memory = memory_probe(prod_env, seed_info["urls"], args, workdir) if args.memory_requests else []
    finally:
        if redis is not None:
            redis.stop()
        postgres.stop()
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(table(results))
    print()
    print(ablation_table(results))
    if memory:
        print(
            "\nWorkers' resident memory (MB) by requests served: "
            + ", ".join(f"{sample['requests']}: {sample['rss_mb']}" for sample in memory)
        )
    output = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "settings": {
            "workers": args.workers,
            "threads": args.threads,
            "connections": args.connections,
            "duration_s": args.duration,
            "cache": "redis" if redis is not None and redis.url else "local memory",
        },
        "content": seed_info["counts"],
        "urls": seed_info["urls"],
        "results": results,
        "memory": memory,
    }
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    path = results_dir / f"bench-{datetime.datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(output, indent=2, ensure_ascii=False))
    print(f"\nFigures written to {path.relative_to(ROOT)}")
    failed = [f"{mode}/{name}" for mode, rs in results.items() for name, r in rs.items() if not r["meets_goal"]]
    if failed:
        print("Below target: " + ", ".join(failed))


if __name__ == "__main__":
    main()
