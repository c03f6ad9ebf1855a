"""``dockyard container prune|ls|inspect|diff|export|rename|port``: manage containers."""

from __future__ import annotations

import click

from builder.cli.diff import diff
from builder.cli.export import export
from builder.cli.port import port
from builder.cli.ps import ps
from builder.cli.rename import rename
from builder.cli.runopts import root_of


@click.group("container")
def container() -> None:
    """Manage containers."""


@container.command("prune")
@click.option("-f", "--force", is_flag=True, help="Do not prompt for confirmation.")
@click.pass_context
def prune(ctx: click.Context, force: bool) -> None:
    """Remove all stopped containers."""
    from pathlib import Path

    from builder.runner.container import Containers
    from builder.runner.lifecycle import remove

    if not force and not click.confirm("WARNING! This will remove all stopped containers.\n"
                                       "Are you sure you want to continue?"):
        return
    from builder.blobs import tree_size
    from builder.cli.imagefmt import human_size

    root = root_of(ctx)
    removed = []
    reclaimed = 0
    for c in Containers(root).all():
        if not c.running:
            size = tree_size(Path(c.dir) / "upper") + tree_size(Path(c.dir) / "fs")
            remove(root, c)
            reclaimed += size
            removed.append(c.id)
    from builder.rmtree import remove_tree
    from builder.runner.removal import empty_later

    containers = Containers(root)
    empty_later(containers.dir)
    for trash in Path(containers.dir).glob(".rm-*"):  # removals that were interrupted
        remove_tree(trash)
    from builder.runner.initlayer import prune_init_layers

    prune_init_layers(containers.dir, {d for c in containers.all()  # made meanwhile too
                                       for d in c.config.get("LowerDirs") or []})
    if removed:
        click.echo("Deleted Containers:")
        for cid in removed:
            click.echo(cid)
        click.echo("")
    click.echo(f"Total reclaimed space: {human_size(reclaimed)}")


@container.command("inspect")
@click.argument("names", nargs=-1, required=True, metavar="CONTAINER...")
@click.pass_context
def inspect(ctx: click.Context, names: tuple[str, ...]) -> None:
    """Show low-level information on containers as a JSON array."""
    from builder.cli.inspect import inspect as inspect_any

    ctx.invoke(inspect_any, names=names, kind="container")


container.add_command(ps, "ls")  # the same command, every flag of ps
for _command in (diff, export, port, rename):
    container.add_command(_command)
