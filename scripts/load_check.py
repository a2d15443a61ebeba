#!/usr/bin/env python3
"""Bounded loopback load check: 32 clients for 60 s against gunicorn, PostgreSQL restarted mid-run.

Starts everything it needs on 127.0.0.1 only and stops it all at the end:
  * a throwaway PostgreSQL cluster (port 55190 by default) with the migrated demo site,
  * gunicorn with the production settings (HTTPS redirect off: there is no proxy here),
then runs N client threads that fetch a mix of public URLs in a loop for D seconds. At T seconds
PostgreSQL is stopped for O seconds and started again; the app servers are never restarted.

Reports requests, throughput, latency, status codes, errors (anything that is not 200, 301/302,
or a 503 during the outage), 503s during the outage, and the recovery time (from PostgreSQL being
back to the first and to the last non-200 answer).

    .venv/bin/python scripts/load_check.py [--clients 32] [--duration 60] [--outage-at 25] [--outage 5]

Needs the PostgreSQL server binaries (/usr/lib/postgresql/*/bin). Run as root it starts
PostgreSQL as the ``postgres`` user.
"""

import argparse
import glob
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HOST = "127.0.0.1"  # never anything else
ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
URLS = [
    "/vi/",
    "/en/",
    "/vi/gioi-thieu/",
    "/en/about/",
    "/vi/gioi-thieu/ban-bien-tap/",
    "/vi/lien-he/",
    "/en/contact/",
    "/vi/search/?q=ngoai+giao",
    "/en/search/?q=friendship",
    "/healthz/",
]
HARD_LIMIT_SECONDS = 900  # the whole script, setup included


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name.split(".")[0]))
    if not found:
        sys.exit("PostgreSQL server binaries not found under /usr/lib/postgresql.")
    return found[-1]


def as_postgres(cmd, **kwargs):
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)


