import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from foreign_relations.models import (
    DirectiveIndexPage,
    PartnerIndexPage,
    ProjectIndexPage,
)


@pytest.fixture
def partner_index_vi(vi):
    return PartnerIndexPage.objects.get(locale=vi)


@pytest.fixture
def project_index_vi(vi):
    return ProjectIndexPage.objects.get(locale=vi)


@pytest.fixture
def directive_index_vi(vi):
    return DirectiveIndexPage.objects.get(locale=vi)


@pytest.fixture
def count_queries(client):
    """Queries of a second GET of ``url`` (the first warms per-process caches, as a live server has)."""

    def count(url):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries.captured_queries)

    return count
