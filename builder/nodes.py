"""The low-level Dockerfile AST and BuildKit's line parsers.

A :class:`Node` is one instruction as the parser saw it: its keyword, raw ``--flag`` words and
argument nodes, before any validation. The argument shapes follow BuildKit exactly (see
``dump``), so a parse can be compared byte for byte with BuildKit's AST dump.
"""

from __future__ import annotations

import json
import re

from builder.goquote import go_quote
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

# Go's unicode.IsSpace.
SPACE_CHARS = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPACES = frozenset(SPACE_CHARS)
_RE_WHITESPACE = re.compile(r"[\t\x0b\x0c\r ]+")

HEREDOC_INSTRUCTIONS = frozenset({"run", "copy", "add"})


class NodeError(Exception):
    """A line that cannot be parsed; the parser adds the location."""


class Heredoc(Record):
    """A heredoc attached to an instruction (``<<EOF`` … ``EOF``)."""

    __slots__ = ("name", "content", "expand", "chomp", "fd")
    name: Final[str]
    content: Final[str]
    expand: Final[bool]
    chomp: Final[bool]
    fd: Final[int]

    def __init__(self, name: str, content: str = "", expand: bool = True, chomp: bool = False,
                 fd: int = 0) -> None:
        self.name = name
        self.content = content
        self.expand = expand
        self.chomp = chomp
        self.fd = fd


class Node(Record):
    """One instruction: keyword, raw flags, argument words (or a sub-instruction for ONBUILD)."""

    __slots__ = ("value", "original", "flags", "args", "sub", "json", "heredocs", "start_line",
                 "end_line", "column", "empty_continuation")
    value: Final[str]
    original: Final[str]
    flags: Final[tuple[str, ...]]
    args: Final[tuple[str, ...]]
    sub: Final[Node | None]
    json: Final[bool]
    heredocs: Final[tuple[Heredoc, ...]]
    start_line: Final[int]
    end_line: Final[int]
    column: Final[int]
    empty_continuation: Final[bool]

    def __init__(self, value: str, original: str = "", flags: tuple[str, ...] = (),
                 args: tuple[str, ...] = (), sub: Node | None = None, json: bool = False,
                 heredocs: tuple[Heredoc, ...] = (), start_line: int = 0, end_line: int = 0,
                 column: int = 1, empty_continuation: bool = False) -> None:
        self.value = value
        self.original = original
        self.flags = flags
        self.args = args
        self.sub = sub
        self.json = json
        self.heredocs = heredocs
        self.start_line = start_line
        self.end_line = end_line
        self.column = column
        self.empty_continuation = empty_continuation

    @property
    def command(self) -> str:
        """The keyword in lower case (``run``, ``copy``, …)."""
        return self.value.lower()

    def can_contain_heredoc(self) -> bool:
        """RUN, COPY and ADD in shell form (also under ONBUILD) may carry heredocs."""
        node = self
        if node.command == "onbuild" and node.sub is not None:
            node = node.sub
        return node.command in HEREDOC_INSTRUCTIONS and not node.json

    def dump(self) -> str:
        """BuildKit's ``Node.Dump`` for this instruction (without the outer parentheses)."""
        parts = [self.value.lower()]
        if self.flags:
            parts.append("[" + " ".join(go_quote(f) for f in self.flags) + "]")
        if self.sub is not None:
            parts.append("(" + self.sub.dump() + ")")
        parts.extend(go_quote(a) for a in self.args)
        return " ".join(parts).strip(SPACE_CHARS)


def dump(nodes: list[Node] | tuple[Node, ...]) -> str:
    """BuildKit's dump of a whole file's AST (a ``result`` file holds this plus a newline)."""
    return "".join(f"({n.dump()})\n" for n in nodes).strip(SPACE_CHARS)


def trim_space(s: str) -> str:
    """Go's ``strings.TrimSpace``."""
    return s.strip(SPACE_CHARS)


def split_command(line: str, escape: str) -> tuple[str, tuple[str, ...], str]:
    """Split a logical line into keyword, raw flag words, and the rest (BuildKit's splitCommand)."""
    parts = _RE_WHITESPACE.split(trim_space(line), maxsplit=1)
    if len(parts) < 2:
        return parts[0], (), ""
    rest, flags = extract_builder_flags(parts[1], escape)
    return parts[0], flags, trim_space(rest)


