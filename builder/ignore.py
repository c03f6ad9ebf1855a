""".dockerignore patterns with moby/patternmatcher semantics (not gitignore's).

Patterns are anchored at the context root, ``*`` and ``?`` never cross ``/``, ``**`` spans any
number of directories, ``[...]`` classes follow Go's ``filepath.Match``, ``\\`` escapes, and a
leading ``!`` makes an exception. The last matching pattern decides, and a path is excluded
when it or any parent directory matches. Paths are ``/``-separated and relative.
"""

from __future__ import annotations

import re

from builder.errors import ContextError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["PatternMatcher", "go_clean", "read_ignore_file"]

# Go's strings.TrimSpace set (unicode.IsSpace).
_SPACES = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_BOM = "\ufeff"
_MAX_LINE = 65535  # bufio.Scanner's default token limit, minus the newline
_SHOULD_ESCAPE = frozenset(".+()|{}$")
_PATTERN_CHARS = frozenset("*[]?^\\")  # fsutil: a pattern with these is not a plain prefix

_EXACT, _PREFIX, _SUFFIX, _REGEXP = range(4)


def go_clean(path: str) -> str:
    """Go's ``path.Clean``: collapse ``//``, drop ``.``, resolve ``..`` lexically."""
    if not path:
        return "."
    rooted = path[0] == "/"
    parts: list[str] = []
    for part in path.split("/"):
        if not part or part == ".":
            continue
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not rooted:
                parts.append("..")
        else:
            parts.append(part)
    cleaned = "/".join(parts)
    if rooted:
        return "/" + cleaned
    return cleaned or "."


def _go_dir(path: str) -> str:
    return go_clean(path[: path.rfind("/") + 1])


def read_ignore_file(text: str | bytes) -> list[str]:
    """Turn the text of a ``.dockerignore`` into its pattern list (``ignorefile.ReadAll``).

    A UTF-8 BOM is dropped; lines starting with ``#`` are comments; each line is trimmed and
    cleaned, a leading ``/`` is removed, and ``! pattern`` becomes ``!pattern``.
    """
    if isinstance(text, bytes):
        text = text.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "surrogateescape")
    else:
        text = text.removeprefix(_BOM)
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    patterns: list[str] = []
    for lineno, line in enumerate(lines, 1):
        if line.endswith("\r"):
            line = line[:-1]
        if len(line) > _MAX_LINE // 4 and len(line.encode("utf-8", "surrogateescape")) > _MAX_LINE:
            raise ContextError(f".dockerignore line {lineno} is longer than {_MAX_LINE} bytes")
        if line.startswith("#"):
            continue
        pattern = line.strip(_SPACES)
        if not pattern:
            continue
        invert = pattern[0] == "!"
        if invert:
            pattern = pattern[1:].strip(_SPACES)
        if pattern:
            pattern = go_clean(pattern)
            if len(pattern) > 1 and pattern[0] == "/":
                pattern = pattern[1:]
        patterns.append("!" + pattern if invert else pattern)
    return patterns


def _shown(pattern: str, limit: int = 80) -> str:
    """``pattern`` quoted for a message: its first ``limit`` characters (then ``...``), a
    byte that is not UTF-8 as ``\\xNN``."""
    shown = _SURROGATE_REPR.sub(r"\\x\1", repr(pattern[:limit]))
    return shown + "..." if len(pattern) > limit else shown


_SURROGATE_REPR = re.compile(r"\\udc([89a-f][0-9a-f])")


class _Pattern:
    __slots__ = ("cleaned", "depth", "exclusion", "kind", "rx")

    def __init__(self, cleaned: str, exclusion: bool) -> None:
        self.cleaned = cleaned
        self.exclusion = exclusion
        self.depth = cleaned.count("/") + 1
        self.rx: re.Pattern[str] | None = None
        self.kind = _EXACT
        reg = _go_regex(cleaned)
        if reg is None:
            return
        kind, go_re = reg
        self.kind = kind
        if kind == _REGEXP:
            self.rx = re.compile(_translate(go_re), re.ASCII)

    def match(self, path: str) -> bool:
        kind = self.kind
        if kind == _EXACT:
            return path == self.cleaned
        if kind == _PREFIX:
            return path.startswith(self.cleaned[:-2])
        if kind == _SUFFIX:
            suffix = self.cleaned[2:]
            return path.endswith(suffix) or (suffix[0] == "/" and path == suffix[1:])
        assert self.rx is not None
        return self.rx.match(path) is not None


