"""``dockyard wait CONTAINER...``: block until containers stop; print their exit codes."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import DockyardError


@click.command("wait")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def wait(ctx: click.Context, names: tuple[str, ...]) -> None:
    """Block until one or more containers stop, then print their exit codes."""
    from builder.cli.output import print_error
    from builder.runner.container import Containers
    from builder.runner.lifecycle import wait_code

    containers = Containers(root_of(ctx))
    failed = False
    for name in names:
        try:
            c = containers.get(name)
            click.echo(str(wait_code(c)))
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
