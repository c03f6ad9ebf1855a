"""A command's flags as data, read by click and, for the commands timed end to end (``run``,
``build``), by a parser that needs no import beyond the standard library's cheapest parts.

:func:`parse` reads a plain use of the flags exactly as click would; anything else (``--help``,
an unknown flag, a bad number or choice) makes it return ``None``, and the caller hands the
arguments to click, which explains the mistake.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Flag:
    """One option: its names, destination, kind (``str``, ``multi``, ``int``, ``posint``,
    ``float``, ``flag`` or ``choice``), default and help."""

    __slots__ = (
        "choices",
        "default",
        "dest",
        "help",
        "kind",
        "metavar",
        "names",
        "show_default",
    )

    def __init__(self, names: tuple[str, ...], dest: str, kind: str, default: object = None,
                 help: str = "", choices: tuple[str, ...] = (), show_default: bool = False,
                 metavar: str | None = None) -> None:
        self.names, self.dest, self.kind, self.default = names, dest, kind, default
        self.help, self.choices = help, choices
        self.show_default, self.metavar = show_default, metavar


def parse(args: list[str], flags: tuple[Flag, ...],
          interspersed: bool) -> tuple[dict[str, Any], list[str]] | None:
    """``(options, positional arguments)`` as click would read ``args``, or ``None``.

    Without ``interspersed``, the first positional argument ends the options (``run``'s
    command line follows its image)."""
    by_name = {name: flag for flag in flags for name in flag.names}
    kw: dict[str, Any] = {f.dest: [] if f.kind == "multi" else f.default for f in flags}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            positional += args[i:]
            break
        if not arg.startswith("-") or arg == "-":
            positional.append(arg)
            if not interspersed:
                positional += args[i:]
                break
            continue
        uses: list[tuple[Flag | None, str | None]] = []  # (flag, value given with it)
        if arg.startswith("--"):
            name, eq, attached = arg.partition("=")
            uses.append((by_name.get(name), attached if eq else None))
        else:  # a cluster of short options: flags, the last may take the rest or the next arg
            for pos in range(1, len(arg)):
                flag = by_name.get("-" + arg[pos])
                if flag is None or flag.kind != "flag":
                    uses.append((flag, arg[pos + 1:] or None))
                    break
                uses.append((flag, None))
        for flag, value in uses:
            if flag is None or (value is not None and flag.kind == "flag"):
                return None
            if value is None and flag.kind != "flag":
                if i == len(args):
                    return None
                value = args[i]
                i += 1
            if not _set(kw, flag, value or ""):
                return None
    for flag in flags:
        if flag.kind == "multi":
            kw[flag.dest] = tuple(kw[flag.dest])
    return kw, positional


def _set(kw: dict[str, Any], flag: Flag, value: str) -> bool:
    kind = flag.kind
    if kind == "flag":
        kw[flag.dest] = True
    elif kind == "multi":
        kw[flag.dest].append(value)
    elif kind in ("int", "posint", "float"):
        try:
            number = float(value) if kind == "float" else int(value)
        except ValueError:
            return False
        if kind == "posint" and number < 1:
            return False
        kw[flag.dest] = number
    elif kind == "choice" and value not in flag.choices:
        return False
    else:
        kw[flag.dest] = value
    return True
