"""gunicorn settings for the portal: `gunicorn portal.wsgi` reads this file from the working directory.

Every value comes from the environment, so the same file serves one small server or many nodes:

    GUNICORN_BIND            address to listen on (default 127.0.0.1:8000; behind a proxy)
    GUNICORN_WORKERS         worker processes (default 2 × CPU cores + 1, at most 8)
    GUNICORN_THREADS         threads per worker (default 1: sync workers)
    GUNICORN_TIMEOUT         seconds before a stuck worker is killed and replaced (default 30)
    GUNICORN_GRACEFUL_TIMEOUT, GUNICORN_KEEPALIVE, GUNICORN_MAX_REQUESTS, GUNICORN_MAX_REQUESTS_JITTER
    GUNICORN_ACCESS_LOG      "-" for stdout (default), a file path, or "off"
    GUNICORN_LOG_LEVEL       error log level (default info)
    FORWARDED_ALLOW_IPS      proxies trusted for X-Forwarded-* (default 127.0.0.1)
"""

import gc
import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"

# A page renders in milliseconds; a request still running after this is stuck (a hung database
# or storage call) and its worker is replaced. Admin exports can run longer: raise it for them.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then so a slow leak never grows without bound; the jitter keeps them
# from restarting all at once. Measured (`make bench`, memory probe, 12,000 articles): a worker
# grows from about 110 MB to 150 MB over its first 1,000 views as its own caches fill (fragments,
# remembered values: each bounded by MAX_ENTRIES), then by about 0.3 MB per 1,000 views (2,000 to
# 4,000 views: 149.7 → 150.3 MB and 154.9 → 155.6 MB). A restart empties those caches, so recycling every 2,000 views (every 2 s at 1,000 views
# a second) cost more than it saved; at 100,000 a busy worker restarts every few minutes.
max_requests = _int("GUNICORN_MAX_REQUESTS", 100_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 10_000)

# Load the application once in the master and fork: faster start, shared memory pages.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes", "on"}

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

_access_log = os.environ.get("GUNICORN_ACCESS_LOG", "-")
accesslog = None if _access_log.lower() in {"off", "none", ""} else _access_log
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Client address (as forwarded by the proxy), request, status, size, duration in microseconds,
# referrer, user agent, and the page cache's verdict (hit, miss, bypass).
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(B)s %(D)sus "%(f)s" "%(a)s" cache=%({x-portal-cache}o)s'
)

# Request size limits against oversized headers.
limit_request_line = _int("GUNICORN_LIMIT_REQUEST_LINE", 8190)
limit_request_fields = _int("GUNICORN_LIMIT_REQUEST_FIELDS", 100)

# /dev/shm for worker heartbeats: a slow disk must not make healthy workers look dead.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def pre_fork(server, worker):
    # The application loaded in the master (preload) is tens of thousands of long-lived objects.
    # Frozen, the workers' garbage collector no longer walks them: a full collection, every
    # hundred page views or so, took about 100 ms; the pages stay shared between the workers
    # instead of being copied as the collector touches them.
    if preload_app:
        gc.collect()
        gc.freeze()


def post_fork(server, worker):
    # Connections opened in the master (preload) must not be shared by the forked workers.
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
