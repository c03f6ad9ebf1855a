"""Writing layers: a sorted stream of changes → deterministic PAX tar → hashes + compression."""

from __future__ import annotations

import marshal
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, Final, Literal

from builder.errors import FrameError, LayerError
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
FRAMES_FROM = 4096
"""A zstd layer of this many changes or more is written in frames, each of the entries from
one that starts a frame (one path in :data:`FRAME_EVERY`, by a hash of the path alone; or
the :data:`FRAME_CAP`-th entry of a frame) to the next: a one-file change of such a layer
changes one frame, and the others can be taken as they were (``reuse``)."""
FRAME_EVERY = 256
FRAME_CAP = 2048
_GOLDEN = 0x9E3779B1  # 2**32 / the golden ratio: spreads a CRC's bits into its top ones
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
# reading a file for its layer leaves its atime alone: the layer's directory keeps the
# tar's times (and a file shared through the pool is never changed by a reader)
_NOATIME = getattr(os, "O_NOATIME", 0)
_ZEROS = bytes(512)
_DOTS = frozenset((b".", b".."))
_S_IFMT = 0o170000  # stat.S_IFMT's mask


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


Content = tuple[str, int] | tuple[str, int, int, int, int, int, int, int, int, int]
"""What a copy tells of a file it linked from the pool: its content's blake3 digest and the
inode that holds it, then (when the copy took it) the rest of that inode's lstat right after
the link: mode, uid, gid, size, mtime_ns, atime_ns, nlink and device (see
:func:`pooled_stat`)."""


class PooledStat:
    """The lstat a :data:`Content` holds, with the fields of an ``os.stat_result`` that
    settling a snapshot and writing a layer read (four times cheaper to make)."""

    __slots__ = ("st_ino", "st_mode", "st_uid", "st_gid", "st_size", "st_mtime_ns",
                 "st_atime_ns", "st_nlink", "st_dev")
    st_ino: int
    st_mode: int
    st_uid: int
    st_gid: int
    st_size: int
    st_mtime_ns: int
    st_atime_ns: int
    st_nlink: int
    st_dev: int
    st_rdev: Final = 0  # a regular file's

    def __init__(self, content: Content) -> None:
        _digest, self.st_ino, *rest = content
        (self.st_mode, self.st_uid, self.st_gid, self.st_size, self.st_mtime_ns,
         self.st_atime_ns, self.st_nlink, self.st_dev) = rest


Stat = os.stat_result | PooledStat
"""An entry's lstat, taken or told."""


def pooled_stat(content: Content) -> PooledStat | None:
    """The lstat a :data:`Content` holds, if it holds one."""
    if len(content) == 10:
        return PooledStat(content)
    return None


Frame = tuple[str | None, int, int, int]
"""A frame of a layer blob: its key, offset, size, and the size of the tar bytes it holds."""