def _go_regex(pattern: str) -> tuple[int, str] | None:
    """patternmatcher's compile step: the match kind and, for regexps, the Go regex text.
    Returns None for a plain exact match."""
    reg = ["^"]
    kind = _EXACT
    n = len(pattern)
    pos = 1 if pattern.startswith(_BOM) else 0  # Go's text/scanner skips a leading BOM
    first = True
    while pos < n:
        ch = pattern[pos]
        pos += 1
        if ch == "*":
            if pos < n and pattern[pos] == "*":
                pos += 1
                if pos < n and pattern[pos] == "/":
                    pos += 1
                if pos >= n:
                    if kind == _EXACT:
                        kind = _PREFIX
                    else:
                        reg.append(".*")
                        kind = _REGEXP
                else:
                    reg.append("(.*/)?")
                    kind = _REGEXP
                if first:
                    kind = _SUFFIX
            else:
                reg.append("[^/]*")
                kind = _REGEXP
        elif ch == "?":
            reg.append("[^/]")
            kind = _REGEXP
        elif ch in _SHOULD_ESCAPE:
            reg.append("\\" + ch)
        elif ch == "\\":
            if pos < n:
                reg.append("\\" + pattern[pos])
                pos += 1
                kind = _REGEXP
            else:
                reg.append("\\")
        elif ch == "[" or ch == "]":
            reg.append(ch)
            kind = _REGEXP
        else:
            reg.append(ch)
        first = False
    if kind == _EXACT:
        return None
    reg.append("$")
    return kind, "".join(reg)


