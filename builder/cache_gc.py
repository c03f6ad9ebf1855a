"""Build cache upkeep: disk usage, least-recently-used pruning to a budget, verification.

The size of the cache is the size of the distinct layer blobs its records name (a blob two
records share counts once); the part no image in the store uses is reclaimable. Pruning
drops records, then lets the store's GC delete the blobs nothing names any more.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from builder import cachekey
from builder.blobs import tree_size
from builder.cache import BuildCache, CacheRecord
from builder.errors import DigestError, LayerError, NotFoundError, StoreError
from builder.record import Record
from builder.rmtree import remove_tree
from builder.store import Store

__all__ = ["PruneReport", "Usage", "VerifyReport", "prune", "usage", "verify"]


def _blob_size(store: Store, digest: str | None) -> int:
    if digest is None:
        return 0
    try:
        return store.blob_path(digest).stat().st_size
    except OSError:
        return 0


def _image_blobs(store: Store) -> set[str]:
    return {layer.digest for image in store.images() for layer in image.layers}


class Usage(Record):
    """``cache du``: records, their distinct layer bytes, the part no image uses, mounts."""

    __slots__ = ("records", "total", "reclaimable", "mounts", "mount_bytes")
    _hashable = False
    records: int
    total: int
    reclaimable: int
    mounts: int
    mount_bytes: int

    def __init__(self, records: int = 0, total: int = 0, reclaimable: int = 0, mounts: int = 0,
                 mount_bytes: int = 0) -> None:
        self.records = records
        self.total = total
        self.reclaimable = reclaimable
        self.mounts = mounts
        self.mount_bytes = mount_bytes


def usage(root: Path, store: Store, cache: BuildCache) -> Usage:
    """Disk usage of the build cache under ``root``."""
    records = cache.records()
    in_images = _image_blobs(store) if store.layout.exists() else set()
    blobs = {r.layer_digest for r in records if r.layer_digest}
    sizes = {d: _blob_size(store, d) for d in blobs}
    out = Usage(records=len(records), total=sum(sizes.values()))
    out.reclaimable = sum(s for d, s in sizes.items() if d not in in_images)
    mounts = Path(root) / "cache" / "mounts"
    if mounts.is_dir():
        dirs = [p for p in mounts.iterdir() if not p.name.startswith(".")]
        out.mounts = len(dirs)
        out.mount_bytes = sum(tree_size(p) for p in dirs)
    return out


class PruneReport(Record):
    """What :func:`prune` removed."""

    __slots__ = ("removed", "reclaimed", "mounts")
    _hashable = False
    removed: list[CacheRecord]
    reclaimed: int
    mounts: int

    def __init__(self, removed: list[CacheRecord] | None = None, reclaimed: int = 0,
                 mounts: int = 0) -> None:
        self.removed = [] if removed is None else removed
        self.reclaimed = reclaimed
        self.mounts = mounts


def _total(sizes: dict[str, int], refs: dict[str, int]) -> int:
    return sum(sizes[d] for d, n in refs.items() if n > 0)


def prune(
    root: Path,
    store: Store,
    cache: BuildCache,
    *,
    everything: bool = False,
    keep_storage: int | None = None,
    until: float | None = None,
    blocking: bool = True,
) -> PruneReport:
    """Drop cache records, least recently used first, then collect their blobs.

    Candidates: every record with ``everything`` or ``keep_storage``, else the records whose
    layer no image uses (and the broken ones); ``until`` (seconds) keeps records used more
    recently than that. With ``keep_storage``, eviction stops once the cache's size is
    within it. ``everything`` also empties the cache mounts.
    """
    records = cache.records()
    in_images = _image_blobs(store) if store.layout.exists() else set()
    sizes = {r.layer_digest: _blob_size(store, r.layer_digest) for r in records if r.layer_digest}
    refs: dict[str, int] = {}
    for r in records:
        if r.layer_digest:
            refs[r.layer_digest] = refs.get(r.layer_digest, 0) + 1
    candidates = sorted(records, key=lambda r: (r.last_used, r.created))
    if not (everything or keep_storage is not None):
        candidates = [r for r in candidates if r.layer_digest not in in_images
                      or not store.has_blob(r.layer_digest)]
    if until is not None:
        cutoff = time.time() - until
        candidates = [r for r in candidates if r.last_used < cutoff]
    report = PruneReport()
    for r in candidates:
        if keep_storage is not None and _total(sizes, refs) <= keep_storage:
            break
        report.removed.append(r)
        if r.layer_digest:
            refs[r.layer_digest] -= 1
    cache.remove(r.key for r in report.removed)
    if everything and until is None:
        mounts = Path(root) / "cache" / "mounts"
        if mounts.is_dir():
            for path in mounts.iterdir():
                report.reclaimed += tree_size(path)
                remove_tree(path)
                report.mounts += 1
    if report.removed and store.layout.exists():
        report.reclaimed += store.gc(blocking=blocking).reclaimed  # keeps the live records'
    return report


def auto_prune(root: Path, budget: int, cache: BuildCache | None = None) -> PruneReport | None:
    """After a build: evict least-recently-used records while the cache is over ``budget``
    bytes (0: off). Skips the blob collection when another build is running. ``cache`` is
    the root's build cache, if the caller has it open."""
    if budget <= 0:
        return None
    store = Store(root)
    with contextlib.ExitStack() as stack:
        if cache is None:
            cache = stack.enter_context(BuildCache(root))
        blobs = {r.layer_digest for r in cache.records() if r.layer_digest}
        if sum(_blob_size(store, d) for d in blobs) <= budget:
            return None
        return prune(root, store, cache, keep_storage=budget, blocking=False)


