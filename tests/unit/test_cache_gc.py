"""Build cache upkeep: usage, pruning and verification reports on a real cache and store."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cache import BuildCache, CacheRecord
from builder.cache_gc import PruneReport, Usage, VerifyReport, prune, usage, verify
from builder.store import Store


def test_reports_start_empty_and_do_not_share_their_lists() -> None:
    one, two = PruneReport(), PruneReport()
    one.removed.append(CacheRecord("sha256:" + "0" * 64))
    assert two.removed == [] and one != two
    first, second = VerifyReport(), VerifyReport()
    first.damaged["k"] = "broken"
    assert second.damaged == {} and second == VerifyReport(0, {}, 0)
    assert Usage() == Usage(0, 0, 0, 0, 0)
    with pytest.raises(TypeError, match="unhashable"):
        hash(Usage())


def test_empty_cache_reports(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with BuildCache(tmp_path) as cache:
        assert usage(tmp_path, store, cache) == Usage()
        assert prune(tmp_path, store, cache, everything=True) == PruneReport()
        assert verify(store, cache) == VerifyReport()
