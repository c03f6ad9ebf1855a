"""Click options from a :class:`~builder.cli.fastargs.Flag` table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from builder.cli.fastargs import Flag


def options_of(flags: tuple[Flag, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator adding ``flags`` as click options, in the table's order."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for f in reversed(flags):
            extra: dict[str, Any] = {"help": f.help or None}
            if f.kind == "flag":
                extra["is_flag"] = True
            elif f.kind == "multi":
                extra["multiple"] = True
            else:
                extra["default"] = f.default
                extra["type"] = {"int": int, "float": float,
                                 "posint": click.IntRange(min=1),
                                 "choice": click.Choice(list(f.choices))}.get(f.kind)
            if f.show_default:
                extra["show_default"] = True
            if f.metavar:
                extra["metavar"] = f.metavar
            func = click.option(*f.names, f.dest, **extra)(func)
        return func

    return decorate