class Cluster:
    def __init__(self, base, port):
        self.base, self.port, self.bin = Path(base), port, pg_bin()
        self.data = self.base / "data"

    def init(self):
        (self.base / "sock").mkdir(parents=True)
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
            for path in self.base.iterdir():
                shutil.chown(path, "postgres", "postgres")
        as_postgres(
            [
                f"{self.bin}/initdb",
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )

    def start(self):
        opts = f"-p {self.port} -k {self.base / 'sock'} -c listen_addresses={HOST} -c fsync=off -c max_connections=200"
        as_postgres(
            [f"{self.bin}/pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-o", opts, "start"]
        )

    def stop(self, mode="fast"):
        as_postgres([f"{self.bin}/pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop"])


def django_env(database_url, static_root, media_root):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="load-check-" + os.urandom(24).hex(),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        DB_CONN_MAX_AGE="60",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(media_root),
        LOG_LEVEL="CRITICAL",
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def wait_for(port, path="/healthz/", timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not become ready")


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (start, end, status or error name)

    def add(self, start, end, status):
        with self.lock:
            self.rows.append((start, end, status))


def client_loop(index, port, stop_at, recorder):
    conn = None
    i = index
    while time.monotonic() < stop_at:
        path = URLS[i % len(URLS)]
        i += 1
        start = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(HOST, port, timeout=15)
            conn.request("GET", path, headers={"Host": HOST, "Accept-Language": "vi"})
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            if conn is not None:
                conn.close()
            conn = None
            time.sleep(0.05)
        recorder.add(start, time.monotonic(), status)
    if conn is not None:
        conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--outage-at", type=float, default=25, help="seconds into the run PostgreSQL stops")
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL stays down")
    parser.add_argument("--pg-port", type=int, default=55190)
    parser.add_argument("--app-port", type=int, default=8190)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not (1 <= args.clients <= 64 and 1 <= args.duration <= 300):
        sys.exit("Bounded run: 1-64 clients, 1-300 seconds.")
    signal.alarm(HARD_LIMIT_SECONDS)

    tmp = Path(tempfile.mkdtemp(prefix="portal-load-"))
    os.chmod(tmp, 0o755)
    cluster = Cluster(tmp / "pg", args.pg_port)
    gunicorn = None
    try:
        print(f"==> PostgreSQL on {HOST}:{args.pg_port}", flush=True)
        cluster.init()
        cluster.start()
        as_postgres([f"{cluster.bin}/createdb", "-h", HOST, "-p", str(args.pg_port), "-U", "postgres", "portal"])
        env = django_env(f"postgres://postgres@{HOST}:{args.pg_port}/portal", tmp / "static", tmp / "media")
        print("==> migrate, demo content, collectstatic", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(
            env,
            "load_demo_content",
            "--password",
            "load-check-password",
            "--hostname",
            HOST,
            "--port",
            str(args.app_port),
        )
        manage(env, "collectstatic", "--noinput", "-v0")

        print(f"==> gunicorn on {HOST}:{args.app_port} ({args.workers} workers x {args.threads} threads)", flush=True)
        gunicorn = subprocess.Popen(
            [
                PYTHON, "-m", "gunicorn", "portal.wsgi",
                "--bind", f"{HOST}:{args.app_port}",
                "--workers", str(args.workers), "--threads", str(args.threads),
                "--worker-class", "gthread", "--timeout", "30", "--keep-alive", "5",
            ],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(tmp / "gunicorn.log", "w"),
        )  # fmt: skip
        wait_for(args.app_port)
        for path in URLS:  # warm every worker's caches a little
            wait_for(args.app_port, path)

        print(f"==> {args.clients} clients for {args.duration:.0f} s; PostgreSQL down at {args.outage_at:.0f} s "
              f"for {args.outage:.0f} s", flush=True)  # fmt: skip
        recorder = Recorder()
        t0 = time.monotonic()
        stop_at = t0 + args.duration
        threads = [
            threading.Thread(target=client_loop, args=(i, args.app_port, stop_at, recorder), daemon=True)
            for i in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(max(0.0, t0 + args.outage_at - time.monotonic()))
        down_at = time.monotonic()
        cluster.stop("fast")
        stopped_at = time.monotonic()
        time.sleep(max(0.0, args.outage - (stopped_at - down_at)))
        starting_at = time.monotonic()
        cluster.start()
        up_at = time.monotonic()
        for thread in threads:
            thread.join(timeout=args.duration + 30)
        figures = report(recorder.rows, t0, down_at, up_at, args, stopped_at, starting_at)
        print(json.dumps(figures, indent=2))
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2))
        ok = figures["errors_outside_outage"] == 0 and figures["recovered"] and figures["server_restarted"] is False
        print("==> PASS" if ok else "==> FAIL", flush=True)
        return 0 if ok else 1
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=20)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        try:
            cluster.stop("immediate")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(tmp, ignore_errors=True)


def report(rows, t0, down_at, up_at, args, stopped_at, starting_at):
    rows.sort()
    # Requests made entirely while PostgreSQL was certainly down (after stop returned, before start began).
    dark = [r for r in rows if r[0] >= stopped_at and r[1] <= starting_at]
    outage = [r for r in rows if down_at <= r[1] and r[0] <= up_at]
    recovering = [r for r in rows if r[0] > up_at]
    steady = [r for r in rows if r[1] < down_at]
    last_failure = max((r[1] for r in recovering if r[2] != 200), default=up_at)
    first_ok = min((r[1] for r in recovering if r[2] == 200), default=None)
    errors_outside = [r for r in rows if r not in outage and r[2] != 200 and r[1] > last_failure]
    errors_outside += [r for r in steady if r[2] != 200]
    latencies = sorted((r[1] - r[0]) * 1000 for r in steady if r[2] == 200)
    return {
        "clients": args.clients,
        "duration_s": args.duration,
        "requests": len(rows),
        "requests_per_s": round(len(rows) / args.duration, 1),
        "statuses": dict(Counter(str(r[2]) for r in rows)),
        "steady_requests": len(steady),
        "steady_errors": sum(1 for r in steady if r[2] != 200),
        "steady_latency_ms": {
            "p50": round(statistics.median(latencies), 1) if latencies else None,
            "p95": round(latencies[int(len(latencies) * 0.95) - 1], 1) if latencies else None,
            "max": round(latencies[-1], 1) if latencies else None,
        },
        "outage_s": round(up_at - down_at, 2),
        "outage_statuses": dict(Counter(str(r[2]) for r in outage)),
        "outage_503": sum(1 for r in outage if r[2] == 503),
        "database_down_s": round(starting_at - stopped_at, 2),
        "database_down_statuses": dict(Counter(str(r[2]) for r in dark)),
        "outage_other_failures": sum(1 for r in outage if r[2] not in (200, 503)),
        "recovery_first_200_s": round(first_ok - up_at, 2) if first_ok else None,
        "recovery_last_failure_s": round(last_failure - up_at, 2),
        "recovered": first_ok is not None,
        "errors_outside_outage": len(errors_outside),
        "server_restarted": False,
    }


if __name__ == "__main__":
    sys.exit(main())
