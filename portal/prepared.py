"""Prepared queries: built and compiled once per process, planned once per database connection.

A page view runs the same few queries again and again with new values (the article by its id,
its topics, its related pages). For such a query Django builds the queryset and compiles its SQL
on every call, and PostgreSQL plans it on every call; for an article that was most of the time
its queries cost (about 3 ms of Python and 1 ms of planning, against well under 1 ms to run
them). A ``PreparedQuery`` does both once:

    article = PreparedQuery(lambda pk: NewsPage.objects.filter(pk=pk).select_related("locale")[:1], pk=int)
    found = article.fetch(pk=42)     # a list of NewsPage

- ``build`` is called once, with a placeholder for each value (``pk=int`` says the value is an
  integer; ``str`` is the other kind). The placeholders must reach the SQL parameters as given:
  a lookup that rewrites its value (``startswith``, ``__in`` a list) is refused when the query
  is first prepared, with ``ImproperlyConfigured``, so a mistake shows at once.
- Each ``fetch`` copies the compiled SQL, puts the values in their parameters, and makes model
  instances the way Django does (``select_related``, ``only``, annotations).
- On PostgreSQL the SQL is also prepared on the connection (``PREPARE``, sent together with the
  first ``EXECUTE``, so it costs no extra round trip), and later calls send ``EXECUTE`` alone.
  A new connection prepares again. Prepared statements outlive transactions and rollbacks; if
  a statement fails, that connection goes back to plain SQL for it.
  ``settings.PORTAL_PREPARED_STATEMENTS = False`` (env ``DB_PREPARED_STATEMENTS=false``) turns the
  ``PREPARE`` off, for a connection pooler that shares server sessions between clients
  (PgBouncer in transaction mode); the Python side still applies.

Only for querysets of model instances whose shape never changes with the values: no
``prefetch_related``, no ``values()``, no ``specific()``.

``SQLTemplate`` (below) does the Python half for queries whose values end up inside larger
parameters (``LIKE`` patterns, a ``tsquery``): the site search's counts and ranked window.
"""

import copy
import datetime
import hashlib
import itertools
import re
import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models.query import ModelIterable

_placeholders = itertools.count(1)


def _placeholder(kind):
    number = next(_placeholders)
    if kind is int:
        return -2_100_000_000 + number  # fits an integer column; never a real id
    if kind is datetime.date:
        return datetime.date(1001 + number % 800, 1 + number % 12, 1 + number % 28)  # never a real date
    return f"\ufdd0prepared-{number}\ufdd1"  # noncharacters: never in real text


def _numbered(sql):
    """Django's ``%s`` placeholders as PostgreSQL's ``$1, $2…`` (``%%`` is a literal ``%``)."""
    count = itertools.count(1)
    return re.sub(r"%%|%s", lambda m: "%" if m.group(0) == "%%" else f"${next(count)}", sql)


class _Compiled:
    """One compiled form of the query, for one database alias."""

    def __init__(self, queryset, compiler, sql, params, slots, vendor):
        self.model = queryset.model
        self.compiler = compiler  # select, klass_info… filled by as_sql(); copied for each call
        self.sql, self.params, self.slots = sql, params, slots
        self.statement = None
        if vendor == "postgresql":
            self.statement = "portal_" + hashlib.sha1(sql.encode()).hexdigest()[:24]
            arguments = ", ".join(["%s"] * len(params))
            self.execute_sql = f"EXECUTE {self.statement}" + (f"({arguments})" if params else "")
            prepare = f"PREPARE {self.statement} AS {_numbered(sql)}"
            self.prepare_and_execute_sql = prepare.replace("%", "%%") + "; " + self.execute_sql


class _Shim:
    """What ``ModelIterable`` reads of a queryset, around a compiler that is ready to run."""

    def __init__(self, compiled, compiler, alias):
        self.model, self.db, self._compiler = compiled.model, alias, compiler
        self._known_related_objects = {}
        self.query = self

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler


def _prepared_on(connection):
    """``{statement: True (prepared) | False (use plain SQL)}`` for the open connection."""
    raw = connection.connection
    known = getattr(connection, "_portal_prepared", None)
    if known is None or known[0] is not raw:
        known = (raw, {})
        connection._portal_prepared = known
    return known[1]


class _CompiledOnce:
    """A query built by ``build`` from placeholders of ``kinds`` and compiled once per database
    alias (``_compile``), shared by the threads of the process."""

    KINDS = (int, str)

    def __init__(self, build, **kinds):
        for name, kind in kinds.items():
            if kind not in self.KINDS:
                allowed = ", ".join(k.__name__ for k in self.KINDS)
                raise ImproperlyConfigured(f"{type(self).__name__}: {name} must be one of {allowed}, not {kind!r}")
        self.build, self.kinds = build, kinds
        self._compiled = {}
        self._lock = threading.Lock()

    def compiled(self, alias="default"):
        found = self._compiled.get(alias)
        if found is None:
            with self._lock:
                found = self._compiled.get(alias) or self._compile(alias)
                self._compiled[alias] = found
        return found


