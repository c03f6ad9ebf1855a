"""The parse tree of a template: text, actions, ``if``/``with``/``range`` and their parts.

An :class:`Action` holds a :class:`Pipe` of :class:`Command` stages whose arguments are
fields, variables, function names, literals, dot or parenthesized pipes; ``str()`` of an
operand gives it back as Go writes it in an error (``<.A.B>``).
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

