"""Print how much of each translation catalogue Django actually serves in a language.

For every catalogue the portal relies on (Wagtail's apps, wagtail-localize, taggit and the
portal's own apps) the command takes the messages of the installed version's source catalogue
and asks Django's own gettext machinery, with the language active, for each of them:

* server-side catalogues (domain ``django``) through ``gettext`` / ``ngettext`` / ``pgettext``
  / ``npgettext`` of ``django.utils.translation``;
* JavaScript catalogues (domain ``djangojs``) through the same ``DjangoTranslation`` object
  that ``django.views.i18n.JavaScriptCatalog`` builds for the admin's catalogue views.

A message counts as translated when the answer differs from the English text, or when the
merged catalogue explicitly holds it (for messages whose Vietnamese equals the English, such
as "Email" or "URL"). After an upgrade of Wagtail the report shows what became untranslated.

    python manage.py translation_coverage
    python manage.py translation_coverage --fail-under 98
    python manage.py translation_coverage --only wagtail.images --show-missing
"""

import json
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

# (module whose locale/en catalogue lists the messages, domain, packages of its JavaScriptCatalog view)
WAGTAIL_CATALOGUES = [
    ("wagtail.admin", "django", None),
    ("wagtail.admin", "djangojs", ["wagtail.admin"]),
    ("wagtail", "django", None),
    ("wagtail.images", "django", None),
    ("wagtail.documents", "django", None),
    ("wagtail.snippets", "django", None),
    ("wagtail.users", "django", None),
    ("wagtail.contrib.forms", "django", None),
    ("wagtail.contrib.redirects", "django", None),
    ("wagtail.contrib.search_promotions", "django", None),
    ("wagtail.contrib.settings", "django", None),
    ("wagtail.contrib.table_block", "django", None),
    ("wagtail.sites", "django", None),
    ("wagtail.locales", "django", None),
    ("wagtail.embeds", "django", None),
    ("wagtail.search", "django", None),
    ("wagtail_localize", "django", None),
    ("wagtail_localize", "djangojs", ["wagtail_localize"]),
    ("wagtail_localize.locales", "django", None),
    ("taggit", "django", None),
]


@dataclass
class Coverage:
    name: str
    domain: str
    group: str
    total: int = 0
    translated: int = 0
    missing: list = field(default_factory=list)

    @property
    def percent(self):
        return 100.0 if not self.total else 100.0 * self.translated / self.total


def package_dir(module_name):
    return Path(import_module(module_name).__path__[0])


def source_entries(po_path):
    """Messages of a catalogue: its non-obsolete entries (the header excluded)."""
    return [entry for entry in polib.pofile(str(po_path)) if not entry.obsolete and entry.msgid]


class Evaluator:
    """Answers "is this message translated?" through Django's own translation objects."""

    def __init__(self, language, domain, js_packages=None):
        self.language = language
        self.domain = domain
        if domain == "django":
            self.trans = translation.trans_real.translation(language)
        else:
            paths = JavaScriptCatalog().get_paths(js_packages) if js_packages else None
            self.trans = DjangoTranslation(language, domain=domain, localedirs=paths)
        self.catalog = self.trans._catalog

    def _ask(self, entry, n=None):
        ctx, msgid, plural = entry.msgctxt, entry.msgid, entry.msgid_plural
        if self.domain == "django":
            with translation.override(self.language):
                if ctx and plural:
                    return translation.npgettext(ctx, msgid, plural, n)
                if plural:
                    return translation.ngettext(msgid, plural, n)
                if ctx:
                    return translation.pgettext(ctx, msgid)
                return translation.gettext(msgid)
        if ctx and plural:
            return self.trans.npgettext(ctx, msgid, plural, n)
        if plural:
            return self.trans.ngettext(msgid, plural, n)
        if ctx:
            return self.trans.pgettext(ctx, msgid)
        return self.trans.gettext(msgid)

    def _present(self, entry):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            key = (key, 0)
        return key in self.catalog

    def is_translated(self, entry):
        if self._present(entry):
            return True
        if entry.msgid_plural:
            return all(self._ask(entry, n) != (entry.msgid if n == 1 else entry.msgid_plural) for n in (1, 2))
        return self._ask(entry) != entry.msgid


