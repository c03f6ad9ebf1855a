"""``dockyard kill [-s SIGNAL] CONTAINER...``: signal running containers."""

from __future__ import annotations

from typing import Any

import click

from builder.cli.runopts import each_container


@click.command("kill")
@click.option("-s", "--signal", "sig", default="KILL", help="Signal to send (default KILL).")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def kill(ctx: click.Context, sig: str, names: tuple[str, ...]) -> None:
    """Kill one or more running containers (or send them another signal)."""
    from builder.runner.lifecycle import parse_signal, send_signal, wait_exit

    number = parse_signal(sig)

    def act(c: Any) -> None:
        send_signal(c, number)
        if number == 9:
            wait_exit(c, 10)

    each_container(ctx, names, act)
