"""``dockyard rename CONTAINER NEW_NAME``."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import ContainerError, DockyardError


@click.command("rename")
@click.argument("old", metavar="CONTAINER")
@click.argument("new", metavar="NEW_NAME")
@click.pass_context
def rename(ctx: click.Context, old: str, new: str) -> None:
    """Rename a container (running or not)."""
    from builder.cli.output import print_error
    from builder.runner.container import Containers

    old, new = old.strip(), new.strip()
    if not old or not new:
        raise ContainerError("Neither old nor new names may be empty")
    try:
        Containers(root_of(ctx)).rename(old, new)
    except DockyardError as err:
        print_error(err)  # the reason, then which rename failed: Docker's two lines
        raise ContainerError(f"failed to rename container named {old}") from None
