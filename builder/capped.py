"""Reading inputs that should be small (a Dockerfile, a ``.dockerignore``) with a bound, so
that a huge file, a device such as ``/dev/zero`` or an endless pipe fails at once instead of
filling memory. FIFOs and pipes are read to their end, as long as it comes within the bound."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

MAX_SMALL_FILE = 16 << 20  # far beyond any real Dockerfile or .dockerignore
LIMIT_TEXT = "16 MiB"
_CHUNK = 1 << 20


def read_capped(source: str | os.PathLike[str] | BinaryIO,
                limit: int = MAX_SMALL_FILE) -> bytes | None:
    """All of ``source`` (a path or an open binary stream), or None when it holds more than
    ``limit`` bytes; at most ``limit + 1`` bytes are read. Raises ``OSError`` as ``open``."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            return read_capped(f, limit)
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = source.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return None if size > limit else b"".join(chunks)
