"""A mirrored website folder (what ``wget --mirror`` leaves), read with CSS selectors from a profile.

The profile is a small TOML, YAML or JSON file (TOML shown; the same keys in YAML or JSON)::

    base_url = "https://kufo.vn/"        # the old site's address: old URLs and redirects
    include = ["tin-tuc/**/*.html"]      # which files are articles (glob, relative to the folder)
    exclude = ["tin-tuc/trang-*.html"]   # optional
    encoding = "utf-8"                   # optional; else the page's <meta charset>, else UTF-8

    [selectors]
    title = "h1.title"                   # required
    body = ".news-content"               # required
    date = ".date"                       # required: "Ngày: 20.09.2022", "Thứ ba, 20/9/2022 08:15"…
    author = ".author"                   # optional, as are the ones below
    lead = ".sapo"
    image = ".news-content img"          # the main picture (src, or content of a <meta>)
    category = ".breadcrumb a:last-child"
    tags = ".tags a"
    remove = [".share", ".related"]      # parts of the body to leave out

In YAML (read with ``yaml.safe_load``: plain data only, no tags that build objects)::

    base_url: https://kufo.vn/
    include: ["tin-tuc/**/*.html"]
    selectors:
      title: h1.title
      body: .news-content
      date: .date
      remove: [.share, .related]
"""

import json
import tomllib
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urljoin

import soupsieve
import yaml
from bs4 import BeautifulSoup
from django.utils.translation import gettext as _

from importer.dates import parse_date
from importer.html import plain_text
from portal.text import slugify_vi

from . import Item, Media, SourceError, decode

REQUIRED = ("title", "body", "date")
OPTIONAL = ("author", "lead", "image", "category", "tags")


