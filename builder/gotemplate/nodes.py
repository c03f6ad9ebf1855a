"""The parse tree of a template: text, actions, ``if``/``with``/``range`` and their parts.

An :class:`Action` holds a :class:`Pipe` of :class:`Command` stages whose arguments are
fields, variables, function names, literals, dot or parenthesized pipes; ``str()`` of an
operand gives it back as Go writes it in an error (``<.A.B>``). A :class:`TemplateCall` runs
a named template (``{{template}}``, ``{{block}}``); :func:`is_empty` is Go's test of whether
a template's body holds nothing but space.
"""

from __future__ import annotations

from typing import Any


class Node:
    """A node of the tree; ``pos`` is where its source starts (for error messages)."""

    pos: int = 0


class Text(Node):
    def __init__(self, text: str) -> None:
        self.text = text


class Literal(Node):
    """A constant: string, number, bool, nil; ``src`` is how it was written."""

    def __init__(self, value: Any, src: str, pos: int) -> None:
        self.value, self.src, self.pos = value, src, pos

    def __str__(self) -> str:
        return self.src


class Dot(Node):
    def __init__(self, pos: int) -> None:
        self.pos = pos

    def __str__(self) -> str:
        return "."


class Field(Node):
    """``.A.B`` from dot, ``$x.A.B`` from a variable, ``(pipe).A`` from a pipeline."""

    def __init__(self, base: Node | None, names: list[str], pos: int) -> None:
        self.base, self.names, self.pos = base, names, pos

    def __str__(self) -> str:
        head = "" if self.base is None else (
            f"({self.base})" if isinstance(self.base, Pipe) else str(self.base))
        return head + "".join("." + n for n in self.names)


class Var(Node):
    def __init__(self, name: str, pos: int) -> None:
        self.name, self.pos = name, pos

    def __str__(self) -> str:
        return self.name


class Ident(Node):
    def __init__(self, name: str, pos: int) -> None:
        self.name, self.pos = name, pos

    def __str__(self) -> str:
        return self.name


class Command(Node):
    def __init__(self, args: list[Node], pos: int) -> None:
        self.args, self.pos = args, pos

    def __str__(self) -> str:
        return " ".join(f"({a})" if isinstance(a, Pipe) else str(a) for a in self.args)


class Pipe(Node):
    def __init__(self, decl: list[str], assign: bool, cmds: list[Command], pos: int) -> None:
        self.decl, self.assign, self.cmds, self.pos = decl, assign, cmds, pos

    def __str__(self) -> str:
        head = ", ".join(self.decl) + (" = " if self.assign else " := ") if self.decl else ""
        return head + " | ".join(str(c) for c in self.cmds)


class Action(Node):
    def __init__(self, pipe: Pipe) -> None:
        self.pipe = pipe


class Control(Node):
    """``if``, ``with`` or ``range``: a pipeline, a body and an optional else."""

    def __init__(self, kind: str, pipe: Pipe, body: list[Node],
                 orelse: list[Node] | None) -> None:
        self.kind, self.pipe, self.body, self.orelse = kind, pipe, body, orelse


class Break(Node):
    pass


class Continue(Node):
    pass


class TemplateCall(Node):
    """``{{template "name" pipe}}``: the named template run on the pipe's value, or no value."""

    def __init__(self, name: str, pipe: Pipe | None, pos: int) -> None:
        self.name, self.pipe, self.pos = name, pipe, pos

    def __str__(self) -> str:
        from builder.goquote import go_quote

        return "{{template " + go_quote(self.name) + (f" {self.pipe}" if self.pipe else "") + "}}"


# Go's unicode.IsSpace: what bytes.TrimSpace drops
_GO_SPACE = " \t\n\v\f\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def is_empty(body: list[Node]) -> bool:
    """Go's parse.IsEmptyTree: nothing but text of white space (a redefinition's test)."""
    return all(isinstance(n, Text) and not n.text.strip(_GO_SPACE) for n in body)
