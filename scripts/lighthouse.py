#!/usr/bin/env python
"""Lighthouse scores of the portal's key pages, with Debian's Chromium and the `lighthouse` npm
package pinned in package-lock.json (installed into node_modules/ by `npm ci`; nothing is
downloaded while it runs).

Usage, against a running site (`make demo`):
    .venv/bin/python scripts/lighthouse.py --base-url http://127.0.0.1:8000
    .venv/bin/python scripts/lighthouse.py --base-url URL --categories seo --min-score 95 /vi/ /vi/doi-tac/

Without paths it checks the home page, the newest article (from the RSS feed) and the partner
directory of both languages. It prints one line per page with each category's score (0–100) and
the audits that failed; with --min-score it exits with an error when a score is lower; --json
prints the figures as JSON instead.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ("seo", "accessibility", "best-practices")
DEFAULT_PATHS = {
    "vi": ("/vi/", "/vi/tin-tuc/rss/", "/vi/doi-tac/"),
    "en": ("/en/", "/en/news/rss/", "/en/partners/"),
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def lighthouse_command():
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    node = shutil.which("node") or shutil.which("nodejs")
    if not cli.is_file() or node is None:
        raise SystemExit("Lighthouse needs node and node_modules/lighthouse: run `npm ci` in the repository.")
    return [node, str(cli)]


def chromium_path():
    path = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        raise SystemExit("Chromium is not installed (apt-get install chromium, or set CHROME_PATH).")
    return path


def newest_article(base_url, feed_path):
    """The first item of a news feed: the newest article of that language."""
    with urllib.request.urlopen(base_url + feed_path, timeout=30) as response:
        channel = ET.fromstring(response.read()).find("channel")
    link = channel.find("item").findtext("link")
    return "/" + link.split("://", 1)[-1].split("/", 1)[1]


def default_paths(base_url):
    paths = []
    for home, feed, partners in DEFAULT_PATHS.values():
        paths += [home, newest_article(base_url, feed), partners]
    return paths


def audit(url, categories):
    """{"scores": {category: 0–100}, "failed": [audit ids], "seconds": s} of one page."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as profile:
        result = subprocess.run(
            [
                *lighthouse_command(),
                url,
                f"--only-categories={','.join(categories)}",
                "--output=json",
                "--output-path=stdout",
                "--quiet",
                "--max-wait-for-load=30000",
                f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
            ],
            capture_output=True,
            text=True,
            timeout=180,
            env={**os.environ, "CHROME_PATH": chromium_path()},
        )
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"Lighthouse failed on {url}: {result.stderr.strip()[-2000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {report['runtimeError']}")
    scores = {}
    failed = []
    for key, category in report["categories"].items():
        scores[key] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            item = report["audits"][ref["id"]]
            if ref.get("weight") and item.get("score") is not None and item["score"] < 1:
                failed.append(f"{key}:{ref['id']}")
    return {"scores": scores, "failed": failed, "seconds": round(time.monotonic() - started, 1)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="paths to check (default: home, article, partner directory)")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--categories", default=",".join(CATEGORIES), help="comma-separated Lighthouse categories")
    parser.add_argument("--min-score", type=int, help="exit with an error when a score is below this (0–100)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    base_url = args.base_url.rstrip("/")
    categories = [c.strip() for c in args.categories.split(",") if c.strip()]
    results = {}
    for path in args.paths or default_paths(base_url):
        results[path] = audit(base_url + path, categories)
        if not args.json:
            figures = "  ".join(f"{key} {score}" for key, score in results[path]["scores"].items())
            failed = ", ".join(results[path]["failed"]) or "-"
            print(f"{path}\n  {figures}  ({results[path]['seconds']} s)  below 100: {failed}", flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    if args.min_score is not None:
        low = [(p, k, s) for p, r in results.items() for k, s in r["scores"].items() if s < args.min_score]
        if low:
            for path, key, score in low:
                print(f"{path}: {key} {score} < {args.min_score}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
