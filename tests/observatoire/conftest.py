"""Every observatory test starts with an empty cache.

Cached results are keyed by data fingerprints; a test's rolled-back rows may come back in
the next test with the same ids (SQLite), so a leftover entry could look current.
"""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _cache_vide():
    cache.clear()
    yield
    cache.clear()
