"""Parse Dockerfile text into located instructions.

``parse(source, filename)`` is pure: it never touches the disk. The Lark grammar
(``grammar/dockerfile.lark``) reads the line structure; :mod:`builder.nodes` reads each
logical line's arguments; :mod:`builder.instructions` types and validates them. Lark's
exceptions never leave this module: every problem is a :class:`DockerfileError` that names
the file, line and column.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, BinaryIO

from lark import Lark, Token, Transformer
from lark.lexer import ContextualLexer, Lexer

from builder.dockerfile import Directive, Dockerfile, grammar_path
from builder.errors import DockerfileError, Location
from builder.nodes import SPACE_CHARS, Heredoc, Node, NodeError, heredocs_from_line, new_node

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Iterator


__all__ = ["Directive", "Dockerfile", "parse", "parse_file"]

MAX_LINE = 65535
KNOWN_DIRECTIVES = ("syntax", "escape", "check")
_RE_DIRECTIVE = re.compile(r"([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*\Z")
_RE_LONG_LINE = re.compile(rf"[^\n]{{{MAX_LINE + 1}}}")


class _LineError(Exception):
    def __init__(self, message: str, line: int, end_line: int = 0, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.end_line = max(end_line, line)
        self.column = column


def scan_directives(text: str) -> tuple[tuple[Directive, ...], str]:
    """Read the directive block at the top of ``text``; returns the directives and escape char."""
    found: list[Directive] = []
    escape = "\\"
    pos = 0
    lineno = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        lineno += 1
        line = text[pos:end].rstrip("\r\n").lstrip(SPACE_CHARS)
        pos = end + 1
        if lineno == 1 and line.startswith("\ufeff"):
            line = line[1:].lstrip(SPACE_CHARS)
        if not line.startswith("#"):
            break
        m = _RE_DIRECTIVE.match(line[1:].lstrip(SPACE_CHARS))
        if m is None:
            break
        key = m[1].lower()
        if key not in KNOWN_DIRECTIVES:
            break
        if any(d.name == key for d in found):
            raise _LineError(f"only one {key} parser directive can be used", lineno)
        if key == "escape":
            if m[2] not in ("`", "\\"):
                raise _LineError(f"invalid escape token '{m[2]}' does not match ` or \\", lineno)
            escape = m[2]
        found.append(Directive(key, m[2], lineno))
    return tuple(found), escape


def _grammar_text(escape: str) -> str:
    text = grammar_path().read_text(encoding="utf-8")
    if escape == "`":
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.startswith("LINE_CONT"):
                new = line.replace("[^\\\\\\n])?\\\\[", "[^`\\n])?`[")
                assert new != line, "grammar: LINE_CONT pattern not found"
                lines[i] = new
        text = "\n".join(lines)
    return text


def _line_text(tok: Token, first: bool) -> str:
    """A physical line's contribution to its logical line (BuildKit's processLine)."""
    s: str = tok.value.rstrip("\r\n")
    if first:
        s = s.lstrip(SPACE_CHARS)
    if tok.type == "LINE_CONT":
        s = s.rstrip(" \t")[:-1]
    return s


def _last_line(tok: Token) -> int:
    value: str = tok.value
    return int(tok.line or 0) + value.count("\n", 0, len(value) - 1)


def _logical_line(tokens: list[Any]) -> tuple[str, bool]:
    """Join an instruction's line tokens; also says whether an empty continuation line was seen."""
    parts: list[str] = []
    empty = False
    for tok in tokens:
        kind = tok.type
        if kind == "LINE" or kind == "LINE_CONT":
            parts.append(_line_text(tok, not parts))
        elif kind == "BLANK":
            empty = True
    return "".join(parts), empty


