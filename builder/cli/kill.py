"""``dockyard kill [-s SIGNAL] CONTAINER...``: signal running containers."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of
from builder.errors import DockyardError


@click.command("kill")
@click.option("-s", "--signal", "sig", default="KILL", help="Signal to send (default KILL).")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def kill(ctx: click.Context, sig: str, names: tuple[str, ...]) -> None:
    """Kill one or more running containers (or send them another signal)."""
    from builder.cli.output import print_error
    from builder.runner.container import Containers
    from builder.runner.lifecycle import parse_signal, send_signal, wait_exit

    number = parse_signal(sig)
    containers = Containers(root_of(ctx))
    failed = False
    for name in names:
        try:
            c = containers.get(name)
            send_signal(c, number)
            if number == 9:
                wait_exit(c, 10)
            click.echo(name)
        except DockyardError as err:
            print_error(err)
            failed = True
    if failed:
        ctx.exit(1)
