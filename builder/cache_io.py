"""The exchange format of an exported build cache: an OCI image layout in a directory.

::

    DIR/oci-layout
    DIR/index.json           one manifest, ref name "cache"
    DIR/blobs/sha256/<hex>   layer blobs, the cache manifest, the OCI manifest

The OCI manifest (``artifactType`` :data:`ARTIFACT_TYPE`) lists every blob as a layer, so
OCI tools can copy the directory; its config blob is the cache manifest proper::

    {"version": 1,
     "records": [{"key", "inputs", "stage", "instruction", "created", "configChange",
                  "layer": {"mediaType", "digest", "size", "diffID"} | null}],
     "mounts": [{"name", "id", "mode", "uid", "gid", "layer": {...}}]}

:class:`CacheDirWriter` writes blobs first (temp file + rename; a blob already there with
the right size is kept), then the cache manifest and the OCI manifest, and renames
``index.json`` into place last, under a lock on the directory: a reader sees the old cache
or the new one, never a mix. :func:`read_cache_dir` verifies ``index.json`` → manifest →
cache manifest by digest and drops records whose key is not the digest of their inputs.
Layer blobs are not fsynced one by one (that would cost as much as the copy): after a crash
a blob may be short or stale, which the importer's verification of every blob turns into a
miss, never into a damaged image.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, Final, cast

from builder import cachekey
from builder.blobs import BlobReader, BlobWriter, atomic_write, fsync_dir
from builder.descriptor import (
    ANNOTATION_REF_NAME,
    MEDIA_OCI_INDEX,
    MEDIA_OCI_MANIFEST,
    OCI_LAYOUT,
    Descriptor,
    check_digest,
    hex_of,
    sha256_digest,
)
from builder.errors import CacheError, DigestError
from builder.record import Record

__all__ = [
    "ARTIFACT_TYPE",
    "CONFIG_TYPE",
    "CacheDirWriter",
    "CacheManifest",
    "Entry",
    "LayerBlob",
    "MountEntry",
    "open_dir_blob",
    "read_cache_dir",
]

ARTIFACT_TYPE = "application/vnd.dockyard.cache.v1"
CONFIG_TYPE = "application/vnd.dockyard.cache.config.v1+json"
REF_NAME = "cache"
FORMAT_VERSION = 1
_MAX_JSON = 256 << 20


class LayerBlob(Record):
    """A layer blob of the cache: its descriptor fields and the digest of its tar."""

    __slots__ = ("digest", "size", "media_type", "diff_id")
    digest: Final[str]
    size: Final[int]
    media_type: Final[str]
    diff_id: Final[str]

    def __init__(self, digest: str, size: int, media_type: str, diff_id: str) -> None:
        self.digest = digest
        self.size = size
        self.media_type = media_type
        self.diff_id = diff_id

    def to_dict(self) -> dict[str, Any]:
        return {"mediaType": self.media_type, "digest": self.digest, "size": self.size,
                "diffID": self.diff_id}

    @classmethod
    def from_dict(cls, data: Any) -> LayerBlob:
        if not isinstance(data, dict):
            raise CacheError("layer is not an object")
        size = data.get("size")
        media = data.get("mediaType")
        if not isinstance(size, int) or size < 0 or not isinstance(media, str):
            raise CacheError("layer has no valid size or media type")
        return cls(check_digest(data.get("digest")), size, media,
                   check_digest(data.get("diffID"), "diffID"))

    @property
    def descriptor(self) -> Descriptor:
        return Descriptor(self.media_type, self.digest, self.size)


class Entry(Record):
    """One cached step: its key, the inputs the key was computed from, its layer."""

    __slots__ = ("key", "inputs", "layer", "stage", "instruction", "created", "config_change")
    key: Final[str]
    inputs: Final[Mapping[str, Any]]
    layer: Final[LayerBlob | None]
    stage: Final[str]
    instruction: Final[str]
    created: Final[float]
    config_change: Final[Mapping[str, Any]]

    def __init__(self, key: str, inputs: Mapping[str, Any], layer: LayerBlob | None = None,
                 stage: str = "", instruction: str = "", created: float = 0.0,
                 config_change: Mapping[str, Any] | None = None) -> None:
        self.key = key
        self.inputs = inputs
        self.layer = layer
        self.stage = stage
        self.instruction = instruction
        self.created = created
        self.config_change = {} if config_change is None else config_change

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "inputs": dict(self.inputs), "stage": self.stage,
                "instruction": self.instruction, "created": self.created,
                "configChange": dict(self.config_change),
                "layer": self.layer.to_dict() if self.layer else None}

    @classmethod
    def from_dict(cls, data: Any) -> Entry:
        """Parse a record; raise :class:`CacheError` when it is malformed or its key is not
        the digest of its inputs."""
        if not isinstance(data, dict):
            raise CacheError("record is not an object")
        key, inputs = data.get("key"), data.get("inputs")
        if not isinstance(key, str) or not isinstance(inputs, dict):
            raise CacheError("record has no key or inputs")
        if cachekey.digest_of(inputs) != key:
            raise CacheError(f"record {key}: the key is not the digest of its inputs")
        layer = data.get("layer")
        created = data.get("created", 0.0)
        change = data.get("configChange") or {}
        return cls(
            key=key, inputs=inputs,
            layer=None if layer is None else LayerBlob.from_dict(layer),
            stage=str(data.get("stage", "")), instruction=str(data.get("instruction", "")),
            created=float(created) if isinstance(created, int | float) else 0.0,
            config_change=change if isinstance(change, dict) else {},
        )  # fmt: skip


class MountEntry(Record):
    """The contents of a ``RUN --mount=type=cache`` directory, as a layer blob."""

    __slots__ = ("name", "ident", "layer", "mode", "uid", "gid")
    name: Final[str]
    ident: Final[str]
    layer: Final[LayerBlob]
    mode: Final[int]
    uid: Final[int]
    gid: Final[int]

    def __init__(self, name: str, ident: str, layer: LayerBlob, mode: int = 0o755, uid: int = 0,
                 gid: int = 0) -> None:
        self.name = name
        self.ident = ident
        self.layer = layer
        self.mode = mode
        self.uid = uid
        self.gid = gid

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "id": self.ident, "mode": self.mode, "uid": self.uid,
                "gid": self.gid, "layer": self.layer.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> MountEntry:
        if not isinstance(data, dict):
            raise CacheError("mount is not an object")
        name = data.get("name")
        if not isinstance(name, str) or len(name) != 32 or not all(
            c in "0123456789abcdef" for c in name
        ):
            raise CacheError(f"mount has an invalid name {name!r}")
        nums = [data.get(k, d) for k, d in (("mode", 0o755), ("uid", 0), ("gid", 0))]
        if not all(isinstance(n, int) and n >= 0 for n in nums):
            raise CacheError(f"mount {name}: invalid mode or owner")
        return cls(name, str(data.get("id", "")), LayerBlob.from_dict(data.get("layer")),
                   nums[0] & 0o7777, nums[1], nums[2])


class CacheManifest(Record):
    """What an exported cache holds; ``problems`` lists the records that were dropped."""

    __slots__ = ("entries", "mounts", "problems")
    _hashable = False
    entries: dict[str, Entry]
    mounts: dict[str, MountEntry]
    problems: list[str]

    def __init__(self, entries: dict[str, Entry] | None = None,
                 mounts: dict[str, MountEntry] | None = None,
                 problems: list[str] | None = None) -> None:
        self.entries = {} if entries is None else entries
        self.mounts = {} if mounts is None else mounts
        self.problems = [] if problems is None else problems

    def to_bytes(self) -> bytes:
        data = {"version": FORMAT_VERSION,
                "records": [e.to_dict() for e in self.entries.values()],
                "mounts": [m.to_dict() for m in self.mounts.values()]}
        return cachekey.canonical_json(data)

    def blobs(self) -> dict[str, LayerBlob]:
        """Every layer blob the manifest names, by digest."""
        out = {e.layer.digest: e.layer for e in self.entries.values() if e.layer}
        out.update({m.layer.digest: m.layer for m in self.mounts.values()})
        return out


# -- reading ------------------------------------------------------------------------------


def _real_dir(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        raise CacheError(f"{path} is not a directory")


def _read_small(path: Path, limit: int = _MAX_JSON) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        raise CacheError(f"cannot read {path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise CacheError(f"{path} is too large")
    return data


def _read_verified(src: Path, desc: Descriptor) -> bytes:
    data = _read_small(src / "blobs" / "sha256" / hex_of(desc.digest))
    if len(data) != desc.size or sha256_digest(data) != desc.digest:
        raise CacheError(f"{src}: blob {desc.digest} is damaged (digest or size mismatch)")
    return data


def _json(data: bytes, what: str) -> dict[str, Any]:
    try:
        doc = json.loads(data)
    except ValueError:
        raise CacheError(f"{what} is not valid JSON") from None
    if not isinstance(doc, dict):
        raise CacheError(f"{what} is not a JSON object")
    return doc


def open_dir_blob(src: Path, layer: LayerBlob) -> BinaryIO:
    """A reader of a layer blob of the cache at ``src`` that checks size and digest at EOF
    (symlinks are not followed)."""
    path = Path(src) / "blobs" / "sha256" / hex_of(check_digest(layer.digest))
    try:
        raw = BlobReader(path, layer.digest, layer.size, follow_symlinks=False)
    except OSError as exc:
        raise CacheError(f"{src}: blob {layer.digest}: {exc.strerror}") from None
    return cast(BinaryIO, io.BufferedReader(raw, 1 << 20))


def read_cache_dir(src: Path | str) -> CacheManifest:
    """The cache manifest at ``src``, verified; raise :class:`CacheError` when ``src`` is
    not a readable cache (missing, damaged index, manifest or cache manifest)."""
    src = Path(src)
    _real_dir(src)
    _real_dir(src / "blobs")
    _real_dir(src / "blobs" / "sha256")
    index = _json(_read_small(src / "index.json"), f"{src}/index.json")
    manifests = index.get("manifests")
    if not isinstance(manifests, list):
        raise CacheError(f"{src}/index.json has no manifests list")
    chosen = None
    for m in manifests:
        if not isinstance(m, dict):
            continue
        annotations = m.get("annotations")
        named = isinstance(annotations, dict) and annotations.get(ANNOTATION_REF_NAME) == REF_NAME
        if m.get("artifactType") == ARTIFACT_TYPE or named:
            chosen = m
    if chosen is None:
        raise CacheError(f"{src} holds no dockyard cache manifest")
    try:
        desc = Descriptor.from_dict(chosen)
        manifest = _json(_read_verified(src, desc), f"{src}: cache manifest")
        config = Descriptor.from_dict(manifest.get("config"))
    except DigestError as exc:
        raise CacheError(f"{src}: {exc.message}") from None
    if config.media_type != CONFIG_TYPE:
        raise CacheError(f"{src}: the manifest's config is not a dockyard cache manifest")
    doc = _json(_read_verified(src, config), f"{src}: cache manifest")
    if doc.get("version") != FORMAT_VERSION:
        raise CacheError(f"{src}: unsupported cache format version {doc.get('version')!r}")
    records, mounts = doc.get("records") or [], doc.get("mounts") or []
    if not isinstance(records, list) or not isinstance(mounts, list):
        raise CacheError(f"{src}: the cache manifest's records or mounts are not lists")
    out = CacheManifest()
    for raw in records:
        try:
            entry = Entry.from_dict(raw)
        except (CacheError, DigestError) as exc:
            out.problems.append(str(exc))
            continue
        out.entries[entry.key] = entry
    for raw in mounts:
        try:
            mount = MountEntry.from_dict(raw)
        except (CacheError, DigestError) as exc:
            out.problems.append(str(exc))
            continue
        out.mounts[mount.name] = mount
    return out


# -- writing ------------------------------------------------------------------------------


@contextlib.contextmanager
def _dir_lock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class CacheDirWriter:
    """Writes an exported cache at ``dest`` (see the module docstring); use as a context
    manager, add blobs, then :meth:`commit` the manifest. Nothing is published on error."""

    def __init__(self, dest: Path | str) -> None:
        self.dest = Path(dest)
        self.blobs_dir = self.dest / "blobs" / "sha256"
        self.written = 0
        self.reused = 0
        self.bytes_written = 0
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> CacheDirWriter:
        try:
            self.dest.mkdir(parents=True, exist_ok=True)
            _real_dir(self.dest)
            for d in (self.dest / "blobs", self.blobs_dir):
                if d.is_symlink():
                    raise CacheError(f"{d} is a symbolic link")
                d.mkdir(exist_ok=True)
            self._stack.enter_context(_dir_lock(self.dest))
        except OSError as exc:
            raise CacheError(f"cannot write a cache to {self.dest}: {exc.strerror}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def has(self, layer: LayerBlob) -> bool:
        """Whether the blob is at the destination already (a regular file of its size)."""
        try:
            st = os.lstat(self.blobs_dir / hex_of(layer.digest))
        except OSError:
            return False
        return st.st_size == layer.size and (st.st_mode & 0o170000) == 0o100000

    def copy_blob(self, source: Path, layer: LayerBlob) -> None:
        """Copy the store's blob file ``source`` unless the destination has it."""
        if self.has(layer):
            self.reused += 1
            return
        fd, name = tempfile.mkstemp(dir=self.blobs_dir, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                _copy_fd(src, out)
                size = os.fstat(out.fileno()).st_size
            if size != layer.size:
                raise CacheError(f"blob {layer.digest} changed while it was exported")
            os.chmod(name, 0o644)
            os.replace(name, self.blobs_dir / hex_of(layer.digest))
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        self.written += 1
        self.bytes_written += layer.size

    def blob_writer(self) -> BlobWriter:
        """A writer of a new blob (fsynced, renamed into place on ``commit()``)."""
        return BlobWriter(self.blobs_dir, lambda d: self.blobs_dir / hex_of(d), None,
                          "application/octet-stream")

    def _put(self, data: bytes, media_type: str) -> Descriptor:
        digest = sha256_digest(data)
        target = self.blobs_dir / hex_of(digest)
        if not target.is_file() or target.stat().st_size != len(data):
            _atomic_write(target, data)
        return Descriptor(media_type, digest, len(data))

    def commit(self, manifest: CacheManifest) -> Descriptor:
        """Write the cache manifest, the OCI manifest and ``index.json`` (last), then remove
        blobs and temp files no longer named."""
        fsync_dir(self.blobs_dir)
        config = self._put(manifest.to_bytes(), CONFIG_TYPE)
        blobs = sorted(manifest.blobs().values(), key=lambda b: b.digest)
        oci = {
            "schemaVersion": 2, "mediaType": MEDIA_OCI_MANIFEST, "artifactType": ARTIFACT_TYPE,
            "config": config.to_dict(), "layers": [b.descriptor.to_dict() for b in blobs],
        }  # fmt: skip
        desc = self._put(json.dumps(oci, indent=2).encode() + b"\n", MEDIA_OCI_MANIFEST)
        fsync_dir(self.blobs_dir)
        entry = {**desc.to_dict(), "artifactType": ARTIFACT_TYPE,
                 "annotations": {ANNOTATION_REF_NAME: REF_NAME}}
        index = {"schemaVersion": 2, "mediaType": MEDIA_OCI_INDEX, "manifests": [entry]}
        if not (self.dest / "oci-layout").is_file():
            _atomic_write(self.dest / "oci-layout", OCI_LAYOUT)
        _atomic_write(self.dest / "index.json", json.dumps(index, indent=2).encode() + b"\n")
        keep = {hex_of(config.digest), hex_of(desc.digest), *(hex_of(b.digest) for b in blobs)}
        for path in self.blobs_dir.iterdir():
            if path.name not in keep:
                path.unlink(missing_ok=True)
        return desc


def _copy_fd(src: BinaryIO, out: BinaryIO) -> None:
    """Copy in the kernel where it can (copy_file_range), else through a buffer."""
    out.flush()
    in_fd, out_fd = src.fileno(), out.fileno()
    try:
        while os.copy_file_range(in_fd, out_fd, 1 << 30):
            pass
    except OSError:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()


def _atomic_write(path: Path, data: bytes) -> None:
    atomic_write(path, data)
