"""The glob patterns of ``${v#p}``, ``${v%p}`` and ``${v/p/r}`` (BuildKit's shell patterns).

``*`` is any run of chars, ``?`` one char, ``\\*`` ``\\?`` ``\\\\`` are literals, ``\\}`` and
``\\/`` stand for ``}`` and ``/``; any other escape is an error and there are no bracket
expressions. Patterns become Python regexes; replacement follows Go's ``ReplaceAllString``.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "PatternError",
    "compiled_pattern",
    "replace_all",
    "shell_pattern_to_regex",
    "trim_prefix",
    "trim_suffix",
]

_REGEX_META = frozenset("[]{}.+()|^$")
_EOF_RUNE = "\ufffd"  # what Go's %c prints for scanner.EOF
_BOM = "\ufeff"


class PatternError(Exception):
    """A glob that cannot be converted (an invalid escape)."""


def shell_pattern_to_regex(pattern: str, greedy: bool, anchored: bool) -> str:
    """Convert a ``${v#pattern}`` glob to a regular expression (BuildKit's conversion).

    ``*`` is any run (lazy unless ``greedy``), ``?`` one char, ``\\*`` ``\\?`` ``\\\\``
    literals, ``\\}`` and ``\\/`` stand for ``}`` and ``/``; any other escape is an error.
    There are no bracket expressions. Raises ``ValueError`` on an invalid pattern.
    """
    try:
        return _convert(pattern, greedy, anchored)
    except PatternError as e:
        raise ValueError(str(e)) from None


def _convert(pattern: str, greedy: bool, anchored: bool) -> str:
    out = ["^"] if anchored else []
    star = ".*" if greedy else ".*?"
    n = len(pattern)
    i = 1 if pattern.startswith(_BOM) else 0
    while i < n:
        c = pattern[i]
        i += 1
        if c == "*":
            out.append(star)
        elif c == "?":
            out.append(".")
        elif c == "\\":
            if i < n and (pattern[i] == "}" or pattern[i] == "/"):
                continue
            tok = pattern[i] if i < n else ""
            i += 1
            if tok not in ("*", "?", "\\"):
                raise PatternError(f"invalid escape '\\{tok or _EOF_RUNE}'")
            out.append("\\" + tok)
        elif c in _REGEX_META:
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=512)
def compiled_pattern(pattern: str, greedy: bool, anchored: bool) -> re.Pattern[str]:
    return re.compile(_convert(pattern, greedy, anchored))


def trim_prefix(pattern: str, value: str, greedy: bool) -> str:
    m = compiled_pattern(pattern, greedy, True).match(value)
    return value[m.end() :] if m else value


def _reverse_pattern(pattern: str) -> str:
    """Reverse a glob but keep each ``\\x`` pair in order (``a\\*c`` → ``c\\*a``)."""
    out = [""] * len(pattern)
    last = len(pattern) - 1
    i = 0
    while i <= last:
        tok = pattern[i]
        j = last - i
        if tok == "\\" and i != last:
            out[j - 1] = tok
            out[j] = pattern[i + 1]
            i += 2
        else:
            out[j] = tok
            i += 1
    return "".join(out)


def trim_suffix(pattern: str, value: str, greedy: bool) -> str:
    # A regex finds the leftmost match only, so search the reversed value instead.
    return trim_prefix(_reverse_pattern(pattern), value[::-1], greedy)[::-1]


def replace_all(rx: re.Pattern[str], value: str, template: str) -> str:
    """Go's ``Regexp.ReplaceAllString``: an empty match right after a match is skipped,
    and ``$0``/``${0}``/``$$`` in the template are expanded (the pattern has no groups)."""
    out: list[str] = []
    last_end = 0
    pos = 0
    n = len(value)
    while pos <= n:
        m = rx.search(value, pos)
        if m is None:
            break
        start, end = m.span()
        out.append(value[last_end:start])
        if end > last_end or start == 0:
            out.append(_go_expand(template, m.group()) if "$" in template else template)
        last_end = end
        pos = pos + 1 if pos + 1 > end else end
    out.append(value[last_end:])
    return "".join(out)


def _go_expand(template: str, whole: str) -> str:
    """Go's ``Regexp.Expand`` for a regex without capture groups."""
    out: list[str] = []
    i = 0
    n = len(template)
    while i < n:
        j = template.find("$", i)
        if j < 0:
            break
        out.append(template[i:j])
        i = j + 1
        if i < n and template[i] == "$":
            out.append("$")
            i += 1
            continue
        brace = i < n and template[i] == "{"
        k = i + 1 if brace else i
        start = k
        while k < n and (template[k] == "_" or template[k].isalnum()):
            k += 1
        name = template[start:k]
        if not name or (brace and (k >= n or template[k] != "}")):
            out.append("$")  # malformed: the `$` stays literal
            continue
        i = k + 1 if brace else k
        if name == "0":
            out.append(whole)
    out.append(template[i:])
    return "".join(out)
