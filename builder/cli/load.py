"""``dockyard load [-i FILE]``: load images from a docker-archive or OCI-layout tarball."""

from __future__ import annotations

import sys
from typing import BinaryIO, cast

import click

from builder.archive import load as load_archive
from builder.cli.imagefmt import open_store
from builder.errors import DockyardError


@click.command("load")
@click.option("-i", "--input", "path", type=click.Path(dir_okay=False, exists=True),
              help="Read from a tar archive file, instead of STDIN.")
@click.option("-q", "--quiet", is_flag=True, help="Suppress the load output.")
@click.pass_context
def load(ctx: click.Context, path: str | None, quiet: bool) -> None:
    """Load images (any layer compression; digests and diff_ids are verified)."""
    store = open_store(ctx)
    before = {str(n): image.id for image in store.images() for n in image.names}
    if path is None:
        if sys.stdin.isatty():
            raise DockyardError("requested load from stdin, but stdin is empty")
        loaded = load_archive(store, cast(BinaryIO, sys.stdin.buffer))
    else:
        with open(path, "rb") as src:
            loaded = load_archive(store, src)
    if quiet:
        return
    for image in loaded:
        if image.names:
            for name in image.names:
                old = before.get(str(name))
                if old is not None and old != image.id:
                    click.echo(f"The image {name.familiar} already exists, renaming the old "
                               f"one with ID {old} to empty string")
                click.echo(f"Loaded image: {name.familiar}")
        else:
            click.echo(f"Loaded image ID: {image.id}")