def load_profile(path):
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(
            _("%(file)s: cannot read the profile (%(reason)s)") % {"file": path, "reason": error.strerror}
        ) from error
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            profile = tomllib.loads(raw.decode("utf-8"))
        elif suffix == ".json":
            profile = json.loads(raw.decode("utf-8"))
        elif suffix in (".yaml", ".yml"):
            profile = yaml.safe_load(raw.decode("utf-8"))
        else:
            raise SourceError(
                _("%(file)s: write the profile in TOML (.toml), YAML (.yaml) or JSON (.json)") % {"file": path.name}
            )
    except tomllib.TOMLDecodeError as error:
        raise SourceError(
            _("%(file)s: the profile is not valid TOML (%(reason)s)") % {"file": path.name, "reason": error}
        ) from error
    except json.JSONDecodeError as error:
        raise SourceError(
            _("%(file)s, line %(line)s: the profile is not valid JSON (%(reason)s)")
            % {"file": path.name, "line": error.lineno, "reason": error.msg}
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SourceError(
            _("%(file)s, line %(line)s: the profile is not valid YAML (%(reason)s)")
            % {
                "file": path.name,
                "line": mark.line + 1 if mark is not None else "?",
                "reason": getattr(error, "problem", None) or str(error).splitlines()[0],
            }
        ) from error
    except UnicodeDecodeError as error:
        raise SourceError(_("%(file)s: the profile is not UTF-8 text") % {"file": path.name}) from error
    if not isinstance(profile, dict) or not isinstance(profile.get("selectors") or {}, dict):
        raise SourceError(
            _("%(file)s: the profile must be a table of settings with a “selectors” table") % {"file": path.name}
        )
    selectors = profile.get("selectors") or {}
    for key in REQUIRED:
        if not selectors.get(key):
            raise SourceError(
                _("%(file)s: the profile needs a “%(key)s” selector under [selectors]")
                % {"file": path.name, "key": key}
            )
    if not profile.get("base_url") or not isinstance(profile["base_url"], str):
        raise SourceError(_("%(file)s: the profile needs the old site's base_url") % {"file": path.name})
    for key in ("include", "exclude"):  # one pattern may be written without brackets
        if isinstance(profile.get(key), str):
            profile[key] = [profile[key]]
        patterns = profile.get(key) or []
        if not isinstance(patterns, list) or not all(isinstance(pattern, str) for pattern in patterns):
            raise SourceError(
                _("%(file)s: “%(key)s” is a list of file patterns such as “tin-tuc/*.html”")
                % {"file": path.name, "key": key}
            )
    if isinstance(selectors.get("remove"), str):
        selectors["remove"] = [selectors["remove"]]
    compiled = {}
    for key in REQUIRED + OPTIONAL:
        if selectors.get(key):
            compiled[key] = _compile(selectors[key], key, path.name)
    compiled["remove"] = [_compile(css, "remove", path.name) for css in selectors.get("remove") or []]
    profile["compiled"] = compiled
    profile["selectors"] = selectors
    return profile


def _compile(css, key, filename):
    if not isinstance(css, str):
        raise SourceError(
            _("%(file)s: the “%(key)s” selector must be CSS text, not “%(value)s”")
            % {"file": filename, "key": key, "value": css}
        )
    try:
        return soupsieve.compile(css)
    except soupsieve.SelectorSyntaxError as error:
        raise SourceError(
            _("%(file)s: the “%(key)s” selector “%(css)s” is not valid CSS (%(reason)s)")
            % {"file": filename, "key": key, "css": css, "reason": str(error).splitlines()[0]}
        ) from error


def files(folder, profile):
    folder = Path(folder)
    include = profile.get("include") or ["**/*.html", "**/*.htm"]
    exclude = profile.get("exclude") or []
    found = {}
    for pattern in include:
        for path in sorted(folder.glob(pattern)):
            relative = PurePosixPath(path.relative_to(folder).as_posix())
            if path.is_file() and not any(relative.match(skip) for skip in exclude):
                found[str(relative)] = path
    return found


def old_urls(base_url, relative):
    """The addresses a mirrored file had: ``a/index.html`` was also ``a/``; wget adds ``.html``."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    urls = [urljoin(base, quote(relative, safe="/?=&%"))]
    if relative.endswith("index.html") or relative.endswith("index.htm"):
        urls.append(urljoin(base, quote(relative.rsplit("/", 1)[0] + "/" if "/" in relative else "", safe="/")))
    elif "?" in relative and relative.endswith(".html"):  # wget --adjust-extension on "page.php?id=5"
        urls.append(urljoin(base, quote(relative[: -len(".html")], safe="/?=&%")))
    return list(dict.fromkeys(urls))


def read_file(path, relative, profile, encoding=None):
    """One :class:`Item` from a mirrored page; a required selector that matches nothing is an error."""
    text = decode(path.read_bytes(), relative, encoding or profile.get("encoding"))
    soup = BeautifulSoup(text, "html.parser")
    compiled = profile["compiled"]
    selectors = profile["selectors"]
    found = {}
    for key in REQUIRED + OPTIONAL:
        if key not in compiled:
            continue
        matches = compiled[key].select(soup) if key == "tags" else [compiled[key].select_one(soup)]
        matches = [match for match in matches if match is not None]
        if not matches and key in REQUIRED:
            raise SourceError(
                _("%(file)s: the “%(key)s” selector “%(css)s” matches nothing in this page")
                % {"file": relative, "key": key, "css": selectors[key]}
            )
        found[key] = matches
    urls = old_urls(profile["base_url"], relative)
    title_element = found["title"][0]
    line = title_element.sourceline or 0
    date_text = _value(found["date"][0])
    date = parse_date(date_text)
    if date is None:
        raise SourceError(
            _("%(file)s, line %(line)s: no date can be read in “%(text)s” (selector “%(css)s”)")
            % {"file": relative, "line": found["date"][0].sourceline, "text": date_text[:80], "css": selectors["date"]}
        )
    body = found["body"][0]
    for selector in compiled["remove"]:
        for element in selector.select(body):
            element.decompose()
    featured = None
    if found.get("image"):
        element = found["image"][0]
        src = element.get("content") or element.get("src") or element.get("data-src") or ""
        if src:
            featured = Media(url=urljoin(urls[0], src), alt=plain_text(element.get("alt") or ""))
    category = plain_text(_value(found["category"][0])) if found.get("category") else ""
    item = Item(
        source_id=f"url:{urls[-1] if len(urls) > 1 else urls[0]}",
        title=plain_text(_value(title_element)),
        line=line,
        file=relative,
        link=urls[0],
        old_urls=urls,
        body_html=body.decode_contents(),
        excerpt=plain_text(_value(found["lead"][0])) if found.get("lead") else "",
        date=date,
        author=plain_text(_value(found["author"][0])) if found.get("author") else "",
        categories=[(slugify_vi(category), category)] if category else [],
        tags=[(slugify_vi(plain_text(_value(tag))), plain_text(_value(tag))) for tag in found.get("tags", [])],
        featured=featured,
        base_url=urls[0],
    )
    for key in OPTIONAL:
        if key in compiled and not found.get(key):
            item.warnings.append(
                _("the “%(key)s” selector “%(css)s” matches nothing") % {"key": key, "css": selectors[key]}
            )
    return item


def _value(element):
    for attribute in ("content", "datetime"):
        if element.get(attribute):
            return element.get(attribute)
    return element.get_text(" ")
