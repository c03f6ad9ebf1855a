"""``dockyard push [--compression gzip|zstd] REF``: upload an image to a registry."""

from __future__ import annotations

import click

from builder.settings import Settings


@click.command("push")
@click.argument("reference")
@click.option("--compression", type=click.Choice(["gzip", "zstd"]), default=None,
              help="Re-compress layers stored otherwise (default: push them as stored).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the pushed digest.")
@click.pass_obj
def push(settings: Settings, reference: str, compression: str | None, quiet: bool) -> None:
    """Push an image (by its name in the store) to the registry its name points at."""
    from builder.cli.transfer import TransferView
    from builder.reference import parse_normalized
    from builder.registry import client_for
    from builder.registry.push import push as push_image
    from builder.store import Store

    ref = parse_normalized(reference)
    store = Store(settings.root)
    image = store.resolve(reference)
    view = TransferView("push", quiet=quiet)
    view.line(f"The push refers to repository [{ref.name}]")
    try:
        with client_for(ref.domain, settings) as client:
            result = push_image(store, image, ref, client,
                                compression=compression,  # type: ignore[arg-type]
                                progress=view)
    finally:
        view.close()
    if quiet:
        click.echo(result.digest)
    else:
        click.echo(f"{ref.tag or 'latest'}: digest: {result.digest} size: {result.size}")
