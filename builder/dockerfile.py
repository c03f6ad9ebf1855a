"""A parsed Dockerfile (:class:`Dockerfile`) and where the grammar that parses it lives.

Kept apart from :mod:`builder.parser`, which imports Lark: a Dockerfile parsed before and
read back from the build's parse cache (:mod:`builder.build.parsed`) needs only this module.
"""

from __future__ import annotations

import functools
from pathlib import Path

from builder.errors import DockerfileError, Location
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    from builder.instructions import Instruction
    from builder.nodes import Node

__all__ = ["Directive", "Dockerfile", "grammar_path"]


def grammar_path() -> Path:
    """``grammar/dockerfile.lark``: inside the package when installed, beside it in a
    checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (
        here / "grammar" / "dockerfile.lark",
        here.parent / "grammar" / "dockerfile.lark",
    ):
        if candidate.is_file():
            return candidate
    # a broken installation
    raise DockerfileError("the Dockerfile grammar (grammar/dockerfile.lark) is not installed")


class Directive(Record):
    """A parser directive from the top of the file (``# escape=`` …)."""

    __slots__ = ("name", "value", "line")
    name: Final[str]
    value: Final[str]
    line: Final[int]

    def __init__(self, name: str, value: str, line: int) -> None:
        self.name = name
        self.value = value
        self.line = line


class _Cached:
    """A base without ``__slots__``: its subclasses' instances get a ``__dict__``, where
    :func:`functools.cached_property` keeps its values."""


class Dockerfile(Record, _Cached):
    """A parsed Dockerfile: its directives, its AST nodes, and (lazily) typed instructions."""

    __slots__ = ("filename", "escape", "directives", "nodes", "warnings", "source_lines")
    _compared = ("filename", "escape", "directives", "nodes", "warnings")
    filename: Final[str]
    escape: Final[str]
    directives: Final[tuple[Directive, ...]]
    nodes: Final[tuple[Node, ...]]
    warnings: Final[tuple[tuple[str, int], ...]]
    source_lines: Final[tuple[str, ...]]

    def __init__(self, filename: str, escape: str, directives: tuple[Directive, ...],
                 nodes: tuple[Node, ...], warnings: tuple[tuple[str, int], ...] = (),
                 source_lines: tuple[str, ...] = ()) -> None:
        self.filename = filename
        self.escape = escape
        self.directives = directives
        self.nodes = nodes
        self.warnings = warnings
        self.source_lines = source_lines

    def directive(self, name: str) -> str | None:
        """The value of directive ``name``, if present."""
        for d in self.directives:
            if d.name == name:
                return d.value
        return None

    @functools.cached_property
    def instructions(self) -> tuple[Instruction, ...]:
        """The typed, validated instructions (raises :class:`DockerfileError`)."""
        from builder.instructions import Arg, From, from_node

        out = tuple(from_node(n, self) for n in self.nodes)
        for ins in out:
            if isinstance(ins, From):
                break
            if not isinstance(ins, Arg):
                loc = ins.location
                raise DockerfileError(
                    "no build stage in current context", loc, self.line_text(loc.line)
                )
        return out

    def location(self, node: Node) -> Location:
        """The location of ``node`` in this file."""
        return Location(self.filename, node.start_line, node.end_line, node.column)

    def line_text(self, line: int) -> str | None:
        """The text of physical line ``line`` (1-based), for error messages."""
        if 1 <= line <= len(self.source_lines):
            return self.source_lines[line - 1].rstrip("\r")
        return None

    def dump(self) -> str:
        """BuildKit's AST dump of the whole file."""
        from builder.nodes import dump

        return dump(self.nodes)
