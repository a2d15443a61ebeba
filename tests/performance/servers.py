"""Real app servers for the scale-out tests: gunicorn processes on loopback ports, and a tiny HTTP
client that keeps cookies by hand (the session cookie may be marked Secure)."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes
    cookies: dict

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def csrf_token(self):
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text)
        assert match, "no CSRF token in the page"
        return match.group(1)


@dataclass
class Visitor:
    """Cookies carried from one server to the other, as a load balancer would let them."""

    cookies: dict = field(default_factory=dict)

    def header(self):
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())


class Server:
    def __init__(self, name, environment, log_dir):
        self.name = name
        self.port = free_port()
        self.log = Path(log_dir) / f"{name}.log"
        env = {**environment, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "portal.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def wait(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log.read_text()[-3000:]}")
            try:
                if self.request("GET", "/healthz/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer: {self.log.read_text()[-3000:]}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def request(self, method, path, body=None, content_type=None, visitor=None, headers=None):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=60)
        # One public host name for every server, as a load balancer forwards it.
        sent = {"Host": "localhost", **(headers or {})}
        if content_type:
            sent["Content-Type"] = content_type
        if visitor is not None and visitor.cookies:
            sent["Cookie"] = visitor.header()
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        cookies = {}
        for raw in response.headers.get_all("Set-Cookie") or []:
            parsed = SimpleCookie()
            parsed.load(raw)
            cookies.update({name: morsel.value for name, morsel in parsed.items()})
        connection.close()
        if visitor is not None:
            for name, value in cookies.items():
                if value:
                    visitor.cookies[name] = value
                else:
                    visitor.cookies.pop(name, None)
        return Reply(response.status, {k.lower(): v for k, v in response.headers.items()}, data, cookies)

    def get(self, path, visitor=None, **kwargs):
        return self.request("GET", path, visitor=visitor, **kwargs)

    def post_form(self, path, data, visitor, files=None):
        if files:
            body, content_type = multipart(data, files)
        else:
            body, content_type = urlencode(data).encode(), "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, content_type=content_type, visitor=visitor)

    def log_in(self, username, password):
        visitor = Visitor()
        form = self.get("/admin/login/", visitor=visitor)
        reply = self.post_form(
            "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": form.csrf_token(), "next": "/admin/"},
            visitor,
        )
        assert reply.status == 302, reply.text[:2000]
        return visitor


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class RedisServer:
    """The Redis of ``TEST_REDIS_URL`` (started by scripts/services.sh), or one started here
    (always, with ``own=True``: a test that stops Redis must not stop the suite's)."""

    def __init__(self, workdir, own=False):
        self.process = None
        self.workdir = workdir
        self.url = None if own else os.environ.get("TEST_REDIS_URL")
        if self.url:
            return
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise RuntimeError("redis-server is not installed: run the suite with `make test`, which installs it.")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self):
        """Start the Redis started here (again, on the same port, after :meth:`stop`)."""
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", self.workdir],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
