"""Every observatory test starts with empty caches.

Cached results are keyed by data fingerprints; a test's rolled-back rows may come back in
the next test with the same ids (SQLite), so a leftover entry could look current.
"""

import pytest
from django.core.cache import caches


def _vider() -> None:
    for alias in ("default", "partage"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _cache_vide():
    _vider()
    yield
    _vider()
