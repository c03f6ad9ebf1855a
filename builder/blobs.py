"""Atomic, verified files: the blob writer and reader, file locks, tree removal.

A :class:`BlobWriter` writes to a temp file, hashes while writing, fsyncs and renames to the
name its digest gives, so a file under that name is always complete. A :class:`BlobReader`
checks size and digest as the content is read and raises at EOF on a mismatch.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import stat
from pathlib import Path

from builder.descriptor import Descriptor, check_digest
from builder.errors import DigestError, StoreError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any, BinaryIO


def fsync_dir(path: Path) -> None:
    """fsync a directory, so a rename in it is durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(
    path: Path, *, mode: int = 0o644, tmp_dir: Path | None = None, durable: bool = True
) -> Iterator[BinaryIO]:
    """Write ``path`` all at once or not at all: yield a temp file (in ``tmp_dir``, on the same
    filesystem; default beside ``path``) that replaces ``path`` with ``mode`` when the block
    ends; ``durable`` fsyncs the file and the directory. On an error the temp file goes."""
    import tempfile

    fd, name = tempfile.mkstemp(dir=tmp_dir or path.parent or ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(name, mode)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, tmp_dir: Path | None = None) -> None:
    """Replace ``path`` with ``data`` (mode 0644) durably (see :func:`atomic_file`)."""
    with atomic_file(path, tmp_dir=tmp_dir) as f:
        f.write(data)


@contextlib.contextmanager
def flock(path: Path, *, exclusive: bool = True, blocking: bool = True) -> Iterator[bool]:
    """Hold an ``fcntl.flock`` on ``path``; yields False if ``blocking`` is off and it is taken."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, mode if blocking else mode | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


WRITEBACK_CHUNK = 8 << 20
"""How much a blob writer lets pile up in the page cache before it starts writing it back."""


class BlobWriter(io.RawIOBase):
    """A write-only stream into the store; :meth:`commit` verifies and publishes the blob."""

    def __init__(self, tmp_dir: Path, target: Callable[[str], Path],
                 expected_digest: str | None, media_type: str) -> None:
        import tempfile

        super().__init__()
        self._target = target
        self._expected = check_digest(expected_digest) if expected_digest else None
        self.media_type = media_type
        fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="blob-")
        self._path = Path(name)
        self._file: BinaryIO | None = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self.size = 0
        self._written_back = 0  # bytes whose writeback has been started
        self.descriptor: Descriptor | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self._file is None:
            raise ValueError("write to a finished blob writer")
        view = memoryview(data).cast("B")
        self._file.write(view)
        self._hash.update(view)
        self.size += len(view)
        if self.size - self._written_back >= WRITEBACK_CHUNK:
            self._write_back()
        return len(view)

    def _write_back(self) -> None:
        """Start writing what came since the last call to disk, without waiting: the disk
        works while the rest is made, and :meth:`commit`'s fsync has only the tail left
        (a large layer would otherwise sit in the page cache until then)."""
        from builder.runtime import syscalls as sc

        assert self._file is not None
        self._file.flush()
        with contextlib.suppress(OSError):  # a hint: a file system may not support it
            sc.sync_file_range(self._file.fileno(), self._written_back,
                               self.size - self._written_back)
        self._written_back = self.size

    def current_digest(self) -> str:
        """The digest of what was written so far."""
        return "sha256:" + self._hash.hexdigest()

    def commit(self, media_type: str | None = None) -> Descriptor:
        """Flush, fsync, check the digest and rename into ``blobs/sha256/``."""
        if self.descriptor is not None:
            return self.descriptor
        if self._file is None:
            raise StoreError("blob writer was aborted")
        file, self._file = self._file, None
        try:
            file.flush()
            os.fchmod(file.fileno(), 0o644)
            os.fsync(file.fileno())
        finally:
            file.close()
        digest = "sha256:" + self._hash.hexdigest()
        if self._expected is not None and digest != self._expected:
            self._path.unlink(missing_ok=True)
            raise DigestError(f"digest mismatch: expected {self._expected}, got {digest}")
        target = self._target(digest)
        os.replace(self._path, target)
        fsync_dir(target.parent)
        self.descriptor = Descriptor(media_type or self.media_type, digest, self.size)
        return self.descriptor

    def abort(self) -> None:
        """Drop what was written."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self.descriptor is None:
            self._path.unlink(missing_ok=True)

    def close(self) -> None:
        if self.descriptor is None:
            self.abort()
        super().close()


class BlobReader(io.RawIOBase):
    """Reads a blob and raises :class:`DigestError` at EOF if its size or digest is wrong."""

    def __init__(
        self, path: Path, digest: str, size: int | None, *, follow_symlinks: bool = True
    ) -> None:
        super().__init__()
        flags = 0 if follow_symlinks else os.O_NOFOLLOW
        self._file = open(  # noqa: SIM115 - closed by close()
            path, "rb", opener=lambda p, f: os.open(p, f | flags)
        )
        self._digest = digest
        self._size = size
        self._hash = hashlib.sha256()
        self._read = 0
        self._checked = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        n = self._file.readinto(view) or 0
        if n:
            self._hash.update(view[:n])
            self._read += n
            if self._size is not None and self._read > self._size:
                raise DigestError(f"blob {self._digest} is larger than {self._size} bytes")
        elif len(view) and not self._checked:
            self._checked = True
            if self._size is not None and self._read != self._size:
                raise DigestError(
                    f"blob {self._digest} has {self._read} bytes, expected {self._size}"
                )
            got = "sha256:" + self._hash.hexdigest()
            if got != self._digest:
                raise DigestError(f"blob {self._digest} is corrupt: its content hashes to {got}")
        return n

    def close(self) -> None:
        self._file.close()
        super().close()


def file_size(path: Path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0


def _lstats(path: str) -> Iterator[os.stat_result]:
    """The lstat of every entry under ``path``, walked without recursion (a tree may be as
    deep as a container made it); what cannot be read is left out."""
    stack = [path]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    stack.append(entry.path)
                yield st


def tree_size(path: Path) -> int:
    """The bytes ``path``'s entries take, directories included (what removing it frees)."""
    return sum(st.st_size for st in _lstats(os.fspath(path)))


def counted_size(path: str) -> int:
    """The bytes of what is under ``path`` as Docker's overlay driver counts a layer: the
    sizes of everything but directories (a symlink's is its target's length), each inode
    once; 0 when ``path`` is missing."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for st in _lstats(path):
        if st.st_size and not stat.S_ISDIR(st.st_mode) and (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            total += st.st_size
    return total