class PatternMatcher:
    """An ordered list of .dockerignore patterns, each compiled once.

    Raises :class:`~builder.errors.ContextError` for a malformed pattern (a lone ``!``, a bad
    ``[class]``, a trailing ``\\``).
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self._patterns: list[_Pattern] = []
        self._exclusions = False
        for raw in patterns:
            p = raw.strip(_SPACES)
            if not p:
                continue
            p = go_clean(p)
            exclusion = p[0] == "!"
            if exclusion:
                if len(p) == 1:
                    raise ContextError('illegal exclusion pattern: "!"')
                p = p[1:]
                self._exclusions = True
            if not _valid_glob(p):
                raise ContextError(f"invalid pattern {_shown(raw)}: syntax error in pattern")
            try:
                self._patterns.append(_Pattern(p, exclusion))
            except (_RegexError, re.error) as e:
                raise ContextError(f"invalid pattern {_shown(raw)}: {e}") from None
        self._only_prefix_exceptions = not any(
            p.exclusion and not _PATTERN_CHARS.isdisjoint(_without_trailing_glob(p.cleaned))
            for p in self._patterns
        )

    @property
    def exclusions(self) -> bool:
        """Whether any pattern is a ``!`` exception."""
        return self._exclusions

    @property
    def patterns(self) -> list[str]:
        """The cleaned patterns, ``!`` restored on exceptions."""
        return [("!" if p.exclusion else "") + p.cleaned for p in self._patterns]

    def matches_or_parent_matches(self, path: str) -> bool:
        """Whether ``path`` is excluded: the last pattern that matches it or one of its
        parent directories decides. The context root ``.`` is never excluded."""
        path = go_clean(path)
        if path == ".":
            return False
        parent = _go_dir(path)
        prefixes: list[str] | None = None
        matched = False
        for pat in self._patterns:
            if pat.exclusion != matched:
                continue
            hit = pat.match(path)
            if not hit and parent != ".":
                if prefixes is None:
                    dirs = parent.split("/")
                    prefixes = ["/".join(dirs[: i + 1]) for i in range(len(dirs))]
                hit = any(pat.match(prefix) for prefix in prefixes)
            if hit:
                matched = not pat.exclusion
        return matched

    def matches(self, path: str) -> bool:
        """The legacy ``Matches``: like :meth:`matches_or_parent_matches` but only the parent
        prefix with as many components as the pattern is tried."""
        path = go_clean(path)
        if path == ".":
            return False
        parent = _go_dir(path)
        dirs = parent.split("/")
        matched = False
        for pat in self._patterns:
            if pat.exclusion != matched:
                continue
            hit = pat.match(path)
            if not hit and parent != "." and pat.depth <= len(dirs):
                hit = pat.match("/".join(dirs[: pat.depth]))
            if hit:
                matched = not pat.exclusion
        return matched

    def may_match_inside(self, dir_path: str) -> bool:
        """Whether an exception could re-include something below the excluded directory
        ``dir_path``; when False a walker may skip the whole directory (fsutil's rule)."""
        if not self._exclusions:
            return False
        if not self._only_prefix_exceptions:
            return True
        dir_slash = go_clean(dir_path) + "/"
        return any(
            p.exclusion and (_without_trailing_glob(p.cleaned) + "/").startswith(dir_slash)
            for p in self._patterns
        )


def _without_trailing_glob(pattern: str) -> str:
    return pattern.removesuffix("/**").removesuffix("/*")


def _valid_glob(p: str) -> bool:
    """Go's ``filepath.Match`` syntax check (Unix: ``\\`` escapes)."""
    i, n = 0, len(p)
    while i < n:
        c = p[i]
        if c == "\\":
            if i + 1 >= n:
                return False
            i += 2
        elif c == "[":
            i += 1
            if i < n and p[i] == "^":
                i += 1
            nrange = 0
            while True:
                if i < n and p[i] == "]" and nrange > 0:
                    i += 1
                    break
                i = _class_char(p, i)
                if i < 0:
                    return False
                if p[i] == "-":
                    i = _class_char(p, i + 1)
                    if i < 0:
                        return False
                nrange += 1
        else:
            i += 1
    return True


def _class_char(p: str, i: int) -> int:
    """Go's ``getEsc``: the index after one class char, or -1 on a syntax error."""
    n = len(p)
    if i >= n or p[i] == "-" or p[i] == "]":
        return -1
    if p[i] == "\\":
        i += 1
        if i >= n:
            return -1
    i += 1
    return i if i < n else -1


# --- Go RE2 → Python re -------------------------------------------------------------------
# patternmatcher hands its regex text to Go's regexp package. The text can hold raw
# `[...]` classes and `\x` escapes copied from the pattern, whose meaning is RE2's, so it is
# re-read with RE2's rules and written out in Python's syntax.


class _RegexError(Exception):
    pass


_MAX_RUNE = 0x10FFFF
_Ranges = list[tuple[int, int]]


def _r(*spans: str) -> _Ranges:
    return [(ord(s[0]), ord(s[-1])) for s in spans]


_PERL = {"d": _r("09"), "s": _r("\t\n", "\f\r", " "), "w": _r("09", "AZ", "__", "az")}
_POSIX = {
    "alnum": _r("09", "AZ", "az"),
    "alpha": _r("AZ", "az"),
    "ascii": [(0, 0x7F)],
    "blank": _r("\t", " "),
    "cntrl": [(0, 0x1F), (0x7F, 0x7F)],
    "digit": _r("09"),
    "graph": _r("!~"),
    "lower": _r("az"),
    "print": _r(" ~"),
    "punct": _r("!/", ":@", "[`", "{~"),
    "space": _r("\t\r", " "),
    "upper": _r("AZ"),
    "word": _r("09", "AZ", "__", "az"),
    "xdigit": _r("09", "AF", "af"),
}
_CHAR_ESCAPES = {"a": 7, "f": 12, "t": 9, "n": 10, "r": 13, "v": 11}


def _negate(ranges: _Ranges) -> _Ranges:
    out: _Ranges = []
    nxt = 0
    for lo, hi in sorted(ranges):
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= _MAX_RUNE:
        out.append((nxt, _MAX_RUNE))
    return out


def _class_text(ranges: _Ranges, negated: bool = False) -> str:
    body = "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in ranges
    )
    return f"[{'^' if negated else ''}{body}]"


