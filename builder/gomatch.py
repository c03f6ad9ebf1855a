"""Go's ``path.Match`` / ``filepath.Match`` (on Unix) pattern syntax as a regular
expression: ``*`` and ``?`` never match ``/`` (a class may), ``[...]`` classes with ranges
and ``^`` negation, ``\\`` escapes. Used for ``COPY`` sources and ``images --filter reference``."""

from __future__ import annotations

import re
from functools import lru_cache


class PatternError(ValueError):
    """A malformed pattern (Go's ``ErrBadPattern``); each caller words it its own way."""


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` as a regular expression to ``fullmatch`` a name with; raises
    :class:`PatternError` where Go's ``Match`` gives ``ErrBadPattern``. A range whose ends
    are reversed (``[z-a]``) matches nothing, as in Go."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "\\":
            i += 1
            if i >= n:
                raise PatternError(pattern)
            out.append(re.escape(pattern[i]))
        elif c == "[":
            i = _class(pattern, i + 1, out)
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def _class(pattern: str, i: int, out: list[str]) -> int:
    """Append the class that starts at ``i`` (past its ``[``); the index past its ``]``."""
    negated = pattern[i:i + 1] == "^"
    i += negated
    ranges: list[str] = []
    while True:
        if i >= len(pattern):
            raise PatternError(pattern)
        if pattern[i] == "]" and ranges:
            break
        lo, i = _class_char(pattern, i)
        hi = lo
        if pattern[i:i + 1] == "-":
            hi, i = _class_char(pattern, i + 1)
        ranges.append(re.escape(lo) if lo == hi else
                      f"{re.escape(lo)}-{re.escape(hi)}" if lo < hi else "")
    body = "".join(ranges)
    if negated:
        out.append(f"[^{body}]" if body else ".")  # Go's classes may match a /
    else:
        out.append(f"[{body}]" if body else "(?!)")
    return i + 1


def _class_char(pattern: str, i: int) -> tuple[str, int]:
    """One character of a class (Go's ``getEsc``): not ``-`` or ``]``, ``\\`` escapes."""
    if i >= len(pattern) or pattern[i] in "-]":
        raise PatternError(pattern)
    if pattern[i] == "\\":
        i += 1
        if i >= len(pattern):
            raise PatternError(pattern)
    return pattern[i], i + 1
