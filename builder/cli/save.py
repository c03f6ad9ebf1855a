"""``dockyard save [-o FILE] [--format docker|oci] IMAGE...``: write images to a tarball."""

from __future__ import annotations

import contextlib
from typing import Literal, cast

import click

from builder.archive import SaveCompression, SaveItem
from builder.archive import save as save_archive
from builder.cli.imagefmt import open_store
from builder.errors import ReferenceFormatError
from builder.reference import Reference, parse, parse_normalized
from builder.store import Image, Store


def save_items(store: Store, names: tuple[str, ...]) -> list[SaveItem]:
    """Resolve the arguments as ``docker save`` does: ``name:tag`` saves that tag, a bare
    repository name every image it names (with its tags), an image ID or a repo digest the
    image without names (an archive records tags only)."""
    items: dict[str, tuple[Image, list[Reference]]] = {}
    for name in names:
        found: list[tuple[Image, list[Reference]]] = []
        bare: Reference | None = None
        with contextlib.suppress(ReferenceFormatError):
            bare = parse(name)
        if bare is not None and bare.tag is None and bare.digest is None:
            for image in store.images():
                held = [n for n in image.names if n.name == bare.name]
                if held:
                    found.append((image, [n for n in held if n.tag]))
        if not found:
            image = store.resolve(name)
            refs: list[Reference] = []
            with contextlib.suppress(ReferenceFormatError):
                ref = parse_normalized(name)
                if ref.tag is not None and ref in image.names:
                    refs.append(ref)
            found.append((image, refs))
        for image, refs in found:
            _, acc = items.setdefault(image.digest, (image, []))
            acc.extend(r for r in refs if r not in acc)
    return [SaveItem(image, tuple(acc)) for image, acc in items.values()]


@click.command("save")
@click.argument("names", nargs=-1, required=True, metavar="IMAGE...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file, "
              "instead of STDOUT.")
@click.option("--format", "fmt", type=click.Choice(["docker", "oci"]), default="docker",
              show_default=True, help="docker: a docker-archive that is also an OCI layout "
              "(no zstd layers); oci: an OCI-layout tarball with the layers as stored.")
@click.option("--compression", type=click.Choice(["keep", "gzip", "zstd", "none"]),
              default="keep", show_default=True, help="Re-compress the layers (keep: as "
              "stored, but zstd ones uncompressed for --format docker; umoci needs gzip or "
              "none).")
@click.pass_context
def save(ctx: click.Context, names: tuple[str, ...], output: str | None, fmt: str,
         compression: str) -> None:
    """Save one or more images to a tar archive (streamed to STDOUT by default)."""
    store = open_store(ctx)
    items = save_items(store, names)
    kind = cast(Literal["docker", "oci"], fmt)
    how = cast(SaveCompression, compression)
    from builder.outfile import output_stream

    with output_stream(output, "cowardly refusing to save to a terminal. Use the -o flag or "
                       "redirect") as out:
        save_archive(store, items, out, kind, how)