class _DockerfileLexer(Lexer):
    """Lark's contextual lexer, plus the heredoc bodies that follow an instruction."""

    __future_interface__ = 2
    escape = "\\"

    def __init__(self, conf: Any) -> None:
        self.conf = conf
        self.contextual: ContextualLexer | None = None

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:
        if self.contextual is None:
            table = parser_state.parse_conf.parse_table
            states: dict[int, Collection[str]] = {
                idx: list(t.keys()) for idx, t in table.states.items()
            }
            self.contextual = ContextualLexer(self.conf, states)
        lexers = self.contextual.lexers
        pending: list[Token] = []
        while True:
            try:
                tok = lexers[parser_state.position].next_token(lexer_state, parser_state)
            except EOFError:
                if pending:
                    for _ in self._heredocs(pending, lexer_state):  # raises: nothing follows
                        pass
                return
            yield tok
            kind = tok.type
            if kind == "LINE_CONT":
                pending.append(tok)
            elif kind == "LINE":
                pending.append(tok)
                yield from self._heredocs(pending, lexer_state)
                pending = []
            elif pending:
                pending.append(tok)

    def _heredocs(self, tokens: list[Token], lexer_state: Any) -> Iterator[Token]:
        line, _ = _logical_line(tokens)
        if "<<" not in line:
            return
        first_line = int(tokens[0].line or 1)
        docs = _heredocs_for(line, self.escape, first_line)
        if not docs:
            return
        text: str = lexer_state.text.text
        counter = lexer_state.line_ctr
        pos = counter.char_pos
        n = len(text)
        for doc in docs:
            start = pos
            start_line = counter.line
            while True:
                if pos >= n:
                    raise _LineError(
                        "unterminated heredoc",
                        first_line,
                        _last_line(tokens[-1]) + text.count("\n", counter.char_pos, n) + 1,
                    )
                end = text.find("\n", pos)
                end = n if end < 0 else end + 1
                candidate = text[pos:end].rstrip("\r\n")
                if doc.chomp:
                    candidate = candidate.lstrip("\t")
                pos = end
                if candidate == doc.name:
                    break
            raw = text[start:pos]
            counter.feed(raw)
            yield Token("HEREDOC", raw, start, start_line, 1, counter.line, 1, pos)


class _BacktickLexer(_DockerfileLexer):
    escape = "`"


@functools.lru_cache(maxsize=256)
def _heredocs_for_cached(line: str, escape: str) -> tuple[Heredoc, ...]:
    node = new_node(line, escape)
    if not node.can_contain_heredoc():
        return ()
    return tuple(heredocs_from_line(line))


def _heredocs_for(line: str, escape: str, lineno: int) -> tuple[Heredoc, ...]:
    try:
        return _heredocs_for_cached(line, escape)
    except NodeError as err:
        raise _LineError(str(err), lineno) from None


def _make_transformer(escape: str) -> Any:
    class Builder(Transformer[Any, Any]):
        """Builds :class:`Node` objects while the LALR parser reduces (no tree is kept)."""

        def start(self, children: list[Any]) -> tuple[list[Node], int]:
            directives = sum(1 for c in children if c == "directive")
            return [c for c in children if isinstance(c, Node)], directives

        def directive(self, children: list[Any]) -> str:
            return "directive"

        def heredoc(self, children: list[Any]) -> Any:
            return children[0]

        def instruction(self, children: list[Any]) -> Node:
            return self._node(children)

        def unterminated(self, children: list[Any]) -> Node:
            return self._node(children)

        def _node(self, children: list[Any]) -> Node:
            lines = [c for c in children if c.type != "HEREDOC"]
            bodies = [c for c in children if c.type == "HEREDOC"]
            first = lines[0]
            start = int(first.line)
            end = _last_line(children[-1])
            column = 1 + len(first.value) - len(first.value.lstrip(SPACE_CHARS))
            line, empty = _logical_line(lines)
            try:
                node = new_node(line, escape)
            except NodeError as err:
                raise _LineError(str(err), start, _last_line(lines[-1]), column) from None
            heredocs: tuple[Heredoc, ...] = ()
            if bodies:
                docs = _heredocs_for(line, escape, start)
                heredocs = tuple(
                    Heredoc(d.name, _body(tok.value), d.expand, d.chomp, d.fd)
                    for d, tok in zip(docs, bodies, strict=True)
                )
            return Node(
                value=node.value,
                original=node.original,
                flags=node.flags,
                args=node.args,
                sub=node.sub,
                json=node.json,
                heredocs=heredocs,
                start_line=start,
                end_line=end,
                column=column,
                empty_continuation=empty,
            )

    return Builder()


