"""``COPY``/``ADD --chmod``: an octal mode, or a symbolic one as chmod(1) reads it.

An octal value (up to 07777) replaces every copied entry's mode. A symbolic value
(Dockerfile syntax 1.14) changes each entry's own mode, as BSD's setmode(3) applies it with
no umask, which is what BuildKit does: comma-separated clauses ``[ugoa]*`` followed by one or
more ``[-+=]`` groups of ``rwxXst`` or one of ``ugo`` (copying that class's bits).
``X`` adds execute only to directories and to what has an execute bit already, and only
after ``+`` (setmode ignores it after ``=`` and ``-``): ``a+rX`` gives directories and
executables 0755 from 0700, plain files 0644 from 0600. A run of ``+``/``-``/``X`` changes is
merged into one clear, one set and one conditional set, as setmode does.
"""

from __future__ import annotations

import re

from builder.errors import BuildError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

__all__ = ["Chmod", "parse_chmod"]

_OCTAL = re.compile(r"[0-7]+")
_SETID = 0o6000
_STICKY = 0o1000
_STANDARD = 0o6777  # set-ids and rwx for all: what "a" and a bare "=" cover
_WHO = {"u": 0o4700, "g": 0o2070, "o": 0o0007, "a": _STANDARD}
_PERM = {"r": 0o444, "w": 0o222, "x": 0o111}
_SHIFT = {"u": 6, "g": 3, "o": 0}

# one change: (kind, bits, targets, set, clear). kind "+", "-", "X" (set if the entry is a
# directory or has an execute bit) or "u"/"g"/"o": copy that class's bits into the
# ``targets`` classes (within ``bits``), setting and/or clearing
_Change = tuple[str, int, str, bool, bool]


class Chmod(Record):
    """A parsed ``--chmod``; :meth:`apply` gives an entry's new mode (permission bits
    with set-ids and sticky)."""

    __slots__ = ("text", "octal", "changes")
    text: Final[str]
    octal: Final[int | None]
    changes: Final[tuple[_Change, ...]]

    def __init__(self, text: str, octal: int | None, changes: tuple[_Change, ...] = ()) -> None:
        self.text = text
        self.octal = octal
        self.changes = changes

    def apply(self, mode: int, is_dir: bool) -> int:
        """The mode an entry of ``mode`` (and kind) gets."""
        if self.octal is not None:
            return self.octal
        old = new = mode & 0o7777
        for kind, bits, targets, set_, clear in self.changes:
            if kind == "+":
                new |= bits
            elif kind == "-":
                new &= ~bits
            elif kind == "X":
                if is_dir or old & 0o111:
                    new |= bits
            else:
                value = (new >> _SHIFT[kind]) & 0o7
                for target in targets:
                    shift = _SHIFT[target]
                    if clear:
                        new &= ~(((0o7 if set_ else value) << shift) & bits)
                    if set_:
                        new |= (value << shift) & bits
        return new & 0o7777


def parse_chmod(text: str) -> Chmod:
    """Read a ``--chmod`` value; a value that is neither raises BuildError."""
    if _OCTAL.fullmatch(text):
        if int(text, 8) <= 0o7777:
            return Chmod(text, int(text, 8))
        raise _invalid(text)
    if not text or text[0].isdigit():
        raise _invalid(text)
    changes: list[_Change] = []
    for clause in text.split(","):
        _clause(clause, text, changes)
    return Chmod(text, None, tuple(_merge(changes)))


def _invalid(text: str) -> BuildError:
    return BuildError(f"invalid chmod parameter: '{text}'. it should be octal string and "
                      "between 0 and 07777, or a symbolic mode such as u+x or go=rX")


def _clause(clause: str, text: str, out: list[_Change]) -> None:
    i, who = 0, 0
    while i < len(clause) and clause[i] in _WHO:
        who |= _WHO[clause[i]]
        i += 1
    if i == len(clause):  # no operator
        raise _invalid(text)
    while i < len(clause):
        op = clause[i]
        if op not in "+-=":
            raise _invalid(text)
        i += 1
        group_who = who
        perm = x_perm = 0
        equal_done = False
        while i < len(clause) and clause[i] not in "+-=":
            ch = clause[i]
            if ch in _PERM:
                perm |= _PERM[ch]
            elif ch == "s":
                if group_who == 0 or group_who & ~0o007:
                    perm |= _SETID
            elif ch == "t":
                if group_who == 0 or group_who & ~0o007:
                    group_who |= _STICKY
                    perm |= _STICKY
            elif ch == "X":
                if op == "+":
                    x_perm = 0o111
            elif ch in _SHIFT:  # copy a class: what came before it is done first
                if perm:
                    _add(out, op, group_who, perm)
                    perm = 0
                if op == "=":
                    equal_done = True
                if x_perm:
                    _add(out, "X", group_who, x_perm)
                    x_perm = 0
                _copy(out, ch, group_who, op)
            else:
                raise _invalid(text)
            i += 1
        if perm or (op == "=" and not equal_done):
            _add(out, op, group_who, perm)
        if x_perm:
            _add(out, "X", group_who, x_perm)


def _add(out: list[_Change], op: str, who: int, perm: int) -> None:
    if op == "=":  # clear what it covers, then set
        out.append(("-", who or _STANDARD, "", False, False))
        op = "+"
    out.append((op, who & perm if who else perm, "", False, False))


def _copy(out: list[_Change], source: str, who: int, op: str) -> None:
    if who:
        targets = "".join(c for c, bit in (("u", 0o400), ("g", 0o040), ("o", 0o004))
                          if who & bit)
        bits = 0o7777
    else:
        targets, bits = "ugo", 0o7777
    out.append((source, bits, targets, op in "+=", op in "-="))


def _merge(changes: list[_Change]) -> list[_Change]:
    """Each run of ``+``, ``-`` and ``X`` changes as at most one clear, one set and one
    conditional set, in that order (setmode's compaction, which decides e.g. ``-Xu``)."""
    out: list[_Change] = []
    i = 0
    while i < len(changes):
        if changes[i][0] not in "+-X":
            out.append(changes[i])
            i += 1
            continue
        set_bits = clear_bits = x_bits = 0
        while i < len(changes) and changes[i][0] in "+-X":
            kind, bits = changes[i][0], changes[i][1]
            if kind == "-":
                clear_bits |= bits
                set_bits &= ~bits
                x_bits &= ~bits
            elif kind == "+":
                set_bits |= bits
                clear_bits &= ~bits
                x_bits &= ~bits
            else:
                x_bits |= bits & ~set_bits
            i += 1
        for kind, bits in (("-", clear_bits), ("+", set_bits), ("X", x_bits)):
            if bits:
                out.append((kind, bits, "", False, False))
    return out
