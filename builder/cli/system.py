"""``dockyard system df|prune``: disk usage of the store and clean-up."""

from __future__ import annotations

import click

from builder.blobs import tree_size
from builder.cli.imagefmt import human_size, open_store, table
from builder.descriptor import hex_of


def _percent(part: int, whole: int) -> str:
    return f" ({part * 100 // whole}%)" if whole else ""


@click.group("system")
def system() -> None:
    """Manage the local store."""


@system.command("df")
@click.pass_context
def df(ctx: click.Context) -> None:
    """Show disk usage: images, blobs nothing uses, unpacked layers."""
    store = open_store(ctx)
    store.ensure()
    images = store.images()
    referenced = store.referenced_blobs()
    tagged_blobs: set[str] = set()
    all_blobs: dict[str, int] = {}
    for path in store.blobs_dir.iterdir():
        all_blobs["sha256:" + path.name] = path.stat().st_size
    for image in images:
        if image.names:
            tagged_blobs |= {image.digest, image.id, *(layer.digest for layer in image.layers)}
    image_size = sum(size for d, size in all_blobs.items() if d in referenced)
    reclaim_images = sum(size for d, size in all_blobs.items() if d not in tagged_blobs)
    live = {hex_of(d) for image in images for d in image.diff_ids}
    layer_dirs = [p for p in store.layers_dir.iterdir() if not p.name.startswith(".")]
    layer_sizes = {p.name: tree_size(p) for p in layer_dirs}
    layers_total = sum(layer_sizes.values())
    layers_reclaim = sum(s for name, s in layer_sizes.items() if name not in live)
    total_blobs = sum(all_blobs.values())
    rows = [
        ["Images", str(len(images)), str(sum(1 for i in images if i.names)),
         human_size(image_size), human_size(reclaim_images) + _percent(reclaim_images,
                                                                       total_blobs)],
        ["Unpacked layers", str(len(layer_dirs)), str(sum(1 for n in layer_sizes if n in live)),
         human_size(layers_total), human_size(layers_reclaim) + _percent(layers_reclaim,
                                                                         layers_total)],
    ]
    click.echo(table(["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"], rows))


@system.command("prune")
@click.option("-f", "--force", is_flag=True, help="Do not prompt for confirmation.")
@click.pass_context
def prune(ctx: click.Context, force: bool) -> None:
    """Remove untagged images, blobs nothing uses, stale unpacked layers and temp files."""
    store = open_store(ctx)
    if not force:
        click.echo("WARNING! This will remove:\n  - all dangling images\n"
                   "  - all blobs and unpacked layers no image or build cache record uses\n"
                   "  - stale temporary files\n")
        if not click.confirm("Are you sure you want to continue?", default=False,
                             prompt_suffix=" "):
            return
    from builder.runner.container import Containers
    from builder.runner.removal import empty_later

    containers = Containers(store.root)
    empty_later(containers.dir)  # what --rm runs left to delete later
    in_use = {str(c.config.get("Image")) for c in containers.all()}
    removed = store.prune_dangling(keep=in_use)
    report = store.gc()
    if removed:
        click.echo("Deleted Images:")
        for image_id in removed:
            click.echo(f"deleted: {image_id}")
        click.echo()
    click.echo(f"Total reclaimed space: {human_size(report.reclaimed)}")
