"""Writing layers: a sorted stream of changes → deterministic PAX tar → hashes + compression."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, Final, Literal

from builder.errors import LayerError
from builder.layers.compression import MEDIA_TYPES, Compression, Pipeline
from builder.layers.tarformat import (
    BLK,
    CHR,
    DIR,
    END_OF_ARCHIVE,
    FIFO,
    LNK,
    MAX_OCTAL_11,
    REG,
    SYM,
    pack_header,
    pack_plain,
)
from builder.record import Record
from builder.xattrs import kept_xattrs

ChangeKind = Literal["add", "delete", "opaque"]

WHITEOUT_PREFIX = ".wh."
OPAQUE_MARKER = ".wh..wh..opq"

_CHUNK = 1 << 20
_SMALL = 1 << 16
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
# reading a file for its layer leaves its atime alone: the layer's directory keeps the
# tar's times (and a file shared through the pool is never changed by a reader)
_NOATIME = getattr(os, "O_NOATIME", 0)
_ZEROS = bytes(512)


class Change(Record):
    """One entry of a changeset.

    ``path`` is relative and "/"-separated, without a leading "/" or "./" (e.g. ``etc/passwd``).
    ``add``: the entry at ``source`` (file, dir, symlink, fifo or device; added or changed).
    ``delete``: a whiteout ``.wh.<name>`` hiding the lower path.
    ``opaque``: the directory entry from ``source`` plus ``<path>/.wh..wh..opq``.
    ``source`` is an absolute path on disk to lstat and read (None for ``delete``).
    """

    __slots__ = ("path", "kind", "source")
    path: Final[str]
    kind: Final[ChangeKind]
    source: Final[str | None]

    def __init__(self, path: str, kind: ChangeKind, source: str | None = None) -> None:
        self.path = path
        self.kind = kind
        self.source = source


class LayerDigests(Record):
    """What :func:`write_layer` produced."""

    __slots__ = ("diff_id", "digest", "size", "uncompressed_size", "media_type")
    diff_id: Final[str]  # "sha256:<hex>" of the uncompressed tar
    digest: Final[str]  # "sha256:<hex>" of the bytes written to ``out``
    size: Final[int]  # bytes written to ``out``
    uncompressed_size: Final[int]
    media_type: Final[str]

    def __init__(self, diff_id: str, digest: str, size: int, uncompressed_size: int,
                 media_type: str) -> None:
        self.diff_id = diff_id
        self.digest = digest
        self.size = size
        self.uncompressed_size = uncompressed_size
        self.media_type = media_type


def mtime_limit(epoch: int | None) -> int:
    """The latest mtime a layer written with ``epoch`` keeps (later ones are clamped to it):
    the epoch itself, within what a tar header holds."""
    return MAX_OCTAL_11 if epoch is None else max(0, min(epoch, MAX_OCTAL_11))


def _xattrs(source: str) -> dict[str, bytes] | None:
    return dict(kept_xattrs(source)) or None


def write_layer(
    changes: Iterable[Change],
    out: BinaryIO,
    *,
    compression: Compression = "zstd",
    level: int = 3,
    epoch: int | None = None,
    uid_gid: tuple[int, int] | None = None,
    mode_override: int | None = None,
    xattrs: bool = True,
    out_digest: Callable[[], str] | None = None,
    known: Mapping[str, os.stat_result] | None = None,
) -> LayerDigests:
    """Write ``changes`` as a layer tarball to ``out`` and return its digests.

    ``changes`` must be sorted by path, compared component by component in byte order (so a
    directory comes right before its children), without duplicates: exactly what
    :func:`changes_from_tree` yields. Unsorted or duplicate input raises LayerError, as does a
    path with ``.``/``..``/empty components, a name starting with ``.wh.``, or an overlay
    whiteout (char device 0:0) passed as ``add``: the diff must turn those into ``delete``.

    The output is deterministic: PAX format as Docker writes it, integer mtimes (clamped to
    ``epoch`` when given: ``min(mtime, epoch)``), no atime/ctime, empty uname/gname, PAX
    records only when needed. ``uid_gid`` replaces every entry's owner; ``mode_override``
    replaces the permission bits (0o7777) of every entry but symlinks. Only the xattrs
    ``security.capability`` and ``user.*`` (not ``user.overlay.*``) are kept, unless
    ``xattrs`` is false. Sockets are skipped. Hardlinked files become typeflag-1 entries
    pointing at the first path of this layer with the same (st_dev, st_ino).

    ``out_digest``: when ``out`` hashes what it is given (a store blob writer), the function
    returning that ``sha256:`` digest, so the compressed bytes are not hashed twice.
    ``known``: the lstat, taken by the caller, of sources (by path) that carry no xattr
    the layer keeps; they are neither stat'ed nor listed again.

    ``compression`` is zstd (one frame, at ``level``), gzip (mtime 0, no name, at ``level``)
    or none. One pass: the tar bytes are hashed (sha256) and compressed in worker
    threads while the next entries are read; ``out`` is written from a worker thread. On an
    error ``out`` holds a partial blob to discard; an error raised by ``out.write`` itself
    is re-raised unchanged.
    """
    pipe = Pipeline(out, compression, level, out_digest)
    try:
        uncompressed = _write_entries(changes, pipe, epoch, uid_gid, mode_override, xattrs,
                                      known or {})
    except BaseException:
        pipe.abort()
        raise
    diff_id, digest, size = pipe.finish()
    return LayerDigests(diff_id, digest, size, uncompressed, MEDIA_TYPES[compression])


def _bad_path(path: str) -> LayerError:
    return LayerError(f"invalid path in layer change: {path!r}")


def _write_entries(
    changes: Iterable[Change],
    pipe: Pipeline,
    epoch: int | None,
    uid_gid: tuple[int, int] | None,
    mode_override: int | None,
    want_xattrs: bool,
    known: Mapping[str, os.stat_result],
) -> int:
    buf = bytearray()
    prev: tuple[bytes, ...] = ()
    links: dict[tuple[int, int], bytes] = {}
    max_mtime = mtime_limit(epoch)
    lstat, S_IFMT = os.lstat, stat.S_IFMT
    put = pipe.put

    for change in changes:
        path = change.path
        name = path.encode("utf-8", "surrogateescape")
        key = tuple(name.split(b"/"))
        if key <= prev:
            if key == prev:
                raise LayerError(f"duplicate path in layer changes: {path!r}")
            raise LayerError(
                f"layer changes are not sorted: {path!r} comes after {b'/'.join(prev)!r}"
            )
        prev = key
        if b"" in key or b"." in key or b".." in key:
            raise _bad_path(path)
        base = key[-1]
        if base.startswith(b".wh."):
            raise LayerError(f"a layer cannot contain a file named {path!r} (.wh. is reserved)")
        kind = change.kind

        if kind == "delete":
            head = name[: len(name) - len(base)]
            buf += pack_header(head + b".wh." + base, REG, 0, 0, 0, 0, 0)
            continue
        if kind != "add" and kind != "opaque":
            raise LayerError(f"unknown change kind {kind!r} for {path!r}")
        source = change.source
        if source is None:
            raise LayerError(f"layer change {path!r} ({kind}) has no source")
        st = known.get(source)
        xattrs = None
        if st is None:
            try:
                st = lstat(source)
            except OSError as exc:
                raise LayerError(f"cannot read {source}: {exc.strerror}") from None
            if want_xattrs:
                xattrs = _xattrs(source)
        fmt = S_IFMT(st.st_mode)
        if kind == "opaque" and fmt != stat.S_IFDIR:
            raise LayerError(f"opaque change {path!r} is not a directory")
        mode = st.st_mode & 0o7777
        if mode_override is not None and fmt != stat.S_IFLNK:
            mode = mode_override & 0o7777
        if uid_gid is None:
            uid, gid = st.st_uid, st.st_gid
        else:
            uid, gid = uid_gid
        mtime = st.st_mtime_ns // 1_000_000_000
        if mtime > max_mtime:
            mtime = max_mtime
        elif mtime < 0:
            mtime = 0

        if fmt != stat.S_IFDIR and st.st_nlink > 1 and fmt != stat.S_IFSOCK:
            inode = (st.st_dev, st.st_ino)
            first = links.get(inode)
            if first is not None:
                buf += pack_header(name, LNK, mode, uid, gid, 0, mtime, first)
                continue
            links[inode] = name

        if fmt == stat.S_IFREG:
            size = st.st_size
            if xattrs is None and size < _SMALL and len(name) <= 100 and name.isascii():
                # the common case, inlined: a small file that needs no PAX record
                buf += pack_plain(name, REG, mode, uid, gid, size, mtime)
                if size:
                    buf += _read_small(source, size)
                    buf += _ZEROS[: -size & 511]
            else:
                buf += pack_header(name, REG, mode, uid, gid, size, mtime, xattrs=xattrs)
                if size:
                    if len(buf) >= _CHUNK or size >= _CHUNK:
                        put(buf)
                        buf = bytearray()
                        pipe.check()
                    _copy_file(source, size, buf, put)
                    buf += _ZEROS[: -size & 511]
        elif fmt == stat.S_IFDIR:
            buf += pack_header(name + b"/", DIR, mode, uid, gid, 0, mtime, xattrs=xattrs)
            if kind == "opaque":
                buf += pack_header(name + b"/" + OPAQUE_MARKER.encode(), REG, 0, 0, 0, 0, 0)
        elif fmt == stat.S_IFLNK:
            try:
                target = os.readlink(source).encode("utf-8", "surrogateescape")
            except OSError as exc:
                raise LayerError(f"cannot read {source}: {exc.strerror}") from None
            buf += pack_header(name, SYM, mode, uid, gid, 0, mtime, target, xattrs=xattrs)
        elif fmt == stat.S_IFCHR or fmt == stat.S_IFBLK:
            if fmt == stat.S_IFCHR and st.st_rdev == 0:
                raise LayerError(
                    f"{path!r} is an overlay whiteout (char device 0:0): pass it as a delete change"
                )
            typeflag = CHR if fmt == stat.S_IFCHR else BLK
            major, minor = os.major(st.st_rdev), os.minor(st.st_rdev)
            buf += pack_header(name, typeflag, mode, uid, gid, 0, mtime, b"", major, minor, xattrs)
        elif fmt == stat.S_IFIFO:
            buf += pack_header(name, FIFO, mode, uid, gid, 0, mtime, xattrs=xattrs)
        # sockets (and anything else tar cannot carry) are skipped

        if len(buf) >= _CHUNK:
            put(buf)
            buf = bytearray()
            pipe.check()

    buf += END_OF_ARCHIVE
    put(buf)
    return pipe.size


def _open(source: str) -> int:
    try:
        return os.open(source, _READ_FLAGS | _NOATIME)
    except PermissionError:  # O_NOATIME needs the file's owner (or CAP_FOWNER)
        return os.open(source, _READ_FLAGS)


def _read_small(source: str, size: int) -> bytes:
    try:
        fd = _open(source)
        try:
            data = os.read(fd, size)
            while len(data) < size:
                more = os.read(fd, size - len(data))
                if not more:
                    break
                data += more
        finally:
            os.close(fd)
    except OSError as exc:
        raise LayerError(f"cannot read {source}: {exc.strerror}") from None
    if len(data) != size:
        raise LayerError(f"{source} shrank while the layer was being written")
    return data


def _copy_file(
    source: str, size: int, buf: bytearray, put: Callable[[bytes | bytearray], None]
) -> None:
    """Append ``size`` bytes of ``source`` to ``buf`` (small files) or stream them to ``put``."""
    try:
        fd = _open(source)
    except OSError as exc:
        raise LayerError(f"cannot read {source}: {exc.strerror}") from None
    try:
        remaining = size
        if size < _CHUNK:
            while remaining:
                data = os.read(fd, remaining)
                if not data:
                    break
                buf += data
                remaining -= len(data)
        else:
            while remaining:
                data = os.read(fd, min(_CHUNK, remaining))
                if not data:
                    break
                put(data)
                remaining -= len(data)
    except OSError as exc:
        raise LayerError(f"cannot read {source}: {exc.strerror}") from None
    finally:
        os.close(fd)
    if remaining:
        raise LayerError(f"{source} shrank while the layer was being written")


def _sorted_entries(directory: str, rel: str) -> list[tuple[str, os.DirEntry[str]]]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        raise LayerError(f"cannot read directory {directory}: {exc.strerror}") from None
    if rel:
        return [(f"{rel}/{e.name}", e) for e in entries]
    return [(e.name, e) for e in entries]


def changes_from_tree(root: Path | str, prefix: str = "") -> Iterator[Change]:
    """Every entry under ``root`` (not ``root`` itself) as an ``add`` change, in the order
    :func:`write_layer` requires (component-wise byte order, parents first). ``prefix``
    ("usr/local", no leading or trailing "/") is prepended to every path."""
    top = os.path.abspath(os.fspath(root))
    prefix = prefix.strip("/")
    stack = [iter(_sorted_entries(top, prefix))]
    while stack:
        for path, entry in stack[-1]:
            yield Change(path, "add", entry.path)
            if entry.is_dir(follow_symlinks=False):
                stack.append(iter(_sorted_entries(entry.path, path)))
                break
        else:
            stack.pop()