def extract_builder_flags(line: str, escape: str) -> tuple[str, tuple[str, ...]]:
    """Take the leading ``--flag`` words off ``line``, removing quotes and escapes inside them."""
    n = len(line)
    pos = 0
    while pos < n and line[pos] in _SPACES:
        pos += 1
    if not line.startswith("--", pos):
        return line[pos:], ()
    words: list[str] = []
    buf: list[str] = []
    blank_ok = False
    in_word = False
    quote = ""
    while True:
        if not in_word:
            while pos < n and line[pos] in _SPACES:
                pos += 1
            if pos == n:
                return "", tuple(words)
            if not line.startswith("--", pos):
                return line[pos:], tuple(words)
            in_word = True
            quote = ""
        if pos == n:
            word = "".join(buf)
            if word != "--" and (blank_ok or word):
                words.append(word)
            return "", tuple(words)
        ch = line[pos]
        if quote:
            if ch == quote:
                quote = ""
            elif ch == escape:
                if pos + 1 == n:
                    quote = ""
                else:
                    pos += 1
                    buf.append(line[pos])
            else:
                buf.append(ch)
        elif ch in _SPACES:
            word = "".join(buf)
            if word == "--":
                return line[pos:], tuple(words)
            if blank_ok or word:
                words.append(word)
            buf.clear()
            blank_ok = False
            in_word = False
        elif ch in "'\"":
            quote = ch
            blank_ok = True
        elif ch == escape:
            if pos + 1 < n:
                pos += 1
                buf.append(line[pos])
        else:
            buf.append(ch)
        pos += 1


def parse_words(rest: str, escape: str) -> list[str]:
    """Split on white space, keeping quoted sections (and their quotes) together."""
    words: list[str] = []
    buf: list[str] = []
    blank_ok = False
    in_word = False
    quote = ""
    n = len(rest)
    pos = 0
    while pos < n:
        ch = rest[pos]
        if not in_word:
            if ch in _SPACES:
                pos += 1
                continue
            in_word = True
        if quote:
            if ch == quote:
                quote = ""
            elif ch == escape and quote != "'":
                if pos + 1 == n:
                    quote = ""
                    pos += 1
                    continue
                buf.append(ch)
                pos += 1
                ch = rest[pos]
            buf.append(ch)
        elif ch in _SPACES:
            if blank_ok or buf:
                words.append("".join(buf))
            buf.clear()
            blank_ok = False
            in_word = False
        else:
            if ch in "'\"":
                quote = ch
                blank_ok = True
            if ch == escape:
                if pos + 1 == n:
                    pos += 1
                    continue
                buf.append(ch)
                pos += 1
                ch = rest[pos]
            buf.append(ch)
        pos += 1
    if in_word and (blank_ok or buf):
        words.append("".join(buf))
    return words


class _NotStringArray(NodeError):
    pass


_NOT_STRINGS = "when using JSON array syntax, arrays must be comprised of strings only"


def _reject_constant(name: str) -> object:
    raise ValueError(name)


def parse_json(rest: str) -> list[str] | None:
    """The strings of a JSON array, or None when ``rest`` is not one (BuildKit's parseJSON)."""
    rest = rest.lstrip(SPACE_CHARS)
    if not rest.startswith("["):
        return None
    try:
        value = json.loads(rest, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, list):
        return None
    if not all(isinstance(v, str) for v in value):
        raise _NotStringArray(_NOT_STRINGS)
    return value


def _whitespace_list(rest: str) -> tuple[str, ...]:
    if rest == "":
        return ()
    return tuple(_RE_WHITESPACE.split(rest))


def _name_val(rest: str, key: str, escape: str) -> tuple[str, ...]:
    words = parse_words(rest, escape)
    if not words:
        return ()
    if "=" not in words[0]:
        parts = _RE_WHITESPACE.split(rest, maxsplit=1)
        if len(parts) < 2:
            raise NodeError(f"{key} must have two arguments")
        return (parts[0], parts[1], "")
    out: list[str] = []
    for word in words:
        if "=" not in word:
            raise NodeError(
                f"Syntax error - can't find = in {go_quote(word)}. Must be of the form: name=value"
            )
        k, v = word.split("=", 1)
        out += (k, v, "=")
    return tuple(out)


