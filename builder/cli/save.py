"""``dockyard save [-o FILE] [--format docker|oci] IMAGE...``: write images to a tarball."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Literal, cast

import click

from builder.archive import SaveItem
from builder.archive import save as save_archive
from builder.cli.imagefmt import open_store
from builder.errors import DockyardError, ReferenceFormatError
from builder.reference import Reference, parse_normalized
from builder.store import Store


def save_items(store: Store, names: tuple[str, ...]) -> list[SaveItem]:
    """Resolve the arguments; a name is recorded in the archive, a bare ID saves no name."""
    items: dict[str, tuple[SaveItem, list[Reference]]] = {}
    for name in names:
        image = store.resolve(name)
        refs: list[Reference] = []
        with contextlib.suppress(ReferenceFormatError):
            ref = parse_normalized(name)
            if ref in image.names:
                refs.append(ref)
        _item, acc = items.setdefault(image.digest, (SaveItem(image), []))
        acc.extend(r for r in refs if r not in acc)
    return [SaveItem(item.image, tuple(acc)) for item, acc in items.values()]


@click.command("save")
@click.argument("names", nargs=-1, required=True, metavar="IMAGE...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file, "
              "instead of STDOUT.")
@click.option("--format", "fmt", type=click.Choice(["docker", "oci"]), default="docker",
              show_default=True, help="docker: a docker-archive that is also an OCI layout "
              "(gzip layers); oci: an OCI-layout tarball with the layers as stored.")
@click.pass_context
def save(ctx: click.Context, names: tuple[str, ...], output: str | None, fmt: str) -> None:
    """Save one or more images to a tar archive (streamed to STDOUT by default)."""
    store = open_store(ctx)
    items = save_items(store, names)
    kind = cast(Literal["docker", "oci"], fmt)
    if output is None:
        if sys.stdout.isatty():
            raise DockyardError(
                "cowardly refusing to save to a terminal. Use the -o flag or redirect")
        save_archive(store, items, cast(BinaryIO, sys.stdout.buffer), kind)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".",
                               prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            save_archive(store, items, out, kind)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
