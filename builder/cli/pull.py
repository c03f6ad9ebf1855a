"""``dockyard pull [--platform os/arch[/variant]] [-q] REF``: download an image."""

from __future__ import annotations

import click

from builder.settings import Settings


@click.command("pull")
@click.argument("reference")
@click.option("--platform", default=None, metavar="OS/ARCH[/VARIANT]",
              help="Pull this platform's image of a multi-platform index (default: this host).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the image's reference.")
@click.pass_obj
def pull(settings: Settings, reference: str, platform: str | None, quiet: bool) -> None:
    """Pull an image from a registry into the store."""
    from builder.cli.transfer import TransferView
    from builder.reference import parse
    from builder.registry import pull_image
    from builder.registry.pull import Platform
    from builder.store import Store

    ref = parse(reference)
    want = Platform.parse(platform) if platform else None
    view = TransferView("pull", quiet=quiet)
    if ref.tag is None and ref.digest is None:
        view.line("Using default tag: latest")
        ref = ref.with_default_tag()
    view.line(f"{ref.tag or ref.digest}: Pulling from {ref.path}")
    store = Store(settings.root)
    try:
        result = pull_image(store, str(ref), settings, platform=want, progress=view)
    finally:
        view.close()
    view.line(f"Digest: {result.digest}")
    if result.downloaded:
        view.line(f"Status: Downloaded newer image for {ref.familiar}")
    else:
        view.line(f"Status: Image is up to date for {ref.familiar}")
    click.echo(str(ref))