class VerifyReport(Record):
    """``cache verify``: records checked and the problems found (key → message)."""

    __slots__ = ("checked", "damaged", "repaired")
    _hashable = False
    checked: int
    damaged: dict[str, str]
    repaired: int

    def __init__(self, checked: int = 0, damaged: dict[str, str] | None = None,
                 repaired: int = 0) -> None:
        self.checked = checked
        self.damaged = {} if damaged is None else damaged
        self.repaired = repaired


def _check_layer(store: Store, record: CacheRecord) -> None:
    from builder.layers import transcode

    assert record.layer_digest is not None
    size = None
    for rec in store.layer_records(record.diff_id or ""):
        if rec.descriptor.digest == record.layer_digest:
            size = rec.descriptor.size
    with store.open_blob(record.layer_digest, size) as blob:
        got, _ = transcode(blob)
    if got != record.diff_id:
        raise DigestError(f"layer {record.layer_digest} does not hold diff_id {record.diff_id}")


def verify(store: Store, cache: BuildCache, *, repair: bool = False) -> VerifyReport:
    """Re-hash every record (its key against its inputs) and its layer blob (digest and
    diff_id); with ``repair``, drop damaged records and delete corrupt blob files."""
    report = VerifyReport()
    checked: dict[str, str | None] = {}
    corrupt: set[str] = set()
    for record in cache.records():
        report.checked += 1
        problem = None
        if record.inputs and cachekey.digest_of(record.inputs) != record.key:
            problem = "the key is not the digest of its recorded inputs"
        elif record.layer_digest is not None:
            if record.layer_digest not in checked:
                try:
                    _check_layer(store, record)
                    checked[record.layer_digest] = None
                except NotFoundError:
                    checked[record.layer_digest] = f"layer blob {record.layer_digest} is missing"
                except (DigestError, LayerError, StoreError) as err:
                    checked[record.layer_digest] = err.message
                    corrupt.add(record.layer_digest)
            problem = checked[record.layer_digest]
        if problem:
            report.damaged[record.key] = problem
    if repair and report.damaged:
        report.repaired = cache.remove(report.damaged)
        with store.session():
            for digest in corrupt:
                store.blob_path(digest).unlink(missing_ok=True)
    return report

