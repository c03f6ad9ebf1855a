"""Writing cache records (and cache mounts) to an exported cache directory
(``--cache-to type=local``, ``cache export``); the format is in :mod:`builder.cache_io`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from builder.cache import CacheRecord
from builder.cache_io import CacheDirWriter, CacheManifest, Entry, LayerBlob
from builder.descriptor import MEDIA_OCI_LAYER
from builder.record import Record
from builder.store import Store

if TYPE_CHECKING:
    from builder.build.request import CacheExport
    from builder.cache import BuildCache
    from builder.cachekey import CacheKey
    from builder.graph import BuildGraph

__all__ = ["ExportReport", "export_build", "export_records", "record_layer_blob"]


class ExportReport(Record):
    """What an export wrote."""

    __slots__ = ("entries", "blobs_written", "blobs_reused", "bytes_written", "mounts",
                 "skipped")
    _hashable = False
    entries: int
    blobs_written: int
    blobs_reused: int
    bytes_written: int
    mounts: int
    skipped: list[str]

    def __init__(self, entries: int = 0, blobs_written: int = 0, blobs_reused: int = 0,
                 bytes_written: int = 0, mounts: int = 0,
                 skipped: list[str] | None = None) -> None:
        self.entries = entries
        self.blobs_written = blobs_written
        self.blobs_reused = blobs_reused
        self.bytes_written = bytes_written
        self.mounts = mounts
        self.skipped = [] if skipped is None else skipped


def record_layer_blob(store: Store, record: CacheRecord) -> LayerBlob | None:
    """The layer blob of ``record`` in the store, or None when it has no layer or the blob
    is gone."""
    if record.layer_digest is None or record.diff_id is None:
        return None
    for rec in store.layer_records(record.diff_id):
        if rec.descriptor.digest == record.layer_digest:
            d = rec.descriptor
            return LayerBlob(d.digest, d.size, d.media_type, record.diff_id)
    path = store.blob_path(record.layer_digest)
    if not path.is_file():
        return None
    from builder.layers import MEDIA_TYPES, detect_compression

    with open(path, "rb") as f:
        kind = detect_compression(f.read(4))
    media = MEDIA_TYPES[kind] if kind != "none" else MEDIA_OCI_LAYER
    return LayerBlob(record.layer_digest, path.stat().st_size, media, record.diff_id)


def export_records(
    store: Store,
    records: Iterable[CacheRecord],
    dest: Path | str,
    *,
    root: Path | None = None,
    mounts: Iterable[tuple[str, str]] = (),
) -> ExportReport:
    """Write ``records`` (and the cache mounts ``mounts``, as (directory name, id), of
    ``root``) to ``dest``.

    Blobs already at ``dest`` are kept; ``index.json`` is replaced last, atomically. Call
    inside :meth:`Store.session` so that no blob goes away meanwhile.
    """
    from builder.cache_mounts import pack_mount

    report = ExportReport()
    manifest = CacheManifest()
    with CacheDirWriter(dest) as writer:
        for record in records:
            layer = None
            if record.layer_digest is not None:
                layer = record_layer_blob(store, record)
                if layer is None:
                    report.skipped.append(f"{record.key}: layer {record.layer_digest} is missing")
                    continue
                writer.copy_blob(store.blob_path(layer.digest), layer)
            manifest.entries[record.key] = Entry(
                key=record.key, inputs=record.inputs, layer=layer, stage=record.stage,
                instruction=record.instruction, created=record.created,
                config_change=record.config_change,
            )  # fmt: skip
        for name, ident in mounts if root is not None else ():
            assert root is not None
            mount = pack_mount(root, name, ident, writer)
            if mount is not None:
                manifest.mounts[mount.name] = mount
        writer.commit(manifest)
        report.entries = len(manifest.entries)
        report.mounts = len(manifest.mounts)
        report.blobs_written = writer.written
        report.blobs_reused = writer.reused
        report.bytes_written = writer.bytes_written
    return report


def export_build(
    store: Store,
    root: Path,
    exports: Sequence[CacheExport],
    graph: BuildGraph,
    keys: Mapping[tuple[int, int], CacheKey],
    done: Iterable[tuple[int, int]],
    cache: BuildCache,
    warn: Callable[[str], None],
) -> None:
    """``--cache-to`` after a build: the records of every step run or reused (``done``,
    as (stage, step)) with ``mode=max``; with ``min`` only those of the final image's stages
    (the target and the stages it is ``FROM``)."""
    from builder.cache_mounts import mount_ids, mount_name

    chain, stage = set(), graph.stages[graph.target]
    while True:
        chain.add(stage.index)
        if stage.base.stage is None:
            break
        stage = graph.stages[stage.base.stage]
    done = sorted(done)
    for export in exports:
        wanted = done if export.mode == "max" else [k for k in done if k[0] in chain]
        records = [cache.lookup(keys[k].digest, touch=False) for k in wanted]
        mounts = [(mount_name(i), i) for i in mount_ids(graph)] if export.mounts else []
        report = export_records(store, [r for r in records if r is not None], export.dest,
                                root=root, mounts=mounts)
        for problem in report.skipped:
            warn(f"cache export to {export.dest}: {problem}")
