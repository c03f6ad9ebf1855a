"""Writing cache records (and cache mounts) to an exported cache directory
(``--cache-to type=local``, ``cache export``); the format is in :mod:`builder.cache_io`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from builder.cache import CacheRecord
from builder.cache_io import CacheDirWriter, CacheManifest, Entry, LayerBlob
from builder.descriptor import MEDIA_OCI_LAYER
from builder.store import Store

__all__ = ["ExportReport", "export_records", "record_layer_blob"]


@dataclass
class ExportReport:
    """What an export wrote."""

    entries: int = 0
    blobs_written: int = 0
    blobs_reused: int = 0
    bytes_written: int = 0
    mounts: int = 0
    skipped: list[str] = field(default_factory=list)


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
