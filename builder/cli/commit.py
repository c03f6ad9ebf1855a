"""``dockyard commit [-m MSG] [-a AUTHOR] CONTAINER [REPOSITORY[:TAG]]``."""

from __future__ import annotations

import click

from builder.cli.runopts import root_of


@click.command("commit")
@click.option("-m", "--message", default="", help="Commit message.")
@click.option("-a", "--author", default="", help="Author.")
@click.argument("name", metavar="CONTAINER")
@click.argument("ref", required=False, metavar="[REPOSITORY[:TAG]]")
@click.pass_context
def commit(ctx: click.Context, message: str, author: str, name: str, ref: str | None) -> None:
    """Create a new image from a container's changes; print its ID."""
    from builder.runner.commit import commit as commit_container
    from builder.runner.container import Containers

    root = root_of(ctx)
    image = commit_container(root, Containers(root).get(name), ref, message, author)
    click.echo(image.id)
