"""``dockyard rm [-f] [-v] CONTAINER...``: remove containers."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import DockyardError


@click.command("rm")
@click.option("-f", "--force", is_flag=True, help="Force the removal of a running container "
              "(uses SIGKILL).")
@click.option("-v", "--volumes", is_flag=True, help="Remove anonymous volumes associated "
              "with the container.")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def rm(ctx: click.Context, force: bool, volumes: bool, names: tuple[str, ...]) -> None:
    """Remove one or more containers."""
    from builder.cli.output import print_error
    from builder.runner.container import Containers
    from builder.runner.lifecycle import remove

    root = root_of(ctx)
    containers = Containers(root)
    failed = False
    for name in names:
        try:
            remove(root, containers.get(name), force=force, volumes=volumes)
            click.echo(name)
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
