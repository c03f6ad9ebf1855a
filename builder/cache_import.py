"""Taking cache records from exported caches (``--cache-from``, ``cache import``).

A record is installed only once its layer blob has been copied into the store and verified:
the blob's sha256 against its digest, and the sha256 of its decompressed tar against its
diff_id. Anything damaged (a bad blob, a bad manifest, a record whose key is not the digest
of its inputs) is a miss, never a corrupted image.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO, cast

from builder.blobs import BlobWriter
from builder.cache import BuildCache, CacheRecord
from builder.cache_io import CacheManifest, Entry, LayerBlob, read_cache_dir
from builder.descriptor import hex_of
from builder.errors import CacheError, DigestError, LayerError, StoreError
from builder.record import Record
from builder.store import Store

__all__ = ["CacheSource", "CacheSources", "ImportReport", "import_all", "install_layer"]

Warn = Callable[[str], None]
_CHUNK = 1 << 20


class _Tee(io.RawIOBase):
    """Reads ``src`` and writes every byte read to ``sink``."""

    def __init__(self, src: BinaryIO, sink: BlobWriter) -> None:
        super().__init__()
        self._src = src
        self._sink = sink

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        n: int = cast(Any, self._src).readinto(view) or 0
        if n:
            self._sink.write(view[:n])
        return n


def _plain_open(path: Path) -> BinaryIO:
    import os

    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    return os.fdopen(fd, "rb", buffering=0)


def install_layer(store: Store, src: Path, layer: LayerBlob) -> None:
    """Copy a layer blob of the cache at ``src`` into the store, verifying its digest and
    diff_id; raise :class:`DigestError`, :class:`LayerError` or :class:`CacheError`."""
    from builder.layers import transcode

    if any(r.descriptor.digest == layer.digest and r.verified
           for r in store.layer_records(layer.diff_id)):
        return
    with store.session():
        writer = None
        if store.has_blob(layer.digest):  # the same bytes, but not known as this diff_id
            reader: BinaryIO = store.open_blob(layer.digest, layer.size)
        else:
            try:
                reader = _plain_open(Path(src) / "blobs" / "sha256" / hex_of(layer.digest))
            except OSError as exc:
                raise CacheError(f"{src}: blob {layer.digest}: {exc.strerror}") from None
            writer = BlobWriter(store.tmp_dir, store.blob_path, layer.digest, layer.media_type)
        try:
            tee = cast(BinaryIO, _Tee(reader, writer)) if writer else reader
            got, size = transcode(tee)
            if got != layer.diff_id:
                raise DigestError(f"layer {layer.digest} does not hold diff_id {layer.diff_id}")
            if writer is not None:
                if writer.size != layer.size:
                    raise DigestError(f"blob {layer.digest} has {writer.size} bytes, "
                                      f"expected {layer.size}")
                writer.commit()
        finally:
            reader.close()
            if writer is not None:
                writer.close()
        store.record_layer(layer.diff_id, layer.descriptor, size)


def _record(entry: Entry) -> CacheRecord:
    return CacheRecord(
        key=entry.key,
        layer_digest=entry.layer.digest if entry.layer else None,
        diff_id=entry.layer.diff_id if entry.layer else None,
        config_change=entry.config_change, created=entry.created, last_used=time.time(),
        inputs=entry.inputs, stage=entry.stage, instruction=entry.instruction,
    )  # fmt: skip


def _ignore(message: str) -> None:
    pass


class CacheSource(Record):
    """One exported cache directory; its manifest is read (and verified) on first use."""

    __slots__ = ("path", "warn", "_manifest")
    _hashable = False
    path: Path
    warn: Warn
    _manifest: CacheManifest | None

    def __init__(self, path: Path, warn: Warn = _ignore,
                 _manifest: CacheManifest | None = None) -> None:
        self.path = path
        self.warn = warn
        self._manifest = _manifest

    @property
    def manifest(self) -> CacheManifest:
        if self._manifest is None:
            try:
                self._manifest = read_cache_dir(self.path)
            except CacheError as err:
                self.warn(f"cache {self.path} is not usable, ignoring it: {err.message}")
                self._manifest = CacheManifest()
            for problem in self._manifest.problems:
                self.warn(f"cache {self.path}: ignoring a damaged record: {problem}")
        return self._manifest

    def install(self, entry: Entry, store: Store, cache: BuildCache) -> CacheRecord:
        """Verify and copy the entry's layer into the store, then commit its record."""
        if entry.layer is not None:
            install_layer(store, self.path, entry.layer)
        return cache.commit(entry.key, _record(entry))