def own_catalogues(language):
    """(name, path) of the portal's own catalogues: apps inside the project and the shared locale/."""
    base = Path(settings.BASE_DIR).resolve()
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base in path.parents and path.parent == base:
            po = path / "locale" / language / "LC_MESSAGES" / "django.po"
            if po.exists():
                found.append((config.name, po))
    shared = base / "locale" / language / "LC_MESSAGES" / "django.po"
    if shared.exists():
        found.append(("locale (shared templates)", shared))
    return found


def measure(language="vi", include_wagtail=True, include_own=True, only=None):
    results = []
    evaluators = {}

    def evaluator(domain, packages):
        key = (domain, tuple(packages or ()))
        if key not in evaluators:
            evaluators[key] = Evaluator(language, domain, packages)
        return evaluators[key]

    jobs = []
    if include_wagtail:
        for module, domain, packages in WAGTAIL_CATALOGUES:
            po = package_dir(module) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if po.exists():
                jobs.append((module, domain, packages, po, "wagtail"))
    if include_own:
        for name, po in own_catalogues(language):
            jobs.append((name, "django", None, po, "portal"))
    for name, domain, packages, po, group in jobs:
        if only and name not in only:
            continue
        ev = evaluator(domain, packages)
        cov = Coverage(name=name, domain=domain, group=group)
        for entry in source_entries(po):
            cov.total += 1
            if ev.is_translated(entry):
                cov.translated += 1
            else:
                cov.missing.append((entry.msgctxt, entry.msgid))
        results.append(cov)
    return results


class Command(BaseCommand):
    help = "Print translation coverage (messages translated / total) per catalogue, as Django serves them."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--language", default="vi", help="Language to measure (default: vi).")
        parser.add_argument(
            "--fail-under",
            type=float,
            default=None,
            help="Exit non-zero if any catalogue measured is below this percentage.",
        )
        parser.add_argument("--wagtail-only", action="store_true", help="Only Wagtail / wagtail-localize catalogues.")
        parser.add_argument("--own-only", action="store_true", help="Only the portal's own catalogues.")
        parser.add_argument("--only", action="append", help="Limit to a catalogue name (repeatable).")
        parser.add_argument("--show-missing", action="store_true", help="List the untranslated messages.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")

    def handle(self, *args, **options):
        if options["wagtail_only"] and options["own_only"]:
            raise CommandError("--wagtail-only and --own-only exclude each other.")
        language = options["language"]
        if language not in dict(settings.LANGUAGES):
            raise CommandError(f"Unknown language {language!r}; choose one of {', '.join(dict(settings.LANGUAGES))}.")
        results = measure(
            language=language,
            include_wagtail=not options["own_only"],
            include_own=not options["wagtail_only"],
            only=set(options["only"]) if options["only"] else None,
        )
        if not results:
            raise CommandError("No catalogue matched.")
        threshold = options["fail_under"]
        below = [r for r in results if threshold is not None and r.percent < threshold]

        if options["json"]:
            data = [
                {
                    "catalogue": r.name,
                    "domain": r.domain,
                    "group": r.group,
                    "translated": r.translated,
                    "total": r.total,
                    "percent": round(r.percent, 2),
                    **(
                        {"missing": [m[1] if not m[0] else f"{m[0]}|{m[1]}" for m in r.missing]}
                        if options["show_missing"]
                        else {}
                    ),
                }
                for r in results
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            width = max(len(r.name) for r in results) + 2
            self.stdout.write(f"{'catalogue':<{width}}{'domain':<10}{'translated':>11}{'total':>7}{'%':>8}")
            for group in ("wagtail", "portal"):
                rows = [r for r in results if r.group == group]
                if not rows:
                    continue
                for r in rows:
                    line = f"{r.name:<{width}}{r.domain:<10}{r.translated:>11}{r.total:>7}{r.percent:>7.1f}%"
                    self.stdout.write(self.style.ERROR(line) if r in below else line)
                    if options["show_missing"]:
                        for ctx, msgid in r.missing:
                            self.stdout.write(f"    - {('[' + ctx + '] ') if ctx else ''}{msgid!r}")
                translated = sum(r.translated for r in rows)
                total = sum(r.total for r in rows)
                percent = 100.0 * translated / total if total else 100.0
                label = "all Wagtail" if group == "wagtail" else "all portal"
                self.stdout.write(f"{label:<{width}}{'':<10}{translated:>11}{total:>7}{percent:>7.1f}%")

        if below:
            names = ", ".join(f"{r.name} ({r.domain}) {r.percent:.1f}%" for r in below)
            raise CommandError(f"{len(below)} catalogue(s) below {threshold:g}%: {names}")
