"""Safe extraction of a build context that arrives as a tar stream (``docker build -``)."""

from __future__ import annotations

import errno
import tarfile
from pathlib import Path
from typing import IO, BinaryIO, cast

import zstandard

from builder.errors import ContextError

__all__ = ["extract_tar", "is_archive", "joined", "peek"]

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_COMPRESSED_MAGICS = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", _ZSTD_MAGIC)


def is_archive(head: bytes) -> bool:
    """Whether the first 512 bytes of a stream look like a (compressed) tar archive."""
    if head.startswith(_COMPRESSED_MAGICS):
        return True
    return len(head) >= 262 and head[257:262] == b"ustar"


def extract_tar(stream: BinaryIO, dest: Path | str) -> None:
    """Extract a context tarball (plain, gzip, bzip2, xz or zstd) into the directory ``dest``.

    Every path stays inside ``dest``: a leading ``/`` is dropped, a ``..`` that climbs above
    it is refused, and so is an entry below or in place of an earlier symlink (or below a
    file), a hardlink to anything but an earlier file or symlink of the archive, and a FIFO
    or device. Symlinks may point anywhere (they are recorded, never followed). Permission
    bits and times are kept as archived; owners are not (the files are the caller's).
    """
    from builder.rootdir import RootDir
    from builder.unpack import extract_members

    head = peek(stream, 512)
    if head.startswith(_ZSTD_MAGIC):
        reader: IO[bytes] = cast(
            IO[bytes],
            zstandard.ZstdDecompressor().stream_reader(
                joined(head, stream), read_across_frames=True
            ),
        )
    else:
        reader = joined(head, stream)
    kinds: dict[str, str] = {}

    def check(member: tarfile.TarInfo) -> None:
        if member.isdev() or member.isfifo():
            raise ContextError(
                f"build context archive: {member.name!r} is a device or fifo, which a build "
                "context cannot hold"
            )
        name = _inside(member.name, member.name)
        comps = name.split("/")
        for i in range(1, len(comps)):
            if kinds.get("/".join(comps[:i]), "dir") != "dir":
                raise ContextError(
                    f"build context archive: {member.name!r} lies below a non-directory entry"
                )
        if kinds.get(name) == "sym" or (name in kinds and member.isdir() != (kinds[name] == "dir")):
            raise ContextError(f"build context archive: {member.name!r} replaces another entry")
        if member.islnk():
            if member.linkname.startswith("/"):
                raise ContextError(f"unsafe build context archive: hardlink {member.name!r} "
                                   f"has the absolute target {member.linkname!r}")
            kind = kinds.get(_inside(member.linkname, member.name))
            if kind not in ("file", "sym"):
                raise ContextError(
                    f"unsafe build context archive: hardlink {member.name!r} points at "
                    f"{member.linkname!r}, which is no file earlier in the archive"
                )
            kinds[name] = kind
        else:
            kinds[name] = "dir" if member.isdir() else "sym" if member.issym() else "file"

    try:
        with RootDir(dest) as root, tarfile.open(fileobj=reader, mode="r|*") as tar:
            extract_members(tar, root, None, check=check, chown=False)
    except (tarfile.TarError, EOFError, zstandard.ZstdError, OSError) as e:
        if isinstance(e, OSError) and e.errno not in (None, errno.EINVAL, errno.EIO):
            raise ContextError(f"cannot extract the build context archive: {e}") from None
        raise ContextError(f"the build context archive is not a valid tar stream: {e}") from None


def _inside(path: str, entry: str) -> str:
    """``path`` of the archive's entry ``entry``, relative and clean; a ``..`` that climbs
    above the archive's root is a ContextError."""
    from builder.errors import BuildError
    from builder.unpack import path_parts

    try:
        return "/".join(path_parts(path, "entry"))
    except BuildError:
        raise ContextError(f"unsafe build context archive: {entry!r} leads outside "
                           "the context") from None


def peek(stream: BinaryIO, n: int) -> bytes:
    """Read up to ``n`` bytes (fewer only at EOF)."""
    head = b""
    while len(head) < n:
        more = stream.read(n - len(head))
        if not more:
            break
        head += more
    return head


class _Joined:
    """A read-only stream of ``head`` followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def read(self, n: int = -1) -> bytes:
        if self._head:
            if n < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:n], self._head[n:]
            if len(data) < n:  # callers sniff magic numbers from one read: fill it
                data += self._stream.read(n - len(data))
            return data
        return self._stream.read(n)

    def readable(self) -> bool:
        return True


def joined(head: bytes, stream: BinaryIO) -> BinaryIO:
    """``head`` (already read from ``stream``) followed by the rest of ``stream``."""
    return cast(BinaryIO, _Joined(head, stream))
