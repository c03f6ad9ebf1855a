"""``dockyard diff CONTAINER``: what changed in a container's file system."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of


@click.command("diff")
@click.argument("name", metavar="CONTAINER")
@click.pass_context
def diff(ctx: click.Context, name: str) -> None:
    """Inspect changes to files or directories on a container's filesystem.

    One line per change: ``A`` added, ``C`` changed, ``D`` deleted."""
    from builder.runner.changes import container_changes
    from builder.runner.container import Containers

    c = Containers(root_of(ctx)).get(name)
    for kind, path in container_changes(c):
        click.echo(f"{kind} {path}")
