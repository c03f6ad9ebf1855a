"""``dockyard start [-a] [-i] CONTAINER...``: start stopped containers."""

from __future__ import annotations

import click

from builder.cli.runmain import attached
from builder.cli.runopts import each_container, root_of


@click.command("start")
@click.option("-a", "--attach", is_flag=True, help="Attach STDOUT/STDERR and forward signals.")
@click.option("-i", "--interactive", is_flag=True, help="Attach the container's STDIN.")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def start(ctx: click.Context, attach: bool, interactive: bool, names: tuple[str, ...]) -> None:
    """Start one or more stopped containers."""
    from builder.runner.container import Containers
    from builder.runner.lifecycle import start_detached
    from builder.runner.supervisor import StartError

    root = root_of(ctx)
    containers = Containers(root)
    if attach or interactive:
        if len(names) > 1:
            raise click.UsageError("you cannot start and attach multiple containers at once")
        c = containers.get(names[0])
        try:
            ctx.exit(attached(root, c, interactive))
        except StartError as err:
            click.echo(f"dockyard: {err.message}", err=True)
            ctx.exit(err.code)
    each_container(ctx, names, lambda c: start_detached(root, c))
