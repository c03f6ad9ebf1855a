"""The local content store: an OCI image layout on disk, tags, unpacked layers, and GC.

On disk, under ``root``::

    store/              an OCI image layout (oci-layout, index.json, blobs/sha256/<hex>)
    layers/<hex>/       unpacked layer directories, a cache rebuilt from blobs on demand (or
                        a build step's own upper dir, adopted: :meth:`Store.adopt_unpacked`)
    layers/<hex>.delta/ a layer a COPY wrote over an earlier one (builder.build.lineage):
                        ``tree/`` holds what differs, ``base`` names the layer below it
                        (:meth:`Store.lowers` stacks the two; :meth:`Store.adopt_delta`)
    layers.db           sqlite: diff_id -> layer blob digest (beside the layout), and each
                        layer's content size once counted (:meth:`Store.content_size`)
    pool/<key>          context files as COPY wrote them, keyed by content digest, mode, owner
                        and mtime; a COPY into new paths hardlinks an unchanged file from
                        here instead of writing it again (GC drops files no layer links)
    tmp/                temp files; a blob appears in blobs/ only by rename once verified
    locks/              fcntl lock files (index.json, GC, one per unpacked layer)

Blobs are written to ``tmp/``, hashed while written, fsynced and renamed into place, so a
file under ``blobs/sha256/`` is always complete. ``index.json`` is rewritten atomically
under an exclusive lock. Writers hold a shared "session" lock that :meth:`Store.gc` takes
exclusively, so GC never deletes a blob between its write and the tag that names it.
A layer record ties a blob to a diff_id. It is *verified* (its ``uncompressed_size`` is
known) once the blob's uncompressed stream was hashed to that diff_id; a pull records the
config's claim unverified, and the diff_id is checked when the layer is first unpacked or
exported (:meth:`Store.unpacked`, :meth:`Store.verify_layer`), as containerd does: a layer
directory under ``layers/`` only ever holds content that hashes to its diff_id.
Names are ``index.json`` descriptors carrying ``io.containerd.image.name`` (the full
normalized reference), one per name. A tag's also carries ``org.opencontainers.image.ref.name``
(the tag, as ``skopeo``/``umoci`` address ``oci:<dir>:<tag>``); a repo digest
(``name@sha256:…``, the digest a registry gave for the image on a pull or push, as Docker
records it) has no ref.name, so OCI tools see it as one more untagged entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import os
from _thread import allocate_lock
from pathlib import Path

from builder.blobs import (
    BlobReader,
    BlobWriter,
    atomic_write,
    counted_size,
    file_size,
    flock,
    fsync_dir,
    tree_size,
)
from builder.descriptor import (
    ANNOTATION_IMAGE_NAME,
    ANNOTATION_REF_NAME,
    INDEX_TYPES,
    MEDIA_OCI_INDEX,
    MEDIA_OCTET,
    OCI_LAYOUT,
    Descriptor,
    check_digest,
    hex_of,
)
from builder.errors import (
    DigestError,
    DockyardError,
    FrameError,
    LayerError,
    NotFoundError,
    ReferenceFormatError,
    StoreError,
)
from builder.record import Record
from builder.reference import Reference, parse_lookup, parse_normalized
from builder.rmtree import remove_tree

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from typing import Any, BinaryIO, Final

    from builder.layers import Change, Compression
    from builder.layers.writer import Content, Frame, Stat

__all__ = ["BlobReader", "BlobWriter", "GCReport", "Image", "LayerRecord", "Store", "flock",
           "remove_tree"]

_CHUNK = 1 << 20
_ADOPTIONS = itertools.count()
DELTA = ".delta"
"""The suffix of a layer's delta dir under ``layers/`` (:meth:`Store.adopt_delta`)."""


class Image(Record):
    """An image in the store: its manifest descriptor, manifest, config and names."""

    __slots__ = ("descriptor", "manifest", "config_bytes", "config", "names")
    descriptor: Final[Descriptor]
    manifest: Final[dict[str, Any]]
    config_bytes: Final[bytes]
    config: Final[dict[str, Any]]
    names: Final[tuple[Reference, ...]]

    def __init__(self, descriptor: Descriptor, manifest: dict[str, Any], config_bytes: bytes,
                 config: dict[str, Any], names: tuple[Reference, ...] = ()) -> None:
        self.descriptor = descriptor
        self.manifest = manifest
        self.config_bytes = config_bytes
        self.config = config
        self.names = names

    @property
    def id(self) -> str:
        """The image ID: the config digest."""
        return str(self.manifest["config"]["digest"])

    @property
    def digest(self) -> str:
        """The manifest digest."""
        return self.descriptor.digest

    @property
    def layers(self) -> list[Descriptor]:
        """Layer descriptors, bottom to top."""
        return [Descriptor.from_dict(d) for d in self.manifest.get("layers", [])]

    @property
    def diff_ids(self) -> list[str]:
        """``rootfs.diff_ids`` of the config."""
        return [str(d) for d in self.config.get("rootfs", {}).get("diff_ids", [])]


class GCReport(Record):
    """What :meth:`Store.gc` removed."""

    __slots__ = ("blobs", "layers", "reclaimed")
    _hashable = False
    blobs: list[str]
    layers: list[str]
    reclaimed: int

    def __init__(self, blobs: list[str] | None = None, layers: list[str] | None = None,
                 reclaimed: int = 0) -> None:
        self.blobs = [] if blobs is None else blobs
        self.layers = [] if layers is None else layers
        self.reclaimed = reclaimed


