"""Variable expansion and word splitting with BuildKit's rules (``frontend/dockerfile/shell``).

:class:`Lex` expands ``$name``, ``${name}`` and the ``${name<modifier>word}`` forms, removes
quotes, applies the escape character and, for :meth:`Lex.process_words`, splits the result
into words. The behaviour (including BuildKit's quirks and error texts) follows BuildKit's
``shell.Lex``; the conformance tests drive BuildKit's own test tables through it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from builder.errors import ExpansionError
from builder.goquote import go_quote
from builder.record import Record
from builder.shell_glob import (
    PatternError,
    compiled_pattern,
    replace_all,
    shell_pattern_to_regex,
    trim_prefix,
    trim_suffix,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Final

__all__ = ["Lex", "WordResult", "expand", "shell_pattern_to_regex"]

# Go's unicode.IsSpace (the Unicode White_Space property). Python's str.isspace() also
# accepts U+001C..U+001F, which Go does not, so the set is spelled out.
_SPACES = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPLIT = re.compile("[" + re.escape("".join(sorted(_SPACES))) + "]+")
_SPECIAL_PARAMS = frozenset("@*#?-$!0")
_EOF_RUNE = "\ufffd"  # what Go prints for string(scanner.EOF); also its RuneError
_SURROGATES = re.compile("[\ud800-\udfff]")
_BOM = "\ufeff"
# How deep ``${...}`` may nest inside one another (each level is a few Python frames, so
# this keeps well below the recursion limit; BuildKit has no limit, real words nest 2 or 3).
MAX_NESTING = 100


class WordResult(Record):
    """The outcome of one expansion: the single-word result, its split words, and which
    variable names were looked up and found (``matched``) or not found (``unmatched``)."""

    __slots__ = ("result", "words", "matched", "unmatched")
    result: Final[str]
    words: Final[tuple[str, ...]]
    matched: Final[frozenset[str]]
    unmatched: Final[frozenset[str]]

    def __init__(self, result: str, words: tuple[str, ...], matched: frozenset[str],
                 unmatched: frozenset[str]) -> None:
        self.result = result
        self.words = words
        self.matched = matched
        self.unmatched = unmatched


class _LexError(Exception):
    """An expansion failure inside the scanner; wrapped into ExpansionError at the top."""


class Lex:
    """Expands words the way BuildKit's ``shell.Lex`` does.

    ``raw_quotes`` keeps quote characters in the output, ``raw_escapes`` keeps escape
    characters, ``skip_process_quotes`` treats quotes as ordinary characters (heredoc
    bodies), ``skip_unset`` leaves references to unset variables as written.
    A ``Lex`` holds no per-call state and may be shared.
    """

    __slots__ = ("escape", "raw_escapes", "raw_quotes", "skip_process_quotes", "skip_unset")

    def __init__(
        self,
        escape: str = "\\",
        *,
        raw_quotes: bool = False,
        raw_escapes: bool = False,
        skip_process_quotes: bool = False,
        skip_unset: bool = False,
    ) -> None:
        if len(escape) != 1:
            raise ValueError(f"escape must be one character, got {escape!r}")
        self.escape = escape
        self.raw_quotes = raw_quotes
        self.raw_escapes = raw_escapes
        self.skip_process_quotes = skip_process_quotes
        self.skip_unset = skip_unset

    def process_word(self, word: str, env: Mapping[str, str]) -> str:
        """Expand ``word`` into one string (BuildKit ``ProcessWord``)."""
        text = _as_runes(word)
        if self._is_plain(text, False):
            return text[1:] if text.startswith(_BOM) else text
        return _Scanner(self, text, word, env, capture=False, track=False).run()[0]

    def process_words(self, word: str, env: Mapping[str, str]) -> list[str]:
        """Expand ``word`` and split it into words (BuildKit ``ProcessWords``)."""
        text = _as_runes(word)
        if self._is_plain(text, True):
            return [w for w in _SPLIT.split(text.removeprefix(_BOM)) if w]
        return _Scanner(self, text, word, env, capture=False, track=True).run()[1]

    def process_word_with_matches(self, word: str, env: Mapping[str, str]) -> WordResult:
        """Expand ``word``; also report its words and the variable names looked up."""
        sc = _Scanner(self, _as_runes(word), word, env, capture=True, track=True)
        result, words = sc.run()
        return WordResult(result, tuple(words), frozenset(sc.matched), frozenset(sc.unmatched))

    def _is_plain(self, word: str, track: bool) -> bool:
        # `<<` only changes word splitting (the blanks after it stay in the word).
        return not (
            "$" in word
            or self.escape in word
            or (not self.skip_process_quotes and ("'" in word or '"' in word))
            or (track and "<" in word)
        )


def _as_runes(word: str) -> str:
    # Go reads the word rune by rune, so each byte that is not valid UTF-8 (a surrogate
    # escape here) comes out as U+FFFD. Values taken from the environment are left alone.
    if word.isascii() or not _SURROGATES.search(word):
        return word
    return _SURROGATES.sub(_EOF_RUNE, word)


def expand(word: str, env: Mapping[str, str], escape: str = "\\") -> str:
    """Expand one word with default options: ``Lex(escape).process_word(word, env)``."""
    return Lex(escape).process_word(word, env)


class _Scanner:
    """One expansion run over ``src``; positions are indices into the string."""

    __slots__ = (
        "capture", "depth", "env", "esc", "lex", "matched", "n", "pos", "quotes", "source",
        "src", "track", "unmatched", "wbuf",
    )  # fmt: skip

    def __init__(
        self,
        lex: Lex,
        src: str,
        source: str,
        env: Mapping[str, str],
        *,
        capture: bool,
        track: bool,
    ) -> None:
        self.lex = lex
        self.src = src
        self.source = source  # as given, for the error message
        self.n = len(src)
        # Go's text/scanner drops a byte-order mark at the very start of its input.
        self.pos = 1 if src.startswith(_BOM) else 0
        self.env = env
        self.esc = lex.escape
        self.quotes = not lex.skip_process_quotes
        self.capture = capture
        self.track = track
        self.matched: set[str] = set()
        self.unmatched: set[str] = set()
        # BuildKit shares one word buffer between nested scans, so a `${x:-...}` or
        # `${x/...}` discards the partial word collected before it. Kept for fidelity.
        self.wbuf: list[str] = []
        self.depth = 0  # nested scans open (a failed run is not scanned further)

    def run(self) -> tuple[str, list[str]]:
        try:
            return self.scan(None, self.lex.raw_escapes)
        except _LexError as e:
            raise ExpansionError(f"failed to process {go_quote(self.source)}: {e}") from None

    def scan(self, stop: str | None, raw: bool) -> tuple[str, list[str]]:
        """Scan until ``stop`` (consumed) or the end when ``stop`` is None."""
        if stop is not None:
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _LexError(f"substitutions nested more than {MAX_NESTING} deep")
        src, n, esc, track = self.src, self.n, self.esc, self.track
        special = _specials(esc, self.quotes, stop)
        out: list[str] = []
        wbuf = self.wbuf
        wbuf.clear()
        words: list[str] = []
        pos = self.pos
        while pos < n:
            m = special.search(src, pos)
            end = m.start() if m else n
            if end > pos:  # a run of ordinary chars
                run = src[pos:end]
                out.append(run)
                if track:
                    _add_text(run, wbuf, words)
                pos = end
                if pos >= n:
                    break
            ch = src[pos]
            if ch == stop:
                self.pos = pos + 1
                self.depth -= 1
                if wbuf:
                    words.append("".join(wbuf))
                    wbuf.clear()
                return "".join(out), words
            if ch == esc:
                pos += 1
                if raw:
                    out.append(ch)
                    if track:
                        wbuf.append(ch)
                if pos >= n:
                    break
                ch = src[pos]
                pos += 1
                out.append(ch)
                if track:
                    wbuf.append(ch)
                continue
            self.pos = pos
            if ch == "$":
                tmp = self.dollar()
                if track:
                    _add_text(tmp, wbuf, words)
            else:
                if ch == "<":
                    tmp = self.heredoc()
                elif ch == "'":
                    tmp = self.single_quote()
                else:
                    tmp = self.double_quote(raw)
                if track and tmp:
                    wbuf.append(tmp)  # quoted text never splits
            out.append(tmp)
            pos = self.pos
        self.pos = pos
        if stop is not None:
            raise _LexError(f"unexpected end of statement while looking for matching {stop}")
        if wbuf:
            words.append("".join(wbuf))
            wbuf.clear()
        return "".join(out), words

    def single_quote(self) -> str:
        start = self.pos + 1
        end = self.src.find("'", start)
        if end < 0:
            raise _LexError("unexpected end of statement while looking for matching single-quote")
        self.pos = end + 1
        if self.lex.raw_quotes:
            return self.src[start - 1 : end + 1]
        return self.src[start:end]

    def double_quote(self, raw: bool) -> str:
        src, n, esc = self.src, self.n, self.esc
        raw_quotes = self.lex.raw_quotes
        self.pos += 1
        out: list[str] = ['"'] if raw_quotes else []
        while True:
            if self.pos >= n:
                raise _LexError(
                    "unexpected end of statement while looking for matching double-quote"
                )
            ch = src[self.pos]
            if ch == '"':
                self.pos += 1
                if raw_quotes:
                    out.append(ch)
                return "".join(out)
            if ch == "$":
                out.append(self.dollar())
                continue
            self.pos += 1
            if ch == esc:
                if raw:
                    out.append(ch)
                if self.pos >= n:
                    continue  # the loop reports the missing quote
                nxt = src[self.pos]
                if nxt == '"' or nxt == "$" or nxt == esc:
                    ch = nxt
                    self.pos += 1
            out.append(ch)

    def heredoc(self) -> str:
        src, n = self.src, self.n
        self.pos += 1
        if self.pos >= n or src[self.pos] != "<":
            return "<"
        self.pos += 1
        start = self.pos
        while self.pos < n and src[self.pos] in "\t\r ":
            self.pos += 1
        return "<<" + src[start : self.pos]

    def name(self) -> str:
        src, n = self.src, self.n
        start = pos = self.pos
        if pos >= n:
            return ""
        c = src[pos]
        if _is_digit(c):
            pos += 1
            while pos < n and _is_digit(src[pos]):
                pos += 1
        elif c in _SPECIAL_PARAMS:
            pos += 1
        else:
            while pos < n:
                c = src[pos]
                if not (c == "_" or (c.isalnum() and (c.isalpha() or _is_digit(c)))):
                    break
                pos += 1
        self.pos = pos
        return src[start:pos]

    def lookup(self, name: str) -> str | None:
        value = self.env.get(name)
        if self.capture:
            (self.unmatched if value is None else self.matched).add(name)
        return value

    def _next(self) -> str:
        """Consume one char; '' at the end of input."""
        if self.pos >= self.n:
            return ""
        ch = self.src[self.pos]
        self.pos += 1
        return ch

    def dollar(self) -> str:
        src, n = self.src, self.n
        skip_unset = self.lex.skip_unset
        self.pos += 1
        if self.pos >= n or src[self.pos] != "{":
            name = self.name()
            if not name:
                return "$"
            value = self.lookup(name)
            if value is None:
                return "$" + name if skip_unset else ""
            return value

        self.pos += 1
        if self.pos >= n:
            raise _LexError("syntax error: missing '}'")
        if src[self.pos] in "{}:":
            raise _LexError("syntax error: bad substitution")
        name = self.name()
        ch = self._next()
        if not ch:  # BuildKit reports this as an "unsupported modifier (\ufffd)"
            raise _LexError("syntax error: missing '}'")
        chs = ch

        if ch == "}":
            value = self.lookup(name)
            if value is None:
                return "${" + name + "}" if skip_unset else ""
            return value
        if ch == "/":
            return self.substitute(name)

        null_is_unset = False
        if ch == ":":
            null_is_unset = True
            ch = self._next()
            chs += ch or _EOF_RUNE
        elif ch not in ("+", "-", "?", "#", "%"):
            raise _LexError(f"unsupported modifier ({chs}) in substitution")

        trims = ch == "#" or ch == "%"
        if null_is_unset and trims:
            raise _LexError(f"unsupported modifier ({chs}) in substitution")
        try:
            word, _ = self.scan("}", trims)
        except _LexError:
            if self.pos >= n:
                raise _LexError("syntax error: missing '}'") from None
            raise

        value = self.lookup(name)
        if value is None and skip_unset:
            return "${" + name + chs + word + "}"
        unset = value is None or (null_is_unset and value == "")
        if ch == "-":
            return word if unset else (value or "")
        if ch == "+":
            return "" if unset else word
        if ch == "?":
            if value is None:
                raise _LexError(f"{name}: {word or 'is not allowed to be unset'}")
            if unset:
                raise _LexError(f"{name}: {word or 'is not allowed to be empty'}")
            return value
        if trims:
            greedy = word.startswith(ch)
            if greedy:
                word = word[1:]
            try:
                if ch == "%":
                    return trim_suffix(word, value or "", greedy)
                return trim_prefix(word, value or "", greedy)
            except PatternError as e:
                raise _LexError(f"invalid pattern ({word}) in substitution: {e}") from None
        raise _LexError(f"unsupported modifier ({chs}) in substitution")

    def substitute(self, name: str) -> str:
        """``${name/pattern/replacement}`` and ``${name//pattern/replacement}``."""
        n = self.n
        every = self.pos < n and self.src[self.pos] == "/"
        if every:
            self.pos += 1
        try:
            pattern, _ = self.scan("/", True)
        except _LexError:
            if self.pos >= n:
                raise _LexError("syntax error: missing '/' in ${}") from None
            raise
        try:
            replacement, _ = self.scan("}", True)
        except _LexError:
            if self.pos >= n:
                raise _LexError("syntax error: missing '}'") from None
            raise

        value = self.lookup(name)
        if value is None:
            if self.lex.skip_unset:
                return "${" + name + "/" + pattern + "/" + replacement + "}"
            value = ""
        try:
            rx = compiled_pattern(pattern, True, False)
        except PatternError as e:
            raise _LexError(f"invalid pattern ({pattern}) in substitution: {e}") from None
        if every:
            return replace_all(rx, value, replacement)
        m = rx.search(value)
        if m is None:
            return value
        return value[: m.start()] + replacement + value[m.end() :]


@lru_cache(maxsize=64)
def _specials(esc: str, quotes: bool, stop: str | None) -> re.Pattern[str]:
    """The chars that end a run of ordinary text for one kind of scan."""
    chars = {"$", "<", esc}
    if quotes:
        chars.update("'\"")
    if stop is not None:
        chars.add(stop)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def _add_text(text: str, wbuf: list[str], words: list[str]) -> None:
    """Add unquoted text to the word being built: whitespace ends the word.

    BuildKit also tracks an "in word" flag, but it is set whenever the buffer is non-empty
    and only consulted together with it, so the buffer alone decides.
    """
    parts = _SPLIT.split(text)
    if parts[0]:
        wbuf.append(parts[0])
    for part in parts[1:]:
        if wbuf:
            words.append("".join(wbuf))
            wbuf.clear()
        if part:
            wbuf.append(part)


def _is_digit(c: str) -> bool:
    # Go's unicode.IsDigit is category Nd, which is what str.isdecimal() checks.
    return "0" <= c <= "9" or (c > "\x7f" and c.isdecimal())