def _maybe_json(rest: str) -> tuple[tuple[str, ...], bool]:
    if rest == "":
        return (), False
    values = parse_json(rest)
    if values is not None:
        return tuple(values), True
    return (rest,), False


def _maybe_json_list(rest: str) -> tuple[tuple[str, ...], bool]:
    values = parse_json(rest)
    if values is not None:
        return tuple(values), True
    return _whitespace_list(rest), False


def _health(rest: str) -> tuple[tuple[str, ...], bool]:
    sep = 0
    n = len(rest)
    while sep < n and rest[sep] not in _SPACES:
        sep += 1
    if sep == 0:
        return (), False
    nxt = sep
    while nxt < n and rest[nxt] in _SPACES:
        nxt += 1
    cmd, is_json = _maybe_json(rest[nxt:])
    return (rest[:sep], *cmd), is_json


def new_node(line: str, escape: str) -> Node:
    """Parse one logical line into a :class:`Node` (BuildKit's newNodeFromLine)."""
    cmd, flags, rest = split_command(line, escape)
    kind = cmd.lower()
    args: tuple[str, ...] = ()
    is_json = False
    sub: Node | None = None
    if kind in ("run", "cmd", "entrypoint", "shell"):
        args, is_json = _maybe_json(rest)
    elif kind in ("add", "copy", "volume"):
        args, is_json = _maybe_json_list(rest)
    elif kind in ("from", "expose"):
        args = _whitespace_list(rest)
    elif kind in ("env", "label"):
        args = _name_val(rest, "ENV" if kind == "env" else "LABEL", escape)
    elif kind == "arg":
        args = tuple(parse_words(rest, escape))
    elif kind in ("maintainer", "user", "workdir", "stopsignal"):
        args = (rest,) if rest else ()
    elif kind == "healthcheck":
        args, is_json = _health(rest)
    elif kind == "onbuild" and rest:
        sub = new_node(rest, escape)
    return Node(value=cmd, original=line, flags=flags, args=args, sub=sub, json=is_json)


_RE_HEREDOC = re.compile(r"([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)\Z")


def parse_heredoc(src: str) -> Heredoc | None:
    """The heredoc declared by word ``src`` (``<<EOF``, ``<<-"EOF"``, ``3<<EOF``), or None."""
    m = _RE_HEREDOC.match(src)
    if m is None or not m[3]:
        return None
    from builder.errors import ExpansionError
    from builder.shell_words import Lex

    rest = m[3]
    try:
        words = Lex("\\", skip_unset=True).process_words(rest, {})
        if len(words) != 1:
            return None
        raw = Lex("\\", raw_quotes=True, skip_unset=True).process_words(rest, {})
    except ExpansionError as err:
        raise NodeError(err.message) from None
    if len(raw) != len(words):
        raise NodeError(f"internal lexing of heredoc produced inconsistent results: {rest}")
    word = words[0]
    quotes = word.count("'") + word.count('"')
    raw_quotes = raw[0].count("'") + raw[0].count('"')
    fd = int(m[1]) if m[1] and len(m[1]) < 19 else 0
    return Heredoc(name=word, expand=quotes == raw_quotes, chomp=m[2] == "-", fd=fd)


def heredocs_from_line(line: str) -> list[Heredoc]:
    """Every heredoc a logical line declares, in order (BuildKit's heredocsFromLine)."""
    from builder.errors import ExpansionError
    from builder.shell_words import Lex

    try:
        words = Lex("\\", raw_quotes=True, raw_escapes=True, skip_unset=True).process_words(
            line, {}
        )
    except ExpansionError:
        return []
    docs = []
    for word in words:
        doc = parse_heredoc(word)
        if doc is not None:
            docs.append(doc)
    return docs


def chomp_heredoc(content: str) -> str:
    """Remove leading tabs from every line (``<<-``)."""
    return _RE_LEADING_TABS.sub("", content)


_RE_LEADING_TABS = re.compile(r"^\t+", re.M)
