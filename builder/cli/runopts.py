"""What the container commands share: the ``create``/``run`` flags and container lookup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from builder.cli.clickopts import options_of
from builder.cli.runflags import CREATE_FLAGS


def root_of(ctx: click.Context) -> Path:
    """The dockyard root from the group's settings."""
    from builder.settings import Settings

    settings = ctx.find_object(Settings) or Settings.from_env()
    return Path(settings.root)


def create_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The flags ``create`` and ``run`` share (``CREATE_FLAGS``), and IMAGE [COMMAND...]."""
    return options_of(CREATE_FLAGS)(click.argument("image")(click.argument(
        "command", nargs=-1, type=click.UNPROCESSED)(func)))


def each_container(ctx: click.Context, names: tuple[str, ...], act: Callable[[Any], None]) -> None:
    """Apply ``act`` to each named container, echoing its name; an error is printed and the
    others still go ahead, as Docker does; exit 1 if any failed."""
    from builder.cli.output import print_error
    from builder.errors import DockyardError
    from builder.runner.container import Containers

    containers = Containers(root_of(ctx))
    failed = False
    for name in names:
        try:
            act(containers.get(name))
            click.echo(name)
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
