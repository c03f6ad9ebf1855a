"""``dockyard stop [-t SECONDS] [-s SIGNAL] CONTAINER...``: stop running containers."""

from __future__ import annotations

import click

from builder.cli.runopts import each_container


@click.command("stop")
@click.option("-t", "--time", "timeout", type=int, default=None,
              help="Seconds to wait before killing the container (default 10).")
@click.option("-s", "--signal", "sig", default="", help="Signal to send (default: the "
              "image's STOPSIGNAL, else SIGTERM).")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def stop(ctx: click.Context, timeout: int | None, sig: str, names: tuple[str, ...]) -> None:
    """Stop containers: the stop signal, then SIGKILL after the grace period."""
    from builder.runner.lifecycle import parse_signal
    from builder.runner.lifecycle import stop as stop_container

    number = parse_signal(sig) if sig else None
    each_container(ctx, names, lambda c: stop_container(c, timeout, number))
