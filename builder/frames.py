"""The frame index: where the zstd frames of committed layers are, by the tar bytes they hold.

A layer of many entries is written in frames (:data:`builder.layers.writer.FRAMES_FROM`),
each keyed by its entries' headers and the blake3 digests of their contents. When a layer
is written again with most of its entries unchanged (a COPY of a context where one file
changed), each unchanged frame is read back from the blob that has it instead of its files
being read and compressed again.

``<root>/cache/frames`` (diskcache) maps a key to ``(blob digest, offset, size, tar size)``.
A frame is used only if its blob is still in the store and the bytes recorded are one whole
zstd frame. The writer's hasher decompresses it to hash the tar bytes it holds into the new
layer's diff_id like any others, so a wrong frame cannot pass unseen into a layer whose
content the key did not name; if it does not give as many bytes as recorded, the layer is
written again without taking frames (:class:`~builder.errors.FrameError`). Records of
blobs gone are dropped when looked up, and the index keeps at most :data:`SIZE_LIMIT`
bytes (least recently stored go first).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from builder.errors import DockyardError

if TYPE_CHECKING:
    from builder.layers.writer import Frame

SIZE_LIMIT = 64 << 20


class FrameIndex:
    """The frame index of a store (see the module docstring); close it after use. The
    database is opened when first asked: most layers are not written in frames."""

    def __init__(self, directory: Path, blob_path: Callable[[str], Path]) -> None:
        self._directory = directory
        self._opened: Any = None
        self._blob_path = blob_path
        self._open: dict[str, BinaryIO | None] = {}

    @property
    def _cache(self) -> Any:
        if self._opened is None:
            import diskcache  # type: ignore[import-untyped]

            self._opened = diskcache.Cache(str(self._directory), size_limit=SIZE_LIMIT)
        return self._opened

    def lookup(self, key: str) -> tuple[bytes, int] | None:
        """The frame keyed ``key``, compressed, and the size of the tar bytes it holds; None
        when no usable one is known. (The layer writer's hasher decompresses it: see
        :meth:`builder.layers.compression.Pipeline.reuse`.)"""
        from builder.layers.compression import frame_size

        record = self._cache.get(key)
        if not (isinstance(record, tuple) and len(record) == 4):
            return None
        blob, offset, size, raw_size = record
        reader = self._reader(blob)
        if reader is None:
            self._cache.delete(key)
            return None
        try:
            reader.seek(offset)
            packed = reader.read(size)
        except OSError:
            return None
        if len(packed) != size or frame_size(packed) != size:
            return None
        return packed, raw_size

    def _reader(self, blob: str) -> BinaryIO | None:
        if blob not in self._open:
            try:
                self._open[blob] = open(self._blob_path(blob), "rb")  # noqa: SIM115
            except (OSError, DockyardError):  # gone, or no digest
                self._open[blob] = None
        return self._open[blob]

    def record(self, blob: str, frames: Iterable[Frame]) -> None:
        """Remember the keyed ``frames`` of the committed ``blob``."""
        with self._cache.transact():
            for key, offset, size, raw_size in frames:
                if key is not None:
                    self._cache.set(key, (blob, offset, size, raw_size))

    def close(self) -> None:
        for reader in self._open.values():
            if reader is not None:
                with contextlib.suppress(OSError):
                    reader.close()
        self._open.clear()
        if self._opened is not None:
            self._opened.close()
            self._opened = None