def _escape(rs: str, i: int) -> tuple[int, str | _Ranges]:
    """Read the escape after a backslash at ``rs[i-1]``: a literal char or Perl class ranges."""
    if i >= len(rs):
        raise _RegexError("trailing backslash at end of expression")
    c = rs[i]
    if c < "\x80" and not c.isalnum():
        return i + 1, c
    if c.lower() in _PERL:
        ranges = _PERL[c.lower()]
        return i + 1, _negate(ranges) if c.isupper() else ranges
    if c in _CHAR_ESCAPES:
        return i + 1, chr(_CHAR_ESCAPES[c])
    n = len(rs)
    if c == "0" or ("1" <= c <= "7" and i + 1 < n and "0" <= rs[i + 1] <= "7"):
        j = i + 1
        while j < n and j < i + 3 and "0" <= rs[j] <= "7":
            j += 1
        return j, chr(int(rs[i:j], 8))
    if c == "x" and i + 1 < n:
        if rs[i + 1] == "{":
            end = rs.find("}", i + 2)
            digits = rs[i + 2 : end] if end >= 0 else ""
            if digits and _is_hex(digits) and int(digits, 16) <= _MAX_RUNE:
                return end + 1, chr(int(digits, 16))
        elif _is_hex(rs[i + 1 : i + 3]) and i + 2 < n:
            return i + 3, chr(int(rs[i + 1 : i + 3], 16))
    if c in "pP":
        raise _RegexError(f"Unicode classes (\\{c}) are not supported")
    raise _RegexError(f"invalid escape sequence: \\{c}")


def _is_hex(text: str) -> bool:
    return all(ch in "0123456789abcdefABCDEF" for ch in text)


def _translate(rs: str) -> str:
    out: list[str] = []
    i, n = 0, len(rs)
    while i < n:
        c = rs[i]
        if c == "\\":
            if i + 1 < n and rs[i + 1] in "bBA":
                out.append("\\" + rs[i + 1])
                i += 2
                continue
            if i + 1 < n and rs[i + 1] == "z":
                out.append("\\Z")
                i += 2
                continue
            if i + 1 < n and rs[i + 1] == "Q":  # \Q...\E (or to the end) is literal text
                end = rs.find("\\E", i + 2)
                out.append(re.escape(rs[i + 2 : n if end < 0 else end]))
                i = n if end < 0 else end + 2
                continue
            i, esc = _escape(rs, i + 1)
            out.append(re.escape(esc) if isinstance(esc, str) else _class_text(esc))
        elif c == "[":
            i, text = _read_class(rs, i + 1)
            out.append(text)
        elif c == "$" and i == n - 1:
            out.append("\\Z")  # RE2's `$` never matches before a final newline
            i += 1
        elif c in "^().*?":
            out.append(c)
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _read_class(rs: str, i: int) -> tuple[int, str]:
    n = len(rs)
    negated = i < n and rs[i] == "^"
    if negated:
        i += 1
    ranges: _Ranges = []
    first = True
    while i < n and (rs[i] != "]" or first):
        first = False
        if rs.startswith("[:", i):
            end = rs.find(":]", i + 2)
            if end >= 0:
                name = rs[i + 2 : end]
                neg = name.startswith("^")
                group = _POSIX.get(name.lstrip("^"))
                if group is None:
                    raise _RegexError(f"invalid character class range: {rs[i : end + 2]}")
                ranges.extend(_negate(group) if neg else group)
                i = end + 2
                continue
        i, lo = _class_atom(rs, i)
        if isinstance(lo, list):
            ranges.extend(lo)
            continue
        hi = lo
        if i + 1 < n and rs[i] == "-" and rs[i + 1] != "]":
            i, hi_atom = _class_atom(rs, i + 1)
            if isinstance(hi_atom, list):
                raise _RegexError("invalid character class range")
            hi = hi_atom
            if hi < lo:
                raise _RegexError(f"invalid character class range: {chr(lo)}-{chr(hi)}")
        ranges.append((lo, hi))
    if i >= n:
        raise _RegexError("missing closing ]")
    return i + 1, _class_text(ranges, negated)


def _class_atom(rs: str, i: int) -> tuple[int, int | _Ranges]:
    if rs[i] == "\\":
        i, esc = _escape(rs, i + 1)
        return i, ord(esc) if isinstance(esc, str) else esc
    return i + 1, ord(rs[i])
