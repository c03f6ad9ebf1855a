"""The layer tar header format: packing (PAX as Go's ``archive/tar`` writes it) and parsing.

A header is 512 bytes: the ustar fields, magic ``ustar\\0`` + ``00``, numbers in zero-padded
octal with a NUL terminator, and the checksum as six octal digits, NUL, space. Values that do
not fit (long or non-ASCII names, big sizes or ids, xattrs) go into a PAX extended header
(typeflag ``x``) written just before the entry.
"""

from __future__ import annotations

import struct
import zlib

from builder.errors import LayerError
from builder.record import Record

BLOCK = 512
END_OF_ARCHIVE = bytes(2 * BLOCK)

REG, LNK, SYM, CHR, BLK, DIR, FIFO, CONT = b"0", b"1", b"2", b"3", b"4", b"5", b"6", b"7"
PAX_LOCAL, PAX_GLOBAL, GNU_LONGNAME, GNU_LONGLINK = b"x", b"g", b"L", b"K"

MAX_OCTAL_7 = 0o7777777
MAX_OCTAL_11 = 0o77777777777

_HEADER = struct.Struct("100s8s8s8s12s12s8s1s100s6s2s32s32s8s8s155s12s")
_ZERO7 = b"0000000"
# Everything after the typeflag of a plain header: linkname, magic + version, uname, gname,
# devmajor, devminor, prefix, padding.
_PLAIN_TAIL = bytes(100) + b"ustar\x0000" + bytes(64) + _ZERO7 + b"\0" + _ZERO7 + b"\0" + bytes(167)


def pad(size: int) -> int:
    """Bytes of zero padding after ``size`` bytes of content."""
    return -size & (BLOCK - 1)


def _checksummed(hdr: bytes) -> bytes:
    # Every byte we put in a header is ASCII (< 128), so the 512-byte sum stays below 65521
    # and is exactly adler32's low half minus one: a C-speed byte sum.
    chk = (zlib.adler32(hdr) & 0xFFFF) - 1
    return b"%s%06o\0 %s" % (hdr[:148], chk, hdr[156:])


def pack_plain(
    name: bytes, typeflag: bytes, mode: int, uid: int, gid: int, size: int, mtime: int
) -> bytes:
    """The fast path of :func:`pack_header`: an ASCII name of at most 100 bytes, no link,
    no device, no xattrs. Falls back to :func:`pack_header` for ids or sizes that need PAX."""
    if uid > MAX_OCTAL_7 or gid > MAX_OCTAL_7 or size > MAX_OCTAL_11:
        return pack_header(name, typeflag, mode, uid, gid, size, mtime)
    return _checksummed(
        b"%s%07o\0%07o\0%07o\0%011o\0%011o\0        %s%s"
        % (name.ljust(100, b"\0"), mode, uid, gid, size, mtime, typeflag, _PLAIN_TAIL)
    )


def pack_header(
    name: bytes,
    typeflag: bytes,
    mode: int,
    uid: int,
    gid: int,
    size: int,
    mtime: int,
    linkname: bytes = b"",
    devmajor: int = 0,
    devminor: int = 0,
    xattrs: dict[str, bytes] | None = None,
) -> bytes:
    """Return the header block(s) for one entry: an optional PAX header, then the ustar block.

    ``name`` and ``linkname`` are raw bytes (UTF-8 or whatever the file system holds).
    """
    records: dict[str, bytes] | None = None
    if len(name) > 100 or not name.isascii():
        records = {"path": name}
        name = name.decode("latin-1").encode("ascii", "ignore")[:100]
    if linkname and (len(linkname) > 100 or not linkname.isascii()):
        records = records or {}
        records["linkpath"] = linkname
        linkname = linkname.decode("latin-1").encode("ascii", "ignore")[:100]
    if size > MAX_OCTAL_11:
        records = records or {}
        records["size"] = b"%d" % size
        size = 0
    if uid > MAX_OCTAL_7 or gid > MAX_OCTAL_7:
        records = records or {}
        if uid > MAX_OCTAL_7:
            records["uid"] = b"%d" % uid
            uid = 0
        if gid > MAX_OCTAL_7:
            records["gid"] = b"%d" % gid
            gid = 0
    if xattrs:
        records = records or {}
        for key, value in xattrs.items():
            records["SCHILY.xattr." + key] = value
    hdr = _checksummed(
        _HEADER.pack(
            name,
            b"%07o" % mode,
            b"%07o" % uid,
            b"%07o" % gid,
            b"%011o" % size,
            b"%011o" % mtime,
            b"        ",
            typeflag,
            linkname,
            b"ustar\0",
            b"00",
            b"",
            b"",
            b"%07o" % devmajor if devmajor else _ZERO7,
            b"%07o" % devminor if devminor else _ZERO7,
            b"",
            b"",
        )
    )
    if records is None:
        return hdr
    return pax_header(name, records) + hdr


