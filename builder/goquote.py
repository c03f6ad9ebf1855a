"""Go's ``strconv.Quote`` (``%q``), in which Docker and BuildKit quote words in messages and
output: printable characters as they are, the rest escaped, and a byte that is not UTF-8
(kept by ``surrogateescape``) as ``\\xNN``."""

from __future__ import annotations

_NAMED_ESCAPES = {
    "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v",
    '"': '\\"', "\\": "\\\\",
}  # fmt: skip


def go_quote(s: str, ascii_only: bool = False) -> str:
    """``s`` quoted as Go's ``strconv.Quote`` does it (``QuoteToASCII`` with ``ascii_only``:
    every non-ASCII character escaped too)."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    out = ['"']
    for ch in s:
        esc = _NAMED_ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch.isprintable() and (not ascii_only or o < 0x80):
            out.append(ch)
        elif o < 0x80:
            out.append(f"\\x{o:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append("\\ufffd")
        elif o < 0x10000:
            out.append(f"\\u{o:04x}")
        else:
            out.append(f"\\U{o:08x}")
    out.append('"')
    return "".join(out)
