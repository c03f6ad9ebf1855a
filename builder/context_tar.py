"""Safe extraction of a build context that arrives as a tar stream (``docker build -``)."""

from __future__ import annotations

import errno
import tarfile
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

import zstandard

from builder.errors import ContextError
from builder.ignore import go_clean

__all__ = ["extract_tar", "is_archive", "joined", "peek"]

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_COMPRESSED_MAGICS = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", _ZSTD_MAGIC)
_NONE: Any = None


def is_archive(head: bytes) -> bool:
    """Whether the first 512 bytes of a stream look like a (compressed) tar archive."""
    if head.startswith(_COMPRESSED_MAGICS):
        return True
    return len(head) >= 262 and head[257:262] == b"ustar"


def extract_tar(stream: BinaryIO, dest: Path | str) -> None:
    """Extract a context tarball (plain, gzip, bzip2, xz or zstd) into the directory ``dest``.

    Uses ``tarfile``'s ``data`` filter (no absolute paths, no ``..``, no link escaping
    ``dest``, no devices) plus checks of our own: no entry may pass through an earlier
    symlink or replace one, and FIFOs/devices are refused. Symlinks may point anywhere
    (they are recorded, never followed). Permission bits are kept as archived; owners are not.
    """
    dest_path = Path(dest)
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

    def check(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        if member.isdev() or member.isfifo():
            raise ContextError(
                f"build context archive: {member.name!r} is a device or fifo, which a build "
                "context cannot hold"
            )
        name = go_clean("/" + member.name).lstrip("/")
        comps = name.split("/")
        for i in range(1, len(comps)):
            if kinds.get("/".join(comps[:i]), "dir") != "dir":
                raise ContextError(
                    f"build context archive: {member.name!r} lies below a non-directory entry"
                )
        if kinds.get(name) == "sym" or (name in kinds and member.isdir() != (kinds[name] == "dir")):
            raise ContextError(f"build context archive: {member.name!r} replaces another entry")
        if member.issym():
            filtered = tarfile.tar_filter(member, path)
        else:
            filtered = tarfile.data_filter(member, path)
        kinds[name] = "dir" if member.isdir() else "sym" if member.issym() else "file"
        if member.isreg() or member.isdir():
            return filtered.replace(
                mode=member.mode & 0o7777,
                uid=_NONE,
                gid=_NONE,
                uname=_NONE,
                gname=_NONE,
                deep=False,
            )
        return filtered.replace(uid=_NONE, gid=_NONE, uname=_NONE, gname=_NONE, deep=False)

    try:
        with tarfile.open(fileobj=reader, mode="r|*") as tar:
            tar.extractall(dest_path, filter=check)
    except tarfile.FilterError as e:
        raise ContextError(f"unsafe build context archive: {e}") from None
    except (tarfile.TarError, EOFError, zstandard.ZstdError, OSError) as e:
        if isinstance(e, OSError) and e.errno not in (None, errno.EINVAL, errno.EIO):
            raise ContextError(f"cannot extract the build context archive: {e}") from None
        raise ContextError(f"the build context archive is not a valid tar stream: {e}") from None


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