class CacheSources:
    """The ``--cache-from`` caches of a build, consulted in order on a local miss."""

    def __init__(self, paths: Iterable[Path | str], warn: Warn) -> None:
        self.warn = warn
        self.sources = [CacheSource(Path(p), warn) for p in paths]
        for source in self.sources:  # read now, before worker threads look keys up
            source.manifest  # noqa: B018

    def __bool__(self) -> bool:
        return bool(self.sources)

    def fetch(self, key: str, store: Store, cache: BuildCache) -> CacheRecord | None:
        """The record of ``key`` taken from the first cache that has it intact, or None."""
        for source in self.sources:
            entry = source.manifest.entries.get(key)
            if entry is None:
                continue
            try:
                return source.install(entry, store, cache)
            except (CacheError, DigestError, LayerError, StoreError, OSError) as err:
                message = getattr(err, "message", None) or str(err)
                self.warn(f"cache {source.path}: entry {key} is damaged, ignoring it: {message}")
        return None

    def seed_mounts(self, root: Path, idents: Iterable[str]) -> None:
        """Fill the cache mounts ``idents`` that do not exist here from the first cache that
        exported them."""
        from builder.cache_mounts import mount_name, seed_mount

        for ident in idents:
            name = mount_name(ident)
            for source in self.sources:
                mount = source.manifest.mounts.get(name)
                if mount is None:
                    continue
                try:
                    seed_mount(root, source.path, mount)
                    break
                except (CacheError, DigestError, LayerError, OSError) as err:
                    message = getattr(err, "message", None) or str(err)
                    self.warn(f"cache {source.path}: mount {ident!r} is damaged: {message}")


class ImportReport(Record):
    """What :func:`import_all` did."""

    __slots__ = ("imported", "present", "damaged", "mounts")
    _hashable = False
    imported: int
    present: int
    damaged: list[str]
    mounts: int

    def __init__(self, imported: int = 0, present: int = 0, damaged: list[str] | None = None,
                 mounts: int = 0) -> None:
        self.imported = imported
        self.present = present
        self.damaged = [] if damaged is None else damaged
        self.mounts = mounts


def import_all(root: Path, src: Path, store: Store, cache: BuildCache) -> ImportReport:
    """Import every record (and cache mount) of the cache at ``src``; damaged ones are
    reported and skipped. Raise :class:`CacheError` if ``src`` is not a usable cache."""
    from builder.cache_mounts import seed_mount

    manifest = read_cache_dir(src)
    report = ImportReport(damaged=list(manifest.problems))
    source = CacheSource(Path(src), _manifest=manifest)
    with store.session():
        _import_entries(source, manifest, store, cache, report)
    for mount in manifest.mounts.values():
        try:
            report.mounts += seed_mount(root, Path(src), mount)
        except (CacheError, DigestError, LayerError, OSError) as err:
            report.damaged.append(f"mount {mount.ident!r}: {getattr(err, 'message', None) or err}")
    return report


def _import_entries(
    source: CacheSource,
    manifest: CacheManifest,
    store: Store,
    cache: BuildCache,
    report: ImportReport,
) -> None:
    for key, entry in manifest.entries.items():
        local = cache.lookup(key, touch=False)
        if local is not None and (local.layer_digest is None
                                  or store.has_blob(local.layer_digest)):
            report.present += 1
            continue
        try:
            source.install(entry, store, cache)
            report.imported += 1
        except (CacheError, DigestError, LayerError, StoreError, OSError) as err:
            report.damaged.append(f"{key}: {getattr(err, 'message', None) or err}")
