"""A layer's content size as Docker counts it, read from its tar."""

from __future__ import annotations

from typing import BinaryIO

from builder.layers.reader import TarReader
from builder.layers.tarformat import BLK, CHR, DIR, FIFO, LNK, SYM
from builder.layers.writer import WHITEOUT_PREFIX

_NO_BYTES = frozenset((LNK, CHR, BLK, DIR, FIFO))


def content_size(tar: BinaryIO) -> int:
    """The bytes the layer in the (uncompressed) ``tar`` stream holds once extracted, as
    Docker's overlay driver counts them: each file's size (a hardlink's inode once), each
    symlink's target length; directories, devices, FIFOs and whiteouts nothing. An entry
    written twice counts as its last. Malformed input raises LayerError."""
    sizes: dict[bytes, int] = {}
    for header in TarReader(tar):
        name = header.name.strip(b"/")
        while name.startswith(b"./"):
            name = name[2:].lstrip(b"/")
        if name.rpartition(b"/")[2].startswith(WHITEOUT_PREFIX.encode()):
            sizes[name] = 0
        elif header.typeflag == SYM:
            sizes[name] = len(header.linkname)
        else:
            sizes[name] = 0 if header.typeflag in _NO_BYTES else header.size
    return sum(sizes.values())
