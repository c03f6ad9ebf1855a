"""``dockyard rm [-f] [-v] CONTAINER...``: remove containers."""

from __future__ import annotations

import click

from builder.cli.runopts import each_container, root_of


@click.command("rm")
@click.option("-f", "--force", is_flag=True, help="Force the removal of a running container "
              "(uses SIGKILL).")
@click.option("-v", "--volumes", is_flag=True, help="Remove anonymous volumes associated "
              "with the container.")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def rm(ctx: click.Context, force: bool, volumes: bool, names: tuple[str, ...]) -> None:
    """Remove one or more containers."""
    from builder.runner.lifecycle import remove

    root = root_of(ctx)
    each_container(ctx, names, lambda c: remove(root, c, force=force, volumes=volumes))