def _body(raw: str) -> str:
    """A heredoc token's content: everything before its terminator line."""
    stop = len(raw) - 1 if raw.endswith("\n") else len(raw)
    return raw[: raw.rfind("\n", 0, stop) + 1]


@functools.cache
def _parser(escape: str) -> Lark:
    grammar = _grammar_text(escape)
    import hashlib

    cache: bool | str = True
    try:
        cache_dir = Path.home() / ".cache" / "dockyard"
        cache_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(grammar.encode()).hexdigest()[:16]
        cache = str(cache_dir / f"grammar-{digest}.lark")
    except OSError:
        pass
    return Lark(
        grammar,
        parser="lalr",
        lexer=_BacktickLexer if escape == "`" else _DockerfileLexer,
        transformer=_make_transformer(escape),
        cache=cache,
        maybe_placeholders=False,
    )


def _decode(source: str | bytes) -> str:
    if isinstance(source, bytes):
        return source.decode("utf-8", errors="surrogateescape")
    return source


def parse(source: str | bytes, filename: str = "Dockerfile") -> Dockerfile:
    """Parse a Dockerfile. Results are cached by content, so the same bytes parse once."""
    if isinstance(source, str):
        source = source.encode("utf-8", errors="surrogateescape")
    return _parse_cached(source, filename)


@functools.lru_cache(maxsize=32)
def _parse_cached(source: bytes, filename: str) -> Dockerfile:
    text = _decode(source)
    lines = tuple(text.split("\n"))
    try:
        return _parse_text(text, filename, lines)
    except _LineError as err:
        loc = Location(filename, err.line, err.end_line, err.column)
        raw = lines[err.line - 1] if 1 <= err.line <= len(lines) else None
        shown = raw.rstrip("\r") if raw is not None else None
        raise DockerfileError(err.message, loc, shown) from None


def _parse_text(text: str, filename: str, lines: tuple[str, ...]) -> Dockerfile:
    from lark.exceptions import LarkError, UnexpectedInput

    long = _RE_LONG_LINE.search(text)
    if long is not None:
        raise _LineError(
            f"dockerfile line greater than max allowed size of {MAX_LINE}",
            text.count("\n", 0, long.start()) + 1,
        )
    directives, escape = scan_directives(text)
    try:
        result: Any = _parser(escape).parse(text)
        nodes: list[Node] = result[0]
        n_directives: int = result[1]
    except UnexpectedInput as err:
        line = int(getattr(err, "line", 0) or 0)
        raise _LineError(f"syntax error: {type(err).__name__}", max(line, 1)) from None
    except LarkError as err:
        inner = getattr(err, "orig_exc", None)
        if isinstance(inner, _LineError):
            raise inner from None
        raise
    assert n_directives == len(directives), "directive block read differently"
    if not nodes:
        raise _LineError("file with no instructions", max(len(lines), 1))
    warnings = tuple(
        (f"Empty continuation line found in: {n.original}", n.end_line)
        for n in nodes
        if n.empty_continuation
    )
    return Dockerfile(filename, escape, directives, tuple(nodes), warnings, lines)


def parse_file(path: str | Path) -> Dockerfile:
    """Read and parse the Dockerfile at ``path``."""
    return parse(read_dockerfile(Path(path), str(path)), str(path))


def read_dockerfile(source: Path | BinaryIO, name: str) -> bytes:
    """The bytes of the Dockerfile at ``source`` (a path, or a stream such as stdin, read to
    its end); a :class:`DockerfileError` when it cannot be read or is larger than
    :data:`builder.capped.MAX_SMALL_FILE` (no more than that is read)."""
    from builder.capped import LIMIT_TEXT, read_capped

    try:
        data = read_capped(source)
    except OSError as err:
        raise DockerfileError(f"cannot read {name}: {err.strerror or err}") from None
    if data is None:
        raise DockerfileError(f"the Dockerfile {name} is larger than {LIMIT_TEXT}")
    return data