def pax_header(name: bytes, records: dict[str, bytes]) -> bytes:
    """A PAX extended header (typeflag ``x``) carrying ``records``, sorted by key."""
    body = b"".join(
        _pax_record(k.encode("utf-8", "surrogateescape"), v) for k, v in sorted(records.items())
    )
    head, _, base = name.rstrip(b"/").rpartition(b"/")
    pax_name = (head + b"/" if head else b"") + b"PaxHeaders.0/" + base
    hdr = _checksummed(
        _HEADER.pack(
            pax_name[:100], _ZERO7, _ZERO7, _ZERO7, b"%011o" % len(body), b"%011o" % 0,
            b"        ", PAX_LOCAL, b"", b"ustar\0", b"00", b"", b"", _ZERO7, _ZERO7, b"", b"",
        )
    )
    return hdr + body + bytes(pad(len(body)))


def _pax_record(key: bytes, value: bytes) -> bytes:
    # "<len> <key>=<value>\n" where <len> counts itself.
    rest = len(key) + len(value) + 3
    size = rest + len(str(rest))
    if len(str(size)) != len(str(rest)):
        size += 1
    return b"%d %s=%s\n" % (size, key, value)


# --- parsing -------------------------------------------------------------------------------


class Header(Record):
    """One parsed entry, with PAX / GNU long-name records already applied."""

    __slots__ = ("name", "typeflag", "mode", "uid", "gid", "size", "mtime_ns", "linkname",
                 "devmajor", "devminor", "xattrs")
    _hashable = False
    name: bytes
    typeflag: bytes
    mode: int
    uid: int
    gid: int
    size: int
    mtime_ns: int
    linkname: bytes
    devmajor: int
    devminor: int
    xattrs: dict[str, bytes]

    def __init__(self, name: bytes, typeflag: bytes, mode: int, uid: int, gid: int, size: int,
                 mtime_ns: int, linkname: bytes = b"", devmajor: int = 0, devminor: int = 0,
                 xattrs: dict[str, bytes] | None = None) -> None:
        self.name = name
        self.typeflag = typeflag
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.mtime_ns = mtime_ns
        self.linkname = linkname
        self.devmajor = devmajor
        self.devminor = devminor
        self.xattrs = {} if xattrs is None else xattrs


def parse_number(field_: bytes, what: str, offset: int) -> int:
    """Parse an octal (or GNU base-256) numeric field."""
    if field_ and field_[0] & 0x80:
        value = int.from_bytes(field_[1:], "big")
        if field_[0] & 0x40:  # negative base-256
            value -= 1 << (8 * (len(field_) - 1))
        return value
    text = field_.split(b"\0", 1)[0].strip(b" ")
    if not text:
        return 0
    try:
        return int(text, 8)
    except ValueError:
        raise LayerError(f"invalid {what} field {text!r} in tar header at offset {offset}") from (
            None
        )


def verify_checksum(block: bytes, offset: int) -> None:
    """Raise LayerError unless the header's checksum (unsigned or signed sum) matches."""
    stored = parse_number(block[148:156], "checksum", offset)
    unsigned = sum(block[:148]) + 256 + sum(block[156:])
    if stored == unsigned:
        return
    signed = sum(struct.unpack("148b", block[:148])) + 256 + sum(struct.unpack("356b", block[156:]))
    if stored != signed:
        raise LayerError(f"bad tar header checksum at offset {offset}: not a valid layer tarball")


def parse_pax(data: bytes, offset: int) -> dict[bytes, bytes]:
    """Parse the records of a PAX extended header body."""
    records: dict[bytes, bytes] = {}
    pos = 0
    while pos < len(data):
        if data[pos] == 0:  # some writers pad the body with NULs
            break
        space = data.find(b" ", pos)
        if space < 0:
            raise LayerError(f"malformed PAX record in tar header at offset {offset}")
        try:
            length = int(data[pos:space])
        except ValueError:
            raise LayerError(f"malformed PAX record length at offset {offset}") from None
        end = pos + length
        if length <= 0 or end > len(data) or data[end - 1 : end] != b"\n":
            raise LayerError(f"malformed PAX record in tar header at offset {offset}")
        key, eq, value = data[space + 1 : end - 1].partition(b"=")
        if not eq:
            raise LayerError(f"malformed PAX record (no '=') at offset {offset}")
        records[key] = value
        pos = end
    return records


def parse_pax_time(value: bytes, offset: int) -> int:
    """A PAX decimal timestamp (seconds, optional fraction) in nanoseconds."""
    try:
        text = value.decode("ascii")
        neg = text.startswith("-")
        whole, _, frac = text.lstrip("-").partition(".")
        ns = int(whole or "0") * 1_000_000_000 + int((frac + "000000000")[:9] or "0")
    except ValueError:
        raise LayerError(f"malformed PAX mtime {value!r} at offset {offset}") from None
    return -ns if neg else ns
