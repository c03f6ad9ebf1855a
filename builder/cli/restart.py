"""``dockyard restart [-t SECONDS] CONTAINER...``: stop, then start containers."""

from __future__ import annotations

from typing import Any

import click

from builder.cli.runopts import each_container, root_of


@click.command("restart")
@click.option("-t", "--time", "timeout", type=int, default=None,
              help="Seconds to wait before killing the container (default 10).")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def restart(ctx: click.Context, timeout: int | None, names: tuple[str, ...]) -> None:
    """Restart one or more containers."""
    from builder.runner.lifecycle import start_detached, stop

    root = root_of(ctx)

    def act(c: Any) -> None:
        stop(c, timeout)
        start_detached(root, c)

    each_container(ctx, names, act)
