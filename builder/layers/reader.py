"""A streaming tar reader for layers: strict about structure, lenient about dialects.

Reads ustar, PAX (local headers; global headers are skipped, as Docker does), GNU long names
and v7 headers from a sequential stream. Truncation, bad checksums, malformed PAX records and
a missing end-of-archive marker raise LayerError.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from builder.errors import LayerError
from builder.layers.tarformat import (
    BLK,
    BLOCK,
    CHR,
    DIR,
    FIFO,
    GNU_LONGLINK,
    GNU_LONGNAME,
    LNK,
    PAX_GLOBAL,
    PAX_LOCAL,
    SYM,
    Header,
    pad,
    parse_number,
    parse_pax,
    parse_pax_time,
    verify_checksum,
)

_ZERO_BLOCK = bytes(BLOCK)
_HEADER_ONLY = frozenset((LNK, SYM, CHR, BLK, DIR, FIFO))
_MAX_META = 1 << 20  # PAX / GNU long-name bodies larger than this are refused
_CHUNK = 1 << 20
_MAX_NS = (1 << 62) - 1  # keeps any timestamp within what utimensat accepts


class TarReader:
    """Iterate the entries of a tar stream; read each entry's data before the next one.

    Data not read by the consumer is skipped automatically.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.offset = 0
        self._data_left = 0
        self._pad_left = 0

    def _read(self, n: int) -> bytes:
        data = self._stream.read(n)
        while len(data) < n:
            more = self._stream.read(n - len(data))
            if not more:
                raise LayerError(
                    f"truncated layer tarball: unexpected end of data at offset "
                    f"{self.offset + len(data)}"
                )
            data += more
        self.offset += n
        return data

    def _skip(self, n: int) -> None:
        while n:
            step = min(n, _CHUNK)
            self._read(step)
            n -= step

    def read(self, n: int = _CHUNK) -> bytes:
        """Up to ``n`` bytes of the current entry's data; b"" at its end."""
        n = min(n, self._data_left)
        if n <= 0:
            return b""
        data = self._read(n)
        self._data_left -= n
        return data

    def copy_to_fd(self, fd: int) -> int:
        """Write the rest of the current entry's data to ``fd``; return the byte count."""
        total = 0
        while self._data_left:
            data = self.read(_CHUNK)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            total += len(data)
        return total

    def _finish_entry(self) -> None:
        if self._data_left or self._pad_left:
            self._skip(self._data_left + self._pad_left)
            self._data_left = self._pad_left = 0

    def __iter__(self) -> Iterator[Header]:
        pax: dict[bytes, bytes] = {}
        long_name: bytes | None = None
        long_link: bytes | None = None
        while True:
            self._finish_entry()
            at = self.offset
            block = self._stream.read(BLOCK)
            if len(block) < BLOCK:
                if not block:
                    raise LayerError(
                        f"truncated layer tarball: no end-of-archive marker (offset {at})"
                    )
                self.offset = at + len(block)
                block += self._read(BLOCK - len(block))
            self.offset = at + BLOCK
            if block == _ZERO_BLOCK:
                if pax or long_name is not None or long_link is not None:
                    raise LayerError(f"tar extended header without an entry at offset {at}")
                return
            verify_checksum(block, at)
            typeflag = block[156:157]
            size = parse_number(block[124:136], "size", at)
            if size < 0:
                raise LayerError(f"negative size in tar header at offset {at}")

            if typeflag in (PAX_LOCAL, PAX_GLOBAL, GNU_LONGNAME, GNU_LONGLINK):
                if size > _MAX_META:
                    raise LayerError(f"oversized tar extended header ({size} bytes) at offset {at}")
                body = self._read(size)
                self._skip(pad(size))
                if typeflag == PAX_LOCAL:
                    pax.update(parse_pax(body, at))
                elif typeflag == GNU_LONGNAME:
                    long_name = body.split(b"\0", 1)[0]
                elif typeflag == GNU_LONGLINK:
                    long_link = body.split(b"\0", 1)[0]
                continue  # global headers are ignored, like Docker does

            header = self._build(block, typeflag, size, pax, long_name, long_link, at)
            pax, long_name, long_link = {}, None, None
            self._data_left = 0 if header.typeflag in _HEADER_ONLY else header.size
            self._pad_left = pad(self._data_left)
            yield header

    def _build(
        self,
        block: bytes,
        typeflag: bytes,
        size: int,
        pax: dict[bytes, bytes],
        long_name: bytes | None,
        long_link: bytes | None,
        at: int,
    ) -> Header:
        name = block[0:100].split(b"\0", 1)[0]
        magic = block[257:263]
        if magic == b"ustar\0":
            prefix = block[345:500].split(b"\0", 1)[0]
            if prefix:
                name = prefix + b"/" + name
        if long_name is not None:
            name = long_name
        linkname = block[157:257].split(b"\0", 1)[0]
        if long_link is not None:
            linkname = long_link
        header = Header(
            name=name,
            typeflag=typeflag,
            mode=parse_number(block[100:108], "mode", at) & 0o7777,
            uid=parse_number(block[108:116], "uid", at),
            gid=parse_number(block[116:124], "gid", at),
            size=size,
            mtime_ns=parse_number(block[136:148], "mtime", at) * 1_000_000_000,
            linkname=linkname,
        )
        if typeflag in (CHR, BLK):
            header.devmajor = parse_number(block[329:337], "devmajor", at)
            header.devminor = parse_number(block[337:345], "devminor", at)
        for key, value in pax.items():
            if key == b"path":
                header.name = value
            elif key == b"linkpath":
                header.linkname = value
            elif key in (b"size", b"uid", b"gid"):
                try:
                    number = int(value)
                except ValueError:
                    raise LayerError(f"malformed PAX {key.decode()} at offset {at}") from None
                if number < 0:
                    raise LayerError(f"negative PAX {key.decode()} at offset {at}")
                setattr(header, key.decode(), number)
            elif key == b"mtime":
                header.mtime_ns = parse_pax_time(value, at)
            elif key.startswith(b"SCHILY.xattr."):
                header.xattrs[key[13:].decode("utf-8", "surrogateescape")] = value
            elif key.startswith(b"GNU.sparse."):
                raise LayerError(f"sparse files are not supported in layers (offset {at})")
        header.mtime_ns = max(-_MAX_NS, min(header.mtime_ns, _MAX_NS))
        if not header.name:
            raise LayerError(f"tar entry with an empty name at offset {at}")
        if b"\0" in header.name or b"\0" in header.linkname:
            raise LayerError(f"tar entry name contains NUL at offset {at}")
        return header

    def drain(self) -> None:
        """Read the stream to its end (padding after the end marker; validates compression)."""
        self._finish_entry()
        while self._stream.read(_CHUNK):
            pass
