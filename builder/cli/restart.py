"""``dockyard restart [-t SECONDS] CONTAINER...``: stop, then start containers."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import DockyardError


@click.command("restart")
@click.option("-t", "--time", "timeout", type=int, default=None,
              help="Seconds to wait before killing the container (default 10).")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def restart(ctx: click.Context, timeout: int | None, names: tuple[str, ...]) -> None:
    """Restart one or more containers."""
    from builder.cli.output import print_error
    from builder.runner.container import Containers
    from builder.runner.lifecycle import start_detached, stop

    root = root_of(ctx)
    containers = Containers(root)
    failed = False
    for name in names:
        try:
            c = containers.get(name)
            stop(c, timeout)
            start_detached(root, c)
            click.echo(name)
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