class LayerDigests(Record):
    """What :func:`write_layer` produced."""

    __slots__ = ("diff_id", "digest", "size", "uncompressed_size", "media_type", "frames")
    diff_id: Final[str]  # "sha256:<hex>" of the uncompressed tar
    digest: Final[str]  # "sha256:<hex>" of the bytes written to ``out``
    size: Final[int]  # bytes written to ``out``
    uncompressed_size: Final[int]
    media_type: Final[str]
    # a layer written in frames: each one's key (None: unknown content), offset and size
    # in ``out``, and tar bytes
    frames: Final[tuple[Frame, ...]]

    def __init__(self, diff_id: str, digest: str, size: int, uncompressed_size: int,
                 media_type: str, frames: tuple[Frame, ...] = ()) -> None:
        self.diff_id = diff_id
        self.digest = digest
        self.size = size
        self.uncompressed_size = uncompressed_size
        self.media_type = media_type
        self.frames = frames


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
    known: Mapping[str, Stat] | None = None,
    digests: Mapping[str, Content] | None = None,
    reuse: Callable[[str], tuple[bytes, int] | None] | None = None,
    plan: Sequence[str | list[Change]] | None = None,
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

    A zstd layer of a list of at least :data:`FRAMES_FROM` changes is written in frames
    (the result lists them). ``digests`` names the content of files (by change path: the
    blake3 digest and the inode it holds for); a frame whose every file's content is named
    has a key, and ``reuse(key)`` may give the frame compressed before (and the tar bytes
    it holds), which is put in instead of reading and compressing those files.

    ``plan`` (zstd, with ``reuse``), instead of ``changes``: the layer's frames, each the
    key of a frame ``reuse`` must give, or the changes of a frame to write (sorted, as
    above); they must be the frames ``changes`` would be split into. A key ``reuse`` does
    not give raises :class:`FrameError`.
    """
    pipe = Pipeline(out, compression, level, out_digest)
    try:
        uncompressed, frames = _write_entries(changes, pipe, epoch, uid_gid, mode_override,
                                              xattrs, known or {}, digests, reuse, level,
                                              plan)
    except BaseException:
        pipe.abort()
        raise
    diff_id, digest, size = pipe.finish()
    placed: list[Frame] = []
    if frames:
        if len(pipe.frame_ends) != len(frames):
            raise LayerError("internal error: the layer's frames went astray")
        start = 0
        for (key, raw), end in zip(frames, pipe.frame_ends, strict=True):
            placed.append((key, start, end - start, raw))
            start = end
    return LayerDigests(diff_id, digest, size, uncompressed, MEDIA_TYPES[compression],
                        tuple(placed))


def _bad_path(path: str) -> LayerError:
    return LayerError(f"invalid path in layer change: {path!r}")


_Plain = tuple[int, int, int, int, int]
"""A plain file's header not packed yet: its mode, uid, gid, size and mtime (see
:func:`~builder.layers.tarformat.pack_plain`); a frame taken from an earlier layer never
packs the headers it holds."""
_Part = tuple[bytes, bytes | _Plain, str | None, int, str | None]
"""One entry as tar bytes: its path, its header blocks (and those of an opaque marker) or a
plain file's header fields, the file whose ``size`` bytes follow (then padding), and what
identifies that content: its blake3 digest when known, ``""`` when there is none, None when
unknown."""


def _write_entries(
    changes: Iterable[Change],
    pipe: Pipeline,
    epoch: int | None,
    uid_gid: tuple[int, int] | None,
    mode_override: int | None,
    want_xattrs: bool,
    known: Mapping[str, Stat],
    digests: Mapping[str, Content] | None = None,
    reuse: Callable[[str], tuple[bytes, int] | None] | None = None,
    level: int = 3,
    plan: Sequence[str | list[Change]] | None = None,
) -> tuple[int, list[tuple[str | None, int]]]:
    """Write the tar of ``changes`` (or of the frames ``plan`` lists: see
    :func:`write_layer`) to ``pipe``: its size, and its frames (key, tar bytes) when it is
    written in frames (:data:`FRAMES_FROM`)."""
    salt = f"dockyard-frame-2 zstd-{level}\n".encode()
    if plan is not None:
        def parts_of(frame: list[Change]) -> list[_Part]:
            return list(_parts(frame, epoch, uid_gid, mode_override, want_xattrs, known,
                               digests))

        return _write_planned(plan, pipe, reuse, salt, parts_of)
    parts = _parts(changes, epoch, uid_gid, mode_override, want_xattrs, known, digests)
    if pipe.compression != "zstd" or not isinstance(changes, list) \
            or len(changes) < FRAMES_FROM:
        _write_parts(parts, pipe, end=True)
        return pipe.size, []
    frames: list[tuple[str | None, int]] = []
    frame: list[_Part] = []
    crc32, limit = zlib.crc32, (1 << 32) // FRAME_EVERY
    for part in parts:
        # _starts_frame(part[0]), spelled out: it runs for every entry
        if frame and (len(frame) >= FRAME_CAP
                      or (crc32(part[0]) * _GOLDEN) & 0xFFFFFFFF < limit):
            frames.append(_write_frame(frame, pipe, reuse, salt, end=False))
            frame = []
        frame.append(part)
    frames.append(_write_frame(frame, pipe, reuse, salt, end=True))
    return pipe.size, frames


def _write_planned(
    plan: Sequence[str | list[Change]],
    pipe: Pipeline,
    reuse: Callable[[str], tuple[bytes, int] | None] | None,
    salt: bytes,
    parts_of: Callable[[list[Change]], list[_Part]],
) -> tuple[int, list[tuple[str | None, int]]]:
    """:func:`_write_entries` of a layer whose frames are given (see :func:`write_layer`)."""
    if pipe.compression != "zstd" or reuse is None:
        raise FrameError("a layer written by plan takes frames of zstd layers")
    frames: list[tuple[str | None, int]] = []
    last = len(plan) - 1
    for i, item in enumerate(plan):
        if isinstance(item, str):
            found = reuse(item)
            if found is None:
                raise FrameError(f"the frame {item} is not in the frame index any more")
            pipe.reuse(*found)
            frames.append((item, found[1]))
            continue
        frames.append(_write_frame(parts_of(item), pipe, reuse, salt, end=i == last))
    return pipe.size, frames


def frame_sizes(paths: Iterable[str], total: int) -> list[int]:
    """How many of a layer's ``total`` entries (their ``paths``, in layer order) each of
    its frames holds, as :func:`write_layer` splits them (none when it writes no frames)."""
    if total < FRAMES_FROM:
        return []
    sizes: list[int] = []
    count = 0
    for path in paths:
        if count and (count >= FRAME_CAP or _starts_frame(path.encode("utf-8",
                                                                       "surrogateescape"))):
            sizes.append(count)
            count = 0
        count += 1
    sizes.append(count)
    return sizes


def _starts_frame(name: bytes) -> bool:
    """Whether a frame begins at the entry ``name``: the top bits of its path's CRC-32
    times :data:`_GOLDEN` are zero (the CRC's own low bits are alike across paths of one
    shape: ``d000/f00.js``... never has them all zero)."""
    return (zlib.crc32(name) * _GOLDEN) & 0xFFFFFFFF < (1 << 32) // FRAME_EVERY


def _write_frame(frame: list[_Part], pipe: Pipeline,
                 reuse: Callable[[str], tuple[bytes, int] | None] | None, salt: bytes,
                 end: bool) -> tuple[str | None, int]:
    """Write one frame of entries (the last one with the end-of-archive blocks), or put in
    the frame compressed before from the same tar bytes; its key and tar size."""
    key = _frame_key(frame, salt, end)
    if key is not None and reuse is not None:
        found = reuse(key)
        if found is not None:
            packed, raw_size = found
            pipe.reuse(packed, raw_size)
            return key, raw_size
    start = pipe.size
    _write_parts(frame, pipe, end)
    pipe.end_frame()
    return key, pipe.size - start


def _frame_key(frame: list[_Part], salt: bytes, end: bool) -> str | None:
    """What names a frame's tar bytes: every header (or a plain one's path and fields, which
    make it) and the digest of every content (None when one is unknown)."""
    named = [(name, header, ident) for name, header, _source, _size, ident in frame]
    if any(ident is None for _name, _header, ident in named):
        return None
    from blake3 import blake3

    # marshal's version 2 writes no back-references, so equal frames give equal bytes
    return blake3(salt + marshal.dumps((named, end), 2)).hexdigest()


def _write_parts(parts: Iterable[_Part], pipe: Pipeline, end: bool) -> None:
    buf = bytearray()
    put = pipe.put
    for name, header, source, size, _ident in parts:
        buf += pack_plain(name, REG, *header) if isinstance(header, tuple) else header
        if size:
            assert source is not None
            if size < _SMALL:
                buf += _read_small(source, size)
            else:
                if len(buf) >= _CHUNK or size >= _CHUNK:
                    put(buf)
                    buf = bytearray()
                    pipe.check()
                _copy_file(source, size, buf, put)
            buf += _ZEROS[: -size & 511]
        if len(buf) >= _CHUNK:
            put(buf)
            buf = bytearray()
            pipe.check()
    if end:
        buf += END_OF_ARCHIVE
    put(buf)


def _parts(
    changes: Iterable[Change],
    epoch: int | None,
    uid_gid: tuple[int, int] | None,
    mode_override: int | None,
    want_xattrs: bool,
    known: Mapping[str, Stat],
    digests: Mapping[str, Content] | None,
) -> Iterator[_Part]:
    """Each change as tar bytes to write (see :data:`_Part`), checked as it comes."""
    prev = b""
    links: dict[tuple[int, int], bytes] = {}
    max_mtime = mtime_limit(epoch)
    lstat = os.lstat
    digests = digests or {}

    for change in changes:
        path = change.path
        name = path.encode("utf-8", "surrogateescape")
        if not name or b"\0" in name:
            raise _bad_path(path)
        # with "/" made the lowest byte, byte order is the order component by component
        key = name.replace(b"/", b"\0")
        if key <= prev:
            if key == prev:
                raise LayerError(f"duplicate path in layer changes: {path!r}")
            after = prev.replace(b"\0", b"/")
            raise LayerError(f"layer changes are not sorted: {path!r} comes after {after!r}")
        prev = key
        if key[0] == 0 or key[-1] == 0 or b"\0\0" in key \
                or (b"." in name and not _DOTS.isdisjoint(name.split(b"/"))):
            raise _bad_path(path)
        if b".wh." in name and name.rpartition(b"/")[2].startswith(b".wh."):
            raise LayerError(f"a layer cannot contain a file named {path!r} (.wh. is reserved)")
        kind = change.kind

        if kind == "delete":
            base = name.rpartition(b"/")[2]
            head = name[: len(name) - len(base)]
            yield name, pack_header(head + b".wh." + base, REG, 0, 0, 0, 0, 0), None, 0, ""
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
        fmt = st.st_mode & _S_IFMT
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
                yield name, pack_header(name, LNK, mode, uid, gid, 0, mtime, first), None, 0, ""
                continue
            links[inode] = name

        if fmt == stat.S_IFREG:
            size = st.st_size
            header: bytes | _Plain
            if xattrs is None and size < _SMALL and len(name) <= 100 and name.isascii():
                # the common case: a small file that needs no PAX record (packed when written)
                header = (mode, uid, gid, size, mtime)
            else:
                header = pack_header(name, REG, mode, uid, gid, size, mtime, xattrs=xattrs)
            ident: str | None = ""
            if size:
                known_digest = digests.get(path)
                ident = known_digest[0] if known_digest and known_digest[1] == st.st_ino \
                    else None
            yield name, header, source, size, ident
        elif fmt == stat.S_IFDIR:
            header = pack_header(name + b"/", DIR, mode, uid, gid, 0, mtime, xattrs=xattrs)
            if kind == "opaque":
                header += pack_header(name + b"/" + OPAQUE_MARKER.encode(), REG, 0, 0, 0, 0, 0)
            yield name, header, None, 0, ""
        elif fmt == stat.S_IFLNK:
            try:
                target = os.readlink(source).encode("utf-8", "surrogateescape")
            except OSError as exc:
                raise LayerError(f"cannot read {source}: {exc.strerror}") from None
            yield name, pack_header(name, SYM, mode, uid, gid, 0, mtime, target,
                                    xattrs=xattrs), None, 0, ""
        elif fmt == stat.S_IFCHR or fmt == stat.S_IFBLK:
            if fmt == stat.S_IFCHR and st.st_rdev == 0:
                raise LayerError(
                    f"{path!r} is an overlay whiteout (char device 0:0): pass it as a delete change"
                )
            typeflag = CHR if fmt == stat.S_IFCHR else BLK
            major, minor = os.major(st.st_rdev), os.minor(st.st_rdev)
            yield name, pack_header(name, typeflag, mode, uid, gid, 0, mtime, b"", major, minor,
                                    xattrs), None, 0, ""
        elif fmt == stat.S_IFIFO:
            yield name, pack_header(name, FIFO, mode, uid, gid, 0, mtime,
                                    xattrs=xattrs), None, 0, ""
        # sockets (and anything else tar cannot carry) are skipped


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