class PreparedQuery(_CompiledOnce):
    def _compile(self, alias):
        placeholders = {name: _placeholder(kind) for name, kind in self.kinds.items()}
        queryset = self.build(**placeholders)
        if queryset._iterable_class is not ModelIterable or queryset._prefetch_related_lookups:
            raise ImproperlyConfigured("PreparedQuery needs a plain queryset of model instances")
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        params = list(params)
        slots = [(i, name) for i, value in enumerate(params) for name, p in placeholders.items() if value == p]
        missing = set(placeholders) - {name for _, name in slots}
        if missing:
            raise ImproperlyConfigured(
                f"PreparedQuery: the value of {', '.join(sorted(missing))} does not reach the SQL as given"
            )
        return _Compiled(queryset, compiler, sql, params, slots, connections[alias].vendor)

    def fetch(self, using="default", **values):
        """The query's model instances for ``values``, as a list."""
        compiled = self.compiled(using)
        params = list(compiled.params)
        for index, name in compiled.slots:
            params[index] = values[name]
        connection = connections[using]
        if not compiled.statement or not getattr(settings, "PORTAL_PREPARED_STATEMENTS", True):
            return self._run(compiled, connection, using, compiled.sql, params)
        # What Django does before a cursor: the connection the statement is tracked on is the one
        # the query runs on.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
        prepared = _prepared_on(connection)
        state = prepared.get(compiled.statement)
        if state is False:
            return self._run(compiled, connection, using, compiled.sql, params)
        sql = compiled.execute_sql if state else compiled.prepare_and_execute_sql
        try:
            found = self._run(compiled, connection, using, sql, params)
        except Exception:
            # Whether the statement exists now is unknown: plain SQL for it on this connection,
            # at once when no transaction was broken by the failure.
            _prepared_on(connection)[compiled.statement] = False
            if connection.in_atomic_block:
                raise
            return self._run(compiled, connection, using, compiled.sql, params)
        prepared[compiled.statement] = True
        return found

    @staticmethod
    def _run(compiled, connection, using, sql, params):
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connection
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        return list(ModelIterable(_Shim(compiled, compiler, using)))


# What a text value of an SQLTemplate may hold: letters, digits and spaces, which no LIKE escaping,
# quoting or wrapping that Django or a lookup applies around a value changes.
_PLAIN_TEXT = re.compile(r"[^\W_]+(?: [^\W_]+)*")


class SQLTemplate(_CompiledOnce):
    """The SQL of a queryset, compiled once and filled in with new values: ``(sql, params)``.

    For queries whose values reach the SQL inside larger parameters (a ``LIKE`` pattern such as
    ``'% word %'``, a ``tsquery`` such as ``"'a' & 'b'"``), which ``PreparedQuery`` refuses.
    ``build`` gets a placeholder for each value (``int``, ``datetime.date`` or ``str``); an
    ``int`` or a date must reach a parameter as it is, a ``str`` may be found inside parameters.
    ``fill`` returns None when a text value is not plain letters, digits and single spaces (the
    caller then compiles the query itself), so no escaping applied to the placeholder can differ
    from what the value would have needed. Nothing is sent to the database here: the caller runs
    the SQL (PostgreSQL plans it each time, as for any query).
    """

    KINDS = (int, str, datetime.date)

    def _compile(self, alias):
        placeholders = {name: _placeholder(kind) for name, kind in self.kinds.items()}
        sql, params = self.build(**placeholders).query.get_compiler(using=alias).as_sql()
        params, exact, inside, found = list(params), [], [], set()
        for index, value in enumerate(params):
            for name, placeholder in placeholders.items():
                if self.kinds[name] is str:
                    if isinstance(value, str) and placeholder in value:
                        inside.append((index, name, placeholder))
                        found.add(name)
                elif value == placeholder:
                    exact.append((index, name, False))
                    found.add(name)
                elif isinstance(value, str) and value == str(placeholder):  # a date adapted as text (SQLite)
                    exact.append((index, name, True))
                    found.add(name)
        missing = set(placeholders) - found
        if missing:
            raise ImproperlyConfigured(f"SQLTemplate: {', '.join(sorted(missing))} does not reach the SQL")
        return sql, params, exact, inside

    def fill(self, using="default", **values):
        sql, template, exact, inside = self.compiled(using)
        if any(self.kinds[name] is str and not _PLAIN_TEXT.fullmatch(values[name]) for name in values):
            return None
        params = list(template)
        for index, name, as_text in exact:
            params[index] = str(values[name]) if as_text else values[name]
        for index, name, placeholder in inside:
            params[index] = params[index].replace(placeholder, values[name])
        return sql, params


# Queries made for a key (a page model, a shape of search…), kept for the life of the process.
_KEPT = {}
MAX_KEPT = 1024


def kept(key, make):
    """The PreparedQuery or SQLTemplate kept under ``key``, made by ``make()`` the first time.
    Past ``MAX_KEPT`` keys a query is made for each call instead, so keys drawn from requests
    cannot grow the process without bound."""
    query = _KEPT.get(key)
    if query is None:
        query = make()
        if len(_KEPT) < MAX_KEPT:
            query = _KEPT.setdefault(key, query)
    return query
