"""How well the site search ranks: a judged set of queries over a fixed corpus.

``search/judged/corpus.json`` holds pages written for this measure (not the demo content, which
changes): Vietnamese and English pages about named subjects, pages that only mention a subject,
and pages where a subject's syllables stand apart ("người nước ngoài … giao lưu" for
"ngoại giao"). ``search/judged/judgements.json`` holds the queries, each with the pages a reader
would expect and how much: 3 the page is about it (the subject in the title), 2 the subject is
in the lead, 1 it is mentioned once in the body; any other page is not relevant (0).

:func:`evaluate` loads the corpus into the database inside a transaction that is rolled back,
runs every query through the site search's own ranking (as the search view orders results) and
returns nDCG@10 and MRR@10 per query; pages outside the corpus are ignored.
"""

import datetime
import json
import math
from collections import defaultdict
from pathlib import Path

from django.db import transaction

JUDGED = Path(__file__).resolve().parent / "judged"
CUTOFF = 10


def load(name):
    with open(JUDGED / name, encoding="utf-8") as handle:
        return json.load(handle)


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg(ranked_keys, expected, cutoff=CUTOFF):
    ideal = dcg(sorted(expected.values(), reverse=True)[:cutoff])
    if not ideal:
        return 0.0
    return dcg([expected.get(key, 0) for key in ranked_keys[:cutoff]]) / ideal


def reciprocal_rank(ranked_keys, expected, cutoff=CUTOFF):
    for rank, key in enumerate(ranked_keys[:cutoff], start=1):
        if expected.get(key, 0) > 0:
            return 1.0 / rank
    return 0.0


class _RolledBack(Exception):
    pass


def _build_corpus():
    """Create the corpus's pages (live, indexed by the usual signals); ``{page_id: key}``."""
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    from foreign_relations.models import DirectivePage
    from home.models import StandardPage

    root = Page.get_first_root_node()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    keys = {}
    parents = {}
    for language in ("vi", "en"):
        parent = StandardPage(
            title=f"Judged corpus {language}", slug=f"judged-corpus-{language}", locale=locales[language]
        )
        root.add_child(instance=parent)
        parents[language] = Page.objects.get(pk=parent.pk)
    for item in load("corpus.json")["pages"]:
        parent = parents[item["language"]]
        day = datetime.date.fromisoformat(item["date"])
        moment = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
        common = {
            "title": item["title"],
            "slug": item["key"],
            "locale": locales[item["language"]],
            "first_published_at": moment,
            "last_published_at": moment,
            "body": [("paragraph", RichText(f"<p>{item['body']}</p>"))] if item["body"] else [],
        }
        if item["type"] == "directive":
            page = DirectivePage(
                document_number=item["document_number"], issue_date=day, summary=item["lead"], **common
            )
        else:
            page = StandardPage(intro=item["lead"], **common)
        parent.add_child(instance=page)
        parent = Page.objects.get(pk=parent.pk)  # numchild moved on
        parents[item["language"]] = parent
        keys[page.pk] = item["key"]
    return keys, locales


def ranked_ids(locale, text, limit):
    """The page ids the search view would list for ``text``, in its order (first ``limit``)."""
    from portal.text import normalise_query
    from search.query import Search
    from search.text import parse_query
    from search.views import RankedIds

    parsed = parse_query(normalise_query(text), locale.language_code)
    if not parsed:
        return []
    found = Search(locale.pk, parsed)
    total = sum(found.counts().values())
    return list(RankedIds(found, total)[0 : min(total, limit)])


def wagtail_ranked_ids(locale, text, limit):
    """The page ids Wagtail's own search backend (the admin's search) lists for ``text``."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    pages = Page.objects.live().filter(locale=locale)
    return [page.pk for page in get_search_backend().search(text, pages)[:limit]]


ENGINES = {"site": ranked_ids, "wagtail": wagtail_ranked_ids}


def evaluate(engine="site"):
    """``[{query, language, kind, ndcg, rr, ranked}]`` for every judged query.

    ``engine="wagtail"`` ranks with Wagtail's own search index instead of the site search's
    (what one index for both would give)."""
    queries = load("judgements.json")["queries"]
    search = ENGINES[engine]
    rows = []
    try:
        with transaction.atomic():
            keys, locales = _build_corpus()
            if engine == "wagtail":
                from wagtail.models import Page
                from wagtail.search.index import insert_or_update_object

                for page in Page.objects.filter(pk__in=keys).specific():
                    insert_or_update_object(page)
            for item in queries:
                ids = search(locales[item["language"]], item["query"], limit=1000)
                ranked = [keys[pk] for pk in ids if pk in keys][:CUTOFF]
                rows.append(
                    {
                        **{name: item[name] for name in ("query", "language", "kind")},
                        "ndcg": ndcg(ranked, item["expected"]),
                        "rr": reciprocal_rank(ranked, item["expected"]),
                        "ranked": ranked,
                    }
                )
            raise _RolledBack
    except _RolledBack:
        pass
    return rows


def summary(rows):
    """``{kind: (queries, mean nDCG@10, MRR@10)}`` with ``"all"`` for the whole set."""
    groups = defaultdict(list)
    for row in rows:
        groups[row["kind"]].append(row)
        groups["all"].append(row)
    return {
        kind: (len(items), sum(r["ndcg"] for r in items) / len(items), sum(r["rr"] for r in items) / len(items))
        for kind, items in sorted(groups.items())
    }
