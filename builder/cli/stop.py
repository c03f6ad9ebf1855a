"""``dockyard stop [-t SECONDS] [-s SIGNAL] CONTAINER...``: stop running containers."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import DockyardError


@click.command("stop")
@click.option("-t", "--time", "timeout", type=int, default=None,
              help="Seconds to wait before killing the container (default 10).")
@click.option("-s", "--signal", "sig", default="", help="Signal to send (default: the "
              "image's STOPSIGNAL, else SIGTERM).")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def stop(ctx: click.Context, timeout: int | None, sig: str, names: tuple[str, ...]) -> None:
    """Stop containers: the stop signal, then SIGKILL after the grace period."""
    from builder.cli.output import print_error
    from builder.runner.container import Containers
    from builder.runner.lifecycle import parse_signal
    from builder.runner.lifecycle import stop as stop_container

    containers = Containers(root_of(ctx))
    failed = False
    for name in names:
        try:
            c = containers.get(name)
            stop_container(c, timeout, parse_signal(sig) if sig else None)
            click.echo(name)
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
