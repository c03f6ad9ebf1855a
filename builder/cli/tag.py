"""``dockyard tag SOURCE TARGET``: add a name to an image."""

from __future__ import annotations

import click

from builder.cli.imagefmt import open_store
from builder.errors import ReferenceFormatError
from builder.reference import parse


@click.command("tag")
@click.argument("source")
@click.argument("target")
@click.pass_context
def tag(ctx: click.Context, source: str, target: str) -> None:
    """Create a tag TARGET that refers to SOURCE (a name or an image ID)."""
    store = open_store(ctx)
    ref = parse(target)
    if ref.digest is not None:
        raise ReferenceFormatError("refusing to create a tag with a digest reference")
    image = store.resolve(source)
    store.tag(ref, image.descriptor)