class LayerRecord(Record):
    """A layer blob known for a diff_id; ``uncompressed_size`` is None until the blob's
    uncompressed stream has been hashed to ``diff_id``."""

    __slots__ = ("diff_id", "descriptor", "uncompressed_size")
    diff_id: Final[str]
    descriptor: Final[Descriptor]
    uncompressed_size: Final[int | None]

    def __init__(self, diff_id: str, descriptor: Descriptor,
                 uncompressed_size: int | None) -> None:
        self.diff_id = diff_id
        self.descriptor = descriptor
        self.uncompressed_size = uncompressed_size

    @property
    def verified(self) -> bool:
        """Whether the blob is known to hold ``diff_id`` (not just claimed by a config)."""
        return self.uncompressed_size is not None


class Store:
    """The content store under ``root`` (see the module docstring for the layout)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.layout = self.root / "store"
        self.blobs_dir = self.layout / "blobs" / "sha256"
        self.layers_dir = self.root / "layers"
        self.tmp_dir = self.root / "tmp"
        self.locks_dir = self.root / "locks"
        self.pool_dir = self.root / "pool"
        self.db_path = self.root / "layers.db"
        self._ready = False
        self._db_ready = False
        self._db_lock = allocate_lock()  # threading.Lock, without importing threading
        self._conn: sqlite3.Connection | None = None
        self._conn_pid = 0

    # -- setup ---------------------------------------------------------------------------

    def ensure(self) -> None:
        """Create the directories, ``oci-layout`` and an empty ``index.json`` if missing."""
        if self._ready:
            return
        for d in (self.blobs_dir, self.layers_dir, self.tmp_dir, self.locks_dir):
            d.mkdir(parents=True, exist_ok=True)
        self.pool_dir.mkdir(mode=0o700, exist_ok=True)
        if not (self.layout / "oci-layout").exists():
            self._atomic_write(self.layout / "oci-layout", OCI_LAYOUT)
        if not (self.layout / "index.json").exists():
            with flock(self.locks_dir / "gc.lock", exclusive=False), \
                    flock(self.locks_dir / "index.lock"):
                if not (self.layout / "index.json").exists():
                    self._write_index([])
        self._ready = True

    def _setup_db(self) -> None:
        """Create ``layers.db`` in WAL mode with its table, one process at a time: switching
        a new database to WAL is not covered by sqlite's busy timeout, so two first uses of a
        root could fail with "database is locked". WAL: a commit costs one fsync, readers
        never wait, a killed writer loses nothing committed (the table is an index; images
        can rebuild it)."""
        import sqlite3

        with flock(self.locks_dir / "db.lock"):
            setup = sqlite3.connect(self.db_path, timeout=60)
            try:
                setup.execute("PRAGMA journal_mode=WAL")
                setup.execute(
                    "CREATE TABLE IF NOT EXISTS layers (diff_id TEXT NOT NULL,"
                    " digest TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL,"
                    " uncompressed_size INTEGER, PRIMARY KEY (diff_id, digest))"
                )
                setup.execute("CREATE TABLE IF NOT EXISTS layer_sizes (diff_id TEXT PRIMARY KEY,"
                              " size INTEGER NOT NULL)")
            finally:
                setup.close()
        self._db_ready = True

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """A transaction on ``layers.db``. One connection serves the store's threads in turn:
        closing the last connection of a WAL database checkpoints it (fsyncs), which a
        build would otherwise pay for every layer it records."""
        import sqlite3

        self.ensure()
        with self._db_lock:
            conn = self._conn
            if conn is None or self._conn_pid != os.getpid():
                if not self._db_ready:
                    self._setup_db()
                conn = sqlite3.connect(self.db_path, timeout=60, check_same_thread=False)
                conn.execute("PRAGMA synchronous=NORMAL")
                self._conn, self._conn_pid = conn, os.getpid()
            with conn:
                yield conn

    def _atomic_write(self, path: Path, data: bytes) -> None:
        atomic_write(path, data, self.tmp_dir)

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """Hold off :meth:`gc` while writing blobs that are not tagged yet, or temp files.

        Sessions nest and may overlap across threads and processes; calling ``gc()`` with
        ``blocking=True`` inside one would wait for itself.
        """
        self.ensure()
        with flock(self.locks_dir / "gc.lock", exclusive=False):
            yield

    # -- blobs ---------------------------------------------------------------------------

    def blob_path(self, digest: str) -> Path:
        """Where the blob ``digest`` lives (it may not exist)."""
        return self.blobs_dir / hex_of(digest)

    def has_blob(self, digest: str) -> bool:
        """Whether the blob is present (not verified)."""
        return self.blob_path(digest).is_file()

    @contextlib.contextmanager
    def blob_writer(
        self, expected_digest: str | None = None, media_type: str = MEDIA_OCTET
    ) -> Iterator[BlobWriter]:
        """A streaming writer; on a clean exit the blob is committed (``writer.descriptor``).

        On an exception nothing is left behind. Set ``writer.media_type`` inside the block
        if it is only known at the end.
        """
        with self.session():
            writer = BlobWriter(self.tmp_dir, self.blob_path, expected_digest, media_type)
            try:
                yield writer
                writer.commit()
            finally:
                writer.close()

    def put_blob(
        self,
        data: bytes | BinaryIO,
        expected_digest: str | None = None,
        media_type: str = MEDIA_OCTET,
    ) -> Descriptor:
        """Store ``data`` (bytes or a readable stream); verify ``expected_digest`` if given."""
        small = isinstance(data, bytes | bytearray)
        if expected_digest and small and self.has_blob(expected_digest):
            assert isinstance(data, bytes | bytearray)
            if "sha256:" + hashlib.sha256(data).hexdigest() != expected_digest:
                raise DigestError(f"digest mismatch: expected {expected_digest}")
            return Descriptor(media_type, expected_digest, len(data))
        with self.blob_writer(expected_digest, media_type) as writer:
            if isinstance(data, bytes | bytearray):
                writer.write(data)
            else:
                while chunk := data.read(_CHUNK):
                    writer.write(chunk)
        assert writer.descriptor is not None
        return writer.descriptor

    def open_blob(self, digest: str, size: int | None = None) -> BinaryIO:
        """A buffered reader of the blob that verifies size and digest at EOF."""
        path = self.blob_path(digest)
        try:
            raw = BlobReader(path, digest, size)
        except FileNotFoundError:
            raise NotFoundError(f"blob {digest} not found in the store") from None
        return io.BufferedReader(raw, _CHUNK)

    def read_blob(self, digest: str, size: int | None = None) -> bytes:
        """The whole (small) blob, verified."""
        with self.open_blob(digest, size) as f:
            return f.read()

    def verify_blob(self, digest: str, size: int | None = None) -> None:
        """Read the blob through and raise :class:`DigestError` if it does not match."""
        with self.open_blob(digest, size) as f:
            while f.read(_CHUNK):
                pass

    # -- layers --------------------------------------------------------------------------

    def record_layer(
        self, diff_id: str, descriptor: Descriptor, uncompressed_size: int | None = None
    ) -> None:
        """Remember that ``descriptor`` (a stored blob) holds the layer ``diff_id``; pass
        ``uncompressed_size`` only when the blob's tar was hashed to ``diff_id``."""
        self.record_layers([LayerRecord(diff_id, descriptor, uncompressed_size)])

    def record_layers(self, records: Iterable[LayerRecord]) -> None:
        """:meth:`record_layer` for several layers, in one transaction. A verified record
        stays verified when the same pair is recorded again without a size."""
        rows = [(check_digest(r.diff_id, "diff_id"), r.descriptor.digest,
                 r.descriptor.media_type, r.descriptor.size, r.uncompressed_size)
                for r in records]
        with self._db() as db:
            db.executemany(
                "INSERT INTO layers VALUES (?, ?, ?, ?, ?) ON CONFLICT (diff_id, digest) DO "
                "UPDATE SET media_type = excluded.media_type, size = excluded.size, "
                "uncompressed_size = coalesce(excluded.uncompressed_size, uncompressed_size)",
                rows)

    def forget_layer(self, diff_id: str, digest: str) -> None:
        """Drop the record that blob ``digest`` holds ``diff_id`` (found to be false)."""
        with self._db() as db:
            db.execute("DELETE FROM layers WHERE diff_id = ? AND digest = ?", (diff_id, digest))

    def layer_records(self, diff_id: str) -> list[LayerRecord]:
        """The stored blobs known to hold ``diff_id`` (present ones only)."""
        with self._db() as db:
            rows = db.execute(
                "SELECT digest, media_type, size, uncompressed_size FROM layers WHERE diff_id = ?",
                (diff_id,),
            ).fetchall()
        return [
            LayerRecord(diff_id, Descriptor(mt, dg, sz), us)
            for dg, mt, sz, us in rows
            if self.has_blob(dg)
        ]

    def commit_layer(
        self,
        changes: Iterable[Change],
        *,
        compression: Compression = "zstd",
        level: int = 3,
        epoch: int | None = None,
        known: Mapping[str, Stat] | None = None,
        contents: Mapping[str, Content] | None = None,
        plan: Sequence[str | list[Change]] | None = None,
        frames_out: list[Frame] | None = None,
    ) -> LayerRecord:
        """Write ``changes`` (or ``plan``) as a layer blob (:func:`builder.layers.write_layer`,
        which takes ``known`` and ``contents`` as its ``digests``) and record it; a layer
        written in frames takes those of earlier layers it shares (:mod:`builder.frames`),
        and lists its own in ``frames_out``.

        Call inside :meth:`session` until an image names the layer, or pass its digest to
        ``gc(keep=...)``.
        """
        from typing import BinaryIO, cast

        from builder.frames import FrameIndex
        from builder.layers import write_layer

        frames = FrameIndex(self.root / "cache" / "frames", self.blob_path) \
            if contents or plan else None
        try:
            for reuse in ((frames.lookup, None) if frames else (None,)):
                try:
                    with self.blob_writer() as writer:
                        digests = write_layer(
                            changes, cast(BinaryIO, writer), compression=compression,
                            level=level, epoch=epoch, out_digest=writer.current_digest,
                            known=known, digests=contents, reuse=reuse, plan=plan,
                        )
                        writer.media_type = digests.media_type
                    break
                except FrameError:  # a frame of the index was not what it said
                    if reuse is None:
                        raise
            assert writer.descriptor is not None
            self.record_layer(digests.diff_id, writer.descriptor, digests.uncompressed_size)
            if frames is not None and digests.frames:
                frames.record(writer.descriptor.digest, digests.frames)
            if frames_out is not None:
                frames_out.extend(digests.frames)
        finally:
            if frames is not None:
                frames.close()
        return LayerRecord(digests.diff_id, writer.descriptor, digests.uncompressed_size)

    def uncompressed_size(self, diff_id: str) -> int | None:
        """The tar size of a layer, if known (it is once the layer is verified)."""
        for rec in self.layer_records(diff_id):
            if rec.uncompressed_size is not None:
                return rec.uncompressed_size
        return None

    def content_size(self, diff_id: str) -> int | None:
        """The bytes of layer ``diff_id``'s content as Docker counts an image's size (see
        :func:`builder.blobs.counted_size`): from its unpacked directory, else read from its
        verified blob; kept in ``layers.db`` once known (a diff_id's content never changes).
        None when the store holds no sound blob of it."""
        with self._db() as db:
            row = db.execute("SELECT size FROM layer_sizes WHERE diff_id = ?",
                             (diff_id,)).fetchone()
        if row is not None:
            return int(row[0])
        top = self.layers_dir / hex_of(check_digest(diff_id, "diff_id"))
        size = counted_size(str(top)) if top.is_dir() else self._tar_content_size(diff_id)
        if size is not None:
            with self._db() as db:
                db.execute("INSERT OR REPLACE INTO layer_sizes VALUES (?, ?)", (diff_id, size))
        return size

    def layer_size(self, diff_id: str, blob: Descriptor) -> int:
        """:meth:`content_size`, else the layer's tar size, else the size of ``blob``."""
        size = self.content_size(diff_id)
        if size is None:
            size = self.uncompressed_size(diff_id)
        return blob.size if size is None else size

    def _tar_content_size(self, diff_id: str) -> int | None:
        from builder.layers import open_uncompressed
        from builder.layers.content import content_size

        for record in sorted(self.layer_records(diff_id), key=lambda r: not r.verified):
            try:
                self.verify_layer(diff_id, record.descriptor)
                with self.open_blob(record.descriptor.digest, record.descriptor.size) as blob, \
                        open_uncompressed(blob) as tar:
                    return content_size(tar)
            except (DockyardError, OSError):
                continue
        return None

    def verify_layer(self, diff_id: str, blob: Descriptor) -> LayerRecord:
        """The record that ``blob`` holds ``diff_id``, verified: at once when it is, else by
        hashing the blob's uncompressed stream now (and recording its size).

        A blob that does not hold ``diff_id`` loses its record and raises
        :class:`DigestError`; so does a damaged blob. Call this before anything trusts the
        diff_id of a layer that may come from a pull (an export, a recompression).
        """
        from builder.layers import transcode

        for rec in self.layer_records(diff_id):
            if rec.descriptor.digest == blob.digest and rec.verified:
                return rec
        with self.open_blob(blob.digest, blob.size) as reader:
            got, size = transcode(reader)
        return self.settle_layer(diff_id, blob, got, size)

    def settle_layer(self, diff_id: str, blob: Descriptor, got: str, size: int) -> LayerRecord:
        """Record that ``blob`` holds ``diff_id`` once its whole uncompressed stream hashed
        to ``got`` (``size`` bytes); if ``got`` differs, drop the record and raise
        :class:`DigestError`."""
        if got != diff_id:
            self.forget_layer(diff_id, blob.digest)
            raise _WrongDiffId(f"layer {blob.digest} does not hold diff_id {diff_id}: its "
                               f"uncompressed content hashes to {got}")
        record = LayerRecord(diff_id, blob, size)
        self.record_layers([record])
        return record

    def unpacked(self, diff_id: str) -> Path:
        """The directory holding layer ``diff_id`` extracted (made on first use, safely).

        The directory is in overlayfs's format (whiteouts are char devices 0:0, opaque
        directories carry ``trusted.overlay.opaque``), ready to be an overlay lower dir.
        A blob whose diff_id is not verified yet is hashed while it is extracted; when it
        does not hold ``diff_id`` its record is dropped, nothing is left behind and (unless
        another blob of the layer does) :class:`DigestError` is raised.
        """
        self.ensure()
        key = hex_of(check_digest(diff_id, "diff_id"))
        target = self.layers_dir / key
        if target.is_dir():
            return target
        with flock(self.locks_dir / f"layer-{key}.lock"):
            if target.is_dir():
                return target
            records = self.layer_records(diff_id) or self._find_layer(diff_id)
            if not records:
                raise NotFoundError(f"layer {diff_id} not found in the store")
            failure: DigestError | None = None
            for record in sorted(records, key=lambda r: not r.verified):
                try:
                    self._unpack(record, target)
                    break
                except _WrongDiffId as exc:  # another blob may hold the layer
                    failure = exc
            else:
                assert failure is not None
                raise DigestError(failure.message) from None
            fsync_dir(self.layers_dir)
        return target

    def lowers(self, diff_id: str) -> list[Path]:
        """The directories that hold layer ``diff_id`` as overlay lower dirs, bottom first:
        its unpacked dir, or its delta dir over its base's unpacked dir while both are
        there (see :meth:`adopt_delta`); else it is unpacked (:meth:`unpacked`)."""
        key = hex_of(check_digest(diff_id, "diff_id"))
        if not (self.layers_dir / key).is_dir():
            delta = self.layers_dir / f"{key}{DELTA}"
            base = self.delta_base(delta)
            if base is not None and (self.layers_dir / base).is_dir() \
                    and (delta / "tree").is_dir():
                return [self.layers_dir / base, delta / "tree"]
        return [self.unpacked(diff_id)]

    @staticmethod
    def delta_base(delta: Path) -> str | None:
        """The key (hex) of the base a delta dir names, None when it names none."""
        try:
            return hex_of((delta / "base").read_text())
        except (OSError, UnicodeDecodeError, DigestError):
            return None

    def adopt_delta(self, diff_id: str, directory: Path, base: str) -> bool:
        """Keep ``directory`` (on this file system), which holds what layer ``diff_id``
        has other than layer ``base``'s content (the base's unpacked dir below it is the
        whole layer, as overlay lower dirs), as the layer's delta dir; True if it was
        taken. Nothing is taken when the layer is unpacked already or the move fails.
        :meth:`gc` keeps the base's dir while it keeps the delta."""
        self.ensure()
        key = hex_of(check_digest(diff_id, "diff_id"))
        check_digest(base, "diff_id")
        target, delta = self.layers_dir / key, self.layers_dir / f"{key}{DELTA}"
        if target.is_dir() or delta.is_dir():
            return False
        with flock(self.locks_dir / f"layer-{key}.lock"):
            if target.is_dir() or delta.is_dir():
                return False
            tmp = self.layers_dir / f".tmp-{key}-{os.getpid()}-{next(_ADOPTIONS)}"
            try:
                tmp.mkdir()
                (tmp / "base").write_text(base)
                os.rename(directory, tmp / "tree")
                os.rename(tmp, delta)
            except OSError:
                remove_tree(tmp)
                return False
            fsync_dir(self.layers_dir)
        return True

    def _unpack(self, record: LayerRecord, target: Path) -> None:
        """Extract ``record``'s blob to ``target`` via a temp dir (hashing it when the record
        is not verified); nothing is left behind on failure."""
        import tempfile

        from builder.layers import apply_layer

        key = target.name
        blob = record.descriptor
        tmp = Path(tempfile.mkdtemp(dir=self.layers_dir, prefix=f".tmp-{key}-"))
        os.chmod(tmp, 0o755)  # a layer without a root entry leaves "/" as Docker has it
        try:
            with self.open_blob(blob.digest, blob.size) as reader:
                try:
                    stats = apply_layer(reader, tmp, overlay=True, hash_tar=not record.verified)
                except LayerError as exc:
                    if record.verified:
                        raise
                    # a pulled or loaded layer is first read here: say which one is bad
                    raise LayerError(f"layer {blob.digest} (diff_id {record.diff_id}) is "
                                     f"damaged: {exc.message}") from None
                while reader.read(_CHUNK):  # the digest check happens at EOF
                    pass
            if not record.verified:
                assert stats.diff_id is not None
                self.settle_layer(record.diff_id, blob, stats.diff_id, stats.tar_size)
            os.rename(tmp, target)
        except BaseException:
            remove_tree(tmp)
            raise

    def adopt_unpacked(
        self, diff_id: str, directory: Path, finish: Callable[[Path], None]
    ) -> bool:
        """Make ``directory`` (on this file system) the unpacked dir of ``diff_id`` instead
        of extracting the layer later; True if it was taken.

        Under the layer's lock it is renamed to a temp name in ``layers/``, ``finish(tmp)``
        turns it into exactly what :meth:`unpacked` would extract, and it is renamed into
        place; a process killed on the way leaves only the temp dir (swept by :meth:`gc`).
        When the layer is unpacked already, or the move or ``finish`` fails, nothing is
        taken (a failed temp dir is removed) and :meth:`unpacked` extracts as before.
        """
        self.ensure()
        key = hex_of(check_digest(diff_id, "diff_id"))
        target = self.layers_dir / key
        if target.is_dir():
            return False
        with flock(self.locks_dir / f"layer-{key}.lock"):
            if target.is_dir():
                return False
            tmp = self.layers_dir / f".tmp-{key}-{os.getpid()}-{next(_ADOPTIONS)}"
            try:
                os.rename(directory, tmp)
            except OSError:
                return False
            try:
                finish(tmp)
                os.rename(tmp, target)
            except (OSError, DockyardError):
                remove_tree(tmp)
                return False
            except BaseException:
                remove_tree(tmp)
                raise
            fsync_dir(self.layers_dir)
        return True

    def _find_layer(self, diff_id: str) -> list[LayerRecord]:
        """Look ``diff_id`` up in the images (for images written by other tools); record it."""
        for image in self.images():
            for known, layer in zip(image.diff_ids, image.layers, strict=False):
                if known == diff_id and self.has_blob(layer.digest):
                    self.record_layer(diff_id, layer)
                    return [LayerRecord(diff_id, layer, None)]
        return []

    # -- index.json ----------------------------------------------------------------------

    def _read_index(self) -> list[dict[str, Any]]:
        self.ensure()
        try:
            data = json.loads((self.layout / "index.json").read_bytes())
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read {self.layout / 'index.json'}: {exc}") from None
        manifests = data.get("manifests") if isinstance(data, dict) else None
        if not isinstance(manifests, list):
            raise StoreError(f"{self.layout / 'index.json'} has no manifests list")
        return [m for m in manifests if isinstance(m, dict)]

    def _write_index(self, manifests: list[dict[str, Any]]) -> None:
        data = {"schemaVersion": 2, "mediaType": MEDIA_OCI_INDEX, "manifests": manifests}
        self._atomic_write(self.layout / "index.json", json.dumps(data, indent=2).encode() + b"\n")

    def _update_index(self, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
        # a session keeps gc() from sweeping the temp file of the new index.json
        with self.session(), flock(self.locks_dir / "index.lock"):
            manifests = self._read_index()
            self._write_index(change(manifests))

    def index_entries(self) -> list[Descriptor]:
        """The descriptors of ``index.json``, as they are."""
        return [Descriptor.from_dict(m) for m in self._read_index()]

    def add_image(self, manifest: Descriptor, names: Iterable[Reference] = (), *,
                  move_digests: bool = True) -> None:
        """Point ``index.json`` at ``manifest``: one entry per name, or one untagged entry.

        A name is a tag or a repo digest (``name@sha256:…``). A name that pointed at another
        image moves, except a repo digest when ``move_digests`` is off (Docker's pull by tag
        and push keep it where it is); an image left without names stays, untagged (as
        ``docker tag`` and ``docker load`` do).
        """
        refs = [n.with_default_tag() for n in names]
        for ref in refs:
            if ref.tag is not None and ref.digest is not None:
                raise ReferenceFormatError(f"{ref.familiar}: a name has a tag or a digest, "
                                           "not both")
        base = Descriptor(manifest.media_type, manifest.digest, manifest.size,
                          platform=manifest.platform).to_dict()

        def change(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
            held = {_entry_name(e) for e in entries if e.get("digest") != manifest.digest}
            adding = [r for r in refs
                      if move_digests or r.digest is None or str(r) not in held]
            wanted = {str(r) for r in adding}
            out: list[dict[str, Any]] = []
            displaced: list[dict[str, Any]] = []
            for e in entries:
                name = _entry_name(e)
                if name in wanted:
                    if e.get("digest") != manifest.digest:
                        displaced.append(e)
                    continue
                if name is None and e.get("digest") == manifest.digest:
                    continue
                out.append(e)
            for ref in adding:
                out.append({**base, "annotations": _name_annotations(ref)})
            if not any(e.get("digest") == manifest.digest for e in out):
                out.append(dict(base))
            for e in displaced:
                if not any(o.get("digest") == e.get("digest") for o in out):
                    out.append({k: v for k, v in e.items() if k != "annotations"})
            return out

        self._update_index(change)

    def tag(self, ref: Reference | str, manifest: Descriptor) -> None:
        """Name ``manifest`` by ``ref`` (``:latest`` added when it has no tag)."""
        ref = parse_normalized(ref) if isinstance(ref, str) else ref
        if ref.digest is not None:
            raise ReferenceFormatError("refusing to create a tag with a digest reference")
        self.add_image(manifest, [ref])

    def untag(self, ref: Reference) -> Descriptor:
        """Remove the name ``ref``; returns the manifest descriptor it pointed at."""
        full = str(ref.with_default_tag())
        found: list[dict[str, Any]] = []

        def change(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
            found.extend(e for e in entries if _entry_name(e) == full)
            return [e for e in entries if _entry_name(e) != full]

        self._update_index(change)
        if not found:
            raise NotFoundError(f"No such image: {ref.familiar}")
        return Descriptor.from_dict(found[0])

    def remove_name(self, image: Image, ref: Reference) -> list[Reference]:
        """Remove ``image``'s name ``ref``, as ``docker rmi NAME`` does: when it was the
        image's last tag in its repository, that repository's repo digests go too. Returns
        the names removed (``ref`` first), the image keeping an untagged entry if it has no
        name left."""
        ref = ref.with_default_tag()
        gone = [ref]
        if ref.digest is None and not any(
                n.name == ref.name and n.tag is not None and n != ref for n in image.names):
            gone += sorted((n for n in image.names if n.name == ref.name and n.digest),
                           key=str)
        names = {str(n) for n in gone}
        found: list[str] = []

        def change(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
            out = []
            for e in entries:
                name = _entry_name(e)
                if name in names and e.get("digest") == image.digest:
                    found.append(name)
                else:
                    out.append(e)
            if found and not any(e.get("digest") == image.digest for e in out):
                bare = dict(next(e for e in entries if e.get("digest") == image.digest))
                bare.pop("annotations", None)
                out.append(bare)
            return out

        self._update_index(change)
        if str(ref) not in found:
            raise NotFoundError(f"No such image: {ref.familiar}")
        return [n for n in gone if str(n) in found]

    def _drop_manifest(self, digest: str) -> None:
        self.remove_manifests([digest])

    def remove_manifests(self, digests: Iterable[str]) -> None:
        """Drop every ``index.json`` entry of these manifests, names too; :meth:`gc` frees
        their blobs."""
        gone = set(digests)
        self._update_index(lambda entries: [e for e in entries if e.get("digest") not in gone])

    # -- images --------------------------------------------------------------------------

    def load_image(self, descriptor: Descriptor, names: Iterable[Reference] = ()) -> Image:
        """Read and verify the manifest and config behind ``descriptor``."""
        manifest_bytes = self.read_blob(descriptor.digest, descriptor.size)
        try:
            manifest = json.loads(manifest_bytes)
        except ValueError:
            raise StoreError(f"manifest {descriptor.digest} is not valid JSON") from None
        if not isinstance(manifest, dict):
            raise StoreError(f"manifest {descriptor.digest} is not a JSON object")
        if manifest.get("mediaType") in INDEX_TYPES or descriptor.media_type in INDEX_TYPES:
            raise StoreError(f"{descriptor.digest} is an image index, not an image manifest")
        config_desc = Descriptor.from_dict(manifest.get("config"))
        config_bytes = self.read_blob(config_desc.digest, config_desc.size)
        try:
            config = json.loads(config_bytes)
        except ValueError:
            raise StoreError(f"config {config_desc.digest} is not valid JSON") from None
        if not isinstance(config, dict):
            raise StoreError(f"config {config_desc.digest} is not a JSON object")
        return Image(descriptor, manifest, config_bytes, config, tuple(names))

    def _manifests(self) -> dict[str, tuple[Descriptor, list[Reference]]]:
        """The image manifests ``index.json`` names (not yet read), with their names."""
        grouped: dict[str, tuple[Descriptor, list[Reference]]] = {}
        for entry in self._read_index():
            desc = Descriptor.from_dict(entry)
            if desc.media_type in INDEX_TYPES:
                continue
            _, names = grouped.setdefault(desc.digest, (desc, []))
            name = _entry_name(entry)
            if name is not None:
                with contextlib.suppress(ReferenceFormatError):
                    names.append(parse_normalized(name))
        return grouped

    def _loaded(self, desc: Descriptor, names: list[Reference]) -> Image | None:
        # a damaged image is left out; fsck() reports it, rmi can still untag it
        with contextlib.suppress(NotFoundError, DigestError, StoreError):
            return self.load_image(desc, names)
        return None

    def images(self) -> list[Image]:
        """Every image in ``index.json`` (one per manifest), with its names, in index order."""
        loaded = (self._loaded(desc, names) for desc, names in self._manifests().values())
        return [image for image in loaded if image is not None]

    def resolve(self, text: str) -> Image:
        """Find an image by reference (``busybox``, ``x:1``, ``x@sha256:…``) or ID prefix.

        A reference reads only its own image; an ID prefix reads every image's config."""
        manifests = self._manifests()
        ref = _name_of(text)
        if ref is not None:
            # a name first; then a manifest digest, under any name (a store written before
            # repo digests were kept, or by another tool, names no digests)
            found = [m for m in manifests.values() if ref in m[1]] or [
                m for d, m in manifests.items() if ref.digest is not None and d == ref.digest]
            for desc, names in found:
                image = self._loaded(desc, names)
                if image is not None:
                    return image
        prefix = text.removeprefix("sha256:")
        if prefix and all(c in "0123456789abcdef" for c in prefix) and len(prefix) <= 64:
            images = self.images()
            matches = {i.id: i for i in images if hex_of(i.id).startswith(prefix)}
            if len(matches) == 1:
                return next(iter(matches.values()))
            if len(matches) > 1:
                raise StoreError(f"image ID prefix {text!r} is ambiguous")
        raise NotFoundError(f"No such image: {text}")

    def remove_image(self, text: str, force: bool = False) -> list[tuple[str, str]]:
        """``docker rmi``: untag a name, or delete an image; returns (event, value) lines.

        A name is untagged (a repository's last tag takes its repo digests with it); the
        image goes when its last name goes. An ID deletes the image, which must be forced
        unless its names are at most one tag and repo digests of one repository.
        """
        try:
            image = self.resolve(text)
        except NotFoundError:
            return self._remove_damaged(text)
        events: list[tuple[str, str]] = []
        ref = _name_of(text)
        if ref is not None and ref in image.names:
            gone = self.remove_name(image, ref)
            events += [("Untagged", n.familiar) for n in gone]
            if len(gone) < len(image.names):
                return events
        else:
            if not force and image.names and not _single_reference(image.names):
                raise StoreError(
                    f"conflict: unable to delete {hex_of(image.id)[:12]} (must be forced) - "
                    "image is referenced in multiple repositories"
                )
            for name in sorted(image.names, key=str):
                with contextlib.suppress(NotFoundError):
                    self.untag(name)
                events.append(("Untagged", name.familiar))
        self._drop_manifest(image.digest)
        events.append(("Deleted", image.id))
        events += [("Deleted", chain) for chain in self.released_layers(image)]
        self.gc(blocking=False)
        return events

    def released_layers(self, image: Image, released: set[str] | None = None) -> list[str]:
        """The chain IDs of the layers of ``image`` (removed from the index) that no image
        in it holds any more, top first, as Docker lists freed layers; ``released`` (the
        ones already counted) is left out and updated."""
        from builder.image import chain_ids

        held = {c for other in self.images() for c in chain_ids(other.diff_ids)}
        done = set() if released is None else released
        out = [c for c in reversed(chain_ids(image.diff_ids)) if c not in held and c not in done]
        done.update(out)
        return out

    def _remove_damaged(self, text: str) -> list[tuple[str, str]]:
        """Untag a name whose image cannot be read (missing or corrupt blobs)."""
        try:
            ref = parse_normalized(text)
        except ReferenceFormatError:
            raise NotFoundError(f"No such image: {text}") from None
        desc = self.untag(ref)
        events = [("Untagged", ref.familiar)]
        if not any(e.digest == desc.digest for e in self.index_entries()):
            events.append(("Deleted", desc.digest))
        self.gc(blocking=False)
        return events

    def prune_dangling(self, keep: Iterable[str] = ()) -> list[str]:
        """Remove untagged images, repo digests or not (except the IDs in ``keep``); returns
        their IDs."""
        kept = set(keep)
        dangling = [i for i in self.images()
                    if not any(n.tag for n in i.names) and i.id not in kept]
        for image in dangling:
            self._drop_manifest(image.digest)
        return [i.id for i in dangling]

    # -- garbage collection --------------------------------------------------------------

    def referenced_blobs(self) -> set[str]:
        """Every blob digest reachable from ``index.json`` (missing children are skipped)."""
        marked: set[str] = set()
        pending = [Descriptor.from_dict(e) for e in self._read_index()]
        while pending:
            desc = pending.pop()
            if desc.digest in marked:
                continue
            marked.add(desc.digest)
            if not self.has_blob(desc.digest):
                continue
            is_index = desc.media_type in INDEX_TYPES
            if not (is_index or desc.media_type.endswith("manifest.v1+json")
                    or desc.media_type.endswith("manifest.v2+json")):
                continue
            try:
                doc = json.loads(self.read_blob(desc.digest, desc.size))
            except (ValueError, DigestError):
                continue
            if not isinstance(doc, dict):
                continue
            children = list(doc.get("manifests") or []) if is_index else [
                doc.get("config"), *(doc.get("layers") or [])]
            for child in children:
                with contextlib.suppress(DigestError):
                    pending.append(Descriptor.from_dict(child))
        return marked

    def gc(self, keep: Iterable[str] = (), blocking: bool = True) -> GCReport:
        """Delete blobs and unpacked layers that nothing in ``index.json``, the build cache's
        records or ``keep`` needs.

        Waits for writers' sessions to end (or returns an empty report if ``blocking`` is
        off and one is running). Stale temp files are removed too.
        """
        self.ensure()
        report = GCReport()
        with flock(self.locks_dir / "gc.lock", blocking=blocking) as locked:
            if not locked:
                return report
            from builder.snapshot.stale import sweep_stale

            # a killed build's overlays first: they may still use layer dirs below
            sweep_stale(self.root / "snapshots")
            marked = self.referenced_blobs() | set(keep) | self._cache_blobs()
            for path in self.blobs_dir.iterdir():
                if "sha256:" + path.name not in marked:
                    report.reclaimed += file_size(path)
                    path.unlink(missing_ok=True)
                    report.blobs.append("sha256:" + path.name)
            for path in self.tmp_dir.iterdir():
                report.reclaimed += file_size(path)
                remove_tree(path) if path.is_dir() else path.unlink(missing_ok=True)
            with self._db() as db:
                rows = db.execute("SELECT diff_id, digest FROM layers").fetchall()
                gone = [(d, b) for d, b in rows if not self.blob_path(b).is_file()]
                db.executemany("DELETE FROM layers WHERE diff_id = ? AND digest = ?", gone)
                live = {d for d, b in rows if (d, b) not in set(gone)}
                db.execute("DELETE FROM layer_sizes WHERE diff_id NOT IN "
                           "(SELECT diff_id FROM layers)")
            # a base's dir stays while a delta over it is kept (a container may mount both)
            deltas = {path.name: base for path in self.layers_dir.iterdir()
                      if (base := self._kept_delta(path, live)) is not None}
            bases = set(deltas.values())
            for path in self.layers_dir.iterdir():
                if path.name.startswith(".tmp-"):
                    key = path.name[5:].split("-")[0]
                else:
                    key = path.name.removesuffix(DELTA)
                    if path.name in deltas or (key == path.name and (
                            "sha256:" + key in live or key in bases)):
                        continue
                with flock(self.locks_dir / f"layer-{key}.lock", blocking=False) as free:
                    if free:
                        report.reclaimed += tree_size(path)
                        remove_tree(path)
                        report.layers.append(path.name)
            report.reclaimed += self._prune_pool()
            from builder.build.lineage import prune

            report.reclaimed += prune(self.root, live)  # records of layers gone
        return report

    def _kept_delta(self, path: Path, live: set[str]) -> str | None:
        """When ``path`` is a delta dir that GC keeps, the key of its base (whose dir it
        keeps too): its layer is kept and not unpacked whole besides, and its base's dir is
        there. None for anything else."""
        key = path.name.removesuffix(DELTA)
        if key == path.name or "sha256:" + key not in live \
                or (self.layers_dir / key).is_dir():
            return None
        base = self.delta_base(path)
        return base if base is not None and (self.layers_dir / base).is_dir() else None

    def _prune_pool(self) -> int:
        """Drop pooled files that no layer directory links any more; their bytes."""
        freed = 0
        with os.scandir(self.pool_dir) as it:
            for entry in it:
                st = entry.stat(follow_symlinks=False)
                if st.st_nlink <= 1:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
                        freed += st.st_size
        return freed

    def _cache_blobs(self) -> set[str]:
        """The layer blobs the build cache's records name (kept by :meth:`gc`)."""
        if not (self.root / "cache" / "index").is_dir():
            return set()
        from builder.cache import BuildCache

        with BuildCache(self.root) as cache:
            return {r.layer_digest for r in cache.records() if r.layer_digest}

    def fsck(self) -> list[str]:
        """Problems found when verifying every blob ``index.json`` reaches (empty = fine)."""
        problems: list[str] = []
        for digest in sorted(self.referenced_blobs()):
            try:
                self.verify_blob(digest)
            except (NotFoundError, DigestError) as exc:
                problems.append(str(exc))
        for image in self.images():
            if len(image.layers) != len(image.diff_ids):
                problems.append(f"image {image.id}: layer count does not match diff_ids")
        return problems


class _WrongDiffId(DigestError):
    """A layer blob whose uncompressed content is not its recorded diff_id."""


def _name_of(text: str) -> Reference | None:
    try:
        return parse_lookup(text)
    except ReferenceFormatError:
        return None


def _single_reference(names: Iterable[Reference]) -> bool:
    """Docker's ``isSingleReference``: at most one tag, and every name in its repository
    (the first name's, if it has no tag)."""
    names = list(names)
    tags = [n for n in names if n.digest is None]
    if len(tags) > 1:
        return False
    repo = (tags or names)[0].name
    return all(n.name == repo for n in names)


def _entry_name(entry: dict[str, Any]) -> str | None:
    annotations = entry.get("annotations")
    if isinstance(annotations, dict):
        name = annotations.get(ANNOTATION_IMAGE_NAME)
        if isinstance(name, str):
            return name
    return None


def _name_annotations(ref: Reference) -> dict[str, str]:
    out = {ANNOTATION_IMAGE_NAME: str(ref)}
    if ref.tag is not None:
        out[ANNOTATION_REF_NAME] = ref.tag
    return out
