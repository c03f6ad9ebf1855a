"""``dockyard rmi [-f] IMAGE...``: untag and remove images."""

from __future__ import annotations

import click

from builder.cli.imagefmt import open_store
from builder.cli.output import print_error
from builder.errors import DockyardError


@click.command("rmi")
@click.argument("names", nargs=-1, required=True, metavar="IMAGE...")
@click.option("-f", "--force", is_flag=True, help="Remove the image even when several "
              "repositories name it.")
@click.pass_context
def rmi(ctx: click.Context, names: tuple[str, ...], force: bool) -> None:
    """Remove one or more images (a name untags; the image goes with its last name)."""
    store = open_store(ctx)
    failed = False
    for name in names:
        try:
            events = store.remove_image(name, force=force)
        except DockyardError as err:
            print_error(err)
            failed = True
            continue
        for event, value in events:
            click.echo(f"{event}: {value}")
    if failed:
        ctx.exit(1)
