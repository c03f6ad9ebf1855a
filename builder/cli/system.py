"""``dockyard system df|prune``: disk usage of the store and clean-up."""

from __future__ import annotations

import click

from builder.cli.imagefmt import human_size, open_store


@click.group("system")
def system() -> None:
    """Manage the local store."""


@system.command("df")
@click.option("-v", "--verbose", is_flag=True, help="Show detailed information on space usage.")
@click.option("--format", "fmt", default="", help="'table' (default), 'json', 'raw', a Go "
              "template run on each row (with -v: once on .Images, .Containers, .Volumes "
              "and .BuildCache), or 'table TEMPLATE'.")
@click.pass_context
def df(ctx: click.Context, verbose: bool, fmt: str) -> None:
    """Show disk usage: images, containers, local volumes and the build cache."""
    from builder.cli import dfformat
    from builder.cli.runopts import root_of
    from builder.diskusage import collect

    usage = collect(root_of(ctx))
    if verbose:
        text = dfformat.verbose(usage, fmt)
        click.echo(text, nl=fmt in ("", "table"))
    else:
        click.echo(dfformat.summary(usage, fmt))


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
